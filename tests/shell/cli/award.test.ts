import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hashIdentity } from '../../../src/core/identity/email.ts';
import { isAwardId } from '../../../src/core/urls.ts';
import { loadContent } from '../../../src/shell/content.ts';
import { cli } from '../../helpers/cli.ts';
import { projectFromFixture } from '../../helpers/fixtures.ts';
import { BADGE, FIXTURE_AWARD, idOf, newAwards } from './award-helpers.ts';

const one = (root: string, ...extra: string[]) =>
  cli(root, [
    'award',
    '--badge',
    BADGE,
    '--name',
    'Léa Martin',
    '--email',
    'Lea.Martin@Ecole-Test.example',
    ...extra,
  ]);

describe('badges award (one person)', () => {
  it('writes one award file with a hashed identity, a fresh salt and a random free status index', async () => {
    const root = projectFromFixture('valid');
    const run = await one(root);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const [file] = newAwards(root);
    if (!file) throw new Error('no award written');
    const id = file.match(/^content\/awards\/2026\/(.+)\.yaml$/)?.[1] ?? '';
    expect(isAwardId(id)).toBe(true);
    expect(run.out).toBe(
      `✔ Awarded "Robotique — niveau 1" to Léa Martin: ${file}\n  page: https://lycee-trois-rivieres.github.io/badges/awards/${id}/\nNext: commit content/awards/ and push; the site publishes the new award. Then \`npm run badges -- notify --send\` (or \`--export <file.csv>\`) tells the earner: 1 announcement queued in .outbox/ (never committed).\n`,
    );

    const text = readFileSync(join(root, file), 'utf8');
    const data = parse(text);
    expect(data.recipient.salt).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(data).toEqual({
      badge: BADGE,
      recipient: {
        name: 'Léa Martin',
        identity: hashIdentity('lea.martin@ecole-test.example', data.recipient.salt),
        salt: data.recipient.salt,
      },
      issuedOn: '2026-11-28',
      listed: false,
      statusIndex: data.statusIndex,
    });
    expect(data.statusIndex).not.toBe(17);
    expect(text.toLowerCase()).not.toContain('lea.martin@ecole-test.example');
    expect(loadContent(root, '2026-11-28').ok).toBe(true);
  });

  it('writes the optional fields, with a French date', async () => {
    const root = projectFromFixture('valid');
    const run = await one(
      root,
      '--issued-on',
      '20/06/2026',
      '--expires',
      '2027-06-20',
      '--evidence',
      'https://ecole-test.example/travaux/robot',
      '--narrative',
      'Robot suiveur de ligne : 2 m sans erreur.',
      '--listed',
    );
    expect(run.code).toBe(0);
    const data = parse(readFileSync(join(root, newAwards(root)[0] ?? ''), 'utf8'));
    expect(data).toMatchObject({
      issuedOn: '2026-06-20',
      expires: '2027-06-20',
      evidence: [{ url: 'https://ecole-test.example/travaux/robot' }],
      narrative: 'Robot suiveur de ligne : 2 m sans erreur.',
      listed: true,
    });
  });

  it('is idempotent: the same person (any letter case) is not awarded twice', async () => {
    const root = projectFromFixture('valid');
    await one(root);
    const first = newAwards(root)[0] ?? '';
    const id = idOf(first);
    const again = await cli(root, [
      'award',
      '--badge',
      BADGE,
      '--name',
      'L. Martin',
      '--email',
      ' LEA.MARTIN@ecole-test.EXAMPLE',
    ]);
    expect(again.code).toBe(0);
    expect(again.out).toBe(
      `= Already awarded: this person holds "Robotique — niveau 1" (award ${id}, Léa Martin, valid). Nothing was written.\n`,
    );
    expect(newAwards(root)).toEqual([first]);
  });

  it('writes nothing with --dry-run', async () => {
    const root = projectFromFixture('valid');
    const run = await one(root, '--dry-run');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      /^Would award "Robotique — niveau 1" to Léa Martin: content\/awards\/2026\/([0-9a-f-]{36})\.yaml\n {2}page: https:\/\/lycee-trois-rivieres\.github\.io\/badges\/awards\/\1\/\nDry run, nothing was written\.\n$/,
    );
    expect(newAwards(root)).toEqual([]);
  });

  it('refuses an unknown badge with a suggestion', async () => {
    const root = projectFromFixture('valid');
    const run = await cli(root, [
      'award',
      '--badge',
      'robotique-niveau1',
      '--name',
      'Léa',
      '--email',
      'lea@ecole.fr',
    ]);
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      '✖ No badge "robotique-niveau1" exists. Did you mean "robotique-niveau-1"? Badges are the files in content/badges/ (robotique-niveau-1).\n',
    );
    expect(newAwards(root)).toEqual([]);
  });

  it('reports every wrong value at once and writes nothing', async () => {
    const root = projectFromFixture('valid');
    const run = await cli(root, [
      'award',
      '--badge',
      BADGE,
      '--name',
      ' ',
      '--email',
      'lea.martin@ecole',
      '--issued-on',
      '2026-12-01',
      '--expires',
      '01/11/2026',
    ]);
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      [
        '✖ Cannot award "Robotique — niveau 1". Nothing was written.',
        '  --name: The name is missing.',
        '  --email: The email address does not end with a domain such as "school.org".',
        '  --issued-on: The issue date 2026-12-01 is in the future (today is 2026-11-28); award it on or after that day.',
        '  --expires: The expiry date 2026-11-01 is not after the issue date 2026-12-01.',
        '',
      ].join('\n'),
    );
    expect(newAwards(root)).toEqual([]);
  });

  it('refuses to start from invalid content', async () => {
    const root = projectFromFixture('valid');
    writeFileSync(
      join(root, FIXTURE_AWARD),
      readFileSync(join(root, FIXTURE_AWARD), 'utf8').replace('statusIndex: 17', 'statusIndex: -1'),
    );
    const run = await one(root);
    expect(run.code).toBe(1);
    expect(run.err).toContain('✖ 1 content problem. Nothing was written: fix them first');
    expect(newAwards(root)).toEqual([]);
  });

  it('explains usage mistakes (exit code 2) without ever repeating an email', async () => {
    const root = projectFromFixture('valid');
    const cases: [string[], string][] = [
      [['award', '--name', 'Léa', '--email', 'lea@ecole.fr'], 'Which badge? Give --badge <slug>.'],
      [
        ['award', '--badge', BADGE, '--name', 'Léa', 'Martin', '--email', 'lea@ecole.fr'],
        'Unexpected value without an option name',
      ],
      [['award', '--badge', BADGE, 'lea@ecole.fr'], 'Unexpected value without an option name'],
      [['award', '--badge', BADGE, '--email', 'lea@ecole.fr'], 'Give --name and --email'],
      [
        ['award', '--badge', BADGE, '--csv', 'x.csv', '--email', 'lea@ecole.fr'],
        'Give either --csv, or --name and --email',
      ],
      [
        ['award', '--badge', BADGE, '--name', 'Léa', '--email', 'lea@ecole.fr', '--skip-invalid'],
        '--skip-invalid only applies',
      ],
      [['award', '--badge', BADGE, '--lea@ecole.fr'], "Unknown option '<email address>'"],
    ];
    for (const [argv, message] of cases) {
      const run = await cli(root, argv);
      expect(run.code).toBe(2);
      expect(run.err).toContain(message);
      expect(run.err).toContain('Usage:');
      expect(`${run.out}${run.err}`).not.toContain('lea@ecole.fr');
    }
    expect((await cli(root, ['award', '--help'])).code).toBe(0);
    expect(newAwards(root)).toEqual([]);
  });
});
