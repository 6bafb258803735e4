/**
 * Proof of equivalence for sharded builds (issue #18): the example school plus 1 500 generated awards,
 * signed with real keys, built once whole and once as 3 shards (INSIGNE_SHARD=k/3) merged by
 * `badges merge`; the two trees must hold the same files with the same bytes. 1 500 rather than a few
 * thousand: four real builds of that site take a few minutes on a shared 2-core machine.
 *
 * The same shard folders then show the merge's refusals on real output: a missing shard, a shard of
 * another build, a site-wide file that differs, a damaged artifact, an artefact that no longer verifies.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticAwards } from '../../scripts/bench/synthetic.ts';
import { shardOf } from '../../src/core/build/shard.ts';
import { loadContent } from '../../src/shell/content.ts';
import { cli } from '../helpers/cli.ts';
import { astroBuild, PROJECT_ROOT, scratchProject } from '../helpers/project.ts';

const DAY = '2026-11-28';
const GENERATED = 1_500;
const SHARDS = 3;

function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The first differences between two trees: files only in one, then files whose bytes differ. */
function differences(a: string, b: string): string[] {
  const left = tree(a);
  const right = new Set(tree(b));
  const out: string[] = [];
  for (const path of left) {
    if (!right.has(path)) out.push(`only in the whole build: ${path}`);
    else if (!readFileSync(join(a, path)).equals(readFileSync(join(b, path))))
      out.push(`bytes differ: ${path}`);
    right.delete(path);
    if (out.length >= 10) return out;
  }
  for (const path of right) {
    out.push(`only in the merge: ${path}`);
    if (out.length >= 10) break;
  }
  return out;
}

let root: string;
const env = { INSIGNE_TODAY: DAY };
const shardDir = (k: number) => join(root, 'shards', String(k));

describe('a sharded build merged', () => {
  beforeAll(async () => {
    root = scratchProject(join(PROJECT_ROOT, 'content'));
    const before = loadContent(root, DAY);
    if (!before.ok) throw new Error('the example content does not load');
    const taken = new Set([...before.model.awards.values()].map((award) => award.statusIndex));
    writeSyntheticAwards(root, GENERATED, 18, taken);
    const keygen = await cli(root, ['keygen', 'lycee-trois-rivieres'], env);
    expect(keygen.code, keygen.err).toBe(0);
    const whole = astroBuild(root, join(root, 'whole'), env);
    expect(whole.status, whole.stderr).toBe(0);
    mkdirSync(join(root, 'shards'));
    for (let k = 1; k <= SHARDS; k++) {
      const shard = astroBuild(root, shardDir(k), { ...env, INSIGNE_SHARD: `${k}/${SHARDS}` });
      expect(shard.status, shard.stderr).toBe(0);
    }
  }, 1_800_000);

  // Four builds of 1 500 awards take about 300 MB of temporary space.
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('builds in each shard only the award pages and files of its awards, and every site-wide file', () => {
    const model = loadContent(root, DAY);
    if (!model.ok) throw new Error('content');
    const ids = [...model.model.awards.keys()];
    expect(ids.length).toBe(GENERATED + 26);
    for (let k = 1; k <= SHARDS; k++) {
      const awards = readdirSync(join(shardDir(k), 'awards')).sort();
      expect(awards).toEqual(ids.filter((id) => shardOf(id, SHARDS) === k).sort());
      const manifest = JSON.parse(readFileSync(join(shardDir(k), 'insigne-build.json'), 'utf8'));
      expect(manifest.shard).toEqual({ index: k, count: SHARDS });
      expect(manifest.preview).toBe(false);
      expect(manifest.awards.total).toBe(ids.length);
      expect(Object.keys(manifest.awards.own).sort()).toEqual(awards);
      // Site-wide: the status list, the home page and the verify page in every shard.
      for (const path of ['issuers/lycee-trois-rivieres/status-list.json', 'index.html', 'verify/index.html'])
        expect(readFileSync(join(shardDir(k), path))).toEqual(readFileSync(join(root, 'whole', path)));
    }
  });

  it('merges the shards into a tree byte-identical to the whole build', async () => {
    const merged = await cli(root, ['merge', 'shards/3', 'shards/1', 'shards/2', '--out', 'merged'], env);
    expect(merged.err).toBe('');
    expect(merged.code).toBe(0);
    expect(merged.out).toMatch(/Merged 3 shard\(s\) into merged: \d+ files, 1526 awards/);
    expect(differences(join(root, 'whole'), join(root, 'merged'))).toEqual([]);
    expect(tree(join(root, 'merged')).length).toBe(tree(join(root, 'whole')).length);
  }, 600_000);

  it('refuses a missing shard, and a shard given twice', async () => {
    const run = await cli(root, ['merge', 'shards/1', 'shards/3', 'shards/1', '--out', 'refused'], env);
    expect(run.code).toBe(1);
    expect(run.err).toContain('Shard 1 of 3 was given twice: shards/1, shards/1.');
    expect(run.err).toContain('Missing shard 2 of 3');
    expect(run.err).not.toMatch(/\n\s+at /);
  });

  it('refuses the shards of different builds', async () => {
    const other = join(root, 'other-build');
    cpSync(shardDir(2), other, { recursive: true });
    const path = join(other, 'insigne-build.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...manifest, build: 'f'.repeat(64) }));
    const run = await cli(root, ['merge', 'shards/1', 'other-build', 'shards/3', '--out', 'refused'], env);
    expect(run.code).toBe(1);
    expect(run.err).toContain('other-build comes from another build than shards/1');
    rmSync(other, { recursive: true });
  }, 600_000);

  it('refuses a shard whose files changed after its build, and overlapping files that differ', async () => {
    const changed = join(root, 'changed');
    cpSync(shardDir(2), changed, { recursive: true });
    const list = join(changed, 'issuers', 'lycee-trois-rivieres', 'revocations-ob2.json');
    writeFileSync(list, readFileSync(list, 'utf8').replace('{', '{ '));
    const damaged = await cli(root, ['merge', 'shards/1', 'changed', 'shards/3', '--out', 'refused'], env);
    expect(damaged.code).toBe(1);
    expect(damaged.err).toContain('changed: its files are not those its build wrote');

    // The same change with a manifest that agrees with it: only the comparison of overlaps finds it.
    const manifestPath = join(changed, 'insigne-build.json');
    const { digestFiles } = await import('../../src/shell/build/shard.ts');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, files: digestFiles(changed) }));
    const overlap = await cli(root, ['merge', 'shards/1', 'changed', 'shards/3', '--out', 'refused'], env);
    expect(overlap.code).toBe(1);
    expect(overlap.err).toContain('1 file(s) that several shards build differ between them');
    expect(overlap.err).toContain('issuers/lycee-trois-rivieres/revocations-ob2.json');
    rmSync(changed, { recursive: true });
  }, 600_000);

  it('refuses a merge whose sampled artefacts do not verify, and a merge missing an award file', async () => {
    const { digestFiles } = await import('../../src/shell/build/shard.ts');
    const forged = join(root, 'forged');
    cpSync(shardDir(1), forged, { recursive: true });
    const manifestPath = join(forged, 'insigne-build.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    // The first verified award in id order: the merge's sample always includes it.
    const id = Object.keys(manifest.awards.own)
      .sort()
      .find((award) => manifest.awards.own[award] === 'verified') as string;
    const credential = join(forged, 'awards', id, 'credential.json');
    writeFileSync(credential, readFileSync(credential, 'utf8').replace('"name":"', '"name":"X'));
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, files: digestFiles(forged) }));
    const run = await cli(root, ['merge', 'forged', 'shards/2', 'shards/3', '--out', 'refused'], env);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`awards/${id}/credential.json (from forged): expected verified, got`);

    rmSync(join(forged, 'awards', id, 'qr.svg'));
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, files: digestFiles(forged) }));
    const missing = await cli(root, ['merge', 'forged', 'shards/2', 'shards/3', '--out', 'refused'], env);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(`awards/${id}/qr.svg`);
    // Nothing was published by any refused merge.
    expect(() => readdirSync(join(root, 'refused'))).toThrow();
    rmSync(forged, { recursive: true });
  }, 600_000);

  it('refuses INSIGNE_SHARD values that are not a shard, before building anything', () => {
    for (const [value, message] of [
      ['abc', 'INSIGNE_SHARD="abc" is not a shard.'],
      ['0/3', 'INSIGNE_SHARD="0/3": there is no shard 0 of 3'],
      ['4/3', 'INSIGNE_SHARD="4/3": there is no shard 4 of 3'],
    ] as const) {
      const run = astroBuild(root, join(root, 'bad-shard'), { ...env, INSIGNE_SHARD: value });
      expect(run.status).not.toBe(0);
      expect(run.stdout + run.stderr).toContain(message);
      expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
    }
  }, 120_000);
});
