import { describe, expect, it } from 'vitest';
import { shardOf } from '../../../src/core/build/shard.ts';
import {
  checkShardSet,
  type ExpectedVerdict,
  parseShardManifest,
  type ShardInput,
  type ShardManifest,
  sampleAwards,
} from '../../../src/core/build/shard-set.ts';
import { render } from '../../../src/core/messages/catalogue.ts';

const ids = Array.from({ length: 60 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

function shards(count: number, build = 'a'.repeat(64)): ShardInput[] {
  return Array.from({ length: count }, (_, i) => {
    const own: Record<string, ExpectedVerdict> = {};
    for (const id of ids) if (shardOf(id, count) === i + 1) own[id] = 'verified';
    const manifest: ShardManifest = {
      preview: false,
      builtOn: '2026-11-28',
      shard: { index: i + 1, count },
      build,
      siteRoot: 'https://school.example/badges/',
      secondLanguage: true,
      awards: { total: ids.length, own },
      files: { count: 1, sha256: 'b'.repeat(64) },
    };
    return { label: `shard-${i + 1}`, manifest };
  });
}

/** The problems of a shard set, in English. */
const check = (set: readonly ShardInput[]) => checkShardSet(set).map((problem) => render(problem, 'en'));

describe('checkShardSet', () => {
  it('accepts every shard of one build, in any order', () => {
    expect(check(shards(3))).toEqual([]);
    expect(check(shards(3).reverse())).toEqual([]);
  });

  it('names the missing shards and those given twice', () => {
    const [one, , three] = shards(4);
    expect(check([one, three, one] as ShardInput[])).toEqual([
      'Shard 1 of 4 was given twice: shard-1, shard-1.',
      "Missing shards 2, 4 of 4: the merge needs every shard's folder.",
    ]);
  });

  it('refuses shards of another build, and says why preview shards never merge', () => {
    const set = shards(3);
    const other = { ...set[1], manifest: { ...set[1]?.manifest, build: 'c'.repeat(64) } } as ShardInput;
    const [problem] = check([set[0], other, set[2]] as ShardInput[]);
    expect(problem).toMatch(/^shard-2 comes from another build than shard-1 \(other content, keys/);
    expect(problem).not.toContain('Preview');
    const preview = { ...other, manifest: { ...other.manifest, preview: true } };
    expect(check([set[0], preview, set[2]] as ShardInput[])[0]).toContain(
      'Preview shards can never be merged',
    );
  });

  it('refuses an award listed in the wrong shard, and awards in no shard', () => {
    const set = shards(2);
    const first = set[0] as ShardInput;
    const stray = ids.find((id) => shardOf(id, 2) === 2) as string;
    const moved = {
      ...first,
      manifest: {
        ...first.manifest,
        awards: { total: ids.length, own: { ...first.manifest.awards.own, [stray]: 'verified' as const } },
      },
    };
    expect(check([moved, set[1]] as ShardInput[]).join('\n')).toContain(
      `shard-1 lists 1 award(s) of other shards (${stray})`,
    );
    const short = {
      ...first,
      manifest: { ...first.manifest, awards: { total: ids.length + 1, own: first.manifest.awards.own } },
    };
    expect(check([short, set[1]] as ShardInput[])).toEqual([
      `The shards list ${ids.length} awards between them, but the site has ${ids.length + 1}.`,
    ]);
  });
});

describe('parseShardManifest', () => {
  it('tells a whole build, a broken file and an edited manifest apart', () => {
    expect(parseShardManifest('{"preview":false,"builtOn":"2026-11-28"}', 'dist')).toMatchObject({
      ok: false,
      message: 'dist is a whole build, not a shard: build each shard with INSIGNE_SHARD=<k>/<n>.',
    });
    expect(parseShardManifest('{', 'x')).toMatchObject({
      ok: false,
      message: expect.stringContaining('not JSON'),
    });
    const manifest = shards(1)[0]?.manifest;
    expect(parseShardManifest(JSON.stringify(manifest), 'x')).toEqual({ ok: true, manifest });
    const edited = { ...manifest, awards: { total: 1, own: { a: 'fine' } } };
    expect(parseShardManifest(JSON.stringify(edited), 'x')).toMatchObject({
      ok: false,
      message: expect.stringContaining('incomplete or was edited'),
    });
  });
});

describe('sampleAwards', () => {
  it('spreads the sample over the shard, with one award of each verdict, the same every time', () => {
    const own: Record<string, ExpectedVerdict> = {};
    for (const id of ids) own[id] = 'verified';
    own[ids[41] as string] = 'revoked';
    own[ids[57] as string] = 'expired';
    const sample = sampleAwards(own, 8);
    expect(sample).toHaveLength(8);
    expect(sample).toContain(ids[41]);
    expect(sample).toContain(ids[57]);
    expect(new Set(sample.map((id) => own[id]))).toEqual(new Set(['verified', 'revoked', 'expired']));
    expect(sampleAwards({ ...own }, 8)).toEqual(sample);
    expect(sampleAwards({ [ids[0] as string]: 'verified' }, 8)).toEqual([ids[0]]);
    expect(sampleAwards({}, 8)).toEqual([]);
  });
});
