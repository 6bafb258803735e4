/** The command line's own messages (outcomes, refusals, prompts), in both languages. */
import type { Bilingual } from './catalogue.ts';

export const cliMessages = {
  'cli.unknownCommand': { en: 'Unknown command "{name}".', fr: 'Commande inconnue : « {name} ».' },
  'cli.unknownLanguage': {
    en: 'Unknown language "{value}" for --lang: use --lang en or --lang fr.',
    fr: 'Langue inconnue « {value} » pour --lang : utilisez --lang en ou --lang fr.',
  },
  'check.noArguments': {
    en: '"check" takes no arguments (got: {args}).',
    fr: '« check » ne prend aucun argument (reçu : {args}).',
  },
  'check.valid': {
    en: '✔ Content is valid: {issuers} issuer(s), {badges} badge(s), {awards} award(s).',
    fr: '✔ Le contenu est valide : {issuers} émetteur(s), {badges} badge(s), {awards} attribution(s).',
  },
  'build.contentProblems': {
    en: '{count} content problem(s); see the list above. Nothing was published.',
    fr: '{count} problème(s) de contenu ; voir la liste ci-dessus. Rien n’a été publié.',
  },
  'build.contentValid': {
    en: 'content: {issuers} issuer(s), {badges} badge(s), {awards} award(s), no problems',
    fr: 'contenu : {issuers} émetteur(s), {badges} badge(s), {awards} attribution(s), aucun problème',
  },
} as const satisfies Record<string, Bilingual>;
