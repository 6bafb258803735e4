/**
 * Data Integrity proofs with the `eddsa-rdfc-2022` cryptosuite (W3C VC-DI-EDDSA §3.3, DIGEST §4.2):
 * the proof Open Badges 3.0 certification requires. Sign: canonicalize the document without `proof` and
 * the proof options under the document's `@context`, hash both with SHA-256, sign proofHash ‖ documentHash
 * with Ed25519, append the proof. The proof is always an array entry, as the OB 3.0 schema requires.
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { InsigneError } from '../errors.ts';
import { decodeBase58btc, encodeBase58btc } from './base58.ts';
import { type CanonicalizeOptions, canonicalize } from './canonicalize.ts';
import type { JsonObject, JsonValue } from './json.ts';
import { type KeySignatureCache, signatureKey } from './signature-cache.ts';

/** A Data Integrity proof as Insigne writes it (VC Data Integrity §2.1). */
export type DataIntegrityProof = {
  readonly type: 'DataIntegrityProof';
  readonly cryptosuite: 'eddsa-rdfc-2022';
  readonly created: string;
  readonly verificationMethod: string;
  readonly proofPurpose: 'assertionMethod';
  readonly proofValue: string;
};

export interface SignDataIntegrityOptions extends CanonicalizeOptions {
  /** WebCrypto Ed25519 private key. */
  readonly privateKey: CryptoKey;
  /** Absolute URL of the verification method, e.g. the key's DID URL. */
  readonly verificationMethod: string;
  /** XML Schema dateTime with a zone, passed in (never read from a clock). */
  readonly created: string;
  /** Signatures of earlier builds, for the published key of `privateKey` (signature-cache.ts). */
  readonly cache?: KeySignatureCache;
}

/** The intermediate values of the algorithm, exposed for test vectors and diagnostics. */
export interface DataIntegrityHashInput {
  readonly canonicalDocument: string;
  readonly canonicalProofConfig: string;
  /** SHA-256(canonicalProofConfig) ‖ SHA-256(canonicalDocument), 64 bytes. */
  readonly hashData: Uint8Array<ArrayBuffer>;
}

export type DataIntegrityVerification =
  | { readonly verified: true; readonly proof: DataIntegrityProof }
  | { readonly verified: false; readonly code: string; readonly message: string };

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The document without its `proof` member (VC Data Integrity §4.2 step "unsecured document"). */
function unsecured(document: JsonObject): JsonObject {
  const { proof: _proof, ...rest } = document;
  return rest;
}

/**
 * Transformation and hashing steps of `eddsa-rdfc-2022` (VC-DI-EDDSA §3.3.2–3.3.4) for a document and
 * proof options (the proof without `proofValue`).
 */
export async function hashDataIntegrity(
  document: JsonObject,
  proofOptions: JsonObject,
  options: CanonicalizeOptions = {},
): Promise<DataIntegrityHashInput> {
  const { proofValue: _value, ...config } = proofOptions;
  const canonicalDocument = await canonicalize(unsecured(document), options);
  const canonicalProofConfig = await canonicalize({ ...config, '@context': document['@context'] }, options);
  // WebCrypto's SHA-256: several times faster than hashing in JavaScript, for every proof signed or checked.
  const digest = (text: string) => globalThis.crypto.subtle.digest('SHA-256', utf8ToBytes(text));
  const [configHash, documentHash] = await Promise.all([
    digest(canonicalProofConfig),
    digest(canonicalDocument),
  ]);
  const hashData = new Uint8Array(64);
  hashData.set(new Uint8Array(configHash), 0);
  hashData.set(new Uint8Array(documentHash), 32);
  return { canonicalDocument, canonicalProofConfig, hashData };
}

/**
 * Adds an `eddsa-rdfc-2022` proof to `document` (VC-DI-EDDSA §3.3.1 "Create Proof"). An existing proof
 * array is kept and the new proof appended. Deterministic: Ed25519 signatures are.
 */
export async function signDataIntegrity<T extends JsonObject>(
  document: T,
  options: SignDataIntegrityOptions,
): Promise<T & { readonly proof: readonly DataIntegrityProof[] }> {
  const { privateKey, verificationMethod, created } = options;
  if (privateKey.type !== 'private' || privateKey.algorithm.name !== 'Ed25519') {
    throw new InsigneError('ERR_DI_KEY', 'eddsa-rdfc-2022 signs with an Ed25519 private CryptoKey.');
  }
  if (!DATE_TIME.test(created)) {
    throw new InsigneError(
      'ERR_DI_CREATED',
      `Proof "created" must be a dateTime with a zone, not "${created}".`,
    );
  }
  const proofOptions = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-rdfc-2022',
    created,
    verificationMethod,
    proofPurpose: 'assertionMethod',
  } as const;
  const proofValue = await cachedProofValue(document, proofOptions, options, async () => {
    const { hashData } = await hashDataIntegrity(document, proofOptions, options);
    const signature = new Uint8Array(await globalThis.crypto.subtle.sign('Ed25519', privateKey, hashData));
    return `z${encodeBase58btc(signature)}`;
  });
  const proof: DataIntegrityProof = { ...proofOptions, proofValue };
  const previous = document.proof;
  const proofs = Array.isArray(previous) ? [...(previous as DataIntegrityProof[]), proof] : [proof];
  return { ...document, proof: proofs };
}

/** Whether a proof value read back is z + base58btc of a 64-byte signature. */
function isProofValue(value: string): boolean {
  try {
    return value.startsWith('z') && decodeBase58btc(value.slice(1)).length === 64;
  } catch {
    return false;
  }
}

/**
 * The proof value from the cache when an earlier build signed the same unsecured document with the same
 * proof options and key (Ed25519 is deterministic: the same bytes as signing again), else `sign()`'s.
 * The document's JSON text stands for its canonical form: equal texts canonicalize alike.
 */
async function cachedProofValue(
  document: JsonObject,
  proofOptions: JsonObject,
  options: SignDataIntegrityOptions,
  sign: () => Promise<string>,
): Promise<string> {
  const { cache } = options;
  // Another document loader may read the same JSON differently.
  if (cache === undefined || options.documentLoader !== undefined) return sign();
  const key = signatureKey(cache, 'eddsa-rdfc-2022', [
    JSON.stringify(proofOptions),
    JSON.stringify(unsecured(document)),
  ]);
  const stored = cache.store.get(key);
  if (stored !== undefined) {
    if (isProofValue(stored)) return stored;
    cache.store.refuse?.(key);
  }
  const value = await sign();
  cache.store.set(key, value);
  return value;
}

function isEddsaProof(value: JsonValue | undefined): value is JsonObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    (value as JsonObject).type === 'DataIntegrityProof' &&
    (value as JsonObject).cryptosuite === 'eddsa-rdfc-2022'
  );
}

const fail = (code: string, message: string): DataIntegrityVerification => ({
  verified: false,
  code,
  message,
});

/**
 * Verifies the document's first `eddsa-rdfc-2022` proof with `publicKey` (VC-DI-EDDSA §3.3.6 "Verify
 * Proof"). Returns a result, never throws for a bad document or signature. Which key belongs to the
 * proof's `verificationMethod`, and whether that method is the issuer's, is the caller's question.
 */
export async function verifyDataIntegrity(
  document: JsonObject,
  publicKey: CryptoKey,
  options: CanonicalizeOptions = {},
): Promise<DataIntegrityVerification> {
  const proofs = Array.isArray(document.proof) ? (document.proof as readonly JsonValue[]) : [document.proof];
  const proof = proofs.find(isEddsaProof);
  if (proof === undefined) {
    return fail(
      'ERR_DI_NO_PROOF',
      'The document has no DataIntegrityProof with cryptosuite eddsa-rdfc-2022.',
    );
  }
  if (proof.proofPurpose !== 'assertionMethod') {
    return fail(
      'ERR_DI_PROOF_PURPOSE',
      `The proof purpose is "${String(proof.proofPurpose)}", not assertionMethod.`,
    );
  }
  const value = proof.proofValue;
  let signature: Uint8Array;
  try {
    signature =
      typeof value === 'string' && value.startsWith('z') ? decodeBase58btc(value.slice(1)) : new Uint8Array();
  } catch {
    signature = new Uint8Array();
  }
  if (signature.length !== 64) {
    return fail('ERR_DI_PROOF_VALUE', 'The proofValue is not z + base58btc of a 64-byte Ed25519 signature.');
  }
  let hashData: Uint8Array<ArrayBuffer>;
  try {
    ({ hashData } = await hashDataIntegrity(document, proof, options));
  } catch (error) {
    const code = error instanceof InsigneError ? error.code : 'ERR_JSONLD_INVALID';
    return fail(code, error instanceof Error ? error.message : String(error));
  }
  const valid = await globalThis.crypto.subtle.verify(
    'Ed25519',
    publicKey,
    Uint8Array.from(signature),
    hashData,
  );
  return valid
    ? { verified: true, proof: proof as unknown as DataIntegrityProof }
    : fail(
        'ERR_DI_SIGNATURE',
        'The signature does not match: the document or its proof was changed, or the key is wrong.',
      );
}
