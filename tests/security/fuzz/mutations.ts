/**
 * Mutation operators for the tamper fuzz test: each takes one artefact of the built site (a baked PNG or
 * SVG, an OB 3.0 credential as JSON or VC-JWT, an OB 2.0 signed assertion) and returns altered bytes, or
 * undefined when it does not apply to that artefact (the case is then drawn again).
 *
 * Operators work at three levels: bytes (bit flips, overwritten bytes, deletions, insertions, truncation),
 * document fields (edit, delete, add, copy a field from another award), and signatures (a proof or a JWS
 * part taken from another award, a re-signature with an attacker's key, a JWS header naming another
 * algorithm or carrying the attacker's key).
 */
import { isDeepStrictEqual } from 'node:util';
import { base64url, CompactSign } from 'jose';
import { bakePng, bakeSvg, crc32, readPngChunks, unbake } from '../../../src/core/bake/index.ts';
import { signDataIntegrity } from '../../../src/core/credentials/data-integrity.ts';
import type { JsonObject } from '../../../src/core/credentials/json.ts';
import type { Random } from './random.ts';

export type Kind = 'png' | 'svg' | 'ob3-json' | 'ob3-jwt' | 'ob2-jws';

export interface Artefact {
  /** Site path, e.g. `awards/<id>/badge.png`. */
  readonly path: string;
  readonly award: string;
  readonly kind: Kind;
  readonly bytes: Uint8Array;
}

export interface FuzzContext {
  /** Every original artefact of a kind, by award id (for swaps between awards). */
  readonly byKind: ReadonlyMap<Kind, ReadonlyMap<string, Artefact>>;
  /** The attacker's keys: valid keys, just not the issuer's. */
  readonly attacker: {
    readonly ed25519: CryptoKey;
    readonly rsa: CryptoKey;
    readonly rsaPublicJwk: JsonWebKey;
    /** A verification method the attacker controls (not on the issuer's site). */
    readonly verificationMethod: string;
  };
  /** The issuer's RSA public key as published (JWK text): the HMAC secret of an algorithm-confusion token. */
  readonly issuerRsaJwkText: string;
}

export interface Operator {
  readonly name: string;
  readonly kinds: readonly Kind[];
  apply(target: Artefact, context: FuzzContext, random: Random): Promise<Uint8Array | undefined>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const text = (bytes: Uint8Array) => decoder.decode(bytes);
const bytesOf = (value: string) => encoder.encode(value);

// ---------------------------------------------------------------------------------------------------------
// Bytes

/**
 * Offsets of the bytes of a JSON text that carry meaning: everything but whitespace between tokens. A flip
 * there may be harmless (JSON ignores it), so it is never chosen.
 */
function significantJsonOffsets(bytes: Uint8Array): number[] {
  const offsets: number[] = [];
  let inString = false;
  let escaped = false;
  for (const [i, byte] of bytes.entries()) {
    if (inString) {
      offsets.push(i);
      if (escaped) escaped = false;
      else if (byte === 0x5c) escaped = true;
      else if (byte === 0x22) inString = false;
    } else if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) {
      offsets.push(i);
      if (byte === 0x22) inString = true;
    }
  }
  return offsets;
}

/** Flips one random bit in each of 1 to 4 bytes chosen among `offsets`. */
function flipBits(bytes: Uint8Array, offsets: readonly number[], random: Random): Uint8Array {
  const out = Uint8Array.from(bytes);
  const count = random.chance(0.6) ? 1 : random.between(2, 4);
  for (let n = 0; n < count; n++) {
    const at = random.pick(offsets);
    out[at] = (out[at] as number) ^ (1 << random.int(8));
  }
  return out;
}

/** Overwrites one of `offsets` with a different random byte. */
function overwriteByte(bytes: Uint8Array, offsets: readonly number[], random: Random): Uint8Array {
  const out = Uint8Array.from(bytes);
  const at = random.pick(offsets);
  out[at] = ((out[at] as number) + random.between(1, 255)) & 0xff;
  return out;
}

/** Removes 1 to 16 bytes starting at one of `offsets`. */
function deleteBytes(bytes: Uint8Array, offsets: readonly number[], random: Random): Uint8Array {
  const at = random.pick(offsets);
  const length = random.between(1, 16);
  return Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + length)]);
}

/** Inserts 1 to 8 random printable ASCII bytes before one of `offsets`. */
function insertBytes(bytes: Uint8Array, offsets: readonly number[], random: Random): Uint8Array {
  const at = random.pick(offsets);
  const inserted = Array.from({ length: random.between(1, 8) }, () => random.between(0x21, 0x7e));
  return Uint8Array.from([...bytes.subarray(0, at), ...inserted, ...bytes.subarray(at)]);
}

function trimmedLength(bytes: Uint8Array): number {
  let end = bytes.length;
  while (end > 0 && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[end - 1] as number)) end--;
  return end;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** Where byte mutations of a whole document file go: JSON outside whitespace, a JWS anywhere in the token. */
function documentOffsets(target: Artefact): number[] {
  return target.kind === 'ob3-json'
    ? significantJsonOffsets(target.bytes)
    : range(0, trimmedLength(target.bytes));
}

// ---------------------------------------------------------------------------------------------------------
// Baked images

/** The text bytes of the badge iTXt chunks of a PNG, and the chunks to re-checksum. */
function pngPayloadOffsets(png: Uint8Array): { offsets: number[]; chunks: { start: number; end: number }[] } {
  const offsets: number[] = [];
  const chunks: { start: number; end: number }[] = [];
  for (const chunk of readPngChunks(png)) {
    if (chunk.type !== 'iTXt') continue;
    const keyword = text(png.subarray(chunk.dataStart, png.indexOf(0, chunk.dataStart)));
    if (keyword !== 'openbadges' && keyword !== 'openbadgecredential') continue;
    // keyword \0, compression flag and method, empty language tag \0, empty translated keyword \0, text.
    offsets.push(...range(chunk.dataStart + keyword.length + 5, chunk.dataEnd));
    chunks.push({ start: chunk.start, end: chunk.dataEnd });
  }
  return { offsets, chunks };
}

/** Rewrites the CRC of each chunk, so that the altered text reaches the verifier instead of a CRC error. */
function fixCrcs(png: Uint8Array, chunks: readonly { start: number; end: number }[]): Uint8Array {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (const { start, end } of chunks) view.setUint32(end, crc32(png, start + 4, end));
  return png;
}

/** Byte offsets, in the SVG file, of the text of its two payloads (the JSON inside each CDATA section). */
function svgPayloadOffsets(svg: Uint8Array): number[] {
  const source = text(svg);
  const found = unbake(svg);
  const offsets: number[] = [];
  for (const payload of [found.assertion, found.credential]) {
    if (payload === undefined) continue;
    const at = source.indexOf(payload);
    if (at === -1) continue;
    const start = bytesOf(source.slice(0, at)).length;
    offsets.push(...range(start, start + bytesOf(payload).length));
  }
  return offsets;
}

/** The image with one payload replaced (the other kept as it is). */
function rebake(image: Artefact, which: 'assertion' | 'credential', payload: string): Uint8Array | undefined {
  const found = unbake(image.bytes);
  const assertion = which === 'assertion' ? payload : found.assertion;
  const credential = which === 'credential' ? payload : found.credential;
  try {
    if (image.kind === 'png') {
      return bakePng(image.bytes, [
        ...(assertion === undefined ? [] : [{ keyword: 'openbadges' as const, text: assertion }]),
        ...(credential === undefined ? [] : [{ keyword: 'openbadgecredential' as const, text: credential }]),
      ]);
    }
    const hostedUrl = assertion === undefined ? undefined : urlIn(assertion);
    return bytesOf(
      bakeSvg(text(image.bytes), {
        ...(assertion === undefined
          ? {}
          : { assertion: hostedUrl === undefined ? { json: assertion } : { json: assertion, hostedUrl } }),
        ...(credential === undefined ? {} : { credential: { json: credential } }),
      }),
    );
  } catch {
    // The baker refuses some altered texts (not starting with "{", holding a NUL): no case then.
    return undefined;
  }
}

function urlIn(assertion: string): string | undefined {
  try {
    const id = (JSON.parse(assertion) as { id?: unknown }).id;
    return typeof id === 'string' && /^https?:\/\/\S+$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Document fields

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

function leaves(value: Json, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...path, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  return [path];
}

function objectPaths(value: Json, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => objectPaths(item, [...path, i]));
  if (value !== null && typeof value === 'object')
    return [path, ...Object.entries(value).flatMap(([key, item]) => objectPaths(item, [...path, key]))];
  return [];
}

function get(value: Json, path: Path): Json | undefined {
  let current: Json | undefined = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, Json>)[key];
  }
  return current;
}

function set(value: Json, path: Path, replacement: Json | undefined): Json {
  const copy = structuredClone(value);
  const parent = get(copy, path.slice(0, -1)) as Record<string | number, Json>;
  const key = path.at(-1) as string | number;
  if (replacement === undefined) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else parent[key] = replacement;
  return copy;
}

/** A different value of the same type. */
function changed(value: Json, random: Random): Json {
  if (typeof value === 'string') {
    const chars = [...value];
    switch (random.int(4)) {
      case 0:
        return `${value}${String.fromCharCode(random.between(0x21, 0x7e))}`;
      case 1:
        return value === '' ? 'x' : '';
      case 2: {
        if (chars.length === 0) return 'x';
        const at = random.int(chars.length);
        const old = chars[at] as string;
        let replacement = old;
        while (replacement === old) replacement = String.fromCharCode(random.between(0x21, 0x7e));
        chars[at] = replacement;
        return chars.join('');
      }
      default:
        return chars.reverse().join('') === value ? `${value}!` : chars.join('');
    }
  }
  if (typeof value === 'number') return random.pick([value + 1, value - 1, value * 2 + 1, -value - 1]);
  if (typeof value === 'boolean') return !value;
  return 'x';
}

type JsonEdit = (document: Json, random: Random, other: Json | undefined) => Json | undefined;

/** Field-level edits of a parsed document; `other` is the same document of another award. */
const JSON_EDITS: Record<string, JsonEdit> = {
  'field-edit': (document, random) => {
    const path = random.pick(leaves(document));
    return set(document, path, changed(get(document, path) as Json, random));
  },
  'field-delete': (document, random) => {
    const candidates = leaves(document).filter((path) => path.length > 0);
    return candidates.length === 0 ? undefined : set(document, random.pick(candidates), undefined);
  },
  'field-add': (document, random) => {
    const path = random.pick(objectPaths(document));
    const name = random.pick(['note', 'validUntil', 'expires', 'revoked', 'x', 'id', 'type', 'name']);
    const target = get(document, path);
    if (Array.isArray(target)) return set(document, [...path, target.length], 'x');
    return set(document, [...path, name], changed(get(document, [...path, name]) ?? '', random));
  },
  'field-from-other-award': (document, random, other) => {
    if (other === undefined) return undefined;
    const differing = leaves(document).filter((path) => {
      const theirs = get(other, path);
      return theirs !== undefined && !isDeepStrictEqual(theirs, get(document, path));
    });
    if (differing.length === 0) return undefined;
    const path = random.pick(differing);
    return set(document, path, get(other, path) as Json);
  },
};

/** Edits aimed at what makes a badge lapse: dates, status, revocation. Applied to expired or revoked awards. */
const LAPSE_FIELD = /valid|expir|^exp$|^nbf$|status|revoc|revoked/i;
export const RESURRECT: JsonEdit = (document, random) => {
  const paths = [...leaves(document), ...objectPaths(document)].filter((path) =>
    path.some((key) => typeof key === 'string' && LAPSE_FIELD.test(key)),
  );
  if (paths.length === 0) return undefined;
  const path = random.pick(paths);
  const value = get(document, path);
  if (random.chance(0.4) || value === undefined || typeof value === 'object')
    return set(document, path, undefined);
  if (typeof value === 'number') return set(document, path, value + 10 * 365 * 86400);
  if (typeof value === 'string' && /^\d{4}-/.test(value)) return set(document, path, `2099${value.slice(4)}`);
  return set(document, path, changed(value, random));
};

function parseJson(source: string): Json | undefined {
  try {
    return JSON.parse(source) as Json;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Compact JWS

interface Parts {
  readonly header: string;
  readonly payload: string;
  readonly signature: string;
}

function partsOf(token: string): Parts | undefined {
  const [header, payload, signature, ...rest] = token.trim().split('.');
  if (header === undefined || payload === undefined || signature === undefined || rest.length > 0)
    return undefined;
  return { header, payload, signature };
}

const joined = (parts: Parts) => bytesOf(`${parts.header}.${parts.payload}.${parts.signature}`);
const jsonPart = (part: string) => parseJson(text(base64url.decode(part)));
const encodePart = (value: Json) => base64url.encode(JSON.stringify(value));

async function signJws(header: Record<string, unknown>, payload: string, key: CryptoKey): Promise<string> {
  return new CompactSign(base64url.decode(payload)).setProtectedHeader({ alg: 'RS256', ...header }).sign(key);
}

async function hmacToken(header: Record<string, unknown>, payload: string, secret: string): Promise<string> {
  const encodedHeader = encodePart(header as Json);
  const key = await crypto.subtle.importKey(
    'raw',
    bytesOf(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign('HMAC', key, bytesOf(`${encodedHeader}.${payload}`));
  return `${encodedHeader}.${payload}.${base64url.encode(new Uint8Array(mac))}`;
}

// ---------------------------------------------------------------------------------------------------------
// Operators

const other = (context: FuzzContext, target: Artefact, random: Random, kind: Kind = target.kind) => {
  const candidates = [...(context.byKind.get(kind)?.values() ?? [])].filter((a) => a.award !== target.award);
  return candidates.length === 0 ? undefined : random.pick(candidates);
};

const DOCUMENTS: readonly Kind[] = ['ob3-json', 'ob3-jwt', 'ob2-jws'];
const IMAGES: readonly Kind[] = ['png', 'svg'];
const JWS: readonly Kind[] = ['ob3-jwt', 'ob2-jws'];

/** A JSON text of a credential or assertion, altered by one random operator of the text or field kind. */
async function alterJsonText(
  source: string,
  random: Random,
  otherSource: string | undefined,
  context: FuzzContext,
): Promise<string | undefined> {
  const document = parseJson(source);
  if (document === undefined) return undefined;
  const bytes = bytesOf(source);
  const offsets = significantJsonOffsets(bytes);
  switch (random.int(9)) {
    case 0:
      return text(flipBits(bytes, offsets, random));
    case 1:
      return text(overwriteByte(bytes, offsets, random));
    case 2:
      return text(deleteBytes(bytes, offsets, random));
    case 3:
      return text(insertBytes(bytes, offsets, random));
    case 4:
      return source.slice(0, random.between(1, source.trimEnd().length - 1));
    case 5:
      return reSign(document, random, context);
    default: {
      const name = random.pick(Object.keys(JSON_EDITS));
      const edit = JSON_EDITS[name] as JsonEdit;
      const edited = edit(document, random, otherSource === undefined ? undefined : parseJson(otherSource));
      return edited === undefined ? undefined : JSON.stringify(edited);
    }
  }
}

/** An OB 3.0 credential signed again by the attacker, naming the issuer's key or the attacker's. */
async function reSign(document: Json, random: Random, context: FuzzContext): Promise<string | undefined> {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return undefined;
  const proof = (document.proof as { verificationMethod?: string }[] | undefined)?.[0];
  if (proof?.verificationMethod === undefined) return undefined;
  const { proof: _proof, ...unsigned } = document;
  // A real attacker would also change what is claimed; half the time, so do we.
  const claims = random.chance(0.5)
    ? unsigned
    : (JSON_EDITS['field-edit']?.(unsigned, random, undefined) ?? unsigned);
  try {
    const signed = await signDataIntegrity(claims as JsonObject, {
      privateKey: context.attacker.ed25519,
      verificationMethod: random.chance(0.5) ? proof.verificationMethod : context.attacker.verificationMethod,
      created: '2026-11-28T00:00:00Z',
    });
    return JSON.stringify(signed);
  } catch {
    // An edit the canonicalization refuses (JSON-LD safe mode): the attacker could not sign it either.
    return undefined;
  }
}

export const OPERATORS: readonly Operator[] = [
  {
    name: 'bit-flip',
    kinds: DOCUMENTS,
    apply: async (target, _context, random) => flipBits(target.bytes, documentOffsets(target), random),
  },
  {
    name: 'byte-overwrite',
    kinds: DOCUMENTS,
    apply: async (target, _context, random) => overwriteByte(target.bytes, documentOffsets(target), random),
  },
  {
    name: 'byte-delete',
    kinds: DOCUMENTS,
    apply: async (target, _context, random) => deleteBytes(target.bytes, documentOffsets(target), random),
  },
  {
    name: 'byte-insert',
    kinds: DOCUMENTS,
    apply: async (target, _context, random) => insertBytes(target.bytes, documentOffsets(target), random),
  },
  {
    name: 'truncate',
    kinds: [...DOCUMENTS, ...IMAGES],
    apply: async (target, _context, random) =>
      target.bytes.subarray(0, random.between(1, trimmedLength(target.bytes) - 1)),
  },
  {
    name: 'json-field',
    kinds: ['ob3-json'],
    apply: async (target, context, random) => {
      const name = random.pick(Object.keys(JSON_EDITS));
      const document = parseJson(text(target.bytes));
      const theirs = other(context, target, random);
      const edited = document
        ? JSON_EDITS[name]?.(document, random, theirs && parseJson(text(theirs.bytes)))
        : undefined;
      return edited === undefined ? undefined : bytesOf(JSON.stringify(edited));
    },
  },
  {
    name: 'proof-from-other-award',
    kinds: ['ob3-json'],
    apply: async (target, context, random) => {
      const mine = parseJson(text(target.bytes)) as Record<string, Json> | undefined;
      const theirs = other(context, target, random);
      const theirProof = theirs && (parseJson(text(theirs.bytes)) as Record<string, Json> | undefined)?.proof;
      if (mine === undefined || theirProof === undefined) return undefined;
      return bytesOf(JSON.stringify({ ...mine, proof: theirProof }));
    },
  },
  {
    name: 'attacker-signature',
    kinds: ['ob3-json'],
    apply: async (target, context, random) => {
      const document = parseJson(text(target.bytes));
      const signed = document === undefined ? undefined : await reSign(document, random, context);
      return signed === undefined ? undefined : bytesOf(signed);
    },
  },
  {
    name: 'jws-payload-field',
    kinds: JWS,
    apply: async (target, context, random) => {
      const parts = partsOf(text(target.bytes));
      const payload = parts && jsonPart(parts.payload);
      if (parts === undefined || payload === undefined) return undefined;
      const theirs = other(context, target, random);
      const theirParts = theirs && partsOf(text(theirs.bytes));
      const name = random.pick(Object.keys(JSON_EDITS));
      const edited = JSON_EDITS[name]?.(payload, random, theirParts && jsonPart(theirParts.payload));
      return edited === undefined ? undefined : joined({ ...parts, payload: encodePart(edited) });
    },
  },
  {
    name: 'jws-part-from-other-award',
    kinds: JWS,
    apply: async (target, context, random) => {
      const mine = partsOf(text(target.bytes));
      const theirs = other(context, target, random);
      const theirParts = theirs && partsOf(text(theirs.bytes));
      if (mine === undefined || theirParts === undefined) return undefined;
      // Headers are the same for every award of an issuer: swapping them would change nothing.
      return random.chance(0.5)
        ? joined({ ...mine, payload: theirParts.payload })
        : joined({ ...mine, signature: theirParts.signature });
    },
  },
  {
    name: 'jws-header',
    kinds: JWS,
    apply: async (target, context, random) => {
      const parts = partsOf(text(target.bytes));
      const header = parts && (jsonPart(parts.header) as Record<string, Json> | undefined);
      if (parts === undefined || header === undefined) return undefined;
      switch (random.int(5)) {
        case 0:
          return joined({
            header: encodePart({ ...header, alg: 'none' }),
            payload: parts.payload,
            signature: '',
          });
        case 1:
          // Algorithm confusion: an HMAC keyed with the issuer's public key (RFC 8725 §2.1).
          return bytesOf(
            await hmacToken({ ...header, alg: 'HS256' }, parts.payload, context.issuerRsaJwkText),
          );
        case 2:
          return joined({
            ...parts,
            header: encodePart({ ...header, alg: random.pick(['RS512', 'PS256', 'EdDSA']) }),
          });
        case 3: {
          const kid = typeof header.kid === 'string' ? header.kid : 'key';
          return joined({ ...parts, header: encodePart({ ...header, kid: changed(kid, random) }) });
        }
        default:
          return joined({ ...parts, header: encodePart({ ...header, typ: 'JWT' }) });
      }
    },
  },
  {
    name: 'jws-attacker-signature',
    kinds: JWS,
    apply: async (target, context, random) => {
      const parts = partsOf(text(target.bytes));
      const header = parts && (jsonPart(parts.header) as Record<string, unknown> | undefined);
      if (parts === undefined || header === undefined) return undefined;
      const { attacker } = context;
      const variants = [
        header,
        // The attacker's public key inside the token: the verifier must not trust a key the token brings.
        { ...header, jwk: attacker.rsaPublicJwk },
        { alg: 'RS256', jwk: attacker.rsaPublicJwk },
      ];
      return bytesOf(await signJws(random.pick(variants), parts.payload, attacker.rsa));
    },
  },
  {
    name: 'image-bit-flip',
    kinds: IMAGES,
    apply: async (target, _context, random) => {
      if (target.kind === 'svg') return flipBits(target.bytes, svgPayloadOffsets(target.bytes), random);
      const { offsets, chunks } = pngPayloadOffsets(target.bytes);
      const flipped = flipBits(target.bytes, offsets, random);
      // Half the cases keep the stale CRC (the reader must refuse the chunk), half repair it (the altered
      // credential must fail its own checks).
      return random.chance(0.5) ? flipped : fixCrcs(flipped, chunks);
    },
  },
  {
    name: 'image-payload',
    kinds: IMAGES,
    apply: async (target, context, random) => {
      const found = unbake(target.bytes);
      const which = random.pick(['assertion', 'credential'] as const);
      const payload = found[which];
      if (payload === undefined) return undefined;
      const theirs = other(context, target, random);
      const theirPayload = theirs && unbake(theirs.bytes)[which];
      const altered = await alterJsonText(payload, random, theirPayload, context);
      return altered === undefined ? undefined : rebake(target, which, altered);
    },
  },
  {
    name: 'image-payload-from-other-award',
    kinds: IMAGES,
    apply: async (target, context, random) => {
      // Each payload genuine, but the two from different awards: the image must not pass as either.
      const theirs = other(context, target, random);
      const which = random.pick(['assertion', 'credential'] as const);
      const payload = theirs && unbake(theirs.bytes)[which];
      return payload === undefined ? undefined : rebake(target, which, payload);
    },
  },
];

// ---------------------------------------------------------------------------------------------------------
// Hostile containers and documents

const OB2_NS = 'http://openbadges.org';
const OB3_NS = 'https://purl.imsglobal.org/ob/v3p0';

/** A PNG text chunk (`iTXt` by the specification, or a legacy `tEXt`) with a badge keyword. */
function textChunk(type: 'iTXt' | 'tEXt', keyword: string, payload: string): Uint8Array {
  const data = bytesOf(type === 'iTXt' ? `${keyword}\0\0\0\0\0${payload}` : `${keyword}\0${payload}`);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(bytesOf(type), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk, 4, 8 + data.length));
  return chunk;
}

/**
 * Ways of spelling a second payload element that one extractor or another reads: the usual one, another
 * prefix bound on an ancestor, the default namespace, and the right name in the wrong namespace.
 */
function svgElement(which: 'assertion' | 'credential', payload: string, random: Random): string {
  const ns = which === 'assertion' ? OB2_NS : OB3_NS;
  const json = payload.trim().startsWith('{');
  const verify = payload.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  const spell = (name: string, declaration: string) =>
    json
      ? `<${name} ${declaration}><![CDATA[${payload}]]></${name}>`
      : `<${name} ${declaration} verify="${verify}"/>`;
  return random.pick([
    () => spell(`openbadges:${which}`, `xmlns:openbadges="${ns}"`),
    () => `<g xmlns:b="${ns}"><g>${spell(`b:${which}`, 'id="b"')}</g></g>`,
    () => spell(which, `xmlns="${ns}"`),
    () => spell(`openbadges:${which}`, `xmlns:openbadges="urn:example:other"`),
  ])();
}

/** A second payload of one version in an image: another award's, or a copy of its own. */
async function payloadTwice(target: Artefact, context: FuzzContext, random: Random) {
  const which = random.pick(['assertion', 'credential'] as const);
  const theirs = other(context, target, random);
  const payload = random.chance(0.8) && theirs ? unbake(theirs.bytes)[which] : unbake(target.bytes)[which];
  if (payload === undefined) return undefined;
  if (target.kind === 'png') {
    const keyword = which === 'assertion' ? 'openbadges' : 'openbadgecredential';
    const chunk = textChunk(which === 'assertion' && random.chance(0.3) ? 'tEXt' : 'iTXt', keyword, payload);
    // Anywhere between IHDR and IEND: before or after the genuine chunk.
    const chunks = readPngChunks(target.bytes);
    const at = random.pick(chunks.slice(1)).start;
    return new Uint8Array([...target.bytes.subarray(0, at), ...chunk, ...target.bytes.subarray(at)]);
  }
  const svg = text(target.bytes);
  const element = svgElement(which, payload, random);
  const at = random.chance(0.5) ? svg.indexOf('>', svg.indexOf('<svg')) + 1 : svg.lastIndexOf('</svg>');
  return bytesOf(`${svg.slice(0, at)}${element}${svg.slice(at)}`);
}

/** JSON nested far deeper than any badge, in place of one value of the document. */
function nestedDeep(random: Random): string {
  const depth = random.between(65, 120_000);
  const [open, close] = random.pick([
    ['[', ']'],
    ['{"a":', '}'],
  ] as const);
  return `${open.repeat(depth)}1${close.repeat(depth)}`;
}

async function deepDocument(target: Artefact, random: Random): Promise<Uint8Array | undefined> {
  const deepen = (json: string) => {
    const document = parseJson(json);
    if (document === undefined) return undefined;
    const path = random.pick(leaves(document));
    const marker = 'deep-nesting-marker';
    return JSON.stringify(set(document, path, marker)).replace(`"${marker}"`, nestedDeep(random));
  };
  if (target.kind === 'ob3-json') {
    const deep = deepen(text(target.bytes));
    return deep === undefined ? undefined : bytesOf(deep);
  }
  if (target.kind === 'ob3-jwt' || target.kind === 'ob2-jws') {
    const parts = partsOf(text(target.bytes));
    const deep = parts && deepen(text(base64url.decode(parts.payload)));
    return parts === undefined || deep === undefined
      ? undefined
      : joined({ ...parts, payload: base64url.encode(deep) });
  }
  const found = unbake(target.bytes);
  const json = found.credential?.trim().startsWith('{') ? found.credential : found.assertion;
  const deep = json === undefined ? undefined : deepen(json);
  return deep === undefined
    ? undefined
    : rebake(target, json === found.credential ? 'credential' : 'assertion', deep);
}

/** The operators whose every case must be reported as malformed (never as a fetch failure or a bug). */
export const HOSTILE: readonly Operator[] = [
  { name: 'image-payload-twice', kinds: IMAGES, apply: payloadTwice },
  { name: 'deep-nesting', kinds: [...DOCUMENTS, ...IMAGES], apply: (t, _c, r) => deepDocument(t, r) },
];

/** Brings an expired or revoked award back: its dates, status or revocation edited or removed. */
export async function resurrect(target: Artefact, random: Random): Promise<Uint8Array | undefined> {
  if (target.kind === 'ob3-json') {
    const document = parseJson(text(target.bytes));
    const edited = document && RESURRECT(document, random, undefined);
    return edited === undefined ? undefined : bytesOf(JSON.stringify(edited));
  }
  if (target.kind === 'ob3-jwt' || target.kind === 'ob2-jws') {
    const parts = partsOf(text(target.bytes));
    const payload = parts && jsonPart(parts.payload);
    const edited = payload && RESURRECT(payload, random, undefined);
    return parts === undefined || edited === undefined
      ? undefined
      : joined({ ...parts, payload: encodePart(edited) });
  }
  const found = unbake(target.bytes);
  const which = random.pick(['assertion', 'credential'] as const);
  const document = found[which] === undefined ? undefined : parseJson(found[which]);
  const edited = document && RESURRECT(document, random, undefined);
  return edited === undefined ? undefined : rebake(target, which, JSON.stringify(edited));
}

// ---------------------------------------------------------------------------------------------------------
// What a mutation means

/**
 * What the verifier actually judges, so that a mutation which changes nothing of it is not counted: a JSON
 * document compares by value (whitespace, a `\u00e9` escape for `é` and number spellings such as `1.0` do not
 * matter to JSON); a compact JWS by its signed text and its signature bytes (the last base64url character
 * of a signature has spare bits that decode to the same bytes); a baked image by its payloads (bytes of
 * the picture, a PNG chunk the verifier does not read, or an SVG cut after its payloads change none).
 */
export function meaningOf(kind: Kind, bytes: Uint8Array): string {
  if (kind === 'png' || kind === 'svg') {
    try {
      const found = unbake(bytes);
      return JSON.stringify([payloadMeaning(found.assertion), payloadMeaning(found.credential)]);
    } catch {
      return 'unreadable';
    }
  }
  try {
    return payloadMeaning(text(bytes)) ?? 'unreadable';
  } catch (error) {
    // Nesting deep enough to exhaust the stack here (sortKeys recurses) is a change of meaning.
    if (error instanceof RangeError) return 'too deep to compare';
    throw error;
  }
}

function payloadMeaning(payload: string | undefined): string | undefined {
  if (payload === undefined) return undefined;
  const trimmed = payload.trim();
  if (trimmed.startsWith('{')) {
    const value = parseJson(trimmed);
    return value === undefined ? `text:${trimmed}` : `json:${JSON.stringify(sortKeys(value))}`;
  }
  const parts = partsOf(trimmed);
  if (parts === undefined || !/^[A-Za-z0-9_-]*$/.test(parts.signature)) return `text:${trimmed}`;
  try {
    return `jws:${parts.header}.${parts.payload}.${Buffer.from(base64url.decode(parts.signature)).toString('hex')}`;
  } catch {
    return `text:${trimmed}`;
  }
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key] as Json)]),
  );
}
