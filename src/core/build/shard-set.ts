/**
 * What `badges merge` decides before it copies a byte: whether a set of shard manifests
 * (`insigne-build.json` of each shard folder) is one complete build, which files each award must have in
 * the merged site, and which awards of each shard it verifies. Pure: manifests in, problems out.
 */
import { type ShardSpec, shardOf } from './shard.ts';

export type ExpectedVerdict = 'verified' | 'expired' | 'revoked';

/** A shard's `insigne-build.json`; see shell/build/shard.ts for what each member is for. */
export interface ShardManifest {
  readonly preview: boolean;
  readonly builtOn: string;
  readonly shard: ShardSpec;
  readonly build: string;
  readonly siteRoot: string;
  readonly secondLanguage: boolean;
  readonly awards: { readonly total: number; readonly own: Readonly<Record<string, ExpectedVerdict>> };
  readonly files: { readonly count: number; readonly sha256: string };
}

/** A shard folder as the merge was given it. */
export interface ShardInput {
  /** The folder as the user wrote it, for messages. */
  readonly label: string;
  readonly manifest: ShardManifest;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const VERDICTS = new Set<unknown>(['verified', 'expired', 'revoked']);

/** Reads a manifest's text; a whole build's manifest or anything else is a message naming the folder. */
export function parseShardManifest(
  text: string,
  label: string,
): { ok: true; manifest: ShardManifest } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: `${label}: insigne-build.json is not JSON; is this a built shard folder?` };
  }
  if (!isObject(value))
    return { ok: false, message: `${label}: insigne-build.json is not a build manifest.` };
  if (value.shard === undefined)
    return {
      ok: false,
      message: `${label} is a whole build, not a shard: build each shard with INSIGNE_SHARD=<k>/<n>.`,
    };
  const { shard, awards, files } = value;
  const valid =
    typeof value.preview === 'boolean' &&
    typeof value.builtOn === 'string' &&
    typeof value.build === 'string' &&
    typeof value.siteRoot === 'string' &&
    typeof value.secondLanguage === 'boolean' &&
    isObject(shard) &&
    Number.isInteger(shard.index) &&
    Number.isInteger(shard.count) &&
    isObject(awards) &&
    Number.isInteger(awards.total) &&
    isObject(awards.own) &&
    Object.values(awards.own).every((verdict) => VERDICTS.has(verdict)) &&
    isObject(files) &&
    Number.isInteger(files.count) &&
    typeof files.sha256 === 'string';
  if (!valid)
    return {
      ok: false,
      message: `${label}: insigne-build.json is incomplete or was edited; rebuild this shard.`,
    };
  return { ok: true, manifest: value as unknown as ShardManifest };
}

/**
 * Every reason a set of shards is not one complete build: different builds (content, keys, site, day or
 * number of shards), a shard given twice or missing, an award in the wrong shard, awards missing.
 */
export function checkShardSet(shards: readonly ShardInput[]): string[] {
  const problems: string[] = [];
  const first = shards[0];
  if (!first) return ['No shard folder was given.'];
  const { count } = first.manifest.shard;
  const differ = shards.filter((s) => s.manifest.build !== first.manifest.build);
  if (differ.length > 0) {
    const preview = shards.some((s) => s.manifest.preview);
    problems.push(
      `${differ.map((s) => s.label).join(', ')} ${differ.length === 1 ? 'comes' : 'come'} from another build than ${first.label} ` +
        '(other content, keys, site address, build day or number of shards): build every shard from the same commit, on the same day.' +
        (preview
          ? ' Preview shards can never be merged: each signs with its own throwaway keys. Configure the signing key (README, Keys).'
          : ''),
    );
    return problems;
  }
  const byIndex = new Map<number, string[]>();
  for (const { label, manifest } of shards) {
    const { index } = manifest.shard;
    if (manifest.shard.count !== count || index < 1 || index > count) {
      problems.push(
        `${label}: shard ${index} of ${manifest.shard.count} does not belong to ${count} shards.`,
      );
      continue;
    }
    byIndex.set(index, [...(byIndex.get(index) ?? []), label]);
  }
  for (const [index, labels] of [...byIndex].sort(([a], [b]) => a - b)) {
    if (labels.length > 1) problems.push(`Shard ${index} of ${count} was given twice: ${labels.join(', ')}.`);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0)
    problems.push(
      `Missing shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count}: the merge needs every shard's folder.`,
    );
  if (problems.length > 0) return problems;
  let owned = 0;
  for (const { label, manifest } of shards) {
    const ids = Object.keys(manifest.awards.own);
    owned += ids.length;
    const stray = ids.filter((id) => shardOf(id, count) !== manifest.shard.index);
    if (stray.length > 0)
      problems.push(
        `${label} lists ${stray.length} award(s) of other shards (${stray.slice(0, 3).join(', ')}): rebuild it.`,
      );
  }
  if (owned !== first.manifest.awards.total)
    problems.push(
      `The shards list ${owned} awards between them, but the site has ${first.manifest.awards.total}.`,
    );
  return problems;
}

/** The files every award has in a built site: its page, its data files and images, its QR code. */
export function awardArtefactPaths(awardId: string): string[] {
  const folder = `awards/${awardId}/`;
  return [
    `${folder}index.html`,
    `${folder}assertion.json`,
    `${folder}assertion.jws`,
    `${folder}credential.json`,
    `${folder}credential.jwt`,
    `${folder}badge.png`,
    `${folder}badge.svg`,
    `${folder}qr.svg`,
  ];
}

/** The award page in the other interface language, one of these (which one depends on the badge). */
export function secondLanguagePages(awardId: string): string[] {
  return ['en', 'fr'].map((language) => `awards/${awardId}/${language}/index.html`);
}

/**
 * Up to `size` awards of a shard, spread over its ids in sorted order and always including one award of
 * each expected verdict the shard has (a revoked award's status must come out revoked from the merged
 * status list). The same manifests give the same sample.
 */
export function sampleAwards(own: Readonly<Record<string, ExpectedVerdict>>, size: number): string[] {
  const ids = Object.keys(own).sort();
  const chosen = new Set<string>();
  for (const verdict of VERDICTS) {
    const id = ids.find((candidate) => own[candidate] === verdict);
    if (id !== undefined) chosen.add(id);
  }
  const step = ids.length / Math.max(1, size);
  for (let i = 0; chosen.size < Math.min(size, ids.length) && i < size * 2; i++) {
    const id = ids[Math.floor(i * step) % ids.length];
    if (id !== undefined) chosen.add(id);
  }
  return [...chosen].sort();
}
