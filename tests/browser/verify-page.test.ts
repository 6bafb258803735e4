/**
 * The verify page in Chromium, on the signed example site: a chosen file, a baked image, a pasted
 * tampered credential, a URL given on arrival, the email check (which sends nothing), and both languages.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sitePaths } from '../../src/core/urls.ts';
import { loadContent } from '../../src/shell/content.ts';
import { openSiteBrowser, type SiteBrowser } from '../helpers/browser.ts';

const dist = inject('exampleDist');
const PUBLIC_ROOT = 'https://lycee-trois-rivieres.github.io/badges/';
const content = loadContent(inject('exampleRoot'), '2026-11-28');
if (!content.ok) throw new Error('the example content must be valid');
const award = (name: string) => {
  const found = [...content.model.awards.values()].find((a) => a.recipient.name === name);
  if (!found) throw new Error(`no award for ${name}`);
  return found;
};
const valid = award('Zoé Lefèvre');
const revoked = award('Chloé Girard');
const EMAIL = 'zoe.lefevre@eleves.lycee-trois-rivieres.example';

let site: SiteBrowser;
beforeAll(async () => {
  site = await openSiteBrowser(dist, PUBLIC_ROOT);
}, 60_000);
afterAll(async () => {
  await site?.close();
  expect(site.refused).toEqual([]);
  expect(site.errors).toEqual([]);
});

const verdictOf = async (page: Page) => {
  const verdict = page.locator('[data-verify-result] [data-verdict]');
  await verdict.waitFor({ timeout: 20_000 });
  return verdict.getAttribute('data-verdict');
};

const open = async (query = '') => {
  const page = await site.newPage();
  await page.goto(`${site.server.root}verify/${query}`);
  return page;
};

describe('verify page', () => {
  it('verifies a chosen credential file and says so, in French', async () => {
    const page = await open();
    await page.setInputFiles('#verify-file', join(dist, sitePaths.credential(valid.id)));
    expect(await verdictOf(page)).toBe('verified');
    await expect(page.locator('.verdict-headline').textContent()).resolves.toContain('Badge vérifié');
    await expect(page.locator('[data-verify-result]').textContent()).resolves.toContain('Zoé Lefèvre');
    await expect(page.locator('[data-verify-result]').getAttribute('aria-live')).resolves.toBe('polite');
    await page.close();
  });

  it('verifies the endorsement a credential carries and names its endorser', async () => {
    const endorsed = [...content.model.awards.values()].find(
      (a) => (content.model.badges.get(a.badge)?.endorsements ?? []).length > 0 && !a.revocation,
    );
    if (!endorsed) throw new Error('the example should have an award of an endorsed badge');
    const page = await open();
    await page.setInputFiles('#verify-file', join(dist, sitePaths.credential(endorsed.id)));
    const verdict = await verdictOf(page);
    expect(['verified', 'expired']).toContain(verdict);
    const report = (await page.locator('[data-verify-result]').textContent()) ?? '';
    expect(report).toContain('Recommandations');
    expect(report).toContain('✔ Fédération régionale des secouristes des Trois Vallées (did:key:z6Mk');
    await page.close();
  });

  it('verifies a baked image, both of its payloads', async () => {
    const baked = join(dist, sitePaths.bakedImage(valid.id, 'png'));
    const page = await open();
    const file = existsSync(baked) ? baked : join(dist, sitePaths.credentialJwt(valid.id));
    await page.setInputFiles('#verify-file', file);
    expect(await verdictOf(page)).toBe('verified');
    await page.close();
  });

  it('refuses a pasted credential whose name was changed', async () => {
    const page = await open();
    const original = readFileSync(join(dist, sitePaths.credential(valid.id)), 'utf8');
    await page.fill('#verify-text', original.replace('"Zoé Lefèvre"', '"Zoé Martin"'));
    await page.click('button[type=submit]');
    expect(await verdictOf(page)).toBe('signature-invalid');
    await expect(page.locator('.verdict-headline').textContent()).resolves.toContain('Signature invalide');
    await expect(page.locator('[data-problem="DI_SIGNATURE_INVALID"]').count()).resolves.toBe(1);
    await page.close();
  });

  it('verifies the address an award page links to, on arrival, and shows a revocation', async () => {
    const url = `${PUBLIC_ROOT}${sitePaths.credential(revoked.id)}`;
    const page = await open(`?url=${encodeURIComponent(url)}`);
    expect(await verdictOf(page)).toBe('revoked');
    await expect(page.inputValue('#verify-url')).resolves.toBe(url);
    await page.close();
  });

  it('checks the email locally: nothing sent contains it', async () => {
    const page = await open();
    await page.fill('#verify-email', EMAIL);
    await page.setInputFiles('#verify-file', join(dist, sitePaths.credentialJwt(valid.id)));
    expect(await verdictOf(page)).toBe('verified');
    await expect(page.locator('[data-recipient]').getAttribute('data-recipient')).resolves.toBe('match');
    expect(site.requests.filter((url) => url.includes('lefevre') || url.includes('%40'))).toEqual([]);
    await page.fill('#verify-email', 'quelquun@example.org');
    await page.click('button[type=submit]');
    await page.locator('[data-recipient="no-match"]').waitFor();
    await page.close();
  });

  it('switches to English, report included, and is usable from the keyboard', async () => {
    const page = await open();
    await page.setInputFiles('#verify-file', join(dist, sitePaths.assertionJws(revoked.id)));
    expect(await verdictOf(page)).toBe('revoked');
    await page.click('[data-language-switch]');
    await expect(page.locator('h1').textContent()).resolves.toBe('Verify a badge');
    await expect(page.locator('.verdict-headline').textContent()).resolves.toContain('Badge revoked');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.focus('#verify-url');
    await page.keyboard.type(`${PUBLIC_ROOT}${sitePaths.assertion(valid.id)}`);
    await page.keyboard.press('Enter');
    await page.locator('[data-verdict="verified"]').waitFor({ timeout: 20_000 });
    await page.close();
  });
});
