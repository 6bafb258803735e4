/**
 * The allowlist as the page renderer applies it: the Markdown renderer's trees in, the sanitizer's out.
 * Whatever can run or fetch goes; what criteria are made of stays exactly as it was.
 */
import { toHtml } from 'hast-util-to-html';
import { markdownToHast, mdxToHast } from 'satteri';
import { describe, expect, it } from 'vitest';
import {
  isCommentExpression,
  isComponentName,
  sanitizeCriteria,
} from '../../../src/core/content/criteria-policy.ts';

const markdown = (text: string) =>
  toHtml(sanitizeCriteria(markdownToHast(text, { features: { rawHtml: true }, position: false })));
const mdx = (text: string) => toHtml(sanitizeCriteria(mdxToHast(text, { position: false })));

describe('sanitizeCriteria', () => {
  it('keeps Markdown structure, task lists, aligned tables and footnotes as they are', () => {
    const text = '- [x] fait\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\nNote[^1].\n\n[^1]: Texte.\n';
    const unsanitized = toHtml(
      markdownToHast(text, { features: { rawHtml: true }, position: false }) as never,
    );
    expect(markdown(text)).toBe(unsanitized);
    expect(markdown(text)).toContain('<td style="text-align: right">2</td>');
    expect(markdown(text)).toContain('<input type="checkbox" checked disabled>');
    expect(markdown(text)).toContain('id="user-content-fn-1"');
  });

  it('removes handlers, scripts, svg, math, styles, frames and unsafe links', () => {
    const html = markdown(
      '<xss-el autofocus onfocus="alert(1)">x</xss-el> <svg><a><animate values="javascript:alert(2)"/></a></svg>\n' +
        '<math><maction xlink:href="javascript:alert(3)">m</maction></math> <script>alert(4)</script>\n\n' +
        '<iframe src="https://example.org"></iframe>\n\n[l](javascript:alert(5)) <a href="https://example.org" onclick="alert(6)">ok</a>\n\n' +
        '<span style="background: red">s</span> <img src="https://example.org/a.png" onerror="alert(7)">\n',
    );
    expect(html).not.toMatch(/alert|<(svg|math|script|iframe|img|xss-el)\b|style=|javascript:/);
    expect(html).toContain('<a href="https://example.org">ok</a>');
    expect(html).toContain('x');
  });

  it('turns literal lowercase MDX elements into HTML and drops code, components and expressions', () => {
    const html = mdx(
      'export const a = 1\n\nSigle <abbr title="Fablab">FL</abbr> {a} <Note>n</Note> <em title={a}>e</em> <b onClick="alert(1)">b</b>\n',
    );
    expect(html.trim()).toBe('<p>Sigle <abbr title="Fablab">FL</abbr>    <b>b</b></p>');
  });
});

describe('names and comments', () => {
  it('tells components from HTML elements as JSX does', () => {
    expect(['Note', 'ui.note', '_x'].map(isComponentName)).toEqual([true, true, true]);
    expect(['abbr', 'xss-el', 'svg:rect'].map(isComponentName)).toEqual([false, false, false]);
  });

  it('takes only a lone comment for a comment', () => {
    expect(isCommentExpression(' /* note */ ')).toBe(true);
    expect(isCommentExpression('/* a */ b /* c */')).toBe(false);
    expect(isCommentExpression('/* a */ alert(1)')).toBe(false);
  });
});
