/**
 * Format sniffing and unbaking of any baked image, as the Python bakery behind the OB 2.0 validator does it
 * (DIGEST §2.3): the 8-byte PNG signature, else `<svg` within the first 256 bytes.
 */
import { InsigneError } from '../errors.ts';
import { hasPngSignature, unbakePng } from './png.ts';
import { looksLikeSvg, unbakeSvg } from './svg.ts';

export type BakedImageFormat = 'png' | 'svg';

/** The payloads found in a baked image, whatever its format. */
export interface Unbaked {
  readonly format: BakedImageFormat;
  /**
   * OB 2.0: a compact JWS, the assertion JSON, or a hosted assertion URL (legacy PNG `tEXt`, or an SVG
   * element with a URL and no body). When an SVG element has both a JWS or URL and a body, the JWS wins over
   * the JSON, and the JSON over the URL (the JSON carries the same id).
   */
  readonly assertion?: string;
  /** OB 3.0: the credential JSON with an embedded proof, or a compact VC-JWT. */
  readonly credential?: string;
}

/** The image format as extractors sniff it, or undefined when it is neither PNG nor SVG. */
export function sniffBakedImageFormat(bytes: Uint8Array): BakedImageFormat | undefined {
  if (hasPngSignature(bytes)) return 'png';
  if (looksLikeSvg(bytes)) return 'svg';
  return undefined;
}

/** Reads the OB 2.0 and OB 3.0 payloads of a PNG or SVG file. */
export function unbake(bytes: Uint8Array): Unbaked {
  const format = sniffBakedImageFormat(bytes);
  if (format === 'png') {
    const found = unbakePng(bytes);
    return withPayloads('png', found.openbadges, found.openbadgecredential);
  }
  if (format === 'svg') {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch (cause) {
      throw new InsigneError('ERR_BAKE_NOT_SVG', 'Image is not an SVG: the file is not valid UTF-8 text.', {
        cause,
      });
    }
    const found = unbakeSvg(text);
    const a = found.assertion;
    const c = found.credential;
    return withPayloads('svg', a?.jws ?? a?.json ?? a?.hostedUrl, c?.jwt ?? c?.json);
  }
  throw new InsigneError(
    'ERR_BAKE_UNKNOWN_FORMAT',
    'Cannot unbake: the file is neither a PNG (no PNG signature) nor an SVG (no "<svg" in its first 256 bytes).',
  );
}

function withPayloads(format: BakedImageFormat, assertion?: string, credential?: string): Unbaked {
  return {
    format,
    ...(assertion === undefined ? {} : { assertion }),
    ...(credential === undefined ? {} : { credential }),
  };
}
