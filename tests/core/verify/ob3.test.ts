/**
 * OB 3.0 proofs in the verifier: a JSON is proven by its Data Integrity proof, a VC-JWT by its JWS, and a
 * Data Integrity proof found inside a JWT payload must verify too, as it stands (DIGEST §4 "Measured trap").
 * Offline: the fixture's fake resolver serves the site and records every unknown URL.
 */
import { CompactSign } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { sitePaths } from '../../../src/core/urls.ts';
import { type VerificationReport, verifyBadge } from '../../../src/core/verify/index.ts';
import { type Fixture, fakeResolver, makeFixture, NOW, SITE_ROOT } from './fixture.ts';

let fx: Fixture;
beforeAll(async () => {
  fx = await makeFixture();
});

async function check(text: string): Promise<VerificationReport> {
  const resolver = fakeResolver(fx);
  const report = await verifyBadge({ text }, { resolver: resolver.resolve, now: NOW });
  expect(resolver.unknown).toEqual([]);
  return report;
}

const KID = `${SITE_ROOT}issuers/lycee/keys/rsa-2026.jwk.json`;
const sign = (payload: unknown) =>
  new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'RS256', kid: KID })
    .sign(fx.signer.rs256.privateKey);
const payloadOf = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
const codes = (report: VerificationReport) =>
  report.payloads
    .flatMap((p) => p.checks)
    .flatMap((c) => (c.status === 'failure' ? c.problems.map((p) => p.code) : []));

describe('proofs in OB 3.0 artefacts', () => {
  it('a published VC-JWT carries no proof and verifies by its JWS alone', async () => {
    const token = fx.text(sitePaths.credentialJwt(fx.awards.plain.id));
    const payload = payloadOf(token);
    expect(payload).not.toHaveProperty('proof');
    const { proof: _proof, ...unsecured } = fx.json(sitePaths.credential(fx.awards.plain.id));
    expect(payload).toMatchObject(unsecured);
    expect((await check(token)).verdict).toBe('verified');
  });

  it('a VC-JWT whose payload carries the JSON proof beside its claims is refused', async () => {
    // The form Insigne published before: the proof covers the credential, not the payload with iss, jti…
    const id = fx.awards.plain.id;
    const { proof } = fx.json(sitePaths.credential(id));
    const stale = await sign({ ...payloadOf(fx.text(sitePaths.credentialJwt(id))), proof });
    const report = await check(stale);
    expect(report.verdict).toBe('signature-invalid');
    expect(codes(report)).toContain('JWT_EMBEDDED_PROOF_INVALID');
    const proofCheck = report.payloads[0]?.checks.find((c) => c.id === 'proof');
    expect(proofCheck).toMatchObject({
      status: 'failure',
      message: 'The proof inside the token does not verify.',
    });
  });

  it('a proof inside the vc claim that covers that credential as it stands verifies', async () => {
    // VCDM 1.1 form: the credential sits whole in `vc`, so its own proof still covers it.
    const id = fx.awards.plain.id;
    const credential = fx.json(sitePaths.credential(id));
    const claims = payloadOf(fx.text(sitePaths.credentialJwt(id)));
    const { iss, jti, sub, nbf, exp } = claims;
    const wrapped = await sign({ iss, jti, sub, nbf, exp, vc: credential });
    expect((await check(wrapped)).verdict).toBe('verified');
    const altered = await sign({ iss, jti, sub, nbf, exp, vc: { ...credential, name: 'Autre badge' } });
    const report = await check(altered);
    expect(report.verdict).toBe('signature-invalid');
    expect(codes(report)).toEqual(
      expect.arrayContaining(['JWT_EMBEDDED_PROOF_INVALID', 'DI_SIGNATURE_INVALID']),
    );
  });

  it('the JSON credential is verified by its Data Integrity proof, and refused without it', async () => {
    const credential = fx.json(sitePaths.credential(fx.awards.plain.id));
    expect((await check(JSON.stringify(credential))).verdict).toBe('verified');
    const { proof: _proof, ...bare } = credential;
    const report = await check(JSON.stringify(bare));
    expect(report.verdict).toBe('signature-invalid');
    expect(codes(report)).toContain('NO_PROOF');
  });
});
