/**
 * The rules Excel's object model sets and the Office.js adapter keeps, as pure functions: a
 * request's size cap and the row blocks under it, the cell limit of a response, how a text is
 * written so that Excel never takes it for a formula, the names of our temporary sheets and
 * charts, and what an Excel error means. No Office globals, so all of it runs (and is tested) in Node.
 */
import { OutputValue, SheetRows } from "../core/sheetSpec";
import { columnIndex } from "../core/grid";

/** Excel on the web caps a request or a response at 5 MB; stay well under it. */
export const DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/**
 * The largest request for a host (`Office.context.platform`): Excel on Windows and on the Mac
 * has no 5 MB cap, so a write is never split there; the web, iPad and hosts we do not know keep
 * the cap (a request refused for its size is still retried in blocks, on every host).
 */
export function requestBudget(platform: string | null | undefined): number {
  return platform === "PC" || platform === "Mac" ? Infinity : DEFAULT_MAX_REQUEST_BYTES;
}

/** Excel sends at most 5 million cells' values in one response; row blocks stay well under it. */
export const MAX_BLOCK_CELLS = 1_000_000;

/** Our temporary sheets (a write's staging and its progress marker) start with this. */
export const TEMP_PREFIX = "~ct-";

export function isTempSheet(name: string): boolean {
  return name.startsWith(TEMP_PREFIX);
}

/** Our charts are named so (Excel names a user's "Chart 1", "Biểu đồ 1"): only these are ever deleted. */
export const CHART_PREFIX = "ChiTieu_";

/** The name of a summary sheet's chart, from its spec key ("ranked:bhyt:coverage"). */
export function chartName(key: string): string {
  return CHART_PREFIX + key.replace(/[^A-Za-z0-9]+/g, "_");
}

/** Sheet custom property (ExcelApi 1.12) marking a summary sheet of ours; its value is the spec key. */
export const SHEET_MARK = "ChiTieuSummary";

/** What one queued operation costs in a request besides its payload (ids, method names, JSON keys). */
export const OP_OVERHEAD_BYTES = 120;

/**
 * Text Excel would not keep as typed when written through `range.values`: formulas and
 * operators (=, +, -, @), tab / carriage return (CSV-injection vectors), a leading apostrophe
 * (Excel takes it as the text prefix and drops it), and what Excel parses into another type —
 * numbers, dates, times, percentages, currency, "(1)" negatives, error names, TRUE/FALSE — or
 * trims (leading blanks).
 */
const NEEDS_PREFIX = /^[=+\-@\t\r'\d.,(#$\s]|^(true|false)$/i;

/**
 * A value as written through `range.values`: such text gets the apostrophe text prefix, which
 * Excel does not keep in the cell's value — so it reads back as exactly the original string.
 */
export function cellForExcel(v: OutputValue): string | number | null {
  if (typeof v === "string" && NEEDS_PREFIX.test(v)) return "'" + v;
  if (typeof v === "number" && !Number.isFinite(v)) return null;
  return v;
}

/**
 * Rows taken from a sheet's row source at a time: enough that each slice is cheap to ask for,
 * few enough that a province's two million cells never exist at once (a slice is dropped before
 * the next is made).
 */
export const ROWS_PER_SLICE = 2000;

/** One row as written through `range.values`: `width` wide (null = leave the cell alone), made safe. */
export function excelRow(row: readonly OutputValue[], width: number): (string | number | null)[] {
  const out: (string | number | null)[] = new Array(width).fill(null);
  row.forEach((v, c) => {
    out[c] = cellForExcel(v);
  });
  return out;
}

/** Rows [start, end) of a sheet as a rectangle `width` wide, made from its row source. */
export function excelRows(rows: SheetRows, start: number, end: number, width: number): (string | number | null)[][] {
  return rows.slice(start, end).map((row) => excelRow(row, width));
}

/**
 * The width of a sheet's rectangle (its widest row, at least `width` and 1) and the serialized
 * size of each of its rows as written (`jsonBytes(excelRow(row, width)) + 1`, the 1 for the comma
 * between rows), from rows made ROWS_PER_SLICE at a time and dropped.
 */
export function rowSizes(rows: SheetRows, width: number): { width: number; rowBytes: number[] } {
  let w = Math.max(width, 1);
  // Each row's size without the padding, and its length: the padding needs the final width.
  const bare: number[] = new Array(rows.count);
  const lengths: number[] = new Array(rows.count);
  for (let start = 0; start < rows.count; start += ROWS_PER_SLICE) {
    rows.slice(start, start + ROWS_PER_SLICE).forEach((row, k) => {
      const cells: (string | number | null)[] = new Array(row.length).fill(null);
      row.forEach((v, c) => {
        cells[c] = cellForExcel(v);
      });
      bare[start + k] = jsonBytes(cells);
      lengths[start + k] = row.length;
      if (row.length > w) w = row.length;
    });
  }
  // Padding a row of n cells to w adds w - n times ",null"; an empty row "[]" becomes
  // "[null,…,null]", one comma fewer.
  const rowBytes = bare.map((b, r) => {
    const n = lengths[r]!;
    return b + 5 * (w - n) - (n === 0 ? 1 : 0) + 1;
  });
  return { width: w, rowBytes };
}

/** UTF-8 size of a string (what goes over the wire), counted without encoding it. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** Serialized size of a JSON value. */
export function jsonBytes(v: unknown): number {
  return utf8Bytes(JSON.stringify(v) ?? "");
}

/** Row blocks [start, end) of a sheet's rows whose serialized values each fit in `budget` bytes. */
export function rowBlocks(rowBytes: readonly number[], budget: number): { start: number; end: number; bytes: number }[] {
  const blocks: { start: number; end: number; bytes: number }[] = [];
  let start = 0;
  let bytes = 0;
  rowBytes.forEach((b, r) => {
    if (r > start && bytes + b > budget) {
      blocks.push({ start, end: r, bytes });
      start = r;
      bytes = 0;
    }
    bytes += b;
  });
  if (rowBytes.length > start) blocks.push({ start, end: rowBytes.length, bytes });
  return blocks;
}

/** 0-based top-left cell of an A1 address such as "'Kế hoạch'!B3:K20" or "Sheet1!A1". */
export function addressOrigin(address: string): { row: number; col: number } {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)/.exec(local);
  if (!m) return { row: 0, col: 0 };
  return { row: Number(m[2]) - 1, col: Math.max(0, columnIndex(m[1]!)) };
}

/** Column width: the spec gives characters (as exceljs does); Office.js takes points. */
export function widthPoints(chars: number): number {
  return Math.round(chars * 5.6 + 5);
}

/** A string literal inside an Excel formula. */
export function formulaString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** The error code of an Office.js error (OfficeExtension.Error has `code`), if any. */
export function errorCode(e: unknown): string {
  if (e && typeof e === "object" && "code" in e && typeof (e as { code: unknown }).code === "string") return (e as { code: string }).code;
  return "";
}

const PAYLOAD_CODES = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "PayloadTooLarge",
  "RequestTooLarge",
  "RangeExceedsLimit",
  "OperationCellsExceedLimit",
]);

/**
 * Excel refused a request or response for its size (Excel on the web: 5 MB) or a range for its
 * number of cells (5 million): the same data goes in smaller blocks.
 */
export function isPayloadError(e: unknown): boolean {
  const code = errorCode(e);
  if (PAYLOAD_CODES.has(code)) return true;
  const msg = e instanceof Error ? e.message : "";
  return /payload size|too large/i.test(msg);
}

/** Excel refused the batch because the user is typing in a cell (ExcelApi's own code for it). */
export function isCellEditError(e: unknown): boolean {
  return errorCode(e) === "InvalidOperationInCellEditMode";
}

/** InvalidOperation: what older hosts say in cell-edit mode, and what a protected workbook says. */
export function isInvalidOperation(e: unknown): boolean {
  return errorCode(e) === "InvalidOperation";
}

export function isNotFound(e: unknown): boolean {
  return errorCode(e) === "ItemNotFound";
}

export function describeError(e: unknown): string {
  const code = errorCode(e);
  const msg = e instanceof Error ? e.message : String(e);
  return code && !msg.includes(code) ? `${code}: ${msg}` : msg;
}
