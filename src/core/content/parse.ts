/**
 * Parsing of content files (YAML, and Markdown/MDX front matter) into plain data that remembers where each
 * value was written, so any later problem can name its line.
 */

import { isMap, LineCounter, type Node, parseDocument, visit } from 'yaml';
import { type Message, say } from '../messages/catalogue.ts';
import { type ContentProblem, said } from './problems.ts';

/** A content file as the shell read it. */
export interface SourceFile {
  /** Path relative to the project root, forward slashes. */
  readonly path: string;
  readonly text: string;
}

/** Parsed data plus a way back from a field path to its line. */
export interface ParsedSource {
  readonly file: string;
  /** The YAML data (front matter for Markdown), `undefined` when it could not be parsed. */
  readonly data: unknown;
  /** Markdown body after the front matter ('' for YAML files). */
  readonly body: string;
  /** 1-based line of the value at `path`, or of its nearest existing parent. */
  lineOf(path: readonly PropertyKey[]): number;
  /** 1-based line of the key `key` inside the mapping at `path` (for unknown fields). */
  lineOfKey(path: readonly PropertyKey[], key: string): number;
  /** First and last line of the value at `path` (a block scalar spans several). */
  linesOf(path: readonly PropertyKey[]): readonly [number, number];
  readonly problems: readonly ContentProblem[];
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Parses a `.yaml` content file. */
export function parseYamlSource(file: SourceFile): ParsedSource {
  return parseYamlText(file.path, file.text, 0, '');
}

/** Parses the front matter and body of a `.md`/`.mdx` content file. */
export function parseMarkdownSource(file: SourceFile): ParsedSource {
  const match = FRONT_MATTER.exec(file.text);
  if (!match) {
    return failed(file.path, 1, say('frontMatter.missing'), say('frontMatter.missing.hint'));
  }
  const body = file.text.slice(match[0].length);
  return parseYamlText(file.path, match[1] ?? '', 1, body);
}

function failed(file: string, line: number, message: Message, hint: Message): ParsedSource {
  return {
    file,
    data: undefined,
    body: '',
    lineOf: () => line,
    lineOfKey: () => line,
    linesOf: () => [line, line],
    problems: [{ file, line, field: '', ...said(message, hint) }],
  };
}

/** Aliases (`*name`) a file may expand: enough for any real use, far too few for an "alias bomb". */
const MAX_ALIAS_COUNT = 50;

function parseYamlText(file: string, text: string, lineOffset: number, body: string): ParsedSource {
  try {
    return parseYamlDocument(file, text, lineOffset, body);
  } catch (error) {
    // The parser reports mistakes as values; what it throws (a resource limit, an internal error) is still a
    // problem of this one file, and must not hide the problems of the others.
    const detail = error instanceof Error ? error.message : String(error);
    return failed(
      file,
      1 + lineOffset,
      say('yaml.unreadable', { detail: firstSentence(detail) }),
      say('yaml.unreadable.hint'),
    );
  }
}

function parseYamlDocument(file: string, text: string, lineOffset: number, body: string): ParsedSource {
  const counter = new LineCounter();
  // `uniqueKeys` makes a repeated key an error instead of a silent overwrite.
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number) => counter.linePos(offset).line + lineOffset;
  // One report per line: the YAML parser often raises several errors for a single indentation slip.
  const errors = doc.errors.filter(
    (e, i, all) => all.findIndex((o) => lineAt(o.pos[0]) === lineAt(e.pos[0])) === i,
  );
  const problems: ContentProblem[] = errors.map((error) => ({
    file,
    line: lineAt(error.pos[0]),
    field: '',
    ...said(yamlError(error.code, firstSentence(error.message)), say('yaml.unreadable.hint')),
  }));
  if (problems.length > 0) {
    return {
      file,
      data: undefined,
      body,
      lineOf: () => 1 + lineOffset,
      lineOfKey: () => 1 + lineOffset,
      linesOf: () => [1 + lineOffset, 1 + lineOffset],
      problems,
    };
  }

  const nodeAt = (path: readonly PropertyKey[]): Node | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
      if (node && typeof node === 'object' && 'range' in node) return node as Node;
    }
    return undefined;
  };
  const lineOf = (path: readonly PropertyKey[]) => {
    const node = nodeAt(path);
    return node?.range ? lineAt(node.range[0]) : 1 + lineOffset;
  };
  const linesOf = (path: readonly PropertyKey[]): readonly [number, number] => {
    const node = nodeAt(path);
    return node?.range
      ? [lineAt(node.range[0]), lineAt(Math.max(node.range[0], node.range[1] - 1))]
      : [1 + lineOffset, 1 + lineOffset];
  };
  const lineOfKey = (path: readonly PropertyKey[], key: string) => {
    const node = nodeAt(path);
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = pair.key as Node | null;
        if (k && 'value' in k && String((k as { value: unknown }).value) === key && k.range)
          return lineAt(k.range[0]);
      }
    }
    return lineOf(path);
  };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError && /alias/i.test(error.message))) throw error;
    let line = 1 + lineOffset;
    visit(doc, {
      Alias(_, node) {
        if (node.range) line = lineAt(node.range[0]);
        return visit.BREAK;
      },
    });
    return failed(file, line, say('yaml.aliasBomb'), say('yaml.aliasBomb.hint'));
  }
  return { file, data: data ?? {}, body, lineOf, lineOfKey, linesOf, problems: [] };
}

/** The parser's error codes whose gist is translated; the parser's own sentence follows it in French. */
const YAML_CODES = new Set([
  'DUPLICATE_KEY',
  'BAD_INDENT',
  'BLOCK_AS_IMPLICIT_KEY',
  'MULTILINE_IMPLICIT_KEY',
  'TAB_AS_INDENT',
  'MISSING_CHAR',
  'UNEXPECTED_TOKEN',
  'BAD_DQ_ESCAPE',
  'BAD_SCALAR_START',
  'BAD_ALIAS',
]);

function yamlError(code: string, detail: string): Message {
  if (!YAML_CODES.has(code)) return say('yaml.unreadable', { detail });
  return say('yaml.unreadable.coded', { detail, gist: say(`yaml.code.${code}` as 'yaml.code.BAD_INDENT') });
}

function firstSentence(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** Every scalar string of the document with its path, for content-wide scans (emails, key material). */
export function* scalarStrings(value: unknown, path: PropertyKey[] = []): Generator<[PropertyKey[], string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* scalarStrings(item, [...path, i]);
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) yield* scalarStrings(v, [...path, k]);
  }
}
