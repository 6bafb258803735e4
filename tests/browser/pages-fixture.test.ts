/**
 * The small test school in Chromium (fixtures `valid` + `english` + `injection`): a badge written in
 * English under a French issuer gets English badge and award pages throughout, while the issuer's pages
 * stay French; and a recipient named `<script>alert(1)</script>` is shown as text, running nothing.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MESSAGE_KEYS, translator } from '../../src/core/i18n.ts';
import { sitePaths } from '../../src/core/urls.ts';
import { axeViolations } from '../helpers/axe.ts';
import { openSiteBrowser, type SiteBrowser } from '../helpers/browser.ts';

const dist = inject('fixtureDist');
const PUBLIC_ROOT = 'https://lycee-trois-rivieres.github.io/badges/';
const BADGE = 'web-accessibility';
const VALID = '21ebf440-67b3-4e13-8bbd-80d0861ddc98';
const REVOKED = 'eaa6be96-f7b5-4500-af0d-d290fd964e06';
const EXPIRED = '0e1b5476-9688-43f1-ad03-79972be6d6c3';
const INJECTED = '7a4c2e10-5b3d-4f8e-9c1a-2d3e4f5a6b7c';
const ALT = 'Badge “Web accessibility”, Level 1, issued by École de test.';

let site: SiteBrowser;
let page: Page;
const dialogs: string[] = [];
beforeAll(async () => {
  site = await openSiteBrowser(dist, PUBLIC_ROOT);
  page = await site.newPage();
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
}, 60_000);
afterAll(async () => {
  await site?.close();
  expect(site.refused).toEqual([]);
  expect(site.errors).toEqual([]);
});

const visit = async (path: string) => {
  const response = await page.goto(`${site.server.root}${path}`);
  expect(response?.status(), path).toBe(200);
};
/** All the text of the page, hidden parts included (print-only, alternatives), spaces collapsed. */
const text = async () => ((await page.locator('body').textContent()) ?? '').replace(/\s+/g, ' ');

// French interface strings long enough not to occur inside English words or names.
const fr = translator('fr');
const en = translator('en');
const FRENCH_UI = MESSAGE_KEYS.filter((key) => fr(key).length >= 6 && fr(key) !== en(key)).map(fr);
const FRENCH_DATE =
  /\d (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)/;

async function expectEnglishPage(): Promise<string> {
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
  await expect(page.locator('link[rel=alternate][hreflang=en]').count()).resolves.toBe(1);
  // Its French version (the interface in French, the badge's texts still English) is the alternate.
  await expect(page.locator('link[rel=alternate][hreflang=fr]').getAttribute('href')).resolves.toMatch(
    /\/fr\/$/,
  );
  await expect(page.locator('.site-header a.language-link').getAttribute('hreflang')).resolves.toBe('fr');
  await expect(page.locator('meta[property="og:locale"]').getAttribute('content')).resolves.toBe('en_GB');
  const body = await text();
  for (const french of FRENCH_UI) expect(body, `French string “${french}”`).not.toContain(french);
  expect(body).not.toMatch(FRENCH_DATE);
  expect(body).toContain('Skip to content');
  expect(body).toContain('Verify a badge');
  expect(body).toContain('Certificate of completion');
  await expect(page.locator('img.artwork').getAttribute('alt')).resolves.toBe(ALT);
  expect(await axeViolations(page)).toEqual([]);
  return body;
}

describe('an English badge under a French issuer', () => {
  it('has an English badge page', async () => {
    await visit(sitePaths.badgePage(BADGE));
    const body = await expectEnglishPage();
    for (const label of [
      'Issued by',
      'Validity',
      '1 year 6 months',
      'Criteria',
      'Aligned skills',
      'Earners',
    ]) {
      expect(body).toContain(label);
    }
    expect(body).toContain('(Framework: Test framework, A11Y-1)');
    expect(body).toContain('Ada Lovelace');
    expect(body).not.toContain('Grace Hopper');
  });

  it('has English award pages, dates included, for every status', async () => {
    await visit(sitePaths.awardPage(VALID));
    let body = await expectEnglishPage();
    for (const label of ['Awarded to', 'This badge is valid.', 'Issued on', 'Expires on', 'Narrative']) {
      expect(body).toContain(label);
    }
    expect(body).toContain('20 March 2026');
    expect(body).toContain('20 September 2027');
    expect(body).toContain('Add to my LinkedIn profile');
    expect(body).toContain('Issue date March 2026');
    await expect(page.locator('a[download]').first().textContent()).resolves.toBe(
      'Badge image (PNG, with the credential inside)',
    );
    const verify = await page.getByRole('link', { name: 'Verify this badge' }).getAttribute('href');
    expect(new URL(verify ?? '', site.server.root).searchParams.get('lang')).toBe('en');

    await visit(sitePaths.awardPage(REVOKED));
    body = await expectEnglishPage();
    expect(body).toContain('This badge was revoked by its issuer.');
    expect(body).toContain('Revoked on 10 June 2026.');
    expect(body).toContain('Reason: Awarded by mistake.');

    await visit(sitePaths.awardPage(EXPIRED));
    body = await expectEnglishPage();
    expect(body).toContain('This badge has expired.');
    expect(body).toContain('Expired on');
    expect(body).toContain('15 July 2026');
  });

  it('keeps the issuer page French, with the English badge marked as English', async () => {
    await visit(sitePaths.issuerPage('ecole-test'));
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
    const card = page.locator('.badge-grid li', { hasText: 'Web accessibility' });
    await expect(card.locator('h3').getAttribute('lang')).resolves.toBe('en');
    await expect(card.locator('.kicker').textContent()).resolves.toBe('Attestation de réussite');
    await expect(card.textContent()).resolves.toContain('1 valide · 1 expirée · 1 révoquée');
    const french = page.locator('.badge-grid li', { hasText: 'Robotique' });
    await expect(french.locator('h3').getAttribute('lang')).resolves.toBeNull();
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('hostile names in a browser', () => {
  it('shows a recipient named <script>alert(1)</script> as text and runs nothing', async () => {
    await visit(sitePaths.awardPage(INJECTED));
    await expect(page.locator('.earner strong').textContent()).resolves.toBe('<script>alert(1)</script>');
    await expect(page.locator('#evidence-title + ul a').textContent()).resolves.toBe(
      '"><script>alert(4)</script>',
    );
    // The site's own script (the copy-link button) is the only one the page holds.
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src || s.text));
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toContain('copy-link');
    await visit(sitePaths.badgePage('piege'));
    await expect(page.locator('h1').textContent()).resolves.toBe('Piège <em>HTML</em> & "guillemets"');
    await visit(sitePaths.home());
    expect(dialogs).toEqual([]);
  });
});
