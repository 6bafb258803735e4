/**
 * Limits on hostile input. A verifier reads files anyone can craft; what no badge ever needs (a document
 * nested thousands of levels deep, tens of megabytes of text) is refused as malformed before any recursive
 * code (JSON-LD expansion, schema validation, `JSON.stringify`) can overflow the stack, so such input is
 * never misreported as a network failure or a verifier bug.
 */

/**
 * The deepest JSON nesting accepted. An Open Badges 3.0 credential nests about eight levels (credential →
 * subject → achievement → alignment → …); 64 leaves room for extensions and stays far from any stack limit.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * The largest input or fetched document accepted, in bytes. A baked image is its artwork (at most 1 MiB,
 * src/core/artwork/custom.ts) plus two payloads of a few kilobytes; a status list is a few tens of kilobytes.
 */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/**
 * The most values (array items and object members) one badge payload may hold. A credential holds about a
 * hundred; past a few thousand, JSON-LD processing of a document shape the templates do not know grows
 * quadratically (seconds for 20 000 values), a cost anyone could impose on a verifier. Documents the
 * verifier fetches are not held to it: a revocation list may list thousands of awards.
 */
export const MAX_PAYLOAD_VALUES = 10_000;

/**
 * How deeply `text` nests arrays and objects, and about how many values they hold (openings and commas),
 * in one linear pass that skips string contents (escapes included); it stops early past `maxDepth`.
 * Malformed JSON is left to `JSON.parse`, which reports it.
 */
export function jsonShape(
  text: string,
  maxDepth: number = MAX_JSON_DEPTH,
): { depth: number; values: number } {
  let depth = 0;
  let deepest = 0;
  let values = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip a string: up to the next quote that is not escaped.
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 0x5c) i++;
        else if (s === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      values++;
      if (++depth > deepest) deepest = depth;
      if (depth > maxDepth) break;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    } else if (c === 0x2c) {
      values++;
    }
  }
  return { depth: deepest, values };
}

/** Whether `text` nests arrays and objects deeper than `limit` (see `jsonShape`). */
export const jsonTooDeep = (text: string, limit: number = MAX_JSON_DEPTH): boolean =>
  jsonShape(text, limit).depth > limit;

/** Input beyond the limits above: hostile or damaged, reported as malformed (never as a fetch failure). */
export class InputLimitError extends Error {
  readonly code: 'INPUT_TOO_DEEP' | 'INPUT_TOO_LARGE';
  constructor(code: InputLimitError['code'], message: string) {
    super(message);
    this.name = 'InputLimitError';
    this.code = code;
  }
}

/** The `InputLimitError` for `size` (bytes or characters) over `MAX_INPUT_BYTES`, or undefined. */
export function sizeProblem(size: number, what: string): InputLimitError | undefined {
  if (size <= MAX_INPUT_BYTES) return undefined;
  return new InputLimitError(
    'INPUT_TOO_LARGE',
    `${what} is ${size.toLocaleString('en')} bytes long; no badge needs more than ${MAX_INPUT_BYTES.toLocaleString('en')}.`,
  );
}

/** Throws an `InputLimitError` when `size` is over `MAX_INPUT_BYTES`. */
export function checkInputSize(size: number, what: string): void {
  const problem = sizeProblem(size, what);
  if (problem !== undefined) throw problem;
}

/**
 * `JSON.parse` within the limits, size and nesting (and, with `maxValues`, the number of values) checked
 * first in linear time: an `InputLimitError` beyond them, the `SyntaxError` of `JSON.parse` for text that
 * is not JSON.
 */
export function parseJsonWithinLimits(text: string, what = 'The JSON', maxValues?: number): unknown {
  checkInputSize(text.length, what);
  const shape = jsonShape(text);
  if (shape.depth > MAX_JSON_DEPTH) {
    throw new InputLimitError(
      'INPUT_TOO_DEEP',
      `${what} nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep; no badge does.`,
    );
  }
  if (maxValues !== undefined && shape.values > maxValues) {
    throw new InputLimitError(
      'INPUT_TOO_LARGE',
      `${what} holds more than ${maxValues.toLocaleString('en')} values; no badge needs as many.`,
    );
  }
  return JSON.parse(text);
}
