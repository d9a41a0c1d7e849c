/**
 * Output sheets described as data: what to write, how to format it, what to highlight. The
 * adapters (Office.js, exceljs) turn a SheetSpec into a sheet; the core never knows which.
 * Values are numbers, text or null (empty) — never formulas: adapters write text as text.
 */
import { RangeRef } from "./grid";

export type OutputValue = string | number | null;

/** Highlight styles; the colours live here so every adapter paints the same. */
export type HighlightStyle = "belowAverage" | "belowGoal" | "header" | "total" | "title";

export const STYLE_COLOURS: Record<HighlightStyle, { readonly fill: string | null; readonly font: string; readonly bold: boolean }> = {
  belowAverage: { fill: "#FCE4D6", font: "#9C0006", bold: false },
  belowGoal: { fill: "#FFF2CC", font: "#7F6000", bold: false },
  header: { fill: "#DDEBF7", font: "#1F3864", bold: true },
  total: { fill: "#EDEDED", font: "#000000", bold: true },
  title: { fill: null, font: "#1F3864", bold: true },
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
  /** Row-major values starting at A1; rows may be shorter than `width`. */
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

/** The same sheet with every value made cellSafe. */
export function safeSheetSpec(spec: SheetSpec): SheetSpec {
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
  let s = name.replace(ILLEGAL, "-").replace(/^'+|'+$/g, "").replace(/\s+/g, " ").trim();
  if (s === "") s = "Sheet";
  if (s.toLowerCase() === "history") s = "History-";
  // Cut to 31 characters (never inside one), then again no apostrophe or space at the end.
  return Array.from(s).slice(0, 31).join("").replace(/['\s]+$/, "") || "Sheet";
}

/**
 * Final names for the summary sheets given the sheets already in the workbook: a name held by a
 * sheet of the user's is never taken (the summary gets " (2)", " (3)" …); a name held by one of
 * our own earlier summary sheets is reused, since that sheet is being replaced.
 */
export function planSheetNames(
  wanted: readonly string[],
  existing: readonly { readonly name: string; readonly ours: boolean }[],
): string[] {
  const userNames = new Set(existing.filter((s) => !s.ours).map((s) => s.name.toLowerCase()));
  const used = new Set<string>();
  return wanted.map((w) => {
    const base = legalSheetName(w);
    let name = base;
    for (let n = 2; userNames.has(name.toLowerCase()) || used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = Array.from(base).slice(0, 31 - suffix.length).join("") + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}
