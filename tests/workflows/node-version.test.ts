/**
 * The README's two commands on a machine whose only Node is too old for Astro (Debian 12 ships Node 20):
 * `npm install` brings Node 24 as the `node` development dependency, and npm's scripts run on it. When
 * that Node is missing, the scripts stop at once with the exact fix instead of Astro's own refusal.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/project.ts';

const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
  allowScripts: Record<string, boolean>;
};
const atLeast = (version: string, major: number, minor: number) => {
  const [a = 0, b = 0] = version.replace(/^v/, '').split('.').map(Number);
  return a > major || (a === major && b >= minor);
};
/** A PATH with the system folders only, as on a fresh machine: no Node put first by a developer. */
const systemPath = '/usr/local/bin:/usr/bin:/bin';
const systemNode = ['/usr/local/bin/node', '/usr/bin/node'].find((path) => existsSync(path));
const npm = ['/usr/local/bin/npm', '/usr/bin/npm'].find((path) => existsSync(path));

describe('Node for the npm scripts', () => {
  it('pins Node 24 as a development dependency whose install script npm is allowed to run', () => {
    expect(manifest.devDependencies.node).toMatch(/^24\.\d+\.\d+$/);
    expect(manifest.allowScripts.node).toBe(true);
    const installed = spawnSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'node'), ['--version'], {
      encoding: 'utf8',
    });
    expect(installed.stdout.trim()).toBe(`v${manifest.devDependencies.node}`);
  });

  it.runIf(npm)('runs the npm scripts on that Node even when the system Node comes first', () => {
    const run = spawnSync(npm as string, ['exec', '--', 'node', '-p', 'process.versions.node'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { PATH: systemPath, HOME: process.env.HOME ?? '/tmp' },
    });
    expect(run.status).toBe(0);
    expect(atLeast(run.stdout.trim(), 22, 18)).toBe(true);
  });

  it('checks the Node version before every script a user runs', () => {
    for (const script of ['build', 'preview', 'test', 'badges', 'bench'])
      expect(manifest.scripts[`pre${script}`], script).toBe('node scripts/node-version.cjs');
  });

  it.runIf(systemNode && !atLeast(spawnSync(systemNode, ['--version'], { encoding: 'utf8' }).stdout, 22, 18))(
    'names the exact fix when a too-old Node runs them',
    () => {
      const run = spawnSync(systemNode as string, [join(PROJECT_ROOT, 'scripts', 'node-version.cjs')], {
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('Insigne needs Node.js 22.18 or newer; this is Node.js 20.');
      expect(run.stderr).toContain('Fix: run `npm install` in the project folder');
    },
  );

  it('lets a recent Node through silently', () => {
    const run = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'node-version.cjs')], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toBe('');
  });
});
