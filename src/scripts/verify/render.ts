/**
 * The verification report as HTML, in plain language: the verdict first, what the badge says, the email
 * check, then every check and the technical details (proof, key, status list) in a disclosure. Built with
 * DOM nodes and textContent only: a report quotes untrusted documents, none of it is parsed as HTML.
 */
import type { Language } from '../../core/model/types.ts';
import { failedChecks, revocationReason } from '../../core/verify/checks.ts';
import type { Check, PayloadReport, VerificationReport } from '../../core/verify/index.ts';
import { verifyTexts } from '../../core/verify/messages.ts';

type Texts = ReturnType<typeof verifyTexts>;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: { className?: string; text?: string; lang?: string } = {},
  ...children: (Node | undefined)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  if (options.lang) node.lang = options.lang;
  for (const child of children) if (child !== undefined) node.append(child);
  return node;
}

/** A day for readers ("20 mars 2026"), from a date-time; the value itself if it is not one. */
function formatDate(value: string, language: Language): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(time));
}

/** The host of a did:web or http(s) id, for display. */
function domainOf(id: string): string | undefined {
  if (id.startsWith('did:web:')) return decodeURIComponent(id.split(':')[2] ?? '') || undefined;
  try {
    return /^https?:/.test(id) ? new URL(id).host : undefined;
  } catch {
    return undefined;
  }
}

function facts(payload: PayloadReport | undefined, t: Texts, language: Language): HTMLElement | undefined {
  const badge = payload?.badge;
  if (badge === undefined) return undefined;
  const list = element('dl', { className: 'facts' });
  const add = (label: string, value: string | undefined) => {
    if (value === undefined || value === '') return;
    list.append(element('dt', { text: label }), element('dd', { text: value }));
  };
  add(t.ui('badge'), badge.name);
  // The issuer's domain next to its name: a name is only what the document claims, the domain is where its
  // keys were found.
  const domain = domainOf(badge.issuer.id);
  add(
    t.ui('issuer'),
    [badge.issuer.name, domain ? `(${domain})` : badge.issuer.id].filter(Boolean).join(' '),
  );
  add(t.ui('recipient'), badge.recipientName);
  add(t.ui('validFrom'), badge.validFrom && formatDate(badge.validFrom, language));
  add(t.ui('validUntil'), badge.validUntil && formatDate(badge.validUntil, language));
  return list.childElementCount > 0 ? list : undefined;
}

function checkItem(check: Check, t: Texts, language: Language): HTMLLIElement {
  const item = element('li', { className: `check check-${check.status}` });
  item.dataset.check = check.id;
  item.dataset.status = check.status;
  item.append(
    element('strong', { text: `${t.check(check.id)}${language === 'fr' ? '\u00a0: ' : ': '}` }),
    t.ui(check.status),
  );
  if (check.status === 'failure') {
    const problems = element('ul');
    for (const problem of check.problems) {
      const entry = element('li', {}, element('span', { text: t.problem(problem.code, problem.title) }));
      entry.dataset.problem = problem.code;
      if (language === 'en')
        entry.append(
          element('br'),
          element('span', {
            className: 'technical',
            text: `${problem.detail}${problem.pointer ? ` (${problem.pointer})` : ''}`,
          }),
        );
      problems.append(entry);
    }
    item.append(problems);
  } else if (language === 'en') {
    // The check's own sentence is English; a French page says the status in French only.
    item.append(element('br'), element('span', { className: 'technical', text: check.message }));
  }
  return item;
}

function technical(payload: PayloadReport, t: Texts): HTMLElement {
  const list = element('dl', { className: 'technical' });
  const add = (label: string, value: string) =>
    list.append(element('dt', { text: label }), element('dd', { text: value, lang: 'en' }));
  const { proof, key, status, badge } = payload;
  if (badge?.id) add('id', badge.id);
  if (proof) {
    add(
      t.ui('proof'),
      proof.type === 'DataIntegrityProof'
        ? `DataIntegrityProof ${proof.cryptosuite} (${proof.verificationMethod})`
        : proof.type === 'VC-JWT'
          ? `VC-JWT ${proof.alg}${proof.kid ? ` (${proof.kid})` : ''}`
          : proof.type === 'OB2-JWS'
            ? `JWS ${proof.alg} (${proof.creator})`
            : proof.url,
    );
  }
  if (key) add(t.ui('key'), `${key.id}${key.controller ? ` — ${key.controller}` : ''}`);
  if (status)
    add(
      t.ui('statusList'),
      `${status.type} ${status.url}${status.index === undefined ? '' : ` #${status.index}`}`,
    );
  for (const endorsement of payload.endorsements ?? []) {
    const who = endorsement.endorser.name ?? endorsement.endorser.id;
    const mark = endorsement.verified ? '✔' : '✖';
    add(
      t.check('endorsements'),
      `${mark} ${who} (${endorsement.endorser.id})${endorsement.comment ? ` — ${endorsement.comment}` : ''}`,
    );
  }
  return list;
}

/**
 * Right after the verdict, the one thing a reader wants to know next: why it was revoked, when it
 * expired, or which check failed.
 */
function reasonThatMatters(report: VerificationReport, t: Texts, language: Language): string | undefined {
  const reason = revocationReason(report);
  if (report.verdict === 'revoked' && reason) return t.ui('revocationReason').replace('{reason}', reason);
  const until = report.payloads.map((p) => p.badge?.validUntil).find((d) => d !== undefined);
  if (report.verdict === 'expired' && until)
    return t.ui('expiredOn').replace('{date}', formatDate(until, language));
  if (report.verdict === 'verified') return undefined;
  const problem = failedChecks(report).find((check) => check.problems.length > 0)?.problems[0];
  return problem
    ? t.ui('failedBecause').replace('{problem}', t.problem(problem.code, problem.title))
    : undefined;
}

/** The report as a DOM fragment for the result region. */
export function renderReport(report: VerificationReport, language: Language): HTMLElement {
  const t = verifyTexts(language);
  const { headline, explanation } = t.verdict(report.verdict);
  const icon = (ok: boolean) => {
    const mark = element('span', { text: ok ? '✔ ' : '✖ ' });
    mark.setAttribute('aria-hidden', 'true');
    return mark;
  };
  const box = element(
    'div',
    { className: `verdict verdict-${report.verdict}` },
    element(
      'p',
      { className: 'verdict-headline' },
      icon(report.verdict === 'verified'),
      document.createTextNode(headline),
    ),
    element('p', { text: explanation }),
  );
  box.dataset.verdict = report.verdict;
  const why = reasonThatMatters(report, t, language);
  if (why) box.append(element('p', { className: 'verdict-reason', text: why }));
  if (report.recipient !== undefined) {
    const key = {
      match: 'recipientMatch',
      'no-match': 'recipientNoMatch',
      unknown: 'recipientUnknown',
    } as const;
    const line = element(
      'p',
      { className: report.recipient === 'match' ? 'check-success' : 'check-failure' },
      icon(report.recipient === 'match'),
      document.createTextNode(t.ui(key[report.recipient])),
    );
    line.dataset.recipient = report.recipient;
    box.append(line);
  }
  const facts_ = facts(report.payloads[0], t, language);
  if (facts_) box.append(facts_);
  const details = element('details', {}, element('summary', { text: t.ui('details') }));
  const global = element('ul', { className: 'checks' });
  for (const check of report.checks) global.append(checkItem(check, t, language));
  details.append(global);
  for (const payload of report.payloads) {
    const list = element('ul', { className: 'checks' });
    for (const check of payload.checks) list.append(checkItem(check, t, language));
    details.append(
      element('h3', { text: `${t.kind(payload.kind)} — ${t.verdict(payload.verdict).headline}` }),
      list,
      element('h4', { text: t.ui('technical') }),
      technical(payload, t),
    );
  }
  box.append(details);
  return box;
}
