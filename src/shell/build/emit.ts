/**
 * Runs the emit stage (every data file and baked image) in a worker thread, so that signing uses the
 * machine's second core while Astro renders pages on the first. Files go to a staging folder as they
 * are built; the build moves them into the output when Astro is done.
 *
 * The self-check of what was written is split in two halves once the files exist: the worker checks
 * one, and the main thread, free once the pages are rendered, checks the other.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { IssuerSigner } from '../../core/credentials/keys.ts';
import { type BadgeArtwork, emitSiteFiles, type FileBody } from '../../core/emit/site-files.ts';
import type { Model } from '../../core/model/types.ts';
import { createStopwatch } from '../../core/stopwatch.ts';
import { type SiteLocation, urlsFor } from '../../core/urls.ts';
import { type SelfCheckResult, selfCheck } from '../self-check.ts';

/** Everything the emit stage needs; all of it can cross to a worker (CryptoKeys are cloneable). */
export interface EmitJob {
  readonly model: Model;
  readonly location: SiteLocation;
  readonly signers: ReadonlyMap<string, IssuerSigner>;
  readonly today: string;
  readonly artworks: ReadonlyMap<string, BadgeArtwork>;
  /** Folder the files are written to, by site path. */
  readonly stagingDir: string;
}

export interface EmitResult {
  readonly files: number;
  /** Milliseconds per stage inside the emit (credentials, data-integrity, jwt, baking, write). */
  readonly timings: Record<string, number>;
}

/** A running emit: the files first, then the worker's half of the self-check. */
export interface RunningEmit {
  readonly emitted: Promise<EmitResult>;
  readonly checked: Promise<SelfCheckResult>;
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
    { model: job.model, urls, signers: job.signers, today: job.today, artworks: job.artworks, stopwatch },
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
export function checkHalf(job: EmitJob, index: number): Promise<SelfCheckResult> {
  return selfCheck(filesOnDisk(job.stagingDir), {
    model: job.model,
    urls: urlsFor(job.location),
    today: job.today,
    shard: { index, count: 2 },
  });
}

type WorkerMessage =
  | { phase: 'emitted'; result: EmitResult }
  | { phase: 'checked'; result: SelfCheckResult }
  | { phase: 'failed'; error: string; code?: string };

/** Starts the emit in a worker thread (or in this thread when INSIGNE_EMIT_INLINE=1). */
export function startEmit(job: EmitJob): RunningEmit {
  if (process.env.INSIGNE_EMIT_INLINE === '1') {
    const emitted = runEmit(job);
    return { emitted, checked: emitted.then(() => checkHalf(job, 1)) };
  }
  // No inherited flags: `--input-type`, `--eval` and the like are refused by worker threads.
  const worker = new Worker(new URL('./emit-worker.ts', import.meta.url), { execArgv: [] });
  let settleEmitted: { resolve: (r: EmitResult) => void; reject: (e: Error) => void } | undefined;
  let settleChecked: { resolve: (r: SelfCheckResult) => void; reject: (e: Error) => void } | undefined;
  const emitted = new Promise<EmitResult>((resolve, reject) => {
    settleEmitted = { resolve, reject };
  });
  const checked = new Promise<SelfCheckResult>((resolve, reject) => {
    settleChecked = { resolve, reject };
  });
  const fail = (error: Error) => {
    settleEmitted?.reject(error);
    settleChecked?.reject(error);
    void worker.terminate();
  };
  worker.on('message', (message: WorkerMessage) => {
    if (message.phase === 'emitted') settleEmitted?.resolve(message.result);
    else if (message.phase === 'checked') {
      settleChecked?.resolve(message.result);
      void worker.terminate();
    } else fail(Object.assign(new Error(message.error), message.code ? { code: message.code } : {}));
  });
  worker.once('error', fail);
  worker.postMessage(job);
  // Awaited by the build; a failure must not surface as an unhandled rejection before that.
  emitted.catch(() => undefined);
  checked.catch(() => undefined);
  return { emitted, checked };
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
