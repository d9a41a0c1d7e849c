/**
 * The history sheet ("Diễn biến", issue 19): each recalculation keeps a snapshot of its figures —
 * as-of date, unit, indicator, actual, target or base, rate — in a sheet of ours, and the sheet
 * shows the area rate and each unit's rate date by date, with a line chart of the area rate.
 *
 * The parts, each pure:
 *   snapshotOf(summary, asOf)   → this run's rows (every unit of every result, and the area's row)
 *   readHistory(grid)           → the rows kept by the sheet we wrote last time (warnings for what
 *                                 cannot be read: never a guessed figure)
 *   mergeHistory(prev, snap)    → a run for the same date replaces that date's rows, others kept
 *   describeHistory(rows, lang) → the sheet, whose block of kept rows readHistory reads back exactly
 *
 * The sheet itself is the store: nothing is kept anywhere else, so a planner who deletes a month's
 * rows from the block of kept rows deletes that month from the history.
 */
import { cellAddress, type CellValue, type SheetGrid } from "./grid";
import { labels, type Lang } from "./i18n";
import { said, type Message } from "./messages";
import type { HistoryField } from "./messages/history";
import { dayNumber, isoOfDayNumber, parseIsoDay } from "./periods";
import { parseDayText } from "./reportDate";
import { nanToNull, resultColumns, type Measure, type Summary } from "./results";
import { FORMATS, Highlight, OutputValue, SheetSpec, legalSheetName, safeSheetSpec } from "./sheetSpec";
import { foldText } from "./text";

/** One kept figure: a unit's (or the whole area's) result for one indicator and measure on one date. */
export interface HistoryRow {
  /** The as-of date of the run, ISO ("2024-04-30"). */
  readonly asOf: string;
  /** The unit's name, or the area's total label ("Toàn tỉnh") on the area's row. */
  readonly unit: string;
  /** The row of the area as a whole (Σ actual / Σ target over the units), not of one unit. */
  readonly area: boolean;
  /** The indicator's stable key (catalogue id or "custom:…") and its name as the run wrote it. */
  readonly indicatorKey: string;
  readonly indicator: string;
  readonly measure: Measure;
  readonly actual: number | null;
  /** The target (attainment) or the coverage base (coverage). */
  readonly denominator: number | null;
  readonly rate: number | null;
}

export interface HistoryReading {
  /** The rows read, sorted as mergeHistory sorts. */
  readonly rows: HistoryRow[];
  /** One per row left out: a cell that cannot be read, two rows that disagree; or the block not found. */
  readonly warnings: Message[];
  /** Whether the block of kept rows was found at all (a sheet without it is not a history of ours any more). */
  readonly found: boolean;
}

export interface SnapshotOptions {
  /** The language of the indicator names and of the area's label when the summary has no total row. */
  readonly lang?: Lang;
  /** The area's label on its rows; default the reference sheet's total label, else "Tổng cộng"/"Total". */
  readonly totalLabel?: string;
}

// ---------------------------------------------------------------------------------------------
// Words of the sheet (both languages are read back: a planner may switch the language between runs)

const WORDS = {
  vi: {
    sheet: "Diễn biến",
    title: "DIỄN BIẾN TỶ LỆ THỰC HIỆN CHỈ TIÊU",
    note: "Mỗi lần tính lại, số liệu của ngày báo cáo được ghi thêm vào bảng “Số liệu các lần tính” bên phải; tính lại cho cùng ngày thì số liệu của ngày đó được thay.",
    areaBlock: "Tỷ lệ toàn địa bàn theo ngày số liệu",
    unitBlock: "Tỷ lệ từng đơn vị theo ngày số liệu",
    keptBlock: "Số liệu các lần tính (lần tính sau đọc lại bảng này; xoá hàng nào thì mất số liệu đó)",
    chart: "Tỷ lệ toàn địa bàn theo ngày số liệu",
    header: ["Ngày số liệu", "Mã chỉ tiêu", "Chỉ tiêu", "Thước đo", "Cấp", "Đơn vị", "Thực hiện", "Kế hoạch / mẫu số", "Tỷ lệ"],
    level: { area: "Toàn địa bàn", unit: "Đơn vị" },
  },
  en: {
    // Excel reserves "History" as a sheet name (legalSheetName makes it "History-").
    sheet: "Trend",
    title: "TARGET ATTAINMENT OVER TIME",
    note: "Each recalculation adds the figures of its report date to the table “Figures of each run” on the right; a recalculation for the same date replaces that date's figures.",
    areaBlock: "Area rate by report date",
    unitBlock: "Each unit's rate by report date",
    keptBlock: "Figures of each run (read back by the next run; a row deleted here is gone from the history)",
    chart: "Area rate by report date",
    header: ["Date", "Indicator code", "Indicator", "Measure", "Level", "Unit", "Actual", "Target / base", "Rate"],
    level: { area: "Area", unit: "Unit" },
  },
} as const;

/** Columns of the block of kept rows, in order. */
const COL = { date: 0, key: 1, name: 2, measure: 3, level: 4, unit: 5, actual: 6, denominator: 7, rate: 8 } as const;
const KEPT_COLS = 9;

const FMT_DATE = "dd/mm/yyyy";
const { count: FMT_INT, decimal: FMT_DEC, rate: FMT_RATE, text: FMT_TEXT } = FORMATS;
const FMT_GENERAL = "General";

/** Rows and columns kept free for the chart beside the area block (xlsx/chart.ts draws 18 × 9; Excel's default is smaller). */
const CHART_ROWS = 20;
const CHART_COLS = 10;

/** Excel's day number of 1970-01-01 (its serials count from 1899-12-30). */
const EXCEL_EPOCH = 25569;
/** Serial 61 is 1900-03-01: below it Excel counts a 29 February 1900 that never was. */
const FIRST_SERIAL = 61;

/** An ISO day as Excel's date serial. */
export function excelSerialOf(iso: string): number {
  return dayNumber(iso) + EXCEL_EPOCH;
}

function isoOfSerial(n: number): string | null {
  if (!Number.isInteger(n) || n < FIRST_SERIAL) return null;
  const iso = isoOfDayNumber(n - EXCEL_EPOCH);
  return parseIsoDay(iso) ? iso : null;
}

/** "2024-04-30" → "30/04/2024", as the date headers of the unit block write it. */
function dayText(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** −0 as 0 and what is not a finite number as no figure: what a cell can hold and give back. */
function finite(v: number | null): number | null {
  return v === null || !Number.isFinite(v) ? null : v === 0 ? 0 : v;
}

// ---------------------------------------------------------------------------------------------
// Order

const collator = new Intl.Collator("vi", { numeric: true, sensitivity: "variant" });

const codepoints = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** By date, then indicator (key, attainment before coverage), then the area's row, then unit. */
export function compareHistoryRows(a: HistoryRow, b: HistoryRow): number {
  return (
    codepoints(a.asOf, b.asOf) ||
    codepoints(a.indicatorKey, b.indicatorKey) ||
    codepoints(a.measure, b.measure) ||
    (a.area === b.area ? 0 : a.area ? -1 : 1) ||
    collator.compare(a.unit, b.unit) ||
    codepoints(a.unit, b.unit)
  );
}

/** What makes a row the same figure in another run's rows: date, indicator, measure, level, unit. */
function identity(r: HistoryRow): string {
  return JSON.stringify([r.asOf, r.indicatorKey, r.measure, r.area, r.unit]);
}

function sameRow(a: HistoryRow, b: HistoryRow): boolean {
  return a.indicator === b.indicator && a.actual === b.actual && a.denominator === b.denominator && a.rate === b.rate;
}

// ---------------------------------------------------------------------------------------------
// snapshotOf

/**
 * This run's rows: for every result, one row for the area as a whole (Σ actual, Σ target or base
 * over the units with both, and the rate between them) and one per unit, in sheet order.
 */
export function snapshotOf(summary: Summary, asOf: string, options: SnapshotOptions = {}): HistoryRow[] {
  if (!parseIsoDay(asOf)) throw new RangeError(`snapshotOf: "${asOf}" is not an ISO day`);
  const lang = options.lang ?? "vi";
  const totalLabel = options.totalLabel ?? summary.totalLabel ?? labels(lang).total;
  const rows: HistoryRow[] = [];
  for (const r of summary.results) {
    const c = resultColumns(r);
    // A second target of another period (a phase beside the year) is its own series: its key
    // carries the period, its name the period's words ("BHXH TN đợt 1").
    const name = lang === "en" ? r.indicatorEn : r.indicator;
    const base = {
      asOf,
      indicatorKey: r.variant ? `${r.indicatorKey}@${r.variant}` : r.indicatorKey,
      indicator: r.planPeriod ? `${name} ${r.planPeriod[lang]}` : name,
      measure: r.measure,
    } as const;
    // Totals of no unit at all are no figure, not a zero.
    let counted = 0;
    for (let i = 0; i < c.actual.length; i++) if (c.actual[i] === c.actual[i] && c.denominator[i] === c.denominator[i]) counted++;
    rows.push({
      ...base,
      unit: totalLabel,
      area: true,
      actual: counted > 0 ? finite(r.actualTotal) : null,
      denominator: counted > 0 ? finite(r.denominatorTotal) : null,
      rate: finite(r.overall),
    });
    for (let i = 0; i < c.unit.length; i++) {
      rows.push({
        ...base,
        unit: c.names[c.unit[i]!]!,
        area: false,
        actual: finite(nanToNull(c.actual[i]!)),
        denominator: finite(nanToNull(c.denominator[i]!)),
        rate: finite(nanToNull(c.ratio[i]!)),
      });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// mergeHistory

/**
 * The history after a run: every date the snapshot has replaces all the previous rows of that date
 * (units no longer present too), every other date is kept as it was; sorted (compareHistoryRows).
 * A snapshot with no rows changes nothing.
 */
export function mergeHistory(previous: readonly HistoryRow[], snapshot: readonly HistoryRow[]): HistoryRow[] {
  const dates = new Set(snapshot.map((r) => r.asOf));
  return [...previous.filter((r) => !dates.has(r.asOf)), ...snapshot].sort(compareHistoryRows);
}

// ---------------------------------------------------------------------------------------------
// readHistory

const blank = (v: CellValue | undefined): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

const folded = (v: CellValue | undefined): string => (typeof v === "string" ? foldText(v).replace(/\s+/g, " ").trim() : "");

const HEADERS = (["vi", "en"] as const).map((l) => WORDS[l].header.map((h) => foldText(h)));

const MEASURES = new Map<string, Measure>();
const LEVELS = new Map<string, boolean>();
for (const l of ["vi", "en"] as const) {
  MEASURES.set(foldText(labels(l).measureShort("attainment")), "attainment");
  MEASURES.set(foldText(labels(l).measureShort("coverage")), "coverage");
  LEVELS.set(foldText(WORDS[l].level.area), true);
  LEVELS.set(foldText(WORDS[l].level.unit), false);
}
MEASURES.set("attainment", "attainment");
MEASURES.set("coverage", "coverage");

/** The header row of the block of kept rows: its row and first column, or null. */
function findKeptHeader(values: SheetGrid["values"]): { row: number; col: number } | null {
  for (let r = 0; r < values.length; r++) {
    const row = values[r]!;
    for (let c = 0; c + KEPT_COLS <= row.length; c++) {
      const first = folded(row[c]);
      if (first === "") continue;
      for (const h of HEADERS) if (first === h[0] && h.every((word, k) => folded(row[c + k]) === word)) return { row: r, col: c };
    }
  }
  return null;
}

function asText(v: CellValue | undefined): string {
  return v === null || v === undefined ? "" : String(v);
}

type Cell<T> = { ok: true; value: T } | { ok: false };

function readDate(v: CellValue | undefined): Cell<string> {
  if (typeof v === "number") {
    const iso = isoOfSerial(v);
    return iso ? { ok: true, value: iso } : { ok: false };
  }
  if (typeof v === "string") {
    const t = v.trim();
    if (parseIsoDay(t)) return { ok: true, value: t };
    const d = parseDayText(t);
    if (d) return { ok: true, value: `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}` };
  }
  return { ok: false };
}

function readFigure(v: CellValue | undefined): Cell<number | null> {
  if (blank(v)) return { ok: true, value: null };
  if (typeof v === "number" && Number.isFinite(v)) return { ok: true, value: v === 0 ? 0 : v };
  return { ok: false };
}

/**
 * The rows kept by a history sheet as describeHistory wrote it. The block is found by its header
 * (either language), wherever it is; below it every row is read to the end of the grid: blank rows
 * are passed over, the order does not matter (a planner may sort the table). A row with a cell
 * that cannot be read is left out with a warning naming the cell; two rows for the same date,
 * indicator and unit that disagree are both left out (one that repeats the other is kept once).
 */
export function readHistory(grid: SheetGrid): HistoryReading {
  const values = grid.values;
  const head = findKeptHeader(values);
  if (!head) return { rows: [], warnings: [said("history-not-found", {}, { sheet: grid.name })], found: false };
  const origin = grid.origin ?? { row: 0, col: 0 };
  const where = (r: number, c: number) => ({ sheet: grid.name, cell: cellAddress(origin.row + r, origin.col + c) });
  const warnings: Message[] = [];
  const rows: HistoryRow[] = [];
  // By identity: the row index kept (or null once two rows disagreed) and its sheet row.
  const seen = new Map<string, { index: number | null; row: number }>();
  for (let r = head.row + 1; r < values.length; r++) {
    const line = values[r] ?? [];
    const cells = Array.from({ length: KEPT_COLS }, (_v, k) => line[head.col + k]);
    if (cells.every(blank)) continue;
    const fail = (field: HistoryField, col: number): void => {
      warnings.push(said("history-cell-unreadable", { field, value: asText(cells[col]).trim() }, where(r, head.col + col)));
    };
    const date = readDate(cells[COL.date]);
    if (!date.ok) {
      fail("date", COL.date);
      continue;
    }
    const key = typeof cells[COL.key] === "string" ? (cells[COL.key] as string).trim() : "";
    if (key === "") {
      fail("indicator", COL.key);
      continue;
    }
    const name = cells[COL.name];
    const measure = MEASURES.get(folded(cells[COL.measure]));
    if (!measure) {
      fail("measure", COL.measure);
      continue;
    }
    const area = LEVELS.get(folded(cells[COL.level]));
    if (area === undefined) {
      fail("level", COL.level);
      continue;
    }
    const unit = typeof cells[COL.unit] === "string" ? (cells[COL.unit] as string).trim() : "";
    if (unit === "") {
      fail("unit", COL.unit);
      continue;
    }
    const figures = [COL.actual, COL.denominator, COL.rate].map((k) => ({ k, cell: readFigure(cells[k]) }));
    const bad = figures.find((f) => !f.cell.ok);
    if (bad) {
      fail("figure", bad.k);
      continue;
    }
    const [actual, denominator, rate] = figures.map((f) => (f.cell.ok ? f.cell.value : null));
    const row: HistoryRow = {
      asOf: date.value,
      unit,
      area,
      indicatorKey: key,
      indicator: blank(name) ? "" : asText(name).trim(),
      measure,
      actual: actual!,
      denominator: denominator!,
      rate: rate!,
    };
    const id = identity(row);
    const before = seen.get(id);
    if (!before) {
      seen.set(id, { index: rows.length, row: r });
      rows.push(row);
      continue;
    }
    // The same row twice (a copy, a paste) is one figure; two figures for one date are neither.
    if (before.index !== null && sameRow(rows[before.index]!, row)) continue;
    warnings.push(
      said(
        "history-row-conflict",
        { asOf: row.asOf, indicator: row.indicator || row.indicatorKey, unit: row.unit, firstRow: origin.row + before.row + 1 },
        where(r, head.col + COL.date),
      ),
    );
    before.index = null;
  }
  const conflicted = new Set([...seen.values()].filter((s) => s.index === null).map((s) => s.row));
  const kept = rows.filter((row) => !conflicted.has(seen.get(identity(row))!.row));
  return { rows: kept.sort(compareHistoryRows), warnings, found: true };
}

// ---------------------------------------------------------------------------------------------
// describeHistory

/** One line of the chart and one column of the area block: an indicator and measure. */
interface Series {
  readonly key: string;
  readonly indicatorKey: string;
  readonly measure: Measure;
  /** The name the latest date gives it. */
  name: string;
}

/** The history sheet's name in a language (legal for Excel as it is). */
export function historySheetName(lang: Lang): string {
  return legalSheetName(WORDS[lang].sheet);
}

/**
 * The history sheet: the area rate by date (one row per date, one column per indicator and
 * measure) with a line chart of it beside; below, each unit's rate by date (per indicator and
 * measure: the area's row, then the units; dates across); on the right, the block of kept rows
 * (an Excel table) that readHistory reads back. The blocks are side by side rather than one
 * under the other so that each column holds one kind of figure (a date, a rate, a count) and
 * keeps one number format.
 */
export function describeHistory(rows: readonly HistoryRow[], lang: Lang = "vi"): SheetSpec {
  const W = WORDS[lang];
  const L = labels(lang);
  const sorted = [...rows].sort(compareHistoryRows);
  const dates = [...new Set(sorted.map((r) => r.asOf))];
  const dateIndex = new Map(dates.map((d, i) => [d, i]));
  const series: Series[] = [];
  const seriesOf = new Map<string, Series>();
  for (const r of sorted) {
    const key = JSON.stringify([r.indicatorKey, r.measure]);
    let s = seriesOf.get(key);
    if (!s) {
      s = { key, indicatorKey: r.indicatorKey, measure: r.measure, name: r.indicator };
      seriesOf.set(key, s);
      series.push(s);
    }
    // Sorted by date: the last name seen is the latest run's.
    if (r.indicator !== "") s.name = r.indicator;
  }
  series.sort((a, b) => codepoints(a.indicatorKey, b.indicatorKey) || codepoints(a.measure, b.measure));
  const label = (s: Series) => `${s.name || s.indicatorKey} — ${L.measureShort(s.measure)}`;

  const out: OutputValue[][] = [];
  const put = (r: number, c: number, v: OutputValue) => {
    while (out.length <= r) out.push([]);
    const row = out[r]!;
    while (row.length < c) row.push(null);
    row[c] = v;
  };
  const highlights: Highlight[] = [];
  const paint = (style: Highlight["style"], row: number, col: number, cols: number) =>
    highlights.push({ style, block: { row, col, rows: 1, cols }, rows: [row] });

  put(0, 0, W.title);
  put(1, 0, W.note);
  paint("title", 0, 0, 1);

  // The area block: dates down, one column per series.
  const A = 3;
  const AREA_HEAD = A + 1;
  const AREA_DATA = A + 2;
  const areaWidth = 1 + series.length;
  put(A, 0, W.areaBlock);
  put(AREA_HEAD, 0, W.header[COL.date]);
  series.forEach((s, j) => put(AREA_HEAD, 1 + j, label(s)));
  paint("header", A, 0, 1);
  paint("header", AREA_HEAD, 0, areaWidth);
  dates.forEach((d, i) => {
    put(AREA_DATA + i, 0, excelSerialOf(d));
    for (let j = 0; j < series.length; j++) put(AREA_DATA + i, 1 + j, null);
  });
  // Per series, per unit (the area first), the rate on each date.
  const byUnit = series.map(() => new Map<string, { area: boolean; unit: string; rates: (number | null)[] }>());
  for (const r of sorted) {
    const j = series.indexOf(seriesOf.get(JSON.stringify([r.indicatorKey, r.measure]))!);
    const i = dateIndex.get(r.asOf)!;
    if (r.area) put(AREA_DATA + i, 1 + j, r.rate);
    const id = JSON.stringify([r.area, r.unit]);
    let u = byUnit[j]!.get(id);
    if (!u) {
      u = { area: r.area, unit: r.unit, rates: dates.map(() => null) };
      byUnit[j]!.set(id, u);
    }
    u.rates[i] = r.rate;
  }

  // The chart beside the area block; the unit block starts below both.
  const chartCol = areaWidth + 1;
  const B = Math.max(AREA_DATA + dates.length, A + CHART_ROWS) + 1;
  const unitWidth = 1 + dates.length;
  put(B, 0, W.unitBlock);
  paint("header", B, 0, 1);
  let r = B + 1;
  series.forEach((s, j) => {
    put(r, 0, label(s));
    dates.forEach((d, i) => put(r, 1 + i, dayText(d)));
    paint("header", r, 0, unitWidth);
    r++;
    const units = [...byUnit[j]!.values()].sort((a, b) =>
      a.area === b.area ? collator.compare(a.unit, b.unit) || codepoints(a.unit, b.unit) : a.area ? -1 : 1,
    );
    for (const u of units) {
      put(r, 0, u.unit);
      u.rates.forEach((v, i) => put(r, 1 + i, v));
      if (u.area) paint("total", r, 0, unitWidth);
      r++;
    }
    r++;
  });

  // The kept rows, on the right of everything else.
  const C = Math.max(chartCol + CHART_COLS, unitWidth + 1);
  const KEPT_HEAD = A + 1;
  put(A, C, W.keptBlock);
  paint("header", A, C, 1);
  W.header.forEach((h, k) => put(KEPT_HEAD, C + k, h));
  paint("header", KEPT_HEAD, C, KEPT_COLS);
  sorted.forEach((x, k) => {
    const row = KEPT_HEAD + 1 + k;
    put(row, C + COL.date, excelSerialOf(x.asOf));
    put(row, C + COL.key, x.indicatorKey);
    put(row, C + COL.name, x.indicator);
    put(row, C + COL.measure, L.measureShort(x.measure));
    put(row, C + COL.level, x.area ? W.level.area : W.level.unit);
    put(row, C + COL.unit, x.unit);
    put(row, C + COL.actual, x.actual);
    put(row, C + COL.denominator, x.denominator);
    put(row, C + COL.rate, x.rate);
  });

  const width = C + KEPT_COLS;
  const whole = (f: (x: HistoryRow) => number | null) =>
    sorted.every((x) => {
      const v = f(x);
      return v === null || Number.isInteger(v);
    });
  const columnFormats: string[] = [];
  const columnWidths: number[] = [];
  for (let c = 0; c < width; c++) {
    if (c === 0) {
      columnFormats.push(FMT_DATE);
      columnWidths.push(28);
    } else if (c < Math.max(areaWidth, unitWidth)) {
      columnFormats.push(FMT_RATE);
      columnWidths.push(c < areaWidth ? 16 : 11);
    } else if (c < C) {
      columnFormats.push(FMT_GENERAL);
      columnWidths.push(c === C - 1 ? 3 : 9);
    } else {
      const k = c - C;
      columnFormats.push(
        k === COL.date
          ? FMT_DATE
          : k === COL.actual
            ? whole((x) => x.actual)
              ? FMT_INT
              : FMT_DEC
            : k === COL.denominator
              ? whole((x) => x.denominator)
                ? FMT_INT
                : FMT_DEC
              : k === COL.rate
                ? FMT_RATE
                : FMT_TEXT,
      );
      columnWidths.push([12, 14, 28, 10, 13, 26, 12, 14, 9][k]!);
    }
  }

  return safeSheetSpec({
    key: "history",
    kind: "history",
    name: historySheetName(lang),
    values: out,
    columnFormats,
    dataStart: A,
    cellFormats: [],
    width,
    columnWidths,
    merges: [],
    wrap: [{ row: AREA_HEAD, col: 0, rows: 1, cols: areaWidth }],
    freeze: { rows: 0, columns: 0 },
    highlights,
    table: { range: { row: KEPT_HEAD, col: C, rows: sorted.length + 1, cols: KEPT_COLS }, name: "ChiTieu_DienBien" },
    chart:
      dates.length > 0 && series.length > 0
        ? {
            title: W.chart,
            categories: { row: AREA_DATA, col: 0, rows: dates.length, cols: 1 },
            // The first line also stands as `bars`, for a reader that knows only bar charts.
            bars: { name: label(series[0]!), values: { row: AREA_DATA, col: 1, rows: dates.length, cols: 1 } },
            line: null,
            lines: series.map((s, j) => ({ name: label(s), values: { row: AREA_DATA, col: 1 + j, rows: dates.length, cols: 1 } })),
            anchor: { row: A, col: chartCol },
          }
        : null,
  });
}
