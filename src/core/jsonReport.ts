/**
 * The `--json` shape, a contract other tools rely on. Ratios are unrounded fractions and units
 * come in rank order. Fields beyond the contract are added, never renamed.
 */
import { Summary } from "./summarize";
import { writeNarrative } from "./narrative";
import type { Lang } from "./i18n";
import { render, type Message } from "./messages";

export interface JsonUnit {
  unit: string;
  actual: number | null;
  denominator: number | null;
  ratio: number | null;
  gap: number | null;
  rank: number | null;
  belowAverage: boolean;
  // additions (issue 8): null where not applicable
  previous: number | null;
  growth: number | null;
  goal: number | null;
  goalGap: number | null;
  toGoal: number | null;
  group: string | null;
  groupRank: number | null;
  belowGoal: boolean;
  goalFrom: "unit" | "category" | "area" | null;
  category: string | null;
  /**
   * Addition (issue 18): figures summed from the old units of a sheet through the crosswalk (the
   * July 2025 merger), each with the sheet and the old units it was made of — `"from": ["Xã A",
   * "Xã B"]`; absent for a unit none of whose figures was.
   */
  merged?: { previous?: JsonMerged; denominator?: JsonMerged };
}

/** A figure summed from old units: the sheet they are listed in, and the old units as it writes them. */
export interface JsonMerged {
  sheet: string;
  from: string[];
}

export interface JsonGroup {
  group: string;
  actual: number;
  denominator: number;
  ratio: number | null;
  rank: number | null;
  belowAverage: boolean;
  units: number;
}

export interface JsonResult {
  indicator: string;
  measure: "attainment" | "coverage";
  overall: number | null;
  average: number | null;
  units: JsonUnit[];
  // additions
  indicatorKey: string;
  denominatorKind: string;
  actualTotal: number;
  denominatorTotal: number;
  source: Summary["results"][number]["source"];
  // additions (issue 8): null where not applicable, groups empty when there are none
  growth: number | null;
  previousTotal: number | null;
  goal: number | null;
  goalGap: number | null;
  toGoal: number | null;
  groups: JsonGroup[];
}

export interface JsonReport {
  sheets: { targets: string | null; actuals: string; base: string | null; previous: string | null };
  average: "overall" | "mean";
  results: JsonResult[];
  unmatched: { sheet: string; unit: string; missingFrom: string[] }[];
  warnings: string[];
  // additions
  rank: "competition" | "dense";
  detection: Summary["detection"];
  categories: { sheet: string; column: string; header: string; values: string[] } | null;
  grouping: { source: "rows" | "column"; sheet: string; header: string | null; groups: string[] } | null;
  /** As given; `measure` only when the goal named it (issue 14: goals against plan). */
  goals: { indicator: string; category: string | null; rate: string; measure?: "attainment" | "coverage" }[];
  output?: { file: string; sheets: { key: string; name: string }[] };
  /** The report's paragraphs, one per indicator and measure, in the chosen language. */
  narrative: string[];
  /** Why each sheet was taken where another could have served (Vietnamese). */
  sheetNotes: string[];
  /** The sheets' own total-row cells that differ from the sum of their units: both numbers. */
  totalMismatches: { cell: string; header: string; label: string; sheetTotal: number; unitsSum: number }[];
  /**
   * The warnings and sheet notes as data, in the order of `warnings` and `sheetNotes` (which are
   * these rendered in the run's language): `{ code, where: { sheet, cell, column, row }, params }`.
   */
  messages: { warnings: Message[]; sheetNotes: Message[] };
  /**
   * Addition (issue 18): the crosswalk of old to new units when one was used or given, and the
   * sheets summed through it (their roles, and how many old and new units); absent without one.
   */
  crosswalk?: { sheet: string; converted: { sheet: string; roles: string[]; oldUnits: number; newUnits: number }[] };
}


/** `narrative`: the paragraphs as the run wrote them; when not given, written in Vietnamese from `s`. */
export function toJsonReport(s: Summary, output?: JsonReport["output"], narrative?: readonly string[], lang: Lang = "vi"): JsonReport {
  const voice = { lang, shell: "cli" } as const;
  // Per unit of the summary, the old units each converted figure was made of (issue 18).
  const cw = s.crosswalk && s.crosswalk.from.length > 0 ? s.crosswalk : null;
  const position = cw ? new Map(s.units.map((u, k) => [u, k])) : null;
  const sheetOf = (role: "targets" | "base" | "previous") => cw?.converted.find((c) => c.roles.includes(role))?.sheet ?? "";
  const merged = (unit: string, measure: "attainment" | "coverage"): Pick<JsonUnit, "merged"> => {
    if (!cw || !position) return {};
    const k = position.get(unit);
    const from = k === undefined ? undefined : cw.from[k];
    if (!from) return {};
    const denominatorRole = measure === "attainment" ? "targets" : "base";
    const m: NonNullable<JsonUnit["merged"]> = {};
    if (from.previous) m.previous = { sheet: sheetOf("previous"), from: [...from.previous] };
    if (from[denominatorRole]) m.denominator = { sheet: sheetOf(denominatorRole), from: [...from[denominatorRole]!] };
    return m.previous || m.denominator ? { merged: m } : {};
  };
  const report: JsonReport = {
    sheets: { targets: s.sheets.targets, actuals: s.sheets.actuals, base: s.sheets.base, previous: s.sheets.previous ?? null },
    average: s.average,
    results: s.results.map((r) => ({
      indicator: r.indicator,
      measure: r.measure,
      overall: r.overall,
      average: r.average,
      units: r.units.map((u) => ({
        unit: u.unit,
        actual: u.actual,
        denominator: u.denominator,
        ratio: u.ratio,
        gap: u.gap,
        rank: u.rank,
        belowAverage: u.belowAverage,
        previous: u.previous,
        growth: u.growth,
        goal: u.goal,
        goalGap: u.goalGap,
        toGoal: u.toGoal,
        group: u.group,
        groupRank: u.groupRank,
        belowGoal: u.belowGoal,
        goalFrom: u.goalFrom,
        category: u.category,
        ...merged(u.unit, r.measure),
      })),
      indicatorKey: r.indicatorKey,
      denominatorKind: r.denominatorKind,
      actualTotal: r.actualTotal,
      denominatorTotal: r.denominatorTotal,
      source: r.source,
      growth: r.growth,
      previousTotal: r.previousTotal,
      goal: r.goal,
      goalGap: r.goalGap,
      toGoal: r.toGoal,
      groups: r.groups.map((g) => ({ group: g.group, actual: g.actual, denominator: g.denominator, ratio: g.ratio, rank: g.rank, belowAverage: g.belowAverage, units: g.units })),
    })),
    unmatched: s.unmatched.map((u) => ({ sheet: u.sheet, unit: u.unit, missingFrom: [...u.missingFrom] })),
    warnings: s.warnings.map((w) => render(w, voice)),
    rank: s.rank,
    detection: s.detection,
    categories: s.categories ? { ...s.categories, values: [...s.categories.values] } : null,
    grouping: s.grouping ? { ...s.grouping, groups: [...s.grouping.groups] } : null,
    goals: (s.goals ?? []).map((g) => ({ indicator: g.indicator, category: g.category, rate: g.rate, ...(g.measure ? { measure: g.measure } : {}) })),
    narrative: [...(narrative ?? writeNarrative(s))],
    sheetNotes: (s.sheetNotes ?? []).map((n) => render(n, voice)),
    totalMismatches: (s.totalMismatches ?? []).map((t) => ({ cell: t.cell, header: t.header, label: t.label, sheetTotal: t.sheetTotal, unitsSum: t.unitsSum })),
    messages: { warnings: [...s.warnings], sheetNotes: [...(s.sheetNotes ?? [])] },
  };
  if (s.crosswalk) report.crosswalk = { sheet: s.crosswalk.sheet, converted: s.crosswalk.converted.map((c) => ({ sheet: c.sheet, roles: [...c.roles], oldUnits: c.oldUnits, newUnits: c.newUnits })) };
  if (output) report.output = output;
  return report;
}
