/**
 * Named colour palettes for designed artwork. Text colours are not chosen by hand: each is picked among
 * candidates by WCAG 2.2 contrast (success criterion 1.4.3, ratio ≥ 4.5 for text), so a new palette cannot
 * ship unreadable text; tests check every palette.
 */
import { InsigneError } from '../errors.ts';

export interface Palette {
  readonly name: string;
  /** Main fill, behind the icon, the badge name and the issuer name. */
  readonly base: string;
  /** Outer rim. */
  readonly rim: string;
  /** Ribbon fill, behind the level and year. */
  readonly accent: string;
  /** Thin decorative ring. */
  readonly line: string;
}

/** A palette with the text colours picked for it and their contrast ratios. */
export interface ResolvedPalette extends Palette {
  /** Text and icon colour on `base`. */
  readonly text: string;
  readonly textContrast: number;
  /** Text colour on `accent`. */
  readonly ribbonText: string;
  readonly ribbonTextContrast: number;
}

/** WCAG 2.2 minimum contrast for normal text (SC 1.4.3). */
export const MIN_TEXT_CONTRAST = 4.5;

export const PALETTES: readonly Palette[] = [
  { name: 'ocean', base: '#0e5a8a', rim: '#083b5c', accent: '#f4b942', line: '#7fc8f8' },
  { name: 'forest', base: '#1f6f43', rim: '#124429', accent: '#f2d16b', line: '#8fd6a8' },
  { name: 'sunset', base: '#c2410c', rim: '#7c2d12', accent: '#fed7aa', line: '#fdba74' },
  { name: 'berry', base: '#9d174d', rim: '#5b0f2e', accent: '#fbcfe8', line: '#f472b6' },
  { name: 'slate', base: '#334155', rim: '#1e293b', accent: '#e2e8f0', line: '#94a3b8' },
  { name: 'gold', base: '#f2c94c', rim: '#9a6b00', accent: '#3b2f0b', line: '#fff3c4' },
  { name: 'lavender', base: '#ddd6fe', rim: '#5b21b6', accent: '#5b21b6', line: '#a78bfa' },
  { name: 'mint', base: '#b7f0d8', rim: '#0f766e', accent: '#115e59', line: '#5eead4' },
  { name: 'crimson', base: '#b91c1c', rim: '#7f1d1d', accent: '#fde68a', line: '#fca5a5' },
  { name: 'night', base: '#1e1b4b', rim: '#0b0a24', accent: '#facc15', line: '#818cf8' },
];

/** Text colour candidates, tried in this order; the highest contrast wins. */
export const TEXT_CANDIDATES: readonly string[] = ['#ffffff', '#0f172a'];

/** WCAG 2.2 relative luminance of an sRGB colour written `#rrggbb`. */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (match === null) {
    throw new InsigneError('ERR_ARTWORK_INVALID_COLOR', `Colour "${hex}" must be written #rrggbb.`);
  }
  const value = Number.parseInt(match[1] as string, 16);
  const [r, g, b] = [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff].map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.2 contrast ratio, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The candidate with the highest contrast against the background. */
export function pickTextColor(
  background: string,
  candidates: readonly string[] = TEXT_CANDIDATES,
): { color: string; contrast: number } {
  let best = { color: candidates[0] ?? '#000000', contrast: 0 };
  for (const color of candidates) {
    const contrast = contrastRatio(color, background);
    if (contrast > best.contrast) best = { color, contrast };
  }
  return best;
}

/** Looks a palette up by name and picks its text colours. */
export function resolvePalette(name: string): ResolvedPalette {
  const palette = PALETTES.find((p) => p.name === name);
  if (palette === undefined) {
    throw new InsigneError(
      'ERR_ARTWORK_UNKNOWN_PALETTE',
      `No palette "${name}". Choose one of: ${PALETTES.map((p) => p.name).join(', ')}.`,
    );
  }
  const text = pickTextColor(palette.base);
  const ribbon = pickTextColor(palette.accent);
  return {
    ...palette,
    text: text.color,
    textContrast: text.contrast,
    ribbonText: ribbon.color,
    ribbonTextContrast: ribbon.contrast,
  };
}
