/**
 * An award as an OB 2.0 Assertion (OB 2.0 §Assertion, DIGEST §1.4, §1.6, §1.7, §9.3), in its two
 * verification forms: hosted (the JSON at its own `.json` URL, replaced by a `revoked` body once revoked)
 * and signed (an RS256 JWS whose payload is the Assertion with a `urn:uuid` id and a `creator` key).
 */
import { InsigneError } from '../../errors.ts';
import { toOb2RecipientIdentity } from '../../identity/objects.ts';
import { expiryOf } from '../../model/status.ts';
import type { Award, Badge, Issuer } from '../../model/types.ts';
import { awardUrn, type SiteUrls, sitePaths } from '../../urls.ts';
import { toOb2DateTime } from '../dates.ts';
import { CONTEXT_URLS } from '../document-loader.ts';
import { findKey } from '../keys.ts';
import { type KeySignatureCache, signCompactRs256 } from '../signature-cache.ts';
import { cryptographicKeyUrl } from './issuer.ts';
import type { Assertion, Ob2Evidence, Ob2Verification, RevokedAssertion } from './types.ts';

/** What one Assertion is built from. */
export interface AssertionSource {
  readonly issuer: Issuer;
  readonly badge: Badge;
  readonly award: Award;
  readonly urls: SiteUrls;
}

function toOb2Evidence(evidence: Award['evidence'][number]): Ob2Evidence {
  return {
    type: 'Evidence',
    ...(evidence.url !== undefined && { id: evidence.url }),
    ...(evidence.name !== undefined && { name: evidence.name }),
    ...(evidence.narrative !== undefined && { narrative: evidence.narrative }),
  };
}

function toAssertion(
  { badge, award, urls }: AssertionSource,
  id: string,
  verification: Ob2Verification,
): Assertion {
  const expires = expiryOf(award, badge);
  return {
    '@context': CONTEXT_URLS.ob2,
    type: 'Assertion',
    id,
    recipient: toOb2RecipientIdentity(award.recipient),
    badge: urls.absolute(sitePaths.badgeClass(badge.slug)),
    verification,
    issuedOn: toOb2DateTime(award.issuedOn),
    ...(expires !== undefined && { expires: toOb2DateTime(expires) }),
    image: urls.absolute(sitePaths.bakedImage(award.id, 'png')),
    ...(award.evidence.length > 0 && { evidence: award.evidence.map(toOb2Evidence) }),
    ...(award.narrative !== undefined && { narrative: award.narrative }),
  };
}

/** The hosted Assertion: id = the exact URL of its file, `verification: {type: 'hosted'}`. */
export function toHostedAssertion(source: AssertionSource): Assertion {
  return toAssertion(source, source.urls.absolute(sitePaths.assertion(source.award.id)), { type: 'hosted' });
}

/**
 * What the hosted Assertion's URL serves once the award is revoked: GitHub Pages cannot answer 410, so the
 * body declares `revoked: true` (DIGEST §7). `ERR_AWARD_NOT_REVOKED` for an award that is not revoked.
 */
export function toRevokedAssertion(award: Award, urls: SiteUrls): RevokedAssertion {
  if (award.revocation === undefined) {
    throw new InsigneError(
      'ERR_AWARD_NOT_REVOKED',
      `Award ${award.id} is not revoked: serve its hosted Assertion, not a revoked body.`,
    );
  }
  return {
    '@context': CONTEXT_URLS.ob2,
    id: urls.absolute(sitePaths.assertion(award.id)),
    revoked: true,
    revocationReason: award.revocation.reason,
  };
}

/** The signed Assertion (the JWS payload): id `urn:uuid:<award id>`, `creator` = the key's document URL. */
export function toSignedAssertion(source: AssertionSource, keyId: string): Assertion {
  const key = findKey(source.issuer, keyId);
  return toAssertion(source, awardUrn(source.award.id), {
    type: 'SignedBadge',
    creator: cryptographicKeyUrl(source.issuer, key, source.urls),
  });
}

/**
 * The compact JWS of a signed Assertion, header exactly `{"alg":"RS256"}` as in the spec's example: the
 * key is named by `verification.creator`, which is all the OB 2.0 validator reads (DIGEST §1.8).
 */
export function signAssertion(
  assertion: Assertion,
  privateKey: CryptoKey,
  cache?: KeySignatureCache,
): Promise<string> {
  const payload = new TextEncoder().encode(JSON.stringify(assertion));
  return signCompactRs256({ alg: 'RS256' }, payload, privateKey, cache);
}
