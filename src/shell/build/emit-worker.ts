/** Worker thread entry of the emit stage (see emit.ts): receives one job, answers with its result. */
import { parentPort } from 'node:worker_threads';
import { type EmitJob, runEmit } from './emit.ts';

parentPort?.once('message', async (job: EmitJob) => {
  try {
    parentPort?.postMessage({ ok: true, result: await runEmit(job) });
  } catch (error) {
    const { message, code } = error as { message?: string; code?: string };
    parentPort?.postMessage({ ok: false, error: String(message ?? error), ...(code ? { code } : {}) });
  }
});
