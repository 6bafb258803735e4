/**
 * The verifier (DESIGN §2 "verify (anywhere)"): the same code runs in the CLI, in the build's self-check,
 * in the tests and in the browser. Inputs are bytes, text or a URL; documents come through an injected
 * resolver; the clock is a `now` option; the answer is a report, never an exception for a bad badge.
 */

export {
  createFilesResolver,
  didWebToUrl,
  fetchableUrl,
  mediaTypeOf,
  type Resolution,
  type Resolved,
  type Resolver,
  type SiteFileSource,
  type Unresolved,
} from './resolver.ts';
export type {
  BadgeSummary,
  Check,
  CheckId,
  EndorsementReport,
  InputFormat,
  KeyInfo,
  PayloadKind,
  PayloadReport,
  Problem,
  ProofInfo,
  StatusInfo,
  Verdict,
  VerificationReport,
  VerifyInput,
  VerifyOptions,
} from './types.ts';
export { CHECK_IDS, VERDICTS } from './types.ts';
export { createVerifier, type Verifier, verifyBadge } from './verify.ts';
