/**
 * Private keys never leave the key store (DESIGN §4): not into the built site, not into git, not into a
 * message or a log, even when something goes wrong. The keys are the real ones the global setup generated
 * and signed the example site with; every place is searched for them in every encoding (key-material.ts).
 * Determinism of signed builds is tested in tests/integration/credentials.test.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { findKeyMaterial as findAnyKeyMaterial } from '../../src/core/content/key-material.ts';
import {
  formatSecret,
  generateKeyPair,
  KEYS_DIR,
  KEYS_ENV,
  readStoredKeys,
  SECRET_FILE,
  type StoredPrivateKey,
} from '../../src/shell/keys.ts';
import { cli } from '../helpers/cli.ts';
import { projectFromFixture } from '../helpers/fixtures.ts';
import { astroBuild, PROJECT_ROOT, scratchProject } from '../helpers/project.ts';
import {
  findKeyMaterial,
  JWK_PRIVATE_MEMBER,
  type KeyNeedles,
  keyNeedles,
  NAMED_PRIVATE_KEY,
  PEM_PRIVATE,
  SIGNING_SECRET,
} from './key-material.ts';

const ISSUER = 'lycee-trois-rivieres';
const ISSUER_FILE = `content/issuers/${ISSUER}.yaml`;
const TODAY = { INSIGNE_TODAY: '2026-11-28' };

/**
 * Tracked files that hold private key material on purpose: content fixtures showing the build refuse a
 * key in content (made-up keys that sign nothing), and the published eddsa-rdfc-2022 test vector (its key
 * is the specification's).
 */
const DELIBERATE_KEYS = [
  // A made-up private JWK member ("d") in a did:web endorser's pinned DID document.
  'tests/fixtures/content/broken-endorser-document-private-key/content/endorsers/robotique-web.example/did.json',
  'tests/fixtures/content/broken-private-key-in-content/content/issuers/ecole-test.yaml',
  'tests/fixtures/malformed/key-in-badge-notes/content/badges/notes.txt',
  'tests/fixtures/malformed/key-inside-images/content/badges/robot.png',
  'tests/fixtures/malformed/key-inside-images/content/issuers/sceau.svg',
  'tests/fixtures/malformed/key-jwk-file-in-content/content/key.json',
  'tests/fixtures/malformed/key-pem-in-issuers-folder/content/issuers/signing.pem',
  'tests/fixtures/malformed/key-secret-file-copy/content/INSIGNE_SIGNING_KEYS.secret',
  'tests/fixtures/malformed/key-secret-in-narrative/content/awards/2026/0b5e4d8c-3f1a-4c2b-9d7e-6a1f2b3c4d5e.yaml',
  'tests/vectors/ob3-eddsa-rdfc-2022/vector.json',
];

const exampleRoot = inject('exampleRoot');
const dist = inject('exampleDist');
let keys: StoredPrivateKey[];
let secret: string;
let needles: KeyNeedles;

/** Site path or repository path → bytes, for every file under `dir`. */
function filesUnder(dir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path).split(sep).join('/'), new Uint8Array(readFileSync(path)));
  }
  return files;
}

/** Where each file leaks key material: `path: what`, for the files that do. */
function leaks(files: ReadonlyMap<string, Uint8Array | string>): string[] {
  return [...files].flatMap(([path, body]) => {
    const found = findKeyMaterial(needles, body);
    return found === undefined ? [] : [`${path}: ${found}`];
  });
}

beforeAll(() => {
  keys = readStoredKeys(exampleRoot, {}) ?? [];
  secret = readFileSync(join(exampleRoot, KEYS_DIR, SECRET_FILE), 'utf8').trim();
  needles = keyNeedles(keys);
});

describe('the key scanner', () => {
  it('holds the Ed25519 and RSA keys the example site was signed with', () => {
    expect(keys.map((k) => [k.issuer, k.algorithm])).toEqual([
      [ISSUER, 'Ed25519'],
      [ISSUER, 'RS256'],
    ]);
  });

  it('finds each key in the forms a leak takes: JWK, secret, PEM, hex, raw bytes', async () => {
    const [ed25519, rsa] = keys as [StoredPrivateKey, StoredPrivateKey];
    const seed = Buffer.from(ed25519.jwk.d as string, 'base64url');
    const pkcs8 = async (key: StoredPrivateKey) => {
      const algorithm =
        key.algorithm === 'Ed25519' ? 'Ed25519' : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
      const imported = await crypto.subtle.importKey('jwk', key.jwk, algorithm, true, ['sign']);
      return Buffer.from(await crypto.subtle.exportKey('pkcs8', imported));
    };
    // The label is spliced in so that this file does not itself hold a PEM private key header.
    const label = ['PRIVATE', 'KEY'].join(' ');
    const pem = (der: Buffer) =>
      `-----BEGIN ${label}-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END ${label}-----`;
    const forms = {
      'stored JWK': JSON.stringify(ed25519),
      secret,
      'Ed25519 PEM': pem(await pkcs8(ed25519)),
      'RSA PEM': pem(await pkcs8(rsa)),
      'seed in hex': `seed=${seed.toString('hex')}`,
      'seed in base64': seed.toString('base64'),
      'RSA qi, truncated': `qi: ${(rsa.jwk.qi as string).slice(0, 20)}…`,
    };
    for (const [form, text] of Object.entries(forms))
      expect(findKeyMaterial(needles, text), form).toBeDefined();
    expect(findKeyMaterial(needles, Buffer.concat([Buffer.from('PNG…'), seed]))).toBeDefined();
    // The public halves are published on purpose, and are no hit.
    expect(findKeyMaterial(needles, `${ed25519.jwk.x} ${rsa.jwk.n} ${rsa.jwk.e}`)).toBeUndefined();
  });
});

describe('no private key in what is published or committed', () => {
  it('the signed site holds no key material, in any file', () => {
    const files = filesUnder(dist);
    expect(files.size).toBeGreaterThan(150);
    expect(leaks(files)).toEqual([]);
    for (const [path, body] of files) {
      expect(PEM_PRIVATE.test(Buffer.from(body).toString('latin1')), path).toBe(false);
    }
  });

  it('no published JSON document or JWS header has a private JWK member', () => {
    const privateMembers = new Set([
      'd',
      'p',
      'q',
      'dp',
      'dq',
      'qi',
      'privateKeyMultibase',
      'secretKeyMultibase',
    ]);
    const found: string[] = [];
    const walk = (value: unknown, where: string): void => {
      if (Array.isArray(value)) {
        for (const [i, item] of value.entries()) walk(item, `${where}/${i}`);
      } else if (value !== null && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) {
          if (privateMembers.has(key)) found.push(`${where}/${key}`);
          walk(item, `${where}/${key}`);
        }
      }
    };
    let documents = 0;
    for (const [path, body] of filesUnder(dist)) {
      const text = Buffer.from(body).toString('utf8');
      if (path.endsWith('.json')) walk(JSON.parse(text), path);
      else if (/\.(jwt|jws)$/.test(path)) {
        const [header, payload] = text.trim().split('.');
        walk(JSON.parse(Buffer.from(header ?? '', 'base64url').toString('utf8')), `${path}#header`);
        walk(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')), `${path}#payload`);
      } else continue;
      documents++;
    }
    expect(documents).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });

  it("the example project's content and lock file hold only public keys", () => {
    const files = filesUnder(join(exampleRoot, 'content'));
    const lock = join(exampleRoot, 'insigne.lock.json');
    if (existsSync(lock)) files.set('insigne.lock.json', new Uint8Array(readFileSync(lock)));
    expect(leaks(files)).toEqual([]);
    expect(readFileSync(join(exampleRoot, ISSUER_FILE), 'utf8')).toContain(keys[0]?.jwk.x as string);
  });

  it('no file git tracks or would add holds the build keys; only deliberate fixtures hold any key', () => {
    const listed = ['ls-files', '-z', '--cached', '--others', '--exclude-standard'];
    const tracked = execFileSync('git', listed, { cwd: PROJECT_ROOT, encoding: 'utf8' })
      .split('\0')
      .filter((path) => path !== '' && existsSync(join(PROJECT_ROOT, path)));
    expect(tracked.length).toBeGreaterThan(200);
    const files = new Map(
      tracked.map((path) => [path, new Uint8Array(readFileSync(join(PROJECT_ROOT, path)))]),
    );
    expect(leaks(files)).toEqual([]);
    const holdingKeys = tracked.filter((path) => {
      const text = Buffer.from(files.get(path) ?? []).toString('latin1');
      return (
        PEM_PRIVATE.test(text) ||
        JWK_PRIVATE_MEMBER.test(text) ||
        NAMED_PRIVATE_KEY.test(text) ||
        SIGNING_SECRET.test(text) ||
        findAnyKeyMaterial(text) !== undefined
      );
    });
    expect(holdingKeys.sort()).toEqual(DELIBERATE_KEYS);
  });

  it('git ignores the key folder and stored private keys, wherever they are', () => {
    for (const path of [
      `${KEYS_DIR}/${SECRET_FILE}`,
      `${KEYS_DIR}/${ISSUER}/k.private.jwk.json`,
      'x/k.private.jwk.json',
    ]) {
      const run = spawnSync('git', ['check-ignore', '--no-index', '--quiet', path], { cwd: PROJECT_ROOT });
      expect(run.status, path).toBe(0);
    }
  });
});

describe('no key material in messages and logs, with keys configured', () => {
  /** A copy of the signed example project: its content with the committed public keys, no `.keys/`. */
  let root: string;
  const issuerFile = () => join(root, ISSUER_FILE);
  let committedIssuer: string;

  beforeAll(() => {
    root = scratchProject(join(exampleRoot, 'content'));
    committedIssuer = readFileSync(issuerFile(), 'utf8');
  });

  /** A real `astro build` that must fail, with its whole output (stdout and stderr). */
  function failingBuild(env: NodeJS.ProcessEnv): string {
    const run = astroBuild(root, join(root, 'dist'), { ...TODAY, ...env });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).not.toBe(0);
    expect(existsSync(join(root, 'dist')), 'nothing is published').toBe(false);
    return output;
  }

  /** The stored keys with each private half replaced by a fresh key's: right issuer and ids, wrong keys. */
  async function wrongKeys(): Promise<StoredPrivateKey[]> {
    return Promise.all(
      keys.map(async (key) => ({
        ...key,
        jwk: (await generateKeyPair(key.algorithm, key.id, '2026-11-28')).privateJwk,
      })),
    );
  }

  it('the signed build of the example site logged none', () => {
    const log = inject('exampleBuildLog');
    expect(log).toContain('self-check:');
    expect(findKeyMaterial(needles, log)).toBeUndefined();
  });

  it('a private key pasted into content is refused without being repeated', async () => {
    const ed25519 = keys[0] as StoredPrivateKey;
    writeFileSync(
      issuerFile(),
      committedIssuer.replace(`x: ${ed25519.jwk.x}`, `x: ${ed25519.jwk.x}\n      d: ${ed25519.jwk.d}`),
    );
    try {
      const output = failingBuild({ [KEYS_ENV]: secret });
      expect(output).toContain(ISSUER_FILE);
      // The build's process holds no key, so it knows the line by its shape; `check` names the key.
      expect(output).toContain(
        'This line holds private key material (a private JWK member), which must never be in content or git.',
      );
      expect(output).not.toContain('Unknown field "d"');
      expect(findKeyMaterial(needles, output)).toBeUndefined();
      const check = await cli(root, ['check'], { [KEYS_ENV]: secret });
      expect(check.code).toBe(1);
      expect(check.err).toContain(
        `keys[0].publicKeyJwk.d: Holds private key material (the private key "${ed25519.id}")`,
      );
      expect(findKeyMaterial(needles, `${check.out}${check.err}`)).toBeUndefined();
    } finally {
      writeFileSync(issuerFile(), committedIssuer);
    }
  });

  it('a secret whose keys match no committed public key is refused, naming only the key id', async () => {
    const wrong = await wrongKeys();
    const output = failingBuild({ [KEYS_ENV]: formatSecret(wrong) });
    expect(output).toContain(
      `The private key "${keys[0]?.id}" of issuer "${ISSUER}" matches no public key committed in ${ISSUER_FILE}: verifiers could not check what it signs.`,
    );
    expect(findKeyMaterial(keyNeedles([...keys, ...wrong]), output)).toBeUndefined();
  });

  it('a damaged secret is refused without quoting it', () => {
    const output = failingBuild({ [KEYS_ENV]: secret.slice(0, -9) });
    expect(output).toContain(
      `${KEYS_ENV} is set but is not a key secret written by \`npm run badges -- keygen\``,
    );
    expect(findKeyMaterial(needles, output)).toBeUndefined();
  });

  it('a private key that cannot be imported is refused without quoting it', () => {
    const damaged = keys.map((key) => ({
      ...key,
      jwk: { ...key.jwk, d: `${(key.jwk.d as string).slice(0, -4)}AAAA` },
    }));
    const output = failingBuild({ [KEYS_ENV]: formatSecret(damaged) });
    expect(output).toContain(`The private key "${keys[0]?.id}" of issuer "${ISSUER}" cannot be imported.`);
    expect(findKeyMaterial(needles, output)).toBeUndefined();
  });

  it('other malformed secrets are refused with messages that quote nothing', () => {
    const [ed25519] = keys as [StoredPrivateKey];
    const json = (value: unknown) => JSON.stringify(value);
    const malformed = [
      json({ keys: [{ ...ed25519, algorithm: 'EdDSA' }] }),
      json({ keys: [{ jwk: ed25519.jwk }] }),
      json({ key: ed25519 }),
      `{"keys":[${json(ed25519).slice(0, -12)}`,
      Buffer.from(`{"keys":[${json(ed25519)}`).toString('base64url'),
      Buffer.from(json(ed25519)).toString('base64'),
    ];
    for (const value of malformed) {
      const error = (() => {
        try {
          readStoredKeys(root, { [KEYS_ENV]: value });
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error, value.slice(0, 30)).toBeInstanceOf(Error);
      const message = `${(error as Error).message}\n${(error as Error).stack ?? ''}\n${String((error as Error).cause ?? '')}`;
      expect(message).toContain(`${KEYS_ENV} is set but is not a key secret`);
      expect(findKeyMaterial(needles, message)).toBeUndefined();
    }
  });

  it('a failed verification prints no key material', async () => {
    const award = readdirSync(join(dist, 'awards'))[0] as string;
    const tampered = join(mkdtempSync(join(tmpdir(), 'insigne-tampered-')), 'credential.json');
    const credential = readFileSync(join(dist, 'awards', award, 'credential.json'), 'utf8');
    writeFileSync(tampered, credential.replace('"name":"', '"name":"Faux '));
    const run = await cli(root, ['verify', tampered, '--site-dir', dist], { [KEYS_ENV]: secret });
    expect(run.code).toBe(1);
    expect(`${run.out}${run.err}`).toMatch(/signature/i);
    expect(findKeyMaterial(needles, `${run.out}${run.err}`)).toBeUndefined();
  });

  it('keygen says where the new keys are, and never prints them', async () => {
    const project = projectFromFixture('valid');
    const run = await cli(project, ['keygen', 'ecole-test']);
    expect(run.code).toBe(0);
    const fresh = readStoredKeys(project, {}) ?? [];
    expect(fresh).toHaveLength(2);
    expect(run.out).toContain(`${KEYS_DIR}/ecole-test/`);
    expect(findKeyMaterial(keyNeedles(fresh), `${run.out}${run.err}`)).toBeUndefined();
    expect(
      findKeyMaterial(keyNeedles(fresh), readFileSync(join(project, 'content/issuers/ecole-test.yaml'))),
    ).toBeUndefined();
  });
});
