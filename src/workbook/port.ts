/**
 * The one port to a workbook. The Office.js adapter (inside Excel) and the exceljs adapter
 * (.xlsx files, in Node and in the browser) implement it; the core and the services never
 * know which one they talk to.
 */
import type { SheetGrid } from "../core/grid";
import type { SheetSpec } from "../core/sheetSpec";
import type { StoredSettings } from "../core/settings";
import type { Message } from "../core/messages";

export interface SheetInfo {
  readonly name: string;
  /**
   * Only a worksheet has cells. A chart sheet, a dialog or a macro sheet (Excel 4) is "other": never
   * an input, and named as an input it is an error that lists the worksheets.
   */
  readonly kind: "worksheet" | "other";
  /** True for a summary sheet this add-in wrote (and may replace). */
  readonly ours: boolean;
  /**
   * Hidden or very hidden (often last year's plan kept out of sight): never chosen on its own,
   * only when named. Absent means visible.
   */
  readonly hidden?: boolean;
}

export interface ReadOptions {
  /** Read only the first rows (to recognise a sheet's role from its title and header). */
  readonly maxRows?: number;
}

export interface WrittenSheet {
  readonly key: string;
  /** The name it was written under (differs from the spec's when a user's sheet had that name). */
  readonly name: string;
}

export interface WorkbookPort {
  listSheets(): Promise<SheetInfo[]>;
  /** Values of the used range of each named sheet, with its origin. */
  readSheets(names: readonly string[], options?: ReadOptions): Promise<SheetGrid[]>;
  /**
   * Replace every summary sheet of ours with these, all or nothing: if writing fails, the
   * previous summary sheets stay as they were. A user's sheet is never touched.
   */
  writeSummary(sheets: readonly SheetSpec[]): Promise<WrittenSheet[]>;
  loadSettings(): Promise<StoredSettings | null>;
  saveSettings(settings: StoredSettings): Promise<void>;
  /**
   * What the adapter had to do or give up on that the user should know, since it was last asked
   * (Excel: a part of the summary sheets' look it refused, a manual calculation it could not
   * make). The pipeline adds these to the summary's warnings; absent: never anything.
   */
  takeWarnings?(): Message[];
}
