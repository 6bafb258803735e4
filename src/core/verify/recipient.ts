/**
 * The optional recipient check (OB 3.0 §verify-identifier, OB 2.0 §IdentityObject; DIGEST §1.5, §3.5): is
 * the given email the one the award was issued to? The email is hashed here with the award's own salt and
 * compared; it is never sent anywhere. Insigne normalises (trim, lower-case) before hashing; other issuers
 * may not, so the address as typed (trimmed) is tried too.
 */
import { hashValue, matchesIdentity, normaliseEmail } from '../identity/email.ts';
import { asArray, failWith, isObject, skipped, success } from './checks.ts';
import type { Check } from './types.ts';

/** A recipient identity as stored: the value (a hash or plaintext), whether hashed, and the salt. */
export interface StoredIdentity {
  readonly identity: string;
  readonly hashed: boolean;
  readonly salt: string;
}

/** The email identities of an OB 3.0 credential subject (`identityType: emailAddress`). */
export function ob3EmailIdentities(subject: unknown): StoredIdentity[] {
  if (!isObject(subject)) return [];
  return asArray(subject.identifier).flatMap((entry) =>
    isObject(entry) && entry.identityType === 'emailAddress' && typeof entry.identityHash === 'string'
      ? [
          {
            identity: entry.identityHash,
            hashed: entry.hashed === true,
            salt: typeof entry.salt === 'string' ? entry.salt : '',
          },
        ]
      : [],
  );
}

/** The email identity of an OB 2.0 `recipient` (type `email`). */
export function ob2EmailIdentities(recipient: unknown): StoredIdentity[] {
  if (!isObject(recipient) || recipient.type !== 'email' || typeof recipient.identity !== 'string') return [];
  return [
    {
      identity: recipient.identity,
      hashed: recipient.hashed === true,
      salt: typeof recipient.salt === 'string' ? recipient.salt : '',
    },
  ];
}

function matches(email: string, stored: StoredIdentity): boolean {
  if (!stored.hashed) return normaliseEmail(stored.identity) === normaliseEmail(email);
  if (matchesIdentity(email, { identity: stored.identity, salt: stored.salt })) return true;
  return hashValue(email.trim(), stored.salt) === stored.identity.toLowerCase();
}

/** The `recipient` check: skipped without an email, success or failure otherwise. */
export function checkRecipient(email: string | undefined, identities: readonly StoredIdentity[]): Check {
  if (email === undefined || email.trim() === '') {
    return skipped('recipient', 'Not checked: no email was given.');
  }
  if (identities.length === 0) {
    return skipped('recipient', 'Not checked: the badge identifies its recipient by no email address.');
  }
  const unsupported = identities.every(
    (stored) => stored.hashed && !stored.identity.toLowerCase().startsWith('sha256$'),
  );
  if (unsupported) {
    return skipped('recipient', 'Not checked: the recipient is hashed with an algorithm other than SHA-256.');
  }
  return identities.some((stored) => matches(email, stored))
    ? success('recipient', 'The badge was issued to this email address.')
    : failWith(
        'recipient',
        undefined,
        'RECIPIENT_MISMATCH',
        'Issued to someone else',
        'The email address given is not the one this badge was issued to.',
      );
}
