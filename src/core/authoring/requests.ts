/**
 * Award requests: one earner to award, typed on the command line or read from a roster row, checked
 * field by field before anything is hashed or written. A request either becomes a clean `AwardRequest`
 * or a `RejectedRow` that lists every problem of that row, with its line and display name.
 */

import { evidenceSchema } from '../content/schemas.ts';
import { EMAIL_LIKE } from '../content/zod-problems.ts';
import { normaliseEmail } from '../identity/email.ts';
import { type Message, type Param, render, say } from '../messages/catalogue.ts';
import { type ColumnMap, cellOf, nameOf } from './columns.ts';
import { parseDay } from './dates.ts';
import { cleanName, emailProblem, nameProblem, publicTextProblem } from './recipient.ts';
import type { Roster, RosterSeparator } from './roster.ts';

/** What was typed or read, as text. Absent and empty mean the same: not given. */
export interface RawRequest {
  /** Line of the roster row; absent for the command line. */
  readonly line?: number;
  readonly name?: string;
  readonly email?: string;
  readonly issuedOn?: string;
  readonly expires?: string;
  readonly evidence?: string;
  readonly narrative?: string;
  /** A problem with the row as a whole (values past the last column). */
  readonly rowProblem?: Message;
}

/** Values that apply when a request does not give its own (the command-line options). */
export interface AwardDefaults {
  /** YYYY-MM-DD: `--issued-on`, else today. */
  readonly issuedOn: string;
  readonly expires?: string;
  readonly evidence?: string;
  readonly narrative?: string;
  readonly listed: boolean;
}

/** A checked request. `email` is normalised; it is hashed later and never written. */
export interface AwardRequest {
  readonly line?: number;
  readonly name: string;
  readonly email: string;
  readonly issuedOn: string;
  readonly expires?: string;
  readonly evidence?: string;
  readonly narrative?: string;
  readonly listed: boolean;
}

export type RequestField = 'row' | 'name' | 'email' | 'issuedOn' | 'expires' | 'evidence' | 'narrative';

export interface FieldProblem {
  readonly field: RequestField;
  /** What is wrong, in English; `says` is the same as a catalogue message. */
  readonly message: string;
  readonly says?: Message;
}

/** A field's problem from a catalogue message. */
const fieldProblem = (field: RequestField, message: Message): FieldProblem => ({
  field,
  message: render(message, 'en'),
  says: message,
});

/** A request that cannot be awarded, with every reason. The name is what was typed (may be empty). */
export interface RejectedRow {
  readonly line?: number;
  readonly name: string;
  readonly problems: readonly FieldProblem[];
}

const MAX_NARRATIVE = 5000;

/** A value shown in a message: quoted and shortened, and never an email address. */
function shown(text: string): Param {
  if (EMAIL_LIKE.test(text)) return say('zod.value.email');
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}…` : text);
}

/** A day typed by an administrator, or the reason it is not one. */
export function checkDay(
  label: 'issuedOn' | 'expires' | 'revoked',
  text: string,
): { day: string } | { message: Message } {
  const result = parseDay(text);
  const name = say(
    label === 'issuedOn'
      ? 'label.issueDate'
      : label === 'expires'
        ? 'label.expiryDate'
        : 'label.revocationDate',
  );
  return result.ok
    ? { day: result.day }
    : { message: say('day.refused', { label: name, value: shown(text), reason: result.says }) };
}

/** Why `url` cannot be an evidence link, or undefined: the same rule as award files (http(s), a domain). */
export function evidenceProblem(url: string): Message | undefined {
  if (EMAIL_LIKE.test(url)) return say('evidence.email');
  if (!evidenceSchema.safeParse({ url }).success) return say('evidence.notWeb', { value: shown(url) });
  return undefined;
}

/** Checks the command-line options that apply to every request. */
export function checkDefaults(
  options: {
    readonly issuedOn?: string;
    readonly expires?: string;
    readonly evidence?: string;
    readonly narrative?: string;
    readonly listed?: boolean;
  },
  today: string,
): { ok: true; defaults: AwardDefaults } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  let issuedOn = today;
  if (options.issuedOn !== undefined) {
    const result = checkDay('issuedOn', options.issuedOn);
    if ('day' in result) issuedOn = result.day;
    else problems.push(fieldProblem('issuedOn', result.message));
  }
  let expires: string | undefined;
  if (options.expires !== undefined) {
    const result = checkDay('expires', options.expires);
    if ('day' in result) expires = result.day;
    else problems.push(fieldProblem('expires', result.message));
  }
  const evidence = options.evidence?.trim();
  const evidenceIssue = evidence === undefined ? undefined : evidenceProblem(evidence);
  if (evidenceIssue) problems.push(fieldProblem('evidence', evidenceIssue));
  const narrative = options.narrative?.trim();
  const narrativeIssue =
    narrative === undefined ? undefined : publicTextProblem('narrative', narrative, MAX_NARRATIVE);
  if (narrativeIssue) problems.push(fieldProblem('narrative', narrativeIssue));
  if (issuedOn > today) {
    problems.push(fieldProblem('issuedOn', say('request.future', { issuedOn, today })));
  }
  if (expires && expires <= issuedOn) {
    problems.push(fieldProblem('expires', say('dates.expiry', { expires, issuedOn })));
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    defaults: {
      issuedOn,
      ...(expires ? { expires } : {}),
      ...(evidence ? { evidence } : {}),
      ...(narrative ? { narrative } : {}),
      listed: options.listed ?? false,
    },
  };
}

/** Checks one request against the defaults and today. */
export function checkRequest(
  raw: RawRequest,
  defaults: AwardDefaults,
  today: string,
): { ok: true; request: AwardRequest } | { ok: false; rejected: RejectedRow } {
  const problems: FieldProblem[] = [];
  if (raw.rowProblem) problems.push(fieldProblem('row', raw.rowProblem));

  const name = cleanName(raw.name ?? '');
  const nameIssue = nameProblem(name);
  if (nameIssue) problems.push(fieldProblem('name', nameIssue));

  const email = normaliseEmail(raw.email ?? '');
  const emailIssue = emailProblem(email);
  if (emailIssue) problems.push(fieldProblem('email', emailIssue));

  let issuedOn: string | undefined = defaults.issuedOn;
  if (raw.issuedOn?.trim()) {
    const result = checkDay('issuedOn', raw.issuedOn);
    issuedOn = 'day' in result ? result.day : undefined;
    if ('message' in result) problems.push(fieldProblem('issuedOn', result.message));
  }
  if (issuedOn && issuedOn > today) {
    problems.push(fieldProblem('issuedOn', say('request.future', { issuedOn, today })));
  }
  let expires: string | undefined = defaults.expires;
  if (raw.expires?.trim()) {
    const result = checkDay('expires', raw.expires);
    expires = 'day' in result ? result.day : undefined;
    if ('message' in result) problems.push(fieldProblem('expires', result.message));
  }
  if (issuedOn && expires && expires <= issuedOn) {
    problems.push(fieldProblem('expires', say('dates.expiry', { expires, issuedOn })));
  }

  const evidence = raw.evidence?.trim() || defaults.evidence;
  const evidenceIssue = evidence && raw.evidence?.trim() ? evidenceProblem(evidence) : undefined;
  if (evidenceIssue) problems.push(fieldProblem('evidence', evidenceIssue));

  const narrative = raw.narrative?.trim() || defaults.narrative;
  const narrativeIssue =
    narrative && raw.narrative?.trim() ? publicTextProblem('narrative', narrative, MAX_NARRATIVE) : undefined;
  if (narrativeIssue) problems.push(fieldProblem('narrative', narrativeIssue));

  if (problems.length > 0 || !issuedOn) {
    return { ok: false, rejected: { ...(raw.line ? { line: raw.line } : {}), name, problems } };
  }
  return {
    ok: true,
    request: {
      ...(raw.line ? { line: raw.line } : {}),
      name,
      email,
      issuedOn,
      ...(expires ? { expires } : {}),
      ...(evidence ? { evidence } : {}),
      ...(narrative ? { narrative } : {}),
      listed: defaults.listed,
    },
  };
}

/**
 * Checks every request of a roster. The second and later rows with an email already seen are rejected
 * (the same person twice, or two people given one address by mistake), naming the first row.
 */
export function checkRequests(
  raws: readonly RawRequest[],
  defaults: AwardDefaults,
  today: string,
): { requests: AwardRequest[]; rejected: RejectedRow[] } {
  const requests: AwardRequest[] = [];
  const rejected: RejectedRow[] = [];
  const firstSeen = new Map<string, { line?: number; name: string }>();
  for (const raw of raws) {
    const result = checkRequest(raw, defaults, today);
    const email = normaliseEmail(raw.email ?? '');
    const earlier = email === '' ? undefined : firstSeen.get(email);
    const duplicate: FieldProblem | undefined =
      earlier &&
      fieldProblem(
        'email',
        say('request.sameEmail', { line: earlier.line ?? '', name: earlier.name || say('request.noName') }),
      );
    if (email !== '' && !earlier)
      firstSeen.set(email, { ...(raw.line ? { line: raw.line } : {}), name: cleanName(raw.name ?? '') });
    if (result.ok && !duplicate) requests.push(result.request);
    else if (result.ok && duplicate)
      rejected.push({
        ...(raw.line ? { line: raw.line } : {}),
        name: result.request.name,
        problems: [duplicate],
      });
    else if (!result.ok)
      rejected.push(
        duplicate
          ? { ...result.rejected, problems: [...result.rejected.problems, duplicate] }
          : result.rejected,
      );
  }
  return { requests, rejected };
}

const SEPARATOR_NAMES: Record<RosterSeparator, Message> = {
  ',': say('separator.comma'),
  ';': say('separator.semicolon'),
  '\t': say('separator.tab'),
};

/** The raw requests of a roster's rows, with the columns mapped by `mapColumns`. */
export function rosterRequests(roster: Roster, columns: ColumnMap): RawRequest[] {
  const width = roster.header.cells.length;
  return roster.rows.map((row) => {
    const extra = row.cells.slice(width).filter((cell) => cell !== '').length;
    const separator = SEPARATOR_NAMES[roster.separator];
    return {
      line: row.line,
      name: nameOf(columns, row.cells),
      email: cellOf(columns.email, row.cells),
      issuedOn: cellOf(columns.issuedOn, row.cells),
      expires: cellOf(columns.expires, row.cells),
      evidence: cellOf(columns.evidence, row.cells),
      narrative: cellOf(columns.narrative, row.cells),
      ...(extra > 0
        ? {
            rowProblem: say('row.tooManyValues', { separator }),
          }
        : {}),
    };
  });
}
