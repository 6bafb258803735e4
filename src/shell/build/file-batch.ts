/**
 * What the build's many-file stages share (the page cache, the kept data files, the leak gate): work on
 * a list a few items at a time (one at a time, each file operation waits on the disk), folders made once
 * each, and the kept files of awards that are gone dropped.
 */
import { readdirSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Runs `work` on every item, `limit` at a time, each item's index given; resolves when all are done. */
export async function eachAtOnce<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** A maker of folders that makes each one once, however many files go into it. */
export function folderMaker(): (path: string) => Promise<unknown> {
  const made = new Map<string, Promise<unknown>>();
  return (path) => {
    let making = made.get(path);
    if (making === undefined) {
      making = mkdir(path, { recursive: true });
      made.set(path, making);
    }
    return making;
  };
}

/** Deletes `<dir>/awards/<id>` for every id not in `awardIds` (nothing when the folder is absent). */
export function dropAwardsGone(dir: string, awardIds: ReadonlySet<string>): void {
  const awards = join(dir, 'awards');
  let ids: string[];
  try {
    ids = readdirSync(awards);
  } catch {
    return;
  }
  for (const id of ids) if (!awardIds.has(id)) rmSync(join(awards, id), { recursive: true, force: true });
}
