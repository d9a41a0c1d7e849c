/**
 * Compute and rank, for every indicator: attainment (actuals over the targets, in the targets' column
 * order), then coverage (actuals over the base). Each loop gathers one indicator's figures per unit
 * into columns (`ResultRows`) and hands them to `finish`; the actuals and last year's figures are
 * gathered once per indicator and shared by its results.
 */
import { AlignedUnits } from "./alignUnits";
import { ResultRows, SharedColumns, resultFromRows } from "./computeResult";
import { DetectedColumn } from "./detect";
import { ExactRate, categoryKey, resolveGoal } from "./goals";
import { GoalPlan, OwnGoal, goalPlanKey } from "./goalPlans";
import { ColumnSource, IndicatorResult, SummaryOptions, UnitResult, nullToNaN } from "./results";
import { IndicatorColumn, SheetModel, indicatorSource, sourceOf, unitAddress, valueAt } from "./sheetModel";
import { said, type Message } from "./messages";
import { readPeriodOf } from "./periods";
import { periodSpanText } from "./i18n";
import type { DenominatorKind, IndicatorName } from "./messages/sheets";

/** What the per-indicator loops read: the sheets, the matched units, the goals, and what every result shares. */
export interface ResultInputs {
  readonly targets: SheetModel | null;
  readonly actuals: SheetModel;
  readonly base: SheetModel | null;
  readonly previous: SheetModel | null;
  readonly aligned: AlignedUnits;
  /** Per reference unit, its category text (null: none). */
  readonly unitCategory: readonly (string | null)[];
  readonly shared: SharedColumns;
  readonly groupOrder: readonly string[];
  /** The goals by indicator and measure (goalPlans.ts `goalPlanKey`). */
  readonly goalPlans: ReadonlyMap<string, GoalPlan>;
  /** The sheets with goal columns (usually none: then no unit has a goal of its own). */
  readonly goalSheets: readonly SheetModel[];
  readonly ownGoal: OwnGoal;
  readonly options: Required<Pick<SummaryOptions, "average" | "rank">>;
  readonly warnings: Message[];
}

const NO_GOAL = { goal: null, from: null } as const;

function warnZero(
  warnings: Message[],
  m: SheetModel,
  col: DetectedColumn,
  idx: number | null,
  unit: string,
  kind: DenominatorKind,
  indicator: IndicatorName,
): void {
  if (idx === null) return;
  if (col.values[idx] === 0) {
    warnings.push(said("zero-denominator", { unit, kind, indicator }, { sheet: m.table.sheet, cell: unitAddress(m.table, idx, col) }));
  }
}

/** The figures an indicator's results share, each gathered once. */
interface SharedFigures {
  /** The rows of every unit in the results. */
  readonly everyUnit: Int32Array;
  /** An indicator's actuals over those rows. */
  readonly actualsOver: (key: string, a: IndicatorColumn) => Float64Array;
  /** An indicator's last year's figures (per reference unit, from previousOf) over those rows. */
  readonly previousesOver: (key: string, prev: readonly (number | null)[]) => Float64Array;
  /** Last year's figure per reference unit; null without a previous sheet or its column (warned about once). */
  readonly previousOf: (key: string, indicator: IndicatorName) => (number | null)[] | null;
  readonly previousSource: (key: string) => ColumnSource | null;
}

function sharedFigures(inp: ResultInputs): SharedFigures {
  const { previous, warnings } = inp;
  const { refNames, actualIdx, prevIdx, inResults } = inp.aligned;
  // Last year's figure per reference unit, once per indicator (a zero is warned about once).
  const previousByKey = new Map<string, (number | null)[] | null>();
  const previousOf = (key: string, indicator: IndicatorName): (number | null)[] | null => {
    if (!previous || !prevIdx) return null;
    const cached = previousByKey.get(key);
    if (cached !== undefined) return cached;
    const p = previous.indicators.get(key);
    if (!p) {
      warnings.push(said("previous-indicator-missing", { indicator }, { sheet: previous.table.sheet }, "map"));
      previousByKey.set(key, null);
      return null;
    }
    const values = refNames.map((unit, i) => {
      const j = prevIdx[i] ?? null;
      const v = valueAt(p.column, j);
      // In the results (inResults) exactly when it is in the actuals: a lookup, not a search.
      if (v === 0 && j !== null && actualIdx[i] !== null) {
        warnings.push(said("previous-zero", { unit, indicator }, { sheet: previous.table.sheet, cell: unitAddress(previous.table, j, p.column) }));
      }
      return v;
    });
    previousByKey.set(key, values);
    return values;
  };
  const previousSource = (key: string): ColumnSource | null => {
    const p = previous?.indicators.get(key);
    return previous && p ? indicatorSource(previous, p) : null;
  };
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
  const actualsOver = (key: string, a: IndicatorColumn) => columnOver(actualOver, key, (k) => nullToNaN(valueAt(a.column, actualIdx[inResults[k]!]!)));
  const previousesOver = (key: string, prev: readonly (number | null)[]) => columnOver(previousOver, key, (k) => nullToNaN(prev[inResults[k]!]));
  return { everyUnit, actualsOver, previousesOver, previousOf, previousSource };
}

/**
 * Attainment: each indicator of the targets sheet that the actuals have, in the targets' column
 * order. Its goals are the ones given against plan (area-wide or by category); a goal column of a
 * sheet is a coverage goal and never applies here.
 */
function attainmentResults(inp: ResultInputs, fig: SharedFigures, results: IndicatorResult[]): void {
  const { targets, actuals } = inp;
  if (!targets) return;
  // An indicator's plan columns for other periods (issue 19) follow its first, each a result of its own.
  const others = targets.otherPeriodPlans ?? [];
  for (const [key, t] of targets.indicators) {
    const a = actuals.indicators.get(key);
    if (!a) continue;
    const mine = others.filter((o) => o.id.key === key);
    if (mine.length === 0) {
      attainmentResult(inp, fig, results, key, t, a, {});
      continue;
    }
    // The first keeps the indicator's keys (its sheet, its pane card); each names its period.
    attainmentResult(inp, fig, results, key, t, a, { planPeriod: periodName(t) });
    for (const o of mine) attainmentResult(inp, fig, results, key, o, a, { variant: periodVariant(o), planPeriod: periodName(o) });
  }
}

/** "2024-01-01/2024-06-30": the period a second plan column names (sheetModel.ts otherPeriodPlans). */
function periodVariant(c: IndicatorColumn): string {
  const p = readPeriodOf(c.column.parts).period;
  return p ? `${p.start}/${p.end}` : `column-${c.column.col}`;
}

/** "đợt 1" / "phase 1", "năm 2024" / "2024"; the days when the header names them only ("01/01–30/06/2024"). */
function periodName(c: IndicatorColumn): { vi: string; en: string } {
  const p = readPeriodOf(c.column.parts).period;
  if (!p) return { vi: "", en: "" };
  const days = periodSpanText(p.start, p.end);
  return { vi: p.label || days, en: p.labelEn || days };
}

function attainmentResult(
  inp: ResultInputs,
  fig: SharedFigures,
  results: IndicatorResult[],
  key: string,
  t: IndicatorColumn,
  a: IndicatorColumn,
  plans: { readonly variant?: string; readonly planPeriod?: { vi: string; en: string } },
): void {
  const { actuals, shared, options: opts, warnings, groupOrder, goalPlans, unitCategory } = inp;
  const targets = inp.targets!;
  const { refNames, inResults } = inp.aligned;
  const name = { vi: t.id.vi, en: t.id.en };
  const prev = fig.previousOf(key, name);
  const plan = goalPlans.get(goalPlanKey(key, "attainment")) ?? null;
  const n = inResults.length;
  const goals: (ExactRate | null)[] | null = plan ? new Array(n) : null;
  const goalFrom: UnitResult["goalFrom"][] | null = plan ? new Array(n) : null;
  let anyGoal = false;
  const rows: ResultRows = {
    unit: fig.everyUnit,
    actual: fig.actualsOver(key, a),
    denominator: new Float64Array(n),
    previous: prev ? fig.previousesOver(key, prev) : null,
    goal: goals,
    goalFrom,
  };
  for (let k = 0; k < n; k++) {
    const i = inResults[k]!;
    warnZero(warnings, targets, t.column, i, refNames[i]!, "target", name);
    rows.denominator[k] = nullToNaN(valueAt(t.column, i));
    if (plan) {
      const cat = unitCategory[i]!;
      const { goal, from } = resolveGoal(null, cat !== null ? (plan.byCategory.get(categoryKey(cat)) ?? null) : null, plan.area);
      goals![k] = goal;
      goalFrom![k] = from;
      if (goal) anyGoal = true;
    }
  }
  results.push(
    resultFromRows(
      t.id,
      "attainment",
      "target",
      { actual: indicatorSource(actuals, a), denominator: indicatorSource(targets, t), previous: fig.previousSource(key) },
      anyGoal ? rows : { ...rows, goal: null, goalFrom: null },
      shared,
      opts,
      warnings,
      {
        hasPrevious: prev !== null,
        areaGoal: plan?.area ?? null,
        groupOrder,
        ...plans,
      },
    ),
  );
}

/** Coverage: each indicator of the actuals with a base the base sheet has. Returns the keys of the indicators covered. */
function coverageResults(inp: ResultInputs, fig: SharedFigures, results: IndicatorResult[]): Set<string> {
  const { actuals, base, shared, options: opts, warnings, groupOrder, goalPlans, goalSheets, ownGoal, unitCategory } = inp;
  const { refNames, actualIdx, baseIdx, inResults } = inp.aligned;
  const covered = new Set<string>();
  if (base && baseIdx) {
    for (const [key, a] of actuals.indicators) {
      if (!a.id.base) continue;
      const b = base.bases.get(a.id.base);
      if (!b) continue;
      covered.add(key);
      const name = { vi: a.id.vi, en: a.id.en };
      const prev = fig.previousOf(key, name);
      const plan = goalPlans.get(goalPlanKey(key, "coverage"));
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
        unit: all ? fig.everyUnit : Int32Array.from(withBase),
        actual: all ? fig.actualsOver(key, a) : new Float64Array(n),
        denominator: new Float64Array(n),
        previous: prev ? (all ? fig.previousesOver(key, prev) : new Float64Array(n)) : null,
        goal: goals,
        goalFrom,
      };
      for (let r = 0; r < n; r++) {
        const i = inResults[withBase[r]!]!;
        warnZero(warnings, base, b, baseIdx[i]!, refNames[i]!, a.id.base, name);
        const cat = unitCategory[i]!;
        // No goal given and no goal column: nothing to resolve (the common case).
        const { goal, from } =
          !plan && goalSheets.length === 0
            ? NO_GOAL
            : resolveGoal(ownGoal(key, i, refNames[i]!), plan && cat !== null ? (plan.byCategory.get(categoryKey(cat)) ?? null) : null, plan?.area ?? null);
        if (!all) {
          rows.actual[r] = nullToNaN(valueAt(a.column, actualIdx[i]!));
          if (rows.previous) rows.previous[r] = nullToNaN(prev![i]);
        }
        rows.denominator[r] = nullToNaN(valueAt(b, baseIdx[i]!));
        if (goalsPossible) {
          goals[r] = goal;
          goalFrom[r] = from;
          if (goal) anyGoal = true;
        }
      }
      results.push(
        resultFromRows(
          a.id,
          "coverage",
          a.id.base,
          { actual: indicatorSource(actuals, a), denominator: sourceOf(base, b), previous: fig.previousSource(key) },
          anyGoal ? rows : { ...rows, goal: null, goalFrom: null },
          shared,
          opts,
          warnings,
          { hasPrevious: prev !== null, areaGoal: plan?.area ?? null, groupOrder },
        ),
      );
    }
  }
  return covered;
}

/** Every result, attainment first (in the targets' column order), then coverage; and the indicator keys with a coverage result. */
export function indicatorResults(inp: ResultInputs): { results: IndicatorResult[]; covered: Set<string> } {
  const fig = sharedFigures(inp);
  const results: IndicatorResult[] = [];
  attainmentResults(inp, fig, results);
  const covered = coverageResults(inp, fig, results);
  return { results, covered };
}
