/**
 * The milestone check over many badges: requirements resolved with their parts' names, circles found
 * however long (and named by their ends), shared parts (a diamond) not mistaken for a circle. Each
 * mistake's exact report is a fixture (tests/fixtures/content/broken-milestone-*).
 */
import { describe, expect, it } from 'vitest';
import { checkMilestones, type MilestoneEntry } from '../../../src/core/content/milestones.ts';
import { parseMarkdownSource } from '../../../src/core/content/parse.ts';
import type { Badge } from '../../../src/core/model/types.ts';

function entry(slug: string, parts: readonly string[], atLeast?: number): MilestoneEntry {
  const lines = parts.map((part) => `    - ${part}`).join('\n');
  const text = `---\nname: ${slug}\nrequires:\n  badges:\n${lines}\n${atLeast ? `  atLeast: ${atLeast}\n` : ''}---\nx\n`;
  const parsed = parseMarkdownSource({ path: `content/badges/${slug}.md`, text });
  return { slug, parsed, requires: { badges: parts, ...(atLeast ? { atLeast } : {}) } };
}

function badge(slug: string, name: string, edition?: string): Badge {
  return {
    file: `content/badges/${slug}.md`,
    slug,
    name,
    issuer: 'ecole',
    description: 'd',
    tags: [],
    alignments: [],
    achievementType: 'Badge',
    artwork: { shape: 'circle', palette: 'ocean', showIssuer: true },
    language: 'fr',
    criteria: 'c',
    ...(edition && { edition: { language: 'en', name: edition, description: 'd', criteria: 'c' } }),
  };
}

describe('checkMilestones', () => {
  it('resolves each part with its names, atLeast defaulting to all of them', () => {
    const badges = new Map([
      ['a', badge('a', 'Alpha', 'Alpha (en)')],
      ['b', badge('b', 'Bêta')],
      ['m', badge('m', 'Milestone')],
      ['n', badge('n', 'Other')],
    ]);
    const result = checkMilestones(
      [entry('m', ['a', 'b']), entry('n', ['a', 'b', 'm'], 2)],
      new Set(badges.keys()),
      badges,
    );
    expect(result.problems).toEqual([]);
    expect(result.requirements.get('m')).toEqual({
      atLeast: 2,
      badges: [
        { slug: 'a', name: 'Alpha', language: 'fr', edition: { language: 'en', name: 'Alpha (en)' } },
        { slug: 'b', name: 'Bêta', language: 'fr' },
      ],
    });
    expect(result.requirements.get('n')?.atLeast).toBe(2);
  });

  it('does not take a part shared by two milestones (a diamond) for a circle', () => {
    const entries = [entry('top', ['left', 'right']), entry('left', ['base']), entry('right', ['base'])];
    const known = new Set(['top', 'left', 'right', 'base']);
    expect(checkMilestones(entries, known, new Map()).problems).toEqual([]);
  });

  it('finds a circle through a thousand milestones once, naming its ends only', () => {
    const count = 1000;
    const slug = (i: number) => `m${String(i).padStart(4, '0')}`;
    const entries = Array.from({ length: count }, (_, i) => entry(slug(i), [slug((i + 1) % count)]));
    const known = new Set(entries.map((e) => e.slug));
    const { problems } = checkMilestones(entries, known, new Map());
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'content/badges/m0999.md',
      line: 5,
      field: 'requires.badges[0]',
      message:
        'Milestones require each other in a circle ("m0000" → "m0001" → "m0002" → "m0003" → "m0004" → … → "m0999" → "m0000"): nobody could ever earn them.',
    });
  });

  it('reports every mistake of one list at once, and resolves nothing for it', () => {
    const badges = new Map([['a', badge('a', 'Alpha')]]);
    const result = checkMilestones([entry('m', ['a', 'a', 'm', 'zz'], 4)], new Set(['a', 'm']), badges);
    expect(result.problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [6, 'requires.badges[1]', 'The badge "a" is listed twice.'],
      [7, 'requires.badges[2]', 'The badge "m" requires itself.'],
      [8, 'requires.badges[3]', 'No badge "zz" exists.'],
      [9, 'requires.atLeast', 'atLeast is 4, but only 3 badges are listed.'],
    ]);
    expect(result.requirements.size).toBe(0);
  });
});
