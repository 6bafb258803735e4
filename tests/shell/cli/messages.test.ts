/**
 * No command prints a sentence that bypasses the catalogue: the command files hold no English prose in
 * their string literals (ids, option names, paths and punctuation only). Files still to move to the
 * catalogue are listed, so the list can only shrink.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../helpers/project.ts';

const CLI_DIR = join(PROJECT_ROOT, 'src', 'shell', 'cli');

/** Command files whose own sentences are not in the catalogue yet (their --help is): none left. */
const NOT_YET_IN_CATALOGUE = new Set<string>([]);

/** The string literals of a source file, comments left out, `${…}` holes of templates removed. */
function literals(source: string): string[] {
  const found: string[] = [];
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .filter((line) => !/^\s*(\/\/|import |export \{|export type \{)/.test(line))
    .join('\n');
  for (const match of code.matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g))
    found.push(match[0].slice(1, -1).replace(/\$\{[^}]*\}/g, ' '));
  return found;
}

/** Prose: three words of letters in a row (a message), not an id, a flag or a path. */
const PROSE = /[A-Za-z]{2,}[ ,]+[a-z]{2,}[ ,]+[a-z]{2,}/;

describe('the command files print only catalogue messages', () => {
  const files = readdirSync(CLI_DIR).filter((f) => f.endsWith('.ts'));

  for (const file of files.filter((f) => !NOT_YET_IN_CATALOGUE.has(f)))
    it(file, () => {
      const prose = literals(readFileSync(join(CLI_DIR, file), 'utf8')).filter((text) => PROSE.test(text));
      expect(prose).toEqual([]);
    });

  it('the scan finds prose where there is some', () => {
    expect(
      literals(`write(\`✖ No award \${id}. Run it again.\`); // a comment`).filter((t) => PROSE.test(t)),
    ).toEqual(['✖ No award  . Run it again.']);
  });

  it('lists only files that exist', () => {
    for (const file of NOT_YET_IN_CATALOGUE) expect(files).toContain(file);
  });
});
