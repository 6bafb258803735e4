/** Ed25519 Multikey encoding (VC-DI-EDDSA §2.1.1) and key import from seeds; the spec key is in data-integrity.test.ts. */
import { describe, expect, it } from 'vitest';
import {
  ed25519KeyPairFromSeed,
  ed25519PublicKeyOf,
  fromEd25519Multikey,
  toEd25519Multikey,
} from '../../../src/core/credentials/multikey.ts';

describe('Ed25519 Multikey', () => {
  it('round-trips a 32-byte key through z6Mk…', () => {
    const key = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
    const multikey = toEd25519Multikey(key);
    expect(multikey).toMatch(/^z6Mk/);
    expect(fromEd25519Multikey(multikey)).toEqual(key);
    expect(() => toEd25519Multikey(new Uint8Array(31))).toThrow(
      expect.objectContaining({ code: 'ERR_MULTIKEY_LENGTH' }),
    );
    expect(() => fromEd25519Multikey('zQ3s')).toThrow(
      expect.objectContaining({ code: 'ERR_MULTIKEY_INVALID' }),
    );
  });

  it('derives the same key pair from the same seed, and a non-extractable private key', async () => {
    const a = await ed25519KeyPairFromSeed(new Uint8Array(32).fill(9));
    const b = await ed25519KeyPairFromSeed(new Uint8Array(32).fill(9));
    expect(a.publicKeyBytes).toEqual(b.publicKeyBytes);
    expect(a.privateKey.extractable).toBe(false);
    await expect(ed25519KeyPairFromSeed(new Uint8Array(31))).rejects.toMatchObject({
      code: 'ERR_SEED_LENGTH',
    });
  });

  it('reads the raw key of a committed Ed25519 JWK, and refuses an RSA one', () => {
    expect(
      ed25519PublicKeyOf({ kty: 'OKP', crv: 'Ed25519', x: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8' }),
    ).toEqual(Uint8Array.from({ length: 32 }, (_, i) => i));
    expect(() => ed25519PublicKeyOf({ kty: 'RSA', n: 'AQAB', e: 'AQAB' })).toThrow(
      expect.objectContaining({ code: 'ERR_KEY_NOT_ED25519' }),
    );
  });
});
