/** base58btc (draft-msporny-base58 §5 test vectors). */
import { describe, expect, it } from 'vitest';
import { decodeBase58btc, encodeBase58btc } from '../../../src/core/credentials/base58.ts';

const text = (value: string) => new TextEncoder().encode(value);

describe('base58btc', () => {
  it.each([
    ['Hello World!', '2NEpo7TZRRrLZSi2U'],
    [
      'The quick brown fox jumps over the lazy dog.',
      'USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z',
    ],
  ])('encodes and decodes %j', (input, encoded) => {
    expect(encodeBase58btc(text(input))).toBe(encoded);
    expect(decodeBase58btc(encoded)).toEqual(text(input));
  });

  it('keeps leading zero bytes as leading 1s', () => {
    expect(encodeBase58btc(Uint8Array.of(0, 0, 0x28, 0x7f, 0xb4, 0xcd))).toBe('11233QC4');
    expect(decodeBase58btc('11233QC4')).toEqual(Uint8Array.of(0, 0, 0x28, 0x7f, 0xb4, 0xcd));
    expect(encodeBase58btc(new Uint8Array())).toBe('');
  });

  it('rejects characters outside the alphabet', () => {
    expect(() => decodeBase58btc('0OIl')).toThrow(expect.objectContaining({ code: 'ERR_BASE58_INVALID' }));
  });
});
