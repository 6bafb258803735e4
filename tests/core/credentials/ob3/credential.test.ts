/** OB 3.0 credential shape (DIGEST §3, §9.1) for every award of the synthetic site, before signing. */
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalize } from '../../../../src/core/credentials/canonicalize.ts';
import { toAchievement } from '../../../../src/core/credentials/ob3/achievement.ts';
import { matchesIdentity } from '../../../../src/core/identity/email.ts';
import { awardUrn, subjectUrn } from '../../../../src/core/urls.ts';
import { schemaErrors } from '../schema.ts';
import { credentialOf as credentialOfSite, makeSite, type Site } from '../site.ts';
import { vectorJson } from '../vectors.ts';

let site: Site;
beforeAll(async () => {
  site = await makeSite();
});

const credentialOf = (name: keyof Site['awards']) => credentialOfSite(site, name);

describe('the schema validator set-up', () => {
  it('accepts the spec basic example and rejects a proof object', () => {
    expect(schemaErrors(vectorJson('ob3-examples/ob3-basic-openbadgecredential.json'))).toEqual([]);
    expect(schemaErrors(vectorJson('ob3-eddsa-rdfc-2022/credential-signed.json'))).not.toEqual([]);
  });
});

describe('toOpenBadgeCredential', () => {
  it('validates against the official schema for every award', () => {
    for (const name of Object.keys(site.awards) as (keyof Site['awards'])[]) {
      expect(schemaErrors(credentialOf(name)), name).toEqual([]);
    }
  });

  it('has the required contexts, types, ids and issuer profile', () => {
    const credential = credentialOf('plain');
    expect(credential['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.id).toBe(awardUrn(site.awards.plain.id));
    expect(credential.issuer).toEqual({
      id: 'did:web:lycee-exemple.github.io:badges:issuers:lycee',
      type: ['Profile'],
      name: 'Lycée Exemple',
      url: 'https://lycee-exemple.fr',
      email: 'badges@lycee-exemple.fr',
      description: 'Un lycée qui délivre des badges.',
      image: {
        id: 'https://lycee-exemple.github.io/badges/issuers/lycee/logo.svg',
        type: 'Image',
        caption: 'Lycée Exemple',
      },
    });
  });

  it('identifies the earner by hashed email and names them, with an opaque subject id', () => {
    const { credentialSubject } = credentialOf('plain');
    expect(credentialSubject.id).toBe(subjectUrn(site.awards.plain.id));
    const [email, name] = credentialSubject.identifier;
    expect(email).toMatchObject({ type: 'IdentityObject', identityType: 'emailAddress', hashed: true });
    expect(
      matchesIdentity(' ADA@example.org', { identity: email?.identityHash ?? '', salt: email?.salt ?? '' }),
    ).toBe(true);
    expect(name).toEqual({
      type: 'IdentityObject',
      identityHash: 'Élève 0b7c',
      identityType: 'name',
      hashed: false,
    });
    expect(JSON.stringify(credentialOf('plain'))).not.toContain('ada@example.org');
  });

  it('embeds the hosted achievement with criteria, image, alignments and tags', () => {
    const { achievement } = credentialOf('plain').credentialSubject;
    const { '@context': context, ...hosted } = toAchievement(site.badges.robotique, site.urls);
    expect(context).toEqual(credentialOf('plain')['@context']);
    expect(achievement).toEqual(hosted);
    expect(achievement).toMatchObject({
      id: 'https://lycee-exemple.github.io/badges/badges/robotique/achievement.json',
      type: ['Achievement'],
      achievementType: 'Badge',
      criteria: {
        id: 'https://lycee-exemple.github.io/badges/badges/robotique/',
        narrative: 'Réaliser le projet **en équipe**.',
      },
      image: { id: 'https://lycee-exemple.github.io/badges/badges/robotique/artwork.png', type: 'Image' },
      tag: ['robotique', 'programmation'],
      inLanguage: 'fr',
    });
    expect(achievement.alignment).toEqual([
      {
        type: ['Alignment'],
        targetName: 'Programmer',
        targetUrl: 'https://pix.fr/competences/3.4',
        targetFramework: 'CRCN',
        targetCode: '3.4',
      },
      {
        type: ['Alignment'],
        targetName: 'Collaborer',
        targetUrl: 'https://pix.fr/competences/2.3',
        targetDescription: 'Travailler en équipe.',
      },
    ]);
    const lecture = credentialOf('revoked').credentialSubject.achievement;
    expect(lecture.image).toEqual({
      id: 'https://lycee-exemple.github.io/badges/badges/lecture/artwork.png',
      type: 'Image',
      caption: 'Un livre ouvert',
    });
    expect(lecture).not.toHaveProperty('alignment');
    expect(lecture).not.toHaveProperty('tag');
    expect(credentialOf('leap').credentialSubject.achievement.criteria).toEqual({
      id: 'https://lycee-exemple.github.io/badges/badges/english/',
    });
  });

  it('dates: validFrom and awardedDate at midnight UTC, validUntil from the expiry rule', () => {
    const plain = credentialOf('plain');
    expect(plain.validFrom).toBe('2026-03-15T00:00:00Z');
    expect(plain.awardedDate).toBe('2026-03-15T00:00:00Z');
    expect(plain.validUntil).toBe('2028-03-15T00:00:00Z'); // badge validity P2Y
    expect(credentialOf('expired').validUntil).toBe('2025-02-28T00:00:00Z');
    expect(credentialOf('explicit').validUntil).toBe('2026-12-31T00:00:00Z'); // award's own date wins
    expect(credentialOf('leap').validUntil).toBe('2025-02-28T00:00:00Z'); // 2024-02-29 + P1Y, clamped
    expect(credentialOf('revoked')).not.toHaveProperty('validUntil'); // badge without validity
  });

  it('evidence, narrative and one BitstringStatusListEntry', () => {
    const plain = credentialOf('plain');
    expect(plain.evidence).toEqual([
      { id: 'https://example.org/projets/robot', type: ['Evidence'], name: 'Robot suiveur de ligne' },
      { type: ['Evidence'], narrative: 'A présenté le robot au salon.' },
    ]);
    expect(plain.credentialSubject.narrative).toBe('Travail remarquable.');
    expect(credentialOf('revoked')).not.toHaveProperty('evidence');
    expect(credentialOf('revoked').credentialStatus).toEqual({
      id: 'https://lycee-exemple.github.io/badges/issuers/lycee/status-list.json#7',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '7',
      statusListCredential: 'https://lycee-exemple.github.io/badges/issuers/lycee/status-list.json',
    });
  });

  it('is deterministic and every term is defined (JSON-LD safe mode)', async () => {
    expect(JSON.stringify(credentialOf('plain'))).toBe(JSON.stringify(credentialOf('plain')));
    for (const name of Object.keys(site.awards) as (keyof Site['awards'])[]) {
      await expect(canonicalize(credentialOf(name))).resolves.toContain('AchievementSubject');
    }
  });
});
