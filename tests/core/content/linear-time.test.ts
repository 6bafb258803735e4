/**
 * Content checks take time linear in the length of a value (issue: a 256 KB value once stalled the build,
 * because the email-likeness pattern retried every starting position). Each pattern that reads content is
 * run on a megabyte of the input that is worst for its shape; a generous timeout on the whole file stands
 * for "in seconds" (the quadratic versions took minutes on a tenth of this).
 */
import { describe, expect, it } from 'vitest';
import { mapColumns } from '../../../src/core/authoring/columns.ts';
import * as recipient from '../../../src/core/authoring/recipient.ts';
import { render } from '../../../src/core/messages/catalogue.ts';

/** The checks' messages in English, as the command line prints them by default. */
const english = (message: ReturnType<typeof recipient.nameProblem>) => message && render(message, 'en');
const emailProblem = (email: string) => english(recipient.emailProblem(email));
const nameProblem = (name: string) => english(recipient.nameProblem(name));
const publicTextProblem = (...args: Parameters<typeof recipient.publicTextProblem>) =>
  english(recipient.publicTextProblem(...args));

import { controlCharacterIn, showControlCharacters } from '../../../src/core/content/characters.ts';
import { findKeyMaterial, keyNeedles } from '../../../src/core/content/key-material.ts';
import { parseMarkdownSource } from '../../../src/core/content/parse.ts';
import { invisibleCharacterIn, undrawableCharacters } from '../../../src/core/content/text-safety.ts';
import { EMAIL_LIKE } from '../../../src/core/content/zod-problems.ts';
import { linkEndorsements } from '../../../src/core/endorsements/check.ts';
import { nameSlug } from '../../../src/core/endorsements/document.ts';
import { toSiteLocation, urlsFor } from '../../../src/core/urls.ts';

const SIZE = 1_000_000;
const runs = {
  letters: 'a'.repeat(SIZE),
  'letters and dots': 'a.'.repeat(SIZE / 2),
  'at signs': 'a@'.repeat(SIZE / 2),
  'at sign then dots': `a@${'b.'.repeat(SIZE / 2)}`,
  'local parts': 'a.b@'.repeat(SIZE / 4),
  'front matter lookalikes': '\n--- x'.repeat(SIZE / 6),
  'base64 with key starts': 'eyJLS0tLS1CRUdJTi'.repeat(SIZE / 17),
  'JWK member lookalikes': ' d: aaaaaaaaaaaaaaaaaaa'.repeat(SIZE / 23),
  'PEM lookalikes': '-----BEGIN AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'.repeat(SIZE / 54),
};
// A seed made here, so that this file holds no private JWK member of its own.
const needles = keyNeedles([{ id: 'k', jwk: { d: Buffer.alloc(32, 7).toString('base64url') } }]);

describe('content checks on a megabyte, worst cases for each pattern', { timeout: 60_000 }, () => {
  for (const [name, text] of Object.entries(runs)) {
    it(name, () => {
      expect(typeof EMAIL_LIKE.test(text)).toBe('boolean');
      expect(findKeyMaterial(text, needles)).toBeUndefined();
      expect(controlCharacterIn(text)).toBeUndefined();
      expect(showControlCharacters(text)).toBe(text);
      expect(invisibleCharacterIn(text)).toBeUndefined();
      expect(undrawableCharacters(text, () => true)).toEqual([]);
      expect(emailProblem(text)).toBeDefined();
      expect(nameProblem(text)).toBe('The name is longer than 200 characters.');
      expect(publicTextProblem('narrative', text, 5000)).toBe(
        'The narrative is longer than 5000 characters.',
      );
      expect(
        parseMarkdownSource({ path: 'content/badges/x.md', text: `---\nname: x\n---\n${text}` }).problems,
      ).toEqual([]);
      // A header row that may be data (an address in a cell), the roster check with a long cell.
      expect(mapColumns({ line: 1, cells: [text, `a@${text}`] })).toBeDefined();
    });
  }
});

describe('the endorsement check on a megabyte in each field it reads', { timeout: 60_000 }, () => {
  const urls = urlsFor(toSiteLocation('https://exemple.github.io', '/badges'));
  const model = { issuers: new Map(), badges: new Map(), awards: new Map() };
  for (const [name, text] of Object.entries(runs)) {
    it(name, () => {
      const document = {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: `https://exemple.github.io/badges/endorsements/${text}.json`,
        type: ['VerifiableCredential', 'EndorsementCredential'],
        name: text,
        issuer: { id: `did:key:${text}`, type: ['Profile'], name: text },
        validFrom: '2026-01-01T00:00:00Z',
        credentialSubject: {
          id: `https://exemple.github.io/${text}`,
          type: ['EndorsementSubject'],
          endorsementComment: text,
        },
        proof: [{ type: 'DataIntegrityProof' }],
      };
      const result = linkEndorsements({
        files: [{ path: 'content/endorsements/x.json', text: JSON.stringify(document, null, 2) }],
        model,
        urls,
        today: '2026-11-28',
      });
      expect(result.problems.length).toBeGreaterThan(0);
      expect(nameSlug(text).length).toBeLessThanOrEqual(60);
    });
  }
});
