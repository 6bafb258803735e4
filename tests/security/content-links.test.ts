/**
 * Content stays inside the repository (DESIGN.md §4): with real symbolic links under content/, `badges
 * check` and the build follow a link only when its real path stays inside the project, report every
 * other link (outside, dangling, looping) by name, refuse content files reached through a link, and never
 * read, render or publish a file from outside.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';
import { projectFromFixture } from '../helpers/fixtures.ts';
import { astroBuild, PROJECT_ROOT, scratchProject } from '../helpers/project.ts';

const AWARD = 'content/awards/2026/0b5e4d8c-3f1a-4c2b-9d7e-6a1f2b3c4d5e.yaml';
const ISSUER = 'content/issuers/ecole-test.yaml';
const LOGO = join(PROJECT_ROOT, 'content', 'issuers', 'lycee-trois-rivieres-logo.svg');
/** Marks the logo outside the project, so that any published copy of it can be found. */
const OUTSIDE_MARK = 'outside-the-repository-7f3a';

/** A folder outside every project, holding a usable logo. */
function elsewhere(): string {
  const dir = mkdtempSync(join(tmpdir(), 'insigne-elsewhere-'));
  writeFileSync(
    join(dir, 'logo.svg'),
    readFileSync(LOGO, 'utf8').replace('<svg', `<svg data-mark="${OUTSIDE_MARK}"`),
  );
  return dir;
}

const edit = (root: string, path: string, change: (text: string) => string) =>
  writeFileSync(join(root, path), change(readFileSync(join(root, path), 'utf8')));

const useLogo = (root: string, logo: string) =>
  edit(root, ISSUER, (text) => text.replace('language: fr', `logo: ${logo}\nlanguage: fr`));

describe('badges check with symbolic links under content/', () => {
  it('refuses a folder linked from outside, and the logo read through it', async () => {
    const root = projectFromFixture('valid');
    symlinkSync(elsewhere(), join(root, 'content', 'issuers', 'assets'));
    useLogo(root, 'assets/logo.svg');
    const run = await cli(root, ['check']);
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      [
        '✖ 2 content problems. Fix them, then run the check again.',
        'content/issuers/assets',
        '   0  This is a symbolic link to a place outside the project: content may only come from the repository.',
        '      Hint: Copy the files into content/ instead of linking to them: a link would publish whatever it points to, from outside git.',
        ISSUER,
        '   5  logo: The file "assets/logo.svg" is reached through a symbolic link that is not followed (content/issuers/assets).',
        '      Hint: Put the image itself in the folder: files are only read from inside the project, never through a link leading elsewhere.',
        '',
      ].join('\n'),
    );
  });

  it('refuses a single file linked from outside, saying so rather than "does not exist"', async () => {
    const root = projectFromFixture('valid');
    symlinkSync(join(elsewhere(), 'logo.svg'), join(root, 'content', 'issuers', 'logo.svg'));
    useLogo(root, 'logo.svg');
    const run = await cli(root, ['check']);
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      'content/issuers/logo.svg\n   0  This is a symbolic link to a place outside the project',
    );
    expect(run.err).toContain(
      'logo: The file "logo.svg" is reached through a symbolic link that is not followed',
    );
    expect(run.err).not.toContain('does not exist');
  });

  it('reports a linked award file instead of ignoring it', async () => {
    const root = projectFromFixture('valid');
    mkdirSync(join(root, 'drafts'));
    const target = join(root, 'drafts', 'award.yaml');
    writeFileSync(
      target,
      readFileSync(join(root, AWARD), 'utf8').replace('statusIndex: 17', 'statusIndex: 18'),
    );
    const link = 'content/awards/2026/5d1f0c2a-8b3e-4f6a-9c7d-1e2f3a4b5c6d.yaml';
    symlinkSync(target, join(root, link));
    const run = await cli(root, ['check']);
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      [
        '✖ 1 content problem. Fix them, then run the check again.',
        link,
        '   0  This content file is a symbolic link; content files must be real files.',
        '      Hint: Replace the link by the file itself: the pages and `badges revoke` read and write content files where they are.',
        '',
      ].join('\n'),
    );
  });

  it('reports an award file linked from outside, and content files inside a linked folder', async () => {
    const root = projectFromFixture('valid');
    const outside = mkdtempSync(join(tmpdir(), 'insigne-elsewhere-'));
    writeFileSync(join(outside, 'award.yaml'), readFileSync(join(root, AWARD), 'utf8'));
    symlinkSync(
      join(outside, 'award.yaml'),
      join(root, 'content/awards/2026/5d1f0c2a-8b3e-4f6a-9c7d-1e2f3a4b5c6d.yaml'),
    );
    mkdirSync(join(root, 'archive'));
    cpSync(join(root, 'content', 'awards', '2026'), join(root, 'archive', '2025'), { recursive: true });
    symlinkSync(join(root, 'archive', '2025'), join(root, 'content', 'awards', '2025'));
    const run = await cli(root, ['check']);
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      'content/awards/2026/5d1f0c2a-8b3e-4f6a-9c7d-1e2f3a4b5c6d.yaml\n   0  This is a symbolic link to a place outside the project',
    );
    expect(run.err).toContain(
      'content/awards/2025/0b5e4d8c-3f1a-4c2b-9d7e-6a1f2b3c4d5e.yaml\n   0  This content file is reached through a symbolic link (content/awards/2025); content files must be real files.',
    );
  });

  it('reports a dangling link and a link that loops back', async () => {
    const root = projectFromFixture('valid');
    symlinkSync(join(root, 'nothing-here.png'), join(root, 'content', 'badges', 'gone.png'));
    symlinkSync('..', join(root, 'content', 'badges', 'up'));
    const run = await cli(root, ['check']);
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      'content/badges/gone.png\n   0  This symbolic link points to nothing: its target does not exist.',
    );
    expect(run.err).toContain(
      'content/badges/up\n   0  This symbolic link leads back to a folder that contains it.',
    );
  });

  it('follows a linked image folder that stays inside the project', async () => {
    const root = projectFromFixture('valid');
    mkdirSync(join(root, 'shared-art'));
    cpSync(LOGO, join(root, 'shared-art', 'logo.svg'));
    symlinkSync(join(root, 'shared-art'), join(root, 'content', 'issuers', 'art'));
    useLogo(root, 'art/logo.svg');
    const run = await cli(root, ['check']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
  });
});

describe('a real build with a folder linked from outside', () => {
  it('refuses, publishes nothing and copies nothing from outside', () => {
    const root = scratchProject(join(projectFromFixture('valid'), 'content'));
    symlinkSync(elsewhere(), join(root, 'content', 'issuers', 'assets'));
    useLogo(root, 'assets/logo.svg');
    const run = astroBuild(root, join(root, 'dist'), {
      INSIGNE_TODAY: '2026-11-28',
      INSIGNE_SIGNING_KEYS: '',
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).not.toBe(0);
    expect(output).toContain(
      'content/issuers/assets\n   0  This is a symbolic link to a place outside the project',
    );
    expect(output).toContain('Nothing was published.');
    expect(existsSync(join(root, 'dist'))).toBe(false);
    const written = readdirSync(root).filter((name) => name.startsWith('dist'));
    expect(written).toEqual([]);
    expect(output).not.toContain(OUTSIDE_MARK);
  });
});
