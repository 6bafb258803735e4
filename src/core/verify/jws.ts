/**
 * Compact JWS reading and signature checking, shared by OB 3.0 VC-JWTs and OB 2.0 signed assertions. The
 * algorithm is never taken on the token's word alone (RFC 8725 §3.1): `none` is refused, and the header's
 * `alg` must be one this verifier supports and the one the key is for (its `alg` member, and its type).
 */
import { base64url, compactVerify, importJWK, importSPKI } from 'jose';
import { failWith, isObject, messageOf, success } from './checks.ts';
import { InputLimitError, MAX_PAYLOAD_VALUES, parseJsonWithinLimits } from './limits.ts';
import { type Session, utf8 } from './session.ts';
import type { Check } from './types.ts';

export interface DecodedJws {
  readonly header: Record<string, unknown>;
  readonly payload: Record<string, unknown>;
  readonly text: string;
}

const COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Whether `text` has the shape of a compact JWS (three base64url parts). */
export const looksLikeCompactJws = (text: string): boolean => COMPACT.test(text);

function base64urlJson(part: string): unknown {
  const text = utf8(base64url.decode(part));
  if (text === undefined) throw new Error('not UTF-8');
  return parseJsonWithinLimits(text, 'The token', MAX_PAYLOAD_VALUES);
}

/**
 * The header and payload of a compact JWS whose both parts are JSON objects, or undefined. A part beyond the
 * input limits (src/core/verify/limits.ts) throws its `InputLimitError`: the token is malformed, not merely
 * something else.
 */
export function decodeCompactJws(text: string): DecodedJws | undefined {
  const trimmed = text.trim();
  if (!looksLikeCompactJws(trimmed)) return undefined;
  const [header, payload] = trimmed.split('.');
  try {
    const decodedHeader = base64urlJson(header ?? '');
    const decodedPayload = base64urlJson(payload ?? '');
    return isObject(decodedHeader) && isObject(decodedPayload)
      ? { header: decodedHeader, payload: decodedPayload, text: trimmed }
      : undefined;
  } catch (error) {
    if (error instanceof InputLimitError) throw error;
    return undefined;
  }
}

/** The algorithms this verifier accepts, with the key type each needs (RFC 7518 §3.1, RFC 8037). */
const ALGORITHMS: Record<string, (jwk: Record<string, unknown>) => boolean> = {
  RS256: (jwk) => jwk.kty === 'RSA',
  RS384: (jwk) => jwk.kty === 'RSA',
  RS512: (jwk) => jwk.kty === 'RSA',
  PS256: (jwk) => jwk.kty === 'RSA',
  ES256: (jwk) => jwk.kty === 'EC' && jwk.crv === 'P-256',
  ES384: (jwk) => jwk.kty === 'EC' && jwk.crv === 'P-384',
  EdDSA: (jwk) => jwk.kty === 'OKP' && jwk.crv === 'Ed25519',
};

/** The header `alg`, checked against the key; a failed `proof` check when it does not fit. */
export function checkAlgorithm(
  header: Record<string, unknown>,
  jwk: Record<string, unknown>,
): { readonly ok: true; readonly alg: string } | { readonly ok: false; readonly check: Check } {
  const { alg } = header;
  if (typeof alg !== 'string' || alg.toLowerCase() === 'none') {
    return {
      ok: false,
      check: failWith(
        'proof',
        'signature-invalid',
        'JWS_ALG_NONE',
        'The token is not signed',
        `The header's alg is ${JSON.stringify(alg)}: an unsigned token proves nothing.`,
        '/header/alg',
      ),
    };
  }
  const fits = ALGORITHMS[alg];
  if (fits === undefined) {
    return {
      ok: false,
      check: failWith(
        'proof',
        'signature-invalid',
        'JWS_ALG_UNSUPPORTED',
        'The signature algorithm is not accepted',
        `alg ${alg} is not one of ${Object.keys(ALGORITHMS).join(', ')}.`,
        '/header/alg',
      ),
    };
  }
  if ((jwk.alg !== undefined && jwk.alg !== alg) || !fits(jwk)) {
    return {
      ok: false,
      check: failWith(
        'proof',
        'signature-invalid',
        'JWS_ALG_NOT_KEYS',
        "The signature algorithm is not the key's",
        `The header says alg ${alg}, but the key is ${String(jwk.kty)}${jwk.alg === undefined ? '' : ` for ${String(jwk.alg)}`}.`,
        '/header/alg',
      ),
    };
  }
  return { ok: true, alg };
}

type Imported =
  | { readonly ok: true; readonly key: CryptoKey | Uint8Array }
  | { readonly ok: false; readonly check: Check };

/** Imports a key once per session (an RSA import costs more than the signature check). */
function importOnce(
  session: Session,
  id: string,
  load: () => Promise<CryptoKey | Uint8Array>,
): Promise<Imported> {
  return session.memo('jws-key', id, async (): Promise<Imported> => {
    try {
      return { ok: true, key: await load() };
    } catch (error) {
      return {
        ok: false,
        check: failWith(
          'proof',
          'signature-invalid',
          'KEY_INVALID',
          'The key is not usable',
          messageOf(error),
        ),
      };
    }
  });
}

/** Verifies the signature of `jws` with a public JWK for `alg` only. */
export async function verifyJwsWithJwk(
  session: Session,
  jws: string,
  jwk: Record<string, unknown>,
  alg: string,
): Promise<Check> {
  const { d: _private, ...publicJwk } = jwk;
  const imported = await importOnce(session, `${alg} ${JSON.stringify(publicJwk)}`, () =>
    importJWK(publicJwk, alg),
  );
  return imported.ok ? verifyWith(jws, imported.key, alg) : imported.check;
}

/** Verifies the signature of `jws` with an SPKI PEM RSA key, RS256 only (OB 2.0 signed, DIGEST §1.8). */
export async function verifyJwsWithPem(session: Session, jws: string, pem: string): Promise<Check> {
  const imported = await importOnce(session, `RS256 ${pem}`, () => importSPKI(pem, 'RS256'));
  return imported.ok ? verifyWith(jws, imported.key, 'RS256') : imported.check;
}

async function verifyWith(jws: string, key: CryptoKey | Uint8Array, alg: string): Promise<Check> {
  try {
    await compactVerify(jws, key, { algorithms: [alg] });
    return success('proof', `The ${alg} signature is valid.`);
  } catch (error) {
    return failWith(
      'proof',
      'signature-invalid',
      'JWS_SIGNATURE_INVALID',
      'The signature does not match',
      `The token was changed after signing, or signed with another key (${messageOf(error)}).`,
    );
  }
}
