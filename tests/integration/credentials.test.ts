/**
 * The signed example site, checked offline the way verifiers do: every OB 3.0 credential against the
 * official schema, its Data Integrity proof against the published did.json, its VC-JWT against the
 * published bare JWK; every OB 2.0 assertion hosted at its id and signed with its CryptographicKey;
 * revocation visible in the status list, the revocation list and the hosted body; expiry in validUntil.
 */
import { createPublicKey } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compactVerify, importJWK, importSPKI } from 'jose';
import { describe, expect, inject, it } from 'vitest';
import { verifyDataIntegrity } from '../../src/core/credentials/data-integrity.ts';
import type { DidDocument } from '../../src/core/credentials/ob3/did-document.ts';
import { decodeStatusList, isStatusSet } from '../../src/core/credentials/ob3/status-list.ts';
import { loadContent } from '../../src/shell/content.ts';
import { keyFromDidDocument } from '../core/credentials/resolve.ts';
import { schemaErrors } from '../core/credentials/schema.ts';

const dist = inject('exampleDist');
const root = inject('exampleRoot');
const SITE = 'https://lycee-trois-rivieres.github.io/badges/';
const content = loadContent(root, '2026-11-28');
if (!content.ok) throw new Error('example content must be valid');
const model = content.model;
const awards = [...model.awards.values()];
const byName = (name: string) => awards.find((a) => a.recipient.name === name) ?? expect.unreachable(name);

/** Reads the file a published URL points to. */
function fetchLocal(url: string): string {
  expect(url.startsWith(SITE), `${url} is on the site`).toBe(true);
  return readFileSync(join(dist, url.slice(SITE.length)), 'utf8');
}
const json = (path: string) => JSON.parse(readFileSync(join(dist, path), 'utf8'));

describe('OB 3.0 credentials', () => {
  const did: DidDocument = json('issuers/lycee-trois-rivieres/did.json');

  it('did.json is served where did:web says', () => {
    expect(did.id).toBe('did:web:lycee-trois-rivieres.github.io:badges:issuers:lycee-trois-rivieres');
    expect(did.assertionMethod.every((m) => m.startsWith(`${did.id}#`))).toBe(true);
  });

  for (const award of awards) {
    it(`${award.recipient.name}: schema, Data Integrity proof and VC-JWT verify`, async () => {
      const credential = json(`awards/${award.id}/credential.json`);
      expect(schemaErrors(credential)).toEqual([]);
      expect(credential.id).toBe(`urn:uuid:${award.id}`);
      const [proof] = credential.proof;
      const publicKey = await keyFromDidDocument(did, proof.verificationMethod);
      expect(await verifyDataIntegrity(credential, publicKey)).toMatchObject({ verified: true });

      const jwt = readFileSync(join(dist, `awards/${award.id}/credential.jwt`), 'utf8');
      const header = JSON.parse(Buffer.from(jwt.split('.')[0] ?? '', 'base64url').toString());
      expect(Object.keys(header).sort()).toEqual(['alg', 'kid']);
      expect(header.alg).toBe('RS256');
      const jwk = JSON.parse(fetchLocal(header.kid));
      expect(jwk).not.toHaveProperty('d');
      const { payload } = await compactVerify(jwt, await importJWK(jwk, 'RS256'));
      const claims = JSON.parse(new TextDecoder().decode(payload));
      expect(claims.iss).toBe(credential.issuer.id);
      expect(claims.jti).toBe(credential.id);
      expect(claims.sub).toBe(credential.credentialSubject.id);
      expect(claims.nbf).toBe(Date.parse(credential.validFrom) / 1000);
      expect(claims.exp).toBe(credential.validUntil ? Date.parse(credential.validUntil) / 1000 : undefined);
      // Published apart: the JWS proves the payload, the Data Integrity proof stays in the JSON.
      expect(claims).not.toHaveProperty('proof');
      const { proof: _proof, ...unsecured } = credential;
      expect(claims).toMatchObject(unsecured);
    });
  }

  it('marks expiry in validUntil and exp', () => {
    const credential = json(`awards/${byName('Thomas Petit').id}/credential.json`);
    expect(credential.validUntil).toBe('2025-06-12T00:00:00Z');
    expect(json(`awards/${byName('Zoé Lefèvre').id}/credential.json`).validUntil).toBeUndefined();
  });

  it('publishes a signed status list with exactly the revoked awards set', async () => {
    const list = json('issuers/lycee-trois-rivieres/status-list.json');
    const publicKey = await keyFromDidDocument(did, list.proof[0].verificationMethod);
    expect(await verifyDataIntegrity(list, publicKey)).toMatchObject({ verified: true });
    const bits = await decodeStatusList(list.credentialSubject.encodedList);
    expect(bits.length * 8).toBeGreaterThanOrEqual(131_072);
    for (const award of awards) {
      const entry = json(`awards/${award.id}/credential.json`).credentialStatus;
      expect(entry.statusListCredential).toBe(list.id);
      expect(isStatusSet(bits, Number(entry.statusListIndex))).toBe(award.revocation !== undefined);
    }
  });
});

describe('OB 2.0 assertions', () => {
  it('hosts every object at exactly its id', () => {
    for (const award of awards.filter((a) => !a.revocation)) {
      const assertion = json(`awards/${award.id}/assertion.json`);
      expect(JSON.parse(fetchLocal(assertion.id))).toEqual(assertion);
      const badgeClass = JSON.parse(fetchLocal(assertion.badge));
      const profile = JSON.parse(fetchLocal(badgeClass.issuer));
      expect(profile.type).toBe('Issuer');
      expect(assertion.recipient).toMatchObject({ type: 'email', hashed: true, salt: award.recipient.salt });
    }
  });

  it('serves a revoked assertion as {id, revoked: true, revocationReason}', () => {
    const award = byName('Chloé Girard');
    const body = json(`awards/${award.id}/assertion.json`);
    expect(body).toMatchObject({ revoked: true, revocationReason: award.revocation?.reason });
    expect(body.recipient).toBeUndefined();
    const list = json('issuers/lycee-trois-rivieres/revocations-ob2.json');
    expect(JSON.stringify(list.revokedAssertions)).toContain(`urn:uuid:${award.id}`);
  });

  for (const award of awards.slice(0, 5)) {
    it(`${award.recipient.name}: the signed JWS verifies with its CryptographicKey`, async () => {
      const jws = readFileSync(join(dist, `awards/${award.id}/assertion.jws`), 'utf8');
      const claims = JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString());
      expect(claims.verification.type).toBe('SignedBadge');
      const key = JSON.parse(fetchLocal(claims.verification.creator));
      const profile = JSON.parse(fetchLocal(key.owner));
      expect(profile.publicKey).toContain(key.id);
      expect(createPublicKey(key.publicKeyPem).asymmetricKeyDetails?.modulusLength).toBeGreaterThanOrEqual(
        2048,
      );
      await expect(compactVerify(jws, await importSPKI(key.publicKeyPem, 'RS256'))).resolves.toBeDefined();
    });
  }
});

describe('secrets and determinism', () => {
  it('publishes no private key material', () => {
    const stored = readdirSync(join(root, '.keys', 'lycee-trois-rivieres')).map((f) =>
      JSON.parse(readFileSync(join(root, '.keys', 'lycee-trois-rivieres', f), 'utf8')),
    );
    const files = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    for (const file of files) {
      const text = readFileSync(join(file.parentPath, file.name), 'latin1');
      expect(text).not.toMatch(/PRIVATE KEY/);
      expect(text).not.toMatch(/"d"\s*:/);
      for (const key of stored) expect(text).not.toContain(key.jwk.d);
    }
  });

  it('gives byte-identical output for the same content and keys', () => {
    const again = inject('exampleDistAgain');
    const list = (dir: string) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(dir.length))
        .sort();
    const names = list(dist);
    expect(list(again)).toEqual(names);
    for (const name of names)
      expect(readFileSync(join(again, name)).equals(readFileSync(join(dist, name))), name).toBe(true);
  });

  it('marks a build without keys as a preview, loudly', () => {
    expect(json('insigne-build.json')).toEqual({ preview: false, builtOn: '2026-11-28' });
    const preview = JSON.parse(readFileSync(join(inject('previewDist'), 'insigne-build.json'), 'utf8'));
    expect(preview.preview).toBe(true);
    expect(inject('previewBuildLog')).toContain('PREVIEW BUILD');
    expect(inject('exampleBuildLog')).not.toContain('PREVIEW BUILD');
    // A signed build of the example prints no warning at all (the MDX badge's bundler notice included);
    // a preview build prints only its own preview warning.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal colour codes are removed first.
    const plain = (log: string) => log.replace(/\u001b\[[0-9;]*m/g, '');
    expect(plain(inject('exampleBuildLog'))).not.toMatch(/\[WARN\]|\bwarning\b/i);
    expect(plain(inject('previewBuildLog')).match(/\[WARN\] \[[^\]]+\]/g) ?? []).toEqual([
      '[WARN] [insigne]',
      '[WARN] [insigne]',
    ]);
  });
});
