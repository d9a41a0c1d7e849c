/**
 * Step 5 — ranking, highest rate first. Ties share a rank; competition ranking skips the next
 * ranks (1, 2, 2, 4) as Excel's RANK.EQ does, dense ranking does not (1, 2, 2, 3). A unit with
 * no rate has no rank.
 */
export type RankMode = "competition" | "dense";

/** Ranks for `values` (same order); null where the value is null. */
export function rankDescending(values: readonly (number | null)[], mode: RankMode = "competition"): (number | null)[] {
  const order = values
    .map((v, i) => ({ v, i }))
    .filter((x): x is { v: number; i: number } => x.v !== null)
    .sort((a, b) => b.v - a.v || a.i - b.i);
  const ranks: (number | null)[] = values.map(() => null);
  let prev: number | null = null;
  let rank = 0;
  let dense = 0;
  order.forEach((x, pos) => {
    if (prev === null || x.v !== prev) {
      rank = pos + 1;
      dense++;
      prev = x.v;
    }
    ranks[x.i] = mode === "dense" ? dense : rank;
  });
  return ranks;
}
