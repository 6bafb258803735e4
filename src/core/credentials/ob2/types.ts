/**
 * The Open Badges 2.0 documents Insigne emits (OB 2.0 §Data Model, DIGEST §1). Each hosted document is
 * served at exactly its `id` URL. Type aliases, so each is also a plain JSON object.
 */
import type { Ob2RecipientIdentity } from '../../identity/objects.ts';
import type { CONTEXT_URLS } from '../document-loader.ts';

type Ob2Context = typeof CONTEXT_URLS.ob2;

/** OB 2.0 §Profile, as an issuer (DIGEST §1.2). */
export type Ob2Profile = {
  readonly '@context': Ob2Context;
  readonly type: 'Issuer';
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly email: string;
  readonly description: string;
  readonly image?: string;
  readonly publicKey?: readonly string[];
  readonly revocationList: string;
};

/** OB 2.0 §AlignmentObject. */
export type Ob2Alignment = {
  readonly targetName: string;
  readonly targetUrl: string;
  readonly targetDescription?: string;
  readonly targetFramework?: string;
  readonly targetCode?: string;
};

/** OB 2.0 §BadgeClass (DIGEST §1.3). */
export type BadgeClass = {
  readonly '@context': Ob2Context;
  readonly type: 'BadgeClass';
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly image: string;
  readonly criteria: { readonly id: string; readonly narrative?: string };
  readonly issuer: string;
  readonly alignment?: readonly Ob2Alignment[];
  readonly tags?: readonly string[];
};

/** OB 2.0 §Evidence. */
export type Ob2Evidence = {
  readonly type: 'Evidence';
  readonly id?: string;
  readonly name?: string;
  readonly narrative?: string;
};

/** OB 2.0 §VerificationObject of an Assertion. */
export type Ob2Verification =
  | { readonly type: 'hosted' }
  | { readonly type: 'SignedBadge'; readonly creator: string };

/** OB 2.0 §Assertion (DIGEST §1.4). */
export type Assertion = {
  readonly '@context': Ob2Context;
  readonly type: 'Assertion';
  readonly id: string;
  readonly recipient: Ob2RecipientIdentity;
  readonly badge: string;
  readonly verification: Ob2Verification;
  readonly issuedOn: string;
  readonly expires?: string;
  readonly image: string;
  readonly evidence?: readonly Ob2Evidence[];
  readonly narrative?: string;
};

/** What a revoked hosted Assertion's URL serves instead (OB 2.0 §HostedBadge, DIGEST §1.6, §7). */
export type RevokedAssertion = {
  readonly '@context': Ob2Context;
  readonly id: string;
  readonly revoked: true;
  readonly revocationReason: string;
};

/** OB 2.0 §CryptographicKey (DIGEST §1.2). */
export type CryptographicKey = {
  readonly '@context': Ob2Context;
  readonly type: 'CryptographicKey';
  readonly id: string;
  readonly owner: string;
  readonly publicKeyPem: string;
};

/** OB 2.0 §RevocationList (DIGEST §1.2). */
export type RevocationList = {
  readonly '@context': Ob2Context;
  readonly type: 'RevocationList';
  readonly id: string;
  readonly issuer: string;
  readonly revokedAssertions: readonly { readonly id: string; readonly revocationReason: string }[];
};
