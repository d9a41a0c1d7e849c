/**
 * Our summary sheets' XML written straight from their SheetSpecs, the look the exceljs adapter
 * gives them (writeSpec in exceljsWorkbook.ts: number formats per data column and per cell, wrapped
 * cells centred vertically, highlights as fill + font, widths, merges, row heights, frozen panes,
 * filter buttons) — a test compares the two cell by cell. Laying the sheets out through exceljs and
 * grafting its output cost more than today's whole-file write on a national file (3,321 units ×
 * 8 indicators: ~28 MB of XML rendered, inflated and rewritten); this writes ~half the bytes once.
 * Styles are described first (from the spec's structure, not its rows), appended to the user's
 * styles part, and the rows are then written with the final indices: no pass over the XML after.
 */
import { columnLetter } from "../../core/grid";
import { OutputValue, STYLE_COLOURS, SheetSpec, rowsOf } from "../../core/sheetSpec";
import { escapeAttr, escapeText, xmlSafe } from "./xmlEdit";

/** One cell's look: what writeSpec may set on a cell. */
interface CellStyle {
  readonly fmt: string | null;
  readonly wrap: boolean;
  readonly fill: string | null;
  readonly font: { readonly color: string; readonly bold: boolean } | null;
}

/** Number formats Excel has built in, by the ids it gives them (as exceljs maps them). */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "# ?/?": 12,
  "# ??/??": 13,
  "@": 49,
};

const key = (s: CellStyle) => `${s.fmt ?? ""}\u0001${s.wrap ? 1 : 0}\u0001${s.fill ?? ""}\u0001${s.font ? `${s.font.color}${s.font.bold ? "b" : ""}` : ""}`;

/** The distinct cell looks of our sheets, as a styles part of their own (index 0 the default). */
export class StyleRegistry {
  private readonly byKey = new Map<string, number>();
  private readonly styles: CellStyle[] = [{ fmt: null, wrap: false, fill: null, font: null }];

  constructor() {
    this.byKey.set(key(this.styles[0]!), 0);
  }

  index(s: CellStyle): number {
    const k = key(s);
    let i = this.byKey.get(k);
    if (i === undefined) {
      i = this.styles.length;
      this.styles.push(s);
      this.byKey.set(k, i);
    }
    return i;
  }

  /** A styles part holding these looks, in the shape styles.ts appends from. */
  xml(): string {
    const fmts: string[] = [];
    const fonts = ['<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>'];
    const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
    const place = (list: string[], item: string) => {
      const k = list.indexOf(item);
      return k >= 0 ? k : list.push(item) - 1;
    };
    const xfs = this.styles.map((s, i) => {
      if (i === 0) return '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
      let fmtId = 0;
      if (s.fmt !== null) {
        fmtId = BUILTIN_FORMATS[s.fmt] ?? 164 + place(fmts, s.fmt);
      }
      const fontId = s.font ? place(fonts, `<font>${s.font.bold ? "<b/>" : ""}<color rgb="${argb(s.font.color)}"/></font>`) : 0;
      const fillId = s.fill ? place(fills, `<fill><patternFill patternType="solid"><fgColor rgb="${argb(s.fill)}"/></patternFill></fill>`) : 0;
      const apply = `${s.fmt !== null ? ' applyNumberFormat="1"' : ""}${s.font ? ' applyFont="1"' : ""}${s.fill ? ' applyFill="1"' : ""}${s.wrap ? ' applyAlignment="1"' : ""}`;
      const head = `<xf numFmtId="${fmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${apply}`;
      return s.wrap ? `${head}><alignment vertical="center" wrapText="1"/></xf>` : `${head}/>`;
    });
    const numFmts = fmts.map((f, k) => `<numFmt numFmtId="${164 + k}" formatCode="${escapeAttr(f)}"/>`).join("");
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      `<numFmts count="${fmts.length}">${numFmts}</numFmts><fonts count="${fonts.length}">${fonts.join("")}</fonts><fills count="${fills.length}">${fills.join("")}</fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>`
    );
  }
}

function argb(hex: string): string {
  return "FF" + hex.replace("#", "").toUpperCase();
}

/** A sheet's cell looks: a default per data column, and the cells set apart (formats, wrap, highlights). */
export interface SheetStyles {
  /** Local style index of a data cell per column (rows ≥ dataStart), 0 for none. */
  readonly dataColumn: readonly number[];
  /** Local style index of particular cells, by row * COLS + col. */
  readonly cells: ReadonlyMap<number, number>;
}

/** Widest column a sheet's cell map keys (Excel's limit). */
const COLS = 16384;

/** The looks of one sheet's cells, registered in `reg` (from the spec's structure: no rows are made). */
export function sheetStyles(spec: SheetSpec, reg: StyleRegistry, rowCount: number): SheetStyles {
  const dataRows = rowCount > spec.dataStart;
  const dataFmt = (c: number) => (dataRows && c < spec.columnFormats.length ? spec.columnFormats[c]! : null);
  const dataColumn = spec.columnFormats.map((f) => (dataRows ? reg.index({ fmt: f, wrap: false, fill: null, font: null }) : 0));
  // Cells set apart, with their look made up as writeSpec makes it: format, then wrap, then each highlight in turn.
  const looks = new Map<number, { fmt: string | null; wrap: boolean; fill: string | null; font: CellStyle["font"] }>();
  const look = (r: number, c: number) => {
    const k = r * COLS + c;
    let l = looks.get(k);
    if (!l) looks.set(k, (l = { fmt: r >= spec.dataStart && r < rowCount ? dataFmt(c) : null, wrap: false, fill: null, font: null }));
    return l;
  };
  for (const f of spec.cellFormats) look(f.row, f.col).fmt = f.format;
  for (const w of spec.wrap) for (let r = w.row; r < w.row + w.rows; r++) for (let c = w.col; c < w.col + w.cols; c++) look(r, c).wrap = true;
  for (const h of spec.highlights) {
    const colours = STYLE_COLOURS[h.style];
    for (const r of h.rows) {
      for (let c = h.block.col; c < h.block.col + h.block.cols; c++) {
        const l = look(r, c);
        if (colours.fill) l.fill = colours.fill;
        l.font = { color: colours.font, bold: colours.bold };
      }
    }
  }
  const cells = new Map<number, number>();
  for (const [k, l] of looks) cells.set(k, reg.index(l));
  return { dataColumn, cells };
}

/** A number as the XML holds it. */
function num(v: number): string {
  return String(v);
}

function cellXml(ref: string, v: OutputValue, s: number): string {
  const st = s > 0 ? ` s="${s}"` : "";
  if (v === null) return `<c r="${ref}"${st}/>`;
  if (typeof v === "number") return `<c r="${ref}"${st}><v>${num(v)}</v></c>`;
  const t = escapeText(xmlSafe(v));
  const space = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${st} t="inlineStr"><is><t${space}>${t}</t></is></c>`;
}

export interface SheetParts {
  /** Relationship ids in the sheet's rels for the mark, the drawing and the table. */
  readonly markRel: string;
  readonly drawingRel: string | null;
  readonly tableRel: string | null;
  /** Whether this sheet's tab is the selected one. */
  readonly selected: boolean;
}

const ROWS_PER_SLICE = 2000;

/**
 * The worksheet part of one of our sheets. `xf` maps the registry's local indices to the styles
 * part's (styles.ts appendStyles).
 */
export function summarySheetXml(spec: SheetSpec, styles: SheetStyles, xf: readonly number[], parts: SheetParts, markXml: string): string {
  const source = rowsOf(spec);
  const out: string[] = [];
  let width = Math.max(1, spec.width);
  const heights = new Map((spec.rowHeights ?? []).map((h) => [h.row, h.height]));
  // Rows that hold a cell set apart, so that an empty row with a look is still written.
  const styledRows = new Map<number, number[]>();
  for (const k of styles.cells.keys()) {
    const r = Math.floor(k / COLS);
    let list = styledRows.get(r);
    if (!list) styledRows.set(r, (list = []));
    list.push(k % COLS);
  }
  const dataCols = styles.dataColumn.map((s) => xf[s] ?? 0);
  let lastRow = 0;
  for (let start = 0; start < source.count; start += ROWS_PER_SLICE) {
    const rows = source.slice(start, start + ROWS_PER_SLICE);
    for (let k = 0; k < rows.length; k++) {
      const r = start + k;
      const row = rows[k]!;
      const isData = r >= spec.dataStart;
      const special = styledRows.get(r);
      const n = Math.max(row.length, isData ? dataCols.length : 0, special ? Math.max(...special) + 1 : 0);
      if (n > width) width = n;
      let cells = "";
      for (let c = 0; c < n; c++) {
        const own = special ? styles.cells.get(r * COLS + c) : undefined;
        const s = own !== undefined ? (xf[own] ?? 0) : isData && c < dataCols.length ? dataCols[c]! : 0;
        const v = c < row.length ? (row[c] ?? null) : null;
        if (v === null && s === 0) continue;
        cells += cellXml(columnLetter(c) + (r + 1), v, s);
      }
      const ht = heights.get(r);
      if (cells === "" && ht === undefined) continue;
      out.push(`<row r="${r + 1}"${ht !== undefined ? ` ht="${ht}" customHeight="1"` : ""}>${cells}</row>`);
      lastRow = r + 1;
    }
  }
  // Cells set apart below the rows (a format on an empty cell past the end).
  for (const [r, cols] of [...styledRows].filter(([r]) => r >= source.count).sort((a, b) => a[0] - b[0])) {
    const cells = cols.sort((a, b) => a - b).map((c) => cellXml(columnLetter(c) + (r + 1), null, xf[styles.cells.get(r * COLS + c)!] ?? 0));
    out.push(`<row r="${r + 1}">${cells.join("")}</row>`);
    lastRow = r + 1;
  }
  const dim = `A1:${columnLetter(width - 1)}${Math.max(1, lastRow)}`;
  const { rows: fr, columns: fc } = spec.freeze;
  const topLeft = `${columnLetter(fc)}${fr + 1}`;
  const pane =
    fr > 0 || fc > 0
      ? `<pane${fc > 0 ? ` xSplit="${fc}"` : ""}${fr > 0 ? ` ySplit="${fr}"` : ""} topLeftCell="${topLeft}" activePane="${fr > 0 && fc > 0 ? "bottomRight" : fr > 0 ? "bottomLeft" : "topRight"}" state="frozen"/><selection pane="${fr > 0 && fc > 0 ? "bottomRight" : fr > 0 ? "bottomLeft" : "topRight"}"/>`
      : "";
  const cols = spec.columnWidths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join("");
  const t = spec.table?.range;
  const filter = t && !parts.tableRel ? `<autoFilter ref="${columnLetter(t.col)}${t.row + 1}:${columnLetter(t.col + t.cols - 1)}${t.row + t.rows}"/>` : "";
  const merges =
    spec.merges.length > 0
      ? `<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${columnLetter(m.col)}${m.row + 1}:${columnLetter(m.col + m.cols - 1)}${m.row + m.rows}"/>`).join("")}</mergeCells>`
      : "";
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<dimension ref="${dim}"/><sheetViews><sheetView${parts.selected ? ' tabSelected="1"' : ""} workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ""}<sheetData>${out.join("")}</sheetData>${filter}${merges}` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${markXml}` +
    `${parts.drawingRel ? `<drawing r:id="${parts.drawingRel}"/>` : ""}${parts.tableRel ? `<tableParts count="1"><tablePart r:id="${parts.tableRel}"/></tableParts>` : ""}</worksheet>`
  );
}
