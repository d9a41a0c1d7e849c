/**
 * Step 6 — describe the summary sheets: an overview (every unit × indicator) and one ranked
 * sheet per indicator and measure, with number formats, highlights, widths, frozen headers, an
 * Excel table and a chart. Pure data; the adapters write it.
 */
import { Lang, labels, shortIndicator } from "./i18n";
import { Highlight, OutputValue, SheetSpec, legalSheetName, safeSheetSpec } from "./sheetSpec";
import { IndicatorResult, Summary, UnitResult } from "./summarize";

export interface DescribeOptions {
  readonly lang?: Lang;
}

const FMT_INT = "#,##0";
const FMT_DEC = "#,##0.00";
const FMT_RATE = "0.00%";
const FMT_POINTS = "0.00";
const FMT_RANK = "0";
const FMT_TEXT = "@";

function indicatorName(r: IndicatorResult, lang: Lang): string {
  return lang === "en" ? r.indicatorEn : r.indicator;
}

/** Rows (0-based) as contiguous runs, for painting and for tests. */
export function runsOf(rows: readonly number[]): { start: number; count: number }[] {
  const sorted = [...rows].sort((a, b) => a - b);
  const runs: { start: number; count: number }[] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.count === r) last.count++;
    else runs.push({ start: r, count: 1 });
  }
  return runs;
}

/**
 * Which of issue 8's columns a result has: growth (a previous sheet), goals, groups; and the
 * number formats of its count columns.
 */
interface Extras {
  readonly growth: boolean;
  readonly goal: boolean;
  readonly groups: boolean;
  readonly actualFormat: string;
  readonly denominatorFormat: string;
  readonly previousFormat: string;
}

/** A count column is formatted as whole numbers when every figure in it is whole (or empty). */
const wholeOrNull = (v: number | null) => v === null || Number.isInteger(v);

function extrasOf(r: IndicatorResult): Extras {
  return extrasSeen.get(r) ?? scanUnits(r, null, 0).extras;
}

/**
 * One pass over a result's units: its Extras (remembered for extrasOf) and, given the overview's
 * row of each unit name (and its number of rows), the units placed at their rows. Asked for by the overview and by the
 * result's own sheet: a large province has a million unit results, lying in memory in another
 * order than the rank order they are listed in, so each pass over them costs.
 */
function scanUnits(r: IndicatorResult, position: ReadonlyMap<string, number> | null, rows: number): { extras: Extras; at: (UnitResult | undefined)[] } {
  const at = new Array<UnitResult | undefined>(rows);
  let e = extrasSeen.get(r);
  if (e && position) {
    for (const u of r.units) {
      const k = position.get(u.unit);
      if (k !== undefined) at[k] = u;
    }
  } else if (!e) {
    let previous = false;
    let goal = false;
    let actualWhole = true;
    let denominatorWhole = true;
    let previousWhole = true;
    for (const u of r.units) {
      if (position) {
        const k = position.get(u.unit);
        if (k !== undefined) at[k] = u;
      }
      if (u.previous !== null) previous = true;
      if (u.goal !== null) goal = true;
      if (actualWhole && !wholeOrNull(u.actual)) actualWhole = false;
      if (denominatorWhole && !wholeOrNull(u.denominator)) denominatorWhole = false;
      if (previousWhole && !wholeOrNull(u.previous)) previousWhole = false;
    }
    e = {
      growth: r.growth !== null || previous,
      goal: r.goal !== null || goal,
      groups: r.groups.length > 0,
      actualFormat: actualWhole ? FMT_INT : FMT_DEC,
      denominatorFormat: denominatorWhole ? FMT_INT : FMT_DEC,
      previousFormat: previousWhole ? FMT_INT : FMT_DEC,
    };
    extrasSeen.set(r, e);
  }
  return { extras: e, at };
}
const extrasSeen = new WeakMap<IndicatorResult, Extras>();

function overview(summary: Summary, lang: Lang, totalLabel: string): SheetSpec {
  const L = labels(lang);
  const results = summary.results;
  // Units in the reference order: each result's units placed by the position of their name (one
  // lookup per unit and result, then plain indexing), in the pass that finds the result's Extras.
  const position = new Map(summary.units.map((name, k) => [name, k]));
  const scans = results.map((r) => scanUnits(r, position, summary.units.length));
  const extras = scans.map((x) => x.extras);
  const byUnit = scans.map((x) => x.at);
  // Per result: actual, denominator, rate, rank, mark; then previous, growth; then goal, gap, to goal, mark.
  const widths = extras.map((e) => 5 + (e.growth ? 2 : 0) + (e.goal ? 4 : 0));
  const starts: number[] = [];
  let next = 2;
  for (const w of widths) {
    starts.push(next);
    next += w;
  }
  const width = next;
  const anyGoal = extras.some((e) => e.goal);
  const HEAD1 = 4;
  const HEAD2 = 5;
  const DATA = 6;
  const values: OutputValue[][] = [];
  values.push([L.title]);
  values.push([summary.average === "overall" ? L.averageOverall : L.averageMean]);
  // With goals there are two highlights: the legend says which colour is which.
  values.push([anyGoal ? L.legendBelowColour : L.legendBelow]);
  values.push(anyGoal ? [L.legendGoal] : []);
  const h1: OutputValue[] = [L.stt, L.unit];
  const h2: OutputValue[] = [null, null];
  const merges = [
    { row: 0, col: 0, rows: 1, cols: Math.max(2, width) },
    { row: HEAD1, col: 0, rows: 2, cols: 1 },
    { row: HEAD1, col: 1, rows: 2, cols: 1 },
  ];
  results.forEach((r, i) => {
    const e = extras[i]!;
    h1.push(`${indicatorName(r, lang)} — ${L.measureShort(r.measure)}`, ...new Array<null>(widths[i]! - 1).fill(null));
    h2.push(L.actual, L.denominator(r.denominatorKind), L.rate, L.rank, L.below);
    if (e.growth) h2.push(L.previous, L.growth);
    if (e.goal) h2.push(L.goal, L.goalGap, L.toGoal, L.belowGoal);
    merges.push({ row: HEAD1, col: starts[i]!, rows: 1, cols: widths[i]! });
  });
  values.push(h1, h2);

  // The rows each result marks below the average / short of the goal, gathered while the units
  // are read for their rows rather than in another pass over them.
  const belowRows = results.map((): number[] => []);
  const shortRows = results.map((): number[] => []);
  summary.units.forEach((name, k) => {
    // Each row made at its final width and filled in place: rows grown by push keep spare room,
    // which a province of 100,000 units pays for in memory.
    const row = new Array<OutputValue>(width);
    row[0] = k + 1;
    row[1] = name;
    let c = 2;
    for (let i = 0; i < byUnit.length; i++) {
      const e = extras[i]!;
      const u = byUnit[i]![k];
      row[c++] = u?.actual ?? null;
      row[c++] = u?.denominator ?? null;
      row[c++] = u?.ratio ?? null;
      row[c++] = u?.rank ?? null;
      row[c++] = u?.belowAverage ? L.belowMark : null;
      if (u?.belowAverage) belowRows[i]!.push(DATA + k);
      if (u?.belowGoal) shortRows[i]!.push(DATA + k);
      if (e.growth) {
        row[c++] = u?.previous ?? null;
        row[c++] = u?.growth ?? null;
      }
      if (e.goal) {
        row[c++] = u?.goal ?? null;
        row[c++] = points(u?.goalGap ?? null);
        row[c++] = u?.toGoal ?? null;
        row[c++] = u?.belowGoal ? L.belowGoalMark : null;
      }
    }
    values.push(row);
  });
  const totalRow: OutputValue[] = [null, totalLabel];
  const avgRow: OutputValue[] = [null, L.averageRow];
  results.forEach((r, i) => {
    const e = extras[i]!;
    totalRow.push(r.actualTotal, r.denominatorTotal, r.overall, null, null);
    avgRow.push(null, null, r.average, null, null);
    if (e.growth) {
      totalRow.push(r.previousTotal, r.growth);
      avgRow.push(null, null);
    }
    if (e.goal) {
      totalRow.push(r.goal, points(r.goalGap), r.toGoal, r.toGoal !== null && r.toGoal > 0 ? L.belowGoalMark : null);
      avgRow.push(null, null, null, null);
    }
  });
  values.push(totalRow, avgRow);

  const columnFormats = [FMT_RANK, FMT_TEXT];
  extras.forEach((e) => {
    columnFormats.push(e.actualFormat, e.denominatorFormat, FMT_RATE, FMT_RANK, FMT_TEXT);
    if (e.growth) columnFormats.push(e.previousFormat, FMT_RATE);
    if (e.goal) columnFormats.push(FMT_RATE, FMT_POINTS, FMT_INT, FMT_TEXT);
  });
  const nUnits = summary.units.length;
  const highlights: Highlight[] = [
    { style: "title", block: { row: 0, col: 0, rows: 1, cols: 1 }, rows: [0] },
    { style: "header", block: { row: HEAD1, col: 0, rows: 2, cols: width }, rows: [HEAD1, HEAD2] },
    { style: "total", block: { row: DATA + nUnits, col: 0, rows: 2, cols: width }, rows: [DATA + nUnits, DATA + nUnits + 1] },
  ];
  if (anyGoal) {
    // The legend lines wear the colours they explain.
    highlights.push({ style: "belowAverage", block: { row: 2, col: 0, rows: 1, cols: 1 }, rows: [2] });
    highlights.push({ style: "belowGoal", block: { row: 3, col: 0, rows: 1, cols: 1 }, rows: [3] });
  }
  results.forEach((_r, i) => {
    const c = starts[i]!;
    const e = extras[i]!;
    highlights.push({ style: "belowAverage", block: { row: DATA, col: c, rows: nUnits, cols: 5 }, rows: belowRows[i]!, mark: { col: c + 4, text: L.belowMark } });
    if (e.goal) {
      const g = c + 5 + (e.growth ? 2 : 0);
      highlights.push({ style: "belowGoal", block: { row: DATA, col: g, rows: nUnits, cols: 4 }, rows: shortRows[i]!, mark: { col: g + 3, text: L.belowGoalMark } });
    }
  });

  // The groups (I "Các quận", II "Các huyện" …): Σ/Σ per group, ranked, below-average marked.
  const groupOrder = summary.grouping?.groups ?? [];
  if (groupOrder.length > 0 && results.some((r) => r.groups.length > 0)) {
    values.push([]);
    const titleRow = values.length;
    const titleLine: OutputValue[] = [null, L.groupsTitle];
    results.forEach((r, i) => titleLine.push(L.actual, L.denominator(r.denominatorKind), L.rate, L.rank, L.below, ...new Array<null>(widths[i]! - 5).fill(null)));
    values.push(titleLine);
    const first = values.length;
    const byGroup = results.map((r) => new Map(r.groups.map((g) => [g.group, g])));
    groupOrder.forEach((label, k) => {
      const row: OutputValue[] = [k + 1, label];
      byGroup.forEach((m, i) => {
        const g = m.get(label);
        row.push(g?.actual ?? null, g?.denominator ?? null, g?.ratio ?? null, g?.rank ?? null, g?.belowAverage ? L.belowMark : null, ...new Array<null>(widths[i]! - 5).fill(null));
      });
      values.push(row);
    });
    highlights.push({ style: "header", block: { row: titleRow, col: 0, rows: 1, cols: width }, rows: [titleRow] });
    results.forEach((_r, i) => {
      const c = starts[i]!;
      const m = byGroup[i]!;
      const rows = groupOrder.flatMap((label, k) => (m.get(label)?.belowAverage ? [first + k] : []));
      highlights.push({ style: "belowAverage", block: { row: first, col: c, rows: groupOrder.length, cols: 5 }, rows, mark: { col: c + 4, text: L.belowMark } });
    });
  }

  const columnWidths = [6, 26];
  extras.forEach((e) => {
    columnWidths.push(12, 12, 9, 7, 13);
    if (e.growth) columnWidths.push(12, 11);
    if (e.goal) columnWidths.push(9, 12, 12, 13);
  });
  return {
    key: "overview",
    kind: "overview",
    name: legalSheetName(L.overviewSheet),
    values,
    columnFormats,
    dataStart: DATA,
    width,
    columnWidths,
    cellFormats: [],
    merges,
    wrap: [{ row: HEAD1, col: 0, rows: 2, cols: width }],
    freeze: { rows: DATA, columns: 2 },
    highlights,
    table: null,
    chart: null,
    derived: [],
    legend: anyGoal ? [L.legendBelowColour, L.legendGoal] : [L.legendBelow],
  };
}

/** A difference of rates in percentage points (−0,017 → −1,7). */
function points(diff: number | null): number | null {
  return diff === null ? null : diff * 100;
}

function ranked(summary: Summary, r: IndicatorResult, lang: Lang, index: number): SheetSpec {
  const L = labels(lang);
  const e = extrasOf(r);
  const HEAD = 4;
  const DATA = 5;
  const BASE = 9;
  // Issue 8's columns come after the nine of plan vs actual, so those keep their places.
  const goalCol = e.goal ? BASE + (e.growth ? 2 : 0) : -1;
  const width = BASE + (e.growth ? 2 : 0) + (e.goal ? 4 : 0) + (e.groups ? 2 : 0);
  const values: OutputValue[][] = [];
  values.push([L.measureTitle(indicatorName(r, lang), r.measure)]);
  values.push([summary.average === "overall" ? L.averageOverall : L.averageMean, null, null, null, r.average]);
  const legendRow: OutputValue[] = [e.goal ? L.legendBelowColour : L.legendBelow];
  if (e.goal) {
    while (legendRow.length < goalCol) legendRow.push(null);
    legendRow.push(L.legendGoal);
  }
  values.push(legendRow);
  values.push([L.rankMode(summary.rank)]);
  const header: OutputValue[] = [L.rank, L.unit, L.actual, L.denominator(r.denominatorKind), L.rate, L.gap(r.denominatorKind), L.vsAverage, L.below, L.averageShort];
  if (e.growth) header.push(L.previous, L.growth);
  if (e.goal) header.push(L.goal, L.goalGap, L.toGoal, L.belowGoal);
  if (e.groups) header.push(L.group, L.groupRank);
  values.push(header);
  const belowRows: number[] = [];
  const shortRows: number[] = [];
  for (let k = 0; k < r.units.length; k++) {
    const u = r.units[k]!;
    // Marked rows gathered here, while the unit is at hand, rather than in passes of their own.
    if (u.belowAverage) belowRows.push(DATA + k);
    if (u.belowGoal) shortRows.push(DATA + k);
    const row: OutputValue[] = [
      u.rank,
      u.unit,
      u.actual,
      u.denominator,
      u.ratio,
      u.gap,
      u.ratio !== null && r.average !== null ? (u.ratio - r.average) * 100 : null,
      u.belowAverage ? L.belowMark : null,
      r.average,
    ];
    if (e.growth) row.push(u.previous, u.growth);
    if (e.goal) row.push(u.goal, points(u.goalGap), u.toGoal, u.belowGoal ? L.belowGoalMark : null);
    if (e.groups) row.push(u.group, u.groupRank);
    values.push(row);
  }
  const n = r.units.length;
  const actualFmt = e.actualFormat;
  const denFmt = e.denominatorFormat;
  const key = `ranked:${r.indicatorKey}:${r.measure}`;
  const columnFormats = [FMT_RANK, FMT_TEXT, actualFmt, denFmt, FMT_RATE, denFmt === FMT_INT && actualFmt === FMT_INT ? FMT_INT : FMT_DEC, FMT_POINTS, FMT_TEXT, FMT_RATE];
  const columnWidths = [7, 26, 12, 12, 9, 14, 12, 13, 11];
  if (e.growth) {
    columnFormats.push(e.previousFormat, FMT_RATE);
    columnWidths.push(12, 11);
  }
  if (e.goal) {
    columnFormats.push(FMT_RATE, FMT_POINTS, FMT_INT, FMT_TEXT);
    columnWidths.push(9, 12, 12, 13);
  }
  if (e.groups) {
    columnFormats.push(FMT_TEXT, FMT_RANK);
    columnWidths.push(22, 9);
  }
  const highlights: Highlight[] = [
    { style: "title", block: { row: 0, col: 0, rows: 1, cols: 1 }, rows: [0] },
    { style: "header", block: { row: HEAD, col: 0, rows: 1, cols: width }, rows: [HEAD] },
    { style: "belowAverage", block: { row: DATA, col: 0, rows: n, cols: 8 }, rows: belowRows, mark: { col: 7, text: L.belowMark } },
  ];
  if (e.goal) {
    highlights.push(
      { style: "belowAverage", block: { row: 2, col: 0, rows: 1, cols: 1 }, rows: [2] },
      { style: "belowGoal", block: { row: 2, col: goalCol, rows: 1, cols: 1 }, rows: [2] },
      {
        style: "belowGoal",
        block: { row: DATA, col: goalCol, rows: n, cols: 4 },
        rows: shortRows,
        mark: { col: goalCol + 3, text: L.belowGoalMark },
      },
    );
  }
  return {
    key,
    kind: "ranked",
    name: legalSheetName(L.rankedSheet(shortIndicator(indicatorName(r, lang)), r.measure)),
    values,
    columnFormats,
    dataStart: DATA,
    width,
    columnWidths,
    cellFormats: [{ row: 1, col: 4, format: FMT_RATE }],
    merges: [],
    wrap: [{ row: HEAD, col: 0, rows: 1, cols: width }],
    freeze: { rows: DATA, columns: 0 },
    highlights,
    table: n > 0 ? { range: { row: HEAD, col: 0, rows: n + 1, cols: width }, name: `ChiTieu_${index + 1}` } : null,
    chart:
      n > 0
        ? {
            title: L.measureTitle(indicatorName(r, lang), r.measure),
            categories: { row: DATA, col: 1, rows: n, cols: 1 },
            bars: { name: L.rate, values: { row: DATA, col: 4, rows: n, cols: 1 } },
            line: r.average === null ? null : { name: L.averageShort, values: { row: DATA, col: 8, rows: n, cols: 1 } },
            anchor: { row: HEAD, col: width + 1 },
          }
        : null,
    // The average sits in E2 (row 1, col 4): the difference and the repeated average follow from it.
    derived:
      r.average === null
        ? []
        : [
            { col: 6, r1c1: "=IF(ISNUMBER(RC[-2]),(RC[-2]-R2C5)*100,\"\")" },
            { col: 8, r1c1: "=R2C5" },
          ],
    legend: e.goal ? [L.legendBelowColour, L.legendGoal] : [L.legendBelow],
  };
}

/** All summary sheets for a summary: the overview first, then one ranked sheet per result. */
export function describeOutput(summary: Summary, options: DescribeOptions & { totalLabel?: string } = {}): SheetSpec[] {
  const lang = options.lang ?? "vi";
  const L = labels(lang);
  const sheets = [overview(summary, lang, options.totalLabel ?? summary.totalLabel ?? L.total)];
  summary.results.forEach((r, i) => sheets.push(ranked(summary, r, lang, i)));
  // Whatever the input, every cell written fits Excel: finite numbers, text within its limit.
  return sheets.map(safeSheetSpec);
}
