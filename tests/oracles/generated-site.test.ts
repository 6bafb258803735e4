/**
 * The oracles on generated content: the credential tests' synthetic school (generated and fixed keys;
 * valid, revoked, expired and leap-day awards, a status index at the list's last entry), emitted by the
 * real emit stage with artwork, so every award also has a baked PNG and SVG. A milestone of two of its
 * badges is added, with one award, so its criteria links and `ceterms:Credential` alignments are signed
 * and checked too. Third parties endorse a
 * badge and the issuer, each with its own did:key, and one award with the did:web of its site (its DID
 * document pinned in the content, served to the oracles at the endorser's URL).
 */

import { toSiteFiles } from '../../src/core/emit/site-files.ts';
import { awardState } from '../../src/core/model/status.ts';
import type { Award, Badge, Model } from '../../src/core/model/types.ts';
import { samplePng } from '../core/bake/helpers.ts';
import { makeFixture, NOW, SITE_ROOT, TODAY } from '../core/verify/fixture.ts';
import { describeOracles } from './check-site.ts';
import { withEndorsements } from './endorsements.ts';
import { siteFromFiles, withEndorserDocuments } from './published-site.ts';

const fx = await makeFixture();
const endorsed = await withEndorsements(fx);
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="30"/></svg>';
const milestone: Badge = {
  ...fx.badges.robotique,
  slug: 'parcours',
  name: 'Parcours [complet]',
  alignments: [],
  requires: {
    atLeast: 1,
    badges: [
      { slug: 'robotique', name: fx.badges.robotique.name, language: 'fr' },
      { slug: 'english', name: fx.badges.english.name, language: 'en' },
    ],
  },
};
const milestoneAward: Award = {
  ...fx.awards.plain,
  id: '5a2b8e1d-7f9e-4b6c-8d8e-0f1a2b3c4d56',
  badge: milestone.slug,
  statusIndex: 42,
};
const model: Model = {
  ...endorsed.model,
  badges: new Map([...endorsed.model.badges, [milestone.slug, milestone]]),
  awards: new Map([...endorsed.model.awards, [milestoneAward.id, milestoneAward]]),
};
const files = await toSiteFiles({
  model,
  urls: fx.urls,
  signers: new Map([[fx.issuer.slug, fx.signer]]),
  today: TODAY,
  artworks: new Map([...model.badges.keys()].map((slug) => [slug, { png: samplePng(), svg: SVG }])),
});

describeOracles('independent verifiers on a generated site', {
  site: withEndorserDocuments(siteFromFiles(files, SITE_ROOT), endorsed.didDocuments),
  awards: [
    ...Object.entries(fx.awards).map(([name, award]) => ({
      id: award.id,
      label: name,
      state: awardState(award, fx.badgeOf(award), TODAY).kind,
    })),
    { id: milestoneAward.id, label: 'milestone', state: awardState(milestoneAward, milestone, TODAY).kind },
  ],
  statusLists: ['issuers/lycee/status-list.json'],
  now: NOW,
  baked: true,
  endorsements: endorsed.paths,
});
