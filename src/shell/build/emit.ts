/**
 * The emit stage (every data file and baked image), run by the signing process (signer-process.ts), so
 * that signing uses the machine's second core while Astro renders pages on the first. Files go to a
 * staging folder as they are built; the build moves them into the output when Astro is done.
 *
 * The self-check of what was written is split in two halves once the files exist: the signing process
 * checks one, and the build's process, free once the pages are rendered, checks the other.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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
}

/** Where signatures are kept between builds. */
export const signatureCacheDir = (cacheDir: string) => join(cacheDir, 'signatures');

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
      stopwatch.time('write', () => {
        const target = join(job.stagingDir, path);
        const folder = dirname(target);
        if (!made.has(folder)) {
          mkdirSync(folder, { recursive: true });
          made.add(folder);
        }
        writeFileSync(target, body);
      }),
  );
  const stats = store && stopwatch.time('cache', () => store.save());
  return { files, timings: stopwatch.totals(), ...(stats ? { signatures: stats } : {}) };
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

/** Moves every file of `from` into `to` (same file system: renames), creating folders as needed. */
export function moveFiles(from: string, to: string): number {
  let moved = 0;
  const made = new Set<string>();
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(to, relative(from, source));
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    renameSync(source, target);
    moved++;
  }
  return moved;
}
