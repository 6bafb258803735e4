/**
 * A real browser for page tests: Debian's Chromium driven by playwright-core, with the site served from a
 * local folder. Requests to the site's public origin are answered from the same folder (so absolute ids and
 * did:web URLs resolve offline, with the open CORS GitHub Pages sends); any other request outside the local
 * server is aborted and recorded, so a test that would reach the network fails loudly instead.
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import { type StaticServer, startStaticServer } from './static-server.ts';

export const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface SiteBrowser {
  readonly browser: Browser;
  readonly server: StaticServer;
  /** Requests that were refused because they left the machine. */
  readonly refused: string[];
  /** Every request URL the pages made. */
  readonly requests: string[];
  /** Page errors and console errors. */
  readonly errors: string[];
  /** A new page whose requests to `publicRoot` are served from the folder. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Serves `dist` under `/badges/` and launches Chromium. `publicRoot` is the site's published URL with its
 * base and a trailing slash (`https://<org>.github.io/badges/`).
 */
export async function openSiteBrowser(dist: string, publicRoot: string): Promise<SiteBrowser> {
  const server = await startStaticServer(dist, { base: new URL(publicRoot).pathname });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const refused: string[] = [];
  const requests: string[] = [];
  const errors: string[] = [];
  const newPage = async () => {
    const page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      requests.push(url);
      if (url.startsWith(server.root)) return route.continue();
      if (url.startsWith(publicRoot)) {
        const response = await route.fetch({ url: `${server.root}${url.slice(publicRoot.length)}` });
        return route.fulfill({
          response,
          headers: { ...response.headers(), 'access-control-allow-origin': '*' },
        });
      }
      refused.push(url);
      return route.abort('blockedbyclient');
    });
    return page;
  };
  return {
    browser,
    server,
    refused,
    requests,
    errors,
    newPage,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
