/**
 * The verification report (STYLE habit 6): every check ends in success, failure (with problem records) or
 * skipped, and the report names the proof, the key and the status list it relied on. A bad badge is never
 * an exception: it is a report whose verdict says what is wrong.
 */

/**
 * The one-word answer, in order of precedence when several checks fail: malformed input (a payload given
 * twice, nesting or size no badge has) and a document that is not a badge say nothing else; a broken signature makes the key question moot; a key that is not the issuer's makes
 * the status moot; an unanswered question (`error`, e.g. a fetch failure) forbids saying "verified".
 */
export const VERDICTS = [
  'malformed',
  'not-a-badge',
  'signature-invalid',
  'key-not-issuers',
  'error',
  'revoked',
  'expired',
  'not-yet-valid',
  'verified',
] as const;
export type Verdict = (typeof VERDICTS)[number];

/** One thing found wrong (after verifier-core's problem records): a stable code, a title, the detail. */
export interface Problem {
  /** Stable identifier, e.g. `DI_SIGNATURE_INVALID`; the verify page translates known codes. */
  readonly code: string;
  /** Short English title. */
  readonly title: string;
  /** What was expected and what was found. */
  readonly detail: string;
  /** JSON pointer (RFC 6901) into the checked document, when the problem has a place. */
  readonly pointer?: string;
}

export const CHECK_IDS = [
  'format',
  'payloads',
  'structure',
  'proof',
  'key',
  'status',
  'validity',
  'recipient',
  'endorsements',
] as const;
/**
 * - format: what the input is and the payload(s) extracted from it;
 * - payloads: an image carrying two payloads carries the same award in both;
 * - structure: the document is an Open Badge (OB 3.0 JSON schema, OB 2.0 required properties);
 * - proof: the signature (or the hosted copy) matches the document;
 * - key: the key belongs to the issuer (key provenance, or the hosting origin for OB 2.0 hosted);
 * - status: not revoked (status list, revocation list, hosted body);
 * - validity: the dates include the verification instant;
 * - recipient: the given email is the one the award was hashed from (only when an email is given);
 * - endorsements: every embedded EndorsementCredential verifies on its own (only when there are some).
 */
export type CheckId = (typeof CHECK_IDS)[number];

export type Check =
  | { readonly id: CheckId; readonly status: 'success'; readonly message: string }
  | {
      readonly id: CheckId;
      readonly status: 'failure';
      readonly message: string;
      /**
       * The verdict this failure implies (the report keeps the one of highest precedence). A recipient
       * mismatch implies none: the badge is what it is, it was just issued to someone else (see
       * `VerificationReport.recipient`).
       */
      readonly verdict?: Exclude<Verdict, 'verified'>;
      readonly problems: readonly Problem[];
    }
  | { readonly id: CheckId; readonly status: 'skipped'; readonly message: string };

/** How the input was given and what it held. */
export interface InputFormat {
  /** `png`/`svg` for baked images, `json`/`jwt`/`jws` for documents, `url` for an address. */
  readonly container: 'png' | 'svg' | 'json' | 'jws' | 'url' | 'unknown';
  /** The address the input came from, when it was a URL. */
  readonly url?: string;
}

/** The payload kinds Insigne understands. */
export type PayloadKind = 'ob3-json' | 'ob3-jwt' | 'ob2-json' | 'ob2-jws' | 'ob2-url';

/** Which proof the verification relied on. */
export type ProofInfo =
  | {
      readonly type: 'DataIntegrityProof';
      readonly cryptosuite: string;
      readonly verificationMethod: string;
      readonly created?: string;
    }
  | { readonly type: 'VC-JWT'; readonly alg: string; readonly kid?: string; readonly embeddedJwk: boolean }
  | { readonly type: 'OB2-JWS'; readonly alg: string; readonly creator: string }
  | { readonly type: 'OB2-hosted'; readonly url: string };

/** Which key (or, for OB 2.0 hosted, which origin) the proof was checked with. */
export interface KeyInfo {
  /** The key's id: a DID URL, a JWK URL, a CryptographicKey URL, or the hosting origin. */
  readonly id: string;
  /** `Multikey`, `JsonWebKey`, `CryptographicKey`, or `origin` for hosted OB 2.0. */
  readonly type: string;
  /** The key's controller (or owner) as its document declares it. */
  readonly controller?: string;
  /** The document the key was read from. */
  readonly document?: string;
}

/** Which status mechanism was consulted. */
export interface StatusInfo {
  readonly type: 'BitstringStatusList' | '1EdTechRevocationList' | 'OB2-RevocationList' | 'OB2-hosted';
  /** URL of the list (or of the hosted assertion). */
  readonly url: string;
  readonly index?: number;
  readonly purpose?: string;
  /** Revocation reason, when the issuer gives one. */
  readonly reason?: string;
}

/** What the badge says, for display: read from the verified document (or, for OB 2.0, the linked ones). */
export interface BadgeSummary {
  /** The credential or assertion id. */
  readonly id: string;
  readonly name?: string;
  readonly description?: string;
  readonly image?: string;
  readonly criteria?: string;
  readonly issuer: { readonly id: string; readonly name?: string; readonly url?: string };
  /** The earner's name, when the document gives it in clear. */
  readonly recipientName?: string;
  /** The recipient's salted identity hash, as stored (to compare two payloads of one image). */
  readonly recipientIdentity?: string;
  readonly validFrom?: string;
  readonly validUntil?: string;
}

/** One EndorsementCredential found in a credential (its Achievement, its issuer or itself), verified on its own. */
export interface EndorsementReport {
  /** JSON pointer of the endorsement in the credential. */
  readonly pointer: string;
  readonly id?: string;
  readonly endorser: { readonly id: string; readonly name?: string; readonly url?: string };
  /** What it endorses (`credentialSubject.id`) and the endorser's comment. */
  readonly subject?: string;
  readonly comment?: string;
  readonly validFrom?: string;
  /** Its structure (EndorsementCredential schema), proof, endorser's key and validity all succeeded. */
  readonly verified: boolean;
  readonly checks: readonly Check[];
}

/** The verification of one payload (one credential or assertion). */
export interface PayloadReport {
  readonly kind: PayloadKind;
  readonly verdict: Verdict;
  readonly checks: readonly Check[];
  readonly proof?: ProofInfo;
  readonly key?: KeyInfo;
  readonly status?: StatusInfo;
  readonly badge?: BadgeSummary;
  /** The endorsements the credential carries, each verified (absent when it carries none). */
  readonly endorsements?: readonly EndorsementReport[];
}

/** The whole report: the input, one report per payload, and the overall verdict. */
export interface VerificationReport {
  readonly verdict: Verdict;
  readonly input: InputFormat;
  /** Checks about the input as a whole (`format`, `payloads`). */
  readonly checks: readonly Check[];
  /** One entry per payload found; OB 3.0 first. */
  readonly payloads: readonly PayloadReport[];
  /** The recipient check over all payloads: `undefined` when no email was given. */
  readonly recipient?: 'match' | 'no-match' | 'unknown';
  /** The instant the dates were checked against (ISO 8601). */
  readonly checkedAt: string;
}

/** What to verify: raw bytes (a file), text (pasted JSON or a JWT), or an address. */
export type VerifyInput =
  | { readonly bytes: Uint8Array }
  | { readonly text: string }
  | { readonly url: string };

export interface VerifyOptions {
  /** The verification instant: dates are checked against it (the core never reads a clock). */
  readonly now: Date;
  /** An email to check against the award's hashed recipient; it never leaves the verifier. */
  readonly email?: string;
}
