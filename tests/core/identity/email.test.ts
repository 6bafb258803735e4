/** Recipient identity hashing against the spec check values (DIGEST §1.5, §3.5, §9.1). */
import { describe, expect, it } from 'vitest';
import {
  hashIdentity,
  hashValue,
  matchesIdentity,
  normaliseEmail,
} from '../../../src/core/identity/email.ts';

describe('hashValue (OB IdentityHash: salt appended)', () => {
  it('reproduces the OB 2.0 spec example sha256("mayze"), unsalted', () => {
    expect(hashValue('mayze', '')).toBe(
      'sha256$7a1a1b3f7d40552e4299180e346e3add12bf9a751a43d9c4ca4518febc2c60c6',
    );
  });

  it('reproduces the OB 3.0 spec example sha256("a@example.com" + "Kosher")', () => {
    expect(hashValue('a@example.com', 'Kosher')).toBe(
      'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399',
    );
  });

  it('reproduces the impl-guide example sha256("jjefferson18@example.com" + "FleurDeSel")', () => {
    expect(hashValue('jjefferson18@example.com', 'FleurDeSel')).toMatch(/^sha256\$658625b2[0-9a-f]{52}f5fc$/);
  });

  it('appends the salt, never prepends it', () => {
    expect(hashValue('a@example.com', 'Kosher')).not.toBe(hashValue('Koshera@example.com', ''));
    expect(hashValue('a@example.com', 'Kosher')).toBe(hashValue('a@example.comKosher', ''));
  });
});

describe('hashIdentity and matchesIdentity', () => {
  it('normalises by trimming and lower-casing, on both sides', () => {
    expect(normaliseEmail('  Ada.Lovelace@Example.ORG \n')).toBe('ada.lovelace@example.org');
    const salt = '6Yf3kQ1v';
    expect(hashIdentity(' Learner@Example.com', salt)).toBe(
      'sha256$45591a1da8585a0e393c564a27fd9856f6092646521c8845e8a5f2e65c17adf1',
    );
    const recipient = { identity: hashIdentity('learner@example.com', salt), salt };
    expect(matchesIdentity('LEARNER@example.com  ', recipient)).toBe(true);
    expect(matchesIdentity('learner@example.net', recipient)).toBe(false);
    expect(matchesIdentity('learner@example.com', { ...recipient, salt: 'other' })).toBe(false);
  });

  it('accepts a stored hash written in upper-case hex', () => {
    const identity = hashIdentity('a@example.com', 'Kosher');
    expect(
      matchesIdentity('a@example.com', {
        identity: identity.toUpperCase().replace('SHA256$', 'sha256$'),
        salt: 'Kosher',
      }),
    ).toBe(true);
  });
});
