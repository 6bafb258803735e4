/**
 * Tamper fuzzing over the signed example site (the global setup's build): random mutations of its baked
 * PNG and SVG images, OB 3.0 credentials (JSON with a Data Integrity proof, and VC-JWT) and OB 2.0 signed
 * assertions, checked with the verifier the CLI, the build and the verify page use, over the built files.
 * Not one mutation may verify, and hostile ones (a payload baked twice in one image, JSON nested far deeper
 * than any badge) must be reported as malformed: never as a document that could not be fetched.
 *
 * A mutation that leaves what the verifier judges unchanged is drawn again rather than counted (see
 * `meaningOf`): a flip in a PNG's pixels with its CRC repaired, in JSON whitespace, in the spare bits of a
 * signature's last base64url character, or an SVG cut after its payloads still carries the very same signed
 * credential, and verifying it is right. Swapping whole files between awards is not a mutation either: each
 * file is then a genuine badge of its own award (the build's self-check catches a file at the wrong path).
 *
 * Replay: the seed and the index of every failing case are printed; run
 * `INSIGNE_FUZZ_SEED=<seed> INSIGNE_FUZZ_CASE=<index> npx vitest run tests/security/tamper-fuzz.test.ts`.
 * Without INSIGNE_FUZZ_SEED the seed is fixed, so the suite is reproducible; INSIGNE_FUZZ_CASES=20000 with
 * a fresh seed runs a longer campaign.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { bakePng, unbake } from '../../src/core/bake/index.ts';
import { ed25519KeyPairFromSeed } from '../../src/core/credentials/multikey.ts';
import {
  createFilesResolver,
  createVerifier,
  type Verdict,
  type Verifier,
} from '../../src/core/verify/index.ts';
import { loadSiteRoot } from '../../src/shell/verify/site-dir.ts';
import { PROJECT_ROOT } from '../helpers/project.ts';
import {
  type Artefact,
  type FuzzContext,
  HOSTILE,
  type Kind,
  meaningOf,
  OPERATORS,
  resurrect,
} from './fuzz/mutations.ts';
import { caseRandom } from './fuzz/random.ts';

const SEED = Number(process.env.INSIGNE_FUZZ_SEED ?? 20261128);
const ONLY = process.env.INSIGNE_FUZZ_CASE === undefined ? undefined : Number(process.env.INSIGNE_FUZZ_CASE);
/** 1 200 in the suite (about 3 s); INSIGNE_FUZZ_CASES runs a longer campaign. */
const CASES = Number(process.env.INSIGNE_FUZZ_CASES ?? 1200);
const NOW = new Date('2026-11-28T12:00:00Z');
/** One case in this many tries to bring back an expired or revoked award instead. */
const RESURRECT_EVERY = 8;

const ALL = [...OPERATORS, ...HOSTILE];

const KINDS: Record<string, Kind> = {
  'badge.png': 'png',
  'badge.svg': 'svg',
  'credential.json': 'ob3-json',
  'credential.jwt': 'ob3-jwt',
  'assertion.jws': 'ob2-jws',
};

let verifier: Verifier;
let context: FuzzContext;
/** Artefacts that verify as they are: the targets of the mutations. */
let verified: Artefact[];
/** Artefacts of expired or revoked awards: the targets of the resurrection attempts. */
let lapsed: Artefact[];

async function verdictOf(bytes: Uint8Array): Promise<Verdict> {
  return (await verifier.verify({ bytes }, { now: NOW })).verdict;
}

beforeAll(async () => {
  const dist = inject('exampleDist');
  const files = new Map<string, Uint8Array>();
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dist, path).split(sep).join('/'), new Uint8Array(readFileSync(path)));
  }
  verifier = createVerifier(createFilesResolver(files, await loadSiteRoot(PROJECT_ROOT)));

  const artefacts: Artefact[] = [];
  for (const [path, bytes] of files) {
    const match = /^awards\/([0-9a-f-]{36})\/([a-z.]+)$/.exec(path);
    const kind = match && KINDS[match[2] as string];
    if (match && kind) artefacts.push({ path, award: match[1] as string, kind, bytes });
  }
  const verdicts = await Promise.all(artefacts.map((a) => verdictOf(a.bytes)));
  verified = artefacts.filter((_, i) => verdicts[i] === 'verified');
  lapsed = artefacts.filter((_, i) => verdicts[i] === 'expired' || verdicts[i] === 'revoked');

  const byKind = new Map<Kind, Map<string, Artefact>>();
  for (const artefact of verified) {
    const awards = byKind.get(artefact.kind) ?? new Map<string, Artefact>();
    awards.set(artefact.award, artefact);
    byKind.set(artefact.kind, awards);
  }
  const rsa = (await crypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair;
  const { kty = 'RSA', n = '', e = '' } = await crypto.subtle.exportKey('jwk', rsa.publicKey);
  const issuerRsaJwk = [...files].find(
    ([path, body]) => /^issuers\/[^/]+\/keys\/rs256[^/]*\.jwk\.json$/.test(path) && body.length > 0,
  );
  if (issuerRsaJwk === undefined) throw new Error('The example site publishes no RS256 JWK.');
  context = {
    byKind,
    attacker: {
      ed25519: (await ed25519KeyPairFromSeed(new Uint8Array(32).fill(7))).privateKey,
      rsa: rsa.privateKey,
      rsaPublicJwk: { kty, n, e },
      verificationMethod: 'did:web:attaquant.example#key-1',
    },
    issuerRsaJwkText: new TextDecoder().decode(issuerRsaJwk[1]),
  };
});

interface Failure {
  readonly index: number;
  readonly operator: string;
  readonly path: string;
  readonly verdict: string;
}

describe('tamper fuzzing', () => {
  it('starts from artefacts that verify, and from expired and revoked ones', () => {
    // 26 awards × 5 artefacts: most verify; the expired and revoked ones are resurrection targets.
    expect(verified.length + lapsed.length).toBe(130);
    expect(verified.length).toBeGreaterThanOrEqual(90);
    expect(lapsed.length).toBeGreaterThanOrEqual(10);
    for (const kind of Object.values(KINDS)) expect(context.byKind.get(kind)?.size).toBeGreaterThan(10);
  });

  it('an image with one damaged payload does not verify, though its other payload does', async () => {
    // Found by this fuzzer: the verifier used to drop a payload it could not read and verify the other.
    const png = verified.find((a) => a.kind === 'png') as Artefact;
    const credential = unbake(png.bytes).credential as string;
    const damaged = bakePng(png.bytes, [{ keyword: 'openbadgecredential', text: credential.slice(0, -2) }]);
    const report = await verifier.verify({ bytes: damaged }, { now: NOW });
    expect(report.payloads.map((p) => [p.kind, p.verdict])).toEqual([['ob2-url', 'verified']]);
    expect(report.verdict).toBe('signature-invalid');
    const check = report.checks.find((c) => c.id === 'payloads');
    expect(check?.status).toBe('failure');
    expect(check?.status === 'failure' && check.problems.map((p) => p.code)).toEqual(['PAYLOAD_UNREADABLE']);
  });

  it(`no mutation verifies (${CASES} cases, seed ${SEED})`, { timeout: 600_000 }, async () => {
    const failures: Failure[] = [];
    const perOperator = new Map<string, number>();
    const perKind = new Map<Kind, number>();
    let tested = 0;
    let unchanged = 0;
    let index = ONLY ?? 0;
    for (; tested < (ONLY === undefined ? CASES : 1) && index < 4 * CASES; index++) {
      const random = caseRandom(SEED, index);
      const lapsing = random.int(RESURRECT_EVERY) === 0;
      const target = random.pick(lapsing ? lapsed : verified);
      const operator = lapsing
        ? { name: 'resurrect', apply: () => resurrect(target, random) }
        : random.pick(ALL.filter((op) => op.kinds.includes(target.kind)));
      const mutated = await operator.apply(target, context, random);
      if (mutated === undefined) continue;
      if (meaningOf(target.kind, mutated) === meaningOf(target.kind, target.bytes)) {
        unchanged++;
        continue;
      }
      tested++;
      perOperator.set(operator.name, (perOperator.get(operator.name) ?? 0) + 1);
      perKind.set(target.kind, (perKind.get(target.kind) ?? 0) + 1);
      let verdict: string;
      try {
        verdict = await verdictOf(mutated);
      } catch (error) {
        verdict = `threw ${error instanceof Error ? error.message : String(error)}`;
      }
      const hostile = HOSTILE.some((op) => op.name === operator.name);
      if (verdict === 'verified' || verdict.startsWith('threw') || (hostile && verdict !== 'malformed'))
        failures.push({ index, operator: operator.name, path: target.path, verdict });
    }

    const replay = failures
      .map((f) => `case ${f.index}: ${f.operator} on ${f.path} → ${f.verdict}`)
      .join('\n');
    expect(
      failures,
      `seed ${SEED}; replay one case with INSIGNE_FUZZ_SEED=${SEED} INSIGNE_FUZZ_CASE=<index>\n${replay}`,
    ).toEqual([]);
    if (ONLY !== undefined) return;
    expect(tested).toBe(CASES);
    // The mix is real: every operator and every kind of artefact is exercised, and few draws are no-ops.
    for (const operator of [...ALL.map((op) => op.name), 'resurrect'])
      expect(perOperator.get(operator), operator).toBeGreaterThanOrEqual(CASES / 200);
    for (const kind of Object.values(KINDS))
      expect(perKind.get(kind), kind).toBeGreaterThanOrEqual(CASES / 12);
    expect(unchanged).toBeLessThan(CASES / 10);
  });
});
