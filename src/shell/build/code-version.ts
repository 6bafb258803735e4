/**
 * The version of a piece of Insigne's code, for the build caches' keys: a SHA-256 of its source files (so
 * an edit, an upgrade or a checkout of another commit invalidates what that code made) and of the versions
 * of the libraries it uses and of Node (whose WebCrypto signs). Read once per process.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const SOURCE_ROOT = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

function filesUnder(path: string): string[] {
  try {
    return readdirSync(path, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
  } catch {
    // A file rather than a folder.
    return [path];
  }
}

function libraryVersion(name: string): string {
  try {
    const manifest = require.resolve(`${name}/package.json`);
    return String(JSON.parse(readFileSync(manifest, 'utf8')).version);
  } catch {
    // Packages whose exports hide package.json: found from their entry point's folder instead.
    let folder = require.resolve(name);
    while (folder !== '/') {
      folder = join(folder, '..');
      try {
        const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
        if (manifest.name === name) return String(manifest.version);
      } catch {
        // Not this folder.
      }
    }
    return 'unknown';
  }
}

const memo = new Map<string, string>();

/**
 * The version of the code in `sources` (paths under `src/`, files or folders) with `libraries` (package
 * names), as a hex digest.
 */
export function codeVersion(sources: readonly string[], libraries: readonly string[]): string {
  const label = JSON.stringify([sources, libraries]);
  const known = memo.get(label);
  if (known !== undefined) return known;
  const hash = createHash('sha256').update(`node ${process.versions.node}\n`);
  for (const name of libraries) hash.update(`library ${name} ${libraryVersion(name)}\n`);
  for (const source of sources) {
    for (const file of filesUnder(join(SOURCE_ROOT, source))) {
      hash.update(`file ${relative(SOURCE_ROOT, file)}\n`).update(readFileSync(file));
    }
  }
  const version = hash.digest('hex');
  memo.set(label, version);
  return version;
}

/** What makes a signature: the signing code and the libraries it signs with. */
export const signingCodeVersion = () =>
  codeVersion(['core/credentials'], ['jose', '@noble/hashes', 'jsonld', 'rdf-canonize']);

/** What makes a self-check verdict: the verifier, what it reads images and documents with, the check itself. */
export const verifierCodeVersion = () =>
  codeVersion(
    ['core/verify', 'core/credentials', 'core/bake', 'core/model', 'core/urls.ts', 'shell/self-check.ts'],
    ['jose', '@noble/hashes', 'jsonld', 'rdf-canonize', 'ajv', 'ajv-formats'],
  );
