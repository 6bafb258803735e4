/**
 * Recipient identity by email (DESIGN.md §4): the email never leaves the CLI, only its salted hash does.
 * The same normalisation is applied when issuing and when verifying, so "  Ada@School.FR " and
 * "ada@school.fr" are the same recipient.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Recipient } from '../model/types.ts';

/** Insigne's email normalisation: trim, then lower-case (locale-independent). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * IdentityHash of a value with its salt appended, as OB 2.0 §IdentityHash and OB 3.0 §IdentityHash
 * define it (DIGEST §1.5, §3.5): `sha256$` + hex(SHA-256(UTF-8(value) ‖ UTF-8(salt))). No normalisation.
 */
export function hashValue(value: string, salt: string): string {
  return `sha256$${bytesToHex(sha256(utf8ToBytes(`${value}${salt}`)))}`;
}

/** The stored identity of an email recipient: the IdentityHash of the normalised email and the salt. */
export function hashIdentity(email: string, salt: string): string {
  return hashValue(normaliseEmail(email), salt);
}

/**
 * Whether `email` is the address this recipient was hashed from (OB 3.0 §verify-identifier; the OB 2.0
 * validator compares against the lower-cased stored hash, so hex case is ignored here too).
 */
export function matchesIdentity(email: string, recipient: Pick<Recipient, 'identity' | 'salt'>): boolean {
  return hashIdentity(email, recipient.salt) === recipient.identity.toLowerCase();
}
