/**
 * Sharded builds (issue #18): the site split over n builds on a CI matrix, merged into the site one
 * build would have made. Every shard loads the whole model, so status lists, revocation lists and the
 * counts on badge pages are complete in each; every shard builds the site-wide files (home, issuer and
 * badge pages, key documents, lists, artwork, verify page, 404, Astro's assets) identically, and the
 * award pages and award files only of the awards that fall in it. The merge compares the overlapping
 * site-wide files byte for byte, so a shard built from other content, keys or code is refused.
 *
 * An award falls in shard `shardOf(id, n)`: the first four bytes of SHA-256 of its id, as an unsigned
 * big-endian integer, modulo n, plus one. It depends on the id alone (never on the order of files or on
 * other awards), so an award stays in its shard from build to build, and SHA-256 spreads random UUIDs
 * evenly over the shards.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { type Message, render, say } from '../messages/catalogue.ts';

/** Shard k (1-based) of n. */
export interface ShardSpec {
  readonly index: number;
  readonly count: number;
}

/** More shards than a CI matrix runs (GitHub allows 256 jobs per matrix). */
export const MAX_SHARDS = 256;

export type ShardParse =
  | { readonly ok: true; readonly shard: ShardSpec }
  | {
      readonly ok: false;
      /** What is wrong, then what to write: `problem` and `hint` in one sentence pair (English). */
      readonly message: string;
      readonly problem: string;
      readonly hint: string;
      /** The same problem and hint as catalogue messages, for either language. */
      readonly says: { readonly problem: Message; readonly hint: Message };
    };

/** Reads `<k>/<n>` (as INSIGNE_SHARD gives it): 1 ≤ k ≤ n ≤ MAX_SHARDS, decimal digits only. */
export function parseShard(text: string, name = 'INSIGNE_SHARD'): ShardParse {
  const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  const match = text.length <= 16 ? /^\s*(\d{1,3})\s*\/\s*(\d{1,3})\s*$/.exec(text) : null;
  const hint = say('shard.hint', { name });
  const refuse = (problem: Message) => {
    const [en, enHint] = [render(problem, 'en'), render(hint, 'en')];
    return {
      ok: false,
      message: `${en} ${enHint}`,
      problem: en,
      hint: enHint,
      says: { problem, hint },
    } as const;
  };
  if (!match) return refuse(say('shard.notShard', { name, value: shown }));
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS)
    return refuse(say('shard.count', { name, value: shown, max: MAX_SHARDS }));
  if (index < 1 || index > count)
    return refuse(say('shard.noSuchShard', { name, value: shown, index, count }));
  return { ok: true, shard: { index, count } };
}

/** The shard (1 to `count`) an award falls in; see the module comment. */
export function shardOf(awardId: string, count: number): number {
  const digest = sha256(utf8ToBytes(awardId));
  const word =
    ((digest[0] ?? 0) << 24) | ((digest[1] ?? 0) << 16) | ((digest[2] ?? 0) << 8) | (digest[3] ?? 0);
  return ((word >>> 0) % count) + 1;
}

/** Whether a shard builds this award's page and files (every build does without a shard). */
export function inShard(awardId: string, shard: ShardSpec | undefined): boolean {
  return shard === undefined || shardOf(awardId, shard.count) === shard.index;
}

/**
 * JSON with object keys sorted and Maps and Sets as sorted entries: the same value, the same text. Entries
 * are sorted by the JSON of their key (a Map) or of themselves (a Set), each computed once, so a model of
 * 100 000 awards costs one pass and one sort.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(item: unknown): unknown {
  if (item instanceof Map)
    return sortedBy(
      [...item].map(([key, entry]) => [normalise(key), normalise(entry)] as const),
      ([key]) => JSON.stringify(key),
    );
  if (item instanceof Set) return sortedBy([...item].map(normalise), (entry) => JSON.stringify(entry));
  if (item instanceof Uint8Array) return { bytes: bytesToHex(item) };
  if (Array.isArray(item)) return item.map(normalise);
  if (item !== null && typeof item === 'object') {
    const entries = Object.entries(item as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, entry]) => [key, normalise(entry)]));
  }
  return item;
}

function sortedBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  return items
    .map((item) => [keyOf(item), item] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, item]) => item);
}

/** What makes two shards parts of one build: the same model (keys included), site, day and shard count. */
export interface BuildIdentity {
  readonly model: unknown;
  readonly site: string;
  readonly base: string;
  readonly day: string;
  readonly preview: boolean;
  readonly count: number;
}

/** SHA-256 (hex) of a build's identity: shards of one build share it, and only they. */
export function buildFingerprint(identity: BuildIdentity): string {
  return bytesToHex(sha256(utf8ToBytes(stableJson(identity))));
}
