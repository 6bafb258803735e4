/**
 * The oracles' rule over a whole site: every OB 3.0 artefact of every award verifies with each
 * independent verifier as its award's state says (valid, expired, revoked), every proof present verifies
 * as it stands, and a VC-JWT payload carries no `proof`. The issuers' status list credentials are checked
 * the same way. Shared by the example-site and generated-site tests.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ob3ArtefactsOf } from './artefacts.ts';
import { verifyWithDcc } from './dcc.ts';
import { verifyWithDigitalBazaar } from './digitalbazaar.ts';
import { verifyJwtWithJsonwebtoken } from './jwt.ts';
import { createOfflineLoader, installOfflineFetch, type OfflineFetch } from './offline.ts';
import type { PublishedSite } from './published-site.ts';
import { textOf } from './published-site.ts';
import type { OracleVerdict } from './verdict.ts';

export interface ExpectedAward {
  readonly id: string;
  /** A name for the test title. */
  readonly label: string;
  readonly state: 'valid' | 'expired' | 'revoked';
}

export interface SiteUnderTest {
  readonly site: PublishedSite;
  readonly awards: readonly ExpectedAward[];
  /** Site paths of the issuers' status list credentials. */
  readonly statusLists: readonly string[];
  /** The build day's first instant: the day the site's states describe. */
  readonly now: Date;
  /** Whether the awards carry baked images (each must then hold an OB 3.0 payload). */
  readonly baked: boolean;
  /** Site paths of the endorsements the site publishes (each also embedded where its subject is). */
  readonly endorsements?: readonly string[];
}

/** Every endorsement a credential carries: its own, its issuer's and its Achievement's. */
export function embeddedEndorsements(credential: Record<string, unknown>): Record<string, unknown>[] {
  const of = (holder: unknown) =>
    typeof holder === 'object' &&
    holder !== null &&
    Array.isArray((holder as { endorsement?: unknown }).endorsement)
      ? (holder as { endorsement: Record<string, unknown>[] }).endorsement
      : [];
  const subject = credential.credentialSubject as { achievement?: unknown } | undefined;
  return [...of(credential), ...of(credential.issuer), ...of(subject?.achievement)];
}

const VERDICT: Record<ExpectedAward['state'], OracleVerdict> = {
  valid: 'verified',
  expired: 'expired',
  revoked: 'revoked',
};

/** Declares the oracle tests of a site. */
export function describeOracles(title: string, subject: SiteUnderTest): void {
  const { awards } = subject;
  describe(title, () => {
    let network: OfflineFetch;
    beforeAll(() => {
      network = installOfflineFetch(subject.site);
      // verifier-core reads the clock for expiry: it reads the build day, as Insigne's pages do.
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(subject.now);
    });
    afterAll(() => {
      vi.useRealTimers();
      network?.restore();
    });

    it('holds every OB 3.0 artefact of every award, and the status lists', () => {
      for (const award of awards) {
        const forms = ob3ArtefactsOf(subject.site, award.id).map(
          (a) => `${a.path.split('/').at(-1)} ${a.form}`,
        );
        expect(forms).toEqual([
          'credential.json json',
          'credential.jwt jwt',
          ...(subject.baked
            ? ['badge.png#openbadgecredential json', 'badge.svg#openbadgecredential json']
            : []),
        ]);
      }
      expect(subject.statusLists.length).toBeGreaterThan(0);
    });

    it('status list credentials verify with both Data Integrity oracles', async () => {
      const loader = createOfflineLoader(subject.site);
      for (const path of subject.statusLists) {
        const bytes = subject.site.read(path) ?? expect.unreachable(path);
        const list = JSON.parse(textOf(bytes));
        expect(await verifyWithDigitalBazaar(list, loader, subject.now), path).toMatchObject({
          verdict: 'verified',
        });
        const dcc = await verifyWithDcc(list);
        expect(dcc.verdict, `${path}: ${dcc.detail}`).toBe('verified');
      }
      expect(loader.unknown).toEqual([]);
      expect(network.unknown).toEqual([]);
    });

    for (const award of awards) {
      const expected = VERDICT[award.state];
      it(`${award.label} (${award.state}): every OB 3.0 artefact verifies as ${expected}`, async () => {
        const loader = createOfflineLoader(subject.site);
        for (const artefact of ob3ArtefactsOf(subject.site, award.id)) {
          if (artefact.form === 'json') {
            const credential = JSON.parse(artefact.text);
            expect(credential.proof, `${artefact.path} carries its proof`).toBeDefined();
            const bazaar = await verifyWithDigitalBazaar(credential, loader, subject.now);
            expect(bazaar.verdict, `digitalbazaar on ${artefact.path}: ${bazaar.detail}`).toBe(expected);
            const dcc = await verifyWithDcc(credential);
            expect(dcc.verdict, `verifier-core on ${artefact.path}: ${dcc.detail}`).toBe(expected);
            expect(dcc.schemaValid, `verifier-core schema check on ${artefact.path}`).toBe(true);
          } else {
            const jwt = await verifyJwtWithJsonwebtoken(artefact.text, subject.site, loader, subject.now);
            expect(jwt.verdict, `jsonwebtoken on ${artefact.path}: ${jwt.detail}`).toBe(expected);
            expect(jwt.payload, `${artefact.path} payload`).not.toHaveProperty('proof');
            // The payload is a credential without proof: both Data Integrity oracles must say so, not pass it.
            const dcc = await verifyWithDcc(jwt.payload ?? {});
            expect(dcc.response.errors?.map((e) => e.name)).toEqual(['no_proof']);
          }
        }
        expect(loader.unknown).toEqual([]);
        expect(network.unknown).toEqual([]);
      });
    }

    it('every endorsement, published at its id and embedded in credentials, verifies with both oracles', async () => {
      const loader = createOfflineLoader(subject.site);
      const published = (subject.endorsements ?? []).map((path) => {
        const bytes = subject.site.read(path) ?? expect.unreachable(path);
        return JSON.parse(textOf(bytes)) as Record<string, unknown>;
      });
      const embedded = new Map<string, Record<string, unknown>>();
      for (const award of awards) {
        const json = ob3ArtefactsOf(subject.site, award.id).find((a) => a.form === 'json');
        for (const e of embeddedEndorsements(JSON.parse(json?.text ?? '{}')))
          embedded.set(JSON.stringify(e), e);
      }
      // Embedded exactly as published: the same documents, byte for byte once serialised.
      expect(new Set(embedded.keys())).toEqual(new Set(published.map((e) => JSON.stringify(e))));
      for (const endorsement of published) {
        const id = String(endorsement.id);
        const bazaar = await verifyWithDigitalBazaar(endorsement, loader, subject.now);
        expect(bazaar.verdict, `digitalbazaar on ${id}: ${bazaar.detail}`).toBe('verified');
        const dcc = await verifyWithDcc(endorsement);
        expect(dcc.verdict, `verifier-core on ${id}: ${dcc.detail}`).toBe('verified');
      }
      expect(loader.unknown).toEqual([]);
      expect(network.unknown).toEqual([]);
    });

    it('verifier-core took the keys, the status lists and the schema from the site and the pinned copies', () => {
      const asked = new Set(network.asked);
      expect([...asked].some((url) => url.startsWith(subject.site.root) && url.endsWith('/did.json'))).toBe(
        true,
      );
      for (const path of subject.statusLists) expect(asked).toContain(`${subject.site.root}${path}`);
      // A did:web endorser's document, read by verifier-core's own did:web driver at the endorser's URL.
      for (const url of subject.site.elsewhere?.keys() ?? []) expect(asked).toContain(url);
      expect(asked).toContain(
        'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
      );
      expect(network.unknown).toEqual([]);
    });
  });
}
