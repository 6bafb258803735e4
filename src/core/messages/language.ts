/**
 * Which language the command line and the build speak. The shell passes the environment in; the core
 * never reads it. POSIX order: the first of LC_ALL, LC_MESSAGES and LANG that is set and not empty
 * decides; a French locale (`fr`, `fr_FR.UTF-8`, `fr_CA`, `fr@euro`) gives French, anything else (`C`,
 * `POSIX`, `en_GB.UTF-8`, nothing) English. `--lang` wins over all of them.
 */
import type { Language } from '../model/types.ts';

export const LANGUAGES: readonly Language[] = ['en', 'fr'];

const FRENCH_LOCALE = /^fr(?:$|[_.@-])/i;

/** The language of the environment's locale variables. */
export function languageOfEnvironment(env: Readonly<Record<string, string | undefined>>): Language {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return FRENCH_LOCALE.test(value) ? 'fr' : 'en';
  }
  return 'en';
}

/** A `--lang` value, or undefined when it names no language Insigne speaks. */
export function parseLanguage(value: string): Language | undefined {
  const lower = value.toLowerCase();
  return (LANGUAGES as readonly string[]).includes(lower) ? (lower as Language) : undefined;
}

export type LanguageChoice =
  | { readonly ok: true; readonly language: Language; readonly args: string[] }
  | { readonly ok: false; readonly value: string; readonly fallback: Language };

/**
 * Takes `--lang <code>` or `--lang=<code>` out of a command line (anywhere before a lone `--`), so every
 * command accepts it; without it, the environment's language.
 */
export function chooseLanguage(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): LanguageChoice {
  const fallback = languageOfEnvironment(env);
  const args: string[] = [];
  let chosen: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      args.push(...argv.slice(i));
      break;
    }
    if (arg === '--lang') {
      chosen = argv[i + 1] ?? '';
      i++;
    } else if (arg.startsWith('--lang=')) chosen = arg.slice('--lang='.length);
    else args.push(arg);
  }
  if (chosen === undefined) return { ok: true, language: fallback, args };
  const language = parseLanguage(chosen);
  return language ? { ok: true, language, args } : { ok: false, value: chosen, fallback };
}
