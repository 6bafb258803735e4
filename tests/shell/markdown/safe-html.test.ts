/**
 * The renderer's sanitizer plugin on its own, as a second line behind the content check: the MDX leak
 * probe of issue 12 compiled with it keeps no code, and the Markdown payloads keep no handler. Without the
 * plugin the same sources do compile to code and handlers, so these tests can tell.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { CRITERIA_FEATURES, safeHtml } from '../../../src/shell/markdown/safe-html.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const body = (path: string) =>
  readFileSync(join(FIXTURES, path), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
const leak = body('malformed/mdx-export/content/badges/club-robotique.mdx');
const payloads = body('content/criteria-scripts/content/badges/piege-criteres.md');

const compile = (source: string, plugins: (typeof safeHtml)[]) =>
  mdxToJs(source, { features: CRITERIA_FEATURES, hastPlugins: plugins, jsxImportSource: 'astro' }).code;

describe('the criteria sanitizer in the renderer', () => {
  it('compiles the MDX leak probe to a page without its export or expression', () => {
    expect(compile(leak, [])).toContain('getBuiltinModule');
    const code = compile(leak, [safeHtml]);
    expect(code).not.toMatch(/getBuiltinModule|readFileSync|\bleak\b/);
    expect(code).toContain('vingt séances');
  });

  it('renders the script payloads without any handler, script or javascript: address', () => {
    const render = (plugins: (typeof safeHtml)[]) =>
      markdownToHtml(payloads, { features: CRITERIA_FEATURES, hastPlugins: plugins }).html;
    expect(render([])).toMatch(/onfocus=/);
    const html = render([safeHtml]);
    expect(html).not.toMatch(/\son[a-z]+=|javascript:|<(script|svg|math|iframe|style|form|img|marquee)\b/i);
    expect(html).toContain('élément inventé');
  });
});
