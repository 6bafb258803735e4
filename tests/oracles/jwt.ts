/**
 * Oracle 3: the VC-JWT checked with `jsonwebtoken` (Auth0's JOSE library, over node:crypto), which
 * shares no code with `jose`, the signer's. The key is the bare JWK its `kid` dereferences to on the site,
 * imported by node:crypto; RS256 only, no leeway; `nbf` and `exp` are checked by the library at the build
 * day. Revocation is read from the payload's status entry by Digital Bazaar's status list library, which
 * verifies the list credential first.
 */
import { createPublicKey } from 'node:crypto';
import jsonwebtoken from 'jsonwebtoken';
import { digitalBazaarRevoked } from './digitalbazaar.ts';
import type { OfflineLoader } from './offline.ts';
import { type PublishedSite, siteJson } from './published-site.ts';
import type { OracleResult } from './verdict.ts';

export interface JwtResult extends OracleResult {
  /** The decoded payload, when the token decodes. */
  readonly payload?: Record<string, unknown>;
}

/** Verifies a compact VC-JWT whose `kid` is a URL on the site. */
export async function verifyJwtWithJsonwebtoken(
  token: string,
  site: PublishedSite,
  loader: OfflineLoader,
  now: Date,
): Promise<JwtResult> {
  const decoded = jsonwebtoken.decode(token, { complete: true });
  if (decoded === null || typeof decoded.payload === 'string') {
    return { verdict: 'invalid', detail: 'not a JWT with a JSON payload' };
  }
  const payload = decoded.payload as Record<string, unknown>;
  const kid = decoded.header.kid;
  const jwk = kid === undefined ? undefined : siteJson(site, kid);
  if (jwk === undefined)
    return { verdict: 'invalid', detail: `kid ${kid} is not a file of the site`, payload };
  const key = createPublicKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' });
  const options = { algorithms: ['RS256' as const], clockTimestamp: Math.floor(now.getTime() / 1000) };
  try {
    jsonwebtoken.verify(token, key, options);
  } catch (error) {
    if (!(error instanceof jsonwebtoken.TokenExpiredError)) {
      return { verdict: 'invalid', detail: String(error), payload };
    }
    // Expired: the signature must still hold as it stands (checked with the clock at its nbf).
    try {
      jsonwebtoken.verify(token, key, { ...options, clockTimestamp: Number(payload.nbf) });
    } catch (inner) {
      return { verdict: 'invalid', detail: String(inner), payload };
    }
    if (await digitalBazaarRevoked(payload, loader))
      return { verdict: 'revoked', detail: 'status bit set', payload };
    return { verdict: 'expired', detail: String(error), payload };
  }
  if (await digitalBazaarRevoked(payload, loader))
    return { verdict: 'revoked', detail: 'status bit set', payload };
  return { verdict: 'verified', detail: 'RS256 signature, nbf and exp hold', payload };
}
