/**
 * The issuer's did:web DID document (W3C did:web §Read, DID Core §5, DIGEST §4.3): every published key,
 * active or retired, as a verification method with an absolute DID URL, all listed under
 * `assertionMethod` as strings (the form the 1EdTech validator resolves). Ed25519 keys are Multikey
 * values (VC-DI-EDDSA §2.1.1); RSA keys are JsonWebKey values (VC-JOSE-COSE §Controller Documents).
 */
import type { Issuer } from '../../model/types.ts';
import type { SiteUrls } from '../../urls.ts';
import { CONTEXT_URLS } from '../document-loader.ts';
import { rsaMembersOf } from '../jwk.ts';
import { ed25519PublicKeyOf, toEd25519Multikey } from '../multikey.ts';

/**
 * Terms for JsonWebKey verification methods, inline: the `https://w3id.org/security/jwk/v1` context is
 * not pinned, and these two IRIs are all it would contribute (Security Vocabulary `#JsonWebKey`,
 * `#publicKeyJwk` as a JSON literal).
 */
export const JSON_WEB_KEY_TERMS = {
  JsonWebKey: 'https://w3id.org/security#JsonWebKey',
  publicKeyJwk: { '@id': 'https://w3id.org/security#publicKeyJwk', '@type': '@json' },
} as const;

export type VerificationMethod =
  | {
      readonly id: string;
      readonly type: 'Multikey';
      readonly controller: string;
      readonly publicKeyMultibase: string;
    }
  | {
      readonly id: string;
      readonly type: 'JsonWebKey';
      readonly controller: string;
      readonly publicKeyJwk: { readonly kty: 'RSA'; readonly n: string; readonly e: string };
    };

export type DidDocument = {
  readonly '@context': readonly (string | typeof JSON_WEB_KEY_TERMS)[];
  readonly id: string;
  readonly verificationMethod: readonly VerificationMethod[];
  readonly assertionMethod: readonly string[];
};

/** The `did.json` served at `sitePaths.issuerDid`. */
export function toDidDocument(issuer: Issuer, urls: SiteUrls): DidDocument {
  const controller = urls.issuerDid(issuer.slug);
  const verificationMethod = issuer.keys.map((key): VerificationMethod => {
    const id = urls.keyDidUrl(issuer.slug, key.id);
    if (key.algorithm === 'Ed25519') {
      const publicKeyMultibase = toEd25519Multikey(ed25519PublicKeyOf(key.publicKeyJwk));
      return { id, type: 'Multikey', controller, publicKeyMultibase };
    }
    return { id, type: 'JsonWebKey', controller, publicKeyJwk: { kty: 'RSA', ...rsaMembersOf(key) } };
  });
  const hasRsa = issuer.keys.some((key) => key.algorithm === 'RS256');
  return {
    '@context': [CONTEXT_URLS.didV1, CONTEXT_URLS.multikeyV1, ...(hasRsa ? [JSON_WEB_KEY_TERMS] : [])],
    id: controller,
    verificationMethod,
    assertionMethod: verificationMethod.map((method) => method.id),
  };
}
