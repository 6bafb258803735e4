/**
 * Oracle 1: Digital Bazaar's Verifiable Credentials stack (`@digitalbazaar/vc` with the
 * `eddsa-rdfc-2022` cryptosuite on `@digitalbazaar/data-integrity`, revocation by
 * `@digitalbazaar/vc-bitstring-status-list`). It shares no code with Insigne's signer: its own JSON-LD
 * expansion and safe mode, its own canonicalization, its own Ed25519 and Multikey handling, its own
 * proof-purpose check (the key's controller lists it under `assertionMethod` and is the issuer).
 *
 * The proof is checked at the credential's `validFrom`, so that an expired credential's proof is still
 * seen to verify as it stands; the verdict is then taken at the build day, when the library reports
 * expiry itself. The status list credential is verified by the library too, before its bit is read.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { verifyCredential } from '@digitalbazaar/vc';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import type { OfflineLoader } from './offline.ts';
import type { OracleResult } from './verdict.ts';

const suite = new DataIntegrityProof({ cryptosuite });

type Outcome = Awaited<ReturnType<typeof verifyCredential>>;

const reasonOf = (outcome: Outcome): string =>
  [
    outcome.error?.message,
    ...(outcome.error?.errors ?? []).map((e) => e.message),
    outcome.statusResult?.error?.message,
  ]
    .filter((m) => m !== undefined)
    .join('; ') || 'no error given';

/** The revocation bit of a credential's status list entry, the list verified by the library. */
export async function digitalBazaarRevoked(
  credential: Record<string, unknown>,
  loader: OfflineLoader,
): Promise<boolean> {
  const result = await checkStatus({
    credential,
    documentLoader: loader.documentLoader,
    suite,
    verifyBitstringStatusListCredential: true,
    verifyMatchingIssuers: true,
  });
  if (!result.verified) throw new Error(`status check failed: ${result.error?.message ?? 'unknown'}`);
  return result.results?.[0]?.status === true;
}

/** Verifies a credential with an embedded Data Integrity proof, at `now`. */
export async function verifyWithDigitalBazaar(
  credential: Record<string, unknown>,
  loader: OfflineLoader,
  now: Date,
): Promise<OracleResult> {
  const documentLoader = loader.documentLoader;
  const validFrom = typeof credential.validFrom === 'string' ? credential.validFrom : now;
  const atIssue = await verifyCredential({ credential, suite, documentLoader, checkStatus, now: validFrom });
  if (!atIssue.verified) return { verdict: 'invalid', detail: reasonOf(atIssue) };
  if (atIssue.statusResult?.results?.some((result) => result.status === true)) {
    return { verdict: 'revoked', detail: 'the status list bit is set' };
  }
  const today = await verifyCredential({ credential, suite, documentLoader, checkStatus, now });
  if (today.verified) return { verdict: 'verified', detail: 'proof and dates hold' };
  const reason = reasonOf(today);
  return /after "validUntil"/.test(reason)
    ? { verdict: 'expired', detail: reason }
    : { verdict: 'invalid', detail: reason };
}
