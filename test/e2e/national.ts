/**
 * A national-size workbook for the end-to-end tests: the bench's generated province (same seed,
 * same layout as Vietnamese reports: titles, a two-row header, STT, a total row, notes, footer)
 * at 3,321 commune-level units × 4 indicators, written as an .xlsx with exceljs.
 */
import ExcelJS from "exceljs";
import { makeWorkload } from "../../bench/workload";
import type { SheetGrid } from "../../src/core/grid";

/** Vietnam's commune-level units (xã, phường, đặc khu) after the 2025 merger. */
export const NATIONAL_UNITS = 3321;

function addGrid(wb: ExcelJS.Workbook, g: SheetGrid): void {
  const ws = wb.addWorksheet(g.name);
  g.values.forEach((row, r) => {
    const xrow = ws.getRow(r + 1);
    row.forEach((v, c) => {
      if (v !== null && v !== "") xrow.getCell(c + 1).value = v;
    });
  });
  ws.getColumn(2).width = 28;
}

/** The .xlsx bytes of a generated province of `units` units (targets, actuals, population sheets). */
export async function nationalWorkbook(units = NATIONAL_UNITS): Promise<Buffer> {
  const w = makeWorkload(units, 4);
  const wb = new ExcelJS.Workbook();
  for (const g of [w.targets, w.actuals, w.base]) addGrid(wb, g);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
