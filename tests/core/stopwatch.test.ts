/** The build's stopwatch: stages add up, and overlapping work of one stage counts once. */
import { describe, expect, it } from 'vitest';
import { createStopwatch } from '../../src/core/stopwatch.ts';

describe('stopwatch', () => {
  it('adds the time of separate runs of a stage', () => {
    let clock = 0;
    const stopwatch = createStopwatch(() => clock);
    stopwatch.time('a', () => {
      clock += 5;
    });
    stopwatch.time('a', () => {
      clock += 3;
    });
    expect(stopwatch.totals()).toEqual({ a: 8 });
  });

  it('counts overlapping asynchronous work of one stage once', async () => {
    let clock = 0;
    const stopwatch = createStopwatch(() => clock);
    const release: (() => void)[] = [];
    const wait = () => new Promise<void>((resolve) => release.push(resolve));
    const first = stopwatch.time('sign', wait);
    clock = 2;
    const second = stopwatch.time('sign', wait);
    clock = 10;
    release[0]?.();
    await first;
    clock = 12;
    release[1]?.();
    await second;
    expect(stopwatch.totals()).toEqual({ sign: 12 });
  });

  it('stops the clock of work that throws', () => {
    let clock = 0;
    const stopwatch = createStopwatch(() => clock);
    expect(() =>
      stopwatch.time('a', () => {
        clock = 4;
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(stopwatch.totals()).toEqual({ a: 4 });
  });
});
