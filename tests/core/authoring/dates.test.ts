import { describe, expect, it } from 'vitest';
import { parseDay } from '../../../src/core/authoring/dates.ts';

describe('parseDay', () => {
  it.each([
    ['2026-06-20', '2026-06-20'],
    ['2026-6-2', '2026-06-02'],
    ['20/06/2026', '2026-06-20'],
    ['2/6/2026', '2026-06-02'],
    ['20.06.2026', '2026-06-20'],
    ['20-06-2026', '2026-06-20'],
    [' 29/02/2028 ', '2028-02-29'],
    ['20/06/2026 00:00:00', '2026-06-20'],
    ['2026-06-20T00:00', '2026-06-20'],
  ])('reads %j as %s', (text, day) => {
    expect(parseDay(text)).toEqual({ ok: true, day });
  });

  it.each([
    ['31/02/2026', 'is not a real day (02/2026 has 28 days)'],
    ['29/02/2026', 'is not a real day (02/2026 has 28 days)'],
    ['2026-13-01', 'has no month 13'],
    ['06/20/2026', 'has a month above 12: dates are read day first (DD/MM/YYYY)'],
    ['20/06/26', 'needs a four-digit year (DD/MM/YYYY)'],
    ['demain', 'is not a date written YYYY-MM-DD or DD/MM/YYYY'],
    ['', 'is not a date written YYYY-MM-DD or DD/MM/YYYY'],
    ['01/01/1800', 'has an unlikely year 1800'],
  ])('refuses %j: %s', (text, reason) => {
    expect(parseDay(text)).toMatchObject({ ok: false, reason });
  });
});
