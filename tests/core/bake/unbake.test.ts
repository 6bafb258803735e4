import { describe, expect, it } from 'vitest';
import { bakePng } from '../../../src/core/bake/png.ts';
import { bakeSvg } from '../../../src/core/bake/svg.ts';
import { sniffBakedImageFormat, unbake } from '../../../src/core/bake/unbake.ts';
import { InsigneError } from '../../../src/core/errors.ts';
import {
  insertAfterIhdr,
  latin1,
  makeChunk,
  SAMPLE_ASSERTION,
  SAMPLE_CREDENTIAL,
  SAMPLE_JWS,
  samplePng,
} from './helpers.ts';

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('sniffBakedImageFormat', () => {
  it('sniffs like the Python bakery: PNG signature, else <svg within the first 256 bytes', () => {
    expect(sniffBakedImageFormat(samplePng())).toBe('png');
    expect(sniffBakedImageFormat(utf8(SVG))).toBe('svg');
    expect(sniffBakedImageFormat(utf8(`${' '.repeat(252)}<svg/>`))).toBe('svg');
    expect(sniffBakedImageFormat(utf8(`${' '.repeat(253)}<svg/>`))).toBeUndefined();
    expect(sniffBakedImageFormat(utf8('{"id":"x"}'))).toBeUndefined();
  });
});

describe('unbake', () => {
  it('reads both versions from a PNG', () => {
    const png = bakePng(samplePng(), [
      { keyword: 'openbadges', text: SAMPLE_ASSERTION },
      { keyword: 'openbadgecredential', text: SAMPLE_JWS },
    ]);
    expect(unbake(png)).toEqual({ format: 'png', assertion: SAMPLE_ASSERTION, credential: SAMPLE_JWS });
  });

  it('reads a legacy PNG hosted URL as the OB 2.0 payload', () => {
    const png = insertAfterIhdr(
      samplePng(),
      makeChunk('tEXt', latin1('openbadges\0https://example.org/a.json')),
    );
    expect(unbake(png)).toEqual({ format: 'png', assertion: 'https://example.org/a.json' });
  });

  it('reads both versions from an SVG, preferring the JSON over a hosted URL', () => {
    const svg = bakeSvg(SVG, {
      assertion: { json: SAMPLE_ASSERTION, hostedUrl: 'https://example.org/a.json' },
      credential: { json: SAMPLE_CREDENTIAL },
    });
    expect(unbake(utf8(svg))).toEqual({
      format: 'svg',
      assertion: SAMPLE_ASSERTION,
      credential: SAMPLE_CREDENTIAL,
    });
    const signed = bakeSvg(SVG, { assertion: { jws: SAMPLE_JWS }, credential: { jwt: SAMPLE_JWS } });
    expect(unbake(utf8(signed))).toEqual({ format: 'svg', assertion: SAMPLE_JWS, credential: SAMPLE_JWS });
    const urlOnly = bakeSvg(SVG, { assertion: { hostedUrl: 'https://example.org/a.json' } });
    expect(unbake(utf8(urlOnly))).toEqual({ format: 'svg', assertion: 'https://example.org/a.json' });
  });

  it('returns only the format for an image with nothing baked', () => {
    expect(unbake(samplePng())).toEqual({ format: 'png' });
    expect(unbake(utf8(SVG))).toEqual({ format: 'svg' });
  });

  it('refuses other files with a coded error', () => {
    const run = (bytes: Uint8Array) => {
      try {
        unbake(bytes);
      } catch (error) {
        return error instanceof InsigneError ? [error.code, error.message] : error;
      }
      return undefined;
    };
    expect(run(utf8('{"@context":"x"}'))).toEqual([
      'ERR_BAKE_UNKNOWN_FORMAT',
      'Cannot unbake: the file is neither a PNG (no PNG signature) nor an SVG (no "<svg" in its first 256 bytes).',
    ]);
    expect(run(Uint8Array.from([0x3c, 0x73, 0x76, 0x67, 0xff, 0xfe]))).toEqual([
      'ERR_BAKE_NOT_SVG',
      'Image is not an SVG: the file is not valid UTF-8 text.',
    ]);
    expect(run(samplePng().subarray(0, 50))).toEqual([
      'ERR_BAKE_TRUNCATED',
      expect.stringContaining('PNG is truncated'),
    ]);
  });
});
