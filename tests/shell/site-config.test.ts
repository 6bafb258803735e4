import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSiteLocation } from '../../src/shell/site-config.ts';
import { PROJECT_ROOT } from '../helpers/project.ts';

function project(config?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'insigne-config-'));
  if (config !== undefined) writeFileSync(join(root, 'astro.config.mjs'), config);
  return root;
}

describe('site and base as astro.config.mjs writes them', () => {
  it("reads the project's own config", () => {
    expect(readSiteLocation(PROJECT_ROOT)).toEqual({
      ok: true,
      location: { origin: 'https://lycee-trois-rivieres.github.io', base: '/badges' },
    });
  });

  it('reads a domain root without base, in either quotes, with a comment after the value', () => {
    const root = project(
      'export default defineConfig({\n  site: "https://badges.example.org", // ours\n});\n',
    );
    expect(readSiteLocation(root)).toEqual({
      ok: true,
      location: { origin: 'https://badges.example.org', base: '' },
    });
  });

  it('says why when there is no file, or site is not a plain string', () => {
    const missing = readSiteLocation(project());
    expect(missing).toMatchObject({
      ok: false,
      reason: 'astro.config.mjs could not be read, so the address of the site is unknown.',
    });
    const computed = readSiteLocation(project('export default { site: process.env.SITE };\n'));
    expect(computed.ok).toBe(false);
  });
});
