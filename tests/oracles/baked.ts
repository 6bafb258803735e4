/**
 * The OB 3.0 payload of a baked image, read without Insigne's unbaker: the PNG `iTXt` chunk with keyword
 * `openbadgecredential` (chunks walked by the bake tests' independent reader, CRCs from node:zlib), and
 * the SVG element `credential` in namespace `https://purl.imsglobal.org/ob/v3p0` found by a namespace-aware
 * XML parser (@xmldom/xmldom), as the OB 3.0 baking section describes both.
 */
import { DOMParser } from '@xmldom/xmldom';
import { rawChunks } from '../core/bake/helpers.ts';

const OB3_SVG_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0';

/** The text of every uncompressed `openbadgecredential` iTXt chunk whose CRC holds. */
export function pngCredentials(png: Uint8Array): string[] {
  return rawChunks(png)
    .filter((chunk) => chunk.type === 'iTXt' && chunk.storedCrc === chunk.computedCrc)
    .flatMap((chunk) => {
      // keyword \0 compression-flag compression-method language \0 translated-keyword \0 text
      const keywordEnd = chunk.data.indexOf(0);
      if (chunk.data.toString('latin1', 0, keywordEnd) !== 'openbadgecredential') return [];
      if (chunk.data[keywordEnd + 1] !== 0) throw new Error('compressed openbadgecredential chunk');
      const languageEnd = chunk.data.indexOf(0, keywordEnd + 3);
      const translatedEnd = chunk.data.indexOf(0, languageEnd + 1);
      return [chunk.data.toString('utf8', translatedEnd + 1)];
    });
}

/** The payload of every OB 3.0 `credential` element: its `verify` attribute (a JWT) or its text (JSON). */
export function svgCredentials(svg: string): string[] {
  const document = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const elements = document.getElementsByTagNameNS(OB3_SVG_NAMESPACE, 'credential');
  return Array.from({ length: elements.length }, (_, i) => elements.item(i)).flatMap((element) => {
    if (element === null) return [];
    const jwt = element.getAttribute('verify');
    return [jwt !== null && jwt !== '' ? jwt : (element.textContent ?? '').trim()];
  });
}
