/**
 * File helpers for integration tests: a fresh temporary folder per test file, workbooks written
 * there, the CLI run in-process with its output captured, and sheets read back as grids.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { CellValue } from "../../src/core/grid";
import { main } from "../../src/cli/main";
import { ExcelJsWorkbook, META_SHEET } from "../../src/workbook/exceljsWorkbook";

export function tempDir(prefix = "chitieu-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function writeWorkbook(wb: ExcelJS.Workbook, file: string): Promise<string> {
  await wb.xlsx.writeFile(file);
  return file;
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A file's SHA-256, to show it was left byte for byte as it was. */
export function sha256Of(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** `main(argv, io)` with stdout and stderr captured. */
export async function runCli(argv: readonly string[]): Promise<CliRun> {
  let out = "";
  let err = "";
  const code = await main(argv, {
    out: (s: string) => {
      out += s;
      return true;
    },
    err: (s: string) => {
      err += s;
      return true;
    },
  });
  return { code, out, err };
}

/** The names of the visible sheets (the add-in's hidden record left out). */
export function sheetNames(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets.filter((w) => w.name !== META_SHEET).map((w) => w.name);
}

/** Every cell of a sheet as the core reads it, by address: "B7" → value (empty cells left out). */
export function cellMap(ws: ExcelJS.Worksheet): Map<string, unknown> {
  const m = new Map<string, unknown>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      m.set(cell.address, JSON.parse(JSON.stringify(cell.value)));
    });
  });
  return m;
}

/** A sheet's values as a grid, through the adapter. */
export async function gridOf(wb: ExcelJS.Workbook, name: string): Promise<CellValue[][]> {
  const [g] = await new ExcelJsWorkbook(wb).readSheets([name]);
  return g!.values.map((r) => [...r]);
}
