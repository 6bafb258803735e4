/** `badges check`: the build's content validation, without building. */

import { join } from 'node:path';
import { type ContentProblem, formatProblems, said } from '../../core/content/problems.ts';
import { InsigneError } from '../../core/errors.ts';
import { say } from '../../core/messages/catalogue.ts';
import type { Model } from '../../core/model/types.ts';
import { recoverOutputFolder } from '../build/publish.ts';
import { loadContent, today } from '../content.ts';
import { KEYS_DIR, KEYS_ENV, keyProblems, readStoredKeys, storedKeysSource } from '../keys.ts';
import { readLock } from '../lock.ts';
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
  const result = loadContent(context.cwd, today(context.env), context.env ?? process.env);
  if (!result.ok) {
    context.err.write(`${formatProblems(result.problems, say('report.fixThenCheck'), language)}\n`);
    return 1;
  }
  // The keys, as the build's signing process checks them: every problem that would stop it.
  const problems = checkKeys(context, result.model);
  if (problems.length > 0) {
    context.err.write(`${formatProblems(problems, say('report.fixThenCheck'), language)}\n`);
    return 1;
  }
  const { issuers, badges, awards } = result.model;
  context.out.write(
    `${tr('check.valid', { issuers: issuers.size, badges: badges.size, awards: awards.size })}\n`,
  );
  return 0;
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
