import { describe, expect, it } from 'vitest';
import { formatAwardCounts } from '../../../src/core/i18n.ts';
import { addDuration, awardCounts, awardState, expiryOf } from '../../../src/core/model/status.ts';
import type { Award, Badge } from '../../../src/core/model/types.ts';

describe('addDuration', () => {
  it('adds years, months, weeks and days', () => {
    expect(addDuration('2024-03-05', 'P2Y')).toBe('2026-03-05');
    expect(addDuration('2026-01-31', 'P1M')).toBe('2026-02-28');
    expect(addDuration('2024-02-29', 'P1Y')).toBe('2025-02-28');
    expect(addDuration('2026-12-25', 'P1W')).toBe('2027-01-01');
    expect(addDuration('2026-01-01', 'P1Y6M10D')).toBe('2027-07-11');
  });

  it('refuses durations it cannot add', () => {
    expect(() => addDuration('2026-01-01', 'PT5H')).toThrow(TypeError);
    expect(() => addDuration('2026-01-01', 'P')).toThrow(TypeError);
  });
});

const badge = { validity: 'P2Y' } as Badge;
const award = (extra: Partial<Award> = {}) => ({ issuedOn: '2023-06-12', ...extra }) as Award;

describe('award state', () => {
  it('takes the award expiry first, then the badge validity', () => {
    expect(expiryOf(award(), badge)).toBe('2025-06-12');
    expect(expiryOf(award({ expires: '2024-01-01' }), badge)).toBe('2024-01-01');
    expect(expiryOf(award(), {} as Badge)).toBeUndefined();
  });

  it('is expired from the expiry day on, and revocation wins', () => {
    expect(awardState(award(), badge, '2025-06-11').kind).toBe('valid');
    expect(awardState(award(), badge, '2025-06-12').kind).toBe('expired');
    const revoked = award({ revocation: { date: '2024-01-01', reason: 'erreur' } });
    expect(awardState(revoked, badge, '2030-01-01')).toEqual({
      kind: 'revoked',
      revocation: { date: '2024-01-01', reason: 'erreur' },
      expires: '2025-06-12',
    });
  });
});

describe('award counts', () => {
  it('counts valid, expired and revoked awards of one badge apart', () => {
    const awards = [
      award(),
      award({ issuedOn: '2025-01-01' }),
      award({ issuedOn: '2020-01-01' }),
      award({ revocation: { date: '2024-01-01', reason: 'erreur' } }),
      award({ badge: 'another' }),
    ];
    const counts = awardCounts(awards, badge, '2025-06-11');
    expect(counts).toEqual({ valid: 2, expired: 1, revoked: 1 });
    expect(formatAwardCounts(counts, 'fr')).toBe('2 valides · 1 expirée · 1 révoquée');
    expect(formatAwardCounts(counts, 'en')).toBe('2 valid · 1 expired · 1 revoked');
    expect(formatAwardCounts({ valid: 1, expired: 0, revoked: 0 }, 'fr')).toBe('1 valide');
    expect(formatAwardCounts({ valid: 0, expired: 0, revoked: 0 }, 'en')).toBe('No awards yet');
  });
});
