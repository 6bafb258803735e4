/**
 * The artwork stage of the build: each badge's artwork (designed and rendered, or the administrator's
 * own file) in PNG and SVG, and its Open Graph card. Rendered once per badge and cached on disk, so a
 * rebuild without changes renders nothing.
 */
import { dirname, join } from 'node:path';
import { badgeArtworkPath } from '../../core/credentials/media.ts';
import type { BadgeArtwork, FileBody } from '../../core/emit/site-files.ts';
import type { Badge, Model } from '../../core/model/types.ts';
import { sitePaths } from '../../core/urls.ts';
import { loadCustomArtwork } from './custom.ts';
import { optimizeArtwork } from './optimize.ts';
import { rasterize, renderArtwork, renderCard } from './render.ts';

/** Where rendered images are cached between builds (git-ignored). */
export const ARTWORK_CACHE_DIR = join('.cache', 'artwork');

const ARTWORK_PX = 400;

/** A custom PNG shown inside an SVG, so that the SVG award image exists for every badge. */
function pngInSvg(png: Uint8Array, width: number, height: number): string {
  const data = Buffer.from(png).toString('base64');
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><image width="${width}" height="${height}" xlink:href="data:image/png;base64,${data}"/></svg>`;
}

async function artworkOf(
  root: string,
  badge: Badge,
  issuerName: string,
  cacheDir: string,
): Promise<BadgeArtwork> {
  if (badge.image) {
    const custom = await loadCustomArtwork(join(root, dirname(badge.file), badge.image));
    if (custom.format === 'png')
      return { png: custom.bytes, svg: pngInSvg(custom.bytes, custom.width, custom.height) };
    const svg = new TextDecoder().decode(custom.bytes);
    return { png: rasterize(svg, ARTWORK_PX), svg };
  }
  const rendered = await renderArtwork(badge, issuerName, { cacheDir, size: ARTWORK_PX });
  return optimizeArtwork(rendered, cacheDir);
}

/** Renders every badge's artwork and card; returns the artworks (for baking) and the files to publish. */
export async function renderBadgeImages(
  root: string,
  model: Model,
): Promise<{ artworks: Map<string, BadgeArtwork>; files: Map<string, FileBody> }> {
  const cacheDir = join(root, ARTWORK_CACHE_DIR);
  const artworks = new Map<string, BadgeArtwork>();
  const files = new Map<string, FileBody>();
  for (const badge of model.badges.values()) {
    const issuerName = model.issuers.get(badge.issuer)?.name ?? '';
    const artwork = await artworkOf(root, badge, issuerName, cacheDir);
    artworks.set(badge.slug, artwork);
    files.set(sitePaths.badgeArtwork(badge.slug, 'png'), artwork.png);
    files.set(sitePaths.badgeArtwork(badge.slug, 'svg'), artwork.svg);
    const custom = badge.image
      ? {
          bytes: badge.image.endsWith('.svg') ? new TextEncoder().encode(artwork.svg) : artwork.png,
          format: badge.image.endsWith('.svg') ? ('svg' as const) : ('png' as const),
        }
      : undefined;
    const card = await renderCard(badge, issuerName, {
      cacheDir,
      language: badge.language,
      ...(custom ? { customArtwork: custom } : {}),
    });
    files.set(sitePaths.badgeCard(badge.slug), card.png);
    // The artwork path the documents point at must exist (a custom SVG keeps its format).
    if (!files.has(badgeArtworkPath(badge))) throw new Error(`artwork of ${badge.slug} was not produced`);
  }
  return { artworks, files };
}
