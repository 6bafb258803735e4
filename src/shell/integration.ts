/**
 * The Astro integration, the build's conductor:
 * 1. `astro:config:setup`: the full content check, then the signing keys. Any problem stops the build
 *    before anything is written. Astro is pointed at a fresh `<outDir>.insigne-next` folder.
 * 2. `astro:build:start`: artwork is rendered (or read from the cache), then a worker thread builds,
 *    signs, bakes and self-checks every data file while Astro renders the pages.
 * 3. `astro:build:done`: the data files join the pages, with `.nojekyll` and a build manifest saying
 *    whether this is a preview (throwaway keys: never deploy it). Only then does the new site replace
 *    the previous `outDir`, in one rename: a failed build leaves the previous site exactly as it was.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatProblems } from '../core/content/problems.ts';
import type { Model } from '../core/model/types.ts';
import { sitePaths, toSiteLocation } from '../core/urls.ts';
import type { EmitJob, RunningEmit } from './build/emit.ts';
import { loadContent, today } from './content.ts';
import { type KeyRing, loadKeyRing, readStoredKeys, withPublishedKeys } from './keys.ts';

// The renderer (satori, resvg), the signer and the verifier load only once the content is known to be
// good: a content mistake is reported in about a second, without them.
const artworkStage = () => Promise.all([import('./artwork/badges.ts'), import('./artwork/render.ts')]);
const emitStage = () => Promise.all([import('./build/emit.ts'), import('./self-check.ts')]);

/** Written at the root of every build: the deploy workflow refuses `preview: true`. */
export const BUILD_MANIFEST = 'insigne-build.json';

export const PREVIEW_WARNING = [
  '',
  '  ==================================================================',
  '  PREVIEW BUILD: no signing key is configured, so this site is signed',
  "  with throwaway keys. Its badges are NOT the issuer's own and must",
  '  not be deployed. Run `npm run badges -- keygen <issuer>` (README, Keys).',
  '  ==================================================================',
  '',
].join('\n');

interface BuildState {
  model: Model;
  ring: KeyRing;
  day: string;
  site: string;
  base: string;
  /** Where the finished site goes (Astro's configured outDir). */
  publishDir: string;
  /** Where Astro writes this build, swapped in at the end. */
  nextDir: string;
  /** Where the worker stages data files until the pages are done. */
  dataDir: string;
  emit?: RunningEmit;
  job?: EmitJob;
  timings: Record<string, number>;
  clock: number;
}

const lap = (state: BuildState, stage: string) => {
  const now = performance.now();
  state.timings[stage] = (state.timings[stage] ?? 0) + (now - state.clock);
  state.clock = now;
};

export function insigne(): AstroIntegration {
  let state: BuildState | undefined;

  return {
    name: 'insigne',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, updateConfig }) => {
        if (command !== 'build' && command !== 'dev') return;
        const started = performance.now();
        const day = today();
        const result = loadContent(process.cwd(), day);
        if (!result.ok) {
          // Printed as-is: the report is meant for people, one problem per line with its file and line.
          console.error(`\n${formatProblems(result.problems)}\n`);
          throw new Error(
            `${result.problems.length} content problem(s); see the list above. Nothing was published.`,
          );
        }
        const { issuers, badges, awards } = result.model;
        logger.info(
          `content: ${issuers.size} issuer(s), ${badges.size} badge(s), ${awards.size} award(s), no problems`,
        );
        const contentMs = performance.now() - started;
        const ring = await loadKeyRing(result.model, readStoredKeys(process.cwd()), day);
        const model = {
          ...result.model,
          issuers: new Map([...issuers].map(([slug, issuer]) => [slug, withPublishedKeys(issuer, ring)])),
        };
        // Read by the pages (a separate module graph) to show the preview banner.
        process.env.INSIGNE_PREVIEW = ring.preview ? '1' : '0';
        if (ring.preview) logger.warn(PREVIEW_WARNING);
        if (!config.site)
          throw new Error('astro.config.mjs must set `site`: every badge id is an absolute URL.');
        if (command !== 'build') return;
        const publishDir = fileURLToPath(config.outDir).replace(/\/+$/, '');
        const nextDir = `${publishDir}.insigne-next`;
        const dataDir = `${publishDir}.insigne-data`;
        rmSync(nextDir, { recursive: true, force: true });
        rmSync(dataDir, { recursive: true, force: true });
        updateConfig({ outDir: pathToFileURL(`${nextDir}/`) });
        state = {
          model,
          ring,
          day,
          site: config.site,
          base: config.base,
          publishDir,
          nextDir,
          dataDir,
          timings: { content: contentMs },
          clock: performance.now(),
        };
        lap(state, 'keys');
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
        const signers = new Map([...state.ring.issuers].map(([slug, keys]) => [slug, keys.signer]));
        for (const [path, body] of [...images.files, ...issuerLogos(state.model)]) {
          const target = join(state.dataDir, path);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, body);
        }
        state.job = {
          model: state.model,
          location: toSiteLocation(state.site, state.base),
          signers,
          today: state.day,
          artworks: images.artworks,
          stagingDir: state.dataDir,
        };
        const [{ startEmit }] = await emitStage();
        state.emit = startEmit(state.job);
        lap(state, 'emit-start');
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!state?.emit || !state.job) return;
        const outDir = fileURLToPath(dir);
        lap(state, 'pages');
        try {
          const [{ checkHalf, moveFiles }, { formatSelfCheck, mergeSelfChecks }] = await emitStage();
          const emitted = await state.emit.emitted;
          lap(state, 'emit-wait');
          logger.info(`credentials: ${emitted.files} data files built, signed and baked`);
          // The worker checks one half of the awards while this thread, done with the pages, checks the other.
          const check = mergeSelfChecks(await Promise.all([checkHalf(state.job, 0), state.emit.checked]));
          lap(state, 'self-check');
          logger.info(formatSelfCheck(check));
          if (!check.ok)
            throw new Error('The self-check failed: see the report above. Nothing was published.');
          moveFiles(state.dataDir, outDir);
          for (const [stage, ms] of Object.entries(emitted.timings)) state.timings[`emit.${stage}`] = ms;
          // GitHub Pages runs Jekyll unless told not to, and Jekyll drops folders such as `.well-known`.
          writeFileSync(join(outDir, '.nojekyll'), '');
          writeFileSync(
            join(outDir, BUILD_MANIFEST),
            `${JSON.stringify({ preview: state.ring.preview, builtOn: state.day }, null, 2)}\n`,
          );
          publish(outDir, state.publishDir);
          lap(state, 'publish');
        } catch (error) {
          rmSync(state.nextDir, { recursive: true, force: true });
          throw error;
        } finally {
          rmSync(state.dataDir, { recursive: true, force: true });
        }
        logger.info(`published to ${state.publishDir}`);
        if (process.env.INSIGNE_TIMINGS)
          writeFileSync(process.env.INSIGNE_TIMINGS, JSON.stringify(state.timings, null, 2));
        if (state.ring.preview) logger.warn(PREVIEW_WARNING);
      },
    },
  };
}

/** Each issuer's logo file, published next to its profile documents. */
function issuerLogos(model: Model): [string, Uint8Array][] {
  return [...model.issuers.values()].flatMap((issuer) => {
    if (!issuer.logo) return [];
    const extension = issuer.logo.toLowerCase().endsWith('.svg') ? 'svg' : 'png';
    const bytes = readFileSync(join(process.cwd(), dirname(issuer.file), issuer.logo));
    return [[sitePaths.issuerLogo(issuer.slug, extension), new Uint8Array(bytes)] as [string, Uint8Array]];
  });
}

/** Replaces the previous site by the new one: two renames, the old copy removed last. */
function publish(nextDir: string, publishDir: string): void {
  const oldDir = `${publishDir}.insigne-old`;
  rmSync(oldDir, { recursive: true, force: true });
  if (existsSync(publishDir)) renameSync(publishDir, oldDir);
  renameSync(nextDir, publishDir);
  rmSync(oldDir, { recursive: true, force: true });
}
