/**
 * Icons by name from an Iconify JSON icon set (the shell passes Lucide's). An unknown name is a coded
 * error that lists the closest names, so a typo in a badge file is a one-line fix.
 */
import { editDistance } from '../content/problems.ts';
import { InsigneError } from '../errors.ts';

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
    const names = [...Object.keys(set.icons), ...Object.keys(set.aliases ?? {})];
    const close = closestNames(name, names);
    const hint = close.length === 0 ? '' : ` Did you mean ${close.map((n) => `"${n}"`).join(', ')}?`;
    throw new InsigneError(
      'ERR_ARTWORK_UNKNOWN_ICON',
      `No icon "${name}" in the ${set.prefix} icon set.${hint} Icon names are listed at https://lucide.dev/icons.`,
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

/**
 * Up to `count` names closest to `name`: names containing it (or contained in it) first, then by edit
 * distance; only names within a distance of a third of the longer name are proposed.
 */
export function closestNames(name: string, names: readonly string[], count = 5): string[] {
  const scored = names.map((candidate) => {
    const distance = editDistance(name, candidate);
    const contains = candidate.includes(name) || (candidate.length >= 3 && name.includes(candidate));
    return { candidate, distance, contains };
  });
  return scored
    .filter(
      (s) =>
        s.contains || s.distance <= Math.max(2, Math.floor(Math.max(name.length, s.candidate.length) / 3)),
    )
    .sort(
      (a, b) =>
        Number(b.contains) - Number(a.contains) ||
        a.distance - b.distance ||
        (a.candidate < b.candidate ? -1 : 1),
    )
    .slice(0, count)
    .map((s) => s.candidate);
}
