/**
 * Where the build's time goes, by stage, for the benchmark. The core cannot read a clock (DESIGN.md §2),
 * so the shell passes one in; without it, timing costs nothing.
 */

export interface Stopwatch {
  /** Runs `work` and adds its duration to `stage`. */
  time<T>(stage: string, work: () => T): T;
  /** Milliseconds per stage so far. */
  totals(): Record<string, number>;
}

/** A stopwatch over a monotonic clock in milliseconds (the shell's `performance.now`). */
export function createStopwatch(now: () => number): Stopwatch {
  const totals: Record<string, number> = {};
  const add = (stage: string, started: number) => {
    totals[stage] = (totals[stage] ?? 0) + (now() - started);
  };
  return {
    time<T>(stage: string, work: () => T): T {
      const started = now();
      const result = work();
      if (result instanceof Promise) {
        return result.finally(() => add(stage, started)) as T;
      }
      add(stage, started);
      return result;
    },
    totals: () => ({ ...totals }),
  };
}

/** A stopwatch that measures nothing. */
export const NO_STOPWATCH: Stopwatch = { time: (_stage, work) => work(), totals: () => ({}) };
