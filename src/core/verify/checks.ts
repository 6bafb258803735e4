/** Building check outcomes and problems, and reducing them to one verdict. */
import type {
  BadgeSummary,
  Check,
  CheckId,
  KeyInfo,
  PayloadReport,
  Problem,
  ProofInfo,
  StatusInfo,
  Verdict,
  VerificationReport,
} from './types.ts';
import { VERDICTS } from './types.ts';

export const success = (id: CheckId, message: string): Check => ({ id, status: 'success', message });

export const skipped = (id: CheckId, message: string): Check => ({ id, status: 'skipped', message });

export const failure = (
  id: CheckId,
  verdict: Exclude<Verdict, 'verified'> | undefined,
  message: string,
  problems: readonly Problem[],
): Check => ({ id, status: 'failure', ...(verdict !== undefined && { verdict }), message, problems });

export const problem = (code: string, title: string, detail: string, pointer?: string): Problem => ({
  code,
  title,
  detail,
  ...(pointer !== undefined && { pointer }),
});

/** A failure with a single problem whose title is also the check's message. */
export const failWith = (
  id: CheckId,
  verdict: Exclude<Verdict, 'verified'> | undefined,
  code: string,
  title: string,
  detail: string,
  pointer?: string,
): Check => failure(id, verdict, title, [problem(code, title, detail, pointer)]);

/** The verdict of highest precedence among `verdicts` (`verified` when there is none). */
export function strongest(verdicts: Iterable<Verdict>): Verdict {
  let best = VERDICTS.length - 1;
  for (const verdict of verdicts) best = Math.min(best, VERDICTS.indexOf(verdict));
  return VERDICTS[best] ?? 'verified';
}

/** The verdict a list of checks implies: the strongest among its failures. */
export function verdictOf(checks: readonly Check[]): Verdict {
  return strongest(
    checks.flatMap((check) =>
      check.status === 'failure' && check.verdict !== undefined ? [check.verdict] : [],
    ),
  );
}

/** RFC 6901 escaping of one pointer segment. */
export const pointerSegment = (segment: string | number): string =>
  String(segment).replaceAll('~', '~0').replaceAll('/', '~1');

/** Whether `value` is a plain JSON object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON value as an array (a single value becomes a one-element array, absent becomes empty). */
export function asArray(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The string types of a JSON-LD `type` member (string or array). */
export function typesOf(value: unknown): readonly string[] {
  return asArray(value).filter((type): type is string => typeof type === 'string');
}

/** The id of a member that may be a string id or an object with an `id`. */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return isObject(value) && typeof value.id === 'string' ? value.id : undefined;
}

/** Structural equality of two JSON values (member order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => jsonEqual(item, b[index]))
    );
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a).filter((key) => a[key] !== undefined);
  const otherKeys = Object.keys(b).filter((key) => b[key] !== undefined);
  return keys.length === otherKeys.length && keys.every((key) => jsonEqual(a[key], b[key]));
}

/** The message of anything thrown. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A payload's report: its checks, the verdict they give, and what was used (proof, key, status, badge). */
export function payloadReport(
  kind: PayloadReport['kind'],
  checks: Check[],
  extras: {
    proof?: ProofInfo;
    key?: KeyInfo;
    status?: PayloadReport['status'];
    badge?: BadgeSummary;
    endorsements?: PayloadReport['endorsements'];
  },
): PayloadReport {
  return {
    kind,
    verdict: verdictOf(checks),
    checks,
    ...(extras.proof !== undefined && { proof: extras.proof }),
    ...(extras.key !== undefined && { key: extras.key }),
    ...(extras.status !== undefined && { status: extras.status }),
    ...(extras.badge !== undefined && { badge: extras.badge }),
    ...(extras.endorsements !== undefined && { endorsements: extras.endorsements }),
  };
}

/**
 * The status check once a revocation list was read (OB 2.0 RevocationList, 1EdTech revocation list):
 * `entry` is what the list says about the badge, or undefined when it does not list it.
 */
export function revocationListOutcome(
  info: StatusInfo,
  entry: unknown,
  listed: string,
): { info: StatusInfo; check: Check } {
  if (entry === undefined) {
    return {
      info,
      check: success('status', `Not revoked: the revocation list ${info.url} does not list it.`),
    };
  }
  const reason =
    isObject(entry) && typeof entry.revocationReason === 'string' ? entry.revocationReason : undefined;
  return {
    info: { ...info, ...(reason !== undefined && { reason }) },
    check: failWith(
      'status',
      'revoked',
      'REVOKED',
      'Revoked',
      `The issuer's revocation list ${info.url} lists ${listed}${reason ? `: ${reason}` : ''}.`,
    ),
  };
}

/** Every failed check of a report: the report's own first, then each payload's. */
export function failedChecks(report: VerificationReport): Extract<Check, { status: 'failure' }>[] {
  return [...report.checks, ...report.payloads.flatMap((p) => p.checks)].filter(
    (check): check is Extract<Check, { status: 'failure' }> => check.status === 'failure',
  );
}

/** The revocation reason the issuer gave, from whichever payload carries one. */
export function revocationReason(report: VerificationReport): string | undefined {
  return report.payloads.map((p) => p.status?.reason).find((reason) => reason !== undefined);
}
