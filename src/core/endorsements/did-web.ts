/**
 * An endorser with a web site, identified by a did:web (W3C did:web §3.1 "Create", §3.2 "Read"): the DID
 * derived from their https address, the DID document they publish at its did.json URL, and the pinned copy
 * of that document an administrator commits under `content/endorsers/`. `badges check` and the build read
 * an endorser's did:web only from that copy (DESIGN §5: no network at build time); the verifier fetches it
 * from the endorser's site like an issuer's did:web.
 */
import { CONTEXT_URLS } from '../credentials/document-loader.ts';
import type { JsonObject } from '../credentials/json.ts';
import { toEd25519Multikey } from '../credentials/multikey.ts';
import { type Message, say } from '../messages/catalogue.ts';
import { didWebToUrl } from '../verify/resolver.ts';

/** Where pinned copies live: `content/endorsers/<host>[/<path>…]/did.json`, the did.json URL's own shape. */
export const PINNED_DIR = 'content/endorsers/';
const DID_FILE = 'did.json';

export type DidWebOfUrl =
  | { readonly ok: true; readonly did: string; readonly documentUrl: string }
  | { readonly ok: false; readonly reason: Message };

/**
 * The did:web of an https address (did:web §3.1): the host (a port as `%3A<port>`), then each path segment
 * after a colon; `https://example.org/people/ana` → `did:web:example.org:people:ana`. A trailing
 * `/did.json` or `/.well-known/did.json` (the document's own URL, pasted) is taken off. Refuses what
 * did:web cannot express or should not carry: http, a query or fragment, user credentials, an IP v6 host.
 */
export function didWebOfUrl(text: string): DidWebOfUrl {
  const value = text.trim();
  if (!URL.canParse(value)) return { ok: false, reason: say('didWeb.url.invalid') };
  const url = new URL(value);
  if (url.protocol !== 'https:') return { ok: false, reason: say('didWeb.url.notHttps') };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: say('didWeb.url.credentials') };
  if (url.search !== '' || url.hash !== '' || /[?#]/.test(value))
    return { ok: false, reason: say('didWeb.url.query') };
  let segments = url.pathname.split('/').filter((segment) => segment !== '');
  if (segments.at(-1) === DID_FILE) segments = segments.slice(0, -1);
  if (segments.length === 1 && segments[0] === '.well-known') segments = [];
  const host = url.port === '' ? url.hostname : `${url.hostname}%3A${url.port}`;
  // A colon inside a segment would read as a separator (did:web §3.1: "percent-encoded").
  const did = `did:web:${[host, ...segments.map((segment) => segment.replace(/:/g, '%3A'))].join(':')}`;
  const documentUrl = didWebToUrl(did);
  if (documentUrl === undefined) return { ok: false, reason: say('didWeb.url.host') };
  return { ok: true, did, documentUrl };
}

/** The verification method of an endorser's Ed25519 key in their did:web: `did:web:…#z6Mk…`. */
export function didWebMethodOf(did: string, publicKey: Uint8Array): string {
  return `${did}#${toEd25519Multikey(publicKey)}`;
}

/**
 * The DID document an endorser publishes (DID Core §5): their one Ed25519 key as a Multikey verification
 * method (VC-DI-EDDSA §2.1.1), controlled by the DID and listed under `assertionMethod`, which is what a
 * verifier requires of the key of an endorsement's proof. Public key only.
 */
export function toEndorserDidDocument(did: string, publicKey: Uint8Array): JsonObject {
  const id = didWebMethodOf(did, publicKey);
  return {
    '@context': [CONTEXT_URLS.didV1, CONTEXT_URLS.multikeyV1],
    id: did,
    verificationMethod: [
      { id, type: 'Multikey', controller: did, publicKeyMultibase: toEd25519Multikey(publicKey) },
    ],
    assertionMethod: [id],
  };
}

/** The path of a did:web's pinned copy: `did:web:example.org:people:ana` → `content/endorsers/example.org/people/ana/did.json`. */
export function pinnedPathOf(did: string): string {
  return `${PINNED_DIR}${did.slice('did:web:'.length).split(':').join('/')}/${DID_FILE}`;
}

/** The did:web a pinned copy's path stands for, or undefined when the path is not of that shape. */
export function didOfPinnedPath(path: string): string | undefined {
  if (!path.startsWith(PINNED_DIR) || !path.endsWith(`/${DID_FILE}`)) return undefined;
  const middle = path.slice(PINNED_DIR.length, -(DID_FILE.length + 1));
  if (middle === '' || middle.split('/').some((segment) => segment === '' || segment.includes(':')))
    return undefined;
  const did = `did:web:${middle.split('/').join(':')}`;
  return didWebToUrl(did) === undefined ? undefined : did;
}
