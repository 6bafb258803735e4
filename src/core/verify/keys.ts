/**
 * Key provenance (DIGEST §4.2 "Key-issuer binding", §4.3, OB 3.0 impl. guide §Key provenance): finding the
 * key a proof names, and deciding whether it is the issuer's. A key is the issuer's when the issuer's own
 * controller document (its did.json, or the https document at its id) lists it under `assertionMethod` with
 * the issuer as `controller`. A VC-JWT key reached through a `kid` URL (a bare JWK) or an embedded `jwk`
 * must also be listed there, with the same public members: anyone can publish a JWK, only the issuer can
 * list it in its document.
 */
import { base64url } from 'jose';
import { fromEd25519Multikey } from '../credentials/multikey.ts';
import { failWith, isObject, messageOf, success } from './checks.ts';
import { fetchableUrl, withoutFragment } from './resolver.ts';
import type { Session } from './session.ts';
import type { Check, KeyInfo } from './types.ts';

/** A verification method as read from a controller document (ids made absolute). */
export interface VerificationMethod {
  readonly id: string;
  readonly type?: string;
  readonly controller?: string;
  readonly publicKeyMultibase?: string;
  readonly publicKeyJwk?: Record<string, unknown>;
}

/** A controller document (DID document or https controller document), reduced to what provenance needs. */
export interface ControllerDocument {
  readonly id: string;
  /** Where it was read from (a did:key is decoded, not fetched). */
  readonly url?: string;
  readonly methods: readonly VerificationMethod[];
  readonly assertionMethod: ReadonlySet<string>;
}

/** Key material a proof is checked with. */
export type KeyMaterial =
  | { readonly kind: 'ed25519'; readonly publicKey: Uint8Array }
  | { readonly kind: 'jwk'; readonly jwk: Record<string, unknown> };

/** What key resolution found: the key (when found) and the outcome of the provenance check. */
export interface KeyResolution {
  readonly info?: KeyInfo;
  readonly material?: KeyMaterial;
  /** The `key` check: success only when the key is the issuer's. */
  readonly check: Check;
}

type Loaded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly check: Check };

const absolute = (id: string, base: string) => (id.startsWith('#') ? `${withoutFragment(base)}${id}` : id);

function toMethod(value: unknown, base: string): VerificationMethod | undefined {
  if (!isObject(value) || typeof value.id !== 'string') return undefined;
  return {
    id: absolute(value.id, base),
    ...(typeof value.type === 'string' && { type: value.type }),
    ...(typeof value.controller === 'string' && { controller: value.controller }),
    ...(typeof value.publicKeyMultibase === 'string' && { publicKeyMultibase: value.publicKeyMultibase }),
    ...(isObject(value.publicKeyJwk) && { publicKeyJwk: value.publicKeyJwk }),
  };
}

/** Reads a parsed controller document: verification methods, and assertionMethod as absolute ids. */
export function toControllerDocument(value: Record<string, unknown>, id: string, url?: string) {
  const methods: VerificationMethod[] = [];
  const assertion = new Set<string>();
  for (const entry of Array.isArray(value.verificationMethod) ? value.verificationMethod : []) {
    const method = toMethod(entry, id);
    if (method !== undefined) methods.push(method);
  }
  for (const entry of Array.isArray(value.assertionMethod) ? value.assertionMethod : []) {
    if (typeof entry === 'string') assertion.add(absolute(entry, id));
    const embedded = toMethod(entry, id);
    if (embedded !== undefined) {
      methods.push(embedded);
      assertion.add(embedded.id);
    }
  }
  const document: ControllerDocument = {
    id,
    ...(url !== undefined && { url }),
    methods,
    assertionMethod: assertion,
  };
  return document;
}

/** A did:key with an Ed25519 Multikey, decoded locally (did:key §3.1.2): it controls only itself. */
function didKeyDocument(did: string): ControllerDocument | undefined {
  const multibase = did.slice('did:key:'.length);
  try {
    fromEd25519Multikey(multibase);
  } catch {
    return undefined;
  }
  const id = `${did}#${multibase}`;
  return {
    id: did,
    methods: [{ id, type: 'Multikey', controller: did, publicKeyMultibase: multibase }],
    assertionMethod: new Set([id]),
  };
}

/** Loads the controller document of `id` (a DID, or an https URL without fragment), once per session. */
export function loadController(session: Session, id: string): Promise<Loaded<ControllerDocument>> {
  return session.memo('controller', id, async (): Promise<Loaded<ControllerDocument>> => {
    if (id.startsWith('did:key:')) {
      const document = didKeyDocument(id);
      return document === undefined
        ? {
            ok: false,
            check: failWith(
              'key',
              'key-not-issuers',
              'KEY_DID_KEY_UNSUPPORTED',
              'Unsupported did:key',
              `${id} is not an Ed25519 did:key, the only kind this verifier decodes.`,
            ),
          }
        : { ok: true, value: document };
    }
    const url = fetchableUrl(id);
    if (url === undefined) {
      return {
        ok: false,
        check: failWith(
          'key',
          'key-not-issuers',
          'KEY_UNRESOLVABLE',
          'The key cannot be looked up',
          `${id} is neither a did:web, a did:key nor an https URL, so its keys cannot be found.`,
        ),
      };
    }
    const fetched = await session.fetchJson(url);
    if (!fetched.ok) {
      return {
        ok: false,
        check:
          fetched.kind === 'fetch'
            ? failWith(
                'key',
                'error',
                'KEY_FETCH_FAILED',
                'The key document could not be fetched',
                fetched.reason,
              )
            : failWith(
                'key',
                'key-not-issuers',
                'KEY_DOCUMENT_INVALID',
                'The key document is not JSON',
                fetched.reason,
              ),
      };
    }
    if (!isObject(fetched.value)) {
      return {
        ok: false,
        check: failWith(
          'key',
          'key-not-issuers',
          'KEY_DOCUMENT_INVALID',
          'The key document is not a JSON object',
          `${url} did not return a controller document.`,
        ),
      };
    }
    const declared = fetched.value.id;
    if (declared !== id) {
      return {
        ok: false,
        check: failWith(
          'key',
          'key-not-issuers',
          'KEY_DOCUMENT_ID_MISMATCH',
          'The key document is not the one asked for',
          `${url} declares the id ${JSON.stringify(declared)}, not ${id}.`,
        ),
      };
    }
    return { ok: true, value: toControllerDocument(fetched.value, id, url) };
  });
}

/** The issuer-listing test shared by every proof: `method` is in the issuer's assertionMethod. */
async function provenance(
  session: Session,
  method: VerificationMethod,
  issuerId: string,
  info: KeyInfo,
): Promise<Check> {
  if (method.controller !== issuerId) {
    return failWith(
      'key',
      'key-not-issuers',
      'KEY_CONTROLLER_NOT_ISSUER',
      "The key is not the issuer's",
      `The key ${method.id} is controlled by ${method.controller ?? '(no controller)'}, not by the issuer ${issuerId}.`,
    );
  }
  const issuer = await loadController(session, issuerId);
  if (!issuer.ok) return issuer.check;
  if (!issuer.value.assertionMethod.has(method.id)) {
    return failWith(
      'key',
      'key-not-issuers',
      'KEY_NOT_ASSERTION_METHOD',
      'The key is not listed by the issuer for signing',
      `The issuer's document ${issuer.value.url ?? issuerId} does not list ${method.id} under assertionMethod.`,
    );
  }
  return success('key', `${info.id} is an assertion method of the issuer ${issuerId}.`);
}

/** The 32 raw bytes of an Ed25519 verification method (Multikey or OKP JWK), or undefined. */
function ed25519Of(method: VerificationMethod): Uint8Array | undefined {
  try {
    if (method.publicKeyMultibase !== undefined) return fromEd25519Multikey(method.publicKeyMultibase);
  } catch {
    return undefined;
  }
  const jwk = method.publicKeyJwk;
  if (jwk?.kty === 'OKP' && jwk.crv === 'Ed25519' && typeof jwk.x === 'string') {
    try {
      const bytes = base64url.decode(jwk.x);
      return bytes.length === 32 ? bytes : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Finds a verification method by id in the document its id points at (a controller or a bare key doc). */
async function findMethod(session: Session, methodId: string): Promise<Loaded<VerificationMethod>> {
  const documentId = withoutFragment(methodId);
  if (documentId.startsWith('http')) {
    // An https key id may be a bare key document (top-level controller + key), DIGEST §4.2 form 4.
    const url = fetchableUrl(documentId);
    const fetched = url === undefined ? undefined : await session.fetchJson(url);
    if (fetched?.ok && isObject(fetched.value) && fetched.value.verificationMethod === undefined) {
      const bare = toMethod(fetched.value, documentId);
      if (bare !== undefined && (bare.id === methodId || bare.id === documentId)) {
        return { ok: true, value: { ...bare, id: methodId } };
      }
    }
  }
  const controller = await loadController(session, documentId);
  if (!controller.ok) return controller;
  const method = controller.value.methods.find((candidate) => candidate.id === methodId);
  if (method === undefined) {
    return {
      ok: false,
      check: failWith(
        'key',
        'key-not-issuers',
        'KEY_NOT_FOUND',
        'The key was not found',
        `${controller.value.url ?? documentId} has no verification method ${methodId}.`,
      ),
    };
  }
  return { ok: true, value: method };
}

const infoOf = (method: VerificationMethod, document: string | undefined): KeyInfo => ({
  id: method.id,
  type: method.type ?? 'unknown',
  ...(method.controller !== undefined && { controller: method.controller }),
  ...(document !== undefined && { document }),
});

/** The Ed25519 key of a Data Integrity proof's verificationMethod, and whether it is the issuer's. */
export async function resolveDataIntegrityKey(
  session: Session,
  methodId: string,
  issuerId: string,
): Promise<KeyResolution> {
  const found = await findMethod(session, methodId);
  if (!found.ok) return { check: found.check };
  const method = found.value;
  const info = infoOf(method, fetchableUrl(methodId));
  const publicKey = ed25519Of(method);
  if (publicKey === undefined) {
    return {
      info,
      check: failWith(
        'key',
        'key-not-issuers',
        'KEY_NOT_ED25519',
        'The key is not an Ed25519 key',
        `${method.id} has no Ed25519 publicKeyMultibase (z6Mk…) or OKP JWK, which eddsa-rdfc-2022 needs.`,
      ),
    };
  }
  return {
    info,
    material: { kind: 'ed25519', publicKey },
    check: await provenance(session, method, issuerId, info),
  };
}

const PUBLIC_MEMBERS: Record<string, readonly string[]> = {
  RSA: ['n', 'e'],
  EC: ['crv', 'x', 'y'],
  OKP: ['crv', 'x'],
};

/** Whether two JWKs are the same public key (same type and public members). */
export function sameJwk(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const members = typeof a.kty === 'string' ? PUBLIC_MEMBERS[a.kty] : undefined;
  return (
    members !== undefined &&
    a.kty === b.kty &&
    members.every((member) => typeof a[member] === 'string' && a[member] === b[member])
  );
}

/** Provenance of a JWK reached without a DID URL: the issuer's document must list the same key. */
async function jwkProvenance(
  session: Session,
  jwk: Record<string, unknown>,
  issuerId: string,
  info: KeyInfo,
): Promise<Check> {
  if (jwk.iss !== undefined && jwk.iss !== issuerId) {
    return failWith(
      'key',
      'key-not-issuers',
      'KEY_ISS_NOT_ISSUER',
      "The key is not the issuer's",
      `The JWK names ${JSON.stringify(jwk.iss)} as its issuer, not ${issuerId}.`,
    );
  }
  const issuer = await loadController(session, issuerId);
  if (!issuer.ok) return issuer.check;
  const listed = issuer.value.methods.find(
    (method) =>
      method.publicKeyJwk !== undefined &&
      sameJwk(jwk, method.publicKeyJwk) &&
      issuer.value.assertionMethod.has(method.id),
  );
  if (listed === undefined) {
    return failWith(
      'key',
      'key-not-issuers',
      'KEY_NOT_LISTED_BY_ISSUER',
      "The key is not the issuer's",
      `The issuer's document ${issuer.value.url ?? issuerId} lists no assertion method with this public key.`,
    );
  }
  if (listed.controller !== issuerId) {
    return failWith(
      'key',
      'key-not-issuers',
      'KEY_CONTROLLER_NOT_ISSUER',
      "The key is not the issuer's",
      `The key ${listed.id} is controlled by ${listed.controller ?? '(no controller)'}, not by ${issuerId}.`,
    );
  }
  return success('key', `${info.id} is the issuer's key ${listed.id}.`);
}

/** The key of a VC-JWT (from `kid` or an embedded `jwk`), and whether it is the issuer's. */
export async function resolveJwtKey(
  session: Session,
  header: Record<string, unknown>,
  issuerId: string,
): Promise<KeyResolution> {
  const { kid, jwk } = header;
  if (isObject(jwk)) {
    const info: KeyInfo = {
      id: typeof kid === 'string' ? kid : '(JWK embedded in the header)',
      type: 'JsonWebKey',
    };
    return { info, material: { kind: 'jwk', jwk }, check: await jwkProvenance(session, jwk, issuerId, info) };
  }
  if (typeof kid !== 'string' || kid === '') {
    return {
      check: failWith(
        'key',
        'key-not-issuers',
        'JWT_NO_KEY',
        'The token names no key',
        'The JOSE header has neither a "kid" nor a "jwk", so no key can be found (OB 3.0 §JWT Proof).',
        '/header',
      ),
    };
  }
  if (kid.startsWith('did:')) {
    const found = await findMethod(session, kid);
    if (!found.ok) return { check: found.check };
    const info = infoOf(found.value, fetchableUrl(kid));
    const key = found.value.publicKeyJwk;
    if (key === undefined) {
      return {
        info,
        check: failWith(
          'key',
          'key-not-issuers',
          'KEY_NO_JWK',
          'The key has no JWK',
          `${kid} has no publicKeyJwk.`,
        ),
      };
    }
    return {
      info,
      material: { kind: 'jwk', jwk: key },
      check: await provenance(session, found.value, issuerId, info),
    };
  }
  const url = fetchableUrl(kid);
  if (url === undefined) {
    return {
      check: failWith(
        'key',
        'key-not-issuers',
        'KEY_UNRESOLVABLE',
        'The key cannot be looked up',
        `The kid ${kid} is neither an https URL nor a DID URL.`,
        '/header/kid',
      ),
    };
  }
  const fetched = await session.fetchJson(url);
  if (!fetched.ok) {
    return {
      check:
        fetched.kind === 'fetch'
          ? failWith('key', 'error', 'KEY_FETCH_FAILED', 'The key could not be fetched', fetched.reason)
          : failWith('key', 'key-not-issuers', 'KID_NOT_A_JWK', 'The kid is not a JWK', fetched.reason),
    };
  }
  if (!isObject(fetched.value) || typeof fetched.value.kty !== 'string') {
    return {
      check: failWith(
        'key',
        'key-not-issuers',
        'KID_NOT_A_JWK',
        'The kid is not a JWK',
        `${url} must serve a single bare JWK (OB 3.0 §JWT Proof, DIGEST §4.1); it served something else.`,
        '/header/kid',
      ),
    };
  }
  const info: KeyInfo = { id: kid, type: 'JsonWebKey', document: url };
  const key = fetched.value;
  return {
    info,
    material: { kind: 'jwk', jwk: key },
    check: await jwkProvenance(session, key, issuerId, info),
  };
}

/** The message of a key import failure, for proof problems. */
export const keyImportDetail = (error: unknown) => `The key could not be imported: ${messageOf(error)}.`;
