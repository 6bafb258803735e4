/**
 * The shell's side of sharded builds (core/build/shard.ts): which shard this build is, from
 * `INSIGNE_SHARD=<k>/<n>`, and the manifest a build writes at the root of its output,
 * `insigne-build.json`. A whole build writes `{preview, builtOn}` (the deploy workflows refuse a
 * preview); a shard adds what `badges merge` needs to join the shards and check the result:
 * - `shard` (k of n) and `build`, the fingerprint of the model, keys, site, day and n shared by the
 *   shards of one build;
 * - `awards`: the number of awards of the whole site, and each of this shard's awards with the verdict
 *   its artefacts must get (verified, expired or revoked), for the merge's artefact check and sample;
 * - `files`: how many files the shard holds and a SHA-256 over their paths and contents, so a shard
 *   damaged on its way to the merge (a truncated artifact) is refused.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseShard, type ShardSpec, shardOf } from '../../core/build/shard.ts';
import type { ExpectedVerdict, ShardManifest } from '../../core/build/shard-set.ts';
import { InsigneError } from '../../core/errors.ts';
import { say } from '../../core/messages/catalogue.ts';
import { awardState } from '../../core/model/status.ts';
import type { Award, Model } from '../../core/model/types.ts';

export const SHARD_ENV = 'INSIGNE_SHARD';

/** Written at the root of every build: the deploy workflows refuse `preview: true`. */
export const BUILD_MANIFEST = 'insigne-build.json';

/**
 * This build's shard, or undefined for a whole build. A value that is not `<k>/<n>` with 1 ≤ k ≤ n stops
 * the build with a message saying what to write (never a stack trace).
 */
export function buildShard(env: NodeJS.ProcessEnv = process.env): ShardSpec | undefined {
  const value = env[SHARD_ENV];
  if (value === undefined || value === '') return undefined;
  const parsed = parseShard(value, SHARD_ENV);
  if (!parsed.ok) {
    // A message for people: the stack would only bury it.
    const error = new InsigneError(
      'ERR_SHARD',
      say('shard.refused', { problem: parsed.says.problem, hint: parsed.says.hint }),
    );
    error.stack = `${error.name}: ${parsed.message}`;
    throw error;
  }
  return parsed.shard;
}

/** The awards whose pages and files this build makes: all of them, or those of its shard. */
export function awardsOfBuild(model: Model, env: NodeJS.ProcessEnv = process.env): Award[] {
  const shard = buildShard(env);
  const awards = [...model.awards.values()];
  return shard ? awards.filter((award) => shardOf(award.id, shard.count) === shard.index) : awards;
}

/** The manifest of a whole build, as a file: also what the merge of a complete set of shards writes. */
export function wholeBuildManifest(preview: boolean, builtOn: string): string {
  return `${JSON.stringify({ preview, builtOn }, null, 2)}\n`;
}

/** Every file under `dir` by site path (forward slashes), in code-point order. */
export function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The count and digest of a shard's files, the manifest itself left out. */
export function digestFiles(dir: string): { count: number; sha256: string } {
  const all = createHash('sha256');
  let count = 0;
  for (const path of siteFiles(dir)) {
    if (path === BUILD_MANIFEST) continue;
    const body = createHash('sha256')
      .update(readFileSync(join(dir, path)))
      .digest('hex');
    all.update(`${path}\0${body}\n`);
    count++;
  }
  return { count, sha256: all.digest('hex') };
}

export interface ManifestInput {
  readonly model: Model;
  readonly preview: boolean;
  readonly day: string;
  readonly shard: ShardSpec | undefined;
  readonly fingerprint: string;
  readonly siteRoot: string;
  readonly secondLanguage: boolean;
}

/** Writes `insigne-build.json` into a finished build folder (last, since a shard's digests its files). */
export function writeBuildManifest(outDir: string, input: ManifestInput): void {
  const { model, preview, day, shard } = input;
  if (shard === undefined) {
    writeFileSync(join(outDir, BUILD_MANIFEST), wholeBuildManifest(preview, day));
    return;
  }
  const own: Record<string, ExpectedVerdict> = {};
  for (const award of model.awards.values()) {
    if (shardOf(award.id, shard.count) !== shard.index) continue;
    const badge = model.badges.get(award.badge);
    if (!badge) continue;
    const state = awardState(award, badge, day).kind;
    own[award.id] = state === 'valid' ? 'verified' : state;
  }
  const manifest: ShardManifest = {
    preview,
    builtOn: day,
    shard,
    build: input.fingerprint,
    siteRoot: input.siteRoot,
    secondLanguage: input.secondLanguage,
    awards: { total: model.awards.size, own },
    files: digestFiles(outDir),
  };
  writeFileSync(join(outDir, BUILD_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}
