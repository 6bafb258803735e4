/**
 * Synthetic font metrics for core tests, so that layouts are predictable without reading a font file:
 * 1000 units per em, letters 0.6 em wide, "i", "l" and punctuation narrower, "m" and "w" wider, a space
 * 0.28 em, Latin-1 and Latin Extended-A letters included, nothing else (so CJK is "missing").
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ArtworkAssets } from '../../../src/core/artwork/design.ts';
import type { IconSet } from '../../../src/core/artwork/icons.ts';
import type { FontMetrics } from '../../../src/core/artwork/text.ts';

function syntheticMetrics(scale: number): FontMetrics {
  const advances = new Map<number, number>();
  for (let cp = 0x20; cp <= 0x17f; cp++) {
    const c = String.fromCodePoint(cp);
    const em = c === ' ' ? 0.28 : /[il.,;:'!|]/.test(c) ? 0.3 : /[mwMW]/.test(c) ? 0.85 : 0.6;
    advances.set(cp, Math.round(em * 1000 * scale));
  }
  for (const cp of [0x2014, 0x2019, 0x00b7, 0x2026]) advances.set(cp, Math.round(600 * scale));
  return { unitsPerEm: 1000, advances };
}

export const SYNTHETIC_METRICS: FontMetrics = syntheticMetrics(1);

const require = createRequire(import.meta.url);

/** The real Lucide icon set (data only) with synthetic metrics. */
export const TEST_ASSETS: ArtworkAssets = {
  metrics: { 600: syntheticMetrics(1), 800: syntheticMetrics(1.08) },
  icons: JSON.parse(readFileSync(require.resolve('@iconify-json/lucide/icons.json'), 'utf8')) as IconSet,
};

export const LONG_FRENCH_TITLE = 'Certificat de compétences numériques avancées en éco-conception 🌱';
