/**
 * The build caches' storage: values survive a reopen; truncated files, damaged lines and lines moved to
 * another bucket are ignored and rewritten; unused entries expire; another folder is read, never written.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCacheStore } from '../../../src/shell/build/cache-store.ts';

const key = (c: string) => c.repeat(64);
const folder = () => mkdtempSync(join(tmpdir(), 'insigne-cache-'));

describe('cache store', () => {
  it('keeps values between builds, in bucket files by key prefix', () => {
    const dir = folder();
    const first = openCacheStore(dir, { today: '2026-11-28' });
    expect(first.get(key('a'))).toBeUndefined();
    first.set(key('a'), 'zValue1');
    first.set(key('b'), 'value-2');
    expect(first.save()).toEqual({ reused: 0, made: 2, refused: 0, damaged: 0 });
    expect(readdirSync(dir).sort()).toEqual(['aa.txt', 'bb.txt']);
    const second = openCacheStore(dir, { today: '2026-11-28' });
    expect(second.get(key('a'))).toBe('zValue1');
    expect(second.get(key('b'))).toBe('value-2');
    expect(second.save()).toEqual({ reused: 2, made: 0, refused: 0, damaged: 0 });
  });

  it('ignores a truncated file, a changed value and a line in the wrong bucket', () => {
    const dir = folder();
    const store = openCacheStore(dir, { today: '2026-11-28' });
    store.set(key('a'), 'first');
    store.set(`${'a'.repeat(63)}b`, 'second');
    store.set(key('c'), 'third');
    store.save();
    const bucket = join(dir, 'aa.txt');
    const text = readFileSync(bucket, 'utf8');
    // The last line cut short, the first one's value changed.
    writeFileSync(bucket, text.replace('first', 'firsT').slice(0, -10));
    // A valid line of bucket cc copied into bucket dd.
    writeFileSync(join(dir, 'dd.txt'), readFileSync(join(dir, 'cc.txt')));
    const reopened = openCacheStore(dir, { today: '2026-11-28' });
    expect(reopened.get(key('a'))).toBeUndefined();
    expect(reopened.get(`${'a'.repeat(63)}b`)).toBeUndefined();
    expect(reopened.get(key('d'))).toBeUndefined();
    expect(reopened.get(key('c'))).toBe('third');
    expect(reopened.stats().damaged).toBe(3);
    reopened.set(key('a'), 'first');
    reopened.save();
    // The damaged bucket was rewritten whole.
    expect(readFileSync(bucket, 'utf8').split('\n')).toHaveLength(2);
    expect(openCacheStore(dir, { today: '2026-11-28' }).get(key('a'))).toBe('first');
  });

  it('counts a refused value as made again, not reused', () => {
    const dir = folder();
    const store = openCacheStore(dir, { today: '2026-11-28' });
    store.set(key('e'), 'bad');
    store.save();
    const again = openCacheStore(dir, { today: '2026-11-28' });
    expect(again.get(key('e'))).toBe('bad');
    again.refuse(key('e'));
    again.set(key('e'), 'good');
    expect(again.save()).toEqual({ reused: 0, made: 1, refused: 1, damaged: 0 });
  });

  it('drops entries no build used for longer than it keeps them', () => {
    const dir = folder();
    const old = openCacheStore(dir, { today: '2026-11-01' });
    old.set(key('a'), 'old');
    old.set(`${'a'.repeat(63)}b`, 'used');
    old.save();
    const later = openCacheStore(dir, { today: '2026-11-28', keepDays: 7 });
    expect(later.get(`${'a'.repeat(63)}b`)).toBe('used');
    later.save();
    const after = openCacheStore(dir, { today: '2026-11-28', keepDays: 7 });
    expect(after.get(key('a'))).toBeUndefined();
    expect(after.get(`${'a'.repeat(63)}b`)).toBe('used');
  });

  it('reads entries from another folder and writes them into its own', () => {
    const mine = folder();
    const theirs = folder();
    const other = openCacheStore(theirs, { today: '2026-11-28' });
    other.set(key('f'), 'shared');
    other.save();
    const store = openCacheStore(mine, { today: '2026-11-28', alsoRead: [theirs] });
    expect(store.get(key('f'))).toBe('shared');
    store.save();
    expect(readdirSync(mine)).toEqual(['ff.txt']);
    expect(openCacheStore(mine, { today: '2026-11-28' }).get(key('f'))).toBe('shared');
  });
});
