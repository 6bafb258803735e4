import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { bakePng, createPngBaker, readPngChunks, unbakePng } from '../../../src/core/bake/png.ts';
import { InsigneError } from '../../../src/core/errors.ts';
import {
  insertAfterIhdr,
  latin1,
  makeChunk,
  rawChunks,
  SAMPLE_ASSERTION,
  SAMPLE_CREDENTIAL,
  SAMPLE_JWS,
  samplePng,
} from './helpers.ts';

const png = samplePng();

function codeOf(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof InsigneError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected an InsigneError');
}

describe('bakePng', () => {
  const baked = bakePng(png, [
    { keyword: 'openbadges', text: SAMPLE_ASSERTION },
    { keyword: 'openbadgecredential', text: SAMPLE_CREDENTIAL },
  ]);

  it('round-trips both versions', () => {
    expect(unbakePng(baked)).toEqual({
      openbadges: SAMPLE_ASSERTION,
      openbadgecredential: SAMPLE_CREDENTIAL,
    });
  });

  it('inserts uncompressed iTXt chunks right after IHDR with the exact DIGEST §2.1 layout and valid CRCs', () => {
    const chunks = rawChunks(baked);
    expect(chunks.map((c) => c.type).slice(0, 3)).toEqual(['IHDR', 'iTXt', 'iTXt']);
    const header = (keyword: string) => Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.alloc(5)]);
    expect(chunks[1]?.data).toEqual(
      Buffer.concat([header('openbadges'), Buffer.from(SAMPLE_ASSERTION, 'utf8')]),
    );
    expect(chunks[2]?.data).toEqual(
      Buffer.concat([header('openbadgecredential'), Buffer.from(SAMPLE_CREDENTIAL, 'utf8')]),
    );
    for (const chunk of chunks) expect(chunk.storedCrc).toBe(chunk.computedCrc);
  });

  it('does not re-encode: the bytes before and after the new chunks are the original ones', () => {
    const inserted = rawChunks(baked)
      .slice(1, 3)
      .reduce((n, c) => n + c.data.length + 12, 0);
    expect(baked.length).toBe(png.length + inserted);
    expect(Buffer.from(baked.subarray(0, 33))).toEqual(Buffer.from(png.subarray(0, 33)));
    expect(Buffer.from(baked.subarray(33 + inserted))).toEqual(Buffer.from(png.subarray(33)));
  });

  it('keeps an image that a PNG decoder reads to the same pixels', () => {
    expect(PNG.sync.read(Buffer.from(baked)).data).toEqual(PNG.sync.read(Buffer.from(png)).data);
  });

  it('replaces on re-baking: one chunk per keyword, the new text', () => {
    const again = bakePng(baked, [
      { keyword: 'openbadgecredential', text: '{"v":2}' },
      { keyword: 'openbadges', text: SAMPLE_JWS },
    ]);
    const texts = rawChunks(again).filter((c) => c.type === 'iTXt');
    expect(texts).toHaveLength(2);
    expect(unbakePng(again)).toEqual({ openbadges: SAMPLE_JWS, openbadgecredential: '{"v":2}' });
  });

  it('keeps the payload of a keyword that is not re-baked', () => {
    const again = bakePng(baked, [{ keyword: 'openbadgecredential', text: '{"v":3}' }]);
    expect(unbakePng(again)).toEqual({ openbadges: SAMPLE_ASSERTION, openbadgecredential: '{"v":3}' });
    expect(rawChunks(again).filter((c) => c.type === 'iTXt')).toHaveLength(2);
  });

  it('replaces a legacy tEXt openbadges chunk when baking openbadges', () => {
    const legacy = insertAfterIhdr(png, makeChunk('tEXt', latin1('openbadges\0https://example.org/a.json')));
    const rebaked = bakePng(legacy, [{ keyword: 'openbadges', text: SAMPLE_ASSERTION }]);
    expect(rawChunks(rebaked).filter((c) => c.type === 'tEXt')).toHaveLength(0);
    expect(unbakePng(rebaked)).toEqual({ openbadges: SAMPLE_ASSERTION });
  });

  it('leaves other text chunks alone', () => {
    const withComment = insertAfterIhdr(png, makeChunk('tEXt', latin1('Comment\0made by hand')));
    const rebaked = bakePng(withComment, [{ keyword: 'openbadges', text: SAMPLE_JWS }]);
    expect(rawChunks(rebaked).map((c) => c.type)).toEqual(['IHDR', 'iTXt', 'tEXt', 'IDAT', 'IEND']);
  });

  it('bakes many awards from one prepared baker without touching the artwork', () => {
    const copy = png.slice();
    const bake = createPngBaker(copy);
    const a = bake([{ keyword: 'openbadges', text: '{"id":"a"}' }]);
    const b = bake([{ keyword: 'openbadges', text: '{"id":"b"}' }]);
    expect(unbakePng(a).openbadges).toBe('{"id":"a"}');
    expect(unbakePng(b).openbadges).toBe('{"id":"b"}');
    expect(copy).toEqual(png);
  });

  it('refuses two payloads for one keyword, empty or NUL text, and unknown keywords', () => {
    const dup = codeOf(() =>
      bakePng(png, [
        { keyword: 'openbadges', text: 'a' },
        { keyword: 'openbadges', text: 'b' },
      ]),
    );
    expect(dup).toEqual({
      code: 'ERR_BAKE_DUPLICATE_KEYWORD',
      message:
        'Cannot bake two "openbadges" payloads into one PNG: the baking specifications allow one chunk per keyword. Pass each keyword once.',
    });
    expect(codeOf(() => bakePng(png, [{ keyword: 'openbadges', text: 'a\0b' }])).code).toBe(
      'ERR_BAKE_INVALID_TEXT',
    );
    expect(codeOf(() => bakePng(png, [{ keyword: 'openbadges', text: '' }])).code).toBe(
      'ERR_BAKE_INVALID_TEXT',
    );
    const unknown = codeOf(() => bakePng(png, [{ keyword: 'clrcredential' as 'openbadges', text: '{}' }]));
    expect(unknown).toEqual({
      code: 'ERR_BAKE_UNKNOWN_KEYWORD',
      message: 'Cannot bake keyword "clrcredential": use "openbadges" or "openbadgecredential".',
    });
  });
});

describe('unbakePng', () => {
  it('returns nothing for an unbaked PNG', () => {
    expect(unbakePng(png)).toEqual({});
  });

  it('refuses a keyword baked twice, naming the keyword and both chunks', () => {
    // The baking specifications allow one chunk per keyword; tools reading different ones disagree.
    const twice = insertAfterIhdr(
      png,
      makeChunk('iTXt', latin1('openbadgecredential\0\0\0\0\0first')),
      makeChunk('iTXt', latin1('openbadgecredential\0\0\0\0\0second')),
    );
    expect(() => unbakePng(twice)).toThrow(
      expect.objectContaining({
        code: 'ERR_BAKE_DUPLICATE_PAYLOAD',
        message:
          'The PNG carries the "openbadgecredential" keyword 2 times (iTXt at byte 33, iTXt at byte 74); the baking specification allows it once. Tools that read different chunks would show different OB 3.0 credentials, so none can be trusted.',
      }),
    );
    const ob2 = insertAfterIhdr(
      png,
      makeChunk('iTXt', latin1('openbadges\0\0\0\0\0first')),
      makeChunk('zTXt', latin1('openbadges\0\0compressed')),
    );
    expect(() => unbakePng(ob2)).toThrow(
      /"openbadges" keyword 2 times \(iTXt at byte 33, zTXt at byte \d+\)/,
    );
  });

  it('reads a legacy tEXt openbadges chunk (a hosted assertion URL) and says so', () => {
    const legacy = insertAfterIhdr(png, makeChunk('tEXt', latin1('openbadges\0https://example.org/a.json')));
    expect(unbakePng(legacy)).toEqual({ openbadges: 'https://example.org/a.json', legacy: true });
  });

  it('refuses an iTXt payload next to a legacy tEXt one: two OB 2.0 payloads', () => {
    const both = insertAfterIhdr(
      png,
      makeChunk('tEXt', latin1('openbadges\0https://example.org/a.json')),
      makeChunk('iTXt', latin1('openbadges\0\0\0\0\0{"id":"new"}')),
    );
    expect(() => unbakePng(both)).toThrow(expect.objectContaining({ code: 'ERR_BAKE_DUPLICATE_PAYLOAD' }));
    // Re-baking drops every older chunk of the keyword, so the result is readable again.
    const rebaked = bakePng(both, [{ keyword: 'openbadges', text: SAMPLE_ASSERTION }]);
    expect(unbakePng(rebaked)).toEqual({ openbadges: SAMPLE_ASSERTION });
  });

  it('reads iTXt chunks that carry a language tag or translated keyword', () => {
    const tagged = insertAfterIhdr(
      png,
      makeChunk('iTXt', latin1('openbadgecredential\0\0\0fr\0badge\0{"x":1}')),
    );
    expect(unbakePng(tagged)).toEqual({ openbadgecredential: '{"x":1}' });
  });

  it('refuses a compressed iTXt payload with a coded error', () => {
    const compressed = insertAfterIhdr(
      png,
      makeChunk('iTXt', latin1('openbadges\0\x01\0\0\0x\x9c\x03\0\0\0\0\x01')),
    );
    expect(codeOf(() => unbakePng(compressed))).toEqual({
      code: 'ERR_BAKE_COMPRESSED_TEXT',
      message:
        'The "openbadges" iTXt chunk at byte 33 is compressed, which the baking specifications forbid ("Compression MUST NOT be used"). Re-bake the image without compression.',
    });
  });

  it('refuses invalid UTF-8 text', () => {
    const bad = insertAfterIhdr(
      png,
      makeChunk('iTXt', Uint8Array.from([...latin1('openbadges\0\0\0\0\0'), 0xff])),
    );
    expect(codeOf(() => unbakePng(bad)).code).toBe('ERR_BAKE_CORRUPT');
  });
});

describe('PNG validation', () => {
  it('refuses a file without the PNG signature', () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
    for (const bytes of [svg, new Uint8Array(0), png.subarray(0, 7)]) {
      expect(codeOf(() => unbakePng(bytes))).toEqual({
        code: 'ERR_BAKE_NOT_PNG',
        message:
          'Image is not a PNG: the 8-byte PNG signature is missing. Bake a .png file, or use bakeSvg for an SVG.',
      });
      expect(codeOf(() => bakePng(bytes, [])).code).toBe('ERR_BAKE_NOT_PNG');
    }
  });

  it('refuses a file cut anywhere after the signature', () => {
    for (const end of [8, 12, 20, 33, 40, png.length - 12, png.length - 1]) {
      expect(codeOf(() => readPngChunks(png.subarray(0, end))).code).toBe('ERR_BAKE_TRUNCATED');
    }
    expect(codeOf(() => readPngChunks(png.subarray(0, 45))).message).toMatch(
      /^PNG is truncated: chunk "IDAT" at byte 33 needs \d+ bytes; the file ends first\. Use the complete file\.$/,
    );
  });

  it('refuses a flipped bit anywhere in a chunk (CRC mismatch)', () => {
    for (const at of [20, 30, 45, png.length - 6]) {
      const damaged = png.slice();
      damaged[at] = (damaged[at] as number) ^ 0x10;
      expect(codeOf(() => readPngChunks(damaged)).code).toBe('ERR_BAKE_CORRUPT');
    }
    const damaged = png.slice();
    damaged[20] = (damaged[20] as number) ^ 0x01;
    expect(codeOf(() => unbakePng(damaged)).message).toMatch(
      /^PNG is corrupt: chunk "IHDR" at byte 8 has CRC 0x[0-9a-f]{8}; its bytes give 0x[0-9a-f]{8}\. Re-export or re-download the image\.$/,
    );
  });

  it('refuses a PNG whose first chunk is not IHDR, or with an absurd length', () => {
    const noIhdr = new Uint8Array(
      Buffer.concat([png.subarray(0, 8), makeChunk('tEXt', latin1('a\0b')), png.subarray(8)]),
    );
    expect(codeOf(() => readPngChunks(noIhdr)).message).toBe(
      'PNG is corrupt: the first chunk must be a 13-byte IHDR; found "tEXt" of 3 bytes. Re-export or re-download the image.',
    );
    const huge = png.slice();
    huge.set([0xff, 0xff, 0xff, 0xff], 8);
    expect(codeOf(() => readPngChunks(huge)).code).toBe('ERR_BAKE_CORRUPT');
  });

  it('keeps bytes after IEND untouched', () => {
    const trailing = new Uint8Array([...png, 1, 2, 3]);
    const baked = bakePng(trailing, [{ keyword: 'openbadges', text: '{}' }]);
    expect([...baked.subarray(-3)]).toEqual([1, 2, 3]);
  });
});
