/**
 * The linked content and URL authority for the pages, loaded once per build and shared by every route.
 */
import { formatProblems } from '../core/content/problems.ts';
import type { Model } from '../core/model/types.ts';
import { type SiteUrls, toSiteLocation, urlsFor } from '../core/urls.ts';
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

/** Loads the site once for a given location; later calls reuse it. */
export function getSite(site: URL | string | undefined, base: string, root = process.cwd()): Site {
  if (!site) throw new Error('astro.config.mjs must set `site`: every badge id is an absolute URL.');
  const key = `${root}|${String(site)}|${base}`;
  if (cached?.key === key) return cached.site;
  const day = today();
  const location = toSiteLocation(String(site), base);
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
