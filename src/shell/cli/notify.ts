/**
 * `badges notify`: the one command that empties the outbox. It sends each announcement through SMTP
 * (`--send`), or writes a mail-merge file (`--export`), or shows what would go out (`--dry-run`); it
 * queues announcements again from a roster (`--csv`, matched to existing awards through the salted
 * hashes), expiry reminders (`--expiring <days> --csv`), and empties the outbox (`--purge`). Addresses are
 * never printed: every line names the award id and the earner's display name.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findHoldings } from '../../core/authoring/holders.ts';
import { checkRequests, rosterRequests } from '../../core/authoring/requests.ts';
import {
  type Announcement,
  type AnnouncementKind,
  announcementKey,
  maskEmail,
  toAnnouncement,
} from '../../core/delivery/announcement.ts';
import { mailMergeCsv, type Separator } from '../../core/delivery/mail-merge.ts';
import { type Outbox, OutboxError, queue, withFailure, without } from '../../core/delivery/outbox.ts';
import {
  builtInTemplate,
  type ComposedMessage,
  composeMessage,
  type MessageTemplate,
  PLACEHOLDERS,
  type Placeholder,
  parseTemplateFile,
} from '../../core/delivery/templates.ts';
import { type Message, say } from '../../core/messages/catalogue.ts';
import { addDuration, awardState } from '../../core/model/status.ts';
import type { Award, Language, Model } from '../../core/model/types.ts';
import { today } from '../content.ts';
import { isLive } from '../delivery/live.ts';
import { readOutbox, writeOutbox } from '../delivery/outbox-file.ts';
import { createMailer, describeSendError, type Mailer, smtpSettings } from '../delivery/smtp.ts';
import { loadSiteRoot } from '../verify/site-dir.ts';
import {
  findBadge,
  loadValidContent,
  nativeHashValue,
  parseOptions,
  readRosterFile,
  redact,
} from './authoring.ts';
import { type CliContext, t } from './context.ts';

/** The command's help, in the context's language, with the placeholders a message may use. */
const notifyUsage = (context: CliContext) =>
  t(context)('help.notify', {
    placeholders: (Object.keys(PLACEHOLDERS) as Placeholder[])
      .map((name) => `  {${name}}  ${t(context)(`placeholder.${name}`)}`)
      .join('\n'),
  });

const OPTIONS = {
  send: { type: 'boolean' },
  export: { type: 'string' },
  separator: { type: 'string' },
  csv: { type: 'string' },
  badge: { type: 'string' },
  expiring: { type: 'string' },
  purge: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'no-live-check': { type: 'boolean' },
  batch: { type: 'string' },
  rate: { type: 'string' },
} as const;

/** The injectable parts of a run, so tests can point at a local server and skip waiting. */
export interface NotifyDeps {
  readonly fetcher?: typeof fetch;
  readonly mailer?: (context: CliContext) => Mailer | string;
  readonly sleep?: (ms: number) => Promise<unknown>;
}

export async function runNotify(args: string[], context: CliContext, deps: NotifyDeps = {}): Promise<number> {
  const parsed = parseOptions(args, OPTIONS, notifyUsage(context), context);
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;
  const tr = t(context);
  const usage = (message: string) => {
    context.err.write(`${message}\n${notifyUsage(context)}`);
    return 2;
  };
  if (parsed.positionals.length > 0) return usage(tr('notify.optionsOnly'));
  const actions = [values.send, values.export !== undefined, values.purge].filter(Boolean).length;
  if (actions > 1) return usage(tr('notify.oneAction'));
  if (values.expiring !== undefined && values.csv === undefined) return usage(tr('notify.expiringNeedsCsv'));
  const expiring = values.expiring === undefined ? undefined : Number(values.expiring);
  if (expiring !== undefined && (!Number.isInteger(expiring) || expiring < 1 || expiring > 3650))
    return usage(tr('notify.badExpiring'));
  const batch = values.batch === undefined ? Number.POSITIVE_INFINITY : Number(values.batch);
  if (!(batch >= 1) || (values.batch !== undefined && !Number.isInteger(batch)))
    return usage(tr('notify.badBatch'));
  const rate = values.rate === undefined ? undefined : Number(values.rate);
  if (rate !== undefined && !(rate > 0)) return usage(tr('notify.badRate'));
  const separator = ({ ';': ';', ',': ',', tab: '\t', '\t': '\t' } as Record<string, Separator>)[
    values.separator ?? ';'
  ];
  if (!separator) return usage(tr('notify.badSeparator'));

  let outbox: Outbox;
  try {
    outbox = readOutbox(context.cwd);
  } catch (error) {
    if (!(error instanceof OutboxError)) throw error;
    context.err.write(`${tr('notify.outboxUnreadable', { reason: error.says })}\n`);
    return 1;
  }

  if (values.purge) {
    writeOutbox(context.cwd, { version: 1, announcements: [] });
    context.out.write(`${tr('notify.purged', { count: outbox.announcements.length })}\n`);
    return 0;
  }

  const day = today(context.env);
  if (values.csv !== undefined) {
    const model = loadValidContent(context, day);
    if (!model) return 1;
    if (values.badge !== undefined && !findBadge(model, values.badge, context)) return 1;
    const queued = await queueFromRoster(context, model, values.csv, {
      day,
      kind: expiring === undefined ? 'award' : 'expiry',
      ...(expiring !== undefined ? { withinDays: expiring } : {}),
      ...(values.badge !== undefined ? { badge: values.badge } : {}),
    });
    if (queued === undefined) return 1;
    if (!values['dry-run']) {
      outbox = queue(outbox, queued);
      writeOutbox(context.cwd, outbox);
    }
  }

  if (values.send || values.export !== undefined || values['dry-run']) {
    // An award revoked (or deleted) since it was queued is never announced.
    const model = loadValidContent(context, day);
    if (!model) return 1;
    const stale = outbox.announcements.filter(
      (a) => model.awards.get(a.awardId)?.revocation || !model.awards.has(a.awardId),
    );
    for (const a of stale)
      context.out.write(
        `${tr('notify.dropped', {
          line: line(context, a),
          why: say(model.awards.has(a.awardId) ? 'notify.dropped.revoked' : 'notify.dropped.gone'),
        })}\n`,
      );
    if (stale.length > 0 && !values['dry-run']) {
      outbox = without(outbox, stale.map(announcementKey));
      writeOutbox(context.cwd, outbox);
    } else if (stale.length > 0) {
      outbox = without(outbox, stale.map(announcementKey));
    }
  }

  const templates = loadTemplates(context);
  if (typeof templates === 'string') {
    context.err.write(templates);
    return 1;
  }
  const compose = (a: Announcement) => composeMessage(a, templates(a.kind, a.language));

  if (values.export !== undefined)
    return exportMailMerge(context, outbox, values.export, separator, compose, values['dry-run'] ?? false);
  if (values['dry-run']) return showDryRun(context, outbox, compose);
  if (values.send)
    return send(context, outbox, compose, {
      batch,
      ...(rate !== undefined ? { rate } : {}),
      liveCheck: !values['no-live-check'],
      deps,
    });
  return showStatus(context, outbox);
}

/** The template of each kind and language: the administrator's file in content/messages/, or the built-in one. */
function loadTemplates(
  context: CliContext,
): ((kind: AnnouncementKind, language: Language) => MessageTemplate) | string {
  const found = new Map<string, MessageTemplate>();
  const problems: string[] = [];
  for (const kind of ['award', 'expiry'] as const)
    for (const language of ['fr', 'en'] as const) {
      const file = `content/messages/${kind}.${language}.md`;
      let text: string;
      try {
        text = readFileSync(join(context.cwd, file), 'utf8');
      } catch {
        continue;
      }
      const parsed = parseTemplateFile(text);
      if (parsed.ok) found.set(`${kind}.${language}`, parsed.template);
      else
        problems.push(
          ...parsed.problems.map((p) =>
            t(context)('notify.template', { file, line: p.line, problem: p.says }),
          ),
        );
    }
  if (problems.length > 0)
    return `${problems.map((p) => `✖ ${redact(p)}`).join('\n')}\n${t(context)('notify.nothingSent')}\n`;
  return (kind, language) => found.get(`${kind}.${language}`) ?? builtInTemplate(kind, language);
}

function showStatus(context: CliContext, outbox: Outbox): number {
  const tr = t(context);
  const count = outbox.announcements.length;
  if (count === 0) {
    context.out.write(`${tr('notify.empty')}\n`);
    return 0;
  }
  context.out.write(`${tr('notify.waiting', { count })}\n`);
  for (const a of outbox.announcements)
    context.out.write(
      `  ${line(context, a)}${a.lastError ? tr('notify.lastAttempt', { reason: a.lastError }) : ''}\n`,
    );
  context.out.write(`${tr('notify.howToSend')}\n`);
  return 0;
}

const line = (context: CliContext, a: Announcement) =>
  t(context)('notify.line', {
    kind: say(a.kind === 'expiry' ? 'notify.kind.expiry' : 'notify.kind.award'),
    id: a.awardId,
    name: redact(a.earnerName),
    badge: a.badgeName,
  });

function showDryRun(
  context: CliContext,
  outbox: Outbox,
  compose: (a: Announcement) => ComposedMessage,
): number {
  if (outbox.announcements.length === 0) return showStatus(context, outbox);
  for (const a of outbox.announcements) {
    const message = compose(a);
    context.out.write(
      [
        `── ${line(context, a)}`,
        `To: ${redact(a.earnerName)} <${maskEmail(a.email)}>`,
        `Subject: ${message.subject}`,
        '',
        message.text,
      ].join('\n'),
    );
  }
  context.out.write(`${t(context)('notify.dryRun', { count: outbox.announcements.length })}\n`);
  return 0;
}

function exportMailMerge(
  context: CliContext,
  outbox: Outbox,
  target: string,
  separator: Separator,
  compose: (a: Announcement) => ComposedMessage,
  dryRun: boolean,
): number {
  const tr = t(context);
  const path = resolve(context.cwd, target);
  if (path === resolve(context.cwd) || path.startsWith(`${resolve(context.cwd)}${sep}`)) {
    context.err.write(`${tr('notify.exportInside', { file: redact(target), name: basename(target) })}\n`);
    return 1;
  }
  const rows = outbox.announcements.map((announcement) => ({ announcement, message: compose(announcement) }));
  if (dryRun) {
    context.out.write(`${tr('notify.exportDryRun', { count: rows.length, file: redact(target) })}\n`);
    return 0;
  }
  try {
    writeFileSync(path, mailMergeCsv(rows, separator), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    context.err.write(
      code === 'EEXIST'
        ? `${tr('notify.exportExists', { file: redact(target) })}\n`
        : `${tr('notify.exportFailed', { file: redact(target), code: code ?? say('notify.unknownError') })}\n`,
    );
    return 1;
  }
  writeOutbox(context.cwd, without(outbox, outbox.announcements.map(announcementKey)));
  for (const { announcement } of rows) context.out.write(`  ✔ ${line(context, announcement)}\n`);
  context.out.write(
    `${tr('notify.exported', {
      count: rows.length,
      file: redact(target),
      separator: separator === '\t' ? say('notify.tab') : separator,
    })}\n`,
  );
  return 0;
}

async function send(
  context: CliContext,
  start: Outbox,
  compose: (a: Announcement) => ComposedMessage,
  options: { batch: number; rate?: number; liveCheck: boolean; deps: NotifyDeps },
): Promise<number> {
  if (start.announcements.length === 0) return showStatus(context, start);
  const made = options.deps.mailer
    ? options.deps.mailer(context)
    : (() => {
        const settings = smtpSettings(context.env ?? process.env);
        return settings.ok
          ? createMailer(settings.settings)
          : t(context)('text.verbatim', { text: settings.says });
      })();
  if (typeof made === 'string') {
    context.err.write(`✖ ${made} ${t(context)('notify.nothingSent')}\n`);
    return 1;
  }
  const mailer = made;
  const wait = options.deps.sleep ?? sleep;
  let outbox = start;
  const sent: Announcement[] = [];
  const notLive: [Announcement, Message][] = [];
  const failed: [Announcement, string][] = [];
  const chosen = start.announcements.slice(0, options.batch);
  const liveness = new Map<string, ReturnType<typeof isLive>>();
  try {
    for (const [index, a] of chosen.entries()) {
      if (options.liveCheck) {
        let check = liveness.get(a.awardUrl);
        if (!check) {
          check = isLive(a.awardUrl, options.deps.fetcher);
          liveness.set(a.awardUrl, check);
        }
        const result = await check;
        if (!result.live) {
          notLive.push([a, result.says]);
          outbox = withFailure(outbox, announcementKey(a), result.reason);
          writeOutbox(context.cwd, outbox);
          continue;
        }
      }
      if (index > 0 && options.rate) await wait(60_000 / options.rate);
      const message = compose(a);
      try {
        await mailer.send({
          to: { name: a.earnerName, address: a.email },
          subject: message.subject,
          text: message.text,
          html: message.html,
          language: a.language,
        });
        sent.push(a);
        outbox = without(outbox, [announcementKey(a)]);
      } catch (error) {
        const reason = describeSendError(error);
        failed.push([a, reason]);
        outbox = withFailure(outbox, announcementKey(a), reason);
      }
      // Saved after every message: an interrupted run never sends the same announcement twice.
      writeOutbox(context.cwd, outbox);
    }
  } finally {
    mailer.close();
  }
  const tr = t(context);
  for (const a of sent) context.out.write(`${tr('notify.sent', { line: line(context, a) })}\n`);
  for (const [a, reason] of notLive)
    context.out.write(`${tr('notify.pending', { line: line(context, a), reason })}\n`);
  for (const [a, reason] of failed)
    context.out.write(`${tr('notify.failed', { line: line(context, a), reason: redact(reason) })}\n`);
  const pending = outbox.announcements.length;
  context.out.write(
    `${tr('notify.sendSummary', { sent: sent.length, notLive: notLive.length, failed: failed.length, pending })}\n`,
  );
  if (notLive.length > 0) context.out.write(`${tr('notify.notLiveHint')}\n`);
  return failed.length > 0 || notLive.length > 0 ? 1 : 0;
}

/**
 * Announcements for awards that already exist, each roster row matched to its award through the
 * salted hash. Rows that match no award are reported by line; nothing is stored but the outbox entries.
 */
async function queueFromRoster(
  context: CliContext,
  model: Model,
  csvPath: string,
  options: { day: string; kind: AnnouncementKind; withinDays?: number; badge?: string },
): Promise<Announcement[] | undefined> {
  const read = readRosterFile(context, csvPath);
  if (!read) return undefined;
  const { file } = read;
  const { requests, rejected } = checkRequests(
    rosterRequests(read.roster, read.columns),
    { issuedOn: options.day, listed: false },
    options.day,
  );
  const tr = t(context);
  for (const row of rejected)
    context.err.write(
      `${tr('notify.rowRejected', {
        line: row.line ?? '',
        name: row.name ? `(${redact(row.name)}) ` : '',
        problems: row.problems
          .map((p) => redact(p.says ? tr('text.verbatim', { text: p.says }) : p.message))
          .join('; '),
      })}\n`,
    );
  const siteRoot = await loadSiteRoot(context.cwd);
  const horizon =
    options.withinDays === undefined ? undefined : addDuration(options.day, `P${options.withinDays}D`);
  // Each person's latest award of each badge that is not revoked, found as `award` finds holders.
  const byBadge = new Map<string, Award[]>();
  for (const award of model.awards.values()) {
    if (award.revocation || (options.badge !== undefined && award.badge !== options.badge)) continue;
    byBadge.set(award.badge, [...(byBadge.get(award.badge) ?? []), award]);
  }
  const latest: Award[][] = requests.map(() => []);
  for (const awards of byBadge.values()) {
    const newestFirst = awards.sort((a, b) => b.issuedOn.localeCompare(a.issuedOn));
    findHoldings(requests, newestFirst, () => true, nativeHashValue).forEach((holding, index) => {
      if (holding.valid) latest[index]?.push(holding.valid);
    });
  }
  const queued: Announcement[] = [];
  let unmatched = 0;
  for (const [index, request] of requests.entries()) {
    const matches = latest[index] ?? [];
    const chosen = matches.filter((award) => {
      const badge = model.badges.get(award.badge);
      if (horizon === undefined || !badge) return true;
      const state = awardState(award, badge, options.day);
      return state.kind === 'valid' && state.expires !== undefined && state.expires <= horizon;
    });
    if (chosen.length === 0) {
      unmatched++;
      context.err.write(
        `${tr('notify.rowUnmatched', {
          line: request.line ?? '',
          name: redact(request.name),
          why:
            matches.length > 0
              ? say('notify.noneExpiring', { days: options.withinDays ?? '' })
              : options.badge
                ? say('notify.noAwardOf', { badge: options.badge })
                : say('notify.noAward'),
        })}\n`,
      );
      continue;
    }
    for (const award of chosen) {
      const badge = model.badges.get(award.badge);
      const issuer = badge && model.issuers.get(badge.issuer);
      if (!badge || !issuer) continue;
      queued.push(
        toAnnouncement({
          kind: options.kind,
          award,
          badge,
          issuer,
          email: request.email,
          siteRoot,
          today: options.day,
        }),
      );
      context.out.write(
        `${tr('notify.queuedRow', { line: request.line ?? '', entry: line(context, queued.at(-1) as Announcement) })}\n`,
      );
    }
  }
  context.out.write(
    `${tr('notify.queued', { count: queued.length, file, unmatched, rejected: rejected.length })}\n`,
  );
  return queued;
}
