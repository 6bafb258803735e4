/**
 * OB 2.0 issuer documents (DIGEST §1.2, §9.3): the Profile (every RSA key, the revocation list) and the
 * RevocationList signed assertions are checked against.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { toOb2Profile, toRevocationList } from '../../../../src/core/credentials/ob2/issuer.ts';
import { makeSite, type Site } from '../site.ts';

let site: Site;
beforeAll(async () => {
  site = await makeSite();
});

describe('OB 2.0 issuer Profile', () => {
  it('has the issuer fields, every RSA key and the revocation list', () => {
    const profile = toOb2Profile(site.issuer, site.urls);
    expect(profile).toEqual({
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Issuer',
      id: 'https://lycee-exemple.github.io/badges/issuers/lycee/ob2-profile.json',
      name: 'Lycée Exemple',
      url: 'https://lycee-exemple.fr',
      email: 'badges@lycee-exemple.fr',
      description: 'Un lycée qui délivre des badges.',
      image: 'https://lycee-exemple.github.io/badges/issuers/lycee/logo.svg',
      publicKey: [
        'https://lycee-exemple.github.io/badges/issuers/lycee/keys/rsa-2025.json',
        'https://lycee-exemple.github.io/badges/issuers/lycee/keys/rsa-2026.json',
      ],
      revocationList: 'https://lycee-exemple.github.io/badges/issuers/lycee/revocations-ob2.json',
    });
    expect(profile.email).toMatch(/^[^@\s]+@[^@\s]+$/);
  });

  it('lists revoked awards in the RevocationList by their signed id', () => {
    const list = toRevocationList(site.issuer, Object.values(site.awards).reverse(), site.urls);
    expect(list).toEqual({
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'RevocationList',
      id: 'https://lycee-exemple.github.io/badges/issuers/lycee/revocations-ob2.json',
      issuer: toOb2Profile(site.issuer, site.urls).id,
      revokedAssertions: [
        { id: `urn:uuid:${site.awards.revoked.id}`, revocationReason: 'Attribué par erreur' },
      ],
    });
    expect(JSON.stringify(toRevocationList(site.issuer, Object.values(site.awards), site.urls))).toBe(
      JSON.stringify(list),
    );
  });
});
