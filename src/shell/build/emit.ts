/**
 * Runs the emit stage (every data file and baked image) in a worker thread, so that signing uses the
 * machine's second core while Astro renders pages on the first. Files go to a staging folder as they
 * are built; the build moves them into the output when Astro is done.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { IssuerSigner } from '../../core/credentials/keys.ts';
import { type BadgeArtwork, emitSiteFiles, type FileBody } from '../../core/emit/site-files.ts';
import type { Model } from '../../core/model/types.ts';
import { createStopwatch } from '../../core/stopwatch.ts';
import { type SiteLocation, urlsFor } from '../../core/urls.ts';
import { formatSelfCheck, selfCheck } from '../self-check.ts';

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
  /** Milliseconds per stage inside the emit (credentials, data-integrity, jwt, baking, write, self-check). */
  readonly timings: Record<string, number>;
  /** The self-check of everything written, against the key documents and status lists written. */
  readonly selfCheck: { readonly ok: boolean; readonly summary: string };
}

/** The staged files seen as a read-only map, for the self-check's resolver (read on demand, not kept). */
function filesOnDisk(dir: string): ReadonlyMap<string, FileBody> {
  const read = (path: string): FileBody | undefined => {
    try {
      return new Uint8Array(readFileSync(join(dir, path)));
    } catch {
      return undefined;
    }
  };
  return { get: read, has: (path: string) => read(path) !== undefined } as unknown as ReadonlyMap<
    string,
    FileBody
  >;
}

/** Builds and writes every file of the job in this thread. */
export async function runEmit(job: EmitJob): Promise<EmitResult> {
  const stopwatch = createStopwatch(() => performance.now());
  const made = new Set<string>();
  const files = await emitSiteFiles(
    {
      model: job.model,
      urls: urlsFor(job.location),
      signers: job.signers,
      today: job.today,
      artworks: job.artworks,
      stopwatch,
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
  const urls = urlsFor(job.location);
  const check = await stopwatch.time('self-check', () =>
    selfCheck(filesOnDisk(job.stagingDir), { model: job.model, urls, today: job.today }),
  );
  return { files, timings: stopwatch.totals(), selfCheck: { ok: check.ok, summary: formatSelfCheck(check) } };
}

/** Starts the emit in a worker thread (or in this thread when INSIGNE_EMIT_INLINE=1). */
export function startEmit(job: EmitJob): Promise<EmitResult> {
  if (process.env.INSIGNE_EMIT_INLINE === '1') return runEmit(job);
  // No inherited flags: `--input-type`, `--eval` and the like are refused by worker threads.
  const worker = new Worker(new URL('./emit-worker.ts', import.meta.url), { execArgv: [] });
  return new Promise<EmitResult>((resolve, reject) => {
    worker.once(
      'message',
      (message: { ok: true; result: EmitResult } | { ok: false; error: string; code?: string }) => {
        void worker.terminate();
        if (message.ok) resolve(message.result);
        else reject(Object.assign(new Error(message.error), message.code ? { code: message.code } : {}));
      },
    );
    worker.once('error', reject);
    worker.postMessage(job);
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
