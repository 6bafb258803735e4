/**
 * The data files of earlier builds (credentials, assertions, baked images, key documents), kept as hard
 * links under `.cache/insigne/files/`, at their paths in the site. A warm rebuild still builds every file
 * in memory (its signatures come from the signing cache), but a file whose bytes are exactly those of the
 * kept copy is linked into the new site instead of written: the bytes are compared, never assumed, so a
 * damaged or outdated copy only means the file is written again. Writing a large site is what a warm
 * rebuild costs most (README, Performance: 686 MiB at 10 000 awards), and a link writes no data.
 *
 * A copy is always replaced by a new link, never written through, so the published file it shares its
 * bytes with is never touched. Where links are impossible (the cache on another file system), nothing is
 * kept and every file is written, as without the cache.
 */
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CacheStats } from './cache-store.ts';
import { dropAwardsGone, folderMaker } from './file-batch.ts';

export interface FileMirror {
  /** Puts `body` at `target` (the file `path` of the site): linked from the kept copy when identical. */
  put(path: string, target: string, body: Uint8Array): Promise<void>;
  /** Drops the kept files of awards that are gone (whole builds only: a shard sees its own awards). */
  prune(awardIds: ReadonlySet<string>): void;
  stats(): CacheStats;
}

export function openFileMirror(dir: string): FileMirror {
  let reused = 0;
  let made = 0;
  let linking = true;
  const folder = folderMaker();
  return {
    async put(path, target, body) {
      const kept = join(dir, path);
      let copy: Buffer | undefined;
      try {
        copy = linking ? await readFile(kept) : undefined;
      } catch {
        copy = undefined;
      }
      // A copy with other bytes is an earlier version of the file (or a damaged one): written again.
      if (copy !== undefined && copy.length === body.length && copy.equals(body)) {
        try {
          await link(kept, target);
          reused++;
          return;
        } catch {
          // The target exists or links are refused: written below.
        }
      }
      await writeFile(target, body);
      made++;
      if (!linking) return;
      try {
        await folder(dirname(kept));
        await rm(kept, { force: true });
        await link(target, kept);
      } catch (error) {
        // Another file system: keep nothing rather than write every file twice.
        if ((error as NodeJS.ErrnoException).code === 'EXDEV') linking = false;
      }
    },
    prune(awardIds) {
      dropAwardsGone(dir, awardIds);
    },
    stats: () => ({ reused, made, refused: 0, damaged: 0 }),
  };
}
