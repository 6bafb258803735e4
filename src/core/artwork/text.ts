/**
 * Text measurement and fitting for artwork. The renderer lays text out, but only we know the box a badge
 * shape leaves for it, so we decide line breaks and font size here from the font's advance widths (passed
 * in by the shell, which reads the font files) and hand the renderer fixed lines that cannot overflow.
 * Kerning is ignored, which over-estimates widths slightly: the safe direction.
 */

/** Horizontal metrics of one font: advance widths in font units, by Unicode code point. */
export interface FontMetrics {
  readonly unitsPerEm: number;
  readonly advances: ReadonlyMap<number, number>;
}

export interface FitOptions {
  readonly metrics: FontMetrics;
  /** Box size in pixels. */
  readonly width: number;
  readonly height: number;
  readonly maxFontSize: number;
  readonly minFontSize: number;
  /** Line height as a multiple of the font size. */
  readonly lineHeight: number;
  readonly maxLines: number;
}

export interface FittedLine {
  readonly text: string;
  /** Measured width in pixels. */
  readonly width: number;
}

export interface FittedText {
  readonly fontSize: number;
  /** Line height in pixels. */
  readonly lineHeight: number;
  readonly lines: readonly FittedLine[];
  /** Widest line, in pixels. */
  readonly width: number;
  /** Height of all lines, in pixels. */
  readonly height: number;
  /** Whether the text did not fit at the smallest size and was cut with an ellipsis. */
  readonly truncated: boolean;
}

/** Emoji are drawn as square images one font size wide (satori's grapheme images). */
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const ZERO_WIDTH = /^(?:\p{M}|\u200d|[\ufe00-\ufe0f])$/u;
/** Advance assumed for a character the font lacks (the renderer draws a fallback of about this size). */
const MISSING_ADVANCE_EM = 0.7;
const FONT_SIZE_STEP = 0.5;
const ELLIPSIS = '…';

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** Splits text into user-perceived characters (so an emoji sequence or a letter with accents stays whole). */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Width of a text in pixels at a font size. */
export function measureText(text: string, metrics: FontMetrics, fontSize: number): number {
  let em = 0;
  for (const g of graphemes(text)) em += graphemeEm(g, metrics);
  return em * fontSize;
}

function graphemeEm(grapheme: string, metrics: FontMetrics): number {
  if (EMOJI.test(grapheme)) return 1;
  let units = 0;
  for (const char of grapheme) {
    const advance = metrics.advances.get(char.codePointAt(0) as number);
    if (advance !== undefined) units += advance;
    else if (!ZERO_WIDTH.test(char)) units += MISSING_ADVANCE_EM * metrics.unitsPerEm;
  }
  return units / metrics.unitsPerEm;
}

/**
 * Fits text in a box: the largest font size (in half-pixel steps from `maxFontSize` down to `minFontSize`)
 * at which the words wrap into at most `maxLines` lines that fit the width and height, with lines balanced
 * like CSS `text-wrap: balance`. Breaks at spaces, and after a hyphen or slash inside a word. If nothing
 * fits at the smallest size, words are broken between characters and the last line ends with "…".
 */
export function fitText(text: string, options: FitOptions): FittedText {
  const words = breakableWords(text.trim().replace(/\s+/g, ' '), options.metrics);
  const spaceEm = measureText(' ', options.metrics, 1);
  for (let size = options.maxFontSize; size >= options.minFontSize; size -= FONT_SIZE_STEP) {
    const capacity = Math.min(options.maxLines, Math.floor(options.height / (size * options.lineHeight)));
    if (capacity < 1) continue;
    const maxEm = options.width / size;
    const lines = wrap(words, maxEm, spaceEm);
    if (lines !== undefined && lines.length <= capacity) {
      return result(balance(words, maxEm, spaceEm, lines.length), size, options, false);
    }
  }
  return truncate(text, options);
}

interface Piece {
  readonly text: string;
  /** Width in em. */
  readonly em: number;
  /** Whether a space follows (else the piece ends after a hyphen or slash inside a word). */
  readonly space: boolean;
}

/** Words with their break opportunities: each piece ends at a space, or after `-` or `/` inside a word. */
function breakableWords(text: string, metrics: FontMetrics): Piece[] {
  const pieces: Piece[] = [];
  for (const word of text.split(' ')) {
    if (word === '') continue;
    const parts = word.split(/(?<=[^\s][-/])(?=[^\s\-/])/u);
    parts.forEach((part, i) => {
      pieces.push({ text: part, em: measureText(part, metrics, 1), space: i === parts.length - 1 });
    });
  }
  return pieces;
}

/**
 * Greedy wrapping in em units (widths add up exactly, since kerning is ignored); undefined when a single
 * piece is wider than the line.
 */
function wrap(pieces: readonly Piece[], maxEm: number, spaceEm: number): string[] | undefined {
  const lines: string[] = [];
  let line = '';
  let lineEm = 0;
  let joiner = false;
  for (const piece of pieces) {
    const candidateEm = line === '' ? piece.em : lineEm + (joiner ? spaceEm : 0) + piece.em;
    if (candidateEm <= maxEm) {
      line = line === '' ? piece.text : line + (joiner ? ' ' : '') + piece.text;
      lineEm = candidateEm;
    } else {
      if (piece.em > maxEm) return undefined;
      lines.push(line);
      line = piece.text;
      lineEm = piece.em;
    }
    joiner = piece.space;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The narrowest width that keeps the same number of lines, so the lines come out of similar length. */
function balance(pieces: readonly Piece[], maxEm: number, spaceEm: number, count: number): string[] {
  let best = wrap(pieces, maxEm, spaceEm) as string[];
  if (count === 1) return best;
  let lo = 0;
  let hi = maxEm;
  while (hi - lo > 0.01) {
    const mid = (lo + hi) / 2;
    const lines = wrap(pieces, mid, spaceEm);
    if (lines !== undefined && lines.length <= count) {
      best = lines;
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return best;
}

function truncate(text: string, options: FitOptions): FittedText {
  const size = options.minFontSize;
  const capacity = Math.max(
    1,
    Math.min(options.maxLines, Math.floor(options.height / (size * options.lineHeight))),
  );
  const measure = (t: string) => measureText(t, options.metrics, size);
  const chars = graphemes(text.trim().replace(/\s+/g, ' '));
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < chars.length; i++) {
    const g = chars[i] as string;
    if (line === '' && g === ' ') continue;
    if (line === '' || measure(line + g) <= options.width) {
      line += g;
      continue;
    }
    if (lines.length + 1 === capacity) break;
    lines.push(line.trimEnd());
    line = g === ' ' ? '' : g;
  }
  if (i === chars.length) return result([...lines, line.trimEnd()], size, options, false);
  while (line !== '' && measure(`${line.trimEnd()}${ELLIPSIS}`) > options.width) {
    line = graphemes(line).slice(0, -1).join('');
  }
  return result([...lines, `${line.trimEnd()}${ELLIPSIS}`], size, options, true);
}

function result(
  lines: readonly string[],
  fontSize: number,
  options: FitOptions,
  truncated: boolean,
): FittedText {
  const fitted = lines.map((text) => ({ text, width: measureText(text, options.metrics, fontSize) }));
  const lineHeight = fontSize * options.lineHeight;
  return {
    fontSize,
    lineHeight,
    lines: fitted,
    width: Math.max(0, ...fitted.map((l) => l.width)),
    height: lineHeight * fitted.length,
    truncated,
  };
}
