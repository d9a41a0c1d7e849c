/**
 * Describing the summary sheets: an overview (every unit × indicator) and one ranked
 * sheet per indicator and measure, with number formats, highlights, widths, frozen headers, an
 * Excel table and a chart. Pure data; the adapters write it.
 */
import { Labels, Lang, labels, resultName, sheetIndicator } from "./i18n";
import {
  Highlight,
  MAX_SHEET_NAME,
  FORMATS,
  OutputValue,
  SheetSpec,
  fitWords,
  legalSheetChars,
  legalSheetName,
  safeSheetSpec,
  sheetNameKey,
  sheetRows,
  withRows,
} from "./sheetSpec";
import { IndicatorResult, ResultColumns, Summary, nanToNull, gapAt, resultColumns } from "./results";
import { anyRowWithBoth, offPaceAt, resultKey, unitPaceAt } from "./results";
import { dayDateOfIso } from "./periods";

/** "30/6/2024" for an ISO day, as the sheets write days. */
const dayText = (iso: string): string => dayDateOfIso(iso)?.text ?? iso;
import { totalMismatchLines, unmatchedNote } from "./caveats";

export interface DescribeOptions {
  readonly lang?: Lang;
}

const { count: FMT_INT, decimal: FMT_DEC, rate: FMT_RATE, text: FMT_TEXT } = FORMATS;
const FMT_POINTS = "0.00";
const FMT_RANK = "0";

function indicatorName(r: Pick<IndicatorResult, "indicator" | "indicatorEn"> & Partial<Pick<IndicatorResult, "planPeriod">>, lang: Lang): string {
  return resultName(r, lang);
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
 * Which columns beyond plan vs actual a result has: growth (a previous sheet), goals, groups; and the
 * number formats of its count columns.
 */
interface Extras {
  readonly growth: boolean;
  readonly goal: boolean;
  readonly groups: boolean;
  /** Issue 19: an attainment result with a pace (still needed, each month, on pace). */
  readonly pace: boolean;
  /** Some unit judged on or off pace. */
  readonly paceJudged: boolean;
  readonly actualFormat: string;
  readonly denominatorFormat: string;
  readonly previousFormat: string;
}

/** Every figure of a column whole (or none): the column is formatted as whole numbers. */
function allWhole(xs: Float64Array | null): boolean {
  if (!xs) return true;
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i]!;
    if (v === v && !Number.isInteger(v)) return false;
  }
  return true;
}

function anyFigure(xs: Float64Array | null): boolean {
  if (!xs) return false;
  for (let i = 0; i < xs.length; i++) if (xs[i] === xs[i]) return true;
  return false;
}

/** One pass over each of a result's columns: which columns beyond plan vs actual it has, and its formats. */
function extrasOf(r: IndicatorResult): Extras {
  const seen = extrasSeen.get(r);
  if (seen) return seen;
  const c = resultColumns(r);
  const e: Extras = {
    growth: r.growth !== null || anyFigure(c.previous),
    goal: r.goal !== null || anyFigure(c.goal),
    groups: r.groups.length > 0,
    pace: r.measure === "attainment" && !!r.pace && !!c.pace,
    // Flows are judged unit by unit (a stock is not, without its start level).
    paceJudged: r.measure === "attainment" && !!r.pace && !!c.pace && c.pace.kind === "flow" && anyRowWithBoth(c),
    actualFormat: allWhole(c.actual) ? FMT_INT : FMT_DEC,
    denominatorFormat: allWhole(c.denominator) ? FMT_INT : FMT_DEC,
    previousFormat: allWhole(c.previous) ? FMT_INT : FMT_DEC,
  };
  extrasSeen.set(r, e);
  return e;
}
const extrasSeen = new WeakMap<IndicatorResult, Extras>();

/** A column's figure at a row, for a cell: null for none. */
const at = (xs: Float64Array | null, i: number): number | null => (xs ? nanToNull(xs[i]!) : null);

/**
 * For each unit of the summary (Summary.units order), its row in a result's columns (−1: not in
 * the result). The engine's columns name the summary's units by index; a result made by hand, by
 * name.
 */
function rowOfUnit(summary: Summary, c: ResultColumns): Int32Array {
  const rowOf = new Int32Array(summary.unitNames.length).fill(-1);
  if (c.names === summary.unitNames) {
    for (let i = 0; i < c.unit.length; i++) rowOf[c.unit[i]!] = i;
    return rowOf;
  }
  const position = new Map(summary.unitNames.map((name, k) => [name, k]));
  for (let i = 0; i < c.unit.length; i++) {
    const k = position.get(c.names[c.unit[i]!]!);
    if (k !== undefined) rowOf[k] = i;
  }
  return rowOf;
}

/** Lines a note row may grow to; past that the text is still whole in the cell (frozen rows must fit a screen). */
const NOTE_MAX_LINES = 8;
/** Characters of column width a note row is merged across (about a screen; the overview can be far wider). */
const NOTE_WIDTH = 110;

/**
 * The notes above the overview's table, when there is something to say: the units the area total
 * leaves out (not matched across the sheets), and the total-row cells that are not the sum of the
 * units, with both numbers. One row each; none when all is well, so the table keeps its rows.
 */
function overviewNotes(summary: Summary, lang: Lang): string[] {
  const notes: string[] = [];
  const unmatched = unmatchedNote(summary, lang);
  if (unmatched) notes.push(unmatched);
  const totals = totalMismatchLines(summary, lang);
  if (totals.length > 0) notes.push(totals.join("\n"));
  return notes;
}

/** A wrapped note's row height: its lines over the merged width, at most NOTE_MAX_LINES. */
function noteHeight(text: string, widthUnits: number): number {
  const perLine = Math.max(20, Math.floor(widthUnits * 1.05));
  let lines = 0;
  for (const line of text.split("\n")) lines += Math.max(1, Math.ceil(Array.from(line).length / perLine));
  return Math.round((Math.min(lines, NOTE_MAX_LINES) * 15.75 + 6) * 100) / 100;
}

function overview(summary: Summary, lang: Lang, totalLabel: string): SheetSpec {
  const L = labels(lang);
  const notes = overviewNotes(summary, lang);
  // The notes go right under the title; everything below moves down by their rows.
  const K = notes.length;
  const results = summary.results;
  const columns = results.map(resultColumns);
  const extras = results.map(extrasOf);
  // Per result, the row of each unit of the summary in its columns.
  const rowOf = columns.map((c) => rowOfUnit(summary, c));
  // Per result: actual, denominator, rate, rank, mark; then previous, growth; then goal, gap, to goal, mark.
  const widths = extras.map((e) => 5 + (e.growth ? 2 : 0) + (e.goal ? 4 : 0));
  const starts: number[] = [];
  let next = 2;
  for (const w of widths) {
    starts.push(next);
    next += w;
  }
  // Issue 18: a note per unit whose figures were summed from old units through the crosswalk.
  const mergedFrom = summary.crosswalk && summary.crosswalk.from.length > 0 ? summary.crosswalk.from : null;
  const noteCol = mergedFrom ? next : -1;
  const width = next + (mergedFrom ? 1 : 0);
  const anyGoal = extras.some((e) => e.goal);
  const LEGEND = 2 + K;
  const HEAD1 = 4 + K;
  const HEAD2 = 5 + K;
  const DATA = 6 + K;
  const head: OutputValue[][] = [];
  head.push([L.title]);
  for (const n of notes) head.push([n]);
  head.push([summary.average === "overall" ? L.averageOverall : L.averageMean]);
  // With goals there are two highlights: the legend says which colour is which.
  head.push([anyGoal ? L.legendBelowColour : L.legendBelow]);
  head.push(anyGoal ? [L.legendGoal] : []);
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
    if (e.goal) h2.push(L.goal, L.goalGap, toGoalLabel(r, L), L.belowGoal);
    merges.push({ row: HEAD1, col: starts[i]!, rows: 1, cols: widths[i]! });
  });
  if (mergedFrom) {
    h1.push(L.mergedNote);
    h2.push(null);
    merges.push({ row: HEAD1, col: noteCol, rows: 2, cols: 1 });
  }
  head.push(h1, h2);

  const nUnits = summary.unitNames.length;
  // The rows each result marks below the average / short of the goal.
  const belowRows = columns.map((c, i): number[] => {
    const rows: number[] = [];
    const own = rowOf[i]!;
    for (let k = 0; k < nUnits; k++) if (own[k]! >= 0 && c.belowAverage[own[k]!] === 1) rows.push(DATA + k);
    return rows;
  });
  const shortRows = columns.map((c, i): number[] => {
    const rows: number[] = [];
    const own = rowOf[i]!;
    if (c.belowGoal) for (let k = 0; k < nUnits; k++) if (own[k]! >= 0 && c.belowGoal[own[k]!] === 1) rows.push(DATA + k);
    return rows;
  });
  // A unit's row, made when the adapter writes it: each result's cells from its columns.
  const dataRow = (k: number): OutputValue[] => {
    const row = new Array<OutputValue>(width);
    row[0] = k + 1;
    row[1] = summary.unitNames[k]!;
    let col = 2;
    for (let i = 0; i < columns.length; i++) {
      const e = extras[i]!;
      const c = columns[i]!;
      const j = rowOf[i]![k]!;
      if (j < 0) {
        for (let w = 0; w < widths[i]!; w++) row[col++] = null;
        continue;
      }
      row[col++] = at(c.actual, j);
      row[col++] = at(c.denominator, j);
      row[col++] = at(c.ratio, j);
      row[col++] = c.rank[j]! === 0 ? null : c.rank[j]!;
      row[col++] = c.belowAverage[j] === 1 ? L.belowMark : null;
      if (e.growth) {
        row[col++] = at(c.previous, j);
        row[col++] = at(c.growth, j);
      }
      if (e.goal) {
        row[col++] = at(c.goal, j);
        row[col++] = points(at(c.goalGap, j));
        row[col++] = at(c.toGoal, j);
        row[col++] = c.belowGoal && c.belowGoal[j] === 1 ? L.belowGoalMark : null;
      }
    }
    if (mergedFrom) {
      const from = mergedFrom[k];
      const parts = from ? (["previous", "targets", "base"] as const).filter((r) => from[r]).map((r) => L.mergedFrom(r, from[r]!)) : [];
      row[noteCol] = parts.length > 0 ? parts.join("; ") : null;
    }
    return row;
  };
  const tail: OutputValue[][] = [];
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
  if (mergedFrom) {
    totalRow.push(null);
    avgRow.push(null);
  }
  tail.push(totalRow, avgRow);

  const columnFormats = [FMT_RANK, FMT_TEXT];
  extras.forEach((e) => {
    columnFormats.push(e.actualFormat, e.denominatorFormat, FMT_RATE, FMT_RANK, FMT_TEXT);
    if (e.growth) columnFormats.push(e.previousFormat, FMT_RATE);
    if (e.goal) columnFormats.push(FMT_RATE, FMT_POINTS, FMT_INT, FMT_TEXT);
  });
  if (mergedFrom) columnFormats.push(FMT_TEXT);
  const highlights: Highlight[] = [
    { style: "title", block: { row: 0, col: 0, rows: 1, cols: 1 }, rows: [0] },
    { style: "header", block: { row: HEAD1, col: 0, rows: 2, cols: width }, rows: [HEAD1, HEAD2] },
    { style: "total", block: { row: DATA + nUnits, col: 0, rows: 2, cols: width }, rows: [DATA + nUnits, DATA + nUnits + 1] },
  ];
  if (anyGoal) {
    // The legend lines wear the colours they explain.
    highlights.push({ style: "belowAverage", block: { row: LEGEND, col: 0, rows: 1, cols: 1 }, rows: [LEGEND] });
    highlights.push({ style: "belowGoal", block: { row: LEGEND + 1, col: 0, rows: 1, cols: 1 }, rows: [LEGEND + 1] });
  }
  results.forEach((_r, i) => {
    const c = starts[i]!;
    const e = extras[i]!;
    highlights.push({
      style: "belowAverage",
      block: { row: DATA, col: c, rows: nUnits, cols: 5 },
      rows: belowRows[i]!,
      mark: { col: c + 4, text: L.belowMark },
    });
    if (e.goal) {
      const g = c + 5 + (e.growth ? 2 : 0);
      highlights.push({
        style: "belowGoal",
        block: { row: DATA, col: g, rows: nUnits, cols: 4 },
        rows: shortRows[i]!,
        mark: { col: g + 3, text: L.belowGoalMark },
      });
    }
  });

  // The groups (I "Các quận", II "Các huyện" …): Σ/Σ per group, ranked, below-average marked.
  const groupOrder = summary.grouping?.groups ?? [];
  if (groupOrder.length > 0 && results.some((r) => r.groups.length > 0)) {
    // Sheet rows of what follows the units: the tail's rows come after the head and the units.
    const sheetRow = () => head.length + nUnits + tail.length;
    tail.push([]);
    const titleRow = sheetRow();
    const titleLine: OutputValue[] = [null, L.groupsTitle];
    results.forEach((r, i) =>
      titleLine.push(L.actual, L.denominator(r.denominatorKind), L.rate, L.rank, L.below, ...new Array<null>(widths[i]! - 5).fill(null)),
    );
    tail.push(titleLine);
    const first = sheetRow();
    const byGroup = results.map((r) => new Map(r.groups.map((g) => [g.group, g])));
    groupOrder.forEach((label, k) => {
      const row: OutputValue[] = [k + 1, label];
      byGroup.forEach((m, i) => {
        const g = m.get(label);
        row.push(
          g?.actual ?? null,
          g?.denominator ?? null,
          g?.ratio ?? null,
          g?.rank ?? null,
          g?.belowAverage ? L.belowMark : null,
          ...new Array<null>(widths[i]! - 5).fill(null),
        );
      });
      tail.push(row);
    });
    highlights.push({ style: "header", block: { row: titleRow, col: 0, rows: 1, cols: width }, rows: [titleRow] });
    results.forEach((_r, i) => {
      const c = starts[i]!;
      const m = byGroup[i]!;
      const rows = groupOrder.flatMap((label, k) => (m.get(label)?.belowAverage ? [first + k] : []));
      highlights.push({
        style: "belowAverage",
        block: { row: first, col: c, rows: groupOrder.length, cols: 5 },
        rows,
        mark: { col: c + 4, text: L.belowMark },
      });
    });
  }

  const columnWidths = [6, 26];
  extras.forEach((e) => {
    columnWidths.push(12, 12, 9, 7, 13);
    if (e.growth) columnWidths.push(12, 11);
    if (e.goal) columnWidths.push(9, 12, 12, 13);
  });
  if (mergedFrom) columnWidths.push(48);
  // Each note: merged over about a screen's width, wrapped, tall enough to read, in the warning colours.
  let noteCols = 0;
  let noteUnits = 0;
  while (noteCols < Math.max(2, width) && noteUnits < NOTE_WIDTH) noteUnits += columnWidths[noteCols++] ?? 10;
  const noteRows = notes.map((_n, i) => ({ row: 1 + i, col: 0, rows: 1, cols: noteCols }));
  merges.push(...noteRows);
  for (const r of noteRows) highlights.push({ style: "warning", block: { row: r.row, col: 0, rows: 1, cols: noteCols }, rows: [r.row] });
  return withRows(
    {
      key: "overview",
      kind: "overview",
      name: legalSheetName(L.overviewSheet),
      values: [],
      columnFormats,
      dataStart: DATA,
      width,
      columnWidths,
      cellFormats: [],
      merges,
      wrap: [...noteRows, { row: HEAD1, col: 0, rows: 2, cols: width }],
      freeze: { rows: DATA, columns: 2 },
      ...(K > 0 ? { rowHeights: notes.map((n, i) => ({ row: 1 + i, height: noteHeight(n, noteUnits) })) } : {}),
      highlights,
      table: null,
      chart: null,
    },
    sheetRows(head, nUnits, dataRow, tail),
  );
}

/** A difference of rates in percentage points (−0,017 → −1,7). */
function points(diff: number | null): number | null {
  return diff === null ? null : diff * 100;
}

/**
 * The ranked sheets' names: "Xếp hạng BHXH TN (KH)", "Rank Voluntary SI (coverage)". The
 * indicator is shortened by whole words to fit Excel's 31 characters with the measure kept
 * ("Rank Voluntary social insur (2)" named neither the indicator nor the measure); two that
 * come out the same are numbered before the measure ("Xếp hạng Thu nợ quá hạn 2 (KH)"). Only an
 * indicator whose first word alone is too long is cut, ending in "…". `taken`: names already
 * used (Excel's comparison, sheetNameKey), e.g. the overview's.
 */
export function rankedSheetNames(
  results: readonly (Pick<IndicatorResult, "indicatorKey" | "indicator" | "indicatorEn" | "measure"> & Partial<Pick<IndicatorResult, "planPeriod">>)[],
  lang: Lang,
  taken: readonly string[] = [],
): string[] {
  const L = labels(lang);
  const used = new Set(taken.map(sheetNameKey));
  return results.map((r) => {
    // An indicator with plans for several periods (issue 19): each sheet named by its period, "BHXH TN đợt 1".
    // Its period is kept whole, the indicator shortened before it: "Rank Voluntary SI phase 1 (plan)".
    const period = r.planPeriod ? legalSheetChars(r.planPeriod[lang]) : "";
    const periodRoom = period ? Array.from(period).length + 1 : 0;
    // The indicator made legal first, so that what is fitted is what is written.
    const ind = legalSheetChars(sheetIndicator(r.indicatorKey, lang === "en" ? r.indicatorEn : r.indicator, lang)) || "-";
    const room = MAX_SHEET_NAME - Array.from(L.rankedSheet("", r.measure)).length - (periodRoom < MAX_SHEET_NAME / 2 ? periodRoom : 0);
    const withPeriod = (s: string) => (period && periodRoom < MAX_SHEET_NAME / 2 ? `${s} ${period}` : s);
    const fitted = (max: number) =>
      withPeriod(
        fitWords(ind, max) ||
          Array.from(ind)
            .slice(0, Math.max(1, max - 1))
            .join("")
            .trimEnd() + "…",
      );
    let name = legalSheetName(L.rankedSheet(fitted(room), r.measure));
    for (let n = 2; used.has(sheetNameKey(name)); n++) name = legalSheetName(L.rankedSheet(`${fitted(room - String(n).length - 1)} ${n}`, r.measure));
    used.add(sheetNameKey(name));
    return name;
  });
}

/** "Số người cần vận động thêm" for the catalogue's indicators (people); for any other, what is still short in its own unit. */
function toGoalLabel(r: IndicatorResult, L: Labels): string {
  return r.indicatorKey.startsWith("custom:") ? L.toGoalOther : L.toGoal;
}

function ranked(summary: Summary, r: IndicatorResult, lang: Lang, index: number, name: string): SheetSpec {
  const L = labels(lang);
  const e = extrasOf(r);
  const HEAD = 4;
  const DATA = 5;
  const BASE = 9;
  // Issue 8's columns come after the nine of plan vs actual, so those keep their places.
  const goalCol = e.goal ? BASE + (e.growth ? 2 : 0) : -1;
  // Issue 19's columns last: still needed by the period's end, each month, on pace.
  const paceCol = e.pace ? BASE + (e.growth ? 2 : 0) + (e.goal ? 4 : 0) + (e.groups ? 2 : 0) : -1;
  const width = BASE + (e.growth ? 2 : 0) + (e.goal ? 4 : 0) + (e.groups ? 2 : 0) + (e.pace ? 3 : 0);
  const c = resultColumns(r);
  const head: OutputValue[][] = [];
  head.push([L.measureTitle(indicatorName(r, lang), r.measure)]);
  head.push([summary.average === "overall" ? L.averageOverall : L.averageMean, null, null, null, r.average]);
  const legendRow: OutputValue[] = [e.goal ? L.legendBelowColour : L.legendBelow];
  if (e.goal) {
    while (legendRow.length < goalCol) legendRow.push(null);
    legendRow.push(L.legendGoal);
  }
  if (e.paceJudged) {
    while (legendRow.length < paceCol) legendRow.push(null);
    legendRow.push(L.legendOffPace);
  }
  head.push(legendRow);
  head.push([L.rankMode(summary.rank)]);
  const header: OutputValue[] = [
    L.rank,
    L.unit,
    L.actual,
    L.denominator(r.denominatorKind),
    L.rate,
    L.gap(r.denominatorKind),
    L.vsAverage,
    L.below,
    L.averageShort,
  ];
  if (e.growth) header.push(L.previous, L.growth);
  if (e.goal) header.push(L.goal, L.goalGap, toGoalLabel(r, L), L.belowGoal);
  if (e.groups) header.push(L.group, L.groupRank);
  const pace = e.pace ? c.pace! : null;
  const judged = !!pace && pace.kind === "flow";
  if (pace) header.push(L.paceRemaining(dayText(r.pace!.periodEnd)), L.pacePerMonth, L.onPace);
  head.push(header);
  const n = c.order.length;
  const belowRows: number[] = [];
  const shortRows: number[] = [];
  const offPaceRows: number[] = [];
  for (let k = 0; k < n; k++) {
    const j = c.order[k]!;
    if (c.belowAverage[j] === 1) belowRows.push(DATA + k);
    if (c.belowGoal && c.belowGoal[j] === 1) shortRows.push(DATA + k);
    if (judged && offPaceAt(c, j)) offPaceRows.push(DATA + k);
  }
  const average = r.average;
  // The k-th unit in rank order, made when the adapter writes it.
  const dataRow = (k: number): OutputValue[] => {
    const j = c.order[k]!;
    const rate = at(c.ratio, j);
    const u = c.unit[j]!;
    const row: OutputValue[] = [
      c.rank[j]! === 0 ? null : c.rank[j]!,
      c.names[u]!,
      at(c.actual, j),
      at(c.denominator, j),
      rate,
      gapAt(c, j),
      rate !== null && average !== null ? (rate - average) * 100 : null,
      c.belowAverage[j] === 1 ? L.belowMark : null,
      average,
    ];
    if (e.growth) row.push(at(c.previous, j), at(c.growth, j));
    if (e.goal) row.push(at(c.goal, j), points(at(c.goalGap, j)), at(c.toGoal, j), c.belowGoal && c.belowGoal[j] === 1 ? L.belowGoalMark : null);
    if (e.groups) row.push(c.groupOf ? (c.groupOf[u] ?? null) : null, c.groupRank && c.groupRank[j] !== 0 ? c.groupRank[j]! : null);
    if (pace) {
      const p = unitPaceAt(c, j);
      row.push(p ? p.remaining : null, p ? p.perMonth : null, p?.onPace === false ? L.offPaceMark : p?.onPace === true ? L.onPaceMark : null);
    }
    return row;
  };
  const actualFmt = e.actualFormat;
  const denFmt = e.denominatorFormat;
  const key = `ranked:${resultKey(r)}`;
  const columnFormats = [
    FMT_RANK,
    FMT_TEXT,
    actualFmt,
    denFmt,
    FMT_RATE,
    denFmt === FMT_INT && actualFmt === FMT_INT ? FMT_INT : FMT_DEC,
    FMT_POINTS,
    FMT_TEXT,
    FMT_RATE,
  ];
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
  if (e.pace) {
    const whole = e.actualFormat === FMT_INT && e.denominatorFormat === FMT_INT ? FMT_INT : FMT_DEC;
    columnFormats.push(whole, FMT_INT, FMT_TEXT);
    columnWidths.push(16, 12, 13);
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
      { style: "belowGoal", block: { row: DATA, col: goalCol, rows: n, cols: 4 }, rows: shortRows, mark: { col: goalCol + 3, text: L.belowGoalMark } },
    );
  }
  // Units off pace, marked as units below the average are (issue 19).
  if (e.paceJudged) {
    highlights.push({
      style: "belowAverage",
      block: { row: DATA, col: paceCol, rows: n, cols: 3 },
      rows: offPaceRows,
      mark: { col: paceCol + 2, text: L.offPaceMark },
    });
  }
  return withRows(
    {
      key,
      kind: "ranked",
      name,
      values: [],
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
    },
    sheetRows(head, n, dataRow),
  );
}

/** All summary sheets for a summary: the overview first, then one ranked sheet per result. */
export function describeOutput(summary: Summary, options: DescribeOptions & { totalLabel?: string } = {}): SheetSpec[] {
  const lang = options.lang ?? "vi";
  const L = labels(lang);
  const sheets = [overview(summary, lang, options.totalLabel ?? summary.totalLabel ?? L.total)];
  const names = rankedSheetNames(summary.results, lang, [sheets[0]!.name]);
  summary.results.forEach((r, i) => sheets.push(ranked(summary, r, lang, i, names[i]!)));
  // Whatever the input, every cell written fits Excel: finite numbers, text within its limit.
  return sheets.map(safeSheetSpec);
}
