/**
 * Checking a Data Integrity proof (`eddsa-rdfc-2022`, VC-DI-EDDSA §3.3.6, DIGEST §4.2) together with its
 * key's provenance. Used for credentials and for the status lists they point to. The canonicalization code
 * (jsonld, rdf-canonize) is loaded on first use only, so the verify page does not download it to check a JWT.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import type { JsonObject } from '../credentials/json.ts';
import { importEd25519PublicKey } from '../credentials/multikey.ts';
import { asArray, failWith, isObject, messageOf, pointerSegment, skipped, success } from './checks.ts';
import { type KeyResolution, resolveDataIntegrityKey } from './keys.ts';
import type { Session } from './session.ts';
import type { Check, KeyInfo, ProofInfo } from './types.ts';

export interface DataIntegrityOutcome {
  readonly proof: Check;
  readonly key: Check;
  readonly proofInfo?: ProofInfo;
  readonly keyInfo?: KeyInfo;
}

const SUITE = 'eddsa-rdfc-2022';

/** Verification failures of the signer's code, mapped to what they mean for the person verifying. */
function signatureFailure(code: string, message: string, pointer: string): Check {
  if (code === 'ERR_JSONLD_CONTEXT_NOT_PINNED') {
    return failWith(
      'proof',
      'error',
      'DI_CONTEXT_UNKNOWN',
      'The badge uses a JSON-LD context this verifier does not know',
      `${message} Verifiers read contexts from pinned copies only, never from the network.`,
      '/@context',
    );
  }
  if (code === 'ERR_JSONLD_UNSAFE' || code === 'ERR_JSONLD_INVALID') {
    return failWith(
      'proof',
      'signature-invalid',
      'DI_DOCUMENT_UNSAFE',
      'The document holds data its proof cannot cover',
      message,
    );
  }
  return failWith(
    'proof',
    'signature-invalid',
    'DI_SIGNATURE_INVALID',
    'The signature does not match',
    message,
    pointer,
  );
}

// Loaded on first use (it brings jsonld, heavy for the verify page), then kept: a dynamic import per call
// goes through the module loader each time.
let dataIntegrityModule: Promise<typeof import('../credentials/data-integrity.ts')> | undefined;
const loadDataIntegrity = () => {
  dataIntegrityModule ??= import('../credentials/data-integrity.ts');
  return dataIntegrityModule;
};

async function verifySignature(
  session: Session,
  document: Record<string, unknown>,
  methodId: string,
  publicKey: Uint8Array,
  pointer: string,
): Promise<Check> {
  // One verification per distinct document and key per session: a baked copy of a credential is the same
  // bytes as the credential file, and its canonicalization is the expensive part.
  // The text itself is the key: hashing it in JavaScript cost more than the Map's own string hashing.
  const key = `${methodId}\u0000${bytesToHex(publicKey)}\u0000${JSON.stringify(document)}`;
  return session.memo('di', key, async () => {
    const { verifyDataIntegrity } = await loadDataIntegrity();
    let cryptoKey: CryptoKey;
    try {
      // Imported once per key and session: thousands of credentials share one issuer key.
      cryptoKey = await session.memo('ed25519-key', bytesToHex(publicKey), () =>
        importEd25519PublicKey(publicKey),
      );
    } catch (error) {
      return failWith('proof', 'signature-invalid', 'KEY_INVALID', 'The key is not usable', messageOf(error));
    }
    const result = await verifyDataIntegrity(document as JsonObject, cryptoKey);
    return result.verified
      ? success('proof', `The ${SUITE} Data Integrity signature is valid.`)
      : signatureFailure(result.code, result.message, pointer);
  });
}

/** The proof and key checks of a document secured with an embedded Data Integrity proof. */
export async function checkDataIntegrity(
  session: Session,
  document: Record<string, unknown>,
  issuerId: string,
): Promise<DataIntegrityOutcome> {
  const proofs = asArray(document.proof);
  const keySkipped = skipped('key', 'Not checked: there is no proof to take a key from.');
  if (proofs.length === 0) {
    return {
      proof: failWith(
        'proof',
        'signature-invalid',
        'NO_PROOF',
        'The badge is not signed',
        'The document has no proof: anyone could have written it. A verifiable badge carries a Data Integrity proof or comes as a signed JWT.',
        '/proof',
      ),
      key: keySkipped,
    };
  }
  const index = proofs.findIndex(
    (proof) => isObject(proof) && proof.type === 'DataIntegrityProof' && proof.cryptosuite === SUITE,
  );
  const proof = proofs[index];
  const pointer = Array.isArray(document.proof) ? `/proof/${pointerSegment(index)}` : '/proof';
  if (!isObject(proof)) {
    const kinds = proofs.map((p) =>
      isObject(p) ? `${String(p.type)} ${String(p.cryptosuite ?? '')}`.trim() : typeof p,
    );
    return {
      proof: failWith(
        'proof',
        'error',
        'PROOF_UNSUPPORTED',
        'The proof is of a kind this verifier does not check',
        `Supported: DataIntegrityProof with cryptosuite ${SUITE}. Found: ${kinds.join(', ')}.`,
        '/proof',
      ),
      key: keySkipped,
    };
  }
  const methodId = proof.verificationMethod;
  if (typeof methodId !== 'string' || methodId === '') {
    return {
      proof: failWith(
        'proof',
        'signature-invalid',
        'PROOF_NO_METHOD',
        'The proof names no key',
        'The proof has no verificationMethod.',
        `${pointer}/verificationMethod`,
      ),
      key: keySkipped,
    };
  }
  const proofInfo: ProofInfo = {
    type: 'DataIntegrityProof',
    cryptosuite: SUITE,
    verificationMethod: methodId,
    ...(typeof proof.created === 'string' && { created: proof.created }),
  };
  if (proof.proofPurpose !== 'assertionMethod') {
    return {
      proofInfo,
      proof: failWith(
        'proof',
        'signature-invalid',
        'PROOF_PURPOSE',
        'The proof was not made to assert a credential',
        `proofPurpose is ${JSON.stringify(proof.proofPurpose)}, not "assertionMethod".`,
        `${pointer}/proofPurpose`,
      ),
      key: keySkipped,
    };
  }
  const resolution: KeyResolution = await resolveDataIntegrityKey(session, methodId, issuerId);
  const keyInfo = resolution.info;
  if (resolution.material?.kind !== 'ed25519') {
    return {
      proofInfo,
      ...(keyInfo !== undefined && { keyInfo }),
      proof: skipped('proof', 'Not checked: the key could not be found.'),
      key: resolution.check,
    };
  }
  return {
    proofInfo,
    ...(keyInfo !== undefined && { keyInfo }),
    proof: await verifySignature(session, document, methodId, resolution.material.publicKey, pointer),
    key: resolution.check,
  };
}
