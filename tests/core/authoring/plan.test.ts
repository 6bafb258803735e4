import { describe, expect, it } from 'vitest';
import { type AwardRandomness, planAwards, STATUS_LIST_SIZE } from '../../../src/core/authoring/plan.ts';
import type { AwardRequest } from '../../../src/core/authoring/requests.ts';
import { hashIdentity } from '../../../src/core/identity/email.ts';
import type { Award, Badge, Model } from '../../../src/core/model/types.ts';

/** Deterministic stand-in for the shell's crypto source. */
function sequence(indexes: number[] = []): AwardRandomness {
  let n = 0;
  let i = 0;
  return {
    uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    salt: () => `salt-${String(n).padStart(11, '0')}`,
    below: (bound) => indexes[i++] ?? Math.min(bound - 1, 1000 + i),
  };
}

const badge = (slug: string, issuer = 'ecole', validity?: string) =>
  ({ slug, issuer, name: slug, ...(validity ? { validity } : {}) }) as Badge;

function award(id: string, badgeSlug: string, email: string, extra: Partial<Award> = {}): Award {
  const salt = `salt-of-${id}`;
  return {
    file: `content/awards/2026/${id}.yaml`,
    id,
    badge: badgeSlug,
    recipient: { name: `Holder ${id}`, identity: hashIdentity(email, salt), salt },
    issuedOn: '2026-01-10',
    evidence: [],
    listed: false,
    statusIndex: 7,
    ...extra,
  };
}

function model(
  awards: Award[],
  badges = [badge('robot'), badge('python'), badge('autre', 'autre-ecole')],
): Model {
  return {
    issuers: new Map(),
    badges: new Map(badges.map((b) => [b.slug, b])),
    awards: new Map(awards.map((a) => [a.id, a])),
  };
}

const request = (email: string, name = 'Léa'): AwardRequest => ({
  name,
  email,
  issuedOn: '2026-11-28',
  listed: false,
});

describe('planAwards', () => {
  it('finds who already holds the badge by re-hashing with each award’s salt', () => {
    const plan = planAwards({
      model: model([award('a1', 'robot', 'lea@ecole.fr'), award('a2', 'python', 'hugo@ecole.fr')]),
      badge: 'robot',
      requests: [request('lea@ecole.fr'), request('hugo@ecole.fr', 'Hugo')],
      today: '2026-11-28',
      random: sequence(),
    });
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.held).toEqual([{ request: request('lea@ecole.fr'), id: 'a1', name: 'Holder a1' }]);
    expect(plan.create.map((p) => p.request.name)).toEqual(['Hugo']);
  });

  it('awards again when the earlier award expired or was revoked (a renewal)', () => {
    const plan = planAwards({
      model: model([
        award('old', 'robot', 'lea@ecole.fr', { issuedOn: '2024-01-01', expires: '2025-01-01' }),
        award('gone', 'robot', 'hugo@ecole.fr', { revocation: { date: '2026-02-01', reason: 'Erreur' } }),
      ]),
      badge: 'robot',
      requests: [request('lea@ecole.fr'), request('hugo@ecole.fr', 'Hugo')],
      today: '2026-11-28',
      random: sequence([1, 2]),
    });
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.held).toEqual([]);
    expect(plan.create.map((p) => p.renews)).toEqual([
      { id: 'old', state: 'expired' },
      { id: 'gone', state: 'revoked' },
    ]);
  });

  it('draws random status indexes never used by the same issuer', () => {
    const plan = planAwards({
      // Index 7 is taken by the issuer's python award; 9 by another issuer, so it stays free here.
      model: model([
        award('p', 'python', 'x@ecole.fr'),
        award('o', 'autre', 'y@ecole.fr', { statusIndex: 9 }),
      ]),
      badge: 'robot',
      requests: [request('a@ecole.fr'), request('b@ecole.fr')],
      today: '2026-11-28',
      random: sequence([7, 7, 9, 9, 12]),
    });
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.create.map((p) => p.text.match(/statusIndex: (\d+)/)?.[1])).toEqual(['9', '12']);
  });

  it('writes the hash and salt, never the email', () => {
    const plan = planAwards({
      model: model([]),
      badge: 'robot',
      requests: [request('lea@ecole.fr')],
      today: '2026-11-28',
      random: sequence([5]),
    });
    if (!plan.ok) throw new Error(plan.message);
    const [created] = plan.create;
    expect(created?.path).toBe('content/awards/2026/00000000-0000-4000-8000-000000000001.yaml');
    expect(created?.text).toContain(`identity: ${hashIdentity('lea@ecole.fr', 'salt-00000000001')}`);
    expect(created?.text.toLowerCase()).not.toContain('lea@ecole.fr');
  });

  it('says when the status list is full', () => {
    const one = award('f', 'python', 'p@ecole.fr');
    const full = Array.from({ length: STATUS_LIST_SIZE }, (_, i) => ({
      ...one,
      id: `f${i}`,
      statusIndex: i,
    }));
    const plan = planAwards({
      model: model(full),
      badge: 'robot',
      requests: [request('a@ecole.fr')],
      today: '2026-11-28',
      random: sequence(),
    });
    expect(plan).toMatchObject({
      ok: false,
      message: 'The status list of issuer "ecole" has 0 free positions left, and 1 are needed.',
    });
  });

  it('refuses a random source that does not give UUID v4 ids or long salts', () => {
    const input = {
      model: model([]),
      badge: 'robot',
      requests: [request('a@ecole.fr')],
      today: '2026-11-28',
    };
    expect(() => planAwards({ ...input, random: { ...sequence(), uuid: () => 'not-a-uuid' } })).toThrow(
      expect.objectContaining({ code: 'ERR_AUTHORING_BAD_ID' }),
    );
    expect(() => planAwards({ ...input, random: { ...sequence(), salt: () => 'short' } })).toThrow(
      expect.objectContaining({ code: 'ERR_AUTHORING_BAD_SALT' }),
    );
  });
});
