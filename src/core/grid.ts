/**
 * Grids of cell values: what Excel's `range.values` returns and what the file adapter reads.
 * Everything in the core works on these; nothing here knows where a grid came from.
 */

/** One cell as Excel reports it: blank cells come as "" (Office.js) or null (files). */
export type CellValue = string | number | boolean | null;

/** A sheet's values, row-major, 0-based. The core never mutates a grid it is given. */
export type Grid = readonly (readonly CellValue[])[];

/** A sheet as the workbook port hands it to the core. */
export interface SheetGrid {
  readonly name: string;
  readonly values: Grid;
  /**
   * Where the grid starts in the sheet (0-based), so that messages name the real cell
   * even when an adapter hands over only the used range.
   */
  readonly origin?: { readonly row: number; readonly col: number };
  /**
   * Cells (A1 addresses in the sheet) holding a formula the file was saved without calculating:
   * they read as blank, and the engine says why (open the workbook in Excel and save it) instead
   * of asking for a 0. Only files have these; Excel always gives a formula's value.
   */
  readonly uncalculated?: readonly string[];
}

/** A rectangle of cells, 0-based, in the coordinates of the sheet being described. */
export interface RangeRef {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** "A", "B", … "Z", "AA" — Excel's column letters for a 0-based index. */
export function columnLetter(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based index of an Excel column letter ("A" → 0); -1 when it is not one. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1-style address of a 0-based cell. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** A1-style address of a range ("B5:F9"; a single cell as "B5"). */
export function rangeAddress(r: RangeRef): string {
  const a = cellAddress(r.row, r.col);
  if (r.rows === 1 && r.cols === 1) return a;
  return `${a}:${cellAddress(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

/** A sheet-qualified address for messages: 'Thực hiện'!C7. */
export function sheetCell(sheet: string, row: number, col: number): string {
  return sheetRef(sheet, cellAddress(row, col));
}

/** A sheet's name as Excel quotes it in a reference: 'Kế hoạch', 'Năm ''24' (a quote doubled). */
export function quoteSheetName(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** A sheet-qualified reference: 'Kế hoạch'!C, 'Thực hiện'!B5, 'Xếp hạng'!$A$2:$A$9 — the one place that writes them. */
export function sheetRef(sheet: string, ref: string): string {
  return `${quoteSheetName(sheet)}!${ref}`;
}

/** Cell at (row, col), or null when outside the grid (ragged rows are allowed). */
export function cellAt(grid: Grid, row: number, col: number): CellValue {
  const r = grid[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

/** Blank: null, empty or white-space text, or a cell past a short row's end (undefined). */
export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Width of the widest row. */
export function gridWidth(grid: Grid): number {
  let w = 0;
  for (const r of grid) if (r.length > w) w = r.length;
  return w;
}
