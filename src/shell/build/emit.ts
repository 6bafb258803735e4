/**
 * The emit stage (every data file and baked image), run by the signing process (signer-process.ts), so
 * that signing uses the machine's second core while Astro renders pages on the first. Files go to a
 * staging folder as they are built; the build moves them into the output when Astro is done.
 *
 * The self-check of what was written is split in two halves once the files exist: the signing process
 * checks one, and the build's process, free once the pages are rendered, checks the other.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { inShard, type ShardSpec } from '../../core/build/shard.ts';
import type { IssuerSigner } from '../../core/credentials/keys.ts';
import { type BadgeArtwork, emitSiteFiles, type FileBody } from '../../core/emit/site-files.ts';
import type { Model } from '../../core/model/types.ts';
import { createStopwatch } from '../../core/stopwatch.ts';
import { type SiteLocation, urlsFor } from '../../core/urls.ts';
import { type SelfCheckResult, selfCheck } from '../self-check.ts';

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
}

export interface EmitResult {
  readonly files: number;
  /** Milliseconds per stage inside the emit (credentials, data-integrity, jwt, baking, write). */
  readonly timings: Record<string, number>;
}

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
  const files = await emitSiteFiles(
    {
      model: job.model,
      urls,
      signers: job.signers,
      today: job.today,
      artworks: job.artworks,
      stopwatch,
      ...(job.shard ? { shard: job.shard } : {}),
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
  return { files, timings: stopwatch.totals() };
}

/** One half (`index` 0 or 1) of the self-check of a job's staged files. */
export function checkHalf(job: Omit<EmitJob, 'signers'>, index: number): Promise<SelfCheckResult> {
  // A shard checks its own awards; the status lists it reads still count every award.
  const { shard } = job;
  const model = shard
    ? { ...job.model, awards: new Map([...job.model.awards].filter(([id]) => inShard(id, shard))) }
    : job.model;
  return selfCheck(filesOnDisk(job.stagingDir), {
    model,
    urls: urlsFor(job.location),
    today: job.today,
    shard: { index, count: 2 },
  });
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
