/**
 * Finding private key material in text (DESIGN.md §4: never in content, git, the site, logs or messages).
 * Two kinds of evidence:
 * - shapes any private key takes: a PEM private key block, a private JWK member (`d`, `p`, `q`, `dp`, `dq`,
 *   `qi`), a Data Integrity private key field, the signing-key secret (base64url of `{"keys":[…`), a PKCS#8
 *   key in DER or base64 without its PEM lines, and any of these inside base64-encoded JSON or PEM;
 * - the project's own private keys, when the caller has them: their private members as written, and their
 *   bytes raw, in hex, and in base64 and base64url at any byte alignment (which covers a PEM or PKCS#8 file,
 *   whose DER holds the same bytes, and the secret, which is base64url of JSON holding the members as text).
 *   Any 16-character run is a hit, so a truncated or partly quoted key is found too. Only private bytes
 *   make needles: a key's public half (`x`, `n`, `e`) is published on purpose.
 * Every scan is linear in the text: bounded patterns, one pass over base64 runs, one lookup per position.
 * Binary files are scanned as Latin-1 text (one character per byte). Results never hold the material.
 */

/** A PEM private key header (PKCS#8, RSA, EC, encrypted, OpenSSH, PGP…). */
export const PEM_PRIVATE = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY/;

/** A private JWK member written in JSON or YAML: `"d": "…"` or `d: …` with a long base64url value. */
export const JWK_PRIVATE_MEMBER =
  /(?:^|[\s{,"'])(?:d|p|q|dp|dq|qi)["']?[ \t]*:[ \t]*["']?[A-Za-z0-9_-]{20,}/m;

/** A multibase or hex private key as Data Integrity documents and test vectors write them. */
export const NAMED_PRIVATE_KEY =
  /(?:secretKeyMultibase|privateKeyMultibase|privateKeyHex[A-Za-z]{0,20})["']?[ \t]*:[ \t]*["']?[A-Za-z0-9]{20,}/;

/** The INSIGNE_SIGNING_KEYS secret: base64url of `{"keys":[`, then the stored keys. */
export const SIGNING_SECRET = /eyJrZXlzIjpb[A-Za-z0-9_-]{20,}/;

/**
 * A PKCS#8 private key (Ed25519 or RSA) or a PKCS#1 RSA key in base64, without its PEM lines. The Ed25519
 * header is spelt in two parts so that this file does not itself hold what it looks for.
 */
const BASE64_DER = new RegExp(
  `${'MC4CAQAwBQYD'}${'K2VwBCIEI'}|MII[A-Za-z0-9+/]{3}IBADANBgkqhkiG9w0BAQEFAASC|MII[A-Za-z0-9+/]{3}IBAAKC`,
);

/** The same PKCS#8 headers as raw DER bytes (read as Latin-1), as a binary file would hold them. */
const RAW_DER = [
  bytesText([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]),
  bytesText([0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]),
];

const PATTERNS: readonly [RegExp, string][] = [
  [PEM_PRIVATE, 'a PEM private key'],
  [SIGNING_SECRET, 'the signing-key secret'],
  [JWK_PRIVATE_MEMBER, 'a private JWK member'],
  [NAMED_PRIVATE_KEY, 'a private key field'],
  [BASE64_DER, 'a PKCS#8 private key in base64'],
];

/** Base64 text long enough to hold a key, starting with `{"` (`eyJ`) or `-----BEGIN` (`LS0tLS1CRUdJTi`). */
const ENCODED_START = /eyJ|LS0tLS1CRUdJTi/;
const BASE64_CHARS = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-')
  BASE64_CHARS[c.charCodeAt(0)] = 1;
const isBase64Char = (code: number) => code < 128 && BASE64_CHARS[code] === 1;
const MIN_ENCODED = 24;
/** Decoding stops here: a key and its JSON fit many times over. */
const MAX_DECODED = 65_536;

const WINDOW = 16;
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const;

/** A private key as the shell holds it: an id for messages and the private JWK. */
export interface PrivateKeyRecord {
  readonly id: string;
  readonly jwk: Readonly<Record<string, unknown>>;
}

/** 16-character runs of the project's key material, each with what it comes from. */
export type KeyNeedles = ReadonlyMap<string, string>;

/** Rolling hash of a 16-character window (any polynomial hash would do: a hit is confirmed by lookup). */
const HASH_BASE = 257;
const HASH_TOP = (() => {
  let top = 1;
  for (let i = 1; i < 16; i++) top = Math.imul(top, HASH_BASE);
  return top;
})();

function windowHash(text: string, from: number): number {
  let hash = 0;
  for (let i = from; i < from + 16; i++) hash = (Math.imul(hash, HASH_BASE) + text.charCodeAt(i)) | 0;
  return hash;
}

const hashesOf = new WeakMap<KeyNeedles, Set<number>>();

function needleHashes(needles: KeyNeedles): Set<number> {
  let hashes = hashesOf.get(needles);
  if (!hashes) {
    hashes = new Set([...needles.keys()].map((needle) => windowHash(needle, 0)));
    hashesOf.set(needles, hashes);
  }
  return hashes;
}

/** Something found: what it is (never the material itself) and where it starts. */
export interface KeyMaterialHit {
  readonly what: string;
  readonly offset: number;
}

function bytesText(bytes: readonly number[] | Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

function toBase64(bytes: Uint8Array, url: boolean): string {
  const standard = btoa(bytesText(bytes));
  return url ? standard.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : standard;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Bytes of base64 or base64url text (padding optional); undefined when it is not base64. */
function fromBase64(text: string): Uint8Array | undefined {
  const standard = text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  const usable = standard.slice(0, standard.length - (standard.length % 4 === 1 ? 1 : 0));
  try {
    const binary = atob(usable + '='.repeat((4 - (usable.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

/** The texts an encoding of `bytes` can take inside a longer text, whatever precedes and follows. */
function encodings(bytes: Uint8Array): string[] {
  const hex = toHex(bytes);
  const out = [hex, hex.toUpperCase(), bytesText(bytes)];
  for (let shift = 0; shift < 3; shift++) {
    // After `shift` unknown bytes, base64 characters 4 on are fixed by these bytes alone; the last 4 may
    // depend on the bytes that follow.
    const padded = new Uint8Array(shift + bytes.length);
    padded.set(bytes, shift);
    for (const encoded of [toBase64(padded, false), toBase64(padded, true)]) {
      out.push(shift === 0 ? encoded.replace(/=+$/, '') : encoded.slice(4, -4));
    }
  }
  return out;
}

function addWindows(needles: Map<string, string>, text: string, label: string): void {
  for (let i = 0; i + WINDOW <= text.length; i++) needles.set(text.slice(i, i + WINDOW), label);
}

/** Every needle of the private members of `keys`. */
export function keyNeedles(keys: readonly PrivateKeyRecord[]): KeyNeedles {
  const needles = new Map<string, string>();
  for (const key of keys) {
    for (const member of PRIVATE_MEMBERS) {
      const value = key.jwk[member];
      if (typeof value !== 'string') continue;
      const label = `the private key "${key.id}"`;
      addWindows(needles, value, label);
      const bytes = fromBase64(value);
      if (bytes) for (const text of encodings(bytes)) addWindows(needles, text, label);
      // The member's text encoded again: how it sits inside the base64url secret.
      for (const text of encodings(ascii(value))) addWindows(needles, text, label);
    }
  }
  return needles;
}

/** The first of the project's own keys found in `text`, by 16-character windows (no shapes, no decoding). */
export function findKnownKey(text: string, needles: KeyNeedles): KeyMaterialHit | undefined {
  if (needles.size === 0 || text.length < WINDOW) return undefined;
  const hashes = needleHashes(needles);
  let hash = windowHash(text, 0);
  for (let i = 0; ; i++) {
    if (hashes.has(hash)) {
      const what = needles.get(text.slice(i, i + WINDOW));
      if (what !== undefined) return { what, offset: i };
    }
    if (i + WINDOW >= text.length) return undefined;
    const out = Math.imul(text.charCodeAt(i), HASH_TOP);
    hash = (Math.imul(hash - out, HASH_BASE) + text.charCodeAt(i + WINDOW)) | 0;
  }
}

/** Shapes of key material directly in `text`, without decoding anything. */
function findShape(text: string): KeyMaterialHit | undefined {
  let best: KeyMaterialHit | undefined;
  for (const [pattern, what] of PATTERNS) {
    const match = pattern.exec(text);
    if (match && (best === undefined || match.index < best.offset)) best = { what, offset: match.index };
  }
  for (const der of RAW_DER) {
    const at = text.indexOf(der);
    if (at >= 0 && (best === undefined || at < best.offset))
      best = { what: 'a PKCS#8 private key in DER', offset: at };
  }
  return best;
}

/** Key material inside base64-encoded JSON or PEM: each run of base64 characters is decoded once. */
function findEncoded(text: string, needles: KeyNeedles): KeyMaterialHit | undefined {
  let i = 0;
  while (i < text.length) {
    if (!isBase64Char(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && isBase64Char(text.charCodeAt(end))) end++;
    if (end - i >= MIN_ENCODED) {
      const run = text.slice(i, Math.min(end, i + MAX_DECODED));
      const start = run.search(ENCODED_START);
      const bytes = start < 0 ? undefined : fromBase64(run.slice(start));
      if (bytes) {
        const decoded = bytesText(bytes);
        const inner = findShape(decoded) ?? findKnownKey(decoded, needles);
        if (inner) return { what: `${inner.what}, base64-encoded`, offset: i + start };
      }
    }
    i = end;
  }
  return undefined;
}

/** The first key material in `text`, or undefined. `needles` are the project's own keys, if known. */
export function findKeyMaterial(text: string, needles: KeyNeedles = new Map()): KeyMaterialHit | undefined {
  const hits = [findShape(text), findKnownKey(text, needles), findEncoded(text, needles)].filter(
    (hit): hit is KeyMaterialHit => hit !== undefined,
  );
  return hits.sort((a, b) => a.offset - b.offset)[0];
}

/** Every line of `text` holding key material (1-based), with what it holds first. */
export function linesWithKeyMaterial(text: string, needles: KeyNeedles = new Map()): Map<number, string> {
  const lines = new Map<number, string>();
  // Most files hold none: one pass over the whole text answers for them.
  if (findKeyMaterial(text, needles) === undefined) return lines;
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    const hit = findKeyMaterial(text.slice(start, stop), needles);
    if (hit) lines.set(line, hit.what);
    if (end < 0) break;
    start = end + 1;
    line++;
  }
  return lines;
}
