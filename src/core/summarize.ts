/**
 * The engine, end to end: grids in, results out. Each step is its own module; this one runs
 * them in order — detect → identify columns → match units → compute → rank — and holds what joins
 * them: which column is which indicator or base, goals, categories and groups per unit.
 */
import { ChitieuError } from "./errors";
import { SheetGrid, columnLetter, columnIndex, sheetCell } from "./grid";
import { DetectedColumn, DetectedTable, detectTable } from "./detect";
import { CoverageBase, IndicatorIdentity, IndicatorOverride, baseKindOf, identifyIndicator, identityFromName } from "./indicators";
import { AverageMode, isBelow, ratio } from "./measures";
import { DERIVED_TOTAL_SOCIAL_INSURANCE, PART_KEYS, sumOfParts } from "./derive";
import { ExactRate, GoalSetting, categoryKey, goalGapOf, goalSpecText, isGoalHeader, parseRate, peopleToGoal, rateFromCell, resolveGoal } from "./goals";
import { GroupResult, groupResults, isCategoryHeader, isParentHeader, sameHeader } from "./groups";
import { growthOf } from "./growth";
import { NumberLocale } from "./numbers";
import { RankMode, rankColumn } from "./rank";
import { SheetRole } from "./roles";
import { cleanText, foldText } from "./text";
import { UnitKey, checkDuplicates, checkDuplicatesAgainst, matchUnits, parseUnitName } from "./units";

export type Measure = "attainment" | "coverage";
/** The output language; defined with the labels (i18n.ts), re-exported for older imports. */
export type { Lang } from "./i18n";

export interface SummaryInput {
  readonly targets: SheetGrid | null;
  readonly actuals: SheetGrid;
  readonly base: SheetGrid | null;
  /** Last year's figures for the same period (cùng kỳ), matched like the actuals. */
  readonly previous?: SheetGrid | null;
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
}

/** A column's cell: NaN is "no figure". */
export const figure = (v: number): number | null => (v === v ? v : null);

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
   * The per-unit figures as columns (the engine's results; not enumerable, so copies and JSON
   * carry `units` instead). Read them through `resultColumns(r)`, which also serves a result made
   * by hand.
   */
  readonly columns?: ResultColumns;
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
  readonly ignoredColumns: readonly { readonly column: string; readonly header: string; readonly why: string }[];
  readonly excludedRows: readonly { readonly row: number; readonly label: string; readonly reason: string }[];
  readonly totalRow: number | null;
}

export interface Summary {
  /** `previous` is always set by summarize(); optional only for hand-made summaries. */
  readonly sheets: { readonly targets: string | null; readonly actuals: string; readonly base: string | null; readonly previous?: string | null };
  readonly average: AverageMode;
  readonly rank: RankMode;
  /** Reference units in sheet order (targets, else actuals), matched with the actuals. */
  readonly units: readonly string[];
  readonly results: readonly IndicatorResult[];
  readonly unmatched: readonly UnmatchedUnit[];
  readonly warnings: readonly string[];
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

interface IndicatorColumn {
  readonly id: IndicatorIdentity;
  readonly column: DetectedColumn;
  /** For a derived total: the part columns it sums. */
  readonly derivedFrom?: readonly DetectedColumn[];
}

interface SheetModel {
  readonly role: SheetRole;
  readonly table: DetectedTable;
  /** Indicator columns by identity key (a derived total social insurance among them). */
  readonly indicators: Map<string, IndicatorColumn>;
  /** Per-unit goal columns ("Tỷ lệ bao phủ BHYT giao (%)") by indicator key: targets and base sheets. */
  readonly goalColumns: Map<string, { id: IndicatorIdentity; column: DetectedColumn; percentScale: boolean }>;
  /** Base columns by kind (base sheet only). */
  readonly bases: Map<CoverageBase, DetectedColumn>;
  readonly ignored: { column: string; header: string; why: string }[];
}

function letter(t: DetectedTable, col: number): string {
  return columnLetter(col + t.origin.col);
}

/** The letters of the columns a figure comes from: "E", or "E+F" for a derived total. */
function columnLetters(t: DetectedTable, cols: readonly DetectedColumn[]): string {
  return cols.map((c) => letter(t, c.col)).join("+");
}

/** The cell of unit `unit` (an index into the table's units) in grid column `col`: 'Thực hiện'!E7. */
function unitCell(t: DetectedTable, unit: number, col: number): string {
  return sheetCell(t.sheet, t.units[unit]!.row + t.origin.row, col + t.origin.col);
}

function overrideFor(role: SheetRole, t: DetectedTable, c: DetectedColumn, overrides: readonly IndicatorOverride[]) {
  return overrides.find((o) => {
    if (o.sheet !== role) return false;
    const idx = columnIndex(o.column);
    if (idx >= 0 && idx - t.origin.col === c.col && !/[a-z]{4}/i.test(o.column)) return true;
    const f = foldText(o.column);
    return f === foldText(c.header) || f === foldText(c.leaf);
  });
}

/** Step 3b for one sheet: which indicator (or base) each number column is. */
function modelSheet(role: SheetRole, table: DetectedTable, overrides: readonly IndicatorOverride[], warnings: string[]): SheetModel {
  const indicators = new Map<string, IndicatorColumn>();
  const goalColumns = new Map<string, { id: IndicatorIdentity; column: DetectedColumn; percentScale: boolean }>();
  const bases = new Map<CoverageBase, DetectedColumn>();
  const ignored: { column: string; header: string; why: string }[] = [];
  for (const c of table.columns) {
    const ov = overrideFor(role, table, c, overrides);
    // The column as Excel writes a reference to it: 'Kế hoạch'!E.
    const where = `'${table.sheet.replace(/'/g, "''")}'!${letter(table, c.col)}`;
    if (ov && cleanText(ov.indicator) === "-") {
      ignored.push({ column: letter(table, c.col), header: c.header, why: "ignored by the mapping" });
      continue;
    }
    if (!ov && c.role === "rate" && (role === "targets" || role === "base") && isGoalHeader(c.header, role === "base")) {
      const gid = identifyIndicator(c.parts);
      if (gid && !goalColumns.has(gid.key)) {
        // 90 under a "%" header, or 0,9 / "90%": one scale per column, decided by its values.
        const percentScale = c.values.some((v) => v !== null && v > 1);
        goalColumns.set(gid.key, { id: gid, column: c, percentScale });
        continue;
      }
    }
    if (!ov && c.role === "rate") {
      ignored.push({ column: letter(table, c.col), header: c.header, why: "a rate, not a count" });
      continue;
    }
    if (role === "base") {
      const kind = baseKindOf(ov ? ov.indicator : c.header);
      if (kind) {
        if (bases.has(kind)) warnings.push(`${where}: a second ${kind === "population" ? "population" : "labour-force"} column ("${c.header}"); the first one is used.`);
        else bases.set(kind, c);
        continue;
      }
    }
    const id = ov ? identityFromName(ov.indicator) : identifyIndicator(c.parts);
    if (!id) {
      ignored.push({ column: letter(table, c.col), header: c.header, why: "header names no indicator" });
      continue;
    }
    const prev = indicators.get(id.key);
    if (prev) {
      warnings.push(
        `${where}: "${c.header}" is a second column for ${id.vi} in sheet '${table.sheet}' (the first is column ${letter(table, prev.column.col)}); it is not used. Map the columns explicitly if the other one is meant.`,
      );
      ignored.push({ column: letter(table, c.col), header: c.header, why: `second column for ${id.vi}` });
      continue;
    }
    indicators.set(id.key, { id, column: c });
  }
  if (role !== "base") deriveTotal(table, indicators, warnings);
  return { role, table, indicators, goalColumns, bases, ignored };
}

/**
 * Total social insurance from its parts where the sheet has both but no total: inserted right
 * after the later part, so it is reported beside them.
 */
function deriveTotal(table: DetectedTable, indicators: Map<string, IndicatorColumn>, warnings: string[]): void {
  const bb = indicators.get(PART_KEYS.compulsory);
  const tn = indicators.get(PART_KEYS.voluntary);
  if (!bb || !tn || indicators.has(PART_KEYS.total)) return;
  const d = sumOfParts(bb.column, tn.column);
  for (const m of d.missing) {
    const u = table.units[m.unit]!;
    const cells = m.parts.map((c) => unitCell(table, m.unit, c.col)).join(", ");
    warnings.push(`${cells}: ${u.name} has no figure for ${m.parts.map((c) => `"${c.header}"`).join(" and ")}, so it has no total ${DERIVED_TOTAL_SOCIAL_INSURANCE.vi}.`);
  }
  const entries = [...indicators.entries()];
  const after = Math.max(
    entries.findIndex(([k]) => k === PART_KEYS.compulsory),
    entries.findIndex(([k]) => k === PART_KEYS.voluntary),
  );
  entries.splice(after + 1, 0, [PART_KEYS.total, { id: DERIVED_TOTAL_SOCIAL_INSURANCE, column: d.column, derivedFrom: d.parts }]);
  indicators.clear();
  for (const [k, v] of entries) indicators.set(k, v);
}

function columnsOf(t: DetectedTable, x: IndicatorColumn): string {
  return columnLetters(t, x.derivedFrom ?? [x.column]);
}

function detectionOf(m: SheetModel): SheetDetection {
  const t = m.table;
  const o = t.origin.row;
  return {
    role: m.role,
    sheet: t.sheet,
    headerRows: t.headerRows.map((r) => r + o + 1),
    columnNumberRow: t.columnNumberRow === null ? null : t.columnNumberRow + o + 1,
    unitColumn: letter(t, t.unitColumn),
    units: t.units.length,
    indicators: [
      ...[...m.indicators.values()].map((x) => ({ indicator: x.id.vi, column: columnsOf(t, x), header: x.column.header })),
      ...[...m.goalColumns.values()].map((g) => ({ indicator: `Mục tiêu ${g.id.vi}`, column: letter(t, g.column.col), header: g.column.header })),
      ...[...m.bases.entries()].map(([k, c]) => ({ indicator: k === "population" ? "Dân số" : "Lực lượng lao động", column: letter(t, c.col), header: c.header })),
    ],
    ignoredColumns: m.ignored,
    excludedRows: t.excluded.map((e) => ({ row: e.row + o + 1, label: e.label, reason: e.reason })),
    totalRow: t.totalRow ? t.totalRow.row + o + 1 : null,
  };
}

/** One indicator and measure's figures per unit, before ranking: columns over the result's rows. */
interface ResultRows {
  /** Per row, the index of its unit in Summary.units. */
  readonly unit: Int32Array;
  readonly actual: Float64Array;
  readonly denominator: Float64Array;
  /** Set when the result has a previous sheet. */
  readonly previous: Float64Array | null;
  /** Set when some unit has a goal. */
  readonly goal: readonly (ExactRate | null)[] | null;
  readonly goalFrom: readonly UnitResult["goalFrom"][] | null;
}

/** What every result of a summary shares: the units, their categories and groups. */
interface SharedColumns {
  readonly names: readonly string[];
  readonly categoryOf: readonly (string | null)[] | null;
  readonly groupOf: readonly (string | null)[] | null;
}

/** What an indicator's result gets beyond plan vs actual. */
interface ResultExtras {
  /** The previous sheet has this indicator. */
  readonly hasPrevious: boolean;
  readonly areaGoal: ExactRate | null;
  readonly groupOrder: readonly string[];
}

const NO_GOAL = { goal: null, from: null } as const;

/** A row's gap: denominator − actual when it has both figures. */
export function gapAt(c: ResultColumns, i: number): number | null {
  if (c.gap) return figure(c.gap[i]!);
  const a = c.actual[i]!;
  const d = c.denominator[i]!;
  return a === a && d === d ? d - a : null;
}

/** A figure for a column: NaN for none. */
const cell = (v: number | null | undefined): number => (v === null || v === undefined ? NaN : v);

/** One unit's result, made from the columns (what `IndicatorResult.units` lists). */
function unitResultAt(c: ResultColumns, i: number): UnitResult {
  const k = c.unit[i]!;
  return {
    unit: c.names[k]!,
    actual: figure(c.actual[i]!),
    denominator: figure(c.denominator[i]!),
    ratio: figure(c.ratio[i]!),
    gap: gapAt(c, i),
    rank: c.rank[i]! === 0 ? null : c.rank[i]!,
    belowAverage: c.belowAverage[i] === 1,
    previous: c.previous ? figure(c.previous[i]!) : null,
    growth: c.growth ? figure(c.growth[i]!) : null,
    goal: c.goal ? figure(c.goal[i]!) : null,
    goalFrom: c.goalFrom ? c.goalFrom[i]! : null,
    goalGap: c.goalGap ? figure(c.goalGap[i]!) : null,
    toGoal: c.toGoal ? figure(c.toGoal[i]!) : null,
    belowGoal: c.belowGoal ? c.belowGoal[i] === 1 : false,
    category: c.categoryOf ? (c.categoryOf[k] ?? null) : null,
    group: c.groupOf ? (c.groupOf[k] ?? null) : null,
    groupRank: c.groupRank && c.groupRank[i] !== 0 ? c.groupRank[i]! : null,
  };
}

/** The units of a result as objects in rank order, made from its columns. */
function unitsOf(c: ResultColumns): UnitResult[] {
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
  const num = (f: (u: UnitResult) => number | null) => Float64Array.from(units, (u) => cell(f(u)));
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
  };
}

/** Rank, compare with the average, and order the units of one indicator. */
function finish(
  indicator: IndicatorIdentity,
  measure: Measure,
  denominatorKind: "target" | CoverageBase,
  source: IndicatorResult["source"],
  rows: ResultRows,
  shared: SharedColumns,
  options: Required<Pick<SummaryOptions, "average" | "rank">>,
  warnings: string[],
  extras: ResultExtras = { hasPrevious: false, areaGoal: null, groupOrder: [] },
): IndicatorResult {
  const n = rows.unit.length;
  const { actual, denominator } = rows;
  const rates = new Float64Array(n);
  // Σ actual and Σ denominator over the units with both (measures.totals), and the rates.
  let sumActual = 0;
  let sumDenominator = 0;
  let counted = 0;
  let rateSum = 0;
  let rated = 0;
  for (let i = 0; i < n; i++) {
    const a = actual[i]!;
    const d = denominator[i]!;
    if (a !== a || d !== d) {
      rates[i] = NaN;
      continue;
    }
    sumActual += a;
    sumDenominator += d;
    counted++;
    const q = ratio(a, d);
    rates[i] = cell(q);
    if (q !== null) {
      rateSum += q;
      rated++;
    }
  }
  const overall = counted > 0 ? ratio(sumActual, sumDenominator) : null;
  if (counted > 0 && overall === null) {
    warnings.push(`${indicator.vi} (${measure}): the ${denominatorKind === "target" ? "targets" : "base"} add up to 0, so there is no area-wide rate.`);
  }
  // measures.meanOf: the mean of the rates there are (an overflowing sum is no mean).
  const mean = rated === 0 ? null : Number.isFinite(rateSum / rated) ? rateSum / rated : null;
  const average = options.average === "mean" ? mean : overall;
  const { ranks, order } = rankColumn(rates, options.rank);
  const belowAverage = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (isBelow(figure(rates[i]!), average)) belowAverage[i] = 1;
  // Without groups there is nothing to sum or rank by group.
  let groups: GroupResult[] = [];
  let groupRank: Int32Array | null = null;
  if (extras.groupOrder.length > 0 && shared.groupOf) {
    const groupOf = shared.groupOf;
    const grouped = groupResults(
      Array.from(rows.unit, (k, i) => ({ actual: figure(actual[i]!), denominator: figure(denominator[i]!), ratio: figure(rates[i]!), group: groupOf[k] ?? null })),
      extras.groupOrder,
      average,
      options.rank,
    );
    groups = grouped.groups;
    groupRank = Int32Array.from(grouped.groupRanks, (g) => g ?? 0);
  }
  // Growth per unit, and Σ actual / Σ previous − 1 over the units with both (growth.areaGrowth).
  let previous: Float64Array | null = null;
  let growth: Float64Array | null = null;
  let area: { previous: number; growth: number | null } | null = null;
  if (extras.hasPrevious && rows.previous) {
    previous = rows.previous;
    growth = new Float64Array(n);
    let a = 0;
    let p = 0;
    let both = 0;
    for (let i = 0; i < n; i++) {
      const ai = figure(actual[i]!);
      const pi = figure(previous[i]!);
      growth[i] = cell(growthOf(ai, pi));
      if (ai !== null && pi !== null) {
        a += ai;
        p += pi;
        both++;
      }
    }
    area = { previous: both > 0 ? p : NaN, growth: both === 0 ? null : growthOf(a, p) };
  }
  // Goals per unit: the gap and the people still to enrol, exact (goals.peopleToGoal).
  let goal: Float64Array | null = null;
  let goalGap: Float64Array | null = null;
  let toGoal: Float64Array | null = null;
  let belowGoal: Uint8Array | null = null;
  if (rows.goal) {
    goal = new Float64Array(n);
    goalGap = new Float64Array(n);
    toGoal = new Float64Array(n);
    belowGoal = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const g = rows.goal[i] ?? null;
      const a = figure(actual[i]!);
      const d = figure(denominator[i]!);
      const t = g && a !== null && d !== null ? peopleToGoal(g, d, a) : null;
      goal[i] = g ? g.value : NaN;
      goalGap[i] = cell(goalGapOf(figure(rates[i]!), g));
      toGoal[i] = cell(t);
      if (t !== null && t > 0) belowGoal[i] = 1;
    }
  }
  const columns: ResultColumns = {
    names: shared.names,
    unit: rows.unit,
    actual,
    denominator,
    ratio: rates,
    gap: null,
    rank: ranks,
    belowAverage,
    order,
    previous,
    growth,
    goal,
    goalFrom: rows.goal ? rows.goalFrom : null,
    goalGap,
    toGoal,
    belowGoal,
    categoryOf: shared.categoryOf,
    groupOf: shared.groupOf,
    groupRank,
  };
  const areaGoal = extras.areaGoal;
  let units: UnitResult[] | null = null;
  const result: IndicatorResult = {
    indicator: indicator.vi,
    indicatorEn: indicator.en,
    indicatorKey: indicator.key,
    measure,
    overall,
    average,
    actualTotal: sumActual,
    denominatorTotal: sumDenominator,
    denominatorKind,
    source,
    // Made when first read: the sheets are described from the columns.
    get units() {
      return (units ??= unitsOf(columns));
    },
    previousTotal: area && area.previous === area.previous ? area.previous : null,
    growth: area ? area.growth : null,
    goal: areaGoal ? areaGoal.value : null,
    goalGap: goalGapOf(overall, areaGoal),
    toGoal: areaGoal && counted > 0 ? peopleToGoal(areaGoal, sumDenominator, sumActual) : null,
    groups,
  };
  // Not enumerable: a copy or the JSON of a result lists its units, not its typed arrays.
  Object.defineProperty(result, "columns", { value: columns, enumerable: false });
  return result;
}

/** Turn the input sheets into ranked results. Throws ChitieuError for what the user must fix. */
export function summarize(input: SummaryInput, options: SummaryOptions = {}): Summary {
  const opts = { average: options.average ?? "overall", rank: options.rank ?? "competition" } as const;
  const locale = options.locale ?? "vi";
  const overrides = options.overrides ?? [];
  if (!input.targets && !input.base) {
    throw new ChitieuError(
      "missing-sheet",
      `Sheet '${input.actuals.name}' has the actuals, but there is neither a targets sheet (Kế hoạch) nor a base sheet (Dân số / Lao động) to compare them with. Add or choose one of them.`,
    );
  }
  const warnings: string[] = [];

  // Step 1: detect each table.
  const tables: { role: SheetRole; table: DetectedTable }[] = [];
  // Each sheet's unit names parsed once, for the duplicate check and for matching (parseUnitName's
  // memo holds 65,536 names: a province of 100,000 units would be parsed again and again).
  const unitKeys = new Map<DetectedTable, readonly UnitKey[]>();
  // And each sheet's units by key, from the duplicate check, for matching.
  // The first sheet added is the reference (targets, else actuals): its units by key, and per
  // unit of each other sheet its reference unit with the same key (or −1).
  let refIndex: ReadonlyMap<string, number> | null = null;
  const refOf = new Map<DetectedTable, Int32Array>();
  const add = (role: SheetRole, g: SheetGrid | null) => {
    if (!g) return;
    const t = detectTable(g, { locale });
    const keys = t.units.map((u) => parseUnitName(u.name));
    unitKeys.set(t, keys);
    if (refIndex === null) refIndex = checkDuplicates(g.name, t.units, t.origin.row, keys);
    else refOf.set(t, checkDuplicatesAgainst(g.name, t.units, t.origin.row, keys, refIndex));
    if (t.units.length === 0) {
      throw new ChitieuError("no-units", `Sheet '${g.name}': found the header but no unit rows under it. Check that the unit names are in column ${letter(t, t.unitColumn)}.`, {
        sheet: g.name,
      });
    }
    // One by one: a sheet of 100,000 units may have more warnings than a call takes arguments.
    for (const w of t.warnings) warnings.push(w);
    tables.push({ role, table: t });
  };
  add("targets", input.targets);
  add("actuals", input.actuals);
  add("base", input.base);
  add("previous", input.previous ?? null);

  // Step 3b: what each column measures.
  const models = new Map<SheetRole, SheetModel>();
  for (const { role, table } of tables) models.set(role, modelSheet(role, table, overrides, warnings));
  const actuals = models.get("actuals")!;
  const targets = models.get("targets") ?? null;
  const base = models.get("base") ?? null;
  const previous = models.get("previous") ?? null;

  // Goals are checked before anything is computed: a goal names an indicator and needs a base.
  const goalPlans = planGoals(options.goals ?? [], actuals, base);

  // Step 3a: match units. The reference list is the targets sheet's (else the actuals').
  const ref = targets ?? actuals;
  const refNames = ref.table.units.map((u) => u.name);
  const unmatched: UnmatchedUnit[] = [];
  const alignTo = (other: SheetModel): (number | null)[] => {
    const m = matchUnits(
      refNames,
      other.table.units.map((u) => u.name),
      unitKeys.get(ref.table),
      unitKeys.get(other.table),
      refOf.get(other.table),
    );
    const idx: (number | null)[] = refNames.map(() => null);
    for (const p of m.pairs) idx[p.left] = p.right;
    for (const j of m.rightOnly) unmatched.push({ sheet: other.table.sheet, unit: other.table.units[j]!.name, missingFrom: [ref.table.sheet] });
    for (const a of m.ambiguous) {
      warnings.push(
        `Unit "${a}" could be more than one unit between sheets '${ref.table.sheet}' and '${other.table.sheet}': write its prefix (Huyện, Thị xã, Thành phố …) in both.`,
      );
    }
    return idx;
  };
  const actualIdx = ref === actuals ? refNames.map((_, i) => i) : alignTo(actuals);
  const baseIdx = base ? alignTo(base) : null;
  const prevIdx = previous ? alignTo(previous) : null;
  // A reference unit must be in the actuals to have results.
  const inResults: number[] = [];
  refNames.forEach((name, i) => {
    if (actualIdx[i] === null) unmatched.push({ sheet: ref.table.sheet, unit: name, missingFrom: [actuals.table.sheet] });
    else inResults.push(i);
  });
  if (baseIdx && base) {
    for (const i of inResults) {
      if (baseIdx[i] === null) unmatched.push({ sheet: ref.table.sheet, unit: refNames[i]!, missingFrom: [base.table.sheet] });
    }
  }
  // A unit missing from last year's sheet keeps its results, without growth.
  if (prevIdx && previous) {
    for (const i of inResults) {
      if (prevIdx[i] === null) unmatched.push({ sheet: ref.table.sheet, unit: refNames[i]!, missingFrom: [previous.table.sheet] });
    }
  }
  const alignment = new Map<SheetRole, readonly (number | null)[]>([
    [ref.role, refNames.map((_, i) => i)],
    ["actuals", actualIdx],
  ]);
  if (baseIdx) alignment.set("base", baseIdx);
  if (prevIdx) alignment.set("previous", prevIdx);
  const sheetsInOrder = [ref, actuals, base, previous].filter((m, i, all): m is SheetModel => m !== null && all.indexOf(m) === i);

  // Unit categories (for goals by category) and groups, from any input sheet.
  const categoryColumn = findCategoryColumn(sheetsInOrder, options.category ?? null);
  const unitCategory = categoryColumn ? perRefUnit(categoryColumn, alignment, refNames.length) : refNames.map(() => null);
  const categories: CategoryInfo | null = categoryColumn
    ? {
        sheet: categoryColumn.model.table.sheet,
        column: letter(categoryColumn.model.table, categoryColumn.col.col),
        header: categoryColumn.col.header,
        values: distinctTexts(inResults.map((i) => unitCategory[i]!)),
      }
    : null;
  checkCategoryGoals(goalPlans, categories, sheetsInOrder);
  const { unitGroup, grouping } = groupUnits(sheetsInOrder, ref, options.groupBy ?? null, alignment, refNames.length, inResults);

  const value = (col: DetectedColumn, idx: number | null) => (idx === null ? null : (col.values[idx] ?? null));
  const src = (m: SheetModel, col: DetectedColumn, derivedFrom?: readonly DetectedColumn[]): ColumnSource => ({
    sheet: m.table.sheet,
    column: columnLetters(m.table, derivedFrom ?? [col]),
    header: col.header,
  });
  const srcOf = (m: SheetModel, x: IndicatorColumn) => src(m, x.column, x.derivedFrom);
  const warnZero = (m: SheetModel, col: DetectedColumn, idx: number | null, unit: string, what: string) => {
    if (idx === null) return;
    if (col.values[idx] === 0) {
      warnings.push(`${unitCell(m.table, idx, col.col)}: the ${what} of ${unit} is 0, so it has no rate.`);
    }
  };

  // Last year's figure per reference unit, once per indicator (a zero is warned about once).
  const previousByKey = new Map<string, (number | null)[] | null>();
  const previousOf = (key: string, name: string): (number | null)[] | null => {
    if (!previous || !prevIdx) return null;
    const cached = previousByKey.get(key);
    if (cached !== undefined) return cached;
    const p = previous.indicators.get(key);
    if (!p) {
      warnings.push(`Sheet '${previous.table.sheet}' (same period last year) has no column for ${name}, so ${name} has no growth.`);
      previousByKey.set(key, null);
      return null;
    }
    const values = refNames.map((unit, i) => {
      const j = prevIdx[i] ?? null;
      const v = value(p.column, j);
      // In the results (inResults) exactly when it is in the actuals: a lookup, not a search.
      if (v === 0 && j !== null && actualIdx[i] !== null) {
        warnings.push(`${unitCell(previous.table, j, p.column.col)}: last year's ${name} of ${unit} is 0, so it has no growth.`);
      }
      return v;
    });
    previousByKey.set(key, values);
    return values;
  };
  const previousSource = (key: string): ColumnSource | null => {
    const p = previous?.indicators.get(key);
    return previous && p ? srcOf(previous, p) : null;
  };
  const groupOrder = grouping?.groups ?? [];
  // The summary's units (in the results), and per unit its category and group.
  const summaryUnits = inResults.map((i) => refNames[i]!);
  const shared: SharedColumns = {
    names: summaryUnits,
    categoryOf: categoryColumn ? inResults.map((i) => unitCategory[i]!) : null,
    groupOf: grouping ? inResults.map((i) => unitGroup[i]!) : null,
  };

  // A unit's own goal from a goal column of the targets or base sheet, if any.
  // The sheets with goal columns (usually none: then no unit has a goal of its own).
  const goalSheets = [targets, base].filter((m): m is SheetModel => m !== null && m.goalColumns.size > 0);
  const ownGoal = (key: string, i: number, unit: string): ExactRate | null => {
    for (const m of goalSheets) {
      const g = m?.goalColumns.get(key);
      const idx = m ? alignment.get(m.role)?.[i] : undefined;
      if (!m || !g || idx === undefined || idx === null) continue;
      const v = g.column.values[idx] ?? null;
      if (v === null) continue;
      const rate = rateFromCell(v, g.percentScale);
      if (!rate) {
        warnings.push(`${unitCell(m.table, idx, g.column.col)}: ${v} is not a goal rate for ${unit} (write 90%, 0,9 or 90); it is not used.`);
        continue;
      }
      return rate;
    }
    return null;
  };

  // Steps 4–5: compute and rank, attainment first (in the targets' column order), then coverage.
  const results: IndicatorResult[] = [];
  // Columns the results of one indicator share rather than copy (they are never written to once
  // made): the rows of every unit in the results, and its actuals and last year's figures over
  // those rows.
  const everyUnit = Int32Array.from(inResults, (_i, k) => k);
  const actualOver = new Map<string, Float64Array>();
  const previousOver = new Map<string, Float64Array>();
  const columnOver = (cache: Map<string, Float64Array>, key: string, values: (k: number) => number): Float64Array => {
    let col = cache.get(key);
    if (!col) {
      col = new Float64Array(inResults.length);
      for (let k = 0; k < col.length; k++) col[k] = values(k);
      cache.set(key, col);
    }
    return col;
  };
  const actualsOver = (key: string, a: IndicatorColumn) => columnOver(actualOver, key, (k) => cell(value(a.column, actualIdx[inResults[k]!]!)));
  const previousesOver = (key: string, prev: readonly (number | null)[]) => columnOver(previousOver, key, (k) => cell(prev[inResults[k]!]));
  if (targets) {
    for (const [key, t] of targets.indicators) {
      const a = actuals.indicators.get(key);
      if (!a) continue;
      const prev = previousOf(key, t.id.vi);
      const zeroWhat = `target for ${t.id.vi}`;
      const n = inResults.length;
      const rows: ResultRows = {
        unit: everyUnit,
        actual: actualsOver(key, a),
        denominator: new Float64Array(n),
        previous: prev ? previousesOver(key, prev) : null,
        goal: null,
        goalFrom: null,
      };
      for (let k = 0; k < n; k++) {
        const i = inResults[k]!;
        warnZero(targets, t.column, i, refNames[i]!, zeroWhat);
        rows.denominator[k] = cell(value(t.column, i));
      }
      results.push(
        finish(t.id, "attainment", "target", { actual: srcOf(actuals, a), denominator: srcOf(targets, t), previous: previousSource(key) }, rows, shared, opts, warnings, {
          hasPrevious: prev !== null,
          areaGoal: null,
          groupOrder,
        }),
      );
    }
  }
  const covered = new Set<string>();
  if (base && baseIdx) {
    for (const [key, a] of actuals.indicators) {
      if (!a.id.base) continue;
      const b = base.bases.get(a.id.base);
      if (!b) continue;
      covered.add(key);
      const prev = previousOf(key, a.id.vi);
      const plan = goalPlans.get(key);
      // The result's rows: the units in the results that are in the base sheet too.
      const withBase: number[] = [];
      inResults.forEach((i, k) => {
        if (baseIdx[i] !== null) withBase.push(k);
      });
      const n = withBase.length;
      // Every unit in the base sheet too (the usual case): the rows, actuals and last year's
      // figures are those of the attainment results.
      const all = n === inResults.length;
      const goalsPossible = !!plan || goalSheets.length > 0;
      const goals: (ExactRate | null)[] = goalsPossible ? new Array(n) : [];
      const goalFrom: UnitResult["goalFrom"][] = goalsPossible ? new Array(n) : [];
      let anyGoal = false;
      const rows: ResultRows = {
        unit: all ? everyUnit : Int32Array.from(withBase),
        actual: all ? actualsOver(key, a) : new Float64Array(n),
        denominator: new Float64Array(n),
        previous: prev ? (all ? previousesOver(key, prev) : new Float64Array(n)) : null,
        goal: goals,
        goalFrom,
      };
      for (let r = 0; r < n; r++) {
        const i = inResults[withBase[r]!]!;
        warnZero(base, b, baseIdx[i]!, refNames[i]!, a.id.base === "population" ? "population" : "labour force");
        const cat = unitCategory[i]!;
        // No goal given and no goal column: nothing to resolve (the common case).
        const { goal, from } =
          !plan && goalSheets.length === 0
            ? NO_GOAL
            : resolveGoal(ownGoal(key, i, refNames[i]!), plan && cat !== null ? (plan.byCategory.get(categoryKey(cat)) ?? null) : null, plan?.area ?? null);
        if (!all) {
          rows.actual[r] = cell(value(a.column, actualIdx[i]!));
          if (rows.previous) rows.previous[r] = cell(prev![i]);
        }
        rows.denominator[r] = cell(value(b, baseIdx[i]!));
        if (goalsPossible) {
          goals[r] = goal;
          goalFrom[r] = from;
          if (goal) anyGoal = true;
        }
      }
      results.push(
        finish(
          a.id,
          "coverage",
          a.id.base,
          { actual: srcOf(actuals, a), denominator: src(base, b), previous: previousSource(key) },
          anyGoal ? rows : { ...rows, goal: null, goalFrom: null },
          shared,
          opts,
          warnings,
          { hasPrevious: prev !== null, areaGoal: plan?.area ?? null, groupOrder },
        ),
      );
    }
  }
  for (const [key, plan] of goalPlans) {
    if (covered.has(key)) continue;
    const kind = plan.id.base === "population" ? "population" : plan.id.base === "labourForce" ? "labour-force" : null;
    throw new ChitieuError(
      "no-indicators",
      kind
        ? `The goal "${plan.spec}" is a share of the ${kind === "population" ? "population" : "labour force"}, but sheet '${base!.table.sheet}' has no ${kind} column (e.g. "${kind === "population" ? "Dân số" : "Lực lượng lao động"}"). Add that column, or remove the goal.`
        : `The goal "${plan.spec}" is a coverage rate, but ${plan.id.vi} has no coverage base (population or labour force). Goals apply to BHXH, BHXH bắt buộc, BHXH tự nguyện, BHTN and BHYT.`,
      { sheet: base!.table.sheet },
    );
  }
  for (const m of [targets, base]) {
    for (const [key, g] of m?.goalColumns ?? []) {
      if (!covered.has(key))
        warnings.push(
          `'${m!.table.sheet}'!${letter(m!.table, g.column.col)}: "${g.column.header}" looks like a goal for ${g.id.vi}, but there is no coverage result for it; it is not used.`,
        );
    }
  }

  if (results.length === 0) {
    const list = [...models.values()]
      .map((m) => {
        // Headers over cells that hold no numbers (all text, errors or blanks) are listed too: the
        // user sees the column was found and that its cells are the problem.
        const textOnly = m.table.textColumns.filter((t) => !m.table.columns.some((c) => c.col === t.col)).map((t) => `"${t.header}" (no numbers in its cells)`);
        return `'${m.table.sheet}': ${[...m.table.columns.map((c) => `"${c.header}"`), ...textOnly].join(", ") || "no number columns"}`;
      })
      .join("; ");
    throw new ChitieuError(
      "no-indicators",
      `No indicator is in both the actuals and the ${targets ? "targets" : "base"} sheet. Headers found — ${list}. Name the columns alike (e.g. "BHXH tự nguyện" in both) or map them.`,
    );
  }

  return {
    sheets: { targets: targets?.table.sheet ?? null, actuals: actuals.table.sheet, base: base?.table.sheet ?? null, previous: previous?.table.sheet ?? null },
    average: opts.average,
    rank: opts.rank,
    units: summaryUnits,
    results,
    unmatched,
    warnings,
    detection: [...models.values()].map(detectionOf),
    totalLabel: ref.table.totalRow?.label ?? null,
    titles: [ref, ...[...models.values()].filter((m) => m !== ref)].map((m) => ({ role: m.role, sheet: m.table.sheet, lines: m.table.titles })),
    categories,
    grouping,
    goals: [...(options.goals ?? [])],
  };
}

/** The goals for one indicator: area-wide and per category (by category key). */
interface GoalPlan {
  readonly id: IndicatorIdentity;
  /** The first goal's text, for messages. */
  readonly spec: string;
  area: ExactRate | null;
  readonly byCategory: Map<string, ExactRate>;
  /** Category texts as the user wrote them, by key. */
  readonly categoryText: Map<string, string>;
}

/** Check the goals against the workbook and group them by indicator key. */
function planGoals(goals: readonly GoalSetting[], actuals: SheetModel, base: SheetModel | null): Map<string, GoalPlan> {
  const plans = new Map<string, GoalPlan>();
  if (goals.length === 0) return plans;
  if (!base) {
    throw new ChitieuError(
      "missing-sheet",
      `The goal "${goalSpecText(goals[0]!)}" is a share of the population or the labour force, but there is no base sheet (Dân số / Lao động). Add one, or choose it with --base <sheet>.`,
    );
  }
  const found = [...actuals.indicators.values()].map((x) => x.id.vi);
  for (const g of goals) {
    const spec = goalSpecText(g);
    const id = identityFromName(g.indicator);
    if (!id || !actuals.indicators.has(id.key)) {
      throw new ChitieuError(
        "no-indicators",
        `The goal "${spec}" is for "${g.indicator}", which sheet '${actuals.table.sheet}' does not have. Indicators found: ${found.join(", ") || "none"}. Name one of these ("BHXH" is total social insurance).`,
        { sheet: actuals.table.sheet },
      );
    }
    const rate = parseRate(g.rate);
    if (!rate) throw new ChitieuError("bad-option", `The goal "${spec}": "${g.rate}" is not a rate. Write it as 93%, 93 or 0.93.`);
    let plan = plans.get(id.key);
    if (!plan) {
      plan = { id: actuals.indicators.get(id.key)!.id, spec, area: null, byCategory: new Map(), categoryText: new Map() };
      plans.set(id.key, plan);
    }
    if (g.category === null) {
      if (plan.area) throw new ChitieuError("bad-option", `Two area-wide goals for ${plan.id.vi} ("${spec}" and an earlier one): keep one.`);
      plan.area = rate;
    } else {
      const k = categoryKey(g.category);
      if (plan.byCategory.has(k)) throw new ChitieuError("bad-option", `Two goals for ${plan.id.vi} in category "${g.category}": keep one.`);
      plan.byCategory.set(k, rate);
      plan.categoryText.set(k, g.category);
    }
  }
  return plans;
}

type TextColumn = DetectedTable["textColumns"][number];
interface FoundColumn {
  readonly model: SheetModel;
  readonly col: TextColumn;
}

function findTextColumn(sheets: readonly SheetModel[], accept: (header: string) => boolean): FoundColumn | null {
  for (const model of sheets) {
    const col = model.table.textColumns.find((c) => accept(c.header));
    if (col) return { model, col };
  }
  return null;
}

function textColumnList(sheets: readonly SheetModel[]): string {
  const all = sheets.flatMap((m) => m.table.textColumns.map((c) => `'${m.table.sheet}'!${letter(m.table, c.col)} "${c.header}"`));
  return all.length > 0 ? all.join(", ") : "none";
}

function findCategoryColumn(sheets: readonly SheetModel[], named: string | null): FoundColumn | null {
  if (named === null || cleanText(named) === "") return findTextColumn(sheets, isCategoryHeader);
  const f = findTextColumn(sheets, (h) => sameHeader(h, named));
  if (!f) {
    throw new ChitieuError(
      "bad-option",
      `No text column headed "${named}" (given as the unit category) in sheets ${sheets.map((m) => `'${m.table.sheet}'`).join(", ")}. Text columns found: ${textColumnList(sheets)}.`,
    );
  }
  return f;
}

/** A text column's value for each reference unit, through the unit matching. */
function perRefUnit(f: FoundColumn, alignment: ReadonlyMap<SheetRole, readonly (number | null)[]>, n: number): (string | null)[] {
  const idx = alignment.get(f.model.role);
  return Array.from({ length: n }, (_, i) => {
    const j = idx?.[i] ?? null;
    return j === null ? null : (f.col.values[j] ?? null);
  });
}

/** Distinct texts (compared as categories are), first spelling kept, in order. */
function distinctTexts(values: readonly (string | null)[]): string[] {
  const seen = new Map<string, string>();
  for (const v of values) if (v !== null && !seen.has(categoryKey(v))) seen.set(categoryKey(v), cleanText(v));
  return [...seen.values()];
}

function checkCategoryGoals(plans: ReadonlyMap<string, GoalPlan>, categories: CategoryInfo | null, sheets: readonly SheetModel[]): void {
  for (const plan of plans.values()) {
    for (const [k, text] of plan.categoryText) {
      if (!categories) {
        throw new ChitieuError(
          "bad-option",
          `The goal for ${plan.id.vi} in category "${text}" needs a column of unit categories (headed Loại xã, Phân loại, Nhóm or Category); none was found in sheets ${sheets.map((m) => `'${m.table.sheet}'`).join(", ")}. Text columns found: ${textColumnList(sheets)}. Name the column with --category <header>.`,
        );
      }
      if (!categories.values.some((v) => categoryKey(v) === k)) {
        throw new ChitieuError(
          "bad-option",
          `The goal for ${plan.id.vi} is for category "${text}", but column ${categories.column} ("${categories.header}") of sheet '${categories.sheet}' has only: ${categories.values.map((v) => `"${v}"`).join(", ") || "no values"}. Use one of these.`,
          { sheet: categories.sheet },
        );
      }
    }
  }
}

/**
 * Each reference unit's group: from the column the user named; else the reference sheet's group
 * rows; else a parent column (Huyện, Quận, Đơn vị cấp trên); else another sheet's group rows.
 */
function groupUnits(
  sheets: readonly SheetModel[],
  ref: SheetModel,
  named: string | null,
  alignment: ReadonlyMap<SheetRole, readonly (number | null)[]>,
  n: number,
  inResults: readonly number[],
): { unitGroup: (string | null)[]; grouping: GroupingInfo | null } {
  const fromColumn = (f: FoundColumn) => {
    const unitGroup = perRefUnit(f, alignment, n).map((v) => (v === null ? null : cleanText(v)));
    const groups = distinctTexts(inResults.map((i) => unitGroup[i]!));
    // One spelling per group, whatever the case or Unicode form of each cell.
    const canonical = new Map(groups.map((g) => [categoryKey(g), g]));
    const grouping: GroupingInfo = { source: "column", sheet: f.model.table.sheet, header: f.col.header, groups };
    return { unitGroup: unitGroup.map((v) => (v === null ? null : (canonical.get(categoryKey(v)) ?? v))), grouping };
  };
  const fromRows = (m: SheetModel) => {
    const idx = alignment.get(m.role);
    const unitGroup = Array.from({ length: n }, (_, i) => {
      const j = idx?.[i] ?? null;
      return j === null ? null : m.table.units[j]!.group;
    });
    const present = new Set(inResults.map((i) => unitGroup[i]));
    const grouping: GroupingInfo = { source: "rows", sheet: m.table.sheet, header: null, groups: [...new Set(m.table.groups.map((g) => g.label))].filter((g) => present.has(g)) };
    return { unitGroup, grouping };
  };
  if (named !== null && cleanText(named) !== "") {
    const f = findTextColumn(sheets, (h) => sameHeader(h, named));
    if (!f) {
      throw new ChitieuError(
        "bad-option",
        `No text column headed "${named}" (given to group the units by) in sheets ${sheets.map((m) => `'${m.table.sheet}'`).join(", ")}. Text columns found: ${textColumnList(sheets)}.`,
      );
    }
    return fromColumn(f);
  }
  const hasGroupRows = (m: SheetModel) => m.table.groups.some((g) => g.unitIndices.length > 0);
  if (hasGroupRows(ref)) return fromRows(ref);
  const parent = findTextColumn(sheets, isParentHeader);
  if (parent) return fromColumn(parent);
  const other = sheets.find(hasGroupRows);
  if (other) return fromRows(other);
  return { unitGroup: Array.from({ length: n }, () => null), grouping: null };
}
