/** VC-JWT claims and header (OB 3.0 §JSON Web Token Proof Format, DIGEST §4.1, §9.2). */
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { signVcJwt, toVcJwtPayload } from '../../../../src/core/credentials/ob3/vc-jwt.ts';
import { credentialOf as credentialOfSite, makeSite, type Site } from '../site.ts';

let site: Site;
beforeAll(async () => {
  site = await makeSite();
});

const credentialOf = (name: keyof Site['awards']) => credentialOfSite(site, name);

describe('toVcJwtPayload', () => {
  it('is the credential itself (no vc wrapper) followed by iss, jti, sub, nbf, exp', () => {
    const credential = credentialOf('expired');
    const payload = toVcJwtPayload(credential);
    expect(Object.keys(payload)).toEqual([...Object.keys(credential), 'iss', 'jti', 'sub', 'nbf', 'exp']);
    expect(payload).not.toHaveProperty('proof');
    expect(payload).not.toHaveProperty('vc');
    expect(payload).toMatchObject({
      iss: 'did:web:lycee-exemple.github.io:badges:issuers:lycee',
      jti: `urn:uuid:${site.awards.expired.id}`,
      sub: credential.credentialSubject.id,
      nbf: Date.UTC(2023, 1, 28) / 1000,
      exp: Date.UTC(2025, 1, 28) / 1000,
    });
  });

  it('leaves out a Data Integrity proof, which would not cover the payload with its claims', () => {
    const credential = credentialOf('plain');
    const proof = [
      {
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-rdfc-2022',
        created: credential.validFrom,
        verificationMethod: 'did:web:lycee-exemple.github.io:badges:issuers:lycee#ed25519-2026',
        proofPurpose: 'assertionMethod',
        proofValue: 'z1111',
      },
    ] as const;
    const proven = toVcJwtPayload({ ...credential, proof });
    expect(proven).not.toHaveProperty('proof');
    expect(proven).toEqual(toVcJwtPayload(credential));
  });

  it('needs a subject id for sub', () => {
    const credential = credentialOf('plain');
    const anonymous = { ...credential, credentialSubject: { ...credential.credentialSubject, id: '' } };
    expect(() => toVcJwtPayload(anonymous)).toThrow(expect.objectContaining({ code: 'ERR_JWT_NO_SUBJECT' }));
  });
});

describe('signVcJwt', () => {
  it('uses exactly {alg: RS256, kid} and is deterministic', async () => {
    const options = { privateKey: site.signer.rs256.privateKey, kid: 'https://example.org/k.jwk.json' };
    const jwt = await signVcJwt(credentialOf('plain'), options);
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'RS256', kid: 'https://example.org/k.jwk.json' });
    expect(jwt.split('.')[0]).toBe(
      Buffer.from('{"alg":"RS256","kid":"https://example.org/k.jwk.json"}').toString('base64url'),
    );
    expect(decodeJwt(jwt)).toEqual(toVcJwtPayload(credentialOf('plain')));
    expect(await signVcJwt(credentialOf('plain'), options)).toBe(jwt);
  });
});
