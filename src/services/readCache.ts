/**
 * The task pane's reads of the workbook, remembered. The pane analyses again on every change of
 * its choices, and most choices (an option, a goal, a column's role) change nothing in the sheets;
 * on the web each read of the input sheets moves megabytes. So the sheet list and each sheet's grid
 * are read once and kept until `forget()`: the workbook changed (the host says so: Excel's worksheet
 * events), the pane wrote (writeSummary forgets by itself) or the planner retries. Reads in flight
 * are shared; a read that began before a `forget()` answers its caller but is not kept.
 *
 * Recalculate does not read through this: what is written is computed from the sheets as they are.
 */
import type { SheetGrid } from "../core/grid";
import type { SheetSpec } from "../core/sheetSpec";
import type { StoredSettings } from "../core/settings";
import type { ReadOptions, SheetInfo, WorkbookPort, WrittenSheet } from "../workbook/port";

export interface RememberedReads extends WorkbookPort {
  /** Read the workbook again next time (it changed, or may have). */
  forget(): void;
}

export function rememberReads(port: WorkbookPort): RememberedReads {
  let list: Promise<SheetInfo[]> | null = null;
  // By row limit and sheet name: a peek at the top rows is not the whole sheet.
  let grids = new Map<string, Promise<SheetGrid | undefined>>();
  const key = (name: string, options?: ReadOptions) => `${options?.maxRows ?? "all"}\u0000${name}`;

  return {
    forget(): void {
      list = null;
      // A new map: reads in flight settle into the old one, which nobody asks any more.
      grids = new Map();
    },

    listSheets(): Promise<SheetInfo[]> {
      if (!list) {
        const reading = port.listSheets();
        list = reading;
        reading.catch(() => {
          if (list === reading) list = null;
        });
      }
      // A copy: a caller may sort or filter what it gets.
      return list.then((l) => l.slice());
    },

    async readSheets(names: readonly string[], options?: ReadOptions): Promise<SheetGrid[]> {
      const kept = grids;
      const missing = [...new Set(names)].filter((n) => !kept.has(key(n, options)));
      if (missing.length > 0) {
        // The missing sheets in one read, as the pipeline asked (one round trip in Excel).
        const batch = port.readSheets(missing, options);
        missing.forEach((name, i) => {
          const k = key(name, options);
          const one = batch.then((read) => read.find((g) => g.name === name) ?? (read.length === missing.length ? read[i] : undefined));
          kept.set(k, one);
          one.catch(() => {
            if (kept.get(k) === one) kept.delete(k);
          });
        });
      }
      const read = await Promise.all(names.map((n) => kept.get(key(n, options))!));
      return read.filter((g): g is SheetGrid => g !== undefined);
    },

    async writeSummary(sheets: readonly SheetSpec[]): Promise<WrittenSheet[]> {
      try {
        return await port.writeSummary(sheets);
      } finally {
        // Our sheets are new (the list's `ours`), and a failed write may have left any state.
        this.forget();
      }
    },

    loadSettings(): Promise<StoredSettings | null> {
      return port.loadSettings();
    },

    saveSettings(settings: StoredSettings): Promise<void> {
      return port.saveSettings(settings);
    },
  };
}
