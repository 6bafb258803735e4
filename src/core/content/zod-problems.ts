/** Turns zod issues into content problems with a line, a field and a hint taken from the schema's doc lines. */
import type { z } from 'zod';
import { type Message, type Param, say, sayFromSchema } from '../messages/catalogue.ts';
import type { ParsedSource } from './parse.ts';
import { type ContentProblem, closestName, didYouMean, said } from './problems.ts';

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
function movedUp(schema: z.ZodType, path: readonly PropertyKey[], key: string): Message | undefined {
  if (path.length === 0) return undefined;
  const parent = path.slice(0, -1);
  if (!knownKeys(schema, parent).includes(key)) return undefined;
  const block = String(path[path.length - 1]);
  return say('zod.movedUp.hint', {
    key,
    block,
    parent:
      parent.length === 0 ? say('zod.parent.file') : say('zod.parent.block', { block: formatField(parent) }),
  });
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
          ...said(
            say('zod.unknownField', { key }),
            movedUp(schema, path, key) ??
              say('zod.knownFields.hint', { guess: didYouMean(guess), known: known.join(', ') }),
          ),
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
      ...said(missing ? say('zod.required') : friendlyMessage(issue), doc ? sayFromSchema(doc) : undefined),
    });
  }
  return problems;
}

function friendlyMessage(issue: z.core.$ZodIssue): Message {
  switch (issue.code) {
    case 'invalid_type':
      return say('zod.expected', { expected: typeName(issue.expected), found: describeValue(issue.input) });
    case 'invalid_value':
      return say('zod.oneOf', {
        values: issue.values.map((v) => JSON.stringify(v)).join(', '),
        found: describeValue(issue.input),
      });
    case 'invalid_union':
      return say('zod.union', { found: describeValue(issue.input) });
    case 'too_small': {
      const min = Number(issue.minimum);
      return issue.origin === 'string'
        ? min === 1
          ? say('zod.notEmpty')
          : say('zod.minChars', { min })
        : issue.origin === 'array'
          ? say('zod.minItems', { min })
          : say('zod.min', { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      return issue.origin === 'string'
        ? say('zod.maxChars', { max })
        : issue.origin === 'array'
          ? say('zod.maxItems', { max })
          : say('zod.max', { max });
    }
    case 'invalid_format':
      if (issue.format === 'date') return say('zod.day', { found: describeValue(issue.input) });
      if (issue.format === 'url') return say('zod.url', { found: describeValue(issue.input) });
      if (issue.format === 'email') return say('zod.email', { found: describeValue(issue.input) });
      return say('zod.format', { rule: ruleText(issue.message), found: describeValue(issue.input) });
    default:
      return say('zod.other', { rule: ruleText(issue.message) });
  }
}

/** A refusal written in a schema ("must be …"), without a final full stop: the message adds its own. */
const ruleText = (text: string) => sayFromSchema(text.replace(/\.$/, ''));

const TYPE_NAMES = new Set(['string', 'number', 'boolean', 'object', 'array', 'date']);

function typeName(type: string): Param {
  return TYPE_NAMES.has(type)
    ? say(`zod.type.${type}` as 'zod.type.string')
    : say('zod.type.other', {
        article: say(/^[aeiou]/.test(type) ? 'zod.article.an' : 'zod.article.a'),
        type,
      });
}

/**
 * Something shaped like an email address anywhere in a string: a character, "@", then a dot followed by two
 * letters before the next space, quote, bracket or "@". Written so that each "@" is tried once over the
 * text up to the next "@" (linear time): the obvious `[^\s@]+@[^\s@]+\.[a-z]{2,}` retries every starting
 * position of a long run and takes seconds on a value of 50 000 characters.
 */
export const EMAIL_LIKE = /[^\s@<>"']@[^\s@<>"'][^\s@<>"']*?\.[A-Za-z]{2}/;

function describeValue(value: unknown): Param {
  if (value === null) return 'null';
  if (Array.isArray(value)) return say('zod.value.list');
  if (typeof value === 'object') return say('zod.value.mapping');
  if (typeof value === 'string') {
    // Never echo what may be a learner's email or key material into a terminal or a CI log.
    if (EMAIL_LIKE.test(value)) return say('zod.value.email');
    if (value.length > 200) return say('zod.value.longText', { length: value.length });
    const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
    return JSON.stringify(shown);
  }
  return String(value);
}
