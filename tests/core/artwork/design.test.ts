import { describe, expect, it } from 'vitest';
import { designArtwork, layoutArtwork } from '../../../src/core/artwork/design.ts';
import type { ArtworkNode } from '../../../src/core/artwork/element.ts';
import { issuerFamily } from '../../../src/core/artwork/family.ts';
import { CONTENT_INSET, isInside, shapeOutline } from '../../../src/core/artwork/shapes.ts';
import { InsigneError } from '../../../src/core/errors.ts';
import { type ArtworkDesign, BADGE_SHAPES } from '../../../src/core/model/types.ts';
import { LONG_FRENCH_TITLE, TEST_ASSETS } from './helpers.ts';

const ISSUER = 'Lycée Ferdinand Buisson';
const design = (over: Partial<ArtworkDesign> = {}): ArtworkDesign => ({
  shape: 'circle',
  palette: 'ocean',
  icon: 'leaf',
  showIssuer: true,
  ...over,
});

function texts(node: ArtworkNode): string[] {
  const { children } = node.props;
  if (typeof children === 'string') return [children];
  return (children ?? []).flatMap(texts);
}

describe('layoutArtwork', () => {
  it.each(BADGE_SHAPES)(
    '%s: lays out the long French title inside the shape, wrapped and shrunk',
    (shape) => {
      const layout = layoutArtwork(
        { name: LONG_FRENCH_TITLE, artwork: design({ shape, level: 'Niveau 2', year: 2026 }) },
        ISSUER,
        TEST_ASSETS,
      );
      const { box, fit } = layout.name;
      expect(fit.truncated).toBe(false);
      expect(fit.fontSize).toBeLessThan(44);
      expect(fit.fontSize).toBeGreaterThanOrEqual(14);
      expect(fit.lines.length).toBeGreaterThanOrEqual(2);
      for (const line of fit.lines) expect(line.width).toBeLessThanOrEqual(box.width);
      expect(fit.height).toBeLessThanOrEqual(box.height);
      const content = shapeOutline(shape, CONTENT_INSET);
      for (const placed of [layout.name, layout.issuer, layout.ribbon]) {
        expect(placed).toBeDefined();
        const b = placed?.box ?? box;
        for (const corner of [
          [b.x, b.y],
          [b.x + b.width, b.y],
          [b.x, b.y + b.height],
          [b.x + b.width, b.y + b.height],
        ] as const) {
          expect(isInside(corner, content)).toBe(true);
        }
      }
      expect(layout.ribbon?.fit.lines.map((l) => l.text)).toEqual(['Niveau 2 · 2026']);
    },
  );

  it('keeps a short name big and on one line', () => {
    const { fit } = layoutArtwork({ name: 'Python', artwork: design() }, ISSUER, TEST_ASSETS).name;
    expect(fit.fontSize).toBe(44);
    expect(fit.lines.map((l) => l.text)).toEqual(['Python']);
  });

  it('drops the issuer line and the ribbon when not wanted, giving the room to the icon and the name', () => {
    const full = layoutArtwork({ name: 'Python', artwork: design({ year: 2026 }) }, ISSUER, TEST_ASSETS);
    const bare = layoutArtwork(
      { name: 'Python', artwork: design({ showIssuer: false }) },
      ISSUER,
      TEST_ASSETS,
    );
    expect(bare.issuer).toBeUndefined();
    expect(bare.ribbon).toBeUndefined();
    expect(bare.icon.box.height).toBeGreaterThan(full.icon.box.height);
    expect(bare.name.box.height).toBeGreaterThan(full.name.box.height);
  });

  it('cuts a name too long for any size with an ellipsis rather than overflowing', () => {
    const name = 'Compétences '.repeat(10).trim();
    const { box, fit } = layoutArtwork(
      { name, artwork: design({ shape: 'hexagon', year: 2026 }) },
      ISSUER,
      TEST_ASSETS,
    ).name;
    expect(fit.truncated).toBe(true);
    expect(fit.lines.at(-1)?.text.endsWith('…')).toBe(true);
    for (const line of fit.lines) expect(line.width).toBeLessThanOrEqual(box.width);
    expect(fit.height).toBeLessThanOrEqual(box.height);
  });

  it('gives every badge of an issuer the same family ring, whatever its shape and palette', () => {
    const a = layoutArtwork(
      { name: 'A', artwork: design({ shape: 'shield', palette: 'berry' }) },
      ISSUER,
      TEST_ASSETS,
    );
    const b = layoutArtwork(
      { name: 'B', artwork: design({ shape: 'rosette', palette: 'gold' }) },
      ISSUER,
      TEST_ASSETS,
    );
    expect(a.family).toEqual(b.family);
    expect(a.family).toEqual(issuerFamily(ISSUER));
    const others = [
      'Collège Jean Moulin',
      'Université de Lille',
      'Association Les Petits Débrouillards',
      'IUT de Nantes',
    ];
    expect(new Set(others.map((o) => JSON.stringify(issuerFamily(o)))).size).toBeGreaterThan(1);
  });

  it('reports an unknown icon with a coded error', () => {
    expect(() =>
      layoutArtwork({ name: 'A', artwork: design({ icon: 'flask-conicle' }) }, ISSUER, TEST_ASSETS),
    ).toThrow(InsigneError);
  });

  it('uses the default icon when the badge names none', () => {
    const { icon, ...rest } = design();
    expect(icon).toBe('leaf');
    expect(layoutArtwork({ name: 'A', artwork: rest }, ISSUER, TEST_ASSETS).icon.name).toBe('award');
  });
});

describe('designArtwork', () => {
  it('builds a deterministic element tree with the fitted lines and scaled geometry', () => {
    const badge = { name: LONG_FRENCH_TITLE, artwork: design({ level: 'Niveau 2' }) };
    const a = designArtwork(badge, ISSUER, TEST_ASSETS, 512);
    const b = designArtwork(badge, ISSUER, TEST_ASSETS, 512);
    expect(JSON.stringify(a.element)).toBe(JSON.stringify(b.element));
    expect(a.element.props.style).toMatchObject({ width: 512, height: 512 });
    expect(texts(a.element)).toEqual([...a.layout.name.fit.lines.map((l) => l.text), ISSUER, 'Niveau 2']);
    const images = (a.element.props.children as ArtworkNode[]).filter((c) => c.type === 'img');
    expect(images).toHaveLength(2);
    for (const image of images) expect(image.props.src).toMatch(/^data:image\/svg\+xml;base64,/);
    const nameBlock = (a.element.props.children as ArtworkNode[])[2];
    expect(nameBlock?.props.style?.fontSize).toBe(a.layout.name.fit.fontSize * (512 / 400));
  });

  it('draws the shape with the palette colours', () => {
    const { element, layout } = designArtwork(
      { name: 'A', artwork: design({ palette: 'forest' }) },
      ISSUER,
      TEST_ASSETS,
    );
    const backdrop = (element.props.children as ArtworkNode[])[0]?.props.src ?? '';
    const svg = atob(backdrop.replace('data:image/svg+xml;base64,', ''));
    expect(svg).toContain(`fill="${layout.palette.rim}"`);
    expect(svg).toContain(`fill="${layout.palette.base}"`);
    expect(svg).toContain(`stroke="${layout.palette.line}"`);
  });
});
