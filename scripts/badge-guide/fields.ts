/**
 * The generated parts of docs/badges.md: the field reference tables, taken from the zod schemas that the
 * content check applies (their JSON Schema form: type, required, default, and the doc line of each field),
 * and the lists of allowed values (shapes, palettes, achievement types), taken from the code that checks
 * them. Each part sits between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` in the guide.
 */
import { z } from 'zod';
import {
  CUSTOM_ARTWORK_ASPECT,
  CUSTOM_ARTWORK_MAX_BYTES,
  CUSTOM_ARTWORK_MAX_PIXELS,
  CUSTOM_ARTWORK_MIN_PIXELS,
} from '../../src/core/artwork/custom.ts';
import { ARTWORK_SIZE } from '../../src/core/artwork/design.ts';
import { PALETTES, resolvePalette } from '../../src/core/artwork/palettes.ts';
import {
  ACHIEVEMENT_TYPES,
  awardSchema,
  badgeSchema,
  issuerSchema,
  LANGUAGES,
} from '../../src/core/content/schemas.ts';
import { addDuration } from '../../src/core/model/status.ts';
import { BADGE_SHAPES } from '../../src/core/model/types.ts';

/** The part of JSON Schema that zod writes for these schemas. */
interface JsonSchema {
  readonly type?: string;
  readonly description?: string;
  readonly default?: unknown;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxItems?: number;
  readonly items?: JsonSchema;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly anyOf?: readonly JsonSchema[];
}

/** Patterns of the schemas, in words. A pattern missing here is shown as it is, so nothing is hidden. */
const PATTERNS: Readonly<Record<string, string>> = {
  '^[a-z0-9-]+$': 'slug: lower-case letters, digits, dashes',
  '^[a-z][a-z-]*$': 'palette name',
  '^[a-z0-9]+(-[a-z0-9]+)*$': 'icon name',
  '^(ext:)?[A-Za-z0-9._-]+$': 'achievement type',
  '^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?$': 'ISO 8601 duration',
  '^(?!\\/)(?!.*(^|\\/)\\.\\.(\\/|$))[\\w./ -]+\\.(png|svg)$': 'file name ending .png or .svg',
  '^\\d{1,20}$': 'digits, in quotes',
  '^[a-z0-9][a-z0-9-]{0,62}$': 'key id',
  '^[A-Za-z0-9_-]+$': 'base64url text',
  '^sha256\\$[0-9a-f]{64}$': '`sha256$` and 64 hex digits',
  '^[A-Za-z0-9_-]{8,64}$': '8 to 64 letters, digits, `-` or `_`',
};

const VALIDITY_FROM = '2026-01-31';
const VALIDITY_EXAMPLES: readonly (readonly [string, string])[] = [
  ['P2Y', ''],
  ['P6M', ''],
  ['P1M', 'the last day of a shorter month'],
  ['P1Y6M', ''],
  ['P10W', ''],
  ['P30D', ''],
];

interface Row {
  readonly field: string;
  readonly type: string;
  readonly required: boolean;
  readonly defaultValue?: unknown;
  readonly description: string;
}

function typeOf(schema: JsonSchema, listOf?: string): string {
  if (schema.anyOf?.some((s) => s.format === 'date')) return 'day, `YYYY-MM-DD`';
  if (schema.const !== undefined) return `\`${String(schema.const)}\``;
  if (schema.enum !== undefined) return schema.enum.map((v) => `\`${String(v)}\``).join(', ');
  switch (schema.type) {
    case 'boolean':
      return '`true` or `false`';
    case 'integer':
      return `whole number${schema.minimum !== undefined ? `, ${schema.minimum} to ${schema.maximum}` : ''}`;
    case 'array': {
      const most = schema.maxItems === undefined ? '' : `, at most ${schema.maxItems}`;
      const items = schema.items ?? {};
      return `list of ${items.type === 'object' ? (listOf ?? 'objects') : typeOf(items)}${most}`;
    }
    case 'object':
      return 'the fields below';
    case 'string': {
      if (schema.format === 'uri') return 'http(s) URL';
      if (schema.format === 'email') return 'email address';
      if (schema.pattern !== undefined)
        return PATTERNS[schema.pattern] ?? `text matching \`${schema.pattern}\``;
      const most = schema.maxLength === undefined ? '' : `, up to ${schema.maxLength} characters`;
      return `text${most}`;
    }
    default:
      return 'any value';
  }
}

function formatDefault(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : `\`${JSON.stringify(value)}\``;
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(([k, v]) => `${k}: \`${String(v)}\``)
      .join(', ');
  }
  return `\`${String(value)}\``;
}

/**
 * The rows of an object schema: nested objects flattened (`artwork.shape`), lists of objects left to a
 * table of their own, named in `lists`.
 */
function rowsOf(schema: JsonSchema, lists: Readonly<Record<string, string>>, prefix = ''): Row[] {
  const rows: Row[] = [];
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${name}`;
    const required = schema.required?.includes(name) ?? false;
    // An optional list without a default is empty when absent; a group without a doc line is explained
    // by its own rows.
    const empty = !required && field.type === 'array' && field.default === undefined ? [] : undefined;
    const group = field.type === 'object' ? `The \`${path}.…\` fields below.` : '';
    rows.push({
      field: path,
      type: typeOf(field, lists[path]),
      required,
      defaultValue: field.default ?? empty,
      description: field.description ?? group,
    });
    if (field.type === 'object') rows.push(...rowsOf(field, lists, `${path}.`));
  }
  return rows;
}

function table(rows: readonly Row[]): string {
  const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
  return [
    '| field | type | required | default | what it is |',
    '|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| \`${r.field}\` | ${cell(r.type)} | ${r.required ? '**yes**' : 'no'} | ${cell(formatDefault(r.defaultValue))} | ${cell(r.description)} |`,
    ),
  ].join('\n');
}

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Every generated part of the guide, by name. */
export function generatedParts(): Readonly<Record<string, string>> {
  const issuer = jsonSchemaOf(issuerSchema);
  const badge = jsonSchemaOf(badgeSchema);
  const award = jsonSchemaOf(awardSchema);
  const itemsOf = (schema: JsonSchema, name: string) => schema.properties?.[name]?.items ?? {};
  const palettes = PALETTES.map((p) => {
    const r = resolvePalette(p.name);
    return `| \`${p.name}\` | ${p.base} | ${p.rim} | ${p.accent} | ${r.text} (${r.textContrast.toFixed(1)}:1) | ${r.ribbonText} (${r.ribbonTextContrast.toFixed(1)}:1) |`;
  });
  return {
    'issuer-fields': table(rowsOf(issuer, { keys: 'keys (next table)' })),
    'key-fields': table(rowsOf(itemsOf(issuer, 'keys'), {})),
    'badge-fields': table(rowsOf(badge, { alignments: 'alignments (next table)' })),
    'alignment-fields': table(rowsOf(itemsOf(badge, 'alignments'), {})),
    'award-fields': table(rowsOf(award, { evidence: 'evidence (next table)' })),
    'evidence-fields': table(rowsOf(itemsOf(award, 'evidence'), {})),
    shapes: BADGE_SHAPES.map((s) => `\`${s}\``).join(', '),
    palettes: [
      '| palette | fill | rim | ribbon | text on fill (contrast) | text on ribbon (contrast) |',
      '|---|---|---|---|---|---|',
      ...palettes,
    ].join('\n'),
    'achievement-types': ACHIEVEMENT_TYPES.map((t) => `\`${t}\``).join(', '),
    languages: LANGUAGES.map((l) => `\`${l}\``).join(', '),
    'validity-examples': [
      `| \`validity\` | an award issued on ${VALIDITY_FROM} expires on |`,
      '|---|---|',
      ...VALIDITY_EXAMPLES.map(([duration, note]) => {
        return `| \`${duration}\` | ${addDuration(VALIDITY_FROM, duration)}${note === '' ? '' : ` (${note})`} |`;
      }),
    ].join('\n'),
    'image-limits': [
      '| rule | badge image (`image`) | issuer logo (`logo`) |',
      '|---|---|---|',
      '| format | PNG or SVG, named `.png` or `.svg` (the bytes must match the name) | same |',
      `| file size | at most ${CUSTOM_ARTWORK_MAX_BYTES / 1024} KiB | same |`,
      `| PNG size in pixels | each side from ${CUSTOM_ARTWORK_MIN_PIXELS} to ${CUSTOM_ARTWORK_MAX_PIXELS} | any |`,
      `| shape | roughly square: width ÷ height from ${CUSTOM_ARTWORK_ASPECT[0]} to ${CUSTOM_ARTWORK_ASPECT[1]} (PNG pixels, SVG \`viewBox\`) | any |`,
      '| SVG size | a `viewBox` (or `width` and `height`) on the `<svg>` element | not needed |',
      `| designed artwork, for comparison | ${ARTWORK_SIZE}×${ARTWORK_SIZE} pixels, PNG and SVG | |`,
    ].join('\n'),
  };
}

const PART = /(<!-- generated:([a-z-]+) [^>]*-->\n)([\s\S]*?)(<!-- \/generated:\2 -->)/g;

/**
 * The guide with every generated part replaced by its current text. Throws when the guide names a part
 * that does not exist or misses one, so a typo in a marker cannot leave a table stale.
 */
export function fillGuide(
  markdown: string,
  parts: Readonly<Record<string, string>> = generatedParts(),
): string {
  const seen = new Set<string>();
  const filled = markdown.replace(PART, (_, open: string, name: string, _old: string, close: string) => {
    const text = parts[name];
    if (text === undefined)
      throw new Error(`docs/badges.md has a generated part "${name}" that no code writes`);
    seen.add(name);
    return `${open}${text}\n${close}`;
  });
  const missing = Object.keys(parts).filter((name) => !seen.has(name));
  if (missing.length > 0) throw new Error(`docs/badges.md lacks the generated parts ${missing.join(', ')}`);
  return filled;
}
