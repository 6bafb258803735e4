/**
 * The criteria narrative a badge publishes (OB 3.0 Criteria.narrative, OB 2.0 Criteria narrative, both
 * Markdown): the badge's own text and, for a milestone, a sentence and a list of its required badges,
 * each a link to its page in the narrative's language. A milestone's parts are also listed as OB 3.0
 * Alignments of target type `ceterms:Credential` (OB 3.0 §AlignmentTargetType: "an alignment to a
 * credential"), whose target URL is the part's Achievement id, so software can match them with the
 * achievements a wallet holds.
 */
import { pageIn, requirementSentence } from '../i18n.ts';
import type { Badge, Language, RequiredBadge } from '../model/types.ts';
import { type SiteUrls, sitePaths } from '../urls.ts';
import type { Alignment } from './ob3/types.ts';

/** A required badge's name in a language: its edition's when it has one in that language. */
export function requiredBadgeName(part: RequiredBadge, language: Language): string {
  return part.edition?.language === language ? part.edition.name : part.name;
}

/** A required badge's page in an interface language, as a site path. */
export function requiredBadgePage(part: RequiredBadge, language: Language): string {
  return pageIn(sitePaths.badgePage(part.slug), part.language, language);
}

/**
 * A name shown as itself in a Markdown link text: the marks that could end the link, emphasise, quote
 * code, open HTML or an entity are escaped (CommonMark §2.4), and nothing else, since wallets often show
 * the narrative as plain text.
 */
function literal(text: string): string {
  return text.replace(/[\\[\]*_`<>&]/g, '\\$&');
}

/** `criteria` (Markdown in `language`) followed by the badge's required badges, when it has any. */
export function criteriaNarrative(
  badge: Badge,
  criteria: string,
  language: Language,
  urls: SiteUrls,
): string {
  const own = criteria.trim();
  const requirement = badge.requires;
  if (!requirement) return own;
  const list = requirement.badges.map(
    (part) =>
      `- [${literal(requiredBadgeName(part, language))}](${urls.absolute(requiredBadgePage(part, language))})`,
  );
  const parts = `${requirementSentence(requirement, language)}\n\n${list.join('\n')}`;
  return own === '' ? parts : `${own}\n\n${parts}`;
}

/** The OB 3.0 Alignments of a milestone's parts, in a language (none for other badges). */
export function requirementAlignments(badge: Badge, language: Language, urls: SiteUrls): Alignment[] {
  return (badge.requires?.badges ?? []).map((part) => ({
    type: ['Alignment'],
    targetName: requiredBadgeName(part, language),
    targetUrl: urls.absolute(sitePaths.achievement(part.slug)),
    targetType: 'ceterms:Credential',
  }));
}
