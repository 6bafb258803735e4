/**
 * Command dispatch for `npm run badges -- <command>`. Exit codes: 0 success, 1 failure, 2 usage error.
 * Each command lives in its own file and takes a `CliContext` (context.ts); only this file knows them all.
 */
import { chooseLanguage } from '../../core/messages/language.ts';
import { runAward } from './award.ts';
import { runCheck } from './check.ts';
import { type CliContext, t } from './context.ts';
import { runEndorse } from './endorse.ts';
import { runIcons } from './icons.ts';
import { runKeygen } from './keygen.ts';
import { runKeys } from './keys.ts';
import { runList } from './list.ts';
import { runMerge } from './merge.ts';
import { runNew } from './new.ts';
import { runNotify } from './notify.ts';
import { runRevoke } from './revoke.ts';
import { runUpload } from './upload.ts';
import { runVerify } from './verify.ts';

export type { CliContext } from './context.ts';

/** The dispatcher's help, in the context's language. */
export function usage(context: CliContext): string {
  return t(context)('help.main');
}

type Command = (args: string[], context: CliContext) => Promise<number>;

const commands: Record<string, Command> = {
  award: runAward,
  check: runCheck,
  endorse: runEndorse,
  icons: runIcons,
  keygen: runKeygen,
  keys: runKeys,
  list: runList,
  merge: runMerge,
  new: runNew,
  notify: (args, context) => runNotify(args, context),
  revoke: runRevoke,
  upload: runUpload,
  verify: runVerify,
};

/** Runs one command and returns its exit code. `--lang en|fr` anywhere chooses the language. */
export async function runCli(argv: readonly string[], outer: CliContext): Promise<number> {
  const choice = chooseLanguage(argv, outer.env ?? process.env);
  if (!choice.ok) {
    // Said in both languages: the one asked for is unknown, so neither can be assumed.
    const context = { ...outer, language: choice.fallback };
    outer.err.write(`${t({ ...context, language: 'en' })('cli.unknownLanguage', { value: choice.value })}\n`);
    outer.err.write(`${t({ ...context, language: 'fr' })('cli.unknownLanguage', { value: choice.value })}\n`);
    return 2;
  }
  const context: CliContext = { ...outer, language: choice.language };
  const [name, ...args] = choice.args;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    context.out.write(usage(context));
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    context.err.write(`${t(context)('cli.unknownCommand', { name })}\n\n${usage(context)}`);
    return 2;
  }
  return command(args, context);
}
