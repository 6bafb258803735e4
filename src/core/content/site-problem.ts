/**
 * The site's address (`site` in astro.config.mjs) is where every badge id, page address and did:web
 * identifier starts. Without it the build stops; `badges check` reports the same problem first.
 */
import type { ContentProblem } from './problems.ts';

/** The problem of a project whose astro.config.mjs sets no `site`. */
export function siteProblem(): ContentProblem {
  return {
    file: 'astro.config.mjs',
    line: 0,
    field: 'site',
    message: "The site's address is not set: every badge id and page address is built from it.",
    hint: "Set `site` (and `base` for a project site) in astro.config.mjs, e.g. site: 'https://my-school.github.io', base: '/badges'.",
  };
}
