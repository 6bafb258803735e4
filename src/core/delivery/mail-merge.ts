/**
 * The mail-merge file of `badges notify --export`: one row per announcement, with the ready message, for
 * Thunderbird's Mail Merge, Word/Outlook and the Gmail mail-merge add-ons. UTF-8 with a byte-order mark
 * (French Excel otherwise reads the file as Windows-1252 and garbles every accent), `;` between fields
 * by default (the list separator of French Excel; `,` for English spreadsheets), CRLF line ends, and
 * fields quoted as RFC 4180 says when they hold a separator, a quote or a line break.
 */
import { type Announcement, splitName } from './announcement.ts';
import type { ComposedMessage } from './templates.ts';

export type Separator = ';' | ',' | '\t';

/** Column headers: plain ASCII, so every tool takes them as field names. */
export const MAIL_MERGE_COLUMNS = [
  'FirstName',
  'LastName',
  'Email',
  'Badge',
  'AwardURL',
  'LinkedInURL',
  'Subject',
  'Message',
  'Language',
  'AwardId',
] as const;

function field(value: string, separator: Separator): string {
  return value.includes(separator) || /["\r\n]/.test(value) || /^\s|\s$/.test(value)
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

/** The file's bytes. */
export function mailMergeCsv(
  rows: readonly { announcement: Announcement; message: ComposedMessage }[],
  separator: Separator = ';',
): Uint8Array {
  const lines = [MAIL_MERGE_COLUMNS.join(separator)];
  for (const { announcement: a, message } of rows) {
    const { first, last } = splitName(a.earnerName);
    lines.push(
      [
        first,
        last,
        a.email,
        a.badgeName,
        a.awardUrl,
        a.linkedInUrl,
        message.subject,
        message.text.replace(/\n/g, '\r\n'),
        a.language,
        a.awardId,
      ]
        .map((value) => field(value, separator))
        .join(separator),
    );
  }
  const text = `${lines.join('\r\n')}\r\n`;
  const body = new TextEncoder().encode(text);
  const bytes = new Uint8Array(body.length + 3);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(body, 3);
  return bytes;
}
