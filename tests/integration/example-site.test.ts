/** The example school, built for real: every page exists and links where it should. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { sitePaths } from '../../src/core/urls.ts';
import { loadContent } from '../../src/shell/content.ts';
import { cli } from '../helpers/cli.ts';
import { PROJECT_ROOT } from '../helpers/project.ts';

const dist = inject('exampleDist');
const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const content = loadContent(PROJECT_ROOT, '2026-11-28');
if (!content.ok) throw new Error('the example content must be valid');
const { model } = content;
const awards = [...model.awards.values()];
const byName = (name: string) => {
  const award = awards.find((a) => a.recipient.name === name);
  if (!award) throw new Error(`no award for ${name}`);
  return award;
};

describe('example site build', () => {
  it('meets the example school brief', () => {
    expect(model.issuers.size).toBe(1);
    expect(model.badges.size).toBeGreaterThanOrEqual(5);
    expect(awards.length).toBeGreaterThanOrEqual(20);
    expect(new Set([...model.badges.values()].map((b) => b.achievementType)).size).toBeGreaterThanOrEqual(5);
    expect([...model.badges.values()].some((b) => b.validity)).toBe(true);
    expect(awards.some((a) => a.revocation)).toBe(true);
    expect(awards.some((a) => a.evidence.some((e) => e.url))).toBe(true);
  });

  it('emits the home page linking every badge', () => {
    const home = page('');
    expect(home).toContain('<html lang="fr">');
    for (const badge of model.badges.values()) expect(home).toContain(`href="/badges/badges/${badge.slug}/"`);
  });

  it('emits one page per badge and per award', () => {
    expect(readdirSync(join(dist, 'badges')).sort()).toEqual([...model.badges.keys()].sort());
    expect(readdirSync(join(dist, 'awards')).sort()).toEqual([...model.awards.keys()].sort());
  });

  it('lists only opted-in earners on badge pages', () => {
    const html = page('badges/tableur-niveau-1');
    expect(html).toContain('Zoé Lefèvre');
    expect(html).not.toContain('Léa Martin');
  });

  it('shows the truth on award pages: valid, expired, revoked with its reason', () => {
    expect(page(`awards/${byName('Zoé Lefèvre').id}`)).toContain('data-status="valid"');
    const expired = page(`awards/${byName('Thomas Petit').id}`);
    expect(expired).toContain('data-status="expired"');
    expect(expired).toContain('12 juin 2025');
    const revoked = page(`awards/${byName('Chloé Girard').id}`);
    expect(revoked).toContain('data-status="revoked"');
    expect(revoked).toContain('le mini-projet n’avait pas été rendu');
  });

  it('keeps award pages out of search engines and links them to their badge', () => {
    const html = page(`awards/${byName('Inès Moreau').id}`);
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('href="/badges/badges/initiation-python/"');
    expect(html).toContain('https://www.lycee-trois-rivieres.example/travaux/2026/simulateur-epidemie');
  });

  it('renders the criteria Markdown and keeps spaces around inline elements', () => {
    const html = page('badges/tableur-niveau-1');
    expect(html).toContain('<strong>50 lignes</strong>');
    expect(html).toMatch(/au moins <strong>/);
  });
});

describe('a badge with an English edition', () => {
  const slug = 'tableur-niveau-1';
  const json = (path: string) => JSON.parse(readFileSync(join(dist, path), 'utf8'));

  it('shows the edition on its English pages, and its own French texts on the French ones', () => {
    const english = page(`badges/${slug}/en`);
    expect(english).toMatch(/<h1 class="long-text">Spreadsheets — level 1<\/h1>/);
    expect(english).toContain('<p>To earn this badge, the student has, on their own:</p>');
    expect(english).toContain('<strong>50 rows</strong>');
    expect(english).not.toContain('Pour obtenir ce badge');
    const french = page(`badges/${slug}`);
    expect(french).toMatch(/<h1 class="long-text">Tableur — niveau 1<\/h1>/);
    expect(french).toContain('Pour obtenir ce badge');
    const award = awards.find((a) => a.badge === slug);
    expect(page(`awards/${award?.id}/en`)).toContain('Spreadsheets — level 1');
  });

  it('publishes the edition as a related Achievement, linked both ways', () => {
    const own = json(`badges/${slug}/achievement.json`);
    const edition = json(`badges/${slug}/achievement.en.json`);
    expect(own.related).toEqual([{ id: edition.id, type: ['Related'], inLanguage: 'en' }]);
    expect(edition).toMatchObject({
      name: 'Spreadsheets — level 1',
      inLanguage: 'en',
      related: [{ id: own.id, type: ['Related'], inLanguage: 'fr' }],
    });
    expect(edition.criteria.narrative).toMatch(/^To earn this badge/);
    const award = awards.find((a) => a.badge === slug);
    const credential = json(`awards/${award?.id}/credential.json`);
    expect(credential.credentialSubject.achievement.related).toEqual(own.related);
  });
});

describe('the milestone badge', () => {
  const slug = 'parcours-numerique';
  const parts = ['tableur-niveau-1', 'initiation-python', 'club-robotique'];
  const json = (path: string) => JSON.parse(readFileSync(join(dist, path), 'utf8'));
  const list = (html: string, name: string) =>
    html.match(new RegExp(`<ul class="${name}"[^>]*>([\\s\\S]*?)</ul>`))?.[1];

  it('lists its required badges on its page, in French and in English', () => {
    const french = page(`badges/${slug}`);
    expect(french).toContain('Badges requis');
    expect(french).toContain('Ce badge est décerné aux titulaires d’au moins 2 de ces badges');
    const links = [...(list(french, 'required-badges') ?? '').matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(links).toEqual(parts.map((part) => `/badges/badges/${part}/`));
    const english = list(page(`badges/${slug}/en`), 'required-badges') ?? '';
    expect(english).toMatch(/href="\/badges\/badges\/tableur-niveau-1\/en\/"[^>]*>Spreadsheets — level 1</);
    expect(english).toMatch(/href="\/badges\/badges\/initiation-python\/en\/" lang="fr">Initiation/);
  });

  it('is named on the page of each of its parts, linking to it in the same language', () => {
    for (const part of parts) {
      expect(list(page(`badges/${part}`), 'leads-to'), part).toContain(
        `href="/badges/badges/${slug}/">Parcours numérique</a>`,
      );
      expect(list(page(`badges/${part}/en`), 'leads-to'), part).toContain(
        `href="/badges/badges/${slug}/en/">Digital pathway</a>`,
      );
    }
    expect(page('badges/olympiades-mathematiques')).not.toContain('class="leads-to"');
  });

  it('was awarded to those who hold two of its parts, and lists them', () => {
    const earners = awards.filter((a) => a.badge === slug).map((a) => a.recipient.name);
    expect(earners.sort()).toEqual(['Anaïs Nguyễn', 'Hugo Bernard']);
    const html = page(`badges/${slug}`);
    for (const name of earners) expect(html).toContain(name);
  });

  it('lists its required badges on each of its award pages too', () => {
    for (const award of awards.filter((a) => a.badge === slug)) {
      const links = [
        ...(list(page(`awards/${award.id}`), 'required-badges') ?? '').matchAll(/href="([^"]+)"/g),
      ];
      expect(links.map((m) => m[1])).toEqual(parts.map((part) => `/badges/badges/${part}/`));
      expect(list(page(`awards/${award.id}/en`), 'required-badges')).toContain(
        'href="/badges/badges/tableur-niveau-1/en/"',
      );
    }
    const other = awards.find((a) => a.badge !== slug);
    expect(page(`awards/${other?.id}`)).not.toContain('class="required-badges"');
  });

  it('links its parts in the published criteria and as credential alignments', () => {
    const achievement = json(`badges/${slug}/achievement.json`);
    const site = 'https://lycee-trois-rivieres.github.io/badges';
    expect(achievement.criteria.narrative).toContain(
      `- [Tableur — niveau 1](${site}/badges/tableur-niveau-1/)`,
    );
    expect(achievement.alignment).toEqual(
      parts.map((part) =>
        expect.objectContaining({
          targetUrl: `${site}/badges/${part}/achievement.json`,
          targetType: 'ceterms:Credential',
        }),
      ),
    );
    expect(json(`badges/${slug}/achievement.en.json`).criteria.narrative).toContain(
      `- [Spreadsheets — level 1](${site}/badges/tableur-niveau-1/en/)`,
    );
    expect(json(`badges/${slug}/badgeclass.json`).criteria.narrative).toBe(achievement.criteria.narrative);
  });

  it('gives credentials that pass verification, as JSON and as a baked image', async () => {
    const award = awards.find((a) => a.badge === slug);
    if (!award) throw new Error('no award of the milestone');
    for (const path of [sitePaths.credential(award.id), sitePaths.bakedImage(award.id, 'png')]) {
      const run = await cli(PROJECT_ROOT, ['verify', join(dist, path), '--site-dir', dist]);
      expect(run.out, path).toMatch(/^✔ BADGE VERIFIED: /);
      expect(run.code, path).toBe(0);
    }
  });
});
