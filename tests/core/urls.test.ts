import { describe, expect, it } from 'vitest';
import { awardUrn, isAwardId, sitePaths, subjectUrn, toSiteLocation, urlsFor } from '../../src/core/urls.ts';

describe('site location', () => {
  it('normalises Astro site and base', () => {
    expect(toSiteLocation('https://school.github.io', '/badges/')).toEqual({
      origin: 'https://school.github.io',
      base: '/badges',
    });
    expect(toSiteLocation('https://badges.school.fr/', '/')).toEqual({
      origin: 'https://badges.school.fr',
      base: '',
    });
  });
});

describe('urlsFor', () => {
  const project = urlsFor(toSiteLocation('https://school.github.io', '/badges'));
  const root = urlsFor(toSiteLocation('https://badges.school.fr:8443', '/'));

  it('makes absolute ids equal to the hosted file URL', () => {
    expect(project.absolute(sitePaths.assertion('abc'))).toBe(
      'https://school.github.io/badges/awards/abc/assertion.json',
    );
    expect(project.href(sitePaths.badgePage('robotique'))).toBe('/badges/badges/robotique/');
    expect(root.href(sitePaths.home())).toBe('/');
  });

  it('derives a did:web whose did.json is at the matching path (DIGEST §4.3)', () => {
    expect(project.issuerDid('lycee')).toBe('did:web:school.github.io:badges:issuers:lycee');
    expect(project.absolute(sitePaths.issuerDid('lycee'))).toBe(
      'https://school.github.io/badges/issuers/lycee/did.json',
    );
    expect(root.issuerDid('lycee')).toBe('did:web:badges.school.fr%3A8443:issuers:lycee');
    expect(project.keyDidUrl('lycee', 'ed25519-1')).toBe(
      'did:web:school.github.io:badges:issuers:lycee#ed25519-1',
    );
    expect(project.atDomainRoot).toBe(false);
    expect(root.atDomainRoot).toBe(true);
  });
});

describe('award ids', () => {
  it('accepts only UUID v4 (OB 2.0 validators reject other versions)', () => {
    expect(isAwardId('2f0b0c7e-6a39-4c8e-9d2c-3b1f6a7e9d10')).toBe(true);
    expect(isAwardId('2f0b0c7e-6a39-7c8e-9d2c-3b1f6a7e9d10')).toBe(false);
    expect(isAwardId('alice-martin')).toBe(false);
  });

  it('gives a stable, opaque subject id of UUID v4 shape, distinct from the credential id', () => {
    const id = '2f0b0c7e-6a39-4c8e-9d2c-3b1f6a7e9d10';
    const subject = subjectUrn(id);
    expect(subject).toBe(subjectUrn(id));
    expect(subject).not.toBe(awardUrn(id));
    expect(isAwardId(subject.replace('urn:uuid:', ''))).toBe(true);
  });
});
