/**
 * The build's side of the signing process (signer-process.ts). Astro's process renders content, so it
 * must never hold a private key: it takes the INSIGNE_SIGNING_KEYS secret out of its own environment as
 * soon as the integration loads, hands it to a forked process, and from then on exchanges only public
 * material and file paths with it. Signing in another process also uses the machine's second core while
 * Astro renders pages on the first, as the worker thread this replaces did.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { InsigneError } from '../../core/errors.ts';
import type { Model } from '../../core/model/types.ts';
import type { SelfCheckResult } from '../self-check.ts';
import type { EmitResult } from './emit.ts';
import type { LeakReport } from './leak-gate.ts';
import type { PublicKeyRing, SignerJob, SignerReply, SignerRequest } from './signer-process.ts';

type Request = SignerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * An error for people, such as a key problem: its message is the whole story, and the stack (this
 * process's, not the signing process's) would only bury it.
 */
export function plainError(message: string, code?: string): Error {
  const error = code ? new InsigneError(code, message) : new Error(message);
  error.stack = `${error.name}: ${message}`;
  return error;
}

/** A running emit: the files first, then the signing process's half of the self-check. */
export interface RunningEmit {
  readonly emitted: Promise<EmitResult>;
  readonly checked: Promise<SelfCheckResult>;
}

export interface Signer {
  /** Checks the private keys against the content; rejects with the key problem's message. */
  loadKeys(model: Model, today: string): Promise<PublicKeyRing>;
  /** Builds, signs and bakes every data file into `job.stagingDir`, then self-checks its half. */
  emit(job: SignerJob): RunningEmit;
  /** The leak gate over the finished site folder. */
  gate(dir: string): Promise<LeakReport>;
  /** Lets the signing process exit. */
  close(): void;
}

/**
 * Forks the signing process with `secret` (the INSIGNE_SIGNING_KEYS value, if any) as its only copy of the
 * keys' environment variable; `env` is this process's environment, already without it.
 */
export function startSigner(secret: string | undefined, keysEnv: string, env: NodeJS.ProcessEnv): Signer {
  const entry = fileURLToPath(new URL('./signer-process.ts', import.meta.url));
  const child: ChildProcess = fork(entry, [], {
    // No inherited flags (`--input-type`, `--eval`…): the entry is a plain module.
    execArgv: [],
    env: secret === undefined ? env : { ...env, [keysEnv]: secret },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let next = 0;
  let gone: Error | undefined;
  // The child keeps the build alive only while the build waits for an answer: a build that fails in
  // Astro, between two requests, exits as it would without it.
  const holdOpen = () => {
    if (pending.size > 0) child.channel?.ref();
    else child.channel?.unref();
  };
  child.unref();
  holdOpen();

  child.on('message', (reply: SignerReply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    holdOpen();
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(plainError(reply.message, reply.code));
  });
  const fail = (error: Error) => {
    gone ??= error;
    for (const waiting of pending.values()) waiting.reject(gone);
    pending.clear();
    holdOpen();
  };
  child.on('error', fail);
  child.on('exit', (code, signal) =>
    fail(new Error(`The signing process stopped unexpectedly (${signal ?? `exit code ${code}`}).`)),
  );

  const ask = <T>(request: Request): Promise<T> => {
    if (gone) return Promise.reject(gone);
    const id = next++;
    const answer = new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    });
    holdOpen();
    child.send({ ...request, id } as SignerRequest);
    // Awaited by the build; a failure must not surface as an unhandled rejection before that.
    answer.catch(() => undefined);
    return answer;
  };

  return {
    loadKeys: (model, today) => ask<PublicKeyRing>({ type: 'keys', model, today }),
    emit: (job) => ({
      emitted: ask<EmitResult>({ type: 'emit', job }),
      checked: ask<SelfCheckResult>({ type: 'check', job }),
    }),
    gate: (dir) => ask<LeakReport>({ type: 'gate', dir }),
    close: () => {
      if (child.connected) child.disconnect();
    },
  };
}
