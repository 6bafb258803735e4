/**
 * `npm run bench -- --shards <n> [--awards 2000] [--json results.json]`: what a sharded build costs.
 * In a temporary project (the example school plus N synthetic awards, signed with real keys): one whole
 * build, then the n shards one after the other (INSIGNE_SHARD=k/n), then `badges merge`, each timed; the
 * merge must equal the whole build byte for byte. Prints per-shard and merge times, and the wall time a
 * matrix of n runners would take (the slowest shard plus the merge).
 *
 * Projection to other sizes: a shard's build time is modelled as F + c·a (a = the awards it builds). The
 * whole build (N awards) and the mean shard (N/n awards) give two points of that line, so
 * c = (T_whole − T_shard) / (N − N/n) and F = T_shard − c·N/n; the merge is taken as proportional to the
 * number of awards. The projected wall time for A awards on r runners is F + c·A/r + T_merge·A/N. It
 * leaves out what CI adds around the builds (runner start, npm ci, artifact upload and download).
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
import { join, relative, sep } from 'node:path';
import { runCli } from '../../src/shell/cli/main.ts';
import { loadContent } from '../../src/shell/content.ts';
import { writeSyntheticAwards } from './synthetic.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const DAY = '2026-11-28';
const USAGE = 'Usage: npm run bench -- --shards <n> [--awards 2000] [--json results.json]\n';

interface Timed {
  readonly seconds: number;
  readonly files: number;
  readonly bytes: number;
}

function parseArgs(argv: readonly string[]) {
  let shards = 3;
  let awards = 2000;
  let json: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--shards') shards = Number(argv[++i]);
    else if (flag === '--awards') awards = Number(argv[++i]);
    else if (flag === '--json') json = argv[++i];
    else throw new Error(`Unknown option ${flag}. ${USAGE}`);
  }
  if (!Number.isInteger(shards) || shards < 2 || shards > 64)
    throw new Error(`--shards takes a number of shards from 2 to 64. ${USAGE}`);
  if (!Number.isInteger(awards) || awards < shards)
    throw new Error(`--awards takes a number of awards, at least one per shard. ${USAGE}`);
  return { shards, awards, json };
}

function walk(dir: string): { files: number; bytes: number; paths: string[] } {
  const paths = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
  const bytes = paths.reduce((sum, path) => sum + statSync(join(dir, path)).size, 0);
  return { files: paths.length, bytes, paths };
}

function project(awards: number): string {
  const root = mkdtempSync(join(tmpdir(), 'insigne-bench-shards-'));
  for (const entry of ['src', 'public', 'package.json', 'astro.config.mjs', 'tsconfig.json', 'content']) {
    try {
      cpSync(join(ROOT, entry), join(root, entry), { recursive: true });
    } catch {
      // `public` may not exist.
    }
  }
  mkdirSync(join(root, 'node_modules'));
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (entry === '.astro' || entry === '.vite' || entry === '.cache') continue;
    symlinkSync(join(ROOT, 'node_modules', entry), join(root, 'node_modules', entry));
  }
  const example = loadContent(root, DAY);
  if (!example.ok) throw new Error('The example content does not load.');
  const taken = new Set([...example.model.awards.values()].map((award) => award.statusIndex));
  writeSyntheticAwards(root, awards, awards, taken);
  return root;
}

function build(root: string, outDir: string, env: NodeJS.ProcessEnv = {}): Timed {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', INSIGNE_TODAY: DAY, ...env },
    },
  );
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`The build into ${outDir} failed:\n${run.stdout}\n${run.stderr}`);
  return { seconds, ...walk(outDir) };
}

const fmt = (value: number, digits = 1) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export async function runShardBench(argv: readonly string[]): Promise<void> {
  const { shards, awards, json } = parseArgs(argv);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}`;
  process.stderr.write(`… preparing ${awards} synthetic awards and keys\n`);
  const root = project(awards);
  const quiet = { write: () => true };
  if (
    (await runCli(['keygen', 'lycee-trois-rivieres'], {
      cwd: root,
      out: quiet,
      err: process.stderr,
      env: { INSIGNE_TODAY: DAY },
    })) !== 0
  )
    throw new Error('keygen failed');
  const linked = loadContent(root, DAY);
  const total = linked.ok ? linked.model.awards.size : awards;
  process.stderr.write('… whole build (renders the artwork: cold cache)\n');
  const whole = build(root, join(root, 'whole'));
  mkdirSync(join(root, 'shards'));
  const parts: Timed[] = [];
  for (let k = 1; k <= shards; k++) {
    process.stderr.write(`… shard ${k} of ${shards} (warm artwork cache, as the CI cache gives it)\n`);
    parts.push(build(root, join(root, 'shards', String(k)), { INSIGNE_SHARD: `${k}/${shards}` }));
  }
  process.stderr.write('… merge\n');
  const started = performance.now();
  const code = await runCli(
    ['merge', ...parts.map((_, i) => join('shards', String(i + 1))), '--out', 'merged'],
    { cwd: root, out: quiet, err: process.stderr, env: { INSIGNE_TODAY: DAY } },
  );
  const mergeSeconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error('The merge failed.');
  const out = walk(join(root, 'merged'));
  const identical =
    out.paths.length === walk(join(root, 'whole')).paths.length &&
    out.paths.every((path) =>
      readFileSync(join(root, 'merged', path)).equals(readFileSync(join(root, 'whole', path))),
    );

  const mean = parts.reduce((sum, part) => sum + part.seconds, 0) / shards;
  const slowest = Math.max(...parts.map((part) => part.seconds));
  const perAward = Math.max(0, (whole.seconds - mean) / (total - total / shards));
  const fixed = Math.max(0, mean - perAward * (total / shards));
  const mergePerAward = mergeSeconds / total;
  const project100k = (runners: number) => fixed + (perAward * 100_000) / runners + mergePerAward * 100_000;

  const lines = [
    `# Sharded build benchmark\n\nMachine: ${machine}. ${total} awards (the example's ${total - awards} and ${awards} synthetic), ${shards} shards, built one after the other on this machine.\n`,
    '| build | seconds | files | MB |',
    '|---|---:|---:|---:|',
    `| whole site (cold artwork cache) | ${fmt(whole.seconds)} | ${whole.files.toLocaleString('en-US')} | ${fmt(whole.bytes / 1e6)} |`,
    ...parts.map(
      (part, i) =>
        `| shard ${i + 1} of ${shards} | ${fmt(part.seconds)} | ${part.files.toLocaleString('en-US')} | ${fmt(part.bytes / 1e6)} |`,
    ),
    `| merge (copy, compare, check, verify a sample, publish) | ${fmt(mergeSeconds)} | ${out.files.toLocaleString('en-US')} | ${fmt(out.bytes / 1e6)} |`,
    '',
    `Merged site byte-identical to the whole build: ${identical ? 'yes' : 'NO'}.`,
    `Wall time on a ${shards}-runner matrix: slowest shard + merge = ${fmt(slowest + mergeSeconds)} s (whole build: ${fmt(whole.seconds)} s).`,
    `Model: a shard takes ${fmt(fixed)} s + ${fmt(perAward * 1000, 2)} ms per award; the merge ${fmt(mergePerAward * 1000, 2)} ms per award.`,
    `Projected for 100 000 awards (${fmt(((out.bytes / total) * 100_000) / 1e9, 1)} GB): ${[10, 20, 40].map((r) => `${r} runners ${fmt(project100k(r) / 60)} min`).join(', ')}; one machine ${fmt((fixed + perAward * 100_000) / 60)} min.`,
  ];
  console.log(lines.join('\n'));
  if (json)
    writeFileSync(
      json,
      `${JSON.stringify({ machine, total, shards, whole, parts, mergeSeconds, identical, fixed, perAward, mergePerAward }, null, 2)}\n`,
    );
  if (process.env.INSIGNE_BENCH_KEEP === '1') process.stderr.write(`kept ${root}\n`);
  else rmSync(root, { recursive: true, force: true });
}
