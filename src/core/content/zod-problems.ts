/** Turns zod issues into content problems with a line, a field and a hint taken from the schema's doc lines. */
import type { z } from 'zod';
import type { ParsedSource } from './parse.ts';
import { type ContentProblem, closestName } from './problems.ts';

type AnySchema = z.ZodType;

interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  options?: AnySchema[];
}

const defOf = (schema: AnySchema) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Follows wrappers (optional, default, pipe, union) to the schema that describes the value itself. */
function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (let i = 0; i < 10; i++) {
    const def = defOf(current);
    const next = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!next) return current;
    current = next;
  }
  return current;
}

/** The sub-schema at a field path, or undefined. */
export function schemaAt(schema: AnySchema, path: readonly PropertyKey[]): AnySchema | undefined {
  let current: AnySchema | undefined = schema;
  for (const key of path) {
    if (!current) return undefined;
    const def = defOf(unwrap(current));
    if (def.type === 'object' && typeof key === 'string') current = def.shape?.[key];
    else if (def.type === 'array') current = def.element;
    else return undefined;
  }
  return current;
}

/** The doc line of the field at `path`, looking through wrappers. */
export function describeAt(schema: AnySchema, path: readonly PropertyKey[]): string | undefined {
  let current = schemaAt(schema, path);
  for (let i = 0; current && i < 10; i++) {
    if (current.description) return current.description;
    const def = defOf(current);
    current = def.innerType ?? (def.type === 'pipe' ? def.in : def.options?.[0]);
  }
  return undefined;
}

/** Field paths as administrators read them: `evidence[0].url`. */
export function formatField(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function knownKeys(schema: AnySchema, path: readonly PropertyKey[]): string[] {
  const target = schemaAt(schema, path);
  if (!target) return [];
  const def = defOf(unwrap(target));
  return def.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * When a field written inside a block belongs one level up (a badge's \`image\` written under \`artwork:\`),
 * the hint says so rather than listing the block's own fields.
 */
function movedUp(schema: z.ZodType, path: readonly PropertyKey[], key: string): string | undefined {
  if (path.length === 0) return undefined;
  const parent = path.slice(0, -1);
  if (!knownKeys(schema, parent).includes(key)) return undefined;
  const block = String(path[path.length - 1]);
  return `"${key}" is not a field of "${block}" but of the ${parent.length === 0 ? 'file itself' : `"${formatField(parent)}" block`}: move it out of "${block}:", to the same indentation as "${block}:". The badge design guide (docs/badges.md) shows where each field goes.`;
}

/** Maps every issue of a failed parse to a problem. */
export function toProblems(schema: AnySchema, source: ParsedSource, issues: readonly z.core.$ZodIssue[]) {
  const problems: ContentProblem[] = [];
  for (const issue of issues) {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, path);
      for (const key of issue.keys) {
        const guess = closestName(key, known);
        problems.push({
          file: source.file,
          line: source.lineOfKey(path, key),
          field: formatField([...path, key]),
          message: `Unknown field "${key}".`,
          hint:
            movedUp(schema, path, key) ??
            `${guess ? `Did you mean "${guess}"? ` : ''}Known fields here: ${known.join(', ')}.`,
        });
      }
      continue;
    }
    const doc = describeAt(schema, path);
    const missing = valueAt(source.data, path) === undefined;
    problems.push({
      file: source.file,
      line: source.lineOf(path),
      field: formatField(path),
      message: missing ? 'This field is required but missing.' : friendlyMessage(issue),
      ...(doc ? { hint: doc } : {}),
    });
  }
  return problems;
}

function friendlyMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `Expected ${article(issue.expected)}, found ${describeValue(issue.input)}.`;
    case 'invalid_value':
      return `Must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}; found ${describeValue(issue.input)}.`;
    case 'invalid_union':
      return `Has an unexpected value ${describeValue(issue.input)}.`;
    case 'too_small':
      return issue.origin === 'string'
        ? issue.minimum === 1
          ? 'Must not be empty.'
          : `Must be at least ${issue.minimum} characters long.`
        : issue.origin === 'array'
          ? `Needs at least ${issue.minimum} item(s).`
          : `Must be at least ${issue.minimum}.`;
    case 'too_big':
      return issue.origin === 'string'
        ? `Is too long: at most ${issue.maximum} characters.`
        : issue.origin === 'array'
          ? `Has too many items: at most ${issue.maximum}.`
          : `Must be at most ${issue.maximum}.`;
    case 'invalid_format':
      if (issue.format === 'date') return `Is not a valid day: ${describeValue(issue.input)}.`;
      if (issue.format === 'url') return `Is not a valid http(s) URL: ${describeValue(issue.input)}.`;
      if (issue.format === 'email') return `Is not a valid email address: ${describeValue(issue.input)}.`;
      return `${capitalise(issue.message)}; found ${describeValue(issue.input)}.`;
    default:
      return `${capitalise(issue.message)}.`;
  }
}

/**
 * Something shaped like an email address anywhere in a string: a character, "@", then a dot followed by two
 * letters before the next space, quote, bracket or "@". Written so that each "@" is tried once over the
 * text up to the next "@" (linear time): the obvious `[^\s@]+@[^\s@]+\.[a-z]{2,}` retries every starting
 * position of a long run and takes seconds on a value of 50 000 characters.
 */
export const EMAIL_LIKE = /[^\s@<>"']@[^\s@<>"'][^\s@<>"']*?\.[A-Za-z]{2}/;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replace(/\.$/, '');
const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    // Never echo what may be a learner's email or key material into a terminal or a CI log.
    if (EMAIL_LIKE.test(value)) return 'an email address';
    if (value.length > 200) return `a text of ${value.length} characters`;
    const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
    return JSON.stringify(shown);
  }
  return String(value);
}
