/**
 * Verification, start to finish: extract the payload(s), verify each, check that the payloads of one image
 * agree, and reduce everything to one verdict. Never throws for a bad badge; an unexpected exception (a bug)
 * becomes an `error` report rather than a crash of the page or the build.
 */
import { InsigneError } from '../errors.ts';
import { failWith, messageOf, skipped, strongest, success, verdictOf } from './checks.ts';
import { extract, type Payload } from './detect.ts';
import { verifyOb2Hosted, verifyOb2Json, verifyOb2Signed } from './ob2.ts';
import { verifyOb3 } from './ob3.ts';
import type { Resolver } from './resolver.ts';
import { createSession, type Session } from './session.ts';
import type { Check, PayloadReport, VerificationReport, VerifyInput, VerifyOptions } from './types.ts';

/** A verifier bound to a resolver; documents it fetched are reused by every later verification. */
export interface Verifier {
  verify(input: VerifyInput, options: VerifyOptions): Promise<VerificationReport>;
}

function verifyPayloadOnce(
  session: Session,
  payload: Payload,
  options: VerifyOptions,
): Promise<PayloadReport> {
  switch (payload.kind) {
    case 'ob3-json':
      return verifyOb3(session, { credential: payload.credential }, options);
    case 'ob3-jwt':
      return verifyOb3(session, { credential: payload.jws.payload, jws: payload.jws }, options);
    case 'ob2-jws':
      return verifyOb2Signed(session, payload.jws, options);
    case 'ob2-json':
      return verifyOb2Json(session, payload.assertion, options);
    case 'ob2-url':
      return verifyOb2Hosted(session, payload.url, undefined, options);
  }
}

/** The text a payload was read from, normalised: equal texts verify the same within a session. */
function payloadText(payload: Payload): string {
  switch (payload.kind) {
    case 'ob3-json':
      return JSON.stringify(payload.credential);
    case 'ob2-json':
      return JSON.stringify(payload.assertion);
    case 'ob3-jwt':
    case 'ob2-jws':
      return payload.jws.text;
    case 'ob2-url':
      return payload.url;
  }
}

/**
 * Verifies a payload once per session for the same text, instant and email: a baked image carries the
 * very credential and JWS the award also publishes as files, and the self-check verifies all of them.
 */
function verifyPayload(session: Session, payload: Payload, options: VerifyOptions): Promise<PayloadReport> {
  // The text itself is the key: hashing it in JavaScript cost more than the Map's own string hashing.
  const key = [payload.kind, options.now.toISOString(), options.email ?? '', payloadText(payload)].join(
    '\u0000',
  );
  return session.memo('payload', key, () => verifyPayloadOnce(session, payload, options));
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Every payload an image carries must be readable: an image whose second payload is damaged was altered,
 * even though the first one verifies on its own.
 */
function checkPayloadsReadable(unreadable: readonly string[]): Check | undefined {
  if (unreadable.length === 0) return undefined;
  return failWith(
    'payloads',
    'signature-invalid',
    'PAYLOAD_UNREADABLE',
    'The image was altered: one of its payloads cannot be read',
    `${unreadable.join(' ')} The image carries it, so it was changed or damaged after baking.`,
  );
}

/**
 * Two payloads of one image must describe the same award: same recipient hash (a fresh salt per award makes
 * it unique) and, when both ids carry one UUID, the same UUID. A payload copied from another award's image
 * fails here even though each payload is genuine on its own.
 */
function checkPayloadsAgree(reports: readonly PayloadReport[]): Check {
  if (reports.length < 2) return skipped('payloads', 'Only one payload: nothing to compare.');
  const [first, ...others] = reports;
  const compared: string[] = [];
  for (const other of others) {
    const a = first?.badge;
    const b = other.badge;
    if (a?.recipientIdentity !== undefined && b?.recipientIdentity !== undefined) {
      compared.push('recipient');
      if (a.recipientIdentity !== b.recipientIdentity) {
        return failWith(
          'payloads',
          'signature-invalid',
          'PAYLOADS_DIFFERENT_AWARDS',
          'The image was altered: its payloads belong to different awards',
          'The OB 3.0 and OB 2.0 payloads name different recipients.',
        );
      }
    }
    const uuidsA = [...new Set(a?.id.match(UUID) ?? [])];
    const uuidsB = [...new Set(b?.id.match(UUID) ?? [])];
    if (uuidsA.length === 1 && uuidsB.length === 1) {
      compared.push('id');
      if (uuidsA[0]?.toLowerCase() !== uuidsB[0]?.toLowerCase()) {
        return failWith(
          'payloads',
          'signature-invalid',
          'PAYLOADS_DIFFERENT_AWARDS',
          'The image was altered: its payloads belong to different awards',
          `The OB 3.0 payload is ${a?.id} and the OB 2.0 payload is ${b?.id}.`,
        );
      }
    }
  }
  return compared.length === 0
    ? skipped('payloads', 'The payloads carry nothing comparable.')
    : success('payloads', 'The payloads describe the same award.');
}

function recipientOutcome(
  reports: readonly PayloadReport[],
  email?: string,
): VerificationReport['recipient'] {
  if (email === undefined || email.trim() === '') return undefined;
  const checks = reports.flatMap((report) => report.checks.filter((check) => check.id === 'recipient'));
  if (checks.some((check) => check.status === 'failure')) return 'no-match';
  return checks.some((check) => check.status === 'success') ? 'match' : 'unknown';
}

async function run(
  session: Session,
  input: VerifyInput,
  options: VerifyOptions,
): Promise<VerificationReport> {
  const checkedAt = options.now.toISOString();
  const extraction = await extract(session, input);
  if (!extraction.ok) {
    return {
      verdict: verdictOf([extraction.check]),
      input: extraction.input,
      checks: [extraction.check],
      payloads: [],
      checkedAt,
    };
  }
  const payloads: PayloadReport[] = [];
  for (const payload of extraction.payloads) payloads.push(await verifyPayload(session, payload, options));
  const checks = [
    success('format', extraction.message),
    checkPayloadsReadable(extraction.unreadable ?? []) ?? checkPayloadsAgree(payloads),
  ];
  const recipient = recipientOutcome(payloads, options.email);
  return {
    verdict: strongest([verdictOf(checks), ...payloads.map((report) => report.verdict)]),
    input: extraction.input,
    checks,
    payloads,
    ...(recipient !== undefined && { recipient }),
    checkedAt,
  };
}

async function guarded(
  session: Session,
  input: VerifyInput,
  options: VerifyOptions,
): Promise<VerificationReport> {
  if (!(options.now instanceof Date) || Number.isNaN(options.now.getTime())) {
    throw new InsigneError(
      'ERR_VERIFY_CLOCK',
      'verify needs `now`, a valid Date: the instant dates are checked against.',
    );
  }
  try {
    return await run(session, input, options);
  } catch (error) {
    // Input the limits did not foresee can still exhaust the stack or a length limit somewhere (both are
    // RangeErrors): that is malformed input, not a document that could not be fetched.
    const check =
      error instanceof RangeError
        ? failWith(
            'format',
            'malformed',
            'INPUT_MALFORMED',
            'The input cannot be processed',
            `Reading it failed with "${error.message}": it is damaged or built to exhaust verifiers.`,
          )
        : failWith('format', 'error', 'INTERNAL_ERROR', 'The verifier failed', messageOf(error));
    return {
      verdict: 'error',
      input: { container: 'unknown' },
      checks: [check],
      payloads: [],
      checkedAt: options.now.toISOString(),
    };
  }
}

/** A verifier that shares fetched documents and computed proofs across verifications (the self-check). */
export function createVerifier(resolver: Resolver): Verifier {
  const session = createSession(resolver);
  return { verify: (input, options) => guarded(session, input, options) };
}

/** Verifies one badge with fresh caches (the CLI and the page: a status list is always fetched anew). */
export function verifyBadge(
  input: VerifyInput,
  options: VerifyOptions & { readonly resolver: Resolver },
): Promise<VerificationReport> {
  return guarded(createSession(options.resolver), input, options);
}
