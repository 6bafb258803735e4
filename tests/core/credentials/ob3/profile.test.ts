/** The hosted OB 3.0 issuer Profile (DIGEST §3.3): the embedded issuer plus the OB 3.0 contexts. */
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalize } from '../../../../src/core/credentials/canonicalize.ts';
import { toIssuerProfile, toProfile } from '../../../../src/core/credentials/ob3/profile.ts';
import { makeSite, type Site } from '../site.ts';

let site: Site;
beforeAll(async () => {
  site = await makeSite();
});

describe('toProfile', () => {
  it('is the embedded issuer with the OB 3.0 contexts, id = the did:web, and canonicalizes safely', async () => {
    const profile = toProfile(site.issuer, site.urls);
    expect(profile).toEqual({
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      ...toIssuerProfile(site.issuer, site.urls),
    });
    expect(profile.id).toBe(site.urls.issuerDid('lycee'));
    await expect(canonicalize(profile)).resolves.toContain('vocab.html#Profile>');
  });

  it('has no image when the issuer has no logo', () => {
    const { logo: _logo, ...withoutLogo } = site.issuer;
    expect(toIssuerProfile(withoutLogo, site.urls)).not.toHaveProperty('image');
  });
});
