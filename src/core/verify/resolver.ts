/**
 * How the verifier reaches documents: an injected resolver (DESIGN §2: no network in the core). The shell
 * passes one over `fetch`, over a built site folder, or over the build's in-memory files; tests pass a fake
 * one. did:web identifiers are mapped to their `did.json` URL here (W3C did:web §Read, DIGEST §4.3).
 */

/** A successful resolution: the body bytes as served, and the media type when known. */
export interface Resolved {
  readonly ok: true;
  readonly url: string;
  readonly body: Uint8Array;
  readonly contentType?: string;
  readonly status?: number;
}

/** A failed resolution, with a reason a person can read; `status` when an HTTP answer was received. */
export interface Unresolved {
  readonly ok: false;
  readonly url: string;
  readonly reason: string;
  readonly status?: number;
  /**
   * The answer was refused for its size (over `MAX_INPUT_BYTES`, src/core/verify/limits.ts): the fault of
   * what is served, not of the network, so it is malformed input rather than an error to try again.
   */
  readonly tooLarge?: true;
}

export type Resolution = Resolved | Unresolved;

/** Fetches one URL (no fragment). Must not throw; a throwing resolver is treated as a failure anyway. */
export type Resolver = (url: string) => Promise<Resolution>;

/** The DID of a DID URL (`did:web:host:path#key` → `did:web:host:path`); any other URL without fragment. */
export function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/**
 * The `did.json` URL of a did:web DID (did:web §3.2 "Read"): colons become slashes, `%3A` in the host is a
 * port, no path means `/.well-known`. Returns undefined for anything that is not a well-formed did:web.
 */
export function didWebToUrl(did: string): string | undefined {
  const match = /^did:web:([^:#?/]+)((?::[^:#?/]+)*)$/.exec(did);
  if (match === null) return undefined;
  const host = decodeURIComponent(match[1] ?? '');
  if (!/^[A-Za-z0-9.-]+(:\d+)?$/.test(host)) return undefined;
  const segments = (match[2] ?? '').split(':').filter(Boolean);
  const path = segments.length === 0 ? '/.well-known' : `/${segments.join('/')}`;
  return `https://${host}${path}/did.json`;
}

/** The URL to fetch for a document or key id: did:web DIDs map to did.json, http(s) URLs lose their fragment. */
export function fetchableUrl(id: string): string | undefined {
  const base = withoutFragment(id);
  if (base.startsWith('did:web:')) return didWebToUrl(base);
  return /^https?:\/\//.test(base) ? base : undefined;
}

/** Media types by file extension, as static hosts (GitHub Pages) serve them. */
const MEDIA_TYPES: Record<string, string> = {
  json: 'application/json',
  jwt: 'application/jwt',
  jws: 'application/jose',
  png: 'image/png',
  svg: 'image/svg+xml',
  html: 'text/html',
};

/** The media type a static host gives a path, from its extension. */
export function mediaTypeOf(path: string): string | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : MEDIA_TYPES[extension];
}

const encoder = new TextEncoder();

/** Site files by site path: a Map, or anything that reads a file on demand. */
export interface SiteFileSource {
  get(path: string): string | Uint8Array | undefined;
}

/**
 * A resolver over a site's files held in memory (site path → body), for URLs under `siteRoot` (the site's
 * absolute URL with its base and a trailing slash). What the build's self-check uses: it verifies exactly
 * the bytes about to be published, before anything is written. Other URLs fail with a clear reason.
 */
export function createFilesResolver(files: SiteFileSource, siteRoot: string): Resolver {
  return async (url) => {
    if (!url.startsWith(siteRoot)) {
      return { ok: false, url, reason: `${url} is not part of the site ${siteRoot}, so it was not fetched.` };
    }
    let path: string;
    try {
      path = decodeURIComponent(url.slice(siteRoot.length));
    } catch {
      return { ok: false, url, reason: `${url} is not a valid URL.` };
    }
    const body = files.get(path);
    if (body === undefined) return { ok: false, url, status: 404, reason: `The site has no file ${path}.` };
    const contentType = mediaTypeOf(path);
    return {
      ok: true,
      url,
      body: typeof body === 'string' ? encoder.encode(body) : body,
      ...(contentType !== undefined && { contentType }),
    };
  };
}
