/**
 * A published site as the oracles see it: its files by site path under its root URL, from a built folder
 * or from the emit stage's map. The oracles resolve URLs here with their own code (no Insigne module), so
 * a wrong id or a missing file shows as an unknown URL, never as a fetch.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PublishedSite {
  /** Absolute URL of the site root, with a trailing slash. */
  readonly root: string;
  /** The bytes at a site path (no leading slash), or undefined. */
  read(path: string): Uint8Array | undefined;
  /**
   * Documents other hosts publish, by URL: did:web endorsers' did.json, from the copies the project
   * pinned under content/endorsers/ (see `withEndorserDocuments`).
   */
  readonly elsewhere?: ReadonlyMap<string, string>;
}

/**
 * The site, plus the DID documents of its did:web endorsers, each at the URL the oracles' own did:web
 * reading (`didWebUrl`) gives its `id`: where the endorser publishes it.
 */
export function withEndorserDocuments(site: PublishedSite, documents: readonly string[]): PublishedSite {
  const elsewhere = new Map(
    documents.map((text) => [didWebUrl(String((JSON.parse(text) as { id?: unknown }).id)), text]),
  );
  return { root: site.root, read: (path) => site.read(path), elsewhere };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function siteFromDir(dir: string, root: string): PublishedSite {
  return {
    root,
    read: (path) => {
      const file = join(dir, path);
      return existsSync(file) ? new Uint8Array(readFileSync(file)) : undefined;
    },
  };
}

export function siteFromFiles(files: ReadonlyMap<string, string | Uint8Array>, root: string): PublishedSite {
  return {
    root,
    read: (path) => {
      const body = files.get(path);
      return typeof body === 'string' ? encoder.encode(body) : body;
    },
  };
}

export const textOf = (bytes: Uint8Array): string => decoder.decode(bytes);

/**
 * The URL a did:web DID resolves to (did:web method §3.2 Read): colons become slashes, `%3A` a port
 * colon, `https://` in front, `/.well-known` when there is no path, then `/did.json`.
 */
export function didWebUrl(did: string): string {
  const parts = did.slice('did:web:'.length).split(':').map(decodeURIComponent);
  const [host, ...path] = parts;
  return `https://${host}/${path.length === 0 ? '.well-known' : path.join('/')}/did.json`;
}

/** The site path of an absolute URL under the site's root, or undefined. */
export function sitePathOf(site: PublishedSite, url: string): string | undefined {
  if (!url.startsWith(site.root)) return undefined;
  const path = url.slice(site.root.length).split('#')[0] ?? '';
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** The parsed JSON a site URL serves, or undefined when the site has no such file. */
export function siteJson(site: PublishedSite, url: string): Record<string, unknown> | undefined {
  const other = site.elsewhere?.get(url);
  if (other !== undefined) return JSON.parse(other) as Record<string, unknown>;
  const path = sitePathOf(site, url);
  const bytes = path === undefined ? undefined : site.read(path);
  return bytes === undefined ? undefined : (JSON.parse(textOf(bytes)) as Record<string, unknown>);
}
