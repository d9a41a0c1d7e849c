/**
 * The engine, end to end: grids in, results out. Each step is its own module; this one runs
 * them in order — detect → identify columns → match units → compute → rank — and holds what joins
 * them: which column is which indicator or base, goals, categories and groups per unit.
 *
 * The steps: sheetModel.ts (what each column measures), alignUnits.ts (units matched across the
 * sheets), goalPlans.ts (goals checked and looked up), unitColumns.ts (categories and groups per
 * unit), indicatorResults.ts (attainment, then coverage, per indicator) and computeResult.ts
 * (one indicator's result); results.ts holds the types handed out.
 */
import { ChitieuError } from "./errors";
import { SheetGrid, cellAt } from "./grid";
import { DetectedTable, detectTable } from "./detect";
import { SheetRole, periodOf, periodValue } from "./roles";
import { UnitKey, checkDuplicates, checkDuplicatesAgainst, parseUnitName } from "./units";
import { alignUnits } from "./alignUnits";
import { SharedColumns } from "./computeResult";
import { checkCategoryGoals, checkGoalsUsed, ownGoalLookup, planGoals } from "./goalPlans";
import { indicatorResults } from "./indicatorResults";
import { SheetDetection, Summary, SummaryInput, SummaryOptions } from "./results";
import { ColumnReading, FIGURE_OF, SheetModel, checkOverridesUsed, detectionOf, letter, modelSheet, readColumns } from "./sheetModel";
import { categorizeUnits, groupUnits } from "./unitColumns";
import { checkAgainstSheets } from "./sheetChecks";
import { said, saidKey, type Message } from "./messages";
import { ConvertedTable, convertTable, listsOldUnits, readCrosswalk, unitListFit } from "./crosswalk";
import type { CrosswalkUse } from "./results";
import { paceSummary } from "./paceResults";

/** 1 July 2025, as a period value (roles.ts): the two-level local government's first day. */
const MERGER_DAY = 20250701;

/** Turn the input sheets into ranked results. Throws ChitieuError for what the user must fix. */
export function summarize(input: SummaryInput, options: SummaryOptions = {}): Summary {
  const opts = { average: options.average ?? "overall", rank: options.rank ?? "competition" } as const;
  const locale = options.locale ?? "vi";
  const overrides = options.overrides ?? [];
  const warnings: Message[] = [...(options.sheetWarnings ?? [])];

  // Detect tables: each sheet once: one sheet may serve several roles (a one-sheet report).
  interface Input {
    readonly grid: SheetGrid;
    readonly table: DetectedTable;
    readonly serving: SheetRole[];
  }
  const inputs: Input[] = [];
  // Each sheet's unit names parsed once and the keys passed on, to the duplicate check and to
  // matching: parsing is most of matching's cost, and parseUnitName keeps no memo between calls.
  const unitKeys = new Map<DetectedTable, readonly UnitKey[]>();
  const add = (role: SheetRole, g: SheetGrid | null) => {
    if (!g) return;
    const same = inputs.find((x) => x.grid === g || x.grid.name === g.name);
    if (same) {
      same.serving.push(role);
      return;
    }
    const t = detectTable(g, { locale, role });
    const keys = t.unitRows.map((u) => parseUnitName(u.name));
    unitKeys.set(t, keys);
    if (t.unitRows.length === 0) {
      throw new ChitieuError("no-units", said("no-units-under-header", { unitColumn: letter(t, t.unitColumn) }, { sheet: g.name }, role));
    }
    // One by one: a sheet of 100,000 units may have more warnings than a call takes arguments.
    for (const w of t.warnings) warnings.push(w);
    inputs.push({ grid: g, table: t, serving: [role] });
  };
  add("targets", input.targets);
  add("actuals", input.actuals);
  add("base", input.base);
  add("previous", input.previous ?? null);

  // Across the July 2025 merger. A sheet that lists the crosswalk's old units while the
  // actuals list its new ones is summed into the new units before anything else reads it.
  const conversions = new Map<DetectedTable, ConvertedTable>();
  const crosswalk = input.crosswalk ? readCrosswalk(input.crosswalk, locale) : null;
  if (input.crosswalk && !crosswalk) warnings.push(said("crosswalk-not-read", {}, { sheet: input.crosswalk.name }, "crosswalk"));
  if (crosswalk) {
    const said1 = new Set<string>();
    const actualInput0 = inputs.find((x) => x.serving.includes("actuals"))!;
    const refKeys = unitKeys.get(actualInput0.table)!;
    const refNames = actualInput0.table.unitRows.map((u) => u.name);
    const refFit = unitListFit(crosswalk, refKeys, refNames, refNames, refKeys);
    const now = periodOf(actualInput0.grid.name, actualInput0.grid.values);
    inputs.forEach((x, k) => {
      if (x === actualInput0) return;
      const keys = unitKeys.get(x.table)!;
      const fit = unitListFit(
        crosswalk,
        keys,
        x.table.unitRows.map((u) => u.name),
        refNames,
        refKeys,
      );
      const before = periodOf(x.grid.name, x.grid.values);
      const beforeMerger = !!(before && now && periodValue(before) < MERGER_DAY && periodValue(now) >= MERGER_DAY);
      if (!listsOldUnits(fit, refFit, beforeMerger)) return;
      const c = convertTable(x.table, keys, crosswalk, { table: actualInput0.table, keys: refKeys });
      // The crosswalk's own doubts once, though several sheets meet them.
      for (const w of c.warnings) {
        const key = saidKey(w);
        if (said1.has(key)) continue;
        said1.add(key);
        warnings.push(w);
      }
      unitKeys.set(
        c.table,
        c.table.unitRows.map((u) => parseUnitName(u.name)),
      );
      inputs[k] = { ...x, table: c.table };
      conversions.set(c.table, c);
    });
  }

  // Column roles and indicators: what each column holds (a role per column), then what each role's columns measure.
  // A mapping by role ("targets:C=…") names the actuals' sheet for a role no sheet serves: the
  // plan columns of a one-sheet report.
  const served = new Set(inputs.flatMap((x) => x.serving));
  const answers = (x: Input): SheetRole[] =>
    x.serving.includes("actuals") ? [...x.serving, ...(["targets", "base", "previous"] as const).filter((r) => !served.has(r))] : x.serving;
  checkOverridesUsed(
    overrides,
    inputs.map((x) => ({ table: x.table, serving: answers(x) })),
  );
  const readings = new Map<DetectedTable, ColumnReading[]>();
  for (const x of inputs) {
    const numbers = x.table.columnNumberRow;
    const label = (col: number) => {
      const v = numbers === null ? null : cellAt(x.grid.values, numbers, col);
      return v === null || v === undefined ? null : String(v);
    };
    readings.set(x.table, readColumns(x.table, x.serving, overrides, label, answers(x)));
  }
  const models = new Map<SheetRole, SheetModel>();
  for (const x of inputs) for (const role of x.serving) models.set(role, modelSheet(role, x.table, readings.get(x.table)!, warnings));
  // A role no sheet was chosen for takes the columns that say they hold it, from the actuals'
  // sheet first: the plan, population and last year's columns of a one-sheet report.
  const lenders = [...inputs].sort((a, b) => Number(b.serving.includes("actuals")) - Number(a.serving.includes("actuals")));
  for (const role of ["targets", "base", "previous"] as const) {
    if (models.has(role) || input.off?.includes(role)) continue;
    const lender = lenders.find((x) => readings.get(x.table)!.some((r) => r.role === FIGURE_OF[role]));
    if (lender) models.set(role, modelSheet(role, lender.table, readings.get(lender.table)!, warnings, true));
  }
  // The first model over each sheet: where a sheet's columns, titles and alignment are looked up.
  const firstModel = new Map<DetectedTable, SheetModel>();
  for (const m of models.values()) if (!firstModel.has(m.table)) firstModel.set(m.table, m);
  const actuals = models.get("actuals")!;
  const targets = models.get("targets") ?? null;
  const base = models.get("base") ?? null;
  let previous = models.get("previous") ?? null;
  if (!targets && !base) {
    throw new ChitieuError("missing-sheet", said("nothing-to-compare", {}, { sheet: input.actuals.name }, "targets"));
  }

  // Match units. The reference list is the targets sheet's (else the actuals'), wherever
  // the plan was read from. Each sheet's units by key, from the duplicate check, for matching: the
  // reference's, and per unit of each other sheet its reference unit with the same key (or −1).
  const ref = targets ?? actuals;
  const refIndex = checkDuplicates(ref.table.sheet, ref.table.unitRows, ref.table.origin.row, unitKeys.get(ref.table));
  const refOf = new Map<DetectedTable, Int32Array>();
  // Last year's figures are optional: a doubt about them drops the growth, never the report.
  // A dropped sheet is still in the detection: what was read there, for the planner checking why.
  let droppedPrevious: SheetModel | null = null;
  const dropPrevious = (why: Message) => {
    warnings.push(why);
    droppedPrevious = previous;
    models.delete("previous");
    if (previous && firstModel.get(previous.table) === previous) firstModel.delete(previous.table);
    previous = null;
  };
  for (const x of inputs) {
    if (x.table === ref.table) continue;
    const onlyPrevious = x.serving.length === 1 && x.serving[0] === "previous";
    try {
      refOf.set(x.table, checkDuplicatesAgainst(x.table.sheet, x.table.unitRows, x.table.origin.row, unitKeys.get(x.table)!, refIndex));
    } catch (e) {
      if (!onlyPrevious || !(e instanceof ChitieuError)) throw e;
      dropPrevious(said("previous-dropped-units", { cause: e.problem }, { sheet: x.table.sheet }, "previous"));
    }
  }
  // Since 1 July 2025 communes and wards were merged and renamed: last year's units before that
  // date are not this year's, though many names are alike ("Long Mỹ" the district, "Xã Long Mỹ"
  // the new commune). Without a crosswalk of old to new units, the growth would compare unlike units.
  const prevInput = previous ? inputs.find((x) => x.table === previous!.table && x.table !== actuals.table) : undefined;
  const actualInput = inputs.find((x) => x.table === actuals.table)!;
  // Last year's sheet summed into the new units through the crosswalk is this year's units.
  if (prevInput && !conversions.has(prevInput.table)) {
    const before = periodOf(prevInput.grid.name, prevInput.grid.values);
    const now = periodOf(actualInput.grid.name, actualInput.grid.values);
    if (before && now && periodValue(before) < MERGER_DAY && periodValue(now) >= MERGER_DAY) {
      dropPrevious(said("previous-dropped-merger", { period: before, actuals: actualInput.grid.name }, { sheet: prevInput.grid.name }, "previous"));
    }
  }

  // Goals are checked before anything is computed: a goal names an indicator, and needs its plan
  // (attainment) or its base (coverage).
  const goalPlans = planGoals(options.goals ?? [], actuals, targets, base, warnings);

  const units = alignUnits(ref, actuals, base, previous, { keys: unitKeys, refOf }, warnings);
  const { refNames, inResults, unmatched, alignment } = units;
  // Not one unit in both the plan and the actuals (a plan by district, actuals by commune): every
  // total would be 0 — never a report.
  if (inResults.length === 0 && ref.table !== actuals.table) {
    const sample = (t: DetectedTable) => t.unitRows.slice(0, 3).map((u) => u.name);
    throw new ChitieuError(
      "no-match",
      said(
        "no-unit-in-common",
        { sheet: ref.table.sheet, units: sample(ref.table), actuals: actuals.table.sheet, actualUnits: sample(actuals.table) },
        { sheet: actuals.table.sheet },
        "targets",
      ),
    );
  }
  const sheetsInOrder = [ref, actuals, base, previous].filter((m, i, all): m is SheetModel => m !== null && all.indexOf(m) === i);

  // Unit categories (for goals by category) and groups, from any input sheet.
  const { unitCategory, categories } = categorizeUnits(sheetsInOrder, options.category ?? null, alignment, refNames.length, inResults);
  checkCategoryGoals(goalPlans, categories, sheetsInOrder);
  const { unitGroup, grouping } = groupUnits(sheetsInOrder, ref, options.groupBy ?? null, alignment, refNames.length, inResults);

  const groupOrder = grouping?.groups ?? [];
  // The summary's units (in the results), and per unit its category and group.
  const summaryUnits = inResults.map((i) => refNames[i]!);
  const shared: SharedColumns = {
    names: summaryUnits,
    categoryOf: categories ? inResults.map((i) => unitCategory[i]!) : null,
    groupOf: grouping ? inResults.map((i) => unitGroup[i]!) : null,
  };

  // A unit's own goal from a goal column of the targets or base sheet, if any.
  // The sheets with goal columns (usually none: then no unit has a goal of its own).
  const goalSheets = [targets, base].filter((m): m is SheetModel => m !== null && m.goalColumns.size > 0);
  const ownGoal = ownGoalLookup(goalSheets, alignment, warnings);

  // Compute and rank, attainment first (in the targets' column order), then coverage.
  const { results, covered } = indicatorResults({
    targets,
    actuals,
    base,
    previous,
    aligned: units,
    unitCategory,
    shared,
    groupOrder,
    goalPlans,
    goalSheets,
    ownGoal,
    options: opts,
    warnings,
  });
  // A coverage goal for an indicator with no coverage result is an error; an unused goal column, a warning.
  checkGoalsUsed(goalPlans, covered, targets, base, warnings);
  // What the sheets say themselves, against our results: their computed columns, a plan repeated
  // beside the actuals, and rates no unit could reach.
  checkAgainstSheets({ readings, firstModel, alignment, targets, results, inResults, refNames }, warnings);

  if (results.length === 0) {
    // Each sheet once, though it serves several roles.
    const sheets = [...new Set([...models.values()].map((m) => m.table))].map((t) => ({
      sheet: t.sheet,
      headers: t.columns.map((c) => c.header),
      // Headers over cells that hold no numbers (all text, errors or blanks) are listed too: the
      // user sees the column was found and that its cells are the problem.
      noNumbers: t.textColumns.filter((x) => !t.columns.some((c) => c.col === x.col)).map((x) => x.header),
    }));
    // Rates set for each unit ("BHYT (%)") are goals for a coverage rate: they need the population.
    const rateGoals = base
      ? []
      : [...models.values()].flatMap((m) =>
          [...m.goalColumns.values()].map((g) => ({ sheet: m.table.sheet, column: letter(m.table, g.column.col), header: g.column.header })),
        );
    // One sheet chosen for several roles whose columns do not say which they hold.
    const unclear = [...readings].flatMap(([t, rs]) =>
      rs
        .filter((r) => r.role === null && r.because?.code === "column-role-unclear")
        .map((r) => ({ sheet: t.sheet, column: letter(t, r.column.col), header: r.column.header })),
    );
    throw new ChitieuError(
      "no-indicators",
      said("no-indicator-in-common", { against: targets ? "targets" : "base", sheets, unclear, rateGoals }, undefined, "map"),
    );
  }

  // Where each figure summed through the crosswalk came from, per unit of the summary.
  const crosswalkUse: CrosswalkUse | null = crosswalk
    ? {
        sheet: crosswalk.sheet,
        converted: [...conversions.values()].map((c) => {
          const x = inputs.find((i) => i.table === c.table)!;
          return {
            sheet: c.table.sheet,
            roles: [...x.serving],
            oldUnits: c.oldUnits,
            newUnits: c.table.unitRows.length,
            period: periodOf(x.grid.name, x.grid.values),
          };
        }),
        from:
          conversions.size === 0
            ? []
            : inResults.map((i) => {
                const o: Partial<Record<SheetRole, readonly string[]>> = {};
                for (const [role, m] of models) {
                  const c = conversions.get(m.table);
                  const j = c ? alignment.get(role)?.[i] : null;
                  if (c && j !== null && j !== undefined) o[role] = c.from[j]!;
                }
                return o;
              }),
      }
    : null;
  const detectionWithCrosswalk = (d: SheetDetection, m: SheetModel): SheetDetection => {
    const c = conversions.get(m.table);
    return c && crosswalk ? { ...d, crosswalk: { sheet: crosswalk.sheet, oldUnits: c.oldUnits, newUnits: c.table.unitRows.length } } : d;
  };

  const summary: Summary = {
    sheets: { targets: targets?.table.sheet ?? null, actuals: actuals.table.sheet, base: base?.table.sheet ?? null, previous: previous?.table.sheet ?? null },
    average: opts.average,
    rank: opts.rank,
    unitNames: summaryUnits,
    results,
    unmatched,
    warnings,
    // One sheet may serve several roles: its columns are listed with the first.
    detection: [
      ...[...models.values()].map((m, _i, all) => detectionWithCrosswalk(detectionOf(m, firstModel.get(m.table) === m, all), m)),
      ...(droppedPrevious ? [detectionWithCrosswalk(detectionOf(droppedPrevious), droppedPrevious)] : []),
    ],
    totalLabel: ref.table.totalRow?.label ?? null,
    titles: [ref, ...[...firstModel.values()].filter((m) => m.table !== ref.table)].map((m) => ({ role: m.role, sheet: m.table.sheet, lines: m.table.titles })),
    categories,
    grouping,
    goals: [...(options.goals ?? [])],
    ...(options.sheetNotes && options.sheetNotes.length > 0 ? { sheetNotes: [...options.sheetNotes] } : {}),
    totalMismatches: [...new Set([...models.values()].map((m) => m.table))].flatMap((t) => t.totalChecks),
    ...(crosswalkUse ? { crosswalk: crosswalkUse } : {}),
  };
  // Pace: the attainment results against their target's period, as of the report date.
  return paceSummary(summary, { asOf: options.asOf, periodStart: options.periodStart, periodEnd: options.periodEnd });
}
