import { describe, expect, it } from 'vitest';
import { artworkCaption } from '../../../src/core/artwork/caption.ts';

const badge = {
  name: 'Certificat de compétences numériques',
  artwork: { shape: 'circle', palette: 'ocean', level: 'Niveau 2', year: 2026, showIssuer: true },
} as const;

describe('artworkCaption', () => {
  it('says what the artwork shows, in French with guillemets and non-breaking spaces', () => {
    expect(artworkCaption(badge, 'Lycée Ferdinand Buisson', 'fr')).toBe(
      'Badge «\u00a0Certificat de compétences numériques\u00a0», Niveau 2, 2026, délivré par Lycée Ferdinand Buisson.',
    );
  });

  it('says it in English', () => {
    expect(
      artworkCaption({ ...badge, artwork: { ...badge.artwork, level: 'Level 2' } }, 'Example School', 'en'),
    ).toBe('Badge “Certificat de compétences numériques”, Level 2, 2026, issued by Example School.');
  });

  it('leaves out what is missing', () => {
    expect(
      artworkCaption(
        { name: 'Python', artwork: { shape: 'circle', palette: 'ocean', showIssuer: false } },
        '',
        'en',
      ),
    ).toBe('Badge “Python”.');
  });

  it("uses the administrator's own text alternative when there is one", () => {
    expect(artworkCaption({ ...badge, imageAlt: '  A green leaf on a shield.  ' }, 'X', 'fr')).toBe(
      'A green leaf on a shield.',
    );
  });
});
