/**
 * The linked content and URL authority for the pages, loaded once per build and shared by every route.
 */
import { formatProblems } from '../core/content/problems.ts';
import type { Model } from '../core/model/types.ts';
import { type SiteLocation, type SiteUrls, toSiteLocation, urlsFor } from '../core/urls.ts';
import { loadContent, today } from './content.ts';

export interface Site {
  readonly model: Model;
  readonly urls: SiteUrls;
  /** The build's "today" (YYYY-MM-DD): statuses such as "expired" are computed against it. */
  readonly today: string;
  /** Signed with throwaway keys (no key configured): pages say so. Set by the integration. */
  readonly preview: boolean;
}

let cached: { key: string; site: Site } | undefined;

/**
 * Where the build's integration hands the pages the model it has just loaded and checked: Astro renders
 * the pages in the same process but from another module graph, so a module variable would not be shared.
 * Without it (`astro dev`, or a route loaded on its own) the pages load the content themselves.
 */
const HANDOFF = Symbol.for('insigne.site');

const keyOf = (root: string, location: SiteLocation) => `${root}|${location.origin}|${location.base}`;

/** Called by the integration once content and keys are loaded: the pages reuse this site as it is. */
export function shareSite(root: string, location: SiteLocation, site: Site): void {
  (globalThis as Record<symbol, unknown>)[HANDOFF] = { key: keyOf(root, location), site };
}

/** Where the integration tells the award routes which pages it took from the page cache. */
const REUSED = Symbol.for('insigne.reusedPages');

/** Called by the integration before Astro lists the pages (build/page-cache.ts). */
export function shareReusedPages(paths: ReadonlySet<string>): void {
  (globalThis as Record<symbol, unknown>)[REUSED] = paths;
}

/** Whether Astro renders the page at `path` (`awards/<id>/`): not when the page cache already holds it. */
export function rendersPage(path: string): boolean {
  const reused = (globalThis as Record<symbol, ReadonlySet<string> | undefined>)[REUSED];
  return reused?.has(path) !== true;
}

/** Loads the site once for a given location; later calls reuse it. */
export function getSite(site: URL | string | undefined, base: string, root = process.cwd()): Site {
  if (!site) throw new Error('astro.config.mjs must set `site`: every badge id is an absolute URL.');
  const location = toSiteLocation(String(site), base);
  const key = keyOf(root, location);
  if (cached?.key === key) return cached.site;
  const shared = (globalThis as Record<symbol, { key: string; site: Site } | undefined>)[HANDOFF];
  if (shared?.key === key) {
    cached = shared;
    return shared.site;
  }
  const day = today();
  const result = loadContent(root, day, undefined, location);
  if (!result.ok) throw new Error(formatProblems(result.problems));
  const value: Site = {
    model: result.model,
    urls: urlsFor(location),
    today: day,
    preview: process.env.INSIGNE_PREVIEW === '1',
  };
  cached = { key, site: value };
  return value;
}

/**
 * Whether the pages in the other interface language are built. Always, except in the benchmark's
 * comparison build (\`INSIGNE_BENCH_ONE_LANGUAGE=1\`), which measures what they cost.
 */
export function buildsSecondLanguage(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.INSIGNE_BENCH_ONE_LANGUAGE !== '1';
}
