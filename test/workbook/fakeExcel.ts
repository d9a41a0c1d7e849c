/**
 * A recording fake of the Excel JavaScript object model, faithful to the semantics the adapter
 * relies on:
 * - proxies: reading a property throws PropertyNotLoaded until it was `load()`ed AND the context
 *   synced; setting a property or calling a method only queues an operation;
 * - a queue executed in order at `context.sync()`: a failure stops there, operations before it
 *   stay applied (Excel batches are not transactions), the rest is dropped;
 * - `range.values`: strings starting with "=" become formulas; "+"/"-" followed by a number
 *   become numbers, other "+…", "-…", "@…" formulas; a leading apostrophe is the text prefix
 *   and is not part of the value; cells formatted "@" take text as it is; null leaves a cell alone;
 *   a 1×1 array is applied to every cell of the range; any other shape mismatch is an error;
 * - merged cells read back "" except the top-left; number formats read back per cell;
 * - sheet names unique (case-insensitive), ≤ 31 characters, none of : \ / ? * [ ]; table names
 *   unique in the workbook; the last visible sheet cannot be deleted, nor a very hidden one;
 * - a formula `='Sheet'!E7` (one cell, on this or another sheet) follows the sheet when it is
 *   renamed and becomes `=#REF!E7` when it is deleted, as Excel rewrites them; it is computed when
 *   read, or (calculation mode Manual) only by `application.calculate()`; charts made over another
 *   sheet's cells lose their data when that sheet is deleted;
 * - dates read back as serial numbers (`values`), from a workbook copied from exceljs too;
 * - a table over merged cells fails with MergedRangeConflict; a read of more than `cellReadLimit`
 *   cells gives `values: null` or RangeExceedsLimit; cell-edit mode fails every batch (or, with
 *   `delayForCellEdit`, holds it until the user leaves the cell);
 * - a request (the queued operations of one sync, serialized) or a response over `payloadCap`
 *   bytes fails with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded, as
 *   Excel on the web does over 5 MB.
 * It counts syncs, operations, formatting operations and request sizes, and injects faults.
 */
import type ExcelJS from "exceljs";
import { columnIndex, columnLetter, RangeRef } from "../../src/core/grid";
import { toCellValue } from "../../src/workbook/exceljsWorkbook";
import type { SettingsStore } from "../../src/workbook/officeWorkbook";

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

// ------------------------------------------------------------------ model

type Scalar = string | number | boolean;

interface Cell {
  v: Scalar;
  /** A formula, when the written text became one. */
  f?: string;
}

export interface TableModel {
  name: string;
  sheet: SheetModel;
  range: RangeRef;
  showFilterButton: boolean;
}

export interface ChartModel {
  name: string;
  type: string;
  seriesBy: string;
  title: string;
  legend: string;
  position: { row: number; col: number } | null;
  series: SeriesModel[];
}

export interface SeriesModel {
  name: string;
  chartType: string;
  values: RangeRef | null;
  xValues: RangeRef | null;
  /** The sheet the values are on (a chart may show another sheet's cells). */
  sheet: SheetModel | null;
  /** The sheet its data was on was deleted: the series shows #REF!. */
  broken: boolean;
}

export interface ConditionalFormatModel {
  range: RangeRef;
  type: string;
  formula: string;
  fill: string | null;
  font: string | null;
  bold: boolean;
}

export interface RangeFormatModel {
  range: RangeRef;
  prop: string;
  value: unknown;
}

export class SheetModel {
  cells = new Map<number, Map<number, Cell>>();
  formats = new Map<number, Map<number, string>>();
  merges: RangeRef[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];
  rangeFormats: RangeFormatModel[] = [];
  charts: ChartModel[] = [];
  freeze = { rows: 0, columns: 0 };
  customProperties = new Map<string, string>();
  /** The workbook it is in: formulas find other sheets through it. */
  workbook: WorkbookModel | null = null;
  constructor(
    public id: string,
    public name: string,
    public visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible",
  ) {}

  cell(r: number, c: number): Cell | undefined {
    return this.cells.get(r)?.get(c);
  }
  setCell(r: number, c: number, cell: Cell | undefined): void {
    let row = this.cells.get(r);
    if (!cell) {
      row?.delete(c);
      return;
    }
    if (!row) this.cells.set(r, (row = new Map()));
    row.set(c, cell);
  }
  format(r: number, c: number): string {
    return this.formats.get(r)?.get(c) ?? "General";
  }
  setFormat(r: number, c: number, f: string): void {
    let row = this.formats.get(r);
    if (!row) this.formats.set(r, (row = new Map()));
    if (f === "" || f === "General") row.delete(c);
    else row.set(c, f);
  }
  mergeAt(r: number, c: number): RangeRef | undefined {
    return this.merges.find((m) => r >= m.row && r < m.row + m.rows && c >= m.col && c < m.col + m.cols);
  }
  /** The value Excel reports for a cell ("" for blank and for merged cells other than the top-left); a formula's result. */
  valueAt(r: number, c: number): Scalar {
    const m = this.mergeAt(r, c);
    if (m && (m.row !== r || m.col !== c)) return "";
    const cell = this.cell(r, c);
    if (!cell) return "";
    if (cell.f !== undefined && this.workbook) return this.workbook.formulaValue(this, cell);
    return cell.v;
  }
  /** Every formula cell (for the workbook's rewrites and recalculation). */
  *formulaCells(): Generator<Cell> {
    for (const row of this.cells.values()) for (const cell of row.values()) if (cell.f !== undefined) yield cell;
  }
  /** Bounding box of the cells holding something (values only, or values and formats). */
  usedRange(valuesOnly: boolean): RangeRef | null {
    let r0 = Infinity,
      c0 = Infinity,
      r1 = -1,
      c1 = -1;
    const visit = (m: Map<number, Map<number, unknown>>, keep: (x: unknown) => boolean) => {
      for (const [r, row] of m)
        for (const [c, x] of row) {
          if (!keep(x)) continue;
          r0 = Math.min(r0, r);
          c0 = Math.min(c0, c);
          r1 = Math.max(r1, r);
          c1 = Math.max(c1, c);
        }
    };
    visit(this.cells, (x) => (x as Cell).v !== "");
    if (!valuesOnly) visit(this.formats, () => true);
    if (r1 < 0) return null;
    return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }
  /** Values of a block, as `range.values` reports them. */
  read(r: RangeRef): Scalar[][] {
    const out: Scalar[][] = [];
    for (let i = 0; i < r.rows; i++) {
      const row: Scalar[] = [];
      for (let j = 0; j < r.cols; j++) row.push(this.valueAt(r.row + i, r.col + j));
      out.push(row);
    }
    return out;
  }
  /** The whole used range as a grid from A1 (for assertions). */
  grid(): Scalar[][] {
    const u = this.usedRange(true);
    if (!u) return [];
    return this.read({ row: 0, col: 0, rows: u.row + u.rows, cols: u.col + u.cols });
  }
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  activeId: string | null = null;
  /** Application.calculationMode (a runtime setting of Excel, not of the file). */
  calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual" = "Automatic";
  private nextId = 1;
  private session = 0;

  private newId(): string {
    return `{${String(this.nextId++).padStart(8, "0")}-FAKE${this.session ? `-S${this.session}` : ""}}`;
  }

  addSheet(name: string, visibility: SheetModel["visibility"] = "Visible"): SheetModel {
    checkSheetName(name);
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
      throw new FakeOfficeError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
    const s = new SheetModel(this.newId(), name, visibility);
    s.workbook = this;
    this.sheets.push(s);
    if (!this.activeId) this.activeId = s.id;
    return s;
  }
  /**
   * The file is closed and opened again on a host whose worksheet ids do not outlive a session
   * (Excel on the web): every sheet gets a new id; names, contents and document settings stay.
   */
  newSession(): void {
    this.session++;
    for (const s of this.sheets) {
      const id = this.newId();
      if (this.activeId === s.id) this.activeId = id;
      s.id = id;
    }
  }
  /** A formula's value: computed now, or in Manual calculation mode the one last calculated. */
  formulaValue(sheet: SheetModel, cell: Cell, depth = 0): Scalar {
    if (this.calculationMode === "Manual" && !this.calculating) return cell.v;
    cell.v = depth > 50 ? "#REF!" : evaluateFormula(this, sheet, cell.f!, depth);
    return cell.v;
  }
  private calculating = false;
  /** Application.calculate: every formula computed again. */
  calculate(): void {
    this.calculating = true;
    try {
      for (const s of this.sheets) for (const cell of s.formulaCells()) cell.v = evaluateFormula(this, s, cell.f!, 0);
    } finally {
      this.calculating = false;
    }
  }
  /** Rewrite every formula's references to a sheet (renamed: its new name; deleted: #REF!). */
  private rewriteReferences(oldName: string, to: string | null): void {
    for (const s of this.sheets)
      for (const cell of s.formulaCells()) {
        let hit = false;
        cell.f = cell.f!.replace(SHEET_PREFIX, (whole, quoted: string | undefined, bare: string | undefined) => {
          const name = quoted !== undefined ? quoted.replace(/''/g, "'") : bare!;
          if (name.toLowerCase() !== oldName.toLowerCase()) return whole;
          hit = true;
          return to === null ? "#REF!" : `${quoteSheet(to)}!`;
        });
        // A formula Excel rewrote is computed again, whatever the calculation mode.
        if (hit && to === null) cell.v = "#REF!";
      }
  }
  /** By name (case-insensitive) or by id, as WorksheetCollection.getItem. */
  find(key: string): SheetModel | undefined {
    const k = key.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k) ?? this.sheets.find((s) => s.id === key);
  }
  get(name: string): SheetModel {
    const s = this.find(name);
    if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. (sheet '${name}')`);
    return s;
  }
  deleteSheet(s: SheetModel): void {
    if (!this.sheets.includes(s)) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    // Excel asks for a very hidden sheet to be made visible (or hidden) before it is deleted.
    if (s.visibility === "VeryHidden") throw new FakeOfficeError("InvalidOperation", "This operation is not permitted for a very hidden worksheet.");
    if (this.sheets.filter((x) => x !== s && x.visibility === "Visible").length === 0)
      throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    this.sheets = this.sheets.filter((x) => x !== s);
    this.tables = this.tables.filter((t) => t.sheet !== s);
    if (this.activeId === s.id) this.activeId = this.sheets.find((x) => x.visibility === "Visible")?.id ?? null;
    // Formulas and charts that showed its cells lose them.
    this.rewriteReferences(s.name, null);
    for (const x of this.sheets) for (const ch of x.charts) for (const ser of ch.series) if (ser.sheet === s) ser.broken = true;
  }
  renameSheet(s: SheetModel, name: string): void {
    checkSheetName(name);
    const other = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (other && other !== s) throw new FakeOfficeError("ItemAlreadyExists", `Cannot rename a sheet to '${name}': that name is already taken.`);
    const old = s.name;
    s.name = name;
    if (old !== name) this.rewriteReferences(old, name);
  }
  /** Sheet names in order (for assertions). */
  names(): string[] {
    return this.sheets.map((s) => s.name);
  }
}

/** A sheet prefix in a formula: 'Quoted name'! or Bare_name! */
const SHEET_PREFIX = /(?:'((?:[^']|'')+)'|([A-Za-z_\u00C0-\u1EF9][\w.\u00C0-\u1EF9]*))!/g;

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * The fake's formula language: one cell, on this sheet or another (`=E7`, `='Tổng hợp'!$E$7`,
 * `=#REF!E7`); anything else is #NAME?.
 */
function evaluateFormula(wb: WorkbookModel, sheet: SheetModel, f: string, depth: number): Scalar {
  if (/^=#REF!/i.test(f)) return "#REF!";
  const m = /^=(?:(?:'((?:[^']|'')+)'|([^'!=\s]+))!)?\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(f);
  if (!m) return "#NAME?";
  const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const target = name === undefined ? sheet : wb.find(name);
  if (!target || (name !== undefined && target.name.toLowerCase() !== name.toLowerCase())) return "#REF!";
  const r = Number(m[4]) - 1,
    c = columnIndex(m[3]!);
  const cell = target.cell(r, c);
  if (!cell) return 0;
  return cell.f !== undefined ? wb.formulaValue(target, cell, depth + 1) : cell.v;
}

function checkSheetName(name: string): void {
  if (name === "" || Array.from(name).length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name))
    throw new FakeOfficeError("InvalidArgument", `The sheet name '${name}' is not valid.`);
}

function valueToCell(s: SheetModel, r: number, c: number, v: unknown): void {
  if (v === null || v === undefined) return; // null leaves the cell alone
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
    s.setCell(r, c, { v });
    return;
  }
  if (typeof v === "boolean") {
    s.setCell(r, c, { v });
    return;
  }
  if (typeof v !== "string") throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
  if (v === "") {
    s.setCell(r, c, undefined);
    return;
  }
  // The apostrophe text prefix: the rest is text, the apostrophe is not part of the value.
  if (v.startsWith("'")) {
    s.setCell(r, c, { v: v.slice(1) });
    return;
  }
  // A cell formatted as Text takes what it is given as text.
  if (s.format(r, c) === "@") {
    s.setCell(r, c, { v });
    return;
  }
  if (v.startsWith("=")) {
    s.setCell(r, c, { v: "#NAME?", f: v });
    return;
  }
  if (/^[+-]/.test(v)) {
    const n = Number(v.replace(/\s/g, ""));
    if (v.length > 1 && Number.isFinite(n)) s.setCell(r, c, { v: n });
    else s.setCell(r, c, { v: "#NAME?", f: "=" + v });
    return;
  }
  if (v.startsWith("@")) {
    s.setCell(r, c, { v: "#NAME?", f: "=" + v.slice(1) });
    return;
  }
  // What Excel parses into another type (a few of its rules: numbers, percentages, "(1)", booleans, dates).
  const t = v.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return s.setCell(r, c, { v: Number(t) });
  if (/^\d+(\.\d+)?%$/.test(t)) return s.setCell(r, c, { v: Number(t.slice(0, -1)) / 100 });
  if (/^\(\d+(\.\d+)?\)$/.test(t)) return s.setCell(r, c, { v: -Number(t.slice(1, -1)) });
  if (/^(true|false)$/i.test(t)) return s.setCell(r, c, { v: t.toLowerCase() === "true" });
  if (/^\d{1,2}\/\d{1,2}(\/\d{2,4})?$/.test(t)) return s.setCell(r, c, { v: 45000 + Number(t.split("/")[0]) });
  s.setCell(r, c, { v: t === v ? v : t });
}

/** A1 address of a block on a sheet, quoted the way Excel quotes sheet names. */
export function excelAddress(sheet: string, r: RangeRef): string {
  const q = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  const a = `${columnLetter(r.col)}${r.row + 1}`;
  const b = `${columnLetter(r.col + r.cols - 1)}${r.row + r.rows}`;
  return `${q}!${r.rows === 1 && r.cols === 1 ? a : `${a}:${b}`}`;
}

function parseA1(address: string): RangeRef {
  const local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const m = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(local);
  if (!m) throw new FakeOfficeError("InvalidArgument", `The address '${address}' is not valid.`);
  const r0 = Number(m[2]) - 1,
    c0 = columnIndex(m[1]!);
  const r1 = m[4] ? Number(m[4]) - 1 : r0,
    c1 = m[3] ? columnIndex(m[3]) : c0;
  return { row: Math.min(r0, r1), col: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, cols: Math.abs(c1 - c0) + 1 };
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

function checkRange(r: RangeRef): RangeRef {
  if (r.row < 0 || r.col < 0 || r.rows < 1 || r.cols < 1 || r.row + r.rows > MAX_ROWS || r.col + r.cols > MAX_COLS)
    throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
  return r;
}

function overlaps(a: RangeRef, b: RangeRef): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/** Apply a 2-D array (or a 1×1 array to every cell) to a range. */
function forEachCell(r: RangeRef, data: unknown, what: string, f: (row: number, col: number, v: unknown) => void): void {
  if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) throw new FakeOfficeError("InvalidArgument", `${what}: expected a 2-D array.`);
  const rows = data as unknown[][];
  const single = rows.length === 1 && rows[0]!.length === 1;
  if (!single && (rows.length !== r.rows || rows.some((row) => row.length !== r.cols)))
    throw new FakeOfficeError(
      "InvalidArgument",
      `${what}: the number of rows or columns in the input array doesn't match the size or dimensions of the range.`,
    );
  for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) f(r.row + i, r.col + j, single ? rows[0]![0] : rows[i]![j]);
}

// ------------------------------------------------------------------ the queue

export interface OpInfo {
  /** "Range.values", "Worksheet.delete", "navigate" … */
  readonly name: string;
  readonly format: boolean;
  readonly navigation: boolean;
  readonly bytes: number;
}

interface Op extends OpInfo {
  run(): void;
}

const OVERHEAD = 120;
const NAV_OVERHEAD = 60;
const encoder = new TextEncoder();
const bytesOf = (v: unknown) => encoder.encode(JSON.stringify(v) ?? "").length;

export interface FakeStats {
  syncs: number;
  /** Queued operations other than navigation (property sets, method calls, loads). */
  operations: number;
  /** Of those, the ones that format: number formats, fill/font/alignment/width, merges, conditional formats, freeze panes. */
  formatOperations: number;
  /** The largest request of one sync, in bytes (serialized operations and their values). */
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Operations still queued when an Excel.run ended (never sent: a bug in the caller). */
  unsyncedOperations: number;
  requestBytes: number[];
}

/** Excel.RunOptions the fake knows. */
export interface FakeRunOptions {
  readonly delayForCellEdit?: boolean;
  readonly mergeUndoGroup?: boolean;
}

interface Fault {
  match: (op: OpInfo, index: number) => boolean;
  code: string;
  message: string;
  times: number;
}

const NOT_LOADED = (prop: string) =>
  new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

class FakeContext {
  readonly queue: Op[] = [];
  readonly workbook: FakeWorkbook;
  constructor(
    readonly excel: FakeExcel,
    readonly options: FakeRunOptions = {},
  ) {
    this.workbook = new FakeWorkbook(this);
  }
  async sync(): Promise<void> {
    await Promise.resolve();
    // delayForCellEdit: the request waits until the user leaves the cell they are typing in.
    if (this.excel.cellEditMode && this.options.delayForCellEdit) await this.excel.cellEditEnded();
    this.excel.execute(this);
  }
  /** Office's trackedObjects: a no-op here. */
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
}

/** Base of every proxy: a lazily bound model object, loaded properties, queued operations. */
abstract class FakeObject<M> {
  protected bound: M | null = null;
  protected nullObject = false;
  protected resolved = false;
  private readonly loaded = new Map<string, unknown>();
  constructor(
    readonly context: FakeContext,
    private readonly resolver: () => M | null,
    navigate = true,
    /** *OrNullObject: a missing object is a null object, not an error. */
    readonly nullable = false,
  ) {
    // Navigation is an action of the request too, executed in order.
    if (navigate) this.queueOp("navigate", { navigation: true, bytes: NAV_OVERHEAD }, () => (nullable ? this.resolveOnly() : this.model()));
  }
  private resolveOnly(): void {
    if (!this.resolved) {
      const m = this.resolver();
      this.resolved = true;
      this.bound = m;
      this.nullObject = m === null;
    }
  }
  /** The model object, resolved when the queue reaches it. */
  protected model(): M {
    this.resolveOnly();
    if (this.bound === null) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return this.bound;
  }
  get isNullObject(): boolean {
    if (!this.loaded.has("isNullObject")) throw NOT_LOADED("isNullObject");
    return this.loaded.get("isNullObject") as boolean;
  }
  protected queueOp(name: string, info: { format?: boolean; navigation?: boolean; bytes?: number }, run: () => void): void {
    this.context.queue.push({ name, format: !!info.format, navigation: !!info.navigation, bytes: info.bytes ?? OVERHEAD, run });
  }
  protected get(prop: string): unknown {
    if (!this.loaded.has(prop)) throw NOT_LOADED(prop);
    return this.loaded.get(prop);
  }
  protected set(prop: string, value: unknown, apply: (m: M) => void, format = false): void {
    this.queueOp(`${this.constructor.name.replace(/^Fake/, "")}.${prop}`, { format, bytes: OVERHEAD + bytesOf(value) }, () => apply(this.model()));
  }
  protected call(name: string, run: (m: M) => void, format = false, payload: unknown = null): void {
    this.queueOp(`${this.constructor.name.replace(/^Fake/, "")}.${name}`, { format, bytes: OVERHEAD + bytesOf(payload) }, () => run(this.model()));
  }
  /** Property values of the model, by name (what load() copies). */
  protected abstract snapshot(m: M, prop: string): unknown;
  load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === "string" ? props.split(",") : Array.isArray(props) ? props : props ? Object.keys(props) : [];
    const names = list.map((p) => p.trim()).filter(Boolean);
    this.queueOp(`${this.constructor.name.replace(/^Fake/, "")}.load`, { bytes: OVERHEAD }, () => {
      this.resolveOnly();
      this.loaded.set("isNullObject", this.nullObject);
      if (this.nullObject) return;
      const m = this.model();
      for (const p of names) {
        const v = this.snapshot(m, p);
        this.loaded.set(p.replace(/^items\//, ""), v);
        if (p === "values") this.context.excel.noteResponse(bytesOf(v));
      }
    });
    return this;
  }
  /** For the fake's own collections: a loaded value set directly. */
  protected setLoaded(prop: string, v: unknown): void {
    this.loaded.set(prop, v);
  }
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

class FakeApplication extends FakeObject<WorkbookModel> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.excel.workbook, false);
  }
  protected snapshot(m: WorkbookModel, prop: string): unknown {
    if (prop === "calculationMode") return m.calculationMode;
    throw new FakeOfficeError("InvalidArgument", `Application: cannot load '${prop}' in the fake.`);
  }
  get calculationMode(): string {
    return this.get("calculationMode") as string;
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.queue.push({
      name: "Application.suspendScreenUpdatingUntilNextSync",
      format: false,
      navigation: false,
      bytes: OVERHEAD,
      run: () => this.context.excel.screenSuspensions++,
    });
  }
  calculate(type: string): void {
    this.context.queue.push({
      name: "Application.calculate",
      format: false,
      navigation: false,
      bytes: OVERHEAD + bytesOf(type),
      run: () => {
        this.context.excel.calculations++;
        this.context.excel.workbook.calculate();
      },
    });
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly tables: FakeWorkbookTables;
  readonly application: FakeApplication;
  constructor(readonly context: FakeContext) {
    this.worksheets = new FakeWorksheets(context);
    this.tables = new FakeWorkbookTables(context);
    this.application = new FakeApplication(context);
  }
}

/** workbook.tables: loading items gives each table's name; getItem(name) a table to delete. */
class FakeWorkbookTables extends FakeObject<WorkbookModel> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.excel.workbook);
  }
  protected snapshot(m: WorkbookModel, prop: string): unknown {
    if (prop !== "items/name" && prop !== "items" && prop !== "name")
      throw new FakeOfficeError("InvalidArgument", `TableCollection: cannot load '${prop}' in the fake.`);
    const items = m.tables.map((t) => ({ name: t.name }));
    this.setLoaded("items", items);
    return items;
  }
  get items(): { name: string }[] {
    return this.get("items") as { name: string }[];
  }
  getItem(name: string): FakeTable {
    return new FakeTable(this.context, () => {
      const t = this.context.excel.workbook.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!t) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. (table '${name}')`);
      return t;
    });
  }
}

class FakeWorksheets extends FakeObject<WorkbookModel> {
  private itemProxies: FakeWorksheet[] | null = null;
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.excel.workbook);
  }
  protected snapshot(m: WorkbookModel, prop: string): unknown {
    // Loading items (or a property of the items) fills `items` with loaded worksheet proxies.
    const itemProp = prop.replace(/^items\/?/, "");
    const sheets = m.sheets;
    if (!this.itemProxies || this.itemProxies.length !== sheets.length || this.itemProxies.some((p, i) => p.modelId !== sheets[i]!.id)) {
      this.itemProxies = sheets.map((s) => FakeWorksheet.bound(this.context, s));
    }
    this.itemProxies.forEach((p, i) => p.loadNow(sheets[i]!, itemProp === "" ? ["name", "id", "visibility", "position"] : [itemProp]));
    this.setLoaded("items", this.itemProxies);
    return this.itemProxies;
  }
  get items(): FakeWorksheet[] {
    return this.get("items") as FakeWorksheet[];
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.excel.workbook.get(name));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.excel.workbook.find(name) ?? null, false, true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.excel.workbook.sheets.find((s) => s.id === this.context.excel.workbook.activeId) ?? null);
  }
  add(name: string): FakeWorksheet {
    let created: SheetModel | null = null;
    this.call("add", (m) => (created = m.addSheet(name)), false, name);
    return new FakeWorksheet(this.context, () => created);
  }
}

class FakeWorksheet extends FakeObject<SheetModel> {
  readonly freezePanes: FakeFreezePanes;
  readonly tables: FakeTables;
  readonly charts: FakeCharts;
  readonly customProperties: FakeCustomProperties;
  modelId = "";
  static bound(ctx: FakeContext, s: SheetModel): FakeWorksheet {
    const p = new FakeWorksheet(ctx, () => s, true);
    p.modelId = s.id;
    return p;
  }
  constructor(ctx: FakeContext, resolver: () => SheetModel | null, already = false, nullable = false) {
    super(ctx, resolver, !already, nullable);
    if (already) {
      // A proxy made from a loaded collection: already bound (its navigation op is a no-op).
      this.model();
    }
    this.freezePanes = new FakeFreezePanes(this);
    this.tables = new FakeTables(ctx, this);
    this.charts = new FakeCharts(ctx, this);
    this.customProperties = new FakeCustomProperties(ctx, this);
  }
  sheetModel(): SheetModel {
    return this.model();
  }
  loadNow(s: SheetModel, props: string[]): void {
    for (const p of props) this.setLoaded(p, this.snapshot(s, p));
    this.setLoaded("isNullObject", false);
  }
  protected snapshot(m: SheetModel, prop: string): unknown {
    switch (prop) {
      case "name":
        return m.name;
      case "id":
        return m.id;
      case "visibility":
        return m.visibility;
      case "position":
        return this.context.excel.workbook.sheets.indexOf(m);
      default:
        throw new FakeOfficeError("InvalidArgument", `Worksheet has no property '${prop}'.`);
    }
  }
  get name(): string {
    return this.get("name") as string;
  }
  set name(v: string) {
    this.set("name", v, (m) => this.context.excel.workbook.renameSheet(m, v));
  }
  get id(): string {
    return this.get("id") as string;
  }
  get visibility(): string {
    return this.get("visibility") as string;
  }
  set visibility(v: string) {
    this.set("visibility", v, (m) => (m.visibility = v as SheetModel["visibility"]));
  }
  get position(): number {
    return this.get("position") as number;
  }
  delete(): void {
    this.call("delete", (m) => this.context.excel.workbook.deleteSheet(m));
  }
  activate(): void {
    this.call("activate", (m) => (this.context.excel.workbook.activeId = m.id));
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, this, () => (address ? checkRange(parseA1(address)) : { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS }));
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.context, this, () => checkRange({ row, col, rows, cols }));
  }
  getCell(row: number, col: number): FakeRange {
    return this.getRangeByIndexes(row, col, 1, 1);
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, this, () => this.model().usedRange(valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, this, () => this.model().usedRange(valuesOnly), true);
  }
}

class FakeFreezePanes {
  constructor(private readonly ws: FakeWorksheet) {}
  private q(name: string, f: (m: SheetModel) => void): void {
    this.ws.context.queue.push({ name: `FreezePanes.${name}`, format: true, navigation: false, bytes: OVERHEAD, run: () => f(this.ws.sheetModel()) });
  }
  freezeRows(n: number): void {
    this.q("freezeRows", (m) => (m.freeze = { rows: n, columns: 0 }));
  }
  freezeColumns(n: number): void {
    this.q("freezeColumns", (m) => (m.freeze = { rows: 0, columns: n }));
  }
  freezeAt(r: FakeRange | string): void {
    this.q("freezeAt", (m) => {
      const ref = typeof r === "string" ? parseA1(r) : r.ref();
      m.freeze = { rows: ref.row + ref.rows, columns: ref.col + ref.cols };
    });
  }
  unfreeze(): void {
    this.q("unfreeze", (m) => (m.freeze = { rows: 0, columns: 0 }));
  }
}

interface RangeModel {
  sheet: SheetModel;
  ref: RangeRef;
}

class FakeRange extends FakeObject<RangeModel> {
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormats;
  constructor(
    ctx: FakeContext,
    readonly ws: FakeWorksheet,
    refOf: () => RangeRef | null,
    nullable = false,
  ) {
    super(
      ctx,
      () => {
        const ref = refOf();
        return ref ? { sheet: ws.sheetModel(), ref } : null;
      },
      true,
      nullable,
    );
    this.format = new FakeRangeFormat(this);
    this.conditionalFormats = new FakeConditionalFormats(this);
  }
  ref(): RangeRef {
    return this.model().ref;
  }
  sheetModel(): SheetModel {
    return this.model().sheet;
  }
  protected snapshot(m: RangeModel, prop: string): unknown {
    const { sheet, ref } = m;
    if (!this.context.excel.workbook.sheets.includes(sheet)) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    const limit = this.context.excel.cellReadLimit;
    if ((prop === "values" || prop === "text" || prop === "formulas" || prop === "numberFormat") && ref.rows * ref.cols > limit.cells) {
      // Excel will not send more than 5 million cells' values: null, or on some hosts an error.
      if (limit.as === "error") throw new FakeOfficeError("RangeExceedsLimit", "The number of cells in the range has exceeded the maximum supported number.");
      return null;
    }
    switch (prop) {
      case "values":
        return sheet.read(ref);
      case "text":
        return sheet.read(ref).map((r) => r.map(String));
      case "formulas": {
        const out: Scalar[][] = [];
        for (let i = 0; i < ref.rows; i++) {
          const row: Scalar[] = [];
          for (let j = 0; j < ref.cols; j++) {
            const c = sheet.cell(ref.row + i, ref.col + j);
            row.push(c?.f ?? sheet.valueAt(ref.row + i, ref.col + j));
          }
          out.push(row);
        }
        return out;
      }
      case "numberFormat": {
        const out: string[][] = [];
        for (let i = 0; i < ref.rows; i++) {
          const row: string[] = [];
          for (let j = 0; j < ref.cols; j++) row.push(sheet.format(ref.row + i, ref.col + j));
          out.push(row);
        }
        return out;
      }
      case "address":
        return excelAddress(sheet.name, ref);
      case "rowCount":
        return ref.rows;
      case "columnCount":
        return ref.cols;
      case "rowIndex":
        return ref.row;
      case "columnIndex":
        return ref.col;
      case "cellCount":
        return ref.rows * ref.cols;
      default:
        throw new FakeOfficeError("InvalidArgument", `Range has no property '${prop}'.`);
    }
  }
  get values(): Scalar[][] {
    return this.get("values") as Scalar[][];
  }
  set values(v: unknown[][]) {
    this.set("values", v, (m) => forEachCell(m.ref, v, "Range.values", (r, c, x) => valueToCell(m.sheet, r, c, x)));
  }
  get formulas(): Scalar[][] {
    return this.get("formulas") as Scalar[][];
  }
  set formulas(v: unknown[][]) {
    this.set("formulas", v, (m) => forEachCell(m.ref, v, "Range.formulas", (r, c, x) => valueToCell(m.sheet, r, c, x)));
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat") as string[][];
  }
  set numberFormat(v: unknown[][]) {
    this.set(
      "numberFormat",
      v,
      (m) =>
        forEachCell(m.ref, v, "Range.numberFormat", (r, c, x) => {
          if (x !== null && x !== undefined) m.sheet.setFormat(r, c, String(x));
        }),
      true,
    );
  }
  get text(): string[][] {
    return this.get("text") as string[][];
  }
  get address(): string {
    return this.get("address") as string;
  }
  get rowCount(): number {
    return this.get("rowCount") as number;
  }
  get columnCount(): number {
    return this.get("columnCount") as number;
  }
  get rowIndex(): number {
    return this.get("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.get("columnIndex") as number;
  }
  get cellCount(): number {
    return this.get("cellCount") as number;
  }
  private derive(f: (r: RangeRef) => RangeRef): FakeRange {
    return new FakeRange(this.context, this.ws, () => checkRange(f(this.ref())));
  }
  getRow(i: number): FakeRange {
    return this.derive((r) => ({ row: r.row + i, col: r.col, rows: 1, cols: r.cols }));
  }
  getColumn(j: number): FakeRange {
    return this.derive((r) => ({ row: r.row, col: r.col + j, rows: r.rows, cols: 1 }));
  }
  getCell(i: number, j: number): FakeRange {
    return this.derive((r) => ({ row: r.row + i, col: r.col + j, rows: 1, cols: 1 }));
  }
  getResizedRange(dr: number, dc: number): FakeRange {
    return this.derive((r) => ({ ...r, rows: r.rows + dr, cols: r.cols + dc }));
  }
  getAbsoluteResizedRange(rows: number, cols: number): FakeRange {
    return this.derive((r) => ({ ...r, rows, cols }));
  }
  getOffsetRange(dr: number, dc: number): FakeRange {
    return this.derive((r) => ({ ...r, row: r.row + dr, col: r.col + dc }));
  }
  merge(across = false): void {
    this.call(
      "merge",
      (m) => {
        const { sheet, ref } = m;
        const parts: RangeRef[] = across ? Array.from({ length: ref.rows }, (_, i) => ({ row: ref.row + i, col: ref.col, rows: 1, cols: ref.cols })) : [ref];
        for (const p of parts) {
          if (p.rows * p.cols === 1) continue;
          if (sheet.merges.some((x) => overlaps(x, p))) throw new FakeOfficeError("InvalidOperation", "Cannot merge cells that overlap a merged area.");
          if (this.context.excel.workbook.tables.some((t) => t.sheet === sheet && overlaps(t.range, p)))
            throw new FakeOfficeError("InvalidOperation", "Cannot merge cells in a table.");
          // Excel keeps only the top-left value.
          for (let i = 0; i < p.rows; i++) for (let j = 0; j < p.cols; j++) if (i || j) sheet.setCell(p.row + i, p.col + j, undefined);
          sheet.merges.push(p);
        }
      },
      true,
    );
  }
  unmerge(): void {
    this.call("unmerge", (m) => (m.sheet.merges = m.sheet.merges.filter((x) => !overlaps(x, m.ref))), true);
  }
  /** Clears contents and/or formats (number formats, fills, fonts, widths) of the cells in the range. */
  clear(applyTo: string = "All"): void {
    this.call(
      "clear",
      (m) => {
        const contents = applyTo === "All" || applyTo === "Contents";
        const formats = applyTo === "All" || applyTo === "Formats";
        const inside = (r: number, c: number) => r >= m.ref.row && r < m.ref.row + m.ref.rows && c >= m.ref.col && c < m.ref.col + m.ref.cols;
        // Only the cells that hold something are visited: a whole sheet is 17 billion cells.
        if (contents) for (const [r, row] of m.sheet.cells) for (const c of [...row.keys()]) if (inside(r, c)) m.sheet.setCell(r, c, undefined);
        if (formats) {
          for (const [r, row] of m.sheet.formats) for (const c of [...row.keys()]) if (inside(r, c)) m.sheet.setFormat(r, c, "General");
          m.sheet.rangeFormats = m.sheet.rangeFormats.filter((f) => !overlaps(f.range, m.ref));
        }
      },
      false,
      applyTo,
    );
  }
  /**
   * Copies the source's cells (values as they are, number formats; "All" or "Values"/"Formats")
   * to this range's top-left, source-sized; formulas are copied as formulas.
   */
  copyFrom(source: FakeRange, copyType: string = "All"): void {
    this.call(
      "copyFrom",
      (m) => {
        const from = source.model();
        if (!this.context.excel.workbook.sheets.includes(from.sheet)) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
        const at = m.ref;
        checkRange({ row: at.row, col: at.col, rows: from.ref.rows, cols: from.ref.cols });
        for (let i = 0; i < from.ref.rows; i++)
          for (let j = 0; j < from.ref.cols; j++) {
            const r = from.ref.row + i,
              c = from.ref.col + j;
            if (copyType === "All" || copyType === "Values") {
              const cell = from.sheet.cell(r, c);
              m.sheet.setCell(at.row + i, at.col + j, cell ? { ...cell } : undefined);
            }
            if (copyType === "All" || copyType === "Formats") m.sheet.setFormat(at.row + i, at.col + j, from.sheet.format(r, c));
          }
      },
      false,
      copyType,
    );
  }
  /** Used by sub-objects to queue operations on this range. */
  queueOn(name: string, run: (m: RangeModel) => void, format: boolean, payload: unknown): void {
    this.call(name, run, format, payload);
  }
}

class FakeFill {
  constructor(
    private readonly owner: { setProp(prop: string, v: unknown): void },
    private readonly prefix: string,
  ) {}
  set color(v: string) {
    this.owner.setProp(`${this.prefix}.color`, v);
  }
}
class FakeFont {
  constructor(
    private readonly owner: { setProp(prop: string, v: unknown): void },
    private readonly prefix: string,
  ) {}
  set color(v: string) {
    this.owner.setProp(`${this.prefix}.color`, v);
  }
  set bold(v: boolean) {
    this.owner.setProp(`${this.prefix}.bold`, v);
  }
}

class FakeRangeFormat {
  readonly fill: FakeFill;
  readonly font: FakeFont;
  constructor(private readonly range: FakeRange) {
    this.fill = new FakeFill(this, "fill");
    this.font = new FakeFont(this, "font");
  }
  setProp(prop: string, value: unknown): void {
    this.range.queueOn(`format.${prop}`, (m) => m.sheet.rangeFormats.push({ range: m.ref, prop, value }), true, value);
  }
  set wrapText(v: boolean) {
    this.setProp("wrapText", v);
  }
  set verticalAlignment(v: string) {
    this.setProp("verticalAlignment", v);
  }
  set horizontalAlignment(v: string) {
    this.setProp("horizontalAlignment", v);
  }
  set columnWidth(v: number) {
    this.setProp("columnWidth", v);
  }
  set rowHeight(v: number) {
    this.setProp("rowHeight", v);
  }
  set useStandardHeight(v: boolean) {
    this.setProp("useStandardHeight", v);
  }
  set useStandardWidth(v: boolean) {
    this.setProp("useStandardWidth", v);
  }
  autofitColumns(): void {
    this.setProp("autofitColumns", true);
  }
}

class FakeConditionalFormats {
  constructor(private readonly range: FakeRange) {}
  clearAll(): void {
    this.range.queueOn(
      "conditionalFormats.clearAll",
      (m) => (m.sheet.conditionalFormats = m.sheet.conditionalFormats.filter((cf) => !overlaps(cf.range, m.ref))),
      true,
      null,
    );
  }
  add(type: string): FakeConditionalFormat {
    const cf: ConditionalFormatModel = { range: { row: 0, col: 0, rows: 0, cols: 0 }, type, formula: "", fill: null, font: null, bold: false };
    this.range.queueOn(
      "conditionalFormats.add",
      (m) => {
        cf.range = m.ref;
        m.sheet.conditionalFormats.push(cf);
      },
      true,
      type,
    );
    return new FakeConditionalFormat(this.range, cf);
  }
}

class FakeConditionalFormat {
  readonly custom: { rule: { formula: string }; format: { fill: FakeFill; font: FakeFont } };
  constructor(range: FakeRange, cf: ConditionalFormatModel) {
    const owner = {
      setProp: (prop: string, v: unknown) =>
        range.queueOn(
          `conditionalFormat.${prop}`,
          () => {
            if (prop === "fill.color") cf.fill = String(v);
            if (prop === "font.color") cf.font = String(v);
            if (prop === "font.bold") cf.bold = !!v;
          },
          true,
          v,
        ),
    };
    const rule = {} as { formula: string };
    Object.defineProperty(rule, "formula", {
      set: (v: string) => {
        range.queueOn("conditionalFormat.rule.formula", () => (cf.formula = v), true, v);
      },
      get: () => {
        throw NOT_LOADED("formula");
      },
    });
    this.custom = { rule, format: { fill: new FakeFill(owner, "fill"), font: new FakeFont(owner, "font") } };
  }
}

/** A sheet's tables: `add` (refused over another table or merged cells), and loaded items to delete. */
class FakeTables extends FakeObject<SheetModel> {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx, () => ws.sheetModel(), false);
  }
  protected snapshot(m: SheetModel, prop: string): unknown {
    if (prop !== "items/name" && prop !== "items") throw new FakeOfficeError("InvalidArgument", `TableCollection: cannot load '${prop}' in the fake.`);
    const items = this.context.excel.workbook.tables.filter((t) => t.sheet === m).map((t) => new FakeTable(this.context, () => t, t.name));
    this.setLoaded("items", items);
    return items;
  }
  get items(): FakeTable[] {
    return this.get("items") as FakeTable[];
  }
  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    const model: TableModel = { name: "", sheet: null as unknown as SheetModel, range: { row: 0, col: 0, rows: 0, cols: 0 }, showFilterButton: true };
    this.context.queue.push({
      name: "Table.add",
      format: false,
      navigation: false,
      bytes: OVERHEAD,
      run: () => {
        const sheet = this.ws.sheetModel();
        const ref = typeof address === "string" ? parseA1(address) : address.ref();
        const wb = this.context.excel.workbook;
        if (wb.tables.some((t) => t.sheet === sheet && overlaps(t.range, ref)))
          throw new FakeOfficeError("InvalidOperation", "A table can't overlap another table.");
        if (sheet.merges.some((m) => overlaps(m, ref)))
          throw new FakeOfficeError("MergedRangeConflict", "Cannot complete the operation. A table can't overlap a range that contains merged cells.");
        if (hasHeaders) {
          const heads = sheet.read({ ...ref, rows: 1 })[0]!.map((h) => String(h).toLowerCase());
          if (new Set(heads).size !== heads.length || heads.includes(""))
            throw new FakeOfficeError("InvalidArgument", "Table headers must be unique and not blank.");
        }
        let n = wb.tables.length + 1;
        while (wb.tables.some((t) => t.name.toLowerCase() === `table${n}`)) n++;
        Object.assign(model, { name: `Table${n}`, sheet, range: ref });
        wb.tables.push(model);
      },
    });
    return new FakeTable(this.context, () => model);
  }
}

class FakeTable {
  constructor(
    private readonly ctx: FakeContext,
    private readonly model: () => TableModel,
    private readonly loadedName?: string,
  ) {}
  private q(name: string, v: unknown, run: (t: TableModel) => void): void {
    this.ctx.queue.push({ name: `Table.${name}`, format: false, navigation: false, bytes: OVERHEAD + bytesOf(v), run: () => run(this.model()) });
  }
  get name(): string {
    if (this.loadedName === undefined) throw NOT_LOADED("name");
    return this.loadedName;
  }
  set name(v: string) {
    this.q("name", v, (t) => {
      const wb = this.ctx.excel.workbook;
      if (!wb.tables.includes(t)) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(v) || wb.tables.some((x) => x !== t && x.name.toLowerCase() === v.toLowerCase()))
        throw new FakeOfficeError("InvalidArgument", `A table named '${v}' already exists or the name is not valid.`);
      t.name = v;
    });
  }
  set showFilterButton(v: boolean) {
    this.q("showFilterButton", v, (t) => (t.showFilterButton = v));
  }
  /** Deletes the table (its cells keep their values, as Excel's do not move). */
  delete(): void {
    this.q("delete", null, (t) => {
      const wb = this.ctx.excel.workbook;
      if (!wb.tables.includes(t)) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
      wb.tables = wb.tables.filter((x) => x !== t);
    });
  }
}

/** A sheet's charts: `add`, and loaded items (name) to delete. */
class FakeCharts extends FakeObject<SheetModel> {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx, () => ws.sheetModel(), false);
  }
  protected snapshot(m: SheetModel, prop: string): unknown {
    if (prop !== "items/name" && prop !== "items") throw new FakeOfficeError("InvalidArgument", `ChartCollection: cannot load '${prop}' in the fake.`);
    const items = m.charts.map((c) => new FakeChart(this.context, c, m, c.name));
    this.setLoaded("items", items);
    return items;
  }
  get items(): FakeChart[] {
    return this.get("items") as FakeChart[];
  }
  /** The first chart of that name (deleting it is all the adapter does with it). */
  getItem(name: string): { delete(): void } {
    return {
      delete: () =>
        this.context.queue.push({
          name: "Chart.delete",
          format: false,
          navigation: false,
          bytes: OVERHEAD,
          run: () => {
            const s = this.ws.sheetModel();
            const c = s.charts.find((x) => x.name === name);
            if (!c) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. (chart '${name}')`);
            s.charts = s.charts.filter((x) => x !== c);
          },
        }),
    };
  }
  add(type: string, source: FakeRange, seriesBy?: string): FakeChart {
    const chart: ChartModel = { name: "", type, seriesBy: seriesBy ?? "Auto", title: "", legend: "", position: null, series: [] };
    let on: SheetModel | null = null;
    this.context.queue.push({
      name: "Chart.add",
      format: false,
      navigation: false,
      bytes: OVERHEAD,
      run: () => {
        const sheet = this.ws.sheetModel();
        on = sheet;
        const ref = source.ref();
        const from = source.sheetModel();
        const by = seriesBy === "Rows" ? "Rows" : "Columns";
        const n = by === "Columns" ? ref.cols : ref.rows;
        for (let i = 0; i < n; i++)
          chart.series.push({
            name: `Series${i + 1}`,
            chartType: type,
            values: by === "Columns" ? { ...ref, col: ref.col + i, cols: 1 } : { ...ref, row: ref.row + i, rows: 1 },
            xValues: null,
            sheet: from,
            broken: false,
          });
        chart.name = `Chart ${sheet.charts.length + 1}`;
        sheet.charts.push(chart);
      },
    });
    return new FakeChart(this.context, chart, () => on);
  }
}

class FakeChart {
  readonly title: { text: string };
  readonly legend: { position: string };
  readonly series: { getItemAt(i: number): FakeSeries; add(name?: string): FakeSeries };
  private readonly q: (name: string, v: unknown, run: () => void) => void;
  constructor(
    ctx: FakeContext,
    private readonly chart: ChartModel,
    sheet: SheetModel | (() => SheetModel | null),
    private readonly loadedName?: string,
  ) {
    const on = () => (typeof sheet === "function" ? sheet() : sheet);
    this.q = (name: string, v: unknown, run: () => void) =>
      ctx.queue.push({ name: `Chart.${name}`, format: false, navigation: false, bytes: OVERHEAD + bytesOf(v), run });
    const q = this.q;
    this.title = {} as { text: string };
    Object.defineProperty(this.title, "text", {
      set: (v: string) => {
        q("title.text", v, () => (chart.title = v));
      },
    });
    this.legend = {} as { position: string };
    Object.defineProperty(this.legend, "position", {
      set: (v: string) => {
        q("legend.position", v, () => (chart.legend = v));
      },
    });
    this.series = {
      getItemAt: (i: number) =>
        new FakeSeries(q, () => {
          const s = chart.series[i];
          if (!s) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
          return s;
        }),
      add: (name?: string) => {
        let s: SeriesModel | null = null;
        q("series.add", name, () => {
          s = { name: name ?? `Series${chart.series.length + 1}`, chartType: chart.type, values: null, xValues: null, sheet: null, broken: false };
          chart.series.push(s);
        });
        return new FakeSeries(q, () => s!);
      },
    };
    this.setPosition = (start: FakeRange) =>
      q("setPosition", null, () => {
        const r = start.ref();
        chart.position = { row: r.row, col: r.col };
      });
    this.delete = () =>
      q("delete", null, () => {
        const s = on();
        if (!s || !s.charts.includes(chart)) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
        s.charts = s.charts.filter((c) => c !== chart);
      });
  }
  get name(): string {
    if (this.loadedName === undefined) throw NOT_LOADED("name");
    return this.loadedName;
  }
  set name(v: string) {
    this.q("name", v, () => (this.chart.name = v));
  }
  setPosition: (start: FakeRange) => void;
  delete: () => void;
}

class FakeSeries {
  constructor(
    private readonly q: (name: string, v: unknown, run: () => void) => void,
    private readonly s: () => SeriesModel,
  ) {}
  set name(v: string) {
    this.q("series.name", v, () => (this.s().name = v));
  }
  set chartType(v: string) {
    this.q("series.chartType", v, () => (this.s().chartType = v));
  }
  setValues(r: FakeRange): void {
    this.q("series.setValues", null, () => {
      const s = this.s();
      s.values = r.ref();
      s.sheet = r.sheetModel();
    });
  }
  setXAxisValues(r: FakeRange): void {
    this.q("series.setXAxisValues", null, () => (this.s().xValues = r.ref()));
  }
}

class FakeCustomProperty extends FakeObject<{ key: string; value: string }> {
  protected snapshot(m: { key: string; value: string }, prop: string): unknown {
    if (prop === "key") return m.key;
    if (prop === "value") return m.value;
    throw new FakeOfficeError("InvalidArgument", `No property '${prop}'.`);
  }
  get key(): string {
    return this.get("key") as string;
  }
  get value(): string {
    return this.get("value") as string;
  }
}

class FakeCustomProperties {
  constructor(
    private readonly ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {}
  add(key: string, value: string): void {
    this.ctx.queue.push({
      name: "CustomProperties.add",
      format: false,
      navigation: false,
      bytes: OVERHEAD + bytesOf([key, value]),
      run: () => void this.ws.sheetModel().customProperties.set(key, String(value)),
    });
  }
  getItemOrNullObject(key: string): FakeCustomProperty {
    return new FakeCustomProperty(
      this.ctx,
      () => {
        const v = this.ws.sheetModel().customProperties.get(key);
        return v === undefined ? null : { key, value: v };
      },
      true,
      true,
    );
  }
}

// ------------------------------------------------------------------ settings

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/**
 * Office.context.document.settings as one runtime sees it: an in-memory copy of what is saved in
 * the document, read when the runtime starts (or on `refresh`, Office's refreshAsync) and written
 * back whole by `save` — so a runtime saving a stale copy overwrites what another one saved.
 */
export class FakeSettings implements SettingsStore {
  private current: Record<string, unknown>;
  saves = 0;
  refreshes = 0;
  failNextSave = false;
  /** `doc`: the document's saved settings, shared by every runtime that has the file open. */
  constructor(private readonly doc: { saved: Record<string, unknown> } = { saved: {} }) {
    this.current = clone(doc.saved);
  }
  /** What is saved in the document (what a colleague opening the file gets). */
  get saved(): Record<string, unknown> {
    return this.doc.saved;
  }
  set saved(v: Record<string, unknown>) {
    this.doc.saved = v;
  }
  get(key: string): unknown {
    const v = this.current[key];
    return v === undefined ? null : clone(v);
  }
  set(key: string, value: unknown): void {
    this.current[key] = clone(value);
  }
  remove(key: string): void {
    delete this.current[key];
  }
  async save(): Promise<void> {
    if (this.failNextSave) {
      this.failNextSave = false;
      throw new Error("Could not save the workbook settings.");
    }
    this.saves++;
    this.doc.saved = clone(this.current);
  }
  async refresh(): Promise<void> {
    this.refreshes++;
    this.current = clone(this.doc.saved);
  }
  /** Another runtime with the same file open (the ribbon's beside the pane's): its own copy, read now. */
  runtime(): FakeSettings {
    return new FakeSettings(this.doc);
  }
  /** A colleague opens the saved file: settings as saved. */
  reopen(): FakeSettings {
    return new FakeSettings({ saved: clone(this.doc.saved) });
  }
}

// ------------------------------------------------------------------ the fake Excel

export class FakeExcel {
  workbook = new WorkbookModel();
  readonly settings = new FakeSettings();
  /** Request/response size cap in bytes (Excel on the web: 5 MB); Infinity = no cap. */
  payloadCap = Infinity;
  /** Requirement sets this fake answers yes to ("ExcelApi 1.7" …). */
  supported = new Set(["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "1.11", "1.12"]);
  screenSuspensions = 0;
  /** Application.calculate calls executed. */
  calculations = 0;
  /** The user is typing in a cell: every request fails with `cellEditCode` (older hosts: InvalidOperation). */
  cellEditMode = false;
  cellEditCode = "InvalidOperationInCellEditMode";
  private cellEditWaiters: (() => void)[] = [];
  /** Reads of more cells than this give `values: null` (or, `as: "error"`, RangeExceedsLimit), as Excel's 5 million. */
  cellReadLimit: { cells: number; as: "null" | "error" } = { cells: 5_000_000, as: "null" };
  /** The options of each Excel.run, in order. */
  readonly runOptions: FakeRunOptions[] = [];
  private stat: FakeStats = FakeExcel.emptyStats();
  private faults: Fault[] = [];
  private runFaults: { run: number; afterSyncs: number; error: unknown }[] = [];
  private runs = 0;
  private executed = 0;
  private syncsInRun = 0;
  private responseBytes = 0;
  /** Every operation executed, in order (for assertions). */
  readonly log: OpInfo[] = [];
  keepLog = false;

  static emptyStats(): FakeStats {
    return { syncs: 0, operations: 0, formatOperations: 0, maxRequestBytes: 0, maxResponseBytes: 0, unsyncedOperations: 0, requestBytes: [] };
  }

  /** The user leaves the cell (Enter or Esc): requests held by delayForCellEdit go on. */
  leaveCellEdit(): void {
    this.cellEditMode = false;
    for (const w of this.cellEditWaiters.splice(0)) w();
  }
  cellEditEnded(): Promise<void> {
    return this.cellEditMode ? new Promise((resolve) => this.cellEditWaiters.push(resolve)) : Promise.resolve();
  }

  /** Excel.run: a fresh request context per batch. */
  run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => this.runWith({}, batch);

  /** Excel.run(options, batch). */
  runWith = async <T>(options: FakeRunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.runOptions.push(options);
    const ctx = new FakeContext(this, options);
    this.runs++;
    this.syncsInRun = 0;
    try {
      return await batch(ctx as unknown as Excel.RequestContext);
    } finally {
      this.stat.unsyncedOperations += ctx.queue.filter((o) => !o.navigation).length;
      this.runFaults = this.runFaults.filter((f) => f.run > this.runs);
    }
  };

  isSetSupported = (set: string, version: string): boolean => set === "ExcelApi" && this.supported.has(version);

  stats(): FakeStats {
    return { ...this.stat, requestBytes: [...this.stat.requestBytes] };
  }
  resetStats(): void {
    this.stat = FakeExcel.emptyStats();
  }

  /** Fail the n-th operation executed from now on (1-based) with this error code. */
  failAtOperation(n: number, code = "GeneralException", message = "An internal error has occurred."): void {
    const at = this.executed + n;
    this.faults.push({ match: (_op, i) => i === at, code, message, times: 1 });
  }
  /** Fail the next sync with this error code, before any of its operations runs. */
  failNextSync(code = "GeneralException", message = "An internal error has occurred."): void {
    this.nextSyncFault = { code, message };
  }
  private nextSyncFault: { code: string; message: string } | null = null;
  /** Fail the first operation matching `pred` (e.g. the first sheet deletion) with this code. */
  failWhen(pred: (op: OpInfo) => boolean, code = "GeneralException", message = "An internal error has occurred.", times = 1): void {
    this.faults.push({ match: (op) => pred(op), code, message, times });
  }
  /**
   * An Excel.run rejects with `error` at its sync number `afterSyncs + 1` (nothing of that sync
   * applied): the next run, or the one after `afterRuns` more runs.
   */
  rejectRun(error: unknown, where: { afterRuns?: number; afterSyncs?: number } = {}): void {
    this.runFaults.push({ run: this.runs + 1 + (where.afterRuns ?? 0), afterSyncs: where.afterSyncs ?? 0, error });
  }

  noteResponse(bytes: number): void {
    this.responseBytes += bytes;
  }

  /** context.sync(): send the queued operations, execute them in order. */
  execute(ctx: FakeContext): void {
    const ops = ctx.queue.splice(0, ctx.queue.length);
    this.stat.syncs++;
    const runFault = this.runFaults.find((f) => f.run === this.runs && f.afterSyncs === this.syncsInRun);
    this.syncsInRun++;
    if (runFault) {
      this.runFaults = this.runFaults.filter((f) => f !== runFault);
      throw runFault.error;
    }
    const bytes = ops.reduce((n, o) => n + o.bytes, 0);
    this.stat.requestBytes.push(bytes);
    this.stat.maxRequestBytes = Math.max(this.stat.maxRequestBytes, bytes);
    for (const o of ops) {
      if (o.navigation) continue;
      this.stat.operations++;
      if (o.format) this.stat.formatOperations++;
    }
    if (this.cellEditMode) throw new FakeOfficeError(this.cellEditCode, "This operation is not allowed while the user is editing a cell.", "sync");
    if (this.nextSyncFault) {
      const f = this.nextSyncFault;
      this.nextSyncFault = null;
      throw new FakeOfficeError(f.code, f.message, "sync");
    }
    if (bytes > this.payloadCap)
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${bytes} bytes).`);
    this.responseBytes = 0;
    for (const o of ops) {
      if (!o.navigation) {
        this.executed++;
        const fault = this.faults.find((f) => f.times > 0 && f.match(o, this.executed));
        if (fault) {
          fault.times--;
          this.faults = this.faults.filter((f) => f.times > 0);
          throw new FakeOfficeError(fault.code, fault.message, o.name);
        }
      }
      if (this.keepLog) this.log.push({ name: o.name, format: o.format, navigation: o.navigation, bytes: o.bytes });
      o.run();
    }
    this.stat.maxResponseBytes = Math.max(this.stat.maxResponseBytes, this.responseBytes);
    if (this.responseBytes > this.payloadCap)
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${this.responseBytes} bytes).`);
  }

  // -------------------------------------------------------------- set-up and inspection helpers

  /** A sheet filled from a grid (row-major, from A1 unless `at` is given); "" and null are blank. */
  addSheet(name: string, grid: readonly (readonly unknown[])[] = [], at = { row: 0, col: 0 }, visibility: SheetModel["visibility"] = "Visible"): SheetModel {
    const s = this.workbook.addSheet(name, visibility);
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === "") return;
        s.setCell(at.row + r, at.col + c, { v: v as Scalar });
      }),
    );
    return s;
  }
  sheet(name: string): SheetModel {
    return this.workbook.get(name);
  }
  /** Rows of a sheet whose conditional formats (custom formula `=$X<n>="text"`) paint them. */
  conditionallyPainted(name: string): number[] {
    const s = this.sheet(name);
    const rows = new Set<number>();
    for (const cf of s.conditionalFormats) {
      const m = /^=\$([A-Z]+)(\d+)="((?:[^"]|"")*)"$/.exec(cf.formula);
      if (!m) throw new Error(`Unsupported conditional format formula in the fake: ${cf.formula}`);
      const col = columnIndex(m[1]!);
      const text = m[3]!.replace(/""/g, '"');
      const offset = Number(m[2]) - 1 - cf.range.row;
      for (let i = 0; i < cf.range.rows; i++) if (s.valueAt(cf.range.row + i + offset, col) === text) rows.add(cf.range.row + i);
    }
    return [...rows].sort((a, b) => a - b);
  }
}

/** Excel's serial number of a date (days since 30 December 1899; the time of day as a fraction). */
export function dateSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** A cell of an exceljs workbook as Excel's `values` gives it: dates (and formulas' dates) as serial numbers. */
function excelValue(v: ExcelJS.CellValue): Scalar | null {
  if (v instanceof Date) return dateSerial(v);
  if (v && typeof v === "object" && "result" in v && (v as { result?: unknown }).result instanceof Date) return dateSerial((v as { result: Date }).result);
  return toCellValue(v);
}

/** A fake Excel holding an exceljs workbook copied cell by cell (cached results of formulas, merges, hidden state). */
export function fakeFromExcelJs(wb: ExcelJS.Workbook): FakeExcel {
  const fake = new FakeExcel();
  wb.eachSheet((ws) => {
    const vis = ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible";
    const s = fake.workbook.addSheet(ws.name, vis);
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v = excelValue(cell.value);
        if (v === null || v === "") return;
        s.setCell(r - 1, c - 1, { v });
        if (cell.numFmt) s.setFormat(r - 1, c - 1, cell.numFmt);
      });
    });
    const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
    for (const m of merges) s.merges.push(parseA1(m));
  });
  return fake;
}
