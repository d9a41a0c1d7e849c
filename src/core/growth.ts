/**
 * Growth over the same period last year ("tăng 10% so với cùng kỳ"): actual / previous − 1 per
 * unit, and for the area Σ actual / Σ previous − 1 over the units that have both figures — a
 * ratio of sums, like the area-wide rate, never the mean of the unit growths.
 */

/** actual / previous − 1; null when either is missing or last year's figure is 0. */
export function growthOf(actual: number | null, previous: number | null): number | null {
  if (actual === null || previous === null || previous === 0) return null;
  const g = actual / previous - 1;
  return Number.isFinite(g) ? g : null;
}

export interface GrowthTotals {
  /** Σ actual and Σ previous over the units with both figures. */
  readonly actual: number;
  readonly previous: number;
  readonly counted: number;
  /** Σ actual / Σ previous − 1, or null when nothing counts or Σ previous is 0. */
  readonly growth: number | null;
}

export function areaGrowth(rows: readonly { readonly actual: number | null; readonly previous: number | null }[]): GrowthTotals {
  let a = 0;
  let p = 0;
  let n = 0;
  for (const r of rows) {
    if (r.actual === null || r.previous === null) continue;
    a += r.actual;
    p += r.previous;
    n++;
  }
  return { actual: a, previous: p, counted: n, growth: n === 0 ? null : growthOf(a, p) };
}
