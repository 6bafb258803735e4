/**
 * The Open Graph card of a badge (1200×630, the size link previews expect): the artwork on the left, the
 * badge name and the issuer's name on the right. Text colours are checked for contrast like the palettes'.
 */
import type { Badge, Language } from '../model/types.ts';
import {
  ARTWORK_FONT_FAMILY,
  type ArtworkAssets,
  artworkElement,
  layoutArtwork,
  type PlacedText,
  textBlock,
} from './design.ts';
import { type ArtworkNode, div, img } from './element.ts';
import { contrastRatio, MIN_TEXT_CONTRAST, pickTextColor, resolvePalette } from './palettes.ts';
import type { Box } from './shapes.ts';
import { fitText } from './text.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** Artwork drawn on the card: the designed one, or a custom image (a data URI). */
export type CardArtwork = { readonly kind: 'design' } | { readonly kind: 'image'; readonly src: string };

export interface CardLayout {
  readonly label: string;
  readonly name: PlacedText;
  readonly issuer: PlacedText;
  readonly colors: {
    readonly background: string;
    readonly name: string;
    readonly issuer: string;
    readonly label: string;
  };
}

export interface DesignedCard {
  readonly layout: CardLayout;
  readonly element: ArtworkNode;
}

const BACKGROUND = '#ffffff';
const PANEL = '#f1f5f9';
const NAME_COLOR = '#0f172a';
const ISSUER_COLOR = '#334155';
const ARTWORK_SIZE_ON_CARD = 500;
const TEXT_LEFT = 680;
const TEXT_WIDTH = 460;
const NAME_BOX: Box = { x: TEXT_LEFT, y: 150, width: TEXT_WIDTH, height: 280 };
const ISSUER_BOX: Box = { x: TEXT_LEFT, y: 450, width: TEXT_WIDTH, height: 90 };
const LABEL_BOX: Box = { x: TEXT_LEFT, y: 90, width: TEXT_WIDTH, height: 40 };

const LABELS: Readonly<Record<Language, string>> = { en: 'Verifiable badge', fr: 'Badge vérifiable' };

/** Lays out and builds the Open Graph card of a badge. */
export function designCard(
  badge: Pick<Badge, 'name' | 'artwork'>,
  issuerName: string,
  assets: ArtworkAssets,
  options: { readonly language: Language; readonly artwork?: CardArtwork },
): DesignedCard {
  const palette = resolvePalette(badge.artwork.palette);
  const labelColor =
    contrastRatio(palette.base, BACKGROUND) >= MIN_TEXT_CONTRAST
      ? palette.base
      : pickTextColor(BACKGROUND).color;
  const name = fitText(badge.name, {
    metrics: assets.metrics[800],
    width: NAME_BOX.width * 0.97,
    height: NAME_BOX.height,
    maxFontSize: 64,
    minFontSize: 28,
    lineHeight: 1.1,
    maxLines: 4,
  });
  const issuer = fitText(issuerName, {
    metrics: assets.metrics[600],
    width: ISSUER_BOX.width * 0.97,
    height: ISSUER_BOX.height,
    maxFontSize: 32,
    minFontSize: 18,
    lineHeight: 1.2,
    maxLines: 2,
  });
  const label = fitText(LABELS[options.language], {
    metrics: assets.metrics[600],
    width: LABEL_BOX.width,
    height: LABEL_BOX.height,
    maxFontSize: 26,
    minFontSize: 16,
    lineHeight: 1.2,
    maxLines: 1,
  });
  const layout: CardLayout = {
    label: LABELS[options.language],
    name: { box: NAME_BOX, fit: name },
    issuer: { box: ISSUER_BOX, fit: issuer },
    colors: { background: BACKGROUND, name: NAME_COLOR, issuer: ISSUER_COLOR, label: labelColor },
  };
  const offset = (CARD_HEIGHT - ARTWORK_SIZE_ON_CARD) / 2;
  const artwork =
    options.artwork?.kind === 'image'
      ? img(options.artwork.src, ARTWORK_SIZE_ON_CARD, ARTWORK_SIZE_ON_CARD)
      : artworkElement(layoutArtwork(badge, issuerName, assets, ARTWORK_SIZE_ON_CARD), assets);
  const leftText = (placed: PlacedText, weight: number, color: string) => {
    const block = textBlock(placed, weight, color, 1);
    return div({ ...block.props.style, alignItems: 'flex-start' }, block.props.children);
  };
  const element = div(
    {
      display: 'flex',
      position: 'relative',
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      backgroundColor: BACKGROUND,
      fontFamily: ARTWORK_FONT_FAMILY,
    },
    [
      div({
        position: 'absolute',
        left: 0,
        top: 0,
        width: CARD_HEIGHT,
        height: CARD_HEIGHT,
        backgroundColor: PANEL,
      }),
      div(
        {
          position: 'absolute',
          left: offset,
          top: offset,
          width: ARTWORK_SIZE_ON_CARD,
          height: ARTWORK_SIZE_ON_CARD,
          display: 'flex',
        },
        [artwork],
      ),
      leftText({ box: LABEL_BOX, fit: label }, 600, labelColor),
      leftText(layout.name, 800, NAME_COLOR),
      leftText(layout.issuer, 600, ISSUER_COLOR),
      div({
        position: 'absolute',
        left: 0,
        top: CARD_HEIGHT - 14,
        width: CARD_WIDTH,
        height: 14,
        backgroundColor: palette.base,
      }),
    ],
  );
  return { layout, element };
}
