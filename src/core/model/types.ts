/**
 * The linked model: what the rest of the pipeline works on once content is parsed and every reference is
 * resolved. Plain values only, so the model can be passed to workers, serialised in tests, and used in the
 * browser. Vocabulary (DESIGN.md §2): Issuer, Badge (the definition), Award (one earning), Recipient.
 */

/** UI and content languages Insigne ships translations for. */
export type Language = 'fr' | 'en';

/** Where a model value came from, so every later error can still point at a file. */
export interface SourceRef {
  /** Path relative to the project root, with forward slashes (`content/awards/2026/…yaml`). */
  readonly file: string;
}

/** A public JSON Web Key, exactly as committed in the issuer file (never a private member). */
export interface PublicJwk {
  readonly kty: 'OKP' | 'RSA';
  readonly crv?: 'Ed25519';
  readonly x?: string;
  readonly n?: string;
  readonly e?: string;
}

/** One of the issuer's published public keys. Retired keys stay published so old awards still verify. */
export interface PublicKey {
  /** Short key id, unique within the issuer (`ed25519-2026-11`). */
  readonly id: string;
  /** Ed25519 signs Data Integrity proofs; RS256 signs OB 3.0 VC-JWTs and OB 2.0 signed assertions. */
  readonly algorithm: 'Ed25519' | 'RS256';
  /** Day the key was created (YYYY-MM-DD). */
  readonly created: string;
  /** Day the key stopped signing new awards, if it did. It stays published: what it signed still verifies. */
  readonly retired?: string;
  /**
   * Day the private key was found leaked. A compromised key is no longer published, so everything it
   * signed stops verifying, and it never signs again. It stays in content so the build knows it existed.
   */
  readonly compromised?: string;
  readonly publicKeyJwk: PublicJwk;
}

export interface Issuer extends SourceRef {
  readonly slug: string;
  readonly name: string;
  readonly url: string;
  readonly email: string;
  readonly description: string;
  /** Logo file path relative to the issuer file's folder, if any. */
  readonly logo?: string;
  /** Who signs its printed certificates, if anyone. */
  readonly signatory?: Signatory;
  readonly linkedinOrganizationId?: string;
  readonly language: Language;
  /** Whether award pages may be indexed by search engines (off by default: DESIGN.md §4). */
  readonly indexAwardPages: boolean;
  readonly keys: readonly PublicKey[];
  /** Checked endorsements of this issuer, ordered by id (see `Endorsement`). */
  readonly endorsements?: readonly Endorsement[];
}

/** A badge's name, description and criteria (Markdown) in its other language. */
export interface BadgeEdition {
  readonly language: Language;
  readonly name: string;
  readonly description: string;
  readonly criteria: string;
}

/** The person whose name (and signature image) a printed certificate carries. */
export interface Signatory {
  readonly name: string;
  readonly title?: string;
  /** Signature image path relative to the content file's folder. */
  readonly signature?: string;
}

/** A skills-framework alignment (OB 2.0 AlignmentObject, OB 3.0 Alignment). */
export interface Alignment {
  readonly targetName: string;
  readonly targetUrl: string;
  readonly framework?: string;
  readonly code?: string;
  readonly description?: string;
}

export const BADGE_SHAPES = ['circle', 'shield', 'hexagon', 'rosette', 'rounded-square'] as const;
export type BadgeShape = (typeof BADGE_SHAPES)[number];

/** How the artwork is drawn when no custom image is given. */
export interface ArtworkDesign {
  readonly shape: BadgeShape;
  readonly palette: string;
  readonly icon?: string;
  readonly level?: string;
  readonly year?: number;
  readonly showIssuer: boolean;
}

/** One badge a milestone requires, with the names its pages and criteria show. */
export interface RequiredBadge {
  readonly slug: string;
  readonly name: string;
  readonly language: Language;
  /** Its name in its other language, when it has an edition. */
  readonly edition?: { readonly language: Language; readonly name: string };
}

/** A milestone's criteria: at least `atLeast` of `badges` (all of them when `atLeast` is their number). */
export interface Requirement {
  readonly badges: readonly RequiredBadge[];
  readonly atLeast: number;
}

export interface Badge extends SourceRef {
  readonly slug: string;
  readonly name: string;
  readonly issuer: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly alignments: readonly Alignment[];
  /** OB 3.0 achievementType (DIGEST §3.4). */
  readonly achievementType: string;
  /** ISO 8601 duration after which an award of this badge expires (`P2Y`), if it does. */
  readonly validity?: string;
  readonly artwork: ArtworkDesign;
  /** Custom artwork file relative to the badge file's folder; replaces the designed artwork. */
  readonly image?: string;
  /** Alternative text for the artwork. */
  readonly imageAlt?: string;
  /** Who signs this badge's printed certificates, instead of the issuer's signatory. */
  readonly signatory?: Signatory;
  /** The badge's texts in the other language, if the administrator wrote them. */
  readonly edition?: BadgeEdition;
  /** The badges an earner must hold first, when this badge is a milestone. */
  readonly requires?: Requirement;
  readonly language: Language;
  /** The criteria narrative: the Markdown body of the badge file. */
  readonly criteria: string;
  /** Checked endorsements of this badge, ordered by id (see `Endorsement`). */
  readonly endorsements?: readonly Endorsement[];
}

export interface Evidence {
  readonly url?: string;
  readonly name?: string;
  readonly narrative?: string;
}

/** The earner as the award knows them: a display name and a salted hash, never the email. */
export interface Recipient {
  readonly name: string;
  /** `sha256$` + hex(sha256(normalised email + salt)). */
  readonly identity: string;
  readonly salt: string;
}

export interface Revocation {
  readonly date: string;
  readonly reason: string;
}

export interface Award extends SourceRef {
  /** Random UUID v4, stable forever once published; never derived from the name or email. */
  readonly id: string;
  readonly badge: string;
  readonly recipient: Recipient;
  /** Day of issue (YYYY-MM-DD). */
  readonly issuedOn: string;
  /** Explicit expiry day, if any (the badge's validity period applies otherwise). */
  readonly expires?: string;
  readonly evidence: readonly Evidence[];
  readonly narrative?: string;
  readonly revocation?: Revocation;
  /** Whether the earner agreed to be listed on the badge page. */
  readonly listed: boolean;
  /** Position in the issuer's status list; unique per issuer and never reused. */
  readonly statusIndex: number;
  /** Checked endorsements of this award, ordered by id (see `Endorsement`). */
  readonly endorsements?: readonly Endorsement[];
}

/**
 * A third party's signed EndorsementCredential of a badge, an issuer or one award (OB 3.0
 * §EndorsementCredential), from `content/endorsements/`, checked before the build embeds it.
 */
export interface Endorsement extends SourceRef {
  /** The endorsement's id: the absolute URL it is published at. */
  readonly id: string;
  /** Its path on the site (`endorsements/<name>.json`). */
  readonly path: string;
  /** What it endorses: a badge slug, an issuer slug or an award id. */
  readonly subject: { readonly kind: 'badge' | 'issuer' | 'award'; readonly key: string };
  /** The endorser: their did:key (or did:web), name and web site. */
  readonly endorser: { readonly id: string; readonly name: string; readonly url?: string };
  readonly comment?: string;
  /** `validFrom` as written (dateTime). */
  readonly validFrom: string;
  /** The signed document, exactly as committed (the proof covers it as it stands). */
  readonly document: Readonly<Record<string, unknown>>;
  /** Lines of the fields a later check points at (1-based). */
  readonly lines: { readonly proof: number; readonly issuer: number; readonly comment: number };
}

/**
 * A did:web endorser's DID document as the administrator pinned it (`content/endorsers/<host>/…/did.json`):
 * what `badges check` and the build resolve that did:web with, never fetching it.
 */
export interface PinnedDidDocument extends SourceRef {
  /** The did:web the file's place stands for, and the document's own `id`. */
  readonly did: string;
  /** Where the endorser publishes it (did:web §3.2): what a verifier fetches. */
  readonly url: string;
  /** The file's text, exactly as committed. */
  readonly text: string;
}

/** Everything the content defines, linked: every reference is known to resolve. */
export interface Model {
  readonly issuers: ReadonlyMap<string, Issuer>;
  readonly badges: ReadonlyMap<string, Badge>;
  readonly awards: ReadonlyMap<string, Award>;
  /** Checked endorsements, ordered by id; absent when the content has none. */
  readonly endorsements?: readonly Endorsement[];
  /** Pinned DID documents of did:web endorsers, by DID; absent when the content has none. */
  readonly endorsers?: ReadonlyMap<string, PinnedDidDocument>;
}
