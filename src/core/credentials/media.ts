/**
 * Absolute URLs of the images documents point at: the badge artwork and the issuer logo. The paths come
 * from the URL authority; this only picks the file extension the content implies.
 */
import type { Badge, Issuer } from '../model/types.ts';
import { type SiteUrls, sitePaths } from '../urls.ts';

const extensionOf = (file: string): 'png' | 'svg' => (file.toLowerCase().endsWith('.svg') ? 'svg' : 'png');

/** The site path of the badge artwork: a custom image keeps its format, designed artwork is a PNG. */
export function badgeArtworkPath(badge: Pick<Badge, 'slug' | 'image'>): string {
  return sitePaths.badgeArtwork(badge.slug, badge.image === undefined ? 'png' : extensionOf(badge.image));
}

/** The badge artwork URL. */
export function badgeImageUrl(badge: Badge, urls: SiteUrls): string {
  return urls.absolute(badgeArtworkPath(badge));
}

/** The site path of the issuer logo, if the issuer has a logo: it keeps its format. */
export function issuerLogoPath(issuer: Pick<Issuer, 'slug' | 'logo'>): string | undefined {
  return issuer.logo === undefined ? undefined : sitePaths.issuerLogo(issuer.slug, extensionOf(issuer.logo));
}

/** The issuer logo URL, if the issuer has a logo. */
export function issuerLogoUrl(issuer: Issuer, urls: SiteUrls): string | undefined {
  const path = issuerLogoPath(issuer);
  return path === undefined ? undefined : urls.absolute(path);
}

/**
 * Who signs an award's printed certificate: the badge's signatory, else its issuer's; with the site path
 * of the signature image, if there is one.
 */
export function certificateSignatory(
  badge: Pick<Badge, 'slug' | 'signatory'>,
  issuer: Pick<Issuer, 'slug' | 'signatory'>,
): { name: string; title?: string; signaturePath?: string } | undefined {
  const own = badge.signatory;
  const signatory = own ?? issuer.signatory;
  if (!signatory) return undefined;
  const signaturePath = own ? badgeSignaturePath(badge) : issuerSignaturePath(issuer);
  return {
    name: signatory.name,
    ...(signatory.title ? { title: signatory.title } : {}),
    ...(signaturePath ? { signaturePath } : {}),
  };
}

/** The site path of an issuer's signature image, if its signatory has one. */
export function issuerSignaturePath(issuer: Pick<Issuer, 'slug' | 'signatory'>): string | undefined {
  const file = issuer.signatory?.signature;
  return file === undefined ? undefined : sitePaths.issuerSignature(issuer.slug, extensionOf(file));
}

/** The site path of a badge's own signature image, if its signatory has one. */
export function badgeSignaturePath(badge: Pick<Badge, 'slug' | 'signatory'>): string | undefined {
  const file = badge.signatory?.signature;
  return file === undefined ? undefined : sitePaths.badgeSignature(badge.slug, extensionOf(file));
}
