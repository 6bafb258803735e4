/**
 * Oracle 2: the Digital Credentials Consortium's `@digitalcredentials/verifier-core`, what the DCC
 * wallet (Learner Credential Wallet) and VerifierPlus run. Its own forks of the Data Integrity stack,
 * its own security document loader with bundled contexts, its own did:web driver, its own status list
 * and schema checks. It reads two things from the environment, configured here:
 *
 * - the network, through `fetch`: the did:web driver, the status list loader, the schema check and
 *   the issuer registries all use it. The tests install `installOfflineFetch` (offline.ts), which
 *   answers from the built site and the pinned copies and refuses anything else.
 * - the clock (`new Date()`), for expiry and the status list's validity: the tests set the fake
 *   system time to the build day.
 *
 * Issuer registries: `knownDIDRegistries` is empty, so no registry is loaded and the
 * `registered_issuer` step is always false ("not in a known registry"); a school's did:web is in none,
 * and that step does not bear on whether the credential verifies.
 */
import { verifyCredential } from '@digitalcredentials/verifier-core';
import type { OracleResult } from './verdict.ts';

interface LogEntry {
  readonly id: string;
  readonly valid?: boolean;
  readonly error?: { readonly name?: string; readonly message?: string };
}

interface DccResponse {
  readonly log?: readonly LogEntry[];
  readonly errors?: readonly { readonly name: string; readonly message: string }[];
  readonly additionalInformation?: readonly {
    readonly id: string;
    readonly results?:
      | readonly { readonly schema: string; readonly result: { readonly valid: boolean } }[]
      | string;
  }[];
}

export interface DccResult extends OracleResult {
  readonly response: DccResponse;
  /** Whether every schema the library checked the credential against passed (undefined: none checked). */
  readonly schemaValid: boolean | undefined;
}

/** Verifies a credential with an embedded proof, as verifier-core does for a wallet. */
export async function verifyWithDcc(credential: Record<string, unknown>): Promise<DccResult> {
  const response = (await verifyCredential({
    credential: credential as unknown as Parameters<typeof verifyCredential>[0]['credential'],
    knownDIDRegistries: [],
  })) as DccResponse;
  const schema = response.additionalInformation?.find((entry) => entry.id === 'schema_check')?.results;
  const schemaValid = Array.isArray(schema) ? schema.every((s) => s.result.valid) : undefined;
  const done = (verdict: OracleResult['verdict'], detail: string): DccResult => ({
    verdict,
    detail,
    response,
    schemaValid,
  });
  if (response.errors !== undefined && response.errors.length > 0) {
    return done('invalid', response.errors.map((e) => `${e.name}: ${e.message}`).join('; '));
  }
  const step = (id: string) => response.log?.find((entry) => entry.id === id);
  if (step('valid_signature')?.valid !== true) return done('invalid', 'valid_signature is not true');
  const revocation = step('revocation_status');
  if (revocation?.error !== undefined) {
    return done('invalid', `revocation_status: ${revocation.error.name}: ${revocation.error.message}`);
  }
  if (revocation?.valid === false) return done('revoked', 'revocation_status is false');
  if (step('expiration')?.valid === false) return done('expired', 'expiration is false');
  return done('verified', 'valid_signature, expiration and revocation_status hold');
}
