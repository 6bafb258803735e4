/**
 * Public keys as bare JWKs (RFC 7517 §4): what a VC-JWT `kid` URL serves (`sitePaths.keyJwk`, DIGEST
 * §4.1 "a single bare JWK object") and what the issuer-wide JWKS lists. Built from the committed public
 * members only, so a private member can never leak into them.
 */
import { InsigneError } from '../errors.ts';
import type { Issuer, PublicKey } from '../model/types.ts';
import { type SiteUrls, sitePaths } from '../urls.ts';

/** A bare public JWK with its intended use; RSA keys carry `n`/`e`, Ed25519 keys `crv`/`x`. */
export type BarePublicJwk =
  | {
      readonly kty: 'RSA';
      readonly n: string;
      readonly e: string;
      readonly alg: 'RS256';
      readonly use: 'sig';
      readonly kid: string;
    }
  | {
      readonly kty: 'OKP';
      readonly crv: 'Ed25519';
      readonly x: string;
      readonly alg: 'EdDSA';
      readonly use: 'sig';
      readonly kid: string;
    };

/** A JWK Set (RFC 7517 §5); each key names its issuer in `iss` (OB 3.0 impl. guide §Key provenance). */
export type JwkSet = { readonly keys: readonly (BarePublicJwk & { readonly iss: string })[] };

/** Absolute URL of the bare JWK file of a key: the VC-JWT `kid`. */
export function jwkUrl(issuer: Issuer, key: Pick<PublicKey, 'id'>, urls: SiteUrls): string {
  return urls.absolute(sitePaths.keyJwk(issuer.slug, key.id));
}

/** The RSA modulus and exponent of a committed RS256 key; `ERR_KEY_NOT_RSA` otherwise. */
export function rsaMembersOf(key: PublicKey): { readonly n: string; readonly e: string } {
  const { kty, n, e } = key.publicKeyJwk;
  if (key.algorithm !== 'RS256' || kty !== 'RSA' || n === undefined || e === undefined) {
    throw new InsigneError('ERR_KEY_NOT_RSA', `Key "${key.id}" is not an RS256 public JWK (kty RSA, n, e).`);
  }
  return { n, e };
}

/** The bare public JWK a `kid` URL serves: kty, key members, alg, use, kid. Never `d`. */
export function toPublicJwk(issuer: Issuer, key: PublicKey, urls: SiteUrls): BarePublicJwk {
  const kid = jwkUrl(issuer, key, urls);
  if (key.algorithm === 'RS256') {
    const { n, e } = rsaMembersOf(key);
    return { kty: 'RSA', n, e, alg: 'RS256', use: 'sig', kid };
  }
  const { kty, crv, x } = key.publicKeyJwk;
  if (kty !== 'OKP' || crv !== 'Ed25519' || x === undefined) {
    throw new InsigneError(
      'ERR_KEY_NOT_ED25519',
      `Key "${key.id}" is not an Ed25519 public JWK (kty OKP, crv, x).`,
    );
  }
  return { kty: 'OKP', crv: 'Ed25519', x, alg: 'EdDSA', use: 'sig', kid };
}

/** The JWKS of every published key (active and retired) of the given issuers, in content order. */
export function toJwks(issuers: readonly Issuer[], urls: SiteUrls): JwkSet {
  return {
    keys: issuers.flatMap((issuer) =>
      issuer.keys.map((key) => ({ ...toPublicJwk(issuer, key, urls), iss: urls.issuerDid(issuer.slug) })),
    ),
  };
}
