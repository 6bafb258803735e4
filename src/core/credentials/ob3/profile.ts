/**
 * The issuer as an OB 3.0 Profile (OB 3.0 §Profile, DIGEST §3.3): embedded in every credential and
 * published on its own. Its id is the issuer's did:web, the identifier that resolves to the keys
 * (DIGEST §4.3), so a verifier can tie every proof to this issuer.
 */
import type { Issuer } from '../../model/types.ts';
import type { SiteUrls } from '../../urls.ts';
import { CONTEXT_URLS } from '../document-loader.ts';
import { issuerLogoUrl } from '../media.ts';
import { endorsementsMember } from './endorsement.ts';
import type { Ob3Context, Profile } from './types.ts';

/** The `@context` every OB 3.0 document starts with, in the required order (DIGEST §3.1). */
export const OB3_CONTEXT: Ob3Context = [CONTEXT_URLS.credentialsV2, CONTEXT_URLS.ob3];

/** The issuer Profile as embedded in a credential's `issuer` (no `@context`). */
export function toIssuerProfile(issuer: Issuer, urls: SiteUrls): Profile {
  const logo = issuerLogoUrl(issuer, urls);
  return {
    id: urls.issuerDid(issuer.slug),
    type: ['Profile'],
    name: issuer.name,
    url: issuer.url,
    email: issuer.email,
    description: issuer.description,
    ...(logo !== undefined && { image: { id: logo, type: 'Image', caption: issuer.name } }),
    ...endorsementsMember(issuer),
  };
}

/** The hosted OB 3.0 Profile document of the issuer (`sitePaths.issuerProfileOb3`). */
export function toProfile(issuer: Issuer, urls: SiteUrls): Profile {
  return { '@context': OB3_CONTEXT, ...toIssuerProfile(issuer, urls) };
}
