/**
 * `badges revoke <award-id> --reason "<text>" [--date <day>]`: withdraws an award by adding
 * `revoked: {date, reason}` to its file, leaving every other line (comments included) as it was. The
 * reason is public: verifiers and the award page show it. Revocation is permanent in the published
 * status list; to correct a mistake, award the badge again.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, parseDocument, type YAMLMap } from 'yaml';
import { publicTextProblem } from '../../core/authoring/recipient.ts';
import { checkDay } from '../../core/authoring/requests.ts';
import { linkContent } from '../../core/content/link.ts';
import { formatProblems } from '../../core/content/problems.ts';
import { InsigneError } from '../../core/errors.ts';
import { render, say } from '../../core/messages/catalogue.ts';
import { readContent, today } from '../content.ts';
import { loadValidContent, parseOptions, redact, replaceFile } from './authoring.ts';
import { type CliContext, t } from './context.ts';

/** The command's help, in the context's language. */
const revokeUsage = (context: CliContext) => t(context)('help.revoke');

const OPTIONS = { reason: { type: 'string' }, date: { type: 'string' } } as const;
const UUID_IN = /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/i;

export async function runRevoke(args: string[], context: CliContext): Promise<number> {
  const tr = t(context);
  const language = context.language ?? 'en';
  const parsed = parseOptions(args, OPTIONS, revokeUsage(context), context);
  if ('exit' in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    context.err.write(
      `${positionals.length === 0 ? tr('revoke.whichAward') : tr('revoke.oneAward')}\n${revokeUsage(context)}`,
    );
    return 2;
  }
  if (values.reason === undefined) {
    context.err.write(`${tr('revoke.reasonRequired')}\n${revokeUsage(context)}`);
    return 2;
  }
  const typed = positionals[0] as string;
  const id = UUID_IN.exec(typed)?.[0].toLowerCase();
  if (!id) {
    context.err.write(`${tr('revoke.notAnId', { value: redact(typed) })}\n`);
    return 1;
  }
  const reason = values.reason.replace(/\s+/g, ' ').trim();
  const reasonIssue = reason === '' ? say('revoke.emptyReason') : publicTextProblem('reason', reason, 500);
  if (reasonIssue) {
    context.err.write(`✖ --reason: ${render(reasonIssue, language)} ${tr('report.nothingWritten')}\n`);
    return 1;
  }

  const day = today(context.env);
  const model = loadValidContent(context, day);
  if (!model) return 1;
  const award = model.awards.get(id);
  if (!award) {
    context.err.write(`${tr('revoke.noAward', { id })}\n`);
    return 1;
  }
  const who = `${award.recipient.name}, ${award.badge}`;
  if (award.revocation) {
    context.err.write(
      `${tr('revoke.already', { id, who, date: award.revocation.date, reason: award.revocation.reason })}\n`,
    );
    return 1;
  }
  let date = day;
  if (values.date !== undefined) {
    const result = checkDay('revoked', values.date);
    if ('message' in result) {
      context.err.write(`✖ --date: ${render(result.message, language)} ${tr('report.nothingWritten')}\n`);
      return 1;
    }
    date = result.day;
  }
  if (date > day || date < award.issuedOn) {
    context.err.write(`${tr('revoke.dateRange', { date, issuedOn: award.issuedOn, today: day })}\n`);
    return 1;
  }

  const text = readFileSync(join(context.cwd, award.file), 'utf8');
  const doc = parseDocument(text);
  // The linker accepted the file, so it is a mapping: anything else is a bug, not a content mistake.
  if (!isMap(doc.contents)) throw new InsigneError('ERR_AWARD_NOT_MAPPING', award.file);
  const node = doc.createNode({ date, reason });
  node.flow = false;
  const items = (doc.contents as YAMLMap<unknown, unknown>).items;
  // Before `listed` / `statusIndex`, where award files keep it; at the end if neither is there.
  const before = items.findIndex(
    (pair) => isScalar(pair.key) && ['listed', 'statusIndex'].includes(String(pair.key.value)),
  );
  const pair = doc.createPair('revoked', node);
  if (before === -1) items.push(pair);
  else items.splice(before, 0, pair);
  const updated = doc.toString({ lineWidth: 0 });

  const input = readContent(context.cwd, day);
  const linked = linkContent({
    ...input,
    awards: input.awards.map((f) => (f.path === award.file ? { path: f.path, text: updated } : f)),
  });
  if (!linked.ok) {
    context.err.write(`${formatProblems(linked.problems, say('report.nothingWritten'), context.language)}\n`);
    return 1;
  }
  replaceFile(context.cwd, award.file, updated);
  context.out.write(tr('revoke.done', { id, who, date, file: award.file }));
  return 0;
}
