/**
 * OB 3.0 EndorsementCredential documents (OB 3.0 §EndorsementCredential, DIGEST §3.10): the unsigned
 * request an administrator hands to an endorser, and the endorser's identity as a did:key.
 */
import type { JsonObject } from '../credentials/json.ts';
import { toEd25519Multikey } from '../credentials/multikey.ts';
import { OB3_CONTEXT } from '../credentials/ob3/profile.ts';

/** What an endorsement can be about: a badge (its Achievement), an issuer (its Profile) or one award. */
export type EndorsementSubjectKind = 'badge' | 'issuer' | 'award';

/** Site path of an endorsement's name: lower-case words joined by single hyphens. */
export const ENDORSEMENT_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ENDORSEMENT_NAME_MAX = 100;

export const ENDORSEMENT_TYPES = ['VerifiableCredential', 'EndorsementCredential'] as const;

export interface EndorsementRequest {
  /** The endorsement's own id: the URL where this site will publish it. */
  readonly id: string;
  /** The endorsed Achievement, Profile or credential id, exactly as the site publishes it. */
  readonly subjectId: string;
  /** The endorsed thing's name, for the endorsement's own name. */
  readonly subjectName: string;
  readonly endorser: { readonly name: string; readonly url?: string };
  readonly comment: string;
  /** dateTime with a zone. */
  readonly validFrom: string;
}

/**
 * The unsigned EndorsementCredential. Its issuer has no id yet: `badges endorse sign` puts the endorser's
 * did:key there, with the proof.
 */
export function toEndorsementRequest(request: EndorsementRequest): JsonObject {
  return {
    '@context': [...OB3_CONTEXT],
    id: request.id,
    type: [...ENDORSEMENT_TYPES],
    name: `${request.endorser.name}: ${request.subjectName}`,
    issuer: {
      type: ['Profile'],
      name: request.endorser.name,
      ...(request.endorser.url !== undefined && { url: request.endorser.url }),
    },
    validFrom: request.validFrom,
    credentialSubject: {
      id: request.subjectId,
      type: ['EndorsementSubject'],
      endorsementComment: request.comment,
    },
  };
}

/** The did:key of an Ed25519 public key (did:key §3.1.2): `did:key:z6Mk…`. */
export function didKeyOf(publicKey: Uint8Array): string {
  return `did:key:${toEd25519Multikey(publicKey)}`;
}

/** The one verification method of an Ed25519 did:key: `did:key:z6Mk…#z6Mk…`. */
export function didKeyMethodOf(did: string): string {
  return `${did}#${did.slice('did:key:'.length)}`;
}

/**
 * The slug-like part of a name for a file or URL: accents dropped, lower case, words joined by hyphens,
 * whole words only up to `max` characters.
 */
export function nameSlug(text: string, max = 60): string {
  const words = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > max) break;
    slug = next;
  }
  return slug === '' ? (words[0] ?? '').slice(0, max) : slug;
}
