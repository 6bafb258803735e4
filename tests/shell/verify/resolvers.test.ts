/**
 * The shell's resolvers: HTTP with fetch (against a local server, never the network) and the built-site
 * folder used by `verify --site-dir`, plus reading the site URL from astro.config.mjs.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sitePaths } from '../../../src/core/urls.ts';
import { verifyBadge } from '../../../src/core/verify/index.ts';
import { createHttpResolver } from '../../../src/shell/verify/http.ts';
import { createSiteDirResolver, loadSiteRoot } from '../../../src/shell/verify/site-dir.ts';
import { type Fixture, makeFixture, NOW, SITE_ROOT } from '../../core/verify/fixture.ts';
import { PROJECT_ROOT } from '../../helpers/project.ts';
import { type StaticServer, startStaticServer } from '../../helpers/static-server.ts';

let fx: Fixture;
let dist: string;
let server: StaticServer;
const refused: string[] = [];

/** fetch that sends the fixture site's URLs to the local server and refuses anything else. */
const localFetch: typeof fetch = (input, init) => {
  const url = String(input);
  if (!url.startsWith(SITE_ROOT)) {
    refused.push(url);
    return Promise.reject(new Error(`test refused to reach ${url}`));
  }
  return fetch(`${server.root}${url.slice(SITE_ROOT.length)}`, init);
};

beforeAll(async () => {
  fx = await makeFixture();
  dist = join(mkdtempSync(join(tmpdir(), 'insigne-verify-')), 'dist');
  for (const [path, body] of fx.files) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), body);
  }
  mkdirSync(join(dist, 'verify'), { recursive: true });
  writeFileSync(join(dist, 'verify', 'index.html'), '<!doctype html><html></html>');
  server = await startStaticServer(dist, {
    routes: { [sitePaths.assertion('withdrawn')]: { status: 410, body: '' } },
  });
});
afterAll(async () => {
  await server.close();
});

describe('createHttpResolver', () => {
  it('fetches bodies with their content type, and reports HTTP errors with their status', async () => {
    const resolve = createHttpResolver();
    const ok = await resolve(`${server.root}issuers/lycee/did.json`);
    expect(ok).toMatchObject({ ok: true, status: 200, contentType: 'application/json; charset=utf-8' });
    expect(JSON.parse(new TextDecoder().decode(ok.ok ? ok.body : new Uint8Array())).id).toBe(
      fx.urls.issuerDid('lycee'),
    );
    expect(await resolve(`${server.root}nulle-part.json`)).toMatchObject({ ok: false, status: 404 });
    expect(await resolve(`${server.root}${sitePaths.assertion('withdrawn')}`)).toMatchObject({
      ok: false,
      status: 410,
    });
  });

  it('refuses what is not http(s), bodies over the limit, and reports unreachable servers', async () => {
    const resolve = createHttpResolver({ maxBytes: 100 });
    expect(await resolve('file:///etc/passwd')).toMatchObject({ ok: false });
    expect(await resolve(`${server.root}issuers/lycee/did.json`)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('larger than 100 bytes'),
      tooLarge: true,
    });
    const closed = await startStaticServer(dist);
    await closed.close();
    expect(await resolve(`${closed.root}x.json`)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('could not be fetched'),
    });
  });

  it('verifies a published site over HTTP: credential, token, hosted assertion, and a 410 Gone', async () => {
    const resolver = createHttpResolver({ fetch: localFetch });
    const plain = fx.awards.plain.id;
    for (const path of [
      sitePaths.credential(plain),
      sitePaths.credentialJwt(plain),
      sitePaths.assertion(plain),
    ]) {
      const report = await verifyBadge({ url: `${SITE_ROOT}${path}` }, { resolver, now: NOW });
      expect(report.verdict, path).toBe('verified');
    }
    const gone = await verifyBadge(
      { url: `${SITE_ROOT}${sitePaths.assertion('withdrawn')}` },
      { resolver, now: NOW },
    );
    expect(gone.verdict).toBe('revoked');
    expect(refused).toEqual([]);
  });
});

describe('createSiteDirResolver', () => {
  const resolve = () => createSiteDirResolver(dist, SITE_ROOT);

  it('reads site URLs from the folder, directory URLs as index.html', async () => {
    expect(await resolve()(`${SITE_ROOT}issuers/lycee/did.json`)).toMatchObject({
      ok: true,
      contentType: 'application/json',
    });
    expect(await resolve()(`${SITE_ROOT}verify/`)).toMatchObject({ ok: true, contentType: 'text/html' });
    expect(await resolve()(`${SITE_ROOT}nulle-part.json`)).toMatchObject({ ok: false, status: 404 });
  });

  it('never reads outside the folder or the site', async () => {
    expect(await resolve()(`${SITE_ROOT}../../etc/passwd`)).toMatchObject({ ok: false });
    expect(await resolve()(`${SITE_ROOT}%2e%2e/%2e%2e/etc/passwd`)).toMatchObject({ ok: false });
    expect(await resolve()('https://ailleurs.example/did.json')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not part of the site'),
    });
  });
});

describe('loadSiteRoot', () => {
  const project = (config: string) => {
    const root = mkdtempSync(join(tmpdir(), 'insigne-config-'));
    writeFileSync(join(root, 'astro.config.mjs'), config);
    return root;
  };

  it("reads the project's site and base", async () => {
    expect(await loadSiteRoot(PROJECT_ROOT)).toBe('https://lycee-trois-rivieres.github.io/badges/');
  });

  it('reads literals without running the config, and runs it for computed values', async () => {
    expect(await loadSiteRoot(project(`export default {\n  site: "https://ecole.example",\n};\n`))).toBe(
      'https://ecole.example/',
    );
    const computed = `const host = ['https://', 'calcule.example'].join('');\nexport default {\n  site: host,\n  base: '/b',\n};\n`;
    expect(await loadSiteRoot(project(computed))).toBe('https://calcule.example/b/');
    await expect(loadSiteRoot(project('export default {};\n'))).rejects.toMatchObject({
      code: 'ERR_SITE_UNKNOWN',
    });
  });
});
