import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  MIN_TEXT_CONTRAST,
  PALETTES,
  pickTextColor,
  relativeLuminance,
  resolvePalette,
} from '../../../src/core/artwork/palettes.ts';
import { InsigneError } from '../../../src/core/errors.ts';

describe('contrast (WCAG 2.2 definitions)', () => {
  it('computes the reference values', () => {
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(relativeLuminance('#000000')).toBe(0);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 10);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    // #767676 is the classic lightest grey passing AA on white; #777777 just fails.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  it('picks the candidate with the highest contrast', () => {
    expect(pickTextColor('#fde68a').color).toBe('#0f172a');
    expect(pickTextColor('#1e1b4b').color).toBe('#ffffff');
  });

  it('refuses malformed colours', () => {
    expect(() => relativeLuminance('red')).toThrow(
      new InsigneError('ERR_ARTWORK_INVALID_COLOR', 'Colour "red" must be written #rrggbb.'),
    );
  });
});

describe('palettes', () => {
  it('offers at least six uniquely named palettes, including the schema default "ocean"', () => {
    const names = PALETTES.map((p) => p.name);
    expect(names.length).toBeGreaterThanOrEqual(6);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('ocean');
  });

  it.each(PALETTES.map((p) => p.name))(
    '"%s" has text contrast of at least 4.5 on its fill and its ribbon',
    (name) => {
      const p = resolvePalette(name);
      expect(contrastRatio(p.text, p.base)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
      expect(contrastRatio(p.ribbonText, p.accent)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
      expect(p.textContrast).toBeCloseTo(contrastRatio(p.text, p.base), 10);
    },
  );

  it('names the choices when a palette is unknown', () => {
    expect(() => resolvePalette('rainbow')).toThrow(
      new InsigneError(
        'ERR_ARTWORK_UNKNOWN_PALETTE',
        `No palette "rainbow". Choose one of: ${PALETTES.map((p) => p.name).join(', ')}.`,
      ),
    );
  });
});
