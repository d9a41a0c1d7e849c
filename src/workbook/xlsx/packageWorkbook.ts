/**
 * The workbook port over an .xlsx / .xlsm package as it is (the CLI and the preview's worker):
 * values are read from the package's parts on demand (sheetReader.ts: cached formula results,
 * bounded, parts never asked for never inflated), and our sheets are grafted into the package
 * (graft.ts) instead of re-serialising the workbook, so every part of the user's stays as it was.
 * Changes are kept as a list of parts until `save()` builds the package once: a run writes the
 * summary and then the settings without zipping twice. Our sheets and the record are known by
 * the mark inside parts only we write (marks.ts), never by their names.
 */
import JSZip from "jszip";
import { ChitieuError } from "../../core/errors";
import type { Message } from "../../core/messages";
import type { SheetGrid } from "../../core/grid";
import { said } from "../../core/messages";
import type { SheetSpec } from "../../core/sheetSpec";
import type { StoredSettings } from "../../core/settings";
import { MetaRecord, parseMeta } from "../meta";
import { COMMENTARY_TITLES } from "../../core/commentary";
import { labels } from "../../core/i18n";
import type { CellValue } from "../../core/grid";
import type { ReadOptions, SheetInfo, WorkbookPort, WrittenSheet } from "../port";
import { buildPackage, graftSummary, markedSheets, readWorkbookParts } from "./graft";
import { PartReader, RECORD_MARK } from "./marks";
import { PackageOptions, XlsxPackage, openPackage } from "./zip";
import { readGrid, readWarnings } from "./sheetReader";
import { WorkbookInfo, readWorkbook } from "./workbookPart";

/** Elements after a worksheet's cells that relate to other parts (left out of a sheet shown alone). */
const RELATED =
  "drawing|legacyDrawing|legacyDrawingHF|drawingHF|picture|customProperties|tableParts|hyperlinks|oleObjects|controls|extLst|webPublishItems|AlternateContent";
const RELATED_ELEMENTS = new RegExp(`<(?:[\\w.-]+:)?(${RELATED})(?:\\s[^>]*)?(?<!/)>[\\s\\S]*?</(?:[\\w.-]+:)?\\1>`, "g");
const RELATED_EMPTY = new RegExp(`<(?:[\\w.-]+:)?(?:${RELATED})(?:\\s[^>]*)?/>`, "g");

/** One sheet of the workbook part as this adapter sees it. */
interface Sheet {
  readonly name: string;
  readonly state: string;
  /** Its worksheet part; null for a chart sheet (or any sheet that is not a grid). */
  readonly part: string | null;
  /** The mark's value (a spec key, RECORD_MARK) or null for a user's sheet. */
  readonly mark: string | null;
  /** The record as the exceljs adapter kept it before marks (very hidden `_ChiTieu`, no mark). */
  readonly legacyRecord: boolean;
}

/**
 * The package with changed parts laid over it, as graft reads it (nothing inflated until asked).
 * Part names are case-insensitive (OPC), as the package's own lookups are.
 */
function overlay(pkg: PartReader, changes: ReadonlyMap<string, string | Uint8Array | null>): PartReader {
  if (changes.size === 0) return pkg;
  const changed = new Map<string, string>();
  for (const k of changes.keys()) changed.set(k.toLowerCase(), k);
  const paths = pkg.paths.filter((p) => !changed.has(p.toLowerCase()));
  for (const [p, c] of changes) if (c !== null) paths.push(p);
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const get = (p: string) => {
    const k = changed.get(p.replace(/^\/+/, "").toLowerCase());
    return k === undefined ? undefined : changes.get(k)!;
  };
  return {
    paths,
    has: (p) => {
      const c = get(p);
      return c === undefined ? pkg.has(p) : c !== null;
    },
    entryName: (p) => {
      const k = changed.get(p.replace(/^\/+/, "").toLowerCase());
      if (k !== undefined) return changes.get(k) === null ? null : k;
      return pkg.entryName ? pkg.entryName(p) : pkg.has(p) ? p : null;
    },
    text: async (p) => {
      const c = get(p);
      if (c === undefined) return pkg.text(p);
      if (c === null) throw new Error("no part " + p);
      return typeof c === "string" ? c : decoder.decode(c);
    },
    bytes: async (p) => {
      const c = get(p);
      if (c === undefined) return pkg.bytes(p);
      if (c === null) throw new Error("no part " + p);
      return typeof c === "string" ? encoder.encode(c) : c;
    },
  };
}

export class PackageWorkbook implements WorkbookPort {
  /** Parts changed since the package was opened (null: removed). */
  private readonly changes = new Map<string, string | Uint8Array | null>();
  private sheetsCache: Sheet[] | null = null;
  /** The workbook part as the reader sees it (the package as opened: our writes never change a user's sheet). */
  private bookCache: Promise<WorkbookInfo> | null = null;
  private recordCache: MetaRecord | null = null;
  /** The specs last written, by the name they were written under (the preview lays one out to show it). */
  private writtenSpecs = new Map<string, SheetSpec>();

  private constructor(
    /** The bytes as read: untouched parts are copied from them. */
    readonly original: Uint8Array,
    private readonly pkg: XlsxPackage,
  ) {}

  private legacyCache: string[] | null = null;

  /** Open a package; a file that is none throws (the shells say why, src/workbook/fileErrors.ts). */
  static async open(bytes: Uint8Array, options: PackageOptions = {}): Promise<PackageWorkbook> {
    const wb = new PackageWorkbook(bytes, await openPackage(bytes, options));
    // A zip without a workbook (a .docx, an .ods) or with no worksheet is not a workbook.
    if (!(await wb.sheets()).some((s) => s.part !== null)) throw new Error("The package holds no worksheet.");
    return wb;
  }

  private view(): PartReader {
    return overlay(this.pkg, this.changes);
  }

  private async sheets(): Promise<Sheet[]> {
    if (this.sheetsCache) return this.sheetsCache;
    const reader = this.view();
    const parts = await readWorkbookParts(reader);
    await markedSheets(reader, parts);
    this.sheetsCache = parts.sheets.map((s) => ({ name: s.name, state: s.state, part: s.part, mark: s.mark?.value ?? null, legacyRecord: s.legacyRecord }));
    return this.sheetsCache;
  }

  /**
   * Summary sheets of a file written before our sheets carried a mark: those its old record
   * lists that still open with one of our titles in A1. A sheet the record lists whose A1 is not
   * ours is the planner's own (they deleted ours and wrote theirs under the name): never replaced.
   */
  private async legacySummaries(): Promise<string[]> {
    if (this.legacyCache) return this.legacyCache;
    const rec = await this.recordSheet();
    const found: string[] = [];
    if (rec?.legacyRecord && rec.part) {
      const [grid] = await this.grids([{ name: rec.name, part: rec.part }], { maxRows: 1 });
      const listed = new Set(parseMeta(grid!.values[0]?.[0] ?? null).summarySheets);
      const candidates = (await this.sheets()).filter((s) => s !== rec && s.mark === null && s.part !== null && listed.has(s.name));
      for (const s of candidates) {
        const [top] = await this.grids([{ name: s.name, part: s.part! }], { maxRows: 1 });
        if (top && top.origin?.row === 0 && top.origin.col === 0 && isOurTitle(top.values[0]?.[0] ?? null)) found.push(s.name);
      }
    }
    this.legacyCache = found;
    return found;
  }

  private async recordSheet(): Promise<Sheet | null> {
    const all = await this.sheets();
    return all.find((s) => s.mark === RECORD_MARK) ?? all.find((s) => s.legacyRecord) ?? null;
  }

  private async record(): Promise<MetaRecord> {
    if (this.recordCache) return this.recordCache;
    const sheet = await this.recordSheet();
    let record: MetaRecord = { summarySheets: [], settings: null };
    if (sheet?.part) {
      const [grid] = await this.grids([{ name: sheet.name, part: sheet.part }], { maxRows: 1 });
      record = parseMeta(grid!.values[0]?.[0] ?? null);
    }
    // The summary sheets are those marked as ours, whatever an old record says.
    const legacy = await this.legacySummaries();
    this.recordCache = {
      ...record,
      summarySheets: [...(await this.sheets()).filter((s) => s.mark !== null && s.mark !== RECORD_MARK).map((s) => s.name), ...legacy],
    };
    return this.recordCache;
  }

  /**
   * Grids of sheet parts. Parts of the package as opened are streamed from it; a part written in
   * this session (ours: only the record is ever read back) is read from the package built so far.
   */
  private async grids(sheets: readonly { name: string; part: string }[], options: ReadOptions): Promise<SheetGrid[]> {
    let pkg = this.pkg;
    this.bookCache ??= readWorkbook(pkg);
    let book = await this.bookCache;
    if (sheets.some((s) => this.changes.has(s.part))) {
      pkg = await openPackage(await this.save());
      book = await readWorkbook(pkg);
    }
    const out: SheetGrid[] = [];
    for (const s of sheets) out.push(await readGrid(pkg, book, book.sheets.find((w) => w.name === s.name) ?? s.name, options));
    return out;
  }

  /** Sheets the user sees as sheets (the record left out). */
  private async visibleList(): Promise<Sheet[]> {
    const rec = await this.recordSheet();
    return (await this.sheets()).filter((s) => s !== rec);
  }

  async listSheets(): Promise<SheetInfo[]> {
    const legacy = new Set(await this.legacySummaries());
    return (await this.visibleList()).map((s) => ({
      name: s.name,
      kind: s.part !== null ? ("worksheet" as const) : ("other" as const),
      ours: s.mark !== null || legacy.has(s.name),
      ...(s.state === "hidden" || s.state === "veryHidden" ? { hidden: true } : {}),
    }));
  }

  async readSheets(names: readonly string[], options: ReadOptions = {}): Promise<SheetGrid[]> {
    const list = await this.visibleList();
    const wanted = names.map((name) => {
      const sheet = list.find((s) => s.name === name && s.part !== null);
      if (!sheet) {
        const have = list.filter((s) => s.part !== null).map((s) => s.name);
        throw new ChitieuError("missing-sheet", said("sheet-not-in-workbook", { have }, { sheet: name }));
      }
      return { name: sheet.name, part: sheet.part! };
    });
    return this.grids(wanted, options);
  }

  private async graft(specs: readonly SheetSpec[] | null, record: MetaRecord): Promise<WrittenSheet[]> {
    const result = await graftSummary(this.view(), specs, record, { legacySummaries: await this.legacySummaries() });
    for (const [p, c] of result.changes.parts) this.changes.set(p, c);
    this.sheetsCache = null;
    // Replaced: from now on ours carry the mark.
    if (specs !== null) this.legacyCache = [];
    // The record as now written (our sheets by their new names), without reading it back.
    this.recordCache = { summarySheets: result.written.map((w) => w.name), settings: record.settings };
    return result.written;
  }

  async writeSummary(specs: readonly SheetSpec[]): Promise<WrittenSheet[]> {
    const record = await this.record();
    const written = await this.graft(specs, record);
    this.writtenSpecs = new Map(written.map((w) => [w.name, specs.find((s) => s.key === w.key)!] as const).filter(([, s]) => s !== undefined));
    return written;
  }

  async loadSettings(): Promise<StoredSettings | null> {
    return (await this.record()).settings;
  }

  async saveSettings(settings: StoredSettings): Promise<void> {
    const record = await this.record();
    await this.graft(null, { ...record, settings });
  }

  /**
   * What the reader passed over, naming the part (a sheet listed without its part, a styles part
   * it could not parse …): warnings, never failures, for the shells to add to the run's.
   */
  async readWarnings(): Promise<Message[]> {
    this.bookCache ??= readWorkbook(this.pkg);
    return [...(await this.bookCache).warnings, ...readWarnings(this.pkg)];
  }

  /** True when the workbook part is macro-enabled (an .xlsm): the output must keep that extension. */
  async macroEnabled(): Promise<boolean> {
    this.bookCache ??= readWorkbook(this.pkg);
    return /macroEnabled/i.test((await this.pkg.contentType((await this.bookCache).part)) ?? "");
  }

  /**
   * One worksheet alone in a package of its own (its XML, the workbook's styles and shared
   * strings; what it relates to — drawings, tables, comments, links, our mark — left out), for
   * exceljs to lay out in the preview's sheet view. Null when there is no such worksheet or its
   * part is larger than `maxBytes` (the view then shows the reader's values).
   */
  async sheetAlone(name: string, maxBytes = 4 * 1024 * 1024): Promise<Uint8Array | null> {
    const sheet = (await this.visibleList()).find((s) => s.name === name && s.part !== null);
    if (!sheet?.part) return null;
    const declared = this.changes.has(sheet.part) ? 0 : (this.pkg.declaredSize(sheet.part) ?? Infinity);
    if (declared > maxBytes) return null;
    const reader = this.view();
    const xml = await reader.text(sheet.part);
    const end = xml.lastIndexOf("</sheetData>");
    // Everything after the cells that points at another part goes (exceljs would look for it).
    const tail = end < 0 ? "" : xml.slice(end).replace(RELATED_ELEMENTS, "").replace(RELATED_EMPTY, "");
    const sheetXml = end < 0 ? xml : xml.slice(0, end) + tail;
    this.bookCache ??= readWorkbook(this.pkg);
    const book = await this.bookCache;
    const zip = new JSZip();
    const main = "application/vnd.openxmlformats-officedocument.spreadsheetml";
    const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const parts: [string, string, string, string | null][] = [["xl/worksheets/sheet1.xml", `${main}.worksheet+xml`, `${rel}/worksheet`, sheetXml]];
    if (book.stylesPart && reader.has(book.stylesPart))
      parts.push(["xl/styles.xml", `${main}.styles+xml`, `${rel}/styles`, await reader.text(book.stylesPart)]);
    if (book.sharedStringsPart && /\st\s*=\s*["']s["']/.test(sheetXml) && reader.has(book.sharedStringsPart))
      parts.push(["xl/sharedStrings.xml", `${main}.sharedStrings+xml`, `${rel}/sharedStrings`, await reader.text(book.sharedStringsPart)]);
    const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
    zip.file(
      "[Content_Types].xml",
      `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${main}.sheet.main+xml"/>${parts.map(([p, t]) => `<Override PartName="/${p}" ContentType="${t}"/>`).join("")}</Types>`,
    );
    zip.file(
      "_rels/.rels",
      `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    );
    zip.file(
      "xl/workbook.xml",
      `${head}<workbook xmlns="${main.replace("application/vnd.openxmlformats-officedocument.spreadsheetml", "http://schemas.openxmlformats.org/spreadsheetml/2006/main")}" xmlns:r="${rel}"><sheets><sheet name="view" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    );
    zip.file(
      "xl/_rels/workbook.xml.rels",
      `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${parts.map(([p, , t], i) => `<Relationship Id="rId${i + 1}" Type="${t}" Target="${p.slice(3)}"/>`).join("")}</Relationships>`,
    );
    // The shared strings and styles before the sheet: exceljs reads the entries in the zip's order.
    for (const [p, , , text] of [...parts.slice(1), parts[0]!]) zip.file(p, text!);
    return zip.generateAsync({ type: "uint8array", compression: "STORE" });
  }

  /** The spec a summary sheet was written from in this session (for the preview's view), or null. */
  writtenSpec(name: string): SheetSpec | null {
    return this.writtenSpecs.get(name) ?? null;
  }

  /** The package with our parts: the original's untouched parts carried over as they are. */
  async save(): Promise<Uint8Array> {
    if (this.changes.size === 0) return this.original;
    return buildPackage(this.original, { parts: this.changes });
  }
}

/** Titles our sheets open with (A1), in both languages: the overview's, a ranked sheet's, the commentary's. */
function isOurTitle(v: CellValue): boolean {
  if (typeof v !== "string") return false;
  const t = v.trim();
  if (t === labels("vi").title || t === labels("en").title || COMMENTARY_TITLES.includes(t)) return true;
  // A ranked sheet: "<indicator> — <measure>", the measure as labels().measureTitle words it.
  return (["vi", "en"] as const).some((lang) => (["attainment", "coverage"] as const).some((m) => t.endsWith(labels(lang).measureTitle("", m))));
}
