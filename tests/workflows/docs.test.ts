/**
 * The guides a new user follows: every relative link and anchor in the Markdown documents leads
 * somewhere, every "README, <section>" pointer in the sources and config names a real README section, and
 * every `git add` in the deploy guide that follows a key change also adds the lock file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/project.ts';

const tracked = execFileSync('git', ['ls-files'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
  .split('\n')
  .filter(Boolean);
const documents = tracked.filter((file) => file.endsWith('.md') && !file.startsWith('tests/'));

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
const headingsOf = (text: string) =>
  text
    .split('\n')
    .filter((line) => /^#{1,6} /.test(line))
    .map((line) => line.replace(/^#+ /, ''));

describe('documentation links', () => {
  it('finds the documents', () => {
    expect(documents).toContain('README.md');
    expect(documents).toContain('docs/deploy.md');
  });

  for (const file of documents) {
    it(`${file}: every relative link and anchor exists`, () => {
      const text = readFileSync(join(PROJECT_ROOT, file), 'utf8').replace(/```[\s\S]*?```/g, '');
      const broken: string[] = [];
      for (const [, target = ''] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target)) continue;
        const [path = '', anchor] = target.split('#');
        const resolved = path ? join(PROJECT_ROOT, dirname(file), path) : join(PROJECT_ROOT, file);
        if (!existsSync(resolved)) {
          broken.push(target);
          continue;
        }
        if (anchor && resolved.endsWith('.md')) {
          const anchors = headingsOf(readFileSync(resolved, 'utf8')).map(anchorOf);
          if (!anchors.includes(anchor)) broken.push(target);
        }
      }
      expect(broken).toEqual([]);
    });
  }

  it('every pointer to a README section names a section that exists', () => {
    const sections = headingsOf(readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8'));
    const pointers: string[] = [];
    for (const file of tracked.filter((f) => /\.(ts|mjs|astro|sh|yml)$|^\.gitignore$/.test(f))) {
      const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
      for (const [, name = ''] of text.matchAll(/README(?:, | section | ")([A-Z][\w ]+?)["')]/g))
        pointers.push(`${file}: ${name}`);
    }
    expect(pointers.length).toBeGreaterThan(0);
    for (const pointer of pointers) expect(sections, pointer).toContain(pointer.split(': ')[1]);
  });

  it('the deploy guide commits the lock file with every key change', () => {
    const guide = readFileSync(join(PROJECT_ROOT, 'docs', 'deploy.md'), 'utf8');
    const adds = [...guide.matchAll(/git add ([^\n&]+)/g)].map(([, files = '']) => files.trim());
    const withIssuers = adds.filter((files) => /content( |$)|content\/issuers/.test(files));
    expect(withIssuers.length).toBeGreaterThan(1);
    for (const files of withIssuers) expect(files).toContain('insigne.lock.json');
  });
});
