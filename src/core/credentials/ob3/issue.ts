/**
 * Issuing one award in OB 3.0 form, in the order the spec requires (OB 3.0 §Proofs: a Linked Data proof
 * "MUST be created before the JSON Web Token Proof Format"): build the credential, add the
 * `eddsa-rdfc-2022` proof, then sign the same credential as an RS256 VC-JWT.
 *
 * The two forms are published apart, each with the one proof that covers it as it stands: the JSON keeps
 * its Data Integrity proof, and the JWT payload is the credential without it (the JWT claims added at its
 * top level would leave a copied proof covering another document; DIGEST §4 "Measured trap").
 */

import { NO_STOPWATCH, type Stopwatch } from '../../stopwatch.ts';
import type { CanonicalizeOptions } from '../canonicalize.ts';
import { signDataIntegrity } from '../data-integrity.ts';
import { jwkUrl } from '../jwk.ts';
import { findKey, type IssuerSigner } from '../keys.ts';
import type { SignatureCache } from '../signature-cache.ts';
import { type CredentialSource, toOpenBadgeCredential } from './credential.ts';
import type { OpenBadgeCredential } from './types.ts';
import { signVcJwt } from './vc-jwt.ts';

export interface IssuedCredential {
  /** The credential with its Data Integrity proof (served as `credential.json`, baked as JSON). */
  readonly credential: OpenBadgeCredential;
  /** The compact VC-JWT of the same credential, without the proof (served as `credential.jwt`). */
  readonly jwt: string;
}

export interface IssueOptions extends CanonicalizeOptions {
  /** Proof `created`; defaults to the credential's `validFrom`, so output depends on content only. */
  readonly created?: string;
  /** Measures the building, Data Integrity and JWT stages (benchmark). */
  readonly stopwatch?: Stopwatch;
  /** Signatures of earlier builds (signature-cache.ts). */
  readonly signatures?: SignatureCache;
}

/** Signs an award's credential both ways. Refuses keys the issuer does not publish (`ERR_KEY_UNKNOWN`). */
export async function issueOpenBadgeCredential(
  source: CredentialSource,
  signer: IssuerSigner,
  options: IssueOptions = {},
): Promise<IssuedCredential> {
  const { issuer, urls } = source;
  const ed25519 = findKey(issuer, signer.ed25519.keyId);
  const rs256 = findKey(issuer, signer.rs256.keyId);
  const stopwatch = options.stopwatch ?? NO_STOPWATCH;
  const cacheFor = (key: typeof ed25519) =>
    options.signatures ? { cache: { ...options.signatures, key } } : {};
  const unsigned = stopwatch.time('credentials', () => toOpenBadgeCredential(source));
  const credential = await stopwatch.time('data-integrity', () =>
    signDataIntegrity(unsigned, {
      ...(options.documentLoader ? { documentLoader: options.documentLoader } : {}),
      privateKey: signer.ed25519.privateKey,
      verificationMethod: urls.keyDidUrl(issuer.slug, ed25519.id),
      created: options.created ?? unsigned.validFrom,
      ...cacheFor(ed25519),
    }),
  );
  const jwt = await stopwatch.time('jwt', () =>
    signVcJwt(unsigned, {
      privateKey: signer.rs256.privateKey,
      kid: jwkUrl(issuer, rs256, urls),
      ...cacheFor(rs256),
    }),
  );
  return { credential, jwt };
}
