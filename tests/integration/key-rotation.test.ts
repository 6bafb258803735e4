/**
 * Key rotation, built for real: a credential signed before the rotation still verifies against the new
 * site (the retired key stays published), new signatures use the new key, a published key that
 * disappears from the issuer file stops the build, and a compromised key is unpublished.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFilesResolver, verifyBadge } from '../../src/core/verify/index.ts';
import { KEYS_DIR, KEYS_ENV, SECRET_FILE } from '../../src/shell/keys.ts';
import { cli } from '../helpers/cli.ts';
import { projectFromFixture } from '../helpers/fixtures.ts';
import { astroBuild, scratchProject } from '../helpers/project.ts';

const SITE = 'https://lycee-trois-rivieres.github.io/badges/';
const AWARD = '0b5e4d8c-3f1a-4c2b-9d7e-6a1f2b3c4d5e';
const NOW = new Date('2026-11-28T00:00:00Z');

let root = '';
const secret = () => readFileSync(join(root, KEYS_DIR, SECRET_FILE), 'utf8').trim();
function build(outDir: string) {
  return astroBuild(root, join(root, outDir), { INSIGNE_TODAY: '2026-11-28', [KEYS_ENV]: secret() });
}
/** A resolver over a built site's files, read from disk on demand. */
function siteFiles(dist: string) {
  return createFilesResolver(
    {
      get: (path: string) => {
        try {
          return new Uint8Array(readFileSync(join(dist, path)));
        } catch {
          return undefined;
        }
      },
    } as never,
    SITE,
  );
}
const issuerFile = () => join(root, 'content/issuers/ecole-test.yaml');

let before = '';
beforeAll(async () => {
  root = scratchProject(join(projectFromFixture('valid'), 'content'));
  expect((await cli(root, ['keygen', 'ecole-test'])).code).toBe(0);
  const first = build('dist-before');
  if (first.status !== 0) throw new Error(first.stdout + first.stderr);
  before = readFileSync(join(root, 'dist-before/awards', AWARD, 'credential.json'), 'utf8');
  expect((await cli(root, ['keygen', 'ecole-test', '--retire-old'])).code).toBe(0);
});

describe('key rotation', () => {
  it('keeps credentials signed with the retired key verifying, and signs new ones with the new key', () => {
    const run = build('dist');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    return (async () => {
      const old = await verifyBadge({ text: before }, { resolver: siteFiles(join(root, 'dist')), now: NOW });
      expect(old.verdict).toBe('verified');
      const fresh = JSON.parse(readFileSync(join(root, 'dist/awards', AWARD, 'credential.json'), 'utf8'));
      expect(fresh.proof[0].verificationMethod).toMatch(/#ed25519-2026-11-28-2$/);
      const did = JSON.parse(readFileSync(join(root, 'dist/issuers/ecole-test/did.json'), 'utf8'));
      expect(did.assertionMethod.map((m: string) => m.split('#')[1])).toEqual([
        'ed25519-2026-11-28',
        'rs256-2026-11-28',
        'ed25519-2026-11-28-2',
        'rs256-2026-11-28-2',
      ]);
    })();
  });

  it('refuses a published key removed from the issuer file, and leaves the previous site', async () => {
    const original = readFileSync(issuerFile(), 'utf8');
    const withoutFirst = original.replace(/ {2}- id: ed25519-2026-11-28\n(?: {4}.*\n)+/, '');
    expect(withoutFirst).not.toBe(original);
    writeFileSync(issuerFile(), withoutFirst);
    const run = build('dist');
    writeFileSync(issuerFile(), original);
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toContain(
      'keys: The key "ed25519-2026-11-28" was published (insigne.lock.json) but is no longer in this file.',
    );
    expect(readFileSync(join(root, 'dist/awards', AWARD, 'credential.json'), 'utf8')).toContain(
      'ed25519-2026-11-28-2',
    );
  });

  it('unpublishes a compromised key: what it signed no longer verifies', async () => {
    const original = readFileSync(issuerFile(), 'utf8');
    writeFileSync(
      issuerFile(),
      original.replace(
        /(- id: ed25519-2026-11-28\n(?: {4}.*\n)*? {4}retired: 2026-11-28\n)/,
        '$1    compromised: 2026-11-28\n',
      ),
    );
    const run = build('dist-compromised');
    writeFileSync(issuerFile(), original);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const did = readFileSync(join(root, 'dist-compromised/issuers/ecole-test/did.json'), 'utf8');
    expect(did).not.toContain('#ed25519-2026-11-28"');
    const old = await verifyBadge(
      { text: before },
      { resolver: siteFiles(join(root, 'dist-compromised')), now: NOW },
    );
    expect(old.verdict).not.toBe('verified');
  });
});
