/**
 * No plaintext email enters git or the site (DESIGN §4): every roster of tests/fixtures/rosters is awarded
 * (the broken one with --skip-invalid), plus one person typed with odd spacing and capitals, then the site is
 * built for real. No address from any roster may appear in any file of content/ or of the built site, nor in
 * what the commands and the build printed: in any letter case, URL-encoded, as an HTML entity, or inside
 * base64 (a JWT, a data: URL).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeRoster } from '../../src/core/authoring/roster.ts';
import { KEYS_ENV } from '../../src/shell/keys.ts';
import { cli } from '../helpers/cli.ts';
import { projectFromFixture } from '../helpers/fixtures.ts';
import { astroBuild, scratchProject } from '../helpers/project.ts';

const ROSTERS = join(import.meta.dirname, '..', 'fixtures', 'rosters');
const BADGE = 'robotique-niveau-1';
const TYPED = { name: 'Zoé Majuscule', email: '  Zoe.MAJUSCULE@Eleves.Ecole-Test.Example ' };
const EMAIL = /[^\s,;"'<>@]+@[^\s,;"'<>@]+\.[A-Za-z]{2,}/g;

let root: string;
/** Every address of every roster, and the typed one, lower-cased. */
let emails: string[];
/** What the award commands and the build printed. */
let printed = '';
let awardFiles: string[];

function filesUnder(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => ({
      path: join(entry.parentPath, entry.name),
      bytes: readFileSync(join(entry.parentPath, entry.name)),
    }));
}

/** The text of a file as a search sees it: itself, plus what its base64 parts (JWS, data: URLs) decode to. */
function searchable(text: string): string {
  const decoded: string[] = [];
  for (const [token] of text.matchAll(/(?<![\w-])[\w-]{8,}\.[\w-]{8,}\.[\w-]*/g)) {
    for (const part of token.split('.')) decoded.push(Buffer.from(part, 'base64url').toString('latin1'));
  }
  for (const [, data] of text.matchAll(/base64,([A-Za-z0-9+/=]+)/g))
    decoded.push(Buffer.from(data ?? '', 'base64').toString('latin1'));
  return [text, ...decoded].join('\n').toLowerCase();
}

/** The forms an address takes when leaked: as is, URL-encoded, with an HTML entity for "@". */
function forms(email: string): string[] {
  return [
    email,
    encodeURIComponent(email).toLowerCase(),
    email.replace('@', '&#64;'),
    email.replace('@', '&#x40;'),
  ];
}

function leaksIn(text: string): string[] {
  const haystack = searchable(text);
  return emails.filter((email) => forms(email).some((form) => haystack.includes(form)));
}

beforeAll(async () => {
  root = scratchProject(join(projectFromFixture('valid'), 'content'));
  const rosters = readdirSync(ROSTERS).filter((name) => name.endsWith('.csv'));
  emails = [
    ...new Set([
      TYPED.email.trim().toLowerCase(),
      ...rosters.flatMap((name) =>
        [...decodeRoster(readFileSync(join(ROSTERS, name))).text.matchAll(EMAIL)].map(([email]) =>
          email.toLowerCase(),
        ),
      ),
    ]),
  ];
  for (const name of rosters) {
    const run = await cli(root, ['award', '--badge', BADGE, '--csv', join(ROSTERS, name), '--skip-invalid']);
    printed += `${run.out}${run.err}`;
  }
  const typed = await cli(root, ['award', '--badge', BADGE, '--name', TYPED.name, '--email', TYPED.email]);
  printed += `${typed.out}${typed.err}`;
  awardFiles = filesUnder(join(root, 'content', 'awards')).map((f) => f.path);
  const build = astroBuild(root, join(root, 'dist'), { INSIGNE_TODAY: '2026-11-28', [KEYS_ENV]: '' });
  printed += `${build.stdout}${build.stderr}`;
  if (build.status !== 0) throw new Error(`The site did not build:\n${build.stdout}\n${build.stderr}`);
});

describe('privacy of earners’ email addresses', () => {
  it('awards every valid row of every roster, and the typed person', () => {
    expect(emails.length).toBeGreaterThanOrEqual(25);
    // The valid fixture's award, plus the awarded rows.
    expect(awardFiles.length).toBeGreaterThanOrEqual(20);
    expect(printed).toContain(`✔ Awarded "Robotique — niveau 1" to ${TYPED.name}`);
    expect(readdirSync(join(root, 'dist', 'awards'))).toHaveLength(awardFiles.length);
  });

  it('the search finds an address in each form it looks for', () => {
    const email = emails[0] as string;
    const jwt = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(`{"sub":"${email.toUpperCase()}"}`).toString('base64url')}.`;
    for (const text of [
      email.toUpperCase(),
      `mailto:${encodeURIComponent(email)}`,
      email.replace('@', '&#64;'),
      jwt,
      `data:text/plain;base64,${Buffer.from(`x ${email}`).toString('base64')}`,
    ])
      expect(leaksIn(text), text).toEqual([email]);
  });

  it('no file of content/ holds an address', () => {
    const files = filesUnder(join(root, 'content'));
    const found = files.flatMap(({ path, bytes }) =>
      leaksIn(bytes.toString('utf8')).map((e) => `${path}: ${e}`),
    );
    expect(found).toEqual([]);
  });

  it('no file of the built site holds an address', () => {
    const files = filesUnder(join(root, 'dist'));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap(({ path, bytes }) =>
      leaksIn(`${bytes.toString('utf8')}\n${bytes.toString('latin1')}`).map((e) => `${path}: ${e}`),
    );
    expect(found).toEqual([]);
  });

  it('the award commands and the build printed no address', () => {
    expect(leaksIn(printed)).toEqual([]);
  });
});
