/** Both readers over the same bytes, for the parity tests of src/workbook/xlsx. */
import ExcelJS from "exceljs";
import type { SheetGrid } from "../../src/core/grid";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsWorkbook";
import { META_SHEET } from "../../src/workbook/meta";
import { openPackage } from "../../src/workbook/xlsx/zip";
import { readWorkbook } from "../../src/workbook/xlsx/workbookPart";
import { readGrid, type ReadGridOptions } from "../../src/workbook/xlsx/sheetReader";

export interface ReadAll {
  readonly names: string[];
  readonly grids: SheetGrid[];
}

/**
 * exceljs drops a formula's cached result when it is falsy (FormulaValue._copyModel copies only
 * truthy fields), so a cached 0 reads as blank; the package reader gives 0, as Excel does. The
 * reference the parity tests compare with is exceljs with that one bug mended, here only.
 */
function mendFalsyFormulaResults(): void {
  const probe = new ExcelJS.Workbook().addWorksheet("x").getCell("A1");
  probe.value = { formula: "0", result: 0 } as ExcelJS.CellFormulaValue;
  const proto = Object.getPrototypeOf((probe as unknown as { _value: object })._value) as {
    _copyModel(m: Record<string, unknown>): Record<string, unknown>;
    mended?: boolean;
  };
  if (proto.mended) return;
  const copy = proto._copyModel;
  proto._copyModel = function (model: Record<string, unknown>) {
    const out = copy.call(this, model);
    if (model.result !== undefined && out.result === undefined) out.result = model.result;
    return out;
  };
  proto.mended = true;
}

/** Every worksheet of the file as ExcelJsWorkbook.readSheets gives it (its record sheet left out; falsy formula results mended). */
export async function readWithExcelJs(bytes: Uint8Array, options: { maxRows?: number } = {}): Promise<ReadAll> {
  mendFalsyFormulaResults();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const names = wb.worksheets.map((w) => w.name).filter((n) => n !== META_SHEET);
  const grids = await new ExcelJsWorkbook(wb).readSheets(names, options);
  return { names, grids };
}

/**
 * Every worksheet of the file as the package reader gives it. Without `uncalculated` (the formulas
 * saved with no result, which exceljs does not tell) unless `keepUncalculated`: the parity tests
 * compare values.
 */
export async function readWithPackage(bytes: Uint8Array, options: ReadGridOptions = {}, keepUncalculated = false): Promise<ReadAll> {
  const pkg = await openPackage(bytes);
  const book = await readWorkbook(pkg);
  const names = book.sheets.filter((s) => s.kind === "worksheet" && s.name !== META_SHEET).map((s) => s.name);
  const grids: SheetGrid[] = [];
  for (const n of names) {
    const g = await readGrid(pkg, book, n, options);
    if (keepUncalculated || g.uncalculated === undefined) grids.push(g);
    else {
      const { uncalculated: _, ...values } = g;
      grids.push(values);
    }
  }
  return { names, grids };
}
