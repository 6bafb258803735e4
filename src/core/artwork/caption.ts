/**
 * Text alternatives for artwork (WCAG 2.2 SC 1.1.1): what the image says, in the page's language. An
 * administrator's own `imageAlt` always wins; otherwise the caption repeats the text drawn on the artwork.
 */
import type { Badge, Language } from '../model/types.ts';

const NBSP = '\u00a0';

/** Alt text or caption of a badge's artwork, in French or English. */
export function artworkCaption(
  badge: Pick<Badge, 'name' | 'artwork' | 'imageAlt'>,
  issuerName: string,
  language: Language,
): string {
  if (badge.imageAlt !== undefined && badge.imageAlt.trim() !== '') return badge.imageAlt.trim();
  const details = [
    badge.artwork.level,
    badge.artwork.year === undefined ? undefined : String(badge.artwork.year),
  ]
    .filter((d): d is string => d !== undefined && d.trim() !== '')
    .map((d) => `, ${d.trim()}`)
    .join('');
  const issuer = issuerName.trim();
  if (language === 'fr') {
    const from = issuer === '' ? '' : `, délivré par ${issuer}`;
    return `Badge «${NBSP}${badge.name.trim()}${NBSP}»${details}${from}.`;
  }
  const from = issuer === '' ? '' : `, issued by ${issuer}`;
  return `Badge “${badge.name.trim()}”${details}${from}.`;
}
