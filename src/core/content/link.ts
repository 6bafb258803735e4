/**
 * Parse & link (DESIGN.md §2, first stage): from the content files to the linked Model, or to the complete
 * list of problems. Every file is checked and every problem collected; nothing stops at the first one.
 * Pure: the shell passes the files' text, the list of other files, and today's date.
 */
import type { z } from 'zod';
import { unknownIconHint } from '../artwork/icons.ts';
import { PALETTES } from '../artwork/palettes.ts';
import { type Message, say } from '../messages/catalogue.ts';
import type { Award, Badge, Issuer, Model } from '../model/types.ts';
import { isAwardId } from '../urls.ts';
import { scanForUnreadableText, scanValuesForControlCharacters } from './characters.ts';
import { type CriteriaParser, checkBadgeCriteria, checkCriteriaMarkup } from './criteria-markup.ts';
import { keyNeedles, type PrivateKeyRecord } from './key-material.ts';
import { contentFileKeyProblems, otherFileKeyProblems } from './key-problems.ts';
import { checkMilestones, type MilestoneEntry } from './milestones.ts';
import {
  type ParsedSource,
  parseMarkdownSource,
  parseYamlSource,
  type SourceFile,
  scalarStrings,
} from './parse.ts';
import { type ContentProblem, closestName, didYouMean, orList, said, sortProblems } from './problems.ts';
import { ACHIEVEMENT_TYPES, awardSchema, badgeSchema, CRITERIA_MAX_LENGTH, issuerSchema } from './schemas.ts';
import { type ContentSymlink, refusedLinkTo, symlinkProblems } from './symlinks.ts';
import { AWARD_NAME_FIELDS, BADGE_NAME_FIELDS, ISSUER_NAME_FIELDS, scanNames } from './text-safety.ts';
import { EMAIL_LIKE, formatField, toProblems } from './zod-problems.ts';

export interface ContentInput {
  /** Files under content/issuers, content/badges and content/awards (any extension: unknown ones are reported). */
  readonly issuers: readonly SourceFile[];
  readonly badges: readonly SourceFile[];
  readonly awards: readonly SourceFile[];
  /** Paths (relative to the project root) of every other file under content/, for image references. */
  readonly assets: ReadonlySet<string>;
  /** Today, YYYY-MM-DD, from the shell's clock: an award cannot be issued in the future. */
  readonly today: string;
  /** Names of the icons the artwork can draw; when given, a badge's `artwork.icon` must be one of them. */
  readonly iconNames?: ReadonlySet<string>;
  /**
   * Why the image file at `path` (relative to the project root, listed in `assets`) cannot be a badge's
   * artwork or an issuer's logo, or undefined when it can. The shell reads and decodes the file; when
   * absent, images are only checked to exist.
   */
  readonly checkImage?: (path: string, use: 'artwork' | 'logo') => Message | undefined;
  /**
   * Key ids each issuer has published (from `insigne.lock.json`, kept by `keygen`): none may disappear
   * from the issuer file, since badges signed with them would stop verifying.
   */
  readonly publishedKeys?: Readonly<Record<string, readonly string[]>>;
  /** The page renderer's parser; when given, criteria are checked against the sanitizer's allowlist. */
  readonly criteriaParser?: CriteriaParser;
  /**
   * Every other file under content/ (images, notes, hidden files, whatever the extension), its bytes as
   * Latin-1 text (one character per byte): scanned for private key material only.
   */
  readonly otherFiles?: readonly SourceFile[];
  /** The project's own private keys, when the shell has them (`.keys/` or the CI secret), to find them anywhere. */
  readonly privateKeys?: readonly PrivateKeyRecord[];
  /** Symbolic links under content/: the shell followed those that stay inside the project, and no other. */
  readonly symlinks?: readonly ContentSymlink[];
  /**
   * Whether the artwork's bundled fonts have a glyph for a code point; when given, text drawn on badges
   * (badge and issuer names, levels) must be drawable.
   */
  readonly canDraw?: (codePoint: number) => boolean;
}

export type LinkResult =
  | { readonly ok: true; readonly model: Model; readonly problems: readonly [] }
  | { readonly ok: false; readonly problems: readonly ContentProblem[] };

/** Parses, validates and links all content. */
export function linkContent(input: ContentInput): LinkResult {
  const problems: ContentProblem[] = [];
  const contentFiles = [...input.issuers, ...input.badges, ...input.awards];
  for (const file of contentFiles) problems.push(...scanForUnreadableText(file));
  // Key material first, so that a line holding a key gets that one problem (see `validate`).
  const needles = keyNeedles(input.privateKeys ?? []);
  const keyScanned = new Set<SourceFile>();
  const keyLines = new Map<string, Set<number>>();
  const scanKeys = (file: SourceFile, parsed?: ParsedSource) => {
    keyScanned.add(file);
    const found = contentFileKeyProblems(file, parsed, needles);
    keyLines.set(file.path, new Set(found.map((p) => p.line)));
    problems.push(...found);
  };
  const validate = <S extends z.ZodType>(schema: S, parsed: ParsedSource, problems: ContentProblem[]) =>
    validateSchema(schema, parsed, problems, keyLines.get(parsed.file));
  for (const file of input.otherFiles ?? []) problems.push(...otherFileKeyProblems(file, needles));
  problems.push(...symlinkProblems(input.symlinks ?? [], contentFiles));

  const issuers = new Map<string, Issuer>();
  const issuerFiles = new Set<string>();
  for (const file of input.issuers) {
    const slug = slugOf(file, ['.yaml'], problems);
    if (!slug) continue;
    issuerFiles.add(slug);
    const parsed = parseYamlSource(file);
    scanKeys(file, parsed);
    problems.push(...scanValuesForControlCharacters(parsed, problems));
    problems.push(...scanNames(parsed, ISSUER_NAME_FIELDS, input.canDraw));
    const data = validate(issuerSchema, parsed, problems);
    if (!data) continue;
    checkAsset(file, parsed, ['logo'], data.logo, input, problems);
    checkAsset(file, parsed, ['signatory', 'signature'], data.signatory?.signature, input, problems);
    checkKeyIds(parsed, data.keys, problems);
    checkNoKeyRemoved(parsed, data.keys, input.publishedKeys?.[slug] ?? [], problems);
    issuers.set(slug, {
      file: file.path,
      slug,
      name: data.name,
      url: data.url,
      email: data.email,
      description: data.description,
      ...(data.logo ? { logo: data.logo } : {}),
      ...(data.signatory ? { signatory: stripUndefined(data.signatory) } : {}),
      ...(data.linkedinOrganizationId ? { linkedinOrganizationId: data.linkedinOrganizationId } : {}),
      language: data.language,
      indexAwardPages: data.indexAwardPages,
      keys: data.keys.map((k) => ({ ...k, publicKeyJwk: { ...k.publicKeyJwk } })) as Issuer['keys'],
    });
  }

  const badges = new Map<string, Badge>();
  const badgeSources = new Map<string, ParsedSource>();
  const milestones: MilestoneEntry[] = [];
  for (const file of input.badges) {
    const slug = slugOf(file, ['.md', '.mdx'], problems);
    if (!slug) continue;
    const earlier = badges.get(slug) ?? (badgeSources.has(slug) ? badgeSources.get(slug) : undefined);
    if (earlier) {
      problems.push({
        file: file.path,
        line: 1,
        field: '',
        ...said(say('badge.duplicate', { slug, file: earlier.file }), say('badge.duplicate.hint')),
      });
      continue;
    }
    const parsed = parseMarkdownSource(file);
    scanKeys(file, parsed);
    problems.push(...scanValuesForControlCharacters(parsed, problems));
    problems.push(...scanNames(parsed, BADGE_NAME_FIELDS, input.canDraw));
    badgeSources.set(slug, parsed);
    // The length first: an over-long body is refused for it, without being parsed.
    const criteriaTooLong = parsed.body.length > CRITERIA_MAX_LENGTH;
    if (input.criteriaParser && !criteriaTooLong)
      problems.push(...checkBadgeCriteria(file, parsed.body, input.criteriaParser));
    const data = validate(badgeSchema, parsed, problems);
    // Checked on the raw value too, so a wrong type is reported even when other fields are invalid.
    const rawType = (parsed.data as { achievementType?: unknown } | undefined)?.achievementType;
    if (typeof rawType === 'string') checkAchievementType(parsed, rawType, problems);
    // The body's length is checked even when the front matter is wrong: every problem at once.
    if (criteriaTooLong) {
      const bodyStart = file.text.length - parsed.body.length;
      problems.push({
        file: file.path,
        line: file.text.slice(0, bodyStart).split('\n').length,
        field: '',
        ...said(
          say('criteria.tooLong', { length: parsed.body.length, max: CRITERIA_MAX_LENGTH }),
          say('criteria.tooLong.hint'),
        ),
      });
    }
    if (!data) {
      // The schema stopped at its own mistakes; the design's palette and icon are still checked when
      // they are well-formed names, so one run lists every problem of the file.
      checkRawDesign(parsed, input.iconNames, problems);
      continue;
    }
    const issuer = issuers.get(data.issuer);
    if (!issuer && !issuerFiles.has(data.issuer)) {
      problems.push(
        unknownReference(
          parsed,
          ['issuer'],
          'issuer',
          data.issuer,
          allSlugs(input.issuers),
          'content/issuers/',
        ),
      );
    }
    checkAsset(file, parsed, ['image'], data.image, input, problems);
    checkAsset(file, parsed, ['signatory', 'signature'], data.signatory?.signature, input, problems);
    const language = data.language ?? issuer?.language ?? 'fr';
    if (data.edition) checkEdition(file, parsed, data.edition, language, input.criteriaParser, problems);
    checkDesign(parsed, data.artwork, input.iconNames, problems);
    if (data.requires) milestones.push({ slug, parsed, requires: data.requires });
    if (parsed.body.trim() === '') {
      problems.push({
        file: file.path,
        line: parsed.lineOf([]),
        field: '',
        ...said(say('criteria.empty'), say('criteria.empty.hint')),
      });
    }
    badges.set(slug, {
      file: file.path,
      slug,
      name: data.name,
      issuer: data.issuer,
      description: data.description,
      tags: data.tags,
      alignments: data.alignments.map(stripUndefined),
      achievementType: data.achievementType,
      ...(data.validity ? { validity: data.validity } : {}),
      artwork: stripUndefined(data.artwork),
      ...(data.image ? { image: data.image } : {}),
      ...(data.imageAlt ? { imageAlt: data.imageAlt } : {}),
      ...(data.signatory ? { signatory: stripUndefined(data.signatory) } : {}),
      ...(data.edition && data.edition.language !== language ? { edition: data.edition } : {}),
      language,
      criteria: parsed.body.trim(),
    });
  }

  // Milestones once every badge is known: their parts are other badges, in any file order.
  const milestoneCheck = checkMilestones(milestones, new Set(badgeSources.keys()), badges);
  problems.push(...milestoneCheck.problems);
  for (const [slug, requires] of milestoneCheck.requirements) {
    const badge = badges.get(slug);
    if (badge) badges.set(slug, { ...badge, requires });
  }

  const awards = new Map<string, Award>();
  const statusIndexes = new Map<string, Map<number, string>>();
  for (const file of input.awards) {
    const id = slugOf(file, ['.yaml'], problems);
    if (!id) continue;
    const parsed = parseYamlSource(file);
    if (!isAwardId(id)) {
      problems.push({
        file: file.path,
        line: 1,
        field: '',
        ...said(say('award.fileName', { id }), say('award.fileName.hint')),
      });
    }
    const earlier = awards.get(id);
    if (earlier) {
      problems.push({
        file: file.path,
        line: 1,
        field: '',
        ...said(say('award.duplicateId', { id, file: earlier.file }), say('award.duplicateId.hint')),
      });
      continue;
    }
    scanKeys(file, parsed);
    problems.push(...scanForEmails(parsed), ...scanValuesForControlCharacters(parsed, problems));
    problems.push(...scanNames(parsed, AWARD_NAME_FIELDS, input.canDraw));
    const data = validate(awardSchema, parsed, problems);
    if (!data) continue;
    const badge = badges.get(data.badge);
    if (!badge && !badgeSources.has(data.badge)) {
      problems.push(
        unknownReference(parsed, ['badge'], 'badge', data.badge, allSlugs(input.badges), 'content/badges/'),
      );
    }
    problems.push(...checkDates(parsed, data, input.today));
    if (badge) {
      const used = statusIndexes.get(badge.issuer) ?? new Map<number, string>();
      statusIndexes.set(badge.issuer, used);
      const holder = used.get(data.statusIndex);
      if (holder) {
        problems.push({
          file: file.path,
          line: parsed.lineOf(['statusIndex']),
          field: 'statusIndex',
          ...said(
            say('award.statusIndex', { index: data.statusIndex, file: holder }),
            say('award.statusIndex.hint'),
          ),
        });
      } else used.set(data.statusIndex, file.path);
    }
    awards.set(id, {
      file: file.path,
      id,
      badge: data.badge,
      recipient: data.recipient,
      issuedOn: data.issuedOn,
      ...(data.expires ? { expires: data.expires } : {}),
      evidence: data.evidence.map(stripUndefined),
      ...(data.narrative ? { narrative: data.narrative } : {}),
      ...(data.revoked ? { revocation: data.revoked } : {}),
      listed: data.listed,
      statusIndex: data.statusIndex,
    });
  }

  // Files skipped above (wrong name or extension, duplicates) are still scanned, line by line.
  for (const file of contentFiles) if (!keyScanned.has(file)) scanKeys(file);

  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, model: { issuers, badges, awards }, problems: [] };
}

function validateSchema<S extends z.ZodType>(
  schema: S,
  parsed: ParsedSource,
  problems: ContentProblem[],
  keyLines: ReadonlySet<number> = new Set(),
): z.output<S> | undefined {
  problems.push(...parsed.problems);
  if (parsed.problems.length > 0) return undefined;
  const result = schema.safeParse(parsed.data, { reportInput: true });
  if (result.success) return result.data;
  // A line holding key material gets that one problem only, not also "unknown field d"; so does a line
  // already reported as a whole (a control character).
  const reported = new Set([
    ...keyLines,
    ...problems.filter((p) => p.file === parsed.file && p.field === '').map((p) => p.line),
  ]);
  problems.push(...toProblems(schema, parsed, result.error.issues).filter((p) => !reported.has(p.line)));
  return undefined;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function allSlugs(files: readonly SourceFile[]): string[] {
  return files.map((f) => baseName(f.path).replace(/\.[^.]+$/, ''));
}

/** The slug (file name without extension), or a problem when the extension or the name is wrong. */
function slugOf(
  file: SourceFile,
  extensions: readonly string[],
  problems: ContentProblem[],
): string | undefined {
  const name = baseName(file.path);
  const extension = extensions.find((ext) => name.endsWith(ext));
  if (!extension) {
    problems.push({
      file: file.path,
      line: 1,
      field: '',
      ...said(say('file.unexpected', { extensions: orList(extensions) }), say('file.unexpected.hint')),
    });
    return undefined;
  }
  const slug = name.slice(0, -extension.length);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
    problems.push({
      file: file.path,
      line: 1,
      field: '',
      ...said(say('file.badName', { slug }), say('file.badName.hint')),
    });
    return undefined;
  }
  return slug;
}

function unknownReference(
  parsed: ParsedSource,
  path: readonly PropertyKey[],
  kind: 'badge' | 'issuer',
  wanted: string,
  known: readonly string[],
  folder: string,
): ContentProblem {
  const guess = closestName(wanted, known);
  return {
    file: parsed.file,
    line: parsed.lineOf(path),
    field: formatField(path),
    ...said(
      say(kind === 'badge' ? 'reference.badge' : 'reference.issuer', { slug: wanted }),
      say(kind === 'badge' ? 'reference.badge.hint' : 'reference.issuer.hint', {
        guess: didYouMean(guess),
        folder,
      }),
    ),
  };
}

/** An image a content file names (`logo`, `image`): it must exist next to the file and be usable. */
function checkAsset(
  file: SourceFile,
  parsed: ParsedSource,
  path: readonly ['logo' | 'image'] | readonly ['signatory', 'signature'],
  relative: string | undefined,
  input: ContentInput,
  problems: ContentProblem[],
): void {
  if (!relative) return;
  const folder = file.path.slice(0, file.path.lastIndexOf('/') + 1);
  const where = { file: file.path, line: parsed.lineOf(path), field: formatField(path) };
  const refused = refusedLinkTo(`${folder}${relative}`, input.symlinks ?? []);
  if (refused) {
    problems.push({
      ...where,
      ...said(say('asset.symlink', { file: relative, link: refused.path }), say('asset.symlink.hint')),
    });
    return;
  }
  if (!input.assets.has(`${folder}${relative}`)) {
    problems.push({
      ...where,
      ...said(
        say('asset.missing', { file: relative, beside: baseName(file.path) }),
        say('asset.missing.hint', { folder }),
      ),
    });
    return;
  }
  // A logo and a signature are checked alike: a safe PNG or SVG of a sensible size, any shape.
  const logo = path[0] !== 'image';
  const reason = input.checkImage?.(`${folder}${relative}`, logo ? 'logo' : 'artwork');
  if (reason !== undefined) {
    problems.push({
      ...where,
      ...said(
        reason,
        say(path[0] === 'signatory' ? 'asset.signature.hint' : logo ? 'asset.logo.hint' : 'asset.image.hint'),
      ),
    });
  }
}

/** A badge's edition in its other language: really the other language, and criteria the pages can show. */
function checkEdition(
  file: SourceFile,
  parsed: ParsedSource,
  edition: { language: string; criteria: string },
  language: string,
  parser: CriteriaParser | undefined,
  problems: ContentProblem[],
): void {
  if (edition.language === language) {
    problems.push({
      file: file.path,
      line: parsed.lineOf(['edition', 'language']),
      field: 'edition.language',
      ...said(
        say('edition.sameLanguage', { language: edition.language }),
        say('edition.sameLanguage.hint', { other: language === 'fr' ? 'en' : 'fr' }),
      ),
    });
  }
  // Its criteria obey the same allowlist as the badge's own (Markdown, no HTML that would be changed).
  if (parser)
    problems.push(
      ...checkCriteriaMarkup(
        file.path,
        edition.criteria,
        parsed.lineOf(['edition', 'criteria']) + 1,
        'markdown',
        parser,
      ).map((problem) => ({ ...problem, field: 'edition.criteria' })),
    );
}

/** The palette and icon of a badge whose schema check failed, when they are well-formed names. */
function checkRawDesign(
  parsed: ParsedSource,
  iconNames: ReadonlySet<string> | undefined,
  problems: ContentProblem[],
): void {
  const artwork = (parsed.data as { artwork?: unknown } | undefined)?.artwork;
  if (typeof artwork !== 'object' || artwork === null) return;
  const { palette, icon } = artwork as { palette?: unknown; icon?: unknown };
  // Only names the schema accepts: a malformed one already has its problem from the schema.
  checkDesign(
    parsed,
    {
      ...(typeof palette === 'string' && /^[a-z][a-z-]*$/.test(palette) ? { palette } : {}),
      ...(typeof icon === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(icon) ? { icon } : {}),
    },
    iconNames,
    problems,
  );
}

function checkDesign(
  parsed: ParsedSource,
  artwork: { palette?: string | undefined; icon?: string | undefined },
  iconNames: ReadonlySet<string> | undefined,
  problems: ContentProblem[],
): void {
  const palettes = PALETTES.map((p) => p.name);
  if (artwork.palette !== undefined && !palettes.includes(artwork.palette)) {
    const guess = closestName(artwork.palette, palettes);
    problems.push({
      file: parsed.file,
      line: parsed.lineOf(['artwork', 'palette']),
      field: 'artwork.palette',
      ...said(
        say('design.palette', { palette: artwork.palette }),
        say('design.palette.hint', { guess: didYouMean(guess), palettes: palettes.join(', ') }),
      ),
    });
  }
  if (artwork.icon && iconNames && !iconNames.has(artwork.icon)) {
    problems.push({
      file: parsed.file,
      line: parsed.lineOf(['artwork', 'icon']),
      field: 'artwork.icon',
      ...said(say('design.icon', { icon: artwork.icon }), unknownIconHint(artwork.icon, iconNames)),
    });
  }
}

function checkAchievementType(parsed: ParsedSource, type: string, problems: ContentProblem[]): void {
  if (type.startsWith('ext:') || (ACHIEVEMENT_TYPES as readonly string[]).includes(type)) return;
  const guess = closestName(type, ACHIEVEMENT_TYPES);
  problems.push({
    file: parsed.file,
    line: parsed.lineOf(['achievementType']),
    field: 'achievementType',
    ...said(
      say('achievementType.unknown', { type }),
      say('achievementType.unknown.hint', { guess: didYouMean(guess), types: ACHIEVEMENT_TYPES.join(', ') }),
    ),
  });
}

function checkNoKeyRemoved(
  parsed: ParsedSource,
  keys: readonly { id: string }[],
  published: readonly string[],
  problems: ContentProblem[],
): void {
  const present = new Set(keys.map((k) => k.id));
  for (const id of published) {
    if (present.has(id)) continue;
    problems.push({
      file: parsed.file,
      line: parsed.lineOf(['keys']),
      field: 'keys',
      ...said(say('keys.removed', { id }), say('keys.removed.hint')),
    });
  }
}

function checkKeyIds(
  parsed: ParsedSource,
  keys: readonly { id: string }[],
  problems: ContentProblem[],
): void {
  const seen = new Set<string>();
  for (const [i, key] of keys.entries()) {
    if (seen.has(key.id)) {
      problems.push({
        file: parsed.file,
        line: parsed.lineOf(['keys', i, 'id']),
        field: `keys[${i}].id`,
        ...said(say('keys.duplicateId', { id: key.id }), say('keys.duplicateId.hint')),
      });
    }
    seen.add(key.id);
  }
}

function checkDates(
  parsed: ParsedSource,
  data: z.output<typeof awardSchema>,
  today: string,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (data.issuedOn > today) {
    problems.push({
      file: parsed.file,
      line: parsed.lineOf(['issuedOn']),
      field: 'issuedOn',
      ...said(say('dates.future', { issuedOn: data.issuedOn, today }), say('dates.future.hint')),
    });
  }
  if (data.expires && data.expires <= data.issuedOn) {
    problems.push({
      file: parsed.file,
      line: parsed.lineOf(['expires']),
      field: 'expires',
      ...said(
        say('dates.expiry', { expires: data.expires, issuedOn: data.issuedOn }),
        say('dates.expiry.hint'),
      ),
    });
  }
  if (data.revoked && data.revoked.date < data.issuedOn) {
    problems.push({
      file: parsed.file,
      line: parsed.lineOf(['revoked', 'date']),
      field: 'revoked.date',
      ...said(
        say('dates.revoked', { revoked: data.revoked.date, issuedOn: data.issuedOn }),
        say('dates.revoked.hint'),
      ),
    });
  }
  return problems;
}

/** A plaintext email in an award is a privacy leak: only the salted hash belongs there (DESIGN.md §4). */
function scanForEmails(parsed: ParsedSource): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const [path, value] of scalarStrings(parsed.data)) {
    if (!EMAIL_LIKE.test(value)) continue;
    problems.push({
      file: parsed.file,
      line: parsed.lineOf(path),
      field: formatField(path),
      ...said(say('email.plaintext'), say('email.plaintext.hint')),
    });
  }
  return problems;
}

/** Drops `undefined` members, which zod leaves for absent optional fields (the model omits them). */
function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
