/** Small helpers for timing: medians, and a clock around a function. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Run `f` once to warm up, then `runs` times; the median in milliseconds, and the fastest and
 * slowest run (the spread: a median alone hid that one size's runs varied by half). `between`
 * runs untimed before each run (a garbage collection).
 */
export function timeMedian(f: () => unknown, runs: number, between: () => void = () => undefined): { ms: number; runs: number; minMs: number; maxMs: number } {
  f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    between();
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), runs: times.length, minMs: Math.min(...times), maxMs: Math.max(...times) };
}
