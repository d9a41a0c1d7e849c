/**
 * The workbook port over an exceljs Workbook: .xlsx files in Node (CLI) and in the browser
 * (preview). Formula cells give their cached result; merged cells give the master's value.
 * Our summary sheets and the saved choices are recorded in a very hidden sheet, so a later run
 * (in the CLI or the preview) knows which sheets it may replace.
 */
import type ExcelJS from "exceljs";
import { CellValue, SheetGrid } from "../core/grid";
import { ChitieuError } from "../core/errors";
import { said } from "../core/messages";
import { STYLE_COLOURS, SheetSpec, planSheetNames, rowsOf } from "../core/sheetSpec";
import { StoredSettings } from "../core/settings";
import { ReadOptions, SheetInfo, WorkbookPort, WrittenSheet } from "./port";
import { META_SHEET, MetaRecord as Meta, parseMeta } from "./meta";

export { META_SHEET };

/** One exceljs cell value as the core's CellValue. */
export function toCellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    const o = v as unknown as Record<string, unknown>;
    if ("error" in o) return String(o.error);
    if ("formula" in o || "sharedFormula" in o) {
      const r = o.result as ExcelJS.CellValue | undefined;
      return r === undefined ? null : toCellValue(r);
    }
    if ("richText" in o && Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join("");
    if ("text" in o) return toCellValue(o.text as ExcelJS.CellValue);
  }
  return String(v);
}

function argb(hex: string): string {
  return "FF" + hex.replace("#", "").toUpperCase();
}

export class ExcelJsWorkbook implements WorkbookPort {
  constructor(readonly workbook: ExcelJS.Workbook) {}

  private readMeta(): Meta {
    const ws = this.workbook.getWorksheet(META_SHEET);
    if (!ws) return { summarySheets: [], settings: null };
    return parseMeta(toCellValue(ws.getCell("A1").value));
  }

  private writeMeta(meta: Meta): void {
    let ws = this.workbook.getWorksheet(META_SHEET);
    if (!ws) ws = this.workbook.addWorksheet(META_SHEET, { state: "veryHidden" });
    ws.state = "veryHidden";
    ws.getCell("A1").value = JSON.stringify(meta);
  }

  async listSheets(): Promise<SheetInfo[]> {
    const ours = new Set(this.readMeta().summarySheets);
    return (
      this.workbook.worksheets
        .filter((ws) => ws.name !== META_SHEET)
        // `hidden` only when hidden (absent = visible, as the port says).
        .map((ws) => ({
          name: ws.name,
          kind: "worksheet" as const,
          ours: ours.has(ws.name),
          ...(ws.state === "hidden" || ws.state === "veryHidden" ? { hidden: true } : {}),
        }))
    );
  }

  async readSheets(names: readonly string[], options: ReadOptions = {}): Promise<SheetGrid[]> {
    return names.map((name) => {
      const ws = this.workbook.getWorksheet(name);
      if (!ws || name === META_SHEET) {
        const have = this.workbook.worksheets.filter((w) => w.name !== META_SHEET).map((w) => w.name);
        throw new ChitieuError("missing-sheet", said("sheet-not-in-workbook", { have }, { sheet: name }));
      }
      const values: CellValue[][] = [];
      const last = Math.min(ws.rowCount, options.maxRows ?? Number.MAX_SAFE_INTEGER);
      for (let r = 1; r <= last; r++) {
        const row = ws.findRow(r);
        if (!row || !row.hasValues) {
          values.push([]);
          continue;
        }
        const cells: CellValue[] = [];
        // cellCount is the row's last column with anything in it.
        for (let c = 1; c <= row.cellCount; c++) cells.push(toCellValue(row.getCell(c).value));
        values.push(cells);
      }
      while (values.length > 0 && values[values.length - 1]!.length === 0) values.pop();
      return { name, values, origin: { row: 0, col: 0 } };
    });
  }

  async writeSummary(specs: readonly SheetSpec[]): Promise<WrittenSheet[]> {
    const meta = this.readMeta();
    const existing = (await this.listSheets()).map((s) => ({ name: s.name, ours: s.ours }));
    const names = planSheetNames(
      specs.map((s) => s.name),
      existing,
    );
    // Remove our previous summary sheets (never a user's: only names recorded as ours).
    for (const old of meta.summarySheets) {
      const ws = this.workbook.getWorksheet(old);
      if (ws) this.workbook.removeWorksheet(ws.id);
    }
    const written: WrittenSheet[] = [];
    specs.forEach((spec, i) => {
      const ws = this.workbook.addWorksheet(names[i]!, {
        views: [{ state: "frozen", xSplit: spec.freeze.columns, ySplit: spec.freeze.rows }],
      });
      writeSpec(ws, spec);
      written.push({ key: spec.key, name: names[i]! });
    });
    this.writeMeta({ summarySheets: written.map((w) => w.name), settings: meta.settings });
    // Make the overview the sheet that opens.
    const first = this.workbook.getWorksheet(written[0]?.name ?? "");
    if (first) {
      const idx = this.workbook.worksheets.indexOf(first);
      this.workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, idx), visibility: "visible" }];
    }
    return written;
  }

  async loadSettings(): Promise<StoredSettings | null> {
    return this.readMeta().settings;
  }

  async saveSettings(settings: StoredSettings): Promise<void> {
    const meta = this.readMeta();
    this.writeMeta({ ...meta, settings });
  }
}

/**
 * Rows taken from a sheet's row source at a time: the sheet's cells are made a slice at a time
 * (and each slice dropped once written), never all at once as `spec.values` would.
 */
const ROWS_PER_SLICE = 2000;

/** Write one sheet description into an empty exceljs worksheet. */
function writeSpec(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  const source = rowsOf(spec);
  for (let start = 0; start < source.count; start += ROWS_PER_SLICE) {
    source.slice(start, start + ROWS_PER_SLICE).forEach((row, k) => {
      const r = start + k;
      const xrow = ws.getRow(r + 1);
      row.forEach((v, c) => {
        // Strings go in as strings: exceljs only makes formulas from {formula} objects, so text
        // such as "=HYPERLINK(…)" or "-5" stays text. Rows from rowsOf are cellSafe already: no
        // Infinity, no text over Excel's limit.
        if (v === null) return;
        xrow.getCell(c + 1).value = v;
      });
      if (r >= spec.dataStart) {
        spec.columnFormats.forEach((f, c) => {
          xrow.getCell(c + 1).numFmt = f;
        });
      }
    });
  }
  for (const f of spec.cellFormats) ws.getCell(f.row + 1, f.col + 1).numFmt = f.format;
  spec.columnWidths.forEach((w, c) => {
    ws.getColumn(c + 1).width = w;
  });
  for (const m of spec.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  for (const h of spec.rowHeights ?? []) ws.getRow(h.row + 1).height = h.height;
  for (const w of spec.wrap) {
    for (let r = w.row; r < w.row + w.rows; r++)
      for (let c = w.col; c < w.col + w.cols; c++) {
        const cell = ws.getCell(r + 1, c + 1);
        cell.alignment = { ...(cell.alignment ?? {}), wrapText: true, vertical: "middle" };
      }
  }
  for (const h of spec.highlights) {
    const colours = STYLE_COLOURS[h.style];
    for (const r of h.rows) {
      for (let c = h.block.col; c < h.block.col + h.block.cols; c++) {
        const cell = ws.getCell(r + 1, c + 1);
        if (colours.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(colours.fill) } };
        cell.font = { color: { argb: argb(colours.font) }, bold: colours.bold };
      }
    }
  }
  if (spec.table) {
    const t = spec.table.range;
    // Filter buttons over the header; exceljs writes no charts, so the file has none.
    ws.autoFilter = { from: { row: t.row + 1, column: t.col + 1 }, to: { row: t.row + t.rows, column: t.col + t.cols } };
  }
}
