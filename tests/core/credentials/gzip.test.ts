/** The deterministic gzip writer against the platform's decoders (RFC 1951/1952 conformance). */
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzip, gzipDeterministic } from '../../../src/core/credentials/gzip.ts';

/** A reproducible byte stream (xorshift32), sparse or dense. */
function bytes(length: number, seed: number, density: number): Uint8Array {
  let state = seed;
  return Uint8Array.from({ length }, () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const value = (state >>> 0) % 256;
    return value < 256 * density ? value : 0;
  });
}

const cases: [string, Uint8Array][] = [
  ['empty', new Uint8Array()],
  ['one byte', Uint8Array.of(0x80)],
  ['all zeros (16 KiB)', new Uint8Array(16_384)],
  ['runs of every length', Uint8Array.from({ length: 3000 }, (_, i) => Math.floor(Math.sqrt(i)) % 3)],
  ['sparse', bytes(16_384, 42, 0.01)],
  ['dense, every byte value', bytes(4096, 7, 1)],
];

describe('gzipDeterministic', () => {
  it.each(cases)('round-trips %s through zlib and DecompressionStream', async (_, data) => {
    const gz = gzipDeterministic(data);
    expect(new Uint8Array(gunzipSync(gz))).toEqual(data);
    expect(await gunzip(gz)).toEqual(data);
  });

  it('writes a fixed header (no name, MTIME 0, OS unknown) and the same bytes every time', () => {
    const data = bytes(16_384, 3, 0.02);
    const gz = gzipDeterministic(data);
    expect([...gz.slice(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
    expect(gzipDeterministic(data)).toEqual(gz);
  });

  it('compresses an empty 131 072-entry status list to about 125 bytes (zlib: 58)', () => {
    expect(gzipDeterministic(new Uint8Array(16_384)).length).toBeLessThanOrEqual(125);
  });

  it('rejects data that is not gzip', async () => {
    await expect(gunzip(Uint8Array.of(1, 2, 3))).rejects.toMatchObject({ code: 'ERR_GZIP_INVALID' });
  });
});
