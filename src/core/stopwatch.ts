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

/**
 * A stopwatch over a monotonic clock in milliseconds (the shell's `performance.now`). Work of one stage
 * that overlaps (several awards in flight) counts once: a stage's total is the time during which some
 * work of it was running.
 */
export function createStopwatch(now: () => number): Stopwatch {
  const totals: Record<string, number> = {};
  const running = new Map<string, { count: number; since: number }>();
  const start = (stage: string) => {
    const active = running.get(stage);
    if (active) active.count++;
    else running.set(stage, { count: 1, since: now() });
  };
  const stop = (stage: string) => {
    const active = running.get(stage);
    if (!active || --active.count > 0) return;
    running.delete(stage);
    totals[stage] = (totals[stage] ?? 0) + (now() - active.since);
  };
  return {
    time<T>(stage: string, work: () => T): T {
      start(stage);
      let result: T;
      try {
        result = work();
      } catch (error) {
        stop(stage);
        throw error;
      }
      if (result instanceof Promise) return result.finally(() => stop(stage)) as T;
      stop(stage);
      return result;
    },
    totals: () => ({ ...totals }),
  };
}

/** A stopwatch that measures nothing. */
export const NO_STOPWATCH: Stopwatch = { time: (_stage, work) => work(), totals: () => ({}) };
