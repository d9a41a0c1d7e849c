/**
 * What the engine hands out: a summary, its results per indicator and measure, and each result's
 * per-unit figures as columns (`ResultColumns`), with the helpers that read them (a row's gap, the
 * `UnitResult` objects made on demand, the columns of a result made by hand).
 */
import { SheetGrid } from "./grid";
import type { TotalCheck } from "./detect";
import { CoverageBase, IndicatorOverride } from "./indicators";
import { AverageMode } from "./measures";
import { GoalSetting } from "./goals";
import { GroupResult } from "./groups";
import { NumberLocale } from "./numbers";
import { RankMode } from "./rank";
import { SheetPeriod, SheetRole } from "./roles";
import type { Message } from "./messages";
import { perMonthOf, type Pace, type PaceKind } from "./pace";
import type { TargetPeriod } from "./periods";

export type Measure = "attainment" | "coverage";

export interface SummaryInput {
  readonly targets: SheetGrid | null;
  readonly actuals: SheetGrid;
  readonly base: SheetGrid | null;
  /** Last year's figures for the same period (cùng kỳ), matched like the actuals. */
  readonly previous?: SheetGrid | null;
  /**
   * Roles the user switched off ("none"): not read from the columns of another sheet either.
   * A role with no sheet and not switched off is read from the columns that say they hold it.
   */
  readonly off?: readonly ("targets" | "base" | "previous")[];
  /**
   * The table of old units to new ones across the July 2025 merger (crosswalk.ts): a sheet of old
   * units (last year's, the base, a plan) is summed into the new units the actuals list.
   */
  readonly crosswalk?: SheetGrid | null;
}

export interface SummaryOptions {
  readonly average?: AverageMode;
  readonly rank?: RankMode;
  readonly locale?: NumberLocale;
  readonly overrides?: readonly IndicatorOverride[];
  /** Coverage goals: area-wide, or for the units of one category. */
  readonly goals?: readonly GoalSetting[];
  /** Header of the unit-category column (else detected: Loại xã, Phân loại, Nhóm, Category). */
  readonly category?: string | null;
  /** Header of the column that puts units into groups (else group rows, else Huyện / Quận / Đơn vị cấp trên). */
  readonly groupBy?: string | null;
  /** Why the sheets were chosen as they were, from the sheet choice (roles.ts), carried to the summary. */
  readonly sheetNotes?: readonly Message[];
  /** Doubts about the sheet choice (roles.ts), carried to the summary's warnings, first. */
  readonly sheetWarnings?: readonly Message[];
  /**
   * The report date (dd/mm/yyyy; else the actuals' title rows) and the target period's days
   * (dd/mm/yyyy; else each result's header, its sheet's titles, the report year): the pace of the
   * attainment results (paceResults.ts).
   */
  readonly asOf?: string | null;
  readonly periodStart?: string | null;
  readonly periodEnd?: string | null;
}

export interface UnitResult {
  /** The unit's name as the reference sheet (targets, else actuals) writes it. */
  readonly unit: string;
  readonly actual: number | null;
  readonly denominator: number | null;
  readonly ratio: number | null;
  readonly gap: number | null;
  readonly rank: number | null;
  readonly belowAverage: boolean;
  /** Last year's count for the same period; null without a previous sheet or figure. */
  readonly previous: number | null;
  /** actual / previous − 1. */
  readonly growth: number | null;
  /** The coverage goal that applies to the unit (its own, its category's, or the area-wide one). */
  readonly goal: number | null;
  /** Where `goal` came from. */
  readonly goalFrom: "unit" | "category" | "area" | null;
  /** ratio − goal, a difference of rates (× 100 for percentage points). */
  readonly goalGap: number | null;
  /** People still to enrol to reach the goal: max(0, ⌈goal × denominator − actual⌉). */
  readonly toGoal: number | null;
  /** Short of its goal (toGoal > 0). */
  readonly belowGoal: boolean;
  /** The unit's category text, where a category column exists. */
  readonly category: string | null;
  /** The unit's group (group row label or parent unit), and its rank within the group. */
  readonly group: string | null;
  readonly groupRank: number | null;
  /**
   * The unit against its target's period (issue 19), where the result has a pace and the unit both
   * figures; absent or null otherwise.
   */
  readonly pace?: UnitPace | null;
}

/** A unit's pace: what it still needs by the period's end, each month, and (where judged) whether it is on pace. */
export interface UnitPace {
  /** max(0, target − actual). */
  readonly remaining: number;
  /** ⌈remaining / months left⌉; null when something remains and no month is left. */
  readonly perMonth: number | null;
  /** Where the schedule puts the unit on the as-of date; null when not judged (a stock without a start level). */
  readonly expected: number | null;
  /** actual ≥ expected; null when not judged. */
  readonly onPace: boolean | null;
}

/**
 * What a result's pace per unit is computed from (issue 19): the period's schedule on the as-of
 * date, the same for every unit. Each unit's pace follows from its own actual and target where
 * read (`unitPaceAt`), like the gap: a province of 100,000 units gains no column.
 */
export interface PaceSchedule {
  /** Share of the period's days passed (pace.ts elapsedShare). */
  readonly elapsed: number;
  /** Month ends left up to the period's end (pace.ts monthsLeft). */
  readonly monthsLeft: number;
  /** Flows are judged against target × elapsed; a stock, without its start level (not read yet), is not judged. */
  readonly kind: PaceKind;
}

/**
 * A result's figures per unit as columns, in sheet order (the reference sheet's), with NaN for
 * "no figure". The engine computes into these and describes the sheets from them: a province of
 * 100,000 units × 8 indicators has 1.4 million unit results, which as objects weigh several
 * hundred megabytes. `IndicatorResult.units` makes the objects when first read.
 * The arrays are shared between the results of one indicator (its attainment and coverage have
 * the same units, actuals and last year's figures) and are never written to once made: `readonly`
 * cannot stop a write into a typed array, so nothing may write to them.
 */
export interface ResultColumns {
  /** The units of the summary (Summary.units) and, per row, the index of the row's unit in it. */
  readonly names: readonly string[];
  readonly unit: Int32Array;
  readonly actual: Float64Array;
  readonly denominator: Float64Array;
  readonly ratio: Float64Array;
  /** denominator − actual; null when it is just that, computed where read (gapAt). */
  readonly gap: Float64Array | null;
  /** 1-based; 0 for no rank. */
  readonly rank: Int32Array;
  readonly belowAverage: Uint8Array;
  /** Rows in rank order (ties in sheet order), then the rows with no rate in sheet order. */
  readonly order: Int32Array;
  /** Last year's figures and the growth, when the result has a previous sheet. */
  readonly previous: Float64Array | null;
  readonly growth: Float64Array | null;
  /** Goals, when any unit has one. */
  readonly goal: Float64Array | null;
  readonly goalFrom: readonly UnitResult["goalFrom"][] | null;
  readonly goalGap: Float64Array | null;
  readonly toGoal: Float64Array | null;
  readonly belowGoal: Uint8Array | null;
  /** Per summary unit (index with `unit[row]`): its category and group. */
  readonly categoryOf: readonly (string | null)[] | null;
  readonly groupOf: readonly (string | null)[] | null;
  /** Rank within the group, 0 for none; null without groups. */
  readonly groupRank: Int32Array | null;
  /** The schedule each row's pace follows (issue 19), for an attainment result with a pace; absent or null otherwise. */
  readonly pace?: PaceSchedule | null;
}

/** A column's cell: NaN is "no figure". */
export const nanToNull = (v: number): number | null => (v === v ? v : null);

export interface IndicatorResult {
  /** Display name (catalogue short name, or the header's text). */
  readonly indicator: string;
  readonly indicatorEn: string;
  readonly indicatorKey: string;
  readonly measure: Measure;
  /** Σ actual / Σ denominator over the units with both figures. */
  readonly overall: number | null;
  /** The average units are compared with: `overall`, or the mean of unit rates. */
  readonly average: number | null;
  readonly actualTotal: number;
  readonly denominatorTotal: number;
  /** What the denominator is: the target, or a coverage base. */
  readonly denominatorKind: "target" | CoverageBase;
  /** Where the figures came from, for people checking the result. */
  readonly source: { readonly actual: ColumnSource; readonly denominator: ColumnSource; readonly previous?: ColumnSource | null };
  /** Units in rank order; those with no rate last, in sheet order. */
  readonly units: readonly UnitResult[];
  /** Σ previous over the units with both an actual and a previous figure; null without them. */
  readonly previousTotal: number | null;
  /** Σ actual / Σ previous − 1 over those units. */
  readonly growth: number | null;
  /** The area-wide goal (only when one is given), the gap to it and the people still to enrol. */
  readonly goal: number | null;
  readonly goalGap: number | null;
  readonly toGoal: number | null;
  /** Groups in rank order (empty when the units have none). */
  readonly groups: readonly GroupResult[];
  /**
   * Against the target's period (issue 19): the area's pace from Σ target and Σ actual. Null for
   * coverage, without an as-of date, or without a unit with both figures. The engine always sets it.
   */
  readonly pace?: Pace | null;
  /** The target's period the pace is measured against (set with `pace`). */
  readonly period?: TargetPeriod | null;
  /** Whether the figures are a level (participants) or counted within the period (set with `pace`). */
  readonly paceKind?: PaceKind | null;
  /**
   * Set on the second and later attainment results of one indicator whose plan columns are set
   * for different periods ("Chỉ tiêu đợt 1" beside "Kế hoạch năm 2024"): the period of its plan
   * column, "2024-01-01/2024-06-30", which keeps its sheet and keys apart (resultKey).
   */
  readonly variant?: string;
  /**
   * Where an indicator has plans for several periods: the period its plan column names ("đợt 1" /
   * "phase 1", "năm 2024" / "2024"), for titles and sheet names; absent otherwise.
   */
  readonly planPeriod?: { readonly vi: string; readonly en: string };
  /**
   * The per-unit figures as columns (the engine's results; not enumerable, so copies and JSON
   * carry `units` instead). Read them through `resultColumns(r)`, which also serves a result made
   * by hand.
   */
  readonly columns?: ResultColumns;
}

/** A result's identity among a summary's results: "bhyt:attainment", "bhxh-tn:attainment:2024-01-01/2024-06-30". */
export function resultKey(r: Pick<IndicatorResult, "indicatorKey" | "measure" | "variant">): string {
  return `${r.indicatorKey}:${r.measure}${r.variant ? `:${r.variant}` : ""}`;
}

export interface ColumnSource {
  readonly sheet: string;
  readonly column: string; // letter
  readonly header: string;
}

export interface UnmatchedUnit {
  /** The sheet the unit is listed in. */
  readonly sheet: string;
  readonly unit: string;
  /** The sheets it was not found in. */
  readonly missingFrom: readonly string[];
}

export interface SheetDetection {
  readonly role: SheetRole;
  readonly sheet: string;
  /** 1-based sheet rows. */
  readonly headerRows: readonly number[];
  readonly columnNumberRow: number | null;
  readonly unitColumn: string;
  readonly units: number;
  readonly indicators: readonly { readonly indicator: string; readonly column: string; readonly header: string }[];
  /** `why` as in `DetectedColumnRole`; `because`, when set, the reason as a message. */
  readonly ignoredColumns: readonly { readonly column: string; readonly header: string; readonly why: string; readonly because?: Message }[];
  readonly excludedRows: readonly { readonly row: number; readonly label: string; readonly reason: string }[];
  readonly totalRow: number | null;
  /**
   * Every figure column with the role it was given (the pane shows them and lets the planner
   * change one). Optional until the column-role model fills it.
   */
  readonly columns?: readonly DetectedColumnRole[];
  /** Cells holding "-" read as zero (the first few, and how many in all). */
  readonly dashZeros?: { readonly count: number; readonly cells: readonly string[] };
  /** Columns whose figures were multiplied by a stated scale ("Đơn vị tính: nghìn người"). */
  readonly scales?: readonly { readonly column: string; readonly header: string; readonly scale: number; readonly from: string }[];
  /** Unit names read other than as written: a footnote mark taken off, a ward typed as a number. */
  readonly names?: readonly { readonly row: number; readonly name: string; readonly written: string; readonly why: "mark" | "number" }[];
  /** Two or three rows per unit: the column of the band labels and the bands, in order. */
  readonly bands?: { readonly column: string; readonly labels: readonly string[] };
  /** A sheet of old units summed into the new units through a crosswalk: the crosswalk, and how many units of each. */
  readonly crosswalk?: { readonly sheet: string; readonly oldUnits: number; readonly newUnits: number };
}

/** A column's role in the detection view: what it feeds, or "ignored". */
export type DetectionRole = "target" | "actual" | "base" | "previous" | "rateGoal" | "computed" | "ignored";

export interface DetectedColumnRole {
  /** Column letter. */
  readonly column: string;
  readonly header: string;
  readonly role: DetectionRole;
  readonly indicator: string | null;
  /**
   * The header words that decided ("Tỷ lệ (%)", "3=2/1"), or a reason in Vietnamese ("không rõ là
   * kế hoạch hay thực hiện"); a string in the JSON contract. Shells show `because` when it is set:
   * the same reason as a message, in the user's language.
   */
  readonly why: string;
  readonly because?: Message;
  /** The band label ("Kế hoạch") where the sheet has two rows per unit. */
  readonly band?: string;
}

export interface Summary {
  /** `previous` is always set by summarize(); optional only for hand-made summaries. */
  readonly sheets: { readonly targets: string | null; readonly actuals: string; readonly base: string | null; readonly previous?: string | null };
  readonly average: AverageMode;
  readonly rank: RankMode;
  /** Reference units in sheet order (targets, else actuals), matched with the actuals. */
  readonly unitNames: readonly string[];
  readonly results: readonly IndicatorResult[];
  readonly unmatched: readonly UnmatchedUnit[];
  readonly warnings: readonly Message[];
  readonly detection: readonly SheetDetection[];
  /** The label of the reference sheet's total row ("Toàn tỉnh"), when it has one. */
  readonly totalLabel: string | null;
  /** Title rows above each input table, reference sheet first (for the report date and area). */
  readonly titles?: readonly SheetTitles[];
  /** The unit-category column and the categories found in it (offered when entering goals). */
  readonly categories?: CategoryInfo | null;
  /** How units were grouped, and the groups in sheet order. */
  readonly grouping?: GroupingInfo | null;
  /** The goals applied, as given. */
  readonly goals?: readonly GoalSetting[];
  /** Each input sheet's total-row cells that differ from the sum of its units (both numbers shown beside the results). */
  readonly totalMismatches?: readonly TotalCheck[];
  /** Why each sheet was taken where another could have served (the report's year, columns, hidden sheets). */
  readonly sheetNotes?: readonly Message[];
  /** The crosswalk of old to new units, when one was given, and the sheets summed through it. */
  readonly crosswalk?: CrosswalkUse | null;
  /**
   * What the pace was measured against and could not judge (issue 19): the period taken as the
   * year, a start assumed, on-pace not judged, no as-of date. Notes, not warnings; the pace's
   * doubts (a period read two ways, an as-of date outside it) are in `warnings`.
   */
  readonly paceNotes?: readonly Message[];
  /**
   * The choices the pace was computed with (paceResults.ts), to compute it again only when they
   * change, and the report's day they gave (ISO; null when neither --as-of nor the titles say):
   * the day the history sheet files this run under.
   */
  readonly pacedWith?: {
    readonly asOf: string | null;
    readonly periodStart: string | null;
    readonly periodEnd: string | null;
    readonly reportDay: string | null;
  };
}

/** A crosswalk at work: the sheets of old units summed into the new units, and what each new unit was made of. */
export interface CrosswalkUse {
  readonly sheet: string;
  readonly converted: readonly {
    readonly sheet: string;
    readonly roles: readonly SheetRole[];
    /** Old units of the sheet summed into new units, and the new units made. */
    readonly oldUnits: number;
    readonly newUnits: number;
    /** The sheet's period (its name or title rows), for "so với cùng kỳ năm 2025". */
    readonly period: SheetPeriod | null;
  }[];
  /** Per unit of the summary (Summary.units order), per role read from a converted sheet, the old units summed into it (as that sheet writes them). */
  readonly from: readonly Partial<Record<SheetRole, readonly string[]>>[];
}

export interface CategoryInfo {
  readonly sheet: string;
  readonly column: string;
  readonly header: string;
  /** Distinct category texts, in sheet order. */
  readonly values: readonly string[];
}

export interface GroupingInfo {
  /** Group rows (I "Các quận") or a parent column ("Huyện"). */
  readonly source: "rows" | "column";
  readonly sheet: string;
  /** The column's header; null for group rows. */
  readonly header: string | null;
  readonly groups: readonly string[];
}

export interface SheetTitles {
  readonly role: SheetRole;
  readonly sheet: string;
  readonly lines: readonly string[];
}

/** A row's gap: denominator − actual when it has both figures. */
export function gapAt(c: ResultColumns, i: number): number | null {
  if (c.gap) return nanToNull(c.gap[i]!);
  const a = c.actual[i]!;
  const d = c.denominator[i]!;
  return a === a && d === d ? d - a : null;
}

/** A figure for a column: NaN for none. */
export const nullToNaN = (v: number | null | undefined): number => (v === null || v === undefined ? NaN : v);

/** One unit's result, made from the columns (what `IndicatorResult.units` lists). */
export function unitResultAt(c: ResultColumns, i: number): UnitResult {
  const k = c.unit[i]!;
  const u: UnitResult = {
    unit: c.names[k]!,
    actual: nanToNull(c.actual[i]!),
    denominator: nanToNull(c.denominator[i]!),
    ratio: nanToNull(c.ratio[i]!),
    gap: gapAt(c, i),
    rank: c.rank[i]! === 0 ? null : c.rank[i]!,
    belowAverage: c.belowAverage[i] === 1,
    previous: c.previous ? nanToNull(c.previous[i]!) : null,
    growth: c.growth ? nanToNull(c.growth[i]!) : null,
    goal: c.goal ? nanToNull(c.goal[i]!) : null,
    goalFrom: c.goalFrom ? c.goalFrom[i]! : null,
    goalGap: c.goalGap ? nanToNull(c.goalGap[i]!) : null,
    toGoal: c.toGoal ? nanToNull(c.toGoal[i]!) : null,
    belowGoal: c.belowGoal ? c.belowGoal[i] === 1 : false,
    category: c.categoryOf ? (c.categoryOf[k] ?? null) : null,
    group: c.groupOf ? (c.groupOf[k] ?? null) : null,
    groupRank: c.groupRank && c.groupRank[i] !== 0 ? c.groupRank[i]! : null,
  };
  // Only results with a pace carry the field: a unit object of any other is as before.
  return c.pace ? { ...u, pace: unitPaceAt(c, i) } : u;
}

/**
 * One row's pace, by pace.ts's rule (computePace) on the row's actual and target; null where the
 * row lacks either. `expected` and `onPace` only for flows: a stock is not judged without its start level.
 */
export function unitPaceAt(c: Pick<ResultColumns, "actual" | "denominator" | "pace">, i: number): UnitPace | null {
  const p = c.pace;
  const a = c.actual[i]!;
  const d = c.denominator[i]!;
  if (!p || a !== a || d !== d) return null;
  const remaining = d > a ? d - a : 0;
  const perMonth = perMonthOf(remaining, p.monthsLeft);
  if (p.kind !== "flow") return { remaining, perMonth, expected: null, onPace: null };
  const expected = d * p.elapsed;
  return { remaining, perMonth, expected, onPace: a >= expected };
}

/** A row off pace (a flow below target × elapsed share): what the sheets and the terminal mark. */
export function offPaceAt(c: Pick<ResultColumns, "actual" | "denominator" | "pace">, i: number): boolean {
  const p = c.pace;
  if (!p || p.kind !== "flow") return false;
  const a = c.actual[i]!;
  const d = c.denominator[i]!;
  return a === a && d === d && a < d * p.elapsed;
}

/** Any row with both an actual and a denominator: without one, Σ actual and Σ denominator are no figures to pace. */
export function anyRowWithBoth(c: Pick<ResultColumns, "actual" | "denominator">): boolean {
  for (let i = 0; i < c.actual.length; i++) if (c.actual[i] === c.actual[i] && c.denominator[i] === c.denominator[i]) return true;
  return false;
}

/** A result's fields but `units` (a getter that would make every unit's object) and its hidden columns. */
export function resultFields(r: IndicatorResult): Omit<IndicatorResult, "units" | "columns"> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(r)) if (k !== "units") out[k] = (r as unknown as Record<string, unknown>)[k];
  return out as unknown as Omit<IndicatorResult, "units" | "columns">;
}

/**
 * A result over its columns, as the engine makes one (computeResult, the pace step, the preview's
 * worker messages): `units` made from the columns when first read, the columns not enumerable —
 * a copy or the JSON of a result lists its units, not its typed arrays.
 */
export function resultOver(fields: Omit<IndicatorResult, "units" | "columns">, columns: ResultColumns): IndicatorResult {
  let units: UnitResult[] | null = null;
  const r = { ...fields } as Record<string, unknown>;
  Object.defineProperty(r, "units", { get: () => (units ??= unitsOf(columns)), enumerable: true, configurable: true });
  Object.defineProperty(r, "columns", { value: columns, enumerable: false });
  return r as unknown as IndicatorResult;
}

/** The units of a result as objects in rank order, made from its columns. */
export function unitsOf(c: ResultColumns): UnitResult[] {
  const out = new Array<UnitResult>(c.order.length);
  for (let p = 0; p < c.order.length; p++) out[p] = unitResultAt(c, c.order[p]!);
  return out;
}

/**
 * A result's columns: the engine's own, or (for a result made by hand or copied field by field)
 * made from its units, which are then in rank order.
 */
export function resultColumns(r: IndicatorResult): ResultColumns {
  if (r.columns) return r.columns;
  const units = r.units;
  const num = (f: (u: UnitResult) => number | null) => Float64Array.from(units, (u) => nullToNaN(f(u)));
  const hasPrevious = units.some((u) => u.previous !== null || u.growth !== null);
  // Any goal figure at all (a result made by hand may give the gap or the mark without the goal).
  const hasGoal = units.some((u) => u.goal !== null || u.goalGap !== null || u.toGoal !== null || u.belowGoal);
  const hasGroupRank = units.some((u) => u.groupRank !== null);

  return {
    names: units.map((u) => u.unit),
    unit: Int32Array.from(units, (_u, i) => i),
    actual: num((u) => u.actual),
    denominator: num((u) => u.denominator),
    ratio: num((u) => u.ratio),
    gap: num((u) => u.gap),
    rank: Int32Array.from(units, (u) => u.rank ?? 0),
    belowAverage: Uint8Array.from(units, (u) => (u.belowAverage ? 1 : 0)),
    order: Int32Array.from(units, (_u, i) => i),
    previous: hasPrevious ? num((u) => u.previous) : null,
    growth: hasPrevious ? num((u) => u.growth) : null,
    goal: hasGoal ? num((u) => u.goal) : null,
    goalFrom: hasGoal ? units.map((u) => u.goalFrom) : null,
    goalGap: hasGoal ? num((u) => u.goalGap) : null,
    toGoal: hasGoal ? num((u) => u.toGoal) : null,
    belowGoal: hasGoal ? Uint8Array.from(units, (u) => (u.belowGoal ? 1 : 0)) : null,
    categoryOf: units.map((u) => u.category),
    groupOf: units.map((u) => u.group),
    groupRank: hasGroupRank ? Int32Array.from(units, (u) => u.groupRank ?? 0) : null,
    // A result made by hand paces its units as its own pace says (the units' own figures follow from it).
    pace: r.pace && r.paceKind ? { elapsed: r.pace.elapsed, monthsLeft: r.pace.monthsLeft, kind: r.paceKind } : null,
  };
}
