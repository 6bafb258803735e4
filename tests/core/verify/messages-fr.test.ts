/**
 * The verify page speaks its own language on every line: each problem code the verifier reports has a
 * French title, found by reading the verifier's source for the codes it passes with an English title.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyTexts } from '../../../src/core/verify/messages.ts';
import { PROJECT_ROOT } from '../../helpers/project.ts';

const dir = join(PROJECT_ROOT, 'src', 'core', 'verify');
const source = readdirSync(dir)
  .filter((file) => file.endsWith('.ts') && file !== 'messages.ts')
  .map((file) => readFileSync(join(dir, file), 'utf8'))
  .join('\n');
// A code in capitals followed, as the next argument, by its English title (`ERR_…` codes are errors for
// programmers, never shown as problems).
const codes = [
  ...new Set([...source.matchAll(/'([A-Z][A-Z0-9_]{3,})',\s*['"`]/g)].map((m) => m[1] as string)),
].filter((code) => !code.startsWith('ERR_'));

describe('problem titles in French', () => {
  it('finds the codes the verifier reports', () => {
    expect(codes.length).toBeGreaterThan(40);
    expect(codes).toContain('KEY_UNRESOLVABLE');
  });

  it('has a French title for every one of them', () => {
    const fr = verifyTexts('fr');
    const untranslated = codes.filter((code) => fr.problem(code, '\u0000') === '\u0000');
    expect(untranslated).toEqual([]);
  });
});
