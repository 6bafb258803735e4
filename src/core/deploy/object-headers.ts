/**
 * What an object store must answer for each file of a built site (docs/deploy.md, "Large sites"):
 * GitHub Pages picks content types from file extensions; an S3 bucket serves whatever type each object
 * was uploaded with (`binary/octet-stream` when none was given), and verifiers, wallets and browsers
 * read a document by its type. So the uploader gives each object:
 * - a `Content-Type`: JSON-LD documents (a JSON file whose first member is `@context`: credentials,
 *   achievements, profiles, did.json, status lists, OB 2.0 assertions, badge classes, keys and
 *   revocation lists) as `application/ld+json`, other JSON (bare JWKs, the JWKS, the build manifest)
 *   as `application/json`, the compact JWS and JWT files as `text/plain`, text with `charset=utf-8`;
 * - a `Cache-Control`: files named by a content hash (`_astro/`) forever; the documents that say
 *   whether a badge still verifies (status and revocation lists, hosted assertions, keys, did.json,
 *   profiles) and the pages for 5 minutes, so a revocation or a compromised key shows within minutes
 *   through the CDN; everything else for an hour (it changes only when its award or badge does).
 * And an upload order: issuer documents first (a new key is published before anything it signed),
 * then the other data files, the pages, and the build manifest last.
 */

export interface ObjectHeaders {
  readonly contentType: string;
  readonly cacheControl: string;
}

const TEXT = '; charset=utf-8';

/** Content types by extension; JSON is decided by its content (`contentTypeOf`). */
const TYPES: Readonly<Record<string, string>> = {
  html: `text/html${TEXT}`,
  css: `text/css${TEXT}`,
  js: `text/javascript${TEXT}`,
  mjs: `text/javascript${TEXT}`,
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  jwt: `text/plain${TEXT}`,
  jws: `text/plain${TEXT}`,
  txt: `text/plain${TEXT}`,
  xml: `application/xml${TEXT}`,
  webmanifest: `application/manifest+json${TEXT}`,
};

export const SHORT_CACHE = 'public, max-age=300';
export const HOUR_CACHE = 'public, max-age=3600';
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

const extensionOf = (path: string): string => {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
};

/** Whether JSON text starts with an `@context` member: only its first bytes are looked at. */
export function isJsonLd(head: string): boolean {
  return /^\s*\{\s*"@context"\s*:/.test(head.slice(0, 256));
}

/** The Content-Type of a site file; `head` is the start of its text (for JSON files). */
export function contentTypeOf(path: string, head = ''): string {
  const extension = extensionOf(path);
  if (extension === 'json') return isJsonLd(head) ? 'application/ld+json' : 'application/json';
  return TYPES[extension] ?? 'application/octet-stream';
}

/** Paths whose content decides, within minutes, whether a badge verifies or what a page says. */
function changesVerdicts(path: string): boolean {
  return (
    extensionOf(path) === 'html' ||
    path === 'insigne-build.json' ||
    path.startsWith('.well-known/') ||
    path.endsWith('/assertion.json') ||
    (path.startsWith('issuers/') && extensionOf(path) === 'json')
  );
}

/** The Cache-Control of a site file; see the module comment. */
export function cacheControlOf(path: string): string {
  if (path.startsWith('_astro/')) return IMMUTABLE_CACHE;
  return changesVerdicts(path) ? SHORT_CACHE : HOUR_CACHE;
}

export function objectHeaders(path: string, head = ''): ObjectHeaders {
  return { contentType: contentTypeOf(path, head), cacheControl: cacheControlOf(path) };
}

/** Files a static host needs and an object store does not (GitHub Pages' Jekyll switch). */
export function isHostOnly(path: string): boolean {
  return path === '.nojekyll';
}

/** Upload rank: issuer documents (0), other data (1), pages (2), then the manifest (3). */
export function uploadRank(path: string): number {
  if (path === 'insigne-build.json') return 3;
  if (extensionOf(path) === 'html') return 2;
  if (path.startsWith('issuers/') || path.startsWith('.well-known/')) return 0;
  return 1;
}

/** The files in upload order (see the module comment), in path order within each rank. */
export function uploadOrder(paths: readonly string[]): string[] {
  return paths
    .filter((path) => !isHostOnly(path))
    .map((path) => [uploadRank(path), path] as const)
    .sort(([ra, a], [rb, b]) => ra - rb || (a < b ? -1 : a > b ? 1 : 0))
    .map(([, path]) => path);
}
