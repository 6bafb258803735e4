/**
 * The pictures of docs/badges.md, drawn by the build's own renderer (the core's design → satori → resvg,
 * src/shell/artwork/render.ts), so that they show exactly what a build publishes: one contact sheet per
 * topic (shapes, palettes, levels and years, icons), each cell a real badge render with its setting under
 * it. Sheets are palette-quantised like the published artwork, so they stay small.
 */
import { type ArtworkNode, div, imageDataUri, img, svgDataUri } from '../../src/core/artwork/element.ts';
import { searchIcons } from '../../src/core/artwork/icon-search.ts';
import { FRENCH_ICON_WORDS } from '../../src/core/artwork/icon-words-fr.ts';
import { indexOfSet, resolveIcon } from '../../src/core/artwork/icons.ts';
import { PALETTES } from '../../src/core/artwork/palettes.ts';
import type { ArtworkDesign } from '../../src/core/model/types.ts';
import { BADGE_SHAPES } from '../../src/core/model/types.ts';
import { loadArtworkAssets } from '../../src/shell/artwork/assets.ts';
import { quantizePng } from '../../src/shell/artwork/optimize.ts';
import { rasterize, renderArtwork, renderSvg } from '../../src/shell/artwork/render.ts';

/** The fictional issuer of every example badge. */
export const EXAMPLE_ISSUER = 'Vélo-club des Deux Rives';

/** The icons shown in the icon sample: common picks of schools and associations. */
export const SAMPLE_ICONS = [
  'bike',
  'music',
  'book-open',
  'shield',
  'cross',
  'heart-pulse',
  'computer',
  'code',
  'bot',
  'drama',
  'chef-hat',
  'sprout',
  'leaf',
  'recycle',
  'languages',
  'calculator',
  'flask-conical',
  'palette',
  'landmark',
  'hand-heart',
  'trophy',
  'medal',
  'graduation-cap',
  'traffic-cone',
  'tent',
  'camera',
  'mic-vocal',
  'dumbbell',
  'mountain',
  'award',
] as const;

const CELL = 180;
const GAP = 20;
const PAD = 24;
const CAPTION_SIZE = 15;
const CAPTION_LINE = 20;
const INK = '#0f172a';
const MUTED = '#475569';

interface Cell {
  readonly image: string;
  readonly size: number;
  readonly caption: readonly string[];
}

const base = (
  artwork: Partial<ArtworkDesign>,
  name = 'Mécanique vélo',
): Parameters<typeof renderArtwork>[0] => ({
  name,
  artwork: { shape: 'circle', palette: 'ocean', showIssuer: true, ...artwork },
});

async function badgeCell(
  badge: Parameters<typeof renderArtwork>[0],
  caption: readonly string[],
  issuer = EXAMPLE_ISSUER,
): Promise<Cell> {
  const { png } = await renderArtwork(badge, issuer, { size: CELL });
  return { image: imageDataUri(png, 'image/png'), size: CELL, caption };
}

/** Lays cells out in rows of `columns`, captions under each, on a white sheet; returns a PNG. */
async function sheet(cells: readonly Cell[], columns: number): Promise<Uint8Array> {
  const lines = Math.max(...cells.map((c) => c.caption.length));
  const cellHeight = CELL + 8 + lines * CAPTION_LINE;
  const rows = Math.ceil(cells.length / columns);
  const width = PAD * 2 + columns * CELL + (columns - 1) * GAP;
  const height = PAD * 2 + rows * cellHeight + (rows - 1) * GAP;
  const children: ArtworkNode[] = cells.map((cell, i) => {
    const x = PAD + (i % columns) * (CELL + GAP);
    const y = PAD + Math.floor(i / columns) * (cellHeight + GAP);
    const inset = (CELL - cell.size) / 2;
    return div({ position: 'absolute', left: x, top: y, width: CELL, height: cellHeight, display: 'flex' }, [
      img(cell.image, cell.size, cell.size, { position: 'absolute', left: inset, top: inset }),
      ...cell.caption.map((text, line) =>
        div(
          {
            position: 'absolute',
            left: 0,
            top: CELL + 8 + line * CAPTION_LINE,
            width: CELL,
            height: CAPTION_LINE,
            display: 'flex',
            justifyContent: 'center',
            fontFamily: 'Inter',
            fontWeight: line === 0 ? 800 : 600,
            fontSize: CAPTION_SIZE,
            color: line === 0 ? INK : MUTED,
            whiteSpace: 'pre',
          },
          text,
        ),
      ),
    ]);
  });
  const root = div(
    { display: 'flex', position: 'relative', width, height, backgroundColor: '#ffffff' },
    children,
  );
  const svg = await renderSvg(root, width, height);
  return quantizePng(rasterize(svg, width));
}

/**
 * The French word shown under an icon: among the keyword table's words that lead to it, the one whose
 * search ranks it highest (the table's order breaks ties).
 */
function frenchWordFor(icon: string): string | undefined {
  const index = indexOfSet(loadArtworkAssets().icons);
  let best: { word: string; rank: number } | undefined;
  for (const [word, english] of Object.entries(FRENCH_ICON_WORDS)) {
    if (!english.includes(icon)) continue;
    const rank = searchIcons(index, word).matches.findIndex((m) => m.name === icon);
    if (rank !== -1 && (best === undefined || rank < best.rank)) best = { word, rank };
  }
  return best?.word;
}

function iconCell(name: string): Cell {
  const icon = resolveIcon(loadArtworkAssets().icons, name);
  const glyph = 56;
  const tile =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CELL}" height="${CELL}" viewBox="0 0 ${CELL} ${CELL}">` +
    `<rect x="${(CELL - 120) / 2}" y="${(CELL - 120) / 2}" width="120" height="120" rx="24" fill="#e2e8f0"/>` +
    `<svg x="${(CELL - glyph) / 2}" y="${(CELL - glyph) / 2}" width="${glyph}" height="${glyph}" viewBox="0 0 ${icon.width} ${icon.height}">${icon.body.replaceAll('currentColor', INK)}</svg></svg>`;
  const french = frenchWordFor(name);
  return {
    image: svgDataUri(tile),
    size: CELL,
    caption: [`icon: ${name}`, french === undefined ? '' : `« ${french} »`],
  };
}

/** Every picture of the guide, by file name under docs/pictures/. */
export async function renderGuidePictures(): Promise<Map<string, Uint8Array>> {
  const pictures = new Map<string, Uint8Array>();
  pictures.set(
    'shapes.png',
    await sheet(
      await Promise.all(
        BADGE_SHAPES.map((shape) => badgeCell(base({ shape, icon: 'bike' }), [`shape: ${shape}`])),
      ),
      BADGE_SHAPES.length,
    ),
  );
  pictures.set(
    'palettes.png',
    await sheet(
      await Promise.all(
        PALETTES.map((p) =>
          badgeCell(base({ palette: p.name, icon: 'wrench', level: 'Niveau 1' }), [`palette: ${p.name}`]),
        ),
      ),
      5,
    ),
  );
  pictures.set(
    'levels.png',
    await sheet(
      await Promise.all([
        badgeCell(base({ icon: 'bike' }), ['no level, no year']),
        badgeCell(base({ icon: 'bike', level: 'Niveau 2' }), ['level: Niveau 2']),
        badgeCell(base({ icon: 'bike', year: 2026 }), ['year: 2026']),
        badgeCell(base({ icon: 'bike', level: 'Niveau 2', year: 2026 }), ['level: Niveau 2', 'year: 2026']),
        badgeCell(base({ icon: 'bike', showIssuer: false }), ['showIssuer: false']),
        badgeCell(
          base({ icon: 'traffic-cone', level: 'Niveau 1' }, 'Sécurité routière et code de la route à vélo'),
          ['a long name', 'is wrapped, then shrunk'],
        ),
      ]),
      6,
    ),
  );
  pictures.set('icons.png', await sheet(SAMPLE_ICONS.map(iconCell), 6));
  return pictures;
}
