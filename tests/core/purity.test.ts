/**
 * The pure core stays framework- and I/O-free: the lint rule that enforces it really fires. Biome reports
 * no diagnostics for stdin input, so each case is a short-lived probe file in the folder under test.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/project.ts';

function lintAs(folder: string, source: string) {
  const probe = join(folder, `purity-probe-${process.pid}-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(join(PROJECT_ROOT, probe), source);
  try {
    const biome = join(PROJECT_ROOT, 'node_modules', '.bin', 'biome');
    return spawnSync(biome, ['lint', probe], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  } finally {
    rmSync(join(PROJECT_ROOT, probe));
  }
}

describe('core purity rule', () => {
  for (const source of [
    "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
    "import { getCollection } from 'astro:content';\nexport const a = getCollection;\n",
    "import { loadContent } from '../shell/content.ts';\nexport const a = loadContent;\n",
  ]) {
    it(`refuses in src/core: ${source.split('\n')[0]}`, () => {
      const result = lintAs('src/core', source);
      expect(result.status).not.toBe(0);
      expect(`${result.stdout}${result.stderr}`).toContain('lint/style/noRestrictedImports');
    });
  }

  it('allows the same import in the shell', () => {
    const result = lintAs(
      'src/shell',
      "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
    );
    expect(`${result.stdout}${result.stderr}`).not.toContain('noRestrictedImports');
    expect(result.status).toBe(0);
  });
});
