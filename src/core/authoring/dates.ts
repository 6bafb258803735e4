/**
 * Days as administrators type them: ISO `2026-06-20`, or the French day-first `20/06/2026` (also with
 * dots or dashes) that spreadsheets export. The result is always YYYY-MM-DD, the form content files use.
 */
import { type Message, render, say } from '../messages/catalogue.ts';

export type DayResult =
  | { readonly ok: true; readonly day: string }
  | { readonly ok: false; readonly reason: string; readonly says: Message };

/** A refusal: its English reason (for messages built around it) and the catalogue message. */
const refused = (says: Message) => ({ ok: false as const, reason: render(says, 'en'), says });

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/;
/** Spreadsheets sometimes append a midnight time to a date cell ("20/06/2026 00:00:00"). */
const TIME_SUFFIX = /(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function toDay(year: number, month: number, day: number): DayResult {
  if (month < 1 || month > 12) return refused(say('day.noMonth', { month }));
  if (day < 1 || day > daysInMonth(year, month))
    return refused(say('day.notReal', { month: pad(month), year, days: daysInMonth(year, month) }));
  if (year < 1900 || year > 2200) return refused(say('day.unlikelyYear', { year }));
  return { ok: true, day: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/** Reads a day written YYYY-MM-DD or DD/MM/YYYY (day first, as in French). */
export function parseDay(text: string): DayResult {
  const value = text.trim().replace(TIME_SUFFIX, '');
  const iso = ISO.exec(value);
  if (iso) return toDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = DAY_FIRST.exec(value);
  if (dayFirst) {
    const [day, month, year] = [Number(dayFirst[1]), Number(dayFirst[2]), dayFirst[3] ?? ''];
    if (year.length !== 4) return refused(say('day.fourDigits'));
    if (month > 12 && day <= 12) return refused(say('day.monthAbove12'));
    return toDay(Number(year), month, day);
  }
  return refused(say('day.notADate'));
}
