/**
 * The emit stage (every data file and baked image), run by the signing process (signer-process.ts), so
 * that signing uses the machine's second core while Astro renders pages on the first. Files go to a
 * staging folder as they are built; the build moves them into the output when Astro is done.
 *
 * The self-check of what was written is split in two halves once the files exist: the signing process
 * checks one, and the build's process, free once the pages are rendered, checks the other.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { inShard, type ShardSpec } from '../../core/build/shard.ts';
import type { IssuerSigner } from '../../core/credentials/keys.ts';
import { type BadgeArtwork, emitSiteFiles, type FileBody } from '../../core/emit/site-files.ts';
import type { Model } from '../../core/model/types.ts';
import { createStopwatch } from '../../core/stopwatch.ts';
import { type SiteLocation, urlsFor } from '../../core/urls.ts';
import { type SelfCheckResult, selfCheck } from '../self-check.ts';
import { type CacheStats, openCacheStore } from './cache-store.ts';
import { signingCodeVersion, verifierCodeVersion } from './code-version.ts';
import { openFileMirror } from './file-mirror.ts';

/** Everything the emit stage needs. The signers never leave the signing process; the rest crosses to it. */
export interface EmitJob {
  readonly model: Model;
  readonly location: SiteLocation;
  readonly signers: ReadonlyMap<string, IssuerSigner>;
  readonly today: string;
  readonly artworks: ReadonlyMap<string, BadgeArtwork>;
  /** Folder the files are written to, by site path. */
  readonly stagingDir: string;
  /** A shard's build: only the files of its awards (and every site-wide file); see core/build/shard.ts. */
  readonly shard?: ShardSpec;
  /** Folder of the build caches (cache-store.ts); without it, every signature is made again. */
  readonly cacheDir?: string;
}

export interface EmitResult {
  readonly files: number;
  /** Milliseconds per stage inside the emit (credentials, data-integrity, jwt, baking, write). */
  readonly timings: Record<string, number>;
  /** What the signing cache gave, when there is one. */
  readonly signatures?: CacheStats;
  /** How many data files were linked from earlier builds' copies, and how many written. */
  readonly mirror?: CacheStats;
}

/** Files being written at a time by the emit stage. */
const WRITES_AT_ONCE = 32;

/** Where signatures are kept between builds. */
export const signatureCacheDir = (cacheDir: string) => join(cacheDir, 'signatures');

/** Where the data files of earlier builds are kept (build/file-mirror.ts). */
export const fileMirrorDir = (cacheDir: string) => join(cacheDir, 'files');

/** The staged files, read on demand (not kept in memory) for the self-check's resolver. */
function filesOnDisk(dir: string): { get(path: string): FileBody | undefined } {
  return {
    get(path) {
      try {
        return new Uint8Array(readFileSync(join(dir, path)));
      } catch {
        return undefined;
      }
    },
  };
}

/** Builds and writes every file of the job in this thread. */
export async function runEmit(job: EmitJob): Promise<EmitResult> {
  const stopwatch = createStopwatch(() => performance.now());
  const made = new Set<string>();
  const urls = urlsFor(job.location);
  const store =
    job.cacheDir === undefined
      ? undefined
      : openCacheStore(signatureCacheDir(job.cacheDir), { today: job.today });
  const hash = (text: string) => createHash('sha256').update(text).digest('hex');
  const signatures = store && { store, code: signingCodeVersion(), hash };
  // Files are written WRITES_AT_ONCE at a time: one at a time, each write waits on the file system
  // (measured: 14 000 files of a 2 000-award site took three times as long written one by one).
  const pending = new Set<Promise<void>>();
  const byPath = new Map<string, Promise<void>>();
  const mirror = job.cacheDir === undefined ? undefined : openFileMirror(fileMirrorDir(job.cacheDir));
  let failure: unknown;
  const files = await emitSiteFiles(
    {
      model: job.model,
      urls,
      signers: job.signers,
      today: job.today,
      artworks: job.artworks,
      stopwatch,
      ...(job.shard ? { shard: job.shard } : {}),
      ...(signatures ? { signatures } : {}),
    },
    (path, body) =>
      stopwatch.time('write', async () => {
        if (failure !== undefined) throw failure;
        const target = join(job.stagingDir, path);
        const folder = dirname(target);
        if (!made.has(folder)) {
          mkdirSync(folder, { recursive: true });
          made.add(folder);
        }
        // A path written twice is written in order.
        const earlier = byPath.get(target);
        if (earlier) await earlier;
        const bytes = typeof body === 'string' ? Buffer.from(body) : body;
        const written: Promise<void> = (
          mirror ? mirror.put(path, target, bytes) : writeFile(target, bytes)
        ).then(
          () => {
            pending.delete(written);
            if (byPath.get(target) === written) byPath.delete(target);
          },
          (error: unknown) => {
            pending.delete(written);
            if (byPath.get(target) === written) byPath.delete(target);
            failure ??= error;
          },
        );
        pending.add(written);
        byPath.set(target, written);
        if (pending.size >= WRITES_AT_ONCE) await Promise.race(pending);
      }),
  );
  await stopwatch.time('write', () => Promise.all(pending));
  if (failure !== undefined) throw failure;
  if (mirror && job.shard === undefined) mirror.prune(new Set(job.model.awards.keys()));
  const stats = store && stopwatch.time('cache', () => store.save());
  return {
    files,
    timings: stopwatch.totals(),
    ...(stats ? { signatures: stats } : {}),
    ...(mirror ? { mirror: mirror.stats() } : {}),
  };
}

/** A hash of every staged file outside `awards/`: what an award's verdicts may depend on besides its own files. */
function sharedFilesDigest(dir: string): string {
  const hash = createHash('sha256');
  // The award folders (most of the files) are not even listed.
  const paths = readdirSync(dir, { withFileTypes: true })
    .filter((top) => top.name !== 'awards')
    .flatMap((top) =>
      top.isDirectory()
        ? readdirSync(join(dir, top.name), { recursive: true, withFileTypes: true })
            .filter((entry) => entry.isFile())
            .map((entry) => join(entry.parentPath, entry.name))
        : top.isFile()
          ? [join(dir, top.name)]
          : [],
    )
    .map((path) => relative(dir, path).split(sep).join('/'))
    .sort();
  for (const path of paths) {
    const body = readFileSync(join(dir, path));
    hash.update(`${path}\n${body.length}\n`).update(body);
  }
  return hash.digest('hex');
}

/** Where one half of the self-check keeps its verdicts (it reads the other half's too). */
const verdictCacheDir = (cacheDir: string, index: number) => join(cacheDir, 'verdicts', String(index));

/** One half (`index` 0 or 1) of the self-check of a job's staged files, with the verdict cache if any. */
export async function checkHalf(job: Omit<EmitJob, 'signers'>, index: number): Promise<SelfCheckResult> {
  const store =
    job.cacheDir === undefined
      ? undefined
      : openCacheStore(verdictCacheDir(job.cacheDir, index), {
          today: job.today,
          // Verdicts are only good for their day.
          keepDays: 0,
          alsoRead: [verdictCacheDir(job.cacheDir, 1 - index)],
        });
  // A shard checks its own awards; the status lists it reads still count every award.
  const { shard } = job;
  const model = shard
    ? { ...job.model, awards: new Map([...job.model.awards].filter(([id]) => inShard(id, shard))) }
    : job.model;
  const result = await selfCheck(filesOnDisk(job.stagingDir), {
    model,
    urls: urlsFor(job.location),
    today: job.today,
    shard: { index, count: 2 },
    ...(store
      ? {
          verdicts: {
            get: (key) => store.get(key),
            set: (key, value) => store.set(key, value),
            refuse: (key) => store.refuse(key),
            code: verifierCodeVersion(),
            shared: sharedFilesDigest(job.stagingDir),
          },
        }
      : {}),
  });
  return store ? { ...result, cache: store.save() } : result;
}

/**
 * Moves every file of `from` into `to` (same file system: renames), a folder `to` lacks in one rename
 * (the folder of an award whose pages came from the page cache holds all its files), replacing files
 * `to` already has.
 */
export function moveFiles(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      let there: ReturnType<typeof statSync> | undefined;
      try {
        there = statSync(target);
      } catch {
        there = undefined;
      }
      if (there === undefined) renameSync(source, target);
      else moveFiles(source, target);
    } else if (entry.isFile()) {
      renameSync(source, target);
    }
  }
}
