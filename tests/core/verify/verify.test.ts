/**
 * The verifier against a site emitted by the real build stage: every form of a genuine award verifies, and
 * every alteration is rejected with the verdict that names it. Offline: a fake resolver serves the site.
 */
import { CompactSign, decodeProtectedHeader } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { signDataIntegrity } from '../../../src/core/credentials/data-integrity.ts';
import type { JsonObject } from '../../../src/core/credentials/json.ts';
import { sitePaths } from '../../../src/core/urls.ts';
import {
  createVerifier,
  type PayloadReport,
  type VerificationReport,
  type VerifyInput,
  verifyBadge,
} from '../../../src/core/verify/index.ts';
import { ATTACKER_ROOT, type Fixture, fakeResolver, makeFixture, NOW, SITE_ROOT } from './fixture.ts';

let fx: Fixture;
beforeAll(async () => {
  fx = await makeFixture();
});

type AwardName = keyof Fixture['awards'];
const id = (name: AwardName) => fx.awards[name].id;
const credentialText = (name: AwardName) => fx.text(sitePaths.credential(id(name)));
const credential = (name: AwardName) => fx.json(sitePaths.credential(id(name)));
const jwt = (name: AwardName) => fx.text(sitePaths.credentialJwt(id(name)));
const jws = (name: AwardName) => fx.text(sitePaths.assertionJws(id(name)));
const hostedUrl = (name: AwardName) => `${SITE_ROOT}${sitePaths.assertion(id(name))}`;

/** Verifies with a fresh fake resolver and checks it was asked for no unknown URL. */
async function check(
  input: VerifyInput,
  options: {
    email?: string;
    now?: Date;
    overrides?: Record<string, string | null>;
    allowUnknown?: boolean;
  } = {},
): Promise<VerificationReport> {
  const resolver = fakeResolver(fx, options.overrides);
  const report = await verifyBadge(input, {
    resolver: resolver.resolve,
    now: options.now ?? NOW,
    ...(options.email !== undefined && { email: options.email }),
  });
  if (!options.allowUnknown) expect(resolver.unknown).toEqual([]);
  return report;
}

const only = (report: VerificationReport): PayloadReport => {
  expect(report.payloads).toHaveLength(1);
  return report.payloads[0] as PayloadReport;
};
const problemCodes = (report: VerificationReport) =>
  [...report.checks, ...report.payloads.flatMap((p) => p.checks)].flatMap((c) =>
    c.status === 'failure' ? c.problems.map((p) => p.code) : [],
  );
const statusOf = (report: PayloadReport, checkId: string) =>
  report.checks.find((c) => c.id === checkId)?.status;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const parts = (token: string) => token.split('.') as [string, string, string];
const payloadOf = (token: string) => JSON.parse(Buffer.from(parts(token)[1], 'base64url').toString());

describe('genuine awards verify in every form', () => {
  it('OB 3.0 JSON: Data Integrity proof, issuer key from did.json, signed status list', async () => {
    const report = await check({ text: credentialText('plain') });
    expect(report.verdict).toBe('verified');
    expect(report.input.container).toBe('json');
    const payload = only(report);
    expect(payload.kind).toBe('ob3-json');
    expect(payload.checks.map((c) => [c.id, c.status])).toEqual([
      ['structure', 'success'],
      ['proof', 'success'],
      ['key', 'success'],
      ['status', 'success'],
      ['validity', 'success'],
      ['recipient', 'skipped'],
    ]);
    expect(payload.proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      verificationMethod: fx.urls.keyDidUrl('lycee', 'ed25519-2026'),
    });
    expect(payload.key).toMatchObject({
      id: fx.urls.keyDidUrl('lycee', 'ed25519-2026'),
      type: 'Multikey',
      controller: fx.urls.issuerDid('lycee'),
      document: `${SITE_ROOT}issuers/lycee/did.json`,
    });
    expect(payload.status).toEqual({
      type: 'BitstringStatusList',
      url: `${SITE_ROOT}issuers/lycee/status-list.json`,
      index: 0,
      purpose: 'revocation',
    });
    expect(payload.badge).toMatchObject({
      id: `urn:uuid:${id('plain')}`,
      name: 'Badge robotique',
      issuer: { id: fx.urls.issuerDid('lycee'), name: 'Lycée Exemple' },
      recipientName: fx.awards.plain.recipient.name,
      validFrom: '2026-03-15T00:00:00Z',
      validUntil: '2028-03-15T00:00:00Z',
    });
  });

  it('OB 3.0 VC-JWT: RS256 with a kid that dereferences to a JWK the issuer lists', async () => {
    const report = await check({ text: jwt('plain') });
    expect(report.verdict).toBe('verified');
    const payload = only(report);
    expect(payload.kind).toBe('ob3-jwt');
    expect(payload.proof).toEqual({
      type: 'VC-JWT',
      alg: 'RS256',
      kid: `${SITE_ROOT}issuers/lycee/keys/rsa-2026.jwk.json`,
      embeddedJwk: false,
    });
    expect(payload.key).toMatchObject({
      id: `${SITE_ROOT}issuers/lycee/keys/rsa-2026.jwk.json`,
      type: 'JsonWebKey',
    });
  });

  it('OB 2.0 signed: JWS with its CryptographicKey listed by the issuer Profile, and the RevocationList', async () => {
    const report = await check({ text: jws('plain') });
    expect(report.verdict).toBe('verified');
    const payload = only(report);
    expect(payload.kind).toBe('ob2-jws');
    expect(payload.key).toMatchObject({
      id: `${SITE_ROOT}issuers/lycee/keys/rsa-2026.json`,
      type: 'CryptographicKey',
    });
    expect(payload.status).toMatchObject({
      type: 'OB2-RevocationList',
      url: `${SITE_ROOT}issuers/lycee/revocations-ob2.json`,
    });
    expect(payload.badge).toMatchObject({ name: 'Badge robotique', issuer: { name: 'Lycée Exemple' } });
  });

  it('OB 2.0 hosted: the JSON copy is compared with the one at its id; the URL alone works too', async () => {
    const fromFile = await check({
      bytes: new TextEncoder().encode(fx.text(sitePaths.assertion(id('plain')))),
    });
    expect(fromFile.verdict).toBe('verified');
    expect(only(fromFile).proof).toEqual({ type: 'OB2-hosted', url: hostedUrl('plain') });
    const fromUrl = await check({ url: hostedUrl('plain') });
    expect(fromUrl.verdict).toBe('verified');
    expect(fromUrl.input).toEqual({ container: 'url', url: hostedUrl('plain') });
    expect((await check({ text: `  ${hostedUrl('plain')}\n` })).verdict).toBe('verified');
  });

  it('an OB 3.0 credential given by URL is fetched and verified', async () => {
    const report = await check({ url: `${SITE_ROOT}${sitePaths.credential(id('plain'))}` });
    expect(report.verdict).toBe('verified');
  });

  it("an award page's address is verified as the credential the page links to", async () => {
    const page = `${SITE_ROOT}awards/${id('plain')}/`;
    const html = `<!doctype html><html><head><link rel="alternate" type="application/ld+json" href="credential.json" title="Open Badges 3.0"></head></html>`;
    const report = await check({ url: page }, { overrides: { [page]: html } });
    expect(report.verdict).toBe('verified');
    expect(report.input).toEqual({ container: 'url', url: page });
    expect(only(report).kind).toBe('ob3-json');
  });

  it('awards signed with a retired key still verify', async () => {
    const { issueOpenBadgeCredential } = await import('../../../src/core/credentials/ob3/issue.ts');
    const award = fx.awards.plain;
    const issued = await issueOpenBadgeCredential(
      { issuer: fx.issuer, badge: fx.badgeOf(award), award, urls: fx.urls },
      fx.retiredSigner,
    );
    expect((await check({ text: JSON.stringify(issued.credential) })).verdict).toBe('verified');
    expect((await check({ text: issued.jwt })).verdict).toBe('verified');
  });
});

describe('status and dates', () => {
  it('a revoked award is revoked in every form', async () => {
    for (const input of [
      { text: credentialText('revoked') },
      { text: jwt('revoked') },
      { text: jws('revoked') },
      { url: hostedUrl('revoked') },
    ]) {
      const report = await check(input);
      expect(report.verdict, JSON.stringify(input).slice(0, 40)).toBe('revoked');
    }
    const hosted = only(await check({ url: hostedUrl('revoked') }));
    expect(hosted.status).toMatchObject({ type: 'OB2-hosted', reason: 'Attribué par erreur' });
    const signed = only(await check({ text: jws('revoked') }));
    expect(signed.status).toMatchObject({ type: 'OB2-RevocationList', reason: 'Attribué par erreur' });
    expect(only(await check({ text: credentialText('revoked') })).status).toMatchObject({ index: 7 });
  });

  it('an expired award is expired in every form', async () => {
    for (const input of [
      { text: credentialText('expired') },
      { text: jwt('expired') },
      { text: jws('expired') },
      { url: hostedUrl('expired') },
    ]) {
      expect((await check(input)).verdict).toBe('expired');
    }
    expect(problemCodes(await check({ text: jwt('leap') }))).toEqual(['EXPIRED']);
  });

  it('expiry starts at midnight UTC of the expiry day, like the award page says', async () => {
    // explicit: expires 2026-12-31
    const before = new Date('2026-12-30T23:59:59Z');
    const at = new Date('2026-12-31T00:00:00Z');
    expect((await check({ text: credentialText('explicit') }, { now: before })).verdict).toBe('verified');
    expect((await check({ text: credentialText('explicit') }, { now: at })).verdict).toBe('expired');
    expect((await check({ text: jwt('explicit') }, { now: at })).verdict).toBe('expired');
  });

  it('a badge checked before its issue date is not yet valid', async () => {
    const early = new Date('2026-03-14T12:00:00Z');
    for (const input of [{ text: credentialText('plain') }, { text: jwt('plain') }, { text: jws('plain') }]) {
      expect((await check(input, { now: early })).verdict).toBe('not-yet-valid');
    }
  });

  it('a status list changed without re-signing is not trusted: the status is unknown', async () => {
    const listUrl = `${SITE_ROOT}issuers/lycee/status-list.json`;
    const list = fx.json('issuers/lycee/status-list.json') as { credentialSubject: { encodedList: string } };
    const { encodeStatusList, toBitstring } = await import(
      '../../../src/core/credentials/ob3/status-list.ts'
    );
    const cleared = {
      ...list,
      credentialSubject: { ...list.credentialSubject, encodedList: encodeStatusList(toBitstring([])) },
    };
    const report = await check(
      { text: credentialText('revoked') },
      { overrides: { [listUrl]: JSON.stringify(cleared) } },
    );
    expect(report.verdict).toBe('error');
    expect(problemCodes(report)).toEqual(['STATUS_LIST_UNTRUSTED']);
  });

  it('an unreachable key or status list gives "error", never "verified"', async () => {
    const did = `${SITE_ROOT}issuers/lycee/did.json`;
    const noDid = await check({ text: credentialText('plain') }, { overrides: { [did]: null } });
    expect(noDid.verdict).toBe('error');
    expect(problemCodes(noDid)).toEqual(['KEY_FETCH_FAILED']);
    const list = `${SITE_ROOT}issuers/lycee/status-list.json`;
    const noList = await check({ text: credentialText('plain') }, { overrides: { [list]: null } });
    expect(noList.verdict).toBe('error');
    expect(problemCodes(noList)).toEqual(['STATUS_LIST_FETCH_FAILED']);
    const noHosted = await check({ url: hostedUrl('plain') }, { overrides: { [hostedUrl('plain')]: null } });
    expect(noHosted.verdict).toBe('error');
  });
});

describe('tampering', () => {
  it('a changed byte in a VC-JWT payload breaks the signature', async () => {
    const [header, payload, signature] = parts(jwt('plain'));
    const claims = payloadOf(jwt('plain'));
    const changed = b64({ ...claims, name: `${claims.name}!` });
    expect((await check({ text: [header, changed, signature].join('.') })).verdict).toBe('signature-invalid');
    // One bit of one payload byte flipped: a character of the issuer's name changes.
    const position = Buffer.from(payload, 'base64url').indexOf('Lycée Exemple') + 2;
    const bytes = Buffer.from(payload, 'base64url');
    bytes[position] = (bytes[position] ?? 0) ^ 0x01;
    expect(bytes.toString().includes('Lybée Exemple')).toBe(true);
    const report = await check({ text: [header, bytes.toString('base64url'), signature].join('.') });
    expect(report.verdict).toBe('signature-invalid');
    expect(problemCodes(report)).toEqual(['JWS_SIGNATURE_INVALID']);
  });

  it('a changed name, date or recipient in the JSON breaks the Data Integrity proof', async () => {
    const original = credential('plain');
    const subject = original.credentialSubject as Record<string, unknown>;
    for (const changed of [
      { ...original, name: 'Badge robotique (expert)' },
      { ...original, validFrom: '2026-03-14T00:00:00Z' },
      { ...original, validUntil: '2099-01-01T00:00:00Z' },
      { ...original, credentialSubject: { ...subject, narrative: 'Un autre texte.' } },
    ]) {
      const report = await check({ text: JSON.stringify(changed) });
      expect(report.verdict).toBe('signature-invalid');
      expect(problemCodes(report)).toEqual(['DI_SIGNATURE_INVALID']);
    }
  });

  it('removing the expiry from a credential or a token is detected', async () => {
    const { validUntil: _gone, ...forever } = credential('expired');
    expect((await check({ text: JSON.stringify(forever) })).verdict).toBe('signature-invalid');
  });

  it('an edited hosted OB 2.0 assertion differs from the issuer copy', async () => {
    const hosted = fx.json(sitePaths.assertion(id('expired')));
    const { expires: _gone, ...forever } = hosted;
    const report = await check({ text: JSON.stringify(forever) });
    expect(report.verdict).toBe('signature-invalid');
    expect(problemCodes(report)).toContain('HOSTED_COPY_DIFFERS');
  });

  it('a credential re-signed with another key, under the issuer key id, fails the signature', async () => {
    const { proof: _proof, ...unsigned } = credential('plain');
    const forged = await signDataIntegrity(unsigned as JsonObject, {
      privateKey: fx.attacker.ed25519,
      verificationMethod: fx.urls.keyDidUrl('lycee', 'ed25519-2026'),
      created: '2026-03-15T00:00:00Z',
    });
    expect((await check({ text: JSON.stringify(forged) })).verdict).toBe('signature-invalid');
  });

  it("a credential signed with a valid key of someone else is refused: not the issuer's key", async () => {
    const { proof: _proof, ...unsigned } = credential('plain');
    const forged = await signDataIntegrity(unsigned as JsonObject, {
      privateKey: fx.attacker.ed25519,
      verificationMethod: `${fx.attacker.did}#ed25519-1`,
      created: '2026-03-15T00:00:00Z',
    });
    const report = await check({ text: JSON.stringify(forged) });
    expect(report.verdict).toBe('key-not-issuers');
    expect(problemCodes(report)).toEqual(['KEY_CONTROLLER_NOT_ISSUER']);
    expect(only(report).checks.find((c) => c.id === 'proof')?.status).toBe('success');
  });

  it("a VC-JWT signed with another RSA key, whose kid dereferences to a real JWK, is not the issuer's", async () => {
    const claims = payloadOf(jwt('plain'));
    const kid = `${ATTACKER_ROOT}issuers/faux/keys/rsa-1.jwk.json`;
    const forged = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
      .setProtectedHeader({ alg: 'RS256', kid })
      .sign(fx.attacker.rsa);
    const report = await check({ text: forged });
    expect(report.verdict).toBe('key-not-issuers');
    expect(problemCodes(report)).toEqual(['KEY_NOT_LISTED_BY_ISSUER']);
    const selfSigned = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
      .setProtectedHeader({ alg: 'RS256', jwk: { kty: 'RSA', n: fx.attacker.rsaJwk.n ?? '', e: 'AQAB' } })
      .sign(fx.attacker.rsa);
    expect((await check({ text: selfSigned })).verdict).toBe('key-not-issuers');
    // The issuer's kid on a token signed by another key.
    const kidSwap = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
      .setProtectedHeader({ alg: 'RS256', kid: decodeProtectedHeader(jwt('plain')).kid ?? '' })
      .sign(fx.attacker.rsa);
    expect((await check({ text: kidSwap })).verdict).toBe('signature-invalid');
  });

  it('a JWT with alg "none" or a changed alg is refused', async () => {
    const [header, payload, signature] = parts(jwt('plain'));
    const kid = JSON.parse(Buffer.from(header, 'base64url').toString()).kid;
    const none = await check({ text: `${b64({ alg: 'none', kid })}.${payload}.` });
    expect(none.verdict).toBe('signature-invalid');
    expect(problemCodes(none)).toEqual(['JWS_ALG_NONE']);
    const rs384 = await check({ text: `${b64({ alg: 'RS384', kid })}.${payload}.${signature}` });
    expect(rs384.verdict).toBe('signature-invalid');
    expect(problemCodes(rs384)).toEqual(['JWS_ALG_NOT_KEYS']);
    // The classic confusion: HS256 keyed with the public key's text.
    const jwkText = fx.text('issuers/lycee/keys/rsa-2026.jwk.json');
    const hs = await new CompactSign(Buffer.from(payload, 'base64url'))
      .setProtectedHeader({ alg: 'HS256', kid })
      .sign(new TextEncoder().encode(jwkText));
    expect(problemCodes(await check({ text: hs }))).toEqual(['JWS_ALG_UNSUPPORTED']);
    const ob2None = await check({ text: `${b64({ alg: 'none' })}.${parts(jws('plain'))[1]}.` });
    expect(ob2None.verdict).toBe('signature-invalid');
  });

  it('JWT claims that contradict the credential are refused even when signed by the issuer', async () => {
    const claims = payloadOf(jwt('plain'));
    const sign = (payload: unknown) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader(decodeProtectedHeader(jwt('plain')) as { alg: string })
        .sign(fx.signer.rs256.privateKey);
    for (const changed of [
      { ...claims, jti: `urn:uuid:${id('revoked')}` },
      { ...claims, iss: 'did:web:example.org' },
      { ...claims, nbf: claims.nbf - 86_400 },
      { ...claims, exp: claims.exp + 86_400 },
    ]) {
      const report = await check({ text: await sign(changed) });
      expect(report.verdict).toBe('signature-invalid');
      expect(problemCodes(report)).toEqual(['JWT_CLAIM_MISMATCH']);
    }
  });

  it('an OB 2.0 JWS with a changed payload fails; a key the issuer does not list is refused', async () => {
    const [header, , signature] = parts(jws('plain'));
    const assertion = payloadOf(jws('plain'));
    const changed = await check({
      text: `${header}.${b64({ ...assertion, issuedOn: '2026-01-01T00:00:00+00:00' })}.${signature}`,
    });
    expect(changed.verdict).toBe('signature-invalid');
    const forged = await new CompactSign(new TextEncoder().encode(JSON.stringify(assertion)))
      .setProtectedHeader({ alg: 'RS256' })
      .sign(fx.attacker.rsa);
    expect((await check({ text: forged })).verdict).toBe('signature-invalid');
    const profileUrl = `${SITE_ROOT}issuers/lycee/ob2-profile.json`;
    const profile = fx.json('issuers/lycee/ob2-profile.json');
    const report = await check(
      { text: jws('plain') },
      { overrides: { [profileUrl]: JSON.stringify({ ...profile, publicKey: [] }) } },
    );
    expect(report.verdict).toBe('key-not-issuers');
  });
});

describe('baked images', () => {
  const png = async () => {
    const { samplePng } = await import('../bake/helpers.ts');
    return samplePng();
  };
  const bake = async (credentialPayload: string, assertionPayload: string) => {
    const { bakePng } = await import('../../../src/core/bake/index.ts');
    return bakePng(await png(), [
      { keyword: 'openbadgecredential', text: credentialPayload },
      { keyword: 'openbadges', text: assertionPayload },
    ]);
  };

  it('a PNG carrying the OB 3.0 credential and the OB 2.0 JWS verifies both', async () => {
    const report = await check({ bytes: await bake(credentialText('plain').trim(), jws('plain')) });
    expect(report.verdict).toBe('verified');
    expect(report.input.container).toBe('png');
    expect(report.payloads.map((p) => [p.kind, p.verdict])).toEqual([
      ['ob3-json', 'verified'],
      ['ob2-jws', 'verified'],
    ]);
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['format', 'success'],
      ['payloads', 'success'],
    ]);
  });

  it('an SVG carrying the VC-JWT and the hosted assertion verifies both', async () => {
    const { bakeSvg } = await import('../../../src/core/bake/index.ts');
    const svg = bakeSvg('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="4"/></svg>', {
      credential: { jwt: jwt('plain') },
      assertion: { json: fx.text(sitePaths.assertion(id('plain'))).trim(), hostedUrl: hostedUrl('plain') },
    });
    const report = await check({ bytes: new TextEncoder().encode(svg) });
    expect(report.input.container).toBe('svg');
    expect(report.payloads.map((p) => p.kind)).toEqual(['ob3-jwt', 'ob2-url']);
    expect(report.verdict).toBe('verified');
  });

  it("a payload moved from one award's image into another's is detected", async () => {
    const report = await check({ bytes: await bake(credentialText('plain').trim(), jws('explicit')) });
    expect(report.payloads.map((p) => p.verdict)).toEqual(['verified', 'verified']);
    expect(report.verdict).toBe('signature-invalid');
    expect(problemCodes(report)).toEqual(['PAYLOADS_DIFFERENT_AWARDS']);
  });

  it('a revoked baked award is revoked', async () => {
    expect((await check({ bytes: await bake(jwt('revoked'), jws('revoked')) })).verdict).toBe('revoked');
  });

  it('an image without a payload, or a damaged one, is not a badge', async () => {
    expect((await check({ bytes: await png() })).verdict).toBe('not-a-badge');
    const baked = await bake(credentialText('plain').trim(), jws('plain'));
    baked[60] = (baked[60] ?? 0) ^ 0xff;
    expect((await check({ bytes: baked })).verdict).toBe('not-a-badge');
  });
});

describe('malformed input', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const itxt = (keyword: string, text: string) => utf8(`${keyword}\0\0\0\0\0${text}`);
  const formatProblem = (report: VerificationReport) => {
    const format = report.checks[0];
    return format?.status === 'failure' ? format.problems[0] : undefined;
  };

  it('a PNG carrying the OB 3.0 credential twice is malformed, whichever copy is genuine', async () => {
    const { bakePng } = await import('../../../src/core/bake/index.ts');
    const { insertAfterIhdr, makeChunk, samplePng } = await import('../bake/helpers.ts');
    const genuine = bakePng(samplePng(), [
      { keyword: 'openbadgecredential', text: credentialText('plain').trim() },
      { keyword: 'openbadges', text: jws('plain') },
    ]);
    // Another award's genuine credential, added after the first: a reader of the last chunk sees its earner.
    const other = makeChunk('iTXt', itxt('openbadgecredential', credentialText('explicit').trim()));
    const chunks = [...genuine];
    const iend = chunks.length - 12;
    const twice = new Uint8Array([...chunks.slice(0, iend), ...other, ...chunks.slice(iend)]);
    for (const bytes of [twice, insertAfterIhdr(genuine, other)]) {
      const report = await check({ bytes });
      expect(report.verdict).toBe('malformed');
      expect(report.input.container).toBe('png');
      expect(report.payloads).toEqual([]);
      expect(formatProblem(report)).toMatchObject({
        code: 'PAYLOAD_DUPLICATED',
        title: 'The image carries a badge twice',
        detail: expect.stringMatching(
          /^The PNG carries the "openbadgecredential" keyword 2 times \(iTXt at byte \d+, iTXt at byte \d+\)/,
        ),
      });
    }
    const ob2Twice = insertAfterIhdr(genuine, makeChunk('iTXt', itxt('openbadges', jws('explicit'))));
    expect(formatProblem(await check({ bytes: ob2Twice }))?.detail).toMatch(/"openbadges" keyword 2 times/);
  });

  it('an SVG carrying the OB 2.0 assertion twice is malformed', async () => {
    const { bakeSvg } = await import('../../../src/core/bake/index.ts');
    const svg = bakeSvg('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="4"/></svg>', {
      credential: { jwt: jwt('plain') },
      assertion: { jws: jws('plain') },
    });
    const extra = `<openbadges:assertion xmlns:openbadges="http://openbadges.org" verify="${jws('explicit')}"/>`;
    const report = await check({ bytes: utf8(svg.replace('<circle', `${extra}<circle`)) });
    expect(report.verdict).toBe('malformed');
    expect(formatProblem(report)).toMatchObject({
      code: 'PAYLOAD_DUPLICATED',
      detail: expect.stringContaining('The SVG carries <openbadges:assertion> (OB 2.0) more than once'),
    });
  });

  it('JSON nested 100 000 levels deep is malformed, not a failure to fetch', async () => {
    const deep = (open: string, close: string) => `${open.repeat(100_000)}1${close.repeat(100_000)}`;
    const credentialDeep = JSON.stringify({ ...credential('plain'), evidence: '@' }).replace(
      '"@"',
      deep('[', ']'),
    );
    const tokenDeep = `${b64({ alg: 'RS256' })}.${Buffer.from(`{"vc":${deep('{"a":', '}')}}`).toString('base64url')}.c2ln`;
    for (const input of [
      { text: credentialDeep },
      { bytes: utf8(deep('{"a":', '}')) },
      { text: tokenDeep },
    ] satisfies VerifyInput[]) {
      const report = await check(input);
      expect(report.verdict).toBe('malformed');
      expect(formatProblem(report)).toMatchObject({
        code: 'INPUT_TOO_DEEP',
        detail: expect.stringMatching(/nests arrays or objects more than 64 levels deep; no badge does\.$/),
      });
    }
    // Inside a baked image the container is still named.
    const { bakePng } = await import('../../../src/core/bake/index.ts');
    const { samplePng } = await import('../bake/helpers.ts');
    const baked = bakePng(samplePng(), [{ keyword: 'openbadgecredential', text: credentialDeep }]);
    const image = await check({ bytes: baked });
    expect([image.verdict, image.input.container]).toEqual(['malformed', 'png']);
  });

  it('a document the verifier fetches, nested too deeply, is not taken for a network failure', async () => {
    const did = `${SITE_ROOT}issuers/lycee/did.json`;
    const report = await check(
      { text: credentialText('plain') },
      { overrides: { [did]: `{"a":${'['.repeat(100_000)}` } },
    );
    expect(report.verdict).not.toBe('verified');
    expect(report.verdict).not.toBe('error');
    expect(JSON.stringify(report)).toContain('nests arrays or objects more than 64 levels deep');
  });

  it("an address no client can parse is the document's fault, not a network failure", async () => {
    const assertion = { ...fx.json(sitePaths.assertion(id('plain'))), id: 'https://exa mple.org/a.json' };
    const report = await check({ text: JSON.stringify(assertion) });
    expect(report.verdict).toBe('not-a-badge');
    expect(JSON.stringify(report)).toContain('https://exa mple.org/a.json is not a valid URL.');
    const url = await check({ url: 'https://exa mple.org/a.json' });
    expect(url.verdict).toBe('not-a-badge');
  });

  it('a credential holding more values than any badge is malformed, before JSON-LD processing', async () => {
    // JSON-LD processing of such an unknown shape grows quadratically: seconds for a megabyte.
    const evidence = Array.from({ length: 5000 }, (_, i) => ({ id: `urn:example:${i}`, type: ['Evidence'] }));
    const report = await check({ text: JSON.stringify({ ...credential('plain'), evidence }) });
    expect(report.verdict).toBe('malformed');
    expect(formatProblem(report)).toMatchObject({
      code: 'INPUT_TOO_LARGE',
      detail: 'The JSON holds more than 10,000 values; no badge needs as many.',
    });
  });

  it('a document refused for its size is malformed input, not a network failure', async () => {
    const url = `${SITE_ROOT}${sitePaths.credential(id('plain'))}`;
    const tooLarge = async (asked: string) => ({
      ok: false as const,
      url: asked,
      reason: `${asked} is larger than 100 bytes.`,
      tooLarge: true as const,
    });
    const report = await verifyBadge({ url }, { resolver: tooLarge, now: NOW });
    expect(report.verdict).toBe('malformed');
    expect(formatProblem(report)).toMatchObject({ code: 'INPUT_TOO_LARGE' });
  });

  it('input larger than any badge is malformed, before it is decoded', async () => {
    const huge = new Uint8Array(16 * 1024 * 1024 + 1).fill(0x20);
    const report = await check({ bytes: huge });
    expect(report.verdict).toBe('malformed');
    expect(formatProblem(report)).toMatchObject({
      code: 'INPUT_TOO_LARGE',
      detail: 'The file is 16,777,217 bytes long; no badge needs more than 16,777,216.',
    });
  });
});

describe('recipient', () => {
  it('matches the email the award was hashed from, normalised, in every form', async () => {
    for (const input of [
      { text: credentialText('plain') },
      { text: jwt('plain') },
      { text: jws('plain') },
      { url: hostedUrl('plain') },
    ]) {
      const report = await check(input, { email: '  Ada@Example.org ' });
      expect(report.recipient).toBe('match');
      expect(report.verdict).toBe('verified');
    }
  });

  it('says when the badge was issued to someone else, without changing the verdict', async () => {
    const report = await check({ text: credentialText('plain') }, { email: 'bob@example.org' });
    expect(report.verdict).toBe('verified');
    expect(report.recipient).toBe('no-match');
    expect(problemCodes(report)).toEqual(['RECIPIENT_MISMATCH']);
    expect((await check({ text: credentialText('plain') })).recipient).toBeUndefined();
  });
});

describe('not a badge', () => {
  it('refuses text, JSON and tokens that are not badges, without throwing', async () => {
    const inputs: VerifyInput[] = [
      { text: 'bonjour' },
      { text: '{"name": "pas un badge"}' },
      { text: '{not json' },
      { text: `${b64({ alg: 'RS256' })}.${b64({ sub: 'x' })}.c2ln` },
      { bytes: Uint8Array.of(0, 1, 2, 255) },
      { text: '<!doctype html><html><body>Page</body></html>' },
    ];
    for (const input of inputs) {
      const report = await check(input);
      expect(report.verdict, JSON.stringify(input)).toBe('not-a-badge');
      expect(report.checks[0]).toMatchObject({ id: 'format', status: 'failure' });
    }
  });

  it('refuses a credential that is not valid against the OB 3.0 schema', async () => {
    const { credentialSubject: _gone, ...broken } = credential('plain');
    const report = await check({ text: JSON.stringify(broken) });
    expect(report.verdict).toBe('not-a-badge');
    const structure = only(report).checks[0];
    expect(structure).toMatchObject({ id: 'structure', status: 'failure' });
    expect(statusOf(only(report), 'proof')).toBe('skipped');
  });

  it('refuses an unsigned credential and an OB 2.0 signed assertion given as JSON', async () => {
    const { proof: _proof, ...unsigned } = credential('plain');
    expect(problemCodes(await check({ text: JSON.stringify(unsigned) }))).toEqual(['NO_PROOF']);
    expect(problemCodes(await check({ text: JSON.stringify(payloadOf(jws('plain'))) }))).toEqual([
      'OB2_SIGNED_NEEDS_JWS',
    ]);
  });

  it('reports a URL that cannot be fetched as an error', async () => {
    const report = await check({ url: `${SITE_ROOT}nulle-part.json` }, { allowUnknown: true });
    expect(report.verdict).toBe('error');
  });
});

describe('sessions', () => {
  it('a long-lived verifier fetches shared documents once and reuses proofs over identical bytes', async () => {
    const resolver = fakeResolver(fx);
    const verifier = createVerifier(resolver.resolve);
    for (const name of ['plain', 'explicit', 'plain'] as const) {
      expect((await verifier.verify({ text: credentialText(name) }, { now: NOW })).verdict).toBe('verified');
    }
    expect(resolver.asked.sort()).toEqual(
      [`${SITE_ROOT}issuers/lycee/did.json`, `${SITE_ROOT}issuers/lycee/status-list.json`].sort(),
    );
  });

  it('refuses a missing clock: that is a programming error', async () => {
    await expect(
      verifyBadge({ text: '{}' }, { resolver: fakeResolver(fx).resolve, now: new Date('nope') }),
    ).rejects.toMatchObject({ code: 'ERR_VERIFY_CLOCK' });
  });
});
