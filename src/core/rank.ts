/**
 * Ranking, highest rate first. Ties share a rank; competition ranking skips the next
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
  const key = new Float64Array(values.length);
  let anyNaN = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) key[i] = NaN;
    else {
      key[i] = v;
      if (v !== v) anyNaN = true;
    }
  }
  if (anyNaN) return rankOrderWithNaN(values, key, mode);
  const { ranks, order } = rankColumn(key, mode);
  const out = new Array<number | null>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = ranks[i] === 0 ? null : ranks[i]!;
  return { ranks: out, order: Array.from(order) };
}

/**
 * rankOrder over a column of rates where NaN means "no rate": ranks (0 for none) and the
 * indices in rank order, the unranked last in their given order. What the engine calls, once per
 * result, without an array of boxed numbers.
 */
export function rankColumn(key: Float64Array, mode: RankMode = "competition"): { ranks: Int32Array; order: Int32Array } {
  const n = key.length;
  const rated = scratchFor(n).rated;
  let m = 0;
  const unranked: number[] = [];
  for (let i = 0; i < n; i++) {
    if (key[i] !== key[i]) unranked.push(i);
    else rated[m++] = i;
  }
  // Highest first, ties in index order. A radix sort gives that order several times faster than
  // a comparison sort on the thousands of units of a province (it runs for every result).
  let ranked: Int32Array;
  if (m >= RADIX_MIN) ranked = radixDescending(key, rated.subarray(0, m));
  else {
    const list = Array.from(rated.subarray(0, m));
    list.sort((a, b) => key[b]! - key[a]! || a - b);
    ranked = Int32Array.from(list);
  }
  const order = new Int32Array(n);
  order.set(ranked.subarray(0, m));
  for (let k = 0; k < unranked.length; k++) order[m + k] = unranked[k]!;
  return { ranks: ranksInOrder(key, ranked, m, mode), order };
}

/**
 * The ranks of the first `count` indices of `ranked`, which lists them highest key first: equal
 * keys share a rank (competition: 1, 2, 2, 4; dense: 1, 2, 2, 3). 0 for the indices not listed.
 */
function ranksInOrder(key: Float64Array, ranked: ArrayLike<number>, count: number, mode: RankMode): Int32Array {
  const ranks = new Int32Array(key.length);
  let prev = NaN;
  let rank = 0;
  let dense = 0;
  for (let pos = 0; pos < count; pos++) {
    const i = ranked[pos]!;
    const v = key[i]!;
    if (pos === 0 || v !== prev) {
      rank = pos + 1;
      dense++;
      prev = v;
    }
    ranks[i] = mode === "dense" ? dense : rank;
  }
  return ranks;
}

/** A list holding NaN (no engine path gives one): NaN has no place in an order, so compare. */
function rankOrderWithNaN(values: readonly (number | null)[], key: Float64Array, mode: RankMode): { ranks: (number | null)[]; order: number[] } {
  const ranked: number[] = [];
  const unranked: number[] = [];
  values.forEach((v, i) => (v === null || v === undefined ? unranked.push(i) : ranked.push(i)));
  ranked.sort((a, b) => key[b]! - key[a]! || a - b);
  const r = ranksInOrder(key, ranked, ranked.length, mode);
  return { ranks: values.map((v, i) => (v === null || v === undefined ? null : r[i]!)), order: ranked.concat(unranked) };
}

/** Below this many values the comparison sort is as quick as the radix sort and simpler. */
const RADIX_MIN = 256;

/**
 * `indices` (ascending) ordered by `key` highest first, equal keys (−0 and 0 among them) in
 * their given order: a stable LSD radix sort over the 64 bits of each double, 8 at a time,
 * skipping the bytes every key shares. The same order as sorting with
 * `(a, b) => key[b] - key[a] || a - b` for keys that are not NaN. The keys travel with the
 * indices, so each pass reads them in sequence (at 100,000 units, gathering them by index from
 * memory in another order cost more than the sorting).
 */
/**
 * Working arrays of the sorts, kept between calls and grown as needed: a run ranks one list per
 * result (14 at 8 indicators), and at 100,000 units fresh ones would be some 35 MB per run for
 * the garbage collector to find and free. Safe to share: one call runs at a time, and what a
 * call returns in them is copied out by its caller (rankColumn) before the next call.
 */
interface Scratch {
  readonly cap: number;
  readonly rated: Int32Array;
  readonly words: Uint32Array[];
  readonly indices: Int32Array[];
}
let scratch: Scratch | null = null;

function scratchFor(n: number): Scratch {
  if (scratch === null || scratch.cap < n) {
    const cap = Math.max(n, 1024);
    scratch = {
      cap,
      rated: new Int32Array(cap),
      words: [new Uint32Array(cap), new Uint32Array(cap), new Uint32Array(cap), new Uint32Array(cap)],
      indices: [new Int32Array(cap), new Int32Array(cap)],
    };
  }
  return scratch;
}

function radixDescending(key: Float64Array, indices: Int32Array): Int32Array {
  const m = indices.length;
  const work = scratchFor(m);
  // Each key as two 32-bit words whose unsigned order is the doubles' order reversed: the bits
  // of a positive double with its sign bit set, all inverted; a negative double's bits as they
  // are (larger magnitude, larger bits). −0 is made 0 first, so the two tie.
  let hi = work.words[0]!.subarray(0, m);
  let lo = work.words[1]!.subarray(0, m);
  let ix = work.indices[0]!.subarray(0, m);
  ix.set(indices);
  const one = new Float64Array(1);
  const bits = new Uint32Array(one.buffer);
  const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian: high word second
  // The high word's four byte histograms, counted in one pass.
  const counts = new Int32Array(8 * 256);
  for (let p = 0; p < m; p++) {
    const v = key[ix[p]!]!;
    one[0] = v === 0 ? 0 : v;
    const h = bits[HI]!;
    const l = bits[1 - HI]!;
    const wh = h & 0x80000000 ? h : ~(h | 0x80000000) >>> 0;
    const wl = h & 0x80000000 ? l : ~l >>> 0;
    hi[p] = wh;
    lo[p] = wl;
    // (Typed arrays: an index within their length, so the `!` is safe.)
    counts[1024 + (wh & 255)]!++;
    counts[1280 + ((wh >>> 8) & 255)]!++;
    counts[1536 + ((wh >>> 16) & 255)]!++;
    counts[1792 + (wh >>> 24)]!++;
  }
  let hi2 = work.words[2]!.subarray(0, m);
  let lo2 = work.words[3]!.subarray(0, m);
  let ix2 = work.indices[1]!.subarray(0, m);
  const start = new Int32Array(256);
  // The high words first (sign, exponent and the top of the mantissa): four passes order nearly
  // every key, then the runs of keys sharing a high word are ordered by their low words. Rates
  // differ in their high words unless they are within about a millionth of each other, so the
  // low words' four passes (half the work) would mostly reorder nothing.
  for (let pass = 4; pass < 8; pass++) {
    const base = pass * 256;
    const shift = (pass & 3) * 8;
    // A byte every key shares leaves the order as it is.
    if (counts[base + ((hi[0]! >>> shift) & 255)] === m) continue;
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      start[b] = sum;
      sum += counts[base + b]!;
    }
    for (let p = 0; p < m; p++) {
      const d = start[(hi[p]! >>> shift) & 255]!++;
      hi2[d] = hi[p]!;
      lo2[d] = lo[p]!;
      ix2[d] = ix[p]!;
    }
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
    [ix, ix2] = [ix2, ix];
  }
  // Runs of one high word, in index order so far: ordered by low word, then index (a stable
  // insertion sort for the short runs there usually are, a comparison sort for long ones).
  let r = 0;
  while (r < m) {
    let e = r + 1;
    while (e < m && hi[e] === hi[r]) e++;
    if (e - r > 1) sortRun(lo, ix, r, e);
    r = e;
  }
  return ix;
}

/** Positions [from, to) ordered by `lo` (unsigned, ascending), ties by `ix` ascending. */
function sortRun(lo: Uint32Array, ix: Int32Array, from: number, to: number): void {
  if (to - from <= 32) {
    for (let i = from + 1; i < to; i++) {
      const l = lo[i]!;
      const x = ix[i]!;
      let j = i - 1;
      while (j >= from && (lo[j]! > l || (lo[j] === l && ix[j]! > x))) {
        lo[j + 1] = lo[j]!;
        ix[j + 1] = ix[j]!;
        j--;
      }
      lo[j + 1] = l;
      ix[j + 1] = x;
    }
    return;
  }
  const pairs = Array.from({ length: to - from }, (_, k) => ({ l: lo[from + k]!, x: ix[from + k]! }));
  pairs.sort((a, b) => a.l - b.l || a.x - b.x);
  pairs.forEach((p, k) => {
    lo[from + k] = p.l;
    ix[from + k] = p.x;
  });
}
