/**
 * The GitHub Pages workflow: its shape (permissions, secret, artifact) and, run for real, the step that
 * refuses to publish a preview build.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUILD_MANIFEST } from '../../src/shell/integration.ts';
import { PROJECT_ROOT } from '../helpers/project.ts';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  id?: string;
}
interface Job {
  needs?: string;
  permissions?: Record<string, string>;
  environment?: { name: string; url: string };
  steps: Step[];
}

const workflow = parse(readFileSync(join(PROJECT_ROOT, '.github/workflows/deploy.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: { build: Job; deploy: Job };
};
const { build, deploy } = workflow.jobs;
const step = (name: string) => {
  const found = build.steps.find((s) => s.name === name);
  if (!found) throw new Error(`no step "${name}"`);
  return found;
};
/** GitHub expressions, `${{ … }}`, written without tripping the template-string lint. */
const expression = (inner: string) => `$\{{ ${inner} }}`;
const SECRET = expression('secrets.INSIGNE_SIGNING_KEYS');

/** Runs the guard step's script in a folder whose dist/ holds `manifest` (or nothing). */
function guard(manifest: string | undefined) {
  const cwd = mkdtempSync(join(tmpdir(), 'insigne-deploy-'));
  mkdirSync(join(cwd, 'dist'));
  if (manifest !== undefined) writeFileSync(join(cwd, 'dist', BUILD_MANIFEST), manifest);
  return spawnSync('bash', ['-e', '-c', step('Refuse a preview build').run ?? ''], { cwd, encoding: 'utf8' });
}

describe('deploy workflow', () => {
  it('deploys main with the least permissions, one deployment at a time', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['push', 'schedule', 'workflow_dispatch']);
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
    expect(build.permissions).toBeUndefined();
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.needs).toBe('build');
    expect(deploy.environment).toEqual({
      name: 'github-pages',
      url: expression('steps.deployment.outputs.page_url'),
    });
    expect(deploy.steps).toEqual([{ id: 'deployment', uses: 'actions/deploy-pages@v5' }]);
  });

  it('installs with npm ci on Node 24 and builds with the signing secret, in that order', () => {
    const uses = build.steps.map((s) => s.uses ?? s.name);
    expect(uses).toEqual([
      'actions/checkout@v5',
      'actions/setup-node@v5',
      'Install',
      'actions/cache@v4',
      'Build day',
      'actions/cache@v4',
      'actions/cache@v4',
      'actions/cache@v4',
      'actions/cache@v4',
      'Check the signing secret is set',
      'Build',
      'Refuse a preview build',
      'actions/upload-pages-artifact@v5',
    ]);
    expect(build.steps[1]?.with).toEqual({ 'node-version': 24, cache: 'npm' });
    expect(step('Install').run).toBe('npm ci --no-audit --no-fund');
    expect(step('Build')).toEqual({
      name: 'Build',
      env: { INSIGNE_SIGNING_KEYS: SECRET },
      run: 'npm run build',
    });
    // The secret is given only to the steps that need it, never to the whole job.
    const withSecret = build.steps.filter((s) => JSON.stringify(s).includes('secrets.'));
    expect(withSecret.map((s) => s.name)).toEqual(['Check the signing secret is set', 'Build']);
  });

  it('keeps the rendered artwork cache between runs', () => {
    const cache = build.steps.find((s) => s.uses === 'actions/cache@v4');
    expect(cache?.with).toMatchObject({ path: '.cache/artwork' });
  });

  const cacheOf = (path: string) => {
    const found = build.steps.find((s) => s.uses === 'actions/cache@v4' && s.with?.path === path);
    if (!found?.with) throw new Error(`no cache of ${path}`);
    return found.with as { key: string; 'restore-keys': string };
  };

  it('saves the signing cache on every run and restores the newest, preferring the same signing code', () => {
    const { key, 'restore-keys': restore } = cacheOf('.cache/insigne/signatures');
    const code = expression("hashFiles('src/core/credentials/**', 'package-lock.json')");
    // A key of its own per run (caches are immutable once saved), so the status list signed today and
    // the signatures of new awards are kept for the next run.
    expect(key).toBe(`signatures-${code}-${expression('github.run_id')}-${expression('github.run_attempt')}`);
    expect(restore.trim().split('\n')).toEqual([`signatures-${code}-`, 'signatures-']);
  });

  it('saves the page cache on every run and restores only pages made by the same code', () => {
    const { key, 'restore-keys': restore } = cacheOf('.cache/insigne/pages');
    const code = expression("hashFiles('src/**', 'astro.config.mjs', 'package-lock.json')");
    expect(key).toBe(`pages-${code}-${expression('github.run_id')}-${expression('github.run_attempt')}`);
    expect(restore).toBe(`pages-${code}-`);
  });

  it('keeps the data files of the last run, any of them restored (each is compared before reuse)', () => {
    const { key, 'restore-keys': restore } = cacheOf('.cache/insigne/files');
    expect(key).toBe(`files-${expression('github.run_id')}-${expression('github.run_attempt')}`);
    expect(restore).toBe('files-');
  });

  it('restores self-check verdicts of the same day only', () => {
    const { key, 'restore-keys': restore } = cacheOf('.cache/insigne/verdicts');
    const day = expression('steps.day.outputs.day');
    expect(key).toBe(`verdicts-${day}-${expression('github.run_id')}-${expression('github.run_attempt')}`);
    expect(restore).toBe(`verdicts-${day}-`);
    const script = step('Build day').run ?? '';
    const output = join(mkdtempSync(join(tmpdir(), 'insigne-day-')), 'output');
    const run = spawnSync('bash', ['-e', '-c', script], {
      env: { PATH: process.env.PATH, GITHUB_OUTPUT: output },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(readFileSync(output, 'utf8')).toMatch(/^day=\d{4}-\d{2}-\d{2}\n$/);
  });

  it('publishes dist/ with its hidden files (.nojekyll, .well-known)', () => {
    expect(build.steps.at(-1)?.with).toEqual({ path: 'dist', 'include-hidden-files': true });
  });

  it('lets a signed build through', () => {
    const run = guard(JSON.stringify({ preview: false, builtOn: '2026-11-28' }));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Signed with the issuer keys');
  });

  it.each([
    [
      'a preview build',
      JSON.stringify({ preview: true, builtOn: '2026-11-28' }),
      '::error::This is a PREVIEW build',
    ],
    ['a manifest without the flag', '{}', '::error::This is a PREVIEW build'],
    ['a broken manifest', '{"preview": fal', '::error::dist/insigne-build.json is missing or unreadable'],
    ['no manifest', undefined, '::error::dist/insigne-build.json is missing or unreadable'],
  ])('refuses %s', (_, manifest, message) => {
    const run = guard(manifest);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(message);
  });

  it('fails early, without printing it, when the secret is missing', () => {
    const script = step('Check the signing secret is set').run ?? '';
    const missing = spawnSync('bash', ['-e', '-c', script], {
      env: { PATH: process.env.PATH },
      encoding: 'utf8',
    });
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain('::error::The INSIGNE_SIGNING_KEYS secret is not set.');
    const set = spawnSync('bash', ['-e', '-c', script], {
      env: { PATH: process.env.PATH, INSIGNE_SIGNING_KEYS: 'do-not-print' },
      encoding: 'utf8',
    });
    expect(set.status).toBe(0);
    expect(set.stdout + set.stderr).not.toContain('do-not-print');
  });
});
