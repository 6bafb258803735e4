/**
 * The build's side of "no key ever published" (DESIGN §4), with real `astro build` runs signed with real
 * keys held only in the INSIGNE_SIGNING_KEYS secret, as in CI:
 * - the process that renders pages does not have the secret: code run while rendering finds it neither in
 *   its environment nor anywhere in it;
 * - the final leak gate refuses to publish a site holding a private key in any encoding, planted in
 *   `public/` or pasted into an award narrative, naming each file
 *   and never the key, and the previous site stays exactly as it was.
 * Findings are checked with the tests' own key scanner (key-material.ts), not the build's.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeBase58btc } from '../../src/core/credentials/base58.ts';
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
import { findKeyMaterial, keyNeedles } from './key-material.ts';

const AWARD = '0b5e4d8c-3f1a-4c2b-9d7e-6a1f2b3c4d5e';
const AWARD_FILE = `content/awards/2026/${AWARD}.yaml`;
const PROBE_PAGE = 'src/pages/index.astro';

let root: string;
let secret: string;
let keys: StoredPrivateKey[];
let firstBuild: { status: number | null; output: string };

const dist = () => join(root, 'dist');
const build = () => {
  const run = astroBuild(root, dist(), {
    INSIGNE_TODAY: '2026-11-28',
    [KEYS_ENV]: secret,
    INSIGNE_PROBE: join(root, 'probe.json'),
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
};

/** Site path → bytes of every file of a folder. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path).split(sep).join('/'), readFileSync(path).toString('base64'));
  }
  return files;
}

beforeAll(async () => {
  // Keys are generated in one folder; the built project has none on disk, only the secret.
  const keyHome = projectFromFixture('valid');
  const keygen = await cli(keyHome, ['keygen', 'ecole-test']);
  expect(keygen.code).toBe(0);
  keys = readStoredKeys(keyHome, {}) ?? [];
  secret = readFileSync(join(keyHome, KEYS_DIR, SECRET_FILE), 'utf8').trim();
  root = scratchProject(join(keyHome, 'content'));
  expect(existsSync(join(root, KEYS_DIR))).toBe(false);
  // Code that runs while pages render, as a hostile badge could: it records what this process holds.
  const page = readFileSync(join(root, PROBE_PAGE), 'utf8');
  const probe = [
    "import { writeFileSync as probeWrite } from 'node:fs';",
    'probeWrite(process.env.INSIGNE_PROBE ?? "probe.json", JSON.stringify({ pid: process.pid, env: process.env }));',
  ].join('\n');
  writeFileSync(join(root, PROBE_PAGE), page.replace('---\n', `---\n${probe}\n`));
  firstBuild = build();
}, 600_000);

describe('the process that renders content', () => {
  it('signs for real, without ever having the secret in its environment', () => {
    expect(firstBuild.status, firstBuild.output).toBe(0);
    expect(JSON.parse(readFileSync(join(dist(), 'insigne-build.json'), 'utf8')).preview).toBe(false);
    const probe = JSON.parse(readFileSync(join(root, 'probe.json'), 'utf8')) as {
      env: Record<string, string>;
    };
    expect(Object.keys(probe.env)).not.toContain(KEYS_ENV);
    expect(probe.env.INSIGNE_PREVIEW).toBe('0');
    expect(findKeyMaterial(keyNeedles(keys), JSON.stringify(probe))).toBeUndefined();
    expect(firstBuild.output).toContain('leak gate: ');
    expect(findKeyMaterial(keyNeedles(keys), firstBuild.output)).toBeUndefined();
  });
});

describe('the leak gate', () => {
  it('refuses a site holding key material in any encoding, names each file, and keeps the previous site', async () => {
    expect(firstBuild.status, firstBuild.output).toBe(0);
    const before = snapshot(dist());
    const [ed25519, rsa] = keys as [StoredPrivateKey, StoredPrivateKey];
    const b64u = (value: unknown) => Buffer.from(value as string, 'base64url');
    const seed = b64u(ed25519.jwk.d);
    const imported = await crypto.subtle.importKey(
      'jwk',
      rsa.jwk,
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      true,
      ['sign'],
    );
    const der = Buffer.from(await crypto.subtle.exportKey('pkcs8', imported));
    const label = ['PRIVATE', 'KEY'].join(' ');
    const planted: Record<string, Uint8Array | string> = {
      'seed.bin': Buffer.concat([Buffer.from('GIF89a'), seed]),
      'd.txt': `d=${ed25519.jwk.d}`,
      'p-base64.txt': b64u(rsa.jwk.p).toString('base64'),
      'q-hex.txt': b64u(rsa.jwk.q).toString('hex'),
      'qi-part.js': `const k = "${(rsa.jwk.qi as string).slice(10, 40)}";`,
      'key.pem': `-----BEGIN ${label}-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`,
      'key.der': der,
      'secret.txt': secret,
      'secret.json': Buffer.from(secret, 'base64url').toString('utf8'),
      'multikey.txt': `z${encodeBase58btc(new Uint8Array([0x80, 0x26, ...seed]))}`,
    };
    mkdirSync(join(root, 'public', 'leaks'), { recursive: true });
    for (const [name, body] of Object.entries(planted))
      writeFileSync(join(root, 'public', 'leaks', name), body);
    const award = readFileSync(join(root, AWARD_FILE), 'utf8');
    writeFileSync(join(root, AWARD_FILE), `${award}narrative: "Pasted by mistake: ${secret}"\n`);

    const run = build();
    expect(run.status, run.output).not.toBe(0);
    expect(findKeyMaterial(keyNeedles(keys), run.output)).toBeUndefined();
    expect(run.output).not.toContain(secret.slice(0, 40));
    // The content check reads public/ too: whatever it recognises by shape (PEM, PKCS#8, JWK members,
    // the secret) stops the build before anything is signed, as `badges check` would. The rest (raw key
    // bytes, which only the signing process can recognise) must be caught by the gate.
    expect(run.output).toContain('content problem');
    expect(run.output).toContain(AWARD_FILE);
    const byContent = Object.keys(planted).filter((name) => run.output.includes(`public/leaks/${name}\n`));
    expect(byContent).toEqual(expect.arrayContaining(['key.pem', 'key.der', 'secret.txt', 'secret.json']));
    for (const name of byContent) rmSync(join(root, 'public', 'leaks', name));
    // A key part only the gate recognises, pasted into a narrative: it reaches the award's page and data
    // files, which the page cache and the kept data files would otherwise keep.
    writeFileSync(
      join(root, AWARD_FILE),
      `${award}narrative: "Pasted by mistake: ${b64u(rsa.jwk.q).toString('hex')}"\n`,
    );
    const again = build();
    expect(again.status, again.output).not.toBe(0);
    expect(findKeyMaterial(keyNeedles(keys), again.output)).toBeUndefined();
    expect(again.output).toContain('Private key material found in');
    expect(again.output).toContain('Nothing was published.');
    const byGate = Object.keys(planted).filter((name) => !byContent.includes(name));
    expect(byGate).toEqual(
      expect.arrayContaining(['seed.bin', 'd.txt', 'p-base64.txt', 'q-hex.txt', 'qi-part.js']),
    );
    for (const name of byGate)
      expect(again.output, name).toMatch(
        new RegExp(`✖ leaks/${name.replace('.', '\\.')}: the private part "`),
      );
    expect(again.output).toMatch(new RegExp(`✖ awards/${AWARD}/credential\\.json: the private part "`));
    expect(snapshot(dist())).toEqual(before);
    expect(readdirSync(root).filter((name) => name.startsWith('dist.'))).toEqual([]);
    // Nothing of the refused site is kept in the build caches.
    const cache = join(root, '.cache', 'insigne');
    expect(existsSync(join(cache, 'files'))).toBe(false);
    expect(existsSync(join(cache, 'pages'))).toBe(false);
    for (const entry of readdirSync(cache, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      expect(findKeyMaterial(keyNeedles(keys), readFileSync(path)), path).toBeUndefined();
    }
    writeFileSync(join(root, AWARD_FILE), award);
  }, 600_000);
});
