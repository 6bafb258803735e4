/**
 * The oracles on generated content: the credential tests' synthetic school (generated and fixed keys;
 * valid, revoked, expired and leap-day awards, a status index at the list's last entry), emitted by the
 * real emit stage with artwork, so every award also has a baked PNG and SVG; a third party endorses a
 * badge, the issuer and one award, each with its own did:key.
 */

import { toSiteFiles } from '../../src/core/emit/site-files.ts';
import { awardState } from '../../src/core/model/status.ts';
import { samplePng } from '../core/bake/helpers.ts';
import { makeFixture, NOW, SITE_ROOT, TODAY } from '../core/verify/fixture.ts';
import { describeOracles } from './check-site.ts';
import { withEndorsements } from './endorsements.ts';
import { siteFromFiles } from './published-site.ts';

const fx = await makeFixture();
const endorsed = await withEndorsements(fx);
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="30"/></svg>';
const files = await toSiteFiles({
  model: endorsed.model,
  urls: fx.urls,
  signers: new Map([[fx.issuer.slug, fx.signer]]),
  today: TODAY,
  artworks: new Map([...fx.model.badges.keys()].map((slug) => [slug, { png: samplePng(), svg: SVG }])),
});

describeOracles('independent verifiers on a generated site', {
  site: siteFromFiles(files, SITE_ROOT),
  awards: Object.entries(fx.awards).map(([name, award]) => ({
    id: award.id,
    label: name,
    state: awardState(award, fx.badgeOf(award), TODAY).kind,
  })),
  statusLists: ['issuers/lycee/status-list.json'],
  now: NOW,
  baked: true,
  endorsements: endorsed.paths,
});
