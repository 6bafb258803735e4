/**
 * `badges award` refuses earner names with bidirectional controls or invisible characters (one person on
 * the command line; roster rows are in tests/fixtures/malformed/rosters), naming the character and its
 * place, and showing the name escaped so that the terminal does not reverse it. Nothing is written.
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.ts';
import { projectFromFixture } from '../../helpers/fixtures.ts';
import { BADGE, newAwards } from './award-helpers.ts';

const award = (root: string, name: string) =>
  cli(root, ['award', '--badge', BADGE, '--name', name, '--email', 'zoe@ecole-test.example']);

describe('badges award with a name that reads differently from what it is', () => {
  it.each([
    ['Zoé \u202egnp.exe\u202c', 'U+202E RIGHT-TO-LEFT OVERRIDE at character 5'],
    ['Zo\u200bé Martin', 'U+200B ZERO WIDTH SPACE at character 3'],
    ['\u2066Zoé\u2069', 'U+2066 LEFT-TO-RIGHT ISOLATE at character 1'],
    ['Zoé\u2060Martin', 'U+2060 WORD JOINER at character 4'],
  ])('refuses %j', async (name, where) => {
    const root = projectFromFixture('valid');
    const run = await award(root, name);
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      `name: The name contains an invisible or direction-changing character (${where})`,
    );
    expect(run.err).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b\u2060]/);
    expect(newAwards(root)).toEqual([]);
  });

  it('accepts an emoji sequence with its joiner', async () => {
    const root = projectFromFixture('valid');
    const run = await award(root, 'Zoé 👩‍🔬');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(newAwards(root)).toHaveLength(1);
  });
});
