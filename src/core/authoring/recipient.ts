/**
 * What an administrator types about an earner, checked before anything is hashed or written. Messages
 * never repeat the address itself: they say what is wrong with it, so a report can be shown, logged or
 * pasted without leaking an email (DESIGN.md §4).
 */

import { controlCharacterIn } from '../content/characters.ts';
import { findKeyMaterial } from '../content/key-material.ts';
import { keyMaterialName } from '../content/key-problems.ts';
import { invisibleCharacterIn } from '../content/text-safety.ts';
import { EMAIL_LIKE } from '../content/zod-problems.ts';
import { normaliseEmail } from '../identity/email.ts';
import { type Message, say } from '../messages/catalogue.ts';

/** RFC 5321 limits the forward path to 254 characters. */
const MAX_EMAIL_LENGTH = 254;
/** `atext` of RFC 5322 (dot-atom local parts): what a school or company address is made of. */
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** Why `email` cannot be an earner's address, or undefined when it can. Checks the normalised form. */
export function emailProblem(email: string): Message | undefined {
  const value = normaliseEmail(email);
  if (value === '') return say('email.missing');
  if (/\s/.test(value)) return say('email.space');
  if (value.length > MAX_EMAIL_LENGTH) return say('email.tooLong', { max: MAX_EMAIL_LENGTH });
  const parts = value.split('@');
  if (parts.length === 1) return say('email.noAt');
  if (parts.length > 2) return say('email.manyAt');
  const [local = '', domain = ''] = parts;
  if (local === '') return say('email.nothingBefore');
  if (domain === '') return say('email.nothingAfter');
  if (!LOCAL_PART.test(local)) {
    return /(^\.|\.\.|\.$)/.test(local) ? say('email.misplacedDot') : say('email.badCharacter');
  }
  const labels = domain.split('.');
  const top = labels.at(-1) ?? '';
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label)) || !TOP_LEVEL.test(top))
    return say('email.noDomain');
  return undefined;
}

/** A display name as it will be published: Unicode NFC, single spaces, no surrounding blanks. */
export function cleanName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Why `name` (already cleaned) cannot be published as an earner's name, or undefined. */
export function nameProblem(name: string): Message | undefined {
  if (name === '') return say('name.missing');
  if (name.length > 200) return say('name.tooLong', { max: 200 });
  if (EMAIL_LIKE.test(name)) return say('name.email');
  const control = controlCharacterIn(name);
  if (control) return say('name.control', { control });
  const invisible = invisibleCharacterIn(name);
  if (invisible)
    return say('name.invisible', {
      code: invisible.code,
      charName: invisible.name,
      position: invisible.position,
    });
  return undefined;
}

/** Why a public text (narrative, evidence) cannot be published as is, or undefined. */
export function publicTextProblem(
  what: 'narrative' | 'reason',
  text: string,
  maxLength: number,
): Message | undefined {
  const label = say(what === 'narrative' ? 'label.narrative' : 'label.reason');
  if (text.length > maxLength) return say('publicText.tooLong', { label, max: maxLength });
  if (EMAIL_LIKE.test(text)) return say('publicText.email', { label });
  const control = controlCharacterIn(text);
  if (control) return say('publicText.control', { label, control });
  const key = findKeyMaterial(text);
  if (key) return say('publicText.key', { label, what: keyMaterialName(key.what) });
  return undefined;
}
