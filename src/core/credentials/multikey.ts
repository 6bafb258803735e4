/**
 * Ed25519 keys as Multikey values (VC-DI-EDDSA §2.1.1, DIGEST §4.2): `publicKeyMultibase` =
 * `z` + base58btc(0xed 0x01 ‖ 32-byte public key), which always starts `z6Mk`. Also the WebCrypto
 * imports a signer or a verifier needs, from a seed, a JWK or a Multikey.
 */
import { base64url } from 'jose';
import { InsigneError } from '../errors.ts';
import type { PublicJwk } from '../model/types.ts';
import { decodeBase58btc, encodeBase58btc } from './base58.ts';

const ED25519_PUB_PREFIX = [0xed, 0x01];
/** DER prefix of a PKCS #8 Ed25519 private key (RFC 8410 §7), followed by the 32-byte seed. */
const PKCS8_ED25519_PREFIX = [
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];

/** `publicKeyMultibase` of a raw 32-byte Ed25519 public key. */
export function toEd25519Multikey(publicKey: Uint8Array): string {
  if (publicKey.length !== 32) {
    throw new InsigneError(
      'ERR_MULTIKEY_LENGTH',
      `An Ed25519 public key has 32 bytes, not ${publicKey.length}.`,
    );
  }
  return `z${encodeBase58btc(Uint8Array.from([...ED25519_PUB_PREFIX, ...publicKey]))}`;
}

/** Raw 32-byte Ed25519 public key of a `z6Mk…` Multikey; `ERR_MULTIKEY_INVALID` for anything else. */
export function fromEd25519Multikey(multibase: string): Uint8Array {
  const bytes = multibase.startsWith('z') ? decodeBase58btc(multibase.slice(1)) : new Uint8Array();
  if (bytes.length !== 34 || bytes[0] !== ED25519_PUB_PREFIX[0] || bytes[1] !== ED25519_PUB_PREFIX[1]) {
    throw new InsigneError('ERR_MULTIKEY_INVALID', `"${multibase}" is not an Ed25519 Multikey (z6Mk…).`);
  }
  return bytes.slice(2);
}

/** Raw Ed25519 public key bytes of a committed public JWK (`kty: OKP`, `crv: Ed25519`). */
export function ed25519PublicKeyOf(jwk: PublicJwk): Uint8Array {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || jwk.x === undefined) {
    throw new InsigneError(
      'ERR_KEY_NOT_ED25519',
      'The key is not an Ed25519 public JWK (kty OKP, crv Ed25519, x).',
    );
  }
  return base64url.decode(jwk.x);
}

/** WebCrypto Ed25519 public key (for verifying) from raw bytes. */
export function importEd25519PublicKey(publicKey: Uint8Array): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('raw', Uint8Array.from(publicKey), 'Ed25519', true, ['verify']);
}

/** An Ed25519 key pair from its 32-byte seed (RFC 8032 §5.1.5): the same seed always gives the same keys. */
export async function ed25519KeyPairFromSeed(
  seed: Uint8Array,
): Promise<{ privateKey: CryptoKey; publicKey: CryptoKey; publicKeyBytes: Uint8Array }> {
  if (seed.length !== 32) {
    throw new InsigneError('ERR_SEED_LENGTH', `An Ed25519 seed has 32 bytes, not ${seed.length}.`);
  }
  const pkcs8 = Uint8Array.from([...PKCS8_ED25519_PREFIX, ...seed]);
  // Imported once as extractable only to let WebCrypto derive the public key, then again as non-extractable.
  const derivable = await globalThis.crypto.subtle.importKey('pkcs8', pkcs8, 'Ed25519', true, ['sign']);
  const { x } = await globalThis.crypto.subtle.exportKey('jwk', derivable);
  const privateKey = await globalThis.crypto.subtle.importKey('pkcs8', pkcs8, 'Ed25519', false, ['sign']);
  if (x === undefined) throw new InsigneError('ERR_SEED_EXPORT', 'WebCrypto did not derive the public key.');
  const publicKeyBytes = base64url.decode(x);
  return { privateKey, publicKey: await importEd25519PublicKey(publicKeyBytes), publicKeyBytes };
}
