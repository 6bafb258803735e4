/**
 * PNG baking (DIGEST §2.1; OB 2.0 Baking, OB 3.0 §Baked Badge): one uncompressed `iTXt` chunk per keyword,
 * inserted right after `IHDR` so that streaming extractors stop early, without re-encoding the image. The
 * chunk walker validates the signature, every length and every CRC, so a damaged file fails loudly instead
 * of yielding a payload from garbage. Browser-safe: plain `Uint8Array`, `TextEncoder`, `TextDecoder`.
 */
import { InsigneError } from '../errors.ts';
import { crc32 } from './crc32.ts';

/** The 8-byte PNG signature (W3C PNG §5.2). */
export const PNG_SIGNATURE: Uint8Array = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** `openbadges` carries the OB 2.0 assertion, `openbadgecredential` the OB 3.0 credential. */
export const PNG_BAKE_KEYWORDS = ['openbadges', 'openbadgecredential'] as const;
export type PngBakeKeyword = (typeof PNG_BAKE_KEYWORDS)[number];

/** One payload to bake: the keyword and the text (a JSON document, a compact JWS/JWT, or a URL). */
export interface PngBakeEntry {
  readonly keyword: PngBakeKeyword;
  readonly text: string;
}

/** What a PNG carries, keyed like the chunks. `legacy` is set when `openbadges` came from a `tEXt` chunk. */
export interface PngPayloads {
  openbadges?: string;
  openbadgecredential?: string;
  legacy?: true;
}

/** A chunk located in a validated PNG: byte offsets of its length field, its data and its end. */
export interface PngChunk {
  readonly type: string;
  readonly start: number;
  readonly dataStart: number;
  readonly dataEnd: number;
  readonly end: number;
}

const MAX_CHUNK_LENGTH = 0x7fffffff;
const KEYWORD_BYTES = new Map(PNG_BAKE_KEYWORDS.map((k) => [k, latin1Bytes(k)]));
const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Walks and validates every chunk up to `IEND` (W3C PNG §5.3): signature, `IHDR` first with 13 bytes,
 * lengths within the file, chunk types of four ASCII letters, and CRC-32 over type and data.
 * Bytes after `IEND` are ignored (and kept by the bakers).
 */
export function readPngChunks(png: Uint8Array): PngChunk[] {
  if (!hasPngSignature(png)) {
    throw new InsigneError(
      'ERR_BAKE_NOT_PNG',
      'Image is not a PNG: the 8-byte PNG signature is missing. Bake a .png file, or use bakeSvg for an SVG.',
    );
  }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: PngChunk[] = [];
  let offset = PNG_SIGNATURE.length;
  for (;;) {
    if (offset + 8 > png.length) {
      throw truncated(`the file ends at byte ${png.length}, inside a chunk header, before IEND`);
    }
    const length = view.getUint32(offset);
    const type = chunkType(png, offset + 4);
    if (length > MAX_CHUNK_LENGTH) {
      throw corrupt(`chunk "${type}" at byte ${offset} declares ${length} bytes, over the 2^31-1 limit`);
    }
    const dataStart = offset + 8;
    const dataEnd = dataStart + length;
    if (dataEnd + 4 > png.length) {
      throw truncated(`chunk "${type}" at byte ${offset} needs ${length + 12} bytes; the file ends first`);
    }
    if (!/^[A-Za-z]{4}$/.test(type)) {
      throw corrupt(`the chunk at byte ${offset} has an invalid type (expected four ASCII letters)`);
    }
    const expected = view.getUint32(dataEnd);
    const actual = crc32(png, offset + 4, dataEnd);
    if (expected !== actual) {
      throw corrupt(
        `chunk "${type}" at byte ${offset} has CRC ${hex32(expected)}; its bytes give ${hex32(actual)}`,
      );
    }
    if (chunks.length === 0 && (type !== 'IHDR' || length !== 13)) {
      throw corrupt(`the first chunk must be a 13-byte IHDR; found "${type}" of ${length} bytes`);
    }
    chunks.push({ type, start: offset, dataStart, dataEnd, end: dataEnd + 4 });
    offset = dataEnd + 4;
    if (type === 'IEND') return chunks;
  }
}

/** Whether the bytes start with the PNG signature (how bakeries sniff the format). */
export function hasPngSignature(bytes: Uint8Array): boolean {
  if (bytes.length < PNG_SIGNATURE.length) return false;
  for (let i = 0; i < PNG_SIGNATURE.length; i++) if (bytes[i] !== PNG_SIGNATURE[i]) return false;
  return true;
}

/**
 * Prepares a PNG once and returns a function that bakes it: the image is validated and split when the baker
 * is created, so each call only encodes the new chunks and copies bytes (what a build baking one artwork
 * into thousands of awards needs). Each call inserts one `iTXt` chunk per entry right after `IHDR`, in entry
 * order, and drops any existing `iTXt`, `zTXt` or `tEXt` chunk with the same keyword: re-baking replaces.
 * Chunks with other keywords, and payloads not being re-baked, are kept as they were.
 */
export function createPngBaker(png: Uint8Array): (entries: readonly PngBakeEntry[]) => Uint8Array {
  const chunks = readPngChunks(png);
  const ihdr = chunks[0] as PngChunk;
  const head = png.subarray(0, ihdr.end);
  const segments: { bytes: Uint8Array; keyword?: PngBakeKeyword }[] = [];
  let runStart = ihdr.end;
  for (const chunk of chunks.slice(1)) {
    const keyword = bakedKeyword(png, chunk);
    if (keyword === undefined) continue;
    if (chunk.start > runStart) segments.push({ bytes: png.subarray(runStart, chunk.start) });
    segments.push({ bytes: png.subarray(chunk.start, chunk.end), keyword });
    runStart = chunk.end;
  }
  if (png.length > runStart) segments.push({ bytes: png.subarray(runStart) });

  return (entries) => {
    const replaced = new Set<string>();
    for (const entry of entries) {
      if (replaced.has(entry.keyword)) {
        throw new InsigneError(
          'ERR_BAKE_DUPLICATE_KEYWORD',
          `Cannot bake two "${entry.keyword}" payloads into one PNG: the baking specifications allow one chunk per keyword. Pass each keyword once.`,
        );
      }
      replaced.add(entry.keyword);
    }
    const texts = entries.map(checkedText);
    const kept = segments.filter((s) => s.keyword === undefined || !replaced.has(s.keyword));
    let size = head.length;
    texts.forEach((text, i) => {
      size += 12 + keywordBytes(entries[i] as PngBakeEntry).length + 5 + text.length;
    });
    for (const s of kept) size += s.bytes.length;
    const out = new Uint8Array(size);
    out.set(head, 0);
    let offset = head.length;
    texts.forEach((text, i) => {
      offset = writeITxtChunk(out, offset, keywordBytes(entries[i] as PngBakeEntry), text);
    });
    for (const s of kept) {
      out.set(s.bytes, offset);
      offset += s.bytes.length;
    }
    return out;
  };
}

/** Bakes payloads into a PNG in one go; see createPngBaker for the rules and for baking many awards. */
export function bakePng(png: Uint8Array, entries: readonly PngBakeEntry[]): Uint8Array {
  return createPngBaker(png)(entries);
}

/**
 * Reads the baked payloads: for each keyword, the text of its uncompressed `iTXt` chunk; for `openbadges`
 * only, the pre-specification `tEXt` form (it holds a hosted assertion URL). A compressed `iTXt` with a
 * badge keyword is refused (both specifications forbid compression).
 *
 * A keyword may occur once ("MUST NOT appear in a PNG more than once", DIGEST §2.1), in any text chunk
 * (`iTXt`, `zTXt`, `tEXt`): a second occurrence is refused, whatever its form. Extractors take the first
 * chunk they understand, and they understand different ones, so two chunks could show two different badges
 * (another earner) to two different tools; nobody can tell which one the issuer baked.
 */
export function unbakePng(png: Uint8Array): PngPayloads {
  const chunks = readPngChunks(png);
  const found = new Map<PngBakeKeyword, PngChunk[]>();
  for (const chunk of chunks) {
    const keyword = bakedKeyword(png, chunk);
    if (keyword !== undefined) found.set(keyword, [...(found.get(keyword) ?? []), chunk]);
  }
  const payloads: PngPayloads = {};
  for (const [keyword, occurrences] of found) {
    if (occurrences.length > 1) throw duplicated(keyword, occurrences);
    const chunk = occurrences[0] as PngChunk;
    if (chunk.type === 'iTXt') payloads[keyword] = iTxtText(png, chunk, keyword);
    else if (chunk.type === 'tEXt' && keyword === 'openbadges') {
      payloads.openbadges = latin1Text(png, chunk, keyword);
      payloads.legacy = true;
    }
  }
  return payloads;
}

function duplicated(keyword: PngBakeKeyword, chunks: readonly PngChunk[]): InsigneError {
  const where = chunks.map((c) => `${c.type} at byte ${c.start}`).join(', ');
  const version = keyword === 'openbadges' ? 'OB 2.0 assertion' : 'OB 3.0 credential';
  return new InsigneError(
    'ERR_BAKE_DUPLICATE_PAYLOAD',
    `The PNG carries the "${keyword}" keyword ${chunks.length} times (${where}); the baking specification allows it once. Tools that read different chunks would show different ${version}s, so none can be trusted.`,
  );
}

function keywordBytes(entry: PngBakeEntry): Uint8Array {
  const keyword = KEYWORD_BYTES.get(entry.keyword);
  if (keyword === undefined) {
    throw new InsigneError(
      'ERR_BAKE_UNKNOWN_KEYWORD',
      `Cannot bake keyword "${String(entry.keyword)}": use ${PNG_BAKE_KEYWORDS.map((k) => `"${k}"`).join(' or ')}.`,
    );
  }
  return keyword;
}

/** The UTF-8 bytes of an entry's text, after checking the keyword and the text. */
function checkedText(entry: PngBakeEntry): Uint8Array {
  keywordBytes(entry);
  if (entry.text.length === 0 || entry.text.includes('\0')) {
    throw new InsigneError(
      'ERR_BAKE_INVALID_TEXT',
      `Cannot bake the "${entry.keyword}" payload: the text is empty or contains a NUL character. Pass the JSON, JWS or URL as it is.`,
    );
  }
  return utf8Encoder.encode(entry.text);
}

/**
 * Writes an iTXt chunk at `offset` and returns the offset after it: length, "iTXt", `keyword\0`, then
 * compression flag 0, method 0, an empty language tag and an empty translated keyword (each ended by `\0`),
 * the UTF-8 text, and the CRC-32 over type and data.
 */
function writeITxtChunk(out: Uint8Array, offset: number, keyword: Uint8Array, text: Uint8Array): number {
  const dataLength = keyword.length + 5 + text.length;
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  view.setUint32(offset, dataLength);
  out.set([0x69, 0x54, 0x58, 0x74], offset + 4); // "iTXt"
  out.set(keyword, offset + 8);
  // The five bytes after the keyword stay 0 (the buffer is zero-filled).
  out.set(text, offset + 8 + keyword.length + 5);
  view.setUint32(offset + 8 + dataLength, crc32(out, offset + 4, offset + 8 + dataLength));
  return offset + 12 + dataLength;
}

/** The badge keyword of a text chunk (`iTXt`, `zTXt`, `tEXt`), if it has one. */
function bakedKeyword(png: Uint8Array, chunk: PngChunk): PngBakeKeyword | undefined {
  if (chunk.type !== 'iTXt' && chunk.type !== 'tEXt' && chunk.type !== 'zTXt') return undefined;
  for (const [keyword, bytes] of KEYWORD_BYTES) {
    const end = chunk.dataStart + bytes.length;
    if (end >= chunk.dataEnd || png[end] !== 0) continue;
    let same = true;
    for (let i = 0; i < bytes.length && same; i++) same = png[chunk.dataStart + i] === bytes[i];
    if (same) return keyword;
  }
  return undefined;
}

function iTxtText(png: Uint8Array, chunk: PngChunk, keyword: PngBakeKeyword): string {
  let p = chunk.dataStart + keyword.length + 1;
  if (p + 2 > chunk.dataEnd) throw corrupt(`the "${keyword}" iTXt chunk at byte ${chunk.start} is cut short`);
  if (png[p] !== 0) {
    throw new InsigneError(
      'ERR_BAKE_COMPRESSED_TEXT',
      `The "${keyword}" iTXt chunk at byte ${chunk.start} is compressed, which the baking specifications forbid ("Compression MUST NOT be used"). Re-bake the image without compression.`,
    );
  }
  p += 2;
  for (let field = 0; field < 2; field++) {
    while (p < chunk.dataEnd && png[p] !== 0) p++;
    if (p >= chunk.dataEnd) {
      throw corrupt(
        `the "${keyword}" iTXt chunk at byte ${chunk.start} lacks its language or translated keyword`,
      );
    }
    p++;
  }
  try {
    return utf8Decoder.decode(png.subarray(p, chunk.dataEnd));
  } catch (cause) {
    throw new InsigneError(
      'ERR_BAKE_CORRUPT',
      `PNG is corrupt: the "${keyword}" iTXt text at byte ${chunk.start} is not valid UTF-8.`,
      { cause },
    );
  }
}

function latin1Text(png: Uint8Array, chunk: PngChunk, keyword: PngBakeKeyword): string {
  let text = '';
  for (let i = chunk.dataStart + keyword.length + 1; i < chunk.dataEnd; i++) {
    text += String.fromCharCode(png[i] as number);
  }
  return text;
}

function chunkType(png: Uint8Array, offset: number): string {
  return String.fromCharCode(
    png[offset] as number,
    png[offset + 1] as number,
    png[offset + 2] as number,
    png[offset + 3] as number,
  );
}

function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function hex32(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}

function truncated(detail: string): InsigneError {
  return new InsigneError('ERR_BAKE_TRUNCATED', `PNG is truncated: ${detail}. Use the complete file.`);
}

function corrupt(detail: string): InsigneError {
  return new InsigneError(
    'ERR_BAKE_CORRUPT',
    `PNG is corrupt: ${detail}. Re-export or re-download the image.`,
  );
}
