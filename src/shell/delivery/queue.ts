/**
 * What `badges award` does once its files are written: one announcement per new award into the outbox,
 * with the address typed or read from the roster (the only moment it is known), and each new award's page
 * URL, to print next to the earner's name.
 */
import type { PlannedAward } from '../../core/authoring/plan.ts';
import { type Announcement, toAnnouncement } from '../../core/delivery/announcement.ts';
import { queue } from '../../core/delivery/outbox.ts';
import type { Badge, Model } from '../../core/model/types.ts';
import { readOutbox, writeOutbox } from './outbox-file.ts';

/** Queues the announcements of new awards; returns them (their `awardUrl` is the page to print). */
export function queueNewAwards(
  root: string,
  siteRoot: string,
  model: Model,
  badge: Badge,
  created: readonly PlannedAward[],
  day: string,
): Announcement[] {
  if (created.length === 0) return [];
  const issuer = model.issuers.get(badge.issuer);
  if (!issuer) return [];
  const announcements = created.map((planned) =>
    toAnnouncement({
      kind: 'award',
      award: {
        id: planned.id,
        issuedOn: planned.request.issuedOn,
        ...(planned.request.expires ? { expires: planned.request.expires } : {}),
        recipient: { name: planned.request.name },
      },
      badge,
      issuer,
      email: planned.request.email,
      siteRoot,
      today: day,
    }),
  );
  writeOutbox(root, queue(readOutbox(root), announcements));
  return announcements;
}
