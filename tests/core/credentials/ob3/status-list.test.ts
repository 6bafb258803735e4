/** Bitstring Status List (W3C REC, DIGEST §3.7): bit order, size, encoding, signing, determinism. */
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { signDataIntegrity, verifyDataIntegrity } from '../../../../src/core/credentials/data-integrity.ts';
import { toDidDocument } from '../../../../src/core/credentials/ob3/did-document.ts';
import {
  decodeStatusList,
  encodeStatusList,
  isStatusSet,
  revokedIndexesOf,
  STATUS_LIST_MIN_ENTRIES,
  toBitstring,
  toStatusListCredential,
} from '../../../../src/core/credentials/ob3/status-list.ts';
import { keyFromDidDocument } from '../resolve.ts';
import { makeSite, type Site } from '../site.ts';

let site: Site;
beforeAll(async () => {
  site = await makeSite();
});

const BUILD_DATE = '2026-06-01T00:00:00Z';

describe('the bitstring', () => {
  it('sets index 0 as the most significant bit of byte 0, index 9 as bit 6 of byte 1', () => {
    const bits = toBitstring([0, 9, 131_071]);
    expect(bits.length).toBe(16_384);
    expect(bits[0]).toBe(0b1000_0000);
    expect(bits[1]).toBe(0b0100_0000);
    expect(bits[16_383]).toBe(0b0000_0001);
    expect(bits.slice(2, 16_383).every((byte) => byte === 0)).toBe(true);
    expect([0, 1, 8, 9, 131_071].map((index) => isStatusSet(bits, index))).toEqual([
      true,
      false,
      false,
      true,
      true,
    ]);
  });

  it('has at least 131 072 entries and grows by whole blocks', () => {
    expect(toBitstring([]).length * 8).toBe(STATUS_LIST_MIN_ENTRIES);
    expect(toBitstring([131_072]).length * 8).toBe(2 * STATUS_LIST_MIN_ENTRIES);
    expect(() => toBitstring([-1])).toThrow(expect.objectContaining({ code: 'ERR_STATUS_INDEX' }));
    expect(() => isStatusSet(toBitstring([]), 131_072)).toThrow(
      expect.objectContaining({ code: 'ERR_STATUS_INDEX' }),
    );
  });

  it('encodes as u + base64url(gzip), decodable by zlib and DecompressionStream, in ~100 bytes', async () => {
    const bits = toBitstring([7, 12, 99_999]);
    const encoded = encodeStatusList(bits);
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    expect(encoded.length).toBeLessThan(200);
    expect(new Uint8Array(gunzipSync(Buffer.from(encoded.slice(1), 'base64url')))).toEqual(bits);
    expect(await decodeStatusList(encoded)).toEqual(bits);
    await expect(decodeStatusList('zabc')).rejects.toMatchObject({ code: 'ERR_STATUS_LIST_ENCODING' });
  });
});

describe('toStatusListCredential', () => {
  it('marks exactly the revoked awards, and is a signed, verifiable BitstringStatusListCredential', async () => {
    const revoked = revokedIndexesOf(Object.values(site.awards));
    expect(revoked).toEqual([7]);
    const list = toStatusListCredential(site.issuer, revoked, { urls: site.urls, validFrom: BUILD_DATE });
    expect(list).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: 'https://lycee-exemple.github.io/badges/issuers/lycee/status-list.json',
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: 'did:web:lycee-exemple.github.io:badges:issuers:lycee',
      validFrom: BUILD_DATE,
      credentialSubject: {
        id: 'https://lycee-exemple.github.io/badges/issuers/lycee/status-list.json#list',
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
      },
    });
    const bits = await decodeStatusList(list.credentialSubject.encodedList);
    for (const award of Object.values(site.awards)) {
      expect(isStatusSet(bits, award.statusIndex), award.id).toBe(award.revocation !== undefined);
    }

    const method = site.urls.keyDidUrl(site.issuer.slug, site.signer.ed25519.keyId);
    const signed = await signDataIntegrity(list, {
      privateKey: site.signer.ed25519.privateKey,
      verificationMethod: method,
      created: BUILD_DATE,
    });
    const key = await keyFromDidDocument(toDidDocument(site.issuer, site.urls), method);
    expect(await verifyDataIntegrity(signed, key)).toMatchObject({ verified: true });
    const flipped = {
      ...signed,
      credentialSubject: { ...signed.credentialSubject, encodedList: encodeStatusList(toBitstring([])) },
    };
    expect(await verifyDataIntegrity(flipped, key)).toMatchObject({ verified: false });
  });

  it('is byte-identical for the same revocations, whatever their order', () => {
    const a = toStatusListCredential(site.issuer, [7, 3, 12], { urls: site.urls, validFrom: BUILD_DATE });
    const b = toStatusListCredential(site.issuer, [12, 7, 3], { urls: site.urls, validFrom: BUILD_DATE });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(() =>
      toStatusListCredential(site.issuer, [], { urls: site.urls, validFrom: '2026-06-01' }),
    ).toThrow(expect.objectContaining({ code: 'ERR_DATE_INVALID' }));
  });
});
