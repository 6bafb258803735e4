/**
 * Worker thread entry of the emit stage (see emit.ts): receives one job, writes its files and reports,
 * then checks its half of them and reports again.
 */
import { parentPort } from 'node:worker_threads';
import { checkHalf, type EmitJob, runEmit } from './emit.ts';

parentPort?.once('message', async (job: EmitJob) => {
  try {
    parentPort?.postMessage({ phase: 'emitted', result: await runEmit(job) });
    parentPort?.postMessage({ phase: 'checked', result: await checkHalf(job, 1) });
  } catch (error) {
    const { message, code } = error as { message?: string; code?: string };
    parentPort?.postMessage({ phase: 'failed', error: String(message ?? error), ...(code ? { code } : {}) });
  }
});
