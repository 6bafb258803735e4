/**
 * Reusing signatures between builds. Ed25519 and RS256 (RSASSA-PKCS1-v1_5) signatures depend only on the
 * key and the signed bytes, so a signature made by an earlier build over the very same input is the one
 * this build would make. The shell keeps them in a store (src/shell/build/signature-store.ts); the core
 * asks it under a key that is a SHA-256 of everything that determines the signature: what is signed (the
 * unsigned document and proof options, or the JWS signing input), the algorithm, the public key's id and
 * fingerprint (a hash of its public members: the private key, or anything it could be derived from, is
 * never part of a key or a value), and `code`, the version of the signing code and libraries.
 *
 * A value read back is never trusted blindly: a proof value must decode to a 64-byte signature, and an
 * RS256 signature is verified against the public key (a few microseconds) before it is used; anything
 * else is signed again.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { base64url, CompactSign } from 'jose';
import type { PublicKey } from '../model/types.ts';

/** Where signatures are kept between builds; `get` and `set` never throw. */
export interface SignatureStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  /** Told when a value read back failed its check; it is signed again and `set` follows. */
  refuse?(key: string): void;
}

/** The store with what every key shares. */
export interface SignatureCache {
  readonly store: SignatureStore;
  /** Version of the signing code and of the libraries it uses (the shell computes it). */
  readonly code: string;
  /** SHA-256 (hex) of a text: the shell's native one is several times faster than `sha256Hex`. */
  readonly hash?: (text: string) => string;
}

/** The store, for signatures made with one published key. */
export interface KeySignatureCache extends SignatureCache {
  readonly key: PublicKey;
}

/** Length-prefixed parts: no two different part lists give the same text. */
const joinParts = (parts: readonly string[]) => parts.map((part) => `${part.length}:${part}`).join('\n');

/** SHA-256 (hex) of a text in JavaScript, where the shell gives no faster one. */
export const sha256Hex = (text: string) => bytesToHex(sha256(utf8ToBytes(text)));

function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${sortedJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const fingerprints = new WeakMap<PublicKey, string>();

/** A fingerprint of a published key: a hash of its id, algorithm and public JWK members. */
export function keyFingerprint(key: PublicKey): string {
  let fingerprint = fingerprints.get(key);
  if (fingerprint === undefined) {
    fingerprint = sha256Hex(joinParts(['key', key.id, key.algorithm, sortedJson(key.publicKeyJwk)]));
    fingerprints.set(key, fingerprint);
  }
  return fingerprint;
}

/** The store key of one signature. */
export function signatureKey(cache: KeySignatureCache, kind: string, signed: readonly string[]): string {
  return (cache.hash ?? sha256Hex)(
    joinParts(['signature', cache.code, kind, cache.key.id, keyFingerprint(cache.key), ...signed]),
  );
}

const verifyKeys = new WeakMap<PublicKey, Promise<CryptoKey>>();

function rsaPublicKey(key: PublicKey): Promise<CryptoKey> {
  let imported = verifyKeys.get(key);
  if (imported === undefined) {
    const { kty, n, e } = key.publicKeyJwk as JsonWebKey;
    const jwk: JsonWebKey = { ...(kty && { kty }), ...(n && { n }), ...(e && { e }) };
    imported = globalThis.crypto.subtle.importKey(
      'jwk',
      jwk,
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    verifyKeys.set(key, imported);
  }
  return imported;
}

async function rsaSignatureHolds(key: PublicKey, signingInput: string, signature: string): Promise<boolean> {
  try {
    return await globalThis.crypto.subtle.verify(
      'RSASSA-PKCS1-v1_5',
      await rsaPublicKey(key),
      Uint8Array.from(base64url.decode(signature)),
      utf8ToBytes(signingInput),
    );
  } catch {
    return false;
  }
}

/**
 * A compact RS256 JWS of `payload` under `header`, as jose's `CompactSign` makes it; with a cache, a
 * signature over the same signing input and key is reused once it verifies. jose writes the protected
 * header as `base64url(JSON.stringify(header))`, which is what the lookup computes; were it ever to
 * differ, the lookup would only miss.
 */
export async function signCompactRs256(
  header: { readonly alg: 'RS256'; readonly kid?: string },
  payload: Uint8Array,
  privateKey: CryptoKey,
  cache?: KeySignatureCache,
): Promise<string> {
  if (cache !== undefined) {
    const signingInput = `${base64url.encode(JSON.stringify(header))}.${base64url.encode(payload)}`;
    const key = signatureKey(cache, 'jws-rs256', [signingInput]);
    const stored = cache.store.get(key);
    if (stored !== undefined) {
      if (await rsaSignatureHolds(cache.key, signingInput, stored)) return `${signingInput}.${stored}`;
      cache.store.refuse?.(key);
    }
  }
  const jws = await new CompactSign(payload).setProtectedHeader({ ...header }).sign(privateKey);
  if (cache !== undefined) {
    const cut = jws.lastIndexOf('.');
    // Stored under jose's own signing input, which the lookup above recomputes.
    cache.store.set(signatureKey(cache, 'jws-rs256', [jws.slice(0, cut)]), jws.slice(cut + 1));
  }
  return jws;
}
