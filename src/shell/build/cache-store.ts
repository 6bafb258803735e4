/**
 * The build caches' storage (signatures, self-check verdicts), under `.cache/insigne/`, outside `content/`
 * and the output, and git-ignored. Entries are short text values by SHA-256 key, in 256 bucket files named
 * by the key's first two hex digits, one entry a line: `key value day check`, where `check` is a SHA-256
 * of the rest of the line. A line that does not parse, whose check fails or whose key belongs to another
 * bucket (a corrupted or truncated file) is ignored: the value is made again and the bucket rewritten.
 * Buckets are written through a temporary file renamed into place, so a killed build leaves either the
 * old file or the new one.
 *
 * `day` is the build day an entry was last used; entries no build used for `keepDays` days are dropped.
 * A store may also read other folders (the self-check's two halves each write their own and read both).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a build did with a cache, for the log and the benchmark. */
export interface CacheStats {
  /** Values read back and used. */
  readonly reused: number;
  /** Values made (absent, or refused) and stored. */
  readonly made: number;
  /** Values read back that failed their check, made again. */
  readonly refused: number;
  /** Lines ignored because they were damaged. */
  readonly damaged: number;
}

export interface CacheStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  refuse(key: string): void;
  /** Writes every bucket that changed; returns what this build did. */
  save(): CacheStats;
  stats(): CacheStats;
}

export interface CacheStoreOptions {
  /** The build day (YYYY-MM-DD). */
  readonly today: string;
  /** Days an unused entry is kept. */
  readonly keepDays?: number;
  /** Further folders read (never written) for entries this store lacks. */
  readonly alsoRead?: readonly string[];
}

interface Entry {
  value: string;
  day: string;
}

interface Bucket {
  readonly entries: Map<string, Entry>;
  dirty: boolean;
}

const KEY = /^[0-9a-f]{64}$/;
const VALUE = /^[\x21-\x7e]+$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const checkOf = (key: string, value: string, day: string) =>
  createHash('sha256').update(`${key} ${value} ${day}`).digest('hex').slice(0, 16);

/** The root of Insigne's build caches in a project. */
export const cacheRoot = (project: string) => join(project, '.cache', 'insigne');

function readBucket(file: string, name: string): { entries: Map<string, Entry>; damaged: number } {
  const entries = new Map<string, Entry>();
  let damaged = 0;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { entries, damaged };
  }
  const lines = text.split('\n');
  // A file that does not end with a newline was cut short: its last line is not trusted.
  if (lines.at(-1) !== '') damaged++;
  for (const line of lines.slice(0, -1)) {
    const [key, value, day, check, ...rest] = line.split(' ');
    if (
      rest.length > 0 ||
      key === undefined ||
      value === undefined ||
      day === undefined ||
      !KEY.test(key) ||
      !key.startsWith(name) ||
      !VALUE.test(value) ||
      !DAY.test(day) ||
      check !== checkOf(key, value, day)
    ) {
      damaged++;
      continue;
    }
    entries.set(key, { value, day });
  }
  return { entries, damaged };
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** A store over `dir`; nothing is read before the first `get`, nothing written before `save`. */
export function openCacheStore(dir: string, options: CacheStoreOptions): CacheStore {
  const { today, keepDays = 30, alsoRead = [] } = options;
  const buckets = new Map<string, Bucket>();
  const others = new Map<string, Map<string, Entry>>();
  const used = new Set<string>();
  let reused = 0;
  let made = 0;
  let refused = 0;
  let damaged = 0;

  const bucketOf = (key: string): Bucket => {
    const name = key.slice(0, 2);
    let bucket = buckets.get(name);
    if (bucket === undefined) {
      const read = readBucket(join(dir, `${name}.txt`), name);
      damaged += read.damaged;
      bucket = { entries: read.entries, dirty: read.damaged > 0 };
      buckets.set(name, bucket);
    }
    return bucket;
  };
  const otherEntry = (key: string): Entry | undefined => {
    const name = key.slice(0, 2);
    let merged = others.get(name);
    if (merged === undefined) {
      merged = new Map();
      for (const folder of alsoRead) {
        for (const [k, entry] of readBucket(join(folder, `${name}.txt`), name).entries) merged.set(k, entry);
      }
      others.set(name, merged);
    }
    return merged.get(key);
  };

  const stats = (): CacheStats => ({ reused, made, refused, damaged });

  return {
    get(key) {
      if (!KEY.test(key)) return undefined;
      const bucket = bucketOf(key);
      let entry = bucket.entries.get(key);
      if (entry === undefined) {
        const other = otherEntry(key);
        if (other === undefined) return undefined;
        entry = { ...other };
        bucket.entries.set(key, entry);
        bucket.dirty = true;
      }
      if (entry.day !== today) {
        entry.day = today;
        bucket.dirty = true;
      }
      used.add(key);
      reused++;
      return entry.value;
    },
    set(key, value) {
      if (!KEY.test(key) || !VALUE.test(value)) return;
      const bucket = bucketOf(key);
      bucket.entries.set(key, { value, day: today });
      bucket.dirty = true;
      used.add(key);
      made++;
    },
    refuse(key) {
      if (!KEY.test(key)) return;
      const bucket = bucketOf(key);
      if (bucket.entries.delete(key)) bucket.dirty = true;
      reused--;
      refused++;
    },
    save() {
      mkdirSync(dir, { recursive: true });
      for (const [name, bucket] of buckets) {
        for (const [key, entry] of bucket.entries) {
          if (!used.has(key) && daysBetween(entry.day, today) > keepDays) {
            bucket.entries.delete(key);
            bucket.dirty = true;
          }
        }
        if (!bucket.dirty) continue;
        const lines = [...bucket.entries]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([key, { value, day }]) => `${key} ${value} ${day} ${checkOf(key, value, day)}\n`);
        const target = join(dir, `${name}.txt`);
        const temporary = `${target}.${process.pid}.tmp`;
        try {
          writeFileSync(temporary, lines.join(''));
          renameSync(temporary, target);
        } catch (error) {
          rmSync(temporary, { force: true });
          throw error;
        }
        bucket.dirty = false;
      }
      return stats();
    },
    stats,
  };
}
