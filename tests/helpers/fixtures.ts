/** Builds a throw-away project from the valid content fixture plus one fixture's overlay. */
import { copyFileSync, cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CONTENT_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'content');

/** Names of the `broken-*` content fixtures. */
export function brokenFixtures(): string[] {
  return readdirSync(CONTENT_FIXTURES)
    .filter((name) => name.startsWith('broken-'))
    .sort();
}

/**
 * A temp project root holding `valid/content` with the fixture's `content/` copied over it, and the
 * project's `astro.config.mjs` (commands read the site's address from it).
 */
export function projectFromFixture(name: string): string {
  const root = mkdtempSync(join(tmpdir(), `insigne-${name}-`));
  copyFileSync(join(import.meta.dirname, '..', '..', 'astro.config.mjs'), join(root, 'astro.config.mjs'));
  cpSync(join(CONTENT_FIXTURES, 'valid', 'content'), join(root, 'content'), { recursive: true });
  if (name !== 'valid')
    cpSync(join(CONTENT_FIXTURES, name, 'content'), join(root, 'content'), { recursive: true });
  return root;
}
