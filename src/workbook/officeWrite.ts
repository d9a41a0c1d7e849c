/**
 * Writing summary sheets through Office.js. Our own summary sheets are rewritten in place — the
 * same sheet objects, emptied and filled again — so a planner's `='Tổng hợp chỉ tiêu'!E7` and a
 * chart of our figures keep pointing at them; only new summary sheets are added.
 *
 * All or nothing, when rewriting in place (docs/ADDIN.md): every new figure is first staged on
 * hidden temporary sheets ("~ct-…"); only when all of them are there are our sheets emptied and
 * the staged cells copied in (one Range.copyFrom per sheet, ExcelApi 1.9), new sheets renamed
 * into place, and the staging sheets deleted. A marker sheet says how far a write got — made
 * first ("~ct-<token>"), renamed "-s" when everything is staged, "-d" when the swap is done,
 * deleted last — so that after a failure the adapter knows, from the sheet names alone, whether
 * nothing of ours was touched (delete the staging), the swap was cut short (write everything
 * again, once), or only the look was (decorations again, each part on its own, best effort).
 * Without copyFrom (ExcelApi below 1.9) our sheets are emptied and written directly, after the
 * new sheets are staged.
 *
 * Values and the swap come first in a request, the look after them: column widths, merges,
 * highlights, freeze panes, the table and the chart are the parts Excel hosts have known bugs in
 * (office-js #2196, #2014, #3148), and a failure there costs a warning, not the summary.
 *
 * When everything fits in one request that is a single sync; a larger write sends its values in
 * row blocks, one sync each, the last of them carrying the swap and the look. Formatting costs the
 * same for 10 units as for 10,000: number formats per block of columns with one value each,
 * highlights as one conditional format per highlight (a custom formula on the mark column),
 * fixed blocks (title, header, total) as one range each.
 */
import { columnLetter, RangeRef } from "../core/grid";
import { ChartSeries, ChartSpec, HighlightStyle, SheetSpec, STYLE_COLOURS, isLineChart, rowsOf } from "../core/sheetSpec";
import type { DecorationPart } from "../core/messages/files";
import { runsOf } from "../core/describe";
import { META_SHEET } from "./meta";
import {
  OP_OVERHEAD_BYTES,
  SHEET_MARK,
  chartName,
  describeError,
  excelRows,
  formulaString,
  jsonBytes,
  rowBlocks,
  rowSizes,
  utf8Bytes,
  widthPoints,
} from "./officeRules";

export interface SheetPlan {
  readonly spec: SheetSpec;
  /** The name it ends up with (a user's sheet with the spec's name keeps it: see planSheetNames). */
  readonly final: string;
  /** The hidden sheet its values are staged on until the swap (unused when written directly). */
  readonly temp: string;
  /** Our sheet it rewrites in place, found by id; null: a new sheet (its staging sheet is renamed into place). */
  readonly target: { readonly id: string; readonly name: string } | null;
  /** What is on the target now and goes before the new figures: its tables, our charts. */
  readonly clear: { readonly tables: readonly string[]; readonly charts: readonly string[] };
}

export interface WriteInput {
  readonly sheets: readonly SheetPlan[];
  /** Our previous summary sheets that no spec rewrites (a result no longer there): deleted in the swap. */
  readonly drop: readonly { readonly name: string; readonly id: string }[];
  /** Temporary sheets left by a runtime that died mid-write: deleted once the swap is done. */
  readonly sweep: readonly string[];
  /** The marker sheet's name, "~ct-<token>" (see above). */
  readonly marker: string;
  /** Every sheet name before the write. */
  readonly existing: readonly string[];
  /** Largest request in bytes (Infinity on desktop: never split). */
  readonly budget: number;
  readonly screenUpdating: boolean;
  readonly customProperties: boolean;
  /** Range.copyFrom (ExcelApi 1.9): our sheets are staged and copied in; else written directly. */
  readonly copy: boolean;
  /** New content of the CLI's meta sheet cell A1, when that sheet exists. */
  readonly meta: string | null;
  /** Each sheet's table name (free in the workbook once our old tables are gone), or null. */
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
  /** Each sheet's number of rows. */
  readonly rows: readonly number[];
  /** Value blocks per sync; the last sync also carries the swap and the look. */
  readonly syncs: readonly (readonly ValueBlock[])[];
}

/** How far a write got, from its marker sheet's name (see above); null: no marker (nothing ran). */
export type WriteStage = "staging" | "swapping" | "done";

export function markerName(marker: string, stage: WriteStage): string {
  return stage === "staging" ? marker : stage === "swapping" ? `${marker}-s` : `${marker}-d`;
}

/** The parts of a sheet's look, in the order they are made. */
export const DECORATION_PARTS: readonly DecorationPart[] = ["widths", "merges", "highlights", "freeze", "tables", "charts"];

/** Whether a sheet has anything of a part to make (a sheet rewritten in place always has its freeze reset). */
export function hasPart(spec: SheetSpec, part: DecorationPart, inPlace: boolean): boolean {
  switch (part) {
    case "widths":
      return spec.columnWidths.length > 0 || (spec.rowHeights?.length ?? 0) > 0 || inPlace;
    case "merges":
      return spec.merges.length > 0 || spec.wrap.length > 0;
    case "highlights":
      return spec.highlights.some((h) => h.block.rows > 0 && h.block.cols > 0);
    case "freeze":
      return spec.freeze.rows > 0 || spec.freeze.columns > 0 || inPlace;
    case "tables":
      return !!spec.table && spec.table.range.rows >= 2;
    case "charts":
      return !!spec.chart && spec.chart.bars.values.rows > 0;
  }
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
    (spec.chart ? 10 + 3 * (spec.chart.lines?.length ?? 0) : 0);
  const strings =
    jsonBytes(spec.columnFormats) +
    jsonBytes(spec.highlights.map((h) => h.mark?.text ?? "")) +
    utf8Bytes(spec.chart?.title ?? "") +
    2 * utf8Bytes(spec.name) +
    (spec.chart?.lines ? jsonBytes(spec.chart.lines.map((s) => s.name)) : 0);
  // Each operation also navigates to its range: count that too.
  return ops * 2 * OP_OVERHEAD_BYTES + strings;
}

/** Estimated bytes of emptying a sheet of ours and copying its staged cells in (a few operations). */
const SWAP_BYTES = 10 * 2 * OP_OVERHEAD_BYTES;

export function planWrite(input: WriteInput): WritePlan {
  const sizes = input.sheets.map((p) => rowSizes(rowsOf(p.spec), p.spec.width));
  const fixed =
    input.sheets.reduce((n, p) => n + decorationBytes(p.spec) + SWAP_BYTES + (p.clear.tables.length + p.clear.charts.length) * 2 * OP_OVERHEAD_BYTES, 0) +
    (input.drop.length * 2 + input.sweep.length * 3 + 8) * OP_OVERHEAD_BYTES +
    utf8Bytes(input.meta ?? "");
  const valueBudget = Math.max(1024, input.budget - fixed);
  // Staged sheets first, sheets written directly into ours last: ours are touched as late as can be.
  const order = input.sheets.map((_p, i) => i).sort((x, y) => Number(isDirect(input, x)) - Number(isDirect(input, y)) || x - y);
  const blocks: ValueBlock[] = [];
  for (const sheet of order) {
    for (const b of rowBlocks(sizes[sheet]!.rowBytes, valueBudget - OP_OVERHEAD_BYTES))
      blocks.push({ sheet, start: b.start, end: b.end, bytes: b.bytes + OP_OVERHEAD_BYTES });
  }
  const total = blocks.reduce((n, b) => n + b.bytes, 0);
  let syncs: ValueBlock[][];
  if (total + fixed <= input.budget) {
    syncs = [blocks];
  } else {
    // Values in syncs of at most the budget less the fixed part each, so that the last one has
    // room for the swap and the look too: no sync of its own for them.
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
    syncs.push(cur);
  }
  return { ...input, widths: sizes.map((s) => s.width), rows: sizes.map((s) => s.rowBytes.length), syncs };
}

/** A sheet of ours written directly (no Range.copyFrom on this host). */
function isDirect(plan: WriteInput, i: number): boolean {
  return !!plan.sheets[i]!.target && !plan.copy;
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
    for (const { start, end } of equalRuns(spec.columnFormats))
      ws.getRangeByIndexes(spec.dataStart, start, dataRows, end - start).numberFormat = [[spec.columnFormats[start]]];
  }
  for (const f of spec.cellFormats) ws.getRangeByIndexes(f.row, f.col, 1, 1).numberFormat = [[f.format]];
}

function paint(format: Excel.RangeFormat | Excel.ConditionalRangeFormat, style: HighlightStyle, styles: typeof STYLE_COLOURS): void {
  const s = styles[style];
  if (s.fill) format.fill.color = s.fill;
  format.font.color = s.font;
  if (s.bold) format.font.bold = true;
}

/**
 * One part of a sheet's look: a fixed number of operations per sheet, whatever its rows. A sheet
 * rewritten in place (`inPlace`) has its row heights and frozen panes put back first.
 */
export function decoratePart(
  ws: Excel.Worksheet,
  part: DecorationPart,
  spec: SheetSpec,
  o: { inPlace: boolean; tableName: string | null; styles: typeof STYLE_COLOURS },
): void {
  switch (part) {
    case "widths":
      if (o.inPlace) ws.getRange().format.useStandardHeight = true;
      for (const { start, end } of equalRuns(spec.columnWidths))
        ws.getRangeByIndexes(0, start, 1, end - start).format.columnWidth = widthPoints(spec.columnWidths[start]!);
      // Excel never fits a merged row to its wrapped text: paragraph rows carry their own height.
      for (const h of spec.rowHeights ?? []) ws.getRangeByIndexes(h.row, 0, 1, 1).format.rowHeight = h.height;
      return;
    case "merges":
      for (const m of spec.merges) rangeOf(ws, m).merge(false);
      for (const w of spec.wrap) {
        const f = rangeOf(ws, w).format;
        f.wrapText = true;
        f.verticalAlignment = "Center";
      }
      return;
    case "highlights":
      for (const h of spec.highlights) {
        if (h.block.rows <= 0 || h.block.cols <= 0) continue;
        if (h.mark) {
          // One conditional format for the whole block: rows whose mark cell holds the mark text.
          // Added even when no row is marked today, so the work does not depend on the data.
          const cf = rangeOf(ws, h.block).conditionalFormats.add("Custom");
          cf.custom.rule.formula = `=$${columnLetter(h.mark.col)}${h.block.row + 1}=${formulaString(h.mark.text)}`;
          paint(cf.custom.format, h.style, o.styles);
          continue;
        }
        const inside = h.rows.filter((r) => r >= h.block.row && r < h.block.row + h.block.rows);
        for (const run of runsOf(inside)) paint(ws.getRangeByIndexes(run.start, h.block.col, run.count, h.block.cols).format, h.style, o.styles);
      }
      return;
    case "freeze":
      if (spec.freeze.rows > 0 && spec.freeze.columns > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, spec.freeze.rows, spec.freeze.columns));
      else if (spec.freeze.rows > 0) ws.freezePanes.freezeRows(spec.freeze.rows);
      else if (spec.freeze.columns > 0) ws.freezePanes.freezeColumns(spec.freeze.columns);
      else if (o.inPlace) ws.freezePanes.unfreeze();
      return;
    case "tables":
      addTable(ws, spec, o.tableName);
      return;
    case "charts":
      addChart(ws, spec);
      return;
  }
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
  if (isLineChart(ch)) {
    addLineChart(ws, spec.key, ch);
    return;
  }
  const chart = ws.charts.add("ColumnClustered", rangeOf(ws, ch.bars.values), "Columns");
  // Named, so that the next run deletes ours and never a chart the planner made.
  chart.name = chartName(spec.key);
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
 * A chart of lines only (the history sheet: the area rate by date, one line per indicator), with
 * markers so that a single date shows: made from the first line's cells, the others added as
 * series over the same categories (the dates), as xlsx/chart.ts draws it in files.
 */
function addLineChart(ws: Excel.Worksheet, key: string, ch: ChartSpec & { readonly lines: readonly ChartSeries[] }): void {
  const [first, ...rest] = ch.lines;
  const chart = ws.charts.add("LineMarkers", rangeOf(ws, first!.values), "Columns");
  chart.name = chartName(key);
  chart.title.text = ch.title;
  const categories = rangeOf(ws, ch.categories);
  const s0 = chart.series.getItemAt(0);
  s0.name = first!.name;
  s0.setXAxisValues(categories);
  for (const s of rest) {
    const line = chart.series.add(s.name);
    line.setValues(rangeOf(ws, s.values));
    line.setXAxisValues(categories);
  }
  chart.legend.position = "Bottom";
  chart.setPosition(ws.getRangeByIndexes(ch.anchor.row, ch.anchor.col, 1, 1));
}

/**
 * Empty a sheet of ours before its new figures: our tables and charts (by name), every cell's
 * value and format, merged cells, conditional formats. The sheet object stays, with its name and
 * id, so whatever points at it keeps pointing at it.
 */
function emptyOurs(ctx: Excel.RequestContext, ws: Excel.Worksheet, clear: SheetPlan["clear"]): void {
  for (const t of clear.tables) ctx.workbook.tables.getItem(t).delete();
  for (const c of clear.charts) ws.charts.getItem(c).delete();
  const all = ws.getRange();
  all.clear("All");
  all.unmerge();
  all.conditionalFormats.clearAll();
}

/**
 * Queue and sync the whole write in one Excel.run (see the top of this file for the order).
 * Returns the written sheets' ids (a new sheet's loaded in the last sync, no extra round trip).
 * A failure rejects; the caller reads the marker's name to know how far it got.
 */
export async function writeSheets(ctx: Excel.RequestContext, plan: WritePlan): Promise<string[]> {
  const sheets = ctx.workbook.worksheets;
  const marker = sheets.add(markerName(plan.marker, "staging"));
  marker.visibility = "Hidden";
  // Staging sheets, hidden (nothing flickers between syncs), number formats before any value.
  const staged = plan.sheets.map((p, i) => {
    if (isDirect(plan, i)) return null;
    const ws = sheets.add(p.temp);
    ws.visibility = "Hidden";
    if (!p.target) ws.load("id");
    numberFormats(ws, p.spec);
    // Marks the sheet as ours even if the document settings are lost (ExcelApi 1.12).
    if (plan.customProperties && !p.target) ws.customProperties.add(SHEET_MARK, p.spec.key);
    return ws;
  });
  const targets = plan.sheets.map((p) => (p.target ? sheets.getItem(p.target.id) : null));
  let swapping = false;
  const startSwap = () => {
    if (swapping) return;
    swapping = true;
    marker.name = markerName(plan.marker, "swapping");
  };
  const emptied = new Set<number>();
  const emptyDirect = (i: number) => {
    if (emptied.has(i)) return;
    emptied.add(i);
    emptyOurs(ctx, targets[i]!, plan.sheets[i]!.clear);
    numberFormats(targets[i]!, plan.sheets[i]!.spec);
  };
  const sources = plan.sheets.map((p) => rowsOf(p.spec));
  const last = plan.syncs.length - 1;
  for (let s = 0; s <= last; s++) {
    // Once per write, before the request that changes what the planner sees.
    if (s === last && plan.screenUpdating) ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
    for (const b of plan.syncs[s]!) {
      let ws = staged[b.sheet];
      if (!ws) {
        // Written directly into our sheet: from here on ours are being changed.
        startSwap();
        emptyDirect(b.sheet);
        ws = targets[b.sheet]!;
      }
      // This block's rows only, made now: the sheet's other rows are not held meanwhile.
      const width = plan.widths[b.sheet]!;
      ws.getRangeByIndexes(b.start, 0, b.end - b.start, width).values = excelRows(sources[b.sheet]!, b.start, b.end, width);
    }
    if (s < last) await ctx.sync();
  }
  // The swap: everything is staged.
  startSwap();
  for (const d of plan.drop) sheets.getItem(d.id).delete();
  if (plan.meta !== null) sheets.getItem(META_SHEET).getRange("A1").values = [[plan.meta]];
  const finals = plan.sheets.map((p, i) => {
    const st = staged[i];
    if (!p.target) {
      st!.name = p.final;
      st!.visibility = "Visible";
      return st!;
    }
    const t = targets[i]!;
    if (st) {
      emptyOurs(ctx, t, p.clear);
      const rows = plan.rows[i]!;
      const width = plan.widths[i]!;
      if (rows > 0) t.getRangeByIndexes(0, 0, rows, width).copyFrom(st.getRangeByIndexes(0, 0, rows, width), "All");
      st.delete();
    } else emptyDirect(i); // no rows: never emptied above
    if (plan.customProperties) t.customProperties.add(SHEET_MARK, p.spec.key);
    return t;
  });
  marker.name = markerName(plan.marker, "done");
  // The look, part by part; then what a dead runtime left, and the marker.
  if (finals[0]) finals[0].activate();
  for (const part of DECORATION_PARTS)
    plan.sheets.forEach((p, i) => decoratePart(finals[i]!, part, p.spec, { inPlace: !!p.target, tableName: plan.tableNames[i] ?? null, styles: plan.styles }));
  for (const n of plan.sweep) {
    const ws = sheets.getItem(n);
    ws.visibility = "Hidden"; // a very hidden sheet cannot be deleted
    ws.delete();
  }
  marker.delete();
  await ctx.sync();
  return plan.sheets.map((p, i) => p.target?.id ?? staged[i]!.id);
}

/** What a probe of the sheets found after a failed write. */
export interface WriteState {
  readonly stage: WriteStage | null;
  /** Every sheet now: name, id, visibility. */
  readonly sheets: readonly { readonly name: string; readonly id: string; readonly visibility: string }[];
}

/** One sync: the sheets now (names and ids), to tell how far a failed write got. */
export async function probeWrite(ctx: Excel.RequestContext, plan: WritePlan): Promise<WriteState> {
  const ws = ctx.workbook.worksheets;
  ws.load("items/name,items/id,items/visibility");
  await ctx.sync();
  const sheets = ws.items.map((s) => ({ name: s.name, id: s.id, visibility: String(s.visibility) }));
  const has = (n: string) => sheets.some((s) => s.name === n);
  const stage = (["done", "swapping", "staging"] as const).find((st) => has(markerName(plan.marker, st))) ?? null;
  return { stage, sheets };
}

/**
 * One sync: delete what a failed write made (its marker and staging sheets), and with `sweep` what
 * it was to sweep (an earlier attempt's, a dead runtime's): never a sheet of ours or of the user's.
 */
export async function dropStaging(ctx: Excel.RequestContext, plan: WritePlan, now: WriteState, sweep = false): Promise<void> {
  const mine = new Set([
    ...(["staging", "swapping", "done"] as const).map((st) => markerName(plan.marker, st)),
    ...plan.sheets.map((p) => p.temp),
    ...(sweep ? plan.sweep : []),
  ]);
  const doomed = now.sheets.filter((s) => mine.has(s.name));
  if (doomed.length === 0) return;
  for (const s of doomed) {
    const ws = ctx.workbook.worksheets.getItem(s.id);
    if (s.visibility === "VeryHidden") ws.visibility = "Hidden"; // a very hidden sheet cannot be deleted
    ws.delete();
  }
  await ctx.sync();
}

export interface PartFailure {
  readonly part: DecorationPart;
  readonly sheets: readonly string[];
  readonly detail: string;
}

/**
 * After a write whose swap was done but whose look failed: the look again, best effort, one sync
 * per part (so that one part Excel refuses does not take the others with it), each failure a
 * part to warn about. First what the failed request may have half made is taken off (our tables
 * and charts, merges, conditional formats), so that nothing is made twice. `finals`: the written
 * sheets' ids, in the plan's order.
 */
export async function redecorate(
  run: <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>,
  plan: WritePlan,
  finals: readonly string[],
): Promise<PartFailure[]> {
  const failures: PartFailure[] = [];
  const names = plan.sheets.map((p) => p.final);
  const parts = DECORATION_PARTS.filter((part) => plan.sheets.some((p) => hasPart(p.spec, part, !!p.target)));
  try {
    await run(async (ctx) => {
      const sheets = finals.map((id) => ctx.workbook.worksheets.getItem(id));
      const found = sheets.map((ws) => {
        const tables = ws.tables.load("items/name");
        const charts = ws.charts.load("items/name");
        return { tables, charts };
      });
      await ctx.sync();
      sheets.forEach((ws, i) => {
        for (const t of found[i]!.tables.items) t.delete();
        for (const c of found[i]!.charts.items) if (c.name === chartName(plan.sheets[i]!.spec.key)) c.delete();
        const all = ws.getRange();
        all.unmerge();
        all.conditionalFormats.clearAll();
      });
      await ctx.sync();
    });
  } catch (e) {
    // What was half made cannot be taken off: make nothing more, say what may be missing.
    return parts.map((part) => ({
      part,
      sheets: names.filter((_n, i) => hasPart(plan.sheets[i]!.spec, part, !!plan.sheets[i]!.target)),
      detail: describeError(e),
    }));
  }
  for (const part of parts) {
    const on = plan.sheets.map((_p, i) => i).filter((i) => hasPart(plan.sheets[i]!.spec, part, !!plan.sheets[i]!.target));
    try {
      await run(async (ctx) => {
        for (const i of on) {
          const p = plan.sheets[i]!;
          decoratePart(ctx.workbook.worksheets.getItem(finals[i]!), part, p.spec, {
            inPlace: !!p.target,
            tableName: plan.tableNames[i] ?? null,
            styles: plan.styles,
          });
        }
        await ctx.sync();
      });
    } catch (e) {
      failures.push({ part, sheets: on.map((i) => names[i]!), detail: describeError(e) });
    }
  }
  // The overview in front, what a dead runtime left and our marker gone: no warning if not (the next run sweeps).
  try {
    await run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      await ctx.sync();
      const doomed = new Set([...plan.sweep, markerName(plan.marker, "done")]);
      for (const s of sheets.items) {
        if (!doomed.has(s.name)) continue;
        if (s.visibility === "VeryHidden") s.visibility = "Hidden";
        s.delete();
      }
      if (finals[0]) sheets.getItem(finals[0]).activate();
      await ctx.sync();
    });
  } catch {
    // See above.
  }
  return failures;
}
