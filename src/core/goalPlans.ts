/**
 * Coverage goals against the workbook: the goals given (area-wide or per unit category) checked
 * and grouped by indicator before anything is computed, a unit's own goal from a goal column of
 * the targets or base sheet, and what is left unused once the results are made.
 */
import { ChitieuError } from "./errors";
import { ExactRate, GoalSetting, categoryKey, goalSpecText, parseRate, rateFromCell } from "./goals";
import { IndicatorIdentity, identityFromName } from "./indicators";
import { Alignment } from "./alignUnits";
import { CategoryInfo } from "./results";
import { SheetModel, letter, unitCell } from "./sheetModel";
import { textColumnList } from "./unitColumns";
import type { Said } from "./messages";

/** The goals for one indicator: area-wide and per category (by category key). */
export interface GoalPlan {
  readonly id: IndicatorIdentity;
  /** The first goal's text, for messages. */
  readonly spec: string;
  area: ExactRate | null;
  readonly byCategory: Map<string, ExactRate>;
  /** Category texts as the user wrote them, by key. */
  readonly categoryText: Map<string, string>;
}

/** Check the goals against the workbook and group them by indicator key. */
export function planGoals(goals: readonly GoalSetting[], actuals: SheetModel, base: SheetModel | null): Map<string, GoalPlan> {
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

export function checkCategoryGoals(plans: ReadonlyMap<string, GoalPlan>, categories: CategoryInfo | null, sheets: readonly SheetModel[]): void {
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

/** A unit's own goal for an indicator (by key), from a goal column; `i` is the reference unit, `unit` its name for messages. */
export type OwnGoal = (key: string, i: number, unit: string) => ExactRate | null;

/**
 * A unit's own goal from a goal column of the targets or base sheet, if any; `goalSheets` are the
 * sheets with goal columns (usually none: then no unit has a goal of its own). A cell that is no
 * rate is warned about and not used.
 */
export function ownGoalLookup(goalSheets: readonly SheetModel[], alignment: Alignment, warnings: Said[]): OwnGoal {
  return (key, i, unit) => {
    for (const m of goalSheets) {
      const g = m?.goalColumns.get(key);
      const idx = m ? alignment.get(m.role)?.[i] : undefined;
      if (!m || !g || idx === undefined || idx === null) continue;
      const v = g.column.values[idx] ?? null;
      if (v === null) continue;
      const rate = rateFromCell(v, g.percentScale);
      if (!rate) {
        warnings.push(`${unitCell(m.table, idx, g.column)}: ${v} is not a goal rate for ${unit} (write 90%, 0,9 or 90); it is not used.`);
        continue;
      }
      return rate;
    }
    return null;
  };
}

/**
 * After the coverage results (`covered`: their indicator keys): a goal given for an indicator
 * with no coverage result is an error; a goal column with none is warned about.
 */
export function checkGoalsUsed(plans: ReadonlyMap<string, GoalPlan>, covered: ReadonlySet<string>, targets: SheetModel | null, base: SheetModel | null, warnings: Said[]): void {
  for (const [key, plan] of plans) {
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
}
