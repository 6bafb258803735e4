/**
 * Endorsements from an endorser's machine to a verified mark on the page, built for real: a fresh
 * endorser key (made in its own folder, outside the project), `endorse request` in the project, `endorse
 * sign` on the endorser's side, the signed files committed, `astro build`. The endorsements are published
 * at their ids, embedded where the spec puts them, shown on the pages in both languages, verified by our
 * verifier and by the independent oracles; a changed comment stops `check` and the build alike.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { awardState } from '../../src/core/model/status.ts';
import { loadContent } from '../../src/shell/content.ts';
import { cli } from '../helpers/cli.ts';
import { CONTENT_FIXTURES } from '../helpers/fixtures.ts';
import { astroBuild, scratchProject } from '../helpers/project.ts';
import { describeOracles } from '../oracles/check-site.ts';
import { siteFromDir } from '../oracles/published-site.ts';

const DAY = '2026-11-28';
const SITE = 'https://lycee-trois-rivieres.github.io/badges/';
const AWARD = '0b5e4d8c-3f1a-4c2b-9d7e-6a1f2b3c4d5e';
const BADGE_NAME = 'robotique-niveau-1-federation-regionale-de-robotique';
const AWARD_NAME = `award-${AWARD.slice(0, 8)}-entreprise-partenaire`;
const COMMENT = 'Ce badge suit le référentiel régional de robotique.';

const root = scratchProject(join(CONTENT_FIXTURES, 'valid', 'content'));
const dist = join(mkdtempSync(join(tmpdir(), 'insigne-dist-')), 'dist');
const signed: Record<string, Record<string, unknown>> = {};

/** The endorser's side: a key of their own, and the request signed with it, in a folder of theirs. */
async function endorse(requestArgs: string[], name: string, endorser: string, comment: string) {
  const home = mkdtempSync(join(tmpdir(), 'insigne-endorser-'));
  expect((await cli(home, ['keygen', '--endorser', 'key.private.jwk.json'])).code).toBe(0);
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
  await endorse(['--award', AWARD], AWARD_NAME, 'Entreprise partenaire', 'Un stage remarquable.');
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
    expect(summary.out).toContain('  endorsed   by Entreprise partenaire (did:key:');
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

const content = loadContent(join(CONTENT_FIXTURES, 'valid'), DAY);
if (!content.ok) throw new Error('the valid fixture must link');
describeOracles('independent verifiers on a built site with endorsements', {
  site: siteFromDir(dist, SITE),
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
  it('a changed comment stops both, with the same report', async () => {
    const tampered = scratchProject(join(root, 'content'));
    const file = join(tampered, 'content', 'endorsements', `${BADGE_NAME}.json`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(COMMENT, 'Un badge reconnu au niveau national.'));
    const check = await cli(tampered, ['check']);
    expect(check.code).toBe(1);
    const line = `  28  proof: The endorsement's signature does not match its content: it was changed after Fédération régionale de robotique signed it`;
    expect(check.err).toContain(`content/endorsements/${BADGE_NAME}.json\n${line}`);
    const run = astroBuild(tampered, join(mkdtempSync(join(tmpdir(), 'insigne-dist-')), 'dist'), {
      INSIGNE_TODAY: DAY,
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status).not.toBe(0);
    expect(output).toContain(line);
    expect(output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  }, 240_000);
});
