/** OB 2.0 BadgeClass against the reference validator's class checks (DIGEST §1.3, §1.8). */
import { beforeAll, describe, expect, it } from 'vitest';
import { toBadgeClass } from '../../../../src/core/credentials/ob2/badge-class.ts';
import { toOb2Profile } from '../../../../src/core/credentials/ob2/issuer.ts';
import { makeSite, type Site } from '../site.ts';

let site: Site;
beforeAll(async () => {
  site = await makeSite();
});

describe('OB 2.0 BadgeClass', () => {
  it('has every required field, and alignments with targetName and targetUrl', () => {
    const badgeClass = toBadgeClass(site.badges.robotique, site.issuer, site.urls);
    for (const field of ['id', 'type', 'issuer', 'name', 'description', 'criteria', 'image']) {
      expect(badgeClass).toHaveProperty(field);
    }
    expect(badgeClass.id).toBe('https://lycee-exemple.github.io/badges/badges/robotique/badgeclass.json');
    expect(badgeClass.issuer).toBe(toOb2Profile(site.issuer, site.urls).id);
    expect(badgeClass.criteria).toEqual({
      id: 'https://lycee-exemple.github.io/badges/badges/robotique/',
      narrative: 'Réaliser le projet **en équipe**.',
    });
    expect(badgeClass.alignment).toEqual([
      {
        targetName: 'Programmer',
        targetUrl: 'https://pix.fr/competences/3.4',
        targetFramework: 'CRCN',
        targetCode: '3.4',
      },
      {
        targetName: 'Collaborer',
        targetUrl: 'https://pix.fr/competences/2.3',
        targetDescription: 'Travailler en équipe.',
      },
    ]);
    expect(badgeClass.tags).toEqual(['robotique', 'programmation']);
    expect(toBadgeClass(site.badges.lecture, site.issuer, site.urls)).not.toHaveProperty('alignment');
  });
});
