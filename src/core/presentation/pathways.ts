/**
 * Milestones on the badge pages: the required badges a milestone's page lists, and the milestones a
 * badge's page says it leads to, each named in the page's language when the badge has an edition in it.
 */
import { requiredBadgeName } from '../credentials/criteria.ts';
import type { Badge, Language, Model, RequiredBadge } from '../model/types.ts';

/** A required badge's name on a page in `ui`, and its `lang` when that is not the page's (WCAG SC 3.1.2). */
export function requiredBadgeText(part: RequiredBadge, ui: Language): { name: string; lang?: Language } {
  const name = requiredBadgeName(part, ui);
  const language = part.edition?.language === ui ? ui : part.language;
  return { name, ...(language === ui ? {} : { lang: language }) };
}

// One index per model: every badge page asks, and a walk of every badge for each would be quadratic.
const indexes = new WeakMap<Model, ReadonlyMap<string, readonly Badge[]>>();

/** The milestones that list `slug` among their required badges, by slug. */
export function milestonesLeadingTo(model: Model, slug: string): readonly Badge[] {
  let index = indexes.get(model);
  if (!index) {
    const built = new Map<string, Badge[]>();
    const milestones = [...model.badges.values()]
      .filter((badge) => badge.requires)
      .sort((a, b) => a.slug.localeCompare(b.slug));
    for (const milestone of milestones) {
      for (const part of milestone.requires?.badges ?? []) {
        const list = built.get(part.slug);
        if (list) list.push(milestone);
        else built.set(part.slug, [milestone]);
      }
    }
    index = built;
    indexes.set(model, index);
  }
  return index.get(slug) ?? [];
}
