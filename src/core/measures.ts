/**
 * The measures. attainment = actual / target, coverage = actual / base,
 * gap = denominator − actual; the area-wide rate is Σ actual / Σ denominator over the units that
 * have both (the "bình quân chung của tỉnh"), never the mean of the unit rates unless asked for.
 * A zero or missing denominator gives no rate: never Infinity or NaN.
 */
export type AverageMode = "overall" | "mean";

export function ratio(actual: number | null, denominator: number | null): number | null {
  if (actual === null || denominator === null || denominator === 0) return null;
  const r = actual / denominator;
  return Number.isFinite(r) ? r : null;
}

export function gap(actual: number | null, denominator: number | null): number | null {
  if (actual === null || denominator === null) return null;
  return denominator - actual;
}

export interface Totals {
  readonly actual: number;
  readonly denominator: number;
  /** Units that had both figures and so count in the sums. */
  readonly counted: number;
}

/** Σ actual and Σ denominator over the pairs where both are present. */
export function totals(pairs: readonly { actual: number | null; denominator: number | null }[]): Totals {
  let a = 0;
  let d = 0;
  let n = 0;
  for (const p of pairs) {
    if (p.actual === null || p.denominator === null) continue;
    a += p.actual;
    d += p.denominator;
    n++;
  }
  return { actual: a, denominator: d, counted: n };
}

/** The simple mean of the unit rates that exist, or null. */
export function meanOf(values: readonly (number | null)[]): number | null {
  let s = 0;
  let n = 0;
  for (const v of values) {
    if (v === null) continue;
    s += v;
    n++;
  }
  if (n === 0) return null;
  // Rates over tiny denominators can be huge: their sum may overflow, and Infinity is no mean.
  const mean = s / n;
  return Number.isFinite(mean) ? mean : null;
}

/** Strictly below the average (a unit exactly at it is not below). */
export function isBelow(rate: number | null, average: number | null): boolean {
  if (rate === null || average === null) return false;
  return rate < average && average - rate > 1e-12 * Math.max(1, Math.abs(average));
}
