/**
 * Groups of units: group rows (I "Các quận", II "Các huyện") or a parent column ("Huyện" beside
 * each commune) put units into groups. A group's rate is Σ actual / Σ denominator over its units
 * (its own subtotal row is only a check, never counted), the groups are ranked among themselves
 * and compared with the area's average, and each unit is also ranked within its group.
 */
import { isBelow, ratio as ratioOf, totals } from "./measures";
import { RankMode, rankDescending } from "./rank";
import { foldText } from "./text";

export interface GroupResult {
  readonly group: string;
  /** Σ over the group's units that have both figures. */
  readonly actual: number;
  readonly denominator: number;
  readonly ratio: number | null;
  readonly rank: number | null;
  readonly belowAverage: boolean;
  /** How many of the group's units are in the result. */
  readonly unitCount: number;
}

// Headers of a column that names each unit's parent unit, in a commune-level sheet.
const PARENT_HEADER =
  /^(huyen|quan|thi xa|thanh pho|tinh)([ ,/-]+(huyen|quan|thi xa|thanh pho))*$|^(don vi cap tren|cap tren|thuoc (huyen|quan|tinh|don vi)|district|parent( unit)?)\b/;
// Headers of a column that gives each unit's category (for goals by category).
const CATEGORY_HEADER = /^(loai xa|loai don vi|loai dia ban|loai|phan loai|xep loai|nhom( xa| don vi)?|category|unit category|type)\b/;

function lastPart(header: string): string {
  const parts = header.split(" / ");
  return parts[parts.length - 1] ?? header;
}

export function isParentHeader(header: string): boolean {
  return PARENT_HEADER.test(foldText(lastPart(header))) || PARENT_HEADER.test(foldText(header));
}

export function isCategoryHeader(header: string): boolean {
  return CATEGORY_HEADER.test(foldText(lastPart(header))) || CATEGORY_HEADER.test(foldText(header));
}

/** True when a header as written matches the one the user named (--group-by, --category). */
export function sameHeader(header: string, named: string): boolean {
  const f = foldText(named);
  return f !== "" && (foldText(header) === f || foldText(lastPart(header)) === f);
}

export interface GroupedRow {
  readonly actual: number | null;
  readonly denominator: number | null;
  readonly ratio: number | null;
  readonly group: string | null;
}

/**
 * Per group (in `order`, groups with no row in the result left out): Σ/Σ, rank among the groups,
 * below the average; per row: its rank within its group. Groups come back in rank order
 * (those with no rate last, in `order`).
 */
export function groupResults(
  rows: readonly GroupedRow[],
  order: readonly string[],
  average: number | null,
  mode: RankMode,
): { groups: GroupResult[]; groupRanks: (number | null)[] } {
  // Each group's row indices, in one pass (not a pass over every row per group).
  const indicesOf = new Map<string, number[]>();
  rows.forEach((r, i) => {
    if (r.group === null) return;
    const list = indicesOf.get(r.group);
    if (list) list.push(i);
    else indicesOf.set(r.group, [i]);
  });
  const present = order.filter((g) => indicesOf.has(g));
  const sums = present.map((g) => {
    const members = indicesOf.get(g)!.map((i) => rows[i]!);
    const t = totals(members);
    return {
      group: g,
      actual: t.actual,
      denominator: t.denominator,
      ratio: t.counted > 0 ? ratioOf(t.actual, t.denominator) : null,
      unitCount: members.length,
    };
  });
  const ranks = rankDescending(
    sums.map((s) => s.ratio),
    mode,
  );
  const groups: GroupResult[] = sums.map((s, i) => ({ ...s, rank: ranks[i]!, belowAverage: isBelow(s.ratio, average) }));
  const groupRanks: (number | null)[] = rows.map(() => null);
  for (const g of present) {
    const idx = indicesOf.get(g)!;
    const rk = rankDescending(
      idx.map((i) => rows[i]!.ratio),
      mode,
    );
    idx.forEach((i, k) => (groupRanks[i] = rk[k]!));
  }
  const sorted = groups
    .map((g, i) => ({ g, i }))
    .sort((a, b) => {
      if (a.g.rank === null && b.g.rank === null) return a.i - b.i;
      if (a.g.rank === null) return 1;
      if (b.g.rank === null) return -1;
      return a.g.rank - b.g.rank || a.i - b.i;
    })
    .map((x) => x.g);
  return { groups: sorted, groupRanks };
}
