/**
 * Rendering (DESIGN §2 "artwork"): the core's element tree → satori (HTML/CSS layout to SVG, text as
 * outlines) → resvg (SVG to PNG). Fonts come from loadArtworkAssets (same buffers every call), system fonts
 * are never consulted, so the same inputs give the same bytes on any machine. Each badge's artwork and Open
 * Graph card are rendered once and kept in a disk cache keyed by everything that changes the pixels; the
 * counters let the build print "N rendered, M from cache".
 */
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { CARD_HEIGHT, CARD_WIDTH, type CardArtwork, designCard } from '../../core/artwork/card.ts';
import {
  ARTWORK_SIZE,
  ARTWORK_TEMPLATE_VERSION,
  type ArtworkLayout,
  designArtwork,
} from '../../core/artwork/design.ts';
import { type ArtworkNode, imageDataUri } from '../../core/artwork/element.ts';
import type { Badge, Language } from '../../core/model/types.ts';
import { type LoadedArtworkAssets, loadArtworkAssets } from './assets.ts';
import { cacheKey, readCached, writeCached } from './cache.ts';
import { loadAdditionalAsset } from './emoji.ts';

export interface RenderedImage {
  readonly png: Uint8Array;
  readonly svg: string;
  /** Whether the bytes came from the disk cache (no rendering happened). */
  readonly fromCache: boolean;
  /** The cache key: SHA-256 of the element tree, output size, template version and renderer versions. */
  readonly key: string;
}

export interface RenderCounts {
  rendered: number;
  fromCache: number;
}

export interface ArtworkRenderOptions {
  /** Folder of the disk cache (for example `.cache/artwork`); without it, nothing is cached. */
  readonly cacheDir?: string;
  /** Output width and height in pixels. */
  readonly size?: number;
}

export interface CardRenderOptions {
  readonly cacheDir?: string;
  readonly language: Language;
  /** A validated custom artwork file to show instead of the designed artwork. */
  readonly customArtwork?: { readonly bytes: Uint8Array; readonly format: 'png' | 'svg' };
}

const counts = { artwork: { rendered: 0, fromCache: 0 }, card: { rendered: 0, fromCache: 0 } };

/** Renders (or reads from the cache) the designed artwork of a badge: a square PNG and its SVG. */
export async function renderArtwork(
  badge: Pick<Badge, 'name' | 'artwork'>,
  issuerName: string,
  options: ArtworkRenderOptions = {},
): Promise<RenderedImage & { readonly layout: ArtworkLayout }> {
  const assets = loadArtworkAssets();
  const size = options.size ?? ARTWORK_SIZE;
  const { layout, element } = designArtwork(badge, issuerName, assets, size);
  const image = await renderCached('artwork', element, size, size, assets, options.cacheDir);
  return { ...image, layout };
}

/** Renders (or reads from the cache) the 1200×630 Open Graph card of a badge. */
export async function renderCard(
  badge: Pick<Badge, 'name' | 'artwork'>,
  issuerName: string,
  options: CardRenderOptions,
): Promise<RenderedImage> {
  const assets = loadArtworkAssets();
  const custom = options.customArtwork;
  const artwork: CardArtwork =
    custom === undefined
      ? { kind: 'design' }
      : {
          kind: 'image',
          src: imageDataUri(custom.bytes, custom.format === 'png' ? 'image/png' : 'image/svg+xml'),
        };
  const { element } = designCard(badge, issuerName, assets, { language: options.language, artwork });
  return renderCached('card', element, CARD_WIDTH, CARD_HEIGHT, assets, options.cacheDir);
}

/** How many images were rendered and how many came from the cache since the process started. */
export function renderCounts(): { readonly artwork: RenderCounts; readonly card: RenderCounts } {
  return { artwork: { ...counts.artwork }, card: { ...counts.card } };
}

export function resetRenderCounts(): void {
  counts.artwork = { rendered: 0, fromCache: 0 };
  counts.card = { rendered: 0, fromCache: 0 };
}

/** One line for the build log. */
export function formatRenderSummary(): string {
  const { artwork, card } = counts;
  return `Artwork: ${artwork.rendered} rendered, ${artwork.fromCache} from cache. Cards: ${card.rendered} rendered, ${card.fromCache} from cache.`;
}

/** Lays an element tree out to SVG with the bundled fonts only. */
export async function renderSvg(
  element: ArtworkNode,
  width: number,
  height: number,
  assets: LoadedArtworkAssets = loadArtworkAssets(),
  onNode?: (node: {
    type: string;
    left: number;
    top: number;
    width: number;
    height: number;
    textContent?: string;
  }) => void,
): Promise<string> {
  return satori(element, {
    width,
    height,
    fonts: [...assets.fonts],
    loadAdditionalAsset,
    ...(onNode === undefined ? {} : { onNodeDetected: onNode }),
  });
}

/** Rasterises an SVG to PNG at a width, without system fonts (satori already turned text into outlines). */
export function rasterize(svg: string, width: number): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false },
    logLevel: 'off',
  });
  return new Uint8Array(resvg.render().asPng());
}

async function renderCached(
  kind: keyof typeof counts,
  element: ArtworkNode,
  width: number,
  height: number,
  assets: LoadedArtworkAssets,
  cacheDir: string | undefined,
): Promise<RenderedImage> {
  const key = cacheKey({
    kind,
    template: ARTWORK_TEMPLATE_VERSION,
    width,
    height,
    versions: assets.versions,
    element,
  });
  if (cacheDir !== undefined) {
    const cached = await readCached(cacheDir, key, ['png', 'svg']);
    if (cached !== undefined && isCompletePng(cached.png)) {
      counts[kind].fromCache++;
      return { png: cached.png, svg: new TextDecoder().decode(cached.svg), fromCache: true, key };
    }
  }
  const svg = await renderSvg(element, width, height, assets);
  const png = rasterize(svg, width);
  if (cacheDir !== undefined) await writeCached(cacheDir, key, { svg: new TextEncoder().encode(svg), png });
  counts[kind].rendered++;
  return { png, svg, fromCache: false, key };
}

/** A cheap integrity check of a cached PNG: signature at the start, IEND chunk at the end. */
function isCompletePng(png: Uint8Array): boolean {
  const iend = [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];
  return png.length > 20 && png[0] === 0x89 && iend.every((b, i) => png[png.length - 8 + i] === b);
}
