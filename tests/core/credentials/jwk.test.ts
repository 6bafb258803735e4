/** Bare public JWKs (what a VC-JWT kid serves) and the JWKS (DIGEST §4.1, §9.2). */
import { beforeAll, describe, expect, it } from 'vitest';
import { toJwks, toPublicJwk } from '../../../src/core/credentials/jwk.ts';
import { activeKey } from '../../../src/core/credentials/keys.ts';
import { makeSite, type Site } from './site.ts';

let site: Site;
beforeAll(async () => {
  site = await makeSite();
});

const DID = 'did:web:lycee-exemple.github.io:badges:issuers:lycee';

describe('bare JWKs and the JWKS', () => {
  it('serves kty/n/e plus alg, use and kid (its own URL), never a private member', () => {
    const key = activeKey(site.issuer, 'RS256');
    const jwk = toPublicJwk(site.issuer, key, site.urls);
    expect(Object.keys(jwk)).toEqual(['kty', 'n', 'e', 'alg', 'use', 'kid']);
    expect(jwk).toMatchObject({
      kty: 'RSA',
      alg: 'RS256',
      use: 'sig',
      kid: 'https://lycee-exemple.github.io/badges/issuers/lycee/keys/rsa-2026.jwk.json',
    });
    const ed = toPublicJwk(site.issuer, activeKey(site.issuer, 'Ed25519'), site.urls);
    expect(Object.keys(ed)).toEqual(['kty', 'crv', 'x', 'alg', 'use', 'kid']);
    const withPrivate = { ...key, publicKeyJwk: { ...key.publicKeyJwk, d: 'secret' } };
    expect(JSON.stringify(toPublicJwk(site.issuer, withPrivate, site.urls))).not.toContain('secret');
  });

  it('lists all published keys, retired included, each naming its issuer', () => {
    const jwks = toJwks([site.issuer], site.urls);
    expect(jwks.keys).toHaveLength(4);
    expect(new Set(jwks.keys.map((key) => key.iss))).toEqual(new Set([DID]));
    expect(JSON.stringify(jwks)).not.toMatch(/"d"|"p"|"q"/);
  });
});
