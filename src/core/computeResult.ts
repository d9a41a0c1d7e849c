/**
 * Compute and rank, for one indicator and measure: from its figures per unit (columns over the result's
 * rows) to its result — rates, Σ/Σ and the average, ranks and rank order, below the average,
 * groups, growth over last year, goals — with the per-unit figures kept as `ResultColumns`.
 */
import { ExactRate, goalGapOf, peopleToGoal } from "./goals";
import { GroupResult, groupResults } from "./groups";
import { growthOf } from "./growth";
import { CoverageBase, IndicatorIdentity } from "./indicators";
import { isBelow, ratio } from "./measures";
import { rankColumn } from "./rank";
import { IndicatorResult, Measure, ResultColumns, SummaryOptions, UnitResult, nullToNaN, nanToNull, resultOver } from "./results";
import { said, type Message } from "./messages";

/** One indicator and measure's figures per unit, before ranking: columns over the result's rows. */
export interface ResultRows {
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
export interface SharedColumns {
  readonly names: readonly string[];
  readonly categoryOf: readonly (string | null)[] | null;
  readonly groupOf: readonly (string | null)[] | null;
}

/** What an indicator's result gets beyond plan vs actual. */
export interface ResultExtras {
  /** The previous sheet has this indicator. */
  readonly hasPrevious: boolean;
  readonly areaGoal: ExactRate | null;
  readonly groupOrder: readonly string[];
  /** A second plan of the indicator for another period (issue 19): `IndicatorResult.variant`. */
  readonly variant?: string;
  /** Its plan's period, where the indicator has plans for several: `IndicatorResult.planPeriod`. */
  readonly planPeriod?: { readonly vi: string; readonly en: string };
}

/** Rank, compare with the average, and order the units of one indicator. */
export function resultFromRows(
  indicator: IndicatorIdentity,
  measure: Measure,
  denominatorKind: "target" | CoverageBase,
  source: IndicatorResult["source"],
  rows: ResultRows,
  shared: SharedColumns,
  options: Required<Pick<SummaryOptions, "average" | "rank">>,
  warnings: Message[],
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
    rates[i] = nullToNaN(q);
    if (q !== null) {
      rateSum += q;
      rated++;
    }
  }
  const overall = counted > 0 ? ratio(sumActual, sumDenominator) : null;
  if (counted > 0 && overall === null) {
    warnings.push(said("denominators-sum-zero", { indicator: { vi: indicator.vi, en: indicator.en }, measure, kind: denominatorKind }));
  }
  // measures.meanOf: the mean of the rates there are (an overflowing sum is no mean).
  const mean = rated === 0 ? null : Number.isFinite(rateSum / rated) ? rateSum / rated : null;
  const average = options.average === "mean" ? mean : overall;
  const { ranks, order } = rankColumn(rates, options.rank);
  const belowAverage = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (isBelow(nanToNull(rates[i]!), average)) belowAverage[i] = 1;
  // Without groups there is nothing to sum or rank by group.
  let groups: GroupResult[] = [];
  let groupRank: Int32Array | null = null;
  if (extras.groupOrder.length > 0 && shared.groupOf) {
    const groupOf = shared.groupOf;
    const grouped = groupResults(
      Array.from(rows.unit, (k, i) => ({
        actual: nanToNull(actual[i]!),
        denominator: nanToNull(denominator[i]!),
        ratio: nanToNull(rates[i]!),
        group: groupOf[k] ?? null,
      })),
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
      const ai = nanToNull(actual[i]!);
      const pi = nanToNull(previous[i]!);
      growth[i] = nullToNaN(growthOf(ai, pi));
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
      const a = nanToNull(actual[i]!);
      const d = nanToNull(denominator[i]!);
      const t = g && a !== null && d !== null ? peopleToGoal(g, d, a) : null;
      goal[i] = g ? g.value : NaN;
      goalGap[i] = nullToNaN(goalGapOf(nanToNull(rates[i]!), g));
      toGoal[i] = nullToNaN(t);
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
  const result = resultOver(
    {
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
      previousTotal: area && area.previous === area.previous ? area.previous : null,
      growth: area ? area.growth : null,
      goal: areaGoal ? areaGoal.value : null,
      goalGap: goalGapOf(overall, areaGoal),
      toGoal: areaGoal && counted > 0 ? peopleToGoal(areaGoal, sumDenominator, sumActual) : null,
      groups,
      ...(extras.variant ? { variant: extras.variant } : {}),
      ...(extras.planPeriod ? { planPeriod: extras.planPeriod } : {}),
    },
    // The units are made when first read: the sheets are described from the columns.
    columns,
  );
  return result;
}
