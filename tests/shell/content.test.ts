/**
 * One fixture per kind of content mistake (tests/fixtures/content/broken-*), each with the exact report an
 * administrator reads (expected.txt, and expected.fr.txt in French). Set UPDATE_EXPECTED=1 to rewrite the expected reports, then review
 * the diff: these messages are part of the product.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblems } from '../../src/core/content/problems.ts';
import { loadCheckedContent, loadContent } from '../../src/shell/content.ts';
import { brokenFixtures, CONTENT_FIXTURES, projectFromFixture } from '../helpers/fixtures.ts';

const TODAY = '2026-11-28';

describe('content fixtures', () => {
  it('the valid fixture links without problems', () => {
    const result = loadContent(projectFromFixture('valid'), TODAY);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...result.model.awards.keys()]).toEqual(['0b5e4d8c-3f1a-4c2b-9d7e-6a1f2b3c4d5e']);
    expect(result.model.badges.get('robotique-niveau-1')?.criteria).toBe(
      'Le robot suit une ligne noire sur deux mètres.',
    );
  });

  it('has at least twenty kinds of mistakes', () => {
    expect(brokenFixtures().length).toBeGreaterThanOrEqual(20);
  });

  for (const name of brokenFixtures()) {
    it(`reports ${name} exactly`, async () => {
      // As the build and `badges check` load it: with the signatures of endorsements checked too.
      const result = await loadCheckedContent(projectFromFixture(name), TODAY);
      expect(result.ok).toBe(false);
      const report = formatProblems(result.problems);
      const expectedFile = join(CONTENT_FIXTURES, name, 'expected.txt');
      if (process.env.UPDATE_EXPECTED === '1' || !existsSync(expectedFile))
        writeFileSync(expectedFile, `${report}\n`);
      expect(`${report}\n`).toBe(readFileSync(expectedFile, 'utf8'));
    });

    it(`reports ${name} in French, every problem from the catalogue`, async () => {
      const result = await loadCheckedContent(projectFromFixture(name), TODAY);
      expect(result.problems.filter((p) => p.says === undefined)).toEqual([]);
      const report = formatProblems(result.problems, undefined, 'fr');
      expect(report).not.toBe(formatProblems(result.problems));
      const expectedFile = join(CONTENT_FIXTURES, name, 'expected.fr.txt');
      if (process.env.UPDATE_EXPECTED === '1' || !existsSync(expectedFile))
        writeFileSync(expectedFile, `${report}\n`);
      expect(`${report}\n`).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }
});
