import { describe, expect, it } from 'vitest';
import * as recipient from '../../../src/core/authoring/recipient.ts';
import { cleanName } from '../../../src/core/authoring/recipient.ts';
import { render } from '../../../src/core/messages/catalogue.ts';

/** The checks' messages in English, as the command line prints them by default. */
const english = (message: ReturnType<typeof recipient.nameProblem>) => message && render(message, 'en');
const emailProblem = (email: string) => english(recipient.emailProblem(email));
const nameProblem = (name: string) => english(recipient.nameProblem(name));
const publicTextProblem = (...args: Parameters<typeof recipient.publicTextProblem>) =>
  english(recipient.publicTextProblem(...args));

describe('emailProblem', () => {
  it.each([
    'lea.martin@eleves.ecole-test.example',
    '  Lea.Martin@Ecole.FR ',
    "o'brien+badges@school.co.uk",
    'x@xn--cole-dpa.fr',
  ])('accepts %j', (email) => {
    expect(emailProblem(email)).toBeUndefined();
  });

  it.each([
    ['', 'The email address is missing.'],
    ['   ', 'The email address is missing.'],
    ['lea martin@ecole.fr', 'The email address contains a space.'],
    ['lea.ecole.fr', 'The email address has no "@".'],
    ['lea@@ecole.fr', 'The email address has more than one "@".'],
    ['@ecole.fr', 'The email address has nothing before the "@".'],
    ['lea@', 'The email address has nothing after the "@".'],
    [
      'léa@ecole.fr',
      'The email address contains a character that addresses cannot hold (an accent, a comma, a bracket…).',
    ],
    [
      'lea,martin@ecole.fr',
      'The email address contains a character that addresses cannot hold (an accent, a comma, a bracket…).',
    ],
    ['lea.@ecole.fr', 'The email address has a misplaced dot before the "@".'],
    ['lea..martin@ecole.fr', 'The email address has a misplaced dot before the "@".'],
    ['lea@ecole', 'The email address does not end with a domain such as "school.org".'],
    ['lea@ecole.f', 'The email address does not end with a domain such as "school.org".'],
    ['lea@-ecole.fr', 'The email address does not end with a domain such as "school.org".'],
    ['lea@ecole..fr', 'The email address does not end with a domain such as "school.org".'],
    [`${'a'.repeat(250)}@ecole.fr`, 'The email address is longer than 254 characters.'],
  ])('refuses %j without repeating it', (email, message) => {
    const problem = emailProblem(email);
    expect(problem).toBe(message);
    if (email.trim()) expect(problem).not.toContain(email.trim());
  });
});

describe('names', () => {
  it('cleans spaces and composes accents (NFC)', () => {
    expect(cleanName('  Zoe\u0301   Lefèvre\t')).toBe('Zoé Lefèvre');
  });

  it('refuses a missing, long, or email-holding name', () => {
    expect(nameProblem('')).toBe('The name is missing.');
    expect(nameProblem('a'.repeat(201))).toBe('The name is longer than 200 characters.');
    expect(nameProblem('lea@ecole.fr')).toBe(
      'The name contains an email address, which would be published (are two columns swapped?).',
    );
    expect(nameProblem('Léa Martin')).toBeUndefined();
  });

  it('refuses public texts holding an email', () => {
    expect(publicTextProblem('narrative', 'Écrire à lea@ecole.fr', 100)).toBe(
      'The narrative contains an email address, which would be published.',
    );
    expect(publicTextProblem('narrative', 'abc', 2)).toBe('The narrative is longer than 2 characters.');
  });
});

describe('publicTextProblem and key material', () => {
  it('refuses a narrative holding the signing-key secret, without repeating it', () => {
    const secret = Buffer.from(
      JSON.stringify({ keys: [{ issuer: 'x', id: 'k', jwk: { d: 'A'.repeat(43) } }] }),
    ).toString('base64url');
    const problem = publicTextProblem('narrative', `Bravo ! ${secret}`, 5000);
    expect(problem).toBe(
      'The narrative holds private key material (the signing-key secret), which must never be published: treat the key as leaked.',
    );
    expect(problem).not.toContain(secret.slice(0, 16));
  });
});
