/**
 * Award dates as the specs want them. Content dates are calendar days (YYYY-MM-DD, UTC); documents carry
 * them as midnight UTC: OB 3.0 `validFrom`/`validUntil` as DateTimeZ (DIGEST §3.2, §3.6), OB 2.0
 * `issuedOn`/`expires` as ISO 8601 with an offset (DIGEST §1.1), VC-JWT `nbf`/`exp` as NumericDate
 * (DIGEST §4.1). An award is valid from the start of its issue day until the start of its expiry day
 * (`expiryOf` in model/status.ts decides that day).
 */
import { InsigneError } from '../errors.ts';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkDay(day: string): void {
  const match = DAY.exec(day);
  const [year, month, date] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
  const utc = new Date(Date.UTC(year, month - 1, date));
  if (
    match === null ||
    utc.getUTCFullYear() !== year ||
    utc.getUTCMonth() !== month - 1 ||
    utc.getUTCDate() !== date
  ) {
    throw new InsigneError('ERR_DATE_INVALID', `"${day}" is not a calendar day written YYYY-MM-DD.`);
  }
}

/** OB 3.0 / VCDM 2.0 DateTimeZ of a day: `YYYY-MM-DDT00:00:00Z`. */
export function toDateTimeZ(day: string): string {
  checkDay(day);
  return `${day}T00:00:00Z`;
}

/** OB 2.0 DateTime of a day: `YYYY-MM-DDT00:00:00+00:00` (matches the OB 2.0 validator's regex). */
export function toOb2DateTime(day: string): string {
  checkDay(day);
  return `${day}T00:00:00+00:00`;
}

/** JWT NumericDate (whole seconds since the epoch) of a dateTime with a zone. */
export function toNumericDate(dateTime: string): number {
  const milliseconds = Date.parse(dateTime);
  if (Number.isNaN(milliseconds) || !/(Z|[+-]\d{2}:\d{2})$/.test(dateTime)) {
    throw new InsigneError('ERR_DATE_INVALID', `"${dateTime}" is not a dateTime with a zone.`);
  }
  return Math.floor(milliseconds / 1000);
}
