/**
 * The verify page on any origin: opened from `npm run preview`, a staging host or the final site, it
 * checks the site's own badges against the documents next to it. Ids and keys in the badges name the
 * configured site address; when the page is served from another address, every URL under the configured
 * address is fetched from the same place under the serving one instead, and the page says so. Badges of
 * other sites are fetched from their own URLs, unchanged.
 */
import type { Resolver } from '../../core/verify/index.ts';

/** Where this copy of the site is served from: the verify page's own URL without `verify/…`. */
export function servedRootOf(pageUrl: string, verifyPath = 'verify/'): string {
  const url = new URL(pageUrl);
  const path = url.pathname;
  const at = path.lastIndexOf(`/${verifyPath}`);
  const base = at === -1 ? path.slice(0, path.lastIndexOf('/') + 1) : path.slice(0, at + 1);
  return `${url.origin}${base}`;
}

/** The address a document of the configured site is read from, when the site is served elsewhere. */
export function mirroredUrl(url: string, siteRoot: string, servedRoot: string): string {
  return siteRoot !== servedRoot && url.startsWith(siteRoot)
    ? `${servedRoot}${url.slice(siteRoot.length)}`
    : url;
}

/**
 * A resolver that reads the configured site's documents from the serving copy, and answers with the URL
 * that was asked for (the ids inside the documents are the configured site's).
 */
export function mirrorResolver(resolver: Resolver, siteRoot: string, servedRoot: string): Resolver {
  if (siteRoot === servedRoot) return resolver;
  return async (url) => {
    const resolution = await resolver(mirroredUrl(url, siteRoot, servedRoot));
    return { ...resolution, url };
  };
}
