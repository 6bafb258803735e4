/**
 * eddsa-rdfc-2022 against the Open Badges 3.0 specification's own test vector
 * (1EdTech/openbadges-specification ob_v3p0/impl/linked-data-proof-ob.html; deterministic bytes).
 */
import { describe, expect, it } from 'vitest';
import {
  hashDataIntegrity,
  signDataIntegrity,
  verifyDataIntegrity,
} from '../../../src/core/credentials/data-integrity.ts';
import type { JsonObject } from '../../../src/core/credentials/json.ts';
import { ed25519KeyPairFromSeed, toEd25519Multikey } from '../../../src/core/credentials/multikey.ts';
import { hex, toHex, vectorJson, vectorText } from './vectors.ts';

interface Vector {
  keyPair: { publicKeyHex: string; privateKeyHex_seedThenPublic_64bytes: string; publicKeyMultibase: string };
  proofOptionsBeforeSigning: JsonObject & { created: string; verificationMethod: string };
  documentHashHex: string;
  proofConfigHashHex: string;
  hashDataHex_proofConfigHash_then_documentHash: string;
  signatureHex: string;
  proofValue: string;
}

const vector = vectorJson<Vector>('ob3-eddsa-rdfc-2022/vector.json');
const unsigned = vectorJson<JsonObject>('ob3-eddsa-rdfc-2022/credential-unsigned.json');
const seed = hex(vector.keyPair.privateKeyHex_seedThenPublic_64bytes.slice(0, 64));

describe('eddsa-rdfc-2022 spec test vector', () => {
  it('derives the published public key and Multikey from the seed', async () => {
    const { publicKeyBytes } = await ed25519KeyPairFromSeed(seed);
    expect(toHex(publicKeyBytes)).toBe(vector.keyPair.publicKeyHex);
    expect(toEd25519Multikey(publicKeyBytes)).toBe(vector.keyPair.publicKeyMultibase);
  });

  it('canonicalizes document and proof options byte for byte, and hashes them', async () => {
    const result = await hashDataIntegrity(unsigned, vector.proofOptionsBeforeSigning);
    expect(result.canonicalDocument).toBe(vectorText('ob3-eddsa-rdfc-2022/document-canon.nq'));
    expect(result.canonicalProofConfig).toBe(vectorText('ob3-eddsa-rdfc-2022/proof-canon.nq'));
    expect(toHex(result.hashData)).toBe(vector.hashDataHex_proofConfigHash_then_documentHash);
    expect(toHex(result.hashData.slice(0, 32))).toBe(vector.proofConfigHashHex);
    expect(toHex(result.hashData.slice(32))).toBe(vector.documentHashHex);
  });

  it('signs to the published proofValue, as a proof array', async () => {
    const { privateKey } = await ed25519KeyPairFromSeed(seed);
    const signed = await signDataIntegrity(unsigned, {
      privateKey,
      verificationMethod: vector.proofOptionsBeforeSigning.verificationMethod,
      created: vector.proofOptionsBeforeSigning.created,
    });
    expect(signed.proof).toHaveLength(1);
    expect(signed.proof[0]?.proofValue).toBe(vector.proofValue);
    expect(signed.proof[0]).toEqual({ ...vector.proofOptionsBeforeSigning, proofValue: vector.proofValue });
    expect(unsigned).not.toHaveProperty('proof');
  });

  it('verifies the published signed credential (proof object) and the 1EdTech validator fixture', async () => {
    const { publicKey } = await ed25519KeyPairFromSeed(seed);
    const published = vectorJson<JsonObject>('ob3-eddsa-rdfc-2022/credential-signed.json');
    expect(await verifyDataIntegrity(published, publicKey)).toMatchObject({ verified: true });
    const fixture = vectorJson<JsonObject>('ob3-examples/ob3-validator-fixture-simple-eddsa-rdfc-2022.json');
    expect(await verifyDataIntegrity(fixture, publicKey)).toMatchObject({ verified: true });
  });

  it('reports a changed name, a wrong key and a malformed proof without throwing', async () => {
    const { publicKey } = await ed25519KeyPairFromSeed(seed);
    const published = vectorJson<JsonObject>('ob3-eddsa-rdfc-2022/credential-signed.json');
    const tampered = { ...published, name: 'Teamwork Badge!' };
    expect(await verifyDataIntegrity(tampered, publicKey)).toMatchObject({
      verified: false,
      code: 'ERR_DI_SIGNATURE',
    });

    const other = await ed25519KeyPairFromSeed(new Uint8Array(32).fill(7));
    expect(await verifyDataIntegrity(published, other.publicKey)).toMatchObject({ code: 'ERR_DI_SIGNATURE' });

    const proof = published.proof as JsonObject;
    const badValue = { ...published, proof: [{ ...proof, proofValue: 'z0OIl' }] };
    expect(await verifyDataIntegrity(badValue, publicKey)).toMatchObject({ code: 'ERR_DI_PROOF_VALUE' });
    const badPurpose = { ...published, proof: [{ ...proof, proofPurpose: 'authentication' }] };
    expect(await verifyDataIntegrity(badPurpose, publicKey)).toMatchObject({ code: 'ERR_DI_PROOF_PURPOSE' });
    expect(await verifyDataIntegrity(unsigned, publicKey)).toMatchObject({ code: 'ERR_DI_NO_PROOF' });
    const undefinedTerm = { ...published, favouriteColour: 'blue' };
    expect(await verifyDataIntegrity(undefinedTerm, publicKey)).toMatchObject({ code: 'ERR_JSONLD_UNSAFE' });
  });

  it('refuses a non-Ed25519 key and a created without a zone', async () => {
    const { publicKey, privateKey } = await ed25519KeyPairFromSeed(seed);
    const options = { verificationMethod: 'https://example.edu/k', created: '2010-01-01T19:23:24Z' };
    await expect(signDataIntegrity(unsigned, { ...options, privateKey: publicKey })).rejects.toMatchObject({
      code: 'ERR_DI_KEY',
    });
    await expect(
      signDataIntegrity(unsigned, { ...options, privateKey, created: '2010-01-01T19:23:24' }),
    ).rejects.toMatchObject({ code: 'ERR_DI_CREATED' });
  });
});
