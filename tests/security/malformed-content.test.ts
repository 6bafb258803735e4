/**
 * Malformed content, one case per mistake: the content fixtures (tests/fixtures/content/broken-*, whose
 * reports tests/shell/content.test.ts pins) and the cases of tests/fixtures/malformed (control characters,
 * a file that is not UTF-8, custom images that are not images, not square, too big or scripted, a scripted
 * logo, javascript: links, empty and huge values, wrong shapes). Each one goes through a real `astro build`
 * over a project whose output folder already holds a previous site: the build must exit non-zero, print
 * the whole report naming the file, and leave the previous site exactly as it was (the check runs before
 * Astro writes anything). Rosters go through `award --csv`: exit 1, the rows by line, nothing written.
 *
 * UPDATE_EXPECTED=1 rewrites the expected reports of tests/fixtures/malformed; review the diff.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblems } from '../../src/core/content/problems.ts';
import { loadContent } from '../../src/shell/content.ts';
import { KEYS_ENV } from '../../src/shell/keys.ts';
import { cli } from '../helpers/cli.ts';
import { brokenFixtures, CONTENT_FIXTURES, projectFromFixture } from '../helpers/fixtures.ts';
import { astroBuild, scratchProject } from '../helpers/project.ts';

const MALFORMED = join(import.meta.dirname, '..', 'fixtures', 'malformed');
const ROSTERS = join(MALFORMED, 'rosters');
const TODAY = '2026-11-28';
const PREVIOUS_SITE = '<!doctype html><title>The previous site</title>';

interface Case {
  readonly name: string;
  /** The folder holding the case's `content/` overlay and `expected.txt`. */
  readonly dir: string;
}

const cases: Case[] = [
  ...brokenFixtures().map((name) => ({ name, dir: join(CONTENT_FIXTURES, name) })),
  ...readdirSync(MALFORMED, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'rosters')
    .map((entry) => ({ name: entry.name, dir: join(MALFORMED, entry.name) }))
    .sort((a, b) => a.name.localeCompare(b.name)),
];
const malformed = cases.filter((c) => c.dir.startsWith(MALFORMED));
const expectedReport = (c: Case) => readFileSync(join(c.dir, 'expected.txt'), 'utf8');

/** Replaces the project's content with the valid fixture plus the case's overlay. */
function useContent(root: string, c: Case): void {
  rmSync(join(root, 'content'), { recursive: true, force: true });
  cpSync(join(CONTENT_FIXTURES, 'valid', 'content'), join(root, 'content'), { recursive: true });
  cpSync(join(c.dir, 'content'), join(root, 'content'), { recursive: true });
}

/** Every file under `dir` with its text, to compare a folder before and after. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [path.slice(dir.length + 1), readFileSync(path, 'latin1')];
      }),
  );
}

describe('the malformed content corpus', () => {
  it('has at least 40 cases, each with its expected report', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const c of cases) expect(existsSync(join(c.dir, 'expected.txt')), c.name).toBe(true);
  });

  for (const c of malformed) {
    it(`reports ${c.name} exactly`, () => {
      const root = projectFromFixture('valid');
      useContent(root, c);
      const result = loadContent(root, TODAY);
      expect(result.ok).toBe(false);
      const report = `${formatProblems(result.problems)}\n`;
      if (process.env.UPDATE_EXPECTED === '1') writeFileSync(join(c.dir, 'expected.txt'), report);
      expect(report).toBe(expectedReport(c));
    });
  }
});

describe('a real build refuses each case and keeps the previous site', () => {
  let root: string;
  let outDir: string;
  let previous: Record<string, string>;

  beforeAll(() => {
    root = scratchProject(join(CONTENT_FIXTURES, 'valid', 'content'));
    outDir = join(root, 'dist');
    for (const [path, text] of [
      ['index.html', PREVIOUS_SITE],
      ['awards/0b5e4d8c-3f1a-4c2b-9d7e-6a1f2b3c4d5e/index.html', PREVIOUS_SITE],
    ]) {
      mkdirSync(dirname(join(outDir, path as string)), { recursive: true });
      writeFileSync(join(outDir, path as string), text as string);
    }
    previous = snapshot(outDir);
  });

  for (const c of cases) {
    it(c.name, () => {
      useContent(root, c);
      const run = astroBuild(root, outDir, { INSIGNE_TODAY: TODAY, [KEYS_ENV]: '' });
      const output = `${run.stdout}\n${run.stderr}`;
      expect(run.status, output).not.toBe(0);
      // The whole report, as `badges check` prints it: every problem with its file, line and hint.
      const report = expectedReport(c).trimEnd();
      expect(output).toContain(report);
      const files = report.split('\n').filter((line) => line.startsWith('content/'));
      expect(files.length, 'the report names the file').toBeGreaterThan(0);
      expect(output).toContain('Nothing was published.');
      expect(snapshot(outDir)).toEqual(previous);
      expect(readdirSync(root).filter((name) => name.startsWith('dist.'))).toEqual([]);
    });
  }
});

describe('malformed rosters', () => {
  const rosters = readdirSync(ROSTERS)
    .filter((name) => name.endsWith('.csv'))
    .sort();

  it('has a case per kind of roster mistake', () => {
    expect(rosters.length).toBeGreaterThanOrEqual(6);
  });

  for (const name of rosters) {
    it(`${name}: refused as a whole, by line, nothing written`, async () => {
      const root = projectFromFixture('valid');
      const before = snapshot(root);
      const run = await cli(root, ['award', '--badge', 'robotique-niveau-1', '--csv', join(ROSTERS, name)]);
      expect(run.code).toBe(1);
      expect(run.err).toContain(name);
      expect(run.err).toContain('Nothing was written.');
      expect(run.err).toBe(readFileSync(join(ROSTERS, name.replace(/\.csv$/, '.expected.txt')), 'utf8'));
      expect(snapshot(root)).toEqual(before);
    });
  }
});
