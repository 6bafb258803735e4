/**
 * The signing process (DESIGN §4: "the process that renders content never holds a private key"). Forked
 * by the build (signer.ts) with the INSIGNE_SIGNING_KEYS secret in its environment, it alone reads the
 * private keys, from that secret or from `.keys/`, and keeps them. It answers, in order:
 * - `keys`: the key ring checked against the content; only public material goes back (the published
 *   keys, whether this is a preview), or the key problem's message;
 * - `emit`: every data file built, signed and baked into the staging folder, signatures of earlier builds
 *   reused from the signing cache, which is then searched for the private keys like the site (never
 *   expected to hold any: it keeps signatures and hashes only);
 * - `check`: its half of the self-check of those files;
 * - `gate`: the leak gate over the finished site (leak-gate.ts), against the keys it holds.
 * It exits when the build disconnects, including when the build is killed.
 */

import { translator } from '../../core/messages/catalogue.ts';
import { languageOfEnvironment } from '../../core/messages/language.ts';
import type { Model, PublicKey } from '../../core/model/types.ts';
import { KEYS_ENV, type KeyRing, loadKeyRing, readStoredKeys, storedKeysSource } from '../keys.ts';
import { readLock } from '../lock.ts';
import type { EmitJob } from './emit.ts';
import type { KeyNeedles } from './leak-gate.ts';

export type SignerJob = Omit<EmitJob, 'signers'>;

export type SignerRequest =
  | { readonly id: number; readonly type: 'keys'; readonly model: Model; readonly today: string }
  | { readonly id: number; readonly type: 'emit'; readonly job: SignerJob }
  | { readonly id: number; readonly type: 'check'; readonly job: SignerJob }
  | { readonly id: number; readonly type: 'gate'; readonly dir: string };

export type SignerReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly message: string; readonly code?: string };

/** What the build learns from the key ring: public material only. */
export interface PublicKeyRing {
  readonly preview: boolean;
  /** Issuer slug → every key to publish (committed ones and, in preview, the throwaway ones). */
  readonly published: ReadonlyMap<string, readonly PublicKey[]>;
}

// Read once, then removed: nothing this process loads later finds the secret in its environment.
const storedFrom = storedKeysSource(process.env);
const stored = (() => {
  try {
    return { keys: readStoredKeys(process.cwd(), process.env) };
  } catch (error) {
    return { error };
  } finally {
    delete process.env[KEYS_ENV];
  }
})();

let ring: KeyRing | undefined;
let needles: KeyNeedles | undefined;

function keyRing(): KeyRing {
  if (!ring) throw new Error('The signing process received work before its keys.');
  return ring;
}

async function handle(request: SignerRequest): Promise<unknown> {
  switch (request.type) {
    case 'keys': {
      if ('error' in stored) throw stored.error;
      ring = await loadKeyRing(request.model, stored.keys, request.today, {
        root: process.cwd(),
        storedFrom,
        publishedKeys: readLock(process.cwd()).publishedKeys,
      });
      const published = new Map([...ring.issuers].map(([slug, keys]) => [slug, keys.published]));
      return { preview: ring.preview, published } satisfies PublicKeyRing;
    }
    case 'emit': {
      const { runEmit, signatureCacheDir } = await import('./emit.ts');
      const signers = new Map([...keyRing().issuers].map(([slug, keys]) => [slug, keys.signer]));
      const result = await runEmit({ ...request.job, signers });
      if (request.job.cacheDir !== undefined) await gateCache(signatureCacheDir(request.job.cacheDir));
      return result;
    }
    case 'check': {
      const { checkHalf } = await import('./emit.ts');
      return checkHalf(request.job, 1);
    }
    case 'gate': {
      const { keyNeedles, scanFolderConcurrently } = await import('./leak-gate.ts');
      needles ??= keyNeedles(keyRing().privateKeys);
      return scanFolderConcurrently(request.dir, needles);
    }
  }
}

/** The process speaks the language of the system, as the build does. */
const speak = (id: 'build.cacheLeak') => translator(languageOfEnvironment(process.env))(id);

/** The leak gate over the signing cache; a hit (a bug) removes the cache and stops the build. */
async function gateCache(dir: string): Promise<void> {
  const { keyNeedles, scanFolder } = await import('./leak-gate.ts');
  needles ??= keyNeedles(keyRing().privateKeys);
  const report = scanFolder(dir, needles);
  if (report.leaks.length === 0) return;
  const { rmSync } = await import('node:fs');
  rmSync(dir, { recursive: true, force: true });
  const files = report.leaks.map(({ path, what }) => `  ✖ ${path}: ${what}`);
  const message = [speak('build.cacheLeak'), ...files].join('\n');
  throw Object.assign(new Error(message), { code: 'ERR_KEY_LEAK' });
}

async function warmUp(): Promise<void> {
  try {
    await import('./emit.ts');
    const { keyNeedles } = await import('./leak-gate.ts');
    if (ring) needles ??= keyNeedles(ring.privateKeys);
  } catch {
    // A failure here shows again, with its message, when the request that needs the module runs.
  }
}

// One request at a time, in the order sent: `check` reads the files `emit` wrote.
let queue: Promise<void> = Promise.resolve();

process.on('message', (request: SignerRequest) => {
  queue = queue.then(async () => {
    let reply: SignerReply;
    try {
      reply = { id: request.id, ok: true, value: await handle(request) };
    } catch (error) {
      // The message only: key problems are written to be read by people, and carry no key material.
      const { message, code } = error as { message?: string; code?: string };
      reply = { id: request.id, ok: false, message: String(message ?? error), ...(code ? { code } : {}) };
    }
    process.send?.(reply);
  });
  // Warm the emit stage's modules, and the leak gate's needles, while the build renders artwork.
  if (request.type === 'keys') queue = queue.then(warmUp);
});

process.on('disconnect', () => process.exit(0));
