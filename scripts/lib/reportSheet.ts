/**
 * Builds sheets laid out the way Vietnamese reports are (DOMAIN.md, "What real workbooks look
 * like"): title rows, a merged two-row header, a column-number row, STT, group rows with
 * subtotals, a total row at the top or bottom, notes, numbers as numbers, formulas with cached
 * results or Vietnamese text. Used by the sample script and by the tests' fixtures.
 */
import ExcelJS from "exceljs";
import { columnLetter } from "../../src/core/grid";

export type NumberStyle = "number" | "viText" | "formula";

export interface ReportColumn {
  readonly header: string;
  readonly values: readonly (number | string | null)[];
}

export interface ReportSheet {
  readonly name: string;
  readonly titles: readonly string[];
  readonly unitHeader?: string;
  readonly units: readonly { readonly name: string; readonly group?: string }[];
  readonly columns: readonly ReportColumn[];
  /** A merged group header over the indicator columns makes the header two rows deep. */
  readonly groupHeader?: string;
  readonly columnNumbers?: boolean;
  readonly total?: { readonly label: string; readonly position: "top" | "bottom" };
  readonly notes?: boolean;
  readonly numbers?: NumberStyle;
  /** Group rows (I, II …) carry subtotals. */
  readonly subtotals?: boolean;
  /** Write unit names in decomposed Unicode (NFD), as some systems do. */
  readonly nfd?: boolean;
  /** Extra text columns (category, parent …) after the unit column. */
  readonly textColumns?: readonly { readonly header: string; readonly values: readonly (string | null)[] }[];
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/** "1.065.565" / "92,62": a number written the Vietnamese way, as text. */
export function viText(n: number): string {
  const [int, frac] = Math.abs(n).toString().split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (n < 0 ? "-" : "") + grouped + (frac ? "," + frac : "");
}

/** Excel's letter of a 1-based column, as exceljs numbers them. */
function colLetter(c: number): string {
  return columnLetter(c - 1);
}

export function addReportSheet(wb: ExcelJS.Workbook, spec: ReportSheet): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.name);
  const textCols = spec.textColumns ?? [];
  const firstNum = 3 + textCols.length; // 1-based: A STT, B unit, text columns, then figures
  const lastNum = firstNum + spec.columns.length - 1;
  const lastCol = lastNum + (spec.notes ? 1 : 0);
  let r = 1;
  for (const t of spec.titles) {
    ws.getCell(r, 1).value = t;
    ws.mergeCells(r, 1, r, lastCol);
    r++;
  }
  r++; // a blank row under the titles
  const headerTop = r;
  const twoRows = !!spec.groupHeader;
  const fixed: [number, string][] = [[1, "STT"], [2, spec.unitHeader ?? "Đơn vị"], ...textCols.map((t, i) => [3 + i, t.header] as [number, string])];
  if (spec.notes) fixed.push([lastCol, "Ghi chú"]);
  for (const [c, h] of fixed) {
    ws.getCell(headerTop, c).value = h;
    if (twoRows) ws.mergeCells(headerTop, c, headerTop + 1, c);
  }
  if (twoRows) {
    ws.getCell(headerTop, firstNum).value = spec.groupHeader!;
    ws.mergeCells(headerTop, firstNum, headerTop, lastNum);
    spec.columns.forEach((col, i) => (ws.getCell(headerTop + 1, firstNum + i).value = col.header));
    r = headerTop + 2;
  } else {
    spec.columns.forEach((col, i) => (ws.getCell(headerTop, firstNum + i).value = col.header));
    r = headerTop + 1;
  }
  if (spec.columnNumbers) {
    for (let c = 1; c <= lastCol; c++) ws.getCell(r, c).value = c <= 2 ? String.fromCharCode(64 + c) : `(${c - 2})`;
    r++;
  }

  const style = spec.numbers ?? "number";
  const put = (row: number, col: number, v: number | string | null) => {
    if (v === null) return;
    if (typeof v === "string") ws.getCell(row, col).value = v;
    else if (style === "viText") ws.getCell(row, col).value = viText(v);
    else if (style === "formula") ws.getCell(row, col).value = { formula: `${v}*1`, result: v } as ExcelJS.CellFormulaValue;
    else ws.getCell(row, col).value = v;
  };
  const num = (v: number | string | null) => (typeof v === "number" ? v : 0);
  const sums = spec.columns.map((c) => c.values.reduce<number>((s, v) => s + num(v), 0));

  let totalRowAt = -1;
  const writeTotal = () => {
    totalRowAt = r;
    ws.getCell(r, 1).value = spec.total!.label;
    ws.mergeCells(r, 1, r, 2);
    r++;
  };
  if (spec.total?.position === "top") writeTotal();

  const unitRows: number[] = [];
  let stt = 0;
  let groupIndex = 0;
  let currentGroup: string | undefined;
  const groupRows: { row: number; members: number[] }[] = [];
  spec.units.forEach((u, i) => {
    if (u.group !== undefined && u.group !== currentGroup) {
      currentGroup = u.group;
      ws.getCell(r, 1).value = ROMAN[groupIndex++]!;
      ws.getCell(r, 2).value = u.group;
      groupRows.push({ row: r, members: [] });
      r++;
    }
    ws.getCell(r, 1).value = ++stt;
    ws.getCell(r, 2).value = spec.nfd ? u.name.normalize("NFD") : u.name;
    textCols.forEach((t, k) => {
      const v = t.values[i];
      if (v !== null && v !== undefined) ws.getCell(r, 3 + k).value = v;
    });
    spec.columns.forEach((col, k) => put(r, firstNum + k, col.values[i] ?? null));
    if (spec.notes && i % 3 === 1) ws.getCell(r, lastCol).value = "Số liệu sơ bộ";
    groupRows[groupRows.length - 1]?.members.push(i);
    unitRows.push(r);
    r++;
  });
  if (spec.subtotals) {
    for (const g of groupRows) {
      spec.columns.forEach((col, k) => {
        const s = g.members.reduce((acc, i) => acc + num(col.values[i] ?? null), 0);
        const L = colLetter(firstNum + k);
        ws.getCell(g.row, firstNum + k).value = { formula: g.members.map((i) => `${L}${unitRows[i]}`).join("+"), result: s } as ExcelJS.CellFormulaValue;
      });
    }
  }
  if (spec.total?.position === "bottom") writeTotal();
  if (totalRowAt > 0) {
    spec.columns.forEach((_, k) => {
      const L = colLetter(firstNum + k);
      const formula =
        spec.subtotals && groupRows.length > 0
          ? groupRows.map((g) => `${L}${g.row}`).join("+")
          : `SUM(${L}${unitRows[0]}:${L}${unitRows[unitRows.length - 1]})`;
      ws.getCell(totalRowAt, firstNum + k).value = { formula, result: sums[k]! } as ExcelJS.CellFormulaValue;
    });
  }
  r += 1;
  ws.getCell(r, lastCol - 1).value = "Người lập biểu";
  ws.getColumn(2).width = 24;
  return ws;
}
