/**
 * The one URL authority (STYLE habit 2). Every public URL, file path and identifier of the generated site
 * comes from here: routes use the `*Path` forms to decide where a file is written, credential builders use
 * the absolute forms as ids. A hosted document's id is exactly the URL of the file that holds it
 * (DIGEST §1.8 "ID must match URL"), which holds because both come from the same function.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Where the site is published: Astro's `site` (origin) and `base` (path prefix). */
export interface SiteLocation {
  /** Origin, e.g. `https://lycee-ferdinand-buisson.github.io` (no trailing slash, no path). */
  readonly origin: string;
  /** Base path, `''` for a domain root or `/badges` for a project site (no trailing slash). */
  readonly base: string;
}

/** Normalises Astro's `site` and `base` settings into a SiteLocation. */
export function toSiteLocation(site: string, base = '/'): SiteLocation {
  const url = new URL(site);
  const sitePath = url.pathname.replace(/\/+$/, '');
  const basePath = base.replace(/\/+$/, '');
  const joined = basePath.startsWith(sitePath) ? basePath : `${sitePath}${basePath}`;
  return { origin: url.origin, base: joined === '/' ? '' : joined };
}

/** Paths relative to the site root (no base, no leading slash): where each file goes in `dist/`. */
export const sitePaths = {
  home: () => '',
  verify: () => 'verify/',
  issuerPage: (issuer: string) => `issuers/${issuer}/`,
  issuerDid: (issuer: string) => `issuers/${issuer}/did.json`,
  issuerProfileOb2: (issuer: string) => `issuers/${issuer}/ob2-profile.json`,
  issuerProfileOb3: (issuer: string) => `issuers/${issuer}/ob3-profile.json`,
  issuerLogo: (issuer: string, ext: string) => `issuers/${issuer}/logo.${ext}`,
  /** The signature image printed on certificates: the issuer's, or a badge's own. */
  issuerSignature: (issuer: string, ext: string) => `issuers/${issuer}/signature.${ext}`,
  badgeSignature: (badge: string, ext: string) => `badges/${badge}/signature.${ext}`,
  /** OB 2.0 CryptographicKey document (SPKI PEM). */
  keyOb2: (issuer: string, keyId: string) => `issuers/${issuer}/keys/${keyId}.json`,
  /** A bare public JWK, what a VC-JWT `kid` dereferences to (DIGEST §4.1). */
  keyJwk: (issuer: string, keyId: string) => `issuers/${issuer}/keys/${keyId}.jwk.json`,
  revocationListOb2: (issuer: string) => `issuers/${issuer}/revocations-ob2.json`,
  statusList: (issuer: string) => `issuers/${issuer}/status-list.json`,
  badgePage: (badge: string) => `badges/${badge}/`,
  badgeClass: (badge: string) => `badges/${badge}/badgeclass.json`,
  achievement: (badge: string) => `badges/${badge}/achievement.json`,
  /** The badge's Achievement in its other language, when the badge file has an edition. */
  achievementEdition: (badge: string, language: string) => `badges/${badge}/achievement.${language}.json`,
  badgeArtwork: (badge: string, ext: 'png' | 'svg') => `badges/${badge}/artwork.${ext}`,
  badgeCard: (badge: string) => `badges/${badge}/card.png`,
  awardPage: (award: string) => `awards/${award}/`,
  assertion: (award: string) => `awards/${award}/assertion.json`,
  assertionJws: (award: string) => `awards/${award}/assertion.jws`,
  credential: (award: string) => `awards/${award}/credential.json`,
  credentialJwt: (award: string) => `awards/${award}/credential.jwt`,
  bakedImage: (award: string, ext: 'png' | 'svg') => `awards/${award}/badge.${ext}`,
  /** QR code of the award page's URL. */
  awardQr: (award: string) => `awards/${award}/qr.svg`,
  jwks: () => '.well-known/jwks.json',
  /** A third party's signed endorsement of a badge, an issuer or an award, published at its id. */
  endorsement: (name: string) => `endorsements/${name}.json`,
  /**
   * A page in the other interface language: `awards/<id>/en/` next to the French `awards/<id>/`. Each
   * page is built in its content's language at its own path, and once more in the other language here.
   */
  inLanguage: (page: string, language: string) => `${page}${language}/`,
} as const;

export type SitePathName = keyof typeof sitePaths;

/** Builds URLs and ids for one site location. */
export function urlsFor(location: SiteLocation) {
  const root = `${location.origin}${location.base}/`;
  /** Absolute URL of a site path. */
  const absolute = (path: string) => `${root}${path}`;
  /** Path with the base, for links inside the site (`/badges/awards/…/`). */
  const href = (path: string) => `${location.base}/${path}`;
  const host = new URL(location.origin).host;
  const baseSegments = location.base.split('/').filter(Boolean).map(encodeURIComponent);

  return {
    location,
    absolute,
    href,
    /**
     * The issuer's did:web (DIGEST §4.3), path form: `did:web:<host>[:<base…>]:issuers:<slug>`, which
     * resolves to `<origin><base>/issuers/<slug>/did.json` for a domain-root site and a project site alike.
     */
    issuerDid(issuer: string): string {
      return [
        'did:web',
        host.replace(':', '%3A'),
        ...baseSegments,
        'issuers',
        encodeURIComponent(issuer),
      ].join(':');
    },
    /** The DID URL of one key of the issuer (absolute, as did:web documents require). */
    keyDidUrl(issuer: string, keyId: string): string {
      return `${this.issuerDid(issuer)}#${keyId}`;
    },
    /**
     * `credentialStatus.id` of an award's BitstringStatusListEntry: the list URL plus `#<index>`, since
     * the entry id must not equal the list URL (DIGEST §3.7).
     */
    statusListEntryId(issuer: string, index: number): string {
      return `${absolute(sitePaths.statusList(issuer))}#${index}`;
    },
    /** `credentialSubject.id` of the issuer's status list credential (DIGEST §3.7). */
    statusListSubjectId(issuer: string): string {
      return `${absolute(sitePaths.statusList(issuer))}#list`;
    },
    /** Whether the site is at a domain root, where `/.well-known/` is ours to publish. */
    atDomainRoot: location.base === '',
  };
}

export type SiteUrls = ReturnType<typeof urlsFor>;

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Award ids are random UUID v4 strings: OB 2.0 validators reject other UUID versions (DIGEST §1.1). */
export function isAwardId(value: string): boolean {
  return UUID_V4.test(value);
}

/** The OB 3.0 credential id and OB 2.0 signed-assertion id of an award. */
export function awardUrn(awardId: string): string {
  return `urn:uuid:${awardId}`;
}

/**
 * An opaque, stable `credentialSubject.id` for an award (so a VC-JWT has a `sub`, DIGEST §3.5): a
 * UUID-v4-shaped digest of the award id. It reveals nothing about the earner and never changes.
 */
export function subjectUrn(awardId: string): string {
  const hex = bytesToHex(sha256(utf8ToBytes(`insigne:subject:${awardId}`)));
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
