/**
 * Verifying before deploying: a resolver that reads a built site folder (`dist/`) for the URLs of the site,
 * so `badges verify --site-dir dist` checks a badge against the keys and lists about to be published. The
 * site's URL comes from astro.config.mjs (`site` + `base`), like every id in the build.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InsigneError } from '../../core/errors.ts';
import { toSiteLocation, urlsFor } from '../../core/urls.ts';
import { mediaTypeOf, type Resolver } from '../../core/verify/index.ts';
import { stringSetting } from '../site-config.ts';

/** A resolver serving `siteRoot` URLs (absolute, with the base and a trailing slash) from `distDir`. */
export function createSiteDirResolver(distDir: string, siteRoot: string): Resolver {
  const root = resolve(distDir);
  return async (url) => {
    if (!url.startsWith(siteRoot)) {
      return {
        ok: false,
        url,
        reason: `${url} is not part of the site ${siteRoot}; with --site-dir only the site's own files are read.`,
      };
    }
    const basePath = new URL(siteRoot).pathname;
    let path: string;
    try {
      const pathname = new URL(url).pathname;
      if (!pathname.startsWith(basePath)) throw new Error('outside');
      path = decodeURIComponent(pathname.slice(basePath.length));
    } catch {
      return { ok: false, url, reason: `${url} is not a URL of the site ${siteRoot}.` };
    }
    const file = resolve(root, path.endsWith('/') || path === '' ? join(path, 'index.html') : path);
    if (file !== root && !file.startsWith(`${root}${sep}`)) {
      return { ok: false, url, reason: `${url} points outside the site folder.` };
    }
    try {
      const body = new Uint8Array(await readFile(file));
      const contentType = mediaTypeOf(file);
      return { ok: true, url, body, ...(contentType !== undefined && { contentType }) };
    } catch {
      return {
        ok: false,
        url,
        status: 404,
        reason: `The built site has no file for ${url} (looked for ${file}).`,
      };
    }
  };
}

/**
 * The site's root URL (origin + base + `/`) from `<projectRoot>/astro.config.mjs`. Plain string literals
 * for `site` and `base` are read without running the config (importing it loads Astro, ~2 s); anything
 * else (an environment variable, a computed value) is read by importing the config.
 */
export async function loadSiteRoot(projectRoot: string): Promise<string> {
  const file = join(projectRoot, 'astro.config.mjs');
  const source = await readFile(file, 'utf8');
  let site = stringSetting(source, 'site');
  let base = stringSetting(source, 'base');
  const computed = (key: string) => new RegExp(`^\\s*${key}\\s*:`, 'm').test(source);
  if (site === undefined || (base === undefined && computed('base'))) {
    const config = (await import(pathToFileURL(file).href)) as { default?: { site?: string; base?: string } };
    site = config.default?.site;
    base = config.default?.base;
  }
  if (site === undefined) {
    throw new InsigneError(
      'ERR_SITE_UNKNOWN',
      `${file} sets no \`site\`: the site's URL is unknown. Set it.`,
    );
  }
  return urlsFor(toSiteLocation(site, base ?? '/')).absolute('');
}
