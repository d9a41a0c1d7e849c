/**
 * The workbook port inside Excel, over Office.js. Every call is a fixed number of round trips
 * (`context.sync()`), whatever the number of units: one to list the sheets (two for a file last
 * written by the CLI, whose record is in its hidden sheet), one to read the chosen sheets, one to
 * write all summary sheets (more only when a write is larger than one request may be — Excel on
 * the web caps a request at 5 MB — then in row blocks). Formatting is
 * per column block and per highlight, never per cell, so its cost does not grow with the units.
 *
 * Which sheets are ours: names and ids recorded in the document settings after each write (a
 * user's sheet that later takes a summary's name has another id); the CLI's hidden meta sheet
 * for files it wrote; a sheet custom property (ExcelApi 1.12) when the record is lost. Only
 * those are ever replaced, all or nothing (see officeWrite.ts).
 *
 * Office globals (Excel, Office) are only touched in `officeWorkbook()`, so this module loads in
 * Node and jest; tests hand in a recording fake of the Excel object model.
 */
import { CellValue, SheetGrid } from "../core/grid";
import { ChitieuError } from "../core/errors";
import { said } from "../core/messages";
import { STYLE_COLOURS, SheetSpec, legalSheetName, planSheetNames, rowsOf } from "../core/sheetSpec";
import { StoredSettings, parseSettings } from "../core/settings";
import { ReadOptions, SheetInfo, WorkbookPort, WrittenSheet } from "./port";
import { META_SHEET, parseMeta } from "./meta";
import { writeSheets, WritePlan, SheetPlan, planWrite, tempToken } from "./officeWrite";
import { DEFAULT_MAX_REQUEST_BYTES, SHEET_MARK, addressOrigin, describeError, isNotFound, isPayloadError } from "./officePlan";

export { SHEET_MARK };

/** Tiny promise interface over Office.context.document.settings. */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  save(): Promise<void>;
}

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeDeps {
  readonly run: ExcelRun;
  readonly settings: SettingsStore;
  readonly isSetSupported: (set: string, version: string) => boolean;
  /** Largest request (values and formats serialized) sent in one sync; default 4 MB. */
  readonly maxRequestBytes?: number;
}

/** Document settings keys. */
export const SETTINGS_KEY = "chitieu.settings";
export const SUMMARY_KEY = "chitieu.summarySheets";

/** A summary sheet recorded as ours: the id tells it from a user's sheet that took its name later. */
interface RecordedSheet {
  readonly name: string;
  readonly id: string;
}

interface ListedSheet {
  readonly name: string;
  readonly id: string;
  readonly visibility: string;
}

/** What a listing found out; the next write plans its names from it without another round trip. */
export interface Listing {
  readonly sheets: readonly ListedSheet[];
  /** Names of our summary sheets (name and id recorded in the document settings, or the CLI's meta sheet). */
  readonly ours: ReadonlySet<string>;
  readonly metaExists: boolean;
  readonly metaSettings: StoredSettings | null;
  /** Names of every table in the workbook (table names are workbook-wide). */
  readonly tables: readonly string[];
}

const MAX_READ_ATTEMPTS = 8;
const MAX_WRITE_ATTEMPTS = 8;
/** First guess of bytes per cell in a read response, to size row blocks once a read was too big. */
const READ_BYTES_PER_CELL = 24;

function parseRecorded(raw: unknown): RecordedSheet[] | null {
  if (!Array.isArray(raw)) return null;
  return raw.filter((x): x is RecordedSheet => !!x && typeof x === "object" && typeof (x as RecordedSheet).name === "string" && typeof (x as RecordedSheet).id === "string");
}

function trimBlankRows(values: CellValue[][]): CellValue[][] {
  let n = values.length;
  while (n > 0 && values[n - 1]!.every((v) => v === "" || v === null)) n--;
  return n === values.length ? values : values.slice(0, n);
}

export class OfficeWorkbook implements WorkbookPort {
  private listing: Listing | null = null;
  /** Choices the CLI saved in its meta sheet, as last listed. */
  private metaSettings: StoredSettings | null = null;
  private readonly maxBytes: number;

  constructor(private readonly deps: OfficeDeps) {
    this.maxBytes = deps.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  }

  private supports(version: string): boolean {
    try {
      return this.deps.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  }

  // ---------------------------------------------------------------- listing

  /**
   * One sync: names, ids and visibility. A second one only when nothing is recorded in this
   * document but the CLI's hidden meta sheet is there (a file last written by the CLI).
   */
  private async list(): Promise<Listing> {
    const recorded = parseRecorded(this.deps.settings.get(SUMMARY_KEY));
    const listing = await this.deps.run(async (ctx) => {
      const ws = ctx.workbook.worksheets;
      ws.load("items/name,items/id,items/visibility");
      const tables = ctx.workbook.tables;
      tables.load("items/name");
      await ctx.sync();
      const tableNames = tables.items.map((t) => t.name);
      const sheets: ListedSheet[] = ws.items.map((s) => ({ name: s.name, id: s.id, visibility: String(s.visibility) }));
      const ours = new Set<string>();
      // Ours by id: a user's sheet that later took a summary's name is not ours; a summary the
      // user renamed (to keep it) is not replaced either.
      for (const r of recorded ?? []) if (sheets.some((s) => s.id === r.id && s.name === r.name)) ours.add(r.name);
      const metaExists = sheets.some((s) => s.name === META_SHEET);
      let metaSettings: StoredSettings | null = null;
      if (recorded === null && metaExists) {
        const meta = ws.getItem(META_SHEET).getRange("A1");
        meta.load("values");
        await ctx.sync();
        const m = parseMeta(meta.values[0]?.[0]);
        metaSettings = m.settings;
        for (const n of m.summarySheets) if (sheets.some((s) => s.name === n)) ours.add(n);
      }
      ours.delete(META_SHEET);
      return { sheets, ours, metaExists, metaSettings, tables: tableNames };
    });
    this.listing = listing;
    if (listing.metaSettings) this.metaSettings = listing.metaSettings;
    return listing;
  }

  /**
   * Sheets that hold a summary's name but are not recorded as ours (the document settings were
   * lost): where sheet custom properties exist (ExcelApi 1.12) ask them, in one sync, whether we
   * wrote them. Without 1.12 they stay the user's, and the summary takes another name.
   */
  private async claimMarked(specs: readonly SheetSpec[], listing: Listing): Promise<Listing> {
    if (!this.supports("1.12")) return listing;
    const wanted = new Set(specs.map((s) => legalSheetName(s.name).toLowerCase()));
    const suspects = listing.sheets.filter((s) => !listing.ours.has(s.name) && s.name !== META_SHEET && wanted.has(s.name.toLowerCase()));
    if (suspects.length === 0) return listing;
    let marked: string[];
    try {
      marked = await this.deps.run(async (ctx) => {
        const props = suspects.map((s) => {
          const p = ctx.workbook.worksheets.getItem(s.name).customProperties.getItemOrNullObject(SHEET_MARK);
          p.load("key");
          return p;
        });
        await ctx.sync();
        return suspects.filter((_s, i) => !props[i]!.isNullObject).map((s) => s.name);
      });
    } catch {
      // A suspect vanished meanwhile: claim nothing (a sheet not known as ours is never replaced).
      return listing;
    }
    return marked.length === 0 ? listing : { ...listing, ours: new Set([...listing.ours, ...marked]) };
  }

  async listSheets(): Promise<SheetInfo[]> {
    const l = await this.list();
    // Excel's worksheet collection holds worksheets only (chart sheets are not in it).
    // Visibility came with the names in the listing's one sync ("Hidden", "VeryHidden").
    return l.sheets
      .filter((s) => s.name !== META_SHEET)
      .map((s) => ({ name: s.name, kind: "worksheet" as const, ours: l.ours.has(s.name), ...(s.visibility === "Hidden" || s.visibility === "VeryHidden" ? { hidden: true } : {}) }));
  }

  // ---------------------------------------------------------------- reading

  async readSheets(names: readonly string[], options: ReadOptions = {}): Promise<SheetGrid[]> {
    if (names.length === 0) return [];
    try {
      return await this.readAtOnce(names, options.maxRows);
    } catch (e) {
      if (isNotFound(e)) throw await this.sheetChanged(names, e);
      if (!isPayloadError(e)) throw e;
    }
    // Too large for one response (Excel on the web: 5 MB): read in row blocks.
    let budget = this.maxBytes;
    for (let attempt = 0; attempt < MAX_READ_ATTEMPTS; attempt++) {
      try {
        return await this.readInBlocks(names, options.maxRows, budget);
      } catch (e) {
        if (isNotFound(e)) throw await this.sheetChanged(names, e);
        if (!isPayloadError(e)) throw e;
        budget = Math.floor(budget / 2);
      }
    }
    // "write-failed" is the kind this has always had (a contract of the shells).
    throw new ChitieuError("write-failed", said("excel-read-too-large", { sheets: [...names] }));
  }

  /** One sync: the used range's values and address of every sheet. */
  private async readAtOnce(names: readonly string[], maxRows: number | undefined): Promise<SheetGrid[]> {
    return this.deps.run(async (ctx) => {
      const ranges = names.map((name) => {
        const used = ctx.workbook.worksheets.getItem(name).getUsedRange(true);
        // The first rows of the used range (they may run past it: blank rows are trimmed).
        const r = maxRows !== undefined ? used.getRow(0).getResizedRange(Math.max(0, maxRows - 1), 0) : used;
        r.load("values,address");
        return r;
      });
      await ctx.sync();
      return ranges.map((r, i) => ({ name: names[i]!, values: trimBlankRows(r.values as CellValue[][]), origin: addressOrigin(r.address) }));
    });
  }

  /** First the used ranges' sizes, then the values in row blocks of about `budget` bytes per sync. */
  private async readInBlocks(names: readonly string[], maxRows: number | undefined, budget: number): Promise<SheetGrid[]> {
    return this.deps.run(async (ctx) => {
      const used = names.map((name) => {
        const u = ctx.workbook.worksheets.getItem(name).getUsedRange(true);
        u.load("address,rowCount,columnCount,rowIndex,columnIndex");
        return u;
      });
      await ctx.sync();
      const out = used.map(() => [] as CellValue[][]);
      type Block = { sheet: number; row: number; rows: number; bytes: number };
      const blocks: Block[] = [];
      used.forEach((u, i) => {
        const rows = maxRows !== undefined ? Math.min(maxRows, u.rowCount) : u.rowCount;
        const perRow = Math.max(1, u.columnCount) * READ_BYTES_PER_CELL;
        const step = Math.max(1, Math.floor(budget / perRow));
        for (let r = 0; r < rows; r += step) blocks.push({ sheet: i, row: r, rows: Math.min(step, rows - r), bytes: Math.min(step, rows - r) * perRow });
      });
      // Pack blocks into syncs of at most `budget` bytes each.
      let batch: { b: Block; range: Excel.Range }[] = [];
      let bytes = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        await ctx.sync();
        for (const { b, range } of batch) for (const row of range.values as CellValue[][]) out[b.sheet]!.push(row);
        batch = [];
        bytes = 0;
      };
      for (const b of blocks) {
        if (bytes + b.bytes > budget) await flush();
        const u = used[b.sheet]!;
        const range = ctx.workbook.worksheets.getItem(names[b.sheet]!).getRangeByIndexes(u.rowIndex + b.row, u.columnIndex, b.rows, Math.max(1, u.columnCount));
        range.load("values");
        batch.push({ b, range });
        bytes += b.bytes;
      }
      await flush();
      return used.map((u, i) => ({ name: names[i]!, values: trimBlankRows(out[i]!), origin: addressOrigin(u.address) }));
    });
  }

  /** A chosen sheet vanished between detection and reading: say which, and what to do. */
  private async sheetChanged(names: readonly string[], cause: unknown): Promise<ChitieuError> {
    let missing: string[] = [];
    let have: string[] = [];
    try {
      const l = await this.list();
      have = l.sheets.filter((s) => s.name !== META_SHEET).map((s) => s.name);
      missing = names.filter((n) => !have.includes(n));
    } catch {
      // Keep the general message below.
    }
    const which = missing.length > 0 ? missing : [...names];
    return new ChitieuError("sheet-changed", said("sheet-gone", { sheets: which, have, detail: describeError(cause) }, { sheet: which[0] }));
  }

  // ---------------------------------------------------------------- writing

  async writeSummary(specs: readonly SheetSpec[]): Promise<WrittenSheet[]> {
    // The listing made for this recalculation (no extra round trip); a fresh one otherwise.
    let listing = await this.claimMarked(specs, this.listing ?? (await this.list()));
    this.listing = null;
    let budget = this.maxBytes;
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      const plan = this.plan(specs, listing, budget);
      let ids: string[];
      try {
        ids = await this.deps.run((ctx) => writeSheets(ctx, plan));
      } catch (e) {
        const cleaned = await this.cleanup(plan);
        if (isPayloadError(e) && attempt < MAX_WRITE_ATTEMPTS) {
          budget = Math.floor(budget / 2);
          continue;
        }
        // The sheets changed since they were listed (a name taken, a summary deleted): list again once.
        if (!refreshed && (isNotFound(e) || /AlreadyExists|InvalidArgument|InvalidOperation/.test(String((e as { code?: string }).code ?? "")))) {
          refreshed = true;
          listing = await this.claimMarked(specs, await this.list());
          this.listing = null;
          continue;
        }
        throw new ChitieuError("write-failed", said("excel-write-failed", { cleaned, detail: describeError(e) }));
      }
      await this.record(plan, ids);
      return plan.sheets.map((p) => ({ key: p.spec.key, name: p.final }));
    }
  }

  private plan(specs: readonly SheetSpec[], listing: Listing, budget: number): WritePlan {
    const names = planSheetNames(
      specs.map((s) => s.name),
      listing.sheets.filter((s) => s.name !== META_SHEET).map((s) => ({ name: s.name, ours: listing.ours.has(s.name) })),
    );
    const token = tempToken();
    const sheets: SheetPlan[] = specs.map((spec, i) => ({ spec, final: names[i]!, temp: `~ct-${token}-${i + 1}` }));
    const old = listing.sheets.filter((s) => listing.ours.has(s.name)).map((s, i) => ({ name: s.name, id: s.id, aside: `~ct-${token}-old-${i + 1}` }));
    const settings = this.savedSettings() ?? listing.metaSettings;
    return planWrite({
      sheets,
      old,
      existing: listing.sheets.map((s) => s.name),
      budget,
      screenUpdating: this.supports("1.9"),
      customProperties: this.supports("1.12"),
      meta: listing.metaExists ? JSON.stringify({ summarySheets: names, settings }) : null,
      tableNames: tableNames(specs, listing.tables),
      styles: STYLE_COLOURS,
    });
  }

  /**
   * Remember the new summary sheets as ours (names and ids) in the document settings. The sheets
   * are written by now: a failed save must not undo them. The record stays set in memory (saved
   * with the next successful save), and the sheets carry their custom property (ExcelApi 1.12).
   */
  private async record(plan: WritePlan, ids: readonly string[]): Promise<void> {
    const recorded: RecordedSheet[] = plan.sheets.map((p, i) => ({ name: p.final, id: ids[i] ?? "" }));
    this.deps.settings.set(SUMMARY_KEY, recorded);
    try {
      await this.deps.settings.save();
    } catch {
      // See above.
    }
  }

  /**
   * After a failed write: delete what the write created and put back what it moved aside, so
   * the previous summary stays exactly as it was. Returns whether that worked.
   */
  private async cleanup(plan: WritePlan): Promise<boolean> {
    try {
      await this.deps.run(async (ctx) => {
        const ws = ctx.workbook.worksheets;
        ws.load("items/name");
        await ctx.sync();
        const now = new Set(ws.items.map((s) => s.name));
        const before = new Set(plan.existing);
        // A sheet holding a final name that was free before is ours only if it is what we wrote:
        // a user may have made a sheet of that name meanwhile (that is why the write failed).
        const suspects = plan.sheets
          .filter((p) => !before.has(p.final) && now.has(p.final))
          .map((p) => {
            const sheet = ws.getItem(p.final);
            const a1 = sheet.getRange("A1");
            a1.load("values");
            const used = sheet.getUsedRange(true);
            used.load("address");
            const mark = this.supports("1.12") ? sheet.customProperties.getItemOrNullObject(SHEET_MARK) : null;
            mark?.load("value");
            return { p, a1, used, mark };
          });
        if (suspects.length > 0) await ctx.sync();
        let queued = false;
        for (const p of plan.sheets) {
          if (now.has(p.temp)) {
            ws.getItem(p.temp).delete();
            queued = true;
          }
        }
        for (const { p, a1, used, mark } of suspects) {
          const source = rowsOf(p.spec);
          const v = source.slice(0, 1)[0]?.[0] ?? "";
          const rows = source.count;
          const sameContent = a1.values[0]?.[0] === v && addressOrigin(used.address).row === 0 && /:/.test(used.address) === rows * p.spec.width > 1;
          const marked = mark ? !mark.isNullObject && mark.value === p.spec.key : true;
          if (sameContent && marked) {
            ws.getItem(p.final).delete();
            now.delete(p.final);
            queued = true;
          }
        }
        for (const o of plan.old) {
          if (!now.has(o.aside)) continue;
          // The old summary was moved aside: whatever holds its name now is the new one.
          if (now.has(o.name)) ws.getItem(o.name).delete();
          ws.getItem(o.aside).name = o.name;
          queued = true;
        }
        if (queued) await ctx.sync();
      });
      return true;
    } catch {
      return false;
    }
  }

  // ---------------------------------------------------------------- settings

  private savedSettings(): StoredSettings | null {
    const raw = this.deps.settings.get(SETTINGS_KEY);
    return parseSettings(typeof raw === "string" ? safeJson(raw) : raw);
  }

  async loadSettings(): Promise<StoredSettings | null> {
    // None saved in Excel yet: the CLI may have saved choices in its meta sheet (seen when listing).
    return this.savedSettings() ?? this.metaSettings;
  }

  async saveSettings(settings: StoredSettings): Promise<void> {
    const valid = parseSettings(settings);
    if (!valid) throw new ChitieuError("bad-option", said("settings-not-valid", {}));
    this.deps.settings.set(SETTINGS_KEY, JSON.stringify(valid));
    try {
      await this.deps.settings.save();
    } catch (e) {
      throw new ChitieuError("write-failed", said("settings-not-saved", { detail: describeError(e) }));
    }
  }
}

/**
 * Table names are workbook-wide and our previous summary's tables still hold theirs while the
 * new ones are made: each new table takes its spec's name, or the first "_2", "_3" … free one.
 */
function tableNames(specs: readonly SheetSpec[], existing: readonly string[]): (string | null)[] {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  return specs.map((s) => {
    if (!s.table) return null;
    let name = s.table.name;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${s.table.name}_${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

/** The adapter over the real Office globals; call only inside Excel after Office.onReady. */
export function officeWorkbook(options: { maxRequestBytes?: number } = {}): OfficeWorkbook {
  const settings = Office.context.document.settings;
  return new OfficeWorkbook({
    run: (batch) => Excel.run(batch),
    settings: {
      get: (key) => settings.get(key),
      set: (key, value) => settings.set(key, value),
      save: () =>
        new Promise<void>((resolve, reject) =>
          settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(r.error?.message ?? "Could not save the workbook settings.")))),
        ),
    },
    isSetSupported: (set, version) => Office.context.requirements.isSetSupported(set, version),
    maxRequestBytes: options.maxRequestBytes,
  });
}
