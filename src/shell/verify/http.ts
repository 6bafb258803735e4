/**
 * The verifier's resolver over HTTP, with the platform's `fetch`: what the CLI uses for a deployed site and
 * what the verify page uses in the browser (so this module imports nothing from Node). Static hosts such as
 * GitHub Pages answer with open CORS, so a page on one site can verify badges of another.
 */
import type { Resolution, Resolver } from '../../core/verify/index.ts';
import { MAX_INPUT_BYTES } from '../../core/verify/limits.ts';

export interface HttpResolverOptions {
  /** Defaults to the global `fetch`; tests pass their own. */
  readonly fetch?: typeof fetch;
  /** Per request; a badge's documents are small, so a slow answer is a dead one. */
  readonly timeoutMs?: number;
  /** Largest body accepted (the verifier's own input limit by default): baked images are the biggest. */
  readonly maxBytes?: number;
}

/** What verifiers of both versions ask for (DIGEST §1.8 "Fetching"). */
const ACCEPT = 'application/ld+json, application/json, image/png, image/svg+xml, */*;q=0.5';

export function createHttpResolver(options: HttpResolverOptions = {}): Resolver {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  return async (url): Promise<Resolution> => {
    if (!/^https?:\/\//i.test(url)) return { ok: false, url, reason: `${url} is not an http(s) URL.` };
    let response: Response;
    try {
      response = await fetchImpl(url, {
        headers: { accept: ACCEPT },
        redirect: 'follow',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, url, reason: `${url} could not be fetched (${detail}).` };
    }
    if (!response.ok) {
      return { ok: false, url, status: response.status, reason: `${url} answered HTTP ${response.status}.` };
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > maxBytes) {
      return {
        ok: false,
        url,
        status: response.status,
        reason: `${url} is larger than ${maxBytes} bytes.`,
        tooLarge: true,
      };
    }
    let body: Uint8Array;
    try {
      body = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, url, reason: `${url} could not be read (${detail}).` };
    }
    if (body.length > maxBytes) {
      return {
        ok: false,
        url,
        status: response.status,
        reason: `${url} is larger than ${maxBytes} bytes.`,
        tooLarge: true,
      };
    }
    const contentType = response.headers.get('content-type') ?? undefined;
    return {
      ok: true,
      url,
      body,
      status: response.status,
      ...(contentType !== undefined && { contentType }),
    };
  };
}
