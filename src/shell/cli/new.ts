/**
 * `badges new issuer <slug>` and `badges new badge <slug>`: a complete, commented, valid file to start
 * from. On a terminal, what the flags leave out is asked; otherwise required values must be given and the
 * rest takes sensible defaults. The new file is checked with the rest of the content before the command
 * says it is done; a file the check refuses is removed again, with the problems listed.
 */

import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { resolveIcon } from '../../core/artwork/icons.ts';
import { PALETTES } from '../../core/artwork/palettes.ts';
import { badgeFileText, issuerFileText, type ScaffoldLanguage } from '../../core/authoring/scaffold.ts';
import { closestName, formatProblems } from '../../core/content/problems.ts';
import { ACHIEVEMENT_TYPES } from '../../core/content/schemas.ts';
import { InsigneError } from '../../core/errors.ts';
import { render, say } from '../../core/messages/catalogue.ts';
import { BADGE_SHAPES } from '../../core/model/types.ts';
import { loadIconSet } from '../artwork/assets.ts';
import { loadContent, today } from '../content.ts';
import { parseOptions, redact } from './authoring.ts';
import { type CliContext, t } from './context.ts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const OPTIONS = {
  name: { type: 'string' },
  url: { type: 'string' },
  email: { type: 'string' },
  description: { type: 'string' },
  language: { type: 'string' },
  issuer: { type: 'string' },
  shape: { type: 'string' },
  palette: { type: 'string' },
  icon: { type: 'string' },
  level: { type: 'string' },
  type: { type: 'string' },
  validity: { type: 'string' },
  tags: { type: 'string' },
} as const;

type Values = Partial<Record<keyof typeof OPTIONS, string>>;

/** The values the flags left out, asked on a terminal; `missing` lists those still absent. */
async function complete(values: Values, required: readonly (keyof Values)[], context: CliContext) {
  const missing: string[] = [];
  for (const name of required) {
    if (values[name]?.trim()) continue;
    const answer = (await context.ask?.(`${name}: `))?.trim();
    if (answer) values[name] = answer;
    else missing.push(`--${name}`);
  }
  return missing;
}

const usage = (context: CliContext) =>
  t(context)('help.new', {
    shapes: BADGE_SHAPES.join(', '),
    palettes: PALETTES.map((p) => p.name).join(', '),
  });

export async function runNew(args: string[], context: CliContext): Promise<number> {
  const tr = t(context);
  const parsed = parseOptions(args, OPTIONS, usage(context), context);
  if ('exit' in parsed) return parsed.exit;
  const [kind, slug, ...extra] = parsed.positionals;
  if ((kind !== 'issuer' && kind !== 'badge') || !slug || extra.length > 0) {
    context.err.write(usage(context));
    return 2;
  }
  if (!SLUG.test(slug)) {
    context.err.write(
      `${tr(kind === 'issuer' ? 'new.badIssuerSlug' : 'new.badBadgeSlug', { slug: redact(slug) })}\n`,
    );
    return 2;
  }
  const values: Values = { ...parsed.values };
  const language = (values.language ?? (kind === 'badge' ? undefined : 'fr')) as ScaffoldLanguage | undefined;
  if (language !== undefined && language !== 'fr' && language !== 'en') {
    context.err.write(`${tr('new.badLanguage', { value: redact(String(language)) })}\n`);
    return 2;
  }
  const folder = kind === 'issuer' ? 'issuers' : 'badges';
  const file = join(context.cwd, 'content', folder, `${slug}.${kind === 'issuer' ? 'yaml' : 'md'}`);
  if (existsSync(file) || (kind === 'badge' && existsSync(file.replace(/\.md$/, '.mdx')))) {
    context.err.write(`${tr('new.exists', { file: relative(context.cwd, file) })}\n`);
    return 1;
  }

  const required = kind === 'issuer' ? (['name', 'url', 'email'] as const) : (['issuer', 'name'] as const);
  const missing = await complete(values, required, context);
  if (missing.length > 0) {
    context.err.write(`${tr('new.missing', { options: missing.join(', ') })}\n\n${usage(context)}`);
    return 2;
  }

  let text: string;
  if (kind === 'issuer') {
    text = issuerFileText({
      name: values.name as string,
      url: values.url as string,
      email: values.email as string,
      ...(values.description ? { description: values.description } : {}),
      language: language ?? 'fr',
    });
  } else {
    const refused = checkBadgeChoices(values, context);
    if (refused) return refused;
    text = badgeFileText({
      name: values.name as string,
      issuer: values.issuer as string,
      ...(values.description ? { description: values.description } : {}),
      language: language ?? 'fr',
      shape: values.shape ?? 'circle',
      palette: values.palette ?? 'ocean',
      ...(values.icon ? { icon: values.icon } : {}),
      ...(values.level ? { level: values.level } : {}),
      achievementType: values.type ?? 'Badge',
      ...(values.validity ? { validity: values.validity } : {}),
      tags: (values.tags ?? '')
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    });
  }

  const temporary = `${file}.insigne-new`;
  writeFileSync(temporary, text, { flag: 'wx' });
  renameSync(temporary, file);
  const where = relative(context.cwd, file);
  const result = loadContent(context.cwd, today(context.env));
  const own = result.ok ? [] : result.problems.filter((problem) => problem.file === where);
  if (own.length > 0) {
    rmSync(file);
    context.err.write(
      `${formatProblems(own, say('report.nothingWrittenWouldFail', { file: where }), context.language)}\n`,
    );
    return 1;
  }
  context.out.write(`${tr('new.written', { file: where })}\n`);
  if (kind === 'issuer') context.out.write(`${tr('new.nextKeygen', { slug })}\n`);
  if (!result.ok) context.out.write(`${tr('new.otherProblems', { count: result.problems.length })}\n`);
  return 0;
}

/** The badge's issuer, shape, palette, icon and type, refused with a suggestion before anything is written. */
function checkBadgeChoices(values: Values, context: CliContext): number | undefined {
  const tr = t(context);
  const problems: string[] = [];
  const issuer = values.issuer as string;
  if (!existsSync(join(context.cwd, 'content', 'issuers', `${issuer}.yaml`)))
    problems.push(
      tr('new.noIssuer', { issuer: redact(issuer), slug: SLUG.test(issuer) ? issuer : '<slug>' }),
    );
  const choose = (
    label: 'shape' | 'palette' | 'type',
    value: string | undefined,
    allowed: readonly string[],
  ) => {
    if (value === undefined || allowed.includes(value)) return;
    const guess = closestName(value, allowed);
    problems.push(
      tr(`new.unknown.${label}`, {
        value: redact(value),
        guess: guess ? say('new.didYouMean', { name: guess }) : '',
        allowed: allowed.join(', '),
      }),
    );
  };
  choose('shape', values.shape, BADGE_SHAPES);
  choose(
    'palette',
    values.palette,
    PALETTES.map((p) => p.name),
  );
  if (values.type !== undefined && !values.type.startsWith('ext:'))
    choose('type', values.type, ACHIEVEMENT_TYPES);
  if (values.icon !== undefined) {
    try {
      resolveIcon(loadIconSet(), values.icon);
    } catch (error) {
      if (!(error instanceof InsigneError)) throw error;
      // It ends with how to find icons by word.
      problems.push(error.says ? render(error.says, context.language ?? 'en') : error.message);
    }
  }
  if (problems.length === 0) return undefined;
  context.err.write(`${problems.map((p) => `✖ ${p}`).join('\n')}\n${tr('report.nothingWritten')}\n`);
  return 1;
}
