/**
 * Emoji for the renderer: satori asks for an image per emoji grapheme (`loadAdditionalAsset`), and we
 * answer with the Twemoji SVG from the Iconify Twemoji set, read on first need (the set is large and most
 * badges have no emoji). An emoji the set lacks falls back to a neutral rounded square, never a crash.
 */
import { readFileSync } from 'node:fs';
import { svgDataUri } from '../../core/artwork/element.ts';
import type { IconSet } from '../../core/artwork/icons.ts';
import { projectRequire } from './assets.ts';

interface Twemoji {
  readonly set: IconSet;
  /** Code points in hex joined by "-", without U+FE0F, to icon name. */
  readonly chars: Readonly<Record<string, string>>;
}

let twemoji: Twemoji | undefined;

function loadTwemoji(): Twemoji {
  if (twemoji === undefined) {
    const require = projectRequire();
    twemoji = {
      set: JSON.parse(readFileSync(require.resolve('@iconify-json/twemoji/icons.json'), 'utf8')) as IconSet,
      chars: JSON.parse(readFileSync(require.resolve('@iconify-json/twemoji/chars.json'), 'utf8')) as Record<
        string,
        string
      >,
    };
  }
  return twemoji;
}

/** Shown for an emoji the set does not have. */
export const MISSING_EMOJI_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"><rect x="4" y="4" width="28" height="28" rx="6" fill="none" stroke="#94a3b8" stroke-width="3"/></svg>';

/** The SVG of an emoji grapheme, or the fallback square. */
export function emojiSvg(grapheme: string): string {
  const { set, chars } = loadTwemoji();
  const codePoints = Array.from(grapheme, (c) => (c.codePointAt(0) as number).toString(16)).filter(
    (h) => h !== 'fe0f',
  );
  const name =
    chars[codePoints.join('-')] ?? chars[codePoints.filter((h) => !/^1f3f[b-f]$/.test(h)).join('-')];
  const icon = name === undefined ? undefined : set.icons[name];
  if (icon === undefined) return MISSING_EMOJI_SVG;
  const width = icon.width ?? set.width ?? 36;
  const height = icon.height ?? set.height ?? 36;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}">${icon.body}</svg>`;
}

/**
 * satori's `loadAdditionalAsset`: emoji become images; other scripts the fonts lack get no extra font (the
 * renderer then draws its missing-glyph fallback).
 */
export async function loadAdditionalAsset(code: string, segment: string): Promise<string | []> {
  return code === 'emoji' ? svgDataUri(emojiSvg(segment)) : [];
}
