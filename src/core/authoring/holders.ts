/**
 * Who among the people of a roster already has an award of a badge. Only salted hashes are stored, with a
 * fresh salt per award, so there is no index by email: a person is found by hashing their email with the
 * salt of an award and comparing. Hashing every row with every award's salt costs rows × awards (about a
 * minute and a half for a 10 000-row roster re-run against its own 10 000 awards).
 *
 * The display name narrows the search without deciding anything. Each row is first hashed with the salts
 * of the awards bearing the same name, which finds everyone on a re-run for the cost of one hash per row.
 * Only the rows this leaves without a valid award (new people, renamed people, renewals) are hashed with
 * the other awards' salts, and an award already matched to another row is skipped: one award has one
 * earner, so it cannot match a different email. The answer is exactly the one of the full comparison; only
 * a roster of new people on a large badge still costs rows × awards.
 */
import { hashValue, normaliseEmail } from '../identity/email.ts';
import type { Award } from '../model/types.ts';
import { cleanName } from './recipient.ts';

/** IdentityHash of a value and a salt (`sha256$` + hex), as src/core/identity/email.ts computes it. */
export type HashValue = (value: string, salt: string) => string;

/** What the awards of the badge say about one person. */
export interface Holding<R> {
  readonly request: R;
  /**
   * A valid award of theirs (the first in the given order among those found: a person holds at most one,
   * since the command line never awards a holder again).
   */
  readonly valid?: Award;
  /** Their expired or revoked awards of the badge, when they hold no valid one (empty otherwise). */
  readonly lapsed: readonly Award[];
}

interface Candidate {
  readonly award: Award;
  readonly order: number;
  readonly valid: boolean;
  readonly identity: string;
}

/** A display name as a lookup key: composed the same way, spaces collapsed, case ignored. */
export const nameKey = (name: string): string => cleanName(name).toLowerCase();

/**
 * For each request (a name and an email), its valid award and its lapsed awards among `awards`, all of one
 * badge. `isValid` says which awards count today; `hash` defaults to the portable SHA-256.
 */
export function findHoldings<R extends { readonly name: string; readonly email: string }>(
  requests: readonly R[],
  awards: readonly Award[],
  isValid: (award: Award) => boolean,
  hash: HashValue = hashValue,
): Holding<R>[] {
  const candidates: Candidate[] = awards.map((award, order) => ({
    award,
    order,
    valid: isValid(award),
    identity: award.recipient.identity.toLowerCase(),
  }));
  const byName = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const key = nameKey(candidate.award.recipient.name);
    const list = byName.get(key);
    if (list) list.push(candidate);
    else byName.set(key, [candidate]);
  }
  const matches = (email: string, candidate: Candidate) =>
    hash(email, candidate.award.recipient.salt) === candidate.identity;

  // The normalised email that matched each award: an award matches one email at most.
  const claimed = new Map<Candidate, string>();
  const found = requests.map((request) => {
    const email = normaliseEmail(request.email);
    const mine: Candidate[] = [];
    const tried = byName.get(nameKey(request.name)) ?? [];
    for (const candidate of tried) {
      if (matches(email, candidate)) {
        mine.push(candidate);
        claimed.set(candidate, email);
      }
    }
    return { request, email, mine, tried: new Set(tried) };
  });

  // Everyone still without a valid award is compared with every award not claimed by someone else.
  const pool = candidates.filter((candidate) => !claimed.has(candidate));
  for (const entry of found) {
    if (entry.mine.some((candidate) => candidate.valid)) continue;
    for (const candidate of pool) {
      if (entry.tried.has(candidate)) continue;
      const owner = claimed.get(candidate);
      if (owner !== undefined && owner !== entry.email) continue;
      if (!matches(entry.email, candidate)) continue;
      entry.mine.push(candidate);
      claimed.set(candidate, entry.email);
      if (candidate.valid) break;
    }
  }

  return found.map(({ request, mine }) => {
    const valid = mine.filter((candidate) => candidate.valid).sort((a, b) => a.order - b.order)[0];
    return {
      request,
      ...(valid !== undefined && { valid: valid.award }),
      lapsed: mine
        .filter((candidate) => valid === undefined && !candidate.valid)
        .sort((a, b) => a.order - b.order)
        .map((candidate) => candidate.award),
    };
  });
}
