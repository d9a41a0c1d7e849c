/** Small helpers for timing: medians, and a clock around a function. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * The engine's steady state, which the budgets hold: warmed up by 15 runs or 3 s of them (a
 * 100,000 run takes over a second and is warm after its first).
 */
export const ENGINE_WARM_UP: WarmUp = { runs: 15, ms: 3000 };

/** How long `timeMedian` warms `f` up before timing it: at least `runs` runs, or `ms` of them, whichever ends first. */
export interface WarmUp {
  readonly runs: number;
  readonly ms: number;
}

/**
 * Warm `f` up, then run it `runs` times; the median in milliseconds, and the fastest and slowest
 * run (the spread: a median alone hid that one size's runs varied by half). `between` runs
 * untimed before each run (a garbage collection). One warm-up run is not enough for the engine:
 * V8 is still compiling its hot functions for the next ten or so, and at 10,000 × 8 a median
 * taken then swung between 100 and 150 ms from one bench to the next; after 15 it held at
 * 80-85 ms (docs/PERFORMANCE.md).
 */
export function timeMedian(
  f: () => unknown,
  runs: number,
  between: () => void = () => undefined,
  warmUp: WarmUp = { runs: 1, ms: 0 },
): { ms: number; runs: number; minMs: number; maxMs: number } {
  const warmStart = performance.now();
  for (let i = 0; i < warmUp.runs && (i === 0 || performance.now() - warmStart < warmUp.ms); i++) f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    between();
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), runs: times.length, minMs: Math.min(...times), maxMs: Math.max(...times) };
}
