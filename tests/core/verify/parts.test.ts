/** The verifier's building blocks: did:web mapping, the files resolver, OB 2.0 structure, the messages. */
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../src/core/model/types.ts';
import {
  CHECK_IDS,
  createFilesResolver,
  didWebToUrl,
  fetchableUrl,
  VERDICTS,
} from '../../../src/core/verify/index.ts';
import { verifyTexts } from '../../../src/core/verify/messages.ts';
import { ob2Problems } from '../../../src/core/verify/structure.ts';
import { checkValidity } from '../../../src/core/verify/validity.ts';

describe('did:web', () => {
  it('maps DIDs to their did.json as did:web §3.2 says', () => {
    // The method specification's own examples.
    expect(didWebToUrl('did:web:w3c-ccg.github.io')).toBe('https://w3c-ccg.github.io/.well-known/did.json');
    expect(didWebToUrl('did:web:w3c-ccg.github.io:user:alice')).toBe(
      'https://w3c-ccg.github.io/user/alice/did.json',
    );
    expect(didWebToUrl('did:web:example.com%3A3000:user:alice')).toBe(
      'https://example.com:3000/user/alice/did.json',
    );
    expect(didWebToUrl('did:web:lycee.github.io:badges:issuers:lycee')).toBe(
      'https://lycee.github.io/badges/issuers/lycee/did.json',
    );
  });

  it('refuses what is not a did:web, and maps key ids to the document to fetch', () => {
    expect(didWebToUrl('did:key:z6Mk')).toBeUndefined();
    expect(didWebToUrl('did:web:exa mple.com')).toBeUndefined();
    expect(didWebToUrl('did:web:example.com%2F..%2Fetc')).toBeUndefined();
    expect(fetchableUrl('did:web:example.com:a#key-1')).toBe('https://example.com/a/did.json');
    expect(fetchableUrl('https://example.com/keys/k.json#x')).toBe('https://example.com/keys/k.json');
    expect(fetchableUrl('urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e')).toBeUndefined();
  });
});

describe('createFilesResolver', () => {
  const resolve = createFilesResolver(new Map([['issuers/a/did.json', '{}']]), 'https://s.example/b/');

  it('serves site paths with their media type, and refuses the rest', async () => {
    expect(await resolve('https://s.example/b/issuers/a/did.json')).toMatchObject({
      ok: true,
      contentType: 'application/json',
    });
    expect(await resolve('https://s.example/b/nope.json')).toMatchObject({ ok: false, status: 404 });
    expect(await resolve('https://ailleurs.example/b/issuers/a/did.json')).toMatchObject({ ok: false });
    expect(await resolve('https://s.example/b/%E0%A4%A')).toMatchObject({ ok: false });
  });
});

describe('OB 2.0 structure', () => {
  it('names every missing or invalid required property with its pointer', () => {
    const problems = ob2Problems('Assertion', {
      id: 'urn:uuid:0f8fad5b-d9cb-769f-a165-70867728950e',
      type: 'Assertion',
      recipient: { type: 'email', identity: 'sha256$00' },
      verification: { type: 'hosted' },
      issuedOn: '2026-01-01',
    });
    expect(problems.map((p) => [p.code, p.pointer])).toEqual([
      ['OB2_INVALID_PROPERTY', '/id'],
      ['OB2_MISSING_PROPERTY', '/badge'],
      ['OB2_INVALID_PROPERTY', '/issuedOn'],
    ]);
    expect(
      ob2Problems(
        'Profile',
        { id: 'https://x.example/i.json', type: 'Issuer', name: 'X', url: 'https://x.example' },
        '/badge/issuer',
      ),
    ).toEqual([expect.objectContaining({ code: 'OB2_MISSING_PROPERTY', pointer: '/badge/issuer/email' })]);
  });
});

describe('validity', () => {
  it('reads OB 2.0 offsets and refuses dates without a zone', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const dates = { fromMember: 'issuedOn', untilMember: 'expires' };
    expect(checkValidity({ ...dates, from: '2026-05-31T23:00:00-0200' }, now)).toMatchObject({
      verdict: 'not-yet-valid',
    });
    expect(checkValidity({ ...dates, from: '2026-01-01T00:00:00+01' }, now).status).toBe('success');
    expect(checkValidity({ ...dates, from: '2026-01-01' }, now)).toMatchObject({ verdict: 'not-a-badge' });
  });
});

describe('messages', () => {
  it('say every verdict and name every check in both languages', () => {
    for (const language of ['fr', 'en'] as Language[]) {
      const t = verifyTexts(language);
      for (const verdict of VERDICTS) {
        expect(t.verdict(verdict).headline.length, `${language} ${verdict}`).toBeGreaterThan(3);
        expect(t.verdict(verdict).explanation.length).toBeGreaterThan(20);
      }
      for (const id of CHECK_IDS) expect(t.check(id).length).toBeGreaterThan(3);
    }
    expect(verifyTexts('fr').problem('DI_SIGNATURE_INVALID', 'x')).toBe(
      'La signature ne correspond pas au contenu',
    );
    expect(verifyTexts('fr').problem('SOMETHING_NEW', 'Its English title')).toBe('Its English title');
  });
});
