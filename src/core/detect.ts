/**
 * Detecting tables — find the table in a grid as planners lay it out: title rows, one- to three-row
 * headers with merged group headers, a column-number row, an STT column, group rows (I, II …
 * "Các quận") with subtotals, a total row at the top or bottom, notes and footers.
 * The result says what was found and why rows were left out, so a person can check it.
 */
import { CellValue, Grid, SheetGrid, cellAddress, cellAt, isBlank, sheetCell, gridWidth } from "./grid";
import { ChitieuError } from "./errors";
import { NumberLocale, ParsedCell, StatedScale, groupedReading, isWhole, parseCell, scaled, separatorForm, statedScale } from "./numbers";
import { cleanText, foldText, lower } from "./text";
import { UnitKind, footnoteMarkStart, nameWithKind, parseUnitName, splitUnitPrefix, unitLevel } from "./units";
import { OTHER_QUANTITY, PEOPLE_SCALE } from "./indicators";
import { afterBullet, closeEnough, findKindGroups, findSumGroups, isBreakdownRow, isNote, isOfWhich, isOfWhichHeading, isSignature } from "./rowKinds";
import { columnRole, mayBePlanGoal } from "./columnRoles";
import { readBands } from "./bands";
import { said, type Message, type Where } from "./messages";
import type { SheetRole } from "./roles";

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
  /**
   * A count column under a stated scale ("Đơn vị tính: nghìn người", "(1.000 người)", "ĐVT:
   * người"): the factor its figures (values, totalValue, subtotals) were multiplied by, 1 for
   * persons. Absent when nothing states one, and for rates and money (never scaled).
   */
  readonly scale?: number;
  /** Where the scale was stated: the cell and its text, `'Thực hiện'!A3: "Đơn vị tính: nghìn người"`. */
  readonly scaleFrom?: string;
  /**
   * Two or three rows per unit (bands.ts): the grid row of each unit's figure in this column (same
   * order as `units`; the unit's first row where it has no row of this band). Absent: `units[i].row`.
   */
  readonly rows?: readonly number[];
  /** The band label as written ("Kế hoạch", "TH"), for a column read once per band; also the last of `parts`. */
  readonly band?: string;
}

export interface UnitRow {
  /** 0-based grid row. */
  readonly row: number;
  /** The name as written, cleaned of extra spaces (NFC), without a footnote mark or list mark ("- "). */
  readonly name: string;
  /** Label of the group row above it (I "Các quận", or a district row whose figures its communes sum), if any. */
  readonly group: string | null;
  /** The footnote mark taken off the name as written: "(*)", "¹", "(1)", "*". */
  readonly mark?: string;
  /** The name cell as written when `name` was made from it: a ward typed as 3 among "Phường 1", "Phường 2" is "Phường 3". */
  readonly written?: string;
}

/**
 * Why a row under the header is not a unit: the total row; a group row (I "Các quận", a district
 * row above its communes, or a subtotal after its block: "Cộng các quận"); a breakdown under a
 * unit or the total ("Trong đó:", "- Khu vực thành thị"); a note under the table ("Ghi chú: (*)
 * …"); the signature block ("Người lập biểu", "GIÁM ĐỐC", a name, "…, ngày … tháng … năm …");
 * other text.
 */
export type ExclusionReason = "total" | "group" | "breakdown" | "note" | "signature" | "text";

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
  /** Banded tables (whose band columns share grid columns): the subtotal per entry of `columns`, in its order. */
  readonly columnSubtotals?: readonly (number | null)[];
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
  readonly unitRows: readonly UnitRow[];
  readonly totalRow: { readonly row: number; readonly label: string } | null;
  readonly groups: readonly GroupRow[];
  readonly excluded: readonly ExcludedRow[];
  readonly warnings: readonly Message[];
  /** The text of each non-blank row above the header (agency, report name, "Số liệu đến ngày …"). */
  readonly titles: readonly string[];
  /** Unit cells read as zero because they hold "-" (or "–", "—"): how many, and the first few. */
  readonly dashZeros: DashZeros;
  /** The total row's cells that differ from the sum of the units (the same as the warnings say, as data to show both numbers). */
  readonly totalChecks: readonly TotalCheck[];
  /** Two or three rows per unit (bands.ts): the column of band labels (not a text column) and the bands, in their order. */
  readonly bands?: { readonly col: number; readonly header: string; readonly labels: readonly string[] };
}

/** Cells read as zero from a dash: `count` of them, `cells` the first DASH_ZERO_CELLS ('Thực hiện'!E7), column by column. */
export interface DashZeros {
  readonly count: number;
  readonly cells: readonly string[];
}

/** How many dash-zero cells a table lists by address (it counts them all). */
export const DASH_ZERO_CELLS = 20;

/** A total-row cell whose figure is not the sum of the units' (`cell` is `'Kế hoạch'!C12`, as sheetCell writes it). */
export interface TotalCheck {
  readonly cell: string;
  readonly header: string;
  /** The total row's label ("Toàn tỉnh"). */
  readonly label: string;
  readonly sheetTotal: number;
  readonly unitsSum: number;
}

export interface DetectOptions {
  readonly locale?: NumberLocale;
  /** Set by bands.ts for each of its band-by-band readings: the header starts here, and no bands are looked for. */
  readonly bandPass?: { readonly headerStart: number };
  /** What the sheet was chosen for, when the caller knows: an error about the sheet as a whole then names the setting that chooses another. */
  readonly role?: SheetRole;
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
  /^(toan (tinh|thanh pho|tp|huyen|quan|thi xa|xa|dac khu|quoc|nganh|khu vuc|vung|dia ban)|ca (tinh|thanh pho|tp|huyen|quan|thi xa|xa|nuoc)|(tong|cong) (toan|ca)\s|(tong|cong) (cac|tat ca( cac)?) (don vi|dia phuong|dia ban)|tong cong|tong so|grand total|total|all units)\b/;
const BARE_TOTAL = /^(cong|tong|sum)\s*(\(.*\))?\s*:?$/;
// A subtotal after its block: "Cộng các quận", "Cộng khối huyện", "Tổng các xã", "Cộng nhóm 1",
// "Cộng (I)", "Cộng I". Tested before the total ("Cộng (I)" reads as one, "Tổng số khối quận"
// too); "Cộng (I+II)", "Tổng cộng" and "Cộng các đơn vị" stay the total.
const SUBTOTAL_LABEL =
  /^(tong cong|tong so|cong|tong)\s+(?!cac (don vi|dia phuong|dia ban)\b)(cac|khoi|nhom|khu vuc|vung|cum|loai)\s+\S|^(tong cong|cong|tong)\s*(\(\s*[ivxl]+\s*\)|[ivxl]+)\s*:?$/;
// "I. Các quận", "II) Khối huyện" — but "X. Tân Hòa" is a commune (xã), not group ten.
const GROUP_LABEL = /^(([a-h][.)]\s*)?(cac|khoi|nhom|khu vuc)\s|(?!x[.)])[ivx]+[.)]\s)/;
const ROMAN = /^[IVXL]+\.?$/;
/** Consecutive blank rows after which the table is taken to have ended. */
const BLANK_RUN_END = 50;
/** Larger figures (a billion billion) are typing errors, and their sums could overflow. */
export const MAX_FIGURE = 1e18;

/** A cell as text: a string cleaned (cleanText: spaces, NFC), a number or boolean as written, blank (or past a short row's end) as "". */
export function cellText(v: CellValue | undefined): string {
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

function countDistinctTexts(row: readonly CellValue[] | undefined, width: number): number {
  if (!row) return 0;
  const seen = new Set<string>();
  for (let c = 0; c < Math.min(width, row.length); c++) if (!isBlank(row[c])) seen.add(cellText(row[c]!));
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
    const t = cellText(v);
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
  const own = cellText(row[unitCol] ?? null);
  if (own && typeof row[unitCol] === "string") return own;
  for (let c = 0; c < unitCol; c++) {
    const v = row[c];
    if (typeof v === "string" && v.trim() !== "" && !ROMAN.test(v.trim()) && !/^\d+\.?$/.test(v.trim())) return cellText(v);
  }
  return typeof row[unitCol] === "string" ? own : "";
}

/** The first text in a row (a note or a signature sits wherever its writer put it). */
function firstText(row: readonly CellValue[], width: number): string {
  for (let c = 0; c < Math.min(width, row.length); c++) if (typeof row[c] === "string" && row[c] !== "" && !isBlank(row[c]!)) return cellText(row[c]!);
  return "";
}

/**
 * For a row without figures: 1 when it is a note under the table ("Ghi chú: (*) …", "(1) …"),
 * 2 when it is part of the signature block (a title, "(Ký, họ tên)", "…, ngày … tháng … năm …"
 * in any cell), else 0. After a note or a signature row (`tail`), a row without figures and
 * without an administrative kind is more of it (a second line of notes, a signer's name).
 */
function tailKind(row: readonly CellValue[], width: number, label: string, folded: string, tail: number): number {
  const first = label ? folded : foldText(firstText(row, width));
  if (first !== "" && isNote(first)) return 1;
  for (let c = 0; c < Math.min(width, row.length); c++) {
    const v = row[c];
    if (typeof v === "string" && v !== "" && isSignature(foldText(cellText(v)))) return 2;
  }
  if (tail !== 0 && (label === "" || splitUnitPrefix(label).kind === null)) return tail;
  return 0;
}

/** The tier of a name's kind (unitLevel), or above every tier when it has none written. */
function levelOrTop(name: string): number {
  const kind: UnitKind | null = splitUnitPrefix(name).kind;
  return kind === null ? 4 : unitLevel(kind);
}

// What the row loop has read last (see `context` there).
const CTX_START = 0;
const CTX_UNIT = 1;
const CTX_TOTAL = 2;
const CTX_OF_WHICH = 3;

// Why a row read as a unit was in doubt (see `doubt` in the row loop).
const DOUBT_NUMBERED = 1;
const DOUBT_OF_WHICH = 2;

export function isTotalLabel(label: string): boolean {
  return isTotalFolded(foldText(label));
}

/** A subtotal row's label (folded): "Cộng các quận", "Cộng (I)" — never the total row, never a unit. */
function isSubtotalFolded(f: string): boolean {
  const c = f.charCodeAt(0);
  return (c === 99 || c === 116) && SUBTOTAL_LABEL.test(f);
}

/**
 * The group a subtotal row closes, named as a group row names it: "Cộng các quận" → "Các quận",
 * "CỘNG KHỐI HUYỆN:" → "Khối huyện". A numeral only ("Cộng (I)") keeps the label as written.
 */
function subtotalGroupName(label: string): string {
  const m = /^(tổng cộng|tổng số|cộng|tổng)\s+(.*?)\s*:?\s*$/.exec(lower(label));
  if (!m || !/^(các|khối|nhóm|khu vực|vùng|cụm|loại)\s/.test(m[2]!)) return label;
  // The words after "Cộng" as written (lower() keeps the length of a cleaned label).
  const written = cleanText(label).replace(/\s*:\s*$/, "");
  let rest = written.slice(written.length - m[2]!.length);
  if (rest === rest.toUpperCase()) rest = lower(rest);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
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

/** A total label ("Tổng cộng", "Toàn tỉnh") in one of the row's first cells, up to column `last`. */
function totalLabelUpTo(row: readonly CellValue[], last: number): boolean {
  for (let c = 0; c <= last && c < row.length; c++) {
    const v = row[c];
    if (typeof v === "string" && isTotalLabel(v)) return true;
  }
  return false;
}

function findHeaderStart(grid: Grid, width: number): number {
  const scan = Math.min(grid.length, 40);
  for (let r = 0; r < scan; r++) {
    const row = grid[r];
    // A header names at least two columns; a merged title repeated across its cells (as exceljs
    // gives it: "TỈNH HẬU GIANG" …) is one text, however many cells it fills.
    if (!row || countDistinctTexts(row, width) < 2) continue;
    // A header row has no figures, but may have years typed as numbers ("Năm" over 2023 | 2024);
    // then its unit header is a bare word ("Huyện"), never a name ("Huyện A" of a data row).
    const years = row.some(isNumberCell);
    if (years && !onlyYears(row, width)) continue;
    for (let c = 0; c < Math.min(width, row.length); c++) {
      const f = foldText(cellText(row[c]));
      if (f && (STT_HEADER.test(f) || UNIT_HEADER.test(f)) && !(years && parseUnitName(cellText(row[c])).kind !== null)) {
        // A unit name in a data row also starts with "Huyện …": a header row has no numbers
        // and is followed, within a few rows, by rows that do.
        // Excel errors and "-" count as figures too: the first units may have nothing else.
        for (let k = r + 1; k < Math.min(grid.length, r + 6); k++)
          if (grid[k]?.some(isNumberCell) || rowHasNumericText(grid[k], width) || rowHasErrorOrNone(grid[k], width)) return r;
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

/** A row with an Excel error (#N/A), a dash (zero) or an "x" (not applicable) in it: a data row, never a header. */
function rowHasErrorOrNone(row: readonly CellValue[] | undefined, width: number): boolean {
  if (!row) return false;
  for (let c = 0; c < Math.min(width, row.length); c++) {
    const p = parseCell(row[c] ?? null);
    if (p.kind === "error" || p.kind === "none" || (p.kind === "number" && p.dash)) return true;
  }
  return false;
}

/** A year a header may hold as a number or as bare digits: 2024 under "Kế hoạch năm". */
function isYearCell(v: CellValue): boolean {
  if (typeof v === "number") return Number.isInteger(v) && v >= 1990 && v <= 2100;
  return typeof v === "string" && /^\s*(19[9]\d|20\d\d|2100)\s*$/.test(v);
}

/** Every number (or numeric text) in the row is a year, and there is at least one. */
function onlyYears(row: readonly CellValue[], width: number): boolean {
  let n = 0;
  for (let c = 0; c < Math.min(width, row.length); c++) {
    const v = row[c] ?? null;
    if (typeof v === "number" || (typeof v === "string" && /\d/.test(v) && parseCell(v).kind === "number")) {
      if (!isYearCell(v)) return false;
      n++;
    }
  }
  return n > 0;
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
    return Array.from({ length: width }, (_, c) => cellText(row[c] ?? null));
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
  // A cell of the grid as a message's place: the sheet, and the A1 address as Excel shows it.
  const here = (r: number, c: number): Where => ({ sheet: sheet.name, cell: cellAddress(r + origin.row, c + origin.col) });
  const fullWidth = gridWidth(grid);
  const uncalculated: ReadonlySet<string | undefined> = new Set(sheet.uncalculated ?? []);
  const role = options.role;
  // An error about the sheet as a whole: choosing another sheet for its role fixes it.
  const onSheet = role !== undefined ? { role } : {};
  if (grid.length === 0 || fullWidth === 0 || grid.every((r) => r.every(isBlank))) {
    throw new ChitieuError("empty-sheet", said("empty-sheet", onSheet, { sheet: sheet.name }, role));
  }

  const start = options.bandPass ? options.bandPass.headerStart : findHeaderStart(grid, fullWidth);
  if (start < 0) throw new ChitieuError("no-table", said("no-header-row", onSheet, { sheet: sheet.name }, role));

  // Header rows: the start row and up to two more text-only rows below it.
  const headerRows = [start];
  // Columns the start row names as the unit or STT column: under them a further header row is
  // blank (merged) or repeats the header, so a name there means the row is already a unit row
  // (one whose figures are all errors, "-" or text would otherwise pass for a header row).
  const startRow = grid[start] ?? [];
  const labelCols: number[] = [];
  for (let c = 0; c < Math.min(fullWidth, startRow.length); c++) {
    const f = foldText(cellText(startRow[c] ?? null));
    if (f && (STT_HEADER.test(f) || UNIT_HEADER.test(f))) labelCols.push(c);
  }
  // A total row's label sits in the label columns (or the first cells, merged "Tổng cộng"); "Tổng
  // số" over figure columns ("BHYT" over "Tổng số | Trong đó: HSSV") is a header's leaf.
  let labelEnd = labelCols.length > 0 ? labelCols[labelCols.length - 1]! : 0;
  if (labelCols.length === 0) while (labelEnd < startRow.length - 1 && isBlank(startRow[labelEnd] ?? null)) labelEnd++;
  let next = start + 1;
  while (next < grid.length && headerRows.length < 3) {
    const row = grid[next];
    // Only the header's own span counts: junk far to the right makes no row a header row.
    const span = headerWidth(grid, [...headerRows, next]);
    if (!row || nonBlankCount(row, span) === 0) break;
    // Years under a header ("Kế hoạch năm" over 2024) keep the row in the header: a data row has
    // a unit name under the label columns (tested next) and figures that are not all years.
    if ((row.slice(0, span).some(isNumberCell) || rowHasNumericText(row, span)) && !(labelCols.length > 0 && onlyYears(row, span))) break;
    if (isColumnNumberRow(row, span)) break;
    if (
      labelCols.some((c) => {
        const t = cellText(row[c] ?? null);
        return t !== "" && t !== cellText(startRow[c] ?? null);
      })
    )
      break;
    const first = foldText(cellText(row[0] ?? null));
    if (ROMAN.test(cellText(row[0] ?? null)) || GROUP_LABEL.test(first) || totalLabelUpTo(row, labelEnd)) break;
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
    throw new ChitieuError("no-table", said("no-unit-column", onSheet, { sheet: sheet.name, row: start + origin.row + 1 }, role));
  }

  // Two or three rows per unit ("Kế hoạch" / "Thực hiện" under a merged name): read band by band.
  if (!options.bandPass) {
    const banded = readBands(sheet, options, { headerRows, dataStart: next, width, unitColumn, sttColumn, notesColumn, parts }, detectTable);
    if (banded) return banded;
  }

  // Data rows.
  const warnings: Message[] = [];
  const units: UnitRow[] = [];
  const excluded: ExcludedRow[] = [];
  const groups: { row: number; label: string; unitIndices: number[] }[] = [];
  // Subtotal rows read as group rows, with their labels as written.
  const subtotalGroups: { group: { row: number; label: string; unitIndices: number[] }; label: string }[] = [];
  let totalRow: { row: number; label: string } | null = null;
  let currentGroup: { row: number; label: string; unitIndices: number[] } | null = null;
  let blankRun = 0;
  const dataCols: number[] = [];
  for (let c = 0; c < width; c++) if (c !== unitColumn && c !== sttColumn && c !== notesColumn) dataCols.push(c);
  // What each column's header says before any row is read: rates ("Tỷ lệ (%)", "Xếp hạng"), and
  // figures the sheet computed ("Còn phải thực hiện", "3=2/1" in the column-number row), which are
  // read but never warned about or checked against a total (the results check them).
  const numberRow = columnNumberRow !== null ? (grid[columnNumberRow] ?? []) : null;
  const rateCol = new Uint8Array(width);
  const computedCol = new Uint8Array(width);
  // The count columns a breakdown's rows add up in (not rates, codes or computed figures).
  const sumCol = new Uint8Array(width);
  for (const c of dataCols) {
    if (headers[c] === "") continue;
    const own = folded[c]![folded[c]!.length - 1] ?? "";
    rateCol[c] = folded[c]!.some((x) => RATE_HEADER.test(x)) || RATE_LEAF.test(own) ? 1 : 0;
    computedCol[c] = sheetComputed(parts[c]!, rateCol[c] === 1, numberRow ? cellText(numberRow[c] ?? null) : null) ? 1 : 0;
    sumCol[c] = rateCol[c] || computedCol[c] || CODE_HEADER.test(own) ? 0 : 1;
  }

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
  // What the loop has seen last, for rows whose kind depends on the rows above them: list-marked
  // rows ("- Nông thôn") under a unit or the total are its breakdown, but names of a kind ("- Huyện
  // A") under the header, a group row or the total are the units; rows under "Trong đó:" are a
  // breakdown until the block ends; after a note or a signature row, the rows without figures are more of it.
  let context = CTX_START;
  // The last unit read without a list mark (its kind is read only when a list-marked row asks),
  // its index in `units`, and whether its row had figures (a district heading row has none).
  let lastUnitName = "";
  let lastUnitIndex = -1;
  let lastUnitFigures = false;
  // Under "Trong đó:": what the loop had seen before the heading (restored when the block ends),
  // and whether a row of the block carried a list mark (then an unmarked row after them plainly ends it).
  let ofWhichFrom = CTX_START;
  let ofWhichMarked = false;
  // The block's rows with figures, the row they may break down (the unit or total row above the
  // heading, -1 for none), and the messages about rows left out by their words alone: said when
  // the block ends, unless its rows add up to that row (then they are its breakdown beyond doubt).
  const ofWhichRows: number[] = [];
  let ofWhichParent = -1;
  const ofWhichSaid: Message[] = [];
  // The row of the last unit (read without a list mark) or total row: what a "Trong đó:" breaks down.
  let lastParentRow = -1;
  // Where the block a subtotal row closes begins ("Cộng các quận" after its quận): an index into
  // `units`, moved on at each total, group and subtotal row.
  let blockStart = 0;
  let bulletList = false;
  // A district heading row without figures made a group row by its list-marked communes: the group
  // it interrupted (I "Các huyện"), taken up again at the next row without a mark.
  let headingGroup = false;
  let outerGroup: { row: number; label: string; unitIndices: number[] } | null = null;
  // Set once a heading row has become a group row (its exclusion is listed after rows below it).
  let headingGroups = false;
  let tail = 0;
  // Per unit: the stretch of the table it is in (a new one after each total or group row), for
  // group rows without numerals, which never reach across one.
  let section = 0;
  const unitSection: number[] = [];
  // Units read from list-marked rows under a unit of a higher kind ("- Xã An" under "Huyện Châu
  // Thành"): the communes of a district row if its figures are their sum, else its breakdown.
  const bulleted: number[] = [];
  // Per entry of `bulleted`: the unit it is listed under when the row has figures and an STT number
  // (never a breakdown: a unit even if that one is not their group row), else -1.
  const bulletedParent: number[] = [];
  // Units whose name cell holds a number (a ward typed as 3): named from their neighbours below.
  const numberNamed: number[] = [];
  // A named row with no figures yet is a unit when rows with figures follow it (it sits inside
  // the table), or when its name has an administrative prefix ("Huyện …", "X. …") and no comma (a
  // footer "TP. Vị Thanh, ngày …" has one): a unit is never dropped for want of figures. Nor are
  // the units under such a row: a district row without figures above list-marked communes is
  // their group row, and they are its units (not its breakdown).
  let lastFigureRow = -1;
  for (let r = grid.length - 1; r >= next && lastFigureRow < 0; r--) if (grid[r] && hasFigureIn(grid[r]!)) lastFigureRow = r;

  // Ends a "Trong đó:" block: says what its rows' words alone decided, unless they add up to the
  // row above the heading. True when they do (then the row after them is in no doubt either).
  const endOfWhich = (): boolean => {
    const sure = ofWhichParent >= 0 && ofWhichRows.length > 0 && addsUp(grid, ofWhichParent, ofWhichRows, sumCol, locale);
    if (!sure) for (const w of ofWhichSaid) warnings.push(w);
    ofWhichSaid.length = 0;
    ofWhichRows.length = 0;
    ofWhichParent = -1;
    return sure;
  };

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
    const sttText = typeof sttCell === "number" ? "" : cellText(sttCell);
    const f = foldText(label);
    // A subtotal after its block ("Cộng các quận"): a group row over the units above it since the
    // last total, group or subtotal row — never a unit, and never a heading over the rows after it.
    // Excluded as "group" (its figures are a group's, checked against its units), not "total":
    // the total row is the one check on all the units, and a second one is warned about. Below the
    // table and without figures, "Tổng các xã đạt chuẩn: 12" is a note.
    if (label && isSubtotalFolded(f) && (r < lastFigureRow || hasFigureIn(row))) {
      if (context === CTX_OF_WHICH) endOfWhich();
      const groupName = subtotalGroupName(label);
      const members: number[] = [];
      for (let i = blockStart; i < units.length; i++) {
        members.push(i);
        // Units already under a group row (I "Các quận") stay in it: this row only checks them.
        if (units[i]!.group === null) units[i] = { ...units[i]!, group: groupName };
      }
      const g = { row: r, label: groupName, unitIndices: members };
      groups.push(g);
      subtotalGroups.push({ group: g, label });
      excluded.push({ row: r, label, reason: "group" });
      currentGroup = null;
      headingGroup = false;
      context = CTX_START;
      bulletList = false;
      blockStart = units.length;
      section++;
      continue;
    }
    if (label && isTotalFolded(f)) {
      if (context === CTX_OF_WHICH) endOfWhich();
      if (totalRow) warnings.push(said("second-total-row", { label, usedRow: totalRow.row + origin.row + 1 }, here(r, unitColumn)));
      else totalRow = { row: r, label };
      excluded.push({ row: r, label, reason: "total" });
      context = CTX_TOTAL;
      lastParentRow = r;
      blockStart = units.length;
      bulletList = false;
      if (headingGroup) {
        currentGroup = outerGroup;
        headingGroup = false;
      }
      section++;
      continue;
    }
    // Under "Trong đó:", "Khu vực thành thị", "Khối doanh nghiệp" are its breakdown, not group rows.
    if (ROMAN.test(sttText) || (label && GROUP_LABEL.test(f) && !(context === CTX_OF_WHICH && isBreakdownRow(f)))) {
      if (context === CTX_OF_WHICH) endOfWhich();
      const g = { row: r, label: label || sttText, unitIndices: [] as number[] };
      groups.push(g);
      currentGroup = g;
      headingGroup = false;
      excluded.push({ row: r, label: g.label, reason: "group" });
      context = CTX_START;
      blockStart = units.length;
      bulletList = false;
      section++;
      continue;
    }
    const figures = hasFigureIn(row);
    // Notes under the table and the signature block, wherever they sit: never units.
    if (!figures) {
      const t = tailKind(row, width, label, f, tail);
      if (t !== 0) {
        tail = t;
        excluded.push({ row: r, label: label || firstText(row, width), reason: t === 1 ? "note" : "signature" });
        continue;
      }
    }
    const unitCell = row[unitColumn];
    let name = label;
    // A row with figures and a number in the STT column is a unit whatever its words or marks say:
    // never left out as a breakdown, so a numbered unit is never lost under "Trong đó:".
    const numbered = typeof sttCell === "number" ? Number.isInteger(sttCell) && sttCell >= 0 : sttText !== "" && /^\d+\.?$/.test(sttText);
    const keep = figures && numbered;
    // Why the row, once read as a unit, was in doubt (said then): DOUBT_NUMBERED, read as a unit
    // for its STT number against its mark or words; DOUBT_OF_WHICH, the first row after "Trong đó:"
    // rows without marks that is not worded as one of them.
    let doubt = 0;
    const bullet = label ? afterBullet(label) : null;
    if (context === CTX_OF_WHICH) {
      // The block under "Trong đó:" ends at a row with an STT number, or at a row neither
      // list-marked nor worded as a breakdown (thành thị, nông thôn, KCN …).
      if (numbered) {
        endOfWhich();
        context = ofWhichFrom;
        if (bullet === null && label && isBreakdownRow(f)) doubt = DOUBT_NUMBERED;
      } else if (bullet === null && !(label && (isBreakdownRow(f) || isOfWhich(f)))) {
        const sure = endOfWhich();
        context = ofWhichFrom;
        if (!ofWhichMarked && !sure) doubt = DOUBT_OF_WHICH;
      }
    }
    // A list-marked unit under a unit of a higher kind: kept only if that unit is their group row.
    let underUnit = false;
    if (bullet !== null) {
      const kind = splitUnitPrefix(bullet).kind;
      const top = kind === null || context !== CTX_UNIT ? 0 : levelOrTop(lastUnitName);
      if (top !== 0 && !lastUnitFigures && lastUnitIndex === units.length - 1 && (unitLevel(kind) < top || (top === 2 && figures))) {
        // The unit above has no figures and list-marked names of a lower kind follow it (or of a
        // kind, under a district, town or city): it is their heading, a group row, and they are
        // its units — read as its breakdown, its communes would leave the table with their figures.
        const h = units.pop()!;
        unitSection.pop();
        if (currentGroup && currentGroup.unitIndices[currentGroup.unitIndices.length - 1] === units.length) currentGroup.unitIndices.pop();
        if (numberNamed[numberNamed.length - 1] === units.length) numberNamed.pop();
        const g = { row: h.row, label: h.name, unitIndices: [] as number[] };
        groups.push(g);
        if (!headingGroup) outerGroup = currentGroup;
        currentGroup = g;
        headingGroup = true;
        excluded.push({ row: h.row, label: h.name, reason: "group" });
        headingGroups = true;
        lastUnitIndex = -1;
        section++;
        bulletList = true;
        name = bullet;
      } else if (kind !== null && (context === CTX_START || context === CTX_TOTAL || bulletList)) {
        // Names of a kind under the header, a group row or the total are the units, listed with marks.
        bulletList = true;
        name = bullet;
      } else if (kind !== null && context === CTX_UNIT && (lastUnitName === "" || unitLevel(kind) < levelOrTop(lastUnitName))) {
        underUnit = true;
        name = bullet;
      } else if (keep) {
        doubt = DOUBT_NUMBERED;
        name = bullet;
      } else {
        if (context === CTX_OF_WHICH) {
          ofWhichMarked = true;
          if (figures) ofWhichRows.push(r);
        }
        excluded.push({ row: r, label, reason: "breakdown" });
        continue;
      }
    } else {
      bulletList = false;
      if (headingGroup) {
        currentGroup = outerGroup;
        headingGroup = false;
      }
      if (label && isOfWhich(f)) {
        if (keep) doubt = DOUBT_NUMBERED;
        else {
          excluded.push({ row: r, label, reason: "breakdown" });
          if (isOfWhichHeading(f)) {
            if (context !== CTX_OF_WHICH) {
              ofWhichFrom = context;
              ofWhichParent = context === CTX_UNIT || context === CTX_TOTAL ? lastParentRow : -1;
            }
            context = CTX_OF_WHICH;
            ofWhichMarked = false;
          }
          continue;
        }
      } else if (context === CTX_OF_WHICH) {
        // Still in the block (the test above ends it otherwise): worded as a breakdown, without a
        // mark or an STT number. Left out — and said, when it has figures, since only its words say
        // so (when the block ends, unless the block adds up to the row it breaks down).
        if (figures) {
          ofWhichRows.push(r);
          ofWhichSaid.push(said("of-which-row-left-out", { label, stt: sttColumn >= 0 }, here(r, unitColumn)));
        }
        excluded.push({ row: r, label, reason: "breakdown" });
        continue;
      }
    }
    // A unit's name cell holding a number (a ward typed as 3): the number is its name for now.
    const typedNumber = typeof unitCell === "number" && Number.isInteger(unitCell) && unitCell > 0 && unitCell < 1000;
    if (typedNumber) name = String(unitCell);
    // A footnote mark ("Huyện Long Mỹ (*)") is kept apart; the name is shown without it.
    const markAt = footnoteMarkStart(name);
    const mark = markAt < 0 ? null : name.slice(markAt).trim();
    if (markAt >= 0) name = name.slice(0, markAt).trimEnd();
    // A unit row has a name, and figures, a number in the STT column, or the look of a unit name
    // (tested in that order, each only when the ones before leave the row in doubt; no closure
    // per row, which the CLI's loader makes costly).
    const isUnit =
      !!name &&
      (typedNumber || typeof unitCell === "string") &&
      (figures || numbered || r < lastFigureRow || (splitUnitPrefix(name).kind !== null && !name.includes(",")));
    if (!isUnit) {
      excluded.push({ row: r, label: label || cellText(row.find((v) => !isBlank(v)) ?? null), reason: "text" });
      continue;
    }
    if (doubt === DOUBT_NUMBERED) {
      warnings.push(said("numbered-row-read-as-unit", { label, name, bullet: bullet !== null }, here(r, unitColumn)));
    } else if (doubt === DOUBT_OF_WHICH) {
      warnings.push(said("of-which-row-read-as-unit", { label }, here(r, unitColumn)));
    }
    if (currentGroup) currentGroup.unitIndices.push(units.length);
    if (underUnit) {
      bulleted.push(units.length);
      bulletedParent.push(keep ? lastUnitIndex : -1);
    } else {
      context = CTX_UNIT;
      lastParentRow = r;
      lastUnitName = name;
      lastUnitIndex = units.length;
      lastUnitFigures = figures;
    }
    tail = 0;
    // "3" (or "12") alone: a ward or district typed by its number.
    const c0 = name.charCodeAt(0);
    if (c0 >= 48 && c0 <= 57 && /^\d{1,3}$/.test(name)) numberNamed.push(units.length);
    unitSection.push(section);
    const group = currentGroup ? currentGroup.label : null;
    units.push(mark !== null ? { row: r, name, group, mark } : { row: r, name, group });
  }
  if (context === CTX_OF_WHICH) endOfWhich();

  // Units typed by their number (ward 3 as 3 among "Phường 1", "Phường 2"): named with their neighbours' kind.
  // "Cộng các xã, phường" under every unit, with no total row and no other group: the total row,
  // worded as a subtotal — the check on all the units, not one group holding them all.
  if (
    totalRow === null &&
    groups.length === 1 &&
    subtotalGroups.length === 1 &&
    subtotalGroups[0]!.group.unitIndices.length === units.length &&
    units.length > 0
  ) {
    const { group, label } = subtotalGroups[0]!;
    groups.length = 0;
    totalRow = { row: group.row, label };
    for (let i = 0; i < units.length; i++) if (units[i]!.group === group.label) units[i] = { ...units[i]!, group: null };
    const k = excluded.findIndex((e) => e.row === group.row);
    if (k >= 0) excluded[k] = { row: group.row, label, reason: "total" };
  }
  if (numberNamed.length > 0) nameNumberedUnits(units, numberNamed, unitColumn, headers[unitColumn] ?? "", here, warnings);

  // A scale stated above the table ("Đơn vị tính: nghìn người") holds for the whole sheet; one in
  // a column's header, for that column (and a group header's, for the columns under it).
  const sheetScale = sheetScaleOf(grid, start, headerRows, width, at);
  const columnScale = (c: number): FoundScale | null => {
    for (let k = headerRows.length - 1; k >= 0; k--) {
      const r = headerRows[k]!;
      // A merged group header is written in its first cell: look left to it, if this column carries it.
      let cc = c;
      while (cc > 0 && isBlank(cellAt(grid, r, cc))) cc--;
      const t = cellText(cellAt(grid, r, cc));
      if (t === "" || (cc !== c && !parts[c]!.includes(t))) continue;
      const st = statedScale(foldText(t));
      if (st) return { ...st, from: `${at(r, cc)}: "${t}"` };
    }
    return null;
  };

  // Columns: numbers under a header are indicators (or rates); the rest are text columns. Their
  // objects are made once the units are final (group rows without numerals leave them below).
  interface ReadColumn {
    readonly c: number;
    readonly role: ColumnRole;
    /** The sheet computed it (sheetComputed): read, but never warned about nor checked. */
    readonly computed: boolean;
    readonly values: (number | null)[];
    readonly totalValue: number | null;
    readonly scale: FoundScale | null;
  }
  const read: ReadColumn[] = [];
  const textCols: number[] = [];
  // Messages about one unit's cell, kept apart until the units are final: a district row found to
  // be a group row later is not a unit, and its cells say nothing.
  const cellNoteUnit: number[] = [];
  const cellNotes: Message[] = [];
  // Dash zeros: how many, and the first few as (unit, column) pairs.
  let dashCount = 0;
  const dashCells: number[] = [];
  for (const c of dataCols) {
    if (headers[c] === "") continue;
    if (CODE_HEADER.test(folded[c]![folded[c]!.length - 1] ?? "")) {
      textCols.push(c);
      continue;
    }
    // A cell holding a finite number (nearly every one) is a number as it stands: null here, and
    // no ParsedCell made for it (one for each of a large province's cells was much of the garbage).
    let numeric = 0;
    let textual = 0;
    // Figures other than dashes: a column of "-" and words (a category column) is not figures; of
    // dashes alone (nobody yet, anywhere), it is.
    let real = 0;
    // Text figures that use the locale's separators beyond doubt, or the other locale's.
    let ownForm = 0;
    let otherForm = 0;
    // Only the cells that are not plain numbers, by unit: an array as long as the units would,
    // at 100,000 units, be a large object the young generation cannot hold, for every column.
    const parsed = new Map<number, ParsedCell>();
    for (let i = 0; i < units.length; i++) {
      const v = cellAt(grid, units[i]!.row, c);
      if (typeof v === "number" && Number.isFinite(v)) {
        numeric++;
        real++;
        continue;
      }
      const p = parseCell(v, locale);
      parsed.set(i, p);
      if (p.kind === "number") {
        numeric++;
        if (!p.dash) real++;
        const form = separatorForm(v, locale);
        if (form === "own") ownForm++;
        else if (form === "other") otherForm++;
      } else if (p.kind === "text") textual++;
    }
    if (numeric === 0 || textual > numeric || (real === 0 && textual > 0)) {
      if (textual > 0) textCols.push(c);
      continue;
    }
    const role: ColumnRole = rateCol[c] ? "rate" : "number";
    const computed = computedCol[c] === 1;
    // A count (people, households): whole numbers, and the only figures a stated scale applies to.
    // Money, cards and debts (OTHER_QUANTITY) are not counts; rates never are.
    const count = role === "number" && !isOtherQuantity(parts[c]!);
    const stated = count ? (columnScale(c) ?? sheetScale) : null;
    const applied = stated !== null && !stated.money ? stated : null;
    const scale = applied ? applied.scale : 1;
    const note = (i: number, message: Message) => {
      cellNoteUnit.push(i);
      cellNotes.push(message);
    };
    // A unit's figure in this column, as written (before the scale), with a message for each cell
    // that has none, or a doubtful one.
    const figureAt = (i: number): number | null => {
      const q = parsed.size === 0 ? null : (parsed.get(i) ?? null);
      // The common case first: a plain figure needs no message, so no cell address is built.
      if (q === null) {
        const v = cellAt(grid, units[i]!.row, c) as number;
        if (Math.abs(v) <= MAX_FIGURE && !(role === "number" && v < 0)) {
          // Counts of people are whole numbers (after the scale: 12,5 thousand is 12.500).
          if (count && !Number.isInteger(v) && !isWhole(scaled(v, scale)))
            note(i, said("count-not-whole", { value: v, header: headers[c]! }, here(units[i]!.row, c)));
          return v;
        }
      }
      const p = q ?? parseCell(cellAt(grid, units[i]!.row, c), locale);
      if (p.kind === "number" && !p.otherLocale && Math.abs(p.value) <= MAX_FIGURE && !(role === "number" && p.value < 0)) {
        if (p.dash) {
          dashCount++;
          if (dashCells.length < 2 * DASH_ZERO_KEEP) dashCells.push(i, c);
          return 0;
        }
        if (!count) return p.value;
        const raw = cellAt(grid, units[i]!.row, c);
        if (p.percent) {
          note(i, said("percent-in-count-column", { written: cellText(raw), header: headers[c]!, unit: units[i]!.name }, here(units[i]!.row, c)));
          return null;
        }
        // "2,010" in a Vietnamese sheet: 2,01 or 2.010.
        const grouped = groupedReading(raw, locale);
        if (grouped !== null) return eitherWay(p.value, grouped, i);
        if (!isWhole(scaled(p.value, scale))) note(i, said("count-not-whole", { value: p.value, header: headers[c]! }, here(units[i]!.row, c)));
        return p.value;
      }
      const cell = here(units[i]!.row, c);
      const header = headers[c]!;
      const unit = units[i]!.name;
      switch (p.kind) {
        case "number":
          if (p.otherLocale)
            note(
              i,
              said(
                "other-locale-number",
                { written: cellText(cellAt(grid, units[i]!.row, c)), value: p.value, percent: p.percent === true, sheetLocale: locale },
                cell,
                "locale",
              ),
            );
          // Left out rather than used: a sum of such figures could overflow to Infinity.
          if (Math.abs(p.value) > MAX_FIGURE) {
            note(i, said("figure-too-large", { value: p.value, header, unit }, cell));
            return null;
          }
          // A negative count or target is almost surely a typing error: one such cell would
          // otherwise distort the area-wide rate every unit is compared with.
          if (role === "number" && p.value < 0) {
            note(i, said("negative-figure", { value: p.value, header, unit }, cell));
            return null;
          }
          return p.value;
        case "blank":
          if (role === "number") note(i, said(uncalculated.has(cell.cell) ? "formula-not-calculated" : "blank-cell", { header, unit }, cell));
          return null;
        case "none":
          // "x": not applicable, as the sheet says; "…": not collected. No figure, and nothing to fix.
          return null;
        case "error":
          note(i, said("excel-error", { error: p.text, header, unit }, cell));
          return null;
        case "text":
          note(i, said("text-in-number-column", { text: p.text, header, unit }, cell));
          return null;
      }
    };
    // A count typed as "2,010" (Vietnamese) or "2.010" (English): the locale reads 2,01, the other
    // way 2.010. Whole numbers decide it; where both readings are whole (a column in thousands), the
    // separators of the column's other text figures do; else a message names the cell.
    const eitherWay = (decimal: number, grouped: number, i: number): number => {
      const decimalWhole = isWhole(scaled(decimal, scale));
      const groupedWhole = isWhole(scaled(grouped, scale));
      const written = cellText(cellAt(grid, units[i]!.row, c));
      const cell = here(units[i]!.row, c);
      const header = headers[c]!;
      if (groupedWhole && !decimalWhole) {
        // A count is whole: 2.010 — said, when the column's other figures group thousands the locale's way.
        if (ownForm > 0 && otherForm === 0) note(i, said("separator-read-as-thousands", { written, grouped, decimal, header, sheetLocale: locale }, cell));
        return grouped;
      }
      if (groupedWhole && decimalWhole) {
        if (otherForm > 0 && ownForm === 0) return grouped;
        if (ownForm > 0 && otherForm === 0) return decimal;
        note(i, said("separator-read-as-decimal", { written, grouped, decimal, header, scale }, cell));
        return decimal;
      }
      note(i, said("count-not-whole", { value: decimal, header }, cell));
      return decimal;
    };
    // A figure the sheet computed, as it stands (a difference may be negative): no message, no dash zero.
    const computedAt = (i: number): number | null => {
      const p = parsed.get(i) ?? parseCell(cellAt(grid, units[i]!.row, c), locale);
      return p.kind === "number" && Math.abs(p.value) <= MAX_FIGURE ? p.value : null;
    };
    const values = new Array<number | null>(units.length);
    // A plain figure (nearly every cell) is taken here, without a call: whole, or not a count, and
    // neither negative in a count column nor too large.
    const least = role === "number" && !computed ? 0 : -MAX_FIGURE;
    const whole = count && !computed;
    for (let i = 0; i < units.length; i++) {
      const v = grid[units[i]!.row]![c];
      values[i] = typeof v === "number" && v >= least && v <= MAX_FIGURE && (!whole || Number.isInteger(v)) ? v : computed ? computedAt(i) : figureAt(i);
    }
    if (scale !== 1) for (let i = 0; i < values.length; i++) if (values[i] !== null) values[i] = scaled(values[i]!, scale);
    let totalValue: number | null = null;
    if (totalRow) {
      const p = parseCell(cellAt(grid, totalRow.row, c), locale);
      if (p.kind === "number") totalValue = scaled(p.value, scale);
    }
    read.push({ c, role, computed, values, totalValue, scale: applied });
  }

  // Group rows without numerals: a district row whose figures its communes' rows sum. Such a row,
  // and list-marked rows under a unit that turn out not to be its communes, leave the units.
  // And a district row without an STT number above its numbered communes, whatever its figures.
  const countRead = read.filter((x) => x.role === "number" && !x.computed);
  const countValues = countRead.map((x) => x.values);
  const levelOf = (i: number) => unitLevel(splitUnitPrefix(units[i]!.name).kind);
  const sttOf = sttColumn >= 0 ? (i: number) => sttNumber(cellAt(grid, units[i]!.row, sttColumn)) : null;
  let bySums =
    units.length >= 3 && countValues.length > 0
      ? findSumGroups({ columns: countValues, section: unitSection, levelOf, sttOf, bulleted: bulleted.length > 0 ? flags(units.length, bulleted) : null })
      : [];
  // The sheet's own total says otherwise: it equals the sum of every row, the rows the sums found
  // among them, so those rows are units it counts (small figures add up by chance).
  const withTotal = countRead.filter((x) => x.totalValue !== null);
  if (
    bySums.length > 0 &&
    withTotal.length > 0 &&
    withTotal.every((x) =>
      closeEnough(
        x.values.reduce<number>((sum, v) => sum + (v ?? 0), 0),
        x.totalValue!,
      ),
    )
  )
    bySums = [];
  const byKind = sttOf !== null && units.length >= 2 ? findKindGroups({ section: unitSection, levelOf, sttOf }) : [];
  // A row the sums found keeps their reading (and its message); the kind adds the rows they did
  // not. `sumGroups` holds both from here on, `kindParents` says which were found by their kind.
  const kindParents = new Set<number>();
  let sumGroups = bySums;
  if (byKind.length > 0) {
    const taken = new Uint8Array(units.length);
    for (const g of bySums) for (let j = g.parent; j <= g.last; j++) taken[j] = 1;
    const more = byKind.filter((g) => {
      for (let j = g.parent; j <= g.last; j++) if (taken[j]) return false;
      return true;
    });
    for (const g of more) kindParents.add(g.parent);
    if (more.length > 0) sumGroups = bySums.concat(more).sort((a, b) => a.parent - b.parent);
  }
  const dropped = sumGroups.length > 0 || bulleted.length > 0 ? new Uint8Array(units.length) : null;
  const parentOf = dropped ? new Int32Array(units.length).fill(-1) : null;
  if (dropped && parentOf) {
    for (const g of sumGroups) {
      dropped[g.parent] = 1;
      for (let j = g.first; j <= g.last; j++) parentOf[j] = g.parent;
    }
    for (let n = 0; n < bulleted.length; n++) {
      const b = bulleted[n]!;
      if (parentOf[b]! >= 0) continue;
      const p = bulletedParent[n]!;
      if (p < 0) dropped[b] = 2;
      else {
        // Numbered, with figures: a unit all the same, and the unit above it too — said, as both enter the total.
        const u = units[b]!;
        warnings.push(said("bulleted-numbered-unit", { name: u.name, parent: units[p]!.name }, here(u.row, unitColumn)));
      }
    }
  }
  // Every group row found by its sums is said, with the rows it sums, so a planner can check it:
  // taken for a unit, it would count them twice; a unit taken for it would leave the table.
  // One taken by its kind is said when its figures are not its rows' sum (a district's own
  // collection beside its communes'), naming each cell with both numbers: the difference is no
  // unit's, and leaves the area total.
  const saidGroups = new Set<number>();
  for (const g of sumGroups) {
    const u = units[g.parent]!;
    if (kindParents.has(g.parent)) {
      saidGroups.add(u.row);
      const differences: { cell: string; sheetFigure: number; rowsSum: number }[] = [];
      for (const x of countRead) {
        const pv = x.values[g.parent] ?? null;
        if (pv === null) continue;
        let sum = 0;
        for (let j = g.first; j <= g.last; j++) sum += x.values[j] ?? 0;
        if (!closeEnough(sum, pv)) differences.push({ cell: here(u.row, x.c).cell!, sheetFigure: pv, rowsSum: sum });
      }
      if (differences.length === 0) continue;
      const firstRow = units[g.first]!.row + origin.row + 1;
      const lastRow = units[g.last]!.row + origin.row + 1;
      warnings.push(said("parent-row-not-sum", { name: u.name, firstRow, lastRow, differences }, here(u.row, unitColumn)));
      continue;
    }
    warnings.push(
      said(
        "group-row-by-sums",
        { name: u.name, firstRow: units[g.first]!.row + origin.row + 1, lastRow: units[g.last]!.row + origin.row + 1 },
        here(u.row, unitColumn),
      ),
    );
  }
  // The dash zeros to list, named before the units move.
  const dashList: string[] = [];
  for (let n = 0; n < dashCells.length && dashList.length < DASH_ZERO_CELLS; n += 2) {
    const i = dashCells[n]!;
    if (!dropped || !dropped[i]) dashList.push(at(units[i]!.row, dashCells[n + 1]!));
  }
  if (dropped && parentOf) {
    const parents = sumGroups.map((g) => units[g.parent]!);
    const parentName = new Map(sumGroups.map((g, n) => [g.parent, parents[n]!.name] as const));
    // The units that stay, at their new indices; the ones under a district row take it as their group.
    const newIndex = new Int32Array(units.length).fill(-1);
    let k = 0;
    for (let i = 0; i < units.length; i++) {
      const u = units[i]!;
      if (dropped[i]) {
        excluded.push({ row: u.row, label: u.name, reason: dropped[i] === 1 ? "group" : "breakdown" });
        // Its dashes are not a unit's zeros.
        for (const x of read) {
          if (x.computed) continue;
          const p = parseCell(cellAt(grid, u.row, x.c), locale);
          if (p.kind === "number" && p.dash) dashCount--;
        }
        continue;
      }
      newIndex[i] = k;
      units[k] = parentOf[i]! >= 0 ? { ...u, group: parentName.get(parentOf[i]!)! } : u;
      for (const x of read) x.values[k] = x.values[i]!;
      k++;
    }
    units.length = k;
    for (const x of read) x.values.length = k;
    for (const g of groups) g.unitIndices = g.unitIndices.map((i) => newIndex[i]!).filter((i) => i >= 0);
    sumGroups.forEach((g, n) => {
      const members: number[] = [];
      for (let j = g.first; j <= g.last; j++) if (newIndex[j]! >= 0) members.push(newIndex[j]!);
      groups.push({ row: parents[n]!.row, label: parents[n]!.name, unitIndices: members });
    });
    groups.sort((a, b) => a.row - b.row);
    excluded.sort((a, b) => a.row - b.row);
  } else if (headingGroups) excluded.sort((a, b) => a.row - b.row);
  for (let n = 0; n < cellNotes.length; n++) if (!dropped || !dropped[cellNoteUnit[n]!]) warnings.push(cellNotes[n]!);

  const columns: DetectedColumn[] = read.map((x) => {
    const base: DetectedColumn = {
      col: x.c,
      header: headers[x.c]!,
      leaf: leaves[x.c]!,
      parts: parts[x.c]!,
      role: x.role,
      values: x.values,
      totalValue: x.totalValue,
    };
    return x.scale ? { ...base, scale: x.scale.scale, scaleFrom: x.scale.from } : base;
  });
  const textColumns = textCols.map((c) => ({
    col: c,
    header: headers[c]!,
    values: units.map((u) => {
      const t = cellText(cellAt(grid, u.row, c));
      return t === "" ? null : t;
    }),
  }));

  // Checks: the sheet's own total and group subtotals against the sum of the units.
  const groupRows: GroupRow[] = groups.map((g) => {
    const subtotals = new Map<number, number>();
    for (const col of columns) {
      const p = parseCell(cellAt(grid, g.row, col.col), locale);
      if (p.kind === "number") subtotals.set(col.col, scaled(p.value, col.scale ?? 1));
    }
    return { row: g.row, label: g.label, unitIndices: g.unitIndices, subtotals };
  });
  const totalChecks: TotalCheck[] = [];
  for (const col of columns) {
    if (col.role !== "number" || computedCol[col.col]) continue;
    if (totalRow && col.totalValue !== null) {
      const sum = col.values.reduce<number>((s, v) => s + (v ?? 0), 0);
      if (!closeEnough(sum, col.totalValue)) {
        totalChecks.push({ cell: at(totalRow.row, col.col), header: col.header, label: totalRow.label, sheetTotal: col.totalValue, unitsSum: sum });
        warnings.push(
          said("total-row-mismatch", { label: totalRow.label, header: col.header, sheetTotal: col.totalValue, unitsSum: sum }, here(totalRow.row, col.col)),
        );
      }
    }
    for (const g of groupRows) {
      const sub = g.subtotals.get(col.col);
      if (sub === undefined || g.unitIndices.length === 0 || saidGroups.has(g.row)) continue;
      const sum = g.unitIndices.reduce((s, i) => s + (col.values[i] ?? 0), 0);
      if (!closeEnough(sum, sub)) {
        warnings.push(said("subtotal-mismatch", { group: g.label, header: col.header, subtotal: sub, unitsSum: sum }, here(g.row, col.col)));
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
    unitRows: units,
    totalRow,
    groups: groupRows,
    excluded,
    warnings,
    titles: titleLines(grid, start),
    totalChecks,
    dashZeros: { count: dashCount, cells: dashList },
  };
}

/**
 * A column the sheet computed (columnRoles.ts: a ratio, rank, difference, "3=2/1"): never an
 * input, so its cells are not warned about and its total not checked. A rate whose header could
 * be a goal set for each unit ("Tỷ lệ bao phủ BHYT (%)" in a plan sheet) is an input there, and
 * keeps its checks.
 */
function sheetComputed(parts: readonly string[], isRate: boolean, numberLabel: string | null): boolean {
  if (columnRole(parts, isRate, numberLabel).role !== "computed") return false;
  return !mayBePlanGoal(parts, isRate, numberLabel);
}

/**
 * The rows' figures add up to the parent row's in every count column (sumCol) where the parent
 * has one, and there is at least one such column: a "Trong đó:" block that breaks its row down.
 */
function addsUp(grid: Grid, parent: number, rows: readonly number[], sumCol: Uint8Array, locale: NumberLocale): boolean {
  let compared = 0;
  for (let c = 0; c < sumCol.length; c++) {
    if (!sumCol[c]) continue;
    const p = figureIn(grid, parent, c, locale);
    if (p === null) continue;
    let sum = 0;
    for (const r of rows) sum += figureIn(grid, r, c, locale) ?? 0;
    if (!closeEnough(sum, p)) return false;
    compared++;
  }
  return compared > 0;
}

/** A cell's figure as the row loop reads it ("-" is 0), null for none. */
function figureIn(grid: Grid, r: number, c: number, locale: NumberLocale): number | null {
  const v = cellAt(grid, r, c);
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  const p = parseCell(v, locale);
  return p.kind === "number" ? p.value : null;
}

/** Dash zeros kept by (unit, column) while reading, a few more than listed: some may be a group row's. */
const DASH_ZERO_KEEP = DASH_ZERO_CELLS + 16;

/** Per index, 1 for the indices listed. */
function flags(n: number, list: readonly number[]): Uint8Array {
  const f = new Uint8Array(n);
  for (const i of list) f[i] = 1;
  return f;
}

/** An STT cell's number (1, "1", "1."), NaN for none. */
function sttNumber(v: CellValue): number {
  if (typeof v === "number") return Number.isFinite(v) ? v : NaN;
  if (typeof v === "string" && /^\s*\d+\.?\s*$/.test(v)) return parseInt(v, 10);
  return NaN;
}

/** A stated scale and where: `'Kế hoạch'!C3: "Đơn vị tính: nghìn người"`. */
interface FoundScale extends StatedScale {
  readonly from: string;
}

/**
 * The scale a sheet states for all its figures: in a title row ("Đơn vị tính: nghìn người", "…
 * (ĐVT: người)"), or in a header cell that says only that ("ĐVT: người" above the notes column).
 */
function sheetScaleOf(grid: Grid, headerStart: number, headerRows: readonly number[], width: number, at: (r: number, c: number) => string): FoundScale | null {
  for (let r = 0; r < headerStart; r++) {
    const row = grid[r] ?? [];
    let last = "";
    for (let c = 0; c < row.length; c++) {
      const t = cellText(row[c] ?? null);
      // A merged title repeated in every cell (exceljs) is read once.
      if (t === "" || t === last) continue;
      last = t;
      const st = statedScale(foldText(t));
      if (st) return { ...st, from: `${at(r, c)}: "${t}"` };
    }
  }
  for (const r of headerRows) {
    for (let c = 0; c < width; c++) {
      const t = cellText(cellAt(grid, r, c));
      const f = foldText(t);
      if (!/^(don vi tinh|dvt)\b/.test(f)) continue;
      const st = statedScale(f);
      if (st) return { ...st, from: `${at(r, c)}: "${t}"` };
    }
  }
  return null;
}

/** Money, cards, debts (OTHER_QUANTITY in indicators.ts): not a count of people. */
function isOtherQuantity(parts: readonly string[]): boolean {
  for (const p of parts) {
    const l = lower(p);
    if (OTHER_QUANTITY.test(l) && OTHER_QUANTITY.test(l.replace(PEOPLE_SCALE, " "))) return true;
  }
  return false;
}

/**
 * Units whose name cell holds a number (ward 3 typed as 3 among "Phường 1", "Phường 2"): each is
 * named with the kind of its nearest neighbours — those named by a number first ("Phường 2"),
 * then any ("Xã An") — and keeps the number as `written`. Without a neighbour of a known kind the
 * number stays its name, with a message; a name column of numbers only is an error.
 */
function nameNumberedUnits(
  units: UnitRow[],
  numbered: readonly number[],
  unitColumn: number,
  header: string,
  here: (r: number, c: number) => Where,
  warnings: Message[],
): void {
  const isNumbered = flags(units.length, numbered);
  if (numbered.length === units.length) {
    const sample = numbered.slice(0, 3).map((i) => Number(units[i]!.name));
    const first = here(units[0]!.row, unitColumn);
    throw new ChitieuError("no-units", said("unit-names-only-numbers", { header, sample }, { sheet: first.sheet, column: first.cell!.replace(/\d+$/, "") }));
  }
  const SPAN = 30;
  for (const i of numbered) {
    let kind: UnitKind | null = null;
    for (const numberedOnly of [true, false]) {
      for (let d = 1; d <= SPAN && kind === null; d++) {
        for (const j of [i - d, i + d]) {
          if (kind !== null || j < 0 || j >= units.length || isNumbered[j]) continue;
          const k = splitUnitPrefix(units[j]!.name);
          if (k.kind !== null && (!numberedOnly || /^\d+$/.test(k.rest))) kind = k.kind;
        }
      }
      if (kind !== null) break;
    }
    const u = units[i]!;
    if (kind !== null) units[i] = { ...u, name: nameWithKind(kind, u.name), written: u.name };
    else warnings.push(said("unit-named-by-number", { number: Number(u.name) }, here(u.row, unitColumn)));
  }
}

/** Title rows: the text cells of each row above the header, joined; blank rows skipped. */
function titleLines(grid: Grid, headerStart: number): string[] {
  const lines: string[] = [];
  for (let r = 0; r < headerStart; r++) {
    const cells = (grid[r] ?? []).map((v) => cellText(v)).filter((t, i, all) => t !== "" && all.indexOf(t) === i);
    if (cells.length > 0) lines.push(cells.join(" "));
  }
  return lines;
}
