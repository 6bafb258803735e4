/**
 * A deterministic, dependency-free gzip writer (RFC 1952 around RFC 1951 DEFLATE) for status-list
 * bitstrings, and a reader built on the platform's DecompressionStream.
 *
 * Why our own writer: CompressionStream('gzip') output depends on the zlib build and the operating
 * system byte of the host (Chromium ships its own zlib fork), so the same list could get different bytes
 * in Node and in a browser, or after an upgrade, and every rebuild would re-sign a "changed" list. This
 * writer uses one fixed-Huffman block whose only back-references repeat the previous byte (distance 1):
 * output depends on the input alone, and an all-zero 16 KiB bitstring shrinks to 125 bytes (zlib: 58).
 */
import { crc32 } from '../bake/crc32.ts';
import { InsigneError } from '../errors.ts';

/** Length codes 257…285: base length and extra bits (RFC 1951 §3.2.5). */
const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
  227, 258,
];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];

class BitWriter {
  readonly bytes: number[] = [];
  private current = 0;
  private count = 0;

  /** Appends `length` bits of `value`, least significant first (DEFLATE's bit order for data). */
  bits(value: number, length: number): void {
    for (let i = 0; i < length; i++) {
      this.current |= ((value >>> i) & 1) << this.count;
      if (++this.count === 8) this.flush();
    }
  }

  /** Appends a Huffman code, most significant bit first (RFC 1951 §3.1.1). */
  code(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.bits((value >>> i) & 1, 1);
  }

  flush(): void {
    if (this.count > 0) this.bytes.push(this.current);
    this.current = 0;
    this.count = 0;
  }
}

/** Fixed Huffman code of a literal/length symbol (RFC 1951 §3.2.6). */
function writeSymbol(out: BitWriter, symbol: number): void {
  if (symbol < 144) out.code(0x30 + symbol, 8);
  else if (symbol < 256) out.code(0x190 + symbol - 144, 9);
  else if (symbol < 280) out.code(symbol - 256, 7);
  else out.code(0xc0 + symbol - 280, 8);
}

function writeRepeat(out: BitWriter, length: number): void {
  let index = LENGTH_BASE.length - 1;
  while ((LENGTH_BASE[index] ?? 0) > length) index--;
  writeSymbol(out, 257 + index);
  out.bits(length - (LENGTH_BASE[index] ?? 0), LENGTH_EXTRA[index] ?? 0);
  out.code(0, 5); // distance code 0: distance 1, no extra bits
}

/** Raw DEFLATE stream of `data`: one final fixed-Huffman block, runs as distance-1 repeats. */
export function deflateRuns(data: Uint8Array): Uint8Array {
  const out = new BitWriter();
  out.bits(1, 1); // BFINAL
  out.bits(1, 2); // BTYPE 01: fixed Huffman codes
  let i = 0;
  while (i < data.length) {
    const byte = data[i] ?? 0;
    writeSymbol(out, byte);
    let run = 0;
    while (i + 1 + run < data.length && data[i + 1 + run] === byte) run++;
    let remaining = run;
    while (remaining >= 3) {
      const length = Math.min(remaining, 258);
      writeRepeat(out, length);
      remaining -= length;
    }
    for (let k = 0; k < remaining; k++) writeSymbol(out, byte);
    i += 1 + run;
  }
  writeSymbol(out, 256); // end of block
  out.flush();
  return Uint8Array.from(out.bytes);
}

/** gzip member of `data`: no file name, MTIME 0, OS 255 (unknown), so the bytes depend on `data` only. */
export function gzipDeterministic(data: Uint8Array): Uint8Array {
  const body = deflateRuns(data);
  const out = new Uint8Array(10 + body.length + 8);
  out.set([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff], 0);
  out.set(body, 10);
  const view = new DataView(out.buffer);
  view.setUint32(10 + body.length, crc32(data), true);
  view.setUint32(14 + body.length, data.length >>> 0, true);
  return out;
}

/** Decompresses any gzip data with the platform's DecompressionStream (Node ≥ 18 and every browser). */
export async function gunzip(data: Uint8Array): Promise<Uint8Array> {
  try {
    const stream = new Blob([Uint8Array.from(data)]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    throw new InsigneError('ERR_GZIP_INVALID', 'The data is not valid gzip.', { cause: error });
  }
}
