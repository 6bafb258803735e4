/** `badges check`: the build's content validation, without building. */

import { join } from 'node:path';
import { parseShard } from '../../core/build/shard.ts';
import { type ContentProblem, formatProblems, said } from '../../core/content/problems.ts';
import { siteProblem } from '../../core/content/site-problem.ts';
import { InsigneError } from '../../core/errors.ts';
import { say } from '../../core/messages/catalogue.ts';
import type { Model } from '../../core/model/types.ts';
import { recoverOutputFolder } from '../build/publish.ts';
import { SHARD_ENV } from '../build/shard.ts';
import { loadCheckedContent, today } from '../content.ts';
import { KEYS_DIR, KEYS_ENV, keyProblems, readStoredKeys, storedKeysSource } from '../keys.ts';
import { readLock } from '../lock.ts';
import { loadSiteRoot } from '../verify/site-dir.ts';
import { type CliContext, t } from './context.ts';

export async function runCheck(args: string[], context: CliContext): Promise<number> {
  const tr = t(context);
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    context.out.write(tr('help.check'));
    return 0;
  }
  if (args.length > 0) {
    context.err.write(`${tr('check.noArguments', { args: args.join(' ') })}\n\n${tr('help.check')}`);
    return 2;
  }
  // A build killed while publishing leaves no site: bring the previous one back, as a build would.
  recoverOutputFolder(join(context.cwd, 'dist'));
  const language = context.language ?? 'en';
  const shard = shardProblems(context.env ?? process.env);
  const result = await loadCheckedContent(context.cwd, today(context.env), context.env ?? process.env);
  if (!result.ok) {
    context.err.write(
      `${formatProblems([...shard, ...result.problems], say('report.fixThenCheck'), language)}\n`,
    );
    return 1;
  }
  // The keys, as the build's signing process checks them, and the site's URL, which the build needs for
  // every id: every problem that would stop it. The config is read last, as importing it may take the
  // signing secret out of this process's environment, as it does in a build.
  const problems = [...shard, ...checkKeys(context, result.model), ...(await checkSite(context))];
  if (problems.length > 0) {
    context.err.write(`${formatProblems(problems, say('report.fixThenCheck'), language)}\n`);
    return 1;
  }
  const { issuers, badges, awards, endorsements } = result.model;
  const counts = { issuers: issuers.size, badges: badges.size, awards: awards.size };
  context.out.write(
    `${
      endorsements?.length
        ? tr('check.validEndorsed', { ...counts, endorsements: endorsements.length })
        : tr('check.valid', counts)
    }\n`,
  );
  return 0;
}

/**
 * The build stops when `astro.config.mjs` sets no `site`: every id is an absolute URL. (Without the file
 * at all, Astro would build a site without Insigne: there is no build to agree with.)
 */
async function checkSite(context: CliContext): Promise<ContentProblem[]> {
  try {
    await loadSiteRoot(context.cwd);
    return [];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    if (!(error instanceof InsigneError)) throw error;
    return [siteProblem()];
  }
}

/** A build refuses an INSIGNE_SHARD that is not `<k>/<n>`; so does the check. */
function shardProblems(env: NodeJS.ProcessEnv): ContentProblem[] {
  const value = env[SHARD_ENV];
  if (value === undefined || value === '') return [];
  const parsed = parseShard(value, SHARD_ENV);
  if (parsed.ok) return [];
  return [
    {
      file: SHARD_ENV,
      line: 0,
      field: '',
      ...said(parsed.says.problem, parsed.says.hint),
    },
  ];
}

function checkKeys(context: CliContext, model: Model): ContentProblem[] {
  const env = context.env ?? process.env;
  const storedFrom = storedKeysSource(env);
  try {
    return keyProblems({
      root: context.cwd,
      model,
      stored: readStoredKeys(context.cwd, env),
      storedFrom,
      publishedKeys: readLock(context.cwd).publishedKeys,
    });
  } catch (error) {
    if (!(error instanceof InsigneError)) throw error;
    return [
      {
        file: storedFrom === 'env' ? KEYS_ENV : `${KEYS_DIR}/`,
        line: 0,
        field: '',
        ...said(
          error.says ?? say('text.verbatim', { text: error.message }),
          say('keys.unreadable.hint', { variable: KEYS_ENV, folder: KEYS_DIR }),
        ),
      },
    ];
  }
}
