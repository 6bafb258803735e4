import { describe, expect, it } from 'vitest';
import { readTarEntry } from '../../scripts/icon-tags.ts';

/** A ustar archive of the given files, as `npm pack` writes them (512-byte headers, padded data). */
function tar(files: Record<string, string>): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const [path, text] of Object.entries(files)) {
    const data = new TextEncoder().encode(text);
    const header = new Uint8Array(512);
    const slash = path.length > 100 ? path.lastIndexOf('/') : -1;
    const [prefix, name] = slash === -1 ? ['', path] : [path.slice(0, slash), path.slice(slash + 1)];
    header.set(new TextEncoder().encode(name), 0);
    header.set(new TextEncoder().encode(`${data.length.toString(8).padStart(11, '0')}\0`), 124);
    header.set(new TextEncoder().encode('ustar\0'), 257);
    header.set(new TextEncoder().encode(prefix), 345);
    blocks.push(header, data, new Uint8Array((512 - (data.length % 512)) % 512));
  }
  blocks.push(new Uint8Array(1024));
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let offset = 0;
  for (const block of blocks) {
    out.set(block, offset);
    offset += block.length;
  }
  return out;
}

describe('reading lucide-static tags out of its npm tarball', () => {
  const archive = tar({
    'package/package.json': '{"name":"lucide-static"}',
    'package/icons/bike.svg': '<svg/>'.repeat(200),
    'package/tags.json': '{"bike":["bicycle","transport","trip"]}',
  });

  it('finds a file after others of any length', () => {
    const entry = readTarEntry(archive, 'package/tags.json');
    expect(new TextDecoder().decode(entry)).toBe('{"bike":["bicycle","transport","trip"]}');
  });

  it('joins the ustar prefix and name of a long path', () => {
    const long = `package/${'deep/'.repeat(25)}tags.json`;
    const entry = readTarEntry(tar({ [long]: 'x' }), long);
    expect(new TextDecoder().decode(entry)).toBe('x');
  });

  it('returns undefined for a file the archive lacks', () => {
    expect(readTarEntry(archive, 'package/missing.json')).toBeUndefined();
  });
});
