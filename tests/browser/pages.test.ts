/**
 * The pages of the signed example site in Chromium: no axe-core violation (WCAG 2.2 AA and best
 * practices), keyboard use with a visible focus, phone and desktop widths, an award page that works
 * without JavaScript, and an award page that prints as a one-page A4 certificate.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Award } from '../../src/core/model/types.ts';
import { sitePaths } from '../../src/core/urls.ts';
import { loadContent } from '../../src/shell/content.ts';
import { axeViolations } from '../helpers/axe.ts';
import { openSiteBrowser, type SiteBrowser } from '../helpers/browser.ts';

const dist = inject('exampleDist');
const PUBLIC_ROOT = 'https://lycee-trois-rivieres.github.io/badges/';
const content = loadContent(inject('exampleRoot'), '2026-11-28');
if (!content.ok) throw new Error('the example content must be valid');
const { model } = content;
const award = (name: string): Award => {
  const found = [...model.awards.values()].find((a) => a.recipient.name === name);
  if (!found) throw new Error(`no award for ${name}`);
  return found;
};
const valid = award('Zoé Lefèvre');
const expired = award('Lucas Roux');
const revoked = award('Chloé Girard');
const longName = award('Marie-Bernadette Christelle Geneviève de La Rochefoucauld-Montmorency-Saint-Exupéry');
const issuer = [...model.issuers.values()][0]?.slug ?? '';
// The example's endorsed badge (a regional federation's endorsement) and one of its awards.
const endorsed = [...model.badges.values()].find((b) => (b.endorsements ?? []).length > 0)?.slug ?? '';
const endorsedAward = [...model.awards.values()].find((a) => a.badge === endorsed)?.id ?? '';

const PAGES = {
  home: sitePaths.home(),
  issuer: sitePaths.issuerPage(issuer),
  badge: sitePaths.badgePage(valid.badge),
  'badge (milestone)': sitePaths.badgePage('parcours-numerique'),
  'award (valid)': sitePaths.awardPage(valid.id),
  'award (expired)': sitePaths.awardPage(expired.id),
  'award (revoked)': sitePaths.awardPage(revoked.id),
  'award (long name)': sitePaths.awardPage(longName.id),
  '404': '404.html',
  verify: sitePaths.verify(),
  'home (English)': sitePaths.inLanguage(sitePaths.home(), 'en'),
  'issuer (English)': sitePaths.inLanguage(sitePaths.issuerPage(issuer), 'en'),
  'badge (English)': sitePaths.inLanguage(sitePaths.badgePage(valid.badge), 'en'),
  'badge (milestone, English)': sitePaths.inLanguage(sitePaths.badgePage('parcours-numerique'), 'en'),
  'award (valid, English)': sitePaths.inLanguage(sitePaths.awardPage(valid.id), 'en'),
  'award (revoked, English)': sitePaths.inLanguage(sitePaths.awardPage(revoked.id), 'en'),
  'badge (endorsed)': sitePaths.badgePage(endorsed),
  'badge (endorsed, English)': sitePaths.inLanguage(sitePaths.badgePage(endorsed), 'en'),
  'award (endorsed badge)': sitePaths.awardPage(endorsedAward),
};

let site: SiteBrowser;
let page: Page;
beforeAll(async () => {
  site = await openSiteBrowser(dist, PUBLIC_ROOT);
  page = await site.newPage();
}, 60_000);
afterAll(async () => {
  await site?.close();
  expect(site.refused).toEqual([]);
  expect(site.errors).toEqual([]);
});

const visit = async (path: string, on: Page = page) => {
  const response = await on.goto(`${site.server.root}${path}`);
  expect(response?.status(), path).toBe(200);
};

/** A context of its own (other options than the shared page) that also never leaves the machine. */
const isolatedPage = async (options: BrowserContextOptions): Promise<Page> => {
  const context = await site.browser.newContext(options);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(site.server.root)) return route.continue();
    site.refused.push(url);
    return route.abort('blockedbyclient');
  });
  return context.newPage();
};

describe('accessibility (axe-core)', () => {
  it.each(Object.entries(PAGES))('finds no violation on the %s page', async (_, path) => {
    await visit(path);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('finds no violation on the verify page showing a report', async () => {
    const url = `${PUBLIC_ROOT}${sitePaths.credential(revoked.id)}`;
    await visit(`${sitePaths.verify()}?url=${encodeURIComponent(url)}`);
    await page.locator('[data-verify-result] [data-verdict]').waitFor({ timeout: 20_000 });
    expect(await axeViolations(page)).toEqual([]);
  });
});

interface Stop {
  index: number;
  tag: string;
  text: string;
  outline: string;
  inMain: boolean;
  /** Wholly inside the viewport, so the focus can be seen. */
  onScreen: boolean;
}

/** Tabs through the page from the top; each stop with its computed outline while focused. */
async function tabStops(count: number): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    stops.push(
      await page.evaluate(() => {
        const el = document.activeElement ?? document.body;
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return {
          index: Number(el.getAttribute('data-focusable') ?? -1),
          tag: el.tagName.toLowerCase(),
          text: (el.textContent ?? '').trim(),
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
          inMain: el.closest('main') !== null,
          // Scrolling into view may leave a fraction of a pixel out.
          onScreen:
            box.left >= -1 && box.top >= -1 && box.right <= innerWidth + 1 && box.bottom <= innerHeight + 1,
        };
      }),
    );
  }
  return stops;
}

/** Numbers every rendered interactive element of the page and returns how many there are. */
const markFocusable = () =>
  page.evaluate(() => {
    const selector =
      'a[href], button:not([disabled]), input:not([disabled]), select, textarea, summary, [tabindex]';
    const all = [...document.querySelectorAll(selector)].filter(
      (el) => el.getAttribute('tabindex') !== '-1' && el.checkVisibility({ visibilityProperty: true }),
    );
    all.forEach((el, i) => {
      el.setAttribute('data-focusable', String(i));
    });
    return all.length;
  });

describe('keyboard', () => {
  const KEYBOARD_PAGES = ['home', 'badge', 'award (valid)', 'verify'] as const;

  it.each(KEYBOARD_PAGES)(
    'reaches the skip link, the header, then everything on the %s page',
    async (name) => {
      await visit(PAGES[name]);
      const count = await markFocusable();
      const stops = await tabStops(count);
      expect(stops[0]?.text).toBe('Aller au contenu');
      // A one-issuer site: the header names the issuer.
      expect(stops.slice(1, 3).map((s) => s.text?.trim())).toEqual([
        'Lycée des Trois-Rivières',
        'Vérifier un badge',
      ]);
      expect(new Set(stops.map((s) => s.index))).toEqual(new Set(Array.from({ length: count }, (_, i) => i)));
      for (const stop of stops) {
        const [style, width] = stop.outline.split(' ');
        expect(stop.onScreen, `${stop.tag} “${stop.text}”`).toBe(true);
        expect(style, `${stop.tag} “${stop.text}”`).not.toBe('none');
        expect(Number.parseFloat(width ?? '0'), `${stop.tag} “${stop.text}”`).toBeGreaterThanOrEqual(2);
      }
    },
  );

  it('moves the focus into the main content from the skip link', async () => {
    await visit(PAGES['award (valid)']);
    await markFocusable();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const [next] = await tabStops(1);
    expect(next?.inMain).toBe(true);
  });
});

describe('phone and desktop widths', () => {
  const WIDE_PAGES = ['home', 'badge', 'award (valid)', 'award (long name)'] as const;
  const VIEWPORTS = [
    { width: 360, height: 740 },
    { width: 1280, height: 800 },
  ];

  it.each(VIEWPORTS)('has no horizontal scrolling at $width×$height, artwork shown', async (viewport) => {
    await page.setViewportSize(viewport);
    for (const name of WIDE_PAGES) {
      await visit(PAGES[name]);
      const { scrollWidth, clientWidth } = await page.evaluate(() => {
        const root = document.scrollingElement ?? document.documentElement;
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
      });
      expect(scrollWidth, name).toBeLessThanOrEqual(clientWidth);
      // Nor does anything spill out of its box (a long id past a panel's border).
      const spilling = await page.evaluate(() =>
        [...document.querySelectorAll('main, .panel, .award, .badge-grid li')]
          .filter((box) => box.scrollWidth > box.clientWidth)
          .map((box) => box.className || box.tagName),
      );
      expect(spilling, name).toEqual([]);
      const artwork = page.locator(name === 'home' ? '.badge-grid img' : 'img.artwork').first();
      await artwork.scrollIntoViewIfNeeded();
      await page.waitForFunction(
        (img) => img instanceof HTMLImageElement && img.complete,
        await artwork.elementHandle(),
      );
      const shown = await artwork.evaluate((img: HTMLImageElement) => {
        const box = img.getBoundingClientRect();
        return img.naturalWidth > 0 && box.width >= 100 && box.left >= 0 && box.right <= innerWidth;
      });
      expect(shown, name).toBe(true);
    }
  });
});

describe('award page without JavaScript', () => {
  it('shows the award, its downloads and the LinkedIn links', async () => {
    const noScript = await isolatedPage({ javaScriptEnabled: false });
    await visit(PAGES['award (valid)'], noScript);
    await expect(noScript.locator('h1').textContent()).resolves.toBe(model.badges.get(valid.badge)?.name);
    await expect(noScript.locator('.earner').textContent()).resolves.toContain('Zoé Lefèvre');
    await expect(noScript.locator('[data-status="valid"]').isVisible()).resolves.toBe(true);
    const downloads = noScript.locator('a[download]');
    expect(await downloads.count()).toBe(5);
    for (const link of await downloads.all()) {
      const href = (await link.getAttribute('href')) ?? '';
      const response = await noScript.request.get(new URL(href, site.server.root).href);
      expect(response.status(), href).toBe(200);
    }
    const linkedIn = noScript.locator('a[href^="https://www.linkedin.com/"]');
    expect(await linkedIn.count()).toBe(2);
    for (const link of await linkedIn.all()) await expect(link.isVisible()).resolves.toBe(true);
    // The copy button needs a script: without one it is not offered.
    await expect(noScript.locator('button.copy-link').isVisible()).resolves.toBe(false);
    await noScript.context().close();
  });
});

describe('every page in French and in English', () => {
  it('switches an award page to English and back with ordinary links, without JavaScript', async () => {
    const noScript = await isolatedPage({ javaScriptEnabled: false });
    await visit(PAGES['award (valid)'], noScript);
    await expect(noScript.locator('html').getAttribute('lang')).resolves.toBe('fr');
    const toEnglish = noScript.locator('.site-header a.language-link');
    await expect(toEnglish.textContent()).resolves.toContain('English');
    await expect(toEnglish.getAttribute('hreflang')).resolves.toBe('en');
    await toEnglish.click();
    await noScript.waitForURL(`**/${sitePaths.inLanguage(sitePaths.awardPage(valid.id), 'en')}`);
    await expect(noScript.locator('html').getAttribute('lang')).resolves.toBe('en');
    const body = (await noScript.locator('main').textContent()) ?? '';
    for (const label of ['Awarded to', 'Issued by', 'Issued on', 'This badge is valid.', 'Download', 'Share'])
      expect(body).toContain(label);
    for (const french of ['Décerné à', 'Délivré le', 'Télécharger', 'Partager'])
      expect(body).not.toContain(french);
    // This badge has an English edition: its texts are the edition's, in the page's language.
    await expect(noScript.locator('h1').textContent()).resolves.toBe('Spreadsheets — level 1');
    await expect(noScript.locator('h1').getAttribute('lang')).resolves.toBeNull();
    await expect(noScript.locator('.criteria').textContent()).resolves.toContain('To earn this badge');
    await noScript.locator('.site-header a.language-link').click();
    await noScript.waitForURL(`**/${sitePaths.awardPage(valid.id)}`);
    await expect(noScript.locator('html').getAttribute('lang')).resolves.toBe('fr');
    await noScript.context().close();
  });

  it("keeps a badge's own French texts, marked French, when it has no English edition", async () => {
    await visit(sitePaths.inLanguage(sitePaths.awardPage(revoked.id), 'en'));
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('h1').textContent()).resolves.toBe(model.badges.get(revoked.badge)?.name);
    await expect(page.locator('h1').getAttribute('lang')).resolves.toBe('fr');
    await expect(page.locator('.criteria').getAttribute('lang')).resolves.toBe('fr');
  });

  it.each([
    ['award', sitePaths.awardPage(valid.id)],
    ['badge', sitePaths.badgePage(valid.badge)],
    ['issuer', sitePaths.issuerPage(issuer)],
    ['home', sitePaths.home()],
  ])('links the two versions of the %s page with hreflang', async (_, path) => {
    for (const [language, version] of [
      ['fr', path],
      ['en', sitePaths.inLanguage(path, 'en')],
    ] as const) {
      await visit(version);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(language);
      const links = await page
        .locator('link[rel="alternate"][hreflang]')
        .evaluateAll((nodes) => nodes.map((n) => `${n.getAttribute('hreflang')} ${n.getAttribute('href')}`));
      expect(links).toEqual([
        `fr ${PUBLIC_ROOT}${path}`,
        `en ${PUBLIC_ROOT}${sitePaths.inLanguage(path, 'en')}`,
        `x-default ${PUBLIC_ROOT}${path}`,
      ]);
    }
  });

  it('gives the revoked status and its reason in English, the reason marked French', async () => {
    await visit(PAGES['award (revoked, English)']);
    await expect(page.locator('[data-status="revoked"]').textContent()).resolves.toContain(
      'This badge was revoked by its issuer.',
    );
    await expect(page.locator('[data-status="revoked"] span[lang="fr"]').textContent()).resolves.toBe(
      revoked.revocation?.reason,
    );
  });
});

describe('the issuer on every page', () => {
  it.each(Object.entries(PAGES))("heads the %s page with the issuer's logo and name", async (_, path) => {
    await visit(path);
    const name = page.locator('.site-header .site-name');
    await expect(name.textContent()).resolves.toContain('Lycée des Trois-Rivières');
    await expect(
      name.locator('img.site-logo').evaluate((img) => (img as HTMLImageElement).naturalWidth),
    ).resolves.toBeGreaterThan(0);
  });

  it('counts valid, expired and revoked awards apart on the badge cards', async () => {
    await visit(PAGES.home);
    const counts = await page.locator('.badge-grid .badge-counts').allTextContents();
    expect(counts).toHaveLength(model.badges.size);
    const total = { valid: 0, expired: 0, revoked: 0 };
    for (const text of counts) {
      expect(text).toMatch(/^\d+ valides?( · \d+ expirées?)?( · \d+ révoquées?)?$/);
      total.valid += Number(/(\d+) valide/.exec(text)?.[1] ?? 0);
      total.expired += Number(/(\d+) expirée/.exec(text)?.[1] ?? 0);
      total.revoked += Number(/(\d+) révoquée/.exec(text)?.[1] ?? 0);
    }
    expect(total).toEqual({ valid: 23, expired: 2, revoked: 1 });
    // One issuer: no issuer line on each card.
    await expect(page.locator('.badge-grid .badge-issuer').count()).resolves.toBe(0);
  });
});

describe('printed award page', () => {
  const PRINTED: [string, Award][] = [
    ['valid', valid],
    ['expired', expired],
    ['revoked', revoked],
    ['with a very long name', longName],
  ];

  it.each(PRINTED)('is a one-page A4 landscape certificate: %s', async (_, printed) => {
    const printPage = await site.newPage();
    await printPage.emulateMedia({ media: 'print' });
    await visit(sitePaths.awardPage(printed.id), printPage);
    for (const hidden of ['.site-header', '.site-footer', '.award-tools', '.skip-link']) {
      await expect(printPage.locator(hidden).isVisible(), hidden).resolves.toBe(false);
    }
    for (const shown of [
      '.award h1',
      'img.artwork',
      '.earner',
      '[data-status]',
      '.certificate-issuer img',
      '.certificate-issuer',
      '.certificate-title',
      '.certificate-qr img',
      '.certificate-signatory img',
      '.signatory-name',
      '.facts time >> nth=0',
    ]) {
      await expect(printPage.locator(shown).isVisible(), shown).resolves.toBe(true);
    }
    // On paper, the page address stands in for the links.
    await expect(printPage.locator('dd.print-only').textContent()).resolves.toBe(
      `${PUBLIC_ROOT}${sitePaths.awardPage(printed.id)}`,
    );
    await expect(printPage.locator('.certificate-issuer').textContent()).resolves.toContain(
      'Lycée des Trois-Rivières',
    );
    await expect(printPage.locator('.certificate-signatory').textContent()).resolves.toContain(
      'Claire Dubois',
    );
    // The QR code, the logo and the signature are real images that loaded, not broken links.
    for (const image of ['.certificate-qr img', '.certificate-issuer img', '.certificate-signatory img'])
      await expect(
        printPage.locator(image).evaluate((img) => (img as HTMLImageElement).naturalWidth),
      ).resolves.toBeGreaterThan(0);
    const pdf = (await printPage.pdf({ preferCSSPageSize: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page\b/g)?.length).toBe(1);
    // A4 landscape: 842 × 595 points.
    const [, width = '0', height = '0'] = /MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf) ?? [];
    expect([Math.round(Number(width)), Math.round(Number(height))]).toEqual([842, 595]);
    await printPage.close();
  });
});
