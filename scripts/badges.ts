#!/usr/bin/env node
/**
 * The administrator's command line: `npm run badges -- <command>`.
 * Each command lives in src/shell/cli/<command>.ts; this file only dispatches.
 */
import { createInterface } from 'node:readline/promises';
import { runCli } from '../src/shell/cli/main.ts';

/** On a terminal, commands may ask for what their flags left out; piped or in CI, they never wait. */
const ask = process.stdin.isTTY
  ? async (question: string) => {
      const prompt = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return await prompt.question(question);
      } finally {
        prompt.close();
      }
    }
  : undefined;

process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  out: process.stdout,
  err: process.stderr,
  ...(ask ? { ask } : {}),
});
