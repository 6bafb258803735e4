/**
 * Real `astro build` runs for integration tests, in a child process (Astro and Vitest each bring their
 * own Vite setup). A scratch project links the real sources and takes its content from a fixture.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

export interface BuildRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `astro build` in `root`, writing to `outDir`. */
export function astroBuild(root: string, outDir: string, env: NodeJS.ProcessEnv = {}): BuildRun {
  const script = `import { build } from 'astro'; await build({ root: process.cwd(), outDir: ${JSON.stringify(outDir)}, logLevel: 'info' });`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    timeout: 600_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A scratch project: the real code (linked) with `content/` copied from `contentDir`. */
export function scratchProject(contentDir: string): string {
  const root = mkdtempSync(join(tmpdir(), 'insigne-project-'));
  for (const entry of [
    'src',
    'public',
    'node_modules',
    'package.json',
    'astro.config.mjs',
    'tsconfig.json',
  ]) {
    symlinkSync(join(PROJECT_ROOT, entry), join(root, entry));
  }
  mkdirSync(join(root, 'content'));
  cpSync(contentDir, join(root, 'content'), { recursive: true });
  return root;
}
