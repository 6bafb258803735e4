/**
 * Names people read to know who earned what, and what issued it, must look like what they are:
 * - no bidirectional controls (after a U+202E RIGHT-TO-LEFT OVERRIDE, `Zoé gnp.exe` displays as
 *   `Zoé exe.png`) and no invisible characters (zero-width spaces, joiners, fillers), which make two
 *   names that look the same differ, or hide text. A zero-width joiner inside an emoji sequence (👩‍🔬), and
 *   joiners between letters of the scripts that need them (Persian, Indic), are the legitimate exceptions;
 * - text drawn on the badge artwork only in characters its bundled fonts can draw, since any other
 *   becomes an empty box in the image every earner downloads.
 * Pure and linear: one pass over the code points, no pattern with backtracking.
 */
import { say } from '../messages/catalogue.ts';
import { type ParsedSource, scalarStrings } from './parse.ts';
import { type ContentProblem, said } from './problems.ts';
import { formatField } from './zod-problems.ts';

/** Invisible and bidirectional formatting characters, by code point, with their Unicode names. */
const INVISIBLE: ReadonlyMap<number, string> = new Map([
  [0x00ad, 'SOFT HYPHEN'],
  [0x034f, 'COMBINING GRAPHEME JOINER'],
  [0x061c, 'ARABIC LETTER MARK'],
  [0x115f, 'HANGUL CHOSEONG FILLER'],
  [0x1160, 'HANGUL JUNGSEONG FILLER'],
  [0x17b4, 'KHMER VOWEL INHERENT AQ'],
  [0x17b5, 'KHMER VOWEL INHERENT AA'],
  [0x180e, 'MONGOLIAN VOWEL SEPARATOR'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x2028, 'LINE SEPARATOR'],
  [0x2029, 'PARAGRAPH SEPARATOR'],
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2060, 'WORD JOINER'],
  [0x2061, 'FUNCTION APPLICATION'],
  [0x2062, 'INVISIBLE TIMES'],
  [0x2063, 'INVISIBLE SEPARATOR'],
  [0x2064, 'INVISIBLE PLUS'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
  [0x206a, 'INHIBIT SYMMETRIC SWAPPING'],
  [0x206b, 'ACTIVATE SYMMETRIC SWAPPING'],
  [0x206c, 'INHIBIT ARABIC FORM SHAPING'],
  [0x206d, 'ACTIVATE ARABIC FORM SHAPING'],
  [0x206e, 'NATIONAL DIGIT SHAPES'],
  [0x206f, 'NOMINAL DIGIT SHAPES'],
  [0x3164, 'HANGUL FILLER'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
  [0xffa0, 'HALFWIDTH HANGUL FILLER'],
  [0xfff9, 'INTERLINEAR ANNOTATION ANCHOR'],
  [0xfffa, 'INTERLINEAR ANNOTATION SEPARATOR'],
  [0xfffb, 'INTERLINEAR ANNOTATION TERMINATOR'],
  [0xe0001, 'LANGUAGE TAG'],
]);

const ZWNJ = 0x200c;
const ZWJ = 0x200d;
const BLACK_FLAG = 0x1f3f4;
const isTag = (cp: number) => cp >= 0xe0020 && cp <= 0xe007f;

const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
/** What may come right before a joiner in an emoji sequence: an emoji, VS16, or a skin-tone modifier. */
const EMOJI_BEFORE_JOINER = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F)$/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
/** Scripts whose words never need a joiner: a joiner between their letters only hides something. */
const JOINERLESS_SCRIPT = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;

/** An invisible or bidirectional character found in a text, where it is. */
export interface InvisibleCharacter {
  /** `U+202E`. */
  readonly code: string;
  readonly name: string;
  /** 1-based position in characters (code points) of the text. */
  readonly position: number;
}

const codeOf = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

function joinsLetters(before: string | undefined, after: string | undefined): boolean {
  return [before, after].every(
    (c) => c !== undefined && LETTER_OR_MARK.test(c) && !JOINERLESS_SCRIPT.test(c),
  );
}

/** The first invisible or bidirectional formatting character of `text`, or undefined. */
export function invisibleCharacterIn(text: string): InvisibleCharacter | undefined {
  const chars = Array.from(text);
  let inFlagTags = false;
  for (const [i, char] of chars.entries()) {
    const cp = char.codePointAt(0) as number;
    if (isTag(cp)) {
      // Tag characters spell a subdivision flag after U+1F3F4 (🏴󠁧󠁢󠁳󠁣󠁴󠁿), and are invisible anywhere else.
      if (inFlagTags || chars[i - 1]?.codePointAt(0) === BLACK_FLAG) {
        inFlagTags = cp !== 0xe007f;
        continue;
      }
      return { code: codeOf(cp), name: 'TAG CHARACTER', position: i + 1 };
    }
    inFlagTags = false;
    const name = INVISIBLE.get(cp);
    if (name === undefined) continue;
    const before = chars[i - 1];
    const after = chars[i + 1];
    if (
      cp === ZWJ &&
      before !== undefined &&
      after !== undefined &&
      EMOJI_BEFORE_JOINER.test(before) &&
      PICTOGRAPHIC.test(after)
    )
      continue;
    if ((cp === ZWJ || cp === ZWNJ) && joinsLetters(before, after)) continue;
    return { code: codeOf(cp), name, position: i + 1 };
  }
  return undefined;
}

/** `U+202E RIGHT-TO-LEFT OVERRIDE at character 5`. */
export function describeInvisible(found: InvisibleCharacter): string {
  return `${found.code} ${found.name} at character ${found.position}`;
}

/** Characters the renderer draws as emoji images (Twemoji) rather than from a font. */
const EMOJI_PART = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}]/u;
/** VS16, the keycap mark and the joiner: parts of emoji sequences, tested one character at a time. */
const EMOJI_JOINERS = new Set([0xfe0f, 0x20e3, 0x200d]);

/**
 * The distinct characters of `text` that `canDraw` (the bundled fonts' coverage) says cannot be drawn,
 * in order of appearance. Emoji are drawn as images and spaces need no glyph.
 */
export function undrawableCharacters(text: string, canDraw: (codePoint: number) => boolean): string[] {
  const missing = new Set<string>();
  for (const char of text.normalize('NFC')) {
    const cp = char.codePointAt(0) as number;
    if (cp === 0x20 || EMOJI_JOINERS.has(cp) || EMOJI_PART.test(char) || isTag(cp) || canDraw(cp)) continue;
    missing.add(char);
  }
  return [...missing];
}

const SCRIPTS = [
  'Arabic',
  'Hebrew',
  'Greek',
  'Cyrillic',
  'Armenian',
  'Georgian',
  'Devanagari',
  'Bengali',
  'Tamil',
  'Thai',
  'Han',
  'Hiragana',
  'Katakana',
  'Hangul',
  'Ethiopic',
] as const;
const SCRIPT_TESTS = SCRIPTS.map((script) => [script, new RegExp(`\\p{Script=${script}}`, 'u')] as const);

/** The parts of describeCharacters, for a message in either language. */
function charactersParams(chars: readonly string[], shown = 6) {
  const listed = chars
    .slice(0, shown)
    .map((c) => `"${c}" ${codeOf(c.codePointAt(0) as number)}`)
    .join(', ');
  const scripts = SCRIPT_TESTS.filter(([, test]) => chars.some((c) => test.test(c))).map(([s]) => s);
  return {
    listed,
    more: chars.length > shown ? say('text.undrawable.more', { count: chars.length - shown }) : '',
    scripts: scripts.length > 0 ? ` (${scripts.join(', ')})` : '',
  };
}

/** `"ש" U+05E9, "ל" U+05DC (Hebrew)`: the first few characters, each with its code point, and their scripts. */
export function describeCharacters(chars: readonly string[], shown = 6): string {
  const listed = chars
    .slice(0, shown)
    .map((c) => `"${c}" ${codeOf(c.codePointAt(0) as number)}`)
    .join(', ');
  const more = chars.length > shown ? ` and ${chars.length - shown} more` : '';
  const scripts = SCRIPT_TESTS.filter(([, test]) => chars.some((c) => test.test(c))).map(([s]) => s);
  return `${listed}${more}${scripts.length > 0 ? ` (${scripts.join(', ')})` : ''}`;
}

/** Which values of a content file are names (checked for invisible characters) and which are drawn. */
export type NameFields = {
  readonly names: readonly (readonly (string | '*')[])[];
  readonly drawn: readonly (readonly (string | '*')[])[];
};

export const ISSUER_NAME_FIELDS: NameFields = { names: [['name']], drawn: [['name']] };
export const BADGE_NAME_FIELDS: NameFields = {
  names: [['name'], ['artwork', 'level'], ['tags', '*'], ['alignments', '*', 'targetName'], ['imageAlt']],
  drawn: [['name'], ['artwork', 'level']],
};
export const AWARD_NAME_FIELDS: NameFields = {
  names: [
    ['recipient', 'name'],
    ['evidence', '*', 'name'],
  ],
  drawn: [],
};

/** Longer than any name field allows (schemas.ts). */
const MAX_NAME_LENGTH = 300;

const matches = (path: readonly PropertyKey[], pattern: readonly (string | '*')[]) =>
  path.length === pattern.length &&
  pattern.every((part, i) => (part === '*' ? typeof path[i] === 'number' : path[i] === part));

/** Invisible characters in the file's names, and characters its drawn text cannot be drawn in. */
export function scanNames(
  parsed: ParsedSource,
  fields: NameFields,
  canDraw: ((codePoint: number) => boolean) | undefined,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const [path, value] of scalarStrings(parsed.data)) {
    // A longer value is no name: its length limit (schemas.ts) refuses it before any character matters.
    if (value.length > MAX_NAME_LENGTH) continue;
    // Where the value is, worked out only for a problem: most values of a file are neither names nor drawn.
    const where = () => ({ file: parsed.file, line: parsed.lineOf(path), field: formatField(path) });
    if (fields.names.some((pattern) => matches(path, pattern))) {
      const found = invisibleCharacterIn(value);
      if (found) {
        problems.push({
          ...where(),
          ...said(
            say('text.invisible', { code: found.code, name: found.name, position: found.position }),
            say('text.invisible.hint'),
          ),
        });
        continue;
      }
    }
    if (canDraw && fields.drawn.some((pattern) => matches(path, pattern))) {
      const missing = undrawableCharacters(value, canDraw);
      if (missing.length > 0) {
        problems.push({
          ...where(),
          ...said(say('text.undrawable', charactersParams(missing)), say('text.undrawable.hint')),
        });
      }
    }
  }
  return problems;
}
