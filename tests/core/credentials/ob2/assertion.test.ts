/**
 * OB 2.0 Assertions against the rules the reference validator (1EdTech openbadges-validator-core) applies,
 * as the DIGEST (§1.4–§1.8, §9.3) records them: required fields, IRIs, datetimes, hosted scope, and the
 * signed form verified the way the validator does it (creator → CryptographicKey → SPKI PEM → RS256).
 */
import { compactVerify, decodeProtectedHeader, importSPKI } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { activeKey } from '../../../../src/core/credentials/keys.ts';
import {
  signAssertion,
  toHostedAssertion,
  toRevokedAssertion,
  toSignedAssertion,
} from '../../../../src/core/credentials/ob2/assertion.ts';
import { toCryptographicKey, toOb2Profile } from '../../../../src/core/credentials/ob2/issuer.ts';
import { matchesIdentity } from '../../../../src/core/identity/email.ts';
import { makeSite, type Site } from '../site.ts';

/** validator-core `is_iri`: http(s) URL, blank node, or urn:uuid with a v1–v5 UUID. */
const IRI =
  /^(https?:\/\/[^\s]+|_:.+|urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$/i;
/** validator-core `_validate_datetime`: ISO 8601 ending in Z, ±hhmm, ±hh or ±hh:mm. */
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)$/;
/** validator-core JWS input detection. */
const JWS = /^[A-z0-9\-=]+.[A-z0-9\-=]+.[A-z0-9\-_=]+$/;

let site: Site;
beforeAll(async () => {
  site = await makeSite();
});

const sourceOf = (name: keyof Site['awards']) => {
  const award = site.awards[name];
  return { issuer: site.issuer, badge: site.badgeOf(award), award, urls: site.urls };
};

describe('OB 2.0 hosted Assertion', () => {
  it('passes the validator class checks for every award', () => {
    for (const name of Object.keys(site.awards) as (keyof Site['awards'])[]) {
      const assertion = toHostedAssertion(sourceOf(name));
      expect(assertion.id, name).toMatch(IRI);
      expect(assertion.type).toBe('Assertion');
      expect(assertion.issuedOn).toMatch(DATETIME);
      if (assertion.expires !== undefined) expect(assertion.expires >= assertion.issuedOn).toBe(true);
      expect(assertion.image).toMatch(/^https:/);
      expect(assertion.recipient.identity).toMatch(/^sha256\$[\da-fA-F]{64}$/);
      expect(assertion.verification).toEqual({ type: 'hosted' });
    }
  });

  it('is hosted at its id, on the issuer Profile origin, with the recipient, dates and evidence', () => {
    const assertion = toHostedAssertion(sourceOf('plain'));
    expect(assertion).toMatchObject({
      '@context': 'https://w3id.org/openbadges/v2',
      id: `https://lycee-exemple.github.io/badges/awards/${site.awards.plain.id}/assertion.json`,
      badge: 'https://lycee-exemple.github.io/badges/badges/robotique/badgeclass.json',
      issuedOn: '2026-03-15T00:00:00+00:00',
      expires: '2028-03-15T00:00:00+00:00',
      image: `https://lycee-exemple.github.io/badges/awards/${site.awards.plain.id}/badge.png`,
      narrative: 'Travail remarquable.',
      evidence: [
        { type: 'Evidence', id: 'https://example.org/projets/robot', name: 'Robot suiveur de ligne' },
        { type: 'Evidence', narrative: 'A présenté le robot au salon.' },
      ],
    });
    expect(new URL(assertion.id).host).toBe(new URL(toOb2Profile(site.issuer, site.urls).id).host);
    expect(assertion.recipient).toMatchObject({
      type: 'email',
      hashed: true,
      salt: site.awards.plain.recipient.salt,
    });
    expect(
      matchesIdentity('ada@example.org', {
        identity: assertion.recipient.identity,
        salt: assertion.recipient.salt,
      }),
    ).toBe(true);
    expect(toHostedAssertion(sourceOf('revoked'))).not.toHaveProperty('expires');
  });

  it('is replaced by a revoked body once revoked', () => {
    expect(toRevokedAssertion(site.awards.revoked, site.urls)).toEqual({
      '@context': 'https://w3id.org/openbadges/v2',
      id: toHostedAssertion(sourceOf('revoked')).id,
      revoked: true,
      revocationReason: 'Attribué par erreur',
    });
    expect(() => toRevokedAssertion(site.awards.plain, site.urls)).toThrow(
      expect.objectContaining({ code: 'ERR_AWARD_NOT_REVOKED' }),
    );
  });
});

describe('OB 2.0 signed Assertion', () => {
  it('is a JWS {alg: RS256} over the assertion with a urn:uuid v4 id and a creator', async () => {
    const key = activeKey(site.issuer, 'RS256');
    const assertion = toSignedAssertion(sourceOf('plain'), key.id);
    expect(assertion.id).toBe(`urn:uuid:${site.awards.plain.id}`);
    expect(assertion.id).toMatch(IRI);
    expect(assertion.verification).toEqual({
      type: 'SignedBadge',
      creator: 'https://lycee-exemple.github.io/badges/issuers/lycee/keys/rsa-2026.json',
    });
    const jws = await signAssertion(assertion, site.signer.rs256.privateKey);
    expect(jws).toMatch(JWS);
    expect(decodeProtectedHeader(jws)).toEqual({ alg: 'RS256' });
    expect(await signAssertion(assertion, site.signer.rs256.privateKey)).toBe(jws);
  });

  it('verifies like the validator does: creator in the Profile, its SPKI PEM, RS256', async () => {
    const key = activeKey(site.issuer, 'RS256');
    const jws = await signAssertion(
      toSignedAssertion(sourceOf('plain'), key.id),
      site.signer.rs256.privateKey,
    );
    const payload = JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8'));
    const profile = toOb2Profile(site.issuer, site.urls);
    expect(profile.publicKey).toContain(payload.verification.creator);

    const document = await toCryptographicKey(site.issuer, key, site.urls);
    expect(document).toMatchObject({
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'CryptographicKey',
      id: payload.verification.creator,
      owner: profile.id,
    });
    expect(document.publicKeyPem).toMatch(
      /^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n?$/,
    );
    const { payload: verified } = await compactVerify(jws, await importSPKI(document.publicKeyPem, 'RS256'));
    expect(JSON.parse(new TextDecoder().decode(verified))).toEqual(payload);

    const retired = site.issuer.keys.find((candidate) => candidate.id === 'rsa-2025');
    if (retired === undefined) throw new Error('fixture lost its retired key');
    const otherPem = (await toCryptographicKey(site.issuer, retired, site.urls)).publicKeyPem;
    await expect(compactVerify(jws, await importSPKI(otherPem, 'RS256'))).rejects.toThrow();
  });
});
