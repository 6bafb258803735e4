/**
 * The VC-JWT form of a credential (OB 3.0 §JSON Web Token Proof Format, DIGEST §4.1, §9.2): a compact
 * JWS whose payload is the credential itself plus the registered claims, with no `vc` wrapper. Header
 * exactly `{alg: 'RS256', kid}` (no `typ`, no `cty`), `kid` being the URL of a bare public JWK.
 *
 * The payload never carries the Data Integrity proof ("the `proof` property MAY be omitted", §4.1): the
 * claims are added at the payload's top level, so a proof copied in would no longer cover the document
 * it sits in, and every Data Integrity verifier handed the decoded payload would reject it (DIGEST §4
 * "Measured trap"). The JWS is the payload's only proof; the proven JSON is published apart.
 */
import { InsigneError } from '../../errors.ts';
import { toNumericDate } from '../dates.ts';
import { type KeySignatureCache, signCompactRs256 } from '../signature-cache.ts';
import type { OpenBadgeCredential } from './types.ts';

export interface VcJwtOptions {
  /** WebCrypto RSASSA-PKCS1-v1_5 SHA-256 private key. */
  readonly privateKey: CryptoKey;
  /** Absolute URL of the bare public JWK (`sitePaths.keyJwk`). */
  readonly kid: string;
  /** Signatures of earlier builds, for the published key of `privateKey`. */
  readonly cache?: KeySignatureCache;
}

/**
 * The JWT claims set: the credential without any `proof`, then `iss`, `jti`, `sub`, `nbf` and (if it
 * expires) `exp`.
 */
export function toVcJwtPayload(credential: OpenBadgeCredential): Record<string, unknown> {
  const subject = credential.credentialSubject.id;
  if (subject === undefined || subject === '') {
    throw new InsigneError('ERR_JWT_NO_SUBJECT', 'A VC-JWT needs credentialSubject.id for its "sub" claim.');
  }
  const { proof: _proof, ...unsecured } = credential;
  return {
    ...unsecured,
    iss: credential.issuer.id,
    jti: credential.id,
    sub: subject,
    nbf: toNumericDate(credential.validFrom),
    ...(credential.validUntil !== undefined && { exp: toNumericDate(credential.validUntil) }),
  };
}

/**
 * Signs `credential` as a compact JWS; a `proof` it carries is left out of the payload (see the module
 * comment). Deterministic: the payload is serialised in the credential's own key order, and RS256
 * signatures depend only on key and input.
 */
export async function signVcJwt(credential: OpenBadgeCredential, options: VcJwtOptions): Promise<string> {
  const payload = new TextEncoder().encode(JSON.stringify(toVcJwtPayload(credential)));
  return signCompactRs256({ alg: 'RS256', kid: options.kid }, payload, options.privateKey, options.cache);
}
