/**
 * What an administrator types about an earner, checked before anything is hashed or written. Messages
 * never repeat the address itself: they say what is wrong with it, so a report can be shown, logged or
 * pasted without leaking an email (DESIGN.md §4).
 */
import { controlCharacterIn } from '../content/characters.ts';
import { findKeyMaterial } from '../content/key-material.ts';
import { describeInvisible, invisibleCharacterIn } from '../content/text-safety.ts';
import { EMAIL_LIKE } from '../content/zod-problems.ts';
import { normaliseEmail } from '../identity/email.ts';

/** RFC 5321 limits the forward path to 254 characters. */
const MAX_EMAIL_LENGTH = 254;
/** `atext` of RFC 5322 (dot-atom local parts): what a school or company address is made of. */
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** Why `email` cannot be an earner's address, or undefined when it can. Checks the normalised form. */
export function emailProblem(email: string): string | undefined {
  const value = normaliseEmail(email);
  if (value === '') return 'The email address is missing.';
  if (/\s/.test(value)) return 'The email address contains a space.';
  if (value.length > MAX_EMAIL_LENGTH)
    return `The email address is longer than ${MAX_EMAIL_LENGTH} characters.`;
  const parts = value.split('@');
  if (parts.length === 1) return 'The email address has no "@".';
  if (parts.length > 2) return 'The email address has more than one "@".';
  const [local = '', domain = ''] = parts;
  if (local === '') return 'The email address has nothing before the "@".';
  if (domain === '') return 'The email address has nothing after the "@".';
  if (!LOCAL_PART.test(local)) {
    return /(^\.|\.\.|\.$)/.test(local)
      ? 'The email address has a misplaced dot before the "@".'
      : 'The email address contains a character that addresses cannot hold (an accent, a comma, a bracket…).';
  }
  const labels = domain.split('.');
  const top = labels.at(-1) ?? '';
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label)) || !TOP_LEVEL.test(top))
    return 'The email address does not end with a domain such as "school.org".';
  return undefined;
}

/** A display name as it will be published: Unicode NFC, single spaces, no surrounding blanks. */
export function cleanName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Why `name` (already cleaned) cannot be published as an earner's name, or undefined. */
export function nameProblem(name: string): string | undefined {
  if (name === '') return 'The name is missing.';
  if (name.length > 200) return 'The name is longer than 200 characters.';
  if (EMAIL_LIKE.test(name))
    return 'The name contains an email address, which would be published (are two columns swapped?).';
  const control = controlCharacterIn(name);
  if (control) return `The name contains a control character (${control}), which cannot be published.`;
  const invisible = invisibleCharacterIn(name);
  if (invisible)
    return `The name contains an invisible or direction-changing character (${describeInvisible(invisible)}), which would make it read differently from what it is.`;
  return undefined;
}

/** Why a public text (narrative, evidence) cannot be published as is, or undefined. */
export function publicTextProblem(label: string, text: string, maxLength: number): string | undefined {
  if (text.length > maxLength) return `The ${label} is longer than ${maxLength} characters.`;
  if (EMAIL_LIKE.test(text)) return `The ${label} contains an email address, which would be published.`;
  const control = controlCharacterIn(text);
  if (control) return `The ${label} contains a control character (${control}), which cannot be published.`;
  const key = findKeyMaterial(text);
  if (key)
    return `The ${label} holds private key material (${key.what}), which must never be published: treat the key as leaked.`;
  return undefined;
}
