/**
 * The site's address (`site` in astro.config.mjs) is where every badge id, page address and did:web
 * identifier starts. Without it the build stops; `badges check` reports the same problem first.
 */
import { say } from '../messages/catalogue.ts';
import { type ContentProblem, said } from './problems.ts';

/** The problem of a project whose astro.config.mjs sets no `site`. */
export function siteProblem(): ContentProblem {
  return {
    file: 'astro.config.mjs',
    line: 0,
    field: 'site',
    ...said(say('site.missing'), say('site.missing.hint')),
  };
}
