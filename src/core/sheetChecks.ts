/**
 * Checks of our results against what the sheets say themselves. A ratio or growth column the
 * sheet computed ("Tỷ lệ (%)", "3=2/1", "So cùng kỳ (%)") is never an input, but where it can be
 * compared with our figure a difference names the cell: either the sheet's formula points at other
 * cells or we read a column wrongly — a planner must know before copying a number. A rate beyond
 * any plausible value (over 1.000%) is said too: a target typed in thousands against actuals in
 * persons gives exactly that, and must never pass as a result.
 */
import { DetectedColumn, DetectedTable } from "./detect";
import { identifyIndicator } from "./indicators";
import { IndicatorResult, resultColumns } from "./results";
import { ColumnReading, SheetModel, letter, unitAddress } from "./sheetModel";
import { Alignment } from "./alignUnits";
import { foldText } from "./text";
import { said, type Message } from "./messages";
import type { SheetsParams } from "./messages/sheets";

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
export function checkComputedColumns(
  computed: readonly ComputedColumn[],
  results: readonly IndicatorResult[],
  inResults: readonly number[],
  warnings: Message[],
): void {
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
    // Per row of the result: the sheet's figure and ours, where both exist (numbers only: a cell's
    // address is made for the few differences shown, never for every unit).
    const n = cols.unit.length;
    const theirs = new Float64Array(n);
    const mine = new Float64Array(n);
    const at = new Int32Array(n);
    let m = 0;
    for (let row = 0; row < n; row++) {
      const k = cols.unit[row]!;
      const j = cc.alignment[inResults[k]!] ?? null;
      const q = ours[row]!;
      if (j === null || q !== q) continue;
      const v = cc.column.values[j];
      if (v === null || v === undefined) continue;
      theirs[m] = v;
      mine[m] = q;
      at[m] = j;
      m++;
    }
    if (m === 0) continue;
    // Percent (92,62) or fraction (0,9262): whichever reading agrees with more units.
    const agrees = (i: number, scale: number) => {
      const t = theirs[i]! / scale;
      const q = mine[i]!;
      // A growth column may be written as the ratio (105%) rather than the change (5%).
      const d = Math.min(Math.abs(t - q), kind === "growth" ? Math.abs(t - 1 - q) : Infinity);
      if (d <= 1e-9) return true;
      // Beyond any rounding of a typed figure: no need to count its decimals.
      if (d > 0.5 / scale) return false;
      return d <= (0.5 * 10 ** -decimalsOf(theirs[i]!)) / scale + 1e-9;
    };
    let ok1 = 0;
    let ok100 = 0;
    for (let i = 0; i < m; i++) {
      if (agrees(i, 1)) ok1++;
      if (agrees(i, 100)) ok100++;
    }
    const scale = ok1 >= ok100 ? 1 : 100;
    const wrongCount = m - Math.max(ok1, ok100);
    if (wrongCount === 0) continue;
    const shownRows: number[] = [];
    for (let i = 0; i < m && shownRows.length < MAX_CELLS; i++) if (!agrees(i, scale)) shownRows.push(i);
    // Each cell with both figures: the sheet's as written (a percent on the percent scale), ours a ratio.
    const cells: SheetsParams["computed-column-differs"]["cells"] = shownRows.map((i) => {
      const j = at[i]!;
      return { cell: unitAddress(cc.table, j, cc.column), unit: cc.table.unitRows[j]!.name, theirs: theirs[i]!, percent: scale === 100, ours: mine[i]! };
    });
    warnings.push(
      said(
        "computed-column-differs",
        { header: cc.column.header, kind, indicator: { vi: result.indicator, en: result.indicatorEn }, cells, more: Math.max(0, wrongCount - MAX_CELLS) },
        { sheet: cc.table.sheet, column: letter(cc.table, cc.column.col) },
      ),
    );
  }
}

/** A rate over this (1.000%) is a scale or typing error, not a result. */
export const IMPLAUSIBLE_RATE = 10;

/** Say which results have rates no unit could reach, naming the columns they come from. */
export function checkPlausibleRates(results: readonly IndicatorResult[], warnings: Message[]): void {
  for (const r of results) {
    const cols = resultColumns(r);
    const high: number[] = [];
    for (let i = 0; i < cols.ratio.length; i++) if (cols.ratio[i]! > IMPLAUSIBLE_RATE) high.push(i);
    if (high.length === 0 && !(r.overall !== null && r.overall > IMPLAUSIBLE_RATE)) continue;
    const examples = high.slice(0, 3).map((i) => ({ unit: cols.names[cols.unit[i]!]!, rate: cols.ratio[i]! }));
    const src = r.source;
    warnings.push(
      said("implausible-rate", {
        indicator: { vi: r.indicator, en: r.indicatorEn },
        count: high.length,
        examples,
        overall: r.overall,
        actual: { sheet: src.actual.sheet, column: src.actual.column },
        denominator: { sheet: src.denominator.sheet, column: src.denominator.column },
      }),
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
export function checkRepeatedPlan(repeated: readonly RepeatedColumn[], refNames: readonly string[], warnings: Message[]): void {
  for (const x of repeated) {
    const diffs: SheetsParams["repeated-plan-differs"]["diffs"] = [];
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
        diffs.push({ cell: unitAddress(x.table, j, x.column), value: a, usedCell: unitAddress(x.usedTable, k, x.used), usedValue: b, unit: refNames[i]! });
      }
    }
    if (count === 0) continue;
    warnings.push(
      said(
        "repeated-plan-differs",
        { header: x.column.header, used: x.usedTable.sheet, diffs, more: count - diffs.length },
        { sheet: x.table.sheet, column: letter(x.table, x.column.col) },
      ),
    );
  }
}

/** What the checks read: each sheet's column roles, the models and alignment, the results. */
export interface SheetCheckInputs {
  readonly readings: ReadonlyMap<DetectedTable, readonly ColumnReading[]>;
  readonly firstModel: ReadonlyMap<DetectedTable, SheetModel>;
  readonly alignment: Alignment;
  readonly targets: SheetModel | null;
  readonly results: readonly IndicatorResult[];
  readonly inResults: readonly number[];
  readonly refNames: readonly string[];
}

/** Every check of the results against the sheets: computed columns, a repeated plan, implausible rates. */
export function checkAgainstSheets(x: SheetCheckInputs, warnings: Message[]): void {
  const { targets, alignment } = x;
  const computed: ComputedColumn[] = [];
  const repeated: RepeatedColumn[] = [];
  for (const [t, rs] of x.readings) {
    const m = x.firstModel.get(t);
    const at = m ? alignment.get(m.role) : undefined;
    if (!at) continue;
    for (const r of rs) {
      if (r.role === "computed") computed.push({ table: t, column: r.column, alignment: at });
      // A plan column in a sheet the plan was not read from: compared with the plan used.
      if (r.role === "target" && targets && targets.table !== t) {
        const id = identifyIndicator(r.column.parts);
        const used = id ? targets.indicators.get(id.key) : undefined;
        const usedAt = alignment.get(targets.role);
        if (used && !used.derivedFrom && usedAt)
          repeated.push({ table: t, column: r.column, alignment: at, usedTable: targets.table, used: used.column, usedAlignment: usedAt });
      }
    }
  }
  checkComputedColumns(computed, x.results, x.inResults, warnings);
  checkRepeatedPlan(repeated, x.refNames, warnings);
  checkPlausibleRates(x.results, warnings);
  checkActualsLeftOut(x.results, warnings);
}

/**
 * A unit with people enrolled but no plan or base ("x", blank, an error) has no rate, so its people
 * are in no Σ/Σ: the area's count is short by them. Message once per result, naming the units.
 */
export function checkActualsLeftOut(results: readonly IndicatorResult[], warnings: Message[]): void {
  for (const r of results) {
    const cols = resultColumns(r);
    const examples: { unit: string; actual: number }[] = [];
    let count = 0;
    let people = 0;
    for (let i = 0; i < cols.actual.length; i++) {
      const a = cols.actual[i]!;
      if (a !== a || a === 0 || cols.denominator[i] === cols.denominator[i]) continue;
      count++;
      people += a;
      if (examples.length < MAX_CELLS) examples.push({ unit: cols.names[cols.unit[i]!]!, actual: a });
    }
    if (count === 0) continue;
    warnings.push(said("actuals-without-denominator", { indicator: { vi: r.indicator, en: r.indicatorEn }, count, people, kind: r.denominatorKind, examples }));
  }
}
