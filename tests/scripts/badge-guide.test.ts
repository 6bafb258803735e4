/**
 * The badge design guide (docs/badges.md) cannot drift from the code: its pictures and tables are what
 * `npm run docs:badges` writes now, its examples pass the content check, its YAML traps behave as it says,
 * and the command output it quotes is what the command prints.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillGuide } from '../../scripts/badge-guide/fields.ts';
import { renderGuidePictures } from '../../scripts/badge-guide/pictures.ts';
import { GUIDE, guideFiles, PICTURES, staleFiles } from '../../scripts/badge-guide.ts';
import { formatProblems } from '../../src/core/content/problems.ts';
import { loadContent } from '../../src/shell/content.ts';
import { cli } from '../helpers/cli.ts';
import { projectFromFixture } from '../helpers/fixtures.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TODAY = '2026-11-28';
const guide = readFileSync(join(ROOT, GUIDE), 'utf8');

let files: Map<string, Uint8Array>;
beforeAll(async () => {
  files = await guideFiles(ROOT);
}, 60_000);

/** The fenced blocks of the guide that follow a "`content/…`:" line, by path. */
function exampleFiles(markdown: string): Map<string, string> {
  const examples = new Map<string, string>();
  const block = /^`(content\/[^`]+)`(?: \([^\n]*\))?:\n\n```[a-z]*\n([\s\S]*?)\n```$/gm;
  for (const match of markdown.matchAll(block)) examples.set(match[1] as string, `${match[2]}\n`);
  return examples;
}

describe('docs/badges.md', () => {
  it('has up-to-date pictures and tables (npm run docs:badges rewrites them)', () => {
    expect(staleFiles(ROOT, files), 'Run `npm run docs:badges` and commit the result').toEqual([]);
    expect([...files.keys()].sort()).toEqual([
      GUIDE,
      `${PICTURES}/icons.png`,
      `${PICTURES}/levels.png`,
      `${PICTURES}/palettes.png`,
      `${PICTURES}/shapes.png`,
    ]);
  });

  it('renders the same bytes every time', async () => {
    const again = await renderGuidePictures();
    for (const [name, bytes] of again) {
      expect(Buffer.compare(bytes, files.get(`${PICTURES}/${name}`) as Uint8Array), name).toBe(0);
    }
  }, 60_000);

  it('names each picture or table that is out of date', () => {
    const root = mkdtempSync(join(tmpdir(), 'insigne-guide-'));
    cpSync(join(ROOT, 'docs'), join(root, 'docs'), { recursive: true });
    const levels = join(root, PICTURES, 'levels.png');
    const bytes = readFileSync(levels);
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0xff;
    writeFileSync(levels, bytes);
    writeFileSync(join(root, PICTURES, 'old.png'), 'left over');
    writeFileSync(
      join(root, GUIDE),
      guide.replace('| `artwork.year` | whole number, 1900 to 2200 |', '| `artwork.year` | a year |'),
    );
    expect(staleFiles(root, files)).toEqual([GUIDE, `${PICTURES}/levels.png`, `${PICTURES}/old.png`]);
  });

  it('shows every picture it renders, each with alt text', () => {
    const shown = [...guide.matchAll(/!\[([^\]]+)\]\((pictures\/[^)]+)\)/g)].map((m) => `docs/${m[2]}`);
    expect(shown.sort()).toEqual([...files.keys()].filter((p) => p.startsWith(PICTURES)).sort());
  });

  it('refuses a generated part that no code writes, or a missing one', () => {
    expect(() => fillGuide('<!-- generated:nothing (x) -->\n<!-- /generated:nothing -->', {})).toThrow(
      'docs/badges.md has a generated part "nothing" that no code writes',
    );
    expect(() => fillGuide('no parts', { shapes: 'circle' })).toThrow(
      'docs/badges.md lacks the generated parts shapes',
    );
  });

  it('documents every field of the schemas, with type, required and default', () => {
    expect(guide).toContain(
      '| `artwork.shape` | `circle`, `shield`, `hexagon`, `rosette`, `rounded-square` | no | `circle` |',
    );
    expect(guide).toContain('| `name` | text, up to 120 characters | **yes** |  |');
    expect(guide).toContain('| `issuedOn` | day, `YYYY-MM-DD` | **yes** |  |');
    expect(guide).toContain('| `image` | file name ending .png or .svg | no |  |');
    // No pattern left unexplained.
    expect(guide).not.toContain('text matching');
  });

  it('has examples that pass the content check as they are', () => {
    const examples = exampleFiles(guide);
    expect([...examples.keys()].sort()).toEqual([
      'content/awards/2026/5f0c3c1e-8a4b-4d2e-9b7a-2c1d0e9f8a7b.yaml',
      'content/badges/encadrant-sortie.md',
      'content/badges/mecanique-velo.md',
      'content/badges/securite-routiere-1.md',
      'content/issuers/velo-club-deux-rives.yaml',
    ]);
    const root = mkdtempSync(join(tmpdir(), 'insigne-guide-example-'));
    for (const [path, text] of examples) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    const result = loadContent(root, TODAY);
    expect(result.ok ? '' : formatProblems(result.problems)).toBe('');
    if (!result.ok) return;
    expect(result.model.badges.get('securite-routiere-1')?.name).toBe('Sécurité routière : niveau 1');
    expect(result.model.badges.get('mecanique-velo')?.artwork).toMatchObject({
      icon: 'wrench',
      level: 'Niveau 1',
    });
  });

  it('quotes the output of `badges icons vélo` exactly', async () => {
    const quoted = /```sh\nnpm run badges -- icons vélo\n```\n\n```\n([\s\S]*?)```/.exec(guide)?.[1];
    const run = await cli(ROOT, ['icons', 'vélo']);
    expect(quoted).toBeDefined();
    expect(quoted).toBe(run.out);
  });
});

describe('the YAML traps the guide describes', () => {
  /** The name the check reads from a badge whose name line is `line`, or the report of its problems. */
  function badgeWithLine(pattern: RegExp, line: string): string {
    const root = projectFromFixture('valid');
    const file = join(root, 'content', 'badges', 'robotique-niveau-1.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(pattern, line));
    const result = loadContent(root, TODAY);
    return result.ok
      ? `name=${result.model.badges.get('robotique-niveau-1')?.name}`
      : formatProblems(result.problems);
  }

  it('refuses " : " in an unquoted value and accepts it quoted', () => {
    expect(badgeWithLine(/^name: .*$/m, 'name: Sécurité routière : niveau 1')).toContain(
      'The YAML cannot be read: Nested mappings are not allowed in compact mappings',
    );
    expect(badgeWithLine(/^name: .*$/m, 'name: "Sécurité routière : niveau 1"')).toBe(
      'name=Sécurité routière : niveau 1',
    );
  });

  it('cuts an unquoted value at " #" and drops a leading "!"', () => {
    expect(badgeWithLine(/^name: .*$/m, 'name: Atelier n° 3 #robotique')).toBe('name=Atelier n° 3');
    expect(badgeWithLine(/^name: .*$/m, 'name: "Atelier n° 3 #robotique"')).toBe(
      'name=Atelier n° 3 #robotique',
    );
    expect(badgeWithLine(/^name: .*$/m, 'name: ! Bravo')).toBe('name=Bravo');
  });

  it('takes guillemets and apostrophes as they are, but not an apostrophe inside single quotes', () => {
    expect(badgeWithLine(/^name: .*$/m, 'name: « Savoir rouler »')).toBe('name=« Savoir rouler »');
    expect(badgeWithLine(/^name: .*$/m, "name: L'atelier")).toBe("name=L'atelier");
    expect(badgeWithLine(/^name: .*$/m, "name: 'L'atelier'")).toMatch(/The YAML cannot be read/);
    expect(badgeWithLine(/^name: .*$/m, "name: 'L''atelier'")).toBe("name=L'atelier");
  });

  it('refuses a number where text is expected', () => {
    const alignment =
      'alignments:\n  - targetName: Programmer\n    targetUrl: https://example.org/crcn\n    code: 3.4\nartwork:';
    expect(badgeWithLine(/^artwork:$/m, alignment)).toContain(
      'alignments[0].code: Expected a string, found 3.4.',
    );
    expect(badgeWithLine(/^artwork:$/m, alignment.replace('3.4', '"3.4"'))).toBe('name=Robotique — niveau 1');

    const root = projectFromFixture('valid');
    const issuer = join(root, 'content', 'issuers', 'ecole-test.yaml');
    writeFileSync(issuer, `${readFileSync(issuer, 'utf8')}linkedinOrganizationId: 12345678\n`);
    const result = loadContent(root, TODAY);
    expect(result.ok ? '' : formatProblems(result.problems)).toContain(
      'linkedinOrganizationId: Expected a string',
    );
  });
});
