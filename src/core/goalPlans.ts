/**
 * Goals against the workbook: the goals given (area-wide or per unit category) checked and
 * grouped by indicator and measure before anything is computed — coverage where the indicator has
 * a coverage result, else attainment, unless the goal names its measure —, a unit's own goal from
 * a goal column of the targets or base sheet (always a coverage goal), and what is left unused
 * once the results are made.
 */
import { ChitieuError } from "./errors";
import { ExactRate, GoalMeasure, GoalSetting, categoryKey, isAboveFull, parseRate, rateFromCell } from "./goals";
import { IndicatorIdentity, identityFromName } from "./indicators";
import { Alignment } from "./alignUnits";
import { CategoryInfo } from "./results";
import { SheetModel, letter } from "./sheetModel";
import { cellAddress } from "./grid";
import { said, type Message } from "./messages";
import type { CoverageBaseWord, GoalRef } from "./messages/options";

/** The goals for one indicator and measure: area-wide and per category (by category key). */
export interface GoalPlan {
  readonly id: IndicatorIdentity;
  readonly measure: GoalMeasure;
  /** The first goal as the user gave it (indicator and category), for messages. */
  readonly first: GoalRef;
  area: ExactRate | null;
  readonly byCategory: Map<string, ExactRate>;
  /** Category texts as the user wrote them, by key. */
  readonly categoryText: Map<string, string>;
}

/** The key of an indicator's goals for one measure in the map `planGoals` returns. */
export function goalPlanKey(indicatorKey: string, measure: GoalMeasure): string {
  return `${measure}:${indicatorKey}`;
}

/** The goal as messages name it: its measure only when the user gave one. */
function goalRef(g: GoalSetting): GoalRef {
  return g.measure ? { indicator: g.indicator, category: g.category, measure: g.measure } : { indicator: g.indicator, category: g.category };
}

/**
 * Check the goals against the workbook and group them by indicator and measure (`goalPlanKey`).
 * A goal is for coverage where the indicator has a coverage result (its base in the base sheet),
 * else for attainment where the targets sheet has it, unless it names its measure; a coverage goal
 * is at most 100%, a goal against plan any rate above 0. `warnings` gets a goal for an indicator of
 * a coverage base taken against plan without saying so.
 */
export function planGoals(
  goals: readonly GoalSetting[],
  actuals: SheetModel,
  targets: SheetModel | null,
  base: SheetModel | null,
  warnings: Message[],
): Map<string, GoalPlan> {
  const plans = new Map<string, GoalPlan>();
  if (goals.length === 0) return plans;
  // A goal's own rate first: a typo is named as such whatever else is missing.
  for (const g of goals) {
    if (!parseRate(g.rate)) throw new ChitieuError("bad-option", said("goal-not-a-rate", { ...goalRef(g), rate: g.rate }, undefined, "goal"));
  }
  const found = [...actuals.indicators.values()].map((x) => x.id.vi);
  for (const g of goals) {
    const ref = goalRef(g);
    const id = identityFromName(g.indicator);
    if (!id || !actuals.indicators.has(id.key)) {
      throw new ChitieuError("goal-not-applicable", said("goal-unknown-indicator", { ...ref, found }, { sheet: actuals.table.sheet }, "goal"));
    }
    const rate = parseRate(g.rate)!;
    const ident = actuals.indicators.get(id.key)!.id;
    const baseKind = ident.base;
    const hasCoverage = !!base && !!baseKind && base.bases.has(baseKind);
    const hasAttainment = !!targets && targets.indicators.has(id.key);
    // Revenue, debts, cards … have no coverage: a goal for one is against plan, whatever else is missing.
    const measure: GoalMeasure = g.measure ?? (hasCoverage ? "coverage" : hasAttainment || !baseKind ? "attainment" : "coverage");
    if (measure === "attainment" && !hasAttainment) {
      const where = targets ? { sheet: targets.table.sheet } : undefined;
      throw new ChitieuError(
        "goal-not-applicable",
        said("goal-no-target", { ...ref, targets: targets?.table.sheet ?? null }, where, targets ? "goal" : "targets"),
      );
    }
    if (measure === "coverage" && !hasCoverage) {
      // The base sheet without the indicator's column is said once the results are made (checkGoalsUsed).
      if (!baseKind) throw new ChitieuError("goal-not-applicable", said("goal-not-coverage", ref, base ? { sheet: base.table.sheet } : undefined, "goal"));
      if (!base) throw new ChitieuError("missing-sheet", said("goal-needs-base", { ...ref, rate: rate.value }, undefined, "base"));
    }
    if (measure === "coverage" && isAboveFull(rate) && baseKind) {
      throw new ChitieuError("bad-option", said("goal-above-full-coverage", { ...ref, rate: rate.value, base: baseWord(baseKind) }, undefined, "goal"));
    }
    // An indicator of a coverage base with no coverage result: the goal is read against plan, and
    // the planner is told (a coverage goal typed for a month without the population sheet).
    if (measure === "attainment" && !g.measure && baseKind) {
      warnings.push(said("goal-applied-to-attainment", { ...ref, rate: rate.value, base: baseWord(baseKind) }, undefined, "base"));
    }
    const key = goalPlanKey(id.key, measure);
    let plan = plans.get(key);
    if (!plan) {
      plan = { id: ident, measure, first: ref, area: null, byCategory: new Map(), categoryText: new Map() };
      plans.set(key, plan);
    }
    if (g.category === null) {
      if (plan.area) throw new ChitieuError("bad-option", said("goal-twice", ref, undefined, "goal"));
      plan.area = rate;
    } else {
      const k = categoryKey(g.category);
      if (plan.byCategory.has(k)) throw new ChitieuError("bad-option", said("goal-twice", ref, undefined, "goal"));
      plan.byCategory.set(k, rate);
      plan.categoryText.set(k, g.category);
    }
  }
  return plans;
}

function baseWord(kind: string): CoverageBaseWord {
  return kind === "population" ? "population" : "labourForce";
}

export function checkCategoryGoals(plans: ReadonlyMap<string, GoalPlan>, categories: CategoryInfo | null, sheets: readonly SheetModel[]): void {
  for (const plan of plans.values()) {
    for (const [k, text] of plan.categoryText) {
      const ref: GoalRef = { ...plan.first, category: text };
      if (!categories) {
        const columns = sheets.flatMap((m) => m.table.textColumns.map((c) => ({ sheet: m.table.sheet, column: letter(m.table, c.col), header: c.header })));
        throw new ChitieuError(
          "bad-option",
          said("goal-needs-category-column", { ...ref, sheets: sheets.map((m) => m.table.sheet), columns }, undefined, "category"),
        );
      }
      if (!categories.values.some((v) => categoryKey(v) === k)) {
        throw new ChitieuError(
          "bad-option",
          said(
            "goal-unknown-category",
            { ...ref, header: categories.header, values: categories.values },
            { sheet: categories.sheet, column: categories.column },
            "goal",
          ),
        );
      }
    }
  }
}

/** A unit's own goal for an indicator (by key), from a goal column; `i` is the reference unit, `unit` its name for messages. */
export type OwnGoal = (key: string, i: number, unit: string) => ExactRate | null;

/**
 * A unit's own goal from a goal column of the targets or base sheet, if any; `goalSheets` are the
 * sheets with goal columns (usually none: then no unit has a goal of its own). A cell that is no
 * rate is warned about and not used.
 */
export function ownGoalLookup(goalSheets: readonly SheetModel[], alignment: Alignment, warnings: Message[]): OwnGoal {
  return (key, i, unit) => {
    for (const m of goalSheets) {
      const g = m?.goalColumns.get(key);
      const idx = m ? alignment.get(m.role)?.[i] : undefined;
      if (!m || !g || idx === undefined || idx === null) continue;
      const v = g.column.values[idx] ?? null;
      if (v === null) continue;
      const rate = rateFromCell(v, g.percentScale);
      if (!rate) {
        const row = g.column.rows?.[idx] ?? m.table.unitRows[idx]!.row;
        const cell = cellAddress(row + m.table.origin.row, g.column.col + m.table.origin.col);
        warnings.push(said("goal-cell-not-a-rate", { value: v, unit, indicator: g.id.vi }, { sheet: m.table.sheet, cell }));
        continue;
      }
      return rate;
    }
    return null;
  };
}

/**
 * After the coverage results (`covered`: their indicator keys): a coverage goal for an indicator
 * with no coverage result is an error; a goal column with none is warned about. (A goal against
 * plan always has its result: planGoals checked the targets sheet has the indicator, and every
 * indicator of the targets that the actuals have gets one.)
 */
export function checkGoalsUsed(
  plans: ReadonlyMap<string, GoalPlan>,
  covered: ReadonlySet<string>,
  targets: SheetModel | null,
  base: SheetModel | null,
  warnings: Message[],
): void {
  for (const plan of plans.values()) {
    if (plan.measure !== "coverage" || covered.has(plan.id.key)) continue;
    const where = { sheet: base!.table.sheet };
    throw new ChitieuError(
      "goal-not-applicable",
      plan.id.base
        ? said("goal-without-base-column", { ...plan.first, base: baseWord(plan.id.base) }, where, "goal")
        : said("goal-not-coverage", plan.first, where, "goal"),
    );
  }
  for (const m of [targets, base]) {
    for (const [key, g] of m?.goalColumns ?? []) {
      if (!covered.has(key))
        warnings.push(
          said("goal-column-unused", { header: g.column.header, indicator: g.id.vi }, { sheet: m!.table.sheet, column: letter(m!.table, g.column.col) }),
        );
    }
  }
}
