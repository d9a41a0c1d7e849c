/** Both readers over the same bytes, for the parity tests of src/workbook/xlsx (issue 16). */
import ExcelJS from "exceljs";
import type { SheetGrid } from "../../src/core/grid";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsAdapter";
import { META_SHEET } from "../../src/workbook/meta";
import { openPackage } from "../../src/workbook/xlsx/zip";
import { readWorkbook } from "../../src/workbook/xlsx/workbookPart";
import { readGrid, type ReadGridOptions } from "../../src/workbook/xlsx/sheetReader";

export interface ReadAll {
  readonly names: string[];
  readonly grids: SheetGrid[];
}

/** Every worksheet of the file as ExcelJsWorkbook.readSheets gives it (its record sheet left out). */
export async function readWithExcelJs(bytes: Uint8Array, options: { maxRows?: number } = {}): Promise<ReadAll> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const names = wb.worksheets.map((w) => w.name).filter((n) => n !== META_SHEET);
  const grids = await new ExcelJsWorkbook(wb).readSheets(names, options);
  return { names, grids };
}

/** Every worksheet of the file as the package reader gives it. */
export async function readWithPackage(bytes: Uint8Array, options: ReadGridOptions = {}): Promise<ReadAll> {
  const pkg = await openPackage(bytes);
  const book = await readWorkbook(pkg);
  const names = book.sheets.filter((s) => s.kind === "worksheet" && s.name !== META_SHEET).map((s) => s.name);
  const grids: SheetGrid[] = [];
  for (const n of names) grids.push(await readGrid(pkg, book, n, options));
  return { names, grids };
}
