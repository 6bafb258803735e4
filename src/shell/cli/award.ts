/**
 * `badges award`: award a badge to one person (`--name`, `--email`) or to every row of a CSV roster
 * (`--csv`). Everything is checked before anything is written; the email is only hashed, with a fresh salt
 * per award, and never written, printed or logged. Someone who already holds a valid award of the badge
 * (found by re-hashing) is skipped, so running the same command or roster twice creates nothing new.
 */

import { type ColumnMap, columnLetter } from '../../core/authoring/columns.ts';
import { type AwardPlan, type PlannedAward, planAwards } from '../../core/authoring/plan.ts';
import {
  type AwardDefaults,
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
import { say } from '../../core/messages/catalogue.ts';
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

const FIELD_LABELS: Record<FieldProblem['field'], string> = {
  row: 'row',
  name: 'name',
  email: 'email',
  issuedOn: 'issue date',
  expires: 'expiry',
  evidence: 'evidence',
  narrative: 'narrative',
};

export async function runAward(args: string[], context: CliContext): Promise<number> {
  const parsed = parseOptions(args, OPTIONS, awardUsage(context), context);
  if ('exit' in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  const usage = (message: string) => {
    context.err.write(`${message}\n${awardUsage(context)}`);
    return 2;
  };
  if (positionals.length > 0)
    return usage(
      'Unexpected value without an option name: put quotes around values that hold spaces (--name "Léa Martin").',
    );
  if (!values.badge) return usage('Which badge? Give --badge <slug>.');
  if (values.csv !== undefined && (values.email !== undefined || values.name !== undefined))
    return usage('Give either --csv, or --name and --email, not both.');
  if (values.csv === undefined) {
    if (values.email === undefined || values.name === undefined)
      return usage('Give --name and --email to award one person, or --csv to award a roster.');
    if (values['skip-invalid']) return usage('--skip-invalid only applies to --csv rosters.');
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
    context.err.write(`✖ ${error instanceof Error ? error.message : String(error)} Nothing was written.\n`);
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
    context.err.write(`✖ Nothing was written.\n${formatFieldProblems(checked.problems)}\n`);
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

function formatFieldProblems(problems: readonly FieldProblem[]): string {
  return problems
    .map((p) => `  --${p.field === 'issuedOn' ? 'issued-on' : p.field}: ${redact(p.message)}`)
    .join('\n');
}

async function awardOne(run: Run, raw: RawRequest): Promise<number> {
  const { context, badge } = run;
  const result = checkRequest(raw, run.defaults, run.day);
  if (!result.ok) {
    context.err.write(
      `✖ Cannot award "${badge.name}". Nothing was written.\n${formatFieldProblems(result.rejected.problems)}\n`,
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
    context.out.write(
      `= Already awarded: this person holds "${badge.name}" (award ${held.id}, ${held.name}, valid). Nothing was written.\n`,
    );
    return 0;
  }
  const [award] = plan.create;
  if (!award) throw new Error('unreachable: one request is either held or created');
  if (!writePlanned(run, plan.create)) return 1;
  const verb = run.dryRun ? 'Would award' : '✔ Awarded';
  const pages = announce(run, plan.create);
  context.out.write(
    `${verb} "${badge.name}" to ${redact(award.request.name)}: ${award.path}${renewal(award)}\n  page: ${pages.get(award.id)}\n`,
  );
  if (run.dryRun) context.out.write('Dry run, nothing was written.\n');
  else context.out.write(nextSteps(1));
  return 0;
}

async function awardRoster(run: Run, csvPath: string, skipInvalid: boolean): Promise<number> {
  const { context, badge } = run;
  const read = readRosterFile(context, csvPath);
  if (!read) return 1;
  const { file, roster, columns } = read;
  context.out.write(describeRoster(file, roster, columns));

  const { requests, rejected } = checkRequests(rosterRequests(roster, columns), run.defaults, run.day);
  if (rejected.length > 0) context.err.write(formatRejected(file, rejected, skipInvalid, roster.rows.length));
  if (rejected.length > 0 && !skipInvalid) {
    if (run.dryRun) context.out.write('Dry run, nothing was written.\n');
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
      `  = line ${held.request.line}  ${held.request.name}: already awarded (award ${held.id}, ${held.name})\n`,
    );
  if (!writePlanned(run, plan.create)) return 1;
  const pages = announce(run, plan.create);
  for (const award of plan.create) {
    const verb = run.dryRun ? 'would create' : 'created';
    context.out.write(
      `  ✔ line ${award.request.line}  ${redact(award.request.name)}: ${verb} ${award.path}${renewal(award)}\n      page: ${pages.get(award.id)}\n`,
    );
  }
  const created = plan.create.length;
  const skipped = plan.held.length;
  if (run.dryRun) {
    context.out.write(
      `Dry run, nothing was written. "${badge.name}": would create ${created}, skip ${skipped} as already awarded, reject ${rejected.length}.\n`,
    );
  } else {
    context.out.write(
      `"${badge.name}": created ${created}, skipped ${skipped} as already awarded, rejected ${rejected.length}.\n`,
    );
    if (created > 0) context.out.write(nextSteps(created));
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
    const reason = error instanceof Error ? error.message : String(error);
    context.err.write(`✖ Writing the award files failed (${redact(reason)}). Nothing was written.\n`);
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

function planFailed(run: Run, plan: Extract<AwardPlan, { ok: false }>): number {
  run.context.err.write(`✖ ${plan.message} Nothing was written.\n`);
  return 1;
}

function renewal(award: PlannedAward): string {
  return award.renews ? ` (renews award ${award.renews.id}, ${award.renews.state})` : '';
}

function nextSteps(count: number): string {
  const s = count === 1 ? '' : 's';
  return `Next: commit content/awards/ and push; the site publishes the new award${s}. Then \`npm run badges -- notify --send\` (or \`--export <file.csv>\`) tells the earner${s}: ${count} announcement${s} queued in .outbox/ (never committed).\n`;
}

function describeRoster(file: string, roster: Roster, columns: ColumnMap): string {
  const separator = { ',': 'comma', ';': 'semicolon', '\t': 'tab' }[roster.separator];
  const quote = (c: { header: string; index: number }) => `"${c.header}" (${columnLetter(c.index)})`;
  const name =
    'index' in columns.name
      ? quote(columns.name)
      : [columns.name.first, columns.name.last]
          .filter((c) => c !== undefined)
          .map(quote)
          .join(' + ');
  const used = [
    `name ← ${name}`,
    `email ← ${quote(columns.email)}`,
    ...(['issuedOn', 'expires', 'evidence', 'narrative'] as const).flatMap((kind) => {
      const column = columns[kind];
      return column ? [`${FIELD_LABELS[kind]} ← ${quote(column)}`] : [];
    }),
  ];
  const ignored =
    columns.ignored.length > 0 ? `\n  Ignored columns: ${columns.ignored.map(quote).join(', ')}` : '';
  return `Roster ${file}: ${roster.encoding}, ${separator}-separated, ${roster.rows.length} row${roster.rows.length === 1 ? '' : 's'}.\n  Columns: ${used.join(', ')}${ignored}\n`;
}

function formatRejected(
  file: string,
  rejected: readonly RejectedRow[],
  skipInvalid: boolean,
  total: number,
): string {
  const count = rejected.length;
  const rows = `${count} of ${total} rows of ${file} ${count === 1 ? 'is' : 'are'}`;
  const head = skipInvalid
    ? `⚠ ${rows} rejected and left out (--skip-invalid):`
    : `✖ ${rows} wrong. Nothing was written.`;
  const width = String(Math.max(...rejected.map((row) => row.line ?? 0))).length;
  const lines = rejected.flatMap((row) =>
    row.problems.map(
      (p) =>
        `  line ${String(row.line).padEnd(width)}  ${row.name ? `(${redact(row.name)}) ` : ''}${FIELD_LABELS[p.field]}: ${redact(p.message)}`,
    ),
  );
  const tail = skipInvalid
    ? ''
    : '\nCorrect these rows and run the command again, or add --skip-invalid to award the other rows now.';
  return `${head}\n${lines.join('\n')}${tail}\n`;
}
