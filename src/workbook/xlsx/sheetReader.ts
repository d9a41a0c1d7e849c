/**
 * A worksheet part streamed into a SheetGrid: the values exactly as ExcelJsWorkbook.readSheets
 * gives them (cached formula results, shared and inline strings with rich text, booleans, errors
 * as "#N/A", date-formatted numbers as "yyyy-mm-dd", merged cells showing their master's value),
 * read with saxes chunk by chunk, never the whole part at once. Bounded: the sheet's extent is its
 * cells' (never <dimension> or a merge's), merges are clipped to it, `maxRows` stops the stream,
 * and a sheet past `maxCells` stops with a message naming it.
 *
 * exceljs's quirks kept on purpose (so both adapters give the same grids): a cell with style index 0 is never a date; a number
 * format is a date format when, outside quotes and brackets, it has one of y m d h M s b (escaped
 * letters too); `t="str"` text is entity-decoded once more. Where exceljs throws or gives
 * "[object Object]" (an out-of-range shared string, an empty <si/>, overlapping merges, a date past
 * year 275760, a row without r, a shared formula without its master, prefixed XML, other part
 * names) this reader gives the sane value instead. Where it differs from exceljs on purpose: a
 * formula's cached 0, FALSE or "" is that value, as in Excel (exceljs reads null), and a formula
 * with no cached result is listed in the grid's `uncalculated` (the file was saved without
 * calculating); a
 * merge reaching past the sheet's cells stops at them (exceljs makes rows down to its end: the
 * 6-minute whole-column merge); LibreOffice's date1904="true" is the 1904 system (exceljs reads
 * only "1"); CDATA text is text; with maxRows, a part over MERGE_SCAN_BYTES is not read past
 * those rows, so merges and hyperlinks (listed after the rows) are not applied to them.
 */
import { SaxesParser } from "saxes";
import { cellAddress, type CellValue, type SheetGrid } from "../../core/grid";
import { ChitieuError } from "../../core/errors";
import { said, type Message } from "../../core/messages";
import { PartLimitError, XlsxPackage } from "./zip";
import { WorkbookInfo, WorkbookSheet, local } from "./workbookPart";

export interface ReadGridOptions {
  /** Only the first rows (a sheet's title and header, to recognise its role): the stream stops there. */
  readonly maxRows?: number;
  /** Cells a grid may hold (rows × their widths, merged cells included); past it: `sheet-too-large`. */
  readonly maxCells?: number;
  /**
   * Shared-string tables up to this size are parsed whole once and kept for the package's later
   * reads; past it each read looks up only its own strings (default SHARED_STRINGS_WHOLE_BYTES).
   */
  readonly sharedStringsWholeBytes?: number;
}

/**
 * 10 million cells (100,000 rows × 100 columns; the engine's largest workload is 3,321 × 20):
 * a grid costs ~60 bytes a cell, so this keeps a read inside 1 GB.
 */
export const DEFAULT_MAX_CELLS = 10_000_000;
/** With maxRows, the rest of a sheet is scanned for its merges only when the part is this small. */
export const MERGE_SCAN_BYTES = 32 * 1024 * 1024;
/** Shared strings parsed whole (and kept) up to this size; past it only the strings a read needs. */
export const SHARED_STRINGS_WHOLE_BYTES = 32 * 1024 * 1024;

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
const KEY = MAX_COL + 1;

// ---- styles: which cell formats are dates ----------------------------------------------------

/** Built-in number formats exceljs knows (defaultnumformats.js, the ones with a code). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** exceljs's utils.isDateFmt. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(f);
}

/** For each cellXfs index: whether exceljs reads a number in that style as a date. */
export function parseDateStyles(xml: string): { dates: boolean[]; error: string | null } {
  const parser = new SaxesParser();
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let error: string | null = null;
  let depth = 0;
  let section = "";
  parser.on("opentag", (node) => {
    depth++;
    const name = local(node.name);
    const a = node.attributes as Record<string, string>;
    if (depth === 2) section = name;
    else if (depth === 3 && section === "numFmts" && name === "numFmt") {
      const id = parseInt(a.numFmtId ?? "", 10);
      if (a.formatCode !== undefined) custom.set(id, a.formatCode.replace(/[\\](.)/g, "$1"));
    } else if (depth === 3 && section === "cellXfs" && name === "xf") xfFormats.push(parseInt(a.numFmtId ?? "", 10));
  });
  parser.on("closetag", () => {
    if (depth === 2) section = "";
    depth--;
  });
  parser.on("error", (e) => {
    if (error === null) error = e.message;
  });
  try {
    parser.write(xml);
    if (error === null) parser.close();
  } catch (e) {
    if (error === null) error = e instanceof Error ? e.message : String(e);
  }
  const dates = xfFormats.map((id) => (id ? isDateFormat(custom.get(id) || BUILTIN_FORMATS[id]) : false));
  return { dates, error };
}

// ---- shared strings ---------------------------------------------------------------------------

/** exceljs's TextXform: _xHHHH_ escapes (upper-case hex) decoded. */
function unescapeX(s: string): string {
  return s.includes("_x") ? s.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/** exceljs's utils.xmlDecode: `t="str"` text is decoded once more. */
function xmlDecodeAgain(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&([a-z]*);/g, (c) => (c === "&lt;" ? "<" : c === "&gt;" ? ">" : c === "&amp;" ? "&" : c === "&apos;" ? "'" : c === "&quot;" ? '"' : c));
}

/**
 * Stream the shared-string table, calling `take(index, text)` for each <si> that `want` asks for,
 * and stopping after `last`. An item is its <t> text, or its runs' texts joined (phonetic runs
 * left out), as exceljs gives them.
 */
async function streamSharedStrings(
  pkg: XlsxPackage,
  part: string,
  want: (i: number) => boolean,
  last: number,
  take: (i: number, s: string) => void,
): Promise<void> {
  const parser = new SaxesParser();
  let index = -1;
  let depth = 0;
  // Inside an <si>: 1 = its own <t>, 2 = a run's <t>; phonetic runs (rPh) are skipped.
  let inT = 0;
  let inPh = 0;
  let wanted = false;
  let plain: string | null = null;
  let runs: string | null = null;
  let stop = false;
  let error: Error | null = null;
  let siDepth = 0;
  parser.on("opentag", (node) => {
    depth++;
    const name = local(node.name);
    if (name === "si" && depth === 2) {
      index++;
      siDepth = depth;
      wanted = want(index);
      plain = null;
      runs = null;
      return;
    }
    if (!wanted || siDepth === 0) return;
    if (name === "rPh") inPh++;
    else if (name === "t" && inPh === 0) {
      inT = depth === siDepth + 1 ? 1 : 2;
      if (inT === 1) plain = "";
      else if (runs === null) runs = "";
    } else if (name === "r" && depth === siDepth + 1 && runs === null) runs = "";
  });
  parser.on("text", (t) => {
    if (inT === 1) plain += t;
    else if (inT === 2) runs += unescapeX(t);
  });
  parser.on("cdata", (t) => {
    if (inT === 1) plain += t;
    else if (inT === 2) runs += unescapeX(t);
  });
  parser.on("closetag", (node) => {
    const name = local(node.name);
    if (siDepth > 0 && depth === siDepth && name === "si") {
      if (wanted) take(index, plain !== null ? unescapeX(plain) : (runs ?? ""));
      siDepth = 0;
      wanted = false;
      if (index >= last) stop = true;
    } else if (name === "rPh") inPh--;
    else if (name === "t") inT = 0;
    depth--;
  });
  parser.on("error", (e) => {
    if (!error) error = e;
  });
  const decoder = chunkDecoder();
  await pkg.stream(part, (chunk) => {
    parser.write(decoder.decode(chunk));
    if (error) throw error;
    return !stop;
  });
  if (!stop && !error) parser.write(decoder.end());
}

/**
 * A part's chunks as text: UTF-8, or UTF-16 when the first chunk starts with that byte order mark
 * (a part may be either). Characters split across chunks are kept whole.
 */
export function chunkDecoder(): { decode(chunk: Uint8Array): string; end(): string } {
  let decoder: TextDecoder | null = null;
  return {
    decode(chunk) {
      if (!decoder) {
        const le = chunk.length >= 2 && chunk[0] === 0xff && chunk[1] === 0xfe;
        const be = chunk.length >= 2 && chunk[0] === 0xfe && chunk[1] === 0xff;
        decoder = new TextDecoder(le ? "utf-16le" : be ? "utf-16be" : "utf-8");
      }
      return decoder.decode(chunk, { stream: true });
    },
    end() {
      return decoder ? decoder.decode() : "";
    },
  };
}

interface BookCache {
  dates: Promise<boolean[]> | null;
  strings: Promise<string[] | null> | null;
  warnings: Message[];
}

const caches = new WeakMap<XlsxPackage, BookCache>();

function cacheOf(pkg: XlsxPackage): BookCache {
  let c = caches.get(pkg);
  if (!c) {
    c = { dates: null, strings: null, warnings: [] };
    caches.set(pkg, c);
  }
  return c;
}

/** Warnings about parts the reader could not use (the styles, the shared strings), each naming its part. */
export function readWarnings(pkg: XlsxPackage): readonly Message[] {
  return cacheOf(pkg).warnings;
}

function dateStyles(pkg: XlsxPackage, book: WorkbookInfo): Promise<boolean[]> {
  const c = cacheOf(pkg);
  if (!c.dates) {
    c.dates = (async () => {
      if (!book.stylesPart) return [];
      try {
        const { dates, error } = parseDateStyles(await pkg.text(book.stylesPart));
        if (error) c.warnings.push(said("xlsx-part-unreadable", { part: book.stylesPart, detail: error }));
        return dates;
      } catch (e) {
        c.warnings.push(said("xlsx-part-unreadable", { part: book.stylesPart, detail: e instanceof Error ? e.message : String(e) }));
        return [];
      }
    })();
  }
  return c.dates;
}

/** The whole table when it is small enough to keep; null when only needed strings are to be read. */
function wholeStrings(pkg: XlsxPackage, book: WorkbookInfo, wholeBytes: number): Promise<string[] | null> {
  const c = cacheOf(pkg);
  if (!c.strings) {
    c.strings = (async () => {
      const part = book.sharedStringsPart;
      if (!part) return [];
      const size = pkg.declaredSize(part) ?? 0;
      if (size > wholeBytes) return null;
      const all: string[] = [];
      try {
        await streamSharedStrings(
          pkg,
          part,
          () => true,
          Number.MAX_SAFE_INTEGER,
          (i, s) => {
            all[i] = s;
          },
        );
      } catch (e) {
        if (e instanceof PartLimitError) return null;
        throw sheetError(part, e);
      }
      return all;
    })();
  }
  return c.strings;
}

/** A part of a sheet being read that cannot be: too large, or not XML. */
function sheetError(part: string, e: unknown, sheet?: string): ChitieuError {
  if (e instanceof ChitieuError) return e;
  if (e instanceof PartLimitError)
    return new ChitieuError("bad-file", said("xlsx-part-too-large", { part: e.part, bytes: e.bytes, limit: e.limit }, sheet ? { sheet } : undefined));
  return new ChitieuError(
    "bad-file",
    said("xlsx-sheet-unreadable", { part, detail: e instanceof Error ? e.message : String(e) }, sheet ? { sheet } : undefined),
  );
}

// ---- the sheet ----------------------------------------------------------------------------------

/** "AB12" → [row 12, col 28] (1-based), or null. */
function decodeRef(ref: string): [number, number] | null {
  let i = 0;
  let col = 0;
  const n = ref.length;
  while (i < n) {
    const ch = ref.charCodeAt(i);
    if (ch === 36) {
      i++;
      continue;
    }
    const u = ch & ~32;
    if (u < 65 || u > 90) break;
    col = col * 26 + (u - 64);
    i++;
  }
  let row = 0;
  let digits = 0;
  while (i < n) {
    const ch = ref.charCodeAt(i);
    if (ch === 36 && digits === 0) {
      i++;
      continue;
    }
    if (ch < 48 || ch > 57) return null;
    row = row * 10 + (ch - 48);
    digits++;
    i++;
  }
  if (col === 0 || digits === 0) return null;
  return [row, col];
}

/** The column of a cell reference ("AB12" → 28), or 0. */
function refCol(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch === 36) continue;
    const u = ch & ~32;
    if (u < 65 || u > 90) break;
    col = col * 26 + (u - 64);
  }
  return col;
}

function excelDate(v: unknown, date1904: boolean): string | null {
  const d = new Date(Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

const enum Kind {
  /** A <c> with no value and no style (exceljs's "Merge" type): not a cell of the grid. */
  Skip = 0,
  /** Styled but empty: widens its row, does not make it a row with values. */
  Blank = 1,
  /** A value (possibly null: a formula with no cached result). */
  Value = 2,
}

/**
 * Read one worksheet into a grid. `sheet` is a name of `book.sheets` or the sheet itself. Errors
 * (`ChitieuError`): the sheet is not in the workbook (`missing-sheet`), its part cannot be read
 * or is too large, or it holds more than `maxCells` cells (`bad-file`, naming the sheet).
 */
export async function readGrid(pkg: XlsxPackage, book: WorkbookInfo, sheet: string | WorkbookSheet, options: ReadGridOptions = {}): Promise<SheetGrid> {
  const ws = typeof sheet === "string" ? book.sheets.find((s) => s.name === sheet) : sheet;
  if (!ws || ws.kind === "chartsheet") {
    const have = book.sheets.filter((s) => s.kind !== "chartsheet").map((s) => s.name);
    throw new ChitieuError("missing-sheet", said("sheet-not-in-workbook", { have }, { sheet: typeof sheet === "string" ? sheet : sheet.name }));
  }
  const maxRows = options.maxRows === undefined ? MAX_ROW : Math.max(0, Math.min(MAX_ROW, Math.floor(options.maxRows)));
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  const name = ws.name;
  const part = ws.part;
  const [dates, strings] = await Promise.all([dateStyles(pkg, book), wholeStrings(pkg, book, options.sharedStringsWholeBytes ?? SHARED_STRINGS_WHOLE_BYTES)]);
  const date1904 = book.date1904;

  // Rows by number - 1: their cells by column - 1 (holes for cells not there), and whether the
  // row has a value (exceljs's row.hasValues).
  const rows: (CellValue[] | undefined)[] = [];
  const hasValue: boolean[] = [];
  // Cells that exceljs keeps out of the grid unless a hyperlink or a merge names them, and
  // formulas whose value a hyperlink changes: only looked at when the sheet has hyperlinks.
  const skipped: number[] = [];
  const formulaText = new Map<number, CellValue>();
  // Formulas saved with no cached result (A1 addresses), for SheetGrid.uncalculated.
  const uncalculated: string[] = [];
  // Shared strings to look up after the stream when the table is too large to keep: [row, col, index].
  const pending: number[] = [];
  let cells = 0;
  let maxRowAny = 0;
  let maxColAny = 0;
  const merges: string[] = [];
  const links: { ref: string; rId: string }[] = [];

  // Parser state.
  const parser = new SaxesParser();
  let depth = 0;
  let prefixLen = -1;
  let section = "";
  let skipRest = false;
  let rowNo = 0;
  let row: CellValue[] | undefined;
  let rowHas = false;
  let lastCol = 0;
  // The current cell.
  let inCell = false;
  let cRow = 0;
  let cCol = 0;
  let cType: string | undefined;
  let cStyle = 0;
  let raw: string | undefined;
  // A <v> was there (a formula's cached "" is <v></v>, no text); a formula without one was never calculated.
  let hasV = false;
  let runs: string | null = null;
  let isFormula = false;
  let textTarget = 0; // 0 none, 1 raw (<v>, <t>), 2 run text, 3 formula text
  let inRun = false;
  let inPhonetic = false;
  let error: Error | null = null;

  const endRow = () => {
    if (row !== undefined) {
      if (rowNo <= MAX_ROW && rowNo >= 1) {
        for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
        cells += row.length;
        if (cells > maxCells) throw new ChitieuError("bad-file", said("sheet-too-large", { cells, limit: maxCells }, { sheet: name }));
        rows[rowNo - 1] = row;
        hasValue[rowNo - 1] = rowHas;
      }
      row = undefined;
    }
  };

  const endCell = () => {
    inCell = false;
    const r = cRow;
    const c = cCol;
    if (r < 1 || r > MAX_ROW || c < 1 || c > MAX_COL) return;
    if (r > maxRowAny) maxRowAny = r;
    if (c > maxColAny) maxColAny = c;
    const styleIsDate = cStyle > 0 && dates[cStyle] === true;
    let kind: Kind;
    let value: CellValue = null;
    if (isFormula) {
      kind = Kind.Value;
      let result: unknown = undefined;
      if (raw) {
        if (cType === "str") result = xmlDecodeAgain(raw);
        else if (cType === "b") result = parseInt(raw, 10) !== 0;
        else if (cType === "e") result = raw;
        else result = parseFloat(raw);
      }
      // No <v> at all: saved by a program that does not calculate (openpyxl, a script), so there
      // is no figure to read, and the planner is told so rather than that the cell is blank. (An
      // empty <v></v> is a calculated "", as Excel writes =IF(…;"";…).)
      if (!hasV) uncalculated.push(cellAddress(r - 1, c - 1));
      let shown: CellValue = null;
      if (result !== undefined) {
        if (styleIsDate) {
          const d = excelDate(result, date1904);
          shown = d ?? (result as CellValue);
          value = shown;
        } else {
          // The cached result as Excel gives it, 0, FALSE and "" included (exceljs drops falsy
          // results: a 0 read as blank would be a figure lost, or a wrong warning).
          shown = result as CellValue;
          value = shown;
        }
      }
      if (shown !== value) formulaText.set(r * KEY + c, shown);
    } else if (raw !== undefined || runs !== null) {
      kind = Kind.Value;
      if (cType === "s") {
        const i = parseInt(raw ?? "", 10);
        if (strings) value = strings[i] ?? null;
        else if (i >= 0) {
          pending.push(r, c, i);
          value = null;
        }
      } else if (cType === "str") value = xmlDecodeAgain(raw ?? "");
      else if (cType === "inlineStr") value = runs !== null ? (raw ?? "") + runs : (raw ?? "");
      else if (cType === "b") value = parseInt(raw ?? "", 10) !== 0;
      else if (cType === "e") value = raw ?? "";
      else {
        const n = parseFloat(raw ?? "");
        value = styleIsDate ? (excelDate(n, date1904) ?? n) : n;
      }
    } else if (cStyle) kind = Kind.Blank;
    else kind = Kind.Skip;
    if (kind === Kind.Skip) {
      skipped.push(r * KEY + c);
      return;
    }
    if (row === undefined) return;
    row[c - 1] = value;
    if (kind === Kind.Value) rowHas = true;
    else if (row[c - 1] === undefined) row[c - 1] = null;
  };

  parser.on("opentag", (node) => {
    depth++;
    const qname = node.name;
    if (prefixLen < 0) prefixLen = qname.indexOf(":") + 1;
    const name = prefixLen > 0 ? (qname.length > prefixLen && qname.charCodeAt(prefixLen - 1) === 58 ? qname.slice(prefixLen) : "") : qname;
    if (depth === 2) {
      section = name;
      return;
    }
    if (section === "sheetData") {
      if (depth === 3 && name === "row") {
        const a = node.attributes as Record<string, string>;
        const r = a.r !== undefined ? parseInt(a.r, 10) : rowNo + 1;
        rowNo = Number.isFinite(r) ? r : rowNo + 1;
        if (rowNo > maxRows) {
          skipRest = true;
          if (rowNo > maxRowAny) maxRowAny = Math.max(maxRowAny, Math.min(rowNo - 1, maxRows));
        }
        if (skipRest) return;
        row = [];
        rowHas = false;
        lastCol = 0;
        return;
      }
      if (depth === 4 && name === "c") {
        const a = node.attributes as Record<string, string>;
        const ref = a.r;
        if (skipRest) {
          // Past maxRows only the extent is kept (merges are clipped to it).
          if (ref !== undefined) {
            const col = refCol(ref);
            if (col > maxColAny && col <= MAX_COL) maxColAny = col;
          }
          return;
        }
        inCell = true;
        cRow = rowNo;
        cCol = ref !== undefined ? refCol(ref) : lastCol + 1;
        lastCol = cCol;
        cType = a.t;
        const s = a.s;
        cStyle = s !== undefined ? parseInt(s, 10) || 0 : 0;
        raw = undefined;
        runs = null;
        hasV = false;
        isFormula = false;
        textTarget = 0;
        inRun = false;
        inPhonetic = false;
        return;
      }
      if (!inCell) return;
      if (name === "v") {
        textTarget = 1;
        hasV = true;
      } else if (name === "f") {
        const t = (node.attributes as Record<string, string>).t;
        if (t) isFormula = true;
        textTarget = 3;
      } else if (name === "r") {
        inRun = true;
        if (runs === null) runs = "";
      } else if (name === "rPh") inPhonetic = true;
      else if (name === "t") textTarget = inPhonetic ? 0 : inRun ? 2 : 1;
      return;
    }
    if (depth === 3 && section === "mergeCells" && name === "mergeCell") {
      const ref = (node.attributes as Record<string, string>).ref;
      if (ref) merges.push(ref);
    } else if (depth === 3 && section === "hyperlinks" && name === "hyperlink") {
      const a = node.attributes as Record<string, string>;
      let rId: string | undefined;
      for (const k of Object.keys(a)) if (k.endsWith(":id")) rId = a[k];
      if (a.ref && rId) links.push({ ref: a.ref, rId });
    }
  });
  const onText = (t: string) => {
    if (!inCell || textTarget === 0) return;
    if (textTarget === 1) raw = raw === undefined ? t : raw + t;
    else if (textTarget === 2) runs += unescapeX(t);
    else if (textTarget === 3 && t !== "") isFormula = true;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", (node) => {
    if (section === "sheetData" && !skipRest) {
      if (depth === 4 && inCell) endCell();
      else if (depth === 3) endRow();
      else if (inCell) {
        const name = local(node.name);
        if (name === "r") inRun = false;
        else if (name === "rPh") inPhonetic = false;
        textTarget = 0;
      }
    }
    if (depth === 2) section = "";
    depth--;
  });
  parser.on("error", (e) => {
    if (!error) error = e;
  });

  // Past maxRows a small part is read on (its rows skipped) for its merges and hyperlinks; a large
  // one, or one inflating past MERGE_SCAN_BYTES whatever it declares, stops there.
  const declared = pkg.declaredSize(part) ?? 0;
  try {
    const decoder = chunkDecoder();
    let bytes = 0;
    const result = await pkg.stream(part, (chunk) => {
      bytes += chunk.length;
      parser.write(decoder.decode(chunk));
      if (error) throw error;
      return !(skipRest && (declared > MERGE_SCAN_BYTES || bytes > MERGE_SCAN_BYTES));
    });
    if (!result.stopped) {
      parser.write(decoder.end());
      if (error) throw error;
    }
    endRow();
  } catch (e) {
    throw sheetError(part, e, name);
  }

  if (pending.length > 0 && book.sharedStringsPart) {
    const need = new Set<number>();
    let last = 0;
    for (let i = 2; i < pending.length; i += 3) {
      need.add(pending[i]!);
      if (pending[i]! > last) last = pending[i]!;
    }
    const found = new Map<number, string>();
    try {
      await streamSharedStrings(
        pkg,
        book.sharedStringsPart,
        (i) => need.has(i),
        last,
        (i, s) => found.set(i, s),
      );
    } catch (e) {
      throw sheetError(book.sharedStringsPart, e, name);
    }
    for (let i = 0; i < pending.length; i += 3) {
      const r = rows[pending[i]! - 1];
      if (r) r[pending[i + 1]! - 1] = found.get(pending[i + 2]!) ?? null;
    }
  }

  // Hyperlinks (exceljs: only those with a relationship whose target is not empty) make an
  // empty cell a cell with a (null) value, and show a formula's result even when falsy.
  if (links.length > 0) {
    const rels = await pkg.rels(part).catch(() => []);
    const target = new Map(rels.map((r) => [r.id, r.target]));
    const skippedSet = new Set(skipped);
    for (const l of links) {
      if (!target.get(l.rId)) continue;
      const at = decodeRef(l.ref);
      if (!at || l.ref.includes(":")) continue;
      const [r, c] = at;
      if (r > maxRows) continue;
      const key = r * KEY + c;
      const cellsRow = rows[r - 1];
      if (skippedSet.has(key)) {
        if (!cellsRow) continue;
        while (cellsRow.length < c - 1) cellsRow.push(null);
        if (cellsRow[c - 1] === undefined) cellsRow[c - 1] = null;
        hasValue[r - 1] = true;
      } else if (cellsRow && c - 1 < cellsRow.length) {
        if (formulaText.has(key)) cellsRow[c - 1] = formulaText.get(key)!;
        hasValue[r - 1] = true;
      }
    }
  }

  // Merges, clipped to the cells' extent (never a merge's own: A1:A1048576 stays the cells' rows).
  if (merges.length > 0) applyMerges(merges, rows, hasValue, maxRowAny, maxColAny, maxRows, cells, maxCells, name);

  // exceljs: rows up to the last row of the sheet (never past maxRows), a row with no value as [],
  // trailing empty rows dropped.
  const values: CellValue[][] = [];
  const last = Math.min(rows.length, maxRows);
  for (let r = 0; r < last; r++) {
    const cellsRow = rows[r];
    if (!cellsRow || !hasValue[r]) values.push([]);
    else {
      for (let i = 0; i < cellsRow.length; i++) if (cellsRow[i] === undefined) cellsRow[i] = null;
      values.push(cellsRow);
    }
  }
  while (values.length > 0 && values[values.length - 1]!.length === 0) values.pop();
  const inGrid = uncalculated.filter((a) => {
    const at = decodeRef(a);
    return at !== null && at[0] <= values.length;
  });
  return inGrid.length > 0 ? { name, values, origin: { row: 0, col: 0 }, uncalculated: inGrid } : { name, values, origin: { row: 0, col: 0 } };
}

function applyMerges(
  merges: readonly string[],
  rows: (CellValue[] | undefined)[],
  hasValue: boolean[],
  maxRowAny: number,
  maxColAny: number,
  maxRows: number,
  cells: number,
  maxCells: number,
  sheet: string,
): void {
  const bottomLimit = Math.min(maxRowAny, maxRows);
  const clipped: [number, number, number, number][] = [];
  let added = 0;
  for (const m of merges) {
    const parts = m.split(":");
    const tl = decodeRef(parts[0]!);
    const br = parts.length > 1 ? decodeRef(parts[1]!) : tl;
    if (!tl || !br) continue;
    const top = Math.min(tl[0], br[0]);
    const left = Math.min(tl[1], br[1]);
    const bottom = Math.min(Math.max(tl[0], br[0]), bottomLimit);
    const right = Math.min(Math.max(tl[1], br[1]), maxColAny);
    // A merge of one cell (as written, or once clipped) still makes its master a cell of its row.
    if (top > bottom || left > right) continue;
    clipped.push([top, left, bottom, right]);
    added += (bottom - top + 1) * (right - left + 1);
    if (cells + added > maxCells) throw new ChitieuError("bad-file", said("sheet-too-large", { cells: cells + added, limit: maxCells }, { sheet }));
  }
  // exceljs refuses overlapping merges (the file is damaged): the first one stands.
  const claimed = new Set<number>();
  for (const [top, left, bottom, right] of clipped) {
    let overlaps = false;
    for (let r = top; r <= bottom && !overlaps; r++)
      for (let c = left; c <= right; c++)
        if (claimed.has(r * KEY + c)) {
          overlaps = true;
          break;
        }
    if (overlaps) continue;
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) claimed.add(r * KEY + c);
    let masterRow = rows[top - 1];
    if (!masterRow) {
      masterRow = [];
      rows[top - 1] = masterRow;
      hasValue[top - 1] = false;
    }
    while (masterRow.length < left) masterRow.push(null);
    const v = masterRow[left - 1] ?? null;
    masterRow[left - 1] = v;
    for (let r = top; r <= bottom; r++) {
      let cellsRow = rows[r - 1];
      if (!cellsRow) {
        cellsRow = [];
        rows[r - 1] = cellsRow;
      }
      while (cellsRow.length < right) cellsRow.push(null);
      for (let c = r === top ? left + 1 : left; c <= right; c++) cellsRow[c - 1] = v;
      if (r > top || right > left) hasValue[r - 1] = true;
    }
  }
}
