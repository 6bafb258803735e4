#!/usr/bin/env node
/**
 * The administrator's command line: `npm run badges -- <command>`.
 * Each command lives in src/shell/cli/<command>.ts; this file only dispatches.
 */
import { runCli } from '../src/shell/cli/main.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  out: process.stdout,
  err: process.stderr,
});
