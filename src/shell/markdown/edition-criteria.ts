/**
 * A badge edition's criteria (Markdown written in the badge file, in the other language) as HTML, by the
 * same renderer and the same allowlist sanitizer as the badge's own criteria: Astro renders a content
 * file's body, but an edition's criteria are a front-matter value, so they are rendered here.
 */
import { markdownToHtml } from 'satteri';
import { CRITERIA_FEATURES, safeHtml } from './safe-html.ts';

// Astro's Markdown defaults (GFM, smart punctuation), as for the badge's own criteria.
const FEATURES = { gfm: true, smartPunctuation: true, frontmatter: false, ...CRITERIA_FEATURES };

// Every award page of a badge shows the same criteria: each text is rendered once per build.
const rendered = new Map<string, string>();

/** Sanitized HTML of an edition's criteria: only what the allowlist keeps can come out. */
export function renderEditionCriteria(markdown: string): string {
  let html = rendered.get(markdown);
  if (html === undefined) {
    html = markdownToHtml(markdown, { features: FEATURES, hastPlugins: [safeHtml] }).html;
    rendered.set(markdown, html);
  }
  return html;
}
