/**
 * Checks of our results against what the sheets say themselves. A ratio or growth column the
 * sheet computed ("Tỷ lệ (%)", "3=2/1", "So cùng kỳ (%)") is never an input, but where it can be
 * compared with our figure a difference names the cell: either the sheet's formula points at other
 * cells or we read a column wrongly — a planner must know before copying a number. A rate beyond
 * any plausible value (over 1.000%) is said too: a target typed in thousands against actuals in
 * persons gives exactly that, and must never pass as a result.
 */
import { DetectedColumn, DetectedTable } from "./detect";
import { formatPercent } from "./format";
import { sheetCell } from "./grid";
import { identifyIndicator } from "./indicators";
import { IndicatorResult, resultColumns } from "./results";
import { foldText } from "./text";

/** A column the sheet computed, in the table it is in, with each reference unit's row in that table. */
export interface ComputedColumn {
  readonly table: DetectedTable;
  readonly column: DetectedColumn;
  /** Per reference unit, its index in the table's units (null: not there). */
  readonly alignment: readonly (number | null)[];
}

type ComputedKind = "growth" | "coverage" | "attainment" | null;

function kindOf(parts: readonly string[]): ComputedKind {
  const f = parts.map(foldText).join(" / ");
  if (/(xep hang|thu hang|\bhang\b|\brank|chenh lech|con lai|con phai|con thieu|tang\s*(\/|,|-)?\s*giam|binh quan|trung binh)/.test(f)) return null;
  if (/(cung ky|nam truoc|tang truong|growth|same period)/.test(f)) return "growth";
  if (/(bao phu|dan so|lao dong|coverage)/.test(f)) return "coverage";
  if (/(ty le|%|\bdat\b|so (voi )?(kh|ke hoach)|ratio|percent|attainment)/.test(f)) return "attainment";
  return null;
}

/** Decimals a figure was typed with (a formula's result has many: then only rounding noise is allowed). */
function decimalsOf(v: number): number {
  const s = String(v);
  const e = s.indexOf("e");
  if (e >= 0) return 12;
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : Math.min(12, s.length - dot - 1);
}

/** The most mismatching cells named in one warning; the rest are counted. */
const MAX_CELLS = 5;

/** Compare each computed ratio or growth column with the result of the same indicator and measure. */
export function checkComputedColumns(computed: readonly ComputedColumn[], results: readonly IndicatorResult[], inResults: readonly number[], warnings: string[]): void {
  for (const cc of computed) {
    const kind = kindOf(cc.column.parts);
    if (!kind) continue;
    const id = identifyIndicator(cc.column.parts);
    const measure = kind === "coverage" ? "coverage" : "attainment";
    const result =
      results.find((r) => r.indicatorKey === id?.key && r.measure === measure) ??
      // A growth column compares actuals, which attainment and coverage share.
      (kind === "growth" ? results.find((r) => r.indicatorKey === id?.key) : undefined);
    if (!result) continue;
    const cols = resultColumns(result);
    const ours = kind === "growth" ? cols.growth : cols.ratio;
    if (!ours) continue;
    // Per row of the result: the sheet's figure and ours, where both exist.
    const pairs: { cell: string; unit: string; theirs: number; ours: number }[] = [];
    for (let row = 0; row < cols.unit.length; row++) {
      const k = cols.unit[row]!;
      const j = cc.alignment[inResults[k]!] ?? null;
      const q = ours[row]!;
      if (j === null || q !== q) continue;
      const v = cc.column.values[j];
      if (v === null || v === undefined) continue;
      const r = cc.column.rows?.[j] ?? cc.table.units[j]!.row;
      pairs.push({ cell: sheetCell(cc.table.sheet, r + cc.table.origin.row, cc.column.col + cc.table.origin.col), unit: cols.names[k]!, theirs: v, ours: q });
    }
    if (pairs.length === 0) continue;
    // Percent (92,62) or fraction (0,9262): whichever reading agrees with more units.
    const agrees = (p: (typeof pairs)[number], scale: number) => {
      const tolerance = (0.5 * 10 ** -decimalsOf(p.theirs)) / scale + 1e-9;
      // A growth column may be written as the ratio (105%) rather than the change (5%).
      return Math.abs(p.theirs / scale - p.ours) <= tolerance || (kind === "growth" && Math.abs(p.theirs / scale - 1 - p.ours) <= tolerance);
    };
    const byScale = [1, 100].map((s) => ({ scale: s, ok: pairs.filter((p) => agrees(p, s)).length }));
    const best = byScale[0]!.ok >= byScale[1]!.ok ? byScale[0]! : byScale[1]!;
    const wrong = pairs.filter((p) => !agrees(p, best.scale));
    if (wrong.length === 0) continue;
    const what = kind === "growth" ? `tăng trưởng so với cùng kỳ của ${result.indicator}` : `tỷ lệ ${kind === "coverage" ? "bao phủ" : "đạt kế hoạch"} ${result.indicator}`;
    const shown = wrong
      .slice(0, MAX_CELLS)
      .map((p) => `${p.cell} (${p.unit}): sheet ghi ${best.scale === 100 ? `${String(p.theirs).replace(".", ",")}%` : String(p.theirs).replace(".", ",")}, tính được ${formatPercent(p.ours, "vi")}`)
      .join("; ");
    const more = wrong.length > MAX_CELLS ? `; và ${wrong.length - MAX_CELLS} ô khác` : "";
    warnings.push(
      `Cột "${cc.column.header}" của trang '${cc.table.sheet}' là cột tính sẵn (không dùng làm số liệu), nhưng khác ${what} tính từ số liệu: ${shown}${more}. Kiểm tra công thức của cột, hoặc các cột kế hoạch và thực hiện đã đọc.`,
    );
  }
}

/** A rate over this (1.000%) is a scale or typing error, not a result. */
export const IMPLAUSIBLE_RATE = 10;

/** Say which results have rates no unit could reach, naming the columns they come from. */
export function checkPlausibleRates(results: readonly IndicatorResult[], warnings: string[]): void {
  for (const r of results) {
    const cols = resultColumns(r);
    const high: number[] = [];
    for (let i = 0; i < cols.ratio.length; i++) if (cols.ratio[i]! > IMPLAUSIBLE_RATE) high.push(i);
    if (high.length === 0 && !(r.overall !== null && r.overall > IMPLAUSIBLE_RATE)) continue;
    const examples = high
      .slice(0, 3)
      .map((i) => `${cols.names[cols.unit[i]!]} ${formatPercent(cols.ratio[i]!, "vi")}`)
      .join(", ");
    const src = r.source;
    warnings.push(
      `${r.indicator}: tỷ lệ ${high.length > 0 ? `của ${high.length} đơn vị vượt 1.000% (${examples})` : `chung ${formatPercent(r.overall!, "vi")}`} — không thể đúng. Kiểm tra đơn vị tính (người hay nghìn người) của cột '${src.actual.sheet}'!${src.actual.column} và '${src.denominator.sheet}'!${src.denominator.column}.`,
    );
  }
}

/** A plan column repeated in another sheet (the actuals beside their plan), with each reference unit's row there. */
export interface RepeatedColumn {
  readonly table: DetectedTable;
  readonly column: DetectedColumn;
  readonly alignment: readonly (number | null)[];
  /** The plan column used, and its rows. */
  readonly usedTable: DetectedTable;
  readonly used: DetectedColumn;
  readonly usedAlignment: readonly (number | null)[];
}

/**
 * The plan an actuals sheet repeats beside its actuals is not used (the plan sheet is), but where
 * it differs from the plan used, the planner has two plans and must know which one we took.
 */
export function checkRepeatedPlan(repeated: readonly RepeatedColumn[], refNames: readonly string[], warnings: string[]): void {
  for (const x of repeated) {
    const diffs: string[] = [];
    let count = 0;
    for (let i = 0; i < refNames.length; i++) {
      const j = x.alignment[i] ?? null;
      const k = x.usedAlignment[i] ?? null;
      if (j === null || k === null) continue;
      const a = x.column.values[j] ?? null;
      const b = x.used.values[k] ?? null;
      if (a === null || b === null || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b))) continue;
      count++;
      if (diffs.length < MAX_CELLS) {
        const r = x.column.rows?.[j] ?? x.table.units[j]!.row;
        const r2 = x.used.rows?.[k] ?? x.usedTable.units[k]!.row;
        diffs.push(
          `${sheetCell(x.table.sheet, r + x.table.origin.row, x.column.col + x.table.origin.col)} = ${a} so với ${sheetCell(x.usedTable.sheet, r2 + x.usedTable.origin.row, x.used.col + x.usedTable.origin.col)} = ${b} (${refNames[i]})`,
        );
      }
    }
    if (count === 0) continue;
    warnings.push(
      `Cột "${x.column.header}" của trang '${x.table.sheet}' ghi lại kế hoạch nhưng khác kế hoạch đã dùng (trang '${x.usedTable.sheet}'): ${diffs.join("; ")}${count > diffs.length ? `; và ${count - diffs.length} đơn vị khác` : ""}. Kết quả tính theo trang '${x.usedTable.sheet}'; kiểm tra xem kế hoạch nào đúng.`,
    );
  }
}
