/**
 * The workbook port inside Excel, over Office.js. Every call is a fixed number of round trips
 * (`context.sync()`), whatever the number of units: one to list the sheets (two for a file last
 * written by the CLI, whose record is in its hidden sheet), one to read the chosen sheets, one to
 * write all summary sheets — more only when a write is larger than one request may be (Excel on
 * the web caps a request at 5 MB; desktop Excel does not, and is never split), then in row
 * blocks, or when a read is over Excel's 5 million cells. Formatting is per column block and per
 * highlight, never per cell, so its cost does not grow with the units.
 *
 * Which sheets are ours: names and ids recorded in the document settings after each write (a
 * user's sheet that later takes a summary's name has another id), read fresh before each listing
 * (another runtime — the ribbon's beside the pane's — may have saved since); by name where the
 * ids no longer match (hosts whose worksheet ids do not outlive a session), confirmed by the sheet
 * custom property where there is one (ExcelApi 1.12); the CLI's hidden record sheet for files it
 * wrote. Only those are ever rewritten, in place, all or nothing (see officeWrite.ts).
 *
 * What Excel does besides: a workbook in manual calculation is calculated before its cells are
 * read; cell-edit mode (which fails every request) has its own message; temporary sheets a dead
 * runtime left are swept on the next write. What the user should know of that (a part of the
 * look Excel refused, a calculation it refused) is kept for `takeWarnings`.
 *
 * Office globals (Excel, Office) are only touched in `officeWorkbook()`, so this module loads in
 * Node and jest; tests hand in a recording fake of the Excel object model.
 */
import { CellValue, SheetGrid } from "../core/grid";
import { ChitieuError } from "../core/errors";
import { Message, said } from "../core/messages";
import { STYLE_COLOURS, SheetSpec, legalSheetName, planSheetNames, sheetNameKey } from "../core/sheetSpec";
import { StoredSettings, parseSettings } from "../core/settings";
import { ReadOptions, SheetInfo, WorkbookPort, WrittenSheet } from "./port";
import { META_SHEET, parseMeta } from "./meta";
import { writeSheets, WritePlan, SheetPlan, planWrite, tempToken, probeWrite, dropStaging, redecorate, WriteState } from "./officeWrite";
import {
  CHART_PREFIX,
  DEFAULT_MAX_REQUEST_BYTES,
  MAX_BLOCK_CELLS,
  SHEET_MARK,
  TEMP_PREFIX,
  addressOrigin,
  describeError,
  errorCode,
  isCellEditError,
  isInvalidOperation,
  isNotFound,
  isPayloadError,
  isTempSheet,
  requestBudget,
} from "./officeRules";

export { SHEET_MARK };

/** Tiny promise interface over Office.context.document.settings. */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  save(): Promise<void>;
  /** Office's refreshAsync: this runtime's copy read again from the document (another runtime may have saved since). */
  refresh?(): Promise<void>;
}

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeDeps {
  readonly run: ExcelRun;
  readonly settings: SettingsStore;
  readonly isSetSupported: (set: string, version: string) => boolean;
  /** Largest request (values and formats serialized) sent in one sync; default: by `platform`. */
  readonly maxRequestBytes?: number;
  /** Office.context.platform ("PC", "Mac", "OfficeOnline" …): Excel on Windows and the Mac has no 5 MB cap. */
  readonly platform?: string | null;
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
  /** Every sheet but our temporary ones. */
  readonly sheets: readonly ListedSheet[];
  /** Names of our summary sheets. */
  readonly ours: ReadonlySet<string>;
  /**
   * Names recorded as ours in the document settings whose ids match no sheet now while no other
   * recorded id does either (a host whose ids do not outlive a session): ours by name, checked
   * against the sheet custom property where there is one (ExcelApi 1.12).
   */
  readonly byName: ReadonlySet<string>;
  readonly metaExists: boolean;
  readonly metaSettings: StoredSettings | null;
  /** Names of every table in the workbook (table names are workbook-wide). */
  readonly tables: readonly string[];
  /** Temporary sheets ("~ct-…") a runtime that died mid-write left. */
  readonly leftovers: readonly string[];
  /** Excel calculates only when asked (Formulas › Calculation Options › Manual). */
  readonly manualCalculation: boolean;
}

/** What is on a sheet of ours that a rewrite takes off first: its tables, its charts (names). */
interface OnSheet {
  readonly tables: readonly string[];
  readonly charts: readonly string[];
}

const MAX_READ_ATTEMPTS = 8;
const MAX_WRITE_ATTEMPTS = 8;
/** First guess of bytes per cell in a read response, to size row blocks once a read was too big. */
const READ_BYTES_PER_CELL = 24;

function parseRecorded(raw: unknown): RecordedSheet[] | null {
  if (!Array.isArray(raw)) return null;
  return raw.filter(
    (x): x is RecordedSheet => !!x && typeof x === "object" && typeof (x as RecordedSheet).name === "string" && typeof (x as RecordedSheet).id === "string",
  );
}

function trimBlankRows(values: CellValue[][]): CellValue[][] {
  let n = values.length;
  while (n > 0 && values[n - 1]!.every((v) => v === "" || v === null)) n--;
  return n === values.length ? values : values.slice(0, n);
}

/** The used range (or its first rows) of a sheet, as loaded. */
interface Used {
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

export class OfficeWorkbook implements WorkbookPort {
  private listing: Listing | null = null;
  /** Choices the CLI saved in its meta sheet, as last read. */
  private metaSettings: StoredSettings | null = null;
  /** Tables and charts on our sheets (by id), as last read beside the inputs. */
  private onSheets = new Map<string, OnSheet>();
  /** Calculate before the next read (the workbook calculates manually). */
  private calculateFirst = false;
  private warnings: Message[] = [];
  private readonly maxBytes: number;

  constructor(private readonly deps: OfficeDeps) {
    this.maxBytes = deps.maxRequestBytes ?? requestBudget(deps.platform);
  }

  private supports(version: string): boolean {
    try {
      return this.deps.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  }

  /** What the user should know of the last run besides the engine's warnings, once. */
  takeWarnings(): Message[] {
    const w = this.warnings;
    this.warnings = [];
    return w;
  }

  /**
   * A batch that only reads. Cell-edit mode fails every request, with its own code on newer hosts
   * and InvalidOperation on older ones — which a read never gets otherwise: both are that message.
   */
  private async read<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.deps.run(batch);
    } catch (e) {
      if (isCellEditError(e) || isInvalidOperation(e)) throw cellEdit();
      throw e;
    }
  }

  /** A batch that writes: only cell-edit mode's own code is that message (InvalidOperation may be a protected workbook). */
  private async write<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.deps.run(batch);
    } catch (e) {
      if (isCellEditError(e)) throw cellEdit();
      throw e;
    }
  }

  private async refreshSettings(): Promise<void> {
    try {
      await this.deps.settings.refresh?.();
    } catch {
      // The copy in memory is all there is.
    }
  }

  // ---------------------------------------------------------------- listing

  /**
   * One sync: names, ids, visibility, tables, the calculation mode. A second one only when the
   * CLI's hidden meta sheet is there and the document settings do not say which sheets are ours
   * (a file last written by the CLI, or a new session on a host whose ids change). `adopt`: sheets
   * an interrupted write of ours put in place.
   */
  private async list(adopt: readonly string[] = []): Promise<Listing> {
    await this.refreshSettings();
    const recorded = parseRecorded(this.deps.settings.get(SUMMARY_KEY));
    const listing = await this.read(async (ctx) => {
      const ws = ctx.workbook.worksheets;
      ws.load("items/name,items/id,items/visibility");
      const tables = ctx.workbook.tables;
      tables.load("items/name");
      const app = ctx.workbook.application;
      app.load("calculationMode");
      await ctx.sync();
      const tableNames = tables.items.map((t) => t.name);
      const all: ListedSheet[] = ws.items.map((s) => ({ name: s.name, id: s.id, visibility: String(s.visibility) }));
      const sheets = all.filter((s) => !isTempSheet(s.name));
      const byKey = new Map(sheets.map((s) => [sheetNameKey(s.name), s]));
      const ours = new Set<string>();
      // Ours by id: a user's sheet that later took a summary's name is not ours; a summary the
      // user renamed (to keep it) is not replaced either.
      for (const r of recorded ?? []) if (sheets.some((s) => s.id === r.id && s.name === r.name)) ours.add(r.name);
      // Ids that match no sheet at all: another session on a host whose ids do not last. Then the
      // recorded names say which sheets are ours; while any id still matches, a name whose id is
      // gone is a sheet the user made after deleting ours.
      const idsLast = (recorded ?? []).some((r) => sheets.some((s) => s.id === r.id));
      const byName = new Set<string>();
      if (!idsLast)
        for (const r of recorded ?? []) {
          const s = byKey.get(sheetNameKey(r.name));
          if (s && s.name !== META_SHEET) byName.add(s.name);
        }
      const metaExists = sheets.some((s) => s.name === META_SHEET);
      let metaSettings: StoredSettings | null = null;
      if (metaExists && (recorded === null || !idsLast)) {
        const meta = ws.getItem(META_SHEET).getRange("A1");
        meta.load("values");
        await ctx.sync();
        const m = parseMeta(meta.values[0]?.[0]);
        metaSettings = m.settings;
        // The CLI records only the sheets it wrote.
        for (const n of m.summarySheets) {
          const s = byKey.get(sheetNameKey(n));
          if (s) ours.add(s.name);
        }
      }
      for (const n of adopt) {
        const s = byKey.get(sheetNameKey(n));
        if (s) ours.add(s.name);
      }
      ours.delete(META_SHEET);
      for (const n of ours) byName.delete(n);
      const leftovers = all.filter((s) => isTempSheet(s.name)).map((s) => s.name);
      return { sheets, ours, byName, metaExists, metaSettings, tables: tableNames, leftovers, manualCalculation: app.calculationMode === "Manual" };
    });
    this.listing = listing;
    this.onSheets = new Map();
    this.calculateFirst = listing.manualCalculation;
    if (listing.metaSettings) this.metaSettings = listing.metaSettings;
    return listing;
  }

  /**
   * Sheets with a summary's name that are not known as ours (the document settings lost, or their
   * ids gone with the session): where sheet custom properties exist (ExcelApi 1.12) ask them, in
   * one sync, whether we wrote them. Without 1.12 the names recorded in the settings are trusted;
   * other sheets stay the user's, and the summary takes another name.
   */
  private async claimMarked(specs: readonly SheetSpec[], listing: Listing): Promise<Listing> {
    if (!this.supports("1.12")) {
      return listing.byName.size === 0 ? listing : { ...listing, ours: new Set([...listing.ours, ...listing.byName]), byName: new Set() };
    }
    const wanted = new Set(specs.map((s) => sheetNameKey(legalSheetName(s.name))));
    const suspects = listing.sheets.filter(
      (s) => !listing.ours.has(s.name) && s.name !== META_SHEET && (wanted.has(sheetNameKey(s.name)) || listing.byName.has(s.name)),
    );
    if (suspects.length === 0) return listing.byName.size === 0 ? listing : { ...listing, byName: new Set() };
    let marked: string[];
    try {
      marked = await this.read(async (ctx) => {
        const props = suspects.map((s) => {
          const p = ctx.workbook.worksheets.getItem(s.id).customProperties.getItemOrNullObject(SHEET_MARK);
          p.load("key");
          return p;
        });
        await ctx.sync();
        return suspects.filter((_s, i) => !props[i]!.isNullObject).map((s) => s.name);
      });
    } catch (e) {
      if (e instanceof ChitieuError) throw e;
      // A suspect vanished meanwhile: claim nothing (a sheet not known as ours is never replaced).
      return { ...listing, byName: new Set() };
    }
    return { ...listing, ours: new Set([...listing.ours, ...marked]), byName: new Set() };
  }

  async listSheets(): Promise<SheetInfo[]> {
    this.warnings = [];
    const l = await this.list();
    // Excel's worksheet collection holds worksheets only (chart sheets are not in it).
    // Visibility came with the names in the listing's one sync ("Hidden", "VeryHidden").
    return l.sheets
      .filter((s) => s.name !== META_SHEET)
      .map((s) => ({
        name: s.name,
        kind: "worksheet" as const,
        ours: l.ours.has(s.name) || l.byName.has(s.name),
        ...(s.visibility === "Hidden" || s.visibility === "VeryHidden" ? { hidden: true } : {}),
      }));
  }

  // ---------------------------------------------------------------- reading

  async readSheets(names: readonly string[], options: ReadOptions = {}): Promise<SheetGrid[]> {
    if (names.length === 0) return [];
    const calculate = this.calculateFirst;
    // Beside the inputs, what is on our sheets now (their tables and charts), for the write.
    const ours = this.listing ? this.listing.sheets.filter((s) => this.listing!.ours.has(s.name) || this.listing!.byName.has(s.name)).map((s) => s.id) : [];
    const budget = this.readBudget();
    try {
      return await this.readAtOnceOrInBlocks(names, options, calculate, ours);
    } catch (e) {
      if (e instanceof ChitieuError) throw e;
      if (isNotFound(e)) {
        // One of ours may be gone (not an input): read the inputs alone before saying they changed.
        if (ours.length > 0) return this.retryRead(names, options, calculate);
        throw await this.sheetChanged(names, e);
      }
      if (calculate && !isPayloadError(e)) {
        // Excel refused to calculate (or something else): read the figures as they are, and say so.
        this.calculateFirst = false;
        this.warnings.push(said("excel-manual-calculation", { detail: describeError(e) }));
        return this.readSheets(names, options);
      }
      if (!isPayloadError(e)) throw e;
    }
    // Too large for one response (Excel on the web: 5 MB; any host: 5 million cells): row blocks.
    const r = await this.readHuge(names, options.maxRows, budget, calculate);
    this.calculateFirst = false;
    return r;
  }

  /** The request size a read keeps under: the host's cap (none on desktop), else the web's. */
  private readBudget(): number {
    return Number.isFinite(this.maxBytes) ? this.maxBytes : DEFAULT_MAX_REQUEST_BYTES;
  }

  /** One request for every sheet; the sheets over Excel's cell limit (values came back null) then in row blocks. */
  private async readAtOnceOrInBlocks(names: readonly string[], options: ReadOptions, calculate: boolean, ours: readonly string[]): Promise<SheetGrid[]> {
    const r = await this.readAtOnce(names, options.maxRows, calculate, ours);
    this.calculateFirst = false;
    if (r.huge.length === 0) return r.grids;
    const more = await this.readHuge(
      r.huge.map((i) => names[i]!),
      options.maxRows,
      this.readBudget(),
      false,
    );
    r.huge.forEach((i, k) => (r.grids[i] = more[k]!));
    return r.grids;
  }

  private async retryRead(names: readonly string[], options: ReadOptions, calculate: boolean): Promise<SheetGrid[]> {
    try {
      return await this.readAtOnceOrInBlocks(names, options, calculate, []);
    } catch (e) {
      if (isNotFound(e)) throw await this.sheetChanged(names, e);
      throw e;
    }
  }

  /** Row blocks, halving the block whenever Excel refuses one for its size. */
  private async readHuge(names: readonly string[], maxRows: number | undefined, budget: number, calculate: boolean): Promise<SheetGrid[]> {
    let cells = MAX_BLOCK_CELLS;
    for (let attempt = 0; attempt < MAX_READ_ATTEMPTS; attempt++) {
      try {
        return await this.readInBlocks(names, maxRows, budget, cells, calculate);
      } catch (e) {
        if (e instanceof ChitieuError) throw e;
        if (isNotFound(e)) throw await this.sheetChanged(names, e);
        if (!isPayloadError(e)) throw e;
        budget = Math.floor(budget / 2);
        cells = Math.max(1, Math.floor(cells / 2));
      }
    }
    throw new ChitieuError("read-failed", said("excel-read-too-large", { sheets: [...names] }));
  }

  /**
   * One sync: the used range's values and size of every sheet (after calculating, when Excel
   * calculates manually), and the tables and charts on `ours`. `huge`: the sheets whose values
   * Excel would not send (over 5 million cells: `values` is null).
   */
  private async readAtOnce(
    names: readonly string[],
    maxRows: number | undefined,
    calculate: boolean,
    ours: readonly string[],
  ): Promise<{ grids: SheetGrid[]; huge: number[] }> {
    return this.read(async (ctx) => {
      if (calculate) ctx.workbook.application.calculate("Recalculate");
      const ranges = names.map((name) => {
        const used = ctx.workbook.worksheets.getItem(name).getUsedRange(true);
        // The first rows of the used range (they may run past it: blank rows are trimmed).
        const r = maxRows !== undefined ? used.getRow(0).getResizedRange(Math.max(0, maxRows - 1), 0) : used;
        r.load("values,address");
        return r;
      });
      const found = ours.map((id) => {
        const ws = ctx.workbook.worksheets.getItem(id);
        return { id, tables: ws.tables.load("items/name"), charts: ws.charts.load("items/name") };
      });
      await ctx.sync();
      for (const f of found) this.onSheets.set(f.id, { tables: f.tables.items.map((t) => t.name), charts: f.charts.items.map((c) => c.name) });
      const huge: number[] = [];
      const grids = ranges.map((r, i) => {
        const values = r.values as CellValue[][] | null;
        if (!values) huge.push(i);
        return { name: names[i]!, values: values ? trimBlankRows(values) : [], origin: addressOrigin(r.address) };
      });
      return { grids, huge };
    });
  }

  /** First the used ranges' sizes, then the values in row blocks of about `budget` bytes and at most `cells` cells per sync. */
  private async readInBlocks(names: readonly string[], maxRows: number | undefined, budget: number, cells: number, calculate: boolean): Promise<SheetGrid[]> {
    return this.read(async (ctx) => {
      if (calculate) ctx.workbook.application.calculate("Recalculate");
      const used = names.map((name) => {
        const u = ctx.workbook.worksheets.getItem(name).getUsedRange(true);
        u.load("address,rowCount,columnCount,rowIndex,columnIndex");
        return u as unknown as Used;
      });
      await ctx.sync();
      const out = used.map(() => [] as CellValue[][]);
      type Block = { sheet: number; row: number; rows: number; bytes: number };
      const blocks: Block[] = [];
      used.forEach((u, i) => {
        const rows = maxRows !== undefined ? Math.min(maxRows, u.rowCount) : u.rowCount;
        const cols = Math.max(1, u.columnCount);
        const perRow = cols * READ_BYTES_PER_CELL;
        const step = Math.max(1, Math.min(Math.floor(budget / perRow), Math.floor(cells / cols)));
        for (let r = 0; r < rows; r += step) blocks.push({ sheet: i, row: r, rows: Math.min(step, rows - r), bytes: Math.min(step, rows - r) * perRow });
      });
      // Pack blocks into syncs of at most `budget` bytes each.
      let batch: { b: Block; range: Excel.Range }[] = [];
      let bytes = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        await ctx.sync();
        for (const { b, range } of batch) {
          const values = range.values as CellValue[][] | null;
          // Still over the host's cell limit: smaller blocks (the caller halves them).
          if (!values)
            throw Object.assign(new Error("The number of cells in the range has exceeded the maximum supported number."), { code: "RangeExceedsLimit" });
          for (const row of values) out[b.sheet]!.push(row);
        }
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
    let relisted = false;
    let rewritten = false;
    for (let attempt = 0; ; attempt++) {
      const onSheets = await this.whatIsOnOurs(listing);
      const plan = this.plan(specs, listing, onSheets, budget);
      let ids: string[];
      try {
        ids = await this.write((ctx) => writeSheets(ctx, plan));
      } catch (e) {
        if (e instanceof ChitieuError) throw e;
        // How far did it get? The marker sheet's name says (officeWrite.ts).
        let state: WriteState;
        try {
          state = await this.read((ctx) => probeWrite(ctx, plan));
        } catch (p) {
          if (p instanceof ChitieuError) throw p;
          throw new ChitieuError("write-failed", said("excel-write-failed", { cleaned: false, detail: describeError(e) }));
        }
        if (state.stage === "done") {
          // The figures are in place; only the look failed: again, part by part.
          ids = this.finalIds(plan, state);
          for (const f of await redecorate((batch) => this.write(batch), plan, ids))
            this.warnings.push(
              said("excel-decoration-failed", { part: f.part, sheets: f.sheets, detail: f.detail }, f.sheets.length === 1 ? { sheet: f.sheets[0] } : undefined),
            );
          await this.record(plan, ids);
          return plan.sheets.map((p) => ({ key: p.spec.key, name: p.final }));
        }
        if (state.stage === "swapping") {
          // Cut short while our sheets were being changed: write everything again, once, from a
          // fresh listing that knows the new sheets this attempt already put in place.
          const adopt = plan.sheets
            .filter((p) => !p.target && !state.sheets.some((s) => s.name === p.temp) && state.sheets.some((s) => s.name === p.final))
            .map((p) => p.final);
          if (!rewritten && attempt < MAX_WRITE_ATTEMPTS) {
            rewritten = true;
            listing = await this.claimMarked(specs, await this.list(adopt));
            this.listing = null;
            continue;
          }
          await this.quietly((ctx) => dropStaging(ctx, plan, state, true));
          const unfinished = plan.sheets.filter((p) => p.target || !adopt.includes(p.final)).map((p) => p.final);
          throw new ChitieuError("write-failed", said("excel-write-unfinished", { sheets: unfinished, detail: describeError(e) }));
        }
        // It never reached our sheets: take away what it made.
        const cleaned = await this.quietly((ctx) => dropStaging(ctx, plan, state));
        if (isPayloadError(e) && attempt < MAX_WRITE_ATTEMPTS) {
          budget = Number.isFinite(budget) ? Math.floor(budget / 2) : DEFAULT_MAX_REQUEST_BYTES;
          continue;
        }
        // The sheets changed since they were listed (a name taken, a summary deleted): list again once.
        if (!relisted && (isNotFound(e) || /AlreadyExists|InvalidArgument|InvalidOperation/.test(errorCode(e)))) {
          relisted = true;
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

  /** A batch whose failure only means "not done": true when it ran. */
  private async quietly(batch: (ctx: Excel.RequestContext) => Promise<void>): Promise<boolean> {
    try {
      await this.deps.run(batch);
      return true;
    } catch {
      return false;
    }
  }

  /** The written sheets' ids after a write whose swap was done (a new sheet found by its final name). */
  private finalIds(plan: WritePlan, state: WriteState): string[] {
    return plan.sheets.map((p) => p.target?.id ?? state.sheets.find((s) => s.name === p.final)?.id ?? "");
  }

  /**
   * The tables and charts on each sheet of ours, by id: read beside the inputs, or (when nothing
   * was read since the listing, or a sheet became ours since) in one sync here.
   */
  private async whatIsOnOurs(listing: Listing): Promise<Map<string, OnSheet>> {
    const ours = listing.sheets.filter((s) => listing.ours.has(s.name));
    const missing = ours.filter((s) => !this.onSheets.has(s.id));
    if (missing.length > 0) {
      await this.read(async (ctx) => {
        const found = missing.map((s) => {
          const ws = ctx.workbook.worksheets.getItem(s.id);
          return { id: s.id, tables: ws.tables.load("items/name"), charts: ws.charts.load("items/name") };
        });
        await ctx.sync();
        for (const f of found) this.onSheets.set(f.id, { tables: f.tables.items.map((t) => t.name), charts: f.charts.items.map((c) => c.name) });
      });
    }
    return this.onSheets;
  }

  private plan(specs: readonly SheetSpec[], listing: Listing, onSheets: ReadonlyMap<string, OnSheet>, budget: number): WritePlan {
    const names = planSheetNames(
      specs.map((s) => s.name),
      listing.sheets.filter((s) => s.name !== META_SHEET).map((s) => ({ name: s.name, ours: listing.ours.has(s.name) })),
    );
    const token = tempToken();
    const ours = listing.sheets.filter((s) => listing.ours.has(s.name));
    const freed = new Set<string>();
    const sheets: SheetPlan[] = specs.map((spec, i) => {
      const target = ours.find((s) => sheetNameKey(s.name) === sheetNameKey(names[i]!)) ?? null;
      const on = target ? (onSheets.get(target.id) ?? { tables: [], charts: [] }) : { tables: [], charts: [] };
      // Our charts by their name; on a sheet written before charts were named, every chart there
      // was made by the run that wrote it (the sheet was replaced whole then).
      const named = on.charts.filter((c) => c.startsWith(CHART_PREFIX));
      const charts = named.length > 0 || !spec.chart ? named : [...on.charts];
      for (const t of on.tables) freed.add(t.toLowerCase());
      return {
        spec,
        final: target ? target.name : names[i]!,
        temp: `${TEMP_PREFIX}${token}-${i + 1}`,
        target: target ? { id: target.id, name: target.name } : null,
        clear: { tables: on.tables, charts },
      };
    });
    const drop = ours.filter((s) => !sheets.some((p) => p.target?.id === s.id)).map((s) => ({ name: s.name, id: s.id }));
    for (const d of drop) for (const t of onSheets.get(d.id)?.tables ?? []) freed.add(t.toLowerCase());
    const settings = this.savedSettings() ?? listing.metaSettings;
    return planWrite({
      sheets,
      drop,
      sweep: listing.leftovers,
      marker: `${TEMP_PREFIX}${token}`,
      existing: listing.sheets.map((s) => s.name),
      budget,
      screenUpdating: this.supports("1.9"),
      customProperties: this.supports("1.12"),
      copy: this.supports("1.9"),
      meta: listing.metaExists ? JSON.stringify({ summarySheets: sheets.map((p) => p.final), settings }) : null,
      tableNames: tableNames(
        specs,
        listing.tables.filter((t) => !freed.has(t.toLowerCase())),
      ),
      styles: STYLE_COLOURS,
    });
  }

  /**
   * Remember the new summary sheets as ours (names and ids) in the document settings, read fresh
   * first so that what another runtime saved is kept. The sheets are written by now: a failed
   * save must not undo them. The record stays set in memory (saved with the next successful
   * save), and the sheets carry their custom property (ExcelApi 1.12).
   */
  private async record(plan: WritePlan, ids: readonly string[]): Promise<void> {
    const recorded: RecordedSheet[] = plan.sheets.map((p, i) => ({ name: p.final, id: ids[i] ?? "" }));
    await this.refreshSettings();
    this.deps.settings.set(SUMMARY_KEY, recorded);
    try {
      await this.deps.settings.save();
    } catch {
      // See above.
    }
  }

  // ---------------------------------------------------------------- settings

  private savedSettings(): StoredSettings | null {
    const raw = this.deps.settings.get(SETTINGS_KEY);
    return parseSettings(typeof raw === "string" ? safeJson(raw) : raw);
  }

  /**
   * The choices saved in the workbook: by the add-in in the document settings (read fresh), else
   * by the CLI in its hidden record sheet — read here even before anything was listed (the
   * ribbon's Recalculate asks for the choices first): two syncs, only for such a file.
   */
  async loadSettings(): Promise<StoredSettings | null> {
    await this.refreshSettings();
    const saved = this.savedSettings();
    if (saved || this.metaSettings) return saved ?? this.metaSettings;
    try {
      const text = await this.read(async (ctx) => {
        const meta = ctx.workbook.worksheets.getItemOrNullObject(META_SHEET);
        meta.load("name");
        await ctx.sync();
        if (meta.isNullObject) return null;
        const a1 = meta.getRange("A1");
        a1.load("values");
        await ctx.sync();
        return a1.values[0]?.[0] ?? null;
      });
      this.metaSettings = text === null ? null : parseMeta(text).settings;
    } catch (e) {
      if (e instanceof ChitieuError) throw e;
      // No record to read: nothing saved.
    }
    return this.metaSettings;
  }

  async saveSettings(settings: StoredSettings): Promise<void> {
    const valid = parseSettings(settings);
    if (!valid) throw new ChitieuError("bad-option", said("settings-not-valid", {}));
    // Fresh first: this runtime's copy may be older than what another one saved (our sheets' record).
    await this.refreshSettings();
    this.deps.settings.set(SETTINGS_KEY, JSON.stringify(valid));
    try {
      await this.deps.settings.save();
    } catch (e) {
      throw new ChitieuError("write-failed", said("settings-not-saved", { detail: describeError(e) }));
    }
  }
}

function cellEdit(): ChitieuError {
  return new ChitieuError("busy", said("excel-cell-edit", {}));
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

/** The parts of the Office globals the adapter uses (so that `officeWorkbookFrom` can be tested). */
export interface OfficeGlobals {
  readonly Excel: { run(...args: unknown[]): Promise<unknown> };
  readonly Office: {
    readonly context: {
      readonly platform?: unknown;
      readonly requirements: { isSetSupported(set: string, version?: string): boolean };
      readonly document: {
        readonly settings: {
          get(key: string): unknown;
          set(key: string, value: unknown): void;
          saveAsync(callback?: (r: { status: unknown; error?: { message?: string } }) => void): void;
          refreshAsync?(callback?: (r: { status: unknown; error?: { message?: string } }) => void): void;
        };
      };
    };
    readonly AsyncResultStatus: { readonly Succeeded: unknown };
  };
}

/**
 * The adapter over Office's globals: Excel.run waits for the user to leave a cell they are typing
 * in (`delayForCellEdit`, ExcelApi 1.11) and makes each run one undo step (`mergeUndoGroup`,
 * ExcelApi 1.20); the settings are refreshed with refreshAsync; the platform says whether requests
 * are capped.
 */
export function officeWorkbookFrom(g: OfficeGlobals, options: { maxRequestBytes?: number } = {}): OfficeWorkbook {
  const { Office, Excel: excel } = g;
  const settings = Office.context.document.settings;
  const isSetSupported = (set: string, version: string) => Office.context.requirements.isSetSupported(set, version);
  const has = (v: string) => {
    try {
      return isSetSupported("ExcelApi", v);
    } catch {
      return false;
    }
  };
  const runOptions = { ...(has("1.11") ? { delayForCellEdit: true } : {}), ...(has("1.20") ? { mergeUndoGroup: true } : {}) };
  const promised = (call: (cb: (r: { status: unknown; error?: { message?: string } }) => void) => void, failure: string) =>
    new Promise<void>((resolve, reject) =>
      call((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(r.error?.message ?? failure)))),
    );
  const refreshAsync = settings.refreshAsync;
  return new OfficeWorkbook({
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) =>
      (Object.keys(runOptions).length > 0 ? excel.run(runOptions, batch) : excel.run(batch)) as Promise<T>,
    settings: {
      get: (key) => settings.get(key),
      set: (key, value) => settings.set(key, value),
      save: () => promised((cb) => settings.saveAsync(cb), "Could not save the workbook settings."),
      ...(refreshAsync ? { refresh: () => promised((cb) => refreshAsync.call(settings, cb), "Could not read the workbook settings.") } : {}),
    },
    isSetSupported,
    maxRequestBytes: options.maxRequestBytes,
    platform: typeof Office.context.platform === "string" ? Office.context.platform : null,
  });
}

/** The adapter over the real Office globals; call only inside Excel after Office.onReady. */
export function officeWorkbook(options: { maxRequestBytes?: number } = {}): OfficeWorkbook {
  return officeWorkbookFrom({ Excel, Office } as unknown as OfficeGlobals, options);
}
