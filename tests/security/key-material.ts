/**
 * Finding private key material wherever it could leak (DESIGN §4: never in git, content, the site, logs or
 * messages). A key is looked for in every form a leak could take: its private JWK members (`d`, `p`, `q`,
 * `dp`, `dq`, `qi`; for Ed25519, `d` is the 32-byte seed) as written, and their bytes raw, in hex, and in
 * base64 and base64url at any byte alignment, which covers a PEM or PKCS#8 file (the DER holds the same
 * bytes) and the INSIGNE_SIGNING_KEYS secret (base64url of JSON holding the members as text). Any 16-character
 * run of these is a hit, so a truncated or partly quoted value is found too. Only private bytes make
 * needles: a key's public half (`x`, `n`, `e`) is published on purpose.
 */
import type { StoredPrivateKey } from '../../src/shell/keys.ts';

const WINDOW = 16;
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const;

/** 16-character runs of key material, each with what it comes from. */
export type KeyNeedles = ReadonlyMap<string, string>;

/** The texts an encoding of `bytes` can take inside a longer text, whatever precedes and follows. */
function encodings(bytes: Uint8Array): string[] {
  const buffer = Buffer.from(bytes);
  const out = [buffer.toString('hex'), buffer.toString('hex').toUpperCase(), buffer.toString('latin1')];
  for (let shift = 0; shift < 3; shift++) {
    // After `shift` unknown bytes, base64 characters 4 on are fixed by these bytes alone; the last 4 may
    // depend on the bytes that follow.
    const padded = Buffer.concat([Buffer.alloc(shift), buffer]);
    for (const encoded of [padded.toString('base64'), padded.toString('base64url')]) {
      out.push(shift === 0 ? encoded.replace(/=+$/, '') : encoded.slice(4, -4));
    }
  }
  return out;
}

function addWindows(needles: Map<string, string>, text: string, label: string): void {
  for (let i = 0; i + WINDOW <= text.length; i++) needles.set(text.slice(i, i + WINDOW), label);
}

/** Every needle of the private members of `keys`. */
export function keyNeedles(keys: readonly StoredPrivateKey[]): KeyNeedles {
  const needles = new Map<string, string>();
  for (const key of keys) {
    for (const member of PRIVATE_MEMBERS) {
      const value = (key.jwk as Record<string, unknown>)[member];
      if (typeof value !== 'string') continue;
      const label = `private member ${member} of key ${key.id}`;
      addWindows(needles, value, label);
      for (const text of encodings(Buffer.from(value, 'base64url'))) addWindows(needles, text, label);
      // The member's text encoded again: how it sits inside the base64url secret.
      for (const text of encodings(Buffer.from(value, 'ascii'))) addWindows(needles, text, label);
    }
  }
  return needles;
}

/** What key material `data` holds, with its offset, or undefined. Bytes are read as Latin-1. */
export function findKeyMaterial(needles: KeyNeedles, data: Uint8Array | string): string | undefined {
  const text = typeof data === 'string' ? data : Buffer.from(data).toString('latin1');
  for (let i = 0; i + WINDOW <= text.length; i++) {
    const hit = needles.get(text.slice(i, i + WINDOW));
    if (hit !== undefined) return `${hit} at offset ${i}`;
  }
  return undefined;
}

/** A PEM private key header (PKCS#8, RSA, EC, OpenSSH…). */
export const PEM_PRIVATE = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;

/** A private JWK member written in JSON or YAML: `"d": "…"` or `d: …` with a long base64url value. */
export const JWK_PRIVATE_MEMBER = /(?:^|[\s{,"'])(?:d|p|q|dp|dq|qi)["']?\s*:\s*["']?[A-Za-z0-9_-]{20,}/m;

/** A multibase or hex private key as Data Integrity documents and test vectors write them. */
export const NAMED_PRIVATE_KEY =
  /(?:secretKeyMultibase|privateKeyMultibase|privateKeyHex\w*)["']?\s*:\s*["']?[A-Za-z0-9]{20,}/;
