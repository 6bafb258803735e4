/**
 * Real `astro build` runs shared by the integration tests:
 * - the example school signed with real (test-generated) keys, built twice, for the checks and for
 *   byte-for-byte determinism;
 * - the example school as a fresh clone builds it: no key configured, a preview build;
 * - the small test school with the `english` and `injection` overlays (a preview build), for the page
 *   tests of an English badge under a French issuer and of hostile names in a browser.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { KEYS_DIR, KEYS_ENV, SECRET_FILE } from '../../src/shell/keys.ts';
import { cli } from '../helpers/cli.ts';
import { CONTENT_FIXTURES, projectFromFixture } from '../helpers/fixtures.ts';
import { astroBuild, PROJECT_ROOT, scratchProject } from '../helpers/project.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The signed example site. */
    exampleDist: string;
    /** A second build of the same content with the same keys. */
    exampleDistAgain: string;
    /** The scratch project (with its issuer keys) the signed builds came from. */
    exampleRoot: string;
    /** The example site built without keys. */
    previewDist: string;
    exampleBuildLog: string;
    previewBuildLog: string;
    /** The `valid` fixture with the `english` and `injection` overlays, built without keys. */
    fixtureDist: string;
  }
}

const BUILD_DAY = { INSIGNE_TODAY: '2026-11-28' };

function buildInto(root: string, env: NodeJS.ProcessEnv): { outDir: string; log: string } {
  const outDir = join(mkdtempSync(join(tmpdir(), 'insigne-dist-')), 'dist');
  const run = astroBuild(root, outDir, { ...BUILD_DAY, ...env });
  const log = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(`The example site did not build:\n${log}`);
  return { outDir, log };
}

export default async function setup(project: TestProject): Promise<void> {
  const root = scratchProject(join(PROJECT_ROOT, 'content'));
  const keygen = await cli(root, ['keygen', 'lycee-trois-rivieres']);
  if (keygen.code !== 0) throw new Error(`keygen failed: ${keygen.err}`);
  const secret = readFileSync(join(root, KEYS_DIR, SECRET_FILE), 'utf8').trim();

  const signed = buildInto(root, { [KEYS_ENV]: secret });
  const again = buildInto(root, { [KEYS_ENV]: secret });
  const preview = buildInto(PROJECT_ROOT, { [KEYS_ENV]: '' });
  const fixtureContent = join(projectFromFixture('english'), 'content');
  cpSync(join(CONTENT_FIXTURES, 'injection', 'content'), fixtureContent, { recursive: true });
  const fixture = buildInto(scratchProject(fixtureContent), { [KEYS_ENV]: '' });

  project.provide('exampleRoot', root);
  project.provide('exampleDist', signed.outDir);
  project.provide('exampleDistAgain', again.outDir);
  project.provide('exampleBuildLog', signed.log);
  project.provide('previewDist', preview.outDir);
  project.provide('previewBuildLog', preview.log);
  project.provide('fixtureDist', fixture.outDir);
}
