/** Identity objects per version: OB 2.0 `type: email`, OB 3.0 `identityType: emailAddress` (DIGEST §1.5, §3.5). */
import { describe, expect, it } from 'vitest';
import {
  toEmailIdentityObject,
  toNameIdentityObject,
  toOb2RecipientIdentity,
} from '../../../src/core/identity/objects.ts';

const recipient = {
  name: 'Ada Lovelace',
  identity: 'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399',
  salt: 'Kosher',
};

describe('identity objects', () => {
  it('OB 2.0: hashed email with its salt', () => {
    expect(toOb2RecipientIdentity(recipient)).toEqual({
      type: 'email',
      hashed: true,
      salt: 'Kosher',
      identity: recipient.identity,
    });
  });

  it('OB 3.0: IdentityObject with identityType emailAddress and only schema-allowed members', () => {
    const object = toEmailIdentityObject(recipient);
    expect(object).toEqual({
      type: 'IdentityObject',
      identityHash: recipient.identity,
      identityType: 'emailAddress',
      hashed: true,
      salt: 'Kosher',
    });
    for (const key of Object.keys(object)) {
      expect(['type', 'hashed', 'identityHash', 'identityType', 'salt']).toContain(key);
    }
  });

  it('OB 3.0: the display name as an unhashed name identifier, without salt', () => {
    expect(toNameIdentityObject(recipient)).toEqual({
      type: 'IdentityObject',
      identityHash: 'Ada Lovelace',
      identityType: 'name',
      hashed: false,
    });
  });
});
