/**
 * How a verifier finds the key of a Data Integrity proof in a published did.json (DIGEST §4.3): the
 * method must be listed under assertionMethod, exist under verificationMethod, and be controlled by the DID.
 */

import { fromEd25519Multikey, importEd25519PublicKey } from '../../../src/core/credentials/multikey.ts';
import type { DidDocument } from '../../../src/core/credentials/ob3/did-document.ts';

export async function keyFromDidDocument(did: DidDocument, methodId: string): Promise<CryptoKey> {
  if (!did.assertionMethod.includes(methodId)) throw new Error(`${methodId} is not an assertionMethod`);
  const method = did.verificationMethod.find((candidate) => candidate.id === methodId);
  if (method?.type !== 'Multikey' || method.controller !== did.id)
    throw new Error(`${methodId} is not a Multikey of ${did.id}`);
  return importEd25519PublicKey(fromEd25519Multikey(method.publicKeyMultibase));
}
