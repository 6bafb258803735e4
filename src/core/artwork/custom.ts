/**
 * Validation of a custom artwork file (a badge's `image`), before it is published and baked into every
 * award: really a PNG or an SVG, of a sensible size, roughly square, bakeable, and for SVG free of scripts
 * and external references (the file is served as it is, and opened on its own it would run them).
 * An issuer's logo is served the same way, so it gets the same type, size and safety rules (any shape).
 */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { hasPngSignature, readPngChunks } from '../bake/png.ts';
import { createSvgBaker, looksLikeSvg } from '../bake/svg.ts';
import { InsigneError } from '../errors.ts';
import { say } from '../messages/catalogue.ts';

export const CUSTOM_ARTWORK_MAX_BYTES = 1024 * 1024;
export const CUSTOM_ARTWORK_MIN_PIXELS = 128;
export const CUSTOM_ARTWORK_MAX_PIXELS = 2048;
/** Width ÷ height must lie within these bounds. */
export const CUSTOM_ARTWORK_ASPECT: readonly [number, number] = [0.9, 1.1];

export interface CustomArtworkInfo {
  readonly format: 'png' | 'svg';
  /** Pixels for a PNG; user units (from `viewBox`, else `width`/`height`) for an SVG. */
  readonly width: number;
  readonly height: number;
}

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';

/** What is being checked: the words messages use for it. */
interface Subject {
  /** Starts messages: `Artwork "robot.png" …`. */
  readonly label: 'Artwork' | 'Logo';
  /** The kind of file, in rules: "Badge images must …". */
  readonly plural: 'Badge images' | 'Logos';
}

const ARTWORK: Subject = { label: 'Artwork', plural: 'Badge images' };
const LOGO: Subject = { label: 'Logo', plural: 'Logos' };

/** The subject of a message, in the catalogue: "Artwork"/"L’image", "Logo"/"Le logo". */
const named = (subject: Subject) => say(subject === ARTWORK ? 'image.artwork' : 'image.logo');
const namedPlural = (subject: Subject) => say(subject === ARTWORK ? 'image.artworks' : 'image.logos');

/** Checks a custom artwork file; throws a coded InsigneError that names the file and the fix. */
export function validateCustomArtwork(bytes: Uint8Array, fileName: string): CustomArtworkInfo {
  const extension = checkFile(bytes, fileName, ARTWORK);
  const info = extension === 'png' ? checkPng(bytes, fileName, ARTWORK) : checkSvg(bytes, fileName);
  const aspect = info.width / info.height;
  if (aspect < CUSTOM_ARTWORK_ASPECT[0] || aspect > CUSTOM_ARTWORK_ASPECT[1]) {
    throw new InsigneError(
      'ERR_ARTWORK_NOT_SQUARE',
      say('image.notSquare', {
        file: fileName,
        width: info.width,
        height: info.height,
        min: CUSTOM_ARTWORK_ASPECT[0],
        max: CUSTOM_ARTWORK_ASPECT[1],
      }),
    );
  }
  return info;
}

/**
 * Checks an issuer logo (published as it is at `issuers/<slug>/logo.<ext>`): PNG or SVG, at most 1 MiB, a
 * PNG whose chunks are sound, an SVG without scripts or external references. Any shape or size in pixels.
 */
export function validateLogo(bytes: Uint8Array, fileName: string): { readonly format: 'png' | 'svg' } {
  const extension = checkFile(bytes, fileName, LOGO);
  if (extension === 'png') checkPng(bytes, fileName, LOGO);
  else checkSvgSafety(bytes, fileName, LOGO);
  return { format: extension };
}

/** The extension, after checking it, the size and that the bytes are what the extension says. */
function checkFile(bytes: Uint8Array, fileName: string, subject: Subject): 'png' | 'svg' {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension !== 'png' && extension !== 'svg') {
    throw new InsigneError(
      'ERR_ARTWORK_UNSUPPORTED_TYPE',
      say('image.unsupportedType', {
        subject: named(subject),
        file: fileName,
        shape: subject === ARTWORK ? say('image.unsupportedType.square') : '',
      }),
    );
  }
  if (bytes.length > CUSTOM_ARTWORK_MAX_BYTES) {
    const why = say(subject === ARTWORK ? 'image.tooLarge.everyAward' : 'image.tooLarge.everyPage');
    throw new InsigneError(
      'ERR_ARTWORK_TOO_LARGE',
      say('image.tooLarge', {
        subject: named(subject),
        file: fileName,
        size: formatKiB(bytes.length),
        limit: formatKiB(CUSTOM_ARTWORK_MAX_BYTES),
        why,
      }),
    );
  }
  const actual = hasPngSignature(bytes) ? 'png' : looksLikeSvg(bytes) ? 'svg' : undefined;
  if (actual !== undefined && actual !== extension) {
    throw new InsigneError(
      'ERR_ARTWORK_TYPE_MISMATCH',
      say(actual === 'png' ? 'image.pngNamedOtherwise' : 'image.svgNamedOtherwise', {
        subject: named(subject),
        file: fileName,
        extension,
        actual,
      }),
    );
  }
  return extension;
}

function checkPng(bytes: Uint8Array, fileName: string, subject: Subject): CustomArtworkInfo {
  if (!hasPngSignature(bytes)) {
    throw new InsigneError(
      'ERR_ARTWORK_INVALID_PNG',
      say('image.notPng', { subject: named(subject), file: fileName }),
    );
  }
  let chunks: ReturnType<typeof readPngChunks>;
  try {
    chunks = readPngChunks(bytes);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    const message = say('image.invalidPng', { subject: named(subject), file: fileName, detail });
    throw new InsigneError('ERR_ARTWORK_INVALID_PNG', message, { cause });
  }
  const ihdr = chunks[0];
  if (ihdr === undefined || !chunks.some((c) => c.type === 'IDAT')) {
    throw new InsigneError(
      'ERR_ARTWORK_INVALID_PNG',
      say('image.noImageData', { subject: named(subject), file: fileName }),
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + ihdr.dataStart, 8);
  const width = view.getUint32(0);
  const height = view.getUint32(4);
  if (subject !== ARTWORK) return { format: 'png', width, height };
  for (const side of [width, height]) {
    if (side < CUSTOM_ARTWORK_MIN_PIXELS || side > CUSTOM_ARTWORK_MAX_PIXELS) {
      throw new InsigneError(
        'ERR_ARTWORK_DIMENSIONS',
        say('image.dimensions', {
          file: fileName,
          width,
          height,
          min: CUSTOM_ARTWORK_MIN_PIXELS,
          max: CUSTOM_ARTWORK_MAX_PIXELS,
        }),
      );
    }
  }
  return { format: 'png', width, height };
}

function checkSvg(bytes: Uint8Array, fileName: string): CustomArtworkInfo {
  const { root, text } = checkSvgSafety(bytes, fileName, ARTWORK);
  try {
    createSvgBaker(text);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message.replace(/\.$/, '') : 'it cannot be baked';
    throw invalidSvg(ARTWORK, fileName, detail, cause);
  }
  const size = svgSize(root);
  if (size === undefined) {
    throw new InsigneError('ERR_ARTWORK_DIMENSIONS', say('image.noSize', { file: fileName }));
  }
  return { format: 'svg', ...size };
}

function invalidSvg(subject: Subject, fileName: string, detail: string, cause?: unknown): InsigneError {
  return new InsigneError(
    'ERR_ARTWORK_INVALID_SVG',
    say('image.invalidSvg', { subject: named(subject), file: fileName, detail }),
    cause === undefined ? undefined : { cause },
  );
}

/** UTF-8 XML with an `<svg>` root in the SVG namespace, without active content or external references. */
function checkSvgSafety(
  bytes: Uint8Array,
  fileName: string,
  subject: Subject,
): { readonly root: Element; readonly text: string } {
  const invalid = (detail: string, cause?: unknown) => invalidSvg(subject, fileName, detail, cause);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw invalid('it is not UTF-8 text', cause);
  }
  const problems: string[] = [];
  let root: Element | null;
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') problems.push(message);
      },
    }).parseFromString(text, 'text/xml');
    root = doc.documentElement;
  } catch (cause) {
    throw invalid(cause instanceof Error ? firstLine(cause.message) : 'the XML does not parse', cause);
  }
  if (problems.length > 0) throw invalid(firstLine(problems[0] as string));
  if (root === null || root.localName !== 'svg' || root.namespaceURI !== SVG_NAMESPACE) {
    throw invalid('the root element is not <svg xmlns="http://www.w3.org/2000/svg">');
  }
  checkSvgContent(root, fileName, subject);
  return { root, text };
}

/** Refuses active content and references to anything outside the file. */
function checkSvgContent(root: Element, fileName: string, subject: Subject): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    const name = element.localName ?? element.nodeName;
    if (name === 'script' || name === 'foreignObject') {
      throw new InsigneError(
        'ERR_ARTWORK_SVG_SCRIPT',
        say('image.svgScript', {
          subject: named(subject),
          file: fileName,
          element: name,
          plural: namedPlural(subject),
        }),
      );
    }
    for (let i = 0; i < element.attributes.length; i++) {
      const attribute = element.attributes.item(i);
      if (attribute === null) continue;
      const attributeName = attribute.localName ?? attribute.name;
      const value = attribute.value.trim();
      if (/^on/i.test(attributeName) || /^\s*javascript:/i.test(value)) {
        throw new InsigneError(
          'ERR_ARTWORK_SVG_SCRIPT',
          say('image.svgScriptAttribute', {
            subject: named(subject),
            file: fileName,
            attribute: attribute.name,
            element: name,
          }),
        );
      }
      const isLink =
        attributeName === 'href' &&
        (attribute.namespaceURI === null || attribute.namespaceURI === XLINK_NAMESPACE);
      if ((isLink && !/^(#|data:)/i.test(value)) || hasExternalUrl(value)) {
        throw externalReference(subject, fileName, name, value);
      }
    }
    if (name === 'style' && hasExternalUrl(element.textContent ?? '')) {
      throw externalReference(subject, fileName, name, element.textContent ?? '');
    }
    for (let c = element.firstChild; c !== null; c = c.nextSibling) stack.push(c);
  }
}

function hasExternalUrl(css: string): boolean {
  return /url\(\s*['"]?\s*(?!#|data:)[^'")\s]/i.test(css) || /@import/i.test(css);
}

function externalReference(subject: Subject, fileName: string, element: string, value: string): InsigneError {
  return new InsigneError(
    'ERR_ARTWORK_SVG_EXTERNAL_REFERENCE',
    say('image.external', {
      subject: named(subject),
      file: fileName,
      value: value.slice(0, 80),
      element,
      plural: namedPlural(subject),
    }),
  );
}

function svgSize(root: Element): { width: number; height: number } | undefined {
  const viewBox = root
    .getAttribute('viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (viewBox?.length === 4 && viewBox.every(Number.isFinite)) {
    const [, , width, height] = viewBox as [number, number, number, number];
    if (width > 0 && height > 0) return { width, height };
  }
  const length = (value: string | null) => {
    const match = /^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$/.exec(value ?? '');
    return match === null ? undefined : Number(match[1]);
  };
  const width = length(root.getAttribute('width'));
  const height = length(root.getAttribute('height'));
  return width !== undefined && height !== undefined && width > 0 && height > 0
    ? { width, height }
    : undefined;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/\.$/, '');
}

function formatKiB(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KiB`;
}
