import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.ts';
import { projectFromFixture } from '../../helpers/fixtures.ts';

const ROOT = process.cwd();

describe('badges icons', () => {
  it('finds the bicycle icon from "vélo", "bicycle" and "bike"', async () => {
    for (const word of ['vélo', 'bicycle', 'bike']) {
      const run = await cli(ROOT, ['icons', word]);
      expect(run.code, word).toBe(0);
      expect(run.err).toBe('');
      expect(run.out.split('\n')[1], word).toMatch(/^ {2}bike {2}/);
      expect(run.out).toContain('  artwork:\n    icon: bike\n');
    }
  });

  it('says what matched: the French word, the tag, the name', async () => {
    expect((await cli(ROOT, ['icons', 'vélo'])).out).toBe(
      [
        '1 icon for "vélo" (French "vélo" → bicycle, bike):',
        '  bike  name; tag "bicycle" (French "vélo")',
        '',
        'In a badge file:',
        '  artwork:',
        '    icon: bike',
        '',
      ].join('\n'),
    );
    expect((await cli(ROOT, ['icons', 'bicycle'])).out).toContain('  bike  tag "bicycle"\n');
    expect((await cli(ROOT, ['icons', 'bike'])).out).toContain('  bike  name\n');
  });

  it('joins several words into one query and shows the best twenty unless --all', async () => {
    const aid = await cli(ROOT, ['icons', 'first', 'aid']);
    expect(aid.code).toBe(0);
    expect(aid.out).toMatch(/^\d+ icons for "first aid":\n/);
    const top = aid.out
      .split('\n')
      .slice(1, 5)
      .map((line) => line.trim().split(' ')[0]);
    expect(top.sort()).toEqual(['ambulance', 'bandage', 'briefcase-medical', 'cross']);

    const book = await cli(ROOT, ['icons', 'book']);
    expect(book.out).toMatch(/\n {2}… and \d+ more \(--all shows them\)\.\n/);
    const all = await cli(ROOT, ['icons', 'book', '--all']);
    expect(all.out).not.toContain('more (--all');
    expect(all.out.split('\n').length).toBeGreaterThan(book.out.split('\n').length);
  });

  it('prints JSON with --json', async () => {
    const run = await cli(ROOT, ['icons', 'velo', '--json']);
    const result = JSON.parse(run.out) as { query: string; matches: { name: string }[] };
    expect(result.query).toBe('velo');
    expect(result.matches.map((m) => m.name)).toEqual(['bike']);
  });

  it('says so when nothing matches, and how to browse', async () => {
    const run = await cli(ROOT, ['icons', 'xyzzyq']);
    expect(run.code).toBe(1);
    expect(run.out).toContain('No icon matches "xyzzyq".');
    expect(run.out).toContain('npm run badges -- icons --list');
    expect(run.out).toContain('https://lucide.dev/icons');
  });

  it('lists every icon name with --list', async () => {
    const run = await cli(ROOT, ['icons', '--list']);
    expect(run.code).toBe(0);
    const names = run.out.trim().split('\n');
    expect(names.length).toBeGreaterThan(1500);
    expect(names).toContain('bike');
    expect([...names].sort()).toEqual(names);
  });

  it('has a help with examples, and refuses a missing word or an unknown option', async () => {
    const help = await cli(ROOT, ['icons', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Examples:\n  npm run badges -- icons vélo');
    const none = await cli(ROOT, ['icons']);
    expect(none.code).toBe(2);
    expect(none.err).toContain('"icons" needs a word to look for.');
    const wrong = await cli(ROOT, ['icons', 'bike', '--colour']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('Usage: npm run badges -- icons');
    expect((await cli(ROOT, ['help'])).out).toContain('  icons <word>');
  });
});

describe('the content check on an unknown icon', () => {
  it('proposes the icons the word search finds: "bicycle" → bike', async () => {
    const root = projectFromFixture('valid');
    const file = join(root, 'content', 'badges', 'robotique-niveau-1.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('  palette: ocean\n', '  palette: ocean\n  icon: bicycle\n'),
    );
    const run = await cli(root, ['check']);
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      [
        '  10  artwork.icon: There is no icon "bicycle" in the icon set.',
        '      Hint: Did you mean "bike"? Find icons by French or English word with `npm run badges -- icons <word>`, or browse https://lucide.dev/icons.',
      ].join('\n'),
    );
    expect(run.err).not.toContain('recycle');
  });

  it('proposes icons for a French word used as a name', async () => {
    const root = projectFromFixture('valid');
    const file = join(root, 'content', 'badges', 'robotique-niveau-1.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('  palette: ocean\n', '  palette: ocean\n  icon: velo\n'),
    );
    const run = await cli(root, ['check']);
    expect(run.err).toContain('Hint: Did you mean "bike"?');
  });
});
