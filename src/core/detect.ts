/**
 * Step 1 — find the table in a grid as planners lay it out: title rows, one- to three-row
 * headers with merged group headers, a column-number row, an STT column, group rows (I, II …
 * "Các quận") with subtotals, a total row at the top or bottom, notes and footers.
 * The result says what was found and why rows were left out, so a person can check it.
 */
import { CellValue, Grid, SheetGrid, cellAt, isBlank, sheetCell, gridWidth } from "./grid";
import { ChitieuError } from "./errors";
import { NumberLocale, ParsedCell, parseCell } from "./numbers";
import { cleanText, foldText } from "./text";
import { parseUnitName } from "./units";

export type ColumnRole = "number" | "rate" | "text";

export interface DetectedColumn {
  /** 0-based column in the grid. */
  readonly col: number;
  /** Header text as shown, header rows joined with " / " (group header first). */
  readonly header: string;
  /** The lowest non-blank header part: the column's own name under a group header. */
  readonly leaf: string;
  /** The header parts top to bottom, blanks dropped, repeats from merged cells folded. */
  readonly parts: readonly string[];
  readonly role: ColumnRole;
  /** One value per unit row (same order as `units`); null where the cell has no number. */
  readonly values: readonly (number | null)[];
  /** The value on the sheet's total row, when it has one with a number here. */
  readonly totalValue: number | null;
}

export interface UnitRow {
  /** 0-based grid row. */
  readonly row: number;
  /** The name as written, cleaned of extra spaces (NFC). */
  readonly name: string;
  /** Label of the group row above it (I "Các quận"), if any. */
  readonly group: string | null;
}

export type ExclusionReason = "total" | "group" | "text";

export interface ExcludedRow {
  readonly row: number;
  readonly label: string;
  readonly reason: ExclusionReason;
}

export interface GroupRow {
  readonly row: number;
  readonly label: string;
  /** Indices into `units` of the units below this group row. */
  readonly unitIndices: readonly number[];
  /** Subtotal per column (by grid column) where the group row carries one. */
  readonly subtotals: ReadonlyMap<number, number>;
}

export interface DetectedTable {
  readonly sheet: string;
  readonly origin: { readonly row: number; readonly col: number };
  /** 0-based grid rows of the header, top to bottom. */
  readonly headerRows: readonly number[];
  readonly columnNumberRow: number | null;
  readonly unitColumn: number;
  readonly unitHeader: string;
  readonly sttColumn: number | null;
  readonly notesColumn: number | null;
  /** Other text columns with a header (category, parent unit …), by header. */
  readonly textColumns: readonly { readonly col: number; readonly header: string; readonly values: readonly (string | null)[] }[];
  readonly columns: readonly DetectedColumn[];
  readonly units: readonly UnitRow[];
  readonly totalRow: { readonly row: number; readonly label: string } | null;
  readonly groups: readonly GroupRow[];
  readonly excluded: readonly ExcludedRow[];
  readonly warnings: readonly string[];
  /** The text of each non-blank row above the header (agency, report name, "Số liệu đến ngày …"). */
  readonly titles: readonly string[];
}

export interface DetectOptions {
  readonly locale?: NumberLocale;
}

// "Đơn vị tính: người" (the unit of measure) and "Đơn vị báo cáo: …" (the reporting office), above
// many tables, are not unit-name headers.
const UNIT_HEADER =
  /^(ten )?(don vi(?!\s*(tinh|bao cao|nhan|:))|dia ban|dia phuong|dia danh|huyen|quan|xa|phuong|thi xa|thanh pho|tinh|unit|units|district|commune|area|locality|name|ten)\b/;
/** A header that names only a parent unit (the district of each commune), never the units themselves. */
const PARENT_ONLY_HEADER = /^(tinh|huyen|quan|don vi cap tren|cap tren|thuoc (tinh|huyen|quan))$/;
const STT_HEADER = /^(stt|tt|so tt|so thu tu|no\.?|#|s\.t\.t)$/;
const NOTES_HEADER = /^(ghi chu|note|notes|remark|remarks|comment|comments)\b/;
// Codes ("Mã đơn vị": 01, 02 …) are numbers that count nothing: never an indicator.
const CODE_HEADER = /^(ma|ma so|ma don vi|ma dvhc|ma hanh chinh|ma dia ban|ma (xa|huyen|tinh|quan|phuong)|code|unit code|id)$/;
// A rate column says so in any header row ("Tỷ lệ (%)" over "BHXH | BHYT"); weaker words only in
// the column's own header, since a group header "Kết quả đạt được" sits over counts.
const RATE_HEADER = /(ty le|%|\brate\b|ratio|percent)/;
const RATE_LEAF = /(\bdat\b|so sanh|so voi|tang giam|chenh lech|xep hang|\bhang\b|\brank|bao phu)/;
// "(1)", "A", "3=2/1", "(3)=(2)/(1)", "(5) = (4) - (3)": the numbers forms put under the header.
const COLUMN_NUMBER = /^\(?\s*(\d{1,2}|[a-z]{1,2})\s*\)?\s*(=\s*[0-9a-z()+\-*/x:.% ]+)?$/i;
const TOTAL_LABEL =
  /^(toan (tinh|thanh pho|tp|huyen|quan|thi xa|xa|quoc|nganh|khu vuc|vung|dia ban)|ca (tinh|thanh pho|tp|huyen|quan|thi xa|xa|nuoc)|(tong|cong) (toan|ca)\s|tong cong|tong so|grand total|total|all units)\b/;
const BARE_TOTAL = /^(cong|tong|sum)\s*(\(.*\))?\s*:?$/;
// "I. Các quận", "II) Khối huyện" — but "X. Tân Hòa" is a commune (xã), not group ten.
const GROUP_LABEL = /^(([a-h][.)]\s*)?(cac|khoi|nhom|khu vuc)\s|(?!x[.)])[ivx]+[.)]\s)/;
const ROMAN = /^[IVXL]+\.?$/;
/** Consecutive blank rows after which the table is taken to have ended. */
const BLANK_RUN_END = 50;
/** Larger figures (a billion billion) are typing errors, and their sums could overflow. */
export const MAX_FIGURE = 1e18;

function text(v: CellValue): string {
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? cleanText(v) : String(v);
}

function isNumberCell(v: CellValue): boolean {
  return typeof v === "number";
}

/** nonBlankCount(row, width) > 0, stopping at the first cell with something in it. */
function hasNonBlank(row: readonly CellValue[], width: number): boolean {
  for (let c = 0; c < Math.min(width, row.length); c++) if (!isBlank(row[c])) return true;
  return false;
}

function nonBlankCount(row: readonly CellValue[] | undefined, width: number): number {
  if (!row) return 0;
  let n = 0;
  for (let c = 0; c < Math.min(width, row.length); c++) if (!isBlank(row[c])) n++;
  return n;
}

function distinctTexts(row: readonly CellValue[] | undefined, width: number): number {
  if (!row) return 0;
  const seen = new Set<string>();
  for (let c = 0; c < Math.min(width, row.length); c++) if (!isBlank(row[c])) seen.add(text(row[c]!));
  return seen.size;
}

/**
 * "A B 1 2 3=2/1" or "(1) (2) (3)": single letters and numbers that go up from left to right —
 * so that a unit row such as "An | 1" (a commune named An) is not taken for one.
 */
function isColumnNumberRow(row: readonly CellValue[] | undefined, width: number): boolean {
  if (!row) return false;
  let n = 0;
  let last = 0;
  for (let c = 0; c < Math.min(width, row.length); c++) {
    const v = row[c];
    if (isBlank(v)) continue;
    const t = text(v);
    if (!COLUMN_NUMBER.test(t)) return false;
    const head = t.match(/^\(?\s*(\d{1,2}|[a-z]{1,2})/i)![1]!;
    if (/^\d/.test(head)) {
      if (Number(head) <= last) return false;
      last = Number(head);
    } else if (head.length > 1) return false;
    n++;
  }
  return n >= 2;
}

/** A label for a data row: the unit-column text, or the first text to its left (merged "Tổng cộng"). */
function rowLabel(row: readonly CellValue[] | undefined, unitCol: number): string {
  if (!row) return "";
  const own = text(row[unitCol] ?? null);
  if (own && typeof row[unitCol] === "string") return own;
  for (let c = 0; c < unitCol; c++) {
    const v = row[c];
    if (typeof v === "string" && v.trim() !== "" && !ROMAN.test(v.trim()) && !/^\d+\.?$/.test(v.trim())) return text(v);
  }
  return typeof row[unitCol] === "string" ? own : "";
}

export function isTotalLabel(label: string): boolean {
  return isTotalFolded(foldText(label));
}

/** isTotalLabel on a label already folded (foldText), as the row loop has it. */
function isTotalFolded(f: string): boolean {
  // "Cộng (I+II)" is a total; "SUM(A1:A9)" typed as a name is not (it holds a cell reference).
  // Both patterns start with a, c, g, s or t: a label starting otherwise (most unit names) is
  // not tested, since this runs for every row.
  const c = f.charCodeAt(0);
  if (c !== 97 && c !== 99 && c !== 103 && c !== 115 && c !== 116) return false;
  return TOTAL_LABEL.test(f) || (BARE_TOTAL.test(f) && !/[a-z]{1,3}\d/.test(f));
}

function findHeaderStart(grid: Grid, width: number): number {
  const scan = Math.min(grid.length, 40);
  for (let r = 0; r < scan; r++) {
    const row = grid[r];
    // A header names at least two columns; a merged title repeated across its cells (as exceljs
    // gives it: "TỈNH HẬU GIANG" …) is one text, however many cells it fills.
    if (!row || distinctTexts(row, width) < 2) continue;
    if (row.some(isNumberCell)) continue;
    for (let c = 0; c < Math.min(width, row.length); c++) {
      const f = foldText(text(row[c]));
      if (f && (STT_HEADER.test(f) || UNIT_HEADER.test(f))) {
        // A unit name in a data row also starts with "Huyện …": a header row has no numbers
        // and is followed, within a few rows, by rows that do.
        // Excel errors and "-" count as figures too: the first units may have nothing else.
        for (let k = r + 1; k < Math.min(grid.length, r + 6); k++) if (grid[k]?.some(isNumberCell) || rowHasNumericText(grid[k], width) || rowHasErrorOrNone(grid[k], width)) return r;
      }
    }
  }
  // Fallback: the rows just above the first row with a text cell and a number.
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    if (!row) continue;
    const hasText = row.some((v, c) => c < width && typeof v === "string" && v.trim() !== "" && parseCell(v).kind !== "number");
    const hasNum = row.some((v, c) => c < width && parseCell(v).kind === "number");
    if (hasText && hasNum) {
      let h = r - 1;
      while (h >= 0 && isColumnNumberRow(grid[h], width)) h--;
      while (h > 0 && nonBlankCount(grid[h - 1], width) >= 2 && !grid[h - 1]!.some(isNumberCell) && r - h < 3) h--;
      return h >= 0 && nonBlankCount(grid[h], width) >= 2 ? h : -1;
    }
  }
  return -1;
}

/** A row with an Excel error (#N/A) or a "none" mark ("-") in it: a data row, never a header. */
function rowHasErrorOrNone(row: readonly CellValue[] | undefined, width: number): boolean {
  if (!row) return false;
  for (let c = 0; c < Math.min(width, row.length); c++) {
    const k = parseCell(row[c] ?? null).kind;
    if (k === "error" || k === "none") return true;
  }
  return false;
}

function rowHasNumericText(row: readonly CellValue[] | undefined, width: number): boolean {
  if (!row) return false;
  // A column-number row ("(1) (2) (3)") is not figures; but in any other row a small count typed
  // as text ("0", "12") is one: otherwise a unit row right under the header is read as header.
  if (isColumnNumberRow(row, width)) return false;
  for (let c = 0; c < Math.min(width, row.length); c++) {
    const v = row[c];
    if (typeof v === "string" && /\d/.test(v) && parseCell(v).kind === "number") return true;
  }
  return false;
}

/** Blank columns in a row across the header after which the header is taken to have ended. */
const HEADER_GAP = 3;

/**
 * Width of the table: the header's last non-blank column + 1, the header being the columns from
 * its first label up to a gap of HEADER_GAP blank columns. Cells far to the right (a user's own
 * notes or sums) are ignored, even in the header rows.
 */
function headerWidth(grid: Grid, rows: readonly number[]): number {
  let w = 0;
  let gap = 0;
  let max = 0;
  for (const r of rows) max = Math.max(max, grid[r]?.length ?? 0);
  for (let c = 0; c < max; c++) {
    if (rows.some((r) => !isBlank(cellAt(grid, r, c)))) {
      w = c + 1;
      gap = 0;
    } else if (++gap >= HEADER_GAP && w > 0) break;
  }
  return w;
}

/** Header parts per column with group headers carried across their merged span. */
function headerParts(grid: Grid, rows: readonly number[], width: number): string[][] {
  const cells = rows.map((r) => {
    const row = grid[r] ?? [];
    return Array.from({ length: width }, (_, c) => text(row[c] ?? null));
  });
  // Carry a group header right across blank cells when the row below names sub-columns.
  for (let i = 0; i < cells.length - 1; i++) {
    const up = cells[i]!;
    const below = cells[i + 1]!;
    for (let c = 1; c < width; c++) {
      if (up[c] === "" && below[c] !== "" && below[c - 1] !== "" && up[c - 1] !== "") up[c] = up[c - 1]!;
    }
  }
  return Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (const row of cells) {
      const t = row[c]!;
      if (t !== "" && parts[parts.length - 1] !== t) parts.push(t);
    }
    return parts;
  });
}

export function detectTable(sheet: SheetGrid, options: DetectOptions = {}): DetectedTable {
  const locale = options.locale ?? "vi";
  const grid = sheet.values;
  const origin = sheet.origin ?? { row: 0, col: 0 };
  const at = (r: number, c: number) => sheetCell(sheet.name, r + origin.row, c + origin.col);
  const fullWidth = gridWidth(grid);
  if (grid.length === 0 || fullWidth === 0 || grid.every((r) => r.every(isBlank))) {
    throw new ChitieuError("empty-sheet", `Sheet '${sheet.name}' is empty: paste the table (a header row with the unit names and figures) into it, or choose another sheet.`, { sheet: sheet.name });
  }

  const start = findHeaderStart(grid, fullWidth);
  if (start < 0) {
    throw new ChitieuError(
      "no-table",
      `No table found in sheet '${sheet.name}': no header row naming the units (e.g. "STT", "Đơn vị", "Huyện") above rows of figures. Add such a header row, or choose another sheet.`,
      { sheet: sheet.name },
    );
  }

  // Header rows: the start row and up to two more text-only rows below it.
  const headerRows = [start];
  // Columns the start row names as the unit or STT column: under them a further header row is
  // blank (merged) or repeats the header, so a name there means the row is already a unit row
  // (one whose figures are all errors, "-" or text would otherwise pass for a header row).
  const startRow = grid[start] ?? [];
  const labelCols: number[] = [];
  for (let c = 0; c < Math.min(fullWidth, startRow.length); c++) {
    const f = foldText(text(startRow[c] ?? null));
    if (f && (STT_HEADER.test(f) || UNIT_HEADER.test(f))) labelCols.push(c);
  }
  let next = start + 1;
  while (next < grid.length && headerRows.length < 3) {
    const row = grid[next];
    // Only the header's own span counts: junk far to the right makes no row a header row.
    const span = headerWidth(grid, [...headerRows, next]);
    if (!row || nonBlankCount(row, span) === 0) break;
    if (row.slice(0, span).some(isNumberCell) || rowHasNumericText(row, span) || isColumnNumberRow(row, span)) break;
    if (labelCols.some((c) => { const t = text(row[c] ?? null); return t !== "" && t !== text(startRow[c] ?? null); })) break;
    const first = foldText(text(row[0] ?? null));
    if (ROMAN.test(text(row[0] ?? null)) || GROUP_LABEL.test(first) || row.some((v) => typeof v === "string" && isTotalLabel(v))) break;
    headerRows.push(next);
    next++;
  }
  const width = headerWidth(grid, headerRows);
  let columnNumberRow: number | null = null;
  if (next < grid.length && isColumnNumberRow(grid[next], width)) {
    columnNumberRow = next;
    next++;
  }
  const parts = headerParts(grid, headerRows, width);
  const headers = parts.map((p) => p.join(" / "));
  const leaves = parts.map((p) => p[p.length - 1] ?? "");
  const folded = parts.map((p) => p.map(foldText));

  const findCol = (re: RegExp) => folded.findIndex((p) => p.some((x) => re.test(x)));
  const sttColumn = findCol(STT_HEADER);
  const notesColumn = findCol(NOTES_HEADER);
  // A commune-level sheet may name each unit's parent beside it ("Huyện" | "Tên xã"): when several
  // headers could name the units, the parent column is not the one.
  const unitCandidates = folded.flatMap((p, c) => (c !== sttColumn && p.some((x) => UNIT_HEADER.test(x)) ? [c] : []));
  let unitColumn = unitCandidates.find((c) => !folded[c]!.every((x) => PARENT_ONLY_HEADER.test(x))) ?? unitCandidates[0] ?? -1;
  if (unitColumn < 0) {
    // The column with the most text cells under the header.
    let best = -1;
    let bestCount = 0;
    for (let c = 0; c < width; c++) {
      if (c === sttColumn || c === notesColumn) continue;
      let n = 0;
      for (let r = next; r < Math.min(grid.length, next + 200); r++) {
        const v = cellAt(grid, r, c);
        if (typeof v === "string" && v.trim() !== "" && parseCell(v, locale).kind === "text") n++;
      }
      if (n > bestCount) {
        bestCount = n;
        best = c;
      }
    }
    unitColumn = best;
  }
  if (unitColumn < 0) {
    throw new ChitieuError(
      "no-table",
      `Sheet '${sheet.name}': the header in row ${start + origin.row + 1} has no column of unit names. Name it "Đơn vị" (or "Huyện", "Xã", "Unit").`,
      { sheet: sheet.name },
    );
  }

  // Data rows.
  const warnings: string[] = [];
  const units: UnitRow[] = [];
  const excluded: ExcludedRow[] = [];
  const groups: { row: number; label: string; unitIndices: number[] }[] = [];
  let totalRow: { row: number; label: string } | null = null;
  let currentGroup: { row: number; label: string; unitIndices: number[] } | null = null;
  let blankRun = 0;
  const dataCols: number[] = [];
  for (let c = 0; c < width; c++) if (c !== unitColumn && c !== sttColumn && c !== notesColumn) dataCols.push(c);

  const hasFigureIn = (row: readonly CellValue[]): boolean => {
    for (let k = 0; k < dataCols.length; k++) {
      const v = row[dataCols[k]!] ?? null;
      // Any number is a figure (one that is not finite reads as an error, which counts too).
      if (typeof v === "number") return true;
      const kind = parseCell(v, locale).kind;
      if (kind === "number" || kind === "error" || kind === "none") return true;
    }
    return false;
  };
  // A named row with no figures yet is a unit when rows with figures follow it (it sits inside
  // the table), or when its name has an administrative prefix ("Huyện …", "X. …") and no comma (a
  // footer "TP. Vị Thanh, ngày …" has one): a unit is never dropped for want of figures.
  let lastFigureRow = -1;
  for (let r = grid.length - 1; r >= next && lastFigureRow < 0; r--) if (grid[r] && hasFigureIn(grid[r]!)) lastFigureRow = r;

  for (let r = next; r < grid.length; r++) {
    const row = grid[r];
    if (!row || !hasNonBlank(row, width)) {
      if (++blankRun >= BLANK_RUN_END && units.length > 0) break;
      continue;
    }
    blankRun = 0;
    const label = rowLabel(row, unitColumn);
    // A number in the STT column (nearly every row) is never a Roman group number: no text is
    // made of it unless a test below needs it.
    const sttCell = sttColumn >= 0 ? (row[sttColumn] ?? null) : null;
    const sttText = typeof sttCell === "number" ? "" : text(sttCell);
    const f = foldText(label);
    if (label && isTotalFolded(f)) {
      if (totalRow) warnings.push(`${at(r, unitColumn)}: a second total row ("${label}") — only the one in row ${totalRow.row + origin.row + 1} is used as the check.`);
      else totalRow = { row: r, label };
      excluded.push({ row: r, label, reason: "total" });
      continue;
    }
    if (ROMAN.test(sttText) || (label && GROUP_LABEL.test(f))) {
      const g = { row: r, label: label || sttText, unitIndices: [] as number[] };
      groups.push(g);
      currentGroup = g;
      excluded.push({ row: r, label: g.label, reason: "group" });
      continue;
    }
    // A unit row has a name, and figures, a number in the STT column, or the look of a unit name
    // (tested in that order, each only when the ones before leave the row in doubt; no closure
    // per row, which the CLI's loader makes costly).
    const isUnit =
      !!label &&
      typeof row[unitColumn] === "string" &&
      (hasFigureIn(row) ||
        /^\d+\.?$/.test(typeof sttCell === "number" ? String(sttCell) : sttText) ||
        r < lastFigureRow ||
        (parseUnitName(label).kind !== null && !label.includes(",")));
    if (!isUnit) {
      excluded.push({ row: r, label: label || text(row.find((v) => !isBlank(v)) ?? null), reason: "text" });
      continue;
    }
    if (currentGroup) currentGroup.unitIndices.push(units.length);
    units.push({ row: r, name: label, group: currentGroup ? currentGroup.label : null });
  }

  // Columns: numbers under a header are indicators (or rates); the rest are text columns.
  const columns: DetectedColumn[] = [];
  const textColumns: { col: number; header: string; values: (string | null)[] }[] = [];
  const addTextColumn = (c: number) =>
    textColumns.push({ col: c, header: headers[c]!, values: units.map((u) => { const t = text(cellAt(grid, u.row, c)); return t === "" ? null : t; }) });
  for (const c of dataCols) {
    if (headers[c] === "") continue;
    if (CODE_HEADER.test(folded[c]![folded[c]!.length - 1] ?? "")) {
      addTextColumn(c);
      continue;
    }
    // A cell holding a finite number (nearly every one) is a number as it stands: null here, and
    // no ParsedCell made for it (one for each of a large province's cells was much of the garbage).
    let numeric = 0;
    let textual = 0;
    // Only the cells that are not plain numbers, by unit: an array as long as the units would,
    // at 100,000 units, be a large object the young generation cannot hold, for every column.
    const parsed = new Map<number, ParsedCell>();
    for (let i = 0; i < units.length; i++) {
      const v = cellAt(grid, units[i]!.row, c);
      if (typeof v === "number" && Number.isFinite(v)) {
        numeric++;
        continue;
      }
      const p = parseCell(v, locale);
      parsed.set(i, p);
      if (p.kind === "number") numeric++;
      else if (p.kind === "text") textual++;
    }
    if (numeric === 0 || textual > numeric) {
      if (textual > 0) addTextColumn(c);
      continue;
    }
    const own = folded[c]![folded[c]!.length - 1] ?? "";
    const role: ColumnRole = folded[c]!.some((x) => RATE_HEADER.test(x)) || RATE_LEAF.test(own) ? "rate" : "number";
    // A unit's figure in this column (a message for each cell that has none, or a doubtful one).
    const figureAt = (i: number): number | null => {
      const q = parsed.size === 0 ? null : (parsed.get(i) ?? null);
      // The common case first: a plain figure needs no message, so no cell address is built.
      if (q === null) {
        const v = cellAt(grid, units[i]!.row, c) as number;
        if (Math.abs(v) <= MAX_FIGURE && !(role === "number" && v < 0)) return v;
      }
      const p = q ?? parseCell(cellAt(grid, units[i]!.row, c), locale);
      if (p.kind === "number" && !p.note && Math.abs(p.value) <= MAX_FIGURE && !(role === "number" && p.value < 0)) return p.value;
      const cell = at(units[i]!.row, c);
      const who = units[i]!.name;
      switch (p.kind) {
        case "number":
          if (p.note) warnings.push(`${cell}: ${p.note}`);
          // Left out rather than used: a sum of such figures could overflow to Infinity.
          if (Math.abs(p.value) > MAX_FIGURE) {
            warnings.push(`${cell}: ${fmt(p.value)} is too large to be a figure — ${who} is left out of "${headers[c]}"; check the cell.`);
            return null;
          }
          // A negative count or target is almost surely a typing error: one such cell would
          // otherwise distort the area-wide rate every unit is compared with.
          if (role === "number" && p.value < 0) {
            warnings.push(`${cell}: ${fmt(p.value)} is negative — a count or a target cannot be; ${who} is left out of "${headers[c]}". Check the sign.`);
            return null;
          }
          return p.value;
        case "blank":
          if (role === "number") warnings.push(`${cell}: blank — ${who} has no figure for "${headers[c]}"; it is left out of this indicator. Enter 0 if there is none.`);
          return null;
        case "none":
          return null;
        case "error":
          warnings.push(`${cell}: ${p.text} — ${who} has no figure for "${headers[c]}"; fix the formula or value.`);
          return null;
        case "text":
          warnings.push(`${cell}: "${p.text}" is not a number — ${who} has no figure for "${headers[c]}"; enter a number.`);
          return null;
      }
    };
    const values = new Array<number | null>(units.length);
    for (let i = 0; i < units.length; i++) values[i] = figureAt(i);
    let totalValue: number | null = null;
    if (totalRow) {
      const p = parseCell(cellAt(grid, totalRow.row, c), locale);
      if (p.kind === "number") totalValue = p.value;
    }
    columns.push({ col: c, header: headers[c]!, leaf: leaves[c]!, parts: parts[c]!, role, values, totalValue });
  }

  // Checks: the sheet's own total and group subtotals against the sum of the units.
  const groupRows: GroupRow[] = groups.map((g) => {
    const subtotals = new Map<number, number>();
    for (const col of columns) {
      const p = parseCell(cellAt(grid, g.row, col.col), locale);
      if (p.kind === "number") subtotals.set(col.col, p.value);
    }
    return { row: g.row, label: g.label, unitIndices: g.unitIndices, subtotals };
  });
  for (const col of columns) {
    if (col.role !== "number") continue;
    if (totalRow && col.totalValue !== null) {
      const sum = col.values.reduce<number>((s, v) => s + (v ?? 0), 0);
      if (!closeEnough(sum, col.totalValue)) {
        warnings.push(
          `${at(totalRow.row, col.col)}: the total row ("${totalRow.label}") says ${fmt(col.totalValue)} for "${col.header}" but the units add up to ${fmt(sum)}. Check the total or the unit rows.`,
        );
      }
    }
    for (const g of groupRows) {
      const sub = g.subtotals.get(col.col);
      if (sub === undefined || g.unitIndices.length === 0) continue;
      const sum = g.unitIndices.reduce((s, i) => s + (col.values[i] ?? 0), 0);
      if (!closeEnough(sum, sub)) {
        warnings.push(`${at(g.row, col.col)}: the subtotal of "${g.label}" says ${fmt(sub)} for "${col.header}" but its units add up to ${fmt(sum)}.`);
      }
    }
  }

  return {
    sheet: sheet.name,
    origin,
    headerRows,
    columnNumberRow,
    unitColumn,
    unitHeader: headers[unitColumn] ?? "",
    sttColumn: sttColumn >= 0 ? sttColumn : null,
    notesColumn: notesColumn >= 0 ? notesColumn : null,
    textColumns,
    columns,
    units,
    totalRow,
    groups: groupRows,
    excluded,
    warnings,
    titles: titleLines(grid, start),
  };
}

/** Title rows: the text cells of each row above the header, joined; blank rows skipped. */
function titleLines(grid: Grid, headerStart: number): string[] {
  const lines: string[] = [];
  for (let r = 0; r < headerStart; r++) {
    const cells = (grid[r] ?? []).map((v) => text(v)).filter((t, i, all) => t !== "" && all.indexOf(t) === i);
    if (cells.length > 0) lines.push(cells.join(" "));
  }
  return lines;
}

function closeEnough(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}
