/**
 * The element tree handed to the renderer (satori's React-like `{type, props}` objects), built from plain
 * values so the core needs neither React nor JSX. Only what artwork uses is typed.
 */

export interface ArtworkNode {
  readonly type: 'div' | 'img';
  readonly props: {
    readonly style?: Readonly<Record<string, string | number>>;
    readonly children?: string | readonly ArtworkNode[];
    readonly src?: string;
    readonly width?: number;
    readonly height?: number;
  };
}

/** A `div` with a style and children. */
export function div(
  style: Readonly<Record<string, string | number>>,
  children?: string | readonly ArtworkNode[],
): ArtworkNode {
  return { type: 'div', props: children === undefined ? { style } : { style, children } };
}

/** An image at a fixed size (the renderer needs the size up front). */
export function img(
  src: string,
  width: number,
  height: number,
  style: Readonly<Record<string, string | number>> = {},
): ArtworkNode {
  return { type: 'img', props: { src, width, height, style } };
}

/** A `data:` URI for an SVG document (base64, so any character is safe). */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${base64(new TextEncoder().encode(svg))}`;
}

/** A `data:` URI for image bytes. */
export function imageDataUri(bytes: Uint8Array, mime: 'image/png' | 'image/svg+xml'): string {
  return `data:${mime};base64,${base64(bytes)}`;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
