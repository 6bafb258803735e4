/**
 * The command line's message catalogue: every sentence it prints, in English and in French, under a
 * stable id. The core builds `Message` values (an id and its parameters) and never chooses a language;
 * the shell renders them in the language it picked (language.ts). A missing French entry is a type error
 * (`satisfies Record<string, Bilingual>` in each group); tests/core/messages/catalogue.test.ts checks the
 * rest: placeholders alike in both languages, French that is not a copy of the English.
 */
import type { Language } from '../model/types.ts';
import { cliMessages } from './cli.ts';
import { contentMessages } from './content.ts';
import { schemaMessages } from './fields.ts';
import { helpMessages } from './help.ts';

/** One message in both languages; `{name}` marks a parameter, the same names in both. */
export interface Bilingual {
  readonly en: string;
  readonly fr: string;
}

export const catalogue = { ...contentMessages, ...schemaMessages, ...cliMessages, ...helpMessages } as const;

export type Catalogue = typeof catalogue;
export type MessageId = keyof Catalogue;

/**
 * A parameter: a value shown as it is (a slug, a path, a number), another message rendered in the same
 * language, or a list of them joined by ", ".
 */
export type Param = string | number | Message | readonly Param[];

/** A sentence to print: which message, with which values. Plain data, so it crosses processes. */
export interface Message {
  readonly id: MessageId;
  readonly params: Readonly<Record<string, Param>>;
}

/** The `{name}` placeholders of a template, as a union of names (`{^name}`: the value capitalised;
 * braces around words with spaces, `\\{ and \\}`, are text). */
export type Holes<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? (Name extends `${string} ${string}` ? never : Name extends `^${infer Bare}` ? Bare : Name) | Holes<Rest>
  : never;

/** The placeholders of both languages (the French may name more, as a YAML error's translated gist). */
type HolesOf<K extends MessageId> = Holes<Catalogue[K]['en']> | Holes<Catalogue[K]['fr']>;

type ParamsOf<K extends MessageId> = { readonly [Name in HolesOf<K>]: Param };

/** A message with its parameters, checked against the templates' placeholders. */
export function say<K extends MessageId>(
  id: K,
  ...params: [HolesOf<K>] extends [never] ? [] : [ParamsOf<K>]
): Message {
  return { id, params: (params[0] ?? {}) as Readonly<Record<string, Param>> };
}

const HOLE = /\{(\^?)([A-Za-z][A-Za-z0-9]*)\}/g;

/**
 * French spacing: a no-break space before ":" and inside « », a narrow one before ";", "!" and "?".
 * Applied to the template only, never to the values put into it (a path, a URL, a pasted value).
 * Templates hold no user text, so the split below runs on short, known strings.
 */
export function typesetFrench(template: string): string {
  // Code and values quoted in the template ("…", `…`) keep their plain spaces: they are typed, not read.
  return template
    .split(/("[^"\n]*"|`[^`\n]*`)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/ :/g, '\u00a0:')
            .replace(/ ([;!?])/g, '\u202f$1')
            .replace(/« /g, '«\u00a0')
            .replace(/ »/g, '\u00a0»'),
    )
    .join('');
}

/** The text of a message in a language. */
export function render(message: Message, language: Language): string {
  const entry: Bilingual = catalogue[message.id];
  const template = language === 'fr' ? typesetFrench(entry.fr) : entry.en;
  return template.replace(HOLE, (hole, capital: string, name: string) => {
    const value = message.params[name];
    if (value === undefined) return hole;
    const text = renderParam(value, language);
    return capital ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  });
}

/** Whether a text is a catalogue id (for ids made from text, such as a schema's doc line). */
export function isMessageId(id: string): id is MessageId {
  return Object.hasOwn(catalogue, id);
}

/**
 * A schema's doc line or refusal as a message; a text the table lacks (zod's own wording) is shown as
 * it is, in both languages.
 */
export function sayFromSchema(text: string): Message {
  const id = `schema:${text}`;
  return isMessageId(id) ? { id, params: {} } : { id: 'text.verbatim', params: { text } };
}

function renderParam(value: Param, language: Language): string {
  if (Array.isArray(value)) return value.map((item: Param) => renderParam(item, language)).join(', ');
  return typeof value === 'object' ? render(value as Message, language) : String(value);
}

/** A renderer bound to a language, as the commands use it: `t('check.valid', {…})`. */
export type Translate = <K extends MessageId>(
  id: K,
  ...params: [HolesOf<K>] extends [never] ? [] : [ParamsOf<K>]
) => string;

export function translator(language: Language): Translate {
  return (id, ...params) => render(say(id, ...params), language);
}
