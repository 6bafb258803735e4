/**
 * The verify page served by `npm run preview` on an arbitrary port, as an administrator checks a build
 * before deploying it: the site's own badges verify against the documents next to the page (nothing is
 * fetched from the final address), the page says where it reads them from, in French and in English.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sitePaths } from '../../src/core/urls.ts';
import { loadContent } from '../../src/shell/content.ts';
import { axeViolations } from '../helpers/axe.ts';
import { CHROMIUM } from '../helpers/browser.ts';

const dist = inject('exampleDist');
const root = inject('exampleRoot');
const PUBLIC_ROOT = 'https://lycee-trois-rivieres.github.io/badges/';
const content = loadContent(root, '2026-11-28');
if (!content.ok) throw new Error('the example content must be valid');
const award = (name: string) => {
  const found = [...content.model.awards.values()].find((a) => a.recipient.name === name);
  if (!found) throw new Error(`no award for ${name}`);
  return found;
};
const valid = award('Zoé Lefèvre');
const revoked = award('Chloé Girard');

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

let preview: ChildProcess;
let browser: Browser;
let origin: string;
const refused: string[] = [];

beforeAll(async () => {
  const port = await freePort();
  origin = `http://localhost:${port}`;
  preview = spawn(
    process.execPath,
    [
      join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'),
      'preview',
      '--outDir',
      dist,
      '--port',
      String(port),
    ],
    { cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`astro preview did not start:\n${log}`)), 60_000);
    const read = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes(`localhost:${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    preview.stdout?.on('data', read);
    preview.stderr?.on('data', read);
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  preview?.kill();
  expect(refused).toEqual([]);
});

async function open(query: string): Promise<Page> {
  const page = await browser.newPage();
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    refused.push(url);
    return route.abort('blockedbyclient');
  });
  await page.goto(`${origin}/badges/verify/${query}`);
  return page;
}

const verdictOf = async (page: Page) => {
  const verdict = page.locator('[data-verify-result] [data-verdict]');
  await verdict.waitFor({ timeout: 30_000 });
  return verdict.getAttribute('data-verdict');
};

describe('verify page under npm run preview', () => {
  it('verifies the site’s own badge from the preview, and says where it reads the documents', async () => {
    const page = await open(`?url=${encodeURIComponent(`${PUBLIC_ROOT}${sitePaths.credential(valid.id)}`)}`);
    expect(await verdictOf(page)).toBe('verified');
    await expect(page.locator('.verdict-headline').textContent()).resolves.toContain('Badge vérifié');
    const note = page.locator('[data-verify-mirror]');
    await expect(note.isVisible()).resolves.toBe(true);
    await expect(note.textContent()).resolves.toBe(
      `Cette copie du site est servie depuis ${origin}/badges/ : les documents de ${PUBLIC_ROOT} (clés, listes de statut) sont lus ici, à côté de cette page.`,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('tells the truth about a revoked badge, in English', async () => {
    const page = await open(
      `?lang=en&url=${encodeURIComponent(`${PUBLIC_ROOT}${sitePaths.credential(revoked.id)}`)}`,
    );
    expect(await verdictOf(page)).toBe('revoked');
    await expect(page.locator('.verdict-headline').textContent()).resolves.toContain('Badge revoked');
    await expect(page.locator('[data-verify-mirror]').textContent()).resolves.toContain(
      `This copy of the site is served from ${origin}/badges/`,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('verifies a baked image downloaded from the preview', async () => {
    const page = await open('');
    await page.setInputFiles('#verify-file', join(dist, sitePaths.bakedImage(valid.id, 'png')));
    expect(await verdictOf(page)).toBe('verified');
    await page.close();
  });
});
