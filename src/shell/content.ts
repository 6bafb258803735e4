/**
 * Reads the content folder from disk and hands its text to the pure linker. The only place content files
 * are read; the CLI, the build and the tests all come through here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { type ContentInput, type LinkResult, linkContent } from '../core/content/link.ts';
import type { SourceFile } from '../core/content/parse.ts';
import { loadIconSet } from './artwork/assets.ts';
import { customImageProblem } from './artwork/custom.ts';
import { readLock } from './lock.ts';
import { criteriaParser } from './markdown/criteria-parser.ts';

const toPosix = (path: string) => path.split(sep).join('/');

function listFiles(dir: string): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

let icons: ReadonlySet<string> | undefined;

/** Every icon name (and alias) of the bundled icon set, read once. */
function iconNames(): ReadonlySet<string> {
  if (!icons) {
    const set = loadIconSet();
    icons = new Set([...Object.keys(set.icons), ...Object.keys(set.aliases ?? {})]);
  }
  return icons;
}

/** Reads every file under `<root>/content` into the linker's input. */
export function readContent(root: string, today: string): ContentInput {
  const contentDir = join(root, 'content');
  const read = (path: string): SourceFile => ({
    path: toPosix(relative(root, path)),
    text: readFileSync(path, 'utf8'),
  });
  const isText = (path: string) => /\.(ya?ml|mdx?|json)$/i.test(path);
  const group = (name: string) => listFiles(join(contentDir, name));
  const all = listFiles(contentDir);
  return {
    issuers: group('issuers').filter(isText).map(read),
    badges: group('badges').filter(isText).map(read),
    awards: group('awards').filter(isText).map(read),
    assets: new Set(all.filter((p) => !isText(p)).map((p) => toPosix(relative(root, p)))),
    today,
    iconNames: iconNames(),
    checkImage: (path, use) => customImageProblem(root, path, use),
    publishedKeys: readLock(root).publishedKeys,
    criteriaParser,
  };
}

/** Today in UTC as YYYY-MM-DD; `INSIGNE_TODAY` pins it for reproducible builds and tests. */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  const pinned = env.INSIGNE_TODAY;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  return new Date().toISOString().slice(0, 10);
}

/** Reads and links the content of a project. */
export function loadContent(root: string, day = today()): LinkResult {
  return linkContent(readContent(root, day));
}
