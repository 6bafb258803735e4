/**
 * A published site for the verifier tests, built by the real emit stage from the credential tests' synthetic
 * school (tests/core/credentials/site.ts), plus an attacker's site with its own valid keys. Documents come
 * from a fake resolver over those files that records every URL it does not know: tests assert it was asked
 * for none, so a test can never reach the network, and a wrong URL fails loudly.
 */
import { toPublicJwk } from '../../../src/core/credentials/jwk.ts';
import { toDidDocument } from '../../../src/core/credentials/ob3/did-document.ts';
import { type FileBody, toJsonFile, toSiteFiles } from '../../../src/core/emit/site-files.ts';
import type { Issuer, Model, PublicKey } from '../../../src/core/model/types.ts';
import { sitePaths, toSiteLocation, urlsFor } from '../../../src/core/urls.ts';
import { createFilesResolver, type Resolver } from '../../../src/core/verify/index.ts';
import { ed25519, makeSite, rsa, type Site } from '../credentials/site.ts';

/** The build day of the fixture site, and the instant its badges are checked at. */
export const TODAY = '2026-11-28';
export const NOW = new Date(`${TODAY}T00:00:00Z`);

export const SITE_ROOT = 'https://lycee-exemple.github.io/badges/';
export const ATTACKER_ROOT = 'https://attaquant.example/';

export interface Fixture extends Site {
  readonly model: Model;
  /** Site path → body, as the build emits them. */
  readonly files: Map<string, FileBody>;
  /** The attacker's files (absolute URL → body): a did.json and a JWK of keys that are valid, but not the issuer's. */
  readonly attacker: {
    readonly did: string;
    readonly ed25519: CryptoKey;
    readonly rsa: CryptoKey;
    readonly rsaJwk: JsonWebKey;
    readonly files: Map<string, string>;
  };
  /** The text of a site file. */
  text(path: string): string;
  /** A parsed JSON site file. */
  json(path: string): Record<string, unknown>;
}

export async function makeFixture(): Promise<Fixture> {
  const site = await makeSite();
  const model: Model = {
    issuers: new Map([[site.issuer.slug, site.issuer]]),
    badges: new Map(Object.values(site.badges).map((badge) => [badge.slug, badge])),
    awards: new Map(Object.values(site.awards).map((award) => [award.id, award])),
  };
  const files = await toSiteFiles({
    model,
    urls: site.urls,
    signers: new Map([[site.issuer.slug, site.signer]]),
    today: TODAY,
  });

  const attackerUrls = urlsFor(toSiteLocation(ATTACKER_ROOT));
  const ed = await ed25519(9);
  const rsaPair = await rsa();
  const rsaJwk: JsonWebKey = { kty: 'RSA', n: rsaPair.n, e: rsaPair.e };
  const rsaKey: PublicKey = {
    id: 'rsa-1',
    algorithm: 'RS256',
    created: '2026-01-01',
    publicKeyJwk: { kty: 'RSA', n: rsaPair.n, e: rsaPair.e },
  };
  const attackerIssuer: Issuer = {
    ...site.issuer,
    slug: 'faux',
    keys: [
      {
        id: 'ed25519-1',
        algorithm: 'Ed25519',
        created: '2026-01-01',
        publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: ed.x },
      },
      rsaKey,
    ],
  };
  const attackerFiles = new Map<string, string>([
    [
      attackerUrls.absolute(sitePaths.issuerDid('faux')),
      toJsonFile(toDidDocument(attackerIssuer, attackerUrls)),
    ],
    [
      attackerUrls.absolute(sitePaths.keyJwk('faux', 'rsa-1')),
      toJsonFile(toPublicJwk(attackerIssuer, rsaKey, attackerUrls)),
    ],
  ]);
  const text = (path: string) => {
    const body = files.get(path);
    if (typeof body !== 'string') throw new Error(`no text file ${path}`);
    return body;
  };
  return {
    ...site,
    model,
    files,
    attacker: {
      did: attackerUrls.issuerDid('faux'),
      ed25519: ed.privateKey,
      rsa: rsaPair.privateKey,
      rsaJwk,
      files: attackerFiles,
    },
    text,
    json: (path) => JSON.parse(text(path)) as Record<string, unknown>,
  };
}

export interface FakeResolver {
  readonly resolve: Resolver;
  /** Every URL asked for. */
  readonly asked: string[];
  /** URLs asked for that neither site has: a test expecting none asserts this is empty. */
  readonly unknown: string[];
}

/** A resolver over the fixture's site and the attacker's site; `overrides` replace or remove (null) files. */
export function fakeResolver(fixture: Fixture, overrides: Record<string, string | null> = {}): FakeResolver {
  const asked: string[] = [];
  const unknown: string[] = [];
  const site = createFilesResolver(fixture.files, SITE_ROOT);
  const encoder = new TextEncoder();
  const resolve: Resolver = async (url) => {
    asked.push(url);
    if (url in overrides) {
      const body = overrides[url];
      return body === null || body === undefined
        ? { ok: false, url, status: 404, reason: `${url}: 404 Not Found` }
        : { ok: true, url, body: encoder.encode(body), contentType: 'application/json' };
    }
    const attacker = fixture.attacker.files.get(url);
    if (attacker !== undefined)
      return { ok: true, url, body: encoder.encode(attacker), contentType: 'application/json' };
    const result = await site(url);
    if (!result.ok) unknown.push(url);
    return result;
  };
  return { resolve, asked, unknown };
}
