/**
 * Badge criteria that try to run a script (the attacker's probes, issue 12, and the classic payloads), in
 * two layers. The content check: a real build of a site holding them is refused with the exact report, so
 * no such page is ever published. The sanitizer behind it: the same criteria rendered by the site's own
 * Markdown renderer (astro.config.mjs) are put into a real badge page and a real award page, which
 * Chromium loads, focuses and clicks through; no handler may fire. The same payloads rendered without the
 * sanitizer do fire in the same harness, which proves it can see them.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { satteri } from '@astrojs/markdown-satteri';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import { sitePaths } from '../../src/core/urls.ts';
import { CRITERIA_FEATURES } from '../../src/shell/markdown/safe-html.ts';
import { openSiteBrowser, type SiteBrowser } from '../helpers/browser.ts';
import { CONTENT_FIXTURES, projectFromFixture } from '../helpers/fixtures.ts';
import { astroBuild, scratchProject } from '../helpers/project.ts';

const FIXTURE = join(CONTENT_FIXTURES, 'criteria-scripts');
const BADGE_FILE = join('content', 'badges', 'piege-criteres.md');
const AWARD = '5d2f8a41-7c3e-4b9a-8f1d-2e6c4a9b0d13';
const PUBLIC_ROOT = 'https://lycee-trois-rivieres.github.io/badges/';
const PLACEHOLDER = 'Critères remplacés par le test.';
const TODAY = '2026-11-28';

const source = readFileSync(join(FIXTURE, BADGE_FILE), 'utf8');
const frontMatter = source.slice(0, source.indexOf('\n---\n') + 5);
const payloads = source.slice(frontMatter.length);

interface Renderer {
  render(content: string): Promise<{ code: string }>;
}
/** Astro's Markdown renderer as astro.config.mjs sets it up, or the same without the sanitizer. */
async function renderer(sanitized: boolean): Promise<Renderer> {
  const markdown = config.markdown as { processor: ReturnType<typeof satteri>; syntaxHighlight: false };
  const processor = sanitized ? markdown.processor : satteri({ features: CRITERIA_FEATURES });
  return (await processor.createRenderer({ syntaxHighlight: markdown.syntaxHighlight } as never)) as Renderer;
}

let root = '';
let refused: { status: number | null; output: string; wrote: string[] };
let dist = '';
let site: SiteBrowser;

beforeAll(async () => {
  root = scratchProject(join(projectFromFixture('criteria-scripts'), 'content'));
  const run = astroBuild(root, join(root, 'dist'), { INSIGNE_TODAY: TODAY });
  refused = { status: run.status, output: `${run.stdout}\n${run.stderr}`, wrote: readdirSync(root) };

  // The same site with harmless criteria builds; its pages then receive the rendered payloads.
  writeFileSync(join(root, BADGE_FILE), `${frontMatter}${PLACEHOLDER}\n`);
  const built = astroBuild(root, join(root, 'dist'), { INSIGNE_TODAY: TODAY });
  if (built.status !== 0) throw new Error(`build failed:\n${built.stdout}\n${built.stderr}`);
  dist = mkdtempSync(join(tmpdir(), 'insigne-criteria-pages-'));
  cpSync(join(root, 'dist'), dist, { recursive: true });
  const [clean, raw] = await Promise.all([
    renderer(true).then((r) => r.render(payloads)),
    renderer(false).then((r) => r.render(payloads)),
  ]);
  for (const path of [sitePaths.badgePage('piege-criteres'), sitePaths.awardPage(AWARD)]) {
    const file = join(dist, path.replace(/^\//, ''), 'index.html');
    const page = readFileSync(file, 'utf8');
    expect(page).toContain(`<p>${PLACEHOLDER}</p>`);
    writeFileSync(file, page.replace(`<p>${PLACEHOLDER}</p>`, clean.code));
    // The control page: the same criteria without the sanitizer.
    writeFileSync(
      file.replace(/index\.html$/, 'unsafe.html'),
      page.replace(`<p>${PLACEHOLDER}</p>`, raw.code),
    );
  }
  site = await openSiteBrowser(dist, PUBLIC_ROOT);
}, 600_000);

afterAll(async () => {
  await site?.close();
  if (root) rmSync(root, { recursive: true, force: true });
  if (dist) rmSync(dist, { recursive: true, force: true });
});

/** Loads a page, focuses, hovers and clicks every element of its criteria, and returns the alerts seen. */
async function attack(path: string): Promise<{ dialogs: string[]; criteria: string }> {
  const page: Page = await site.newPage();
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto(`${site.server.root}${path}`);
  await page.evaluate(async () => {
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    for (const element of document.querySelectorAll('.criteria *')) {
      const href = element.getAttribute('href') ?? '';
      // Ordinary links would leave the page; anything else is clicked.
      if (/^(https?:|mailto:|#)/i.test(href)) continue;
      (element as HTMLElement).focus?.();
      element.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      (element as HTMLElement).click?.();
      element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    }
    await sleep(800);
  });
  await page.waitForTimeout(200);
  const criteria = (await page.locator('.criteria').first().innerHTML()) ?? '';
  await page.close();
  return { dialogs, criteria };
}

describe('criteria that try to run a script', () => {
  it('stop a real build with the exact report, before anything is written', () => {
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain(readFileSync(join(FIXTURE, 'expected.txt'), 'utf8').trimEnd());
    expect(refused.output).toContain('Nothing was published.');
    expect(refused.wrote.filter((name) => name.startsWith('dist'))).toEqual([]);
  });

  for (const [name, path] of [
    ['badge page', sitePaths.badgePage('piege-criteres')],
    ['award page', sitePaths.awardPage(AWARD)],
  ] as const) {
    it(`run nothing on the ${name} once sanitized`, async () => {
      const { dialogs, criteria } = await attack(path);
      expect(dialogs).toEqual([]);
      expect(criteria).not.toMatch(/\son[a-z]+=|javascript:|<(script|svg|math|iframe|style|form|img)\b/i);
      // The text of the criteria is still there.
      expect(criteria).toContain('élément inventé');
      expect(criteria).toContain('lien markdown');
    });

    it(`would run on the ${name} without the sanitizer (the harness sees them)`, async () => {
      const { dialogs } = await attack(path.replace(/\/?$/, '/unsafe.html'));
      // Autofocus, svg animation, script, image error, frame, links, svg load, details toggle.
      for (const id of ['1', '2', '6', '7', '8', '9', '10', '11', '15']) expect(dialogs).toContain(id);
    });
  }
});
