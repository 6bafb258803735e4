/**
 * did:web endorsers in the core: the DID of an https address (W3C did:web §3.1), the place of its pinned
 * copy, the DID document an endorser publishes; the content check reading the did:web only from the pinned
 * copy; and the verifier resolving it by fetching its did.json, as it does an issuer's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceFile } from '../../../src/core/content/parse.ts';
import type { JsonObject } from '../../../src/core/credentials/json.ts';
import { toEd25519Multikey } from '../../../src/core/credentials/multikey.ts';
import { toSiteFiles } from '../../../src/core/emit/site-files.ts';
import { checkEndorsementProofs, linkEndorsements } from '../../../src/core/endorsements/check.ts';
import {
  didOfPinnedPath,
  didWebMethodOf,
  didWebOfUrl,
  pinnedPathOf,
  toEndorserDidDocument,
} from '../../../src/core/endorsements/did-web.ts';
import { toEndorsementRequest } from '../../../src/core/endorsements/document.ts';
import { linkPinnedDocuments } from '../../../src/core/endorsements/pinned.ts';
import { signEndorsement } from '../../../src/core/endorsements/sign.ts';
import { sitePaths } from '../../../src/core/urls.ts';
import { verifyBadge } from '../../../src/core/verify/index.ts';
import { ed25519 } from '../credentials/site.ts';
import { type Fixture, fakeResolver, makeFixture, NOW, TODAY } from '../verify/fixture.ts';

const DID = 'did:web:federation.example';
const DOCUMENT_URL = 'https://federation.example/.well-known/did.json';
const PINNED = 'content/endorsers/federation.example/did.json';

describe('the did:web of an https address', () => {
  it.each([
    ['https://federation.example', 'did:web:federation.example', DOCUMENT_URL],
    ['https://federation.example/', 'did:web:federation.example', DOCUMENT_URL],
    ['https://Federation.Example/.well-known/did.json', 'did:web:federation.example', DOCUMENT_URL],
    [
      'https://example.org/people/ana',
      'did:web:example.org:people:ana',
      'https://example.org/people/ana/did.json',
    ],
    ['https://example.org/people/ana/did.json', 'did:web:example.org:people:ana', undefined],
    [
      'https://localhost:8443/u/ana',
      'did:web:localhost%3A8443:u:ana',
      'https://localhost:8443/u/ana/did.json',
    ],
  ])('%s → %s', (url, did, documentUrl) => {
    const result = didWebOfUrl(url);
    expect(result).toMatchObject({ ok: true, did });
    if (documentUrl !== undefined) expect(result).toMatchObject({ documentUrl });
  });

  it.each([
    ['http://federation.example', 'didWeb.url.notHttps'],
    ['https://federation.example/?lang=fr', 'didWeb.url.query'],
    ['https://federation.example/#me', 'didWeb.url.query'],
    ['https://ana:secret@federation.example', 'didWeb.url.credentials'],
    ['https://[::1]/', 'didWeb.url.host'],
    ['federation.example', 'didWeb.url.invalid'],
  ])('refuses %s', (url, reason) => {
    const result = didWebOfUrl(url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.id).toBe(reason);
  });

  it('puts the pinned copy where the did.json URL says, and reads the DID back from that place', () => {
    expect(pinnedPathOf(DID)).toBe(PINNED);
    expect(pinnedPathOf('did:web:example.org:people:ana')).toBe(
      'content/endorsers/example.org/people/ana/did.json',
    );
    for (const did of [DID, 'did:web:example.org:people:ana', 'did:web:localhost%3A8443']) {
      expect(didOfPinnedPath(pinnedPathOf(did))).toBe(did);
    }
    expect(didOfPinnedPath('content/endorsers/did.json')).toBeUndefined();
    expect(didOfPinnedPath('content/endorsers/federation.example/key.json')).toBeUndefined();
    expect(didOfPinnedPath('content/endorsers/fédération.example/did.json')).toBeUndefined();
  });

  it('makes a DID document listing the public key as a Multikey assertion method, and nothing private', async () => {
    const key = await ed25519(51);
    const multibase = toEd25519Multikey(key.publicKeyBytes);
    const document = toEndorserDidDocument(DID, key.publicKeyBytes);
    expect(document).toEqual({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: DID,
      verificationMethod: [
        { id: `${DID}#${multibase}`, type: 'Multikey', controller: DID, publicKeyMultibase: multibase },
      ],
      assertionMethod: [`${DID}#${multibase}`],
    });
    expect(didWebMethodOf(DID, key.publicKeyBytes)).toBe(`${DID}#${multibase}`);
  });
});

describe('did:web endorsements, checked offline against the pinned copy', () => {
  let fx: Fixture;
  let key: Awaited<ReturnType<typeof ed25519>>;
  let signed: JsonObject;
  let pinned: SourceFile;

  beforeAll(async () => {
    fx = await makeFixture();
    key = await ed25519(52);
    const result = await signEndorsement(
      toEndorsementRequest({
        id: fx.urls.absolute(sitePaths.endorsement('robotique-federation')),
        subjectId: fx.urls.absolute(sitePaths.achievement('robotique')),
        subjectName: 'Robotique',
        endorser: { name: 'Fédération régionale', url: 'https://federation.example' },
        comment: 'Conforme.',
        validFrom: '2026-10-01T00:00:00Z',
      }),
      { privateKey: key.privateKey, publicKey: key.publicKeyBytes, didWeb: DID },
      '2026-10-01T00:00:00Z',
    );
    if (!result.ok) throw new Error('signing failed');
    signed = result.document;
    pinned = {
      path: PINNED,
      text: `${JSON.stringify(toEndorserDidDocument(DID, key.publicKeyBytes), null, 2)}\n`,
    };
  });

  const link = (didDocuments: SourceFile[]) =>
    linkEndorsements({
      files: [{ path: 'content/endorsements/federation.json', text: JSON.stringify(signed, null, 2) }],
      didDocuments,
      model: fx.model,
      urls: fx.urls,
      today: TODAY,
    });

  it('signs as the did:web, with the key id its DID document gives', () => {
    expect(signed.issuer).toMatchObject({ id: DID, name: 'Fédération régionale' });
    const [proof] = signed.proof as JsonObject[];
    expect(proof?.verificationMethod).toBe(`${DID}#${toEd25519Multikey(key.publicKeyBytes)}`);
  });

  it('passes with the pinned copy, and the model keeps it for the build', async () => {
    const result = link([pinned]);
    expect(result.problems).toEqual([]);
    expect(result.model?.endorsers?.get(DID)).toMatchObject({ file: PINNED, url: DOCUMENT_URL });
    expect(await checkEndorsementProofs(result.model?.endorsements ?? [], result.model?.endorsers)).toEqual(
      [],
    );
  });

  it('without the pinned copy, says where to get it and where to commit it', async () => {
    const result = link([]);
    expect(result.problems).toEqual([]);
    const problems = await checkEndorsementProofs(result.model?.endorsements ?? [], result.model?.endorsers);
    expect(problems).toMatchObject([
      {
        file: 'content/endorsements/federation.json',
        line: 13,
        field: 'issuer.id',
        hint: `Ask the endorser for their did.json, or download it from ${DOCUMENT_URL}, and commit it unchanged as ${PINNED}.`,
      },
    ]);
  });

  it('refuses the signature when the pinned copy lists another key (the endorser rotated it)', async () => {
    const other = await ed25519(53);
    const result = link([
      { path: PINNED, text: JSON.stringify(toEndorserDidDocument(DID, other.publicKeyBytes)) },
    ]);
    const problems = await checkEndorsementProofs(result.model?.endorsements ?? [], result.model?.endorsers);
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      [
        'proof',
        `The endorsement is signed with ${DID}#${toEd25519Multikey(key.publicKeyBytes)}, which the endorser's DID document (${PINNED}) does not list as a signing key (assertionMethod) of ${DID}.`,
      ],
    ]);
  });

  it('refuses pinned copies that are misplaced, of another DID, malformed or not JSON', () => {
    const document = toEndorserDidDocument(DID, key.publicKeyBytes);
    const result = linkPinnedDocuments([
      { path: 'content/endorsers/federation.json', text: JSON.stringify(document) },
      { path: 'content/endorsers/autre.example/did.json', text: JSON.stringify(document) },
      { path: 'content/endorsers/a.example/did.json', text: JSON.stringify({ id: 'did:web:a.example' }) },
      { path: 'content/endorsers/b.example/did.json', text: '{"id": "did:web:b.example",\n' },
    ]);
    expect(result.documents.size).toBe(0);
    expect(result.problems.map((p) => [p.file, p.field, p.says?.message.id])).toEqual([
      ['content/endorsers/federation.json', '', 'endorser.place'],
      ['content/endorsers/autre.example/did.json', 'id', 'endorser.idMismatch'],
      ['content/endorsers/a.example/did.json', 'verificationMethod', 'endorser.malformed'],
      ['content/endorsers/b.example/did.json', '', 'endorser.invalidJson'],
    ]);
  });

  describe('the verifier, which fetches the endorser’s did.json', () => {
    let credential: string;
    beforeAll(async () => {
      const result = link([pinned]);
      if (!result.model) throw new Error('the endorsement must link');
      const files = await toSiteFiles({
        model: result.model,
        urls: fx.urls,
        signers: new Map([[fx.issuer.slug, fx.signer]]),
        today: TODAY,
      });
      credential = String(files.get(sitePaths.credential(fx.awards.plain.id)));
    });

    const verifyWith = (didJson: string | null) =>
      verifyBadge(
        { text: credential },
        { resolver: fakeResolver(fx, { [DOCUMENT_URL]: didJson }).resolve, now: NOW },
      );

    it('verifies the endorsement with the document the endorser publishes', async () => {
      const report = await verifyWith(pinned.text);
      expect(report.verdict).toBe('verified');
      expect(report.payloads[0]?.endorsements?.map((e) => [e.endorser.id, e.verified])).toEqual([
        [DID, true],
      ]);
    });

    it('cannot verify (try again later) when the document cannot be fetched, not "signature invalid"', async () => {
      const report = await verifyWith(null);
      expect(report.verdict).toBe('error');
      const check = report.payloads[0]?.checks.find((c) => c.id === 'endorsements');
      expect(check).toMatchObject({ status: 'failure', verdict: 'error' });
    });

    it('fails the credential when the document does not hold the endorsement’s key', async () => {
      const other = await ed25519(54);
      const report = await verifyWith(JSON.stringify(toEndorserDidDocument(DID, other.publicKeyBytes)));
      expect(report.verdict).toBe('key-not-issuers');
      expect(report.payloads[0]?.endorsements?.[0]?.verified).toBe(false);
    });
  });
});
