import { describe, expect, it } from 'vitest';
import { checkParts } from '../../../src/core/authoring/milestone.ts';
import { planAwards } from '../../../src/core/authoring/plan.ts';
import { hashIdentity } from '../../../src/core/identity/email.ts';
import type { Award, Badge, Model, Requirement } from '../../../src/core/model/types.ts';

const badge = (slug: string, extra: Partial<Badge> = {}) =>
  ({ slug, issuer: 'ecole', name: `Badge ${slug}`, language: 'fr', ...extra }) as Badge;

let statusIndex = 0;
function award(badgeSlug: string, email: string, name: string, extra: Partial<Award> = {}): Award {
  const id = `00000000-0000-4000-8000-${String(++statusIndex).padStart(12, '0')}`;
  const salt = `salt-of-award-${statusIndex}`;
  return {
    file: `content/awards/2026/${id}.yaml`,
    id,
    badge: badgeSlug,
    recipient: { name, identity: hashIdentity(email, salt), salt },
    issuedOn: '2026-01-10',
    evidence: [],
    listed: false,
    statusIndex,
    ...extra,
  };
}

const part = (slug: string) => ({ slug, name: `Badge ${slug}`, language: 'fr' as const });
const requirement = (atLeast = 2): Requirement => ({ badges: [part('a'), part('b')], atLeast });

function model(awards: Award[], milestone = badge('m', { requires: requirement() })): Model {
  const badges = [badge('a'), badge('b', { validity: 'P6M' }), milestone];
  return {
    issuers: new Map(),
    badges: new Map(badges.map((b) => [b.slug, b])),
    awards: new Map(awards.map((a) => [a.id, a])),
  };
}

const request = (email: string, name: string, issuedOn = '2026-05-01') => ({
  name,
  email,
  issuedOn,
  listed: false,
});

describe('checkParts', () => {
  it('matches each person to the parts through the salted hashes, whatever the name on the award', () => {
    const awards = [
      award('a', 'lea@ecole.fr', 'Léa M.'),
      award('b', 'Lea@Ecole.fr', 'Léa Martin'),
      award('a', 'hugo@ecole.fr', 'Hugo'),
    ];
    const [lea, hugo, zoe] = checkParts(
      [
        request('lea@ecole.fr', 'Léa Martin'),
        request('hugo@ecole.fr', 'Hugo'),
        request('zoe@ecole.fr', 'Zoé'),
      ],
      requirement(),
      model(awards),
    );
    expect(lea).toMatchObject({ qualifies: true, missing: [] });
    expect(lea?.held.map((p) => p.award)).toEqual([awards[0]?.id, awards[1]?.id]);
    expect(hugo).toMatchObject({ qualifies: false, missing: [{ slug: 'b', reason: 'none' }] });
    expect(zoe?.held).toEqual([]);
    expect(zoe?.missing.map((p) => p.slug)).toEqual(['a', 'b']);
  });

  it('counts a part only if it is valid on the milestone’s issue day: never revoked, not expired, not later', () => {
    const awards = [
      award('a', 'lea@ecole.fr', 'Léa'),
      // Revoked after the milestone's day: still does not count.
      award('b', 'lea@ecole.fr', 'Léa', { revocation: { date: '2026-09-01', reason: 'Erreur' } }),
      award('a', 'hugo@ecole.fr', 'Hugo'),
      // Issued 2026-01-10 with P6M: expired on 2026-07-10.
      award('b', 'hugo@ecole.fr', 'Hugo'),
      award('a', 'zoe@ecole.fr', 'Zoé'),
      award('b', 'zoe@ecole.fr', 'Zoé', { issuedOn: '2026-10-01' }),
    ];
    const results = checkParts(
      [
        request('lea@ecole.fr', 'Léa', '2026-08-01'),
        request('hugo@ecole.fr', 'Hugo', '2026-08-01'),
        request('hugo@ecole.fr', 'Hugo', '2026-07-09'),
        request('zoe@ecole.fr', 'Zoé', '2026-08-01'),
      ],
      requirement(),
      model(awards),
    );
    expect(results.map((r) => [r.qualifies, r.missing])).toEqual([
      [false, [{ ...part('b'), reason: 'revoked', award: awards[1]?.id }]],
      [false, [{ ...part('b'), reason: 'expired', award: awards[3]?.id, expired: '2026-07-10' }]],
      [true, []],
      [false, [{ ...part('b'), reason: 'later', award: awards[5]?.id, issuedOn: '2026-10-01' }]],
    ]);
  });

  it('with atLeast, qualifies those who hold enough parts', () => {
    const awards = [award('b', 'lea@ecole.fr', 'Léa')];
    const [lea, hugo] = checkParts(
      [request('lea@ecole.fr', 'Léa'), request('hugo@ecole.fr', 'Hugo')],
      requirement(1),
      model(awards),
    );
    expect(lea?.qualifies).toBe(true);
    expect(hugo?.qualifies).toBe(false);
  });
});

describe('planAwards for a milestone', () => {
  const random = () => {
    let n = 0;
    return {
      uuid: () => `10000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
      salt: () => `salt-${String(n).padStart(11, '0')}`,
      below: () => 5000 + n,
    };
  };

  it('skips a holder of the milestone first, then leaves out those without the parts', () => {
    const awards = [
      award('a', 'lea@ecole.fr', 'Léa'),
      award('b', 'lea@ecole.fr', 'Léa'),
      award('a', 'hugo@ecole.fr', 'Hugo'),
      // Hugo holds the milestone although a part is missing today: he is a holder, not "missing".
      award('m', 'hugo@ecole.fr', 'Hugo'),
      award('a', 'zoe@ecole.fr', 'Zoé'),
    ];
    const plan = planAwards({
      model: model(awards),
      badge: 'm',
      requests: [
        request('lea@ecole.fr', 'Léa'),
        request('hugo@ecole.fr', 'Hugo'),
        request('zoe@ecole.fr', 'Zoé'),
      ],
      today: '2026-05-01',
      random: random(),
    });
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.create.map((p) => p.request.name)).toEqual(['Léa']);
    expect(plan.held.map((h) => [h.request.name, h.id])).toEqual([['Hugo', awards[3]?.id]]);
    expect(plan.unqualified.map((u) => [u.request.name, u.missing.map((p) => p.slug)])).toEqual([
      ['Zoé', ['b']],
    ]);
  });

  it('leaves every request of a badge that is not a milestone to the usual plan', () => {
    const plan = planAwards({
      model: model([]),
      badge: 'a',
      requests: [request('lea@ecole.fr', 'Léa')],
      today: '2026-05-01',
      random: random(),
    });
    expect(plan.ok && plan.unqualified).toEqual([]);
    expect(plan.ok && plan.create.length).toBe(1);
  });
});
