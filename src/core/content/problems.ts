/**
 * Content problems: mistakes in what an administrator wrote. They are values, collected across every file
 * and reported once (STYLE habit 4), never thrown one at a time.
 */
import { type Message, type Param, render, say } from '../messages/catalogue.ts';
import type { Language } from '../model/types.ts';

export interface ContentProblem {
  /** File path relative to the project root, forward slashes. */
  readonly file: string;
  /** 1-based line of the offending value, or of the nearest enclosing one; 0 when the file itself is wrong. */
  readonly line: number;
  /** Dotted path of the field (`recipient.identity`), or '' when the whole file is concerned. */
  readonly field: string;
  /** What is wrong, in one sentence. */
  readonly message: string;
  /** What to do about it. */
  readonly hint?: string;
  /**
   * The same message and hint as catalogue entries, so the shell can print them in French; `message` and
   * `hint` are their English text.
   */
  readonly says?: { readonly message: Message; readonly hint?: Message };
}

/** The message and hint of a problem, from the catalogue: `{ file, line, field, ...said(m, h) }`. */
export function said(
  message: Message,
  hint?: Message,
): Pick<ContentProblem, 'message' | 'hint' | 'says'> & { message: string } {
  return hint
    ? { message: render(message, 'en'), hint: render(hint, 'en'), says: { message, hint } }
    : { message: render(message, 'en'), says: { message } };
}

/** Orders problems by file then line, so reports and tests are stable. */
export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.field.localeCompare(b.field),
  );
}

/**
 * Formats problems for a terminal, grouped by file:
 * ```
 * ✖ 2 content problems. Nothing was published.
 * content/awards/2026/….yaml
 *   3  badge: No badge "robotique" exists.
 *      Hint: Did you mean "robotique-1"? …
 * ```
 */
export function formatProblems(
  problems: readonly ContentProblem[],
  outcome: Message = say('report.nothingPublished'),
  language: Language = 'en',
): string {
  const sorted = sortProblems(problems);
  const count = sorted.length;
  const header = say(count === 1 ? 'report.header.one' : 'report.header.other', { count, outcome });
  const lines = [render(header, language)];
  const hintLabel = render(say('report.hint'), language);
  let currentFile = '';
  for (const p of sorted) {
    if (p.file !== currentFile) {
      currentFile = p.file;
      lines.push(p.file);
    }
    const where = String(p.line).padStart(4);
    const field = p.field ? `${p.field}: ` : '';
    // A problem not yet in the catalogue keeps its English text rather than disappearing.
    const message = p.says ? render(p.says.message, language) : p.message;
    const hint = p.says?.hint ? render(p.says.hint, language) : p.hint;
    lines.push(`${where}  ${field}${message}`);
    if (hint) lines.push(`      ${hintLabel} ${hint}`);
  }
  return lines.join('\n');
}

/** Levenshtein distance, for "did you mean" hints over short names. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The closest known name, when it is close enough to be a likely typo. */
export function closestName(wanted: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const name of known) {
    const d = editDistance(wanted, name);
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(wanted.length / 3)) ? best : undefined;
}

/** The "Did you mean …? " opening of a hint, or nothing when no name is close. */
export function didYouMean(guess: string | undefined): Message | '' {
  return guess ? say('hint.didYouMean', { name: guess }) : '';
}

/** Alternatives as "a or b" (or "a, b or c"), in the message's language. */
export function orList(items: readonly string[]): Param {
  if (items.length < 2) return items[0] ?? '';
  return say('list.or', { first: items.slice(0, -1).join(', '), last: items[items.length - 1] ?? '' });
}
