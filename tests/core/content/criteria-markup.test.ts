/**
 * The criteria check over the renderer's own parser: what Markdown and MDX criteria may hold passes
 * untouched, each thing the sanitizer would remove is a problem at its line, MDX code is refused, and the
 * final comparison with the sanitized tree catches what the walk does not name.
 */
import { describe, expect, it } from 'vitest';
import { type CriteriaParser, checkCriteriaMarkup } from '../../../src/core/content/criteria-markup.ts';
import type { CriteriaFormat } from '../../../src/core/content/criteria-policy.ts';
import { criteriaParser } from '../../../src/shell/markdown/criteria-parser.ts';

const check = (body: string, format: CriteriaFormat = 'markdown', parser: CriteriaParser = criteriaParser) =>
  checkCriteriaMarkup('content/badges/b.md', body, 10, format, parser).map(
    (p) => `${p.line} ${p.field}: ${p.message}`,
  );

const ALLOWED_MARKDOWN = `# Objectifs

Le membre a **lu**, *compris* et ~~barré~~ le [règlement](https://example.org/regles "titre")
ou écrit à <a href="mailto:club@example.org">club@example.org</a>, touche <kbd>Ctrl</kbd>,
<abbr title="Journée portes ouvertes">JPO</abbr>, H<sub>2</sub>O, x<sup>2</sup>, <mark>surligné</mark>.

> Une citation.

1. premier
2. second

- [x] fait
- [ ] à faire

| Étape | Durée | Note |
|:------|------:|:----:|
| ligne | 2 min | A |

\`\`\`python
print("<script>alert(1)</script>")
\`\`\`

Une note[^1].

<details><summary>Détails</summary>

Texte caché.
</details>

---

[^1]: La note.
`;

describe('criteria that keep to the allowlist', () => {
  it('accept Markdown structure, tables, task lists, footnotes, code and simple inline HTML', () => {
    expect(check(ALLOWED_MARKDOWN)).toEqual([]);
  });

  it('accept the same in MDX, with literal JSX attributes and comments', () => {
    const mdx = ALLOWED_MARKDOWN.replace(
      '<details><summary>Détails</summary>\n\nTexte caché.\n</details>',
      '<details open>\n<summary>Détails</summary>\n\nTexte caché.\n\n</details>',
    ).concat('\n{/* une remarque pour les collègues */}\n\n<abbr title="Fablab">FL</abbr>\n');
    expect(check(mdx, 'mdx')).toEqual([]);
  });
});

describe('markup the sanitizer would remove', () => {
  it('is reported at its own line, inside a multi-line HTML block too', () => {
    expect(check('Texte.\n\n<div>\n<p>ok</p>\n<p onclick="alert(1)">clic</p>\n</div>\n')).toEqual([
      '14 criteria: The attribute "onclick" of <p> is not allowed.',
    ]);
  });

  it('names custom elements, handlers, bad links and styles, once per element', () => {
    expect(
      check(
        '<xss-el autofocus onfocus="alert(1)">x</xss-el>\n\n[a](javascript:alert(2)) <a href="vbscript:x">b</a>\n\n<span style="color: red">r</span> <svg><a><animate/></a></svg>\n',
      ),
    ).toEqual([
      '10 criteria: The element <xss-el> is not allowed in criteria.',
      '12 criteria: The address "javascript:alert(2)" of <a> is not allowed.',
      '12 criteria: The address "vbscript:x" of <a> is not allowed.',
      '14 criteria: The attribute "style" of <span> is not allowed.',
      '14 criteria: The element <svg> is not allowed in criteria.',
    ]);
  });

  it('refuses a table cell outside a table, and a cell style other than alignment', () => {
    expect(check('<td>x</td>\n\n<table><tr><td style="color: red">y</td></tr></table>\n')).toEqual([
      '10 criteria: The element <td> is not allowed in criteria.',
      '12 criteria: The attribute "style" of <td> is not allowed.',
    ]);
  });

  it('never quotes back what could be an email address', () => {
    expect(check('[a](ftp://eleve@example.org) {"eleve@example.org"}\n', 'mdx')).toEqual([
      '10 criteria: The address of <a> is not allowed.',
      '10 criteria: The expression {…} would run code when the site is built.',
    ]);
  });

  it('refuses an input other than a task list box', () => {
    expect(check('- [ ] à faire\n\nNom : <input type="text"> ou <input>\n')).toEqual([
      '12 criteria: The element <input> is not allowed in criteria.',
      '12 criteria: The element <input> is not allowed in criteria.',
    ]);
  });

  it('refuses Astro directives, which would inject raw HTML', () => {
    expect(check('<div set:html="&lt;img src=x onerror=alert(1)&gt;"></div>\n', 'mdx')).toEqual([
      '10 criteria: The attribute "set:html" of <div> is not allowed.',
    ]);
    expect(check('<p set:html="x">y</p>\n')).toEqual([
      '10 criteria: The attribute "set:html" of <p> is not allowed.',
    ]);
  });

  it('reads a second front matter block at the top of the criteria as criteria', () => {
    expect(check('---\ntitle: <script>alert(1)</script>\n---\n\nTexte.\n')).toEqual([
      '11 criteria: The element <script> is not allowed in criteria.',
    ]);
  });

  it('refuses the same elements when MDX writes them as JSX', () => {
    expect(check('<xss-el onfocus="alert(1)">x</xss-el> <em class="c">e</em>\n', 'mdx')).toEqual([
      '10 criteria: The element <xss-el> is not allowed in criteria.',
      '10 criteria: The attribute "class" of <em> is not allowed.',
    ]);
  });
});

describe('MDX code', () => {
  it('refuses each import and export statement at its line, and expressions anywhere', () => {
    expect(
      check(
        "import a from 'a'\nexport const b = 1\n\nTexte {b} et <abbr title={b} {...a}>x</abbr>.\n\n{1 + 1}\n",
        'mdx',
      ),
    ).toEqual([
      '10 criteria: An import in MDX criteria would run code when the site is built.',
      '11 criteria: An export in MDX criteria would run code when the site is built.',
      '13 criteria: The expression {b} would run code when the site is built.',
      '13 criteria: The attribute "title" of <abbr> is an expression.',
      '13 criteria: The attribute {...a} of <abbr> is an expression.',
      '15 criteria: The expression {1 + 1} would run code when the site is built.',
    ]);
  });

  it('refuses components, member names and fragments, since none is offered', () => {
    expect(check('<Note>a</Note> <ui.Note /> <>b</>\n', 'mdx')).toEqual([
      '10 criteria: There is no component <Note> for criteria.',
      '10 criteria: There is no component <ui.Note> for criteria.',
      '10 criteria: A JSX fragment <>…</> is not allowed in criteria.',
    ]);
  });

  it('reports MDX that does not parse at the line the parser names', () => {
    expect(check('Texte.\n\n<details>\nouvert\n', 'mdx')).toEqual([
      '12 criteria: The MDX cannot be read: Expected a closing tag for `<details>` (3:1)',
    ]);
  });

  it('treats braces and import lines of a Markdown file as text', () => {
    expect(check("import a from 'a'\n\nTexte {b}.\n")).toEqual([]);
  });

  it('does not take code that follows a comment for a comment', () => {
    expect(check('{/* a */ process.exit(1)}\n', 'mdx')).toEqual([
      '10 criteria: The expression {/* a */ process.exit(1)} would run code when the site is built.',
    ]);
  });
});

describe('the last comparison with the sanitized tree', () => {
  it('reports criteria the sanitizer would change even when the walk names nothing', () => {
    const unsafe = {
      type: 'root',
      children: [{ type: 'element', tagName: 'p', properties: { onClick: 'x' }, children: [] }],
    };
    const parser: CriteriaParser = {
      parse: () => ({ type: 'root', children: [] }),
      parseRendered: () => unsafe,
      parseHtml: () => ({ type: 'root', children: [] }),
    };
    expect(check('Texte.\n', 'markdown', parser)).toEqual([
      '10 criteria: The criteria hold markup that would not be published as written.',
    ]);
  });
});
