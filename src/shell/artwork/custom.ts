/**
 * Loads a badge's custom artwork file: the core's checks (type, size, squareness, safety, bakeability),
 * plus, for a PNG, a full decode, since the core only walks chunks and CRCs and a damaged compressed stream
 * would otherwise surface only in an earner's image viewer.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { PNG } from 'pngjs';
import { type CustomArtworkInfo, validateCustomArtwork } from '../../core/artwork/custom.ts';
import { InsigneError } from '../../core/errors.ts';

export interface LoadedCustomArtwork extends CustomArtworkInfo {
  readonly bytes: Uint8Array;
}

/** Reads and validates a custom artwork file; throws a coded InsigneError naming the file. */
export async function loadCustomArtwork(path: string): Promise<LoadedCustomArtwork> {
  const bytes = new Uint8Array(await readFile(path));
  const fileName = basename(path);
  const info = validateCustomArtwork(bytes, fileName);
  if (info.format === 'png') {
    try {
      PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } catch (cause) {
      const detail = cause instanceof Error ? cause.message : String(cause);
      throw new InsigneError(
        'ERR_ARTWORK_INVALID_PNG',
        `Artwork "${fileName}" is not a valid PNG: its image data does not decode (${detail}). Re-export it.`,
        { cause },
      );
    }
  }
  return { ...info, bytes };
}
