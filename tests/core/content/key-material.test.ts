import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findKeyMaterial, keyNeedles, linesWithKeyMaterial } from '../../../src/core/content/key-material.ts';
import { formatSecret, generateKeyPair } from '../../../src/shell/keys.ts';
import { PROJECT_ROOT } from '../../helpers/project.ts';

const ed = await generateKeyPair('Ed25519', 'ed25519-test', '2026-11-01');
const rsa = await generateKeyPair('RS256', 'rs256-test', '2026-11-01');
const stored = [
  { issuer: 'ecole-test', id: 'ed25519-test', algorithm: 'Ed25519' as const, jwk: ed.privateJwk },
  { issuer: 'ecole-test', id: 'rs256-test', algorithm: 'RS256' as const, jwk: rsa.privateJwk },
];
const needles = keyNeedles(stored.map((k) => ({ id: k.id, jwk: k.jwk as Record<string, unknown> })));
const seed = Buffer.from(ed.privateJwk.d as string, 'base64url');
const label = ['PRIVATE', 'KEY'].join(' ');

async function pkcs8(jwk: JsonWebKey, algorithm: AlgorithmIdentifier | RsaHashedImportParams) {
  const key = await crypto.subtle.importKey('jwk', jwk, algorithm, true, ['sign']);
  return Buffer.from(await crypto.subtle.exportKey('pkcs8', key));
}
const edDer = await pkcs8(ed.privateJwk, 'Ed25519');
const rsaDer = await pkcs8(rsa.privateJwk, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' });
const pem = (der: Buffer) => `-----BEGIN ${label}-----\n${der.toString('base64')}\n-----END ${label}-----`;

describe('findKeyMaterial, by shape (no key known)', () => {
  it.each([
    ['the CI secret', formatSecret(stored), 'the signing-key secret'],
    ['the CI secret, truncated', formatSecret(stored).slice(0, 40), 'the signing-key secret'],
    ['a PEM private key', pem(edDer), 'a PEM private key'],
    ['an OpenSSH key header', `-----BEGIN OPENSSH ${label}-----`, 'a PEM private key'],
    ['a private JWK', JSON.stringify(rsa.privateJwk), 'a private JWK member'],
    ['a YAML private member', `x: abc\nd: ${ed.privateJwk.d}`, 'a private JWK member'],
    ['a PKCS#8 Ed25519 key without PEM lines', edDer.toString('base64'), 'a PKCS#8 private key in base64'],
    ['a PKCS#8 RSA key without PEM lines', rsaDer.toString('base64'), 'a PKCS#8 private key in base64'],
    ['DER bytes in a binary file', `\x89PNG${edDer.toString('latin1')}`, 'a PKCS#8 private key in DER'],
    ['a PEM in base64', Buffer.from(pem(rsaDer)).toString('base64'), 'a PEM private key, base64-encoded'],
    [
      'a private JWK in base64url',
      `jwk=${Buffer.from(JSON.stringify(ed.privateJwk)).toString('base64url')}`,
      'a private JWK member, base64-encoded',
    ],
  ])('finds %s', (_, text, what) => {
    expect(findKeyMaterial(text)?.what).toBe(what);
  });

  it('finds nothing in public keys, a JWT header or ordinary prose', () => {
    const jwtHeader = Buffer.from('{"alg":"RS256","kid":"https://ecole.example/k"}').toString('base64url');
    for (const text of [
      JSON.stringify(ed.publicKey.publicKeyJwk),
      JSON.stringify(rsa.publicKey.publicKeyJwk),
      `${jwtHeader}.eyJzdWIiOiJ4In0.c2lnbmF0dXJl`,
      'Le robot suit une ligne noire sur deux mètres. Niveau d: débutant.',
    ])
      expect(findKeyMaterial(text), text).toBeUndefined();
  });

  it('finds nothing in the example site content', () => {
    const dir = join(PROJECT_ROOT, 'content');
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const text = readFileSync(join(entry.parentPath, entry.name)).toString('latin1');
      expect(findKeyMaterial(text, needles), entry.name).toBeUndefined();
    }
  });
});

describe("findKeyMaterial, the project's own keys", () => {
  it.each([
    ['the seed in hex', `graine ${seed.toString('hex')}`],
    ['the seed in upper-case hex', seed.toString('hex').toUpperCase()],
    ['the seed in base64', seed.toString('base64')],
    ['the seed as raw bytes', `\0\0IDAT${seed.toString('latin1')}`],
    ['a truncated RSA member', `qi ${(rsa.privateJwk.qi as string).slice(5, 25)}`],
    [
      'an RSA prime in base64 at an odd offset',
      `x${Buffer.from(rsa.privateJwk.p as string, 'base64url')
        .subarray(1)
        .toString('base64')}`,
    ],
  ])('finds %s, naming the key', (_, text) => {
    expect(findKeyMaterial(text, needles)?.what).toMatch(/^the private key "(ed25519|rs256)-test"$/);
  });

  it('never returns the material, only what and where', () => {
    const hit = findKeyMaterial(`abc ${seed.toString('hex')}`, needles);
    expect(hit).toEqual({ what: 'the private key "ed25519-test"', offset: 4 });
  });
});

describe('linesWithKeyMaterial', () => {
  it('gives each line holding material', () => {
    const text = `name: x\nd: ${ed.privateJwk.d}\nok\n${seed.toString('hex')}\n`;
    expect([...linesWithKeyMaterial(text, needles)]).toEqual([
      [2, 'a private JWK member'],
      [4, 'the private key "ed25519-test"'],
    ]);
  });
});
