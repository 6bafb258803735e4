/**
 * The Open Badges 3.0 documents Insigne emits, as TypeScript shapes (OB 3.0 §B "Data Models", DIGEST §3).
 * Type aliases rather than interfaces, so that every document is also a JsonObject the signers accept.
 * Every unordered set is an array and every object has a `type`, as the canonical schema requires.
 */
import type { Ob3IdentityObject } from '../../identity/objects.ts';
import type { DataIntegrityProof } from '../data-integrity.ts';
import type { CONTEXT_URLS } from '../document-loader.ts';
import type { JsonObject } from '../json.ts';

/** A third party's signed EndorsementCredential, embedded exactly as it was signed (OB 3.0 §EndorsementCredential). */
export type EmbeddedEndorsement = JsonObject;

/** `@context` of every OB 3.0 document, in the order the spec requires (DIGEST §3.1). */
export type Ob3Context = readonly [typeof CONTEXT_URLS.credentialsV2, typeof CONTEXT_URLS.ob3];

/** OB 3.0 §Image: `type` is a plain string here, the one exception besides IdentityObject. */
export type Image = { readonly id: string; readonly type: 'Image'; readonly caption?: string };

/** OB 3.0 §Profile, as an issuer. */
export type Profile = {
  readonly '@context'?: Ob3Context;
  readonly id: string;
  readonly type: readonly ['Profile'];
  readonly name: string;
  readonly url: string;
  readonly email: string;
  readonly description: string;
  readonly image?: Image;
  readonly endorsement?: readonly EmbeddedEndorsement[];
};

/** OB 3.0 §Criteria. */
export type Criteria = { readonly id: string; readonly narrative?: string };

/** OB 3.0 §Alignment. */
export type Alignment = {
  readonly type: readonly ['Alignment'];
  readonly targetName: string;
  readonly targetUrl: string;
  readonly targetDescription?: string;
  readonly targetFramework?: string;
  readonly targetCode?: string;
  /** OB 3.0 AlignmentTargetType; Insigne writes only `ceterms:Credential`, for a milestone's parts. */
  readonly targetType?: 'ceterms:Credential';
};

/** OB 3.0 §Achievement. */
export type Achievement = {
  readonly '@context'?: Ob3Context;
  readonly id: string;
  readonly type: readonly ['Achievement'];
  readonly achievementType: string;
  readonly name: string;
  readonly description: string;
  readonly criteria: Criteria;
  readonly image: Image;
  readonly alignment?: readonly Alignment[];
  readonly tag?: readonly string[];
  readonly inLanguage: string;
  /** The same achievement in another language (OB 3.0 §Related). */
  readonly related?: readonly Related[];
  readonly endorsement?: readonly EmbeddedEndorsement[];
};

/** OB 3.0 §Related: another edition of the same achievement, here a language edition. */
export type Related = {
  readonly id: string;
  readonly type: readonly ['Related'];
  readonly inLanguage: string;
};

/** OB 3.0 §Evidence. */
export type Evidence = {
  readonly id?: string;
  readonly type: readonly ['Evidence'];
  readonly name?: string;
  readonly narrative?: string;
};

/** OB 3.0 §AchievementSubject. */
export type AchievementSubject = {
  readonly id: string;
  readonly type: readonly ['AchievementSubject'];
  readonly identifier: readonly Ob3IdentityObject[];
  readonly achievement: Achievement;
  readonly narrative?: string;
};

/** W3C Bitstring Status List §2.1 BitstringStatusListEntry (DIGEST §3.7). */
export type BitstringStatusListEntry = {
  readonly id: string;
  readonly type: 'BitstringStatusListEntry';
  readonly statusPurpose: 'revocation';
  readonly statusListIndex: string;
  readonly statusListCredential: string;
};

/** OB 3.0 §AchievementCredential with the `OpenBadgeCredential` alias type (DIGEST §3.2, §9.1). */
export type OpenBadgeCredential = {
  readonly '@context': Ob3Context;
  readonly id: string;
  readonly type: readonly ['VerifiableCredential', 'OpenBadgeCredential'];
  readonly name: string;
  readonly issuer: Profile;
  readonly validFrom: string;
  readonly validUntil?: string;
  readonly awardedDate: string;
  readonly credentialSubject: AchievementSubject;
  readonly evidence?: readonly Evidence[];
  readonly credentialStatus: BitstringStatusListEntry;
  readonly endorsement?: readonly EmbeddedEndorsement[];
  readonly proof?: readonly DataIntegrityProof[];
};
