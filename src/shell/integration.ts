/**
 * The Astro integration, the build's conductor:
 * 0. When the integration loads, the INSIGNE_SIGNING_KEYS secret leaves this process's environment: this
 *    process renders content, so it never holds a private key (DESIGN §4). Only the signing process
 *    (build/signer-process.ts) gets the secret; it reads the keys itself.
 * 1. `astro:config:setup`: one build at a time (build/build-lock.ts), the remains of an interrupted build
 *    cleaned up and a missing site restored (build/publish.ts), the full content check, then the signing
 *    process checks the keys and sends back the public ones. Any problem stops the build before anything
 *    is written. Astro is pointed at a fresh `<outDir>.insigne-next` folder.
 * 2. `astro:build:start`: artwork is rendered (or read from the cache), then the signing process builds,
 *    signs, bakes and self-checks every data file while Astro renders the pages.
 * 3. `astro:build:done`: the data files join the pages, with `.nojekyll` and a build manifest saying
 *    whether this is a preview (throwaway keys: never deploy it). The signing process searches the whole
 *    new site for its private keys (build/leak-gate.ts). Only then does the new site replace the previous
 *    `outDir`: a failed build leaves the previous site exactly as it was.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildFingerprint, type ShardSpec } from '../core/build/shard.ts';
import { formatProblems } from '../core/content/problems.ts';
import { siteProblem } from '../core/content/site-problem.ts';
import { badgeSignaturePath, issuerLogoPath, issuerSignaturePath } from '../core/credentials/media.ts';
import { InsigneError } from '../core/errors.ts';
import { render, say, type Translate, translator } from '../core/messages/catalogue.ts';
import { languageOfEnvironment } from '../core/messages/language.ts';
import type { Model } from '../core/model/types.ts';
import { toSiteLocation, urlsFor } from '../core/urls.ts';
import { acquireBuildLock, type BuildLock } from './build/build-lock.ts';
import { type CacheStats, cacheRoot } from './build/cache-store.ts';
import { openPageCache, type PageCache, pageCacheDir, planPages } from './build/page-cache.ts';
import { faultPoint, publish, recoverInterruptedPublish, stagingDirs } from './build/publish.ts';
import { awardsOfBuild, buildShard, writeBuildManifest } from './build/shard.ts';
import { plainError, type RunningEmit, type Signer, startSigner } from './build/signer.ts';
import type { SignerJob } from './build/signer-process.ts';
import { loadCheckedContent, today } from './content.ts';
import { KEYS_ENV, withPublishedKeys } from './keys.ts';
import { buildsSecondLanguage, shareReusedPages, shareSite } from './site.ts';

// The renderer (satori, resvg), the signer and the verifier load only once the content is known to be
// good: a content mistake is reported in about a second, without them.
const artworkStage = () => Promise.all([import('./artwork/badges.ts'), import('./artwork/render.ts')]);
const emitStage = () =>
  Promise.all([import('./build/emit.ts'), import('./self-check.ts'), import('./build/leak-gate.ts')]);

export { BUILD_MANIFEST } from './build/shard.ts';

/** One log line of what a build cache gave. */
const formatCacheStats = (name: 'signatures' | 'verdicts' | 'pages' | 'files', stats: CacheStats) =>
  speak('build.cache', {
    name: say(`build.cache.${name}`),
    reused: stats.reused,
    made: stats.made,
    ignored:
      stats.refused + stats.damaged > 0
        ? say('build.cache.ignored', { refused: stats.refused, damaged: stats.damaged })
        : '',
  });

/** The counts in the stage report (INSIGNE_TIMINGS) that the benchmark and the tests read. */
const cacheCounts = (prefix: string, stats: CacheStats | undefined): Record<string, number> =>
  stats === undefined
    ? {}
    : Object.fromEntries(Object.entries(stats).map(([name, count]) => [`${prefix}.${name}`, count]));

/** The build speaks the language of the system, as the command line does without --lang. */
const speak: Translate = (id, ...params) => translator(languageOfEnvironment(process.env))(id, ...params);

/** The preview warning, framed, in the build's language. */
export const previewWarning = () => speak('build.preview');

interface BuildState {
  model: Model;
  preview: boolean;
  signer: Signer;
  lock: BuildLock;
  /** Set once the new site replaced the previous one. */
  published: boolean;
  day: string;
  site: string;
  base: string;
  /** Where the finished site goes (Astro's configured outDir). */
  publishDir: string;
  /** Where Astro writes this build, swapped in at the end. */
  nextDir: string;
  /** Where the worker stages data files until the pages are done. */
  dataDir: string;
  /** This build's shard (INSIGNE_SHARD), or undefined for the whole site. */
  shard: ShardSpec | undefined;
  /** What the shards of one build share (core/build/shard.ts); only a shard's manifest shows it. */
  fingerprint: string;
  emit?: RunningEmit;
  job?: SignerJob;
  /** The award pages reused from the page cache, and how to store the others once built. */
  pages?: PageCache;
  timings: Record<string, number>;
  clock: number;
}

const lap = (state: BuildState, stage: string) => {
  const now = performance.now();
  state.timings[stage] = (state.timings[stage] ?? 0) + (now - state.clock);
  state.clock = now;
};

/**
 * Takes the signing-key secret out of this process's environment, so that nothing this process loads
 * later (Vite, Astro, content, MDX) finds it there. The value is kept only until the signing process is
 * forked.
 */
function takeSecret(): string | undefined {
  const value = process.env[KEYS_ENV];
  delete process.env[KEYS_ENV];
  return value;
}

export function insigne(): AstroIntegration {
  let secret = takeSecret();
  let state: BuildState | undefined;

  return {
    name: 'insigne',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, updateConfig }) => {
        if (command !== 'build' && command !== 'dev') return;
        const started = performance.now();
        const publishDir = fileURLToPath(config.outDir).replace(/\/+$/, '');
        let lock: BuildLock | undefined;
        let signer: Signer | undefined;
        try {
          if (command === 'build') lock = acquireBuildLock(publishDir);
          const shard = buildShard();
          if (lock) reportRecovery(recoverInterruptedPublish(publishDir), logger);
          if (!config.site) {
            console.error(
              `\n${formatProblems([siteProblem()], undefined, languageOfEnvironment(process.env))}\n`,
            );
            throw plainError(speak('build.contentProblems', { count: 1 }), 'ERR_CONTENT');
          }
          const day = today();
          const location = toSiteLocation(config.site, config.base);
          const result = await loadCheckedContent(process.cwd(), day, undefined, location);
          if (!result.ok) {
            // Printed as-is: the report is meant for people, one problem per line with its file and line.
            const language = languageOfEnvironment(process.env);
            console.error(`\n${formatProblems(result.problems, undefined, language)}\n`);
            // Without a stack trace: the list above says everything (a content mistake is not a crash).
            throw plainError(
              render(say('build.contentProblems', { count: result.problems.length }), language),
              'ERR_CONTENT',
            );
          }
          const { issuers, badges, awards } = result.model;
          logger.info(
            speak('build.contentValid', { issuers: issuers.size, badges: badges.size, awards: awards.size }),
          );
          const contentMs = performance.now() - started;
          signer = startSigner(secret, KEYS_ENV, process.env);
          secret = undefined;
          const ring = await signer.loadKeys(result.model, day);
          const model = {
            ...result.model,
            issuers: new Map(
              [...issuers].map(([slug, issuer]) => [slug, withPublishedKeys(issuer, ring.published)]),
            ),
          };
          // Read by the pages (a separate module graph) to show the preview banner.
          process.env.INSIGNE_PREVIEW = ring.preview ? '1' : '0';
          if (ring.preview) logger.warn(previewWarning());
          if (!lock) {
            signer.close();
            return;
          }
          // In a build (never `astro dev`, whose content changes under it), the pages render from this
          // very content instead of reading and linking it again.
          shareSite(process.cwd(), location, {
            model: result.model,
            urls: urlsFor(location),
            today: day,
            preview: ring.preview,
          });
          if (shard) logger.info(speak('build.shard', { index: shard.index, count: shard.count }));
          const { next: nextDir, data: dataDir } = stagingDirs(publishDir);
          updateConfig({ outDir: pathToFileURL(`${nextDir}/`) });
          const current: BuildState = {
            model,
            preview: ring.preview,
            signer,
            lock,
            published: false,
            day,
            site: config.site,
            base: config.base,
            publishDir,
            nextDir,
            dataDir,
            shard,
            fingerprint: shard
              ? buildFingerprint({
                  model,
                  site: config.site,
                  base: config.base,
                  day,
                  preview: ring.preview,
                  count: shard.count,
                })
              : '',
            timings: { content: contentMs },
            // The signing process's start and the key check count as `keys`.
            clock: started + contentMs,
          };
          state = current;
          // A build that fails anywhere (in Astro, between two hooks) leaves no staging folder behind.
          process.once('exit', () => {
            if (current.published) return;
            rmSync(current.nextDir, { recursive: true, force: true });
            rmSync(current.dataDir, { recursive: true, force: true });
          });
          lap(state, 'keys');
        } catch (error) {
          signer?.close();
          lock?.release();
          // Key problems and a locked build are told in full by their message.
          throw error instanceof InsigneError
            ? plainError(
                error.says ? render(error.says, languageOfEnvironment(process.env)) : error.message,
                error.code,
              )
            : error;
        }
      },
      'astro:build:start': async ({ logger }) => {
        if (!state) return;
        state.clock = performance.now();
        const [{ renderBadgeImages }, { formatRenderSummary, renderCounts, resetRenderCounts }] =
          await artworkStage();
        resetRenderCounts();
        const images = await renderBadgeImages(process.cwd(), state.model);
        logger.info(formatRenderSummary());
        state.timings.artworkRendered = renderCounts().artwork.rendered;
        lap(state, 'artwork');
        for (const [path, body] of [...images.files, ...issuerLogos(state.model)]) {
          const target = join(state.dataDir, path);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, body);
        }
        state.job = {
          model: state.model,
          location: toSiteLocation(state.site, state.base),
          today: state.day,
          artworks: images.artworks,
          stagingDir: state.dataDir,
          ...(state.shard ? { shard: state.shard } : {}),
          cacheDir: cacheRoot(process.cwd()),
        };
        state.emit = state.signer.emit(state.job);
        lap(state, 'emit-start');
        // While the signing process works: the award pages an earlier build left whole in the page
        // cache join the staged files, and Astro is told not to render them.
        const awards = awardsOfBuild(state.model);
        const pages = planPages({
          root: process.cwd(),
          model: state.model,
          awards,
          location: state.job.location,
          today: state.day,
          preview: state.preview,
          secondLanguage: buildsSecondLanguage(),
        });
        state.pages = await openPageCache(pageCacheDir(cacheRoot(process.cwd())), pages, {
          today: state.day,
          stagingDir: state.dataDir,
          whole: state.shard === undefined,
          awardIds: new Set(state.model.awards.keys()),
        });
        shareReusedPages(state.pages.reused);
        lap(state, 'page-cache');
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!state?.emit || !state.job) return;
        const outDir = fileURLToPath(dir);
        lap(state, 'pages');
        try {
          const [
            { checkHalf, fileMirrorDir, moveFiles },
            { formatSelfCheck, mergeSelfChecks },
            { formatLeaks },
          ] = await emitStage();
          const emitted = await state.emit.emitted;
          lap(state, 'emit-wait');
          logger.info(speak('build.credentials', { files: emitted.files }));
          if (emitted.signatures) logger.info(formatCacheStats('signatures', emitted.signatures));
          if (emitted.mirror) logger.info(formatCacheStats('files', emitted.mirror));
          // The signing process checks one half of the awards while this one, done with the pages, checks the other.
          const check = mergeSelfChecks(await Promise.all([checkHalf(state.job, 0), state.emit.checked]));
          lap(state, 'self-check');
          logger.info(formatSelfCheck(check));
          if (check.cache) logger.info(formatCacheStats('verdicts', check.cache));
          Object.assign(state.timings, cacheCounts('cache.signatures', emitted.signatures));
          Object.assign(state.timings, cacheCounts('cache.files', emitted.mirror));
          Object.assign(state.timings, cacheCounts('cache.verdicts', check.cache));
          if (!check.ok) throw new Error(speak('build.selfCheckFailed'));
          moveFiles(state.dataDir, outDir);
          lap(state, 'publish');
          if (state.pages) {
            const stats = await state.pages.save(outDir);
            logger.info(formatCacheStats('pages', stats));
            Object.assign(state.timings, cacheCounts('cache.pages', stats));
            lap(state, 'page-cache');
          }
          for (const [stage, ms] of Object.entries(emitted.timings)) state.timings[`emit.${stage}`] = ms;
          // GitHub Pages runs Jekyll unless told not to, and Jekyll drops folders such as `.well-known`.
          writeFileSync(join(outDir, '.nojekyll'), '');
          // Last: a shard's manifest carries a digest of every other file.
          writeBuildManifest(outDir, {
            model: state.model,
            preview: state.preview,
            day: state.day,
            shard: state.shard,
            fingerprint: state.fingerprint,
            siteRoot: urlsFor(state.job.location).absolute(''),
            secondLanguage: buildsSecondLanguage(),
          });
          lap(state, 'publish');
          const gate = await state.signer.gate(outDir);
          lap(state, 'leak-gate');
          if (gate.leaks.length > 0) {
            // The page cache and the kept data files share this site's bytes: none may outlive its refusal.
            for (const kept of [pageCacheDir, fileMirrorDir])
              rmSync(kept(cacheRoot(process.cwd())), { recursive: true, force: true });
            throw plainError(formatLeaks(gate), 'ERR_KEY_LEAK');
          }
          logger.info(speak('build.leakGate', { files: gate.files, size: (gate.bytes / 1e6).toFixed(1) }));
          faultPoint('before-publish');
          publish(outDir, state.publishDir);
          state.published = true;
          lap(state, 'publish');
        } catch (error) {
          rmSync(state.nextDir, { recursive: true, force: true });
          throw error;
        } finally {
          rmSync(state.dataDir, { recursive: true, force: true });
          state.signer.close();
          state.lock.release();
        }
        logger.info(speak('build.published', { folder: state.publishDir }));
        if (process.env.INSIGNE_TIMINGS)
          writeFileSync(process.env.INSIGNE_TIMINGS, JSON.stringify(state.timings, null, 2));
        if (state.preview) logger.warn(previewWarning());
      },
    },
  };
}

/** Says what was cleaned up after an interrupted build, so that nobody wonders where it went. */
function reportRecovery(
  recovery: ReturnType<typeof recoverInterruptedPublish>,
  logger: { warn(message: string): void },
): void {
  if (recovery.restored) logger.warn(speak('build.restored'));
  if (recovery.removed.length > 0)
    logger.warn(speak('build.removedLeftovers', { folders: recovery.removed.join(', ') }));
}

/**
 * The images content files name besides artwork, published as they are: each issuer's logo next to its
 * profile documents, and the signature images printed on certificates (an issuer's, a badge's own).
 */
function issuerLogos(model: Model): [string, Uint8Array][] {
  // Site paths from the same functions the pages link with; the bytes from the file next to the content.
  const file = (content: { file: string }, name: string | undefined, path: string | undefined) => {
    if (name === undefined || path === undefined) return [];
    return [
      [path, new Uint8Array(readFileSync(join(process.cwd(), dirname(content.file), name)))] as [
        string,
        Uint8Array,
      ],
    ];
  };
  return [
    ...[...model.issuers.values()].flatMap((issuer) => [
      ...file(issuer, issuer.logo, issuerLogoPath(issuer)),
      ...file(issuer, issuer.signatory?.signature, issuerSignaturePath(issuer)),
    ]),
    ...[...model.badges.values()].flatMap((badge) =>
      file(badge, badge.signatory?.signature, badgeSignaturePath(badge)),
    ),
  ];
}
