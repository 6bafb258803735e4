/**
 * `badges merge <shard dir> <shard dir>… --out <dir>`: joins the folders of a sharded build
 * (INSIGNE_SHARD=<k>/<n> npm run build) into the site one build would have made; build/merge.ts says what
 * it checks. Exit codes: 0 merged, 1 refused (nothing published), 2 usage error.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InsigneError } from '../../core/errors.ts';
import { MergeRefused, mergeShards } from '../build/merge.ts';
import type { CliContext } from './context.ts';

export const MERGE_USAGE = `Usage: npm run badges -- merge <shard dir> <shard dir>… --out <dir> [--sample <n>]
  <shard dir>   The output folder of each shard's build (INSIGNE_SHARD=<k>/<n> npm run build), in any order.
  --out <dir>   Where the merged site goes; it replaces that folder only once every check passed.
  --sample <n>  Awards of each shard verified against the merged site (default 8).

Example:
  npm run badges -- merge shards/1 shards/2 shards/3 --out dist
`;

interface MergeArgs {
  readonly shards: string[];
  readonly out: string;
  readonly sample: number;
}

function parseArgs(args: readonly string[]): MergeArgs | string {
  const shards: string[] = [];
  let out: string | undefined;
  let sample = 8;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (flag === '--out' || flag === '--sample') {
      const given = inline ?? args[++i];
      if (given === undefined || given === '' || given.startsWith('--')) return `${flag} needs a value.`;
      if (flag === '--out') out = given;
      else if (/^\d{1,4}$/.test(given) && Number(given) >= 1) sample = Number(given);
      else return `--sample takes a number of awards from 1 to 9999, not "${given.slice(0, 20)}".`;
    } else if (arg.startsWith('--')) return `Unknown option ${arg}.`;
    else shards.push(arg);
  }
  if (out === undefined) return 'Say where the merged site goes with --out <dir>.';
  if (shards.length === 0) return 'Give the folder of every shard to merge.';
  return { shards, out, sample };
}

export async function runMerge(args: string[], context: CliContext): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    context.out.write(MERGE_USAGE);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    context.err.write(`${parsed}\n\n${MERGE_USAGE}`);
    return 2;
  }
  const shards = parsed.shards.map((label) => ({ label, dir: resolve(context.cwd, label) }));
  const notFolders = shards.filter(({ dir }) => !existsSync(dir) || !statSync(dir).isDirectory());
  if (notFolders.length > 0) {
    context.err.write(
      `✖ Not a folder: ${notFolders.map((s) => s.label).join(', ')}. Nothing was published.\n`,
    );
    return 1;
  }
  const outDir = resolve(context.cwd, parsed.out).replace(/\/+$/, '');
  if (shards.some(({ dir }) => dir === outDir)) {
    context.err.write('✖ --out must be a folder of its own, not one of the shards. Nothing was published.\n');
    return 1;
  }
  try {
    mkdirSync(dirname(outDir), { recursive: true });
    const report = await mergeShards({ shards, outDir, sample: parsed.sample });
    context.out.write(
      `✔ Merged ${report.shards} shard(s) into ${parsed.out}: ${report.files} files, ${report.awards} awards; ` +
        `${report.shared} files built by several shards are identical; ${report.verified} artefacts of sampled awards verified against the merged site.\n`,
    );
    if (report.preview) context.out.write('⚠ This is a preview build (throwaway keys): never deploy it.\n');
    return 0;
  } catch (error) {
    if (error instanceof MergeRefused) {
      context.err.write(
        `✖ The shards cannot be merged; nothing was published.\n${error.problems.map((p) => `  ${p.replaceAll('\n', '\n  ')}`).join('\n')}\n`,
      );
      return 1;
    }
    // A locked output folder and other shell refusals are told by their message alone.
    if (error instanceof InsigneError) {
      context.err.write(`✖ ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
