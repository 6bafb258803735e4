/**
 * `badges icons <word>`: finds the icons a badge can show by name, by Lucide's English tags or by a French
 * word (`vélo`, `bicycle` and `bike` all find `bike`), and says for each what matched. The search is the
 * core's (src/core/artwork/icon-search.ts), the same that proposes icons for an unknown `icon:`.
 */

import { type IconMatch, type IconMatchEvidence, searchIcons } from '../../core/artwork/icon-search.ts';
import { indexOfSet } from '../../core/artwork/icons.ts';
import type { Translate } from '../../core/messages/catalogue.ts';
import { loadIconSet } from '../artwork/assets.ts';
import { parseOptions } from './authoring.ts';
import { type CliContext, t } from './context.ts';

/** Matches printed without --all. */
const SHOWN = 20;

const OPTIONS = { all: { type: 'boolean' }, json: { type: 'boolean' }, list: { type: 'boolean' } } as const;

export async function runIcons(args: string[], context: CliContext): Promise<number> {
  const tr = t(context);
  const usage = tr('help.icons', { shown: SHOWN });
  const parsed = parseOptions(args, OPTIONS, usage, context);
  if ('exit' in parsed) return parsed.exit;
  const set = loadIconSet();
  const index = indexOfSet(set);
  if (parsed.values.list) {
    context.out.write(`${index.names.join('\n')}\n`);
    return 0;
  }
  const query = parsed.positionals.join(' ').trim();
  if (query === '') {
    context.err.write(`${tr('icons.noWord')}\n${usage}`);
    return 2;
  }
  const result = searchIcons(index, query);
  if (parsed.values.json) {
    context.out.write(`${JSON.stringify(result, null, 2)}\n`);
    return result.matches.length === 0 ? 1 : 0;
  }
  if (result.matches.length === 0) {
    context.out.write(`${tr('icons.none', { query })}\n`);
    return 1;
  }
  context.out.write(
    formatMatches(tr, query, result.translations, result.matches, parsed.values.all === true),
  );
  return 0;
}

function formatMatches(
  tr: Translate,
  query: string,
  translations: readonly { readonly french: string; readonly english: readonly string[] }[],
  matches: readonly IconMatch[],
  all: boolean,
): string {
  const shown = all ? matches : matches.slice(0, SHOWN);
  const french = translations
    .map((w) => tr('icons.frenchWord', { french: w.french, english: w.english.join(', ') }))
    .join('; ');
  const width = Math.max(...shown.map((m) => m.name.length)) + 2;
  const lines = [
    tr(matches.length === 1 ? 'icons.found.one' : 'icons.found.other', {
      count: matches.length,
      query,
      french: french === '' ? '' : ` (${french})`,
    }),
    ...shown.map((m) => `  ${m.name.padEnd(width)}${describeReasons(tr, m.reasons)}`),
  ];
  if (shown.length < matches.length) {
    lines.push(`  ${tr('icons.more', { count: matches.length - shown.length })}`);
  }
  const first = shown[0] as IconMatch;
  lines.push('', tr('icons.inBadgeFile'), '  artwork:', `    icon: ${first.name}`, '');
  return lines.join('\n');
}

/** What matched, each distinct reason once; the French word once when every reason comes from it. */
function describeReasons(tr: Translate, reasons: readonly IconMatchEvidence[]): string {
  const frenchWords = new Set(reasons.map((r) => r.french));
  const oneFrench = frenchWords.size === 1 ? [...frenchWords][0] : undefined;
  const texts = reasons.map((r) => {
    const text = describeReason(tr, r);
    return oneFrench === undefined && r.french !== undefined
      ? `${text} ${tr('icons.reason.french', { word: r.french })}`
      : text;
  });
  const line = [...new Set(texts)].join('; ');
  return oneFrench === undefined ? line : `${line} ${tr('icons.reason.french', { word: oneFrench })}`;
}

function describeReason(tr: Translate, reason: IconMatchEvidence): string {
  switch (reason.kind) {
    case 'name':
      return tr('icons.reason.name');
    case 'name-part':
      return tr('icons.reason.namePart', { term: reason.term });
    case 'name-prefix':
      return tr('icons.reason.namePrefix', { term: reason.term });
    case 'alias':
      return tr('icons.reason.alias', { alias: reason.alias });
    case 'tag':
    case 'tag-word':
    case 'tag-prefix':
      return tr('icons.reason.tag', { tag: reason.tag });
    case 'similar-name':
      return tr('icons.reason.similarName', { term: reason.term });
    case 'similar-tag':
      return tr('icons.reason.similarTag', { tag: reason.tag, term: reason.term });
  }
}
