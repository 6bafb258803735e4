/**
 * A milestone's published criteria: its own text, then its required badges as Markdown links to their
 * pages in the narrative's language (OB 3.0 Achievement and its edition, OB 2.0 BadgeClass), and the same
 * parts as `ceterms:Credential` alignments; a credential of it stays schema-valid and its proof verifies.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { criteriaNarrative } from '../../../src/core/credentials/criteria.ts';
import { verifyDataIntegrity } from '../../../src/core/credentials/data-integrity.ts';
import { toBadgeClass } from '../../../src/core/credentials/ob2/badge-class.ts';
import {
  toAchievementEdition,
  toEmbeddedAchievement,
} from '../../../src/core/credentials/ob3/achievement.ts';
import { toDidDocument } from '../../../src/core/credentials/ob3/did-document.ts';
import { issueOpenBadgeCredential } from '../../../src/core/credentials/ob3/issue.ts';
import type { Award, Badge } from '../../../src/core/model/types.ts';
import { keyFromDidDocument } from './resolve.ts';
import { schemaErrors } from './schema.ts';
import { makeSite, type Site } from './site.ts';

let site: Site;
let milestone: Badge;
beforeAll(async () => {
  site = await makeSite();
  milestone = {
    ...site.badges.robotique,
    slug: 'parcours',
    name: 'Parcours complet',
    validity: 'P5Y',
    alignments: [],
    criteria: 'Avoir suivi le parcours.',
    edition: {
      language: 'en',
      name: 'Full pathway',
      description: 'Followed the pathway.',
      criteria: 'Followed the pathway.',
    },
    requires: {
      atLeast: 2,
      badges: [
        {
          slug: 'robotique',
          name: 'Robotique [niveau *1*]',
          language: 'fr',
          edition: { language: 'en', name: 'Robotics' },
        },
        { slug: 'english', name: 'English', language: 'en' },
        { slug: 'lecture', name: 'Lecture', language: 'fr' },
      ],
    },
  };
});

const SITE = 'https://lycee-exemple.github.io/badges';

describe('criteriaNarrative', () => {
  it('follows the badge’s criteria with the required badges, linked to their pages in that language', () => {
    expect(criteriaNarrative(milestone, milestone.criteria, 'fr', site.urls)).toBe(
      [
        'Avoir suivi le parcours.',
        '',
        'Ce badge est décerné aux titulaires d’au moins 2 de ces badges\u00a0:',
        '',
        `- [Robotique \\[niveau \\*1\\*\\]](${SITE}/badges/robotique/)`,
        `- [English](${SITE}/badges/english/fr/)`,
        `- [Lecture](${SITE}/badges/lecture/)`,
      ].join('\n'),
    );
    expect(
      criteriaNarrative(
        { ...milestone, requires: { badges: milestone.requires?.badges ?? [], atLeast: 3 } },
        '',
        'en',
        site.urls,
      ),
    ).toBe(
      [
        'This badge is awarded to holders of all these badges:',
        '',
        `- [Robotics](${SITE}/badges/robotique/en/)`,
        `- [English](${SITE}/badges/english/)`,
        `- [Lecture](${SITE}/badges/lecture/en/)`,
      ].join('\n'),
    );
  });

  it('leaves the criteria of other badges as they are', () => {
    expect(criteriaNarrative(site.badges.robotique, ' Texte. ', 'fr', site.urls)).toBe('Texte.');
  });
});

describe('a milestone’s documents', () => {
  it('list its parts in the criteria and as credential alignments, in each language', () => {
    const own = toEmbeddedAchievement(milestone, site.urls);
    expect(own.criteria.narrative).toContain(`- [Lecture](${SITE}/badges/lecture/)`);
    expect(own.alignment).toEqual([
      {
        type: ['Alignment'],
        targetName: 'Robotique [niveau *1*]',
        targetUrl: `${SITE}/badges/robotique/achievement.json`,
        targetType: 'ceterms:Credential',
      },
      expect.objectContaining({ targetName: 'English', targetType: 'ceterms:Credential' }),
      expect.objectContaining({ targetName: 'Lecture', targetType: 'ceterms:Credential' }),
    ]);
    const edition = toAchievementEdition(milestone, site.urls);
    expect(edition?.criteria.narrative).toContain(`- [Robotics](${SITE}/badges/robotique/en/)`);
    expect(edition?.alignment?.[0]?.targetName).toBe('Robotics');
    const badgeClass = toBadgeClass(milestone, site.issuer, site.urls);
    expect(badgeClass.criteria.narrative).toBe(own.criteria.narrative);
  });

  it('give a credential that is schema-valid and whose proof verifies', async () => {
    const award: Award = { ...site.awards.plain, badge: 'parcours', evidence: [] };
    const { credential } = await issueOpenBadgeCredential(
      { issuer: site.issuer, badge: milestone, award, urls: site.urls },
      site.signer,
    );
    expect(schemaErrors(credential)).toEqual([]);
    expect(credential.credentialSubject.achievement.alignment).toHaveLength(3);
    const method = credential.proof?.[0]?.verificationMethod ?? '';
    const key = await keyFromDidDocument(toDidDocument(site.issuer, site.urls), method);
    expect((await verifyDataIntegrity(credential, key)).verified).toBe(true);
  });
});
