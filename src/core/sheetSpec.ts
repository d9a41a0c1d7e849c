/**
 * Output sheets described as data: what to write, how to format it, what to highlight. The
 * adapters (Office.js, exceljs) turn a SheetSpec into a sheet; the core never knows which.
 * Values are numbers, text or null (empty) — never formulas: adapters write text as text.
 */
import { RangeRef } from "./grid";

export type OutputValue = string | number | null;

/** Highlight styles; the colours live here so every adapter paints the same. */
/** `warning`: a note the planner must read before the figures (units left out of the totals). */
export type HighlightStyle = "belowAverage" | "belowGoal" | "header" | "total" | "title" | "warning";

export const STYLE_COLOURS: Record<HighlightStyle, { readonly fill: string | null; readonly font: string; readonly bold: boolean }> = {
  belowAverage: { fill: "#FCE4D6", font: "#9C0006", bold: false },
  belowGoal: { fill: "#FFF2CC", font: "#7F6000", bold: false },
  header: { fill: "#DDEBF7", font: "#1F3864", bold: true },
  total: { fill: "#EDEDED", font: "#000000", bold: true },
  title: { fill: null, font: "#1F3864", bold: true },
  warning: { fill: "#FFEB9C", font: "#9C0006", bold: true },
};

/**
 * A block of cells painted in one style. `rows` lists the sheet rows (0-based) inside `block`
 * that get it; when `mark` is given, those are exactly the rows whose cell in `mark.col` holds
 * `mark.text`, so an adapter may paint with one conditional format instead of cell by cell.
 */
export interface Highlight {
  readonly style: HighlightStyle;
  readonly block: RangeRef;
  readonly rows: readonly number[];
  readonly mark?: { readonly col: number; readonly text: string };
}

export interface ChartSpec {
  readonly title: string;
  /** Category labels (unit names), one column. */
  readonly categories: RangeRef;
  /** The rate per unit (bars) and the average (a line), one column each, same rows. */
  readonly bars: { readonly name: string; readonly values: RangeRef };
  readonly line: { readonly name: string; readonly values: RangeRef } | null;
  /** Where to place it: top-left cell. */
  readonly anchor: { readonly row: number; readonly col: number };
}

export type SheetKind = "overview" | "ranked" | "commentary";

export interface SheetSpec {
  /** Stable identity across runs ("overview", "ranked:bhyt:coverage"). */
  readonly key: string;
  readonly kind: SheetKind;
  /** Wanted name, already legal for Excel (≤ 31 characters, none of : \ / ? * [ ]). */
  readonly name: string;
  /**
   * Row-major values starting at A1; rows may be shorter than `width`. For a large sheet these
   * are made when first read: adapters should take them block by block through `rowsOf(spec)`.
   */
  readonly values: readonly (readonly OutputValue[])[];
  /** Number format per column of the data block, applied to rows [dataStart, values.length). */
  readonly columnFormats: readonly string[];
  readonly dataStart: number;
  /** Formats for single cells outside the data block (an average in a title row). */
  readonly cellFormats: readonly { readonly row: number; readonly col: number; readonly format: string }[];
  readonly width: number;
  readonly columnWidths: readonly number[];
  readonly merges: readonly RangeRef[];
  /** Cells whose text wraps (long headers, paragraphs). */
  readonly wrap: readonly RangeRef[];
  readonly freeze: { readonly rows: number; readonly columns: number };
  readonly highlights: readonly Highlight[];
  /** An Excel table (filter buttons) over header + data, when the layout allows one. */
  readonly table: { readonly range: RangeRef; readonly name: string } | null;
  readonly chart: ChartSpec | null;
  /**
   * Data columns whose every cell follows from other cells of the sheet (the average repeated for
   * the chart line, the difference to the average). `values` holds them too; an adapter where
   * payload counts (Office.js) may write one R1C1 formula per column instead. (Neither adapter
   * does yet: both write the values.)
   */
  readonly derived: readonly { readonly col: number; readonly r1c1: string }[];
  /** Short legend lines shown on the sheet (already in `values`), kept for the UI. */
  readonly legend: readonly string[];
  /**
   * Row heights in points (0-based rows), where the content needs them: Excel fits no row to the
   * wrapped text of a merged cell (the commentary's paragraphs). Optional: absent means automatic.
   */
  readonly rowHeights?: readonly { readonly row: number; readonly height: number }[];
}

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_TEXT = 32767;

/**
 * A value Excel can hold: a number that is finite (else the cell is left empty), text of at most
 * MAX_CELL_TEXT characters (longer text is cut, ending in "…", never split inside a character).
 */
export function cellSafe(v: OutputValue): OutputValue {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string" || v.length <= MAX_CELL_TEXT) return v;
  let cut = v.slice(0, MAX_CELL_TEXT - 1);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + "…";
}

/**
 * A sheet's rows made on demand. A province of 10,000 units × 8 indicators is about 2 million
 * output cells: held as one array per row they cost more time and memory than computing the
 * results. The engine describes the data rows as a function of its result columns; an adapter
 * takes them block by block as it writes (Office.js writes in request-sized blocks anyway), and
 * `SheetSpec.values` makes them all only when something reads it.
 */
export interface SheetRows {
  /** Number of rows, from row 0 (A1). */
  readonly count: number;
  /** Rows [start, end) as fresh arrays, every cell cellSafe. */
  slice(start: number, end: number): OutputValue[][];
}

/** Every cell of a row made cellSafe, in place (a check per cell; a copy almost never). */
function safeRowInPlace(row: OutputValue[]): OutputValue[] {
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v === "number" ? !Number.isFinite(v) : typeof v === "string" && v.length > MAX_CELL_TEXT) row[c] = cellSafe(v!);
  }
  return row;
}

/**
 * Rows: fixed ones above (titles, headers), `dataCount` data rows made by `dataRow(k)` (a fresh
 * array each call), fixed ones below (totals, groups).
 */
export function sheetRows(
  head: readonly (readonly OutputValue[])[],
  dataCount: number,
  dataRow: (k: number) => OutputValue[],
  tail: readonly (readonly OutputValue[])[] = [],
): SheetRows {
  const count = head.length + dataCount + tail.length;
  return {
    count,
    slice(start, end) {
      const from = Math.max(0, start);
      const to = Math.min(count, end);
      const out: OutputValue[][] = [];
      for (let r = from; r < to; r++) {
        if (r < head.length) out.push(safeRowInPlace(head[r]!.slice()));
        else if (r < head.length + dataCount) out.push(safeRowInPlace(dataRow(r - head.length)));
        else out.push(safeRowInPlace(tail[r - head.length - dataCount]!.slice()));
      }
      return out;
    },
  };
}

const rowSources = new WeakMap<SheetSpec, SheetRows>();

/**
 * A SheetSpec whose `values` come from `rows`: made (and kept) the first time they are read, so
 * the spec is still a plain SheetSpec to whatever reads `values`, while `rowsOf` gives adapters
 * the rows block by block without making them all. `fields` gives the other fields, in order
 * (its `values` is a placeholder).
 */
export function withRows(fields: SheetSpec, rows: SheetRows): SheetSpec {
  const spec = {} as Record<string, unknown>;
  let made: OutputValue[][] | null = null;
  for (const [k, v] of Object.entries(fields)) {
    if (k === "values") {
      Object.defineProperty(spec, "values", { enumerable: true, configurable: false, get: () => (made ??= rows.slice(0, rows.count)) });
    } else spec[k] = v;
  }
  const out = spec as unknown as SheetSpec;
  rowSources.set(out, rows);
  return out;
}

/** A sheet's rows, block by block: its own source, or its `values`. */
export function rowsOf(spec: SheetSpec): SheetRows {
  const own = rowSources.get(spec);
  if (own) return own;
  const values = spec.values;
  return { count: values.length, slice: (start, end) => values.slice(Math.max(0, start), Math.min(values.length, end)).map((row) => safeRowInPlace(row.slice())) };
}

/** The same sheet with every value made cellSafe. */
export function safeSheetSpec(spec: SheetSpec): SheetSpec {
  // Rows from a source are made safe as they are made.
  if (rowSources.has(spec)) return spec;
  // Copy only the rows with a cell to change (nearly always none): the values of a large
  // province are over a million cells.
  let values: (readonly OutputValue[])[] | null = null;
  for (let r = 0; r < spec.values.length; r++) {
    const row = spec.values[r]!;
    let changed = false;
    for (let c = 0; c < row.length && !changed; c++) {
      // cellSafe(v) !== v, without the call: a number that is not finite, or text too long.
      const v = row[c];
      changed = typeof v === "number" ? !Number.isFinite(v) : typeof v === "string" && v.length > MAX_CELL_TEXT;
    }
    if (!changed) continue;
    values ??= spec.values.slice();
    values[r] = row.map(cellSafe);
  }
  return { ...spec, values: values ?? spec.values };
}

/** Characters Excel forbids in sheet names. */
const ILLEGAL = /[:\\/?*[\]]/g;

/** A legal sheet name: illegal characters replaced, no leading/trailing apostrophe, ≤ 31 characters. */
export function legalSheetName(name: string): string {
  let s = name
    .replace(ILLEGAL, "-")
    .replace(/^'+|'+$/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (s === "") s = "Sheet";
  if (s.toLowerCase() === "history") s = "History-";
  // Cut to 31 characters (never inside one), then again no apostrophe or space at the end.
  return (
    Array.from(s)
      .slice(0, 31)
      .join("")
      .replace(/['\s]+$/, "") || "Sheet"
  );
}

/**
 * Final names for the summary sheets given the sheets already in the workbook: a name held by a
 * sheet of the user's is never taken (the summary gets " (2)", " (3)" …); a name held by one of
 * our own earlier summary sheets is reused, since that sheet is being replaced.
 */
export function planSheetNames(wanted: readonly string[], existing: readonly { readonly name: string; readonly ours: boolean }[]): string[] {
  const userNames = new Set(existing.filter((s) => !s.ours).map((s) => s.name.toLowerCase()));
  const used = new Set<string>();
  return wanted.map((w) => {
    const base = legalSheetName(w);
    let name = base;
    for (let n = 2; userNames.has(name.toLowerCase()) || used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name =
        Array.from(base)
          .slice(0, 31 - suffix.length)
          .join("") + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}
