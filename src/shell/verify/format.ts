/**
 * The verification report as the command line prints it. By default a summary: the verdict, then the
 * reason that matters (a revocation reason, an expiry day, the check that failed), then what the badge
 * says. With `--verbose`, every check of every payload.
 */

import { showControlCharacters } from '../../core/content/characters.ts';
import { say, type Translate, translator } from '../../core/messages/catalogue.ts';
import type { Language } from '../../core/model/types.ts';
import { failedChecks, revocationReason } from '../../core/verify/checks.ts';
import type { Check, EndorsementReport, PayloadReport, VerificationReport } from '../../core/verify/index.ts';
import { verifyTexts } from '../../core/verify/messages.ts';

/** The verifier's own texts and the catalogue, in one language. */
interface Texts {
  readonly language: Language;
  readonly verifier: ReturnType<typeof verifyTexts>;
  readonly t: Translate;
}

const textsOf = (language: Language): Texts => ({
  language,
  verifier: verifyTexts(language),
  t: translator(language),
});

const MARK = { success: '✔', failure: '✖', skipped: '–' } as const;

const KINDS: Record<PayloadReport['kind'], string> = {
  'ob3-json': 'Open Badges 3.0 credential (JSON, Data Integrity proof)',
  'ob3-jwt': 'Open Badges 3.0 credential (VC-JWT)',
  'ob2-json': 'Open Badges 2.0 assertion (JSON)',
  'ob2-jws': 'Open Badges 2.0 signed assertion (JWS)',
  'ob2-url': 'Open Badges 2.0 hosted assertion',
};

function formatCheck(check: Check, texts: Texts): string[] {
  // In French the check is named, since its message is the verifier's English sentence.
  const english = texts.language === 'en';
  const lines = [
    `  ${MARK[check.status]} ${check.id.padEnd(10)} ${english ? check.message : texts.verifier.check(check.id)}`,
  ];
  if (check.status === 'failure') {
    for (const problem of check.problems) {
      const title = english ? problem.title : texts.verifier.problem(problem.code, problem.title);
      if (!english || problem.title !== check.message) lines.push(`               ${title}`);
      lines.push(
        `               ${problem.detail}${problem.pointer ? texts.t('verify.at', { pointer: problem.pointer }) : ''}`,
      );
    }
  }
  return lines;
}

/** Whether the badge was issued to the email given with --email, as one line (none without --email). */
function recipientLine(report: VerificationReport, email: string | undefined, texts: Texts): string[] {
  if (report.recipient === undefined) return [];
  const text = {
    match: 'recipientMatch',
    'no-match': 'recipientNoMatch',
    unknown: 'recipientUnknown',
  } as const;
  return [
    `${report.recipient === 'match' ? '✔' : '✖'} ${texts.verifier.ui(text[report.recipient])}${email ? ` (${email.trim()})` : ''}`,
  ];
}

/** What the badge says: its name, issuer, earner and validity. */
function badgeLines(badge: PayloadReport['badge'], { t }: Texts): string[] {
  if (!badge) return [];
  const lines: string[] = [];
  if (badge.name) lines.push(t('verify.line.badge', { value: badge.name }));
  if (badge.issuer.id)
    lines.push(
      t('verify.line.issuer', {
        value: badge.issuer.name ? `${badge.issuer.name} (${badge.issuer.id})` : badge.issuer.id,
      }),
    );
  if (badge.recipientName) lines.push(t('verify.line.earner', { value: badge.recipientName }));
  if (badge.validFrom)
    lines.push(
      badge.validUntil
        ? t('verify.line.validUntil', { from: badge.validFrom, until: badge.validUntil })
        : t('verify.line.validForever', { from: badge.validFrom }),
    );
  return lines;
}

function formatPayload(payload: PayloadReport, texts: Texts): string[] {
  const kind = texts.language === 'en' ? KINDS[payload.kind] : texts.verifier.kind(payload.kind);
  const lines = ['', texts.t('verify.payload', { kind, verdict: payload.verdict })];
  const { badge, proof, key, status } = payload;
  lines.push(...badgeLines(badge, texts));
  if (badge?.id) lines.push(`  id         ${badge.id}`);
  if (proof) {
    const detail =
      proof.type === 'DataIntegrityProof'
        ? `DataIntegrityProof ${proof.cryptosuite}`
        : proof.type === 'VC-JWT'
          ? `VC-JWT ${proof.alg}${proof.embeddedJwk ? texts.t('verify.embeddedKey') : ''}`
          : proof.type === 'OB2-JWS'
            ? `JWS ${proof.alg}`
            : texts.t('verify.hostedAt', { url: proof.url });
    lines.push(`  proof      ${detail}`);
  }
  if (key)
    lines.push(
      `  key        ${key.id}${key.controller ? texts.t('verify.controller', { controller: key.controller }) : ''}`,
    );
  if (status)
    lines.push(
      `  status     ${status.type} ${status.url}${status.index !== undefined ? ` #${status.index}` : ''}`,
    );
  for (const endorsement of payload.endorsements ?? []) lines.push(endorsementLine(endorsement, texts));
  lines.push('');
  for (const check of payload.checks) lines.push(...formatCheck(check, texts));
  return lines;
}

/** One endorsement: who, verified or not, and what they said. */
function endorsementLine(endorsement: EndorsementReport, { t }: Texts): string {
  // Quoted from the document, which anyone may have written: control characters are shown, not obeyed.
  const who = showControlCharacters((endorsement.endorser.name ?? endorsement.endorser.id).slice(0, 200));
  const comment = endorsement.comment
    ? say('verify.endorsement.comment', { comment: showControlCharacters(endorsement.comment.slice(0, 200)) })
    : '';
  return t('verify.endorsement', {
    who,
    id: showControlCharacters(endorsement.endorser.id.slice(0, 200)),
    state: say(endorsement.verified ? 'verify.endorsement.verified' : 'verify.endorsement.notVerified'),
    comment,
  });
}

/** The report for a terminal, in English or French. */
export function formatReport(report: VerificationReport, email?: string, language: Language = 'en'): string {
  const texts = textsOf(language);
  const { headline, explanation } = texts.verifier.verdict(report.verdict);
  const mark = report.verdict === 'verified' ? '✔' : '✖';
  const lines = [
    texts.t('verify.headline', { mark, headline: headline.toUpperCase(), reason: '', explanation }),
  ];
  lines.push(...recipientLine(report, email, texts));
  lines.push('');
  for (const check of report.checks) lines.push(...formatCheck(check, texts));
  for (const payload of report.payloads) lines.push(...formatPayload(payload, texts));
  lines.push('', texts.t('verify.checkedAt', { at: report.checkedAt }));
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
  options: { email?: string; hint?: string | undefined; language?: Language } = {},
): string {
  const texts = textsOf(options.language ?? 'en');
  const { t } = texts;
  const { headline, explanation } = texts.verifier.verdict(report.verdict);
  const mark = report.verdict === 'verified' ? '✔' : '✖';
  const reason = revocationReason(report);
  const lines = [
    t('verify.headline', {
      mark,
      headline: headline.toUpperCase(),
      reason: reason ? say('verify.reason', { reason: reason.replace(/[.\s]+$/, '') }) : '',
      explanation,
    }),
  ];
  const badge = report.payloads.find((p) => p.badge)?.badge;
  if (report.verdict === 'expired' && badge?.validUntil)
    lines.push(t('verify.expiredOn', { day: badge.validUntil.slice(0, 10) }));
  lines.push(...recipientLine(report, options.email, texts));
  lines.push(...badgeLines(badge, texts));
  // Each endorsement once, from the first payload that carries them (both of an image carry the same).
  const endorsements = report.payloads.find((p) => p.endorsements !== undefined)?.endorsements ?? [];
  for (const endorsement of endorsements) lines.push(endorsementLine(endorsement, texts));
  const failed = failedChecks(report);
  if (failed.length > 0) lines.push('');
  for (const check of failed) lines.push(...formatCheck(check, texts));
  if (options.hint) lines.push('', options.hint);
  lines.push('', t('verify.more'));
  return `${lines.join('\n')}\n`;
}
