/**
 * Node-only file handling for the CLI: read an .xlsx (a file that is none is told by what it is:
 * src/workbook/fileErrors.ts), write the result atomically, and say why a write failed in the
 * user's terms (disk full, a file in the way, the file open in Excel).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { ChitieuError, isChitieuError } from "../core/errors";
import { said, type Message } from "../core/messages";
import { sniffWorkbookFile, workbookReadError } from "../workbook/fileErrors";
import { PackageWorkbook } from "../workbook/xlsx/packageWorkbook";

/** A Node system error's code ("ENOSPC"), also from a message that starts with one; "" when none. */
export function errnoOf(e: unknown): string {
  const code = e && typeof e === "object" && "code" in e ? (e as { code: unknown }).code : undefined;
  if (typeof code === "string" && code !== "") return code;
  const m = e instanceof Error ? /^(E[A-Z]{2,})\b/.exec(e.message) : null;
  return m ? m[1]! : "";
}

function detailOf(e: unknown): string {
  return errnoOf(e) || (e instanceof Error ? e.message : String(e));
}

function openError(file: string, e: unknown): ChitieuError {
  const code = errnoOf(e);
  // "missing-sheet" is the kind this has always had (a contract of the JSON and the shells).
  if (code === "ENOENT" || code === "ENOTDIR") return new ChitieuError("bad-file", said("file-missing", { file }, undefined, "input"));
  if (code === "EISDIR") return new ChitieuError("bad-file", said("file-is-folder", { file }, undefined, "input"));
  const reason = code === "EACCES" || code === "EPERM" ? "denied" : code === "EBUSY" ? "busy" : "other";
  return new ChitieuError("bad-file", said("file-cannot-open", { file, reason, detail: detailOf(e) }, undefined, "input"));
}

function readInput(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw openError(file, e);
  }
}

/**
 * The input as a package (src/workbook/xlsx): read lazily, written back by adding our parts. A
 * file that is no workbook is told by what it is; a workbook the package reader refused for a
 * reason of its own (a part past its limits, no workbook part) keeps that reader's message.
 */
export async function loadPackageWorkbook(file: string): Promise<PackageWorkbook> {
  const buf = readInput(file);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  try {
    return await PackageWorkbook.open(bytes, { file });
  } catch (e) {
    throw isChitieuError(e) && sniffWorkbookFile(bytes, file).kind === "xlsx" ? e : workbookReadError(file, bytes, e);
  }
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const bytes = readInput(file);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw workbookReadError(file, bytes, e);
  }
  // exceljs takes any zip (a .docx, an .ods, a .zip) for a workbook without sheets; an .xlsx has at least one.
  if (wb.worksheets.length === 0) throw workbookReadError(file, bytes, null);
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
  if (path.resolve(input) === path.resolve(out) || sameFile(input, out)) throw new ChitieuError("bad-option", said("out-is-input", { file: out }, undefined, "out"));
  if (!/\.xls[xm]$/i.test(out)) throw new ChitieuError("bad-option", said("out-not-xlsx", { file: out }, undefined, "out"));
}

/** Once the input is read: a workbook with macros is written as .xlsm, one without as .xlsx (Excel opens no other). */
export function checkOutKind(out: string, macros: boolean): void {
  const want = macros ? "xlsm" : "xlsx";
  if (!out.toLowerCase().endsWith("." + want)) throw new ChitieuError("bad-option", said("out-wrong-extension", { file: out, want }, undefined, "out"));
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The nearest folder above `out` that exists as a file (so no folder can be made there), as the user wrote the path; null if none. */
function fileInTheWay(out: string): string | null {
  for (let d = path.dirname(out); d !== path.dirname(d) && d !== "."; d = path.dirname(d)) {
    try {
      if (!fs.statSync(d).isDirectory()) return d;
    } catch {
      // Not there (yet): look further up.
    }
  }
  return null;
}

/** Why a write failed, as the message the user acts on. */
function writeMessage(file: string, e: unknown): Message {
  const code = errnoOf(e);
  if (isFolder(file)) return said("out-is-folder", { file }, undefined, "out");
  const blocker = code === "ENOTDIR" || code === "EEXIST" ? fileInTheWay(file) : null;
  if (blocker !== null) return said("out-folder-blocked", { file, folder: blocker }, undefined, "out");
  if (code === "ENOSPC" || code === "EDQUOT") return said("out-disk-full", { file }, undefined, "out");
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return said("out-denied", { file }, undefined, "out");
  if (code === "EBUSY" || code === "ETXTBSY") return said("out-busy", { file }, undefined, "out");
  return said("out-write-failed", { file, detail: detailOf(e) }, undefined, "out");
}

/** Write to a temporary file beside the target, then rename, so a failure leaves no half file. */
export async function saveWorkbook(wb: ExcelJS.Workbook, out: string): Promise<void> {
  await writeAtomically(out, (tmp) => wb.xlsx.writeFile(tmp));
}

/** The package's bytes to `out`, atomically as saveWorkbook writes. */
export async function savePackage(bytes: Uint8Array, out: string): Promise<void> {
  await writeAtomically(out, async (tmp) => fs.writeFileSync(tmp, bytes));
}

async function writeAtomically(out: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    // An existing folder named like the output: say so before writing anything beside it.
    if (isFolder(out)) throw Object.assign(new Error(`EISDIR: ${out} is a folder`), { code: "EISDIR" });
    // Inside the try: a folder that cannot be made (a file in the way) is a clear message too.
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    await write(tmp);
    fs.renameSync(tmp, out);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // No temporary file could have been made there (e.g. its folder is a file).
    }
    throw new ChitieuError("write-failed", writeMessage(out, e));
  }
}
