/**
 * Publishing a finished site, and recovering from a build that was killed while doing it.
 *
 * A build stages everything next to the output folder (`<outDir>` is the published site):
 * - `<outDir>.insigne-next`: Astro's pages, joined by the data files, then renamed to `<outDir>`;
 * - `<outDir>.insigne-data`: the data files while they are being written;
 * - `<outDir>.insigne-old`: the previous site, between the two renames of `publish`.
 *
 * The two renames cannot be one atomic step, so a kill between them leaves no `<outDir>` at all, only
 * `.insigne-old`. Every build (and `badges check`) therefore starts by `recoverInterruptedPublish`: the
 * previous site comes back from `.insigne-old` if `<outDir>` is missing, and the staging folders of
 * interrupted builds are removed. It runs under the build lock, so it never touches a live build's folders.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { acquireBuildLock, isLockedByLiveBuild, lockPath } from './build-lock.ts';

/** The folders a build stages into, next to `publishDir`. */
export function stagingDirs(publishDir: string) {
  return {
    next: `${publishDir}.insigne-next`,
    data: `${publishDir}.insigne-data`,
    old: `${publishDir}.insigne-old`,
  } as const;
}

/** Test hook: `INSIGNE_FAULT=<point>` kills the build at that point, as `kill -9` would. */
export function faultPoint(point: string): void {
  if (process.env.INSIGNE_FAULT === point) process.kill(process.pid, 'SIGKILL');
}

/** Replaces the previous site by the new one: two renames, the old copy removed last. */
export function publish(nextDir: string, publishDir: string): void {
  const { old } = stagingDirs(publishDir);
  rmSync(old, { recursive: true, force: true });
  if (existsSync(publishDir)) renameSync(publishDir, old);
  faultPoint('between-renames');
  renameSync(nextDir, publishDir);
  faultPoint('before-old-removed');
  rmSync(old, { recursive: true, force: true });
}

export interface Recovery {
  /** The previous site was brought back from `.insigne-old`. */
  readonly restored: boolean;
  /** Names of the staging folders (and stale lock asides) removed. */
  readonly removed: readonly string[];
}

/**
 * Puts the output folder back in a published state after an interrupted build. The caller holds the build
 * lock. A kill between the two renames leaves `.insigne-old` (the previous, complete site) and no output
 * folder: the previous site is restored. Everything else a build stages is half-done work and is removed.
 */
export function recoverInterruptedPublish(publishDir: string): Recovery {
  const { next, data, old } = stagingDirs(publishDir);
  let restored = false;
  if (!existsSync(publishDir) && existsSync(old)) {
    renameSync(old, publishDir);
    restored = true;
  }
  const removed: string[] = [];
  const folder = dirname(publishDir);
  const prefix = `${basename(publishDir)}.insigne-`;
  const leftovers = existsSync(folder)
    ? readdirSync(folder).filter((name) => name.startsWith(prefix) && name !== basename(lockPath(publishDir)))
    : [];
  for (const name of new Set([...leftovers, basename(next), basename(data), basename(old)])) {
    const path = join(folder, name);
    if (!existsSync(path)) continue;
    rmSync(path, { recursive: true, force: true });
    removed.push(name);
  }
  return { restored, removed };
}

/**
 * For commands that do not build (`badges check`): the same recovery, under the lock for the moment it
 * takes, and only when no build is running (a running build recovers on its own, and its folders are live).
 */
export function recoverOutputFolder(publishDir: string): Recovery | undefined {
  if (isLockedByLiveBuild(publishDir)) return undefined;
  let lock: ReturnType<typeof acquireBuildLock>;
  try {
    lock = acquireBuildLock(publishDir);
  } catch {
    return undefined;
  }
  try {
    return recoverInterruptedPublish(publishDir);
  } finally {
    lock.release();
  }
}
