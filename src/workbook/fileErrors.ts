/**
 * What a file that could not be read as an .xlsx workbook is, told from its first bytes, as one
 * message a planner can act on: a password-protected workbook, an old .xls, an .ods, a Word
 * document, a CSV or web page saved as .xlsx, an empty or cut-short download — never jszip's
 * "Can't find end of central directory". Pure over the bytes (no Node, no DOM): the CLI
 * (src/cli/files.ts) and the preview's worker both call `workbookReadError`.
 */
import { ChitieuError } from "../core/errors";
import { said, type Message } from "../core/messages";
import type { NotWorkbookKind, TextFileKind } from "../core/messages/files";

/**
 * What the bytes are. "xlsx": a package with a workbook part, or one cut short before it (so a
 * reader that failed on it met a damaged one).
 */
export type FileSniff =
  | { readonly kind: "empty" }
  | { readonly kind: "encrypted" }
  | { readonly kind: "xls" }
  | { readonly kind: "ods" }
  | { readonly kind: "text"; readonly text: TextFileKind }
  | { readonly kind: "other"; readonly what: NotWorkbookKind }
  | { readonly kind: "xlsx"; readonly truncated: boolean };

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000;
}

/** Bytes as ASCII-ish text (one char per byte): enough to compare names and signatures. */
function latin1(b: Uint8Array, at: number, len: number): string {
  let s = "";
  const end = Math.min(b.length, at + len);
  for (let i = at; i < end; i++) s += String.fromCharCode(b[i]!);
  return s;
}

/**
 * The stream and storage names of a compound file (OLE2/CFB: .xls, .doc, encrypted .xlsx). Its
 * directory entries are 128 bytes each at 128-byte steps of the file; each holds its name in
 * UTF-16LE (64 bytes), the name's length in bytes with its terminator, and the entry's type
 * (1 storage, 2 stream, 5 root). Reading every aligned slot that looks like one needs no FAT walk
 * and works on a file cut short too.
 */
export function compoundFileNames(b: Uint8Array): Set<string> {
  const names = new Set<string>();
  for (let at = 512; at + 128 <= b.length; at += 128) {
    const len = u16(b, at + 64);
    const type = b[at + 66]!;
    if (len < 4 || len > 64 || len % 2 !== 0 || (type !== 1 && type !== 2 && type !== 5)) continue;
    if (b[at + len - 2] !== 0 || b[at + len - 1] !== 0) continue;
    let name = "";
    let ok = true;
    for (let i = 0; i < len - 2; i += 2) {
      const c = u16(b, at + i);
      if (c === 0) {
        ok = false;
        break;
      }
      name += String.fromCharCode(c);
    }
    if (ok) names.add(name);
  }
  return names;
}

/** The end-of-central-directory record's offset (the last 22 + 65,535 bytes hold it), or -1: a zip cut short has none. */
function endOfCentralDirectory(b: Uint8Array): number {
  for (let at = b.length - 22; at >= 0 && at >= b.length - 22 - 0xffff; at--) {
    if (b[at] === 0x50 && b[at + 1] === 0x4b && b[at + 2] === 0x05 && b[at + 3] === 0x06) return at;
  }
  return -1;
}

/**
 * The part names of a zip: from its central directory when it has one, else (a file cut short)
 * from the local headers found by their signature.
 */
export function zipPartNames(b: Uint8Array): { names: string[]; complete: boolean } {
  const eocd = endOfCentralDirectory(b);
  const names: string[] = [];
  if (eocd >= 0) {
    const count = u16(b, eocd + 10);
    let at = u32(b, eocd + 16);
    for (let i = 0; i < count && at + 46 <= b.length && startsWith(b, [0x50, 0x4b, 0x01, 0x02], at); i++) {
      const n = u16(b, at + 28);
      const name = latin1(b, at + 46, n);
      if (!name.endsWith("/")) names.push(name);
      at += 46 + n + u16(b, at + 30) + u16(b, at + 32);
    }
    if (names.length > 0 || count === 0) return { names, complete: true };
  }
  for (let at = 0; at + 30 <= b.length; at++) {
    if (b[at] !== 0x50 || b[at + 1] !== 0x4b || b[at + 2] !== 0x03 || b[at + 3] !== 0x04) continue;
    const n = u16(b, at + 26);
    if (n === 0 || at + 30 + n > b.length) continue;
    const name = latin1(b, at + 30, n);
    if (!name.endsWith("/")) names.push(name);
    at += 29 + n;
  }
  return { names, complete: false };
}

const ODF_MIME = "application/vnd.oasis.opendocument.";

function sniffZip(b: Uint8Array): FileSniff {
  // An OpenDocument file starts with its "mimetype" part, stored uncompressed.
  const head = latin1(b, 0, 200);
  const odf = head.indexOf(ODF_MIME);
  if (odf >= 0) return head.startsWith("spreadsheet", odf + ODF_MIME.length) ? { kind: "ods" } : { kind: "other", what: "opendocument" };
  const { names, complete } = zipPartNames(b);
  const has = (re: RegExp) => names.some((n) => re.test(n));
  if (has(/^xl\/workbook\.xml$/i)) return { kind: "xlsx", truncated: !complete };
  if (has(/^xl\/workbook\.bin$/i)) return { kind: "other", what: "xlsb" };
  if (has(/^word\//i)) return { kind: "other", what: "docx" };
  if (has(/^ppt\//i)) return { kind: "other", what: "pptx" };
  // A package cut short before its workbook part (exceljs writes it late), or a zip of something else.
  if (!complete && (names.length === 0 || has(/^(\[Content_Types\]\.xml|_rels\/|xl\/|docProps\/)/i))) return { kind: "xlsx", truncated: true };
  return { kind: "other", what: "archive" };
}

/** Text: no NUL and hardly any control characters in the first 4 KB (UTF-16 with its byte-order mark too). */
function sniffText(b: Uint8Array): TextFileKind | null {
  // Code units: bytes (UTF-8, any 8-bit code page), or 16-bit units after a UTF-16 byte-order mark.
  const le = startsWith(b, [0xff, 0xfe]);
  const be = startsWith(b, [0xfe, 0xff]);
  const start = le || be ? 2 : startsWith(b, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  const step = le || be ? 2 : 1;
  const end = Math.min(b.length - (step - 1), start + 4096 * step);
  let control = 0;
  let units = 0;
  let s = "";
  for (let i = start; i < end; i += step) {
    const c = step === 1 ? b[i]! : le ? u16(b, i) : (b[i]! << 8) | b[i + 1]!;
    if (c === 0) return null;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
    if (c < 0x80) s += String.fromCharCode(c);
    units++;
  }
  if (units === 0 || control > units / 100) return null;
  const t = s.trimStart().toLowerCase();
  if (/^(<!doctype html|<html|<table|<meta|<head|<body)/.test(t) || (/^<\?xml/.test(t) && /<html/.test(t))) return "html";
  if (/^<\?xml/.test(t) || /^<workbook/.test(t)) return /urn:schemas-microsoft-com:office:spreadsheet|<workbook/.test(t) ? "xml" : "text";
  const lines = t
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .slice(0, 5);
  if (lines.length > 0 && lines.every((l) => /[,;\t]/.test(l))) return "csv";
  return "text";
}

/** What a file is, from its bytes (and its name, for Excel's "~$" lock files). */
export function sniffWorkbookFile(bytes: Uint8Array, fileName = ""): FileSniff {
  if (bytes.length === 0) return { kind: "empty" };
  if (startsWith(bytes, CFB_MAGIC)) {
    const names = compoundFileNames(bytes);
    // A password-protected .xlsx/.xlsm (or one under rights management) is a compound file around the encrypted package.
    if (names.has("EncryptionInfo") || names.has("EncryptedPackage")) return { kind: "encrypted" };
    if (names.has("Workbook") || names.has("Book")) return { kind: "xls" };
    if (names.has("WordDocument")) return { kind: "other", what: "doc" };
    if (names.has("PowerPoint Document")) return { kind: "other", what: "ppt" };
    return { kind: "other", what: "unknown" };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return sniffZip(bytes);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { kind: "other", what: "pdf" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, [0x47, 0x49, 0x46, 0x38]))
    return { kind: "other", what: "image" };
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21]) || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf]) || startsWith(bytes, [0x1f, 0x8b]))
    return { kind: "other", what: "archive" };
  // Excel's owner file "~$Báo cáo.xlsx" beside an open workbook: a few bytes of the user's name.
  if (/(^|[\\/])~\$[^\\/]*$/.test(fileName)) return { kind: "other", what: "excel-lock" };
  const text = sniffText(bytes);
  if (text) return { kind: "text", text };
  return { kind: "other", what: "unknown" };
}

/** The reader's own words, kept in the message's params for logs (never shown in Vietnamese). */
function detailOf(cause: unknown): string {
  const m = cause instanceof Error ? cause.message : typeof cause === "string" ? cause : "";
  return m.length > 300 ? `${m.slice(0, 300)}…` : m;
}

/** The message for a file the workbook reader failed on. */
export function workbookReadMessage(fileName: string, bytes: Uint8Array, cause: unknown): Message {
  const file = fileName;
  const s = sniffWorkbookFile(bytes, fileName);
  switch (s.kind) {
    case "empty":
      return said("file-empty", { file }, undefined, "input");
    case "encrypted":
      return said("file-encrypted", { file }, undefined, "input");
    case "xls":
      return said("file-xls", { file }, undefined, "input");
    case "ods":
      return said("file-ods", { file }, undefined, "input");
    case "text":
      return said("file-text", { file, kind: s.text }, undefined, "input");
    case "other":
      return said("file-not-workbook", { file, kind: s.what }, undefined, "input");
    case "xlsx":
      return said("file-corrupt", { file, truncated: s.truncated, detail: detailOf(cause) }, undefined, "input");
  }
}

/**
 * A failed read of a workbook file as the engine's error (kind "bad-file"): `fileName` as the
 * user knows it (a path in the CLI, the picked file's name in the preview), the bytes read, and
 * what the reader (exceljs, jszip) threw.
 */
export function workbookReadError(fileName: string, bytes: Uint8Array, cause: unknown): ChitieuError {
  return new ChitieuError("bad-file", workbookReadMessage(fileName, bytes, cause));
}

/**
 * The largest workbook file read (256 MiB). The country's 3,321 communes with every indicator make
 * a file of a few MB; past this a file is the wrong one, or a device or a growing stream, and
 * reading on would only exhaust memory. The CLI stops reading here, the preview refuses to open.
 */
export const MAX_WORKBOOK_BYTES = 256 * 1024 * 1024;

/** A file past MAX_WORKBOOK_BYTES (`bytes`: its size, or what was read before stopping). */
export function workbookTooLargeError(fileName: string, bytes: number, limit = MAX_WORKBOOK_BYTES): ChitieuError {
  return new ChitieuError("bad-file", said("file-too-large", { file: fileName, bytes, limit }, undefined, "input"));
}
