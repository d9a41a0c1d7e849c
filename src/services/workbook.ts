/**
 * The workbook the add-in's shells (task pane, ribbon) work on: Excel's, through the Office.js
 * adapter. The one place the shells get it from; the preview wires the exceljs adapter instead.
 */
import { WorkbookPort } from "../workbook/port";
import { officeWorkbook } from "../workbook/officeWorkbook";

export function excelWorkbook(): WorkbookPort {
  return officeWorkbook();
}
