/**
 * From checked requests to award files: who already holds the badge (found by re-hashing each request's
 * email with the salts of the awards of that badge, since only hashes are stored: see holders.ts), a fresh
 * id, salt and status index for everyone else, and the text of each new file. Randomness comes from the
 * caller.
 */

import { InsigneError } from '../errors.ts';
import { hashIdentity } from '../identity/email.ts';
import { type Message, render, say } from '../messages/catalogue.ts';
import { awardState } from '../model/status.ts';
import type { Award, Model } from '../model/types.ts';
import { isAwardId } from '../urls.ts';
import { awardFilePath, toAwardYaml } from './document.ts';
import { findHoldings, type HashValue } from './holders.ts';
import { checkParts, type PartsHeld } from './milestone.ts';
import type { AwardRequest } from './requests.ts';

/** Size of an issuer's status list: the schema's statusIndex range 0..131071 (16 KiB of bits). */
export const STATUS_LIST_SIZE = 131_072;
const SALT = /^[A-Za-z0-9_-]{16,64}$/;

/** The random values a new award needs; the shell draws them from a cryptographic source. */
export interface AwardRandomness {
  /** A random UUID v4 (crypto.randomUUID). */
  uuid(): string;
  /** A fresh salt: at least 16 base64url characters. */
  salt(): string;
  /** A uniformly random integer in 0..bound-1. */
  below(bound: number): number;
}

export interface PlannedAward {
  readonly request: AwardRequest;
  readonly id: string;
  /** Path relative to the project root. */
  readonly path: string;
  readonly text: string;
  /** An earlier award of this badge to the same person that no longer counts (expired or revoked). */
  readonly renews?: { readonly id: string; readonly state: 'expired' | 'revoked' };
}

export interface HeldAward {
  readonly request: AwardRequest;
  /** The existing award, valid today, that the request would duplicate. */
  readonly id: string;
  /** The display name on that award (it may be written differently from the request's). */
  readonly name: string;
}

export type AwardPlan =
  | {
      readonly ok: true;
      readonly create: readonly PlannedAward[];
      readonly held: readonly HeldAward[];
      /** For a milestone: the requests that do not hold enough of its parts, with what they miss. */
      readonly unqualified: readonly PartsHeld<AwardRequest>[];
    }
  | { readonly ok: false; readonly message: string; readonly says: Message };

/**
 * Plans the awards of one badge. A request whose person already holds a valid award of the badge is not
 * awarded again; one whose earlier award expired or was revoked gets a new award (a renewal). For a
 * milestone, a request whose person does not hold enough of its parts on the issue day is left out
 * (milestone.ts), after the holders: someone who already holds the milestone is skipped as such.
 */
export function planAwards(input: {
  readonly model: Model;
  readonly badge: string;
  readonly requests: readonly AwardRequest[];
  readonly today: string;
  readonly random: AwardRandomness;
  /**
   * IdentityHash of a normalised email and a salt: the portable SHA-256 unless the shell passes a native
   * one. A roster is compared with every award of the badge through it (holders.ts), so its speed counts.
   */
  readonly hash?: HashValue;
}): AwardPlan {
  const { model, requests, today, random } = input;
  const badge = model.badges.get(input.badge);
  if (!badge)
    throw new InsigneError('ERR_AUTHORING_UNKNOWN_BADGE', `No badge "${input.badge}" in the model.`);
  const existing = [...model.awards.values()].filter((a) => a.badge === badge.slug);
  // Valid awards decide who is skipped; the others only tell whether a new award renews an old one.
  const holdings = findHoldings(
    requests,
    existing,
    (award) => awardState(award, badge, today).kind === 'valid',
    input.hash,
  );

  const parts = new Map<AwardRequest, PartsHeld<AwardRequest>>();
  if (badge.requires) {
    const candidates = holdings.filter((h) => h.valid === undefined).map((h) => h.request);
    for (const result of checkParts(candidates, badge.requires, model, input.hash))
      parts.set(result.request, result);
  }

  const create: { request: AwardRequest; renews?: PlannedAward['renews'] }[] = [];
  const held: HeldAward[] = [];
  const unqualified: PartsHeld<AwardRequest>[] = [];
  for (const { request, valid, lapsed } of holdings) {
    if (valid) {
      held.push({ request, id: valid.id, name: valid.recipient.name });
      continue;
    }
    const result = parts.get(request);
    if (result && !result.qualifies) {
      unqualified.push(result);
      continue;
    }
    const last = latest(lapsed);
    const state = last ? awardState(last, badge, today).kind : undefined;
    create.push({
      request,
      ...(last && (state === 'expired' || state === 'revoked') ? { renews: { id: last.id, state } } : {}),
    });
  }

  const used = usedStatusIndexes(model, badge.issuer);
  const free = STATUS_LIST_SIZE - used.size;
  if (create.length > free) {
    const says = say('plan.statusListFull', { issuer: badge.issuer, free, needed: create.length });
    return { ok: false, message: render(says, 'en'), says };
  }

  const planned = create.map(({ request, renews }) => {
    const id = random.uuid();
    if (!isAwardId(id) || model.awards.has(id))
      throw new InsigneError('ERR_AUTHORING_BAD_ID', 'The id source must give fresh random UUID v4 strings.');
    const salt = random.salt();
    if (!SALT.test(salt))
      throw new InsigneError('ERR_AUTHORING_BAD_SALT', 'A salt must be 16 to 64 base64url characters.');
    const statusIndex = freeIndex(used, random);
    used.add(statusIndex);
    const text = toAwardYaml({
      id,
      badge: badge.slug,
      name: request.name,
      identity: hashIdentity(request.email, salt),
      salt,
      issuedOn: request.issuedOn,
      ...(request.expires ? { expires: request.expires } : {}),
      ...(request.evidence ? { evidence: request.evidence } : {}),
      ...(request.narrative ? { narrative: request.narrative } : {}),
      listed: request.listed,
      statusIndex,
    });
    return { request, id, path: awardFilePath(id, request.issuedOn), text, ...(renews ? { renews } : {}) };
  });
  const ids = new Set(planned.map((p) => p.id));
  if (ids.size !== planned.length)
    throw new InsigneError('ERR_AUTHORING_BAD_ID', 'The id source gave the same UUID twice.');
  return { ok: true, create: planned, held, unqualified };
}

/** Status indexes already taken by the issuer's awards (of every badge), revoked ones included. */
export function usedStatusIndexes(model: Model, issuer: string): Set<number> {
  const used = new Set<number>();
  for (const award of model.awards.values()) {
    if (model.badges.get(award.badge)?.issuer === issuer) used.add(award.statusIndex);
  }
  return used;
}

/**
 * A random free index. The W3C Bitstring Status List recommends random positions (privacy considerations),
 * so an index reveals nothing about when or in which order awards were made.
 */
function freeIndex(used: ReadonlySet<number>, random: AwardRandomness): number {
  // Rejection sampling while the list is mostly free; a scan of the free positions once it is crowded.
  if (used.size < STATUS_LIST_SIZE / 2) {
    for (;;) {
      const index = random.below(STATUS_LIST_SIZE);
      if (!Number.isInteger(index) || index < 0 || index >= STATUS_LIST_SIZE)
        throw new InsigneError('ERR_AUTHORING_BAD_RANDOM', `below(${STATUS_LIST_SIZE}) returned ${index}.`);
      if (!used.has(index)) return index;
    }
  }
  const free: number[] = [];
  for (let i = 0; i < STATUS_LIST_SIZE; i++) if (!used.has(i)) free.push(i);
  const index = free[random.below(free.length)];
  if (index === undefined) throw new InsigneError('ERR_AUTHORING_BAD_RANDOM', 'No free status index.');
  return index;
}

function latest(awards: readonly Award[]): Award | undefined {
  return [...awards].sort((a, b) => b.issuedOn.localeCompare(a.issuedOn))[0];
}
