/** Small helpers for timing: medians, and a clock around a function. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Run `f` once to warm up, then `runs` times; the median in milliseconds. `between` runs untimed before each run. */
export function timeMedian(f: () => unknown, runs: number, between: () => void = () => undefined): { ms: number; runs: number } {
  f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    between();
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), runs: times.length };
}
