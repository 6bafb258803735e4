/**
 * `badges list [--badge <slug>] [--json]`: every award with its state today (valid, expired, revoked),
 * as a table or as JSON. Shows display names and ids, never identities or salts.
 */
import { awardState } from '../../core/model/status.ts';
import type { Award, Badge } from '../../core/model/types.ts';
import { sitePaths } from '../../core/urls.ts';
import { today } from '../content.ts';
import { readOutbox } from '../delivery/outbox-file.ts';
import { loadSiteRoot } from '../verify/site-dir.ts';
import { findBadge, loadValidContent, parseOptions } from './authoring.ts';
import { type CliContext, t } from './context.ts';

const OPTIONS = { badge: { type: 'string' }, json: { type: 'boolean' } } as const;

/** One award as `list --json` prints it. */
export interface ListedAward {
  readonly id: string;
  readonly badge: string;
  readonly name: string;
  readonly issuedOn: string;
  readonly expires?: string;
  readonly status: 'valid' | 'expired' | 'revoked';
  readonly revoked?: { readonly date: string; readonly reason: string };
  readonly listed: boolean;
  readonly file: string;
  /** The award page, to send to the earner. */
  readonly url: string;
}

export async function runList(args: string[], context: CliContext): Promise<number> {
  const tr = t(context);
  const parsed = parseOptions(args, OPTIONS, tr('help.list'), context);
  if ('exit' in parsed) return parsed.exit;
  if (parsed.positionals.length > 0) {
    context.err.write(`${tr('list.noArguments')}\n${tr('help.list')}`);
    return 2;
  }
  const day = today(context.env);
  const model = loadValidContent(context, day);
  if (!model) return 1;
  let siteRoot: string;
  try {
    siteRoot = await loadSiteRoot(context.cwd);
  } catch (error) {
    context.err.write(`✖ ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const wanted = parsed.values.badge;
  if (wanted !== undefined && !findBadge(model, wanted, context)) return 1;

  const awards: ListedAward[] = [...model.awards.values()]
    .filter((award) => wanted === undefined || award.badge === wanted)
    .map((award) => toListed(award, model.badges.get(award.badge) as Badge, day, siteRoot))
    .sort(
      (a, b) =>
        a.issuedOn.localeCompare(b.issuedOn) ||
        a.badge.localeCompare(b.badge) ||
        a.name.localeCompare(b.name, 'fr'),
    );

  if (parsed.values.json) {
    context.out.write(`${JSON.stringify(awards, null, 2)}\n`);
    return 0;
  }
  if (awards.length === 0) {
    context.out.write(`${wanted ? tr('list.noneOf', { badge: wanted }) : tr('list.none')}\n`);
    return 0;
  }
  const rows = awards.map((a) => [
    a.issuedOn,
    a.status === 'revoked'
      ? tr('list.revoked', { date: a.revoked?.date ?? '' })
      : a.status === 'expired'
        ? tr('list.expired', { date: a.expires ?? '' })
        : tr('list.valid'),
    a.badge,
    a.id,
    a.name,
    a.url,
  ]);
  const header = tr('list.header').split(' ');
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ');
  const counts = (status: ListedAward['status']) => awards.filter((a) => a.status === status).length;
  context.out.write(
    `${[line(header), ...rows.map(line)].join('\n')}\n${tr(
      awards.length === 1 ? 'list.total.one' : 'list.total.other',
      {
        count: awards.length,
        valid: counts('valid'),
        expired: counts('expired'),
        revoked: counts('revoked'),
      },
    )}\n`,
  );
  const pending = pendingAnnouncements(context);
  if (pending > 0)
    context.out.write(
      `${tr(pending === 1 ? 'list.pending.one' : 'list.pending.other', { count: pending })}\n`,
    );
  return 0;
}

/** How many announcements wait in the outbox (0 when it cannot be read: `notify` says why). */
function pendingAnnouncements(context: CliContext): number {
  try {
    return readOutbox(context.cwd).announcements.length;
  } catch {
    return 0;
  }
}

function toListed(award: Award, badge: Badge, day: string, siteRoot: string): ListedAward {
  const state = awardState(award, badge, day);
  return {
    id: award.id,
    badge: award.badge,
    name: award.recipient.name,
    issuedOn: award.issuedOn,
    ...(state.expires ? { expires: state.expires } : {}),
    status: state.kind,
    ...(award.revocation
      ? { revoked: { date: award.revocation.date, reason: award.revocation.reason } }
      : {}),
    listed: award.listed,
    file: award.file,
    url: `${siteRoot}${sitePaths.awardPage(award.id)}`,
  };
}
