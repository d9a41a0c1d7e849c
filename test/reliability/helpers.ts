/**
 * Shared helpers for the reliability tests: small grids built inline, a fake WorkbookPort (to
 * reach the shared pipeline with sheets exceljs cannot make, such as chart sheets), and checks
 * that no number anywhere in a result is Infinity or NaN.
 */
import { CellValue, SheetGrid } from "../../src/core/grid";
import { SheetSpec } from "../../src/core/sheetSpec";
import { StoredSettings } from "../../src/core/settings";
import { ReadOptions, SheetInfo, WorkbookPort, WrittenSheet } from "../../src/workbook/port";

/** A sheet with a header row ("STT", "Đơn vị", …indicators) and one row per unit. */
export function table(
  name: string,
  indicators: readonly string[],
  rows: readonly (readonly [string, ...CellValue[]])[],
  extra: readonly CellValue[][] = [],
): SheetGrid {
  const values: CellValue[][] = [["STT", "Đơn vị", ...indicators]];
  rows.forEach(([unit, ...figures], i) => values.push([i + 1, unit, ...figures]));
  for (const r of extra) values.push([...r]);
  return { name, values };
}

/** Every number reachable from `x` (objects, arrays, maps), with the path that leads to it. */
export function numbersIn(x: unknown, path = "$", out: { path: string; value: number }[] = [], seen = new Set<unknown>()): { path: string; value: number }[] {
  if (typeof x === "number") out.push({ path, value: x });
  else if (x && typeof x === "object") {
    if (seen.has(x)) return out;
    seen.add(x);
    if (x instanceof Map) for (const [k, v] of x) numbersIn(v, `${path}[${String(k)}]`, out, seen);
    else for (const [k, v] of Object.entries(x)) numbersIn(v, `${path}.${k}`, out, seen);
  }
  return out;
}

/** Paths of numbers that are Infinity or NaN. */
export function nonFinite(x: unknown): string[] {
  return numbersIn(x)
    .filter((n) => !Number.isFinite(n.value))
    .map((n) => `${n.path}=${n.value}`);
}

/** Every value written into the summary sheets. */
export function specValues(specs: readonly SheetSpec[]): (string | number | null)[] {
  return specs.flatMap((s) => s.values.flatMap((r) => [...r]));
}

/** An in-memory workbook behind the port: worksheets by grid, plus sheets of other kinds. */
export class FakeWorkbook implements WorkbookPort {
  readonly written: SheetSpec[][] = [];
  settings: StoredSettings | null = null;

  constructor(
    private readonly grids: readonly SheetGrid[],
    private readonly others: readonly SheetInfo[] = [],
  ) {}

  async listSheets(): Promise<SheetInfo[]> {
    return [...this.grids.map((g) => ({ name: g.name, kind: "worksheet" as const, ours: false })), ...this.others];
  }

  async readSheets(names: readonly string[], options: ReadOptions = {}): Promise<SheetGrid[]> {
    return names.map((n) => {
      const g = this.grids.find((x) => x.name === n);
      if (!g) throw new Error(`test port: readSheets asked for '${n}', which is not a worksheet`);
      return options.maxRows === undefined ? g : { ...g, values: g.values.slice(0, options.maxRows) };
    });
  }

  async writeSummary(sheets: readonly SheetSpec[]): Promise<WrittenSheet[]> {
    this.written.push([...sheets]);
    return sheets.map((s) => ({ key: s.key, name: s.name }));
  }

  async loadSettings(): Promise<StoredSettings | null> {
    return this.settings;
  }

  async saveSettings(settings: StoredSettings): Promise<void> {
    this.settings = settings;
  }
}

/** Deep copy of grids, to prove later that the engine did not change them. */
export function snapshot(grids: readonly (SheetGrid | null)[]): string {
  return JSON.stringify(grids);
}
