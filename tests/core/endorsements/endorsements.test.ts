/**
 * Endorsements from end to end in the core: an endorser's signed EndorsementCredential is checked as
 * content, embedded by the document builders, canonicalized exactly as jsonld does it (the shape templates
 * meet a nested credential with its own proof), and verified, or refused once altered, by the verifier.
 */
import jsonld from 'jsonld';
import * as rdfCanonize from 'rdf-canonize';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceFile } from '../../../src/core/content/parse.ts';
import { canonicalize } from '../../../src/core/credentials/canonicalize.ts';
import { signDataIntegrity } from '../../../src/core/credentials/data-integrity.ts';
import { documentLoader } from '../../../src/core/credentials/document-loader.ts';
import type { JsonObject } from '../../../src/core/credentials/json.ts';
import { toOpenBadgeCredential } from '../../../src/core/credentials/ob3/credential.ts';
import { toSiteFiles } from '../../../src/core/emit/site-files.ts';
import { checkEndorsementProofs, linkEndorsements } from '../../../src/core/endorsements/check.ts';
import { didKeyOf, toEndorsementRequest } from '../../../src/core/endorsements/document.ts';
import { signEndorsement } from '../../../src/core/endorsements/sign.ts';
import type { Model } from '../../../src/core/model/types.ts';
import { awardUrn, sitePaths } from '../../../src/core/urls.ts';
import { verifyBadge } from '../../../src/core/verify/index.ts';
import { ed25519 } from '../credentials/site.ts';
import { type Fixture, fakeResolver, makeFixture, NOW, TODAY } from '../verify/fixture.ts';

let fx: Fixture;
let endorser: Awaited<ReturnType<typeof ed25519>>;
let signed: JsonObject;

const COMMENT = 'Un badge exigeant, conforme au référentiel de la fédération.';

async function endorse(subjectId: string, name: string, comment = COMMENT): Promise<JsonObject> {
  const request = toEndorsementRequest({
    id: fx.urls.absolute(sitePaths.endorsement(name)),
    subjectId,
    subjectName: 'Robotique',
    endorser: { name: 'Fédération régionale', url: 'https://federation.example' },
    comment,
    validFrom: '2026-10-01T00:00:00Z',
  });
  const result = await signEndorsement(
    request,
    { privateKey: endorser.privateKey, publicKey: endorser.publicKeyBytes },
    '2026-10-01T00:00:00Z',
  );
  if (!result.ok) throw new Error(result.problems.map((p) => p.id).join(' '));
  return result.document;
}

const file = (path: string, document: unknown): SourceFile => ({
  path,
  text: `${JSON.stringify(document, null, 2)}\n`,
});

function link(files: SourceFile[]) {
  return linkEndorsements({ files, model: fx.model, urls: fx.urls, today: TODAY });
}

beforeAll(async () => {
  fx = await makeFixture();
  endorser = await ed25519(42);
  signed = await endorse(fx.urls.absolute(sitePaths.achievement('robotique')), 'robotique-federation');
});

describe('the content check of endorsements', () => {
  it('attaches a good endorsement to its badge and finds its signature valid', async () => {
    const result = link([file('content/endorsements/federation.json', signed)]);
    expect(result.problems).toEqual([]);
    const endorsement = result.model?.badges.get('robotique')?.endorsements?.[0];
    expect(endorsement).toMatchObject({
      file: 'content/endorsements/federation.json',
      path: 'endorsements/robotique-federation.json',
      subject: { kind: 'badge', key: 'robotique' },
      endorser: { id: didKeyOf(endorser.publicKeyBytes), name: 'Fédération régionale' },
      comment: COMMENT,
    });
    expect(await checkEndorsementProofs(result.model?.endorsements ?? [])).toEqual([]);
  });

  it('refuses a changed comment at the line of the proof', async () => {
    const changed = {
      ...signed,
      credentialSubject: { ...(signed.credentialSubject as JsonObject), endorsementComment: 'Modifié.' },
    };
    const result = link([file('content/endorsements/federation.json', changed)]);
    const problems = await checkEndorsementProofs(result.model?.endorsements ?? []);
    expect(problems).toMatchObject([
      {
        file: 'content/endorsements/federation.json',
        line: 28,
        field: 'proof',
        message: `The endorsement's signature does not match its content: it was changed after Fédération régionale signed it, or signed with another key than ${didKeyOf(endorser.publicKeyBytes)}.`,
        hint: 'Do not edit a signed endorsement: ask the endorser to sign the request again (`npm run badges -- endorse sign`) and commit the file they send back unchanged.',
      },
    ]);
  });

  it('refuses an endorsement of a badge this site does not have, suggesting the closest', () => {
    const wrong = { ...signed, credentialSubject: { ...(signed.credentialSubject as JsonObject) } };
    (wrong.credentialSubject as Record<string, unknown>).id = fx.urls.absolute(
      sitePaths.achievement('robotiqe'),
    );
    const result = link([file('content/endorsements/federation.json', wrong)]);
    expect(result.problems).toMatchObject([
      {
        line: 22,
        field: 'credentialSubject.id',
        message: `It endorses "${fx.urls.absolute(sitePaths.achievement('robotiqe'))}", which is no badge, issuer or award of this site.`,
      },
    ]);
    expect(result.problems[0]?.hint).toContain(
      `Did you mean the badge "robotique" (${fx.urls.absolute(sitePaths.achievement('robotique'))})?`,
    );
  });

  it('refuses an unsigned request, an address of another site and a second copy', () => {
    const { proof: _proof, ...unsigned } = signed;
    const other = { ...signed, id: 'https://ailleurs.example/endorsements/x.json' };
    const result = link([
      file('content/endorsements/a.json', unsigned),
      file('content/endorsements/b.json', other),
      file('content/endorsements/c.json', signed),
      file('content/endorsements/d.json', signed),
    ]);
    expect(result.problems.map((p) => [p.file, p.field, p.message.slice(0, 40)])).toEqual([
      ['content/endorsements/a.json', 'proof', 'The endorsement is not signed: it has no'],
      ['content/endorsements/b.json', 'id', 'The endorsement\'s id "https://ailleurs.e'],
      ['content/endorsements/d.json', 'id', 'Another file already holds the endorseme'],
    ]);
  });

  it('refuses control and direction-changing characters in what pages and messages show', () => {
    const issuer = { ...(signed.issuer as JsonObject), name: 'Fédération\u202e régionale' };
    const subject = { ...(signed.credentialSubject as JsonObject), endorsementComment: 'Bravo\u0007' };
    const result = link([
      file('content/endorsements/x.json', { ...signed, issuer, credentialSubject: subject }),
    ]);
    expect(result.problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [
        26,
        'credentialSubject.endorsementComment',
        'This text holds a control character (U+0007), which cannot be published.',
      ],
      [
        17,
        'issuer.name',
        "The endorser's name holds an invisible or direction-changing character (U+202E RIGHT-TO-LEFT OVERRIDE at character 11).",
      ],
    ]);
  });

  it('quotes nothing of a file that is not JSON', () => {
    const result = link([{ path: 'content/endorsements/x.json', text: '{"secret": zzz-not-json}\n' }]);
    expect(result.problems.map((p) => p.message)).toEqual([
      "The file is not valid JSON: Unexpected token 'z'",
    ]);
  });

  it('refuses what is not JSON or not an EndorsementCredential', () => {
    const result = link([
      { path: 'content/endorsements/broken.json', text: '{\n  "a": 1\n  "b": 2\n}\n' },
      file('content/endorsements/typeless.json', { ...signed, type: ['VerifiableCredential'] }),
    ]);
    expect(result.problems.map((p) => [p.file, p.line, p.message.slice(0, 45)])).toEqual([
      ['content/endorsements/broken.json', 3, "The file is not valid JSON: Expected ',' or '"],
      ['content/endorsements/typeless.json', 8, 'Not a valid OB 3.0 EndorsementCredential: /ty'],
    ]);
  });
});

describe('embedded endorsements', () => {
  let model: Model;
  let files: Map<string, unknown>;
  beforeAll(async () => {
    const awardEndorsement = await endorse(awardUrn(fx.awards.plain.id), 'award-federation', 'Bravo.');
    const result = link([
      file('content/endorsements/a.json', signed),
      file('content/endorsements/b.json', awardEndorsement),
    ]);
    if (!result.model) throw new Error('the endorsements must link');
    model = result.model;
    files = await toSiteFiles({
      model,
      urls: fx.urls,
      signers: new Map([[fx.issuer.slug, fx.signer]]),
      today: TODAY,
    });
  });

  it('go into the Achievement and the credential, unchanged, and are published at their ids', () => {
    const achievement = JSON.parse(String(files.get(sitePaths.achievement('robotique'))));
    expect(achievement.endorsement).toEqual([signed]);
    const credential = JSON.parse(String(files.get(sitePaths.credential(fx.awards.plain.id))));
    expect(credential.credentialSubject.achievement.endorsement).toEqual([signed]);
    expect(credential.endorsement).toHaveLength(1);
    expect(JSON.parse(String(files.get('endorsements/robotique-federation.json')))).toEqual(signed);
  });

  it('canonicalize through the shape templates exactly as jsonld and rdf-canonize do', async () => {
    const award = model.awards.get(fx.awards.plain.id);
    const badge = model.badges.get('robotique');
    if (!award || !badge) throw new Error('missing');
    const credential = toOpenBadgeCredential({ issuer: fx.issuer, badge, award, urls: fx.urls });
    // @types/jsonld describes jsonld 1.5 (toRDF returning nothing); jsonld 9 returns the dataset.
    const toRdf = jsonld.toRDF as unknown as (input: unknown, options: unknown) => Promise<object>;
    const dataset = await toRdf(credential, { documentLoader, safe: true });
    const expected = await rdfCanonize.canonize(dataset, {
      algorithm: 'RDFC-1.0',
      format: 'application/n-quads',
    });
    expect(expected).toContain('endorsementComment');
    // Twice: the first call builds the shape's template, the second one uses it.
    expect(await canonicalize(credential)).toBe(expected);
    expect(await canonicalize(credential)).toBe(expected);
    const other = { ...credential, name: 'Un autre nom' };
    expect(await canonicalize(other)).toBe(await canonicalize(other, { reference: true }));
  });

  it('are each verified and reported with their endorser', async () => {
    const text = String(files.get(sitePaths.credential(fx.awards.plain.id)));
    const resolver = fakeResolver(fx);
    const report = await verifyBadge({ text }, { resolver: resolver.resolve, now: NOW });
    expect(resolver.unknown).toEqual([]);
    expect(report.verdict).toBe('verified');
    const payload = report.payloads[0];
    expect(payload?.checks.find((c) => c.id === 'endorsements')).toMatchObject({ status: 'success' });
    expect(payload?.endorsements?.map((e) => [e.pointer, e.endorser.name, e.comment, e.verified])).toEqual([
      ['/endorsement/0', 'Fédération régionale', 'Bravo.', true],
      ['/credentialSubject/achievement/endorsement/0', 'Fédération régionale', COMMENT, true],
    ]);
  });

  it('an altered endorsement fails, even inside a credential whose own proof is valid', async () => {
    const credential = JSON.parse(String(files.get(sitePaths.credential(fx.awards.plain.id))));
    const { proof: _proof, ...unsigned } = credential;
    unsigned.credentialSubject.achievement.endorsement[0].credentialSubject.endorsementComment = 'Modifié.';
    const resigned = await signDataIntegrity(unsigned, {
      privateKey: fx.signer.ed25519.privateKey,
      verificationMethod: fx.urls.keyDidUrl(fx.issuer.slug, fx.signer.ed25519.keyId),
      created: unsigned.validFrom,
    });
    const report = await verifyBadge(
      { text: JSON.stringify(resigned) },
      { resolver: fakeResolver(fx).resolve, now: NOW },
    );
    const payload = report.payloads[0];
    expect(payload?.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'success' });
    expect(report.verdict).toBe('signature-invalid');
    expect(payload?.endorsements?.map((e) => e.verified)).toEqual([true, false]);
    const check = payload?.checks.find((c) => c.id === 'endorsements');
    expect(check).toMatchObject({ status: 'failure', message: '1 of 2 endorsement(s) do not verify.' });
    expect(check?.status === 'failure' && check.problems[0]).toMatchObject({
      code: 'ENDORSEMENT_INVALID',
      pointer: '/credentialSubject/achievement/endorsement/0',
    });
  });
});
