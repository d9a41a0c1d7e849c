/**
 * Two or three rows per unit: a "Kế hoạch" row and a "Thực hiện" row (sometimes "Cùng kỳ",
 * "Tỷ lệ (%)"), the unit's name and STT merged over them, the band label in a column of its own
 * ("Nội dung", "Chỉ tiêu", "Diễn giải" or no header). Merged cells arrive two ways: exceljs repeats
 * the name on every band row, Office.js gives it on the first row only; both are read.
 *
 * The sheet is read band by band: for each band, detectTable runs over a copy of the grid in which
 * the other bands' rows are blank and the name is carried down onto the band's rows. Each pass is
 * then an ordinary one-row-per-unit detection at the sheet's own row numbers, so every message
 * names the band row's cell, and footnote marks, "-", "Trong đó" rows, the total row and group
 * subtotals are read by the one row loop. The passes are merged into one table: one unit per
 * unit, one column per figure column × band (`band`, `rows`).
 */
import { CellValue, Grid, SheetGrid, cellAddress, cellAt, isBlank, sheetCell } from "./grid";
import type { DetectedColumn, DetectedTable, DetectOptions, ExcludedRow, GroupRow, TotalCheck, UnitRow } from "./detect";
// detect.ts imports this module too: a value from it is read only when a sheet is read, never at load.
import { DASH_ZERO_CELLS, cellText } from "./detect";
import { ChitieuError } from "./errors";
import { parseCell } from "./numbers";
import { cleanText, foldText } from "./text";
import { said, saidKey, saidPlace, type Message, type Where } from "./messages";

/** What detectTable has found above the data rows when it asks whether the sheet is banded. */
export interface BandContext {
  /** Header rows, top to bottom (the first is where the header starts). */
  readonly headerRows: readonly number[];
  /** First row under the header (and under the column-number row). */
  readonly dataStart: number;
  readonly width: number;
  readonly unitColumn: number;
  /** -1 when there is none (as for notesColumn). */
  readonly sttColumn: number;
  readonly notesColumn: number;
  /** Header parts per column, as detectTable makes them. */
  readonly parts: readonly (readonly string[])[];
}

type Detect = (sheet: SheetGrid, options: DetectOptions) => DetectedTable;

/** The kinds of band rows, by what their label says (folded: no marks, lower case). */
// Tested in this order: "So cùng kỳ (%)" is a comparison, not last year's figure; "TH cùng kỳ" is
// last year's, not this year's. Anchored where a word could begin a unit name ("Kế Sách",
// "Giao Thủy" are districts): only a column of such labels is ever taken for a band column.
const BAND_KINDS: readonly RegExp[] = [
  /^(chenh lech|tang ?\/? ?giam|\+ ?\/ ?-)/,
  /^(ty le|%|so sanh|so voi|so (kh|ke hoach|cung ky|ck|nam truoc)\b|dat\b|muc dat)/,
  /(cung ky|\bck\b|nam truoc)/,
  /^uoc\b/,
  /^(ke hoach|kh|chi tieu giao|chi tieu)\b/,
  /^(thuc hien|th|so nguoi tham gia|so tham gia|ket qua|luy ke|so thu|da thu)\b/,
  /^(dan so|luc luong lao dong|so doi tuong|doi tuong)\b/,
];
/** A band label is a few words; a longer text in that column is a note or a name. */
const MAX_LABEL = 40;
/** Rows under the header looked at to decide whether a column holds band labels. */
const SAMPLE_ROWS = 120;
const EMPTY_ROW: readonly CellValue[] = Object.freeze([]);

/** Index into BAND_KINDS of a band label, -1 when the cell is not one. */
export function bandKind(v: CellValue): number {
  if (typeof v !== "string") return -1;
  const f = foldText(v);
  if (f === "" || f.length > MAX_LABEL) return -1;
  for (let k = 0; k < BAND_KINDS.length; k++) if (BAND_KINDS[k]!.test(f)) return k;
  return -1;
}

/** bandKind with a cache: a banded sheet repeats the same few labels on every row. */
class KindCache {
  private readonly seen = new Map<string, number>();
  of(v: CellValue): number {
    if (typeof v !== "string") return -1;
    let k = this.seen.get(v);
    if (k === undefined) {
      k = bandKind(v);
      if (this.seen.size < 1000) this.seen.set(v, k);
    }
    return k;
  }
}

/**
 * The column of band labels under the header, or -1: a column whose text cells are mostly band
 * labels of at least two kinds, each at least twice (so two units at least). Cheap on a sheet
 * without one: a column stops being looked at after a few cells that are not labels.
 */
function findBandColumn(grid: Grid, ctx: BandContext, kinds: KindCache): number {
  let best = -1;
  let bestLabels = 0;
  const end = Math.min(grid.length, ctx.dataStart + SAMPLE_ROWS);
  const counts = new Array<number>(BAND_KINDS.length);
  for (let c = 0; c < ctx.width; c++) {
    if (c === ctx.sttColumn || c === ctx.notesColumn) continue;
    counts.fill(0);
    let labels = 0;
    let others = 0;
    for (let r = ctx.dataStart; r < end; r++) {
      const v = grid[r]?.[c];
      if (typeof v !== "string" || isBlank(v)) continue;
      const k = kinds.of(v);
      if (k < 0) {
        if (++others > 8 && labels === 0) break;
        continue;
      }
      labels++;
      counts[k]!++;
    }
    let twice = 0;
    for (const n of counts) if (n >= 2) twice++;
    if (twice >= 2 && labels >= 2 * others && labels > bestLabels) {
      best = c;
      bestLabels = labels;
    }
  }
  return best;
}

/** The rows of a banded table: which band each row is, and which unit (or total, group …) it belongs to. */
interface BandLayout {
  readonly bandCol: number;
  /** The label of each band as first written ("Kế hoạch"), in the order the bands first appear. */
  readonly labels: string[];
  /** Per grid row: its band (index into labels), -1 for a row without a band label. */
  readonly bandOf: Int8Array;
  /** Per grid row: its band group (the rows of one unit, or of the total …), -1 for none. */
  readonly groupOf: Int32Array;
  /** Per band group: its first row (where the merged name is). */
  readonly groupFirst: number[];
  /** Per band group × band: the row, -1 when the group has no row of that band. */
  readonly bandRow: Int32Array;
}

/** exceljs gives every cell of a merge the master's value: the same value, as it stands. */
function sameCell(a: CellValue, b: CellValue): boolean {
  return a === b;
}

/**
 * Groups the band rows into units: a row continues the unit above when its band is not yet there
 * and its name and STT are blank (Office.js) or the same (exceljs); anything else starts a unit,
 * and a row without a band label ends one.
 */
function layOut(grid: Grid, ctx: BandContext, bandCol: number, unitCol: number, kinds: KindCache): BandLayout | null {
  const bandOfKind = new Array<number>(BAND_KINDS.length).fill(-1);
  const labels: string[] = [];
  const bandOf = new Int8Array(grid.length).fill(-1);
  const groupOf = new Int32Array(grid.length).fill(-1);
  const groupFirst: number[] = [];
  let cur = -1;
  let banded = 0;
  let seen = 0;
  const stt = ctx.sttColumn;
  for (let r = ctx.dataStart; r < grid.length; r++) {
    const row = grid[r];
    const k = row ? kinds.of(row[bandCol] ?? null) : -1;
    if (k < 0) {
      cur = -1;
      continue;
    }
    let b = bandOfKind[k]!;
    if (b < 0) {
      b = bandOfKind[k] = labels.length;
      labels.push(cleanText(row![bandCol] as string));
    }
    bandOf[r] = b;
    const first = cur >= 0 ? grid[groupFirst[cur]!]! : null;
    const continues =
      first !== null &&
      (seen & (1 << b)) === 0 &&
      (isBlank(row![unitCol] ?? null) || sameCell(row![unitCol] ?? null, first[unitCol] ?? null)) &&
      (stt < 0 || isBlank(row![stt] ?? null) || sameCell(row![stt] ?? null, first[stt] ?? null));
    if (!continues) {
      cur = groupFirst.length;
      groupFirst.push(r);
      seen = 0;
    } else if (groupFirst[cur] === r - 1) banded++;
    seen |= 1 << b;
    groupOf[r] = cur;
  }
  if (labels.length < 2 || banded < 2) return null;
  const bandRow = new Int32Array(groupFirst.length * labels.length).fill(-1);
  for (let r = ctx.dataStart; r < grid.length; r++) if (groupOf[r]! >= 0) bandRow[groupOf[r]! * labels.length + bandOf[r]!] = r;
  return { bandCol, labels, bandOf, groupOf, groupFirst, bandRow };
}

/** A cell that detectTable would read as a figure (a number, "-", an Excel error). */
function isFigure(v: CellValue): boolean {
  if (typeof v === "number") return true;
  const kind = parseCell(v).kind;
  return kind === "number" || kind === "none" || kind === "error";
}

/**
 * Reads a sheet laid out with two or three rows per unit, or returns null when the sheet is not
 * one (detectTable then reads it as it reads any other).
 */
export function readBands(sheet: SheetGrid, options: DetectOptions, ctx: BandContext, detect: Detect): DetectedTable | null {
  const grid = sheet.values;
  const kinds = new KindCache();
  const bandCol = findBandColumn(grid, ctx, kinds);
  if (bandCol < 0) return null;
  // Without a header naming the units, detectTable takes the column with the most text: with the
  // name on one row of two (Office.js) that is the band labels, and the names are the next best.
  let unitCol = ctx.unitColumn;
  if (unitCol === bandCol) {
    unitCol = -1;
    let most = 0;
    for (let c = 0; c < ctx.width; c++) {
      if (c === bandCol || c === ctx.sttColumn || c === ctx.notesColumn) continue;
      let n = 0;
      for (let r = ctx.dataStart; r < Math.min(grid.length, ctx.dataStart + 200); r++) {
        const v = grid[r]?.[c];
        if (typeof v === "string" && !isBlank(v) && parseCell(v, options.locale).kind === "text") n++;
      }
      if (n > most) [unitCol, most] = [c, n];
    }
    if (unitCol < 0) return null;
  }
  const lay = layOut(grid, ctx, bandCol, unitCol, kinds);
  if (!lay) return null;
  const bands = lay.labels.length;
  const { bandOf, groupOf, groupFirst } = lay;
  const origin = sheet.origin ?? { row: 0, col: 0 };
  const here = (r: number, c: number): Where => ({ sheet: sheet.name, cell: cellAddress(r + origin.row, c + origin.col) });

  // Columns: the name, STT and anything left of the band labels is merged over the unit's rows
  // (carried down onto each band row); a figure column left of them ("Dân số") is one per unit,
  // read on the first band's pass only; columns right of them are read once per band.
  const isLabelCol = (c: number) => c === unitCol || c === ctx.sttColumn || c === ctx.notesColumn || c === bandCol;
  const fillCols: number[] = [];
  for (let c = 0; c < ctx.width; c++) if (c !== bandCol && (c < bandCol || c === unitCol || c === ctx.sttColumn)) fillCols.push(c);
  const unitLevel = (c: number) => c < bandCol && !isLabelCol(c);

  // A row with figures but no band label cannot be told apart: plan or actual? It is left out of
  // every band rather than read as both ("100% everywhere").
  const warnings: Message[] = [];
  const skipped = new Uint8Array(grid.length);
  const ownExcluded: ExcludedRow[] = [];
  for (let r = ctx.dataStart; r < grid.length; r++) {
    if (bandOf[r]! >= 0) continue;
    const row = grid[r];
    if (!row) continue;
    let figures = false;
    for (let c = 0; c < Math.min(ctx.width, row.length) && !figures; c++) if (!isLabelCol(c) && isFigure(row[c] ?? null)) figures = true;
    if (!figures) continue;
    skipped[r] = 1;
    const label = cellText(row[unitCol] ?? null) || cellText(ctx.sttColumn >= 0 ? (row[ctx.sttColumn] ?? null) : null);
    ownExcluded.push({ row: r, label, reason: "text" });
    warnings.push(said("band-label-missing", { label, labels: lay.labels }, here(r, bandCol)));
  }

  // One pass per band.
  const headerStart = ctx.headerRows[0]!;
  const passes: DetectedTable[] = [];
  for (let b = 0; b < bands; b++) {
    const rows: (readonly CellValue[])[] = grid.slice(0, ctx.dataStart);
    // The band labels' header blank: a column without a header is not read (not a text column
    // whose every cell each pass would parse again). The band in each figure column's header,
    // so that the pass's messages name the column as the merged table does ("BHXH bắt buộc /
    // Thực hiện") and a "Tỷ lệ (%)" band is read as rates.
    for (const hr of ctx.headerRows) (rows[hr] = [...(grid[hr] ?? [])])[bandCol] = null;
    for (let c = bandCol + 1; c < ctx.width; c++) {
      if (isLabelCol(c)) continue;
      let k = ctx.headerRows.length - 1;
      while (k >= 0 && isBlank(cellAt(grid, ctx.headerRows[k]!, c))) k--;
      if (k < 0) continue;
      const v = cellAt(grid, ctx.headerRows[k]!, c);
      // A header typed as a number (a year) stays one: as text it would change where the header ends.
      if (typeof v !== "string" || parseCell(v, options.locale).kind !== "text") continue;
      const t = cleanText(v);
      for (let j = k; j >= 0 && cellText(cellAt(grid, ctx.headerRows[j]!, c)) === t; j--)
        (rows[ctx.headerRows[j]!] as CellValue[])[c] = `${t} / ${lay.labels[b]}`;
    }
    for (let r = ctx.dataStart; r < grid.length; r++) {
      const own = bandOf[r]!;
      if (own < 0) {
        rows.push(skipped[r] ? EMPTY_ROW : (grid[r] ?? EMPTY_ROW));
        continue;
      }
      if (own !== b) {
        rows.push(EMPTY_ROW);
        continue;
      }
      const row = grid[r]!;
      const first = groupFirst[groupOf[r]!]!;
      let copy: CellValue[] | null = null;
      if (first !== r) {
        const top = grid[first]!;
        for (const c of fillCols) {
          if (isBlank(row[c] ?? null) && !isBlank(top[c] ?? null)) {
            if (!copy) copy = [...row];
            while (copy.length <= c) copy.push(null);
            copy[c] = top[c]!;
          }
        }
      }
      rows.push(copy ?? row);
    }
    let pass: DetectedTable;
    try {
      pass = detect({ name: sheet.name, values: rows, origin }, { ...options, bandPass: { headerStart } });
    } catch (e) {
      // A band the row loop cannot read as a table (no unit column in it): the sheet is read as it is.
      if (e instanceof ChitieuError) return null;
      throw e;
    }
    // Each pass must see the table the whole sheet has; otherwise the sheet is read as it is.
    if (pass.unitColumn !== unitCol || pass.headerRows.join() !== ctx.headerRows.join()) return null;
    passes.push(pass);
  }

  // Units: a band group (or a row of its own) that any pass reads as a unit, at its first row.
  const keyOf = (r: number) => (groupOf[r]! >= 0 ? groupFirst[groupOf[r]!]! : r);
  // By first row: the pass and index of the unit row to take (the one on the first row if read).
  const fromPass = new Int32Array(grid.length).fill(-1);
  const fromIndex = new Int32Array(grid.length);
  passes.forEach((p, b) => {
    for (let j = 0; j < p.unitRows.length; j++) {
      const row = p.unitRows[j]!.row;
      const key = keyOf(row);
      if (fromPass[key]! >= 0 && row !== key) continue;
      fromPass[key] = b;
      fromIndex[key] = j;
    }
  });
  const unitAt = new Int32Array(grid.length).fill(-1);
  const units: UnitRow[] = [];
  for (let r = 0; r < grid.length; r++) {
    if (fromPass[r]! < 0) continue;
    unitAt[r] = units.length;
    units.push({ ...passes[fromPass[r]!]!.unitRows[fromIndex[r]!]!, row: r });
  }
  // Per band: the pass's unit index of each merged unit, -1 where the unit has no such row.
  const indexIn = passes.map((p) => {
    const idx = new Int32Array(units.length).fill(-1);
    p.unitRows.forEach((u, j) => (idx[unitAt[keyOf(u.row)]!] = j));
    return idx;
  });
  for (let i = 0; i < units.length; i++) {
    const g = groupOf[units[i]!.row]!;
    if (g < 0) continue;
    for (let b = 0; b < bands; b++) {
      if (lay.bandRow[g * bands + b]! >= 0) continue;
      warnings.push(said("band-row-missing", { unit: units[i]!.name, band: lay.labels[b]! }, here(units[i]!.row, unitCol)));
    }
  }

  // Columns: each figure column once per band (one per unit if it is left of the band labels).
  const columns: DetectedColumn[] = [];
  const origins: { pass: number; col: number }[] = [];
  const byCol = passes.map((p) => new Map(p.columns.map((c) => [c.col, c] as const)));
  for (let c = 0; c < ctx.width; c++) {
    if (unitLevel(c)) {
      const col = byCol[0]!.get(c);
      if (!col) continue;
      const idx = indexIn[0]!;
      const values = new Array<number | null>(units.length);
      for (let i = 0; i < units.length; i++) values[i] = idx[i]! >= 0 ? (col.values[idx[i]!] ?? null) : null;
      columns.push({ ...col, values });
      origins.push({ pass: 0, col: c });
      continue;
    }
    for (let b = 0; b < bands; b++) {
      const col = byCol[b]!.get(c);
      if (!col) continue;
      const p = passes[b]!;
      const idx = indexIn[b]!;
      const values = new Array<number | null>(units.length);
      const rowsOfUnits = new Array<number>(units.length);
      for (let i = 0; i < units.length; i++) {
        const j = idx[i]!;
        values[i] = j >= 0 ? (col.values[j] ?? null) : null;
        // No row of this band: the unit's first row is the nearest cell to name.
        rowsOfUnits[i] = j >= 0 ? p.unitRows[j]!.row : units[i]!.row;
      }
      const label = lay.labels[b]!;
      const parts = [...(ctx.parts[c] ?? []), label];
      columns.push({ ...col, col: c, header: parts.join(" / "), leaf: label, parts, values, rows: rowsOfUnits, band: label });
      origins.push({ pass: b, col: c });
    }
  }

  // Group rows: as the passes found them, their units merged, a subtotal per band column.
  const groupsByKey = new Map<number, { row: number; label: string; units: Set<number>; found: Map<number, GroupRow> }>();
  passes.forEach((p, b) => {
    for (const g of p.groups) {
      const key = keyOf(g.row);
      let m = groupsByKey.get(key);
      if (!m) groupsByKey.set(key, (m = { row: key, label: g.label, units: new Set(), found: new Map() }));
      if (g.row === key) m.label = g.label;
      m.found.set(b, g);
      for (const j of g.unitIndices) m.units.add(unitAt[keyOf(p.unitRows[j]!.row)]!);
    }
  });
  const groups: GroupRow[] = [...groupsByKey.values()]
    .sort((a, b) => a.row - b.row)
    .map((m) => {
      const subtotals = new Map<number, number>();
      const first = m.found.get(0);
      for (let c = 0; c < ctx.width; c++) if (unitLevel(c) && first?.subtotals.has(c)) subtotals.set(c, first.subtotals.get(c)!);
      const columnSubtotals = origins.map((o) => m.found.get(o.pass)?.subtotals.get(o.col) ?? null);
      return { row: m.row, label: m.label, unitIndices: [...m.units].sort((a, b) => a - b), subtotals, columnSubtotals };
    });

  // Warnings: each pass's, once; a unit-level column's only from the first pass (the later ones
  // read the same merged cell again on other rows).
  const prefix = sheetCell(sheet.name, 0, 0).replace(/[A-Z]+\d+$/, "");
  const unitLevelLetters = new Set<string>();
  for (let c = 0; c < ctx.width; c++)
    if (unitLevel(c))
      unitLevelLetters.add(
        sheetCell(sheet.name, 0, c + origin.col)
          .slice(prefix.length)
          .replace(/\d+$/, ""),
      );
  const aboutUnitLevel = (w: string) => {
    if (unitLevelLetters.size === 0 || !w.startsWith(prefix)) return false;
    const m = /^([A-Z]+)\d+/.exec(w.slice(prefix.length));
    return m !== null && unitLevelLetters.has(m[1]!);
  };
  const seenWarnings = new Set<string>();
  const merged: Message[] = [];
  passes.forEach((p, b) => {
    for (const w of p.warnings) {
      const key = saidKey(w);
      if ((b > 0 && aboutUnitLevel(saidPlace(w))) || seenWarnings.has(key)) continue;
      seenWarnings.add(key);
      merged.push(w);
    }
  });
  for (const w of warnings) if (!seenWarnings.has(saidKey(w))) merged.push(w);

  const totalChecks: TotalCheck[] = [];
  const seenChecks = new Set<string>();
  passes.forEach((p, b) => {
    for (const t of p.totalChecks ?? []) {
      if ((b > 0 && aboutUnitLevel(t.cell)) || seenChecks.has(t.cell)) continue;
      seenChecks.add(t.cell);
      totalChecks.push(t);
    }
  });

  const excludedAt = new Map<number, ExcludedRow>();
  for (const p of passes) for (const e of p.excluded) if (!excludedAt.has(e.row)) excludedAt.set(e.row, e);
  for (const e of ownExcluded) excludedAt.set(e.row, e);
  const excluded = [...excludedAt.values()].sort((a, b) => a.row - b.row);

  const totalPass = passes.find((p) => p.totalRow !== null);
  const totalRow = totalPass?.totalRow ? { ...totalPass.totalRow, row: keyOf(totalPass.totalRow.row) } : null;

  // Text columns: as the passes found them, the band labels not among them, each unit's value
  // from its first row (where the merged cell's value is).
  const figureCols = new Set(columns.map((c) => c.col));
  const textCols = new Map<number, string>();
  for (const p of passes)
    for (const t of p.textColumns)
      if (t.col !== bandCol && !figureCols.has(t.col) && !textCols.has(t.col)) textCols.set(t.col, (ctx.parts[t.col] ?? []).join(" / "));
  const textColumns = [...textCols.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([col, header]) => ({ col, header, values: units.map((u) => cellText(cellAt(grid, u.row, col)) || null) }));

  // Dash zeros: each band's cells, counted once each.
  let dashCount = 0;
  const dashCells: string[] = [];
  for (const p of passes) {
    dashCount += p.dashZeros?.count ?? 0;
    for (const c of p.dashZeros?.cells ?? []) if (dashCells.length < DASH_ZERO_CELLS) dashCells.push(c);
  }

  const base = passes[0]!;
  return {
    ...base,
    unitColumn: unitCol,
    unitHeader: (ctx.parts[unitCol] ?? []).join(" / "),
    textColumns,
    columns,
    unitRows: units,
    totalRow,
    groups,
    excluded,
    warnings: merged,
    totalChecks,
    dashZeros: { count: dashCount, cells: dashCells },
    bands: { col: bandCol, header: (ctx.parts[bandCol] ?? []).join(" / "), labels: lay.labels },
  };
}
