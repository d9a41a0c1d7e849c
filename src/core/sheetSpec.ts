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

/** One series of a chart: its name (the legend's) and its values, one column. */
export interface ChartSeries {
  readonly name: string;
  readonly values: RangeRef;
}

export interface ChartSpec {
  readonly title: string;
  /** Category labels (unit names; the dates of a chart of lines), one column. */
  readonly categories: RangeRef;
  /** The rate per unit (bars) and the average (a line), one column each, same rows. */
  readonly bars: ChartSeries;
  readonly line: ChartSeries | null;
  /** Where to place it: top-left cell. */
  readonly anchor: { readonly row: number; readonly col: number };
  /**
   * A chart of lines only (the history sheet: the area rate by date, one line per indicator), with
   * a marker on each point so that a single date shows. When given and not empty, writers draw
   * these over `categories` instead of `bars` and `line`; `bars` is then the first of them and
   * `line` null, so that whatever reads only `bars` still finds a series to check or draw.
   */
  readonly lines?: readonly ChartSeries[];
}

/** Whether a chart is one of lines only (ChartSpec.lines). */
export function isLineChart(chart: ChartSpec): chart is ChartSpec & { readonly lines: readonly ChartSeries[] } {
  return chart.lines !== undefined && chart.lines.length > 0;
}

/** `history`: the "Diễn biến" sheet (history.ts), kept across runs. */
export type SheetKind = "overview" | "ranked" | "commentary" | "history";

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
   * Row heights in points (0-based rows), where the content needs them: Excel fits no row to the
   * wrapped text of a merged cell (the commentary's paragraphs). Optional: absent means automatic.
   */
  readonly rowHeights?: readonly { readonly row: number; readonly height: number }[];
}

/** The number formats our sheets use, one spelling for every sheet (describe.ts, history.ts). */
export const FORMATS = { count: "#,##0", decimal: "#,##0.00", rate: "0.00%", text: "@" } as const;

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
  return {
    count: values.length,
    slice: (start, end) => values.slice(Math.max(0, start), Math.min(values.length, end)).map((row) => safeRowInPlace(row.slice())),
  };
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

/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME = 31;

const length = (s: string): number => Array.from(s).length;

/**
 * Vietnamese writes a word's syllables apart ("bảo hiểm", "tham gia"): the words of indicator
 * headers that a cut must not split, longest first ("bảo hiểm xã hội" before "bảo hiểm").
 */
const VI_WORDS = new RegExp(
  `(?<!\\p{L})(${[
    "bảo hiểm xã hội",
    "bảo hiểm y tế",
    "bảo hiểm thất nghiệp",
    "hộ gia đình",
    "bảo hiểm",
    "xã hội",
    "y tế",
    "thất nghiệp",
    "tự nguyện",
    "bắt buộc",
    "tham gia",
    "gia đình",
    "người dân",
    "doanh nghiệp",
    "lao động",
    "dân số",
    "kế hoạch",
    "thực hiện",
    "chỉ tiêu",
    "quá hạn",
    "triệu đồng",
    "nghìn đồng",
    "tỷ đồng",
    "đơn vị",
    "số lượng",
    "số tiền",
    "phát triển",
    "đối tượng",
    "học sinh",
    "sinh viên",
    "hộ nghèo",
    "cận nghèo",
    "khám chữa bệnh",
    "cấp mới",
    "gia hạn",
    "tổng số",
    "tỷ lệ",
    "bao phủ",
    "cùng kỳ",
    "lũy kế",
    "năm trước",
  ].join("|")})(?!\\p{L})`,
  "giu",
);

/**
 * The longest run of whole words from the start of `text` that fits in `max` characters, or "" when
 * not even the first word fits. Never a word cut short: "Thu nợ quá hạn dưới 1 năm" in 14 is
 * "Thu nợ quá hạn", and "Số người tham gia bảo hiểm" in 15 is "Số người", not "… tham" (VI_WORDS).
 * A bracket left open by the cut goes with what it opened ("Thu nợ (triệu đồng)" in 14 is "Thu
 * nợ"), and a separator left dangling at the end ("BHXH-", "BHYT,") is dropped.
 */
export function fitWords(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (length(t) <= max) return t;
  // The syllables of one word held together by a no-break space while the words are counted.
  const words = t.replace(VI_WORDS, (w) => w.replace(/ /g, "\u00a0")).split(" ");
  const trimmed = (s: string) => s.replace(/[\s,;.&+\-–—]+$/u, "");
  for (let n = words.length - 1; n > 0; n--) {
    const cand = trimmed(words.slice(0, n).join(" "));
    if (cand === "" || length(cand) > max) continue;
    // An open "(" whose ")" was cut: drop from the word that holds it ("a(b" is one word) — unless
    // that leaves nothing, when an open bracket is better than no name.
    let depth = 0;
    let open = -1;
    for (let i = 0; i < cand.length; i++) {
      if (cand[i] === "(") {
        if (depth === 0) open = i;
        depth++;
      } else if (cand[i] === ")" && depth > 0) depth--;
    }
    return ((depth > 0 && trimmed(cand.slice(0, Math.max(0, cand.lastIndexOf(" ", open))))) || cand).replace(/\u00a0/g, " ");
  }
  return "";
}

/**
 * `name` in `max` characters, shortened by whole words: a closing "(…)" (the measure of a ranked
 * sheet, "(KH)", "(coverage)") is kept and the words before it go, last first. Only a single word
 * longer than the room is cut, and then it ends in "…", so a shortened word never passes for a whole one.
 */
const CLOSING_GROUP = /^(.*\S)\s+(\([^()]*\))$/;

function fitName(name: string, max: number): string {
  if (length(name) <= max) return name;
  const m = name.match(CLOSING_GROUP);
  if (m && length(m[2]!) + 2 <= max) {
    const body = fitWords(m[1]!, max - length(m[2]!) - 1);
    if (body !== "") return `${body} ${m[2]!}`;
  }
  const whole = fitWords(name, max);
  if (whole !== "") return whole;
  return (
    Array.from(name)
      .slice(0, max - 1)
      .join("")
      .trimEnd() + "…"
  );
}

/** Text with the characters Excel forbids in a sheet name replaced ("BHXH: BHYT/BHTN" → "BHXH- BHYT-BHTN"), spaces single, not shortened. */
export function legalSheetChars(text: string): string {
  return text.replace(ILLEGAL, "-").replace(/\s+/g, " ").trim();
}

/**
 * A legal sheet name: illegal characters replaced, no leading/trailing apostrophe, ≤ 31 characters —
 * shortened by whole words (fitName), never cut inside a word or a character.
 */
export function legalSheetName(name: string): string {
  let s = legalSheetChars(name)
    .replace(/^'+|'+$/g, "")
    .trim();
  if (s === "") s = "Sheet";
  if (s.toLowerCase() === "history") s = "History-";
  return (
    fitName(s, MAX_SHEET_NAME)
      .replace(/^'+/, "")
      .replace(/['\s]+$/, "") || "Sheet"
  );
}

/** Two sheet names Excel takes for one: it compares them without regard to case. */
export const sheetNameKey = (name: string): string => name.toLowerCase();

/**
 * `name` numbered `n`, within 31 characters: before a closing "(…)", so the measure stays last
 * ("Xếp hạng BHYT 2 (KH)", as describe numbers its own), else " (2)" as Excel does
 * ("Tổng hợp chỉ tiêu (2)"); words shortened whole to make room.
 */
function numberedName(name: string, n: number): string {
  const m = name.match(CLOSING_GROUP);
  if (m) {
    const body = fitWords(m[1]!, MAX_SHEET_NAME - length(m[2]!) - String(n).length - 2);
    if (body !== "") return `${body} ${n} ${m[2]!}`;
  }
  const suffix = ` (${n})`;
  return fitName(name, MAX_SHEET_NAME - suffix.length) + suffix;
}

/**
 * Final names for the summary sheets given the sheets already in the workbook: a name held by a
 * sheet of the user's is never taken (the summary is numbered: numberedName); a name held by one
 * of our own earlier summary sheets is reused, since that sheet is being replaced. Names are
 * compared as Excel does, without regard to case.
 */
export function planSheetNames(wanted: readonly string[], existing: readonly { readonly name: string; readonly ours: boolean }[]): string[] {
  const userNames = new Set(existing.filter((s) => !s.ours).map((s) => sheetNameKey(s.name)));
  const used = new Set<string>();
  return wanted.map((w) => {
    const base = legalSheetName(w);
    let name = base;
    for (let n = 2; userNames.has(sheetNameKey(name)) || used.has(sheetNameKey(name)); n++) name = numberedName(base, n);
    used.add(sheetNameKey(name));
    return name;
  });
}
