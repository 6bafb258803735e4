/**
 * The sharded deploy workflow: its shape (matrix from the plan, secret only where it is needed, one
 * artifact per shard, merge, the preview guard, Pages), and, run for real, the plan step that turns the
 * INSIGNE_SHARDS variable into the matrix and the guard shared with deploy.yml.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../helpers/project.ts';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  id?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  strategy?: { 'fail-fast': boolean; matrix: Record<string, string> };
  outputs?: Record<string, string>;
  env?: Record<string, string>;
  environment?: { name: string; url: string };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const read = (name: string) =>
  parse(readFileSync(join(PROJECT_ROOT, '.github/workflows', name), 'utf8')) as Workflow;
const workflow = read('deploy-sharded.yml');
const single = read('deploy.yml');
const { plan, shard, merge, deploy } = workflow.jobs as Record<string, Job>;
const expression = (inner: string) => `$\{{ ${inner} }}`;
const stepOf = (job: Job | undefined, name: string) => {
  const found = job?.steps.find((s) => s.name === name);
  if (!found) throw new Error(`no step "${name}"`);
  return found;
};

/** Runs the plan step with INSIGNE_SHARDS set to `value` (or unset); returns its outputs. */
function runPlan(value: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'insigne-plan-'));
  const output = join(dir, 'output');
  writeFileSync(output, '');
  const run = spawnSync('bash', ['-e', '-c', stepOf(plan, 'Plan the shards').run ?? ''], {
    env: {
      PATH: process.env.PATH,
      GITHUB_OUTPUT: output,
      ...(value === undefined ? {} : { INSIGNE_SHARDS: value }),
    },
    encoding: 'utf8',
  });
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { run, outputs };
}

describe('sharded deploy workflow', () => {
  it('runs on the same events as deploy.yml, in the same concurrency group, only when asked for', () => {
    expect(workflow.on).toEqual(single.on);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.concurrency).toEqual(single.concurrency);
    expect(plan?.if).toBe("github.event_name == 'workflow_dispatch' || vars.INSIGNE_SHARDS != ''");
    expect(Object.keys(workflow.jobs)).toEqual(['plan', 'shard', 'merge', 'deploy']);
  });

  it('plans N shards from the INSIGNE_SHARDS variable (3 when unset), and one build day', () => {
    const unset = runPlan(undefined);
    expect(unset.run.status).toBe(0);
    expect(unset.outputs.count).toBe('3');
    expect(JSON.parse(unset.outputs.shards ?? '')).toEqual([1, 2, 3]);
    expect(unset.outputs.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(JSON.parse(runPlan('5').outputs.shards ?? '')).toEqual([1, 2, 3, 4, 5]);
    expect(runPlan(' 1 ').outputs.count).toBe('1');
    for (const value of ['0', 'abc', '257', '2/3', '-1']) {
      const bad = runPlan(value);
      expect(bad.run.status, value).toBe(1);
      expect(bad.run.stdout).toContain(
        '::error::The INSIGNE_SHARDS variable must be a number of shards from 1 to 256',
      );
      expect(bad.outputs).toEqual({});
    }
  });

  it('builds each shard of the matrix with the signing secret, on the plan’s day', () => {
    expect(shard?.needs).toBe('plan');
    expect(shard?.strategy).toEqual({
      'fail-fast': true,
      matrix: { shard: expression('fromJSON(needs.plan.outputs.shards)') },
    });
    expect(shard?.env?.INSIGNE_TODAY).toBe(expression('needs.plan.outputs.day'));
    expect(stepOf(shard, 'Build the shard')).toEqual({
      name: 'Build the shard',
      env: {
        INSIGNE_SIGNING_KEYS: expression('secrets.INSIGNE_SIGNING_KEYS'),
        INSIGNE_SHARD: `${expression('matrix.shard')}/${expression('needs.plan.outputs.count')}`,
      },
      run: 'npm run build',
    });
    // The secret only where it is needed, as in deploy.yml.
    const withSecret = Object.values(workflow.jobs).flatMap((job) =>
      job.steps.filter((s) => JSON.stringify(s).includes('secrets.')).map((s) => s.name),
    );
    expect(withSecret).toEqual([
      'Check the signing secret is set',
      'Build the shard',
      'Upload to object storage',
    ]);
    expect(stepOf(shard, 'Check the signing secret is set')).toEqual(
      stepOf(single.jobs.build, 'Check the signing secret is set'),
    );
  });

  it('keeps the artwork cache as deploy.yml does, and the signing, verdict, page and data file caches per shard', () => {
    const caches = shard?.steps.filter((s) => s.uses === 'actions/cache@v4') ?? [];
    expect(caches[0]?.with).toEqual(
      single.jobs.build?.steps.find((s) => s.uses === 'actions/cache@v4')?.with,
    );
    const perShard = `shard-${expression('matrix.shard')}-of-${expression('needs.plan.outputs.count')}-`;
    expect(caches.map((cache) => cache.with?.path)).toEqual([
      '.cache/artwork',
      '.cache/insigne/signatures',
      '.cache/insigne/verdicts',
      '.cache/insigne/pages',
      '.cache/insigne/files',
    ]);
    expect(String(caches[1]?.with?.key)).toMatch(
      new RegExp(`^signatures-${perShard.replace(/[$.{}()]/g, '\\$&')}`),
    );
    expect(String(caches[2]?.with?.key)).toContain(
      `verdicts-${perShard}${expression('needs.plan.outputs.day')}-`,
    );
    expect(String(caches[3]?.with?.key)).toMatch(
      new RegExp(`^pages-${perShard.replace(/[$.{}()]/g, '\\$&')}`),
    );
    expect(String(caches[4]?.with?.key)).toMatch(
      new RegExp(`^files-${perShard.replace(/[$.{}()]/g, '\\$&')}`),
    );
    // A new entry every run, restored from the newest of the same shard.
    for (const cache of caches.slice(1)) {
      expect(String(cache.with?.key)).toContain(expression('github.run_id'));
      expect(String(cache.with?.['restore-keys'])).toContain(perShard);
    }
  });

  it('uploads each shard with its hidden files, merges them all, guards, then deploys to Pages', () => {
    expect(shard?.steps.at(-1)).toMatchObject({
      uses: 'actions/upload-artifact@v4',
      with: { name: `shard-${expression('matrix.shard')}`, path: 'dist', 'include-hidden-files': true },
    });
    expect(merge?.needs).toEqual(['plan', 'shard']);
    expect(merge?.steps.map((s) => s.uses ?? s.name)).toEqual([
      'actions/checkout@v5',
      'actions/setup-node@v5',
      'Install',
      'actions/download-artifact@v4',
      'Merge the shards',
      'Refuse a preview build',
      'Upload to object storage',
      'actions/upload-pages-artifact@v5',
    ]);
    expect(merge?.steps[3]?.with).toEqual({ pattern: 'shard-*', path: 'shards' });
    expect(stepOf(merge, 'Merge the shards').run).toBe('npm run badges -- merge shards/shard-* --out dist');
    expect(stepOf(merge, 'Refuse a preview build').run).toBe(
      stepOf(single.jobs.build, 'Refuse a preview build').run,
    );
    expect(merge?.steps.at(-1)?.with).toEqual({ path: 'dist', 'include-hidden-files': true });
    expect(deploy).toEqual(
      single.jobs.deploy && { ...single.jobs.deploy, needs: 'merge', if: "vars.INSIGNE_S3_ENDPOINT == ''" },
    );
    expect(merge?.steps.at(-1)?.if).toBe("vars.INSIGNE_S3_ENDPOINT == ''");
  });

  it('uploads to S3-compatible storage instead of Pages when INSIGNE_S3_ENDPOINT is set', () => {
    const upload = stepOf(merge, 'Upload to object storage');
    expect(upload.if).toBe("vars.INSIGNE_S3_ENDPOINT != ''");
    expect(upload.env).toEqual({
      AWS_ACCESS_KEY_ID: expression('secrets.INSIGNE_S3_ACCESS_KEY_ID'),
      AWS_SECRET_ACCESS_KEY: expression('secrets.INSIGNE_S3_SECRET_ACCESS_KEY'),
      AWS_REGION: expression('vars.INSIGNE_S3_REGION'),
      INSIGNE_S3_ENDPOINT: expression('vars.INSIGNE_S3_ENDPOINT'),
      INSIGNE_S3_BUCKET: expression('vars.INSIGNE_S3_BUCKET'),
      INSIGNE_S3_PREFIX: expression('vars.INSIGNE_S3_PREFIX'),
    });
    // Variables reach the command through the environment, never pasted into the script.
    expect(upload.run).toBe(
      'npm run badges -- upload dist --s3 "$INSIGNE_S3_ENDPOINT" --bucket "$INSIGNE_S3_BUCKET" --prefix "$INSIGNE_S3_PREFIX"',
    );
  });

  it('refuses a preview merge as deploy.yml does, run for real', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'insigne-sharded-'));
    mkdirSync(join(cwd, 'dist'));
    const guard = stepOf(merge, 'Refuse a preview build').run ?? '';
    writeFileSync(
      join(cwd, 'dist', 'insigne-build.json'),
      JSON.stringify({ preview: true, builtOn: '2026-11-28' }),
    );
    const refused = spawnSync('bash', ['-e', '-c', guard], { cwd, encoding: 'utf8' });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('::error::This is a PREVIEW build');
    writeFileSync(
      join(cwd, 'dist', 'insigne-build.json'),
      JSON.stringify({ preview: false, builtOn: '2026-11-28' }),
    );
    expect(spawnSync('bash', ['-e', '-c', guard], { cwd, encoding: 'utf8' }).status).toBe(0);
  });
});
