/**
 * `badges merge <shard dir> <shard dir>… --out <dir>`: joins the folders of a sharded build
 * (INSIGNE_SHARD=<k>/<n> npm run build) into the site one build would have made; build/merge.ts says what
 * it checks. Exit codes: 0 merged, 1 refused (nothing published), 2 usage error.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InsigneError } from '../../core/errors.ts';
import { type Message, say } from '../../core/messages/catalogue.ts';
import { MergeRefused, mergeShards } from '../build/merge.ts';
import { parseOptions } from './authoring.ts';
import { type CliContext, t } from './context.ts';

interface MergeArgs {
  readonly shards: string[];
  readonly out: string;
  readonly sample: number;
}

const MERGE_OPTIONS = { out: { type: 'string' }, sample: { type: 'string' } } as const;

/** The shard folders, --out and --sample, checked once the options parse. */
function mergeArgs(values: { out?: string; sample?: string }, shards: string[]): MergeArgs | Message {
  let sample = 8;
  if (values.sample !== undefined) {
    if (!/^\d{1,4}$/.test(values.sample) || Number(values.sample) < 1)
      return say('merge.badSample', { value: values.sample.slice(0, 20) });
    sample = Number(values.sample);
  }
  if (values.out === undefined || values.out === '') return say('merge.noOut');
  if (shards.length === 0) return say('merge.noShards');
  return { shards, out: values.out, sample };
}

export async function runMerge(args: string[], context: CliContext): Promise<number> {
  const tr = t(context);
  const options = parseOptions(args, MERGE_OPTIONS, tr('help.merge'), context);
  if ('exit' in options) return options.exit;
  const parsed = mergeArgs(options.values, options.positionals);
  if ('id' in parsed) {
    context.err.write(`${tr('text.verbatim', { text: parsed })}\n\n${tr('help.merge')}`);
    return 2;
  }
  const shards = parsed.shards.map((label) => ({ label, dir: resolve(context.cwd, label) }));
  const notFolders = shards.filter(({ dir }) => !existsSync(dir) || !statSync(dir).isDirectory());
  if (notFolders.length > 0) {
    context.err.write(`${tr('merge.notFolder', { labels: notFolders.map((s) => s.label).join(', ') })}\n`);
    return 1;
  }
  const outDir = resolve(context.cwd, parsed.out).replace(/\/+$/, '');
  if (shards.some(({ dir }) => dir === outDir)) {
    context.err.write(`${tr('merge.outIsShard')}\n`);
    return 1;
  }
  try {
    mkdirSync(dirname(outDir), { recursive: true });
    const report = await mergeShards({ shards, outDir, sample: parsed.sample });
    context.out.write(`${tr('merge.done', { ...report, out: parsed.out })}\n`);
    if (report.preview) context.out.write(`${tr('merge.preview')}\n`);
    return 0;
  } catch (error) {
    if (error instanceof MergeRefused) {
      context.err.write(
        `${tr('merge.refused')}\n${error.problems.map((p) => `  ${tr('text.verbatim', { text: p }).replaceAll('\n', '\n  ')}`).join('\n')}\n`,
      );
      return 1;
    }
    // A locked output folder and other shell refusals are told by their message alone.
    if (error instanceof InsigneError) {
      context.err.write(`✖ ${error.says ? tr('text.verbatim', { text: error.says }) : error.message}\n`);
      return 1;
    }
    throw error;
  }
}
