/**
 * A verification session: the resolver and what it has already fetched or computed. Documents shared by
 * many badges (did.json, status lists, badge classes, issuer profiles, keys) are fetched, parsed and checked
 * once per session; so is a signature over identical bytes. The build's self-check runs one session over
 * thousands of artefacts, the CLI and the page one per verification.
 */
import { messageOf } from './checks.ts';
import { parseJsonWithinLimits } from './limits.ts';
import type { Resolution, Resolver } from './resolver.ts';

export type JsonFetch =
  | { readonly ok: true; readonly url: string; readonly value: unknown; readonly status?: number }
  | {
      readonly ok: false;
      readonly url: string;
      /**
       * `fetch`: the resolver failed; `parse`: it answered, but not with JSON (or with too much), or the URL
       * is invalid.
       */
      readonly kind: 'fetch' | 'parse';
      readonly reason: string;
      readonly status?: number;
    };

export interface Session {
  /** Resolves `url` once per session; never throws. */
  fetch(url: string): Promise<Resolution>;
  /** Resolves and parses JSON once per session; never throws. */
  fetchJson(url: string): Promise<JsonFetch>;
  /** Computes `compute()` once per (bucket, key) in this session. */
  memo<T>(bucket: string, key: string, compute: () => Promise<T>): Promise<T>;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 bytes (without a byte-order mark), or undefined when they are not UTF-8. */
export function utf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

export function createSession(resolver: Resolver): Session {
  const cache = new Map<string, Promise<unknown>>();
  const memo = <T>(bucket: string, key: string, compute: () => Promise<T>): Promise<T> => {
    const slot = `${bucket}\u0000${key}`;
    let value = cache.get(slot) as Promise<T> | undefined;
    if (value === undefined) {
      value = compute();
      cache.set(slot, value);
    }
    return value;
  };
  const fetch = (url: string) =>
    memo('fetch', url, async (): Promise<Resolution> => {
      if (!URL.canParse(url)) return { ok: false, url, reason: `${url} is not a valid URL.` };
      try {
        return await resolver(url);
      } catch (error) {
        return { ok: false, url, reason: messageOf(error) };
      }
    });
  const fetchJson = (url: string) =>
    memo('json', url, async (): Promise<JsonFetch> => {
      // An address no client can even parse is a fault of the document naming it, not of the network.
      if (!URL.canParse(url)) {
        return { ok: false, url, kind: 'parse', reason: `${url} is not a valid URL.` };
      }
      const resolved = await fetch(url);
      if (!resolved.ok) {
        return {
          ok: false,
          url,
          kind: resolved.tooLarge ? 'parse' : 'fetch',
          reason: resolved.reason,
          ...(resolved.status !== undefined && { status: resolved.status }),
        };
      }
      const text = utf8(resolved.body);
      try {
        if (text === undefined) throw new Error('the body is not UTF-8 text');
        return {
          ok: true,
          url,
          value: parseJsonWithinLimits(text, 'The document'),
          ...(resolved.status !== undefined && { status: resolved.status }),
        };
      } catch (error) {
        return { ok: false, url, kind: 'parse', reason: `${url} did not return JSON (${messageOf(error)}).` };
      }
    });
  return { fetch, fetchJson, memo };
}
