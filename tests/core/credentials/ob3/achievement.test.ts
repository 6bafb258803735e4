/** The hosted OB 3.0 Achievement of a badge (DIGEST §3.4); its embedded form is checked in credential.test.ts. */
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalize } from '../../../../src/core/credentials/canonicalize.ts';
import { toAchievement, toEmbeddedAchievement } from '../../../../src/core/credentials/ob3/achievement.ts';
import { makeSite, type Site } from '../site.ts';

let site: Site;
beforeAll(async () => {
  site = await makeSite();
});

describe('toAchievement', () => {
  it('is the embedded achievement plus the OB 3.0 contexts, at its own URL', async () => {
    const hosted = toAchievement(site.badges.lecture, site.urls);
    const { '@context': context, ...rest } = hosted;
    expect(context).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(rest).toEqual(toEmbeddedAchievement(site.badges.lecture, site.urls));
    expect(hosted).toMatchObject({ achievementType: 'Competency', inLanguage: 'fr' });
    await expect(canonicalize(toAchievement(site.badges.robotique, site.urls))).resolves.toContain(
      'AlignmentObject>',
    );
  });
});
