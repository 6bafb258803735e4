/**
 * A badge as an OB 3.0 Achievement (OB 3.0 §Achievement, DIGEST §3.4): embedded in every credential of
 * the badge, and published at its own id (`sitePaths.achievement`) with the OB 3.0 contexts.
 */
import type { Badge } from '../../model/types.ts';
import { type SiteUrls, sitePaths } from '../../urls.ts';
import { criteriaNarrative, requirementAlignments } from '../criteria.ts';
import { badgeImageUrl } from '../media.ts';
import { endorsementsMember } from './endorsement.ts';
import { OB3_CONTEXT } from './profile.ts';
import type { Achievement, Alignment } from './types.ts';

function toAlignment(alignment: Badge['alignments'][number]): Alignment {
  return {
    type: ['Alignment'],
    targetName: alignment.targetName,
    targetUrl: alignment.targetUrl,
    ...(alignment.description !== undefined && { targetDescription: alignment.description }),
    ...(alignment.framework !== undefined && { targetFramework: alignment.framework }),
    ...(alignment.code !== undefined && { targetCode: alignment.code }),
  };
}

/** The Achievement embedded in a credential's `credentialSubject.achievement` (no `@context`). */
export function toEmbeddedAchievement(badge: Badge, urls: SiteUrls): Achievement {
  const narrative = criteriaNarrative(badge, badge.criteria, badge.language, urls);
  const alignment = [
    ...badge.alignments.map(toAlignment),
    ...requirementAlignments(badge, badge.language, urls),
  ];
  return {
    id: urls.absolute(sitePaths.achievement(badge.slug)),
    type: ['Achievement'],
    achievementType: badge.achievementType,
    name: badge.name,
    description: badge.description,
    criteria: {
      id: urls.absolute(sitePaths.badgePage(badge.slug)),
      ...(narrative !== '' && { narrative }),
    },
    image: { id: badgeImageUrl(badge, urls), type: 'Image', caption: badge.imageAlt ?? badge.name },
    // Empty arrays are omitted (OB 3.0 §serialization: "Null values and empty arrays MUST be ommitted").
    ...(alignment.length > 0 && { alignment }),
    ...(badge.tags.length > 0 && { tag: [...badge.tags] }),
    inLanguage: badge.language,
    ...(badge.edition && {
      related: [
        {
          id: urls.absolute(sitePaths.achievementEdition(badge.slug, badge.edition.language)),
          type: ['Related'],
          inLanguage: badge.edition.language,
        },
      ],
    }),
    ...endorsementsMember(badge),
  };
}

/**
 * The badge's language edition as an Achievement of its own (OB 3.0 §Related: "alternate language
 * editions"): the edition's name, description and criteria, linked back to the badge's Achievement.
 */
export function toAchievementEdition(badge: Badge, urls: SiteUrls): Achievement | undefined {
  const edition = badge.edition;
  if (!edition) return undefined;
  // Endorsements name the badge's own Achievement as their subject: they stay with it, not its edition.
  const { endorsement: _endorsements, ...own } = toEmbeddedAchievement(badge, urls);
  return {
    '@context': OB3_CONTEXT,
    ...own,
    id: urls.absolute(sitePaths.achievementEdition(badge.slug, edition.language)),
    name: edition.name,
    description: edition.description,
    criteria: {
      id: urls.absolute(sitePaths.inLanguage(sitePaths.badgePage(badge.slug), edition.language)),
      narrative: criteriaNarrative(badge, edition.criteria, edition.language, urls),
    },
    ...(badge.requires && {
      alignment: [
        ...badge.alignments.map(toAlignment),
        ...requirementAlignments(badge, edition.language, urls),
      ],
    }),
    inLanguage: edition.language,
    related: [{ id: own.id, type: ['Related'], inLanguage: badge.language }],
  };
}

/** The hosted Achievement document of a badge. */
export function toAchievement(badge: Badge, urls: SiteUrls): Achievement {
  return { '@context': OB3_CONTEXT, ...toEmbeddedAchievement(badge, urls) };
}
