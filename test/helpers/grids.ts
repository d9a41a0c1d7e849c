/**
 * Test fixtures: grids of cell values laid out the way Vietnamese reports are, as the two
 * adapters hand them to the core — merged cells blank except the top-left one (Office.js) or
 * repeated in every cell of the merge (exceljs). Built in memory, so the core's tests need no
 * files; the row of every unit is returned so tests can name cells.
 */
import { CellValue, Grid, SheetGrid } from "../../src/core/grid";

export type MergedAs = "blank" | "repeat";

export interface LayoutUnit {
  readonly name: string;
  /** Group label (a row "I  Các quận" above the group's first unit). */
  readonly group?: string;
}

export interface LayoutColumn {
  readonly header: string;
  /** One value per unit; a string is written as it is ("-", "#N/A", "1.065.565"). */
  readonly values: readonly (number | string | null)[];
}

export interface Layout {
  readonly titles?: readonly string[];
  readonly unitHeader?: string;
  readonly stt?: boolean;
  /** A group header over the figure columns: the header is two rows deep. */
  readonly groupHeader?: string;
  readonly merged?: MergedAs;
  /** "(1) (2) …" or "A B 1 2 3=2/1" under the header. */
  readonly columnNumbers?: "paren" | "letters" | null;
  readonly units: readonly LayoutUnit[];
  readonly columns: readonly LayoutColumn[];
  readonly total?: { readonly label: string; readonly position: "top" | "bottom"; readonly values?: readonly (number | null)[] };
  /** Group rows carry subtotals (the sum of their units, or these values by group index). */
  readonly subtotals?: boolean | readonly (readonly (number | null)[])[];
  readonly notes?: boolean;
  readonly footers?: readonly string[];
  /** Something far to the right of the table, beyond its header (a user's own calculation). */
  readonly farRight?: boolean;
  /** Numbers written as Vietnamese text ("1.065.565") instead of numbers. */
  readonly viText?: boolean;
  /** Write unit names decomposed (NFD). */
  readonly nfd?: boolean;
}

export interface BuiltGrid {
  readonly grid: CellValue[][];
  /** 0-based grid row of each unit (same order as `layout.units`). */
  readonly unitRows: number[];
  readonly headerRows: number[];
  readonly columnNumberRow: number | null;
  readonly totalRow: number | null;
  readonly groupRows: number[];
  /** 0-based grid column of each figure column. */
  readonly figureCols: number[];
  readonly unitCol: number;
  readonly notesCol: number | null;
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/** A sheet with a title row, a blank row, a header row and data rows (row 4 is the first unit). */
export function titledSheet(name: string, header: readonly CellValue[], rows: readonly (readonly CellValue[])[]): SheetGrid {
  return { name, values: [["BÁO CÁO"], [], header, ...rows] };
}

/** "1.065.565" / "92,62": a number written the Vietnamese way. */
export function viText(n: number): string {
  const [int, frac] = Math.abs(n).toString().split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (n < 0 ? "-" : "") + grouped + (frac ? "," + frac : "");
}

/** Build a grid in the Vietnamese report layout. */
export function buildGrid(layout: Layout): BuiltGrid {
  const merged = layout.merged ?? "blank";
  const stt = layout.stt ?? true;
  const unitCol = stt ? 1 : 0;
  const firstFig = unitCol + 1;
  const figureCols = layout.columns.map((_, i) => firstFig + i);
  const lastFig = firstFig + layout.columns.length - 1;
  const notesCol = layout.notes ? lastFig + 1 : null;
  const width = (notesCol ?? lastFig) + 1;
  const rows: CellValue[][] = [];
  const blankRow = (): CellValue[] => Array.from({ length: width }, () => (merged === "blank" ? "" : null));
  const fill = (row: CellValue[], from: number, to: number, v: CellValue) => {
    row[from] = v;
    for (let c = from + 1; c <= to; c++) row[c] = merged === "repeat" ? v : (row[c] ?? null);
  };

  for (const t of layout.titles ?? []) {
    const r = blankRow();
    fill(r, 0, width - 1, t);
    rows.push(r);
  }
  if ((layout.titles ?? []).length > 0) rows.push(blankRow());

  const headerRows: number[] = [];
  const two = layout.groupHeader !== undefined;
  const h1 = blankRow();
  const h2 = two ? blankRow() : null;
  const fixed: [number, string][] = [];
  if (stt) fixed.push([0, "STT"]);
  fixed.push([unitCol, layout.unitHeader ?? "Đơn vị"]);
  if (notesCol !== null) fixed.push([notesCol, "Ghi chú"]);
  for (const [c, h] of fixed) {
    h1[c] = h;
    if (h2) h2[c] = merged === "repeat" ? h : (h2[c] ?? null);
  }
  if (two) {
    fill(h1, firstFig, lastFig, layout.groupHeader!);
    layout.columns.forEach((col, i) => (h2![firstFig + i] = col.header));
  } else {
    layout.columns.forEach((col, i) => (h1[firstFig + i] = col.header));
  }
  headerRows.push(rows.length);
  rows.push(h1);
  if (h2) {
    headerRows.push(rows.length);
    rows.push(h2);
  }

  let columnNumberRow: number | null = null;
  if (layout.columnNumbers) {
    const r = blankRow();
    for (let c = 0; c < width; c++) {
      if (layout.columnNumbers === "paren") r[c] = `(${c + 1})`;
      else if (c <= unitCol) r[c] = String.fromCharCode(65 + c);
      else {
        const k = c - unitCol;
        // Plain numbers: "3=2/1" would say the column is computed from the two before it (the
        // engine then never reads it as an input), and these columns hold inputs.
        r[c] = k;
      }
    }
    columnNumberRow = rows.length;
    rows.push(r);
  }

  const put = (v: number | string | null): CellValue => {
    if (v === null) return merged === "blank" ? "" : null;
    if (typeof v === "number" && layout.viText) return viText(v);
    return v;
  };
  const num = (v: number | string | null) => (typeof v === "number" ? v : 0);

  let totalRow: number | null = null;
  const writeTotal = () => {
    const r = blankRow();
    fill(r, 0, unitCol, layout.total!.label);
    layout.columns.forEach((col, i) => {
      const given = layout.total!.values?.[i];
      r[firstFig + i] = put(given !== undefined ? given : col.values.reduce<number>((s, v) => s + num(v), 0));
    });
    totalRow = rows.length;
    rows.push(r);
  };
  if (layout.total?.position === "top") writeTotal();

  const unitRows: number[] = [];
  const groupRows: number[] = [];
  const groupMembers: number[][] = [];
  let current: string | undefined;
  let n = 0;
  layout.units.forEach((u, i) => {
    if (u.group !== undefined && u.group !== current) {
      current = u.group;
      const r = blankRow();
      if (stt) r[0] = ROMAN[groupRows.length]!;
      r[unitCol] = u.group;
      groupRows.push(rows.length);
      groupMembers.push([]);
      rows.push(r);
    }
    const r = blankRow();
    if (stt) r[0] = ++n;
    r[unitCol] = layout.nfd ? u.name.normalize("NFD") : u.name;
    layout.columns.forEach((col, k) => (r[firstFig + k] = put(col.values[i] ?? null)));
    if (notesCol !== null && i % 3 === 1) r[notesCol] = "Số liệu sơ bộ";
    if (layout.farRight) r.push(null, null, i * 1000 + 7);
    groupMembers[groupMembers.length - 1]?.push(i);
    unitRows.push(rows.length);
    rows.push(r);
  });
  if (layout.subtotals) {
    groupRows.forEach((gr, g) => {
      layout.columns.forEach((col, k) => {
        const given = Array.isArray(layout.subtotals) ? (layout.subtotals as (number | null)[][])[g]?.[k] : undefined;
        const sum = groupMembers[g]!.reduce((s, i) => s + num(col.values[i] ?? null), 0);
        rows[gr]![firstFig + k] = put(given !== undefined ? given : sum);
      });
    });
  }
  if (layout.total?.position === "bottom") writeTotal();
  for (const f of layout.footers ?? []) {
    rows.push(blankRow());
    const r = blankRow();
    r[Math.max(unitCol, width - 2)] = f;
    rows.push(r);
  }
  return { grid: rows, unitRows, headerRows, columnNumberRow, totalRow, groupRows, figureCols, unitCol, notesCol };
}

/** Freeze a grid (rows and the array of rows) so that any write by the code under test throws. */
export function deepFreeze<T>(x: T): T {
  if (x && typeof x === "object" && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x as object)) deepFreeze(v);
  }
  return x;
}

/** A deep copy of a grid, for comparing after the fact. */
export function copyGrid(g: Grid): CellValue[][] {
  return g.map((r) => [...r]);
}

/** Every number anywhere in a value (object, array) — to check none is NaN or ±Infinity. */
export function allNumbers(x: unknown, out: number[] = []): number[] {
  if (typeof x === "number") out.push(x);
  else if (Array.isArray(x)) for (const v of x) allNumbers(v, out);
  else if (x instanceof Map) for (const v of x.values()) allNumbers(v, out);
  else if (x && typeof x === "object") for (const v of Object.values(x)) allNumbers(v, out);
  return out;
}
