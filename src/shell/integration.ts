/**
 * The Astro integration, the build's conductor:
 * 1. `astro:config:setup`: the full content check, then the signing keys. Any problem stops the build
 *    before Astro writes anything, so a previous `dist/` stays as it was.
 * 2. `astro:build:start`: every data file (documents, signatures, keys, status lists) is built in memory.
 * 3. `astro:build:done`: those files are written next to Astro's pages, with a build manifest saying
 *    whether this is a preview build (signed with throwaway keys: never deploy it).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { formatProblems } from '../core/content/problems.ts';
import { type FileBody, toSiteFiles } from '../core/emit/site-files.ts';
import type { Model } from '../core/model/types.ts';
import { sitePaths, toSiteLocation, urlsFor } from '../core/urls.ts';
import { renderBadgeImages } from './artwork/badges.ts';
import { formatRenderSummary, resetRenderCounts } from './artwork/render.ts';
import { loadContent, today } from './content.ts';
import { type KeyRing, loadKeyRing, readStoredKeys, withPublishedKeys } from './keys.ts';

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

export function insigne(): AstroIntegration {
  let model: Model | undefined;
  let ring: KeyRing | undefined;
  let day = '';
  let site = '';
  let base = '/';
  let files: Map<string, FileBody> | undefined;

  return {
    name: 'insigne',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        day = today();
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
        ring = await loadKeyRing(result.model, readStoredKeys(process.cwd()), day);
        model = {
          ...result.model,
          issuers: new Map([...issuers].map(([slug, i]) => [slug, withPublishedKeys(i, ring as KeyRing)])),
        };
        // Read by the pages (a separate module graph) to show the preview banner.
        process.env.INSIGNE_PREVIEW = ring.preview ? '1' : '0';
        if (ring.preview) logger.warn(PREVIEW_WARNING);
        if (!config.site)
          throw new Error('astro.config.mjs must set `site`: every badge id is an absolute URL.');
        site = config.site;
        base = config.base;
      },
      'astro:build:start': async ({ logger }) => {
        if (!model || !ring) return;
        const started = performance.now();
        const urls = urlsFor(toSiteLocation(site, base));
        const signers = new Map([...ring.issuers].map(([slug, keys]) => [slug, keys.signer]));
        resetRenderCounts();
        const images = await renderBadgeImages(process.cwd(), model);
        logger.info(formatRenderSummary());
        files = await toSiteFiles({ model, urls, signers, today: day, artworks: images.artworks });
        for (const [path, body] of images.files) files.set(path, body);
        for (const issuer of model.issuers.values()) {
          if (!issuer.logo) continue;
          const extension = issuer.logo.toLowerCase().endsWith('.svg') ? 'svg' : 'png';
          files.set(
            sitePaths.issuerLogo(issuer.slug, extension),
            readFileSync(join(process.cwd(), dirname(issuer.file), issuer.logo)),
          );
        }
        logger.info(
          `credentials: ${files.size} data files signed and built in ${Math.round(performance.now() - started)} ms`,
        );
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!files || !ring) return;
        const outDir = fileURLToPath(dir);
        writeFiles(outDir, files);
        // GitHub Pages runs Jekyll unless told not to, and Jekyll drops folders such as `.well-known`.
        writeFileSync(join(outDir, '.nojekyll'), '');
        writeFileSync(
          join(outDir, BUILD_MANIFEST),
          `${JSON.stringify({ preview: ring.preview, builtOn: day }, null, 2)}\n`,
        );
        logger.info(`wrote ${files.size} data files`);
        if (ring.preview) reportPreview(logger);
      },
    },
  };
}

function writeFiles(outDir: string, files: ReadonlyMap<string, FileBody>): void {
  const made = new Set<string>();
  for (const [path, body] of files) {
    const target = join(outDir, path);
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(target, body);
  }
}

function reportPreview(logger: AstroIntegrationLogger): void {
  logger.warn(PREVIEW_WARNING);
}
