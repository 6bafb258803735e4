/**
 * The oracles on the signed example site that the integration global setup builds with real keys
 * (INSIGNE_TODAY 2026-11-28): the Lycée des Trois-Rivières' 26 awards, one revoked and two expired on that
 * day. Every OB 3.0 artefact (credential JSON, VC-JWT, the payload baked in each PNG and SVG), the
 * status list credential and the regional federation's endorsement, read from the built folder.
 */
import { inject } from 'vitest';
import { awardState } from '../../src/core/model/status.ts';
import { loadContent } from '../../src/shell/content.ts';
import { describeOracles, type ExpectedAward } from './check-site.ts';
import { siteFromDir } from './published-site.ts';

const BUILD_DAY = '2026-11-28';
const content = loadContent(inject('exampleRoot'), BUILD_DAY);
if (!content.ok) throw new Error('the example content must be valid');
const { model } = content;

const awards: ExpectedAward[] = [...model.awards.values()].map((award) => {
  const badge = model.badges.get(award.badge);
  if (badge === undefined) throw new Error(`award ${award.id} has no badge`);
  return { id: award.id, label: award.recipient.name, state: awardState(award, badge, BUILD_DAY).kind };
});
const count = (state: ExpectedAward['state']) => awards.filter((a) => a.state === state).length;
if (awards.length !== 26 || count('revoked') !== 1 || count('expired') !== 2) {
  throw new Error(
    `the example site should hold 26 awards, 1 revoked and 2 expired, not ${awards.length}, ${count('revoked')} and ${count('expired')}`,
  );
}

describeOracles('independent verifiers on the signed example site', {
  site: siteFromDir(inject('exampleDist'), 'https://lycee-trois-rivieres.github.io/badges/'),
  awards,
  statusLists: [...model.issuers.keys()].map((slug) => `issuers/${slug}/status-list.json`),
  now: new Date(`${BUILD_DAY}T00:00:00Z`),
  baked: true,
  endorsements: (model.endorsements ?? []).map((e) => e.path),
});
if ((model.endorsements ?? []).length !== 1) throw new Error('the example site should hold one endorsement');
