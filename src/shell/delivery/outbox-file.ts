/**
 * Where the outbox lives: `.outbox/announcements.json` at the project root, git-ignored, outside
 * `content/` and the site, readable by its owner only (folder 0700, file 0600). Every change is written to
 * a temporary file and renamed over the old one, so a crash leaves the previous outbox or the new one,
 * never half of one. The file holds email addresses: nothing here prints them.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMPTY_OUTBOX, type Outbox, parseOutbox, serializeOutbox } from '../../core/delivery/outbox.ts';

export const OUTBOX_DIR = '.outbox';
export const OUTBOX_FILE = 'announcements.json';

export const outboxPath = (root: string) => join(root, OUTBOX_DIR, OUTBOX_FILE);

/** The outbox, empty when there is none yet. */
export function readOutbox(root: string): Outbox {
  const path = outboxPath(root);
  if (!existsSync(path)) return EMPTY_OUTBOX;
  return parseOutbox(readFileSync(path, 'utf8'));
}

/** Replaces the outbox atomically; an empty outbox removes the file. */
export function writeOutbox(root: string, outbox: Outbox): void {
  const dir = join(root, OUTBOX_DIR);
  const path = outboxPath(root);
  if (outbox.announcements.length === 0) {
    rmSync(path, { force: true });
    return;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const temporary = join(dir, `.${OUTBOX_FILE}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, serializeOutbox(outbox), { mode: 0o600, flag: 'w' });
    chmodSync(temporary, 0o600);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
