/**
 * An award as an unsigned OB 3.0 OpenBadgeCredential (OB 3.0 §AchievementCredential, DIGEST §3.2, §9.1).
 * Pure: the same award, badge, issuer and site location always give the same object, key for key.
 */
import { toEmailIdentityObject, toNameIdentityObject } from '../../identity/objects.ts';
import { expiryOf } from '../../model/status.ts';
import type { Award, Badge, Issuer } from '../../model/types.ts';
import { awardUrn, type SiteUrls, sitePaths, subjectUrn } from '../../urls.ts';
import { toDateTimeZ } from '../dates.ts';
import { toEmbeddedAchievement } from './achievement.ts';
import { endorsementsMember } from './endorsement.ts';
import { OB3_CONTEXT, toIssuerProfile } from './profile.ts';
import type { BitstringStatusListEntry, Evidence, OpenBadgeCredential } from './types.ts';

/** What one credential is built from. */
export interface CredentialSource {
  readonly issuer: Issuer;
  readonly badge: Badge;
  readonly award: Award;
  readonly urls: SiteUrls;
}

/** The award's entry in its issuer's revocation status list (Bitstring Status List §2.1, DIGEST §3.7). */
export function toStatusListEntry(issuer: Issuer, award: Award, urls: SiteUrls): BitstringStatusListEntry {
  return {
    id: urls.statusListEntryId(issuer.slug, award.statusIndex),
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: String(award.statusIndex),
    statusListCredential: urls.absolute(sitePaths.statusList(issuer.slug)),
  };
}

function toEvidence(evidence: Award['evidence'][number]): Evidence {
  return {
    ...(evidence.url !== undefined && { id: evidence.url }),
    type: ['Evidence'],
    ...(evidence.name !== undefined && { name: evidence.name }),
    ...(evidence.narrative !== undefined && { narrative: evidence.narrative }),
  };
}

/**
 * The unsigned credential of an award. `credentialSubject.id` is the award's opaque subject URN (so a
 * VC-JWT has a `sub`, DIGEST §3.5); the earner is identified by the hashed email and named in clear by a
 * second IdentityObject. Expiry follows `expiryOf` (the award's own date, else the badge validity).
 */
export function toOpenBadgeCredential({ issuer, badge, award, urls }: CredentialSource): OpenBadgeCredential {
  const expires = expiryOf(award, badge);
  return {
    '@context': OB3_CONTEXT,
    id: awardUrn(award.id),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: badge.name,
    issuer: toIssuerProfile(issuer, urls),
    validFrom: toDateTimeZ(award.issuedOn),
    ...(expires !== undefined && { validUntil: toDateTimeZ(expires) }),
    awardedDate: toDateTimeZ(award.issuedOn),
    credentialSubject: {
      id: subjectUrn(award.id),
      type: ['AchievementSubject'],
      identifier: [toEmailIdentityObject(award.recipient), toNameIdentityObject(award.recipient)],
      achievement: toEmbeddedAchievement(badge, urls),
      ...(award.narrative !== undefined && { narrative: award.narrative }),
    },
    ...(award.evidence.length > 0 && { evidence: award.evidence.map(toEvidence) }),
    credentialStatus: toStatusListEntry(issuer, award, urls),
    ...endorsementsMember(award),
  };
}
