/**
 * Signing an endorsement on the endorser's machine: the issuer becomes the endorser's did:key (or did:web)
 * Profile and
 * the document gets an `eddsa-rdfc-2022` proof from the project's Data Integrity signer. Needs no project
 * content, only the request file and the endorser's key.
 */
import type { CanonicalizeOptions } from '../credentials/canonicalize.ts';
import { signDataIntegrity } from '../credentials/data-integrity.ts';
import type { JsonObject, JsonValue } from '../credentials/json.ts';
import { type Message, say } from '../messages/catalogue.ts';
import { didWebMethodOf } from './did-web.ts';
import { didKeyMethodOf, didKeyOf } from './document.ts';

export interface EndorserKey {
  readonly privateKey: CryptoKey;
  /** Raw 32-byte Ed25519 public key. */
  readonly publicKey: Uint8Array;
  /**
   * The endorser's did:web, when they have a web site (`keygen --endorser --did-web`); without it they are
   * the did:key of their public key.
   */
  readonly didWeb?: string;
}

export type SignedEndorsement =
  | { readonly ok: true; readonly document: JsonObject; readonly did: string }
  | { readonly ok: false; readonly problems: readonly Message[] };

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a request must hold before it is signed; each problem is one sentence. */
export function requestProblems(request: JsonValue): Message[] {
  if (!isObject(request)) return [say('endorse.request.notObject')];
  const problems: Message[] = [];
  const types = Array.isArray(request.type) ? request.type : [request.type];
  if (!types.includes('EndorsementCredential')) problems.push(say('endorse.request.type'));
  if (typeof request.id !== 'string' || request.id === '') problems.push(say('endorse.request.id'));
  const subject = request.credentialSubject;
  if (!isObject(subject) || typeof subject.id !== 'string') problems.push(say('endorse.request.subject'));
  const issuer = request.issuer;
  if (!isObject(issuer) || typeof issuer.name !== 'string' || issuer.name.trim() === '')
    problems.push(say('endorse.request.name'));
  if (request.proof !== undefined) problems.push(say('endorse.request.signed'));
  return problems;
}

/**
 * Fills the issuer with the endorser's did:key or did:web (keeping their name and URL) and signs; the
 * proof names the key as their DID document does (`did:key:z6Mk…#z6Mk…`, `did:web:…#z6Mk…`). `created` is the
 * proof's dateTime, passed in by the shell.
 */
export async function signEndorsement(
  request: JsonValue,
  key: EndorserKey,
  created: string,
  options: CanonicalizeOptions = {},
): Promise<SignedEndorsement> {
  const problems = requestProblems(request);
  if (problems.length > 0 || !isObject(request)) return { ok: false, problems };
  const did = key.didWeb ?? didKeyOf(key.publicKey);
  const verificationMethod =
    key.didWeb === undefined ? didKeyMethodOf(did) : didWebMethodOf(key.didWeb, key.publicKey);
  const issuer = request.issuer as JsonObject;
  const { proof: _none, ...rest } = request;
  const unsigned: JsonObject = {
    ...rest,
    issuer: {
      id: did,
      type: ['Profile'],
      name: issuer.name as string,
      ...(typeof issuer.url === 'string' && issuer.url !== '' && { url: issuer.url }),
    },
  };
  const document = await signDataIntegrity(unsigned, {
    ...options,
    privateKey: key.privateKey,
    verificationMethod,
    created,
  });
  return { ok: true, document, did };
}
