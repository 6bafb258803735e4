/** The verification report as the command line prints it: the verdict first, then every check. */

import type { Check, PayloadReport, VerificationReport } from '../../core/verify/index.ts';
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

function formatPayload(payload: PayloadReport): string[] {
  const lines = ['', `${KINDS[payload.kind]}: ${payload.verdict}`];
  const { badge, proof, key, status } = payload;
  if (badge?.name) lines.push(`  badge      ${badge.name}`);
  if (badge?.issuer.id)
    lines.push(
      `  issuer     ${badge.issuer.name ? `${badge.issuer.name} (${badge.issuer.id})` : badge.issuer.id}`,
    );
  if (badge?.recipientName) lines.push(`  earner     ${badge.recipientName}`);
  if (badge?.validFrom)
    lines.push(
      `  valid      from ${badge.validFrom}${badge.validUntil ? ` until ${badge.validUntil}` : ', no expiry'}`,
    );
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
  lines.push('');
  for (const check of payload.checks) lines.push(...formatCheck(check));
  return lines;
}

/** The report for a terminal, in English. */
export function formatReport(report: VerificationReport, email?: string): string {
  const { headline, explanation } = en.verdict(report.verdict);
  const mark = report.verdict === 'verified' ? '✔' : '✖';
  const lines = [`${mark} ${headline.toUpperCase()}: ${explanation}`];
  if (report.recipient !== undefined) {
    const text = {
      match: 'recipientMatch',
      'no-match': 'recipientNoMatch',
      unknown: 'recipientUnknown',
    } as const;
    lines.push(
      `${report.recipient === 'match' ? '✔' : '✖'} ${en.ui(text[report.recipient])}${email ? ` (${email.trim()})` : ''}`,
    );
  }
  lines.push('');
  for (const check of report.checks) lines.push(...formatCheck(check));
  for (const payload of report.payloads) lines.push(...formatPayload(payload));
  lines.push('', `Checked at ${report.checkedAt}.`);
  return `${lines.join('\n')}\n`;
}
