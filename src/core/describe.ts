/**
 * Step 6 — describe the summary sheets: an overview (every unit × indicator) and one ranked
 * sheet per indicator and measure, with number formats, highlights, widths, frozen headers, an
 * Excel table and a chart. Pure data; the adapters write it.
 */
import { Lang, labels, shortIndicator } from "./i18n";
import { Highlight, OutputValue, SheetSpec, legalSheetName } from "./sheetSpec";
import { IndicatorResult, Summary } from "./summarize";

export interface DescribeOptions {
  readonly lang?: Lang;
}

const FMT_INT = "#,##0";
const FMT_DEC = "#,##0.00";
const FMT_RATE = "0.00%";
const FMT_POINTS = "0.00";
const FMT_RANK = "0";
const FMT_TEXT = "@";

function countFormat(values: readonly (number | null)[]): string {
  return values.every((v) => v === null || Number.isInteger(v)) ? FMT_INT : FMT_DEC;
}

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

function overview(summary: Summary, lang: Lang, totalLabel: string): SheetSpec {
  const L = labels(lang);
  const results = summary.results;
  const per = 5; // actual, denominator, rate, rank, mark
  const width = 2 + per * results.length;
  const HEAD1 = 4;
  const HEAD2 = 5;
  const DATA = 6;
  const values: OutputValue[][] = [];
  values.push([L.title]);
  values.push([summary.average === "overall" ? L.averageOverall : L.averageMean]);
  values.push([L.legendBelow]);
  values.push([]);
  const h1: OutputValue[] = [L.stt, L.unit];
  const h2: OutputValue[] = [null, null];
  const merges = [
    { row: 0, col: 0, rows: 1, cols: Math.max(2, width) },
    { row: HEAD1, col: 0, rows: 2, cols: 1 },
    { row: HEAD1, col: 1, rows: 2, cols: 1 },
  ];
  results.forEach((r, i) => {
    const c = 2 + i * per;
    h1.push(`${indicatorName(r, lang)} — ${L.measureShort(r.measure)}`, null, null, null, null);
    h2.push(L.actual, L.denominator(r.denominatorKind), L.rate, L.rank, L.below);
    merges.push({ row: HEAD1, col: c, rows: 1, cols: per });
  });
  values.push(h1, h2);

  // Units in the reference order; each result's units looked up by name.
  const byUnit = results.map((r) => new Map(r.units.map((u) => [u.unit, u])));
  summary.units.forEach((name, k) => {
    const row: OutputValue[] = [k + 1, name];
    byUnit.forEach((m) => {
      const u = m.get(name);
      row.push(u?.actual ?? null, u?.denominator ?? null, u?.ratio ?? null, u?.rank ?? null, u?.belowAverage ? L.belowMark : null);
    });
    values.push(row);
  });
  const totalRow: OutputValue[] = [null, totalLabel];
  const avgRow: OutputValue[] = [null, L.averageRow];
  results.forEach((r) => {
    totalRow.push(r.actualTotal, r.denominatorTotal, r.overall, null, null);
    avgRow.push(null, null, r.average, null, null);
  });
  values.push(totalRow, avgRow);

  const columnFormats = [FMT_RANK, FMT_TEXT];
  results.forEach((r) => {
    columnFormats.push(
      countFormat(r.units.map((u) => u.actual)),
      countFormat(r.units.map((u) => u.denominator)),
      FMT_RATE,
      FMT_RANK,
      FMT_TEXT,
    );
  });
  const nUnits = summary.units.length;
  const highlights: Highlight[] = [
    { style: "title", block: { row: 0, col: 0, rows: 1, cols: 1 }, rows: [0] },
    { style: "header", block: { row: HEAD1, col: 0, rows: 2, cols: width }, rows: [HEAD1, HEAD2] },
    { style: "total", block: { row: DATA + nUnits, col: 0, rows: 2, cols: width }, rows: [DATA + nUnits, DATA + nUnits + 1] },
  ];
  results.forEach((_r, i) => {
    const c = 2 + i * per;
    const below = byUnit[i]!;
    const rows = summary.units.flatMap((name, k) => (below.get(name)?.belowAverage ? [DATA + k] : []));
    highlights.push({ style: "belowAverage", block: { row: DATA, col: c, rows: nUnits, cols: per }, rows, mark: { col: c + 4, text: L.belowMark } });
  });
  const columnWidths = [6, 26];
  for (let i = 0; i < results.length; i++) columnWidths.push(12, 12, 9, 7, 13);
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
    legend: [L.legendBelow],
  };
}

function ranked(summary: Summary, r: IndicatorResult, lang: Lang, index: number): SheetSpec {
  const L = labels(lang);
  const HEAD = 4;
  const DATA = 5;
  const values: OutputValue[][] = [];
  values.push([L.measureTitle(indicatorName(r, lang), r.measure)]);
  values.push([summary.average === "overall" ? L.averageOverall : L.averageMean, null, null, null, r.average]);
  values.push([L.legendBelow]);
  values.push([L.rankMode(summary.rank)]);
  values.push([L.rank, L.unit, L.actual, L.denominator(r.denominatorKind), L.rate, L.gap(r.denominatorKind), L.vsAverage, L.below, L.averageShort]);
  for (const u of r.units) {
    values.push([
      u.rank,
      u.unit,
      u.actual,
      u.denominator,
      u.ratio,
      u.gap,
      u.ratio !== null && r.average !== null ? (u.ratio - r.average) * 100 : null,
      u.belowAverage ? L.belowMark : null,
      r.average,
    ]);
  }
  const width = 9;
  const n = r.units.length;
  const belowRows = r.units.flatMap((u, k) => (u.belowAverage ? [DATA + k] : []));
  const actualFmt = countFormat(r.units.map((u) => u.actual));
  const denFmt = countFormat(r.units.map((u) => u.denominator));
  const key = `ranked:${r.indicatorKey}:${r.measure}`;
  return {
    key,
    kind: "ranked",
    name: legalSheetName(L.rankedSheet(shortIndicator(indicatorName(r, lang)), r.measure)),
    values,
    columnFormats: [FMT_RANK, FMT_TEXT, actualFmt, denFmt, FMT_RATE, denFmt === FMT_INT && actualFmt === FMT_INT ? FMT_INT : FMT_DEC, FMT_POINTS, FMT_TEXT, FMT_RATE],
    dataStart: DATA,
    width,
    columnWidths: [7, 26, 12, 12, 9, 14, 12, 13, 11],
    cellFormats: [{ row: 1, col: 4, format: FMT_RATE }],
    merges: [],
    wrap: [{ row: HEAD, col: 0, rows: 1, cols: width }],
    freeze: { rows: DATA, columns: 0 },
    highlights: [
      { style: "title", block: { row: 0, col: 0, rows: 1, cols: 1 }, rows: [0] },
      { style: "header", block: { row: HEAD, col: 0, rows: 1, cols: width }, rows: [HEAD] },
      { style: "belowAverage", block: { row: DATA, col: 0, rows: n, cols: 8 }, rows: belowRows, mark: { col: 7, text: L.belowMark } },
    ],
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
    legend: [L.legendBelow],
  };
}

/** All summary sheets for a summary: the overview first, then one ranked sheet per result. */
export function describeOutput(summary: Summary, options: DescribeOptions & { totalLabel?: string } = {}): SheetSpec[] {
  const lang = options.lang ?? "vi";
  const L = labels(lang);
  const sheets = [overview(summary, lang, options.totalLabel ?? summary.totalLabel ?? L.total)];
  summary.results.forEach((r, i) => sheets.push(ranked(summary, r, lang, i)));
  return sheets;
}
