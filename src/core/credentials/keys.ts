/**
 * Which of an issuer's published keys signs, and the private keys a build passes in. Keys are never
 * removed from content (DESIGN.md §4): a retired key stays published so old awards keep verifying, and
 * new awards are signed with the newest key that is not retired.
 */
import { InsigneError } from '../errors.ts';
import type { Issuer, PublicKey } from '../model/types.ts';

/** A private key handed in by the shell, with the id of the committed public key it matches. */
export interface SigningKey {
  readonly keyId: string;
  readonly privateKey: CryptoKey;
}

/** The issuer's two signing keys: Ed25519 for Data Integrity, RSA for RS256 JWS/JWT. */
export interface IssuerSigner {
  readonly ed25519: SigningKey;
  readonly rs256: SigningKey;
}

/** The published key `keyId` of `issuer`; `ERR_KEY_UNKNOWN` if the issuer has no such key. */
export function findKey(issuer: Issuer, keyId: string): PublicKey {
  const key = issuer.keys.find((candidate) => candidate.id === keyId);
  if (key === undefined) {
    throw new InsigneError(
      'ERR_KEY_UNKNOWN',
      `Issuer "${issuer.slug}" publishes no key "${keyId}". Sign only with a key listed in ${issuer.file}.`,
    );
  }
  return key;
}

/** The newest (last listed) key of `algorithm` neither retired nor compromised; `ERR_KEY_NONE_ACTIVE` if none is. */
export function activeKey(issuer: Issuer, algorithm: PublicKey['algorithm']): PublicKey {
  const key = issuer.keys.findLast(
    (candidate) =>
      candidate.algorithm === algorithm &&
      candidate.retired === undefined &&
      candidate.compromised === undefined,
  );
  if (key === undefined) {
    throw new InsigneError(
      'ERR_KEY_NONE_ACTIVE',
      `Issuer "${issuer.slug}" has no active ${algorithm} key. Add one with \`npm run badges -- keygen ${issuer.slug}\`.`,
    );
  }
  return key;
}
