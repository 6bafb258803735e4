/**
 * Which texts of a badge a page in a given interface language shows: the badge's edition in that language
 * when it has one, else its own texts, with the language to mark them in (WCAG SC 3.1.2) when it is not
 * the page's.
 */
import type { Badge, BadgeEdition, Language } from '../model/types.ts';

export interface BadgeTexts {
  readonly name: string;
  readonly description: string;
  /** The edition shown, whose criteria replace the badge's own. */
  readonly edition?: BadgeEdition;
  /** The `lang` of the texts when it differs from the page's, else undefined. */
  readonly lang?: Language;
}

export function badgeTextsIn(
  badge: Pick<Badge, 'name' | 'description' | 'language' | 'edition'>,
  ui: Language,
): BadgeTexts {
  const edition = badge.edition?.language === ui ? badge.edition : undefined;
  if (edition) return { name: edition.name, description: edition.description, edition };
  return {
    name: badge.name,
    description: badge.description,
    ...(badge.language === ui ? {} : { lang: badge.language }),
  };
}
