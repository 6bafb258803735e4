/** The issuer's did.json (DIGEST §4.3). */
import jsonld from 'jsonld';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentLoader } from '../../../../src/core/credentials/document-loader.ts';
import { toDidDocument } from '../../../../src/core/credentials/ob3/did-document.ts';
import { makeSite, type Site } from '../site.ts';

let site: Site;
beforeAll(async () => {
  site = await makeSite();
});

const DID = 'did:web:lycee-exemple.github.io:badges:issuers:lycee';

describe('toDidDocument', () => {
  it('lists every key with absolute DID URLs: Ed25519 as Multikey, RSA as JsonWebKey', () => {
    const did = toDidDocument(site.issuer, site.urls);
    expect(did.id).toBe(DID);
    expect(did['@context'].slice(0, 2)).toEqual([
      'https://www.w3.org/ns/did/v1',
      'https://w3id.org/security/multikey/v1',
    ]);
    expect(did.verificationMethod.map((method) => [method.id, method.type])).toEqual([
      [`${DID}#ed25519-2025`, 'Multikey'],
      [`${DID}#rsa-2025`, 'JsonWebKey'],
      [`${DID}#ed25519-2026`, 'Multikey'],
      [`${DID}#rsa-2026`, 'JsonWebKey'],
    ]);
    for (const method of did.verificationMethod) {
      expect(method.controller).toBe(DID);
      if (method.type === 'Multikey') expect(method.publicKeyMultibase).toMatch(/^z6Mk/);
      else expect(Object.keys(method.publicKeyJwk)).toEqual(['kty', 'n', 'e']);
    }
    expect(did.assertionMethod).toEqual(did.verificationMethod.map((method) => method.id));
  });

  it('is JSON-LD whose every term is defined (expands in safe mode over the pinned contexts)', async () => {
    const did = toDidDocument(site.issuer, site.urls);
    const expanded = await jsonld.expand(
      structuredClone(did) as never,
      { documentLoader, safe: true } as never,
    );
    const text = JSON.stringify(expanded);
    expect(text).toContain('https://w3id.org/security#publicKeyMultibase');
    expect(text).toContain('https://w3id.org/security#publicKeyJwk');
    expect(text).toContain('https://w3id.org/security#JsonWebKey');
    expect(text).toContain('https://w3id.org/security#assertionMethod');
  });

  it('leaves the JsonWebKey terms out when the issuer has no RSA key', () => {
    const edOnly = { ...site.issuer, keys: site.issuer.keys.filter((key) => key.algorithm === 'Ed25519') };
    expect(toDidDocument(edOnly, site.urls)['@context']).toHaveLength(2);
  });
});
