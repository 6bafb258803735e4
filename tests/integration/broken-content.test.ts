/**
 * A real build over content with several mistakes: every mistake is listed, nothing is published; in French
 * when the system is French.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_FIXTURES, projectFromFixture } from '../helpers/fixtures.ts';
import { astroBuild, scratchProject } from '../helpers/project.ts';

describe('astro build with broken content', () => {
  it('lists every problem with file and line, exits non-zero and leaves the previous dist untouched', () => {
    const fixtureRoot = projectFromFixture('broken-several-mistakes');
    const root = scratchProject(join(fixtureRoot, 'content'));
    const outDir = join(root, 'dist');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'index.html'), 'previous site');

    const run = astroBuild(root, outDir, { INSIGNE_TODAY: '2026-11-28', LC_ALL: 'C' });
    const output = `${run.stdout}\n${run.stderr}`;

    expect(run.status).not.toBe(0);
    expect(output).toContain('✖ 4 content problems. Nothing was published.');
    expect(output).toContain('   1  badge: No badge "robotique-niveau-2" exists.');
    expect(output).toContain(
      '   7  expires: The expiry date 2026-05-01 is not after the issue date 2026-05-04.',
    );
    expect(output).toContain('   5  tag: Unknown field "tag".');
    expect(output).toContain('   2  url: Is not a valid http(s) URL: "pas-une-url".');
    expect(output).toContain('content/issuers/ecole-test.yaml');
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('previous site');
    expect(existsSync(join(outDir, 'awards'))).toBe(false);
  });

  it('prints the same report in French when the system is French', () => {
    const fixtureRoot = projectFromFixture('broken-several-mistakes');
    const root = scratchProject(join(fixtureRoot, 'content'));
    const run = astroBuild(root, join(root, 'dist'), {
      INSIGNE_TODAY: '2026-11-28',
      LANG: 'fr_FR.UTF-8',
      LC_ALL: '',
      LC_MESSAGES: '',
    });
    const output = `${run.stdout}\n${run.stderr}`;

    expect(run.status).not.toBe(0);
    // The whole report, as `check` shows it in French (tests/shell/content.test.ts keeps it exact).
    expect(output).toContain(
      readFileSync(join(CONTENT_FIXTURES, 'broken-several-mistakes', 'expected.fr.txt'), 'utf8'),
    );
    expect(output).toContain('4 problème(s) de contenu\u202f; voir la liste ci-dessus. Rien n’a été publié.');
    expect(output).not.toContain('Nothing was published');
  });
});
