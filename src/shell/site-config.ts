/**
 * Where the site is published, for commands run outside a build: `site` and `base` read from
 * astro.config.mjs as written (plain string values), without evaluating the file (evaluating it would run
 * the integration, which takes the signing secret out of the environment). The build itself uses Astro's
 * resolved configuration.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Message, render, say } from '../core/messages/catalogue.ts';
import { type SiteLocation, toSiteLocation } from '../core/urls.ts';

export type SiteLocationResult =
  | { readonly ok: true; readonly location: SiteLocation }
  | { readonly ok: false; readonly reason: string; readonly says: Message };

const CONFIG = 'astro.config.mjs';

/**
 * The plain string value of `name:` at the start of a line (`  site: 'https://…',`), a trailing comment
 * allowed; undefined for anything computed (a variable, a `${…}` template), which only running the config
 * can tell.
 */
export function stringSetting(text: string, name: string): string | undefined {
  for (const line of text.split('\n')) {
    const trimmed = line.trimStart();
    if (!trimmed.startsWith(`${name}:`)) continue;
    const match = /^\s*(['"`])([^'"`\s$]*)\1\s*,?\s*(?:\/\/.*)?$/.exec(trimmed.slice(name.length + 1));
    if (match) return match[2];
  }
  return undefined;
}

const unknown = (says: Message) => ({ ok: false, reason: render(says, 'en'), says }) as const;

/** `site` and `base` of the project's astro.config.mjs. */
export function readSiteLocation(root: string): SiteLocationResult {
  let text: string;
  try {
    text = readFileSync(join(root, CONFIG), 'utf8');
  } catch {
    return unknown(say('siteConfig.unreadable', { file: CONFIG }));
  }
  const site = stringSetting(text, 'site');
  if (site === undefined || !URL.canParse(site)) {
    return unknown(say('siteConfig.noSite', { file: CONFIG }));
  }
  return { ok: true, location: toSiteLocation(site, stringSetting(text, 'base') ?? '/') };
}
