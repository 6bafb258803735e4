/**
 * The last gate before publishing (DESIGN §4: "a final gate refuses to publish any file holding key
 * material in any encoding"). Every file of the finished staging folder, pages, data files, images and
 * what Astro copied from `public/`, is searched for the private keys this build holds, and one hit stops the
 * build, naming the file and which key part it holds, never the key.
 *
 * What is looked for, per private JWK member (`d`, `p`, `q`, `dp`, `dq`, `qi`; for Ed25519, `d` is the seed):
 * - its raw bytes (a DER, PKCS#8 or PKCS#1 file holds them as they are), in hex, and in base64 and
 *   base64url at each of the three byte alignments, which covers a PEM file, whatever precedes the member;
 * - its text as a JWK writes it, and that text in base64/base64url at each alignment: how it sits inside
 *   the INSIGNE_SIGNING_KEYS secret (base64url of the stored keys' JSON), whose decoding is that JSON;
 * - that secret form encoded once more, at each alignment: the secret pasted into content that ends up in
 *   a JWT payload or another base64 text;
 * - for Ed25519 seeds, base58btc, bare and as a `privateKeyMultibase` (multicodec 0x8026).
 * The secret's other parts (issuer, key ids, public members) are public and are not needles.
 *
 * Any run of 19 bytes of these is a hit, so a truncated or partly quoted key is found too. Every 16-byte
 * window of every needle is indexed by a hash; a file is read once, as 32-bit words, and the window at
 * every 4th byte is hashed and tested against a bit filter of the needles' hashes (a run of 19 bytes
 * holds such a window); only filter hits are compared byte for byte. The cost is about one operation
 * per byte, whatever the number of needles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { encodeBase58btc } from '../../core/credentials/base58.ts';
import { translator } from '../../core/messages/catalogue.ts';
import { languageOfEnvironment } from '../../core/messages/language.ts';
import { KEYS_ENV, type StoredPrivateKey } from '../keys.ts';
import { eachAtOnce } from './file-batch.ts';

const WINDOW = 16;
/** Positions of a file that are tested: every 4th byte, so any run of key material of 19 bytes or more is found. */
const STEP = 4;
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const;
const FILTER_BITS = 24;

interface Window {
  readonly bytes: Uint8Array;
  readonly label: string;
}

/** The windows of every needle, by hash, behind a bit filter. */
export interface KeyNeedles {
  readonly filter: Uint32Array;
  readonly windows: ReadonlyMap<number, readonly Window[]>;
  readonly count: number;
}

/** The hash of a 16-byte window given as its four little-endian 32-bit words. */
function mix(w0: number, w1: number, w2: number, w3: number): number {
  return (
    Math.imul(w0, 0x9e3779b1) ^
    Math.imul(w1, 0x85ebca77) ^
    Math.imul(w2, 0xc2b2ae3d) ^
    Math.imul(w3 ^ (w0 >>> 13), 0x27d4eb2f)
  );
}

const word = (bytes: Uint8Array, at: number) =>
  ((bytes[at] as number) |
    ((bytes[at + 1] as number) << 8) |
    ((bytes[at + 2] as number) << 16) |
    ((bytes[at + 3] as number) << 24)) >>>
  0;

function hashOf(bytes: Uint8Array, start: number): number {
  return mix(word(bytes, start), word(bytes, start + 4), word(bytes, start + 8), word(bytes, start + 12));
}

/** The texts an encoding of `bytes` takes inside a longer text, whatever precedes and follows it. */
function textEncodings(bytes: Uint8Array): [string, string][] {
  const buffer = Buffer.from(bytes);
  const out: [string, string][] = [
    [buffer.toString('hex'), 'hex'],
    [buffer.toString('hex').toUpperCase(), 'hex'],
  ];
  for (let shift = 0; shift < 3; shift++) {
    // After `shift` unknown bytes, base64 characters 4 on depend on these bytes alone; the last 4 may
    // depend on the bytes that follow.
    const padded = Buffer.concat([Buffer.alloc(shift), buffer]);
    for (const alphabet of ['base64', 'base64url'] as const) {
      const encoded = padded.toString(alphabet);
      out.push([shift === 0 ? encoded.replace(/=+$/, '') : encoded.slice(4, -4), alphabet]);
    }
  }
  return out;
}

const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

/** The byte strings that are key material of one private member, each with what it is. */
function memberForms(value: string, label: string): [Uint8Array, string][] {
  const raw = new Uint8Array(Buffer.from(value, 'base64url'));
  const forms: [Uint8Array, string][] = [
    [raw, `${label}, raw bytes`],
    [ascii(value), `${label}, as in a JWK`],
    ...textEncodings(raw).map(([text, how]): [Uint8Array, string] => [ascii(text), `${label}, in ${how}`]),
  ];
  for (const [inSecret] of textEncodings(ascii(value))) {
    forms.push([ascii(inSecret), `${label}, as in the ${KEYS_ENV} secret`]);
    for (const [again, how] of textEncodings(ascii(inSecret)))
      forms.push([ascii(again), `${label}, the secret in ${how} again`]);
  }
  return forms;
}

/** The needles of the private members of `keys`. */
export function keyNeedles(keys: readonly StoredPrivateKey[]): KeyNeedles {
  const filter = new Uint32Array(1 << (FILTER_BITS - 5));
  const windows = new Map<number, Window[]>();
  let count = 0;
  const add = (bytes: Uint8Array, label: string) => {
    for (let start = 0; start + WINDOW <= bytes.length; start++) {
      const hash = hashOf(bytes, start);
      const slot = hash >>> (32 - FILTER_BITS);
      filter[slot >>> 5] = (filter[slot >>> 5] as number) | (1 << (slot & 31));
      const list = windows.get(hash) ?? [];
      list.push({ bytes: bytes.subarray(start, start + WINDOW), label });
      windows.set(hash, list);
      count++;
    }
  };
  for (const key of keys) {
    for (const member of PRIVATE_MEMBERS) {
      const value = (key.jwk as Record<string, unknown>)[member];
      if (typeof value !== 'string' || value === '') continue;
      const label = `the private part "${member}" of key "${key.id}"`;
      for (const [bytes, what] of memberForms(value, label)) add(bytes, what);
      if (key.algorithm === 'Ed25519' && member === 'd') {
        const seed = new Uint8Array(Buffer.from(value, 'base64url'));
        add(ascii(encodeBase58btc(seed)), `${label}, in base58`);
        const multikey = new Uint8Array([0x80, 0x26, ...seed]);
        add(ascii(`z${encodeBase58btc(multikey)}`), `${label}, as a private Multikey`);
      }
    }
  }
  return { filter, windows, count };
}

function sameWindow(bytes: Uint8Array, start: number, window: Uint8Array): boolean {
  for (let i = 0; i < WINDOW; i++) if (bytes[start + i] !== window[i]) return false;
  return true;
}

/** Tests the windows of `bytes` that start at a multiple of STEP; `bytes` starts on a 4-byte boundary. */
function findAligned(needles: KeyNeedles, bytes: Uint8Array): string | undefined {
  const { filter, windows } = needles;
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2);
  const shift = 32 - FILTER_BITS;
  for (let k = 0; k + 4 <= words.length; k++) {
    const hash = mix(
      words[k] as number,
      words[k + 1] as number,
      words[k + 2] as number,
      words[k + 3] as number,
    );
    const slot = hash >>> shift;
    if (((filter[slot >>> 5] as number) & (1 << (slot & 31))) === 0) continue;
    for (const window of windows.get(hash) ?? []) {
      if (sameWindow(bytes, k * STEP, window.bytes)) return `${window.label}, at byte ${k * STEP}`;
    }
  }
  return undefined;
}

/**
 * What key material `bytes` holds, with its offset, or undefined. A run of 19 bytes or more is always
 * found: the needles hold its windows at every offset, and one of them starts on a multiple of 4 (also
 * at the end of the file, since the last word the 32-bit view holds ends on a multiple of 4).
 */
export function findKeyMaterial(needles: KeyNeedles, bytes: Uint8Array): string | undefined {
  if (bytes.length < WINDOW || needles.count === 0) return undefined;
  // The 32-bit view needs a 4-byte aligned start: a buffer cut from a larger one is copied.
  return findAligned(needles, bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes));
}

export interface LeakReport {
  /** Each file holding key material (site path), with what it holds; empty when the site is clean. */
  readonly leaks: readonly { readonly path: string; readonly what: string }[];
  readonly files: number;
  readonly bytes: number;
}

/** Searches every file under `dir` (symbolic links followed) for the needles. */
export function scanFolder(dir: string, needles: KeyNeedles): LeakReport {
  const leaks: { path: string; what: string }[] = [];
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    const path = join(entry.parentPath, entry.name);
    let body: Uint8Array;
    try {
      body = readFileSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EISDIR') continue;
      throw error;
    }
    files++;
    bytes += body.length;
    const found = findKeyMaterial(needles, body);
    if (found !== undefined) leaks.push({ path: relative(dir, path).split(sep).join('/'), what: found });
  }
  return { leaks, files, bytes };
}

/** Files read at a time by `scanFolderConcurrently`. */
const READS_AT_ONCE = 16;

/**
 * `scanFolder` with several files read at a time, for a whole site: reading one file after another, the
 * search waits on the file system most of the time. Same files, same report, in the same order.
 */
export async function scanFolderConcurrently(dir: string, needles: KeyNeedles): Promise<LeakReport> {
  const paths = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => join(entry.parentPath, entry.name));
  const found: ({ size: number; what: string | undefined } | undefined)[] = new Array(paths.length);
  await eachAtOnce(paths, READS_AT_ONCE, async (path, index) => {
    let body: Uint8Array;
    try {
      body = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EISDIR') return;
      throw error;
    }
    found[index] = { size: body.length, what: findKeyMaterial(needles, body) };
  });
  const leaks: { path: string; what: string }[] = [];
  let files = 0;
  let bytes = 0;
  for (const [index, result] of found.entries()) {
    if (result === undefined) continue;
    files++;
    bytes += result.size;
    if (result.what !== undefined)
      leaks.push({
        path: relative(dir, paths[index] as string)
          .split(sep)
          .join('/'),
        what: result.what,
      });
  }
  return { leaks, files, bytes };
}

/** The refusal, one line per file, in the system's language; it names key parts and files, never key material. */
export function formatLeaks(report: LeakReport): string {
  const lines = report.leaks.map(({ path, what }) => `  ✖ ${path}: ${what}`);
  const t = translator(languageOfEnvironment(process.env));
  return [t('build.siteLeak', { count: report.leaks.length }), ...lines, t('build.siteLeak.hint')].join('\n');
}
