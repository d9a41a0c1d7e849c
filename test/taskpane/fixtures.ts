/**
 * Workbooks and a recording WorkbookPort for the task pane and ribbon tests: the exceljs adapter
 * over the bundled sample (or a variant of it), with every call counted and the write optionally
 * held back, so a test can click twice while a recalculation runs.
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsWorkbook";
import { ReadOptions, SheetInfo, WorkbookPort, WrittenSheet } from "../../src/workbook/port";
import { SheetSpec } from "../../src/core/sheetSpec";
import { StoredSettings } from "../../src/core/settings";
import { SheetGrid } from "../../src/core/grid";

export const SAMPLE = path.resolve(__dirname, "..", "..", "samples", "hau-giang-2022.xlsx");

export async function sampleWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  return wb;
}

/** Replace a text cell's value wherever it occurs, in the named sheets (default: all). */
export function replaceText(wb: ExcelJS.Workbook, from: string, to: string, sheets?: readonly string[]): number {
  // The sample writes some names in decomposed Unicode (NFD), as some systems do: compare composed.
  let n = 0;
  for (const ws of wb.worksheets) {
    if (sheets && !sheets.includes(ws.name)) continue;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && cell.value.normalize("NFC") === from.normalize("NFC")) {
          cell.value = to;
          n++;
        }
      }),
    );
  }
  if (n === 0) throw new Error(`replaceText: "${from}" is not in the workbook`);
  return n;
}

export class RecordingPort implements WorkbookPort {
  readonly calls: string[] = [];
  writes = 0;
  saved: StoredSettings[] = [];
  /** When set, writeSummary waits for it. */
  gate: Promise<void> | null = null;
  /** When set, every call rejects with it. */
  failWith: unknown = null;

  constructor(readonly inner: WorkbookPort) {}

  private check(name: string): void {
    this.calls.push(name);
    if (this.failWith) throw this.failWith;
  }

  async listSheets(): Promise<SheetInfo[]> {
    this.check("listSheets");
    return this.inner.listSheets();
  }
  async readSheets(names: readonly string[], options?: ReadOptions): Promise<SheetGrid[]> {
    this.check("readSheets");
    return this.inner.readSheets(names, options);
  }
  async writeSummary(sheets: readonly SheetSpec[]): Promise<WrittenSheet[]> {
    this.check("writeSummary");
    this.writes++;
    if (this.gate) await this.gate;
    return this.inner.writeSummary(sheets);
  }
  async loadSettings(): Promise<StoredSettings | null> {
    this.check("loadSettings");
    return this.inner.loadSettings();
  }
  async saveSettings(settings: StoredSettings): Promise<void> {
    this.check("saveSettings");
    this.saved.push(settings);
    return this.inner.saveSettings(settings);
  }
}

export async function samplePort(edit?: (wb: ExcelJS.Workbook) => void): Promise<{ wb: ExcelJS.Workbook; port: RecordingPort }> {
  const wb = await sampleWorkbook();
  edit?.(wb);
  return { wb, port: new RecordingPort(new ExcelJsWorkbook(wb)) };
}

/** A promise and the function that resolves it. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
