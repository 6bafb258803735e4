import { describe, expect, it } from 'vitest';
import {
  InputLimitError,
  jsonShape,
  jsonTooDeep,
  MAX_JSON_DEPTH,
  parseJsonWithinLimits,
} from '../../../src/core/verify/limits.ts';

const limitError = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof InputLimitError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected an InputLimitError');
};

describe('jsonShape', () => {
  it('measures nesting and values outside strings only, escapes included', () => {
    expect(jsonShape('{"a":[1,2,{"b":3}],"c":"[[{{,,\\"]]"}')).toEqual({ depth: 3, values: 6 });
    expect(jsonShape('"just a string with [ and {"')).toEqual({ depth: 0, values: 0 });
  });

  it('stops at the first level past the limit, so any depth costs its length at most', () => {
    const deep = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    expect(jsonShape(deep, 10).depth).toBe(11);
    expect(jsonTooDeep(deep)).toBe(true);
    expect(jsonTooDeep(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`)).toBe(false);
  });
});

describe('parseJsonWithinLimits', () => {
  it('parses JSON within the limits and leaves syntax errors to JSON.parse', () => {
    expect(parseJsonWithinLimits('{"a":[1]}')).toEqual({ a: [1] });
    expect(() => parseJsonWithinLimits('{"a":')).toThrow(SyntaxError);
  });

  it('refuses nesting, size and, when asked, a number of values no badge has', () => {
    expect(limitError(() => parseJsonWithinLimits(`{"a":${'['.repeat(65)}`, 'The credential'))).toEqual({
      code: 'INPUT_TOO_DEEP',
      message: 'The credential nests arrays or objects more than 64 levels deep; no badge does.',
    });
    expect(limitError(() => parseJsonWithinLimits(' '.repeat(16 * 1024 * 1024 + 1)))).toEqual({
      code: 'INPUT_TOO_LARGE',
      message: 'The JSON is 16,777,217 bytes long; no badge needs more than 16,777,216.',
    });
    const many = JSON.stringify(Array.from({ length: 101 }, (_, i) => i));
    expect(parseJsonWithinLimits(many)).toHaveLength(101);
    expect(limitError(() => parseJsonWithinLimits(many, 'The token', 100))).toEqual({
      code: 'INPUT_TOO_LARGE',
      message: 'The token holds more than 100 values; no badge needs as many.',
    });
  });
});
