/**
 * Content that tries to inject markup or script: names, narratives, evidence, badge text and criteria.
 * Built for real; everything must come out as text, and no emitted link may use a javascript: or data:
 * URL (the only data: URLs allowed are images the site itself generates).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectFromFixture } from '../helpers/fixtures.ts';
import { astroBuild, scratchProject } from '../helpers/project.ts';

let dist = '';
let pages: { path: string; html: string }[] = [];

beforeAll(() => {
  const root = scratchProject(join(projectFromFixture('injection'), 'content'));
  dist = join(root, 'dist');
  const run = astroBuild(root, dist, { INSIGNE_TODAY: '2026-11-28' });
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  pages = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => ({
      path: join(e.parentPath, e.name),
      html: readFileSync(join(e.parentPath, e.name), 'utf8'),
    }));
});

/** Every value of an attribute that a browser treats as a URL. */
function urlAttributes(html: string): string[] {
  return [
    ...html.matchAll(
      /\s(?:href|src|action|formaction|xlink:href|poster)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi,
    ),
  ].map((m) => m[2] ?? m[3] ?? m[4] ?? '');
}

const decode = (value: string) =>
  value
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&amp;/g, '&');

describe('injection', () => {
  it('renders a recipient named <script> as text on the award page', () => {
    const html = readFileSync(join(dist, 'awards/7a4c2e10-5b3d-4f8e-9c1a-2d3e4f5a6b7c/index.html'), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(4)&lt;/script&gt;');
  });

  it('emits no script element except the site’s own', () => {
    for (const { path, html } of pages) {
      // Attribute values are text (Astro escapes their quotes); only markup outside them can run.
      const markup = html.replace(/="[^"]*"/g, '=""');
      const scripts = [...markup.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1] ?? '');
      for (const body of scripts) expect(body, path).not.toMatch(/alert\(/);
      expect(markup, path).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
    }
  });

  it('emits no javascript:, vbscript: or data: link', () => {
    for (const { path, html } of pages) {
      for (const raw of urlAttributes(html)) {
        const value = decode(raw)
          // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers skip these in URL schemes.
          .replace(/[\u0000-\u0020]/g, '')
          .toLowerCase();
        expect(value, `${path}: ${raw}`).not.toMatch(/^(javascript|vbscript):/);
        if (value.startsWith('data:')) expect(value, path).toMatch(/^data:image\/(png|svg\+xml);base64,/);
      }
    }
  });

  it('keeps the badge name and alignment as text', () => {
    const html = readFileSync(join(dist, 'badges/piege/index.html'), 'utf8');
    expect(html).toContain('Piège &lt;em&gt;HTML&lt;/em&gt; &amp; &quot;guillemets&quot;');
    expect(html).toContain('&lt;b&gt;cible&lt;/b&gt;');
    expect(html).not.toContain('<script>alert(7)');
  });
});
