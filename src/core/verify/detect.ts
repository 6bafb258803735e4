/**
 * Format detection and extraction (DIGEST §1.8 "Input detection", §2.3): what was given (a baked PNG or SVG,
 * JSON, a compact JWS, a URL) and the badge payload(s) it carries. A baked image may carry both an OB 2.0
 * assertion and an OB 3.0 credential (src/core/bake/index.ts): both are returned, OB 3.0 first, and never
 * two of one version (an image carrying a payload twice is malformed: tools disagree on which one counts).
 * Input beyond the limits of src/core/verify/limits.ts is malformed too, whatever it holds.
 */
import { sniffBakedImageFormat, unbake } from '../bake/index.ts';
import { InsigneError } from '../errors.ts';
import { failWith, isObject, messageOf, typesOf } from './checks.ts';
import { type DecodedJws, decodeCompactJws, looksLikeCompactJws } from './jws.ts';
import {
  checkInputSize,
  InputLimitError,
  MAX_PAYLOAD_VALUES,
  parseJsonWithinLimits,
  sizeProblem,
} from './limits.ts';
import type { Session } from './session.ts';
import { utf8 } from './session.ts';
import type { Check, InputFormat, VerifyInput } from './types.ts';

type Json = Record<string, unknown>;

export type Payload =
  | { readonly kind: 'ob3-json'; readonly credential: Json }
  | { readonly kind: 'ob3-jwt'; readonly jws: DecodedJws }
  | { readonly kind: 'ob2-json'; readonly assertion: Json }
  | { readonly kind: 'ob2-jws'; readonly jws: DecodedJws }
  | { readonly kind: 'ob2-url'; readonly url: string };

export type Extraction =
  | {
      readonly ok: true;
      readonly input: InputFormat;
      readonly payloads: readonly Payload[];
      readonly message: string;
      /**
       * Why a payload the image carries could not be read, when another one could: the image was altered
       * or damaged, which the `payloads` check reports (the readable payload alone does not vouch for it).
       */
      readonly unreadable?: readonly string[];
    }
  | { readonly ok: false; readonly input: InputFormat; readonly check: Check };

const contexts = (document: Json) =>
  (Array.isArray(document['@context']) ? document['@context'] : [document['@context']]).filter(
    (entry): entry is string => typeof entry === 'string',
  );

/** OB 3.0 (a Verifiable Credential, or a VCDM 1.1 JWT payload with `vc`) or OB 2.0, or neither. */
export function classify(document: Json): 'ob3' | 'ob2' | undefined {
  const types = typesOf(document.type);
  const urls = contexts(document);
  if (
    isObject(document.vc) ||
    types.includes('VerifiableCredential') ||
    urls.some(
      (url) =>
        url.includes('/ns/credentials/') || url.includes('/credentials/v1') || url.includes('/ob/v3p0'),
    )
  ) {
    return 'ob3';
  }
  if (
    types.includes('Assertion') ||
    urls.some((url) => url.includes('openbadges')) ||
    document.revoked === true
  ) {
    return 'ob2';
  }
  return undefined;
}

const notABadge = (input: InputFormat, title: string, detail: string): Extraction => ({
  ok: false,
  input,
  check: failWith('format', 'not-a-badge', 'NOT_A_BADGE', title, detail),
});

const malformed = (input: InputFormat, code: string, title: string, detail: string): Extraction => ({
  ok: false,
  input,
  check: failWith('format', 'malformed', code, title, detail),
});

const beyondLimits = (input: InputFormat, error: InputLimitError): Extraction =>
  malformed(
    input,
    error.code,
    error.code === 'INPUT_TOO_DEEP' ? 'Nested too deeply to be a badge' : 'Too large to be a badge',
    error.message,
  );

/** Runs a reading step, turning input beyond the limits into a malformed verdict for `input`. */
function withinLimits(input: InputFormat, read: () => Extraction): Extraction {
  try {
    return read();
  } catch (error) {
    if (error instanceof InputLimitError) return beyondLimits(input, error);
    throw error;
  }
}

const NAMES: Record<Payload['kind'], string> = {
  'ob3-json': 'an OB 3.0 credential (JSON)',
  'ob3-jwt': 'an OB 3.0 credential (VC-JWT)',
  'ob2-json': 'an OB 2.0 assertion (JSON)',
  'ob2-jws': 'an OB 2.0 signed assertion (JWS)',
  'ob2-url': 'an OB 2.0 hosted assertion URL',
};

/** Reads one payload from text: JSON, a compact JWS, or (for OB 2.0 only) a hosted assertion URL. */
function payloadOf(text: string, prefer?: 'ob3' | 'ob2'): Payload | string {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let value: unknown;
    try {
      value = parseJsonWithinLimits(trimmed, 'The JSON', MAX_PAYLOAD_VALUES);
    } catch (error) {
      if (error instanceof InputLimitError) throw error;
      return `The text starts like JSON but is not valid JSON (${messageOf(error)}).`;
    }
    if (!isObject(value)) return 'The JSON is not an object.';
    const version = classify(value) ?? prefer;
    if (version === 'ob3') return { kind: 'ob3-json', credential: value };
    if (version === 'ob2') return { kind: 'ob2-json', assertion: value };
    return 'The JSON is neither an Open Badges 3.0 credential nor an Open Badges 2.0 assertion.';
  }
  if (looksLikeCompactJws(trimmed)) {
    const jws = decodeCompactJws(trimmed);
    if (jws === undefined) return 'The text looks like a JWT but its header or payload is not JSON.';
    const version = classify(jws.payload) ?? prefer;
    if (version === 'ob3') return { kind: 'ob3-jwt', jws };
    if (version === 'ob2') return { kind: 'ob2-jws', jws };
    return 'The token is neither an Open Badges 3.0 VC-JWT nor an Open Badges 2.0 signed assertion.';
  }
  if (prefer === 'ob2' && /^https?:\/\/\S+$/.test(trimmed)) return { kind: 'ob2-url', url: trimmed };
  return 'The text is neither JSON, a JWT nor a badge image.';
}

function fromImage(bytes: Uint8Array, input: InputFormat): Extraction {
  return withinLimits(input, () => readImage(bytes, input));
}

function readImage(bytes: Uint8Array, input: InputFormat): Extraction {
  checkInputSize(bytes.length, 'The image');
  let unbaked: ReturnType<typeof unbake>;
  try {
    unbaked = unbake(bytes);
  } catch (error) {
    if (error instanceof InsigneError && error.code === 'ERR_BAKE_DUPLICATE_PAYLOAD') {
      return malformed(input, 'PAYLOAD_DUPLICATED', 'The image carries a badge twice', error.message);
    }
    return notABadge(input, 'The image cannot be read', messageOf(error));
  }
  const payloads: Payload[] = [];
  const problems: string[] = [];
  for (const [text, version] of [
    [unbaked.credential, 'ob3'],
    [unbaked.assertion, 'ob2'],
  ] as const) {
    if (text === undefined) continue;
    const payload = payloadOf(text, version);
    if (typeof payload === 'string') problems.push(payload);
    else payloads.push(payload);
  }
  if (payloads.length === 0) {
    return notABadge(
      input,
      'The image carries no badge',
      problems[0] ??
        `The ${unbaked.format.toUpperCase()} image has no baked Open Badges data (no openbadges or openbadgecredential ${unbaked.format === 'png' ? 'iTXt chunk' : 'element'}).`,
    );
  }
  return {
    ok: true,
    input,
    payloads,
    message: `A ${unbaked.format.toUpperCase()} image carrying ${payloads.map((p) => NAMES[p.kind]).join(' and ')}.`,
    ...(problems.length > 0 && { unreadable: problems }),
  };
}

function fromText(text: string, input: InputFormat): Extraction {
  return withinLimits(input, () => readText(text, input));
}

function readText(text: string, input: InputFormat): Extraction {
  checkInputSize(text.length, 'The text');
  const trimmed = text.trim();
  if (trimmed.startsWith('<')) {
    const bytes = new TextEncoder().encode(trimmed);
    if (sniffBakedImageFormat(bytes) === 'svg') return fromImage(bytes, { ...input, container: 'svg' });
    if (/^<!doctype html|^<html/i.test(trimmed)) {
      return notABadge(
        input,
        'This is a web page',
        'The address or text is an HTML page, not a badge: give the badge image, its credential (.json, .jwt) or the assertion URL.',
      );
    }
  }
  const payload = payloadOf(trimmed);
  if (typeof payload === 'string') return notABadge(input, 'Not a badge', payload);
  const container = input.container === 'url' ? 'url' : payload.kind.endsWith('json') ? 'json' : 'jws';
  const name = NAMES[payload.kind];
  return {
    ok: true,
    input: { ...input, container },
    payloads: [payload],
    message: `${name.charAt(0).toUpperCase()}${name.slice(1)}.`,
  };
}

/**
 * The credential an HTML page declares with `<link rel="alternate" type="application/ld+json" href>` (what
 * Insigne's award pages carry), so the address of an award page can be verified as the badge it shows.
 */
function linkedCredential(text: string, pageUrl: string): string | undefined {
  if (!/^\s*<(!doctype html|html)/i.test(text)) return undefined;
  for (const tag of linkTags(text)) {
    const attribute = (name: string) => new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, 'i').exec(tag)?.[1];
    if (attribute('rel')?.toLowerCase() !== 'alternate') continue;
    if (!/json/i.test(attribute('type') ?? '')) continue;
    const href = attribute('href');
    try {
      return href === undefined ? undefined : new URL(href.replaceAll('&amp;', '&'), pageUrl).href;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The `<link …>` tags of a page, found with `indexOf` so that a page of unclosed tags costs its length
 * (a regular expression would rescan the rest of the page from each one).
 */
function* linkTags(text: string): Generator<string> {
  const lower = text.toLowerCase();
  let at = lower.indexOf('<link');
  while (at !== -1) {
    const end = lower.indexOf('>', at);
    if (end === -1) return;
    if (/[\s/>]/.test(lower.charAt(at + 5))) yield text.slice(at, end + 1);
    at = lower.indexOf('<link', end);
  }
}

/** A malformed verdict for bytes over the size limit, before anything decodes them. */
function oversized(bytes: Uint8Array, input: InputFormat, what: string): Extraction | undefined {
  const problem = sizeProblem(bytes.length, what);
  return problem === undefined ? undefined : beyondLimits(input, problem);
}

/** Detects the input's format and extracts its payloads; fetches the input first when it is a URL. */
export async function extract(session: Session, input: VerifyInput, depth = 0): Promise<Extraction> {
  if ('url' in input) {
    const url = input.url.trim();
    const format: InputFormat = { container: 'url', url };
    if (!/^https?:\/\//.test(url) || !URL.canParse(url))
      return notABadge(format, 'Not a web address', `${url} is not a valid http(s) URL.`);
    const resolved = await session.fetch(url);
    if (!resolved.ok && resolved.tooLarge) {
      return malformed(format, 'INPUT_TOO_LARGE', 'Too large to be a badge', resolved.reason);
    }
    if (!resolved.ok) {
      if (resolved.status === 410) {
        // A hosted OB 2.0 assertion withdrawn with 410 Gone (DIGEST §1.6).
        return {
          ok: true,
          input: format,
          payloads: [{ kind: 'ob2-url', url }],
          message: `${url} answers 410 Gone.`,
        };
      }
      return {
        ok: false,
        input: format,
        check: failWith(
          'format',
          'error',
          'FETCH_FAILED',
          'The address could not be fetched',
          resolved.reason,
        ),
      };
    }
    const large = oversized(resolved.body, format, `The document at ${url}`);
    if (large !== undefined) return large;
    const image = sniffBakedImageFormat(resolved.body);
    if (image !== undefined) return fromImage(resolved.body, { container: image, url });
    const text = utf8(resolved.body);
    if (text === undefined)
      return notABadge(format, 'Not a badge', `${url} is neither text nor a PNG or SVG image.`);
    const linked = depth === 0 ? linkedCredential(text, url) : undefined;
    if (linked !== undefined) {
      const followed = await extract(session, { url: linked }, 1);
      return followed.ok
        ? { ...followed, input: format, message: `${url} is a web page about the badge; ${followed.message}` }
        : followed;
    }
    const extraction = fromText(text, format);
    // A hosted OB 2.0 assertion fetched at its own id is verified as hosted, without a second copy.
    if (
      extraction.ok &&
      extraction.payloads[0]?.kind === 'ob2-json' &&
      extraction.payloads[0].assertion.id === url
    ) {
      return { ...extraction, payloads: [{ kind: 'ob2-url', url }] };
    }
    return extraction;
  }
  if ('bytes' in input) {
    const large = oversized(input.bytes, { container: 'unknown' }, 'The file');
    if (large !== undefined) return large;
    const image = sniffBakedImageFormat(input.bytes);
    if (image !== undefined) return fromImage(input.bytes, { container: image });
    const text = utf8(input.bytes);
    if (text === undefined)
      return notABadge(
        { container: 'unknown' },
        'Not a badge',
        'The file is neither a PNG or SVG image nor text.',
      );
    return fromText(text, { container: 'unknown' });
  }
  const text = input.text.trim();
  if (/^https?:\/\/\S+$/.test(text)) return extract(session, { url: text });
  return fromText(text, { container: 'unknown' });
}
