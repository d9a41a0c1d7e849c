/**
 * Node-only file handling for the CLI: read an .xlsx (a file that is none is told by what it is:
 * src/workbook/fileErrors.ts; a pipe, a device or a file past MAX_WORKBOOK_BYTES is refused
 * before it can hang the run or fill memory), write the result atomically through a temporary
 * file only this run can have made, and say why a write failed in the user's terms (disk full, a
 * file in the way, the file open in Excel).
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { ChitieuError, isChitieuError } from "../core/errors";
import { said, type Message } from "../core/messages";
import { MAX_WORKBOOK_BYTES, sniffWorkbookFile, workbookReadError, workbookTooLargeError } from "../workbook/fileErrors";
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

/** What a path that is no regular file is, in the words of the message. */
function specialKind(st: fs.Stats): "pipe" | "socket" | "device" | "other" {
  if (st.isFIFO()) return "pipe";
  if (st.isSocket()) return "socket";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "device";
  return "other";
}

function notRegular(file: string, st: fs.Stats): ChitieuError {
  if (st.isDirectory()) return new ChitieuError("bad-file", said("file-is-folder", { file }, undefined, "input"));
  return new ChitieuError("bad-file", said("file-not-regular", { file, kind: specialKind(st) }, undefined, "input"));
}

/**
 * The input's bytes: a regular file only (a FIFO would block the open, /dev/zero never end), and
 * never more than `limit` bytes, also when the file grows while it is read.
 */
export function readInput(file: string, limit = MAX_WORKBOOK_BYTES): Buffer {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    throw openError(file, e);
  }
  if (!st.isFile()) throw notRegular(file, st);
  if (st.size > limit) throw workbookTooLargeError(file, st.size, limit);
  let fd: number;
  try {
    // Non-blocking: had the path become a FIFO since the stat, the open still returns.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw openError(file, e);
  }
  try {
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) throw notRegular(file, opened);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
      let n: number;
      try {
        n = fs.readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        throw openError(file, e);
      }
      if (n === 0) break;
      total += n;
      if (total > limit) throw workbookTooLargeError(file, total, limit);
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(fd);
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

/** The input as an exceljs workbook (tests, and the exceljs adapter's own runs). */
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
  if (path.resolve(input) === path.resolve(out) || sameFile(input, out))
    throw new ChitieuError("bad-option", said("out-is-input", { file: out }, undefined, "out"));
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

/**
 * Temporary files this process has made and not yet renamed: removed by a failed write, and by
 * SIGINT or SIGTERM (removeTemporaryFiles; SIGKILL cannot be helped).
 */
const temporaryFiles = new Set<string>();

/** Remove every temporary file this process still has (idempotent; never throws). */
export function removeTemporaryFiles(): void {
  for (const tmp of temporaryFiles) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // Gone already, or its folder too: nothing left to remove.
    }
  }
  temporaryFiles.clear();
}

/** The temporary files this process has open now (for tests). */
export function pendingTemporaryFiles(): string[] {
  return [...temporaryFiles];
}

/**
 * Ctrl+C (SIGINT) and SIGTERM end the run without leaving a temporary file: installed by the CLI
 * program only (bin/chitieu.js, main.ts run directly), never by a test that imports the module.
 * Exits 130 / 143 as a shell does for a process ended by those signals.
 */
export function removeTemporaryFilesOnSignals(proc: NodeJS.Process = process): void {
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    proc.once(signal, () => {
      removeTemporaryFiles();
      proc.exit(code);
    });
  }
}

/**
 * A new temporary file beside `out`, made by this call and nothing else: a random name, created
 * exclusively (O_EXCL: a file or a symlink planted under that name makes it fail, never followed),
 * readable by its owner only until it is complete. Hidden (a leading dot) where the system hides such names.
 */
export function createTemporaryFile(out: string): { fd: number; tmp: string } {
  const dir = path.dirname(path.resolve(out));
  // The target's name, shortened so that the temporary name stays within a file name's 255 bytes.
  const base = Array.from(path.basename(out)).slice(0, 60).join("");
  const flags = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0);
  for (let attempt = 0; ; attempt++) {
    const tmp = path.join(dir, `.${base}.${crypto.randomBytes(8).toString("hex")}.tmp`);
    try {
      const fd = fs.openSync(tmp, flags, 0o600);
      temporaryFiles.add(tmp);
      return { fd, tmp };
    } catch (e) {
      // Another name was there (a 1 in 2^64 chance, or someone planting names): try another.
      if (errnoOf(e) !== "EEXIST" || attempt >= 4) throw e;
    }
  }
}

/** The mode the finished file gets: the replaced file's, or what the user's umask allows a new file. */
function finalMode(out: string): number {
  try {
    return fs.statSync(out).mode & 0o777;
  } catch {
    return 0o666 & ~process.umask();
  }
}

/** Every byte to the descriptor (a write may take fewer than asked: a full disk, a file size limit). */
function writeAll(fd: number, bytes: Uint8Array): void {
  let at = 0;
  while (at < bytes.length) at += fs.writeSync(fd, bytes, at, bytes.length - at);
}

/** Write the workbook to `out` as savePackage does (tests, and the exceljs adapter's own runs). */
export async function saveWorkbook(wb: ExcelJS.Workbook, out: string): Promise<void> {
  writeAtomically(out, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

/**
 * The package's bytes to `out`, atomically: into a new temporary file beside it, flushed to disk,
 * then renamed over `out`, so that a failure or a signal leaves the previous output as it was and
 * no half file. Synchronous from the temporary file's creation to its rename: a signal arriving
 * meanwhile is handled after, when there is nothing left to clean.
 */
export async function savePackage(bytes: Uint8Array, out: string): Promise<void> {
  writeAtomically(out, bytes);
}

function writeAtomically(out: string, bytes: Uint8Array): void {
  let made: { fd: number; tmp: string } | null = null;
  try {
    // An existing folder named like the output: say so before writing anything beside it.
    if (isFolder(out)) throw Object.assign(new Error(`EISDIR: ${out} is a folder`), { code: "EISDIR" });
    // Inside the try: a folder that cannot be made (a file in the way) is a clear message too.
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    made = createTemporaryFile(out);
    writeAll(made.fd, bytes);
    fs.fsyncSync(made.fd);
    fs.fchmodSync(made.fd, finalMode(out));
    fs.closeSync(made.fd);
    made.fd = -1;
    fs.renameSync(made.tmp, out);
    temporaryFiles.delete(made.tmp);
  } catch (e) {
    if (made) {
      if (made.fd >= 0) {
        try {
          fs.closeSync(made.fd);
        } catch {
          // Closed already.
        }
      }
      try {
        fs.rmSync(made.tmp, { force: true });
      } catch {
        // Its folder went away meanwhile: nothing to remove.
      }
      temporaryFiles.delete(made.tmp);
    }
    throw new ChitieuError("write-failed", writeMessage(out, e));
  }
}
