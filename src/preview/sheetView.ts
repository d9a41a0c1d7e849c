/**
 * A worksheet of an exceljs Workbook as plain rows of display cells, for the preview's grid (made
 * in the preview's worker, sent to the page as plain data):
 * values shown the way their number format says (in Vietnamese or English), with fill, font
 * colour and weight. Text stays text: the grid renders it with React, never as markup.
 */
import type ExcelJS from "exceljs";
import { formatNumber } from "../core/format";
import { toCellValue } from "../workbook/exceljsWorkbook";
import type { Lang } from "../core/i18n";

export interface DisplayCell {
  readonly text: string;
  readonly numeric: boolean;
  readonly fill: string | null;
  readonly color: string | null;
  readonly bold: boolean;
  /** A merged range's first cell spans it; the other cells of the range are `hidden`. */
  readonly colSpan: number;
  readonly rowSpan: number;
  readonly hidden: boolean;
}

export interface SheetView {
  readonly name: string;
  readonly rows: readonly (readonly DisplayCell[])[];
  readonly columns: number;
  /** Column widths in pixels. */
  readonly widths: readonly number[];
  /** True when rows or columns were cut to keep the page light. */
  readonly truncated: boolean;
}

/** The grid shows at most this much of a sheet. */
export const MAX_ROWS = 400;
export const MAX_COLUMNS = 40;

function colour(c: Partial<ExcelJS.Color> | undefined): string | null {
  const argb = c?.argb;
  return typeof argb === "string" && /^[0-9a-f]{8}$/i.test(argb) ? `#${argb.slice(2)}` : null;
}

/** A number as its format shows it: percentages, decimals, thousands grouping. */
export function formatByNumFmt(v: number, numFmt: string | undefined, lang: Lang): string {
  const fmt = numFmt ?? "";
  const decimals = /0\.(0+)/.exec(fmt)?.[1]?.length ?? (Number.isInteger(v) ? 0 : 2);
  if (fmt.includes("%")) return formatNumber(v, { lang, decimals }, 2) + "%";
  if (fmt === "@" || fmt === "0" || fmt === "General" || fmt === "") {
    return Number.isInteger(v) ? String(v) : formatNumber(v, { lang, decimals: Math.min(4, decimals) });
  }
  return formatNumber(v, { lang, decimals });
}

/** Merged ranges ("A1:I1") as 1-based top-left and size. */
function mergesOf(ws: ExcelJS.Worksheet): Map<string, { rows: number; cols: number }> {
  const out = new Map<string, { rows: number; cols: number }>();
  const list = ((ws.model as unknown as { merges?: string[] }).merges ?? []) as string[];
  for (const m of list) {
    const [a, b] = m.split(":");
    if (!a || !b) continue;
    const tl = ws.getCell(a);
    const br = ws.getCell(b);
    out.set(`${tl.row}:${tl.col}`, { rows: Number(br.row) - Number(tl.row) + 1, cols: Number(br.col) - Number(tl.col) + 1 });
  }
  return out;
}

export function sheetView(ws: ExcelJS.Worksheet, lang: Lang): SheetView {
  const rowCount = Math.min(ws.rowCount, MAX_ROWS);
  const merges = mergesOf(ws);
  let columns = 0;
  const rows: DisplayCell[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.getRow(r);
    const cells: DisplayCell[] = [];
    const n = Math.min(row.cellCount, MAX_COLUMNS);
    for (let c = 1; c <= n; c++) {
      const cell = row.getCell(c);
      // A merged cell other than the master shows empty (the master holds the value).
      const isSlave = cell.isMerged && cell.master !== cell;
      const span = merges.get(`${r}:${c}`);
      const v = isSlave ? null : toCellValue(cell.value);
      const fill = cell.fill && cell.fill.type === "pattern" ? colour(cell.fill.fgColor) : null;
      cells.push({
        text: v === null ? "" : typeof v === "number" ? formatByNumFmt(v, cell.numFmt, lang) : String(v),
        numeric: typeof v === "number",
        fill,
        color: colour(cell.font?.color),
        bold: !!cell.font?.bold,
        colSpan: span ? Math.min(span.cols, MAX_COLUMNS - c + 1) : 1,
        rowSpan: span ? Math.min(span.rows, rowCount - r + 1) : 1,
        hidden: isSlave,
      });
    }
    columns = Math.max(columns, cells.length);
    rows.push(cells);
  }
  // A merged range may reach past the last cell a row holds.
  for (const [k, m] of merges) {
    const col = Number(k.split(":")[1]);
    columns = Math.max(columns, Math.min(MAX_COLUMNS, col + m.cols - 1));
  }
  const widths = Array.from({ length: columns }, (_, c) => Math.round((ws.getColumn(c + 1).width ?? 9) * 7 + 10));
  return { name: ws.name, rows, columns, widths, truncated: ws.rowCount > MAX_ROWS || rows.some((_, i) => ws.getRow(i + 1).cellCount > MAX_COLUMNS) };
}
