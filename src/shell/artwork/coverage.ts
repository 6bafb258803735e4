/**
 * Which characters the badge artwork can draw: the code points every weight of the bundled font has a
 * glyph for (the union of its subsets), read from the fonts' character maps on first need. Printable ASCII
 * answers at once, so the content check reads no font file for names without accents. Emoji are drawn as
 * images and are not asked here (see src/core/content/text-safety.ts).
 */
import { readFileSync } from 'node:fs';
import { ARTWORK_FONT_WEIGHTS } from '../../core/artwork/design.ts';
import { FONT_SUBSETS, fontFile } from './assets.ts';
import { readWoffMetrics } from './woff.ts';

let coverage: ReadonlySet<number> | undefined;

function loadCoverage(): ReadonlySet<number> {
  let common: Set<number> | undefined;
  for (const weight of ARTWORK_FONT_WEIGHTS) {
    const weightSet = new Set<number>();
    for (const subset of FONT_SUBSETS) {
      const metrics = readWoffMetrics(new Uint8Array(readFileSync(fontFile(subset, weight))), subset);
      for (const codePoint of metrics.advances.keys()) weightSet.add(codePoint);
    }
    common = common === undefined ? weightSet : new Set([...common].filter((cp) => weightSet.has(cp)));
  }
  return common ?? new Set();
}

/** True when the artwork's fonts have a glyph for `codePoint`. */
export function canDrawInArtwork(codePoint: number): boolean {
  if (codePoint >= 0x20 && codePoint <= 0x7e) return true;
  coverage ??= loadCoverage();
  return coverage.has(codePoint);
}
