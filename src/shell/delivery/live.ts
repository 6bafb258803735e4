/**
 * Is an award page live? `badges notify --send` only announces pages that answer 200 at their final
 * address, so nobody receives a link to a page that is not deployed yet.
 */
import { type Message, render, say } from '../../core/messages/catalogue.ts';

/** Not live: the reason in English (stored in the outbox) and as a catalogue message (printed). */
const notLive = (says: Message) => ({ live: false, reason: render(says, 'en'), says }) as const;

export async function isLive(
  url: string,
  fetcher: typeof fetch = fetch,
  timeoutMs = 15_000,
): Promise<{ live: true } | { live: false; reason: string; says: Message }> {
  try {
    const response = await fetcher(url, {
      method: 'GET',
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return response.status === 200
      ? { live: true }
      : notLive(say('live.status', { status: response.status }));
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    return notLive(say('live.unreachable', { cause }));
  }
}
