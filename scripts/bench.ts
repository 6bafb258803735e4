#!/usr/bin/env node
/**
 * `npm run bench [-- --awards 1000,10000] [--json results.json]`: the build's cost at scale, against
 * Astro's own floor measured in the same run.
 *
 * For each N, in temporary folders: (a) the full Insigne site with N synthetic awards spread over the
 * example school's badges, signed with real keys, built cold (no cache); (b) a baseline Astro site with
 * one trivial page and one trivial JSON route per award, built again just before each measure below so
 * that each ratio compares builds made under the same machine load; then, each time as a CI run finds it (no output,
 * `.cache/` restored; bench/caches.ts), (c) a warm rebuild of (a), (d) a rebuild after 10 awards were
 * added, (e) one after one award was revoked. Prints a markdown table per N: wall time of each against
 * the baseline, what the signing and verdict caches gave, peak memory, output files and bytes, bytes per
 * award, the time split by stage, the artwork renders of the warm rebuild (must be 0), what the pages
 * in the second interface language cost (two rebuilds rendering every award page, with them and without),
 * and each target of the performance issue, met or not, with the costliest stages when not.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { hashIdentity } from '../src/core/identity/email.ts';
import { runCli } from '../src/shell/cli/main.ts';
import { KEYS_DIR, KEYS_ENV, SECRET_FILE } from '../src/shell/keys.ts';
import { mulberry32 as random } from '../tests/helpers/random.ts';
import { addAwards, asFreshCheckout, cacheCounts, formatTargets, revokeOne } from './bench/caches.ts';

const ROOT = join(import.meta.dirname, '..');
const HOOK = join(import.meta.dirname, 'bench', 'rss-hook.mjs');
const DAY = '2026-11-28';

interface Run {
  readonly seconds: number;
  readonly peakMiB: number;
  readonly files: number;
  readonly bytes: number;
  readonly awardBytes: number;
  readonly log: string;
  readonly timings?: Record<string, number>;
}

function parseArgs(argv: string[]) {
  let awards = [1000, 10000];
  let json: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--awards') awards = String(argv[++i]).split(',').map(Number);
    else if (argv[i] === '--json') json = argv[++i];
    else
      throw new Error(
        `Unknown option ${argv[i]}. Usage: npm run bench -- [--awards 1000,10000] [--json file]`,
      );
  }
  if (awards.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error('--awards takes positive integers, e.g. 1000,10000');
  return { awards, json };
}

function uuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(rand() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The example school's issuer and badges with N synthetic awards. */
function writeSyntheticContent(project: string, n: number): void {
  cpSync(join(ROOT, 'content', 'issuers'), join(project, 'content', 'issuers'), { recursive: true });
  cpSync(join(ROOT, 'content', 'badges'), join(project, 'content', 'badges'), { recursive: true });
  const badges = readdirSync(join(ROOT, 'content', 'badges')).map((f) => f.replace(/\.mdx?$/, ''));
  const rand = random(n);
  const indexes = new Set<number>();
  const dir = join(project, 'content', 'awards', '2026');
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    let statusIndex = Math.floor(rand() * 131_072);
    while (indexes.has(statusIndex)) statusIndex = (statusIndex + 1) % 131_072;
    indexes.add(statusIndex);
    const salt = Math.floor(rand() * 2 ** 52)
      .toString(36)
      .padStart(10, '0');
    const award = {
      badge: badges[i % badges.length],
      recipient: {
        name: `Élève ${i} Exemple-Synthétique`,
        identity: hashIdentity(`eleve${i}@bench.example`, salt),
        salt,
      },
      issuedOn: `2026-0${1 + (i % 9)}-1${i % 10}`,
      ...(i % 7 === 0 ? { evidence: [{ url: `https://evidence.example/${i}`, name: 'Projet' }] } : {}),
      ...(i % 11 === 0 ? { narrative: 'Travail remarquable, rendu dans les délais.' } : {}),
      ...(i % 97 === 0 ? { revoked: { date: '2026-10-01', reason: 'Attribué par erreur.' } } : {}),
      listed: i % 3 === 0,
      statusIndex,
    };
    writeFileSync(join(dir, `${uuid(rand)}.yaml`), stringify(award));
  }
}

/** A fresh project folder with the installed packages linked (but not Astro's and Vite's caches). */
function newProject(label: string): string {
  const project = mkdtempSync(join(tmpdir(), `insigne-bench-${label}-`));
  mkdirSync(join(project, 'node_modules'));
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (entry === '.astro' || entry === '.vite' || entry === '.cache') continue;
    symlinkSync(join(ROOT, 'node_modules', entry), join(project, 'node_modules', entry));
  }
  return project;
}

function walk(dir: string): { files: number; bytes: number; awardBytes: number } {
  let files = 0;
  let bytes = 0;
  let awardBytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const size = statSync(path).size;
    files++;
    bytes += size;
    if (path.startsWith(join(dir, 'awards'))) awardBytes += size;
  }
  return { files, bytes, awardBytes };
}

/** One `astro build`, timed, with its peak memory and (for Insigne) its stage timings. */
function build(project: string, env: NodeJS.ProcessEnv = {}): Run {
  const rssFile = join(project, '.bench-rss');
  const timingsFile = join(project, '.bench-timings.json');
  rmSync(timingsFile, { force: true });
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    ['--import', HOOK, join(project, 'node_modules/astro/bin/astro.mjs'), 'build'],
    {
      cwd: project,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        INSIGNE_TODAY: DAY,
        INSIGNE_BENCH_RSS: rssFile,
        INSIGNE_TIMINGS: timingsFile,
        ...env,
      },
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const log = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(`build failed in ${project}:\n${log.slice(-4000)}`);
  const sizes = walk(join(project, 'dist'));
  let timings: Record<string, number> | undefined;
  try {
    timings = JSON.parse(readFileSync(timingsFile, 'utf8'));
  } catch {
    timings = undefined;
  }
  return {
    seconds,
    peakMiB: Number(readFileSync(rssFile, 'utf8')) / 1024,
    ...sizes,
    log,
    ...(timings ? { timings } : {}),
  };
}

async function fullProject(n: number): Promise<{ project: string; secret: string }> {
  const project = newProject(`full-${n}`);
  for (const entry of ['src', 'public', 'package.json', 'astro.config.mjs', 'tsconfig.json']) {
    try {
      cpSync(join(ROOT, entry), join(project, entry), { recursive: true });
    } catch {
      // `public` may not exist.
    }
  }
  writeSyntheticContent(project, n);
  const quiet = { write: () => true };
  const code = await runCli(['keygen', 'lycee-trois-rivieres'], {
    cwd: project,
    out: quiet,
    err: process.stderr,
    env: { INSIGNE_TODAY: DAY },
  });
  if (code !== 0) throw new Error('keygen failed');
  return { project, secret: readFileSync(join(project, KEYS_DIR, SECRET_FILE), 'utf8').trim() };
}

/** A plain Astro site: one trivial page and one trivial JSON route per award. */
function baselineProject(n: number): string {
  const project = newProject(`baseline-${n}`);
  mkdirSync(join(project, 'src', 'pages', 'a'), { recursive: true });
  writeFileSync(join(project, 'package.json'), '{"name":"baseline","private":true,"type":"module"}\n');
  writeFileSync(
    join(project, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nexport default defineConfig({ site: 'https://example.org', base: '/badges', compressHTML: true });\n",
  );
  const ids = `Array.from({ length: ${n} }, (_, i) => ({ params: { id: String(i) } }))`;
  writeFileSync(
    join(project, 'src', 'pages', 'a', '[id].astro'),
    `---\nexport function getStaticPaths() { return ${ids}; }\nconst { id } = Astro.params;\n---\n<html lang="fr"><head><title>Award {id}</title></head><body><h1>Award {id}</h1></body></html>\n`,
  );
  writeFileSync(
    join(project, 'src', 'pages', 'a', '[id].json.ts'),
    `export function getStaticPaths() { return ${ids}; }\nexport const GET = ({ params }) => new Response(JSON.stringify({ id: params.id }));\n`,
  );
  return project;
}

const STAGES: [string, string][] = [
  ['content', 'content load and linking'],
  ['keys', 'keys (signing process started, keys checked)'],
  ['artwork', 'artwork (render or cache)'],
  ['emit.credentials', 'credential building (signing process)'],
  ['emit.data-integrity', 'Data Integrity signing (signing process)'],
  ['emit.jwt', 'JWT and JWS signing (signing process)'],
  ['emit.baking', 'baking (signing process)'],
  ['emit.write', 'writing or linking files (signing process)'],
  ['emit.cache', 'signing cache saved (signing process)'],
  ['page-cache', 'page cache (cached pages placed, new ones stored)'],
  ['pages', 'page rendering (Astro, main thread)'],
  ['emit-wait', 'waiting for the signing process after the pages'],
  ['self-check', 'self-check (signing process and build process, half each)'],
  ['leak-gate', 'leak gate (every file searched for private keys)'],
  ['publish', 'moving files and publishing'],
];

const fmt = (x: number, digits = 1) => x.toFixed(digits);
/** A difference with its sign: `+0.9`, `-11.4` (a negative time difference is the machine's noise). */
const signed = (x: number) => `${x >= 0 ? '+' : ''}${fmt(x)}`;
const mib = (bytes: number) => `${fmt(bytes / 2 ** 20)} MiB`;

interface Scenarios {
  readonly cold: Run;
  readonly warm: Run;
  readonly incremental: Run;
  readonly revoked: Run;
}

/**
 * The baseline built just before each measure: on a shared machine the load changes within a run, and a
 * ratio is only fair against a baseline built under the same load.
 */
type Baselines = { readonly [K in keyof Scenarios]: Run };

function table(
  n: number,
  runs: Scenarios,
  baselines: Baselines,
  language: { readonly both: Run; readonly one: Run },
  perBadgeBytes: number,
): string {
  const { cold: full, warm } = runs;
  const baseline = baselines.cold;
  const ratio = (key: keyof Scenarios) => runs[key].seconds / baselines[key].seconds;
  const rendersWarm = /Artwork: (\d+) rendered/.exec(warm.log)?.[1] ?? '?';
  const scenario = (label: string, key: keyof Scenarios) =>
    `| ${label} | ${fmt(runs[key].seconds)} s | ${fmt(baselines[key].seconds)} s | ${fmt(ratio(key), 2)} | ${cacheCounts(runs[key].timings, 'signatures')} | ${cacheCounts(runs[key].timings, 'verdicts')} | ${cacheCounts(runs[key].timings, 'pages')} | ${cacheCounts(runs[key].timings, 'files')} |`;
  const scenarios: [string, keyof Scenarios][] = [
    ['cold build (no cache)', 'cold'],
    ['warm rebuild (caches restored, content unchanged)', 'warm'],
    ['incremental (10 awards added, caches restored)', 'incremental'],
    ['one award revoked (caches restored)', 'revoked'],
  ];
  const rows = [
    `### ${n.toLocaleString('en')} awards`,
    '',
    '| measure | Insigne | baseline | ratio | signatures | self-check verdicts | award pages | data files |',
    '|---|---:|---:|---:|---|---|---|---|',
    ...scenarios.map(([label, key]) => scenario(label, key)),
    '',
    '| measure | Insigne | baseline | ratio |',
    '|---|---:|---:|---:|',
    `| peak memory (main process, cold build) | ${fmt(full.peakMiB, 0)} MiB | ${fmt(baseline.peakMiB, 0)} MiB | ${fmt(full.peakMiB / baseline.peakMiB, 2)} |`,
    `| output files | ${full.files.toLocaleString('en')} | ${baseline.files.toLocaleString('en')} | |`,
    `| output bytes | ${mib(full.bytes)} | ${mib(baseline.bytes)} | |`,
    `| bytes per award (beyond per-badge assets) | ${fmt(full.awardBytes / n / 1024)} KB | | |`,
    `| per-badge and site-wide assets | ${mib(perBadgeBytes)} | | |`,
    `| artwork renders in the warm rebuild | ${rendersWarm} | | |`,
    `| cost of the second-language pages (rebuild rendering every award page, with them vs without) | ${signed(language.both.seconds - language.one.seconds)} s, ${signed((language.both.awardBytes - language.one.awardBytes) / n / 1024)} KB per award | without: ${fmt(language.one.seconds)} s | ${fmt(language.both.seconds / language.one.seconds, 2)} |`,
    '',
    '| stage (seconds) | cold | warm | incremental | revoked |',
    '|---|---:|---:|---:|---:|',
    ...STAGES.filter(([key]) => full.timings?.[key] !== undefined).map(
      ([key, label]) =>
        `| ${label} | ${scenarios.map(([, run]) => fmt((runs[run].timings?.[key] ?? 0) / 1000, 2)).join(' | ')} |`,
    ),
    '',
    formatTargets(
      [
        {
          measure: 'cold build',
          value: ratio('cold'),
          limit: 1.5,
          unit: 'x',
          ...withTimings(full),
        },
        {
          measure: 'warm rebuild',
          value: ratio('warm'),
          limit: 1.1,
          unit: 'x',
          ...withTimings(warm),
        },
        {
          measure: 'incremental, 10 awards added',
          value: ratio('incremental'),
          limit: 1.15,
          unit: 'x',
          ...withTimings(runs.incremental),
        },
        {
          measure: 'one award revoked',
          value: ratio('revoked'),
          limit: 1.15,
          unit: 'x',
          ...withTimings(runs.revoked),
        },
        { measure: 'peak memory', value: full.peakMiB / baseline.peakMiB, limit: 1.5, unit: 'x' },
        { measure: 'output per award', value: full.awardBytes / n / 1024, limit: 40, unit: 'KB' },
      ],
      new Map(STAGES),
    ),
  ];
  return rows.join('\n');
}

const withTimings = (run: Run) => (run.timings ? { timings: run.timings } : {});

async function main(): Promise<void> {
  // The sharded build has its own benchmark (per-shard and merge times, projection to a CI matrix).
  if (process.argv.includes('--shards'))
    return (await import('./bench/shards.ts')).runShardBench(process.argv.slice(2));
  const { awards, json } = parseArgs(process.argv.slice(2));
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}`;
  console.log(
    `# Insigne benchmark\n\nMachine: ${machine}. Stage times inside the signing process overlap page rendering.\n`,
  );
  const results: Record<string, unknown>[] = [];
  for (const n of awards) {
    process.stderr.write(`… ${n} awards: preparing\n`);
    const { project, secret } = await fullProject(n);
    const env = { [KEYS_ENV]: secret };
    const base = baselineProject(n);
    const baselineBuild = () => {
      process.stderr.write(`… ${n} awards: baseline build\n`);
      asFreshCheckout(base);
      return build(base);
    };
    const baseline = baselineBuild();
    process.stderr.write(`… ${n} awards: full build (no cache)\n`);
    const full = build(project, env);
    const warmBaseline = baselineBuild();
    process.stderr.write(`… ${n} awards: warm rebuild\n`);
    asFreshCheckout(project);
    const warm = build(project, env);
    const incrementalBaseline = baselineBuild();
    process.stderr.write(`… ${n} awards: 10 awards added\n`);
    addAwards(project, 10);
    asFreshCheckout(project);
    const incremental = build(project, env);
    const revokedBaseline = baselineBuild();
    process.stderr.write(`… ${n} awards: one award revoked\n`);
    await revokeOne(project, DAY);
    asFreshCheckout(project);
    const revoked = build(project, env);
    // What the pages in the second language cost: two rebuilds that render every award page (the page
    // cache emptied, the other caches kept), with them and without them.
    const pagesOnly = (extra: NodeJS.ProcessEnv) => {
      asFreshCheckout(project);
      rmSync(join(project, '.cache', 'insigne', 'pages'), { recursive: true, force: true });
      return build(project, { ...env, ...extra });
    };
    process.stderr.write(`… ${n} awards: every page rendered, with and without the second language\n`);
    const language = { both: pagesOnly({}), one: pagesOnly({ INSIGNE_BENCH_ONE_LANGUAGE: '1' }) };
    const perBadgeBytes = full.bytes - full.awardBytes;
    const baselines = {
      cold: baseline,
      warm: warmBaseline,
      incremental: incrementalBaseline,
      revoked: revokedBaseline,
    };
    console.log(table(n, { cold: full, warm, incremental, revoked }, baselines, language, perBadgeBytes));
    const plain = (run: Run) => ({ ...run, log: undefined });
    results.push({
      awards: n,
      full: plain(full),
      baseline: plain(baseline),
      baselines: Object.fromEntries(Object.entries(baselines).map(([key, run]) => [key, plain(run)])),
      warm: plain(warm),
      incremental: plain(incremental),
      revoked: plain(revoked),
      bothLanguages: plain(language.both),
      oneLanguage: plain(language.one),
      bytesPerAward: full.awardBytes / n,
    });
    if (process.env.INSIGNE_BENCH_KEEP === '1') process.stderr.write(`kept ${project} and ${base}\n`);
    else {
      rmSync(project, { recursive: true, force: true });
      rmSync(base, { recursive: true, force: true });
    }
  }
  if (json) writeFileSync(json, `${JSON.stringify({ machine, results }, null, 2)}\n`);
}

const USAGE = 'Usage: npm run bench -- [--awards 1000,10000] [--json results.json]\n';
if (process.argv.includes('--help') || process.argv.includes('-h')) process.stdout.write(USAGE);
else {
  try {
    await main();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof Error && error.message.startsWith('Unknown option') ? 2 : 1;
  }
}
