/**
 * `badges award`: award a badge to one person (`--name`, `--email`) or to every row of a CSV roster
 * (`--csv`). Everything is checked before anything is written; the email is only hashed, with a fresh salt
 * per award, and never written, printed or logged. Someone who already holds a valid award of the badge
 * (found by re-hashing) is skipped, so running the same command or roster twice creates nothing new.
 * A milestone is awarded only to those who hold its parts (core/authoring/milestone.ts).
 */

import { type ColumnMap, columnLetter } from '../../core/authoring/columns.ts';
import type { MissingPart, PartsHeld } from '../../core/authoring/milestone.ts';
import { type AwardPlan, type PlannedAward, planAwards } from '../../core/authoring/plan.ts';
import {
  type AwardDefaults,
  type AwardRequest,
  checkDefaults,
  checkRequest,
  checkRequests,
  type FieldProblem,
  type RawRequest,
  type RejectedRow,
  rosterRequests,
} from '../../core/authoring/requests.ts';
import type { Roster } from '../../core/authoring/roster.ts';
import { linkContent } from '../../core/content/link.ts';
import { formatProblems } from '../../core/content/problems.ts';
import { InsigneError } from '../../core/errors.ts';
import { type Message, render, say } from '../../core/messages/catalogue.ts';
import type { Badge, Model } from '../../core/model/types.ts';
import { sitePaths } from '../../core/urls.ts';
import { readContent, today } from '../content.ts';
import { queueNewAwards } from '../delivery/queue.ts';
import { loadSiteRoot } from '../verify/site-dir.ts';
import {
  cryptoRandomness,
  findBadge,
  loadValidContent,
  nativeHashValue,
  parseOptions,
  readRosterFile,
  redact,
  writeFilesAtomically,
} from './authoring.ts';
import { type CliContext, t } from './context.ts';

/** The command's help, in the context's language. */
const awardUsage = (context: CliContext) => t(context)('help.award');

const OPTIONS = {
  badge: { type: 'string' },
  name: { type: 'string' },
  email: { type: 'string' },
  csv: { type: 'string' },
  'issued-on': { type: 'string' },
  expires: { type: 'string' },
  evidence: { type: 'string' },
  narrative: { type: 'string' },
  listed: { type: 'boolean' },
  'skip-invalid': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
} as const;

/** A field as the roster report names it. */
const fieldLabel = (field: FieldProblem['field']) => say(`award.field.${field}`);

/** A problem's text in the command's language. */
const problemText = (context: CliContext, p: FieldProblem) =>
  p.says ? render(p.says, context.language ?? 'en') : p.message;

export async function runAward(args: string[], context: CliContext): Promise<number> {
  const parsed = parseOptions(args, OPTIONS, awardUsage(context), context);
  if ('exit' in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  const tr = t(context);
  const usage = (message: string) => {
    context.err.write(`${message}\n${awardUsage(context)}`);
    return 2;
  };
  if (positionals.length > 0) return usage(tr('award.unexpectedValue'));
  if (!values.badge) return usage(tr('award.whichBadge'));
  if (values.csv !== undefined && (values.email !== undefined || values.name !== undefined))
    return usage(tr('award.csvOrPerson'));
  if (values.csv === undefined) {
    if (values.email === undefined || values.name === undefined) return usage(tr('award.nameAndEmail'));
    if (values['skip-invalid']) return usage(tr('award.skipInvalidCsvOnly'));
  }

  const day = today(context.env);
  const model = loadValidContent(context, day);
  if (!model) return 1;
  const badge = findBadge(model, values.badge, context);
  if (!badge) return 1;
  const given = {
    ...(values['issued-on'] !== undefined ? { issuedOn: values['issued-on'] } : {}),
    ...(values.expires !== undefined ? { expires: values.expires } : {}),
    ...(values.evidence !== undefined ? { evidence: values.evidence } : {}),
    ...(values.narrative !== undefined ? { narrative: values.narrative } : {}),
  };
  let siteRoot: string;
  try {
    // Read before anything is written: each new award's page URL is printed and announced.
    siteRoot = await loadSiteRoot(context.cwd);
  } catch (error) {
    context.err.write(
      `✖ ${error instanceof Error ? error.message : String(error)} ${tr('report.nothingWritten')}\n`,
    );
    return 1;
  }
  const run = { context, model, badge, day, siteRoot, dryRun: values['dry-run'] ?? false };
  const listed = values.listed ?? false;
  if (values.csv === undefined) {
    // One person: every option is checked together, so all mistakes are reported at once.
    const raw = { name: values.name ?? '', email: values.email ?? '', ...given };
    return await awardOne({ ...run, defaults: { issuedOn: day, listed } }, raw);
  }
  const checked = checkDefaults({ ...given, listed }, day);
  if (!checked.ok) {
    context.err.write(
      `✖ ${tr('report.nothingWritten')}\n${formatFieldProblems(context, checked.problems)}\n`,
    );
    return 1;
  }
  return await awardRoster(
    { ...run, defaults: checked.defaults },
    values.csv,
    values['skip-invalid'] ?? false,
  );
}

interface Run {
  readonly context: CliContext;
  readonly model: Model;
  readonly badge: Badge;
  readonly day: string;
  readonly defaults: AwardDefaults;
  readonly dryRun: boolean;
  /** The site's root URL, ending with `/`. */
  readonly siteRoot: string;
}

function formatFieldProblems(context: CliContext, problems: readonly FieldProblem[]): string {
  return problems
    .map((p) => `  --${p.field === 'issuedOn' ? 'issued-on' : p.field}: ${redact(problemText(context, p))}`)
    .join('\n');
}

async function awardOne(run: Run, raw: RawRequest): Promise<number> {
  const { context, badge } = run;
  const tr = t(context);
  const result = checkRequest(raw, run.defaults, run.day);
  if (!result.ok) {
    context.err.write(
      `${tr('award.cannotAward', { badge: badge.name })}\n${formatFieldProblems(context, result.rejected.problems)}\n`,
    );
    return 1;
  }
  const plan = planAwards({
    model: run.model,
    badge: badge.slug,
    requests: [result.request],
    today: run.day,
    random: cryptoRandomness,
    hash: nativeHashValue,
  });
  if (!plan.ok) return planFailed(run, plan);
  const [held] = plan.held;
  if (held) {
    context.out.write(`${tr('award.alreadyHeld', { badge: badge.name, id: held.id, name: held.name })}\n`);
    return 0;
  }
  const [unqualified] = plan.unqualified;
  if (unqualified) {
    context.err.write(
      `${tr('award.milestone.refused', { badge: badge.name, summary: partsSummary(badge, unqualified) })}\n`,
    );
    return 1;
  }
  const [award] = plan.create;
  if (!award) throw new Error('unreachable');
  if (!writePlanned(run, plan.create)) return 1;
  const pages = announce(run, plan.create);
  context.out.write(
    `${tr(run.dryRun ? 'award.wouldAward' : 'award.awarded', {
      badge: badge.name,
      name: redact(award.request.name),
      file: award.path,
      renews: renewal(award),
    })}\n  ${tr('award.page', { url: pages.get(award.id) ?? '' })}\n`,
  );
  if (run.dryRun) context.out.write(`${tr('award.dryRun')}\n`);
  else context.out.write(nextSteps(context, 1));
  return 0;
}

async function awardRoster(run: Run, csvPath: string, skipInvalid: boolean): Promise<number> {
  const { context, badge } = run;
  const tr = t(context);
  const read = readRosterFile(context, csvPath);
  if (!read) return 1;
  const { file, roster, columns } = read;
  context.out.write(describeRoster(context, file, roster, columns));

  const { requests, rejected } = checkRequests(rosterRequests(roster, columns), run.defaults, run.day);
  if (rejected.length > 0)
    context.err.write(formatRejected(context, file, rejected, skipInvalid, roster.rows.length));
  if (rejected.length > 0 && !skipInvalid) {
    if (run.dryRun) context.out.write(`${tr('award.dryRun')}\n`);
    return 1;
  }

  const plan = planAwards({
    model: run.model,
    badge: badge.slug,
    requests,
    today: run.day,
    random: cryptoRandomness,
    hash: nativeHashValue,
  });
  if (!plan.ok) return planFailed(run, plan);
  for (const held of plan.held)
    context.out.write(
      `${tr('award.rowHeld', { line: held.request.line ?? '', name: held.request.name, id: held.id, holder: held.name })}\n`,
    );
  for (const unqualified of plan.unqualified)
    context.out.write(
      `${tr('award.milestone.rowRefused', {
        line: unqualified.request.line ?? '',
        name: redact(unqualified.request.name),
        summary: partsSummary(badge, unqualified),
      })}\n`,
    );
  if (!writePlanned(run, plan.create)) return 1;
  const pages = announce(run, plan.create);
  for (const award of plan.create) {
    context.out.write(
      `${tr(run.dryRun ? 'award.rowWouldCreate' : 'award.rowCreated', {
        line: award.request.line ?? '',
        name: redact(award.request.name),
        file: award.path,
        renews: renewal(award),
      })}\n      ${tr('award.page', { url: pages.get(award.id) ?? '' })}\n`,
    );
  }
  const created = plan.create.length;
  const skipped = plan.held.length;
  // Only a milestone can leave people out for their missing parts; other badges keep the short summary.
  const counts = { badge: badge.name, created, skipped, rejected: rejected.length };
  const without = plan.unqualified.length;
  if (run.dryRun) {
    context.out.write(
      `${badge.requires ? tr('award.rosterDryRun.milestone', { ...counts, without }) : tr('award.rosterDryRun', counts)}\n`,
    );
  } else {
    context.out.write(
      `${badge.requires ? tr('award.rosterDone.milestone', { ...counts, without }) : tr('award.rosterDone', counts)}\n`,
    );
    if (created > 0) context.out.write(nextSteps(context, created));
  }
  return 0;
}

/** Checks the new files with the same linker as the build, then writes them all or none. */
function writePlanned(run: Run, planned: readonly PlannedAward[]): boolean {
  const { context } = run;
  if (planned.length === 0) return true;
  const input = readContent(context.cwd, run.day);
  const linked = linkContent({
    ...input,
    awards: [...input.awards, ...planned.map((p) => ({ path: p.path, text: p.text }))],
  });
  if (!linked.ok) {
    context.err.write(`${formatProblems(linked.problems, say('report.nothingWritten'), context.language)}\n`);
    return false;
  }
  if (run.dryRun) return true;
  try {
    writeFilesAtomically(
      context.cwd,
      planned.map((p) => ({ path: p.path, text: p.text })),
    );
  } catch (error) {
    const reason =
      error instanceof InsigneError && error.says
        ? render(error.says, context.language ?? 'en')
        : error instanceof Error
          ? error.message
          : String(error);
    context.err.write(`${t(context)('award.writeFailed', { reason: redact(reason) })}\n`);
    return false;
  }
  return true;
}

/**
 * Each new award's page URL, by award id; unless this is a dry run, its announcement is queued in the
 * outbox for `badges notify` (the address is known now, and never again).
 */
function announce(run: Run, created: readonly PlannedAward[]): Map<string, string> {
  if (run.dryRun)
    return new Map(created.map((award) => [award.id, `${run.siteRoot}${sitePaths.awardPage(award.id)}`]));
  const queued = queueNewAwards(run.context.cwd, run.siteRoot, run.model, run.badge, created, run.day);
  return new Map(queued.map((a) => [a.awardId, a.awardUrl]));
}

/** What a person holds of a milestone's parts, and what they miss and why ("holds 1 of the 2 …"). */
function partsSummary(badge: Badge, result: PartsHeld<AwardRequest>): Message | '' {
  const requirement = badge.requires;
  if (!requirement) return '';
  const listed = requirement.badges.length;
  const held = result.held.length;
  const missing = result.missing.map(missingPart);
  return requirement.atLeast === listed
    ? say('award.parts.all', { held, listed, missing })
    : say('award.parts.some', { held, listed, atLeast: requirement.atLeast, missing });
}

function missingPart(part: MissingPart): Message {
  const name = part.name;
  switch (part.reason) {
    case 'none':
      return say('award.missing.none', { name });
    case 'revoked':
      return say('award.missing.revoked', { name });
    case 'expired':
      return say('award.missing.expired', { name, day: part.expired });
    case 'later':
      return say('award.missing.later', { name, day: part.issuedOn });
  }
}

function planFailed(run: Run, plan: Extract<AwardPlan, { ok: false }>): number {
  const tr = t(run.context);
  run.context.err.write(
    `✖ ${render(plan.says, run.context.language ?? 'en')} ${tr('report.nothingWritten')}\n`,
  );
  return 1;
}

function renewal(award: PlannedAward): Message | '' {
  return award.renews
    ? say('award.renews', { id: award.renews.id, state: say(`award.state.${award.renews.state}`) })
    : '';
}

function nextSteps(context: CliContext, count: number): string {
  return `${t(context)(count === 1 ? 'award.next.one' : 'award.next.other', { count })}\n`;
}

function describeRoster(context: CliContext, file: string, roster: Roster, columns: ColumnMap): string {
  const tr = t(context);
  const separator = say(
    (
      { ',': 'award.separated.comma', ';': 'award.separated.semicolon', '\t': 'award.separated.tab' } as const
    )[roster.separator],
  );
  const quote = (c: { header: string; index: number }) => `"${c.header}" (${columnLetter(c.index)})`;
  const name =
    'index' in columns.name
      ? quote(columns.name)
      : [columns.name.first, columns.name.last]
          .filter((c) => c !== undefined)
          .map(quote)
          .join(' + ');
  const label = (field: FieldProblem['field']) => render(fieldLabel(field), context.language ?? 'en');
  const used = [
    `${label('name')} ← ${name}`,
    `${label('email')} ← ${quote(columns.email)}`,
    ...(['issuedOn', 'expires', 'evidence', 'narrative'] as const).flatMap((kind) => {
      const column = columns[kind];
      return column ? [`${label(kind)} ← ${quote(column)}`] : [];
    }),
  ];
  const ignored =
    columns.ignored.length > 0
      ? `\n  ${tr('award.ignoredColumns', { columns: columns.ignored.map(quote).join(', ') })}`
      : '';
  return `${tr(roster.rows.length === 1 ? 'award.roster.one' : 'award.roster.other', {
    file,
    encoding: roster.encoding,
    separator,
    count: roster.rows.length,
  })}\n  ${tr('award.columns', { columns: used.join(', ') })}${ignored}\n`;
}

function formatRejected(
  context: CliContext,
  file: string,
  rejected: readonly RejectedRow[],
  skipInvalid: boolean,
  total: number,
): string {
  const tr = t(context);
  const count = rejected.length;
  const counts = { count, total, file };
  const head = skipInvalid
    ? tr(count === 1 ? 'award.rejectedSkipped.one' : 'award.rejectedSkipped.other', counts)
    : tr(count === 1 ? 'award.rejectedWrong.one' : 'award.rejectedWrong.other', counts);
  const width = String(Math.max(...rejected.map((row) => row.line ?? 0))).length;
  const lines = rejected.flatMap((row) =>
    row.problems.map(
      (p) =>
        `  ${tr('award.rowProblem', {
          line: String(row.line).padEnd(width),
          name: row.name ? `(${redact(row.name)}) ` : '',
          field: fieldLabel(p.field),
          problem: redact(problemText(context, p)),
        })}`,
    ),
  );
  const tail = skipInvalid ? '' : `\n${tr('award.correctRows')}`;
  return `${head}\n${lines.join('\n')}${tail}\n`;
}
