import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { InsigneError } from '../../../src/core/errors.ts';
import { loadCustomArtwork } from '../../../src/shell/artwork/custom.ts';

const dir = mkdtempSync(join(tmpdir(), 'insigne-custom-artwork-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function png(): Buffer {
  const image = new PNG({ width: 200, height: 200 });
  image.data.fill(120);
  return PNG.sync.write(image);
}

describe('loadCustomArtwork', () => {
  it('loads a valid PNG with its size', async () => {
    const path = join(dir, 'ok.png');
    writeFileSync(path, png());
    const loaded = await loadCustomArtwork(path);
    expect(loaded).toMatchObject({ format: 'png', width: 200, height: 200 });
    expect(loaded.bytes.length).toBeGreaterThan(0);
  });

  it('refuses a PNG whose chunks are sound but whose image data does not decode', async () => {
    const bytes = png();
    // Damage the zlib stream inside IDAT and fix the CRC, so only a real decode notices.
    const idat = bytes.indexOf('IDAT');
    const length = bytes.readUInt32BE(idat - 4);
    bytes.fill(0xff, idat + 6, idat + 4 + length);
    bytes.writeUInt32BE(crc32(bytes.subarray(idat, idat + 4 + length)), idat + 4 + length);
    const path = join(dir, 'bad.png');
    writeFileSync(path, bytes);
    const error = await loadCustomArtwork(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsigneError);
    expect((error as InsigneError).code).toBe('ERR_ARTWORK_INVALID_PNG');
    expect((error as InsigneError).message).toMatch(
      /^Artwork "bad\.png" is not a valid PNG: its image data does not decode/,
    );
  });

  it('loads an SVG', async () => {
    const path = join(dir, 'ok.svg');
    writeFileSync(
      path,
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" r="30"/></svg>',
    );
    expect(await loadCustomArtwork(path)).toMatchObject({ format: 'svg', width: 64, height: 64 });
  });
});
