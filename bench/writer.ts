/**
 * The file writers side by side (issue 16): a national-size input workbook (3,321 units × 8
 * indicators: the three input sheets as an .xlsx) gets the engine's summary sheets and the
 * record, written
 * - by today's exceljs writer: the whole workbook loaded into exceljs, our sheets added, the
 *   whole workbook serialised again (ExcelJsWorkbook, as the CLI wrote files before);
 * - by the package writer: our sheets laid out, grafted into the package, the package built
 *   with the user's parts carried over as they are (PackageWorkbook, src/workbook/xlsx).
 * Timed: from the input's bytes and the sheet descriptions to the output's bytes (the engine's
 * run is bench/engine.ts's, not counted here). Medians of a few runs, a garbage collection
 * between them.
 */
import ExcelJS from "exceljs";
import { toStored, DEFAULT_CHOICES } from "../src/core/settings";
import type { SheetGrid } from "../src/core/grid";
import { ExcelJsWorkbook } from "../src/workbook/exceljsWorkbook";
import { PackageWorkbook } from "../src/workbook/xlsx/packageWorkbook";
import type { WriterRow } from "./budgets";
import { runEngine } from "./engine";
import { makeWorkload } from "./workload";

/** The workload's three sheets as an .xlsx, as a planner's file holds them. */
export async function inputWorkbook(grids: readonly SheetGrid[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    g.values.forEach((row, r) => {
      if (row.length > 0) ws.getRow(r + 1).values = [null, ...row] as ExcelJS.CellValue[];
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function median(f: () => Promise<number>, runs: number, gc: () => void): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    times.push(await f());
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function measureWriters(units: number, indicators: 4 | 8, runs: number, gc: () => void): Promise<WriterRow> {
  const w = makeWorkload(units, indicators);
  const specs = runEngine(w).specs;
  const input = await inputWorkbook([w.targets, w.actuals, w.base]);
  const settings = toStored(DEFAULT_CHOICES);
  let exceljsBytes = 0;
  let packageBytes = 0;
  const exceljsMs = await median(
    async () => {
      const t0 = performance.now();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(input as unknown as ExcelJS.Buffer);
      const port = new ExcelJsWorkbook(wb);
      await port.writeSummary(specs);
      await port.saveSettings(settings);
      const out = await wb.xlsx.writeBuffer();
      exceljsBytes = out.byteLength;
      return performance.now() - t0;
    },
    runs,
    gc,
  );
  const packageMs = await median(
    async () => {
      const t0 = performance.now();
      const port = await PackageWorkbook.open(input);
      await port.writeSummary(specs);
      await port.saveSettings(settings);
      const out = await port.save();
      packageBytes = out.byteLength;
      return performance.now() - t0;
    },
    runs,
    gc,
  );
  return { units, indicators, exceljsMs, packageMs, exceljsBytes, packageBytes, inputBytes: input.byteLength, runs };
}
