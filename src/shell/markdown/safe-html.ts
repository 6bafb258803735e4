/**
 * A Sätteri (Astro 7's Markdown and MDX processor) HAST plugin for badge criteria: no script, no embedded
 * frame or object, no event-handler attribute, and no `javascript:`, `vbscript:` or `data:` URL in a link
 * or a source. Criteria are written by administrators, but often pasted from documents and other
 * platforms, and one pasted snippet must not run code on every earner's page. Raw HTML is parsed into
 * elements first (`features.rawHtml`) so that it goes through the same checks.
 */
import { defineHastPlugin } from 'satteri';

const DROPPED = [
  'script',
  'iframe',
  'frame',
  'object',
  'embed',
  'style',
  'base',
  'form',
  'meta',
  'link',
  'noscript',
  'template',
];
/** Every element that may carry attributes worth checking (Sätteri filters elements by tag name). */
const CHECKED = [
  ...'a abbr address area article aside audio b bdi bdo blockquote body br button canvas caption cite code col colgroup data datalist dd del details dfn dialog div dl dt em fieldset figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i img input ins kbd label legend li main map mark math menu meter nav ol optgroup option output p picture pre progress q rp rt ruby s samp section select slot small source span strong sub summary sup svg table tbody td textarea tfoot th thead time tr track u ul var video wbr use image animate set'.split(
    ' ',
  ),
];
const URL_PROPERTIES = new Set([
  'href',
  'src',
  'action',
  'formAction',
  'xLinkHref',
  'poster',
  'srcSet',
  'cite',
  'data',
  'background',
  'ping',
]);

/** Whether a URL would run or embed code; control characters and spaces are ignored, as browsers do. */
export function isDangerousUrl(value: unknown): boolean {
  const text = Array.isArray(value) ? value.join(' ') : value;
  if (typeof text !== 'string') return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers skip these characters in URL schemes.
  const compact = text.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  return (
    /^(javascript|vbscript|data):/.test(compact) ||
    /[\s,](javascript|vbscript|data):/.test(text.toLowerCase())
  );
}

/** Names of the properties of an element that must go. */
export function unsafeProperties(properties: Record<string, unknown> | undefined): string[] {
  return Object.entries(properties ?? {})
    .filter(([name, value]) => /^on/i.test(name) || (URL_PROPERTIES.has(name) && isDangerousUrl(value)))
    .map(([name]) => name);
}

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

/** MDX elements (`<a href=…>` written in an .mdx file) keep only their safe attributes. */
function withoutUnsafeAttributes<N extends { attributes: JsxAttribute[] }>(node: Readonly<N>): N | undefined {
  const kept = node.attributes.filter((attribute) => {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) return true;
    if (/^on/i.test(attribute.name)) return false;
    const property = attribute.name === 'xlink:href' ? 'xLinkHref' : attribute.name;
    return !(URL_PROPERTIES.has(property) && isDangerousUrl(attribute.value));
  });
  return kept.length === node.attributes.length ? undefined : { ...node, attributes: kept };
}

const ALL_COMPONENTS = [...DROPPED, ...CHECKED];

export const safeHtml = defineHastPlugin({
  name: 'insigne-safe-html',
  element: [
    { filter: DROPPED, visit: (node, ctx) => ctx.removeNode(node) },
    {
      filter: CHECKED,
      visit: (node, ctx) => {
        for (const name of unsafeProperties(node.properties)) ctx.setProperty(node, name, undefined);
      },
    },
  ],
  mdxJsxFlowElement: {
    filter: ALL_COMPONENTS,
    visit: (node, ctx) =>
      DROPPED.includes(node.name ?? '') ? ctx.removeNode(node) : withoutUnsafeAttributes(node),
  },
  mdxJsxTextElement: {
    filter: ALL_COMPONENTS,
    visit: (node, ctx) =>
      DROPPED.includes(node.name ?? '') ? ctx.removeNode(node) : withoutUnsafeAttributes(node),
  },
  raw: (node, ctx) => {
    if (/<\s*(script|iframe|object|embed)|(javascript|vbscript|data):|\son\w+\s*=/i.test(node.value))
      ctx.removeNode(node);
  },
});
