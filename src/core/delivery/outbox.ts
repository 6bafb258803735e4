/**
 * The outbox: the announcements waiting to be sent or exported, as one JSON document. Queuing the same
 * award twice keeps one entry; an entry leaves only when it was sent or exported (or purged), so a
 * failed or interrupted run loses nothing and a second run sends nothing twice.
 */

import { type Message, render, say } from '../messages/catalogue.ts';
import { type Announcement, announcementKey } from './announcement.ts';

export interface Outbox {
  readonly version: 1;
  readonly announcements: readonly Announcement[];
}

export const EMPTY_OUTBOX: Outbox = { version: 1, announcements: [] };

export class OutboxError extends Error {
  readonly code = 'ERR_OUTBOX';
  /** The same message from the catalogue, for either language. */
  readonly says: Message;

  constructor(says: Message) {
    super(render(says, 'en'));
    this.says = says;
  }
}

const REQUIRED = ['kind', 'awardId', 'badge', 'badgeName', 'earnerName', 'email', 'language', 'awardUrl'];

/** Reads the outbox document; a damaged one is an error naming what is wrong, never silently emptied. */
export function parseOutbox(text: string): Outbox {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new OutboxError(say('outbox.notJson'));
  }
  const outbox = value as Partial<Outbox>;
  if (outbox?.version !== 1 || !Array.isArray(outbox.announcements))
    throw new OutboxError(say('outbox.notOutbox'));
  outbox.announcements.forEach((entry, index) => {
    const missing = REQUIRED.filter(
      (key) => typeof (entry as unknown as Record<string, unknown>)[key] !== 'string',
    );
    if (missing.length > 0)
      throw new OutboxError(say('outbox.incomplete', { index: index + 1, missing: missing.join(', ') }));
  });
  return outbox as Outbox;
}

export function serializeOutbox(outbox: Outbox): string {
  return `${JSON.stringify(outbox, null, 2)}\n`;
}

/** The outbox with `added` queued; an award already queued for the same kind is replaced (new address wins). */
export function queue(outbox: Outbox, added: readonly Announcement[]): Outbox {
  const byKey = new Map(outbox.announcements.map((a) => [announcementKey(a), a]));
  for (const announcement of added) byKey.set(announcementKey(announcement), announcement);
  return { version: 1, announcements: [...byKey.values()] };
}

/** The outbox without the given entries (sent or exported). */
export function without(outbox: Outbox, done: Iterable<string>): Outbox {
  const gone = new Set(done);
  return { version: 1, announcements: outbox.announcements.filter((a) => !gone.has(announcementKey(a))) };
}

/** The outbox with one entry's failure recorded. */
export function withFailure(outbox: Outbox, key: string, reason: string): Outbox {
  return {
    version: 1,
    announcements: outbox.announcements.map((a) =>
      announcementKey(a) === key ? { ...a, lastError: reason, attempts: a.attempts + 1 } : a,
    ),
  };
}
