/**
 * Award lifecycle: when an award expires and what state it is in on a given day. Shared by the pages, the
 * credential builders (validUntil / exp) and the verifier's reading of dates.
 */
import type { Award, Badge, Revocation } from './types.ts';

/** Adds an ISO 8601 duration of years, months, weeks and days (`P2Y`, `P6M`, `P1Y6M`) to a day. */
export function addDuration(day: string, duration: string): string {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(duration);
  if (!match || duration === 'P') throw new TypeError(`Unsupported ISO 8601 duration "${duration}".`);
  const [, years = '0', months = '0', weeks = '0', days = '0'] = match;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const totalMonths = y * 12 + (m - 1) + Number(years) * 12 + Number(months);
  const targetYear = Math.floor(totalMonths / 12);
  const targetMonth = totalMonths % 12;
  // Clamp to the month's last day (31 March + P1M = 30 April), as calendars do.
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const date = new Date(Date.UTC(targetYear, targetMonth, Math.min(d, lastDay)));
  date.setUTCDate(date.getUTCDate() + Number(weeks) * 7 + Number(days));
  return date.toISOString().slice(0, 10);
}

/** The day an award stops being valid: its own `expires`, else issue day + the badge validity, else none. */
export function expiryOf(
  award: Pick<Award, 'issuedOn' | 'expires'>,
  badge: Pick<Badge, 'validity'>,
): string | undefined {
  if (award.expires) return award.expires;
  return badge.validity ? addDuration(award.issuedOn, badge.validity) : undefined;
}

export type AwardState =
  | { readonly kind: 'valid'; readonly expires?: string }
  | { readonly kind: 'expired'; readonly expires: string }
  | { readonly kind: 'revoked'; readonly revocation: Revocation; readonly expires?: string };

/** The state of an award on `today` (YYYY-MM-DD). Revocation wins over expiry. */
export function awardState(award: Award, badge: Badge, today: string): AwardState {
  const expires = expiryOf(award, badge);
  if (award.revocation)
    return { kind: 'revoked', revocation: award.revocation, ...(expires ? { expires } : {}) };
  if (expires && expires <= today) return { kind: 'expired', expires };
  return { kind: 'valid', ...(expires ? { expires } : {}) };
}

/** How many of a badge's awards are valid, expired and revoked on a given day. */
export function awardCounts(
  awards: Iterable<Award>,
  badge: Badge,
  today: string,
): { valid: number; expired: number; revoked: number } {
  const counts = { valid: 0, expired: 0, revoked: 0 };
  for (const award of awards) if (award.badge === badge.slug) counts[awardState(award, badge, today).kind]++;
  return counts;
}
