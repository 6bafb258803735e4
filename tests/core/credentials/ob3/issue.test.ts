/**
 * Signing end to end (DIGEST §4): the Data Integrity proof verifies with the key published in did.json,
 * the VC-JWT verifies with the bare JWK its `kid` names, tampering is detected, output is deterministic,
 * and a credential signed before a key rotation still verifies.
 */
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyDataIntegrity } from '../../../../src/core/credentials/data-integrity.ts';
import { toPublicJwk } from '../../../../src/core/credentials/jwk.ts';
import { findKey } from '../../../../src/core/credentials/keys.ts';
import { toDidDocument } from '../../../../src/core/credentials/ob3/did-document.ts';
import { issueOpenBadgeCredential } from '../../../../src/core/credentials/ob3/issue.ts';
import { keyFromDidDocument } from '../resolve.ts';
import { schemaErrors } from '../schema.ts';
import { makeSite, type Site } from '../site.ts';

let site: Site;
beforeAll(async () => {
  site = await makeSite();
});

const sourceOf = (name: keyof Site['awards']) => {
  const award = site.awards[name];
  return { issuer: site.issuer, badge: site.badgeOf(award), award, urls: site.urls };
};

/** What a verifier does with the bare JWK file a `kid` URL serves. */
async function verifyJwt(jwt: string) {
  const { kid } = decodeProtectedHeader(jwt);
  const key = site.issuer.keys.find(
    (candidate) => toPublicJwk(site.issuer, candidate, site.urls).kid === kid,
  );
  if (key === undefined) throw new Error(`no published JWK at ${kid}`);
  const jwk = toPublicJwk(site.issuer, key, site.urls);
  return compactVerify(jwt, await importJWK(jwk, jwk.alg));
}

describe('issueOpenBadgeCredential', () => {
  it('adds one eddsa-rdfc-2022 proof that verifies with the did.json key, and stays schema-valid', async () => {
    const did = toDidDocument(site.issuer, site.urls);
    for (const name of Object.keys(site.awards) as (keyof Site['awards'])[]) {
      const { credential } = await issueOpenBadgeCredential(sourceOf(name), site.signer);
      expect(schemaErrors(credential), name).toEqual([]);
      expect(credential.proof).toEqual([
        {
          type: 'DataIntegrityProof',
          cryptosuite: 'eddsa-rdfc-2022',
          created: credential.validFrom,
          verificationMethod: 'did:web:lycee-exemple.github.io:badges:issuers:lycee#ed25519-2026',
          proofPurpose: 'assertionMethod',
          proofValue: expect.stringMatching(/^z[1-9A-HJ-NP-Za-km-z]{86,88}$/),
        },
      ]);
      const method = credential.proof?.[0]?.verificationMethod ?? '';
      expect(method.split('#')[0]).toBe(credential.issuer.id); // controller = issuer id
      const result = await verifyDataIntegrity(credential, await keyFromDidDocument(did, method));
      expect(result.verified, name).toBe(true);
    }
  });

  it('makes a VC-JWT with header {alg, kid} and the registered claims, verifiable with the bare JWK', async () => {
    const { credential, jwt } = await issueOpenBadgeCredential(sourceOf('plain'), site.signer);
    expect(decodeProtectedHeader(jwt)).toEqual({
      alg: 'RS256',
      kid: 'https://lycee-exemple.github.io/badges/issuers/lycee/keys/rsa-2026.jwk.json',
    });
    const { payload } = await verifyJwt(jwt);
    const claims = JSON.parse(new TextDecoder().decode(payload));
    // The JWS is the payload's proof: the Data Integrity proof stays in the JSON form only.
    const { proof: _proof, ...unsecured } = credential;
    expect(claims).not.toHaveProperty('proof');
    expect(claims).toEqual({
      ...unsecured,
      iss: credential.issuer.id,
      jti: credential.id,
      sub: credential.credentialSubject.id,
      nbf: Date.UTC(2026, 2, 15) / 1000,
      exp: Date.UTC(2028, 2, 15) / 1000,
    });
    const { jwt: noExpiry } = await issueOpenBadgeCredential(sourceOf('revoked'), site.signer);
    expect(JSON.parse(new TextDecoder().decode((await verifyJwt(noExpiry)).payload))).not.toHaveProperty(
      'exp',
    );
  });

  it('detects a changed name in the credential and in the JWT', async () => {
    const { credential, jwt } = await issueOpenBadgeCredential(sourceOf('plain'), site.signer);
    const did = toDidDocument(site.issuer, site.urls);
    const key = await keyFromDidDocument(did, credential.proof?.[0]?.verificationMethod ?? '');
    const renamed = { ...credential, name: 'Badge falsifié' };
    expect(await verifyDataIntegrity(renamed, key)).toMatchObject({
      verified: false,
      code: 'ERR_DI_SIGNATURE',
    });
    const subject = credential.credentialSubject;
    const otherEarner = {
      ...credential,
      credentialSubject: { ...subject, achievement: { ...subject.achievement, name: 'Autre' } },
    };
    expect(await verifyDataIntegrity(otherEarner, key)).toMatchObject({ verified: false });

    const [header, payload, signature] = jwt.split('.');
    const claims = JSON.parse(new TextDecoder().decode(Buffer.from(payload ?? '', 'base64url')));
    const forged = Buffer.from(JSON.stringify({ ...claims, name: 'Badge falsifié' })).toString('base64url');
    await expect(verifyJwt(`${header}.${forged}.${signature}`)).rejects.toThrow(
      /signature verification failed/,
    );
  });

  it('is byte-identical across two runs with the same keys', async () => {
    const first = await issueOpenBadgeCredential(sourceOf('plain'), site.signer);
    const second = await issueOpenBadgeCredential(sourceOf('plain'), site.signer);
    expect(JSON.stringify(second.credential)).toBe(JSON.stringify(first.credential));
    expect(second.jwt).toBe(first.jwt);
    // Ed25519 keys come from fixed seeds, so the proof is reproducible across processes too.
    const again = await makeSite();
    const third = await issueOpenBadgeCredential(sourceOf('plain'), again.signer);
    expect(third.credential.proof).toEqual(first.credential.proof);
  });

  it('key rotation: did.json lists both keys, and a credential signed with the retired key still verifies', async () => {
    const did = toDidDocument(site.issuer, site.urls);
    expect(did.assertionMethod).toEqual([
      'did:web:lycee-exemple.github.io:badges:issuers:lycee#ed25519-2025',
      'did:web:lycee-exemple.github.io:badges:issuers:lycee#rsa-2025',
      'did:web:lycee-exemple.github.io:badges:issuers:lycee#ed25519-2026',
      'did:web:lycee-exemple.github.io:badges:issuers:lycee#rsa-2026',
    ]);
    const old = await issueOpenBadgeCredential(sourceOf('expired'), site.retiredSigner);
    const method = old.credential.proof?.[0]?.verificationMethod ?? '';
    expect(method).toBe('did:web:lycee-exemple.github.io:badges:issuers:lycee#ed25519-2025');
    expect(await verifyDataIntegrity(old.credential, await keyFromDidDocument(did, method))).toMatchObject({
      verified: true,
    });
    await expect(verifyJwt(old.jwt)).resolves.toBeDefined();
    // The new key does not verify the old proof: the method id, not luck, picks the key.
    const newKey = await keyFromDidDocument(did, `${did.id}#ed25519-2026`);
    expect(await verifyDataIntegrity(old.credential, newKey)).toMatchObject({ verified: false });
  });

  it('refuses a key id the issuer does not publish', async () => {
    const signer = { ...site.signer, ed25519: { ...site.signer.ed25519, keyId: 'ed25519-unknown' } };
    await expect(issueOpenBadgeCredential(sourceOf('plain'), signer)).rejects.toMatchObject({
      code: 'ERR_KEY_UNKNOWN',
    });
    expect(() => findKey(site.issuer, 'nope')).toThrow(/publishes no key "nope"/);
  });
});
