/**
 * Validity dates against the injected verification instant (OB 3.0 §Verification step 4, DIGEST §3.6; OB 2.0
 * `issuedOn`/`expires`, DIGEST §1.4). `validUntil` is the first instant the badge is no longer valid, as a
 * JWT's `exp` is (RFC 7519 §4.1.4: not accepted "on or after"), so a badge expiring on a day is expired from
 * that day's midnight UTC, which matches the award pages (model/status.ts).
 */
import { failWith, success } from './checks.ts';
import type { Check } from './types.ts';

const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;

/** Milliseconds since the epoch of a date-time with a zone, or undefined. */
export function instantOf(value: unknown): number | undefined {
  if (typeof value !== 'string' || !ZONED.test(value)) return undefined;
  const time = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2').replace(/([+-]\d{2})$/, '$1:00'));
  return Number.isNaN(time) ? undefined : time;
}

export interface ValidityDates {
  /** When the badge starts being valid (`validFrom`, `issuedOn`). */
  readonly from?: string;
  /** When it stops (`validUntil`, `expires`). */
  readonly until?: string;
  /** Names of the members, for messages and pointers. */
  readonly fromMember: string;
  readonly untilMember: string;
}

/** The `validity` check of a badge's dates at `now`. */
export function checkValidity(dates: ValidityDates, now: Date): Check {
  const at = now.getTime();
  const from = instantOf(dates.from);
  const until = dates.until === undefined ? undefined : instantOf(dates.until);
  if (dates.from !== undefined && from === undefined) {
    return failWith(
      'validity',
      'not-a-badge',
      'DATE_INVALID',
      'A date is not readable',
      `${dates.fromMember} is ${JSON.stringify(dates.from)}, not a date-time with a zone.`,
      `/${dates.fromMember}`,
    );
  }
  if (dates.until !== undefined && until === undefined) {
    return failWith(
      'validity',
      'not-a-badge',
      'DATE_INVALID',
      'A date is not readable',
      `${dates.untilMember} is ${JSON.stringify(dates.until)}, not a date-time with a zone.`,
      `/${dates.untilMember}`,
    );
  }
  if (from !== undefined && at < from) {
    return failWith(
      'validity',
      'not-yet-valid',
      'NOT_YET_VALID',
      'Not yet valid',
      `The badge is valid from ${dates.from}; it was checked at ${now.toISOString()}.`,
      `/${dates.fromMember}`,
    );
  }
  if (until !== undefined && at >= until) {
    return failWith(
      'validity',
      'expired',
      'EXPIRED',
      'Expired',
      `The badge expired at ${dates.until}; it was checked at ${now.toISOString()}.`,
      `/${dates.untilMember}`,
    );
  }
  return success(
    'validity',
    dates.until === undefined
      ? `Valid since ${dates.from ?? '(no start date)'}, with no expiry.`
      : `Valid from ${dates.from ?? '(no start date)'} until ${dates.until}.`,
  );
}
