/**
 * The build's self-check (DESIGN §2 "the build verifies every artefact it emitted"): every credential,
 * assertion and baked image of every award is verified with the same verifier as the CLI and the verify
 * page, against the key documents and status lists the build itself emitted (a resolver over the files
 * just built, a map or a reader of the staging folder: nothing is fetched), at the build day.
 *
 * A revoked award must come out "revoked" and an expired one "expired": the check compares each artefact's
 * verdict with the award's state in the model (`awardState`), and fails only when they differ, or when an
 * artefact carries another award than its own.
 *
 * A VC-JWT is also held to the publishing rule of DIGEST §4 "Measured trap": its payload carries no `proof`
 * (the JWS proves it, and a Data Integrity proof copied in would not cover the payload it sits in).
 *
 * Cost: one Data Integrity verification per award (the expensive part: RDF canonicalization), since the
 * verifier shares did.json, status lists and imported keys, and verifies a payload once per text (a baked
 * image carries the very credential and JWS the award publishes as files). Measured at about 3 ms per award
 * for six artefacts on one busy core. Awards are independent: `shard` splits them between workers.
 *
 * With a verdict cache, an award whose artefacts came out as expected is not verified again while nothing
 * its verdicts depend on changed: the key is a hash of the verifier's code version, the verification day,
 * the expected verdict, the award's id, the bytes of each of its artefacts and of every data file outside
 * `awards/` (key documents, did.json, status lists, profiles, badge classes: whatever a verification may
 * fetch). An award whose verification fetched another award's files (never the case for what Insigne
 * emits) is not cached; a fetch answered from the session's memory of an earlier award could hide one, but
 * such an artefact carries the other award's id, which fails the check below anyway.
 */
import { createHash } from 'node:crypto';
import { createPinnedResolver } from '../core/endorsements/pinned.ts';
import { awardState } from '../core/model/status.ts';
import type { Award, Model } from '../core/model/types.ts';
import { awardUrn, type SiteUrls, sitePaths } from '../core/urls.ts';
import {
  createFilesResolver,
  createVerifier,
  type SiteFileSource,
  type Verdict,
  type VerificationReport,
  type VerifyInput,
} from '../core/verify/index.ts';
import { decodeCompactJws } from '../core/verify/jws.ts';
import type { CacheStats } from './build/cache-store.ts';

export interface SelfCheckOptions {
  readonly model: Model;
  readonly urls: SiteUrls;
  /** The build day (YYYY-MM-DD): artefacts are verified at its first instant, the day the pages describe. */
  readonly today: string;
  /** Check only awards whose position modulo `count` is `index` (to split the work between workers). */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Verdicts of earlier builds (see the module comment). */
  readonly verdicts?: VerdictCache;
}

/** Where verdicts are kept, with what every key shares. */
export interface VerdictCache {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  refuse(key: string): void;
  /** The verifier's code version. */
  readonly code: string;
  /** A hash of every data file outside `awards/`. */
  readonly shared: string;
}

export interface SelfCheckFailure {
  /** Site path of the artefact. */
  readonly path: string;
  readonly awardId: string;
  readonly expected: Verdict;
  readonly actual: Verdict;
  /** One line: what went wrong. */
  readonly reason: string;
  /** The full report, for diagnosis. */
  readonly report: VerificationReport;
}

export interface SelfCheckResult {
  readonly ok: boolean;
  readonly awards: number;
  readonly artefacts: number;
  /** How many artefacts came out with each verdict. */
  readonly verdicts: Readonly<Partial<Record<Verdict, number>>>;
  readonly failures: readonly SelfCheckFailure[];
  readonly milliseconds: number;
  /** What the verdict cache gave, when there was one. */
  readonly cache?: CacheStats;
}

/** The artefacts an award may have; only those present in the files are checked. */
const ARTEFACTS = [
  (award: string) => sitePaths.credential(award),
  (award: string) => sitePaths.credentialJwt(award),
  (award: string) => sitePaths.assertion(award),
  (award: string) => sitePaths.assertionJws(award),
  (award: string) => sitePaths.bakedImage(award, 'png'),
  (award: string) => sitePaths.bakedImage(award, 'svg'),
];

const encoder = new TextEncoder();

/** Awards verified with one verifier (one cache of fetched documents). */
const BATCH = 256;

const decoder = new TextDecoder();

/** Why a published VC-JWT breaks the publishing rule (a `proof` in its payload), or undefined. */
function jwtPayloadProblem(body: string | Uint8Array): string | undefined {
  const jws = decodeCompactJws(typeof body === 'string' ? body : decoder.decode(body));
  if (jws === undefined) return 'the VC-JWT is not a compact JWS with JSON header and payload';
  return jws.payload.proof === undefined
    ? undefined
    : 'the VC-JWT payload carries a proof: the JWS alone proves it, and that proof does not cover the payload';
}

function expectedVerdict(model: Model, award: Award, today: string): Verdict {
  const badge = model.badges.get(award.badge);
  if (badge === undefined) return 'not-a-badge';
  const state = awardState(award, badge, today);
  return state.kind === 'valid' ? 'verified' : state.kind;
}

/** The first failing check of a report, as one line. */
function firstProblem(report: VerificationReport): string {
  for (const check of [...report.checks, ...report.payloads.flatMap((payload) => payload.checks)]) {
    if (check.status === 'failure' && check.verdict !== undefined) {
      const problem = check.problems[0];
      return `${check.id}: ${problem ? `${problem.title} (${problem.detail})` : check.message}`;
    }
  }
  return 'no failing check';
}

const sha256 = (body: string | Uint8Array) => createHash('sha256').update(body).digest('hex');

/** The verdict cache key of an award's artefacts (`bodies` in ARTEFACTS order, undefined when absent). */
function verdictKey(
  cache: VerdictCache,
  today: string,
  expected: Verdict,
  award: string,
  bodies: readonly (string | Uint8Array | undefined)[],
  pinned?: string,
): string {
  const parts = [
    'verdicts',
    cache.code,
    today,
    expected,
    award,
    cache.shared,
    ...bodies.map((body) => (body === undefined ? '-' : sha256(body))),
    // Only when there are pinned DID documents, so that keys of sites without any stay as they were.
    ...(pinned === undefined ? [] : [`pinned ${pinned}`]),
  ];
  return sha256(parts.join('\n'));
}

/** Verifies every award artefact present in `files`; see the module comment. */
export async function selfCheck(files: SiteFileSource, options: SelfCheckOptions): Promise<SelfCheckResult> {
  const started = performance.now();
  const { model, urls, today, shard, verdicts: cache } = options;
  const root = urls.absolute('');
  // did:web endorsers' documents come from the pinned copies the content check read, never fetched; they
  // are part of every verdict's key (below), like the site's shared files.
  const pinned = [...(model.endorsers?.values() ?? [])];
  const pinnedUrls = new Set(pinned.map((document) => document.url));
  const pinnedHash =
    pinned.length === 0 ? undefined : sha256(pinned.map((d) => `${d.url}\n${d.text}`).join('\n'));
  const filesResolver = createPinnedResolver(model.endorsers ?? new Map(), createFilesResolver(files, root));
  // Which award is being verified, and whether its verification fetched what is not its own.
  let current = '';
  let foreignFetch = false;
  const resolver: typeof filesResolver = (url) => {
    const path = url.startsWith(root) ? url.slice(root.length) : undefined;
    if (pinnedUrls.has(url)) return filesResolver(url);
    if (path === undefined || (path.startsWith('awards/') && !path.startsWith(`awards/${current}/`)))
      foreignFetch = true;
    return filesResolver(url);
  };
  let verifier = createVerifier(resolver);
  const now = new Date(`${today}T00:00:00Z`);
  const failures: SelfCheckFailure[] = [];
  const verdicts: Partial<Record<Verdict, number>> = {};
  let artefacts = 0;
  let awards = 0;
  let position = 0;
  for (const award of model.awards.values()) {
    if (shard !== undefined && position++ % shard.count !== shard.index) continue;
    // A verifier keeps what it fetched; a fresh one per batch bounds memory on large sites, at the cost
    // of re-reading the few shared documents (did.json, status lists) once per batch.
    if (++awards % BATCH === 0) verifier = createVerifier(resolver);
    const expected = expectedVerdict(model, award, today);
    const ownIds = new Set([awardUrn(award.id), urls.absolute(sitePaths.assertion(award.id))]);
    const bodies = ARTEFACTS.map((pathOf) => files.get(pathOf(award.id)));
    const present = bodies.filter((body) => body !== undefined).length;
    const key = cache && verdictKey(cache, today, expected, award.id, bodies, pinnedHash);
    const cached = key === undefined ? undefined : cache?.get(key);
    if (key !== undefined && cached !== undefined) {
      if (cached === `${expected}*${present}`) {
        artefacts += present;
        verdicts[expected] = (verdicts[expected] ?? 0) + present;
        continue;
      }
      cache?.refuse(key);
    }
    current = award.id;
    foreignFetch = false;
    const failuresBefore = failures.length;
    for (const [index, pathOf] of ARTEFACTS.entries()) {
      const path = pathOf(award.id);
      const body = bodies[index];
      if (body === undefined) continue;
      artefacts++;
      const input: VerifyInput =
        path === sitePaths.assertion(award.id)
          ? { url: urls.absolute(path) }
          : { bytes: typeof body === 'string' ? encoder.encode(body) : body };
      const report = await verifier.verify(input, { now });
      verdicts[report.verdict] = (verdicts[report.verdict] ?? 0) + 1;
      const foreign = report.payloads.find((payload) => payload.badge?.id && !ownIds.has(payload.badge.id));
      const jwtProblem = path === sitePaths.credentialJwt(award.id) ? jwtPayloadProblem(body) : undefined;
      if (report.verdict !== expected || foreign !== undefined || jwtProblem !== undefined) {
        failures.push({
          path,
          awardId: award.id,
          expected,
          actual: report.verdict,
          reason: foreign
            ? `carries ${foreign.badge?.id}, not award ${award.id}`
            : (jwtProblem ?? firstProblem(report)),
          report,
        });
      }
    }
    if (key !== undefined && failures.length === failuresBefore && !foreignFetch)
      cache?.set(key, `${expected}*${present}`);
  }
  return {
    ok: failures.length === 0,
    awards,
    artefacts,
    verdicts,
    failures,
    milliseconds: Math.round(performance.now() - started),
  };
}

/** One result from the halves of a sharded self-check. */
export function mergeSelfChecks(results: readonly SelfCheckResult[]): SelfCheckResult {
  const verdicts: Partial<Record<Verdict, number>> = {};
  for (const result of results) {
    for (const [verdict, count] of Object.entries(result.verdicts) as [Verdict, number][]) {
      verdicts[verdict] = (verdicts[verdict] ?? 0) + count;
    }
  }
  return {
    ok: results.every((r) => r.ok),
    awards: results.reduce((sum, r) => sum + r.awards, 0),
    artefacts: results.reduce((sum, r) => sum + r.artefacts, 0),
    verdicts,
    failures: results.flatMap((r) => r.failures),
    milliseconds: Math.max(0, ...results.map((r) => r.milliseconds)),
    ...mergeCacheStats(results.flatMap((r) => (r.cache ? [r.cache] : []))),
  };
}

function mergeCacheStats(all: readonly CacheStats[]): { cache?: CacheStats } {
  if (all.length === 0) return {};
  const sum = (name: keyof CacheStats) => all.reduce((total, stats) => total + stats[name], 0);
  return {
    cache: { reused: sum('reused'), made: sum('made'), refused: sum('refused'), damaged: sum('damaged') },
  };
}

/** A summary for the build log, then one line per failure. */
export function formatSelfCheck(result: SelfCheckResult): string {
  const counts = Object.entries(result.verdicts)
    .map(([verdict, count]) => `${count} ${verdict}`)
    .join(', ');
  const head = `self-check: ${result.artefacts} artefact(s) of ${result.awards} award(s) verified in ${result.milliseconds} ms (${counts || 'none'})`;
  if (result.ok) return `${head}; every verdict matches the award's state.`;
  const lines = result.failures.map(
    (failure) =>
      `  ✖ ${failure.path}: expected ${failure.expected}, got ${failure.actual}: ${failure.reason}`,
  );
  return [`${head}; ${result.failures.length} artefact(s) do not verify as they should:`, ...lines].join(
    '\n',
  );
}
