/**
 * Loads what artwork rendering needs, once per process: the Inter font files (static WOFF per weight,
 * Latin and Latin Extended subsets) as the same ArrayBuffers for every render (satori caches parsed fonts
 * by identity: STACK.md trap 6), their metrics for the core's text fitting, and the Lucide icon set.
 * Files are resolved from the project root, not from this module, because inside a built endpoint
 * `import.meta.url` points into the build output (STACK.md trap 5).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  ARTWORK_FONT_FAMILY,
  ARTWORK_FONT_WEIGHTS,
  type ArtworkAssets,
  type ArtworkFontWeight,
} from '../../core/artwork/design.ts';
import type { IconSet } from '../../core/artwork/icons.ts';
import { mergeMetrics, readWoffMetrics } from './woff.ts';

/** A font as satori takes it. */
export interface RendererFont {
  readonly name: string;
  readonly data: ArrayBuffer;
  readonly weight: ArtworkFontWeight;
  readonly style: 'normal';
}

export interface LoadedArtworkAssets extends ArtworkAssets {
  readonly fonts: readonly RendererFont[];
  /** Versions of every package whose bytes change the pixels, for cache keys. */
  readonly versions: Readonly<Record<string, string>>;
}

export const FONT_SUBSETS = ['latin', 'latin-ext'] as const;
const VERSIONED_PACKAGES = [
  'satori',
  '@resvg/resvg-js',
  '@fontsource/inter',
  '@iconify-json/lucide',
  '@iconify-json/twemoji',
];

/** Resolves packages from the project root (the folder holding package.json, the working directory). */
export function projectRequire(): NodeJS.Require {
  return createRequire(join(process.cwd(), 'package.json'));
}

/** The WOFF file of one subset and weight of the artwork font. */
export function fontFile(subset: (typeof FONT_SUBSETS)[number], weight: ArtworkFontWeight): string {
  return projectRequire().resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`);
}

let loaded: LoadedArtworkAssets | undefined;
let iconSet: IconSet | undefined;

/** The icon set alone (the content check needs its names, not the fonts), read once. */
export function loadIconSet(): IconSet {
  iconSet ??= JSON.parse(
    readFileSync(projectRequire().resolve('@iconify-json/lucide/icons.json'), 'utf8'),
  ) as IconSet;
  return iconSet;
}

/** The artwork assets, read from disk on first use and shared afterwards. */
export function loadArtworkAssets(): LoadedArtworkAssets {
  if (loaded !== undefined) return loaded;
  const require = projectRequire();
  const fonts: RendererFont[] = [];
  const metrics = {} as Record<ArtworkFontWeight, ReturnType<typeof mergeMetrics>>;
  for (const weight of ARTWORK_FONT_WEIGHTS) {
    const subsets = FONT_SUBSETS.map((subset) => {
      const bytes = readFileSync(fontFile(subset, weight));
      const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      fonts.push({ name: ARTWORK_FONT_FAMILY, data, weight, style: 'normal' });
      return readWoffMetrics(new Uint8Array(data), `inter-${subset}-${weight}`);
    });
    metrics[weight] = mergeMetrics(subsets);
  }
  const icons = loadIconSet();
  const versions = Object.fromEntries(
    VERSIONED_PACKAGES.map((name) => {
      const manifest = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as {
        version: string;
      };
      return [name, manifest.version];
    }),
  );
  loaded = { fonts, metrics, icons, versions };
  return loaded;
}
