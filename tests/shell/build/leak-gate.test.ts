/**
 * The leak gate's search (src/shell/build/leak-gate.ts): each encoding a private key can take is found,
 * wherever it sits in a file and at any byte alignment; public key parts are not hits; a folder scan
 * names the files. The build refusing to publish is tested for real in tests/security/leak-gate.test.ts.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeBase58btc } from '../../../src/core/credentials/base58.ts';
import {
  findKeyMaterial,
  formatLeaks,
  type KeyNeedles,
  keyNeedles,
  scanFolder,
  scanFolderConcurrently,
} from '../../../src/shell/build/leak-gate.ts';
import { formatSecret, generateKeyPair, type StoredPrivateKey } from '../../../src/shell/keys.ts';

let ed25519: StoredPrivateKey;
let rsa: StoredPrivateKey;
let needles: KeyNeedles;

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const b64u = (value: string) => Buffer.from(value, 'base64url');

async function pkcs8(key: StoredPrivateKey): Promise<Buffer> {
  const algorithm = key.algorithm === 'Ed25519' ? 'Ed25519' : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const imported = await crypto.subtle.importKey('jwk', key.jwk, algorithm, true, ['sign']);
  return Buffer.from(await crypto.subtle.exportKey('pkcs8', imported));
}

/** A PEM file; the label is spliced so that this file holds no PEM private key header. */
const pem = (der: Buffer) => {
  const label = ['PRIVATE', 'KEY'].join(' ');
  return `-----BEGIN ${label}-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`;
};

beforeAll(async () => {
  const make = async (algorithm: StoredPrivateKey['algorithm'], id: string) => ({
    issuer: 'ecole-test',
    id,
    algorithm,
    jwk: (await generateKeyPair(algorithm, id, '2026-11-28')).privateJwk,
  });
  ed25519 = await make('Ed25519', 'ed-1');
  rsa = await make('RS256', 'rsa-1');
  needles = keyNeedles([ed25519, rsa]);
});

describe('the leak gate finds', () => {
  it('every encoding of a private key, named by key part, at every position in a file', async () => {
    const seed = b64u(ed25519.jwk.d as string);
    const secret = formatSecret([ed25519, rsa]);
    const jwtPayload = Buffer.from(JSON.stringify({ narrative: `pasted: ${secret}` })).toString('base64url');
    const forms: Record<string, Uint8Array> = {
      'raw seed bytes': seed,
      'RSA p, raw bytes': b64u(rsa.jwk.p as string),
      'd as in the JWK': bytes(rsa.jwk.d as string),
      'q in hex': bytes((b64u(rsa.jwk.q as string) as Buffer).toString('hex')),
      'dp in upper-case hex': bytes(
        b64u(rsa.jwk.dp as string)
          .toString('hex')
          .toUpperCase(),
      ),
      'dq in base64': bytes(b64u(rsa.jwk.dq as string).toString('base64')),
      'qi in base64url': bytes(b64u(rsa.jwk.qi as string).toString('base64url')),
      'the secret': bytes(secret),
      'the secret decoded': bytes(Buffer.from(secret, 'base64url').toString('utf8')),
      'the secret inside a JWT payload': bytes(`eyJhbGciOiJSUzI1NiJ9.${jwtPayload}.sig`),
      'Ed25519 PKCS#8 PEM': bytes(pem(await pkcs8(ed25519))),
      'RSA PKCS#8 PEM': bytes(pem(await pkcs8(rsa))),
      'RSA PKCS#8 DER': await pkcs8(rsa),
      'seed in base58': bytes(encodeBase58btc(seed)),
      'seed as a private Multikey': bytes(`z${encodeBase58btc(new Uint8Array([0x80, 0x26, ...seed]))}`),
      'the first 19 characters of d': bytes(`d: ${(rsa.jwk.d as string).slice(0, 19)}…`),
    };
    for (const [form, body] of Object.entries(forms)) {
      for (let shift = 0; shift < 8; shift++) {
        const file = Buffer.concat([
          Buffer.from('<html>'.padEnd(100 + shift, ' ')),
          body,
          Buffer.from('</p>'),
        ]);
        expect(findKeyMaterial(needles, file), `${form}, shifted by ${shift}`).toMatch(
          /^the private part "(d|p|q|dp|dq|qi)" of key "(ed-1|rsa-1)"/,
        );
      }
    }
  });

  it('material at the very start or end of a file, and in a buffer that does not start on a word boundary', () => {
    const seed = b64u(ed25519.jwk.d as string);
    expect(findKeyMaterial(needles, seed)).toContain('"d" of key "ed-1", raw bytes, at byte 0');
    // 19 bytes at the end of a file, whatever its length modulo 4.
    for (let length = 1000; length < 1004; length++) {
      const tail = Buffer.concat([Buffer.alloc(length - 19, 0x20), seed.subarray(5, 24)]);
      expect(findKeyMaterial(needles, tail), `a file of ${length} bytes`).toContain('"d" of key "ed-1"');
    }
    const pool = Buffer.concat([Buffer.alloc(3), Buffer.from('xx'), seed, Buffer.from('yy')]);
    expect(findKeyMaterial(needles, pool.subarray(3))).toContain('"d" of key "ed-1"');
  });

  it('nothing in public key parts, key ids or ordinary text', () => {
    const published = JSON.stringify({
      ed: { kty: 'OKP', crv: 'Ed25519', x: ed25519.jwk.x },
      rsa: { kty: 'RSA', n: rsa.jwk.n, e: rsa.jwk.e },
      ids: [ed25519.id, rsa.id, 'ecole-test'],
    });
    expect(findKeyMaterial(needles, bytes(published))).toBeUndefined();
    expect(findKeyMaterial(needles, b64u(rsa.jwk.n as string))).toBeUndefined();
    expect(findKeyMaterial(needles, new Uint8Array(100_000))).toBeUndefined();
    expect(findKeyMaterial(keyNeedles([]), b64u(ed25519.jwk.d as string))).toBeUndefined();
  });
});

describe('a folder scan', () => {
  it('names every file holding key material, and only those, without the material', () => {
    const dir = mkdtempSync(join(tmpdir(), 'insigne-gate-'));
    mkdirSync(join(dir, 'awards', 'a1'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<p>Nothing to see</p>');
    writeFileSync(join(dir, 'awards', 'a1', 'credential.json'), JSON.stringify({ note: rsa.jwk.qi }));
    writeFileSync(join(dir, 'awards', 'a1', 'badge.png'), b64u(ed25519.jwk.d as string));
    const report = scanFolder(dir, needles);
    expect(report.files).toBe(3);
    expect(report.leaks.map((leak) => leak.path).sort()).toEqual([
      'awards/a1/badge.png',
      'awards/a1/credential.json',
    ]);
    const message = formatLeaks(report);
    expect(message).toContain(
      'Private key material found in 2 file(s) of the new site. Nothing was published.',
    );
    expect(message).toContain('awards/a1/credential.json: the private part "qi" of key "rsa-1"');
    expect(findKeyMaterial(needles, bytes(message))).toBeUndefined();
  });

  it('gives the same report reading many files at a time, as the build does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'insigne-gate-many-'));
    // More files than are read at once, leaks among them, in nested folders.
    for (let i = 0; i < 60; i++) {
      mkdirSync(join(dir, 'awards', `a${i}`), { recursive: true });
      writeFileSync(join(dir, 'awards', `a${i}`, 'index.html'), `<p>Award ${i}</p>`);
      writeFileSync(
        join(dir, 'awards', `a${i}`, 'credential.json'),
        i % 17 === 3 ? JSON.stringify({ note: rsa.jwk.p }) : '{}',
      );
    }
    const expected = scanFolder(dir, needles);
    expect(expected.leaks.map((leak) => leak.path).sort()).toEqual([
      'awards/a20/credential.json',
      'awards/a3/credential.json',
      'awards/a37/credential.json',
      'awards/a54/credential.json',
    ]);
    expect(await scanFolderConcurrently(dir, needles)).toEqual(expected);
  });
});
