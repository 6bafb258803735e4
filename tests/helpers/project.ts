/**
 * Real `astro build` runs for integration tests, in a child process through Astro's own command line, as
 * a user runs it. A scratch project copies the real sources and takes its content from a fixture.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

export interface BuildRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment of a build as a user's shell would give it: without the variables Vitest sets in its
 * workers (BASE_URL, MODE, …), which Vite would otherwise take for the site's own settings.
 */
function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^(BASE_URL|MODE|DEV|PROD|SSR|TEST|VITEST.*|NODE_ENV)$/.test(name)) delete env[name];
  }
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/** Runs `astro build --outDir <outDir>` in `root`. */
export function astroBuild(root: string, outDir: string, env: NodeJS.ProcessEnv = {}): BuildRun {
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const result = spawnSync(process.execPath, [astro, 'build', '--outDir', outDir], {
    cwd: root,
    encoding: 'utf8',
    env: cleanEnv(env),
    timeout: 600_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface RunningBuild {
  readonly pid: number;
  /** The finished run; `signal` is set when the build was killed. */
  readonly done: Promise<BuildRun & { readonly signal: NodeJS.Signals | null }>;
}

/** Starts `astro build --outDir <outDir>` in `root` without waiting for it, to run builds side by side or kill one. */
export function startAstroBuild(root: string, outDir: string, env: NodeJS.ProcessEnv = {}): RunningBuild {
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const child = spawn(process.execPath, [astro, 'build', '--outDir', outDir], {
    cwd: root,
    env: cleanEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const done = new Promise<BuildRun & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
  return { pid: child.pid as number, done };
}

/**
 * Links every installed package into `<root>/node_modules`, but not the caches Astro and Vite keep there
 * (`.astro`, `.vite`): scratch projects built at the same time would otherwise share a content store.
 */
export function linkDependencies(root: string): void {
  const modules = join(root, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(PROJECT_ROOT, 'node_modules'))) {
    if (entry === '.astro' || entry === '.vite' || entry === '.cache') continue;
    symlinkSync(join(PROJECT_ROOT, 'node_modules', entry), join(modules, entry));
  }
}

/**
 * A scratch project: a copy of the real code (Astro resolves component scripts by real path, so `src`
 * cannot be a link), the installed dependencies (linked), and `content/` copied from `contentDir`.
 */
export function scratchProject(contentDir: string): string {
  const root = mkdtempSync(join(tmpdir(), 'insigne-project-'));
  for (const entry of ['src', 'public', 'package.json', 'astro.config.mjs', 'tsconfig.json']) {
    if (existsSync(join(PROJECT_ROOT, entry))) {
      cpSync(join(PROJECT_ROOT, entry), join(root, entry), { recursive: true });
    }
  }
  linkDependencies(root);
  mkdirSync(join(root, 'content'));
  cpSync(contentDir, join(root, 'content'), { recursive: true });
  return root;
}
