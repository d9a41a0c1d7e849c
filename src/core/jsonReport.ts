/**
 * The `--json` shape, a contract other tools rely on. Ratios are unrounded fractions and units
 * come in rank order. Fields beyond the contract are added, never renamed.
 */
import { Summary } from "./results";
import { writeNarrative } from "./narrative";
import type { Lang } from "./i18n";
import { render, type Message } from "./messages";
import type { Pace } from "./pace";

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
  /**
   * Addition (issue 19): the unit against its target's period, where the result has a pace and the
   * unit both figures; absent otherwise. `expected` and `onPace` are null where not judged (a
   * stock without its start level).
   */
  pace?: JsonUnitPace;
}

/** A unit's pace (issue 19). */
export interface JsonUnitPace {
  remaining: number;
  perMonth: number | null;
  expected: number | null;
  onPace: boolean | null;
}

/**
 * A result's pace, exactly the shape of issue 19: days ISO, `elapsed` the share of the period's
 * days passed rounded to 4 places, `remaining` max(0, Σ target − Σ actual), `perMonth`
 * ⌈remaining / monthsLeft⌉.
 */
export interface JsonPace {
  periodStart: string;
  periodEnd: string;
  asOf: string;
  elapsed: number;
  remaining: number;
  monthsLeft: number;
  perMonth: number | null;
  startLevel: number | null;
  expected: number | null;
  onPace: boolean | null;
  projected: number | null;
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
  /** Addition (issue 19): against the target's period; null for coverage and without an as-of date. */
  pace: JsonPace | null;
  /**
   * Addition (issue 19): on the second and later attainment results of an indicator whose plan
   * columns are set for different periods, that plan's period ("2024-01-01/2024-06-30"); absent
   * otherwise. `planPeriod` names the period of each such result ("đợt 1", "năm 2024").
   */
  variant?: string;
  planPeriod?: { vi: string; en: string };
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
  messages: { warnings: Message[]; sheetNotes: Message[]; paceNotes?: Message[] };
  /**
   * Addition (issue 19): what the pace was measured against and could not judge (the period taken
   * as the year, a start assumed, on-pace not judged, no as-of date), in `--lang`; as data in
   * `messages.paceNotes`.
   */
  paceNotes: string[];
  /**
   * Addition (issue 18): the crosswalk of old to new units when one was used or given, and the
   * sheets summed through it (their roles, and how many old and new units); absent without one.
   */
  crosswalk?: { sheet: string; converted: { sheet: string; roles: string[]; oldUnits: number; newUnits: number }[] };
}

/** A pace in the JSON: the keys in its order, `elapsed` to 4 places. */
export function jsonPace(p: Pace): JsonPace {
  return {
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    asOf: p.asOf,
    elapsed: Math.round(p.elapsed * 1e4) / 1e4,
    remaining: p.remaining,
    monthsLeft: p.monthsLeft,
    perMonth: p.perMonth,
    startLevel: p.startLevel,
    expected: p.expected,
    onPace: p.onPace,
    projected: p.projected,
  };
}

/** `narrative`: the paragraphs as the run wrote them; when not given, written in Vietnamese from `s`. */
export function toJsonReport(s: Summary, output?: JsonReport["output"], narrative?: readonly string[], lang: Lang = "vi"): JsonReport {
  const voice = { lang, shell: "cli" } as const;
  // Per unit of the summary, the old units each converted figure was made of (issue 18).
  const cw = s.crosswalk && s.crosswalk.from.length > 0 ? s.crosswalk : null;
  const position = cw ? new Map(s.unitNames.map((u, k) => [u, k])) : null;
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
        ...(u.pace ? { pace: { remaining: u.pace.remaining, perMonth: u.pace.perMonth, expected: u.pace.expected, onPace: u.pace.onPace } } : {}),
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
      groups: r.groups.map((g) => ({
        group: g.group,
        actual: g.actual,
        denominator: g.denominator,
        ratio: g.ratio,
        rank: g.rank,
        belowAverage: g.belowAverage,
        units: g.unitCount,
      })),
      pace: r.pace ? jsonPace(r.pace) : null,
      ...(r.variant ? { variant: r.variant } : {}),
      ...(r.planPeriod ? { planPeriod: { ...r.planPeriod } } : {}),
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
    messages: { warnings: [...s.warnings], sheetNotes: [...(s.sheetNotes ?? [])], paceNotes: [...(s.paceNotes ?? [])] },
    paceNotes: (s.paceNotes ?? []).map((n) => render(n, voice)),
  };
  if (s.crosswalk)
    report.crosswalk = {
      sheet: s.crosswalk.sheet,
      converted: s.crosswalk.converted.map((c) => ({ sheet: c.sheet, roles: [...c.roles], oldUnits: c.oldUnits, newUnits: c.newUnits })),
    };
  if (output) report.output = output;
  return report;
}
