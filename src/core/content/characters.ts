/**
 * Characters that must not be published: control characters (invisible in editors, and they break pages,
 * images and credentials) and U+FFFD, which is what a file that is not UTF-8 turns into when read as UTF-8.
 * Both are refused in content files, on the line where they are.
 */
import { say } from '../messages/catalogue.ts';
import type { ParsedSource, SourceFile } from './parse.ts';
import { scalarStrings } from './parse.ts';
import { type ContentProblem, said } from './problems.ts';
import { formatField } from './zod-problems.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const REPLACEMENT = '\ufffd';

/** `U+0007` for the first C0 or C1 control character of `text` other than tab, line feed and carriage return. */
export function controlCharacterIn(text: string): string | undefined {
  const found = CONTROL.exec(text)?.[0];
  if (found === undefined) return undefined;
  return `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Characters a terminal must not receive as they are: controls (an escape sequence rewrites the screen),
 * bidirectional controls (they reverse what follows) and invisible spaces (they hide where text differs).
 */
const UNSHOWABLE = new RegExp(
  `${CONTROL.source.slice(0, -1)}\\u00ad\\u061c\\u200b\\u200e\\u200f\\u2028-\\u202e\\u2060\\u2066-\\u2069\\ufeff]`,
  'g',
);

/**
 * `text` with each control character (other than tab and line breaks), bidirectional control and invisible
 * space written as `\u0007` or `\u202e`, for messages.
 */
export function showControlCharacters(text: string): string {
  return text.replace(UNSHOWABLE, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/** Control characters and mis-decoded bytes written as they are in a file, one problem per line. */
export function scanForUnreadableText(file: SourceFile): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const [i, line] of file.text.split('\n').entries()) {
    const control = controlCharacterIn(line);
    if (line.includes(REPLACEMENT)) {
      problems.push({
        file: file.path,
        line: i + 1,
        field: '',
        ...said(say('text.notUtf8', { replacement: REPLACEMENT }), say('text.notUtf8.hint')),
      });
    } else if (control !== undefined) {
      problems.push({
        file: file.path,
        line: i + 1,
        field: '',
        ...said(say('text.controlLine', { control }), say('text.control.hint')),
      });
    }
  }
  return problems;
}

/**
 * Control characters in values written as escapes (`"\x07"`, `"\0"` in double quotes), which the line scan
 * cannot see. Lines already reported are skipped.
 */
export function scanValuesForControlCharacters(
  parsed: ParsedSource,
  reported: readonly ContentProblem[],
): ContentProblem[] {
  const lines = new Set(reported.filter((p) => p.file === parsed.file).map((p) => p.line));
  const problems: ContentProblem[] = [];
  for (const [path, value] of scalarStrings(parsed.data)) {
    const control = controlCharacterIn(value);
    const line = parsed.lineOf(path);
    if (control === undefined || lines.has(line)) continue;
    problems.push({
      file: parsed.file,
      line,
      field: formatField(path),
      ...said(say('text.controlValue', { control }), say('text.controlValue.hint')),
    });
  }
  return problems;
}
