/**
 * `badges merge`: the shards of one build (INSIGNE_SHARD=<k>/<n>, core/build/shard.ts) joined into the
 * site a single build makes, byte for byte. In order, stopping at the first step that finds a problem
 * (and naming every problem of that step):
 * 1. every folder holds a shard manifest, and together they are all n shards of one build
 *    (core/build/shard-set.ts);
 * 2. each shard's files still match the digest its build wrote (an artifact damaged or cut short on its
 *    way from the CI runner is refused);
 * 3. the files are copied into `<out>.insigne-next`; a path two shards both hold must have the same
 *    bytes in both (the site-wide files every shard builds), otherwise the paths are named;
 * 4. the whole build's manifest is written, and every award must have its page, data files, images and
 *    QR code;
 * 5. a sample of each shard's awards is verified, offline, with the project's verifier against the merged
 *    key documents and status lists, at the build day, and must get the verdict its shard expected;
 * 6. the merged site replaces `<out>` as a build publishes (build/publish.ts), under the build lock.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  awardArtefactPaths,
  checkShardSet,
  type ExpectedVerdict,
  parseShardManifest,
  type ShardInput,
  sampleAwards,
  secondLanguagePages,
} from '../../core/build/shard-set.ts';
import { type Message, render, say } from '../../core/messages/catalogue.ts';
import { createFilesResolver, createVerifier, type VerifyInput } from '../../core/verify/index.ts';
import { acquireBuildLock } from './build-lock.ts';
import { publish, recoverInterruptedPublish, stagingDirs } from './publish.ts';
import { BUILD_MANIFEST, digestFiles, siteFiles, wholeBuildManifest } from './shard.ts';

/** A merge that cannot go on: its message lists every problem found, for people. */
export class MergeRefused extends Error {
  readonly problems: readonly Message[];

  constructor(problems: readonly Message[]) {
    super(problems.map((problem) => render(problem, 'en')).join('\n'));
    this.name = 'MergeRefused';
    this.problems = problems;
  }
}

export interface MergeOptions {
  /** Shard folders, as the user wrote them (for messages) and as paths. */
  readonly shards: readonly { readonly label: string; readonly dir: string }[];
  readonly outDir: string;
  /** Awards verified per shard (default 8). */
  readonly sample?: number;
}

export interface MergeReport {
  readonly shards: number;
  readonly files: number;
  /** Paths that several shards hold, each with the same bytes. */
  readonly shared: number;
  readonly awards: number;
  readonly verified: number;
  readonly preview: boolean;
}

/** At most this many paths are named per problem; the rest are counted. */
const NAMED = 10;

function named(paths: readonly (string | Message)[], what: Message): Message {
  const more = paths.length > NAMED ? [say('merge.more', { count: paths.length - NAMED })] : [];
  // One line each, indented: a chain of messages, since a list parameter is joined with commas.
  const lines = [...paths.slice(0, NAMED), ...more].reduceRight<Message | ''>(
    (rest, text) => say('merge.line', { text, rest }),
    '',
  );
  return say('merge.named', { count: paths.length, what, lines });
}

function readShards(options: MergeOptions): ShardInput[] {
  const problems: Message[] = [];
  const inputs: ShardInput[] = [];
  for (const { label, dir } of options.shards) {
    const path = join(dir, BUILD_MANIFEST);
    if (!existsSync(path)) {
      problems.push(say('merge.noManifest', { label, file: BUILD_MANIFEST }));
      continue;
    }
    const parsed = parseShardManifest(readFileSync(path, 'utf8'), label);
    if (parsed.ok) inputs.push({ label, manifest: parsed.manifest });
    else problems.push(parsed.says);
  }
  if (problems.length === 0) problems.push(...checkShardSet(inputs));
  if (problems.length > 0) throw new MergeRefused(problems);
  return inputs;
}

/** Copies every shard into `target`, comparing the paths several shards hold. */
function copyShards(
  shards: readonly { label: string; dir: string }[],
  target: string,
): {
  files: Set<string>;
  shared: number;
} {
  const files = new Set<string>();
  const differing: string[] = [];
  let shared = 0;
  const made = new Set<string>();
  for (const { dir } of shards) {
    for (const path of siteFiles(dir)) {
      if (path === BUILD_MANIFEST) continue;
      const source = join(dir, path);
      const destination = join(target, path);
      if (files.has(path)) {
        shared++;
        if (!readFileSync(source).equals(readFileSync(destination))) differing.push(path);
        continue;
      }
      const folder = dirname(destination);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      copyFileSync(source, destination);
      files.add(path);
    }
  }
  if (differing.length > 0) throw new MergeRefused([named(differing, say('merge.differ'))]);
  return { files, shared };
}

/** The artefacts every award must have in the merged site. */
function missingArtefacts(shards: readonly ShardInput[], files: ReadonlySet<string>): string[] {
  const missing: string[] = [];
  for (const { manifest } of shards) {
    for (const id of Object.keys(manifest.awards.own)) {
      for (const path of awardArtefactPaths(id)) if (!files.has(path)) missing.push(path);
      if (manifest.secondLanguage && !secondLanguagePages(id).some((path) => files.has(path)))
        missing.push(`awards/${id}/<other language>/index.html`);
    }
  }
  return missing;
}

/** Verifies each shard's sample against the merged files; returns how many artefacts verified, or throws. */
async function verifySamples(shards: readonly ShardInput[], dir: string, size: number): Promise<number> {
  const first = shards[0]?.manifest;
  if (!first) return 0;
  const resolver = createFilesResolver(
    {
      get(path) {
        try {
          return new Uint8Array(readFileSync(join(dir, path)));
        } catch {
          return undefined;
        }
      },
    },
    first.siteRoot,
  );
  const verifier = createVerifier(resolver);
  const now = new Date(`${first.builtOn}T00:00:00Z`);
  const failures: Message[] = [];
  let verified = 0;
  for (const { label, manifest } of shards) {
    for (const id of sampleAwards(manifest.awards.own, size)) {
      const expected = manifest.awards.own[id] as ExpectedVerdict;
      const folder = `awards/${id}/`;
      const inputs: [string, VerifyInput][] = [
        ...['credential.json', 'credential.jwt', 'assertion.jws', 'badge.png', 'badge.svg'].map(
          (name): [string, VerifyInput] => [
            `${folder}${name}`,
            { bytes: new Uint8Array(readFileSync(join(dir, folder, name))) },
          ],
        ),
        [`${folder}assertion.json`, { url: `${first.siteRoot}${folder}assertion.json` }],
      ];
      for (const [path, input] of inputs) {
        const report = await verifier.verify(input, { now });
        if (report.verdict === expected) verified++;
        else failures.push(say('merge.verdict', { path, label, expected, got: report.verdict }));
      }
    }
  }
  if (failures.length > 0) throw new MergeRefused([named(failures, say('merge.notVerified'))]);
  return verified;
}

/** Merges the shards into `outDir`; see the module comment. Throws MergeRefused with every problem found. */
export async function mergeShards(options: MergeOptions): Promise<MergeReport> {
  const shards = readShards(options);
  const first = shards[0]?.manifest;
  if (!first) throw new MergeRefused([say('shard.set.none')]);
  const damaged = shards.flatMap(({ label, manifest }, i) => {
    const dir = options.shards[i]?.dir as string;
    const actual = digestFiles(dir);
    return actual.count === manifest.files.count && actual.sha256 === manifest.files.sha256
      ? []
      : [say('merge.damaged', { label, actual: actual.count, expected: manifest.files.count })];
  });
  if (damaged.length > 0) throw new MergeRefused(damaged);

  const lock = acquireBuildLock(options.outDir);
  const { next } = stagingDirs(options.outDir);
  try {
    recoverInterruptedPublish(options.outDir);
    mkdirSync(next, { recursive: true });
    const { files, shared } = copyShards(options.shards, next);
    const { preview, builtOn } = first;
    writeFileSync(join(next, BUILD_MANIFEST), wholeBuildManifest(preview, builtOn));
    const missing = missingArtefacts(shards, files);
    if (missing.length > 0) throw new MergeRefused([named(missing, say('merge.missingFiles'))]);
    const verified = await verifySamples(shards, next, options.sample ?? 8);
    publish(next, options.outDir);
    return {
      shards: shards.length,
      files: files.size + 1,
      shared,
      awards: shards.reduce((sum, s) => sum + Object.keys(s.manifest.awards.own).length, 0),
      verified,
      preview,
    };
  } finally {
    rmSync(next, { recursive: true, force: true });
    lock.release();
  }
}
