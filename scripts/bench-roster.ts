#!/usr/bin/env node
/**
 * `npm run bench:roster [-- --rows 1000,10000] [--json results.json]`: the cost of `badges award --csv` on a
 * large roster, against a baseline measured in the same run.
 *
 * For each N, in a temporary project holding the example school's issuer and badges: (a) `badges check`
 * on the project without awards and (b) a first award of an N-row roster; then (c) `badges check` with
 * the N awards, the baseline: reading and linking every award file, which any command that starts from
 * valid content pays; (d) the same roster again, where everyone already holds the badge and nothing is
 * written; (e) the roster with a tenth of its rows replaced by new people, whose names match nobody's.
 * Every command runs in its own process, as an administrator runs it. Then, in this process, the step
 * that decides who already holds the badge, for the re-run: as it is now, and as it was, every row hashed
 * with every award's salt until a match (timed over a sample of rows, then scaled to all of them: in full
 * it takes minutes). The synthetic addresses are never printed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { mapColumns } from '../src/core/authoring/columns.ts';
import { planAwards } from '../src/core/authoring/plan.ts';
import { type AwardRequest, checkRequests, rosterRequests } from '../src/core/authoring/requests.ts';
import { decodeRoster, parseRoster } from '../src/core/authoring/roster.ts';
import { awardState } from '../src/core/model/status.ts';
import type { Model } from '../src/core/model/types.ts';
import { cryptoRandomness, nativeHashValue, nativeMatchesIdentity } from '../src/shell/cli/authoring.ts';
import { loadContent } from '../src/shell/content.ts';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'scripts', 'badges.ts');
const DAY = '2026-11-28';
const BADGE = 'initiation-python';

interface Timed {
  readonly seconds: number;
  readonly out: string;
}

function parseArgs(argv: string[]) {
  let rows = [1000, 10000];
  let json: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--rows') rows = String(argv[++i]).split(',').map(Number);
    else if (argv[i] === '--json') json = argv[++i];
    else throw new Error(`Unknown option ${argv[i]}. ${USAGE}`);
  }
  if (rows.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error('--rows takes positive integers, e.g. 1000,10000');
  return { rows, json };
}

/** One command of the administrator's command line in its own process, timed. */
function badges(project: string, args: string[]): Timed {
  const started = performance.now();
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd: project,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, INSIGNE_TODAY: DAY },
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) {
    throw new Error(
      `badges ${args[0]} failed in ${project}:\n${`${run.stdout}\n${run.stderr}`.slice(-4000)}`,
    );
  }
  return { seconds, out: run.stdout };
}

/** A roster of `n` people; `fresh` of them (the last ones) are people no earlier roster named. */
function writeRoster(path: string, n: number, fresh = 0): void {
  const lines = ['Nom;Prénom;Courriel'];
  for (let i = 0; i < n; i++) {
    const who = i >= n - fresh ? `n${i}` : String(i);
    lines.push(`Exemple${who};Élève;eleve.${who}@bench.example`);
  }
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
}

function countAwards(project: string): number {
  return readdirSync(join(project, 'content', 'awards'), { recursive: true }).filter((f) =>
    String(f).endsWith('.yaml'),
  ).length;
}

/** The roster's checked requests, as `badges award --csv` reads them. */
function requestsOf(path: string): AwardRequest[] {
  const decoded = decodeRoster(readFileSync(path));
  const read = parseRoster(decoded.text, decoded.encoding);
  if (!read.ok) throw new Error(read.problem.message);
  const mapped = mapColumns(read.roster.header);
  if (!mapped.ok) throw new Error(mapped.problem.message);
  const raws = rosterRequests(read.roster, mapped.columns);
  return checkRequests(raws, { issuedOn: DAY, listed: false }, DAY).requests;
}

/** Seconds of `run`, best of `times` (the machine is shared; the best run is the least disturbed). */
function best(times: number, run: () => unknown): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    run();
    fastest = Math.min(fastest, (performance.now() - started) / 1000);
  }
  return fastest;
}

/** The planning step of a re-run: now, and every row against every award as before (a sample, scaled). */
function planning(project: string, roster: string): { now: number; before: number; sample: number } {
  const content = loadContent(project, DAY);
  if (!content.ok) throw new Error('the benchmark project must be valid');
  const model: Model = content.model;
  const requests = requestsOf(roster);
  const now = best(3, () => {
    const plan = planAwards({
      model,
      badge: BADGE,
      requests,
      today: DAY,
      random: cryptoRandomness,
      hash: nativeHashValue,
    });
    if (!plan.ok || plan.create.length > 0) throw new Error('the re-run must find every holder');
  });
  const badge = model.badges.get(BADGE);
  if (badge === undefined) throw new Error(`no badge ${BADGE}`);
  const valid = [...model.awards.values()].filter(
    (a) => a.badge === BADGE && awardState(a, badge, DAY).kind === 'valid',
  );
  const sample = requests.filter((_, i) => i % 20 === 0);
  const before = best(1, () => {
    for (const request of sample) {
      if (!valid.find((award) => nativeMatchesIdentity(request.email, award.recipient)))
        throw new Error('every row holds the badge');
    }
  });
  return { now, before: (before * requests.length) / sample.length, sample: sample.length };
}

const summary = (out: string) => /"[^"]+": (?:created|would create) .*$/m.exec(out)?.[0] ?? '?';
const fmt = (x: number, digits = 2) => x.toFixed(digits);

function main(): void {
  const { rows, json } = parseArgs(process.argv.slice(2));
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}`;
  console.log(`# Roster benchmark\n\nMachine: ${machine}. Badge "${BADGE}", one process per command.\n`);
  const results: Record<string, unknown>[] = [];
  for (const n of rows) {
    const project = mkdtempSync(join(tmpdir(), `insigne-bench-roster-${n}-`));
    const rosters = mkdtempSync(join(tmpdir(), `insigne-bench-rosters-${n}-`));
    cpSync(join(ROOT, 'content', 'issuers'), join(project, 'content', 'issuers'), { recursive: true });
    cpSync(join(ROOT, 'content', 'badges'), join(project, 'content', 'badges'), { recursive: true });
    // `award` prints each page's address, read from the site's config as in a real project.
    cpSync(join(ROOT, 'astro.config.mjs'), join(project, 'astro.config.mjs'));
    // The content check resolves the icon set from the project, as in a real one.
    symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
    const roster = join(rosters, 'roster.csv');
    const mixed = join(rosters, 'roster-new-tenth.csv');
    writeRoster(roster, n);
    writeRoster(mixed, n, Math.round(n / 10));
    const award = (csv: string, ...extra: string[]) =>
      badges(project, ['award', '--badge', BADGE, '--csv', csv, ...extra]);

    process.stderr.write(`… ${n} rows: check (no awards), first award\n`);
    const emptyCheck = badges(project, ['check']);
    const first = award(roster);
    if (countAwards(project) !== n) throw new Error(`the first run should create ${n} awards`);
    process.stderr.write(`… ${n} rows: check (baseline), re-run, a tenth new\n`);
    const check = badges(project, ['check']);
    const rerun = award(roster);
    if (countAwards(project) !== n) throw new Error('the re-run must create nothing');
    const tenth = award(mixed, '--dry-run');

    process.stderr.write(`… ${n} rows: planning step, now and as before\n`);
    const plan = planning(project, roster);

    const ratio = (t: Timed) => fmt(t.seconds / check.seconds);
    console.log(
      [
        `### ${n.toLocaleString('en')} rows`,
        '',
        '| command | seconds | ÷ baseline | result |',
        '|---|---:|---:|---|',
        `| \`check\`, no awards yet | ${fmt(emptyCheck.seconds)} | ${ratio(emptyCheck)} | |`,
        `| \`award --csv\`, first run | ${fmt(first.seconds)} | ${ratio(first)} | ${summary(first.out)} |`,
        `| **baseline**: \`check\` with the ${n.toLocaleString('en')} awards | ${fmt(check.seconds)} | 1.00 | |`,
        `| \`award --csv\`, the same roster again | ${fmt(rerun.seconds)} | ${ratio(rerun)} | ${summary(rerun.out)} |`,
        `| \`award --csv --dry-run\`, a tenth of the rows new | ${fmt(tenth.seconds)} | ${ratio(tenth)} | ${summary(tenth.out)} |`,
        '',
        'Who already holds the badge, for the re-run (in process, content already loaded):',
        '',
        '| planning step | seconds |',
        '|---|---:|',
        `| now: by name first, then the unmatched rest | ${fmt(plan.now, 3)} |`,
        `| before: every row against every award until a match (${plan.sample} rows timed, scaled to ${n.toLocaleString('en')}) | ${fmt(plan.before, 1)} |`,
        `| speed-up | ${fmt(plan.before / plan.now, 0)}× |`,
        '',
      ].join('\n'),
    );
    results.push({
      rows: n,
      seconds: {
        checkEmpty: emptyCheck.seconds,
        first: first.seconds,
        baselineCheck: check.seconds,
        rerun: rerun.seconds,
        tenthNew: tenth.seconds,
        planningNow: plan.now,
        planningBeforeScaled: plan.before,
      },
    });
    if (process.env.INSIGNE_BENCH_KEEP === '1') process.stderr.write(`kept ${project} and ${rosters}\n`);
    else {
      rmSync(project, { recursive: true, force: true });
      rmSync(rosters, { recursive: true, force: true });
    }
  }
  if (json) writeFileSync(json, `${JSON.stringify({ machine, results }, null, 2)}\n`);
}

const USAGE = 'Usage: npm run bench:roster -- [--rows 1000,10000] [--json results.json]\n';
if (process.argv.includes('--help') || process.argv.includes('-h')) process.stdout.write(USAGE);
else {
  try {
    main();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof Error && error.message.startsWith('Unknown option') ? 2 : 1;
  }
}
