/**
 * An announcement: the message that tells one earner about their award (or that it will soon expire).
 * It is the only value in Insigne that holds a plain email address, because the moment of awarding (or a
 * roster the administrator supplies again) is the only moment the address is known. Announcements live in
 * the outbox, outside git and the site, until `badges notify` sends or exports them.
 */
import { formatDay } from '../i18n.ts';
import { expiryOf } from '../model/status.ts';
import type { Award, Badge, Issuer, Language } from '../model/types.ts';
import { linkedInAddUrl, toLinkedInCertification } from '../presentation/links.ts';
import { sitePaths } from '../urls.ts';

export type AnnouncementKind = 'award' | 'expiry';

export interface Announcement {
  readonly kind: AnnouncementKind;
  readonly awardId: string;
  readonly badge: string;
  readonly badgeName: string;
  readonly issuer: string;
  readonly issuerName: string;
  /** The issuer's public contact address (never a learner's). */
  readonly issuerEmail: string;
  readonly earnerName: string;
  readonly email: string;
  readonly language: Language;
  readonly awardUrl: string;
  readonly linkedInUrl: string;
  readonly verifyUrl: string;
  readonly expires?: string;
  /** Day it was queued (YYYY-MM-DD). */
  readonly queuedOn: string;
  /** Why the last attempt did not send it (never the address). */
  readonly lastError?: string;
  readonly attempts: number;
}

/** The identity of an announcement in the outbox: one per award and kind. */
export const announcementKey = (a: Pick<Announcement, 'kind' | 'awardId'>) => `${a.kind}:${a.awardId}`;

/** The announcement of one award to the address it was awarded to. */
export function toAnnouncement(input: {
  readonly kind: AnnouncementKind;
  /** The award, or the parts of a new one that the message needs. */
  readonly award: Pick<Award, 'id' | 'issuedOn' | 'expires'> & {
    readonly recipient: { readonly name: string };
  };
  readonly badge: Badge;
  readonly issuer: Issuer;
  readonly email: string;
  /** The site's root URL, ending with `/`. */
  readonly siteRoot: string;
  readonly today: string;
}): Announcement {
  const { award, badge, issuer } = input;
  const awardUrl = `${input.siteRoot}${sitePaths.awardPage(award.id)}`;
  const expires = expiryOf(award, badge);
  return {
    kind: input.kind,
    awardId: award.id,
    badge: badge.slug,
    badgeName: badge.name,
    issuer: issuer.slug,
    issuerName: issuer.name,
    issuerEmail: issuer.email,
    earnerName: award.recipient.name,
    email: input.email,
    language: badge.language,
    awardUrl,
    linkedInUrl: linkedInAddUrl(toLinkedInCertification(award, badge, issuer, awardUrl, expires)),
    verifyUrl: `${input.siteRoot}${sitePaths.verify()}`,
    ...(expires ? { expires } : {}),
    queuedOn: input.today,
    attempts: 0,
  };
}

/**
 * A first and a last name from a display name: the first word, then the rest. "Where known" only: a
 * one-word name has no last name.
 */
export function splitName(name: string): { first: string; last: string } {
  const words = name.trim().split(/\s+/);
  return { first: words[0] ?? '', last: words.slice(1).join(' ') };
}

/** An address shown to the administrator without giving it away: `l***@example.org`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** The expiry day in words, in the announcement's language, or undefined. */
export function expiryInWords(announcement: Announcement): string | undefined {
  return announcement.expires ? formatDay(announcement.expires, announcement.language) : undefined;
}
