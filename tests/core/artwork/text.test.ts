import { describe, expect, it } from 'vitest';
import { type FitOptions, fitText, graphemes, measureText } from '../../../src/core/artwork/text.ts';
import { LONG_FRENCH_TITLE, SYNTHETIC_METRICS } from './helpers.ts';

const base: FitOptions = {
  metrics: SYNTHETIC_METRICS,
  width: 300,
  height: 120,
  maxFontSize: 40,
  minFontSize: 12,
  lineHeight: 1.2,
  maxLines: 4,
};

describe('measureText', () => {
  it('sums advances, counts an emoji as one em, and keeps grapheme clusters whole', () => {
    expect(measureText('ab', SYNTHETIC_METRICS, 10)).toBeCloseTo(12);
    expect(measureText('a b', SYNTHETIC_METRICS, 10)).toBeCloseTo(14.8);
    expect(measureText('🌱', SYNTHETIC_METRICS, 20)).toBeCloseTo(20);
    expect(measureText('👩🏽‍💻', SYNTHETIC_METRICS, 20)).toBeCloseTo(20);
    expect(graphemes('é🇫🇷👩🏽‍💻')).toHaveLength(3);
    // e + combining acute: the mark adds nothing.
    expect(measureText('e\u0301', SYNTHETIC_METRICS, 10)).toBeCloseTo(6);
    // A character the font lacks counts 0.7 em.
    expect(measureText('漢', SYNTHETIC_METRICS, 10)).toBeCloseTo(7);
  });
});

describe('fitText', () => {
  it('keeps a short name on one line at the largest size', () => {
    const fit = fitText('Robotique', base);
    expect(fit).toMatchObject({ fontSize: 40, truncated: false });
    expect(fit.lines.map((l) => l.text)).toEqual(['Robotique']);
  });

  it('wraps, then shrinks, a long French title with accents and an emoji, without overflowing', () => {
    const fit = fitText(LONG_FRENCH_TITLE, base);
    expect(fit.truncated).toBe(false);
    expect(fit.fontSize).toBeLessThan(40);
    expect(fit.lines.length).toBeGreaterThan(1);
    expect(
      fit.lines
        .map((l) => l.text)
        .join(' ')
        .replace('éco- conception', 'éco-conception'),
    ).toBe(LONG_FRENCH_TITLE);
    for (const line of fit.lines) expect(line.width).toBeLessThanOrEqual(base.width);
    expect(fit.height).toBeLessThanOrEqual(base.height);
    // The largest size that fits: half a pixel more does not.
    const bigger = fitText(LONG_FRENCH_TITLE, { ...base, minFontSize: fit.fontSize + 0.5 });
    expect(bigger.truncated).toBe(true);
  });

  it('balances lines instead of leaving a short last line', () => {
    const fit = fitText('Éloquence et prise de parole en public', { ...base, maxFontSize: 26 });
    const widths = fit.lines.map((l) => l.width);
    expect(fit.lines).toHaveLength(2);
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThan(0.25 * Math.max(...widths));
  });

  it('breaks after a hyphen inside a long word', () => {
    const fit = fitText('éco-conception', { ...base, width: 200, maxFontSize: 40, minFontSize: 30 });
    expect(fit.lines.map((l) => l.text)).toEqual(['éco-', 'conception']);
  });

  it('cuts with an ellipsis when even the smallest size cannot hold the text', () => {
    const text = 'Anticonstitutionnellement '.repeat(12).trim();
    const fit = fitText(text, { ...base, height: 40 });
    expect(fit.truncated).toBe(true);
    expect(fit.fontSize).toBe(12);
    expect(fit.lines.at(-1)?.text.endsWith('…')).toBe(true);
    expect(fit.lines.length).toBe(2);
    for (const line of fit.lines) expect(line.width).toBeLessThanOrEqual(base.width);
  });

  it('breaks an unbreakable word between characters only when no size fits it', () => {
    const fit = fitText('Supercalifragilisticexpialidocious', { ...base, width: 120, height: 80 });
    expect(fit.truncated).toBe(false);
    expect(fit.fontSize).toBe(12);
    expect(fit.lines.map((l) => l.text).join('')).toBe('Supercalifragilisticexpialidocious');
  });

  it('never overflows its box, whatever the text (many cases)', () => {
    const words = [
      'Badge',
      'éco-conception',
      'numériques',
      'de',
      'l’',
      'Œuvre',
      '🌱',
      'avancées',
      'PSC1',
      '—',
      'été',
    ];
    for (let n = 1; n <= 60; n++) {
      const text = Array.from({ length: n }, (_, i) => words[(i * 7 + n) % words.length]).join(' ');
      for (const [width, height] of [
        [300, 120],
        [180, 60],
        [120, 30],
      ] as const) {
        const fit = fitText(text, { ...base, width, height });
        for (const line of fit.lines) expect(line.width).toBeLessThanOrEqual(width + 1e-9);
        expect(fit.height).toBeLessThanOrEqual(Math.max(height, fit.lineHeight) + 1e-9);
        expect(fit.fontSize).toBeGreaterThanOrEqual(base.minFontSize);
      }
    }
  });
});
