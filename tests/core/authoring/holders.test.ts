import { describe, expect, it } from 'vitest';
import { findHoldings, nameKey } from '../../../src/core/authoring/holders.ts';
import { hashIdentity, hashValue, matchesIdentity } from '../../../src/core/identity/email.ts';
import type { Award } from '../../../src/core/model/types.ts';
import { mulberry32 } from '../../helpers/random.ts';

function award(id: string, name: string, email: string, lapsed = false): Award {
  const salt = `salt-${id}-0123456789`;
  return {
    file: `content/awards/2026/${id}.yaml`,
    id,
    badge: 'robot',
    recipient: { name, identity: hashIdentity(email, salt), salt },
    issuedOn: '2026-01-10',
    evidence: [],
    listed: false,
    statusIndex: 0,
    ...(lapsed && { revocation: { date: '2026-02-01', reason: 'Erreur' } }),
  };
}

const isValid = (a: Award) => a.revocation === undefined;
const person = (name: string, email: string) => ({ name, email });

/**
 * The plain comparison of every request with every award: each person's valid awards, and their lapsed
 * ones when they hold no valid one.
 */
function everyPair(requests: readonly { name: string; email: string }[], awards: readonly Award[]) {
  return requests.map((request) => {
    const mine = awards.filter((a) => matchesIdentity(request.email, a.recipient));
    const valid = mine.filter(isValid).map((a) => a.id);
    return { valid, lapsed: valid.length > 0 ? [] : mine.filter((a) => !isValid(a)).map((a) => a.id) };
  });
}

/** A hash function that counts its calls. */
function counted() {
  const calls = { count: 0 };
  const hash = (value: string, salt: string) => {
    calls.count++;
    return hashValue(value, salt);
  };
  return { calls, hash };
}

describe('findHoldings', () => {
  it('finds a holder by name first: one hash per row when everyone already holds the badge', () => {
    const n = 300;
    const awards = Array.from({ length: n }, (_, i) => award(`a${i}`, `Élève ${i}`, `e${i}@ecole.example`));
    const requests = awards.map((_, i) => person(`élève  ${i} `, ` E${i}@Ecole.example`));
    const { calls, hash } = counted();
    const holdings = findHoldings(requests, awards, isValid, hash);
    expect(holdings.map((h) => h.valid?.id)).toEqual(awards.map((a) => a.id));
    expect(calls.count).toBe(n);
  });

  it('still finds a person whose name changed, and skips awards already matched to someone else', () => {
    const awards = [
      award('lea', 'Léa Martin', 'lea@ecole.example'),
      award('hugo', 'Hugo Roux', 'hugo@ecole.example'),
      award('old', 'Léa M.', 'lea.new@ecole.example', true),
      award('renamed', 'Sam Petit', 'sam@ecole.example'),
    ];
    const requests = [
      person('Léa Martin', 'lea@ecole.example'),
      person('Hugo Roux', 'hugo@ecole.example'),
      person('Léa Martin-Dupont', 'lea.new@ecole.example'),
      person('Samuel Petit', 'sam@ecole.example'),
      person('Nouveau', 'nouveau@ecole.example'),
    ];
    const { calls, hash } = counted();
    const holdings = findHoldings(requests, awards, isValid, hash);
    expect(holdings.map((h) => [h.valid?.id, h.lapsed.map((a) => a.id)])).toEqual([
      ['lea', []],
      ['hugo', []],
      [undefined, ['old']],
      ['renamed', []],
      [undefined, []],
    ]);
    // Two rows matched by name (2 hashes). The others are compared with the awards nobody claimed: Léa's
    // new address with "old" and "renamed" (2), Samuel with "renamed" only, since "old" is now Léa's (1),
    // and the newcomer with none, both being someone else's (0).
    expect(calls.count).toBe(5);
  });

  it('gives exactly the answer of comparing every row with every award (seeded rosters)', () => {
    for (const seed of [1, 2, 3, 20261128]) {
      const random = mulberry32(seed);
      const pick = (n: number) => Math.floor(random() * n);
      const people = Array.from({ length: 40 }, (_, i) => ({
        name: `Personne ${pick(25)}`,
        email: `p${i}@ecole.example`,
      }));
      const awards = Array.from({ length: 60 }, (_, i) => {
        const who = people[pick(people.length)] as { name: string; email: string };
        // Names as written on the award: the same, another spelling, or another person's.
        const name = [who.name, who.name.toUpperCase(), `Personne ${pick(25)}`][pick(3)] as string;
        return award(`a${i}`, name, who.email, random() < 0.3);
      });
      const requests = people.filter(() => random() < 0.7);
      const expected = everyPair(requests, awards);
      const found = findHoldings(requests, awards, isValid);
      expect(found.map((h) => h.request)).toEqual(requests);
      found.forEach((holding, i) => {
        const { valid, lapsed } = expected[i] as { valid: string[]; lapsed: string[] };
        // Someone holding two valid awards (hand-written content) may be reported with either.
        if (valid.length === 0) expect(holding.valid, `seed ${seed}, row ${i}`).toBeUndefined();
        else expect(valid, `seed ${seed}, row ${i}`).toContain(holding.valid?.id);
        expect(
          holding.lapsed.map((a) => a.id),
          `seed ${seed}, row ${i}`,
        ).toEqual(lapsed);
      });
      // The mix is real: holders, renewals and newcomers.
      expect(expected.some((e) => e.valid.length > 0)).toBe(true);
      expect(expected.some((e) => e.valid.length === 0 && e.lapsed.length > 0)).toBe(true);
      expect(expected.some((e) => e.valid.length === 0 && e.lapsed.length === 0)).toBe(true);
    }
  });

  it('compares names composed, spaced and cased differently as one', () => {
    expect(nameKey('  Zoé   LEFÈVRE ')).toBe(nameKey('zoe\u0301 lefèvre'));
    expect(nameKey('Zoé Lefèvre')).not.toBe(nameKey('Zoe Lefevre'));
  });
});
