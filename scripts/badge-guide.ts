#!/usr/bin/env node
/**
 * Writes the generated parts of the badge design guide: the pictures under docs/pictures/ (rendered by the
 * build's own artwork renderer) and the field tables and value lists of docs/badges.md (from the content
 * schemas). Run it after changing a schema, a shape, a palette, the icon table or the artwork template:
 *
 *   npm run docs:badges              # rewrite the pictures and tables
 *   npm run docs:badges -- --check   # change nothing; exit 1 and name every file that is out of date
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fillGuide } from './badge-guide/fields.ts';
import { renderGuidePictures } from './badge-guide/pictures.ts';

export const GUIDE = 'docs/badges.md';
export const PICTURES = 'docs/pictures';

/** Every file the script writes, by path relative to the project root, with its bytes. */
export async function guideFiles(root: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const guide = readFileSync(join(root, GUIDE), 'utf8');
  files.set(GUIDE, new TextEncoder().encode(fillGuide(guide)));
  for (const [name, bytes] of await renderGuidePictures()) files.set(`${PICTURES}/${name}`, bytes);
  return files;
}

/** Paths whose committed bytes differ from `files`, and pictures on disk that the script does not write. */
export function staleFiles(root: string, files: ReadonlyMap<string, Uint8Array>): string[] {
  const stale: string[] = [];
  for (const [path, bytes] of files) {
    let current: Uint8Array | undefined;
    try {
      current = readFileSync(join(root, path));
    } catch {
      current = undefined;
    }
    if (current === undefined || Buffer.compare(current, bytes) !== 0) stale.push(path);
  }
  let onDisk: string[] = [];
  try {
    onDisk = readdirSync(join(root, PICTURES));
  } catch {
    onDisk = [];
  }
  for (const name of onDisk) if (!files.has(`${PICTURES}/${name}`)) stale.push(`${PICTURES}/${name}`);
  return stale.sort();
}

async function main(args: string[]): Promise<number> {
  const root = join(import.meta.dirname, '..');
  const check = args.includes('--check');
  const files = await guideFiles(root);
  const stale = staleFiles(root, files);
  if (check) {
    if (stale.length === 0) {
      process.stdout.write(`✔ ${GUIDE} and its ${files.size - 1} pictures are up to date.\n`);
      return 0;
    }
    process.stderr.write(
      `✖ Out of date: ${stale.join(', ')}. Run \`npm run docs:badges\` and commit the result.\n`,
    );
    return 1;
  }
  const written: string[] = [];
  for (const path of stale) {
    const bytes = files.get(path);
    if (bytes === undefined) {
      rmSync(join(root, path)); // a picture no longer drawn
      written.push(`${path} (removed)`);
      continue;
    }
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), bytes);
    written.push(path);
  }
  const sizes = [...files].map(([path, bytes]) => `  ${path}: ${Math.ceil(bytes.length / 1024)} KiB`);
  const what =
    written.length === 0 ? 'Nothing to write: everything is up to date.' : `Wrote ${written.join(', ')}.`;
  process.stdout.write(`${what}\n${sizes.join('\n')}\n`);
  return 0;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
