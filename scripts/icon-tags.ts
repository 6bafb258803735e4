#!/usr/bin/env node
/**
 * Writes src/core/artwork/icon-tags.json, the English search words of every icon the artwork can draw, so
 * that `badges icons <word>` and the content check's "did you mean" find `bike` for "bicycle".
 *
 * The Iconify copy of Lucide that Insigne draws from carries names and aliases but no tags; Lucide's own
 * `lucide-static` package carries one list of tags per icon (its `tags.json`). Rather than install that
 * 7 MB package for one file, this script fetches its tarball with `npm pack` (the ordinary npm client),
 * reads `package/tags.json` out of it, keeps the icons the installed icon set has, and writes one line per
 * icon. Run it after upgrading `@iconify-json/lucide`:
 *
 *   npm run icons:tags                      # lucide-static at LUCIDE_STATIC_VERSION
 *   npm run icons:tags -- --from tags.json  # a tags.json already on disk, no download
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The lucide-static release the committed tags come from (tags change little between releases). */
const LUCIDE_STATIC_VERSION = '1.62.0';
const ROOT = join(import.meta.dirname, '..');
const OUTPUT = join(ROOT, 'src', 'core', 'artwork', 'icon-tags.json');

/** The bytes of one file of a tar archive (ustar, as npm packs it). */
export function readTarEntry(tar: Uint8Array, wanted: string): Uint8Array | undefined {
  const text = (from: number, length: number) =>
    new TextDecoder().decode(tar.subarray(from, from + length)).replace(/\0.*$/s, '');
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const name = text(offset, 100);
    if (name === '') return undefined;
    const size = Number.parseInt(text(offset + 124, 12).trim() || '0', 8);
    const prefix = text(offset + 345, 155);
    const path = prefix === '' ? name : `${prefix}/${name}`;
    const start = offset + 512;
    if (path === wanted) return tar.subarray(start, start + size);
    offset = start + Math.ceil(size / 512) * 512;
  }
  return undefined;
}

function downloadTags(version: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'insigne-lucide-'));
  try {
    execFileSync('npm', ['pack', `lucide-static@${version}`, '--silent', '--pack-destination', dir], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    if (tarball === undefined) throw new Error('npm pack wrote no tarball');
    const entry = readTarEntry(gunzipSync(readFileSync(join(dir, tarball))), 'package/tags.json');
    if (entry === undefined) throw new Error(`lucide-static@${version} has no tags.json`);
    return new TextDecoder().decode(entry);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(args: string[]): void {
  const from = args.indexOf('--from');
  const source = from === -1 ? `lucide-static ${LUCIDE_STATIC_VERSION}` : 'a local tags.json';
  const tags = JSON.parse(
    from === -1 ? downloadTags(LUCIDE_STATIC_VERSION) : readFileSync(args[from + 1] ?? '', 'utf8'),
  ) as Record<string, string[]>;
  const require = createRequire(join(ROOT, 'package.json'));
  const set = JSON.parse(readFileSync(require.resolve('@iconify-json/lucide/icons.json'), 'utf8')) as {
    icons: Record<string, unknown>;
  };
  const iconify = JSON.parse(readFileSync(require.resolve('@iconify-json/lucide/package.json'), 'utf8')) as {
    version: string;
  };
  const names = Object.keys(tags)
    .filter((name) => set.icons[name] !== undefined)
    .sort();
  for (const name of names) {
    if ((tags[name] ?? []).some((tag) => tag.includes(', '))) throw new Error(`a tag of ${name} has ", "`);
  }
  const lines = names.map(
    (name) => `    ${JSON.stringify(name)}: ${JSON.stringify((tags[name] ?? []).join(', '))}`,
  );
  const json = [
    '{',
    `  "source": ${JSON.stringify(`Tags from ${source} (tags.json, ISC licence, Lucide Contributors), for the icons of @iconify-json/lucide ${iconify.version}. Written by npm run icons:tags.`)},`,
    '  "icons": {',
    lines.join(',\n'),
    '  }',
    '}',
    '',
  ].join('\n');
  writeFileSync(OUTPUT, json);
  process.stdout.write(`Wrote tags of ${names.length} icons to src/core/artwork/icon-tags.json.\n`);
}

if (import.meta.main) main(process.argv.slice(2));
