/**
 * The oracles can fail: each is shown an altered artefact of the generated site and must reject it, so a
 * passing oracle test means something. Among them, the VC-JWT payload in the form Insigne published before
 * (the JSON's Data Integrity proof beside the JWT claims), which both Data Integrity verifiers reject.
 */
import { createSign, generateKeyPairSync } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { didKeyOf } from '../../src/core/endorsements/document.ts';
import { ed25519 } from '../core/credentials/site.ts';
import { makeFixture, NOW, SITE_ROOT } from '../core/verify/fixture.ts';
import { verifyWithDcc } from './dcc.ts';
import { verifyWithDigitalBazaar } from './digitalbazaar.ts';
import { withEndorsements } from './endorsements.ts';
import { verifyJwtWithJsonwebtoken } from './jwt.ts';
import { createOfflineLoader, installOfflineFetch, type OfflineFetch } from './offline.ts';
import { siteFromFiles } from './published-site.ts';

const fx = await makeFixture();
const { id } = fx.awards.plain;
const credential = fx.json(`awards/${id}/credential.json`);
const token = fx.text(`awards/${id}/credential.jwt`);
const [header = '', payload = '', signature = ''] = token.split('.');
const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;

/** The site with some files replaced. */
const siteWith = (changes: Record<string, string>) => {
  const files = new Map(fx.files);
  for (const [path, body] of Object.entries(changes)) files.set(path, body);
  return siteFromFiles(files, SITE_ROOT);
};
const site = siteWith({});

let network: OfflineFetch;
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterAll(() => {
  vi.useRealTimers();
});

/** Runs `body` with the offline fetch over `over`, then checks it asked for nothing unknown. */
async function offline<T>(over: ReturnType<typeof siteWith>, body: () => Promise<T>): Promise<T> {
  network = installOfflineFetch(over);
  try {
    return await body();
  } finally {
    network.restore();
  }
}

describe('the Data Integrity oracles reject', () => {
  it("an endorsement whose comment was changed, or which names another endorser's did:key", async () => {
    const { model, paths } = await withEndorsements(fx);
    const endorsement = model.endorsements?.find((e) => e.path === paths[0])?.document ?? {};
    const subject = endorsement.credentialSubject as Record<string, unknown>;
    const changed = { ...endorsement, credentialSubject: { ...subject, endorsementComment: 'Changé.' } };
    const other = (await ed25519(77)).publicKeyBytes;
    const issuer = { ...(endorsement.issuer as Record<string, unknown>), id: didKeyOf(other) };
    const loader = createOfflineLoader(site);
    for (const altered of [changed, { ...endorsement, issuer }]) {
      expect(await verifyWithDigitalBazaar(altered, loader, NOW)).toMatchObject({ verdict: 'invalid' });
      expect((await offline(site, () => verifyWithDcc(altered))).verdict).toBe('invalid');
      expect(network.unknown).toEqual([]);
    }
    // The unchanged endorsement verifies with both, so the two refusals above are about the change.
    expect(await verifyWithDigitalBazaar(endorsement, loader, NOW)).toMatchObject({ verdict: 'verified' });
    expect((await offline(site, () => verifyWithDcc(endorsement))).verdict).toBe('verified');
  });

  it('a credential changed after signing', async () => {
    const altered = { ...credential, name: 'Badge robotique expert' };
    const loader = createOfflineLoader(site);
    expect(await verifyWithDigitalBazaar(altered, loader, NOW)).toMatchObject({ verdict: 'invalid' });
    expect((await offline(site, () => verifyWithDcc(altered))).verdict).toBe('invalid');
    expect(network.unknown).toEqual([]);
  });

  it('the old VC-JWT payload: the proof beside iss, jti, sub, nbf and exp covers another document', async () => {
    const { proof: _none, ...withoutProof } = claims;
    const oldPayload = { ...withoutProof, proof: credential.proof };
    const loader = createOfflineLoader(site);
    const bazaar = await verifyWithDigitalBazaar(oldPayload, loader, NOW);
    expect(bazaar.verdict).toBe('invalid');
    // JSON-LD safe mode: `jti` is defined in no context the credential uses.
    expect(bazaar.detail).toMatch(/Safe mode validation error/);
    const dcc = await offline(site, () => verifyWithDcc(oldPayload));
    expect(dcc).toMatchObject({
      verdict: 'invalid',
      detail: expect.stringMatching(/Safe mode validation error/),
    });
    expect(loader.unknown).toEqual([]);
  });

  it('a status list whose bits were changed (the revocation of another award hidden)', async () => {
    const list = fx.json('issuers/lycee/status-list.json') as { credentialSubject: { encodedList: string } };
    // A well-formed list with no bit set, under the list's original proof.
    const fresh = `u${gzipSync(new Uint8Array(131_072 / 8)).toString('base64url')}`;
    const tampered = { ...list, credentialSubject: { ...list.credentialSubject, encodedList: fresh } };
    const over = siteWith({ 'issuers/lycee/status-list.json': JSON.stringify(tampered) });
    const revoked = fx.json(`awards/${fx.awards.revoked.id}/credential.json`);
    expect(await verifyWithDigitalBazaar(revoked, createOfflineLoader(over), NOW)).toMatchObject({
      verdict: 'invalid',
      detail: expect.stringMatching(/"BitstringStatusListCredential" not verified/),
    });
    expect(await offline(over, () => verifyWithDcc(revoked))).toMatchObject({
      verdict: 'invalid',
      detail: expect.stringMatching(/status_list_signature_error/),
    });
  });
});

describe('the JWT oracle rejects', () => {
  it('a payload changed after signing', async () => {
    const forged = Buffer.from(JSON.stringify({ ...claims, name: 'Badge robotique expert' })).toString(
      'base64url',
    );
    const result = await verifyJwtWithJsonwebtoken(
      `${header}.${forged}.${signature}`,
      site,
      createOfflineLoader(site),
      NOW,
    );
    expect(result).toMatchObject({ verdict: 'invalid', detail: expect.stringMatching(/invalid signature/) });
  });

  it('a token signed by another key under the issuer kid', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const input = `${header}.${payload}`;
    const other = createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url');
    const result = await verifyJwtWithJsonwebtoken(`${input}.${other}`, site, createOfflineLoader(site), NOW);
    expect(result.verdict).toBe('invalid');
  });
});

describe('the offline documents', () => {
  it('refuse and record any URL that is neither on the site nor pinned', async () => {
    const loader = createOfflineLoader(site);
    await expect(loader.documentLoader('https://example.org/context.json')).rejects.toThrow(
      /nothing is fetched/,
    );
    await expect(loader.documentLoader('did:web:example.org#key-1')).rejects.toThrow(/nothing is fetched/);
    expect(loader.unknown).toEqual(['https://example.org/context.json', 'did:web:example.org#key-1']);
    const fetchStub = installOfflineFetch(site);
    try {
      await expect(fetch('https://example.org/registry.json')).rejects.toThrow(/nothing is fetched/);
      expect((await fetch(`${SITE_ROOT}awards/${id}/missing.json`)).status).toBe(404);
      expect(fetchStub.unknown).toEqual(['https://example.org/registry.json']);
    } finally {
      fetchStub.restore();
    }
  });
});
