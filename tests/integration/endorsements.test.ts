/**
 * Endorsements from an endorser's machine to a verified mark on the page, built for real: a fresh
 * endorser key (made in its own folder, outside the project), `endorse request` in the project, `endorse
 * sign` on the endorser's side, the signed files committed, `astro build`. The endorsements are published
 * at their ids, embedded where the spec puts them, shown on the pages in both languages, verified by our
 * verifier and by the independent oracles; a changed comment stops `check` and the build alike.
 *
 * One endorser is a did:key; the other has a web site and is its did:web (`keygen --endorser --did-web`):
 * its DID document is pinned under content/endorsers/ for the check and the build, and fetched from the
 * endorser's host (a loopback server, or Playwright's router in the browser) by `verify` and `/verify`.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awardState } from '../../src/core/model/status.ts';
import { loadContent } from '../../src/shell/content.ts';
import { openSiteBrowser, type SiteBrowser } from '../helpers/browser.ts';
import { cli } from '../helpers/cli.ts';
import { CONTENT_FIXTURES } from '../helpers/fixtures.ts';
import { astroBuild, scratchProject } from '../helpers/project.ts';
import { type StaticServer, startStaticServer } from '../helpers/static-server.ts';
import { describeOracles } from '../oracles/check-site.ts';
import { didWebUrl, siteFromDir } from '../oracles/published-site.ts';

const DAY = '2026-11-28';
const SITE = 'https://lycee-trois-rivieres.github.io/badges/';
const AWARD = '0b5e4d8c-3f1a-4c2b-9d7e-6a1f2b3c4d5e';
const BADGE_NAME = 'robotique-niveau-1-federation-regionale-de-robotique';
const AWARD_NAME = `award-${AWARD.slice(0, 8)}-entreprise-partenaire`;
const COMMENT = 'Ce badge suit le référentiel régional de robotique.';

const root = scratchProject(join(CONTENT_FIXTURES, 'valid', 'content'));
const dist = join(mkdtempSync(join(tmpdir(), 'insigne-dist-')), 'dist');
const signed: Record<string, Record<string, unknown>> = {};
/** The did:web endorser: its site, its DID, its DID document as keygen wrote it, the pinned copy's path. */
const WEB_SITE = 'https://entreprise.example/';
const WEB_DID = 'did:web:entreprise.example';
const WEB_PINNED = 'content/endorsers/entreprise.example/did.json';
let webDocument = '';
/** Documents other hosts serve, for the oracles: the did:web endorser's did.json (filled in once made). */
const elsewhere = new Map<string, string>();

/**
 * The endorser's side: a key of their own, and the request signed with it, in a folder of theirs. With
 * `site`, they are its did:web, and the administrator pins the DID document they send with the endorsement.
 */
async function endorse(
  requestArgs: string[],
  name: string,
  endorser: string,
  comment: string,
  site?: string,
) {
  const home = mkdtempSync(join(tmpdir(), 'insigne-endorser-'));
  const web = site === undefined ? [] : ['--did-web', site];
  expect((await cli(home, ['keygen', '--endorser', 'key.private.jwk.json', ...web])).code).toBe(0);
  if (site !== undefined) {
    webDocument = readFileSync(join(home, 'key.did.json'), 'utf8');
    mkdirSync(join(root, WEB_PINNED, '..'), { recursive: true });
    writeFileSync(join(root, WEB_PINNED), webDocument);
    elsewhere.set(didWebUrl(WEB_DID), webDocument);
  }
  const request = await cli(root, [
    'endorse',
    'request',
    ...requestArgs,
    '--endorser-name',
    endorser,
    '--endorser-url',
    'https://endorser.example',
    '--comment',
    comment,
  ]);
  expect(request.err).toBe('');
  copyFileSync(join(root, `${name}.request.json`), join(home, `${name}.request.json`));
  const sign = await cli(home, ['endorse', 'sign', `${name}.request.json`, '--key', 'key.private.jwk.json']);
  expect(sign.code).toBe(0);
  const text = readFileSync(join(home, `${name}.json`), 'utf8');
  mkdirSync(join(root, 'content', 'endorsements'), { recursive: true });
  writeFileSync(join(root, 'content', 'endorsements', `${name}.json`), text);
  signed[name] = JSON.parse(text);
}

const read = (path: string) => readFileSync(join(dist, path), 'utf8');
const json = (path: string) => JSON.parse(read(path));

beforeAll(async () => {
  await endorse(['--badge', 'robotique-niveau-1'], BADGE_NAME, 'Fédération régionale de robotique', COMMENT);
  await endorse(['--award', AWARD], AWARD_NAME, 'Entreprise partenaire', 'Un stage remarquable.', WEB_SITE);
  expect((await cli(root, ['check'])).out).toContain('2 endorsement(s)');
  const run = astroBuild(root, dist, { INSIGNE_TODAY: DAY });
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
}, 600_000);

describe('endorsements in a real build', () => {
  it('publishes each endorsement at its id, unchanged', () => {
    for (const name of [BADGE_NAME, AWARD_NAME]) {
      const document = json(`endorsements/${name}.json`);
      expect(document).toEqual(signed[name]);
      expect(document.id).toBe(`${SITE}endorsements/${name}.json`);
    }
    // The did:web endorser's pinned DID document is read by the build, not published.
    expect(existsSync(join(dist, 'endorsers'))).toBe(false);
    expect(JSON.stringify(signed[AWARD_NAME]?.issuer)).toContain(WEB_DID);
  });

  it('embeds them in the Achievement and the credentials, where the spec puts them', () => {
    expect(json('badges/robotique-niveau-1/achievement.json').endorsement).toEqual([signed[BADGE_NAME]]);
    const credential = json(`awards/${AWARD}/credential.json`);
    expect(credential.credentialSubject.achievement.endorsement).toEqual([signed[BADGE_NAME]]);
    expect(credential.endorsement).toEqual([signed[AWARD_NAME]]);
    expect(credential.issuer.endorsement).toBeUndefined();
  });

  it('shows them on the badge and award pages, in French and in English, with the verified mark', () => {
    const fr = read('badges/robotique-niveau-1/index.html');
    expect(fr).toContain('<h2 id="endorsements-title">Recommandations</h2>');
    expect(fr).toContain(`<blockquote class="long-text">${COMMENT}</blockquote>`);
    expect(fr).toContain(
      '<a href="https://endorser.example/" rel="noopener">Fédération régionale de robotique</a>',
    );
    expect(fr).toContain('Signature vérifiée lors de la publication du site');
    expect(fr).toContain(`href="/badges/endorsements/${BADGE_NAME}.json"`);
    expect(fr).toContain(`<time datetime="${DAY}">28 novembre 2026</time>`);
    const en = read('badges/robotique-niveau-1/en/index.html');
    expect(en).toContain('Signature verified when the site was built');
    const award = read(`awards/${AWARD}/index.html`);
    expect(award).toContain('Un stage remarquable.');
    expect(award).toContain(COMMENT);
  });

  it('our verifier reports each embedded endorsement, verified, with its endorser', async () => {
    const summary = await cli(root, ['verify', join(dist, `awards/${AWARD}/badge.png`), '--site-dir', dist]);
    expect(summary.out).toMatch(
      /\n {2}endorsed {3}by Fédération régionale de robotique \(did:key:z6Mk\w+\), verified: "Ce badge suit le référentiel régional de robotique\."\n/,
    );
    // The did:web endorser's document read from the project's pinned copy, as the build read it.
    expect(summary.out).toContain(`  endorsed   by Entreprise partenaire (${WEB_DID}), verified: `);
    const run = await cli(root, [
      'verify',
      join(dist, `awards/${AWARD}/credential.json`),
      '--site-dir',
      dist,
      '--json',
    ]);
    const report = JSON.parse(run.out);
    const payload = report.payloads[0];
    expect(payload.checks.find((c: { id: string }) => c.id === 'endorsements')).toMatchObject({
      status: 'success',
    });
    expect(
      payload.endorsements.map((e: { endorser: { name: string }; verified: boolean }) => [
        e.endorser.name,
        e.verified,
      ]),
    ).toEqual([
      ['Entreprise partenaire', true],
      ['Fédération régionale de robotique', true],
    ]);
  });
});

/** The did:web endorser's host on loopback: its folder, whose `.well-known/did.json` each test sets. */
const webHome = mkdtempSync(join(tmpdir(), 'insigne-endorser-site-'));
const serveWebDocument = (text: string | undefined) => {
  rmSync(join(webHome, '.well-known'), { recursive: true, force: true });
  if (text === undefined) return;
  mkdirSync(join(webHome, '.well-known'));
  writeFileSync(join(webHome, '.well-known', 'did.json'), text);
};
/** The same DID document listing another key: the endorser rotated theirs. */
const rotatedDocument = () =>
  webDocument.replace(/"z6Mk(\w)/g, (_, first: string) => `"z6Mk${first === 'a' ? 'b' : 'a'}`);

describe('verify over the network: the did:web endorser’s document is fetched from its site', () => {
  let siteServer: StaticServer;
  let webServer: StaticServer;
  const realFetch = globalThis.fetch;
  beforeAll(async () => {
    siteServer = await startStaticServer(dist);
    webServer = await startStaticServer(webHome, { base: '/' });
    // The command's resolver uses the global fetch: the site and the endorser's host, both on loopback.
    globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.startsWith(SITE)) return realFetch(`${siteServer.root}${url.slice(SITE.length)}`, init);
      if (url.startsWith(WEB_SITE)) return realFetch(`${webServer.root}${url.slice(WEB_SITE.length)}`, init);
      throw new TypeError(`the test reaches no network: ${url}`);
    };
  });
  afterAll(async () => {
    globalThis.fetch = realFetch;
    await siteServer?.close();
    await webServer?.close();
  });
  const verifyJson = async () => {
    const run = await cli(root, ['verify', `${SITE}awards/${AWARD}/credential.json`, '--json']);
    const report = JSON.parse(run.out);
    const endorsement = report.payloads[0].endorsements.find(
      (e: { endorser: { id: string } }) => e.endorser.id === WEB_DID,
    );
    return { run, report, endorsement };
  };

  it('verifies the endorsement with the did.json the endorser publishes', async () => {
    serveWebDocument(webDocument);
    const { run, report, endorsement } = await verifyJson();
    expect(report.verdict).toBe('verified');
    expect(run.code).toBe(0);
    expect(endorsement).toMatchObject({ verified: true });
    expect(webServer.requests).toContain('/.well-known/did.json');
  });

  it('cannot verify, to try again later, when the did.json cannot be fetched', async () => {
    serveWebDocument(undefined);
    const { run, report, endorsement } = await verifyJson();
    expect(run.code).toBe(1);
    expect(report.verdict).toBe('error');
    expect(endorsement.verified).toBe(false);
    const summary = await cli(root, ['verify', `${SITE}awards/${AWARD}/credential.json`]);
    expect(summary.out).toMatch(/^✖ COULD NOT VERIFY: .*Try again later\./);
  });

  it('fails the badge when the did.json no longer holds the endorsement’s key', async () => {
    serveWebDocument(rotatedDocument());
    const { report, endorsement } = await verifyJson();
    expect(report.verdict).toBe('key-not-issuers');
    expect(endorsement.verified).toBe(false);
  });
});

describe('the /verify page: the did:web endorser’s document is fetched from its site, CORS open', () => {
  let browser: SiteBrowser;
  beforeAll(async () => {
    browser = await openSiteBrowser(dist, SITE);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    expect(browser.refused).toEqual([]);
  });
  /** The verdict of the award's credential, the endorser's host answering with `answer`. */
  const verdictWith = async (answer: { status: number; body?: string }) => {
    const page: Page = await browser.newPage();
    // Registered last, so it answers before the helper's catch-all: the endorser's own host.
    await page.route(`${WEB_SITE}**`, (route) =>
      route.fulfill({
        status: answer.status,
        contentType: 'application/json',
        // As GitHub Pages serves it: the page on another origin may read it.
        headers: { 'access-control-allow-origin': '*' },
        body: answer.body ?? '',
      }),
    );
    await page.goto(`${browser.server.root}verify/`);
    await page.setInputFiles('#verify-file', join(dist, `awards/${AWARD}/credential.json`));
    const verdict = page.locator('[data-verify-result] [data-verdict]');
    await verdict.waitFor({ timeout: 20_000 });
    const result = {
      verdict: await verdict.getAttribute('data-verdict'),
      text: (await page.locator('[data-verify-result]').textContent()) ?? '',
    };
    await page.close();
    return result;
  };

  it('verifies it when the host serves did.json with Access-Control-Allow-Origin: *', async () => {
    const { verdict, text } = await verdictWith({ status: 200, body: webDocument });
    expect(verdict).toBe('verified');
    expect(text).toContain(`✔ Entreprise partenaire (${WEB_DID})`);
  });

  it('cannot verify (try again later) when the document is missing', async () => {
    const { verdict, text } = await verdictWith({ status: 404 });
    expect(verdict).toBe('error');
    expect(text).toContain(`✖ Entreprise partenaire (${WEB_DID})`);
  });
});

const content = loadContent(join(CONTENT_FIXTURES, 'valid'), DAY);
if (!content.ok) throw new Error('the valid fixture must link');
describeOracles('independent verifiers on a built site with endorsements', {
  site: { ...siteFromDir(dist, SITE), elsewhere },
  awards: [...content.model.awards.values()].map((award) => ({
    id: award.id,
    label: award.recipient.name,
    state: awardState(award, content.model.badges.get(award.badge) ?? expect.unreachable(), DAY).kind,
  })),
  statusLists: ['issuers/ecole-test/status-list.json'],
  now: new Date(`${DAY}T00:00:00Z`),
  baked: true,
  endorsements: [`endorsements/${AWARD_NAME}.json`, `endorsements/${BADGE_NAME}.json`],
});

describe('check equals build, for endorsements', () => {
  it('a changed comment and a did:web endorser’s rotated key stop both, with the same report', async () => {
    const tampered = scratchProject(join(root, 'content'));
    const file = join(tampered, 'content', 'endorsements', `${BADGE_NAME}.json`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(COMMENT, 'Un badge reconnu au niveau national.'));
    writeFileSync(join(tampered, WEB_PINNED), rotatedDocument());
    const check = await cli(tampered, ['check']);
    expect(check.code).toBe(1);
    const line = `  28  proof: The endorsement's signature does not match its content: it was changed after Fédération régionale de robotique signed it`;
    const rotated = `proof: The endorsement is signed with ${JSON.parse(webDocument).assertionMethod[0]}, which the endorser's DID document (${WEB_PINNED}) does not list as a signing key (assertionMethod) of ${WEB_DID}.`;
    expect(check.err).toContain(`content/endorsements/${BADGE_NAME}.json\n${line}`);
    expect(check.err).toContain(rotated);
    const run = astroBuild(tampered, join(mkdtempSync(join(tmpdir(), 'insigne-dist-')), 'dist'), {
      INSIGNE_TODAY: DAY,
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status).not.toBe(0);
    expect(output).toContain(line);
    expect(output).toContain(rotated);
    expect(output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  }, 240_000);
});
