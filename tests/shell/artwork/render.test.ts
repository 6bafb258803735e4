import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH } from '../../../src/core/artwork/card.ts';
import { designArtwork } from '../../../src/core/artwork/design.ts';
import { CONTENT_INSET, isInside, shapeOutline } from '../../../src/core/artwork/shapes.ts';
import { type ArtworkDesign, BADGE_SHAPES } from '../../../src/core/model/types.ts';
import { loadArtworkAssets } from '../../../src/shell/artwork/assets.ts';
import { emojiSvg, MISSING_EMOJI_SVG } from '../../../src/shell/artwork/emoji.ts';
import { rasterize, renderArtwork, renderCard, renderSvg } from '../../../src/shell/artwork/render.ts';

const LONG_FRENCH_TITLE = 'Certificat de compétences numériques avancées en éco-conception 🌱';
const ISSUER = 'Lycée Ferdinand Buisson';
const design = (over: Partial<ArtworkDesign> = {}): ArtworkDesign => ({
  shape: 'circle',
  palette: 'ocean',
  icon: 'leaf',
  level: 'Niveau 2',
  year: 2026,
  showIssuer: true,
  ...over,
});

function decode(png: Uint8Array) {
  return PNG.sync.read(Buffer.from(png));
}

describe('renderArtwork', () => {
  it('is deterministic: two renders give byte-identical PNG and SVG', async () => {
    const badge = { name: LONG_FRENCH_TITLE, artwork: design({ shape: 'rosette', palette: 'berry' }) };
    const a = await renderArtwork(badge, ISSUER);
    const b = await renderArtwork(badge, ISSUER);
    expect(a.fromCache).toBe(false);
    expect(b.fromCache).toBe(false);
    expect(Buffer.from(b.png).equals(Buffer.from(a.png))).toBe(true);
    expect(b.svg).toBe(a.svg);
    expect(b.key).toBe(a.key);
  });

  it.each(BADGE_SHAPES)(
    'renders the %s shape as a 400×400 PNG, transparent outside the shape',
    async (shape) => {
      const { png, svg } = await renderArtwork({ name: 'Robotique', artwork: design({ shape }) }, ISSUER);
      const image = decode(png);
      expect([image.width, image.height]).toEqual([400, 400]);
      const alpha = (x: number, y: number) => image.data[(y * 400 + x) * 4 + 3];
      expect(alpha(200, 200)).toBe(255);
      expect(alpha(1, 1)).toBe(0);
      expect(svg.startsWith('<svg')).toBe(true);
    },
  );

  it('renders at another size', async () => {
    const { png } = await renderArtwork({ name: 'Robotique', artwork: design() }, ISSUER, { size: 512 });
    expect(decode(png).width).toBe(512);
  });

  it.each(BADGE_SHAPES)(
    '%s: the renderer lays the long French title out inside the shape, at the fitted size',
    async (shape) => {
      const assets = loadArtworkAssets();
      const { element, layout } = designArtwork(
        { name: LONG_FRENCH_TITLE, artwork: design({ shape }) },
        ISSUER,
        assets,
      );
      const nodes: { left: number; top: number; width: number; height: number; text: string }[] = [];
      await renderSvg(element, 400, 400, assets, (n) => {
        if (n.textContent !== undefined) nodes.push({ ...n, text: n.textContent });
      });
      expect(layout.name.fit.fontSize).toBeLessThan(44);
      expect(layout.name.fit.truncated).toBe(false);
      const nameLines = layout.name.fit.lines.map((l) => l.text);
      expect(nodes.map((n) => n.text)).toEqual([...nameLines, ISSUER, 'Niveau 2 · 2026']);
      const content = shapeOutline(shape, CONTENT_INSET);
      for (const n of nodes) {
        // Every line drawn inside the shape's content area (the renderer rounds to whole pixels).
        const corners = [
          [n.left + 1, n.top + 1],
          [n.left + n.width - 1, n.top + 1],
          [n.left + 1, n.top + n.height - 1],
          [n.left + n.width - 1, n.top + n.height - 1],
        ] as const;
        for (const corner of corners) expect(isInside(corner, content), `${shape}: "${n.text}"`).toBe(true);
      }
      // The core's measure agrees with the renderer's layout to within a pixel or two.
      for (const [i, line] of layout.name.fit.lines.entries()) {
        expect(Math.abs((nodes[i]?.width ?? 0) - line.width)).toBeLessThanOrEqual(2);
      }
    },
  );

  it('draws an emoji from the Twemoji set, and a fallback for one it lacks, without failing', async () => {
    expect(emojiSvg('🌱')).toContain('<path');
    expect(emojiSvg('🌱')).not.toBe(MISSING_EMOJI_SVG);
    expect(emojiSvg('👍🏽')).not.toBe(MISSING_EMOJI_SVG);
    // No skin-tone variant: the plain emoji is drawn. Not in the set: the fallback square.
    expect(emojiSvg('\u{1FAE8}\u{1F3FF}')).toBe(emojiSvg('\u{1FAE8}'));
    expect(emojiSvg('\u{1FAFF}')).toBe(MISSING_EMOJI_SVG);
    const { svg } = await renderArtwork(
      { name: 'Jardin 🌱 漢字 ᚠ 🫨🏿 \u{1FAFF}', artwork: design() },
      ISSUER,
    );
    expect(svg).toContain('data:image/svg+xml;base64,');
  });
});

describe('renderCard', () => {
  it('renders a 1200×630 Open Graph card, deterministically', async () => {
    const badge = { name: LONG_FRENCH_TITLE, artwork: design({ shape: 'shield', palette: 'forest' }) };
    const a = await renderCard(badge, ISSUER, { language: 'fr' });
    const b = await renderCard(badge, ISSUER, { language: 'fr' });
    const image = decode(a.png);
    expect([image.width, image.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    expect(Buffer.from(a.png).equals(Buffer.from(b.png))).toBe(true);
  });

  it('shows a custom PNG artwork', async () => {
    const custom = new PNG({ width: 128, height: 128 });
    custom.data.fill(255);
    const bytes = new Uint8Array(PNG.sync.write(custom));
    const card = await renderCard({ name: 'A', artwork: design() }, ISSUER, {
      language: 'en',
      customArtwork: { bytes, format: 'png' },
    });
    expect(card.svg).toContain('data:image/png;base64,');
  });
});

describe('rasterize', () => {
  it('scales an SVG to the requested width without system fonts', () => {
    const png = rasterize(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/></svg>',
      40,
    );
    const image = decode(png);
    expect([image.width, image.height]).toEqual([40, 40]);
    expect([...image.data.subarray(0, 4)]).toEqual([255, 0, 0, 255]);
  });
});
