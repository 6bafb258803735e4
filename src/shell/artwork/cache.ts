/**
 * The artwork disk cache: files named by a SHA-256 of everything that changes the pixels, written
 * atomically (temporary file, then rename) so that an interrupted build never leaves half a PNG that a
 * later build would trust.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** SHA-256 (hex) of a JSON value with object keys sorted, so equal inputs give equal keys. */
export function cacheKey(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The cached files of a key, or undefined when any of them is missing. */
export async function readCached<E extends string>(
  dir: string,
  key: string,
  extensions: readonly E[],
): Promise<Record<E, Uint8Array> | undefined> {
  const files = {} as Record<E, Uint8Array>;
  for (const extension of extensions) {
    try {
      files[extension] = new Uint8Array(await readFile(join(dir, `${key}.${extension}`)));
    } catch {
      return undefined;
    }
  }
  return files;
}

let sequence = 0;

/** Writes the files of a key, each through a temporary file renamed into place. */
export async function writeCached(
  dir: string,
  key: string,
  files: Readonly<Record<string, Uint8Array>>,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [extension, bytes] of Object.entries(files)) {
    const target = join(dir, `${key}.${extension}`);
    const temporary = `${target}.${process.pid}.${++sequence}.tmp`;
    try {
      await writeFile(temporary, bytes);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}
