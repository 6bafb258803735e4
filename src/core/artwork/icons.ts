/**
 * Icons by name from an Iconify JSON icon set (the shell passes Lucide's). An unknown name is a coded
 * error, and a content problem, that proposes icons found by the same word search as `badges icons`
 * (icon-search.ts), so "bicycle" proposes `bike` and a typo is a one-line fix.
 */
import { InsigneError } from '../errors.ts';
import { type Message, say } from '../messages/catalogue.ts';
import { type IconIndex, iconIndex, searchIcons } from './icon-search.ts';

/** The part of the Iconify JSON format we read (https://iconify.design/docs/types/iconify-json.html). */
export interface IconSet {
  readonly prefix: string;
  readonly icons: Readonly<
    Record<string, { readonly body: string; readonly width?: number; readonly height?: number }>
  >;
  readonly aliases?: Readonly<Record<string, { readonly parent: string }>>;
  readonly width?: number;
  readonly height?: number;
}

/** Drawn when a badge names no icon. */
export const DEFAULT_ICON = 'award';

export interface ResolvedIcon {
  readonly name: string;
  readonly body: string;
  readonly width: number;
  readonly height: number;
}

/** Looks an icon up by name or alias. */
export function resolveIcon(set: IconSet, name: string): ResolvedIcon {
  let target = name;
  for (let hops = 0; hops < 8 && set.icons[target] === undefined; hops++) {
    const alias = set.aliases?.[target];
    if (alias === undefined) break;
    target = alias.parent;
  }
  const icon = set.icons[target];
  if (icon === undefined) {
    const close = suggestIcons(indexOfSet(set), name);
    throw new InsigneError(
      'ERR_ARTWORK_UNKNOWN_ICON',
      say('icons.unknown', {
        name,
        set: set.prefix,
        guess: close.length === 0 ? '' : say('icons.unknown.didYouMean', { names: quoteList(close) }),
      }),
    );
  }
  return {
    name,
    body: icon.body,
    width: icon.width ?? set.width ?? 16,
    height: icon.height ?? set.height ?? 16,
  };
}

/** A standalone SVG document of the icon, with `currentColor` replaced by `color`. */
export function iconSvg(icon: ResolvedIcon, color: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${icon.width}" height="${icon.height}" viewBox="0 0 ${icon.width} ${icon.height}">${icon.body.replaceAll('currentColor', color)}</svg>`;
}

/** How an administrator finds an icon; ends every unknown-icon message. */
export const FIND_ICONS =
  'Find icons by French or English word with `npm run badges -- icons <word>`, or browse https://lucide.dev/icons.';

/**
 * Up to `count` icons to propose instead of an unknown name: the best matches of the word search (tags,
 * French words, then spelling), never the unknown name itself.
 */
export function suggestIcons(index: IconIndex, wanted: string, count = 5): string[] {
  return searchIcons(index, wanted)
    .matches.map((m) => m.name)
    .filter((n) => n !== wanted)
    .slice(0, count);
}

/**
 * The hint of a badge file whose `artwork.icon` names no icon, given every drawable name (aliases
 * included) as the content check knows them: the proposals of `suggestIcons`, then how to search.
 */
export function unknownIconHint(wanted: string, iconNames: ReadonlySet<string>): Message {
  const close = suggestIcons(indexOfNames(iconNames), wanted);
  return say('design.icon.hint', {
    guess:
      close.length === 0
        ? ''
        : say('design.icon.didYouMean', { names: close.map((name) => say('quoted', { name })) }),
  });
}

const setIndexes = new WeakMap<IconSet, IconIndex>();
const nameIndexes = new WeakMap<ReadonlySet<string>, IconIndex>();

/** The search index of an icon set, built once per set. */
export function indexOfSet(set: IconSet): IconIndex {
  let index = setIndexes.get(set);
  if (index === undefined) {
    index = iconIndex(Object.keys(set.icons), set.aliases ?? {});
    setIndexes.set(set, index);
  }
  return index;
}

function indexOfNames(names: ReadonlySet<string>): IconIndex {
  let index = nameIndexes.get(names);
  if (index === undefined) {
    index = iconIndex(names);
    nameIndexes.set(names, index);
  }
  return index;
}

function quoteList(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}
