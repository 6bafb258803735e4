/**
 * What every command receives: the project folder, where to print, the environment, and a way to ask a
 * question on a terminal. Commands import this module, never the dispatcher, so that the dispatcher is the
 * only file that knows every command (no import circle).
 */
import { type Translate, translator } from '../../core/messages/catalogue.ts';
import type { Language } from '../../core/model/types.ts';

export interface CliContext {
  readonly cwd: string;
  readonly out: { write(text: string): unknown };
  readonly err: { write(text: string): unknown };
  readonly env?: NodeJS.ProcessEnv;
  /** Asks a question on a terminal; absent when input is not a terminal (then nothing is asked). */
  readonly ask?: (question: string) => Promise<string | undefined>;
  /** The language to print in: `--lang`, else the locale (set by the dispatcher; English when absent). */
  readonly language?: Language;
}

/** The catalogue in the command's language: `t(context)('check.valid', { … })`. */
export function t(context: CliContext): Translate {
  return translator(context.language ?? 'en');
}
