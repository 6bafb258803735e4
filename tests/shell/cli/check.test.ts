/**
 * `badges check` runs the build's own content check (loadContent): every case of the malformed corpus is
 * refused by the command with the same report, and the findings of a careless-administrator probe stay
 * fixed: a value of a megabyte is refused for its length at once (the email scan once took 51 s on 150 000
 * characters), and a YAML alias bomb is one problem of its file, beside the other files' problems, never a
 * stack trace.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/shell/content.ts';
import { cli } from '../../helpers/cli.ts';
import { CONTENT_FIXTURES, projectFromFixture } from '../../helpers/fixtures.ts';

const MALFORMED = join(import.meta.dirname, '..', '..', 'fixtures', 'malformed');
const AWARD = 'content/awards/2026/0b5e4d8c-3f1a-4c2b-9d7e-6a1f2b3c4d5e.yaml';
const BADGE = 'content/badges/robotique-niveau-1.md';
const ISSUER = 'content/issuers/ecole-test.yaml';
const MEGABYTE = 'a'.repeat(1_000_000);

const edit = (root: string, path: string, change: (text: string) => string) =>
  writeFileSync(join(root, path), change(readFileSync(join(root, path), 'utf8')));

/** What the check prints: the build's report with the check's own last words. */
const asCheckReport = (report: string) =>
  report.replace(
    /^(✖ \d+ content problems?\.) Nothing was published\./,
    '$1 Fix them, then run the check again.',
  );

describe('badges check refuses every malformed case with the build report', () => {
  const cases = readdirSync(MALFORMED, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'rosters')
    .map((entry) => entry.name)
    .sort();

  for (const name of cases) {
    it(name, async () => {
      const root = projectFromFixture('valid');
      rmSync(join(root, 'content'), { recursive: true });
      cpSync(join(CONTENT_FIXTURES, 'valid', 'content'), join(root, 'content'), { recursive: true });
      cpSync(join(MALFORMED, name, 'content'), join(root, 'content'), { recursive: true });
      const run = await cli(root, ['check']);
      expect(run.code).toBe(1);
      expect(run.out).toBe('');
      expect(run.err).toBe(asCheckReport(readFileSync(join(MALFORMED, name, 'expected.txt'), 'utf8')));
      // The same report in French on a French system, every problem from the catalogue.
      const french = await cli(root, ['check'], { LANG: 'fr_FR.UTF-8' });
      expect(french.code).toBe(1);
      const problems = loadContent(root, '2026-11-28').problems;
      expect(problems.filter((p) => p.says === undefined || p.says.message.id === 'text.verbatim')).toEqual(
        [],
      );
      const expectedFile = join(MALFORMED, name, 'expected.fr.txt');
      if (process.env.UPDATE_EXPECTED === '1' || !existsSync(expectedFile))
        writeFileSync(expectedFile, french.err);
      expect(french.err).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }
});

describe('badges check on values of a megabyte', () => {
  const cases: [string, string, (text: string) => string, string][] = [
    [
      'an award narrative',
      AWARD,
      (t) => `${t}narrative: ${MEGABYTE}\n`,
      'narrative: Is too long: at most 5000',
    ],
    [
      'an earner name',
      AWARD,
      (t) => t.replace('name: Alice Exemple', `name: ${MEGABYTE}`),
      'recipient.name: Is too long: at most 200',
    ],
    [
      'an evidence narrative',
      AWARD,
      (t) => `${t}evidence:\n  - narrative: ${MEGABYTE}\n`,
      'evidence[0].narrative: Is too long: at most 5000',
    ],
    [
      'a badge name',
      BADGE,
      (t) => t.replace('name: Robotique — niveau 1', `name: ${MEGABYTE}`),
      'name: Is too long: at most 120',
    ],
    [
      'a badge description',
      BADGE,
      (t) => t.replace(/^description: .*$/m, `description: ${MEGABYTE}`),
      'description: Is too long: at most 2000',
    ],
    ['the criteria', BADGE, (t) => `${t}${MEGABYTE}\n`, 'The criteria text is too long: 1000048 characters'],
    [
      'an issuer description',
      ISSUER,
      (t) => t.replace(/^description: .*$/m, `description: ${MEGABYTE}`),
      'description: Is too long: at most 2000',
    ],
    [
      'an email-like issuer address',
      ISSUER,
      (t) => t.replace(/^email: .*$/m, `email: ${MEGABYTE}@${MEGABYTE}`),
      'email: Is not a valid email address: a text of 2000001 characters.',
    ],
  ];

  for (const [what, file, change, message] of cases) {
    it(`refuses ${what} for its length, in seconds`, { timeout: 20_000 }, async () => {
      const root = projectFromFixture('valid');
      edit(root, file, change);
      const run = await cli(root, ['check']);
      expect(run.code).toBe(1);
      expect(run.err).toContain(file);
      expect(run.err).toContain(message);
      // The report never repeats the value.
      expect(run.err.length).toBeLessThan(2000);
    });
  }

  it('refuses all of them at once, in seconds', { timeout: 30_000 }, async () => {
    const root = projectFromFixture('valid');
    for (const [, file, change] of cases.filter(([what]) => what !== 'an earner name'))
      edit(root, file, change);
    const run = await cli(root, ['check']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^✖ 7 content problems\./);
  });
});

describe('badges check on a YAML alias bomb', () => {
  it('reports the bomb and the other files problems, without a stack trace', async () => {
    const root = projectFromFixture('valid');
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g'].entries()) {
      const previous = i === 0 ? 'a' : (['b', 'c', 'd', 'e', 'f'][i - 1] as string);
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    edit(root, AWARD, (t) => `${t}${bomb.join('\n')}\n`);
    edit(root, BADGE, (t) => t.replace('palette: ocean', 'palette: oceann'));
    edit(root, ISSUER, (t) => t.replace('url: https://ecole-test.example', 'url: ecole-test'));
    const run = await cli(root, ['check']);
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      `${AWARD}\n  10  The YAML expands its aliases (*name) into far too many values`,
    );
    expect(run.err).toContain(`${BADGE}\n   9  artwork.palette: There is no palette "oceann".`);
    expect(run.err).toContain(`${ISSUER}\n   2  url: Is not a valid http(s) URL`);
    expect(run.err).not.toMatch(/Excessive alias|ReferenceError|\n\s+at /);
  });

  it('reports YAML that cannot be read in one file, and the others', async () => {
    const root = projectFromFixture('valid');
    edit(root, AWARD, (t) => `${t}evidence: [\n`);
    edit(root, BADGE, (t) => t.replace('palette: ocean', 'palette: oceann'));
    const run = await cli(root, ['check']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^✖ 2 content problems\./);
    expect(run.err).toContain(AWARD);
    expect(run.err).toContain(BADGE);
  });
});
