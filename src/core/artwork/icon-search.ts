/**
 * Icon search by word: an icon's name, its aliases, Lucide's English tags (icon-tags.json) and a French
 * keyword table (icon-words-fr.ts), all compared without accents or case. `badges icons <word>` prints
 * what this finds, and the same ranking feeds the "did you mean" of an unknown `icon:` in a badge file, so
 * "bicycle" suggests `bike` (tagged "bicycle") rather than `recycle` (two letters away).
 *
 * Ranking: each search term (the query, its singular, its English translations, and at a lower weight
 * the words of a several-word query) gives an icon the score of its best match, and the scores add up.
 * Spelling mistakes are forgiven (edit distance) only for a term that matched nothing exactly.
 */
import ICON_TAGS from './icon-tags.json' with { type: 'json' };
import { FRENCH_ICON_WORDS } from './icon-words-fr.ts';

/** What a search runs over: drawable names, aliases and the tags of each name. */
export interface IconIndex {
  /** Icon names, sorted. */
  readonly names: readonly string[];
  /** Alias name → the icon it stands for. */
  readonly aliases: ReadonlyMap<string, string>;
  /** Icon name → its tags, normalised. */
  readonly tags: ReadonlyMap<string, readonly string[]>;
  /** Tag → the icons carrying it. */
  readonly byTag: ReadonlyMap<string, readonly string[]>;
  /** Each word of a tag → the icons and tags it occurs in. */
  readonly byTagWord: ReadonlyMap<string, readonly { readonly name: string; readonly tag: string }[]>;
  /** Each dash-separated part of a name → the icons whose name has it. */
  readonly byNamePart: ReadonlyMap<string, readonly string[]>;
}

/** Why an icon matched one search term. */
export type IconMatchReason =
  | { readonly kind: 'name' | 'name-part' | 'name-prefix' | 'similar-name'; readonly term: string }
  | { readonly kind: 'alias'; readonly term: string; readonly alias: string }
  | {
      readonly kind: 'tag' | 'tag-word' | 'tag-prefix' | 'similar-tag';
      readonly term: string;
      readonly tag: string;
    };

/** One reason, with the French word the term translates when it came from the keyword table. */
export type IconMatchEvidence = IconMatchReason & { readonly french?: string };

export interface IconMatch {
  readonly name: string;
  readonly score: number;
  /** One per search term that matched, best first. */
  readonly reasons: readonly IconMatchEvidence[];
}

export interface IconSearchResult {
  /** The query as compared: lower case, no accents, single spaces. */
  readonly query: string;
  /** French words of the query found in the keyword table, with their English words. */
  readonly translations: readonly { readonly french: string; readonly english: readonly string[] }[];
  /** Best first. */
  readonly matches: readonly IconMatch[];
}

interface Term {
  readonly text: string;
  readonly weight: number;
  readonly french?: string;
}

const SCORES = {
  name: 100,
  alias: 95,
  namePartStart: 80,
  namePart: 70,
  tag: 60,
  tagWord: 50,
  prefix: 35,
  similar: 30,
} as const;

/** Lower case, accents and ligatures removed, dashes, underscores and runs of spaces as one space. */
export function normalizeWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replaceAll('œ', 'oe')
    .replaceAll('æ', 'ae')
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

const FRENCH = new Map<string, { readonly word: string; readonly english: readonly string[] }>(
  Object.entries(FRENCH_ICON_WORDS).map(([word, english]) => [normalizeWord(word), { word, english }]),
);

const TAGS = new Map<string, readonly string[]>(
  Object.entries((ICON_TAGS as { readonly icons: Readonly<Record<string, string>> }).icons).map(
    ([name, tags]) => [name, tags === '' ? [] : tags.split(', ').map(normalizeWord)],
  ),
);

/** Where the committed tags come from (lucide-static's tags.json, filtered to the drawable icons). */
export const ICON_TAGS_SOURCE: string = (ICON_TAGS as { readonly source: string }).source;

/** The index of an icon set: its names, its aliases and the committed tags of those names. */
export function iconIndex(
  names: Iterable<string>,
  aliases: Readonly<Record<string, { readonly parent: string }>> = {},
): IconIndex {
  const sorted = [...new Set(names)].sort();
  const known = new Set(sorted);
  const tags = new Map<string, readonly string[]>();
  for (const name of sorted) tags.set(name, TAGS.get(name) ?? []);
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [value]);
    else list.push(value);
  };
  const byTag = new Map<string, string[]>();
  const byTagWord = new Map<string, { name: string; tag: string }[]>();
  const byNamePart = new Map<string, string[]>();
  for (const name of sorted) {
    for (const part of new Set(name.split('-'))) push(byNamePart, part, name);
    for (const tag of tags.get(name) ?? []) {
      push(byTag, tag, name);
      for (const word of new Set(tag.split(' '))) push(byTagWord, word, { name, tag });
    }
  }
  const aliasMap = new Map<string, string>();
  for (const [alias, { parent }] of Object.entries(aliases))
    if (known.has(parent)) aliasMap.set(alias, parent);
  return { names: sorted, aliases: aliasMap, tags, byTag, byTagWord, byNamePart };
}

/** The search terms of a query, each with its weight. */
function termsOf(query: string): Term[] {
  const terms: Term[] = [];
  const add = (text: string, weight: number, french?: string) => {
    if (text === '') return;
    const term = { text, weight, ...(french === undefined ? {} : { french }) };
    const same = terms.findIndex((t) => t.text === text);
    if (same === -1) terms.push(term);
    else if ((terms[same] as Term).weight < weight) terms[same] = term;
  };
  const translate = (word: string, weight: number) => {
    for (const candidate of [word, singular(word)]) {
      const entry = candidate === undefined ? undefined : FRENCH.get(candidate);
      if (entry === undefined) continue;
      entry.english.forEach((english, i) => {
        add(normalizeWord(english), weight * (0.95 - 0.05 * i), entry.word);
      });
      return;
    }
  };
  add(query, 1);
  const one = singular(query);
  if (one !== undefined) add(one, 0.9);
  translate(query, 1);
  const words = query.split(' ');
  if (words.length > 1) {
    for (const word of words) {
      if (word.length < 3) continue;
      add(word, 0.4);
      translate(word, 0.4);
    }
  }
  return terms;
}

/** "bikes" → "bike", "vélos" → "velo"; undefined when there is nothing to take off. */
function singular(word: string): string | undefined {
  return word.length > 3 && /[sx]$/.test(word) && !/ss$/.test(word) ? word.slice(0, -1) : undefined;
}

/** How far a misspelt term may be from a name or tag: one letter in four, at least one. */
function spellingAllowance(term: string): number {
  return Math.max(1, Math.floor(term.length / 4));
}

type Found = { readonly score: number; readonly reason: IconMatchReason };

/** The exact matches of one term (names, parts of names, tags, words of tags, prefixes), best per icon. */
function exactMatches(index: IconIndex, term: string): Map<string, Found> {
  const found = new Map<string, Found>();
  const offer = (name: string, score: number, reason: IconMatchReason) => {
    if ((found.get(name)?.score ?? 0) < score) found.set(name, { score, reason });
  };
  const wanted = term.split(' ');
  const dashed = wanted.join('-');
  // Names that hold the term's words in order: "book" in book-open, "heart pulse" in heart-pulse-off.
  for (const name of index.byNamePart.get(wanted[0] as string) ?? []) {
    const parts = name.split('-');
    for (let i = 0; i + wanted.length <= parts.length; i++) {
      if (!wanted.every((w, j) => parts[i + j] === w)) continue;
      if (name === dashed) offer(name, SCORES.name, { kind: 'name', term });
      else offer(name, i === 0 ? SCORES.namePartStart : SCORES.namePart, { kind: 'name-part', term });
      break;
    }
  }
  for (const name of index.byTag.get(term) ?? []) offer(name, SCORES.tag, { kind: 'tag', term, tag: term });
  if (wanted.length === 1) {
    for (const { name, tag } of index.byTagWord.get(term) ?? []) {
      offer(name, SCORES.tagWord, { kind: 'tag-word', term, tag });
    }
  } else {
    for (const [tag, names] of index.byTag) {
      if (tag === term || !` ${tag} `.includes(` ${term} `)) continue;
      for (const name of names) offer(name, SCORES.tagWord, { kind: 'tag-word', term, tag });
    }
  }
  if (term.length >= 4 && wanted.length === 1) {
    for (const [part, names] of index.byNamePart) {
      if (part === term || !part.startsWith(term)) continue;
      for (const name of names) offer(name, SCORES.prefix, { kind: 'name-prefix', term });
    }
    for (const [word, uses] of index.byTagWord) {
      if (word === term || !word.startsWith(term)) continue;
      for (const { name, tag } of uses) offer(name, SCORES.prefix, { kind: 'tag-prefix', term, tag });
    }
  }
  return found;
}

/**
 * Levenshtein distance between `a` and `b` when it is at most `max`, else `max + 1`: rows stop as soon as
 * every cell exceeds `max`, so comparing one word with thousands of tags stays fast.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = new Uint16Array(b.length + 1).map((_, j) => j);
  let current = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length] as number, max + 1);
}

/** Spelling-mistake matches of one term against every name and tag, the closest per icon. */
function similarMatches(index: IconIndex, term: string): Map<string, Found> {
  const allowance = spellingAllowance(term);
  const score = (d: number) => SCORES.similar - 5 * d;
  const found = new Map<string, Found>();
  const offer = (name: string, d: number, reason: IconMatchReason) => {
    if (d > allowance || (found.get(name)?.score ?? Number.NEGATIVE_INFINITY) >= score(d)) return;
    found.set(name, { score: score(d), reason });
  };
  const dashed = term.replaceAll(' ', '-');
  for (const name of index.names) {
    if (Math.abs(name.length - dashed.length) <= allowance) {
      offer(name, boundedDistance(dashed, name, allowance) - 0.4, { kind: 'similar-name', term });
    }
  }
  for (const [tag, names] of index.byTag) {
    if (Math.abs(tag.length - term.length) > allowance) continue;
    const d = boundedDistance(term, tag, allowance);
    for (const name of names) offer(name, d, { kind: 'similar-tag', term, tag });
  }
  return found;
}

/** Icons matching a word or phrase (French or English), best first. */
export function searchIcons(index: IconIndex, query: string): IconSearchResult {
  const normalized = normalizeWord(query);
  const terms = termsOf(normalized);
  const translated = terms.some((t) => t.french !== undefined && t.weight >= 0.5);
  const totals = new Map<string, { score: number; reasons: (IconMatchEvidence & { s: number })[] }>();
  const credit = (name: string, term: Term, found: Found) => {
    const entry = totals.get(name) ?? { score: 0, reasons: [] };
    const s = found.score * term.weight;
    entry.score += s;
    entry.reasons.push({ ...found.reason, ...(term.french === undefined ? {} : { french: term.french }), s });
    totals.set(name, entry);
  };
  const known = new Set(index.names);
  for (const term of terms) {
    const dashed = term.text.replaceAll(' ', '-');
    // A translation that is an icon's name picks that icon, not every icon merely tagged with the word.
    if (term.french !== undefined && known.has(dashed)) {
      credit(dashed, term, { score: SCORES.name, reason: { kind: 'name', term: term.text } });
      continue;
    }
    let strong = false;
    for (const [name, found] of exactMatches(index, term.text)) {
      strong ||= found.score >= SCORES.prefix;
      credit(name, term, found);
    }
    const parent = index.aliases.get(dashed);
    if (parent !== undefined) {
      strong = true;
      credit(parent, term, {
        score: SCORES.alias,
        reason: { kind: 'alias', term: term.text, alias: dashed },
      });
    }
    // Spelling mistakes: only for the query itself, when it matched nothing and is no known French word.
    if (strong || translated || term.weight < 0.9 || term.french !== undefined || term.text.length < 3)
      continue;
    for (const [name, found] of similarMatches(index, term.text)) credit(name, term, found);
  }
  const matches = [...totals.entries()]
    .map(([name, { score, reasons }]) => ({
      name,
      score: Math.round(score * 10) / 10,
      reasons: reasons.sort((a, b) => b.s - a.s).map(({ s: _, ...reason }) => reason),
    }))
    .sort((a, b) => b.score - a.score || a.name.length - b.name.length || (a.name < b.name ? -1 : 1));
  const translations = [...new Set(terms.flatMap((t) => (t.french === undefined ? [] : [t.french])))].map(
    (french) => ({ french, english: FRENCH_ICON_WORDS[french] ?? [] }),
  );
  return { query: normalized, translations, matches };
}
