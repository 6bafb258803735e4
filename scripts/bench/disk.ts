#!/usr/bin/env node
/**
 * `npm run bench:disk [-- --files 90000 --kb 8]`: what this machine's disk costs a build, nothing else
 * running: writing as many files of that size as a site has (32 at a time, one folder per 9 files, as
 * the build writes them), linking as many (what the page cache does), then reading them all back (what the
 * leak gate does). The build's own stage times can then be compared with the disk's floor.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { link, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { files: { type: 'string', default: '90000' }, kb: { type: 'string', default: '8' } },
});
const files = Number(values.files);
const kb = Number(values.kb);
if (!Number.isInteger(files) || files < 1 || !(kb > 0)) {
  process.stderr.write('Usage: npm run bench:disk -- [--files 90000] [--kb 8]\n');
  process.exit(2);
}

// In the project's folder, on the disk the build writes to (not a memory-backed /tmp).
const root = mkdtempSync(join(process.cwd(), '.bench-disk-'));
const body = Buffer.alloc(Math.round(kb * 1024), 97);
const PER_FOLDER = 9;

async function atOnce(count: number, limit: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(2);
const fileOf = (base: string, index: number) =>
  join(root, base, String(Math.floor(index / PER_FOLDER)), `f${index % PER_FOLDER}`);

try {
  let started = performance.now();
  const made = new Set<string>();
  await atOnce(files, 32, async (index) => {
    const path = fileOf('written', index);
    const folder = join(path, '..');
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    await writeFile(path, body);
  });
  const written = seconds(started);

  started = performance.now();
  await atOnce(files, 16, async (index) => {
    const path = fileOf('linked', index);
    await mkdir(join(path, '..'), { recursive: true });
    await link(fileOf('written', index), path);
  });
  const linked = seconds(started);

  started = performance.now();
  let bytes = 0;
  await atOnce(files, 16, async (index) => {
    const { length } = await readFile(fileOf('written', index));
    bytes += length;
  });
  const read = seconds(started);

  const size = `${files.toLocaleString('en')} files of ${kb} KB (${(bytes / 2 ** 20).toFixed(1)} MiB)`;
  process.stdout.write(`| disk, ${size} | seconds |\n|---|---:|\n`);
  process.stdout.write(`| written, 32 at a time | ${written} |\n`);
  process.stdout.write(`| hard-linked, 16 at a time | ${linked} |\n`);
  process.stdout.write(`| read back, 16 at a time | ${read} |\n`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
