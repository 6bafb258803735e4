import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { ArtworkDesign } from '../../../src/core/model/types.ts';
import { cacheKey } from '../../../src/shell/artwork/cache.ts';
import {
  formatRenderSummary,
  renderArtwork,
  renderCard,
  renderCounts,
  resetRenderCounts,
} from '../../../src/shell/artwork/render.ts';

const root = mkdtempSync(join(tmpdir(), 'insigne-artwork-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => resetRenderCounts());

const artwork: ArtworkDesign = {
  shape: 'hexagon',
  palette: 'slate',
  icon: 'cpu',
  year: 2026,
  showIssuer: true,
};
const badges = [
  { name: 'Robotique', artwork },
  { name: 'Programmation Python', artwork: { ...artwork, palette: 'mint', icon: 'code' } },
  { name: 'Éco-conception 🌱', artwork: { ...artwork, shape: 'circle' as const } },
];

describe('artwork cache', () => {
  it('renders each badge once; a second build takes every image from the cache (0 rendered)', async () => {
    const cacheDir = join(root, 'hits');
    const first = await Promise.all(badges.map((b) => renderArtwork(b, 'Collège Jean Moulin', { cacheDir })));
    await Promise.all(badges.map((b) => renderCard(b, 'Collège Jean Moulin', { cacheDir, language: 'fr' })));
    expect(renderCounts()).toEqual({
      artwork: { rendered: 3, fromCache: 0 },
      card: { rendered: 3, fromCache: 0 },
    });

    resetRenderCounts();
    const second = await Promise.all(
      badges.map((b) => renderArtwork(b, 'Collège Jean Moulin', { cacheDir })),
    );
    await Promise.all(badges.map((b) => renderCard(b, 'Collège Jean Moulin', { cacheDir, language: 'fr' })));
    expect(renderCounts()).toEqual({
      artwork: { rendered: 0, fromCache: 3 },
      card: { rendered: 0, fromCache: 3 },
    });
    expect(formatRenderSummary()).toBe('Artwork: 0 rendered, 3 from cache. Cards: 0 rendered, 3 from cache.');
    for (const [i, image] of second.entries()) {
      expect(image.fromCache).toBe(true);
      expect(Buffer.from(image.png).equals(Buffer.from(first[i]?.png ?? []))).toBe(true);
      expect(image.svg).toBe(first[i]?.svg);
    }
    // Temporary files were all renamed into place.
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(cacheDir)).toHaveLength(12);
  });

  it('renders again when anything that changes the pixels changes', async () => {
    const cacheDir = join(root, 'changes');
    const badge = badges[0] as (typeof badges)[number];
    const a = await renderArtwork(badge, 'Collège Jean Moulin', { cacheDir });
    const changes = [
      renderArtwork({ ...badge, name: 'Robotique 2' }, 'Collège Jean Moulin', { cacheDir }),
      renderArtwork(badge, 'Collège Victor Hugo', { cacheDir }),
      renderArtwork({ ...badge, artwork: { ...artwork, palette: 'gold' } }, 'Collège Jean Moulin', {
        cacheDir,
      }),
      renderArtwork(badge, 'Collège Jean Moulin', { cacheDir, size: 512 }),
    ];
    const keys = new Set([a.key, ...(await Promise.all(changes)).map((r) => r.key)]);
    expect(keys.size).toBe(5);
    expect(renderCounts().artwork).toEqual({ rendered: 5, fromCache: 0 });
  });

  it('does not trust a damaged cache file', async () => {
    const cacheDir = join(root, 'damaged');
    const badge = badges[1] as (typeof badges)[number];
    const { key, png } = await renderArtwork(badge, 'X', { cacheDir });
    writeFileSync(join(cacheDir, `${key}.png`), png.subarray(0, 100));
    const again = await renderArtwork(badge, 'X', { cacheDir });
    expect(again.fromCache).toBe(false);
    expect(Buffer.from(again.png).equals(Buffer.from(png))).toBe(true);
    expect((await renderArtwork(badge, 'X', { cacheDir })).fromCache).toBe(true);
  });

  it('derives keys from content, not from key order', () => {
    expect(cacheKey({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(cacheKey({ b: [1, { d: 3, c: 2 }], a: 1 }));
    expect(cacheKey({ a: 1 })).not.toBe(cacheKey({ a: 2 }));
    expect(cacheKey({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });
});
