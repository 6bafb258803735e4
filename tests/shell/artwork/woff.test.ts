import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InsigneError } from '../../../src/core/errors.ts';
import { mergeMetrics, readWoffMetrics } from '../../../src/shell/artwork/woff.ts';

const require = createRequire(join(process.cwd(), 'package.json'));
const font = (file: string) =>
  new Uint8Array(readFileSync(require.resolve(`@fontsource/inter/files/${file}`)));

describe('readWoffMetrics', () => {
  const latin = readWoffMetrics(font('inter-latin-800-normal.woff'));
  const ext = readWoffMetrics(font('inter-latin-ext-800-normal.woff'));

  it('reads Inter: 2048 units per em, advances for Latin letters and French accents', () => {
    expect(latin.unitsPerEm).toBe(2048);
    for (const c of 'AZaz09éèàçœÉ«»’ ')
      expect(latin.advances.get(c.codePointAt(0) as number), c).toBeGreaterThan(0);
    // Proportional: "W" is wider than "i".
    expect(latin.advances.get(0x57) as number).toBeGreaterThan(latin.advances.get(0x69) as number);
  });

  it('covers Latin Extended in the other subset, and merging keeps the first font first', () => {
    expect(latin.advances.has(0x142)).toBe(false); // ł
    expect(ext.advances.get(0x142)).toBeGreaterThan(0);
    const merged = mergeMetrics([latin, ext]);
    expect(merged.advances.get(0x142)).toBe(ext.advances.get(0x142));
    expect(merged.advances.get(0x41)).toBe(latin.advances.get(0x41));
  });

  it('refuses a file that is not WOFF', () => {
    expect(() => readWoffMetrics(new Uint8Array(64), 'x')).toThrow(
      new InsigneError('ERR_ARTWORK_FONT', 'Font "x" is not a WOFF 1.0 file (signature "wOFF" missing).'),
    );
  });
});
