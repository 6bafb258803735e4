/**
 * Finding private key material wherever it could leak (DESIGN §4: never in git, content, the site, logs or
 * messages), for the tests: the content check's own scanner (src/core/content/key-material.ts), over bytes
 * or text. A known key is looked for in every form a leak could take: its private JWK members as written,
 * their bytes raw, in hex, base64 and base64url at any alignment, so inside the INSIGNE_SIGNING_KEYS secret
 * or a PEM file too. The shapes any private key takes (PEM blocks, JWK members…) are exported as patterns.
 */
import {
  findKnownKey,
  JWK_PRIVATE_MEMBER,
  type KeyNeedles,
  NAMED_PRIVATE_KEY,
  keyNeedles as needlesOf,
  PEM_PRIVATE,
  SIGNING_SECRET,
} from '../../src/core/content/key-material.ts';
import type { StoredPrivateKey } from '../../src/shell/keys.ts';

export { JWK_PRIVATE_MEMBER, type KeyNeedles, NAMED_PRIVATE_KEY, PEM_PRIVATE, SIGNING_SECRET };

/** Every needle of the private members of `keys`. */
export function keyNeedles(keys: readonly StoredPrivateKey[]): KeyNeedles {
  return needlesOf(keys.map((key) => ({ id: key.id, jwk: key.jwk as Record<string, unknown> })));
}

/** Which of the keys behind `needles` `data` holds, with its offset, or undefined. Bytes are read as Latin-1. */
export function findKeyMaterial(needles: KeyNeedles, data: Uint8Array | string): string | undefined {
  const text = typeof data === 'string' ? data : Buffer.from(data).toString('latin1');
  const hit = findKnownKey(text, needles);
  return hit === undefined ? undefined : `${hit.what} at offset ${hit.offset}`;
}
