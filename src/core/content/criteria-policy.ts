/**
 * What badge criteria may contain once they are HTML: one allowlist, read by the page renderer (which
 * sanitizes with it) and by the content check (which refuses whatever the sanitizer would change), so the
 * two cannot disagree (DESIGN.md §4, content is data). The sanitizer is hast-util-sanitize; this module
 * only says what it lets through, and turns MDX's literal JSX into the plain elements it judges.
 *
 * Allowed: the structure Markdown produces (headings, paragraphs, lists and task lists, emphasis, quotes,
 * code, tables with their column alignment, footnotes, rules) plus a few inline elements people paste
 * (abbr, kbd, mark, small, span, div, details). Links go to http(s) and mailto only. Nothing that can
 * carry script or fetch anything: no event handler, no style beyond a table cell's alignment, no svg or
 * math, no custom element, no form, frame, object or image (a remote image would tell a third party who
 * opens an earner's page).
 */
import type { Element, ElementContent, Nodes, Properties, Root, RootContent } from 'hast';
import { type Schema, sanitize } from 'hast-util-sanitize';
import { find, html } from 'property-information';

/** Markdown (`.md`, raw HTML allowed) or MDX (`.mdx`, JSX). */
export type CriteriaFormat = 'markdown' | 'mdx';

/** A table cell: its column's alignment (the only style Markdown writes), spans and scope. */
const tableCell = (): NonNullable<Schema['attributes']>[string] => [
  ['style', /^text-align: (?:left|right|center)$/],
  'colSpan',
  'rowSpan',
  'scope',
];

/** The allowlist, as hast-util-sanitize reads it: tag names and, per tag, property names and values. */
export const CRITERIA_SCHEMA: Schema = {
  tagNames: [
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'div', 'span'],
    ...['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'details', 'summary', 'section', 'input'],
    ...['a', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup'],
    ...['code', 'kbd', 'samp', 'var', 'abbr', 'cite', 'dfn', 'q', 'time'],
    ...['table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption'],
  ],
  attributes: {
    '*': ['title', 'lang', 'dir'],
    a: [
      'href',
      // What GFM footnotes put on their links (ids are the parser's, always prefixed).
      'dataFootnoteRef',
      'dataFootnoteBackref',
      ['className', 'data-footnote-backref'],
      ['ariaDescribedBy', 'footnote-label'],
      'ariaLabel',
      ['id', /^user-content-fnref-[\w-]+$/],
    ],
    li: [
      ['className', 'task-list-item'],
      ['id', /^user-content-fn-[\w-]+$/],
    ],
    ul: [['className', 'contains-task-list']],
    ol: ['start', ['className', 'contains-task-list']],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    h2: [
      ['className', 'sr-only'],
      ['id', 'footnote-label'],
    ],
    section: ['dataFootnotes', ['className', 'footnotes']],
    code: [['className', /^language-[\w+#-]+$/]],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite'],
    ins: ['cite'],
    details: ['open'],
    time: ['dateTime'],
    th: tableCell(),
    td: tableCell(),
  },
  ancestors: {
    tbody: ['table'],
    thead: ['table'],
    tfoot: ['table'],
    tr: ['table'],
    th: ['table'],
    td: ['table'],
    caption: ['table'],
  },
  // A task list's box, never a field to type in.
  required: { input: { type: 'checkbox', disabled: true } },
  protocols: { href: ['http', 'https', 'mailto'], cite: ['http', 'https'] },
  // Ids are restricted above instead of prefixed, so the parser's own footnote ids stay as they are.
  clobber: [],
  clobberPrefix: '',
  // Dropped with their content; any other refused element is replaced by its content.
  strip: [
    ...['script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'form'],
    ...['svg', 'math', 'textarea', 'select', 'title', 'xmp', 'noembed', 'noframes', 'plaintext'],
  ],
  allowComments: false,
  allowDoctypes: false,
};

/**
 * Components MDX criteria may use, by name, with the props each accepts. None is offered: the pages pass
 * no components to rendered criteria, and the example MDX badge uses none. Offering one means listing it
 * here, passing it to `<Content components={…}>` and letting `sanitizeCriteria` keep it.
 */
export const CRITERIA_COMPONENTS: ReadonlyMap<string, readonly string[]> = new Map();

/** Whether an MDX `{…}` holds nothing but one comment, as `{/* note *\/}` does: it renders nothing. */
export function isCommentExpression(value: string): boolean {
  const text = value.trim();
  return text.startsWith('/*') && text.endsWith('*/') && text.indexOf('*/') === text.length - 2;
}

interface JsxAttribute {
  readonly type: string;
  readonly name?: string;
  readonly value?: unknown;
}

/** A JSX element of MDX, as the parser gives it. */
export interface JsxElementNode {
  readonly type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  readonly name: string | null;
  readonly attributes: readonly JsxAttribute[];
  readonly children: readonly unknown[];
}

/** Whether a JSX name is a component (`Note`, `ui.Note`) rather than an HTML element (`abbr`, `x-y`). */
export function isComponentName(name: string): boolean {
  return /^[^a-z]/.test(name) || name.includes('.');
}

export function isJsxElement(node: unknown): node is JsxElementNode {
  const type = (node as { type?: unknown } | null)?.type;
  return type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement';
}

/**
 * The properties of a lowercase JSX element written with literal attributes only (`<abbr title="…">`), as
 * the same tag written in HTML would have them; undefined when an attribute is an expression or a spread,
 * which is code and never becomes an element.
 */
export function jsxProperties(node: JsxElementNode): Properties | undefined {
  const properties: Properties = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.name !== 'string') return undefined;
    const value = attribute.value;
    if (value !== null && value !== undefined && typeof value !== 'string') return undefined;
    const info = find(html, attribute.name);
    if (value === null || value === undefined) properties[info.property] = true;
    else if (info.spaceSeparated || info.commaSeparated)
      properties[info.property] = value.split(info.commaSeparated ? ',' : /\s+/).filter(Boolean);
    else properties[info.property] = value;
  }
  return properties;
}

/**
 * A plain hast copy of a tree, ready for the sanitizer: lowercase MDX elements with literal attributes
 * become ordinary elements, comments go (HTML or MDX: they are not content), and every other MDX node (imports,
 * exports, expressions, components) is kept as it is, which the sanitizer drops as an unknown node.
 */
export function toSanitizable(node: unknown): Nodes | undefined {
  const source = node as Record<string, unknown>;
  const type = source.type;
  const children = (): (RootContent & ElementContent)[] =>
    ((source.children as unknown[] | undefined) ?? [])
      .map(toSanitizable)
      .filter((child): child is RootContent & ElementContent => child !== undefined);
  if (type === 'comment') return undefined;
  if (
    (type === 'mdxFlowExpression' || type === 'mdxTextExpression') &&
    isCommentExpression(String(source.value))
  )
    return undefined;
  if (type === 'text') return { type: 'text', value: String(source.value ?? '') };
  if (type === 'root') return { type: 'root', children: children() };
  if (type === 'element') {
    return {
      type: 'element',
      tagName: String(source.tagName),
      properties: { ...((source.properties as Properties | undefined) ?? {}) },
      children: children(),
    };
  }
  if (isJsxElement(node) && node.name && !isComponentName(node.name)) {
    const properties = jsxProperties(node);
    if (properties) return { type: 'element', tagName: node.name, properties, children: children() };
  }
  // Anything else stays opaque: the sanitizer refuses node types it does not know.
  return { ...(source as object), type: String(type) } as unknown as Nodes;
}

/** The criteria tree with everything outside the allowlist removed. */
export function sanitizeCriteria(tree: unknown): Root {
  const plain = toSanitizable(tree);
  const clean = plain ? sanitize(plain, CRITERIA_SCHEMA) : { type: 'root' as const, children: [] };
  return clean.type === 'root' ? clean : { type: 'root', children: [clean as Element] };
}
