/**
 * Verifying an OB 3.0 credential (OB 3.0 §Verification, DIGEST §5.1), from its JSON with an embedded Data
 * Integrity proof or from its VC-JWT (DIGEST §4.1): structure, proof, key provenance, status, validity
 * dates, and optionally the recipient. A JSON is proven by its Data Integrity proof, a JWT by its JWS; a
 * Data Integrity proof found inside a JWT payload must verify too, as it stands.
 */
import { asArray, failure, idOf, isObject, payloadReport, problem, skipped, success } from './checks.ts';
import { checkDataIntegrity } from './data-integrity.ts';
import { checkEndorsements } from './endorsements.ts';
import { checkAlgorithm, type DecodedJws, verifyJwsWithJwk } from './jws.ts';
import { resolveJwtKey } from './keys.ts';
import { checkOb3Status } from './ob3-status.ts';
import { checkRecipient, ob3EmailIdentities } from './recipient.ts';
import type { Session } from './session.ts';
import { checkOb3Structure } from './structure.ts';
import type {
  BadgeSummary,
  Check,
  KeyInfo,
  PayloadReport,
  Problem,
  ProofInfo,
  VerifyOptions,
} from './types.ts';
import { checkValidity, instantOf } from './validity.ts';

const NOT_A_BADGE = 'Not checked: the document is not a valid badge.';
const NOT_AUTHENTIC = 'Not checked: the badge could not be authenticated.';

/** What the credential says, for display. */
export function summariseOb3(credential: Record<string, unknown>, validUntil?: string): BadgeSummary {
  const subject = isObject(credential.credentialSubject) ? credential.credentialSubject : {};
  const achievement = isObject(subject.achievement) ? subject.achievement : {};
  const issuer = credential.issuer;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const name = asArray(subject.identifier).find(
    (entry) => isObject(entry) && entry.identityType === 'name' && entry.hashed === false,
  );
  const email = ob3EmailIdentities(subject)[0];
  const criteria = isObject(achievement.criteria) ? achievement.criteria : {};
  const fields = {
    name: text(credential.name) ?? text(achievement.name),
    description: text(achievement.description) ?? text(credential.description),
    image: idOf(achievement.image) ?? idOf(credential.image),
    criteria: text(criteria.id) ?? text(criteria.narrative),
    recipientName: isObject(name) ? text(name.identityHash) : undefined,
    recipientIdentity: email?.hashed ? email.identity.toLowerCase() : undefined,
    validFrom: text(credential.validFrom) ?? text(credential.issuanceDate),
    validUntil: validUntil ?? text(credential.validUntil) ?? text(credential.expirationDate),
  };
  return {
    id: text(credential.id) ?? '',
    issuer: {
      id: idOf(issuer) ?? '',
      ...(isObject(issuer) && typeof issuer.name === 'string' && { name: issuer.name }),
      ...(isObject(issuer) && typeof issuer.url === 'string' && { url: issuer.url }),
    },
    ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
  };
}

const seconds = (dateTime: unknown) => {
  const time = instantOf(dateTime);
  return time === undefined ? undefined : Math.floor(time / 1000);
};

/** VC-JWT claims against the credential (OB 3.0 §JWT Proof "Verify", DIGEST §4.1 step 4). */
function claimProblems(claims: Record<string, unknown>, credential: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const expect = (claim: string, expected: unknown, what: string, required = true) => {
    const value = claims[claim];
    if (value === undefined && (!required || expected === undefined)) return;
    if (value !== expected) {
      problems.push(
        problem(
          'JWT_CLAIM_MISMATCH',
          `The ${claim} claim does not match the credential`,
          `${claim} must equal ${what} (${JSON.stringify(expected)}); it is ${JSON.stringify(value)}.`,
          `/payload/${claim}`,
        ),
      );
    }
  };
  const subject = isObject(credential.credentialSubject) ? credential.credentialSubject : {};
  expect('iss', idOf(credential.issuer), 'issuer.id');
  expect('jti', credential.id, 'the credential id');
  expect('sub', subject.id, 'credentialSubject.id');
  expect('nbf', seconds(credential.validFrom ?? credential.issuanceDate), 'validFrom in seconds');
  const until = credential.validUntil ?? credential.expirationDate;
  if (until !== undefined) expect('exp', seconds(until), 'validUntil in seconds');
  return problems;
}

/**
 * A Data Integrity proof inside a VC-JWT payload must verify as it stands, like any proof anywhere: a
 * wallet that keeps the decoded payload keeps that proof. It covers the credential the token carries (the
 * payload itself, or its `vc` claim), JWT claims included, which is why a proof signed before the claims
 * were added fails here (DIGEST §4 "Measured trap"). Undefined when the payload carries no proof.
 */
async function checkEmbeddedProof(
  session: Session,
  credential: Record<string, unknown>,
  issuerId: string,
): Promise<Check | undefined> {
  if (credential.proof === undefined) return undefined;
  const { proof, key } = await checkDataIntegrity(session, credential, issuerId);
  const failed = [proof, key].filter((check) => check.status !== 'success');
  if (failed.length === 0) return undefined;
  const detail = failed
    .map((check) =>
      check.status === 'failure' ? (check.problems[0]?.detail ?? check.message) : check.message,
    )
    .join(' ');
  // A proof that could not be checked (an unknown context, a key out of reach) keeps its own verdict.
  const verdict =
    failed.flatMap((check) => (check.status === 'failure' && check.verdict ? [check.verdict] : []))[0] ??
    'signature-invalid';
  return failure('proof', verdict, 'The proof inside the token does not verify.', [
    problem(
      'JWT_EMBEDDED_PROOF_INVALID',
      'The Data Integrity proof inside the token does not verify',
      `The token's payload carries a proof that does not cover the payload as it stands, so a wallet keeping the decoded credential keeps a broken proof. ${detail}`,
      '/payload/proof',
    ),
    ...failed.flatMap((check) => (check.status === 'failure' ? check.problems : [])),
  ]);
}

/** The JWT proof check: algorithm, signature, claims, then any proof the payload carries. */
async function checkJwtProof(
  session: Session,
  jws: DecodedJws,
  jwk: Record<string, unknown> | undefined,
  credential: Record<string, unknown>,
  issuerId: string,
): Promise<Check> {
  if (jwk === undefined) return skipped('proof', 'Not checked: the key could not be found.');
  const algorithm = checkAlgorithm(jws.header, jwk);
  if (!algorithm.ok) return algorithm.check;
  const signature = await verifyJwsWithJwk(session, jws.text, jwk, algorithm.alg);
  if (signature.status !== 'success') return signature;
  const problems = claimProblems(jws.payload, credential);
  if (problems.length > 0) {
    return failure('proof', 'signature-invalid', 'The token claims do not match the credential.', problems);
  }
  return (
    (await checkEmbeddedProof(session, credential, issuerId)) ??
    success('proof', `The VC-JWT ${algorithm.alg} signature is valid and its claims match the credential.`)
  );
}

/** Verifies an OB 3.0 credential given as JSON (Data Integrity) or as a decoded VC-JWT. */
export async function verifyOb3(
  session: Session,
  input: { readonly credential: Record<string, unknown>; readonly jws?: DecodedJws },
  options: VerifyOptions,
): Promise<PayloadReport> {
  const { jws } = input;
  const kind = jws === undefined ? 'ob3-json' : 'ob3-jwt';
  // A VCDM 1.1 VC-JWT carries the credential in `vc`; OB 3.0 (VCDM 2.0) uses the whole payload (DIGEST §2.3).
  const credential = jws !== undefined && isObject(jws.payload.vc) ? jws.payload.vc : input.credential;
  const exp = jws?.payload.exp;
  const expiry =
    typeof exp === 'number' && credential.validUntil === undefined && credential.expirationDate === undefined
      ? new Date(exp * 1000).toISOString()
      : undefined;
  const badge = summariseOb3(credential, expiry);
  const structure = await checkOb3Structure(credential);
  const recipient = checkRecipient(options.email, ob3EmailIdentities(credential.credentialSubject));
  if (structure.status === 'failure') {
    const rest = (['proof', 'key', 'status', 'validity'] as const).map((id) => skipped(id, NOT_A_BADGE));
    return payloadReport(kind, [structure, ...rest, recipient], { badge });
  }
  const issuerId = idOf(credential.issuer) ?? '';
  let proof: Check;
  let key: Check;
  let proofInfo: ProofInfo | undefined;
  let keyInfo: KeyInfo | undefined;
  if (jws === undefined) {
    const outcome = await checkDataIntegrity(session, credential, issuerId);
    ({ proof, key, proofInfo, keyInfo } = outcome);
  } else {
    const resolution = await resolveJwtKey(session, jws.header, issuerId);
    keyInfo = resolution.info;
    key = resolution.check;
    proofInfo = {
      type: 'VC-JWT',
      alg: String(jws.header.alg),
      ...(typeof jws.header.kid === 'string' && { kid: jws.header.kid }),
      embeddedJwk: isObject(jws.header.jwk),
    };
    proof = await checkJwtProof(
      session,
      jws,
      resolution.material?.kind === 'jwk' ? resolution.material.jwk : undefined,
      credential,
      issuerId,
    );
  }
  const authentic = proof.status === 'success' && key.status === 'success';
  const status = authentic ? await checkOb3Status(session, credential, issuerId) : undefined;
  const validity = checkValidity(
    {
      ...(typeof (credential.validFrom ?? credential.issuanceDate) === 'string' && {
        from: String(credential.validFrom ?? credential.issuanceDate),
      }),
      ...(badge.validUntil !== undefined && { until: badge.validUntil }),
      fromMember:
        credential.validFrom === undefined && credential.issuanceDate !== undefined
          ? 'issuanceDate'
          : 'validFrom',
      untilMember:
        expiry !== undefined
          ? 'exp'
          : credential.validUntil === undefined && credential.expirationDate !== undefined
            ? 'expirationDate'
            : 'validUntil',
    },
    options.now,
  );
  const endorsements = await checkEndorsements(session, credential, options.now);
  const checks = [
    structure,
    proof,
    key,
    status?.check ?? skipped('status', NOT_AUTHENTIC),
    validity,
    recipient,
    ...(endorsements ? [endorsements.check] : []),
  ];
  return payloadReport(kind, checks, {
    ...(endorsements !== undefined && { endorsements: endorsements.reports }),
    ...(proofInfo !== undefined && { proof: proofInfo }),
    ...(keyInfo !== undefined && { key: keyInfo }),
    ...(status?.info !== undefined && { status: status.info }),
    badge,
  });
}
