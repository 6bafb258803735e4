import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { validateCustomArtwork } from '../../../src/core/artwork/custom.ts';
import { InsigneError } from '../../../src/core/errors.ts';

function png(width: number, height: number): Uint8Array {
  const image = new PNG({ width, height });
  image.data.fill(200);
  return new Uint8Array(PNG.sync.write(image));
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const svg = (inner = '<circle cx="50" cy="50" r="40"/>', attributes = 'viewBox="0 0 100 100"') =>
  utf8(
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${attributes}>${inner}</svg>`,
  );

function failure(bytes: Uint8Array, fileName: string): { code: string; message: string } {
  try {
    validateCustomArtwork(bytes, fileName);
  } catch (error) {
    if (error instanceof InsigneError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected an InsigneError');
}

describe('validateCustomArtwork: PNG', () => {
  it('accepts a square PNG of a sensible size', () => {
    expect(validateCustomArtwork(png(256, 256), 'robot.png')).toEqual({
      format: 'png',
      width: 256,
      height: 256,
    });
    expect(validateCustomArtwork(png(512, 480), 'robot.PNG')).toEqual({
      format: 'png',
      width: 512,
      height: 480,
    });
  });

  it('refuses a PNG that is too small or too large', () => {
    expect(failure(png(64, 64), 'tiny.png')).toEqual({
      code: 'ERR_ARTWORK_DIMENSIONS',
      message:
        'Artwork "tiny.png" is 64×64 pixels; each side must be between 128 and 2048 pixels. Resize it (512×512 works well).',
    });
    expect(failure(png(2100, 2100), 'huge.png').code).toBe('ERR_ARTWORK_DIMENSIONS');
  });

  it('refuses a PNG that is far from square', () => {
    expect(failure(png(400, 200), 'wide.png')).toEqual({
      code: 'ERR_ARTWORK_NOT_SQUARE',
      message:
        'Artwork "wide.png" is 400×200; badge images must be roughly square (width ÷ height between 0.9 and 1.1). Crop or pad it to a square.',
    });
  });

  it('refuses a file over 1 MiB', () => {
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(png(256, 256));
    expect(failure(big, 'big.png')).toEqual({
      code: 'ERR_ARTWORK_TOO_LARGE',
      message:
        'Artwork "big.png" is 1025 KiB; the limit is 1024 KiB, because it is copied into every award. Export it smaller (a 512-pixel PNG is plenty).',
    });
  });

  it('refuses a damaged PNG, saying what is wrong', () => {
    const damaged = png(256, 256);
    damaged[45] = (damaged[45] as number) ^ 0xff;
    const { code, message } = failure(damaged, 'broken.png');
    expect(code).toBe('ERR_ARTWORK_INVALID_PNG');
    expect(message).toMatch(
      /^Artwork "broken\.png" is not a valid PNG: PNG is corrupt: chunk "IDAT" at byte 33 has CRC/,
    );
  });

  it('refuses a file whose content does not match its name', () => {
    expect(failure(svg(), 'logo.png')).toEqual({
      code: 'ERR_ARTWORK_TYPE_MISMATCH',
      message: 'Artwork "logo.png" is an SVG file with a .png name. Rename it to .svg.',
    });
    expect(failure(png(256, 256), 'logo.svg').code).toBe('ERR_ARTWORK_TYPE_MISMATCH');
    expect(failure(utf8('GIF89a...'), 'logo.png').code).toBe('ERR_ARTWORK_INVALID_PNG');
  });

  it('refuses other formats', () => {
    expect(failure(utf8('JFIF'), 'photo.jpg')).toEqual({
      code: 'ERR_ARTWORK_UNSUPPORTED_TYPE',
      message:
        'Artwork "photo.jpg" must be a .png or .svg file. Convert it to PNG (square, 128 to 2048 pixels) or SVG.',
    });
  });
});

describe('validateCustomArtwork: SVG', () => {
  it('accepts a plain square SVG, sized by viewBox or by width and height', () => {
    expect(validateCustomArtwork(svg(), 'logo.svg')).toEqual({ format: 'svg', width: 100, height: 100 });
    expect(
      validateCustomArtwork(svg('<rect width="10" height="10"/>', 'width="300px" height="290"'), 'logo.svg'),
    ).toEqual({
      format: 'svg',
      width: 300,
      height: 290,
    });
    const inner =
      '<defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="9" height="9"/><use xlink:href="#g"/><image href="data:image/png;base64,AA"/>';
    expect(validateCustomArtwork(svg(inner), 'logo.svg').format).toBe('svg');
  });

  it('refuses scripts, event handlers and embedded HTML', () => {
    expect(failure(svg('<script>alert(1)</script>'), 'a.svg')).toEqual({
      code: 'ERR_ARTWORK_SVG_SCRIPT',
      message:
        'Artwork "a.svg" contains a <script> element. Badge images must not carry scripts or embedded HTML: remove it.',
    });
    expect(failure(svg('<circle onclick="alert(1)" r="4"/>'), 'a.svg')).toEqual({
      code: 'ERR_ARTWORK_SVG_SCRIPT',
      message: 'Artwork "a.svg" has a script in the onclick attribute of <circle>. Remove it.',
    });
    expect(failure(svg('<a href="javascript:alert(1)"><circle r="4"/></a>'), 'a.svg').code).toBe(
      'ERR_ARTWORK_SVG_SCRIPT',
    );
    expect(
      failure(svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"/></foreignObject>'), 'a.svg')
        .code,
    ).toBe('ERR_ARTWORK_SVG_SCRIPT');
  });

  it('refuses references to anything outside the file', () => {
    expect(
      failure(svg('<image href="https://tracker.example/pixel.png" width="1" height="1"/>'), 'a.svg'),
    ).toEqual({
      code: 'ERR_ARTWORK_SVG_EXTERNAL_REFERENCE',
      message:
        'Artwork "a.svg" refers to "https://tracker.example/pixel.png" from <image>. Badge images must be self-contained: embed the resource or remove the reference.',
    });
    expect(failure(svg('<use xlink:href="other.svg#icon"/>'), 'a.svg').code).toBe(
      'ERR_ARTWORK_SVG_EXTERNAL_REFERENCE',
    );
    expect(failure(svg('<style>@import url(https://fonts.example/x.css);</style>'), 'a.svg').code).toBe(
      'ERR_ARTWORK_SVG_EXTERNAL_REFERENCE',
    );
    expect(
      failure(svg('<rect style="fill: url(https://x.example/p)" width="1" height="1"/>'), 'a.svg').code,
    ).toBe('ERR_ARTWORK_SVG_EXTERNAL_REFERENCE');
  });

  it('refuses malformed XML, another root element, a missing size and a non-square drawing', () => {
    const malformed = failure(
      utf8('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><g></svg>'),
      'a.svg',
    );
    expect(malformed.code).toBe('ERR_ARTWORK_INVALID_SVG');
    expect(malformed.message).toMatch(
      /^Artwork "a\.svg" is not a valid SVG: .+\. Re-export it as plain SVG\.$/,
    );
    expect(failure(utf8('<svg viewBox="0 0 1 1"/>'), 'a.svg')).toEqual({
      code: 'ERR_ARTWORK_INVALID_SVG',
      message:
        'Artwork "a.svg" is not a valid SVG: the root element is not <svg xmlns="http://www.w3.org/2000/svg">. Re-export it as plain SVG.',
    });
    expect(failure(svg('<g/>', 'width="100%"'), 'a.svg')).toEqual({
      code: 'ERR_ARTWORK_DIMENSIONS',
      message:
        'Artwork "a.svg" declares no size: give the <svg> element a viewBox (for example viewBox="0 0 512 512").',
    });
    expect(failure(svg('<g/>', 'viewBox="0 0 300 100"'), 'a.svg').code).toBe('ERR_ARTWORK_NOT_SQUARE');
  });

  it('refuses an SVG that could not be baked (its <svg> too far into the file)', () => {
    const doctype = `<!DOCTYPE svg [${'<!ENTITY e "x">'.repeat(20)}]>\n`;
    const bytes = utf8(`${doctype}<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>`);
    const { code, message } = failure(bytes, 'a.svg');
    expect(code).toBe('ERR_ARTWORK_INVALID_SVG');
    expect(message).toContain('Export the SVG without a DOCTYPE');
  });
});
