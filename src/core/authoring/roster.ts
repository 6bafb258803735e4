/**
 * Class rosters as spreadsheets export them: bytes in UTF-8 (with or without a byte order mark), UTF-16
 * ("Unicode text") or Windows-1252 (Excel's French "CSV"), a header row, then one row per earner, with
 * `,`, `;` or tab between values and quotes around values that hold a separator or a line break.
 * Parsing uses csv-parse (RFC 4180 and its real-world variations); this module only prepares the text
 * and keeps each row's line number for the report.
 */

import { CsvError, parse } from 'csv-parse/sync';
import { said } from '../content/problems.ts';
import { type Message, say } from '../messages/catalogue.ts';

export type RosterEncoding = 'UTF-8' | 'UTF-16' | 'Windows-1252';
export type RosterSeparator = ',' | ';' | '\t';

/** One row of values, with the line of the file where it starts (1-based, as editors show it). */
export interface RosterRow {
  readonly line: number;
  readonly cells: readonly string[];
}

export interface Roster {
  readonly encoding: RosterEncoding;
  readonly separator: RosterSeparator;
  readonly header: RosterRow;
  /** Data rows; rows with no value at all (blank lines, `;;;`) are left out. */
  readonly rows: readonly RosterRow[];
}

/** A mistake that prevents reading the file at all (as opposed to one wrong row). */
export interface RosterFileProblem {
  readonly line?: number;
  readonly message: string;
  readonly hint?: string;
  /** The message and hint as catalogue messages. */
  readonly says?: { readonly message: Message; readonly hint?: Message };
}

export type RosterResult =
  | { readonly ok: true; readonly roster: Roster }
  | { readonly ok: false; readonly problem: RosterFileProblem };

/**
 * Decodes the bytes of a roster. Valid UTF-8 is UTF-8 (a leading BOM is dropped); anything else is read as
 * Windows-1252, the encoding of Excel's "CSV" export on French and other Western European systems (it
 * decodes every byte, and is a superset of Latin-1 for printable text).
 */
export function decodeRoster(bytes: Uint8Array): { text: string; encoding: RosterEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'UTF-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' };
  }
}

/**
 * The separator of the header row: the most frequent of `;`, tab and `,` outside quotes. Column names
 * rarely hold a separator, so the header is the most reliable line to look at.
 */
export function detectSeparator(headerLine: string): RosterSeparator {
  const counts = new Map<RosterSeparator, number>([
    [';', 0],
    ['\t', 0],
    [',', 0],
  ]);
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char as RosterSeparator))
      counts.set(char as RosterSeparator, (counts.get(char as RosterSeparator) ?? 0) + 1);
  }
  let best: RosterSeparator = ',';
  let bestCount = 0;
  // Ties go to the first candidate: `;` then tab then `,` (a comma is the likeliest inside a name).
  for (const [separator, count] of counts) {
    if (count > bestCount) {
      best = separator;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The line where a quoted value opens and never closes (csv-parse only knows where the file ended). A quote
 * opens a value when it is the first non-blank character after a separator or a line break.
 */
export function unclosedQuoteLine(text: string, separator: RosterSeparator): number | undefined {
  let line = 1;
  let openedOn: number | undefined;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (openedOn !== undefined) {
      if (char === '"' && text[i + 1] === '"') i++;
      else if (char === '"') openedOn = undefined;
      else if (char === '\n') line++;
      continue;
    }
    if (char === '"' && atFieldStart) openedOn = line;
    else if (char === '\n') line++;
    if (char === separator || char === '\n') atFieldStart = true;
    else if (char !== ' ') atFieldStart = false;
  }
  return openedOn;
}

/** Reads the rows of a decoded roster. */
export function parseRoster(text: string, encoding: RosterEncoding = 'UTF-8'): RosterResult {
  // One line ending for csv-parse and for line numbers; line breaks inside quoted values become "\n".
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const firstLine = normalised.split('\n').find((line) => line.trim() !== '');
  if (firstLine === undefined)
    return { ok: false, problem: said(say('roster.empty'), say('roster.empty.hint')) };
  const separator = detectSeparator(firstLine);

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(normalised, {
      delimiter: separator,
      record_delimiter: '\n',
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = Number((error as CsvError & { lines?: number }).lines) || 1;
    const opened =
      error.code === 'CSV_QUOTE_NOT_CLOSED' ? unclosedQuoteLine(normalised, separator) : undefined;
    return {
      ok: false,
      problem: opened
        ? {
            line: opened,
            ...said(say('roster.unclosedQuote', { line: opened }), say('roster.unclosedQuote.hint')),
          }
        : {
            line,
            ...said(say('roster.unreadable', { line }), say('roster.unreadable.hint')),
          },
    };
  }

  const rows: RosterRow[] = [];
  for (const { record, info } of records) {
    // csv-parse reports the line where a record ends; a record starts earlier by its embedded line breaks.
    const breaks = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    const cells = record.map((cell) => cell.trim());
    if (cells.every((cell) => cell === '')) continue;
    rows.push({ line: info.lines - breaks, cells });
  }
  const [header, ...data] = rows;
  if (!header) return { ok: false, problem: said(say('roster.empty'), say('roster.empty.hint')) };
  return { ok: true, roster: { encoding, separator, header, rows: data } };
}
