/**
 * Private signing keys (DESIGN.md §4). They come from the INSIGNE_SIGNING_KEYS environment variable (a CI
 * secret) or from the git-ignored `.keys/` folder, are matched against the public keys committed in the
 * issuer files, and never leave the signing process (build/signer-process.ts): the process that renders
 * content never reads them. No message below ever includes key material.
 * With no key configured at all (a fresh clone), every issuer gets a throwaway preview key pair.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ContentProblem, formatProblems, said } from '../core/content/problems.ts';
import { activeKey, type IssuerSigner } from '../core/credentials/keys.ts';
import { InsigneError } from '../core/errors.ts';
import { say } from '../core/messages/catalogue.ts';
import { languageOfEnvironment } from '../core/messages/language.ts';
import type { Issuer, Model, PublicJwk, PublicKey } from '../core/model/types.ts';

export const KEYS_ENV = 'INSIGNE_SIGNING_KEYS';
export const KEYS_DIR = '.keys';
export const SECRET_FILE = `${KEYS_ENV}.secret`;

/** A private key as stored: the issuer, the key id, the algorithm and the private JWK. */
export interface StoredPrivateKey {
  readonly issuer: string;
  readonly id: string;
  readonly algorithm: PublicKey['algorithm'];
  readonly jwk: JsonWebKey;
}

/** What an issuer signs with in this build, and every public key it publishes. */
export interface IssuerKeys {
  readonly signer: IssuerSigner;
  /** All keys to publish: committed ones (active and retired) and, in preview, the throwaway ones. */
  readonly published: readonly PublicKey[];
}

export interface KeyRing {
  /** True when no key was configured and throwaway keys were made: such a build must not be deployed. */
  readonly preview: boolean;
  readonly issuers: ReadonlyMap<string, IssuerKeys>;
  /** The private keys of this build (stored, or the throwaway ones): what the leak gate looks for. */
  readonly privateKeys: readonly StoredPrivateKey[];
}

const ALGORITHMS = {
  Ed25519: { name: 'Ed25519' },
  RS256: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
} as const;

/** Reads the stored private keys: the environment variable wins over the folder. */
export function readStoredKeys(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
): StoredPrivateKey[] | undefined {
  const fromEnv = env[KEYS_ENV]?.trim();
  if (fromEnv) return parseSecret(fromEnv);
  const dir = join(root, KEYS_DIR);
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter(
    (e) => e.isFile() && e.name.endsWith('.private.jwk.json'),
  );
  if (files.length === 0) return undefined;
  return files.map((e) => {
    const path = join(e.parentPath, e.name);
    try {
      return toStored(JSON.parse(readFileSync(path, 'utf8')));
    } catch {
      throw new InsigneError('ERR_KEY_FILE', say('keys.fileUnreadable', { file: e.name, folder: KEYS_DIR }));
    }
  });
}

/** The secret's value: base64url of `{"keys": [StoredPrivateKey…]}` (plain JSON is accepted too). */
export function formatSecret(keys: readonly StoredPrivateKey[]): string {
  return Buffer.from(JSON.stringify({ keys })).toString('base64url');
}

function parseSecret(value: string): StoredPrivateKey[] {
  try {
    const json = value.startsWith('{') ? value : Buffer.from(value, 'base64url').toString('utf8');
    const parsed = JSON.parse(json) as { keys?: unknown };
    if (!Array.isArray(parsed.keys)) throw new Error('no keys');
    return parsed.keys.map(toStored);
  } catch {
    throw new InsigneError(
      'ERR_KEY_SECRET',
      say('keys.secretUnreadable', { variable: KEYS_ENV, file: `${KEYS_DIR}/${SECRET_FILE}` }),
    );
  }
}

function toStored(value: unknown): StoredPrivateKey {
  const v = value as Partial<StoredPrivateKey>;
  if (
    typeof v.issuer !== 'string' ||
    typeof v.id !== 'string' ||
    (v.algorithm !== 'Ed25519' && v.algorithm !== 'RS256') ||
    typeof v.jwk !== 'object' ||
    v.jwk === null ||
    typeof v.jwk.d !== 'string'
  ) {
    throw new Error('not a stored key');
  }
  return { issuer: v.issuer, id: v.id, algorithm: v.algorithm, jwk: v.jwk };
}

/** The public members of a JWK, as committed in the issuer file. */
export function publicPart(jwk: JsonWebKey): PublicJwk {
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && jwk.x) return { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
  if (jwk.kty === 'RSA' && jwk.n && jwk.e) return { kty: 'RSA', n: jwk.n, e: jwk.e };
  throw new InsigneError(
    'ERR_KEY_TYPE',
    `Unsupported key type ${String(jwk.kty)}: Ed25519 and RSA keys only.`,
  );
}

const samePublicKey = (a: PublicJwk, b: PublicJwk) =>
  a.kty === b.kty && a.x === b.x && a.n === b.n && a.e === b.e;

async function importPrivate(stored: StoredPrivateKey): Promise<CryptoKey> {
  try {
    return await crypto.subtle.importKey('jwk', stored.jwk, ALGORITHMS[stored.algorithm], false, ['sign']);
  } catch {
    throw new InsigneError(
      'ERR_KEY_IMPORT',
      `The private key "${stored.id}" of issuer "${stored.issuer}" cannot be imported.`,
    );
  }
}

/** Generates a key pair; returns the public entry for the issuer file and the private JWK to store. */
export async function generateKeyPair(
  algorithm: PublicKey['algorithm'],
  id: string,
  created: string,
): Promise<{ publicKey: PublicKey; privateJwk: JsonWebKey }> {
  const params =
    algorithm === 'Ed25519'
      ? ALGORITHMS.Ed25519
      : { ...ALGORITHMS.RS256, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) };
  const pair = (await crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
  const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const { key_ops: _ops, ext: _ext, alg: _alg, ...jwk } = privateJwk;
  return { publicKey: { id, algorithm, created, publicKeyJwk: publicPart(jwk) }, privateJwk: jwk };
}

/** The line of `keys:` in an issuer file, so a key problem points at it (0 when it cannot be read). */
function keysLine(root: string, file: string): number {
  try {
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    return lines.findIndex((line) => /^keys\s*:/.test(line)) + 1;
  } catch {
    return 0;
  }
}

const otherIssuerHint = (issuer: string) =>
  say('keys.removedIssuer.hint', { issuer, file: `${KEYS_DIR}/${SECRET_FILE}`, variable: KEYS_ENV });

/**
 * Every key problem that would stop a build, all at once, as content problems: what \`badges check\` lists
 * and what the build refuses, from the same code. Stored keys must each match a committed public key of
 * an existing issuer; with stored keys (not a preview), each issuer needs an active Ed25519 and RS256 key
 * whose private half is configured; the lock file names no issuer that is gone.
 */
export function keyProblems(input: {
  readonly root: string;
  readonly model: Model;
  readonly stored: readonly StoredPrivateKey[] | undefined;
  /** Where the stored keys came from: the environment variable or the folder. */
  readonly storedFrom: 'env' | 'folder';
  readonly publishedKeys: Readonly<Record<string, readonly string[]>>;
}): ContentProblem[] {
  const { root, model, stored } = input;
  const problems: ContentProblem[] = [];
  const source = (key: StoredPrivateKey) =>
    input.storedFrom === 'env' ? KEYS_ENV : `${KEYS_DIR}/${key.issuer}/${key.id}.private.jwk.json`;
  for (const key of stored ?? []) {
    const issuer = model.issuers.get(key.issuer);
    if (!issuer) {
      problems.push({
        file: source(key),
        line: 0,
        field: '',
        ...said(say('keys.removedIssuer', { id: key.id, issuer: key.issuer }), otherIssuerHint(key.issuer)),
      });
      continue;
    }
    const match = issuer.keys.find((k) => k.id === key.id && k.algorithm === key.algorithm);
    if (!match || !samePublicKey(match.publicKeyJwk, publicPart(key.jwk)))
      problems.push({
        file: source(key),
        line: 0,
        field: '',
        ...said(
          say('keys.unmatched', { id: key.id, issuer: key.issuer }),
          say('keys.unmatched.hint', { file: issuer.file }),
        ),
      });
  }
  if (stored)
    for (const issuer of model.issuers.values()) {
      // The issuer file is read for the line of `keys:` only when there is a problem to point at.
      let keysAt: number | undefined;
      const line = () => (keysAt ??= keysLine(root, issuer.file));
      for (const algorithm of ['Ed25519', 'RS256'] as const) {
        let key: PublicKey;
        try {
          key = activeKey(issuer, algorithm);
        } catch {
          problems.push({
            file: issuer.file,
            line: line(),
            field: 'keys',
            ...said(
              say('keys.noActive', { issuer: issuer.slug, algorithm }),
              say('keys.noActive.hint', { issuer: issuer.slug, variable: KEYS_ENV }),
            ),
          });
          continue;
        }
        if (!stored.some((s) => s.issuer === issuer.slug && s.id === key.id))
          problems.push({
            file: issuer.file,
            line: line(),
            field: 'keys',
            ...said(
              say('keys.notConfigured', {
                issuer: issuer.slug,
                algorithm,
                id: key.id,
                source: input.storedFrom === 'env' ? KEYS_ENV : `${KEYS_DIR}/`,
              }),
              say('keys.notConfigured.hint', {
                issuer: issuer.slug,
                variable: KEYS_ENV,
                file: `${KEYS_DIR}/${SECRET_FILE}`,
              }),
            ),
          });
      }
    }
  for (const issuer of Object.keys(input.publishedKeys))
    if (!model.issuers.has(issuer))
      problems.push({
        file: 'insigne.lock.json',
        line: 0,
        field: `publishedKeys.${issuer}`,
        ...said(say('keys.lockedIssuer', { issuer }), say('keys.lockedIssuer.hint', { issuer })),
      });
  return problems;
}

/**
 * The keys every issuer signs with in this build. Without any stored key, throwaway preview keys; with
 * stored keys, each must match a committed public key, and each issuer needs the private half of its
 * newest active key of each algorithm.
 */
export async function loadKeyRing(
  model: Model,
  stored: readonly StoredPrivateKey[] | undefined,
  today: string,
  context?: {
    readonly root: string;
    readonly storedFrom: 'env' | 'folder';
    readonly publishedKeys: Readonly<Record<string, readonly string[]>>;
  },
): Promise<KeyRing> {
  if (context) {
    const problems = keyProblems({ ...context, model, stored });
    if (problems.length > 0)
      throw new InsigneError(
        'ERR_KEYS',
        formatProblems(problems, say('report.nothingPublishedSeeCheck'), languageOfEnvironment(process.env)),
      );
  }
  const issuers = new Map<string, IssuerKeys>();
  if (!stored) {
    const privateKeys: StoredPrivateKey[] = [];
    for (const issuer of model.issuers.values())
      issuers.set(issuer.slug, await previewKeys(issuer, today, privateKeys));
    return { preview: true, issuers, privateKeys };
  }
  for (const key of stored) {
    const issuer = model.issuers.get(key.issuer);
    const match = issuer?.keys.find((k) => k.id === key.id && k.algorithm === key.algorithm);
    if (!issuer || !match || !samePublicKey(match.publicKeyJwk, publicPart(key.jwk))) {
      throw new InsigneError(
        'ERR_KEY_UNKNOWN',
        `The private key "${key.id}" of issuer "${key.issuer}" matches no public key committed in content/issuers/${key.issuer}.yaml. Refusing to sign: verifiers could not check the signatures. Commit the public key written by \`keygen\`, or remove this private key.`,
      );
    }
  }
  for (const issuer of model.issuers.values()) {
    const signing = async (algorithm: PublicKey['algorithm']) => {
      const key = activeKey(issuer, algorithm);
      const privateKey = stored.find((s) => s.issuer === issuer.slug && s.id === key.id);
      if (!privateKey) {
        throw new InsigneError(
          'ERR_KEY_MISSING',
          `Issuer "${issuer.slug}" signs with its ${algorithm} key "${key.id}", but its private key is not configured (${KEYS_ENV} or ${KEYS_DIR}/).`,
        );
      }
      return { keyId: key.id, privateKey: await importPrivate(privateKey) };
    };
    const signer = { ed25519: await signing('Ed25519'), rs256: await signing('RS256') };
    issuers.set(issuer.slug, { signer, published: issuer.keys });
  }
  return { preview: false, issuers, privateKeys: stored };
}

async function previewKeys(
  issuer: Issuer,
  today: string,
  privateKeys: StoredPrivateKey[],
): Promise<IssuerKeys> {
  const published: PublicKey[] = [...issuer.keys];
  const make = async (algorithm: PublicKey['algorithm'], keyId: string) => {
    const { publicKey, privateJwk } = await generateKeyPair(algorithm, keyId, today);
    published.push(publicKey);
    privateKeys.push({ issuer: issuer.slug, id: keyId, algorithm, jwk: privateJwk });
    return {
      keyId,
      privateKey: await crypto.subtle.importKey('jwk', privateJwk, ALGORITHMS[algorithm], false, ['sign']),
    };
  };
  const signer = {
    ed25519: await make('Ed25519', 'preview-ed25519'),
    rs256: await make('RS256', 'preview-rs256'),
  };
  return { signer, published };
}

/**
 * The issuer as this build publishes it: with the ring's keys (in preview, the throwaway ones too), and
 * without compromised keys, so that nothing signed with a leaked key verifies any more.
 */
export function withPublishedKeys(
  issuer: Issuer,
  published: ReadonlyMap<string, readonly PublicKey[]>,
): Issuer {
  const keys = published.get(issuer.slug) ?? issuer.keys;
  return { ...issuer, keys: keys.filter((key) => key.compromised === undefined) };
}

/** Writes one private key into `.keys/<issuer>/` (owner-only permissions) and refreshes the secret file. */
export function writeStoredKey(root: string, key: StoredPrivateKey): string {
  const dir = join(root, KEYS_DIR, key.issuer);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, `${key.id}.private.jwk.json`);
  writeFileSync(path, `${JSON.stringify(key, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  writeSecretFile(root, readStoredKeys(root, {}) ?? []);
  return path;
}

/** Where the stored keys come from: the environment variable wins over the folder. */
export function storedKeysSource(env: NodeJS.ProcessEnv = process.env): 'env' | 'folder' {
  return env[KEYS_ENV]?.trim() ? 'env' : 'folder';
}

/** Rewrites `.keys/INSIGNE_SIGNING_KEYS.secret` from the given stored keys; returns its path. */
export function writeSecretFile(root: string, keys: readonly StoredPrivateKey[]): string {
  const path = join(root, KEYS_DIR, SECRET_FILE);
  mkdirSync(join(root, KEYS_DIR), { recursive: true, mode: 0o700 });
  writeFileSync(path, `${formatSecret(keys)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
}
