/**
 * Designed artwork (DESIGN §2 "artwork"): from a badge's ArtworkDesign, the element tree of a square badge
 * image, laid out here so that nothing depends on the renderer's own wrapping. Top to bottom inside the
 * shape: the issuer's name, the icon, the badge name (wrapped, then shrunk, never overflowing), and a
 * ribbon with the level and year. All geometry is in 400 design units and scaled to the output size.
 */
import type { Badge, BadgeShape } from '../model/types.ts';
import { type ArtworkNode, div, img, svgDataUri } from './element.ts';
import { type IssuerFamily, issuerFamily } from './family.ts';
import { DEFAULT_ICON, type IconSet, iconSvg, resolveIcon } from './icons.ts';
import { type ResolvedPalette, resolvePalette } from './palettes.ts';
import {
  type Box,
  CONTENT_INSET,
  centredBox,
  DESIGN_SIZE,
  pathData,
  RIM,
  RING_INSET,
  SHAPE_BANDS,
  shapeOutline,
} from './shapes.ts';
import { type FitOptions, type FittedText, type FontMetrics, fitText } from './text.ts';

/**
 * Bump when the template changes in a way the element tree does not show (the renderers' cache keys also
 * hash the element tree itself, so most changes invalidate cached images on their own).
 */
export const ARTWORK_TEMPLATE_VERSION = 1;

/** The font family name the element tree asks for; the shell registers the font under this name. */
export const ARTWORK_FONT_FAMILY = 'Inter';
export const ARTWORK_FONT_WEIGHTS = [600, 800] as const;
export type ArtworkFontWeight = (typeof ARTWORK_FONT_WEIGHTS)[number];

/** What the layout needs from the outside world, loaded once by the shell. */
export interface ArtworkAssets {
  readonly metrics: Readonly<Record<ArtworkFontWeight, FontMetrics>>;
  readonly icons: IconSet;
}

/** A piece of text placed in a box (design units). */
export interface PlacedText {
  readonly box: Box;
  readonly fit: FittedText;
}

export interface ArtworkLayout {
  /** Output size in pixels. */
  readonly size: number;
  readonly shape: BadgeShape;
  readonly palette: ResolvedPalette;
  readonly family: IssuerFamily;
  readonly icon: { readonly name: string; readonly box: Box };
  readonly name: PlacedText;
  readonly issuer?: PlacedText;
  readonly ribbon?: PlacedText;
}

export interface DesignedArtwork {
  readonly layout: ArtworkLayout;
  readonly element: ArtworkNode;
}

/** Default output size: square, as both specifications recommend for badge images. */
export const ARTWORK_SIZE = 400;

/** Text style of each slot, in design units. */
const TEXT_STYLES = {
  name: { weight: 800, maxFontSize: 44, minFontSize: 14, lineHeight: 1.12, maxLines: 4 },
  issuer: { weight: 600, maxFontSize: 17, minFontSize: 10, lineHeight: 1.15, maxLines: 2 },
  ribbon: { weight: 800, maxFontSize: 20, minFontSize: 11, lineHeight: 1.1, maxLines: 1 },
} as const;

/** Text is fitted a little narrower than its box, for shaping differences between measure and renderer. */
const WIDTH_SAFETY = 0.97;

/** Lays out and builds the artwork of a badge. */
export function designArtwork(
  badge: Pick<Badge, 'name' | 'artwork'>,
  issuerName: string,
  assets: ArtworkAssets,
  size: number = ARTWORK_SIZE,
): DesignedArtwork {
  const layout = layoutArtwork(badge, issuerName, assets, size);
  return { layout, element: artworkElement(layout, assets) };
}

/** Decides palette, icon, boxes, line breaks and font sizes. */
export function layoutArtwork(
  badge: Pick<Badge, 'name' | 'artwork'>,
  issuerName: string,
  assets: ArtworkAssets,
  size: number = ARTWORK_SIZE,
): ArtworkLayout {
  const design = badge.artwork;
  const palette = resolvePalette(design.palette);
  const icon = resolveIcon(assets.icons, design.icon ?? DEFAULT_ICON);
  const content = shapeOutline(design.shape, CONTENT_INSET);
  const bands = SHAPE_BANDS[design.shape];
  const ribbonText = [design.level, design.year === undefined ? undefined : String(design.year)]
    .filter((part): part is string => part !== undefined && part !== '')
    .join(' · ');
  const showIssuer = design.showIssuer && issuerName.trim() !== '';

  // Without an issuer line the icon moves up into its band; without a ribbon the name takes its band.
  const iconTop = showIssuer ? bands.icon[0] : bands.issuer[0] + 8;
  const iconSize = bands.icon[1] - iconTop;
  const nameBottom = ribbonText === '' ? bands.ribbon[1] - 6 : bands.name[1];

  const place = (
    text: string,
    style: (typeof TEXT_STYLES)[keyof typeof TEXT_STYLES],
    box: Box,
  ): PlacedText => ({
    box,
    fit: fitText(text, fitOptions(style, box, assets.metrics[style.weight])),
  });
  const side = Math.min(iconSize, centredBox(content, iconTop, iconTop + iconSize).width);
  const iconBox = {
    x: (DESIGN_SIZE - side) / 2,
    y: iconTop + (iconSize - side) / 2,
    width: side,
    height: side,
  };
  return {
    size,
    shape: design.shape,
    palette,
    family: issuerFamily(issuerName),
    icon: { name: icon.name, box: iconBox },
    name: place(badge.name, TEXT_STYLES.name, centredBox(content, bands.name[0], nameBottom)),
    ...(showIssuer
      ? {
          issuer: place(
            issuerName,
            TEXT_STYLES.issuer,
            centredBox(content, bands.issuer[0], bands.issuer[1]),
          ),
        }
      : {}),
    ...(ribbonText === ''
      ? {}
      : {
          ribbon: place(
            ribbonText,
            TEXT_STYLES.ribbon,
            centredBox(content, bands.ribbon[0], bands.ribbon[1]),
          ),
        }),
  };
}

function fitOptions(
  style: (typeof TEXT_STYLES)[keyof typeof TEXT_STYLES],
  box: Box,
  metrics: FontMetrics,
): FitOptions {
  return {
    metrics,
    width: box.width * WIDTH_SAFETY,
    height: box.height,
    maxFontSize: style.maxFontSize,
    minFontSize: style.minFontSize,
    lineHeight: style.lineHeight,
    maxLines: style.maxLines,
  };
}

/** Builds the element tree of a laid-out artwork. */
export function artworkElement(layout: ArtworkLayout, assets: ArtworkAssets): ArtworkNode {
  const k = layout.size / DESIGN_SIZE;
  const { palette } = layout;
  const icon = resolveIcon(assets.icons, layout.icon.name);
  const iconBox = layout.icon.box;
  const children: ArtworkNode[] = [
    img(svgDataUri(backdropSvg(layout)), layout.size, layout.size, { position: 'absolute', left: 0, top: 0 }),
    img(svgDataUri(iconSvg(icon, palette.text)), iconBox.width * k, iconBox.height * k, {
      position: 'absolute',
      left: iconBox.x * k,
      top: iconBox.y * k,
    }),
    textBlock(layout.name, TEXT_STYLES.name.weight, palette.text, k),
  ];
  if (layout.issuer !== undefined)
    children.push(textBlock(layout.issuer, TEXT_STYLES.issuer.weight, palette.text, k));
  if (layout.ribbon !== undefined) {
    children.push(textBlock(layout.ribbon, TEXT_STYLES.ribbon.weight, palette.ribbonText, k));
  }
  return div({ display: 'flex', position: 'relative', width: layout.size, height: layout.size }, children);
}

/** A block of fixed lines, centred in its box; `pre` keeps the renderer from re-wrapping them. */
export function textBlock(placed: PlacedText, weight: number, color: string, k: number): ArtworkNode {
  const { box, fit } = placed;
  return div(
    {
      position: 'absolute',
      left: box.x * k,
      top: box.y * k,
      width: box.width * k,
      height: box.height * k,
      display: 'flex',
      flexDirection: 'column',
      alignItems: 'center',
      justifyContent: 'center',
      fontFamily: ARTWORK_FONT_FAMILY,
      fontWeight: weight,
      fontSize: fit.fontSize * k,
      lineHeight: `${fit.lineHeight * k}px`,
      color,
    },
    fit.lines.map((line) => div({ display: 'flex', flexShrink: 0, whiteSpace: 'pre' }, line.text)),
  );
}

/** The shape itself as one SVG document in design units: rim, fill, the issuer's ring, the ribbon band. */
function backdropSvg(layout: ArtworkLayout): string {
  const { palette, family, shape } = layout;
  const base = pathData(shapeOutline(shape, RIM));
  const ribbon =
    layout.ribbon === undefined
      ? ''
      : `<clipPath id="b"><path d="${base}"/></clipPath><rect x="0" y="${layout.ribbon.box.y - 3}" width="${DESIGN_SIZE}" height="${layout.ribbon.box.height + 6}" fill="${palette.accent}" clip-path="url(#b)"/>`;
  const dash = family.ringDash === 'none' ? '' : ` stroke-dasharray="${family.ringDash}"`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.size}" height="${layout.size}" viewBox="0 0 ${DESIGN_SIZE} ${DESIGN_SIZE}">` +
    `<path d="${pathData(shapeOutline(shape))}" fill="${palette.rim}"/>` +
    `<path d="${base}" fill="${palette.base}"/>` +
    `<path d="${pathData(shapeOutline(shape, RING_INSET))}" fill="none" stroke="${palette.line}" stroke-width="${family.ringWidth}" stroke-linecap="round"${dash}/>` +
    `${ribbon}</svg>`
  );
}
