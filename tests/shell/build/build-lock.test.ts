/**
 * One build at a time (src/shell/build/build-lock.ts) and the recovery of an interrupted publish
 * (src/shell/build/publish.ts), on folders built by hand. Real concurrent and killed builds are in
 * tests/integration/publish.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireBuildLock, lockPath } from '../../../src/shell/build/build-lock.ts';
import { recoverInterruptedPublish, recoverOutputFolder } from '../../../src/shell/build/publish.ts';

const site = () => join(mkdtempSync(join(tmpdir(), 'insigne-lock-')), 'dist');

/** A pid that belonged to a process that has exited. */
function deadPid(): number {
  const run = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(run.stdout);
}

const writeLock = (dist: string, owner: object) => writeFileSync(lockPath(dist), JSON.stringify(owner));

describe('the build lock', () => {
  it('refuses a second build while the first holds it, naming its pid and start time', () => {
    const dist = site();
    const lock = acquireBuildLock(dist, new Date('2026-11-28T10:00:00Z'));
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    expect(() => acquireBuildLock(dist)).toThrow(
      `Another build of this site is running (pid ${process.pid}, since 2026-11-28T10:00:00.000Z). Wait for it to finish, then build again.`,
    );
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
    acquireBuildLock(dist).release();
  });

  it('takes over the lock of a build that was killed (its pid is gone)', () => {
    const dist = site();
    writeLock(dist, { pid: deadPid(), host: hostname(), since: '2026-11-27T08:00:00.000Z' });
    const lock = acquireBuildLock(dist);
    expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(readdirSync(join(dist, '..'))).toEqual([]);
  });

  it('leaves a lock from another machine alone, and says how to remove it', () => {
    const dist = site();
    writeLock(dist, { pid: deadPid(), host: 'ci-runner-7', since: '2026-11-27T08:00:00.000Z' });
    expect(() => acquireBuildLock(dist)).toThrow(/pid \d+ on ci-runner-7, since 2026-11-27T08:00:00.000Z\)/);
    expect(() => acquireBuildLock(dist)).toThrow('delete dist.insigne-lock next to the output folder.');
  });

  it('does not remove a lock another build took after this one', () => {
    const dist = site();
    const first = acquireBuildLock(dist);
    first.release();
    writeLock(dist, { pid: process.ppid, host: hostname(), since: '2026-11-28T11:00:00.000Z' });
    first.release();
    expect(existsSync(lockPath(dist))).toBe(true);
  });
});

describe('recovery of an interrupted publish', () => {
  /** The folders a kill between the two renames of a publish leaves. */
  function killedBetweenRenames(): string {
    const dist = site();
    mkdirSync(`${dist}.insigne-old/awards`, { recursive: true });
    writeFileSync(`${dist}.insigne-old/index.html`, 'previous site');
    mkdirSync(`${dist}.insigne-next`);
    writeFileSync(`${dist}.insigne-next/index.html`, 'half a site');
    mkdirSync(`${dist}.insigne-data`);
    return dist;
  }

  it('brings the previous site back and removes the staging folders', () => {
    const dist = killedBetweenRenames();
    expect(recoverInterruptedPublish(dist)).toEqual({
      restored: true,
      removed: ['dist.insigne-data', 'dist.insigne-next'],
    });
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('previous site');
    expect(readdirSync(join(dist, '..'))).toEqual(['dist']);
  });

  it('keeps a published site, dropping only what interrupted builds left', () => {
    const dist = killedBetweenRenames();
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), 'new site');
    expect(recoverInterruptedPublish(dist).restored).toBe(false);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('new site');
    expect(readdirSync(join(dist, '..'))).toEqual(['dist']);
  });

  it('is left to the running build when one holds the lock', () => {
    const dist = killedBetweenRenames();
    const lock = acquireBuildLock(dist);
    expect(recoverOutputFolder(dist)).toBeUndefined();
    expect(existsSync(`${dist}.insigne-old`)).toBe(true);
    lock.release();
    expect(recoverOutputFolder(dist)?.restored).toBe(true);
    expect(readdirSync(join(dist, '..'))).toEqual(['dist']);
  });
});
