/**
 * Smaller artwork for the files published per award (GitHub Pages caps a site at 1 GB, and every award
 * carries its own baked PNG and SVG). Done once per badge and cached with the renders:
 * - PNG: quantized to a 256-colour palette (UPNG.js); the flat badge artwork shows no visible change and
 *   takes about 40% of the bytes;
 * - SVG: the shapes satori embeds as base64 SVG images are inlined as nested `<svg>` elements, then
 *   SVGO rounds coordinates to a tenth of a pixel (invisible at 400 px) and removes what renders nothing.
 * Both are deterministic: the same input gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { optimize } from 'svgo';
import UPNG from 'upng-js';
import { readCached, writeCached } from './cache.ts';

/** Bump when the optimisation changes its output, so cached results are not reused. */
export const OPTIMIZER_VERSION = 1;

const BASE64_SVG_IMAGE =
  /<image x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" href="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)"\s*\/>/g;

/** Inlines satori's base64 SVG images as nested SVG elements (same rendering, no base64 overhead). */
export function inlineSvgImages(svg: string): string {
  return svg.replace(BASE64_SVG_IMAGE, (image, x, y, width, height, base64: string) => {
    const inner = Buffer.from(base64, 'base64').toString('utf8');
    if (!inner.startsWith('<svg ') || inner.includes('<script')) return image;
    return inner.replace('<svg ', `<svg x="${x}" y="${y}" width="${width}" height="${height}" `);
  });
}

export function optimizeSvg(svg: string): string {
  return optimize(inlineSvgImages(svg), { floatPrecision: 1, multipass: false }).data;
}

export function quantizePng(png: Uint8Array): Uint8Array {
  const copy = png.slice();
  const image = UPNG.decode(copy.buffer);
  const frames = UPNG.toRGBA8(image);
  return new Uint8Array(UPNG.encode(frames, image.width, image.height, 256));
}

/** The optimised pair, from the disk cache when this input was optimised before. */
export async function optimizeArtwork(
  artwork: { readonly png: Uint8Array; readonly svg: string },
  cacheDir: string | undefined,
): Promise<{ png: Uint8Array; svg: string }> {
  const key = createHash('sha256')
    .update(`optimize:${OPTIMIZER_VERSION}\n`)
    .update(artwork.png)
    .update(artwork.svg)
    .digest('hex');
  if (cacheDir) {
    const cached = await readCached(cacheDir, key, ['small.png', 'small.svg'] as const);
    if (cached) return { png: cached['small.png'], svg: new TextDecoder().decode(cached['small.svg']) };
  }
  const result = { png: quantizePng(artwork.png), svg: optimizeSvg(artwork.svg) };
  if (cacheDir) {
    await writeCached(cacheDir, key, {
      'small.png': result.png,
      'small.svg': new TextEncoder().encode(result.svg),
    });
  }
  return result;
}
