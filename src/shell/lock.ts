/**
 * `insigne.lock.json`, committed next to `content/`: the key ids each issuer has published. `keygen`
 * appends to it and nothing removes from it, so the build can refuse an issuer file from which a
 * published key disappeared (the badges it signed would silently stop verifying).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InsigneError } from '../core/errors.ts';

export const LOCK_FILE = 'insigne.lock.json';

export interface Lock {
  /** Issuer slug → ids of every key ever published, in order. */
  readonly publishedKeys: Record<string, string[]>;
}

export function readLock(root: string): Lock {
  const path = join(root, LOCK_FILE);
  if (!existsSync(path)) return { publishedKeys: {} };
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Lock>;
    const keys = parsed.publishedKeys ?? {};
    for (const ids of Object.values(keys)) {
      if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw new Error('bad ids');
    }
    return { publishedKeys: keys };
  } catch {
    throw new InsigneError(
      'ERR_LOCK_INVALID',
      `${LOCK_FILE} cannot be read. Restore it from git history: it records the keys your badges depend on.`,
    );
  }
}

/** Records newly published key ids of an issuer (never removes any). */
export function recordPublishedKeys(root: string, issuer: string, ids: readonly string[]): void {
  const lock = readLock(root);
  const known = lock.publishedKeys[issuer] ?? [];
  const next = { ...lock.publishedKeys, [issuer]: [...known, ...ids.filter((id) => !known.includes(id))] };
  const sorted = Object.fromEntries(Object.entries(next).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(join(root, LOCK_FILE), `${JSON.stringify({ publishedKeys: sorted }, null, 2)}\n`);
}

/** Removes an issuer from the lock file: \`keys forget\`, once its file is gone and the choice is made. */
export function forgetIssuer(root: string, issuer: string): void {
  const { [issuer]: _gone, ...rest } = readLock(root).publishedKeys;
  writeFileSync(join(root, LOCK_FILE), `${JSON.stringify({ publishedKeys: rest }, null, 2)}\n`);
}
