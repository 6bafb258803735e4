/**
 * The verification report as the command line prints it. By default a summary: the verdict, then the
 * reason that matters (a revocation reason, an expiry day, the check that failed), then what the badge
 * says. With `--verbose`, every check of every payload.
 */

import { showControlCharacters } from '../../core/content/characters.ts';
import { failedChecks, revocationReason } from '../../core/verify/checks.ts';
import type { Check, EndorsementReport, PayloadReport, VerificationReport } from '../../core/verify/index.ts';
import { verifyTexts } from '../../core/verify/messages.ts';

const en = verifyTexts('en');

const MARK = { success: '✔', failure: '✖', skipped: '–' } as const;

const KINDS: Record<PayloadReport['kind'], string> = {
  'ob3-json': 'Open Badges 3.0 credential (JSON, Data Integrity proof)',
  'ob3-jwt': 'Open Badges 3.0 credential (VC-JWT)',
  'ob2-json': 'Open Badges 2.0 assertion (JSON)',
  'ob2-jws': 'Open Badges 2.0 signed assertion (JWS)',
  'ob2-url': 'Open Badges 2.0 hosted assertion',
};

function formatCheck(check: Check): string[] {
  const lines = [`  ${MARK[check.status]} ${check.id.padEnd(10)} ${check.message}`];
  if (check.status === 'failure') {
    for (const problem of check.problems) {
      if (problem.title !== check.message) lines.push(`               ${problem.title}`);
      lines.push(`               ${problem.detail}${problem.pointer ? ` (at ${problem.pointer})` : ''}`);
    }
  }
  return lines;
}

/** Whether the badge was issued to the email given with --email, as one line (none without --email). */
function recipientLine(report: VerificationReport, email: string | undefined): string[] {
  if (report.recipient === undefined) return [];
  const text = {
    match: 'recipientMatch',
    'no-match': 'recipientNoMatch',
    unknown: 'recipientUnknown',
  } as const;
  return [
    `${report.recipient === 'match' ? '✔' : '✖'} ${en.ui(text[report.recipient])}${email ? ` (${email.trim()})` : ''}`,
  ];
}

/** What the badge says: its name, issuer, earner and validity. */
function badgeLines(badge: PayloadReport['badge']): string[] {
  if (!badge) return [];
  const lines: string[] = [];
  if (badge.name) lines.push(`  badge      ${badge.name}`);
  if (badge.issuer.id)
    lines.push(
      `  issuer     ${badge.issuer.name ? `${badge.issuer.name} (${badge.issuer.id})` : badge.issuer.id}`,
    );
  if (badge.recipientName) lines.push(`  earner     ${badge.recipientName}`);
  if (badge.validFrom)
    lines.push(
      `  valid      from ${badge.validFrom}${badge.validUntil ? ` until ${badge.validUntil}` : ', no expiry'}`,
    );
  return lines;
}

function formatPayload(payload: PayloadReport): string[] {
  const lines = ['', `${KINDS[payload.kind]}: ${payload.verdict}`];
  const { badge, proof, key, status } = payload;
  lines.push(...badgeLines(badge));
  if (badge?.id) lines.push(`  id         ${badge.id}`);
  if (proof) {
    const detail =
      proof.type === 'DataIntegrityProof'
        ? `DataIntegrityProof ${proof.cryptosuite}`
        : proof.type === 'VC-JWT'
          ? `VC-JWT ${proof.alg}${proof.embeddedJwk ? ' (key embedded in the header)' : ''}`
          : proof.type === 'OB2-JWS'
            ? `JWS ${proof.alg}`
            : `hosted at ${proof.url}`;
    lines.push(`  proof      ${detail}`);
  }
  if (key) lines.push(`  key        ${key.id}${key.controller ? ` (controller ${key.controller})` : ''}`);
  if (status)
    lines.push(
      `  status     ${status.type} ${status.url}${status.index !== undefined ? ` #${status.index}` : ''}`,
    );
  for (const endorsement of payload.endorsements ?? []) lines.push(endorsementLine(endorsement));
  lines.push('');
  for (const check of payload.checks) lines.push(...formatCheck(check));
  return lines;
}

/** One endorsement: who, verified or not, and what they said. */
function endorsementLine(endorsement: EndorsementReport): string {
  // Quoted from the document, which anyone may have written: control characters are shown, not obeyed.
  const who = showControlCharacters((endorsement.endorser.name ?? endorsement.endorser.id).slice(0, 200));
  const state = endorsement.verified ? 'verified' : 'DOES NOT VERIFY';
  const comment = endorsement.comment
    ? `: "${showControlCharacters(endorsement.comment.slice(0, 200))}"`
    : '';
  return `  endorsed   by ${who} (${showControlCharacters(endorsement.endorser.id.slice(0, 200))}), ${state}${comment}`;
}

/** The report for a terminal, in English. */
export function formatReport(report: VerificationReport, email?: string): string {
  const { headline, explanation } = en.verdict(report.verdict);
  const mark = report.verdict === 'verified' ? '✔' : '✖';
  const lines = [`${mark} ${headline.toUpperCase()}: ${explanation}`];
  lines.push(...recipientLine(report, email));
  lines.push('');
  for (const check of report.checks) lines.push(...formatCheck(check));
  for (const payload of report.payloads) lines.push(...formatPayload(payload));
  lines.push('', `Checked at ${report.checkedAt}.`);
  return `${lines.join('\n')}\n`;
}

/** Whether a document the verification needed could not be fetched. */
export function fetchFailed(report: VerificationReport): boolean {
  return failedChecks(report).some((check) => check.problems.some((p) => /FETCH_FAILED$/.test(p.code)));
}

/** The ids a report mentions (badge, issuer, key, status list): to tell whether it belongs to a site. */
export function reportUrls(report: VerificationReport): string[] {
  return report.payloads.flatMap((p) =>
    [p.badge?.id, p.badge?.issuer.id, p.key?.id, p.status?.url].filter((u): u is string => u !== undefined),
  );
}

/** The short report: verdict, the reason that matters, what the badge says, and the failed checks. */
export function formatSummary(
  report: VerificationReport,
  options: { email?: string; hint?: string | undefined } = {},
): string {
  const { headline, explanation } = en.verdict(report.verdict);
  const mark = report.verdict === 'verified' ? '✔' : '✖';
  const reason = revocationReason(report);
  const lines = [
    `${mark} ${headline.toUpperCase()}${reason ? ` (reason given by the issuer: ${reason.replace(/[.\s]+$/, '')})` : ''}: ${explanation}`,
  ];
  const badge = report.payloads.find((p) => p.badge)?.badge;
  if (report.verdict === 'expired' && badge?.validUntil)
    lines.push(`  expired on ${badge.validUntil.slice(0, 10)}`);
  lines.push(...recipientLine(report, options.email));
  lines.push(...badgeLines(badge));
  // Each endorsement once, from the first payload that carries them (both of an image carry the same).
  const endorsements = report.payloads.find((p) => p.endorsements !== undefined)?.endorsements ?? [];
  for (const endorsement of endorsements) lines.push(endorsementLine(endorsement));
  const failed = failedChecks(report);
  if (failed.length > 0) lines.push('');
  for (const check of failed) lines.push(...formatCheck(check));
  if (options.hint) lines.push('', options.hint);
  lines.push('', 'Every check: add --verbose. The whole report as JSON: --json.');
  return `${lines.join('\n')}\n`;
}
