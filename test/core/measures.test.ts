import { gap, isBelow, meanOf, ratio, totals } from "../../src/core/measures";
import { rankDescending, rankOrder } from "../../src/core/rank";

describe("ratio and gap", () => {
  it("ratio = actual / denominator", () => {
    expect(ratio(951, 2096)).toBe(951 / 2096);
    expect(ratio(0, 5)).toBe(0);
    expect(ratio(-3, 6)).toBe(-0.5);
  });
  it("a zero or missing denominator, or a missing actual, gives no rate — never Infinity or NaN", () => {
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(5, null)).toBeNull();
    expect(ratio(null, 5)).toBeNull();
    expect(ratio(1e308, 1e-308)).toBeNull();
  });
  it("gap = denominator − actual, negative when the target is passed", () => {
    expect(gap(951, 2096)).toBe(1145);
    expect(gap(120, 100)).toBe(-20);
    expect(gap(null, 100)).toBeNull();
    expect(gap(5, null)).toBeNull();
  });
});

describe("totals, meanOf", () => {
  it("sums only the pairs with both figures", () => {
    expect(
      totals([
        { actual: 1, denominator: 2 },
        { actual: 3, denominator: null },
        { actual: null, denominator: 4 },
        { actual: 5, denominator: 6 },
      ]),
    ).toEqual({ actual: 6, denominator: 8, counted: 2 });
    expect(totals([])).toEqual({ actual: 0, denominator: 0, counted: 0 });
  });
  it("the area rate Σ/Σ is not the mean of the rates", () => {
    const pairs = [
      { actual: 1, denominator: 10 },
      { actual: 90, denominator: 100 },
    ];
    const t = totals(pairs);
    expect(ratio(t.actual, t.denominator)).toBeCloseTo(91 / 110, 15);
    expect(meanOf(pairs.map((p) => ratio(p.actual, p.denominator)))).toBeCloseTo(0.5, 15);
  });
  it("meanOf skips missing rates and has none for none", () => {
    expect(meanOf([0.5, null, 1])).toBe(0.75);
    expect(meanOf([null])).toBeNull();
    expect(meanOf([])).toBeNull();
  });
});

describe("isBelow", () => {
  it("is strictly below; at the average is not below; no rate or no average is never below", () => {
    expect(isBelow(0.4537, 0.6491)).toBe(true);
    expect(isBelow(0.7, 0.6491)).toBe(false);
    expect(isBelow(0.6491, 0.6491)).toBe(false);
    expect(isBelow(null, 0.5)).toBe(false);
    expect(isBelow(0.5, null)).toBe(false);
  });
  it("does not call a unit below the average over floating-point noise", () => {
    // Three units with the same rate: Σ/Σ may differ from each rate in the last bit.
    const a = [1, 2, 7];
    const d = [3, 6, 21];
    const overall = ratio(
      a.reduce((s, x) => s + x),
      d.reduce((s, x) => s + x),
    )!;
    for (let i = 0; i < 3; i++) expect(isBelow(ratio(a[i]!, d[i]!), overall)).toBe(false);
    expect(isBelow(0.1 + 0.2, 0.3)).toBe(false);
    expect(isBelow(0.3, 0.1 + 0.2)).toBe(false);
  });
});

describe("rankDescending", () => {
  it("ranks highest first, ties share a rank and the next is skipped (1, 2, 2, 4)", () => {
    expect(rankDescending([0.9, 0.8, 0.8, 0.7])).toEqual([1, 2, 2, 4]);
    expect(rankDescending([0.7, 0.8, 0.9, 0.8])).toEqual([4, 2, 1, 2]);
    expect(rankDescending([0.5, 0.5, 0.5])).toEqual([1, 1, 1]);
  });
  it("dense ranking does not skip (1, 2, 2, 3)", () => {
    expect(rankDescending([0.9, 0.8, 0.8, 0.7], "dense")).toEqual([1, 2, 2, 3]);
    expect(rankDescending([0.7, 0.8, 0.9, 0.8], "dense")).toEqual([3, 2, 1, 2]);
  });
  it("a unit with no rate has no rank and takes no place", () => {
    expect(rankDescending([null, 0.5, null, 0.9])).toEqual([null, 2, null, 1]);
    expect(rankDescending([null, null])).toEqual([null, null]);
    expect(rankDescending([])).toEqual([]);
  });
  it("treats equal fractions as ties (2/3 and 4/6)", () => {
    expect(rankDescending([2 / 3, 4 / 6, 0.1])).toEqual([1, 1, 3]);
  });
  it("ranks negative rates below zero", () => {
    expect(rankDescending([-0.1, 0, 0.1])).toEqual([3, 2, 1]);
  });
});

describe("rankOrder on long lists (radix sort)", () => {
  // What the order means: highest first, ties in sheet order, then the units without a rate.
  function expected(values: (number | null)[], mode: "competition" | "dense") {
    const ranked = values.flatMap((v, i) => (v === null ? [] : [i]));
    ranked.sort((a, b) => values[b]! - values[a]! || a - b);
    const ranks = values.map(() => null as number | null);
    let prev: number | null = null;
    let rank = 0;
    let dense = 0;
    ranked.forEach((i, pos) => {
      if (prev === null || values[i] !== prev) {
        rank = pos + 1;
        dense++;
        prev = values[i]!;
      }
      ranks[i] = mode === "dense" ? dense : rank;
    });
    return { ranks, order: ranked.concat(values.flatMap((v, i) => (v === null ? [i] : []))) };
  }
  it("gives the comparison sort's ranks and order, with ties, −0, infinities, negatives and gaps", () => {
    let seed = 3;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const specials = [0, -0, Infinity, -Infinity, 5e-324, -5e-324, 1e-300, 1.7976931348623157e308, -1, 1, 0.5];
    for (const n of [255, 256, 257, 300, 1000, 3000, 10000]) {
      for (const spread of [3, 50, 100000]) {
        const pool = Array.from({ length: spread }, () =>
          next() < 0.1 ? specials[Math.floor(next() * specials.length)]! : (next() - 0.2) * 10 ** Math.floor(next() * 12 - 6),
        );
        const values = Array.from({ length: n }, () => (next() < 0.05 ? null : pool[Math.floor(next() * spread)]!));
        for (const mode of ["competition", "dense"] as const) {
          expect(rankOrder(values, mode)).toEqual(expected(values, mode));
        }
      }
    }
  });
  it("keeps the comparison sort for a list holding NaN", () => {
    const values = [...new Array<number>(299).fill(1), NaN, 2, 1];
    expect(rankOrder(values)).toEqual(expected(values, "competition"));
  });
});
