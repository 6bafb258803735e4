/** The award, badge and issuer pages of the built example site: what earners share and recruiters open. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { loadContent } from '../../src/shell/content.ts';

const dist = inject('exampleDist');
const root = inject('exampleRoot');
const SITE = 'https://lycee-trois-rivieres.github.io/badges/';
const content = loadContent(root, '2026-11-28');
if (!content.ok) throw new Error('example content must be valid');
const awards = [...content.model.awards.values()];
const byName = (name: string) => awards.find((a) => a.recipient.name === name) ?? expect.unreachable(name);
const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const meta = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key.replace(/[:.]/g, '\\$&')}" content="([^"]*)"`).exec(html)?.[1];
const unescapeHtml = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

describe('award page', () => {
  const sst = byName('Sarah Lemoine');
  const html = page(`awards/${sst.id}`);

  it('has an Add to LinkedIn link with every certification field', () => {
    const href = unescapeHtml(
      /href="(https:\/\/www\.linkedin\.com\/profile\/add\?[^"]+)"/.exec(html)?.[1] ?? '',
    );
    const url = new URL(href);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'Sauveteur secouriste du travail (SST)',
      organizationName: 'Lycée des Trois-Rivières',
      issueYear: '2025',
      issueMonth: '1',
      expirationYear: '2027',
      expirationMonth: '1',
      certUrl: `${SITE}awards/${sst.id}/`,
      certId: sst.id,
    });
    expect(html).toContain('janvier 2027');
  });

  it('shares the page URL only, and shows it as a QR code', () => {
    const share = unescapeHtml(
      /href="(https:\/\/www\.linkedin\.com\/sharing\/share-offsite\/[^"]+)"/.exec(html)?.[1] ?? '',
    );
    expect(share).toBe(
      `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(`${SITE}awards/${sst.id}/`)}`,
    );
    expect(html).toContain(
      `<img class="qr" src="/badges/awards/${sst.id}/qr.svg" alt="Code QR de cette page"`,
    );
    expect(readFileSync(join(dist, `awards/${sst.id}/qr.svg`), 'utf8')).toMatch(/^<svg /);
  });

  it('has Open Graph and Twitter tags with absolute URLs and the 1200×630 card', () => {
    expect(meta(html, 'og:url')).toBe(`${SITE}awards/${sst.id}/`);
    expect(meta(html, 'og:image')).toBe(`${SITE}badges/sauveteur-secouriste/card.png`);
    expect(meta(html, 'og:image:width')).toBe('1200');
    expect(meta(html, 'og:image:height')).toBe('630');
    expect(meta(html, 'og:image:alt')).toContain('Sauveteur secouriste du travail (SST)');
    expect(meta(html, 'twitter:card')).toBe('summary_large_image');
    expect(existsSync(join(dist, 'badges/sauveteur-secouriste/card.png'))).toBe(true);
  });

  it('is noindex, in French, with its credential as an alternate', () => {
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain(`<link rel="alternate" hreflang="fr" href="${SITE}awards/${sst.id}/">`);
    expect(html).toContain(
      `<link rel="alternate" type="application/ld+json" href="${SITE}awards/${sst.id}/credential.json"`,
    );
  });

  it('links every download to a file that exists', () => {
    const downloads = [...html.matchAll(/href="([^"]+)" download="([^"]+)"/g)];
    expect(downloads.map((m) => m[2])).toEqual([
      'sauveteur-secouriste.png',
      'sauveteur-secouriste.svg',
      'sauveteur-secouriste-ob3.json',
      'sauveteur-secouriste-ob3.jwt',
      'sauveteur-secouriste-ob2.json',
    ]);
    for (const [, href] of downloads)
      expect(existsSync(join(dist, (href ?? '').replace(/^\/badges\//, '')))).toBe(true);
  });

  it('gives the artwork a text alternative from its caption', () => {
    expect(html).toMatch(
      /<img class="artwork" src="\/badges\/awards\/[^"]+\/badge\.png" alt="Badge «\u00a0Sauveteur secouriste du travail \(SST\)\u00a0», délivré par Lycée des Trois-Rivières\."/,
    );
  });

  it('tells the truth about status', () => {
    expect(html).toContain('data-status="valid"');
    expect(page(`awards/${byName('Lucas Roux').id}`)).toContain('A expiré le');
    const revoked = page(`awards/${byName('Chloé Girard').id}`);
    expect(revoked).toContain('Ce badge a été révoqué par l’émetteur.');
    expect(revoked).toContain('Attribué par erreur');
  });

  it('uses organizationId when the issuer has a LinkedIn id', async () => {
    const { toLinkedInCertification, linkedInAddUrl } = await import('../../src/core/presentation/links.ts');
    const badge = content.model.badges.get(sst.badge) ?? expect.unreachable();
    const issuer = {
      ...(content.model.issuers.get(badge.issuer) ?? expect.unreachable()),
      linkedinOrganizationId: '1234',
    };
    const url = new URL(
      linkedInAddUrl(toLinkedInCertification(sst, badge, issuer, 'https://x.example/a/', undefined)),
    );
    expect(url.searchParams.get('organizationId')).toBe('1234');
    expect(url.searchParams.has('organizationName')).toBe(false);
    expect(url.searchParams.has('expirationYear')).toBe(false);
  });
});

describe('badge and issuer pages', () => {
  it('shows validity in words and the achievement type label', () => {
    const html = page('badges/sauveteur-secouriste');
    expect(html).toContain('2 ans');
    expect(html).toContain('Certification');
    expect(html).toContain(`${SITE}badges/sauveteur-secouriste/card.png`);
  });

  it('lists only earners who opted in and whose award is valid', () => {
    const html = page('badges/sauveteur-secouriste');
    expect(html).toContain('Sarah Lemoine');
    expect(html).not.toContain('Thomas Petit');
    expect(html).not.toContain('Lucas Roux');
  });

  it('has an issuer page with its logo, website and contact', () => {
    const html = page('issuers/lycee-trois-rivieres');
    expect(html).toContain('href="https://www.lycee-trois-rivieres.example/"');
    expect(html).toContain('mailto:badges@lycee-trois-rivieres.example');
    expect(existsSync(join(dist, 'issuers/lycee-trois-rivieres/logo.svg'))).toBe(true);
  });

  it('has a 404 page', () => {
    expect(readFileSync(join(dist, '404.html'), 'utf8')).toContain('Page introuvable');
  });
});
