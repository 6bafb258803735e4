import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, designCard } from '../../../src/core/artwork/card.ts';
import type { ArtworkNode } from '../../../src/core/artwork/element.ts';
import { contrastRatio, PALETTES } from '../../../src/core/artwork/palettes.ts';
import { LONG_FRENCH_TITLE, TEST_ASSETS } from './helpers.ts';

const artwork = { shape: 'shield', palette: 'forest', icon: 'leaf', showIssuer: true } as const;

describe('designCard', () => {
  it('is 1200×630 with the badge name and issuer fitted in their boxes', () => {
    const { element, layout } = designCard(
      { name: LONG_FRENCH_TITLE, artwork },
      'Lycée Ferdinand Buisson',
      TEST_ASSETS,
      {
        language: 'fr',
      },
    );
    expect(element.props.style).toMatchObject({ width: CARD_WIDTH, height: CARD_HEIGHT });
    expect(layout.label).toBe('Badge vérifiable');
    for (const placed of [layout.name, layout.issuer]) {
      for (const line of placed.fit.lines) expect(line.width).toBeLessThanOrEqual(placed.box.width);
      expect(placed.fit.height).toBeLessThanOrEqual(placed.box.height);
      expect(placed.box.x + placed.box.width).toBeLessThanOrEqual(CARD_WIDTH);
    }
    expect(layout.name.fit.truncated).toBe(false);
  });

  it('labels the card in English', () => {
    expect(designCard({ name: 'A', artwork }, 'B', TEST_ASSETS, { language: 'en' }).layout.label).toBe(
      'Verifiable badge',
    );
  });

  it.each(PALETTES.map((p) => p.name))('keeps every text readable with palette "%s"', (palette) => {
    const { colors } = designCard({ name: 'A', artwork: { ...artwork, palette } }, 'B', TEST_ASSETS, {
      language: 'en',
    }).layout;
    for (const color of [colors.name, colors.issuer, colors.label]) {
      expect(contrastRatio(color, colors.background)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('shows a custom image instead of the designed artwork when given one', () => {
    const src = 'data:image/png;base64,AAAA';
    const { element } = designCard({ name: 'A', artwork }, 'B', TEST_ASSETS, {
      language: 'en',
      artwork: { kind: 'image', src },
    });
    const frame = (element.props.children as ArtworkNode[])[1];
    expect(((frame?.props.children ?? []) as ArtworkNode[])[0]).toEqual({
      type: 'img',
      props: { src, width: 500, height: 500, style: {} },
    });
  });
});
