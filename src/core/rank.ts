/**
 * Step 5 — ranking, highest rate first. Ties share a rank; competition ranking skips the next
 * ranks (1, 2, 2, 4) as Excel's RANK.EQ does, dense ranking does not (1, 2, 2, 3). A unit with
 * no rate has no rank.
 */
export type RankMode = "competition" | "dense";

/** Ranks for `values` (same order); null where the value is null. */
export function rankDescending(values: readonly (number | null)[], mode: RankMode = "competition"): (number | null)[] {
  return rankOrder(values, mode).ranks;
}

/**
 * Ranks for `values`, and the indices in rank order: highest first, ties in their given order,
 * then the indices with no value in their given order. Sorts indices, not objects: this runs
 * for every indicator over every unit.
 */
export function rankOrder(values: readonly (number | null)[], mode: RankMode = "competition"): { ranks: (number | null)[]; order: number[] } {
  const ranked: number[] = [];
  const unranked: number[] = [];
  // The values unboxed, so the comparisons of the sort read a flat array.
  const key = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) unranked.push(i);
    else {
      key[i] = v;
      ranked.push(i);
    }
  }
  ranked.sort((a, b) => key[b]! - key[a]! || a - b);
  const ranks = new Array<number | null>(values.length).fill(null);
  let prev: number | null = null;
  let rank = 0;
  let dense = 0;
  for (let pos = 0; pos < ranked.length; pos++) {
    const i = ranked[pos]!;
    const v = key[i]!;
    if (prev === null || v !== prev) {
      rank = pos + 1;
      dense++;
      prev = v;
    }
    ranks[i] = mode === "dense" ? dense : rank;
  }
  return { ranks, order: unranked.length === 0 ? ranked : ranked.concat(unranked) };
}
