/** Date forms per spec (DIGEST §1.1, §3.6, §4.1). */
import { describe, expect, it } from 'vitest';
import { toDateTimeZ, toNumericDate, toOb2DateTime } from '../../../src/core/credentials/dates.ts';

describe('dates', () => {
  it('writes a day as midnight UTC in OB 3.0 and OB 2.0 forms', () => {
    expect(toDateTimeZ('2026-03-15')).toBe('2026-03-15T00:00:00Z');
    expect(toOb2DateTime('2026-03-15')).toBe('2026-03-15T00:00:00+00:00');
  });

  it('converts to JWT NumericDate seconds', () => {
    expect(toNumericDate('2025-06-01T00:00:00Z')).toBe(1_748_736_000); // DIGEST §9.2 example
    expect(toNumericDate('2025-06-01T02:00:00+02:00')).toBe(1_748_736_000);
  });

  it('refuses impossible days and zone-less datetimes', () => {
    expect(() => toDateTimeZ('2026-02-30')).toThrow(expect.objectContaining({ code: 'ERR_DATE_INVALID' }));
    expect(() => toOb2DateTime('15/03/2026')).toThrow(expect.objectContaining({ code: 'ERR_DATE_INVALID' }));
    expect(() => toNumericDate('2025-06-01T00:00:00')).toThrow(
      expect.objectContaining({ code: 'ERR_DATE_INVALID' }),
    );
  });
});
