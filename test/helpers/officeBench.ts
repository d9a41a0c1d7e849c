/**
 * The `office` row of the bench: one recalculation (list sheets, read the chosen sheets, write
 * every summary sheet) of a generated province through the Office.js adapter, against the
 * recording fake of the Excel object model, as Excel on the web (requests capped at 5 MB) or on
 * desktop (no cap: the adapter never splits there). Returns what the fake counted.
 */
import { FakeExcel } from "../workbook/fakeExcel";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { recalculate } from "../../src/workbook/recalculate";
import { DEFAULT_CHOICES } from "../../src/core/settings";
import { SheetGrid } from "../../src/core/grid";
import { makeWorkload } from "../../bench/workload";
import type { OfficeRow } from "../../bench/budgets";

/** One recalculation's counts: the bench's `office` row. */
export type OfficeMeasure = OfficeRow;

export interface OfficeMeasureOptions {
  /** Excel on the web (the default: `Office.context.platform` "OfficeOnline", requests capped at 5 MB) or on Windows ("PC", no cap). */
  readonly host?: "web" | "desktop";
  /** The adapter's request budget (default: the host's, 4 MB on the web). */
  readonly maxRequestBytes?: number;
  /** The fake's hard cap (default: 5 MB on the web, none on desktop). */
  readonly payloadCap?: number;
  /** Recalculate once before measuring (a workbook that already has our summary sheets). */
  readonly again?: boolean;
}

/** A fake Excel holding these grids as sheets (each at its origin). */
export function fakeWithGrids(grids: readonly SheetGrid[]): FakeExcel {
  const fake = new FakeExcel();
  for (const g of grids) fake.addSheet(g.name, g.values, g.origin ?? { row: 0, col: 0 });
  return fake;
}

/** Syncs, operations, formatting operations and the largest request of one recalculation. */
export async function measureOfficeRecalculation(units: number, indicators: 4 | 8, options: OfficeMeasureOptions = {}): Promise<OfficeMeasure> {
  const w = makeWorkload(units, indicators);
  const fake = fakeWithGrids([w.targets, w.actuals, w.base]);
  const desktop = options.host === "desktop";
  fake.payloadCap = options.payloadCap ?? (desktop ? Infinity : 5 * 1024 * 1024);
  const port = () =>
    new OfficeWorkbook({
      run: fake.run,
      settings: fake.settings,
      isSetSupported: fake.isSetSupported,
      maxRequestBytes: options.maxRequestBytes,
      platform: desktop ? "PC" : "OfficeOnline",
    });
  if (options.again) await recalculate(port(), DEFAULT_CHOICES);
  fake.resetStats();
  await recalculate(port(), DEFAULT_CHOICES);
  const s = fake.stats();
  if (s.unsyncedOperations > 0) throw new Error(`${s.unsyncedOperations} operations were queued but never synced`);
  return { units, indicators, syncs: s.syncs, operations: s.operations, formatOperations: s.formatOperations, maxRequestBytes: s.maxRequestBytes };
}
