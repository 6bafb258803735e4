/**
 * Absolute URLs of the images documents point at: the badge artwork and the issuer logo. The paths come
 * from the URL authority; this only picks the file extension the content implies.
 */
import type { Badge, Issuer } from '../model/types.ts';
import { type SiteUrls, sitePaths } from '../urls.ts';

const extensionOf = (file: string): 'png' | 'svg' => (file.toLowerCase().endsWith('.svg') ? 'svg' : 'png');

/** The badge artwork URL: a custom image keeps its format, designed artwork is published as PNG. */
export function badgeImageUrl(badge: Badge, urls: SiteUrls): string {
  return urls.absolute(
    sitePaths.badgeArtwork(badge.slug, badge.image === undefined ? 'png' : extensionOf(badge.image)),
  );
}

/** The issuer logo URL, if the issuer has a logo. */
export function issuerLogoUrl(issuer: Issuer, urls: SiteUrls): string | undefined {
  return issuer.logo === undefined
    ? undefined
    : urls.absolute(sitePaths.issuerLogo(issuer.slug, extensionOf(issuer.logo)));
}
