/**
 * One build at a time per output folder. Two builds writing the same staging folders publish a mixture of
 * both, or trip over each other's files; the second one must refuse, clearly, instead.
 *
 * The lock is a file next to the output folder (`<outDir>.insigne-lock`), created with O_EXCL, holding the
 * owner's pid, host name and start time. A lock whose owner is gone (a build killed with `kill -9`, a
 * machine that lost power) is stale: a build on the same host sees that its pid is no longer alive and
 * takes the lock over. A lock from another host cannot be checked, so the message says how to remove it.
 */

import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename } from 'node:path';
import { InsigneError } from '../../core/errors.ts';
import { render, say } from '../../core/messages/catalogue.ts';
import { languageOfEnvironment } from '../../core/messages/language.ts';

/** What the lock file holds. */
export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  /** ISO time the build started. */
  readonly since: string;
}

export interface BuildLock {
  readonly path: string;
  /** Removes the lock if this process still owns it; safe to call more than once. */
  release(): void;
}

export const lockPath = (publishDir: string) => `${publishDir}.insigne-lock`;

function readOwner(path: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.since === 'string')
      return { pid: owner.pid, host: owner.host, since: owner.since };
  } catch {
    // Unreadable or half-written: treated as an unknown owner below.
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the owner recorded in the lock cannot be running any more. */
function isStale(owner: LockOwner | undefined): boolean {
  return owner !== undefined && owner.host === hostname() && !isAlive(owner.pid);
}

function tryCreate(path: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(owner)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Takes a stale lock out of the way. The lock is first renamed to a name of our own, so that of two builds
 * recovering it at once only one moves it; if what was moved is not the stale lock we read (another build
 * took it over meanwhile), it is put back.
 */
function removeStale(path: string, stale: LockOwner): void {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  const moved = readOwner(aside);
  if (moved?.pid === stale.pid && moved.since === stale.since && moved.host === stale.host) {
    rmSync(aside, { force: true });
  } else {
    renameSync(aside, path);
  }
}

/** The refusal a second build prints. */
function busyMessage(path: string, owner: LockOwner | undefined): string {
  const who = owner
    ? say('lock.owner', {
        pid: owner.pid,
        host: owner.host === hostname() ? '' : say('lock.onHost', { host: owner.host }),
        since: owner.since,
      })
    : say('lock.unreadable');
  return render(say('lock.busy', { who, file: basename(path) }), languageOfEnvironment(process.env));
}

/**
 * Takes the build lock of `publishDir`, or throws `ERR_BUILD_LOCKED` naming the build that holds it.
 * The lock is also released when this process exits, whatever the reason short of a kill.
 */
export function acquireBuildLock(publishDir: string, now: Date = new Date()): BuildLock {
  const path = lockPath(publishDir);
  const owner: LockOwner = { pid: process.pid, host: hostname(), since: now.toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path, owner)) {
      let held = true;
      const release = () => {
        if (!held) return;
        held = false;
        process.off('exit', release);
        const current = readOwner(path);
        if (current?.pid === owner.pid && current.since === owner.since) rmSync(path, { force: true });
      };
      process.on('exit', release);
      return { path, release };
    }
    const current = readOwner(path);
    if (!isStale(current)) throw new InsigneError('ERR_BUILD_LOCKED', busyMessage(path, current));
    removeStale(path, current as LockOwner);
  }
  throw new InsigneError('ERR_BUILD_LOCKED', busyMessage(path, readOwner(path)));
}

/** Whether a live build holds the lock of `publishDir` (a stale lock does not count). */
export function isLockedByLiveBuild(publishDir: string): boolean {
  const path = lockPath(publishDir);
  try {
    readFileSync(path);
  } catch {
    return false;
  }
  return !isStale(readOwner(path));
}
