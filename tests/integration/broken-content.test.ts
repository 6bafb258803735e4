/** A real build over content with several mistakes: every mistake is listed, nothing is published. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectFromFixture } from '../helpers/fixtures.ts';
import { astroBuild, scratchProject } from '../helpers/project.ts';

describe('astro build with broken content', () => {
  it('lists every problem with file and line, exits non-zero and leaves the previous dist untouched', () => {
    const fixtureRoot = projectFromFixture('broken-several-mistakes');
    const root = scratchProject(join(fixtureRoot, 'content'));
    const outDir = join(root, 'dist');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'index.html'), 'previous site');

    const run = astroBuild(root, outDir, { INSIGNE_TODAY: '2026-11-28' });
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
});
