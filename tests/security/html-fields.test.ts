/**
 * Badge criteria are the only content the pages render as HTML (through the sanitizer, src/shell/markdown);
 * every other field (names, descriptions, narratives, evidence, alignments) is an Astro expression, which
 * Astro escapes. A page, layout or component that injected raw HTML would bypass both; none may.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/project.ts';

const templates = ['src/pages', 'src/layouts', 'src/components'].flatMap((dir) =>
  readdirSync(join(PROJECT_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.astro'))
    .map((e) => join(e.parentPath, e.name)),
);

describe('content rendered as HTML', () => {
  it('finds the templates', () => {
    expect(templates.length).toBeGreaterThanOrEqual(8);
  });

  it('comes only from rendered criteria, never from set:html or innerHTML', () => {
    const raw: string[] = [];
    const rendered: string[] = [];
    for (const path of templates) {
      const text = readFileSync(path, 'utf8');
      if (/set:html|innerHTML|outerHTML|insertAdjacentHTML|Fragment\s+set:/.test(text))
        raw.push(path.slice(PROJECT_ROOT.length + 1));
      if (/<Content\b/.test(text)) rendered.push(path.slice(PROJECT_ROOT.length + 1));
    }
    // One exception: an edition's criteria, whose HTML only the site's renderer and sanitizer produce.
    expect(raw).toEqual(['src/components/EditionCriteria.astro']);
    const edition = readFileSync(join(PROJECT_ROOT, 'src/components/EditionCriteria.astro'), 'utf8');
    expect(edition).toMatch(/const html = renderEditionCriteria\(Astro\.props\.markdown\);/);
    expect(edition.match(/set:html=\{([^}]*)\}/g)).toEqual(['set:html={html}']);
    expect(rendered.sort()).toEqual([
      'src/components/views/AwardView.astro',
      'src/components/views/BadgeView.astro',
    ]);
  });
});
