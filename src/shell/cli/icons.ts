/**
 * `badges icons <word>`: finds the icons a badge can show by name, by Lucide's English tags or by a French
 * word (`vélo`, `bicycle` and `bike` all find `bike`), and says for each what matched. The search is the
 * core's (src/core/artwork/icon-search.ts), the same that proposes icons for an unknown `icon:`.
 */
import { type IconMatch, type IconMatchEvidence, searchIcons } from '../../core/artwork/icon-search.ts';
import { indexOfSet } from '../../core/artwork/icons.ts';
import { loadIconSet } from '../artwork/assets.ts';
import { parseOptions } from './authoring.ts';
import type { CliContext } from './context.ts';

/** Matches printed without --all. */
const SHOWN = 20;

export const ICONS_USAGE = `Usage: npm run badges -- icons <word> [<word>…] [--all] [--json]
       npm run badges -- icons --list

Finds icons for a badge's \`artwork.icon\` by name, by English keyword (Lucide's tags) or by French
word, without accents or case mattering. Prints each icon's name and what matched, best first.

Options:
  --all     Print every match, not only the first ${SHOWN}.
  --json    Print the matches as JSON (name, score, reasons).
  --list    Print every icon name, one per line.

Examples:
  npm run badges -- icons vélo          # bike (French "vélo" → bicycle, bike)
  npm run badges -- icons bicycle       # bike (tagged "bicycle")
  npm run badges -- icons secourisme    # cross, ambulance, heart-pulse…
  npm run badges -- icons "first aid"   # several words: the phrase first, then each word
  npm run badges -- icons --list | grep book
`;

const OPTIONS = { all: { type: 'boolean' }, json: { type: 'boolean' }, list: { type: 'boolean' } } as const;

export async function runIcons(args: string[], context: CliContext): Promise<number> {
  const parsed = parseOptions(args, OPTIONS, ICONS_USAGE, context);
  if ('exit' in parsed) return parsed.exit;
  const set = loadIconSet();
  const index = indexOfSet(set);
  if (parsed.values.list) {
    context.out.write(`${index.names.join('\n')}\n`);
    return 0;
  }
  const query = parsed.positionals.join(' ').trim();
  if (query === '') {
    context.err.write(`"icons" needs a word to look for.\n${ICONS_USAGE}`);
    return 2;
  }
  const result = searchIcons(index, query);
  if (parsed.values.json) {
    context.out.write(`${JSON.stringify(result, null, 2)}\n`);
    return result.matches.length === 0 ? 1 : 0;
  }
  if (result.matches.length === 0) {
    context.out.write(
      `No icon matches "${query}". Try a broader or an English word (icon names and tags are English), ` +
        'list every name with `npm run badges -- icons --list`, or browse them with pictures at ' +
        'https://lucide.dev/icons (the name under each picture is what `icon:` takes).\n',
    );
    return 1;
  }
  context.out.write(formatMatches(query, result.translations, result.matches, parsed.values.all === true));
  return 0;
}

function formatMatches(
  query: string,
  translations: readonly { readonly french: string; readonly english: readonly string[] }[],
  matches: readonly IconMatch[],
  all: boolean,
): string {
  const shown = all ? matches : matches.slice(0, SHOWN);
  const french = translations.map((t) => `French "${t.french}" → ${t.english.join(', ')}`).join('; ');
  const width = Math.max(...shown.map((m) => m.name.length)) + 2;
  const lines = [
    `${matches.length} icon${matches.length === 1 ? '' : 's'} for "${query}"${french === '' ? '' : ` (${french})`}:`,
    ...shown.map((m) => `  ${m.name.padEnd(width)}${describeReasons(m.reasons)}`),
  ];
  if (shown.length < matches.length) {
    lines.push(`  … and ${matches.length - shown.length} more (--all shows them).`);
  }
  const first = shown[0] as IconMatch;
  lines.push('', 'In a badge file:', '  artwork:', `    icon: ${first.name}`, '');
  return lines.join('\n');
}

/** What matched, each distinct reason once; the French word once when every reason comes from it. */
function describeReasons(reasons: readonly IconMatchEvidence[]): string {
  const frenchWords = new Set(reasons.map((r) => r.french));
  const oneFrench = frenchWords.size === 1 ? [...frenchWords][0] : undefined;
  const texts = reasons.map((r) => {
    const text = describeReason(r);
    return oneFrench === undefined && r.french !== undefined ? `${text} (French "${r.french}")` : text;
  });
  const line = [...new Set(texts)].join('; ');
  return oneFrench === undefined ? line : `${line} (French "${oneFrench}")`;
}

function describeReason(reason: IconMatchEvidence): string {
  switch (reason.kind) {
    case 'name':
      return `name`;
    case 'name-part':
      return `name contains "${reason.term}"`;
    case 'name-prefix':
      return `name starts like "${reason.term}"`;
    case 'alias':
      return `old name "${reason.alias}"`;
    case 'tag':
    case 'tag-word':
    case 'tag-prefix':
      return `tag "${reason.tag}"`;
    case 'similar-name':
      return `name close to "${reason.term}"`;
    case 'similar-tag':
      return `tag "${reason.tag}", close to "${reason.term}"`;
  }
}
