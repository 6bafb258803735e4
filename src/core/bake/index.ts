/**
 * Baking: putting an award's credential inside its badge image, and reading it back (DIGEST §2).
 *
 * Decision: one baked file per award and format carries BOTH versions. The PNG gets an `openbadges` iTXt
 * chunk (OB 2.0) and an `openbadgecredential` iTXt chunk (OB 3.0); the SVG gets an `<openbadges:assertion>`
 * and an `<openbadges:credential>` element, each declaring its own namespace. Why:
 * - DIGEST §2.1: nothing forbids both payloads in one file, and every extractor checked (the Python bakery
 *   behind the OB 2.0 validator, Mozilla's bakery, the 1EdTech OB 3.0 validator) matches only its own
 *   keyword or qualified name, so each reads its version and ignores the other.
 * - The earner downloads one image that works with an OB 2.0 backpack and with an OB 3.0 wallet; the URL
 *   authority has one baked image per award and format (`sitePaths.bakedImage`), and output bytes per award
 *   matter (DESIGN §7): two copies of the artwork per award would double them.
 * - The risk DIGEST notes ("unusual and untested in the wild") is covered by tests that run emulations of
 *   each independent extractor on files carrying both payloads.
 * Callers may still bake a single version: both bakers accept any subset of the payloads.
 */
export { crc32 } from './crc32.ts';
export {
  bakePng,
  createPngBaker,
  hasPngSignature,
  PNG_BAKE_KEYWORDS,
  PNG_SIGNATURE,
  type PngBakeEntry,
  type PngBakeKeyword,
  type PngChunk,
  type PngPayloads,
  readPngChunks,
  unbakePng,
} from './png.ts';
export {
  bakeSvg,
  createSvgBaker,
  looksLikeSvg,
  OB2_SVG_NAMESPACE,
  OB3_SVG_NAMESPACE,
  SVG_SNIFF_BYTES,
  type SvgAssertionPayload,
  type SvgBakePayloads,
  type SvgCredentialPayload,
  unbakeSvg,
} from './svg.ts';
export { type BakedImageFormat, sniffBakedImageFormat, type Unbaked, unbake } from './unbake.ts';
