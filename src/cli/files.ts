/** Node-only file handling for the CLI: read an .xlsx, write the result atomically. */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { ChitieuError } from "../core/errors";

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  if (!fs.existsSync(file)) throw new ChitieuError("missing-sheet", `The file "${file}" does not exist. Check the path.`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new ChitieuError("no-table", `"${file}" could not be read as an .xlsx workbook (${(e as Error).message}). Save it from Excel as "Excel Workbook (*.xlsx)".`);
  }
  return wb;
}

/** True when both paths name one existing file (through a symlink, a hard link or "..": same inode). */
function sameFile(a: string, b: string): boolean {
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** Refuse to write over the input: nothing the user wrote is ever changed. */
export function checkOutPath(input: string, out: string): void {
  if (path.resolve(input) === path.resolve(out) || sameFile(input, out)) {
    throw new ChitieuError("bad-option", `--out "${out}" is the input workbook itself; choose another file name — the input is never changed.`);
  }
  if (!/\.xlsx$/i.test(out)) throw new ChitieuError("bad-option", `--out "${out}" must end in .xlsx.`);
}

/** Write to a temporary file beside the target, then rename, so a failure leaves no half file. */
export async function saveWorkbook(wb: ExcelJS.Workbook, out: string): Promise<void> {
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    // Inside the try: a folder that cannot be made (a file in the way) is a clear message too.
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    await wb.xlsx.writeFile(tmp);
    fs.renameSync(tmp, out);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // No temporary file could have been made there (e.g. its folder is a file).
    }
    throw new ChitieuError("write-failed", `Could not write "${out}": ${(e as Error).message}.`);
  }
}
