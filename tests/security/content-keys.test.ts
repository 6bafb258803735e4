/**
 * The project's own private keys, pasted anywhere under content/ in any form, are refused by `badges check`,
 * which names the file, the line and the field but never repeats the key. The keys are real ones made by
 * `badges keygen` in a throw-away project (in `.keys/`), then given through the CI secret only. The build's
 * own process never holds a key, so its content check knows only the shapes of keys (PEM, JWK, the secret:
 * the malformed corpus, with made-up keys); a key of the project in a bare form (a hex seed) is caught by
 * its final gate on the output instead, and nothing is published either way.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  KEYS_DIR,
  KEYS_ENV,
  readStoredKeys,
  SECRET_FILE,
  type StoredPrivateKey,
} from '../../src/shell/keys.ts';
import { cli } from '../helpers/cli.ts';
import { projectFromFixture } from '../helpers/fixtures.ts';
import { astroBuild, scratchProject } from '../helpers/project.ts';
import { findKeyMaterial, type KeyNeedles, keyNeedles } from './key-material.ts';

const AWARD = 'content/awards/2026/0b5e4d8c-3f1a-4c2b-9d7e-6a1f2b3c4d5e.yaml';
const BADGE = 'content/badges/robotique-niveau-1.md';

let root: string;
let keys: StoredPrivateKey[];
let secret: string;
let needles: KeyNeedles;
let ed25519: StoredPrivateKey;
let rsa: StoredPrivateKey;

const seed = () => Buffer.from(ed25519.jwk.d as string, 'base64url');

async function pkcs8(key: StoredPrivateKey): Promise<Buffer> {
  const algorithm = key.algorithm === 'Ed25519' ? 'Ed25519' : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const imported = await crypto.subtle.importKey('jwk', key.jwk, algorithm, true, ['sign']);
  return Buffer.from(await crypto.subtle.exportKey('pkcs8', imported));
}

/** A copy of the project (its content with the public keys, and its lock), with `files` written into it. */
function withFiles(files: Record<string, string | Uint8Array>): string {
  const copy = mkdtempSync(join(tmpdir(), 'insigne-keys-'));
  cpSync(join(root, 'content'), join(copy, 'content'), { recursive: true });
  cpSync(join(root, 'insigne.lock.json'), join(copy, 'insigne.lock.json'));
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(dirname(join(copy, path)), { recursive: true });
    writeFileSync(join(copy, path), data);
  }
  return copy;
}

const valid = (path: string) => readFileSync(join(root, path), 'utf8');

beforeAll(async () => {
  root = projectFromFixture('valid');
  const run = await cli(root, ['keygen', 'ecole-test']);
  expect(run.code).toBe(0);
  keys = readStoredKeys(root, {}) ?? [];
  [ed25519, rsa] = keys as [StoredPrivateKey, StoredPrivateKey];
  secret = readFileSync(join(root, KEYS_DIR, SECRET_FILE), 'utf8').trim();
  needles = keyNeedles(keys);
  // From here on the keys exist only in the CI secret, as on a deploy runner.
  renameSync(join(root, KEYS_DIR), join(dirname(root), `${root.split('/').pop()}-keys-moved`));
});

describe("the project's keys pasted into content", () => {
  const cases: [string, () => Promise<Record<string, string | Uint8Array>>, string][] = [
    [
      'the Ed25519 seed in hex, in a narrative',
      async () => ({ [AWARD]: `${valid(AWARD)}narrative: "Graine : ${seed().toString('hex')}"\n` }),
      `${AWARD}\n   9  narrative: Holds private key material (the private key "`,
    ],
    [
      'the seed in base64, in a badge description',
      async () => ({
        [BADGE]: valid(BADGE).replace(/^description: .*$/m, `description: ${seed().toString('base64')}`),
      }),
      `${BADGE}\n   4  description: Holds private key material (the private key "`,
    ],
    [
      'the RSA key as PKCS#8 in base64 lines, in the criteria',
      async () => ({
        [BADGE]: `${valid(BADGE)}\n${(await pkcs8(rsa)).toString('base64').replace(/.{64}/g, '$&\n')}\n`,
      }),
      `${BADGE}\n  13  This line holds private key material (`,
    ],
    [
      'a truncated RSA member, in a notes file',
      async () => ({ 'content/notes.md': `Rappel\nqi = ${(rsa.jwk.qi as string).slice(3, 30)}\n` }),
      'content/notes.md\n   2  This file holds private key material (the private key "',
    ],
    [
      'the seed as raw bytes inside an image',
      async () => ({
        'content/badges/photo.png': Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR'), seed()]),
      }),
      'content/badges/photo.png\n   0  This file holds private key material (the private key "',
    ],
    [
      'the secret, copied as a file',
      async () => ({ 'content/issuers/copie.txt': `${secret}\n` }),
      'content/issuers/copie.txt\n   1  This file holds private key material (the signing-key secret)',
    ],
  ];

  for (const [what, files, report] of cases) {
    it(`refuses ${what}, without repeating it`, async () => {
      const project = withFiles(await files());
      const run = await cli(project, ['check'], { [KEYS_ENV]: secret });
      expect(run.code).toBe(1);
      expect(run.err).toContain(report);
      expect(findKeyMaterial(needles, `${run.out}${run.err}`)).toBeUndefined();
    });
  }

  it('names the key found by its id', async () => {
    const project = withFiles({ [AWARD]: `${valid(AWARD)}narrative: ${seed().toString('hex')}\n` });
    const run = await cli(project, ['check'], { [KEYS_ENV]: secret });
    expect(run.err).toContain(`(the private key "${ed25519.id}")`);
  });

  it('the content without them passes', async () => {
    const run = await cli(withFiles({}), ['check'], { [KEYS_ENV]: secret });
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
  });
});

describe('a real build refuses a key pasted into content', () => {
  it('the seed in hex in a narrative: exit non-zero, nothing published, the key not repeated', () => {
    const project = scratchProject(join(root, 'content'));
    const award = join(project, AWARD);
    writeFileSync(award, `${readFileSync(award, 'utf8')}narrative: ${seed().toString('hex')}\n`);
    const run = astroBuild(project, join(project, 'dist'), {
      INSIGNE_TODAY: '2026-11-28',
      [KEYS_ENV]: secret,
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).not.toBe(0);
    // The content check passes (a bare seed has no shape); the final gate finds it in the award's files.
    expect(output).toMatch(
      /Private key material found in \d+ file\(s\) of the new site\. Nothing was published\./,
    );
    expect(output).toContain('awards/0b5e4d8c-3f1a-4c2b-9d7e-6a1f2b3c4d5e/');
    expect(findKeyMaterial(needles, output)).toBeUndefined();
    expect(() => readFileSync(join(project, 'dist', 'index.html'))).toThrow();
  });
});
