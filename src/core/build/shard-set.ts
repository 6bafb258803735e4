/**
 * What `badges merge` decides before it copies a byte: whether a set of shard manifests
 * (`insigne-build.json` of each shard folder) is one complete build, which files each award must have in
 * the merged site, and which awards of each shard it verifies. Pure: manifests in, problems out.
 */
import { type Message, render, say } from '../messages/catalogue.ts';
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
): { ok: true; manifest: ShardManifest } | { ok: false; message: string; says: Message } {
  const refuse = (says: Message) => ({ ok: false, message: render(says, 'en'), says }) as const;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refuse(say('shard.manifest.notJson', { label }));
  }
  if (!isObject(value)) return refuse(say('shard.manifest.notManifest', { label }));
  if (value.shard === undefined) return refuse(say('shard.manifest.whole', { label }));
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
  if (!valid) return refuse(say('shard.manifest.edited', { label }));
  return { ok: true, manifest: value as unknown as ShardManifest };
}

/**
 * Every reason a set of shards is not one complete build: different builds (content, keys, site, day or
 * number of shards), a shard given twice or missing, an award in the wrong shard, awards missing.
 */
export function checkShardSet(shards: readonly ShardInput[]): Message[] {
  const problems: Message[] = [];
  const first = shards[0];
  if (!first) return [say('shard.set.none')];
  const { count } = first.manifest.shard;
  const differ = shards.filter((s) => s.manifest.build !== first.manifest.build);
  if (differ.length > 0) {
    const preview = shards.some((s) => s.manifest.preview);
    problems.push(
      say(differ.length === 1 ? 'shard.set.otherBuild.one' : 'shard.set.otherBuild.other', {
        labels: differ.map((s) => s.label).join(', '),
        first: first.label,
        preview: preview ? say('shard.set.preview') : '',
      }),
    );
    return problems;
  }
  const byIndex = new Map<number, string[]>();
  for (const { label, manifest } of shards) {
    const { index } = manifest.shard;
    if (manifest.shard.count !== count || index < 1 || index > count) {
      problems.push(say('shard.set.wrongCount', { label, index, of: manifest.shard.count, count }));
      continue;
    }
    byIndex.set(index, [...(byIndex.get(index) ?? []), label]);
  }
  for (const [index, labels] of [...byIndex].sort(([a], [b]) => a - b)) {
    if (labels.length > 1) problems.push(say('shard.set.twice', { index, count, labels: labels.join(', ') }));
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0)
    problems.push(
      say(missing.length > 1 ? 'shard.set.missing.other' : 'shard.set.missing.one', {
        missing: missing.join(', '),
        count,
      }),
    );
  if (problems.length > 0) return problems;
  let owned = 0;
  for (const { label, manifest } of shards) {
    const ids = Object.keys(manifest.awards.own);
    owned += ids.length;
    const stray = ids.filter((id) => shardOf(id, count) !== manifest.shard.index);
    if (stray.length > 0)
      problems.push(
        say('shard.set.stray', { label, count: stray.length, ids: stray.slice(0, 3).join(', ') }),
      );
  }
  if (owned !== first.manifest.awards.total)
    problems.push(say('shard.set.total', { owned, total: first.manifest.awards.total }));
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
