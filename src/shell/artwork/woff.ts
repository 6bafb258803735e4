/**
 * Reads the horizontal metrics of a WOFF 1.0 font (W3C WOFF §4–5: each table zlib-compressed when
 * smaller) from its `head`, `hhea`, `hmtx` and `cmap` tables (OpenType spec), so the core can measure text
 * exactly as wide as the renderer will draw it, kerning aside.
 */
import { inflateSync } from 'node:zlib';
import type { FontMetrics } from '../../core/artwork/text.ts';
import { InsigneError } from '../../core/errors.ts';

/** Parses a WOFF file into advance widths by code point. */
export function readWoffMetrics(woff: Uint8Array, name = 'font'): FontMetrics {
  const tables = woffTables(woff, name);
  const head = need(tables, 'head', name);
  const hhea = need(tables, 'hhea', name);
  const hmtx = need(tables, 'hmtx', name);
  const unitsPerEm = head.getUint16(18);
  const metricCount = hhea.getUint16(34);
  const advanceOf = (glyph: number) => hmtx.getUint16(4 * Math.min(glyph, metricCount - 1));
  const advances = new Map<number, number>();
  for (const [codePoint, glyph] of cmapGlyphs(need(tables, 'cmap', name), name)) {
    if (glyph !== 0) advances.set(codePoint, advanceOf(glyph));
  }
  return { unitsPerEm, advances };
}

/** Merges fonts that split one family into subsets (earlier fonts win), as the renderer falls back. */
export function mergeMetrics(fonts: readonly FontMetrics[]): FontMetrics {
  const first = fonts[0];
  if (first === undefined) throw new Error('mergeMetrics needs at least one font');
  const advances = new Map<number, number>();
  for (const font of fonts) {
    const scale = first.unitsPerEm / font.unitsPerEm;
    for (const [cp, advance] of font.advances) if (!advances.has(cp)) advances.set(cp, advance * scale);
  }
  return { unitsPerEm: first.unitsPerEm, advances };
}

function woffTables(woff: Uint8Array, name: string): Map<string, DataView> {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.length < 44 || view.getUint32(0) !== 0x774f4646) {
    throw new InsigneError(
      'ERR_ARTWORK_FONT',
      `Font "${name}" is not a WOFF 1.0 file (signature "wOFF" missing).`,
    );
  }
  const tables = new Map<string, DataView>();
  const count = view.getUint16(12);
  for (let i = 0; i < count; i++) {
    const entry = 44 + 20 * i;
    const tag = String.fromCharCode(...woff.subarray(entry, entry + 4));
    const offset = view.getUint32(entry + 4);
    const compLength = view.getUint32(entry + 8);
    const origLength = view.getUint32(entry + 12);
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? new Uint8Array(inflateSync(stored)) : stored;
    tables.set(tag, new DataView(data.buffer, data.byteOffset, data.byteLength));
  }
  return tables;
}

function need(tables: Map<string, DataView>, tag: string, name: string): DataView {
  const table = tables.get(tag);
  if (table === undefined)
    throw new InsigneError('ERR_ARTWORK_FONT', `Font "${name}" has no "${tag}" table.`);
  return table;
}

/** Code point → glyph id pairs from the best Unicode cmap subtable (format 12, else format 4). */
function cmapGlyphs(cmap: DataView, name: string): Map<number, number> {
  const count = cmap.getUint16(2);
  let format4: number | undefined;
  let format12: number | undefined;
  for (let i = 0; i < count; i++) {
    const platform = cmap.getUint16(4 + 8 * i);
    const encoding = cmap.getUint16(6 + 8 * i);
    const offset = cmap.getUint32(8 + 8 * i);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const format = cmap.getUint16(offset);
    if (format === 12) format12 ??= offset;
    if (format === 4) format4 ??= offset;
  }
  const glyphs = new Map<number, number>();
  if (format12 !== undefined) {
    const groups = cmap.getUint32(format12 + 12);
    for (let g = 0; g < groups; g++) {
      const at = format12 + 16 + 12 * g;
      const start = cmap.getUint32(at);
      const end = cmap.getUint32(at + 4);
      const glyph = cmap.getUint32(at + 8);
      for (let cp = start; cp <= end; cp++) glyphs.set(cp, glyph + cp - start);
    }
    return glyphs;
  }
  if (format4 === undefined) {
    throw new InsigneError(
      'ERR_ARTWORK_FONT',
      `Font "${name}" has no Unicode character map (cmap format 4 or 12).`,
    );
  }
  const segments = cmap.getUint16(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    const end = cmap.getUint16(ends + 2 * s);
    const start = cmap.getUint16(starts + 2 * s);
    const delta = cmap.getInt16(deltas + 2 * s);
    const rangeOffset = cmap.getUint16(rangeOffsets + 2 * s);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let glyph: number;
      if (rangeOffset === 0) {
        glyph = (cp + delta) & 0xffff;
      } else {
        const at = rangeOffsets + 2 * s + rangeOffset + 2 * (cp - start);
        const raw = cmap.getUint16(at);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      glyphs.set(cp, glyph);
    }
  }
  return glyphs;
}
