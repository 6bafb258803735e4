/**
 * The sanitizer of badge criteria in the page renderer: a Sätteri (Astro 7's Markdown and MDX processor)
 * HAST plugin that hands the whole tree to hast-util-sanitize with the shared allowlist
 * (src/core/content/criteria-policy.ts) and puts the clean tree in its place. Raw HTML is parsed into
 * elements first (`features.rawHtml`) so that it is judged like the rest.
 *
 * The content check refuses criteria this would change, so on a site that builds it removes nothing; it
 * stays as the line of defence that does not depend on the check having run.
 */
import { defineHastPlugin, type Features } from 'satteri';
import { sanitizeCriteria } from '../../core/content/criteria-policy.ts';

/** Parser features of criteria, shared by the renderer (astro.config.mjs) and the content check. */
export const CRITERIA_FEATURES = { rawHtml: true } as const satisfies Features;

export const safeHtml = defineHastPlugin({
  name: 'insigne-safe-html',
  after: (root, ctx) => {
    ctx.replaceNode(root, sanitizeCriteria(root));
  },
});
