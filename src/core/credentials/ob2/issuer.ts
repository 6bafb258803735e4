/**
 * The issuer's OB 2.0 documents (OB 2.0 §Profile, §CryptographicKey, §RevocationList; DIGEST §1.2,
 * §1.7, §9.3): the hosted Profile, one CryptographicKey per RSA key, and the RevocationList that signed
 * assertions are checked against.
 */
import { exportSPKI, importJWK } from 'jose';
import type { Award, Issuer, PublicKey } from '../../model/types.ts';
import { awardUrn, type SiteUrls, sitePaths } from '../../urls.ts';
import { CONTEXT_URLS } from '../document-loader.ts';
import { rsaMembersOf } from '../jwk.ts';
import { issuerLogoUrl } from '../media.ts';
import type { CryptographicKey, Ob2Profile, RevocationList } from './types.ts';

/** Absolute URL of the OB 2.0 CryptographicKey document of a key (an Assertion's `creator`). */
export function cryptographicKeyUrl(issuer: Issuer, key: Pick<PublicKey, 'id'>, urls: SiteUrls): string {
  return urls.absolute(sitePaths.keyOb2(issuer.slug, key.id));
}

/**
 * The hosted OB 2.0 issuer Profile. `publicKey` lists every RSA key, retired ones included, since the
 * validator trusts only keys listed here (DIGEST §1.8 `verify_key_ownership`).
 */
export function toOb2Profile(issuer: Issuer, urls: SiteUrls): Ob2Profile {
  const logo = issuerLogoUrl(issuer, urls);
  const keys = issuer.keys
    .filter((key) => key.algorithm === 'RS256')
    .map((key) => cryptographicKeyUrl(issuer, key, urls));
  return {
    '@context': CONTEXT_URLS.ob2,
    type: 'Issuer',
    id: urls.absolute(sitePaths.issuerProfileOb2(issuer.slug)),
    name: issuer.name,
    url: issuer.url,
    email: issuer.email,
    description: issuer.description,
    ...(logo !== undefined && { image: logo }),
    ...(keys.length > 0 && { publicKey: keys }),
    revocationList: urls.absolute(sitePaths.revocationListOb2(issuer.slug)),
  };
}

/** The CryptographicKey document of an RSA key, its public key as SPKI PEM (what validators parse). */
export async function toCryptographicKey(
  issuer: Issuer,
  key: PublicKey,
  urls: SiteUrls,
): Promise<CryptographicKey> {
  const publicKey = await importJWK({ kty: 'RSA', ...rsaMembersOf(key) }, 'RS256', { extractable: true });
  return {
    '@context': CONTEXT_URLS.ob2,
    type: 'CryptographicKey',
    id: cryptographicKeyUrl(issuer, key, urls),
    owner: urls.absolute(sitePaths.issuerProfileOb2(issuer.slug)),
    publicKeyPem: await exportSPKI(publicKey as CryptoKey),
  };
}

/**
 * The issuer's RevocationList: every revoked award of `awards` by its signed-assertion id (`urn:uuid:…`),
 * sorted by id so the file does not depend on the order content was read in.
 */
export function toRevocationList(issuer: Issuer, awards: Iterable<Award>, urls: SiteUrls): RevocationList {
  const revoked = [...awards]
    .flatMap((award) =>
      award.revocation === undefined
        ? []
        : [{ id: awardUrn(award.id), revocationReason: award.revocation.reason }],
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    '@context': CONTEXT_URLS.ob2,
    type: 'RevocationList',
    id: urls.absolute(sitePaths.revocationListOb2(issuer.slug)),
    issuer: urls.absolute(sitePaths.issuerProfileOb2(issuer.slug)),
    revokedAssertions: revoked,
  };
}
