/**
 * Is an award page live? `badges notify --send` only announces pages that answer 200 at their final
 * address, so nobody receives a link to a page that is not deployed yet.
 */
export async function isLive(
  url: string,
  fetcher: typeof fetch = fetch,
  timeoutMs = 15_000,
): Promise<{ live: true } | { live: false; reason: string }> {
  try {
    const response = await fetcher(url, {
      method: 'GET',
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return response.status === 200
      ? { live: true }
      : { live: false, reason: `its page answers HTTP ${response.status} (not deployed yet?)` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    return { live: false, reason: `its page could not be reached (${cause})` };
  }
}
