/** Runs the administrator's command line in-process and captures what it prints. */
import { runCli } from '../../src/shell/cli/main.ts';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function cli(cwd: string, argv: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    cwd,
    env: { INSIGNE_TODAY: '2026-11-28', ...env },
    out: { write: (t: string) => (out += t) },
    err: { write: (t: string) => (err += t) },
  });
  return { code, out, err };
}
