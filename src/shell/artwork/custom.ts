/**
 * Loads a badge's custom artwork file: the core's checks (type, size, squareness, safety, bakeability),
 * plus, for a PNG, a full decode, since the core only walks chunks and CRCs and a damaged compressed stream
 * would otherwise surface only in an earner's image viewer. The content check runs the same checks on
 * every custom image (artwork and issuer logos) before the build starts, so a bad file is reported with
 * the content file and line that name it.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { type CustomArtworkInfo, validateCustomArtwork, validateLogo } from '../../core/artwork/custom.ts';
import { InsigneError } from '../../core/errors.ts';
import { type Message, say } from '../../core/messages/catalogue.ts';

export interface LoadedCustomArtwork extends CustomArtworkInfo {
  readonly bytes: Uint8Array;
}

/** Reads and validates a custom artwork file; throws a coded InsigneError naming the file. */
export async function loadCustomArtwork(path: string): Promise<LoadedCustomArtwork> {
  const bytes = new Uint8Array(await readFile(path));
  return { ...checkArtworkBytes(bytes, basename(path)), bytes };
}

function checkArtworkBytes(bytes: Uint8Array, fileName: string): CustomArtworkInfo {
  const info = validateCustomArtwork(bytes, fileName);
  if (info.format === 'png') decodePng(bytes, 'Artwork', fileName);
  return info;
}

/**
 * The image data of a PNG (its IDAT chunks, joined), inflated by Node's zlib, which throws on a damaged
 * stream. pngjs's own synchronous inflate learns of zlib's errors through an event, and once let a
 * damaged file pass in a full test run under load. The chunks were already walked by the core.
 */
function inflateImageData(bytes: Buffer): void {
  const parts: Buffer[] = [];
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') parts.push(bytes.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  inflateSync(Buffer.concat(parts));
}

function decodePng(bytes: Uint8Array, label: 'Artwork' | 'Logo', fileName: string): void {
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    inflateImageData(buffer);
    PNG.sync.read(buffer);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new InsigneError(
      'ERR_ARTWORK_INVALID_PNG',
      say('image.undecodable', {
        subject: say(label === 'Artwork' ? 'image.artwork' : 'image.logo'),
        file: fileName,
        detail,
      }),
      { cause },
    );
  }
}

/**
 * For the content check: why the image at `path` (relative to `root`) cannot be used as a badge's artwork
 * or an issuer's logo, or undefined when it can. The reason names the image file.
 */
export function customImageProblem(root: string, path: string, use: 'artwork' | 'logo'): Message | undefined {
  const fileName = basename(path);
  try {
    const bytes = new Uint8Array(readFileSync(join(root, path)));
    if (use === 'artwork') checkArtworkBytes(bytes, fileName);
    else if (validateLogo(bytes, fileName).format === 'png') decodePng(bytes, 'Logo', fileName);
    return undefined;
  } catch (error) {
    if (error instanceof InsigneError) return error.says ?? say('text.verbatim', { text: error.message });
    throw error;
  }
}
