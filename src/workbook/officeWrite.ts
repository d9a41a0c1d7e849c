/**
 * Writing summary sheets through Office.js, all or nothing. The new sheets are written under
 * temporary names; in the last sync our previous summary sheets are moved aside, the new ones
 * renamed into place and the old ones deleted. When everything fits in one request that is a
 * single sync; a larger write sends its values in row blocks, one sync each, then the rest.
 *
 * Formatting costs the same for 10 units as for 10,000: number formats per block of columns
 * with one value each, highlights as one conditional format per highlight (a custom formula on
 * the mark column), fixed blocks (title, header, total) as one range each.
 */
import { columnLetter, RangeRef } from "../core/grid";
import { HighlightStyle, SheetSpec, STYLE_COLOURS, rowsOf } from "../core/sheetSpec";
import { runsOf } from "../core/describe";
import { META_SHEET } from "./meta";
import { OP_OVERHEAD_BYTES, SHEET_MARK, excelRows, formulaString, jsonBytes, rowBlocks, rowSizes, utf8Bytes, widthPoints } from "./officePlan";

export interface SheetPlan {
  readonly spec: SheetSpec;
  /** The name it ends up with (a user's sheet with the spec's name keeps it: see planSheetNames). */
  readonly final: string;
  /** The name it is written under until the swap. */
  readonly temp: string;
}

export interface WriteInput {
  readonly sheets: readonly SheetPlan[];
  /**
   * Our previous summary sheets, replaced at the end, found by id (a sheet of the user's that
   * took one's name since is another sheet); `aside` is their name during the swap.
   */
  readonly old: readonly { readonly name: string; readonly id: string; readonly aside: string }[];
  /** Every sheet name before the write (for the cleanup after a failure). */
  readonly existing: readonly string[];
  /** Largest request in bytes. */
  readonly budget: number;
  readonly screenUpdating: boolean;
  readonly customProperties: boolean;
  /** New content of the CLI's meta sheet cell A1, when that sheet exists. */
  readonly meta: string | null;
  /** Each sheet's table name (free in the workbook now), or null. */
  readonly tableNames: readonly (string | null)[];
  readonly styles: typeof STYLE_COLOURS;
}

/** A block of rows of one sheet's values. */
export interface ValueBlock {
  readonly sheet: number;
  readonly start: number;
  readonly end: number;
  readonly bytes: number;
}

export interface WritePlan extends WriteInput {
  /**
   * Each sheet's width as written (its widest row, at least `spec.width`). The plan holds no
   * values: each block's rows are made from `rowsOf(spec)` right before they are queued.
   */
  readonly widths: readonly number[];
  /** Value blocks per sync; the last sync also carries the formatting and the swap. */
  readonly syncs: readonly (readonly ValueBlock[])[];
}

/** A short token for temporary sheet names, unlikely to collide with anything a user has. */
export function tempToken(): string {
  return (Date.now() % 1e8).toString(36) + Math.floor(Math.random() * 36 ** 3).toString(36);
}

/** Estimated bytes of everything but the values (formats, tables, charts, swap): small and fixed. */
function decorationBytes(spec: SheetSpec): number {
  const ops =
    8 +
    spec.columnFormats.length +
    spec.cellFormats.length +
    spec.columnWidths.length +
    spec.merges.length +
    (spec.rowHeights?.length ?? 0) +
    2 * spec.wrap.length +
    5 * spec.highlights.length +
    (spec.table ? 3 : 0) +
    (spec.chart ? 10 : 0);
  const strings = jsonBytes(spec.columnFormats) + jsonBytes(spec.highlights.map((h) => h.mark?.text ?? "")) + utf8Bytes(spec.chart?.title ?? "") + 2 * utf8Bytes(spec.name);
  // Each operation also navigates to its range: count that too.
  return ops * 2 * OP_OVERHEAD_BYTES + strings;
}

export function planWrite(input: WriteInput): WritePlan {
  const sizes = input.sheets.map((p) => rowSizes(rowsOf(p.spec), p.spec.width));
  const fixed = input.sheets.reduce((n, p) => n + decorationBytes(p.spec), 0) + (input.old.length * 3 + 4) * OP_OVERHEAD_BYTES + utf8Bytes(input.meta ?? "");
  const valueBudget = Math.max(1024, input.budget - fixed);
  const blocks: ValueBlock[] = [];
  sizes.forEach(({ rowBytes }, sheet) => {
    for (const b of rowBlocks(rowBytes, valueBudget - OP_OVERHEAD_BYTES)) blocks.push({ sheet, start: b.start, end: b.end, bytes: b.bytes + OP_OVERHEAD_BYTES });
  });
  const total = blocks.reduce((n, b) => n + b.bytes, 0);
  let syncs: ValueBlock[][];
  if (total + fixed <= input.budget) {
    syncs = [blocks];
  } else {
    // Values in syncs of at most the budget each; the formatting and the swap in a last one.
    syncs = [];
    let cur: ValueBlock[] = [];
    let bytes = 0;
    for (const b of blocks) {
      if (cur.length > 0 && bytes + b.bytes > valueBudget) {
        syncs.push(cur);
        cur = [];
        bytes = 0;
      }
      cur.push(b);
      bytes += b.bytes;
    }
    if (cur.length > 0) syncs.push(cur);
    syncs.push([]);
  }
  return { ...input, widths: sizes.map((s) => s.width), syncs };
}

function rangeOf(ws: Excel.Worksheet, r: RangeRef): Excel.Range {
  return ws.getRangeByIndexes(r.row, r.col, r.rows, r.cols);
}

/** Runs [start, end) of adjacent equal values, so that each run is one operation, not one per column. */
function equalRuns<T>(values: readonly T[]): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  let c = 0;
  while (c < values.length) {
    let e = c + 1;
    while (e < values.length && values[e] === values[c]) e++;
    runs.push({ start: c, end: e });
    c = e;
  }
  return runs;
}

/** Number formats: one value per block of adjacent columns with the same format. */
function numberFormats(ws: Excel.Worksheet, spec: SheetSpec): void {
  const dataRows = rowsOf(spec).count - spec.dataStart;
  if (dataRows > 0) {
    for (const { start, end } of equalRuns(spec.columnFormats)) ws.getRangeByIndexes(spec.dataStart, start, dataRows, end - start).numberFormat = [[spec.columnFormats[start]]];
  }
  for (const f of spec.cellFormats) ws.getRangeByIndexes(f.row, f.col, 1, 1).numberFormat = [[f.format]];
}

function paint(format: Excel.RangeFormat | Excel.ConditionalRangeFormat, style: HighlightStyle, styles: typeof STYLE_COLOURS): void {
  const s = styles[style];
  if (s.fill) format.fill.color = s.fill;
  format.font.color = s.font;
  if (s.bold) format.font.bold = true;
}

/** Widths, merges, wrap, highlights, freeze panes: a fixed number of operations per sheet. */
function decorate(ws: Excel.Worksheet, spec: SheetSpec, styles: typeof STYLE_COLOURS): void {
  for (const { start, end } of equalRuns(spec.columnWidths)) ws.getRangeByIndexes(0, start, 1, end - start).format.columnWidth = widthPoints(spec.columnWidths[start]!);
  for (const m of spec.merges) rangeOf(ws, m).merge(false);
  // Excel never fits a merged row to its wrapped text: paragraph rows carry their own height.
  for (const h of spec.rowHeights ?? []) ws.getRangeByIndexes(h.row, 0, 1, 1).format.rowHeight = h.height;
  for (const w of spec.wrap) {
    const f = rangeOf(ws, w).format;
    f.wrapText = true;
    f.verticalAlignment = "Center";
  }
  for (const h of spec.highlights) {
    if (h.block.rows <= 0 || h.block.cols <= 0) continue;
    if (h.mark) {
      // One conditional format for the whole block: rows whose mark cell holds the mark text.
      // Added even when no row is marked today, so the work does not depend on the data.
      const cf = rangeOf(ws, h.block).conditionalFormats.add("Custom");
      cf.custom.rule.formula = `=$${columnLetter(h.mark.col)}${h.block.row + 1}=${formulaString(h.mark.text)}`;
      paint(cf.custom.format, h.style, styles);
      continue;
    }
    const inside = h.rows.filter((r) => r >= h.block.row && r < h.block.row + h.block.rows);
    for (const run of runsOf(inside)) paint(ws.getRangeByIndexes(run.start, h.block.col, run.count, h.block.cols).format, h.style, styles);
  }
  if (spec.freeze.rows > 0 && spec.freeze.columns > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, spec.freeze.rows, spec.freeze.columns));
  else if (spec.freeze.rows > 0) ws.freezePanes.freezeRows(spec.freeze.rows);
  else if (spec.freeze.columns > 0) ws.freezePanes.freezeColumns(spec.freeze.columns);
}

function addTable(ws: Excel.Worksheet, spec: SheetSpec, name: string | null): void {
  if (!spec.table || !name || spec.table.range.rows < 2) return;
  const t = ws.tables.add(rangeOf(ws, spec.table.range), true);
  t.name = name;
  t.showFilterButton = true;
}

function addChart(ws: Excel.Worksheet, spec: SheetSpec): void {
  const ch = spec.chart;
  if (!ch || ch.bars.values.rows <= 0) return;
  const chart = ws.charts.add("ColumnClustered", rangeOf(ws, ch.bars.values), "Columns");
  chart.title.text = ch.title;
  const bars = chart.series.getItemAt(0);
  bars.name = ch.bars.name;
  bars.setXAxisValues(rangeOf(ws, ch.categories));
  if (ch.line) {
    const line = chart.series.add(ch.line.name);
    line.setValues(rangeOf(ws, ch.line.values));
    line.chartType = "Line";
  }
  chart.legend.position = "Bottom";
  chart.setPosition(ws.getRangeByIndexes(ch.anchor.row, ch.anchor.col, 1, 1));
}

/**
 * Queue and sync the whole write in one Excel.run. Returns the new sheets' ids (loaded in the
 * last sync, no extra round trip). A failure rejects; the caller cleans up.
 */
export async function writeSheets(ctx: Excel.RequestContext, plan: WritePlan): Promise<string[]> {
  const sheets = ctx.workbook.worksheets;
  if (plan.screenUpdating) ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
  // Sheets first, with their number formats before any value (formats first, values second).
  const added = plan.sheets.map((p) => {
    const ws = sheets.add(p.temp);
    ws.load("id");
    numberFormats(ws, p.spec);
    // Marks the sheet as ours even if the document settings are lost (ExcelApi 1.12).
    if (plan.customProperties) ws.customProperties.add(SHEET_MARK, p.spec.key);
    return ws;
  });
  const sources = plan.sheets.map((p) => rowsOf(p.spec));
  for (let s = 0; s < plan.syncs.length; s++) {
    for (const b of plan.syncs[s]!) {
      // This block's rows only, made now: the sheet's other rows are not held meanwhile.
      const width = plan.widths[b.sheet]!;
      added[b.sheet]!.getRangeByIndexes(b.start, 0, b.end - b.start, width).values = excelRows(sources[b.sheet]!, b.start, b.end, width);
    }
    if (s < plan.syncs.length - 1) {
      await ctx.sync();
      if (plan.screenUpdating) ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
    }
  }
  // The last sync: formatting, tables, charts, then the swap.
  plan.sheets.forEach((p, i) => {
    const ws = added[i]!;
    decorate(ws, p.spec, plan.styles);
    addTable(ws, p.spec, plan.tableNames[i] ?? null);
    addChart(ws, p.spec);
  });
  // Swap: old summaries aside, new ones into place, then the old ones deleted.
  const aside = plan.old.map((o) => {
    const ws = sheets.getItem(o.id);
    ws.name = o.aside;
    return ws;
  });
  plan.sheets.forEach((p, i) => {
    added[i]!.name = p.final;
  });
  if (added[0]) added[0].activate();
  for (const ws of aside) ws.delete();
  if (plan.meta !== null) sheets.getItem(META_SHEET).getRange("A1").values = [[plan.meta]];
  await ctx.sync();
  return added.map((ws) => ws.id);
}
