/**
 * The content check of badge criteria: everything the page sanitizer would remove is a content problem at
 * its line, so nothing is published changed behind the administrator's back, and MDX stays data. An MDX
 * import, export or `{expression}` (attribute values and spreads included) would run when the site is
 * built: each is refused, as is any component that is not offered. The element and attribute verdicts come
 * from the sanitizer itself over the shared allowlist (criteria-policy.ts), and a last comparison of the
 * rendered tree with its sanitized copy catches anything the walk did not name.
 *
 * Pure: the shell injects the parser (the renderer's own), and nothing here executes what it reads. One
 * walk over the tree, each verdict on one element without its children: linear in the size of the text.
 */

import type { Properties } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import { type Message, say } from '../messages/catalogue.ts';
import {
  CRITERIA_COMPONENTS,
  CRITERIA_SCHEMA,
  type CriteriaFormat,
  isCommentExpression,
  isComponentName,
  isJsxElement,
  jsxProperties,
  sanitizeCriteria,
  toSanitizable,
} from './criteria-policy.ts';
import { type ContentProblem, said } from './problems.ts';

/** Trees of the page renderer's parser, injected by the shell. */
export interface CriteriaParser {
  /** The criteria with positions; in Markdown, raw HTML is left as `raw` nodes (their text and line). */
  parse(body: string, format: CriteriaFormat): unknown;
  /** The tree the page renderer hands to the sanitizer (raw HTML parsed into elements). */
  parseRendered(body: string, format: CriteriaFormat): unknown;
  /** An HTML fragment as a browser parses it. */
  parseHtml(fragment: string): unknown;
}

interface TreeNode {
  readonly type: string;
  readonly tagName?: string;
  readonly properties?: Properties;
  readonly value?: unknown;
  readonly name?: string | null;
  readonly children?: readonly TreeNode[];
  readonly position?: { readonly start?: { readonly line?: number } };
}

const HINTS = {
  element: say('criteria.element.hint'),
  dropped: say('criteria.dropped.hint'),
  attribute: say('criteria.attribute.hint'),
  url: say('criteria.url.hint'),
  code: say('criteria.code.hint'),
  braces: say('criteria.braces.hint'),
  literal: say('criteria.literal.hint'),
  syntax: say('criteria.syntax.hint'),
  changed: say('criteria.changed.hint'),
};

/** Ancestors that decide whether an element may appear (a table cell needs a table). */
const CONTEXT_TAGS = new Set(Object.values(CRITERIA_SCHEMA.ancestors ?? {}).flat());

// Quoted back to the administrator, shortened, and never when it could hold an email address.
const quoted = (text: string) =>
  text.includes('@') ? '' : ` ${JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text)}`;
const attributeName = (property: string) => find(html, property).attribute;

/**
 * Every problem in the criteria of one badge file. `firstLine` is the file line on which `body` starts.
 */
export function checkCriteriaMarkup(
  file: string,
  body: string,
  firstLine: number,
  format: CriteriaFormat,
  parser: CriteriaParser,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const at = (line: number, message: Message, hint: Message) =>
    problems.push({ file, line: firstLine + line - 1, field: 'criteria', ...said(message, hint) });

  /** The sanitizer's verdict on one element, without its children, in its table context or not. */
  const judge = (node: TreeNode, properties: Properties, context: readonly string[]) => {
    const tagName = node.tagName ?? '';
    let probe: TreeNode = { type: 'element', tagName, properties, children: [] };
    for (const tag of context) probe = { type: 'element', tagName: tag, properties: {}, children: [probe] };
    let kept: TreeNode | undefined = sanitize(probe as never, CRITERIA_SCHEMA) as TreeNode;
    for (let depth = 0; depth < context.length; depth++) kept = kept?.children?.[0];
    if (kept?.type !== 'element' || kept.tagName !== tagName) return { allowed: false, refused: [] };
    // An element the sanitizer has to complete (an `<input>` that is not a disabled checkbox) is refused.
    if (Object.keys(kept.properties ?? {}).some((key) => !(key in properties)))
      return { allowed: false, refused: [] };
    const refused = Object.keys(properties).filter(
      (key) => JSON.stringify(kept.properties?.[key]) !== JSON.stringify(properties[key]),
    );
    return { allowed: true, refused };
  };

  const reportElement = (node: TreeNode, properties: Properties, line: number, context: string[]) => {
    const tagName = node.tagName ?? '';
    const verdict = judge(node, properties, context);
    if (!verdict.allowed) {
      const dropped = CRITERIA_SCHEMA.strip?.includes(tagName) ?? false;
      at(line, say('criteria.element', { tag: tagName }), dropped ? HINTS.dropped : HINTS.element);
      return dropped ? 'skip' : 'descend';
    }
    for (const key of verdict.refused) {
      const value = properties[key];
      if ((key === 'href' || key === 'cite') && typeof value === 'string') {
        at(line, say('criteria.url', { address: quoted(value), tag: tagName }), HINTS.url);
      } else {
        at(line, say('criteria.attribute', { attribute: attributeName(key), tag: tagName }), HINTS.attribute);
      }
    }
    return 'descend';
  };

  const walkHtml = (node: TreeNode, context: string[], lineOf: (tag: string) => number) => {
    for (const child of node.children ?? []) {
      if (child.type !== 'element') continue;
      const line = lineOf(child.tagName ?? '');
      if (reportElement(child, child.properties ?? {}, line, context) === 'skip') continue;
      walkHtml(child, withContext(context, child.tagName), lineOf);
    }
  };

  // A refused element dropped with its content (`<svg>`), opened in one piece of inline HTML and closed in
  // a later one: what lies between is reported with it, not element by element.
  let openDropped: string | undefined;

  /** Raw HTML of a Markdown file: parsed as a browser would, each element found at its own line. */
  const walkRaw = (value: string, line: number, context: string[]) => {
    const lower = value.toLowerCase();
    if (openDropped) {
      if (lower.includes(`</${openDropped}`)) openDropped = undefined;
      return;
    }
    let cursor = 0;
    let cursorLine = line;
    const lineOf = (tag: string) => {
      const wanted = `<${tag.toLowerCase()}`;
      for (let index = lower.indexOf(wanted, cursor); index >= 0; index = lower.indexOf(wanted, index + 1)) {
        if (!/[\s/>]/.test(lower[index + wanted.length] ?? '>')) continue;
        for (let i = cursor; i < index; i++) if (value[i] === '\n') cursorLine++;
        cursor = index + wanted.length;
        break;
      }
      // An element the parser implied (no tag of its own) is reported where the cursor stands.
      return cursorLine;
    };
    walkHtml(parser.parseHtml(value) as TreeNode, context, lineOf);
    openDropped = CRITERIA_SCHEMA.strip?.find(
      (tag) => lower.lastIndexOf(`<${tag}`) > lower.lastIndexOf(`</${tag}`),
    );
  };

  const walk = (node: TreeNode, parentLine: number, context: string[]) => {
    for (const child of node.children ?? []) {
      const line = child.position?.start?.line ?? parentLine;
      const value = typeof child.value === 'string' ? child.value : '';
      switch (child.type) {
        case 'element':
          if (reportElement(child, child.properties ?? {}, line, context) === 'descend')
            walk(child, line, withContext(context, child.tagName));
          break;
        case 'raw':
          walkRaw(value, line, context);
          break;
        case 'mdxjsEsm':
          reportEsm(value, line);
          break;
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          if (!isCommentExpression(value))
            at(line, say('criteria.expression', { expression: `{${truncate(value)}}` }), HINTS.braces);
          break;
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement':
          walkJsx(child, line, context);
          break;
        default:
          walk(child, line, context);
      }
    }
  };

  /** One problem per import or export statement of an ESM block (several may follow each other). */
  const reportEsm = (value: string, line: number) => {
    let reported = false;
    for (const [i, text] of value.split('\n').entries()) {
      const keyword = /^\s*(import|export)\b/.exec(text)?.[1];
      if (!keyword) continue;
      reported = true;
      at(line + i, say(keyword === 'import' ? 'criteria.import' : 'criteria.export'), HINTS.code);
    }
    if (!reported) at(line, say('criteria.esm'), HINTS.code);
  };

  const walkJsx = (node: TreeNode, line: number, context: string[]) => {
    if (!isJsxElement(node)) return;
    const name = node.name ?? '';
    let literal = true;
    for (const attribute of node.attributes) {
      if (attribute.type === 'mdxJsxExpressionAttribute') {
        literal = false;
        at(
          line,
          say('criteria.expressionAttribute', {
            attribute: `{${truncate(String(attribute.value))}}`,
            tag: name,
          }),
          HINTS.literal,
        );
      } else if (
        attribute.value !== null &&
        attribute.value !== undefined &&
        typeof attribute.value !== 'string'
      ) {
        literal = false;
        at(
          line,
          say('criteria.namedExpressionAttribute', { attribute: String(attribute.name), tag: name }),
          HINTS.literal,
        );
      }
    }
    if (name === '' || isComponentName(name)) {
      if (!CRITERIA_COMPONENTS.has(name)) {
        const offered = [...CRITERIA_COMPONENTS.keys()];
        at(
          line,
          name === '' ? say('criteria.fragment') : say('criteria.component', { tag: name }),
          offered.length > 0
            ? say('criteria.components.hint', { components: offered.join(', ') })
            : say('criteria.noComponents.hint'),
        );
      }
    } else if (literal) {
      const properties = jsxProperties(node) ?? {};
      const element = { type: 'element', tagName: name, properties };
      if (reportElement(element, properties, line, context) === 'skip') return;
      walk(node as TreeNode, line, withContext(context, name));
      return;
    }
    walk(node as TreeNode, line, context);
  };

  let tree: TreeNode;
  try {
    tree = parser.parse(body, format) as TreeNode;
  } catch (error) {
    // MDX that does not parse (an unclosed tag, a stray brace): the parser says where.
    const text = error instanceof Error ? error.message : String(error);
    const where = /^(\d+):\d+:\s*/.exec(text);
    const message = text.slice(where?.[0].length ?? 0).replace(/\s*\([\w:-]+\)\s*$/, '');
    at(
      Number(where?.[1] ?? 1),
      say('criteria.mdxUnreadable', { detail: truncate(message, 160) }),
      HINTS.syntax,
    );
    return problems;
  }
  walk(tree, 1, []);
  if (problems.length === 0) {
    const rendered = toSanitizable(parser.parseRendered(body, format));
    if (!sameTree(rendered as TreeNode, sanitizeCriteria(rendered) as TreeNode))
      at(1, say('criteria.changed'), HINTS.changed);
  }
  return problems;
}

function withContext(context: string[], tagName: string | undefined): string[] {
  return tagName && CONTEXT_TAGS.has(tagName) && !context.includes(tagName) ? [...context, tagName] : context;
}

function truncate(text: string, length = 40): string {
  if (text.includes('@')) return '…';
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 3)}…` : flat;
}

/** Same node types, tags, properties, text and children, positions aside. */
function sameTree(a: TreeNode, b: TreeNode): boolean {
  if (a.type !== b.type || a.tagName !== b.tagName || a.value !== b.value) return false;
  if (JSON.stringify(a.properties ?? {}) !== JSON.stringify(b.properties ?? {})) return false;
  const left = a.children ?? [];
  const right = b.children ?? [];
  return left.length === right.length && left.every((child, i) => sameTree(child, right[i] as TreeNode));
}

/** The criteria check of one badge file (`.md` or `.mdx`), given the body after its front matter. */
export function checkBadgeCriteria(
  file: { readonly path: string; readonly text: string },
  body: string,
  parser: CriteriaParser,
): ContentProblem[] {
  if (body.trim() === '') return [];
  const head = file.text.slice(0, file.text.length - body.length);
  let firstLine = 1;
  for (const char of head) if (char === '\n') firstLine++;
  return checkCriteriaMarkup(
    file.path,
    body,
    firstLine,
    file.path.endsWith('.mdx') ? 'mdx' : 'markdown',
    parser,
  );
}
