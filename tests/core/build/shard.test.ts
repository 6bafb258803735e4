import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildFingerprint,
  inShard,
  MAX_SHARDS,
  parseShard,
  shardOf,
  stableJson,
} from '../../../src/core/build/shard.ts';
import { mulberry32 } from '../../helpers/random.ts';

function uuids(count: number, seed: number): string[] {
  const next = mulberry32(seed);
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');
  return Array.from({ length: count }, () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`);
}

describe('parseShard', () => {
  it('reads k/n with 1 ≤ k ≤ n', () => {
    expect(parseShard('1/3')).toEqual({ ok: true, shard: { index: 1, count: 3 } });
    expect(parseShard(' 3 / 3 ')).toEqual({ ok: true, shard: { index: 3, count: 3 } });
    expect(parseShard('1/1')).toEqual({ ok: true, shard: { index: 1, count: 1 } });
    expect(parseShard(`${MAX_SHARDS}/${MAX_SHARDS}`).ok).toBe(true);
  });

  it('refuses what is not a shard, saying what to write', () => {
    const message = (text: string) => {
      const parsed = parseShard(text);
      return parsed.ok ? '' : parsed.message;
    };
    expect(message('abc')).toBe(
      'INSIGNE_SHARD="abc" is not a shard. Set it to <k>/<n>, the shard k of n to build, with k from 1 to n (for example INSIGNE_SHARD=1/3), or leave it unset to build the whole site.',
    );
    expect(message('0/3')).toMatch(
      /^INSIGNE_SHARD="0\/3": there is no shard 0 of 3; shards are numbered from 1 to 3\./,
    );
    expect(message('4/3')).toMatch(/^INSIGNE_SHARD="4\/3": there is no shard 4 of 3;/);
    expect(message('1/0')).toMatch(/the number of shards must be from 1 to 256/);
    expect(message('1/999')).toMatch(/the number of shards must be from 1 to 256/);
    for (const text of ['', '1', '1/3/5', '-1/3', '1.5/3', '1/3x', '１/3', `${'1'.repeat(5000)}/3`])
      expect(parseShard(text).ok, text.slice(0, 20)).toBe(false);
    expect(message('x'.repeat(5000)).length).toBeLessThan(300);
  });
});

describe('shardOf', () => {
  it('is SHA-256 of the id, first four bytes big-endian, modulo n, plus one', () => {
    for (const id of uuids(200, 7)) {
      const word = createHash('sha256').update(id).digest().readUInt32BE(0);
      for (const n of [1, 2, 3, 7, 256]) expect(shardOf(id, n)).toBe((word % n) + 1);
    }
  });

  it('gives the same shard to the same id forever (pinned values)', () => {
    expect(shardOf('91824925-693a-45d7-b777-c2f713bdea51', 3)).toBe(3);
    expect(shardOf('01f35ccd-d06f-40b6-9625-870e6e4f4bfd', 3)).toBe(1);
    expect(shardOf('01f35ccd-d06f-40b6-9625-870e6e4f4bfd', 10)).toBe(2);
    expect(shardOf('00000000-0000-4000-8000-000000000000', 10)).toBe(7);
  });

  it('spreads random award ids evenly: every shard within 5 % of its share (over 4 standard deviations at 8 shards)', () => {
    const ids = uuids(60_000, 18);
    for (const n of [2, 3, 5, 8]) {
      const counts = new Array(n).fill(0);
      for (const id of ids) counts[shardOf(id, n) - 1]++;
      for (const count of counts)
        expect(Math.abs(count - ids.length / n) / (ids.length / n)).toBeLessThan(0.05);
    }
  });

  it('puts every award in exactly one shard', () => {
    for (const id of uuids(500, 3)) {
      const shards = [1, 2, 3].filter((index) => inShard(id, { index, count: 3 }));
      expect(shards).toHaveLength(1);
      expect(inShard(id, undefined)).toBe(true);
    }
  });
});

describe('stableJson and buildFingerprint', () => {
  it('does not depend on key or Map insertion order', () => {
    const a = {
      b: 1,
      a: new Map([
        ['y', 2],
        ['x', 1],
      ]),
      s: new Set([2, 1]),
      gone: undefined,
    };
    const b = {
      a: new Map([
        ['x', 1],
        ['y', 2],
      ]),
      s: new Set([1, 2]),
      b: 1,
    };
    expect(stableJson(a)).toBe(stableJson(b));
    expect(stableJson(a)).toBe('{"a":[["x",1],["y",2]],"b":1,"s":[1,2]}');
  });

  it('changes with the model, the day, the site or the number of shards', () => {
    const identity = {
      model: { awards: new Map([['id', { name: 'A' }]]) },
      site: 'https://x.example',
      base: '/b',
      day: '2026-11-28',
      preview: false,
      count: 3,
    };
    const fingerprint = buildFingerprint(identity);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(buildFingerprint({ ...identity })).toBe(fingerprint);
    for (const changed of [
      { ...identity, model: { awards: new Map([['id', { name: 'B' }]]) } },
      { ...identity, day: '2026-11-29' },
      { ...identity, base: '/' },
      { ...identity, count: 4 },
      { ...identity, preview: true },
    ])
      expect(buildFingerprint(changed)).not.toBe(fingerprint);
  });
});
