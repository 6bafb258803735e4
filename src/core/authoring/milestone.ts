/**
 * Who among the people of a roster has earned a milestone's parts. Only salted hashes are stored, so each
 * person is looked up among the awards of every required badge exactly as duplicates are (holders.ts):
 * their email hashed with each award's salt. Nothing about the roster is kept.
 *
 * A part counts when its award is valid on the milestone's issue day: issued on or before it, not
 * expired by it, and never revoked. A revoked award does not count, whatever the day of revocation:
 * the issuer withdrew it. An expired one does not count either: a badge that expires certifies
 * something for a while only (a first-aid course, a safety check), and a milestone awarded on it would
 * vouch for what the part no longer does; the earner renews the part, then receives the milestone. Once
 * awarded, a milestone keeps its own validity when a part later expires.
 */
import { awardState } from '../model/status.ts';
import type { Award, Badge, Model, RequiredBadge, Requirement } from '../model/types.ts';
import { findHoldings, type HashValue } from './holders.ts';

/** Why a person lacks one required badge. */
export type MissingPart = RequiredBadge &
  (
    | { readonly reason: 'none' }
    | { readonly reason: 'revoked'; readonly award: string }
    | { readonly reason: 'expired'; readonly award: string; readonly expired: string }
    /** Their award of it is dated after the milestone's issue day. */
    | { readonly reason: 'later'; readonly award: string; readonly issuedOn: string }
  );

export interface PartsHeld<R> {
  readonly request: R;
  /** The required badges they hold on the day, with the award that shows it. */
  readonly held: readonly (RequiredBadge & { readonly award: string })[];
  readonly missing: readonly MissingPart[];
  /** Whether they hold at least `atLeast` of the parts. */
  readonly qualifies: boolean;
}

/** Whether `award` of `badge` counts as held on `day`. */
export function holdsOn(award: Award, badge: Badge, day: string): boolean {
  return award.issuedOn <= day && awardState(award, badge, day).kind === 'valid';
}

/**
 * For each request (a name, an email and the milestone's issue day), the parts of `requirement` it holds
 * and those it misses, with the reason. `hash` defaults to the portable SHA-256.
 */
export function checkParts<
  R extends { readonly name: string; readonly email: string; readonly issuedOn: string },
>(requests: readonly R[], requirement: Requirement, model: Model, hash?: HashValue): PartsHeld<R>[] {
  const held = requests.map(() => [] as (RequiredBadge & { award: string })[]);
  const missing = requests.map(() => [] as MissingPart[]);
  // Requests grouped by issue day (usually one), since what counts depends on the day.
  const byDay = new Map<string, number[]>();
  for (const [i, request] of requests.entries()) {
    const group = byDay.get(request.issuedOn);
    if (group) group.push(i);
    else byDay.set(request.issuedOn, [i]);
  }
  const awardsOf = new Map<string, Award[]>();
  for (const award of model.awards.values()) {
    const list = awardsOf.get(award.badge);
    if (list) list.push(award);
    else awardsOf.set(award.badge, [award]);
  }
  for (const part of requirement.badges) {
    const badge = model.badges.get(part.slug);
    // The linker resolved every part; a model without one holds no award of it.
    const awards = badge ? (awardsOf.get(part.slug) ?? []) : [];
    for (const [day, indexes] of byDay) {
      const holdings = findHoldings(
        indexes.map((i) => requests[i] as R),
        awards,
        (award) => badge !== undefined && holdsOn(award, badge, day),
        hash,
      );
      for (const [k, holding] of holdings.entries()) {
        const i = indexes[k] as number;
        if (holding.valid)
          (held[i] as (RequiredBadge & { award: string })[]).push({ ...part, award: holding.valid.id });
        else (missing[i] as MissingPart[]).push(whyMissing(part, holding.lapsed, badge, day));
      }
    }
  }
  return requests.map((request, i) => {
    const has = held[i] ?? [];
    return { request, held: has, missing: missing[i] ?? [], qualifies: has.length >= requirement.atLeast };
  });
}

/** The reason given by their latest award of the part that does not count, if they have one. */
function whyMissing(
  part: RequiredBadge,
  lapsed: readonly Award[],
  badge: Badge | undefined,
  day: string,
): MissingPart {
  const last = [...lapsed].sort((a, b) => b.issuedOn.localeCompare(a.issuedOn))[0];
  if (!last || !badge) return { ...part, reason: 'none' };
  const state = awardState(last, badge, day);
  if (state.kind === 'revoked') return { ...part, reason: 'revoked', award: last.id };
  if (last.issuedOn > day) return { ...part, reason: 'later', award: last.id, issuedOn: last.issuedOn };
  if (state.kind === 'expired') return { ...part, reason: 'expired', award: last.id, expired: state.expires };
  return { ...part, reason: 'none' };
}
