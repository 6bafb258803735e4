/**
 * The page cache: the award pages of an earlier build, reused when nothing that shapes them changed, so
 * that a rebuild renders only the pages it must (DESIGN §7: "a daily rebuild costs about what Astro's own
 * pages cost"). Award pages are nearly every page of a large site; badge, issuer and home pages, which
 * count awards, are always rendered.
 *
 * A page's key is a SHA-256 of everything its bytes depend on:
 * - what every page shares: the code that renders pages (all of `src/`, the versions of Astro and of the
 *   Markdown libraries, Node's, and the lockfile, whose packages Vite bundles), `astro.config.mjs`, every
 *   file under `content/` except the awards (issuers, badges, endorsements: what the page shows of them)
 *   and under `public/`, the site's address, the preview flag and whether the second language is built;
 * - the page's own: its path, its award as the content gives it, and the award's state on the build day
 *   (valid, expired or revoked, and its expiry date), which is all the page shows of the day. So the daily
 *   rebuild reuses a page until its award expires.
 *
 * The store keeps, by key, the SHA-256 of the page (build/cache-store.ts: damaged lines ignored), and the
 * page itself under `files/`, at its path in the site. A page is reused only when its file hashes to the
 * value its key names: a damaged or edited file is rendered again. Files are hard links of the published
 * pages where the file system allows (copies elsewhere), so the cache costs no writing; a file is always
 * replaced by a new link, never written through, so the published copy is never touched.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { copyFile, link, readFile, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { stableJson } from '../../core/build/shard.ts';
import { otherLanguage, pageIn } from '../../core/i18n.ts';
import { awardState } from '../../core/model/status.ts';
import type { Award, Model } from '../../core/model/types.ts';
import { type SiteLocation, sitePaths } from '../../core/urls.ts';
import { type CacheStats, openCacheStore } from './cache-store.ts';
import { codeVersion } from './code-version.ts';
import { dropAwardsGone, eachAtOnce, folderMaker } from './file-batch.ts';

/** Where award pages are kept between builds. */
export const pageCacheDir = (cacheDir: string) => join(cacheDir, 'pages');

/** Bumped when the key's recipe changes. */
const RECIPE = 'insigne page cache 1';

/** The libraries whose code ends up in the pages' HTML (Markdown, MDX, QR codes, Astro itself). */
const PAGE_LIBRARIES = [
  'astro',
  '@astrojs/mdx',
  '@astrojs/markdown-satteri',
  'satteri',
  'hast-util-sanitize',
  'property-information',
];

export interface PagePlanInput {
  readonly root: string;
  readonly model: Model;
  readonly awards: readonly Award[];
  readonly location: SiteLocation;
  readonly today: string;
  readonly preview: boolean;
  readonly secondLanguage: boolean;
}

/** One award page of this build: its file in the site and its key. */
export interface PlannedPage {
  /** The page's folder in the site (`awards/<id>/`, `awards/<id>/en/`). */
  readonly path: string;
  /** The HTML file, relative to the site root (`awards/<id>/index.html`). */
  readonly file: string;
  readonly key: string;
}

export interface PageCache {
  /** The pages found whole in the cache, each linked (or copied) to `<stagingDir>/<file>`. */
  readonly reused: ReadonlySet<string>;
  /** Stores the pages this build rendered (read from `siteDir`), drops the files of awards gone. */
  save(siteDir: string): Promise<CacheStats>;
}

function fileOf(path: string): string {
  return `${path}index.html`;
}

/** SHA-256 of a folder's files (path and bytes), skipping `skip` (a top-level folder name). */
function hashFolder(hash: ReturnType<typeof createHash>, root: string, folder: string, skip?: string) {
  let entries: string[];
  try {
    entries = readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
      .filter((path) => skip === undefined || !path.startsWith(`${folder}/${skip}/`))
      .sort();
  } catch {
    // No such folder (`public/` is optional).
    return;
  }
  for (const path of entries) {
    const body = readFileSync(join(root, path));
    hash.update(`file ${path} ${body.length}\n`).update(body);
  }
}

function readOptional(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    return Buffer.alloc(0);
  }
}

/** What every award page's key shares (see the module comment). */
export function sharedPageInputs(input: Omit<PagePlanInput, 'awards' | 'model'>): string {
  const hash = createHash('sha256').update(`${RECIPE}\n`);
  hash.update(`code ${codeVersion(['.'], PAGE_LIBRARIES)}\n`);
  for (const name of ['astro.config.mjs', 'package-lock.json']) {
    const body = readOptional(join(input.root, name));
    hash.update(`file ${name} ${body.length}\n`).update(body);
  }
  hashFolder(hash, input.root, 'content', 'awards');
  hashFolder(hash, input.root, 'public');
  hash.update(
    stableJson({
      location: input.location,
      preview: input.preview,
      secondLanguage: input.secondLanguage,
    }),
  );
  return hash.digest('hex');
}

/** Every award page this build renders, with its key. */
export function planPages(input: PagePlanInput, shared = sharedPageInputs(input)): PlannedPage[] {
  const pages: PlannedPage[] = [];
  for (const award of input.awards) {
    const badge = input.model.badges.get(award.badge);
    if (!badge) continue;
    const state = awardState(award, badge, input.today);
    const own = sitePaths.awardPage(award.id);
    const paths = [own];
    if (input.secondLanguage) paths.push(pageIn(own, badge.language, otherLanguage(badge.language)));
    for (const path of paths) {
      const key = createHash('sha256').update(stableJson({ shared, path, award, state })).digest('hex');
      pages.push({ path, file: fileOf(path), key });
    }
  }
  return pages;
}

const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('hex');

/** File operations at a time: one by one, each waits on the file system. */
const AT_ONCE = 16;

/** A new link (or copy) of `from` at `to`, replacing whatever was there (never written through). */
async function place(from: string, to: string, folder: (path: string) => Promise<unknown>): Promise<void> {
  await folder(dirname(to));
  try {
    await link(from, to);
    return;
  } catch {
    // Something is there (an older copy), or links are refused (another file system): below.
  }
  await rm(to, { force: true });
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

async function readOrUndefined(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

/**
 * Opens the page cache in `dir` and places every page found whole into `stagingDir`. `whole` says
 * whether this build has every award of the site (not a shard): only then are the files of awards that
 * are gone deleted.
 */
export async function openPageCache(
  dir: string,
  pages: readonly PlannedPage[],
  options: { today: string; stagingDir: string; whole: boolean; awardIds: ReadonlySet<string> },
): Promise<PageCache> {
  const store = openCacheStore(join(dir, 'index'), { today: options.today });
  const files = join(dir, 'files');
  const reused = new Set<string>();
  const toStaging = folderMaker();
  const toCache = folderMaker();
  const known = pages.flatMap((page) => {
    const expected = store.get(page.key);
    return expected === undefined ? [] : [{ page, expected }];
  });
  await eachAtOnce(known, AT_ONCE, async ({ page, expected }) => {
    const cached = join(files, page.file);
    const body = await readOrUndefined(cached);
    if (body === undefined || sha256(body) !== expected) {
      store.refuse(page.key);
      return;
    }
    await place(cached, join(options.stagingDir, page.file), toStaging);
    reused.add(page.path);
  });
  return {
    reused,
    async save(siteDir) {
      const built = pages.filter((page) => !reused.has(page.path));
      await eachAtOnce(built, AT_ONCE, async (page) => {
        const file = join(siteDir, page.file);
        const body = await readOrUndefined(file);
        if (body === undefined || body.length === 0) return;
        store.set(page.key, sha256(body));
        await place(file, join(files, page.file), toCache);
      });
      if (options.whole) dropAwardsGone(files, options.awardIds);
      return store.save();
    },
  };
}
