import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../src/core/bake/crc32.ts';

describe('crc32', () => {
  it('gives the standard check value for "123456789" (CRC-32/ISO-HDLC catalogue)', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('matches node:zlib for every length and alignment from 0 to 70 bytes', () => {
    const data = Uint8Array.from({ length: 80 }, (_, i) => (i * 151 + 17) % 256);
    for (let start = 0; start < 5; start++) {
      for (let end = start; end <= start + 70; end++) {
        expect(crc32(data, start, end)).toBe(zlibCrc32(data.subarray(start, end)));
      }
    }
  });

  it('chains: the CRC of a whole equals the CRC continued over its parts', () => {
    const data = Uint8Array.from({ length: 1000 }, (_, i) => (i * 31) % 251);
    expect(crc32(data, 300, 1000, crc32(data, 0, 300))).toBe(crc32(data));
  });
});
