/**
 * What the commands that read or write awards (`award`, `revoke`, `list`) share: option parsing that
 * never echoes an email, the content they start from, "did you mean" for badges, the random source of
 * new awards, and all-or-nothing file writes.
 */

import { hash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { type ColumnMap, mapColumns } from '../../core/authoring/columns.ts';
import type { HashValue } from '../../core/authoring/holders.ts';
import type { AwardRandomness } from '../../core/authoring/plan.ts';
import {
  decodeRoster,
  parseRoster,
  type Roster,
  type RosterFileProblem,
} from '../../core/authoring/roster.ts';
import { showControlCharacters } from '../../core/content/characters.ts';
import type { LinkResult } from '../../core/content/link.ts';
import { closestName, formatProblems } from '../../core/content/problems.ts';
import { InsigneError } from '../../core/errors.ts';
import { normaliseEmail } from '../../core/identity/email.ts';
import { render, say } from '../../core/messages/catalogue.ts';
import type { Badge, Model, Recipient } from '../../core/model/types.ts';
import { loadContent } from '../content.ts';
import { type CliContext, t } from './context.ts';

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

/**
 * Anything shaped like an email address, so no message repeats one typed in the wrong place. A match
 * starts only where a run of address characters starts (the lookbehind), so a long run without "@" is
 * scanned once instead of once per position (quadratic).
 */
const EMAIL_ANYWHERE = /(?<![^\s@<>"'])[^\s@<>"']+@[^\s@<>"']+/g;
/**
 * A text typed or read from a roster, fit to print: no email address, and control characters shown as
 * `\u0007` rather than sent to the terminal (an escape sequence in a roster could rewrite the screen).
 */
export const redact = (text: string) =>
  showControlCharacters(text.replace(EMAIL_ANYWHERE, '<email address>'));

export type Parsed<T extends OptionSpec> = {
  values: { [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : string };
  positionals: string[];
};

/**
 * Parses options strictly. `--help` prints the command's usage (exit code 0); a mistake prints what is
 * wrong and the usage (exit code 2).
 */
export function parseOptions<T extends OptionSpec>(
  args: string[],
  options: T,
  usage: string,
  context: CliContext,
): Parsed<T> | { exit: number } {
  if (args.includes('--help') || args.includes('-h')) {
    context.out.write(usage);
    return { exit: 0 };
  }
  const tr = t(context);
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Parsed<T>['values'], positionals };
  } catch (error) {
    // Node's own sentence (an unknown option, a missing value), said as it is.
    const message = error instanceof Error ? (error.message.split('. ')[0] ?? error.message) : String(error);
    context.err.write(`${tr('options.refused', { detail: redact(message.replace(/\.$/, '')) })}\n${usage}`);
    return { exit: 2 };
  }
}

/** The linked content, or undefined after printing every problem: authoring starts from valid content. */
export function loadValidContent(context: CliContext, day: string): Model | undefined {
  const result: LinkResult = loadContent(context.cwd, day);
  if (result.ok) return result.model;
  context.err.write(
    `${formatProblems(result.problems, say('report.nothingWrittenFixFirst'), context.language)}\n`,
  );
  return undefined;
}

/** The badge, or undefined after printing "No badge … Did you mean …?". */
export function findBadge(model: Model, slug: string, context: CliContext): Badge | undefined {
  const badge = model.badges.get(slug);
  if (badge) return badge;
  const guess = closestName(slug, model.badges.keys());
  const tr = t(context);
  context.err.write(
    `${tr('authoring.noBadge', {
      slug: redact(slug),
      guess: guess ? say('new.didYouMean', { name: guess }) : '',
      badges: [...model.badges.keys()].sort().join(', ') || say('authoring.noneYet'),
    })}\n`,
  );
  return undefined;
}

/** Cryptographic randomness for new awards: UUID v4 ids, 128-bit salts, status indexes. */
export const cryptoRandomness: AwardRandomness = {
  uuid: () => randomUUID(),
  salt: () => randomBytes(16).toString('base64url'),
  below: (bound) => randomInt(0, bound),
};

/**
 * The IdentityHash of src/core/identity/email.ts (`sha256$` + hex of value ‖ salt) with Node's native
 * SHA-256, about four times faster than the portable one, for rosters compared with thousands of awards.
 */
export const nativeHashValue: HashValue = (value, salt) => `sha256$${hash('sha256', `${value}${salt}`)}`;

/** `matchesIdentity` over `nativeHashValue`. */
export function nativeMatchesIdentity(email: string, recipient: Recipient): boolean {
  return nativeHashValue(normaliseEmail(email), recipient.salt) === recipient.identity.toLowerCase();
}

/** A file to write, relative to the project root. */
export interface FileToWrite {
  readonly path: string;
  readonly text: string;
}

/**
 * Writes every file or none: each goes to a hidden temporary file next to its target (ignored by the
 * content reader), then all are renamed into place. On any failure, whatever was written is removed,
 * including folders this call created, and the error is rethrown. An existing file is never overwritten.
 */
export function writeFilesAtomically(root: string, files: readonly FileToWrite[]): void {
  const createdDirs: string[] = [];
  const temps: string[] = [];
  const placed: string[] = [];
  try {
    for (const file of files) {
      const target = join(root, file.path);
      const folder = dirname(target);
      if (!existsSync(folder)) {
        const first = mkdirSync(folder, { recursive: true });
        if (first) createdDirs.push(...foldersBetween(first, folder));
      }
      const temp = join(folder, `.${basename(target)}.${process.pid}.tmp`);
      writeFileSync(temp, file.text, { flag: 'wx' });
      temps.push(temp);
    }
    for (const [i, file] of files.entries()) {
      const target = join(root, file.path);
      if (existsSync(target))
        throw new InsigneError('ERR_AWARD_FILE_EXISTS', say('authoring.fileExists', { file: file.path }));
      renameSync(temps[i] as string, target);
      placed.push(target);
    }
  } catch (error) {
    for (const path of [...placed, ...temps]) rmSync(path, { force: true });
    for (const folder of createdDirs.reverse()) {
      try {
        rmdirSync(folder);
      } catch {
        // Not empty (someone else wrote there): leave it.
      }
    }
    throw error;
  }
}

/** Replaces one existing file through a temporary file and a rename, so it is never left half-written. */
export function replaceFile(root: string, path: string, text: string): void {
  const target = join(root, path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** The folders from `first` (created by mkdir -p) down to `last`, outermost first. */
function foldersBetween(first: string, last: string): string[] {
  const folders: string[] = [];
  for (let folder = last; folder.length >= first.length; folder = dirname(folder)) {
    folders.unshift(folder);
    if (folder === first) break;
  }
  return folders;
}

/** A roster read from disk: its file name, rows and the meaning of its columns. */
export interface RosterFile {
  readonly file: string;
  readonly roster: Roster;
  readonly columns: ColumnMap;
}

/**
 * Reads, decodes and maps a CSV roster (relative to the project folder), warning when it sits inside the
 * project (it holds addresses); undefined after printing why it cannot be used.
 */
export function readRosterFile(context: CliContext, csvPath: string): RosterFile | undefined {
  const file = basename(csvPath);
  const path = resolve(context.cwd, csvPath);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    context.err.write(
      `${
        code === 'ENOENT'
          ? t(context)('roster.noFile', { file: redact(csvPath) })
          : t(context)('roster.cannotRead', {
              file: redact(csvPath),
              code: code ?? say('roster.unknownError'),
            })
      }\n`,
    );
    return undefined;
  }
  if (path.startsWith(`${resolve(context.cwd)}${sep}`)) {
    context.err.write(`${t(context)('roster.insideProject', { file })}\n`);
  }
  const decoded = decodeRoster(bytes);
  const read = parseRoster(decoded.text, decoded.encoding);
  if (!read.ok) return rosterProblem(context, file, read.problem);
  const mapped = mapColumns(read.roster.header);
  if (!mapped.ok) return rosterProblem(context, file, mapped.problem);
  return { file, roster: read.roster, columns: mapped.columns };
}

function rosterProblem(context: CliContext, file: string, problem: RosterFileProblem): undefined {
  const tr = t(context);
  const language = context.language ?? 'en';
  const where = problem.line ? tr('roster.where', { file, line: problem.line }) : file;
  const message = problem.says ? render(problem.says.message, language) : problem.message;
  const hint = problem.says?.hint ? render(problem.says.hint, language) : problem.hint;
  context.err.write(
    `✖ ${where}: ${redact(message)}\n${hint ? `  ${tr('report.hint')} ${redact(hint)}\n` : ''}${tr('report.nothingWritten')}\n`,
  );
  return undefined;
}
