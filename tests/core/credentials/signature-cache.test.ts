/**
 * Signatures reused from a store: the same bytes as signing again, under keys that change with what is
 * signed, the key and the code version; a value that fails its check is signed again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { signDataIntegrity } from '../../../src/core/credentials/data-integrity.ts';
import { findKey } from '../../../src/core/credentials/keys.ts';
import { signVcJwt } from '../../../src/core/credentials/ob3/vc-jwt.ts';
import {
  keyFingerprint,
  type SignatureStore,
  signCompactRs256,
} from '../../../src/core/credentials/signature-cache.ts';
import { credentialOf, makeSite, type Site } from './site.ts';

/** A store in memory that records what the signer asked of it. */
function memoryStore() {
  const values = new Map<string, string>();
  const log: string[] = [];
  const store: SignatureStore = {
    get: (key) => {
      log.push(values.has(key) ? 'hit' : 'miss');
      return values.get(key);
    },
    set: (key, value) => {
      log.push('set');
      values.set(key, value);
    },
    refuse: () => log.push('refuse'),
  };
  return { store, values, log };
}

let site: Site;
beforeAll(async () => {
  site = await makeSite();
});

const payload = new TextEncoder().encode('{"a":1}');

describe('signature cache', () => {
  it('gives the bytes signing gives, and reuses them for the same input, key and code', async () => {
    const { store, log } = memoryStore();
    const key = findKey(site.issuer, site.signer.rs256.keyId);
    const cache = { store, code: 'v1', key };
    const plain = await signCompactRs256({ alg: 'RS256' }, payload, site.signer.rs256.privateKey);
    const first = await signCompactRs256({ alg: 'RS256' }, payload, site.signer.rs256.privateKey, cache);
    const second = await signCompactRs256({ alg: 'RS256' }, payload, site.signer.rs256.privateKey, cache);
    expect(first).toBe(plain);
    expect(second).toBe(plain);
    expect(log).toEqual(['miss', 'set', 'hit']);
  });

  it('misses when the signed input, the code version or the key differ', async () => {
    const { store, log } = memoryStore();
    const key = findKey(site.issuer, site.signer.rs256.keyId);
    const sign = (cache: { store: SignatureStore; code: string; key: typeof key }, bytes = payload) =>
      signCompactRs256({ alg: 'RS256' }, bytes, site.signer.rs256.privateKey, cache);
    await sign({ store, code: 'v1', key });
    await sign({ store, code: 'v1', key }, new TextEncoder().encode('{"a":2}'));
    await sign({ store, code: 'v2', key });
    const rotated = { ...key, publicKeyJwk: { ...key.publicKeyJwk, n: `${key.publicKeyJwk.n}x` } };
    expect(keyFingerprint(rotated)).not.toBe(keyFingerprint(key));
    await sign({ store, code: 'v1', key: rotated });
    expect(log).toEqual(['miss', 'set', 'miss', 'set', 'miss', 'set', 'miss', 'set']);
  });

  it('refuses a stored RS256 signature that does not verify, and signs again', async () => {
    const { store, values, log } = memoryStore();
    const key = findKey(site.issuer, site.signer.rs256.keyId);
    const cache = { store, code: 'v1', key };
    const good = await signCompactRs256({ alg: 'RS256' }, payload, site.signer.rs256.privateKey, cache);
    const other = await signCompactRs256({ alg: 'RS256' }, new Uint8Array([1]), site.signer.rs256.privateKey);
    const [stored] = [...values.keys()];
    values.set(stored as string, other.slice(other.lastIndexOf('.') + 1));
    const again = await signCompactRs256({ alg: 'RS256' }, payload, site.signer.rs256.privateKey, cache);
    expect(again).toBe(good);
    expect(log).toEqual(['miss', 'set', 'hit', 'refuse', 'set']);
  });

  it('reuses a Data Integrity proof value only when it is a 64-byte signature', async () => {
    const { store, values, log } = memoryStore();
    const key = findKey(site.issuer, site.signer.ed25519.keyId);
    const unsigned = credentialOf(site, 'plain');
    const options = {
      privateKey: site.signer.ed25519.privateKey,
      verificationMethod: site.urls.keyDidUrl('lycee', key.id),
      created: unsigned.validFrom,
    };
    const plain = await signDataIntegrity(unsigned, options);
    const cache = { store, code: 'v1', key };
    expect(await signDataIntegrity(unsigned, { ...options, cache })).toEqual(plain);
    expect(await signDataIntegrity(unsigned, { ...options, cache })).toEqual(plain);
    const [stored] = [...values.keys()];
    values.set(stored as string, 'z3short');
    expect(await signDataIntegrity(unsigned, { ...options, cache })).toEqual(plain);
    expect(log).toEqual(['miss', 'set', 'hit', 'hit', 'refuse', 'set']);
  });

  it('signs VC-JWTs through the cache with the same bytes', async () => {
    const { store } = memoryStore();
    const key = findKey(site.issuer, site.signer.rs256.keyId);
    const options = { privateKey: site.signer.rs256.privateKey, kid: 'https://example.org/k.jwk.json' };
    const unsigned = credentialOf(site, 'plain');
    const plain = await signVcJwt(unsigned, options);
    const cache = { store, code: 'v1', key };
    expect(await signVcJwt(unsigned, { ...options, cache })).toBe(plain);
    expect(await signVcJwt(unsigned, { ...options, cache })).toBe(plain);
  });
});
