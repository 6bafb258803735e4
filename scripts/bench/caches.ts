/**
 * The benchmark's measures with the build caches: what a CI run finds (a fresh checkout, `.cache/`
 * restored), the changes made between two runs (awards added, one revoked), the cache counts each build
 * reports, and the issue's targets, each said met or not, with the stages that cost most.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { hashIdentity } from '../../src/core/identity/email.ts';
import { runCli } from '../../src/shell/cli/main.ts';

/** What a CI run starts from: no output and no Astro or Vite cache, only `.cache/` (artwork, signatures, verdicts, pages, data files). */
export function asFreshCheckout(project: string): void {
  for (const path of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) {
    rmSync(join(project, path), { recursive: true, force: true });
  }
}

const awardsDir = (project: string) => join(project, 'content', 'awards', '2026');

/** Adds `count` awards like the synthetic ones, with status indexes no award uses yet. */
export function addAwards(project: string, count: number): void {
  const dir = awardsDir(project);
  const files = readdirSync(dir).filter((name) => name.endsWith('.yaml'));
  const used = new Set(files.map((name) => Number(parse(readFileSync(join(dir, name), 'utf8')).statusIndex)));
  const template = parse(readFileSync(join(dir, files[0] as string), 'utf8'));
  let index = 0;
  for (let i = 0; i < count; i++) {
    while (used.has(index)) index++;
    used.add(index);
    const salt = `bench-added-${i}`;
    const award = {
      ...template,
      recipient: { name: `Élève ajouté ${i}`, identity: hashIdentity(`ajout${i}@bench.example`, salt), salt },
      statusIndex: index,
    };
    delete award.revoked;
    writeFileSync(join(dir, `${randomUUID()}.yaml`), stringify(award));
  }
}

/** Revokes one award that is not revoked yet, with the command an administrator runs. */
export async function revokeOne(project: string, day: string): Promise<void> {
  const dir = awardsDir(project);
  const file = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .find((name) => !/^revoked:/m.test(readFileSync(join(dir, name), 'utf8')));
  if (file === undefined) throw new Error('no award left to revoke');
  const quiet = { write: () => true };
  const code = await runCli(['revoke', file.replace(/\.yaml$/, ''), '--reason', 'Banc d’essai.'], {
    cwd: project,
    out: quiet,
    err: process.stderr,
    env: { INSIGNE_TODAY: day },
  });
  if (code !== 0) throw new Error('revoke failed');
}

/** "R reused, M made" of a cache from a build's stage report. */
export function cacheCounts(timings: Record<string, number> | undefined, cache: string): string {
  const reused = timings?.[`cache.${cache}.reused`];
  const made = timings?.[`cache.${cache}.made`];
  if (reused === undefined || made === undefined) return 'n/a';
  const damaged = (timings?.[`cache.${cache}.refused`] ?? 0) + (timings?.[`cache.${cache}.damaged`] ?? 0);
  return `${reused} reused, ${made} made${damaged > 0 ? `, ${damaged} ignored` : ''}`;
}

export interface Target {
  readonly measure: string;
  /** The value reached, as a ratio or in KB. */
  readonly value: number;
  readonly limit: number;
  readonly unit: 'x' | 'KB';
  /** Stage timings of the run, to say where the time goes when the target is missed. */
  readonly timings?: Record<string, number>;
}

/** One line per target: met or not and, when not, the three costliest stages of that run. */
export function formatTargets(targets: readonly Target[], labels: ReadonlyMap<string, string>): string {
  const lines = targets.map(({ measure, value, limit, unit, timings }) => {
    const reached = `${value.toFixed(2)}${unit === 'x' ? '×' : ' KB'} (target ≤ ${limit}${unit === 'x' ? '×' : ' KB'})`;
    if (value <= limit) return `- ${measure}: ${reached}, met.`;
    const stages = Object.entries(timings ?? {})
      .filter(([stage]) => labels.has(stage))
      .sort(([, a], [, b]) => b - a)
      .slice(0, 3)
      .map(([stage, ms]) => `${labels.get(stage)} ${(ms / 1000).toFixed(2)} s`);
    return `- ${measure}: ${reached}, **not met**${stages.length > 0 ? `; costliest stages: ${stages.join(', ')}` : ''}.`;
  });
  return ['Against the targets:', '', ...lines, ''].join('\n');
}
