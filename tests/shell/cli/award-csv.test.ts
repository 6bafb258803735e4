import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decodeRoster } from '../../../src/core/authoring/roster.ts';
import { matchesIdentity } from '../../../src/core/identity/email.ts';
import { loadContent } from '../../../src/shell/content.ts';
import { OUTBOX_DIR, OUTBOX_FILE } from '../../../src/shell/delivery/outbox-file.ts';
import { cli } from '../../helpers/cli.ts';
import { projectFromFixture } from '../../helpers/fixtures.ts';
import { BADGE, filesUnder, newAwards, ROSTERS, readText } from './award-helpers.ts';

const roster = (name: string) => join(ROSTERS, name);
const awardCsv = (root: string, name: string, ...extra: string[]) =>
  cli(root, ['award', '--badge', BADGE, '--csv', roster(name), ...extra]);

interface Written {
  name: string;
  issuedOn: string;
  expires?: string;
  evidence?: string;
  narrative?: string;
}

/** The awards written by a run, by earner, with the email each one was hashed from. */
function written(root: string): (Written & { identity: { identity: string; salt: string } })[] {
  return newAwards(root)
    .map((file) => parse(readText(root, file)))
    .map((a) => ({
      name: a.recipient.name,
      issuedOn: a.issuedOn,
      ...(a.expires ? { expires: a.expires } : {}),
      ...(a.evidence ? { evidence: a.evidence[0].url } : {}),
      ...(a.narrative ? { narrative: a.narrative } : {}),
      identity: { identity: a.recipient.identity, salt: a.recipient.salt },
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

const E = (local: string) => `${local}@eleves.ecole-test.example`;

const CASES: { file: string; header: string; awards: (Written & { email: string })[] }[] = [
  {
    file: 'utf8-bom-semicolon.csv',
    header:
      'Roster utf8-bom-semicolon.csv: UTF-8, semicolon-separated, 3 rows.\n  Columns: name ← "Nom complet" (A), email ← "Courriel" (B)\n  Ignored columns: "Classe" (C)\n',
    awards: [
      { name: 'Anaïs Nguyễn', email: E('anais.nguyen'), issuedOn: '2026-11-28' },
      { name: 'Hugo Bernard', email: E('hugo.bernard'), issuedOn: '2026-11-28' },
      { name: 'Léa Martin', email: E('lea.martin'), issuedOn: '2026-11-28' },
    ],
  },
  {
    file: 'windows-1252-accents.csv',
    header:
      'Roster windows-1252-accents.csv: Windows-1252, semicolon-separated, 3 rows.\n  Columns: name ← "Prénom" (A) + "Nom" (B), email ← "Adresse électronique" (C), narrative ← "Remarque" (D)\n',
    awards: [
      { name: 'Maël Le Goff', email: E('mael.legoff'), issuedOn: '2026-11-28' },
      {
        name: 'Noël Œillet-Françoise',
        email: E('noel.oeillet'),
        issuedOn: '2026-11-28',
        narrative: '« Très bon travail »',
      },
      {
        name: 'Zoé Lefèvre',
        email: E('zoe.lefevre'),
        issuedOn: '2026-11-28',
        narrative: 'Budget réalisé pour 5 €',
      },
    ],
  },
  {
    file: 'tab-separated.csv',
    header:
      'Roster tab-separated.csv: UTF-8, tab-separated, 2 rows.\n  Columns: name ← "Full name" (A), email ← "Email" (B), issue date ← "Issue date" (C)\n',
    awards: [
      { name: 'Gabriel Laurent', email: E('gabriel.laurent'), issuedOn: '2026-06-21' },
      { name: 'Inès Moreau', email: E('ines.moreau'), issuedOn: '2026-06-20' },
    ],
  },
  {
    file: 'quoted-fields.csv',
    header:
      'Roster quoted-fields.csv: UTF-8, comma-separated, 2 rows.\n  Columns: name ← "Name" (C), email ← "Email" (A), evidence ← "Evidence" (D), narrative ← "Narrative" (B)\n',
    awards: [
      { name: 'Louis Faure', email: E('louis.faure'), issuedOn: '2026-11-28' },
      {
        name: 'Rousseau, Jade',
        email: E('jade.rousseau'),
        issuedOn: '2026-11-28',
        evidence: 'https://ecole-test.example/travaux/robot-trieur',
        narrative:
          'Built a robot that sorts bricks, by colour.\nPresented it at the open day, to "rave" reviews.',
      },
    ],
  },
  {
    file: 'french-headers.csv',
    header:
      'Roster french-headers.csv: UTF-8, semicolon-separated, 2 rows.\n  Columns: name ← "Nom complet" (B), email ← "Courriel" (A), issue date ← "Date d\'attribution" (C), expiry ← "Expire le" (D), evidence ← "Lien" (F), narrative ← "Appréciation" (E)\n',
    awards: [
      {
        name: 'Camille Fontaine',
        email: E('camille.fontaine'),
        issuedOn: '2026-05-15',
        expires: '2028-05-15',
        evidence: 'https://ecole-test.example/travaux/camille',
        narrative: 'Engagement remarquable',
      },
      { name: 'Émile Béranger-Çelik', email: E('emile.beranger'), issuedOn: '2026-05-16' },
    ],
  },
  {
    file: 'english-headers-reordered.csv',
    header:
      'Roster english-headers-reordered.csv: UTF-8, comma-separated, 2 rows.\n  Columns: name ← "Full name" (E), email ← "E-mail" (C), issue date ← "Issued on" (D), expiry ← "Expiry date" (B), evidence ← "Evidence URL" (A), narrative ← "Comments" (F)\n',
    awards: [
      {
        name: 'Sarah Lemoine',
        email: E('sarah.lemoine'),
        issuedOn: '2025-01-20',
        expires: '2027-01-20',
        evidence: 'https://ecole-test.example/travaux/sarah',
        narrative: 'First aid in a real situation',
      },
      { name: 'Thomas Petit', email: E('thomas.petit'), issuedOn: '2026-11-28' },
    ],
  },
  {
    file: 'first-last-names.csv',
    header:
      'Roster first-last-names.csv: UTF-8, semicolon-separated, 2 rows.\n  Columns: name ← "Prénom" (B) + "NOM" (A), email ← "Mail" (C)\n  Ignored columns: "Classe" (D)\n',
    awards: [
      { name: 'Élodie MARCHAND', email: E('elodie.marchand'), issuedOn: '2026-11-28' },
      { name: 'Nathan Garnier', email: E('nathan.garnier'), issuedOn: '2026-11-28' },
    ],
  },
];

describe('badges award --csv', () => {
  for (const { file, header, awards } of CASES) {
    it(`awards every row of ${file}`, async () => {
      const root = projectFromFixture('valid');
      const run = await awardCsv(root, file);
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      expect(run.out.startsWith(header)).toBe(true);
      expect(run.out).toContain(
        `"Robotique — niveau 1": created ${awards.length}, skipped 0 as already awarded, rejected 0.\n`,
      );
      const got = written(root);
      expect(got.map(({ identity: _, ...rest }) => rest)).toEqual(
        awards.map(({ email: _, ...rest }) => rest),
      );
      for (const [i, award] of awards.entries())
        expect(matchesIdentity(award.email, got[i]?.identity ?? { identity: '', salt: '' })).toBe(true);
      expect(loadContent(root, '2026-11-28').ok).toBe(true);
    });
  }

  it('creates nothing when the same roster runs again', async () => {
    const root = projectFromFixture('valid');
    await awardCsv(root, 'utf8-bom-semicolon.csv');
    const before = newAwards(root);
    const again = await awardCsv(root, 'utf8-bom-semicolon.csv');
    expect(again.code).toBe(0);
    expect(again.out).toContain('  = line 2  Léa Martin: already awarded (award ');
    expect(again.out).toContain(
      '"Robotique — niveau 1": created 0, skipped 3 as already awarded, rejected 0.\n',
    );
    expect(newAwards(root)).toEqual(before);
  });

  it('skips people already awarded one by one, and awards the rest', async () => {
    const root = projectFromFixture('valid');
    await cli(root, ['award', '--badge', BADGE, '--name', 'Hugo B.', '--email', E('HUGO.BERNARD')]);
    const run = await awardCsv(root, 'utf8-bom-semicolon.csv');
    expect(run.out).toContain('  = line 4  Hugo Bernard: already awarded (award ');
    expect(run.out).toContain(', Hugo B.)\n');
    expect(run.out).toContain('created 2, skipped 1 as already awarded, rejected 0.');
    expect(newAwards(root)).toHaveLength(3);
  });

  it('writes nothing when a row is wrong, and reports each bad row with its line', async () => {
    const root = projectFromFixture('valid');
    const run = await awardCsv(root, 'broken-rows.csv');
    expect(run.code).toBe(1);
    expect(run.err).toBe(readFileSync(roster('broken-rows.expected.txt'), 'utf8'));
    expect(newAwards(root)).toEqual([]);
  });

  it('reports the same broken rows in French on a French system', async () => {
    const root = projectFromFixture('valid');
    const run = await cli(root, ['award', '--badge', BADGE, '--csv', roster('broken-rows.csv')], {
      LANG: 'fr_FR.UTF-8',
    });
    expect(run.code).toBe(1);
    const expectedFile = roster('broken-rows.expected.fr.txt');
    if (process.env.UPDATE_EXPECTED === '1' || !existsSync(expectedFile))
      writeFileSync(expectedFile, run.err);
    expect(run.err).toBe(readFileSync(expectedFile, 'utf8'));
    expect(run.out).toContain('Liste broken-rows.csv\u00a0:');
    expect(newAwards(root)).toEqual([]);
  });

  it('awards the valid rows with --skip-invalid and reports the others', async () => {
    const root = projectFromFixture('valid');
    const run = await awardCsv(root, 'broken-rows.csv', '--skip-invalid');
    expect(run.code).toBe(0);
    expect(run.err.split('\n')[0]).toBe(
      '⚠ 12 of 14 rows of broken-rows.csv are rejected and left out (--skip-invalid):',
    );
    expect(run.err).toContain('  line 3   name: The name is missing.\n');
    expect(run.out).toContain('created 2, skipped 0 as already awarded, rejected 12.');
    expect(written(root).map((a) => a.name)).toEqual(['Valide Deux', 'Valide Un']);
  });

  it('writes nothing with --dry-run and says what would happen', async () => {
    const root = projectFromFixture('valid');
    await cli(root, ['award', '--badge', BADGE, '--name', 'Léa', '--email', E('lea.martin')]);
    const before = filesUnder(root);
    const run = await awardCsv(root, 'utf8-bom-semicolon.csv', '--dry-run');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      / {2}✔ line 4 {2}Hugo Bernard: would create content\/awards\/2026\/[0-9a-f-]{36}\.yaml\n/,
    );
    expect(run.out).toContain(
      'Dry run, nothing was written. "Robotique — niveau 1": would create 2, skip 1 as already awarded, reject 0.\n',
    );
    expect(filesUnder(root)).toEqual(before);

    const broken = await awardCsv(root, 'broken-rows.csv', '--dry-run');
    expect(broken.code).toBe(1);
    expect(filesUnder(root)).toEqual(before);
  });

  it.each([
    [
      'unclosed-quote.csv',
      '✖ unclosed-quote.csv, line 2: The quoted value that starts on line 2 is never closed.\n  Hint: Add the missing closing quote ("), or remove the opening one.\nNothing was written.\n',
    ],
    [
      'no-email-column.csv',
      '✖ no-email-column.csv, line 1: No column holds the email addresses. The header row (line 1) has "Nom", "Classe".\n  Hint: Name that column "Email" or "Courriel".\nNothing was written.\n',
    ],
    [
      'no-header.csv',
      '✖ no-header.csv, line 1: The first row holds an email address: the roster has no header row.\n  Hint: Add a first row with the column names, for example: Nom complet;Courriel\nNothing was written.\n',
    ],
    [
      'ambiguous-columns.csv',
      '✖ ambiguous-columns.csv, line 1: Two columns could hold the email address: "Email" (column B) and "Courriel" (column C).\n  Hint: Rename or delete one of them, then run the command again.\nNothing was written.\n',
    ],
  ])('refuses %s as a whole', async (file, message) => {
    const root = projectFromFixture('valid');
    const run = await awardCsv(root, file);
    expect(run.code).toBe(1);
    expect(run.err).toBe(message);
    expect(newAwards(root)).toEqual([]);
  });

  it('refuses a missing file and wrong options before reading any row', async () => {
    const root = projectFromFixture('valid');
    const missing = await cli(root, ['award', '--badge', BADGE, '--csv', 'absent.csv']);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe(
      '✖ No file absent.csv: check the path (it is relative to the project folder).\n',
    );
    const future = await awardCsv(root, 'utf8-bom-semicolon.csv', '--issued-on', '2027-01-01');
    expect(future.code).toBe(1);
    expect(future.err).toBe(
      '✖ Nothing was written.\n  --issued-on: The issue date 2027-01-01 is in the future (today is 2026-11-28); award it on or after that day.\n',
    );
    expect(newAwards(root)).toEqual([]);
  });

  it('applies --issued-on, --expires and --listed to rows that do not give their own', async () => {
    const root = projectFromFixture('valid');
    const run = await awardCsv(root, 'tab-separated.csv', '--expires', '2030-01-01', '--listed');
    expect(run.code).toBe(0);
    const data = newAwards(root).map((f) => parse(readText(root, f)));
    expect(data.map((a) => [a.expires, a.listed])).toEqual([
      ['2030-01-01', true],
      ['2030-01-01', true],
    ]);
  });

  it('never writes or prints an email from any roster, in any letter case', async () => {
    const root = projectFromFixture('valid');
    let output = '';
    for (const file of [...CASES.map((c) => c.file), 'broken-rows.csv']) {
      const run = await awardCsv(root, file, '--skip-invalid');
      output += run.out + run.err;
    }
    expect(newAwards(root).length).toBe(CASES.reduce((n, c) => n + c.awards.length, 0) + 2);
    const emails = new Set<string>();
    for (const file of [...CASES.map((c) => c.file), 'broken-rows.csv']) {
      const { text } = decodeRoster(new Uint8Array(readFileSync(roster(file))));
      for (const match of text.matchAll(/[^\s;,"@]+@[^\s;,"]+/g)) emails.add(match[0].toLowerCase());
    }
    expect(emails.size).toBeGreaterThan(25);
    // The outbox is the one place an address waits for `notify`: git-ignored, outside content and site.
    const files = filesUnder(root).filter((f) => !f.startsWith(`${OUTBOX_DIR}/`));
    expect(filesUnder(root, OUTBOX_DIR)).toEqual([`${OUTBOX_DIR}/${OUTBOX_FILE}`]);
    const everything = [output, ...files.map((f) => readText(root, f))].join('\n').toLowerCase();
    for (const email of emails) {
      expect(everything).not.toContain(email);
      // Also the part before "@", which identifies the person in most schools.
      expect(everything).not.toContain(`${email.split('@')[0]}@`);
    }
  });

  it('reads a roster path relative to the project folder, and warns that it must not be committed', async () => {
    const root = projectFromFixture('valid');
    writeFileSync(join(root, 'classe.csv'), readFileSync(roster('first-last-names.csv')));
    const run = await cli(root, ['award', '--badge', BADGE, '--csv', 'classe.csv']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('created 2, skipped 0 as already awarded, rejected 0.');
    expect(run.err).toBe(
      '⚠ classe.csv is inside the project folder and holds email addresses: never commit it. Keep rosters outside the repository.\n',
    );
  });
});
