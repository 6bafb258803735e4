import { describe, expect, it } from 'vitest';
import { canDrawInArtwork } from '../../../src/shell/artwork/coverage.ts';

const drawable = (text: string) =>
  Array.from(text).every((c) => canDrawInArtwork(c.codePointAt(0) as number));

describe('canDrawInArtwork (the bundled fonts’ character maps)', () => {
  it('draws ASCII, French and other Latin letters, and typographic signs', () => {
    expect(drawable('Robotique — niveau 1')).toBe(true);
    expect(drawable('Œuvre « été » : ½, 2 €, Ångström, Łódź, Dvořák')).toBe(true);
  });

  it('cannot draw Arabic or Hebrew', () => {
    expect(drawable('علم')).toBe(false);
    expect(drawable('שלום')).toBe(false);
  });
});
