/**
 * The content check's view of badge criteria, from the renderer's own parser (Sätteri), so the check
 * reads the text exactly as the pages will: same Markdown, same MDX, same HTML parsing. Parsing never
 * evaluates anything; MDX code stays text in the tree.
 */
import { htmlToHast, markdownToHast, mdxToHast } from 'satteri';
import type { CriteriaParser } from '../../core/content/criteria-markup.ts';
import { CRITERIA_FEATURES } from './safe-html.ts';

// Astro's defaults for Markdown (GFM, smart punctuation), as the renderer applies them. The body comes
// after the front matter already: a second `---` block at its top is read as content, never skipped.
const RENDERED = { gfm: true, smartPunctuation: true, frontmatter: false };

export const criteriaParser: CriteriaParser = {
  parse: (body, format) =>
    format === 'mdx'
      ? mdxToHast(body, { features: RENDERED })
      : markdownToHast(body, { features: { ...RENDERED, rawHtml: false } }),
  parseRendered: (body, format) =>
    format === 'mdx'
      ? mdxToHast(body, { features: { ...RENDERED, ...CRITERIA_FEATURES }, position: false })
      : markdownToHast(body, { features: { ...RENDERED, ...CRITERIA_FEATURES }, position: false }),
  parseHtml: (fragment) => htmlToHast(fragment, { fragment: true }),
};
