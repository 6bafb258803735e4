/**
 * MDX is data, not code (issue 12): the attacker's probe, an MDX badge whose `export` reads the signing-key
 * secret and whose `{leak}` prints it, against a project with real keys from `keygen`. `badges check`
 * and a real `astro build` both refuse it with the same report, the build before anything is written,
 * and the secret appears nowhere: not in the output, not on disk outside `.keys/`.
 */
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KEYS_DIR, SECRET_FILE } from '../../src/shell/keys.ts';
import { cli } from '../helpers/cli.ts';
import { projectFromFixture } from '../helpers/fixtures.ts';
import { astroBuild, scratchProject } from '../helpers/project.ts';

const PROBE = join(import.meta.dirname, '..', 'fixtures', 'malformed', 'mdx-export');
const TODAY = '2026-11-28';

let root = '';
let secret = '';

beforeAll(async () => {
  root = scratchProject(join(projectFromFixture('valid'), 'content'));
  expect((await cli(root, ['keygen', 'ecole-test'])).code).toBe(0);
  secret = readFileSync(join(root, KEYS_DIR, SECRET_FILE), 'utf8').trim();
  expect(secret.length).toBeGreaterThan(100);
  cpSync(join(PROBE, 'content'), join(root, 'content'), { recursive: true });
}, 120_000);

/** Every file of the project outside `.keys/` and the dependencies, with its text. */
function projectFiles(): [string, string][] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !/(^|\/)(node_modules|\.keys)(\/|$)/.test(e.parentPath.slice(root.length)))
    .map((e) => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name), 'latin1')]);
}

describe('an MDX badge that exports code reading the private keys', () => {
  const report = readFileSync(join(PROBE, 'expected.txt'), 'utf8');

  it('is refused by `badges check` with the export and the expression at their lines', async () => {
    const run = await cli(root, ['check']);
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      `${report.replace('Nothing was published.', 'Fix them, then run the check again.')}`,
    );
    expect(run.out + run.err).not.toContain(secret);
  });

  it('stops a real build before anything is written, and the secret is published nowhere', () => {
    const run = astroBuild(root, join(root, 'dist'), { INSIGNE_TODAY: TODAY });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).not.toBe(0);
    expect(output).toContain(report.trimEnd());
    expect(output).not.toContain(secret);
    expect(existsSync(join(root, 'dist'))).toBe(false);
    expect(readdirSync(root).filter((name) => name.startsWith('dist'))).toEqual([]);
    for (const [path, text] of projectFiles()) expect(text, path).not.toContain(secret);
  });
});
