/** A badge as an OB 2.0 BadgeClass (OB 2.0 §BadgeClass, DIGEST §1.3, §9.3), hosted at its id. */
import type { Badge, Issuer } from '../../model/types.ts';
import { type SiteUrls, sitePaths } from '../../urls.ts';
import { criteriaNarrative } from '../criteria.ts';
import { CONTEXT_URLS } from '../document-loader.ts';
import { badgeImageUrl } from '../media.ts';
import type { BadgeClass, Ob2Alignment } from './types.ts';

function toOb2Alignment(alignment: Badge['alignments'][number]): Ob2Alignment {
  return {
    targetName: alignment.targetName,
    targetUrl: alignment.targetUrl,
    ...(alignment.description !== undefined && { targetDescription: alignment.description }),
    ...(alignment.framework !== undefined && { targetFramework: alignment.framework }),
    ...(alignment.code !== undefined && { targetCode: alignment.code }),
  };
}

/** The hosted BadgeClass of a badge; its issuer is the hosted OB 2.0 Profile on the same origin. */
export function toBadgeClass(badge: Badge, issuer: Issuer, urls: SiteUrls): BadgeClass {
  const narrative = criteriaNarrative(badge, badge.criteria, badge.language, urls);
  return {
    '@context': CONTEXT_URLS.ob2,
    type: 'BadgeClass',
    id: urls.absolute(sitePaths.badgeClass(badge.slug)),
    name: badge.name,
    description: badge.description,
    image: badgeImageUrl(badge, urls),
    criteria: { id: urls.absolute(sitePaths.badgePage(badge.slug)), ...(narrative !== '' && { narrative }) },
    issuer: urls.absolute(sitePaths.issuerProfileOb2(issuer.slug)),
    ...(badge.alignments.length > 0 && { alignment: badge.alignments.map(toOb2Alignment) }),
    ...(badge.tags.length > 0 && { tags: [...badge.tags] }),
  };
}
