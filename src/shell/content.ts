/**
 * Reads the content folder from disk and hands its text to the pure linker. The only place content files
 * are read; the CLI, the build and the tests all come through here.
 */
import { type Dirent, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { PrivateKeyRecord } from '../core/content/key-material.ts';
import { type ContentInput, type LinkResult, linkContent } from '../core/content/link.ts';
import type { SourceFile } from '../core/content/parse.ts';
import { sortProblems } from '../core/content/problems.ts';
import type { ContentSymlink } from '../core/content/symlinks.ts';
import { checkEndorsementProofs, linkEndorsements } from '../core/endorsements/check.ts';
import { PINNED_DIR } from '../core/endorsements/did-web.ts';
import { linkPinnedDocuments } from '../core/endorsements/pinned.ts';
import type { PinnedDidDocument } from '../core/model/types.ts';
import { type SiteLocation, urlsFor } from '../core/urls.ts';
import { loadIconSet } from './artwork/assets.ts';
import { canDrawInArtwork } from './artwork/coverage.ts';
import { customImageProblem } from './artwork/custom.ts';
import { readStoredKeys } from './keys.ts';
import { readLock } from './lock.ts';
import { criteriaParser } from './markdown/criteria-parser.ts';
import { readSiteLocation } from './site-config.ts';

const toPosix = (path: string) => path.split(sep).join('/');

/** What is under content/: files (absolute paths as reached, links included), and every link met. */
interface ContentListing {
  readonly files: string[];
  readonly symlinks: ContentSymlink[];
}

/**
 * Lists every file under `<root>/<folder>` (`content`, or `public`, which Astro copies into the site as it
 * is), resolving each symbolic link: one whose real path stays inside the project is followed (its files
 * keep the link's path), any other is listed as a link and not read, so no file from outside the
 * repository can be checked, rendered or published. `.git` folders are skipped.
 */
function listFolder(root: string, folder: 'content' | 'public'): ContentListing {
  const listing: ContentListing = { files: [], symlinks: [] };
  let rootReal: string;
  try {
    rootReal = realpathSync(root);
  } catch {
    return listing;
  }
  const inside = (real: string) => real === rootReal || real.startsWith(`${rootReal}${sep}`);
  const noteLink = (path: string, leads: ContentSymlink['leads']) =>
    listing.symlinks.push({ path: toPosix(relative(root, path)), leads });

  /** Follows `path` (a link or not) if it stays inside; `above` holds the real folders being walked. */
  const visit = (path: string, isLink: boolean, above: ReadonlySet<string>): void => {
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      if (isLink) noteLink(path, 'nowhere');
      return;
    }
    if (!inside(real)) {
      noteLink(path, 'outside');
      return;
    }
    const stats = statSync(real);
    if (stats.isDirectory() && above.has(real)) {
      noteLink(path, 'loop');
      return;
    }
    if (isLink) noteLink(path, 'inside');
    if (stats.isFile()) listing.files.push(path);
    if (!stats.isDirectory()) return;
    const entries: Dirent[] = readdirSync(path, { withFileTypes: true });
    const walking = new Set([...above, real]);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.isDirectory() && entry.name === '.git') continue;
      if (entry.isSymbolicLink() || entry.isDirectory() || entry.isFile())
        visit(join(path, entry.name), entry.isSymbolicLink(), walking);
    }
  };

  const top = join(root, folder);
  let isLink: boolean;
  try {
    isLink = lstatSync(top).isSymbolicLink();
  } catch {
    return listing;
  }
  visit(top, isLink, new Set());
  return listing;
}

/** The project's private keys (`.keys/` or the CI secret), only to recognise them in content; none if unreadable. */
function privateKeys(root: string, env: NodeJS.ProcessEnv): PrivateKeyRecord[] {
  try {
    return (readStoredKeys(root, env) ?? []).map((key) => ({
      id: key.id,
      jwk: key.jwk as Readonly<Record<string, unknown>>,
    }));
  } catch {
    // A damaged secret is the build's to report (keys.ts); the shape scan still runs.
    return [];
  }
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

/**
 * Reads every file under `<root>/content` into the linker's input. With `keysFrom` (an environment that
 * may hold the CI secret), the project's private keys are read too, to be recognised in content; without
 * it none are: the build's own process never holds a key (its signing process does, and its leak gate
 * searches the output for them).
 */
export function readContent(root: string, today: string, keysFrom?: NodeJS.ProcessEnv): ContentInput {
  return readProject(root, today, keysFrom).input;
}

/**
 * `readContent`, the signed endorsements under `content/endorsements/` and the pinned DID documents of
 * did:web endorsers under `content/endorsers/`, from one listing of content/. Both stay in `otherFiles`
 * too, so the key scan reads them like any other file.
 */
function readProject(
  root: string,
  today: string,
  keysFrom?: NodeJS.ProcessEnv,
): {
  readonly input: ContentInput;
  readonly endorsements: SourceFile[];
  readonly didDocuments: SourceFile[];
} {
  const { files, symlinks } = listFolder(root, 'content');
  // public/ is published byte for byte: it gets the same key scan and link rules as content/ files, so
  // `check` refuses what the build's leak gate would.
  const published = listFolder(root, 'public');
  const relativePath = (path: string) => toPosix(relative(root, path));
  const isText = (path: string) => /\.(ya?ml|mdx?|json)$/i.test(path);
  const isHidden = (path: string) => path.slice(path.lastIndexOf(sep) + 1).startsWith('.');
  const group = (name: string) =>
    files.filter(
      (path) => relativePath(path).startsWith(`content/${name}/`) && isText(path) && !isHidden(path),
    );
  const [issuers, badges, awards] = [group('issuers'), group('badges'), group('awards')];
  const text = new Set([...issuers, ...badges, ...awards]);
  const read = (path: string): SourceFile => ({ path: relativePath(path), text: readFileSync(path, 'utf8') });
  const others = files.filter((path) => !text.has(path));
  const input: ContentInput = {
    issuers: issuers.map(read),
    badges: badges.map(read),
    awards: awards.map(read),
    assets: new Set(others.filter((p) => !isText(p) && !isHidden(p)).map(relativePath)),
    today,
    iconNames: iconNames(),
    checkImage: (path, use) => customImageProblem(root, path, use),
    publishedKeys: readLock(root).publishedKeys,
    criteriaParser,
    otherFiles: [...others, ...published.files].map((path) => ({
      path: relativePath(path),
      text: readFileSync(path, 'latin1'),
    })),
    privateKeys: keysFrom === undefined ? [] : privateKeys(root, keysFrom),
    symlinks: [...symlinks, ...published.symlinks],
    canDraw: canDrawInArtwork,
  };
  // Endorsements and DID documents: any extension (the checks refuse what is not in its place or not
  // JSON), hidden files left out.
  const under = (folder: string) =>
    files
      .filter((path) => relativePath(path).startsWith(folder) && !isHidden(path))
      .map((path) => ({ path: relativePath(path), text: readFileSync(path, 'utf8') }));
  return { input, endorsements: under('content/endorsements/'), didDocuments: under(PINNED_DIR) };
}

/**
 * The pinned DID documents of did:web endorsers under `<root>/content/endorsers/` that pass their check,
 * by DID (the rest is for `badges check` to report): what `verify --site-dir` resolves endorsers with.
 */
export function loadPinnedDocuments(root: string): ReadonlyMap<string, PinnedDidDocument> {
  const files = listFolder(root, 'content')
    .files.filter((path) => toPosix(relative(root, path)).startsWith(PINNED_DIR))
    .map((path) => ({ path: toPosix(relative(root, path)), text: readFileSync(path, 'utf8') }));
  return linkPinnedDocuments(files).documents;
}

/** Today in UTC as YYYY-MM-DD; `INSIGNE_TODAY` pins it for reproducible builds and tests. */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  const pinned = env.INSIGNE_TODAY;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  return new Date().toISOString().slice(0, 10);
}

/**
 * Reads and links the content of a project. `keysFrom`, for `badges check` only, is where the CI secret
 * may be, to recognise the project's own keys in content (see `readContent`); nothing read from it is
 * ever printed. `location` is where the site is published (the build's `site` and `base`); when absent it
 * is read from astro.config.mjs, which only endorsements need (their ids and subjects are addresses).
 */
export function loadContent(
  root: string,
  day = today(),
  keysFrom?: NodeJS.ProcessEnv,
  location?: SiteLocation,
): LinkResult {
  const { input, endorsements: files, didDocuments } = readProject(root, day, keysFrom);
  const linked = linkContent(input);
  if (files.length === 0 && didDocuments.length === 0) return linked;
  const site = location === undefined ? readSiteLocation(root) : { ok: true as const, location };
  const endorsed = linkEndorsements({
    files,
    didDocuments,
    ...(linked.ok && { model: linked.model }),
    ...(site.ok ? { urls: urlsFor(site.location) } : { siteUnknown: site.says }),
    today: day,
  });
  const problems = sortProblems([...linked.problems, ...endorsed.problems]);
  if (problems.length > 0 || endorsed.model === undefined) return { ok: false, problems };
  return { ok: true, model: endorsed.model, problems: [] };
}

/**
 * `loadContent` plus what only an asynchronous check can tell: the signature of every endorsement. The
 * build and `badges check` both come through here, so they refuse the same things.
 */
export async function loadCheckedContent(
  root: string,
  day = today(),
  keysFrom?: NodeJS.ProcessEnv,
  location?: SiteLocation,
): Promise<LinkResult> {
  const result = loadContent(root, day, keysFrom, location);
  if (!result.ok) return result;
  const problems = await checkEndorsementProofs(result.model.endorsements ?? [], result.model.endorsers);
  return problems.length > 0 ? { ok: false, problems: sortProblems(problems) } : result;
}
