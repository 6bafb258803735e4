/**
 * The recipient identity objects each Open Badges version embeds. OB 2.0 identifies by `type: 'email'`,
 * OB 3.0 by `identityType: 'emailAddress'` (DIGEST §3.5: `email` is invalid there). Type aliases, not
 * interfaces, so the objects stay assignable to plain JSON types.
 */
import type { Recipient } from '../model/types.ts';

/** OB 2.0 IdentityObject of a hashed email recipient (OB 2.0 §IdentityObject, DIGEST §1.5). */
export type Ob2RecipientIdentity = {
  readonly type: 'email';
  readonly hashed: true;
  readonly salt: string;
  readonly identity: string;
};

/** OB 3.0 IdentityObject (OB 3.0 §IdentityObject; the schema allows no other member). */
export type Ob3IdentityObject = {
  readonly type: 'IdentityObject';
  readonly identityHash: string;
  readonly identityType: 'emailAddress' | 'name';
  readonly hashed: boolean;
  readonly salt?: string;
};

/** OB 2.0 `recipient` of an Assertion: the award's hashed email and its salt (DIGEST §1.5, §9.3). */
export function toOb2RecipientIdentity(recipient: Recipient): Ob2RecipientIdentity {
  return { type: 'email', hashed: true, salt: recipient.salt, identity: recipient.identity };
}

/** OB 3.0 `identifier` entry for the award's hashed email (DIGEST §3.5, §9.1). */
export function toEmailIdentityObject(recipient: Recipient): Ob3IdentityObject {
  return {
    type: 'IdentityObject',
    identityHash: recipient.identity,
    identityType: 'emailAddress',
    hashed: true,
    salt: recipient.salt,
  };
}

/**
 * OB 3.0 `identifier` entry carrying the earner's display name in clear (`identityType: 'name'`,
 * `hashed: false`, OB 3.0 §IdentifierTypeEnum): the one place the credential names its earner.
 */
export function toNameIdentityObject(recipient: Recipient): Ob3IdentityObject {
  return { type: 'IdentityObject', identityHash: recipient.name, identityType: 'name', hashed: false };
}
