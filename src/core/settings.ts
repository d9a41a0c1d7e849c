/**
 * The user's choices, saved in the workbook so that the ribbon's one-click Recalculate and a
 * colleague opening the file get the same result. Plain JSON; validated when read back.
 */
import { GOAL_MEASURES, GoalMeasure, GoalSetting, parseRate } from "./goals";
import { IndicatorOverride } from "./indicators";
import { AverageMode } from "./measures";
import { NumberLocale } from "./numbers";
import { RankMode } from "./rank";
import { GivenSheets, SHEET_ROLES, SheetRole, isOptionalRole } from "./roles";
import { FIGURE_ROLES, FigureRole } from "./columnRoles";
import { Lang } from "./i18n";

export interface RunChoices {
  /** Sheets named by the user; the rest are detected. */
  readonly sheets: GivenSheets;
  readonly average: AverageMode;
  readonly rank: RankMode;
  readonly lang: Lang;
  readonly locale: NumberLocale;
  readonly overrides: readonly IndicatorOverride[];
  /** Rate goals for coverage or attainment, area-wide or per unit category (absent = none). */
  readonly goals?: readonly GoalSetting[];
  /** Header of the unit-category column (absent or null = detected). */
  readonly category?: string | null;
  /** Header of the column that groups the units (absent or null = group rows or a parent column). */
  readonly groupBy?: string | null;
  /**
   * The report date of the commentary, dd/mm/yyyy (absent or null = read from the actuals' title
   * rows). Not saved with the settings: it belongs to this month's figures, and a stale date in
   * next month's one-click recalculation would put a wrong date into the report.
   */
  readonly asOf?: string | null;
  /**
   * The target period's first and last days, dd/mm/yyyy (absent or null = read from each target
   * column's header, its sheet's titles or name, else the report year's 1/1–31/12): the pace of
   * the attainment results. Not saved, like `asOf`: a period belongs to this run's figures.
   */
  readonly periodStart?: string | null;
  readonly periodEnd?: string | null;
  /** The area the commentary names ("tỉnh Hậu Giang"; absent or null = title rows or total row). */
  readonly area?: string | null;
  /**
   * How many of the units below the average the commentary names, lowest first; the rest are
   * counted ("và 163 đơn vị khác"), so a province of 168 communes still reads as a paragraph.
   * A whole number LOWEST_MIN–LOWEST_MAX (absent = DEFAULT_LOWEST).
   */
  readonly lowest?: number;
  /**
   * The sheet of old to new units across the July 2025 merger ("Đơn vị cũ" / "Đơn vị mới"):
   * a name to use, null for none, absent to find it by its headers.
   */
  readonly crosswalk?: string | null;
}

/** The units a paragraph names by default: the published paragraphs (seeds 000, 001) name three; five keeps 168 communes to a sentence. */
export const DEFAULT_LOWEST = 5;
export const LOWEST_MIN = 1;
export const LOWEST_MAX = 50;

/** A valid `lowest` (a whole number LOWEST_MIN–LOWEST_MAX, as a number or the text a field or flag holds), else null. */
export function parseLowest(v: unknown): number | null {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= LOWEST_MIN && n <= LOWEST_MAX ? n : null;
}

export const DEFAULT_CHOICES: RunChoices = {
  sheets: {},
  average: "overall",
  rank: "competition",
  lang: "vi",
  locale: "vi",
  overrides: [],
  goals: [],
  category: null,
  groupBy: null,
  lowest: DEFAULT_LOWEST,
};

export const SETTINGS_VERSION = 1;

export interface StoredSettings extends RunChoices {
  readonly version: number;
}

/** Read back saved settings, keeping only what is valid; null when there are none. */
export function parseSettings(raw: unknown): StoredSettings | null {
  if (!raw || typeof raw !== "object") return null;
  const o = raw as Record<string, unknown>;
  const pick = <T extends string>(v: unknown, allowed: readonly T[], d: T): T => (allowed.includes(v as T) ? (v as T) : d);
  const sheetsIn = (o.sheets && typeof o.sheets === "object" ? o.sheets : {}) as Record<string, unknown>;
  const sheets: GivenSheets = {};
  for (const role of SHEET_ROLES) {
    const v = sheetsIn[role];
    if (typeof v === "string" && v !== "") sheets[role] = v;
    else if (v === null && isOptionalRole(role)) sheets[role] = null;
  }
  // An override survives only whole: a column's role that this version does not know drops the
  // override (read without it, the column would feed whatever its header says — not what was chosen).
  const overrides = Array.isArray(o.overrides)
    ? (o.overrides as unknown[]).flatMap((x): IndicatorOverride[] => {
        if (!x || typeof x !== "object") return [];
        const v = x as Record<string, unknown>;
        // The sheet part is a role ("actuals") or a sheet's own name ("T4.2024", --map by name).
        if (typeof v.sheet !== "string" || v.sheet.trim() === "" || typeof v.column !== "string" || typeof v.indicator !== "string") return [];
        const base = { sheet: SHEET_ROLES.includes(v.sheet as SheetRole) ? (v.sheet as SheetRole) : v.sheet, column: v.column, indicator: v.indicator };
        if (v.role === undefined) return [base];
        return FIGURE_ROLES.includes(v.role as FigureRole) ? [{ ...base, role: v.role as FigureRole }] : [];
      })
    : [];
  // A goal survives only whole: an indicator, a category (text or null), a readable rate and, when
  // given, a measure this version knows (read without it, a goal set against plan could be taken
  // as a coverage goal — not what was chosen).
  const goals = Array.isArray(o.goals)
    ? (o.goals as unknown[]).flatMap((x): GoalSetting[] => {
        if (!x || typeof x !== "object") return [];
        const g = x as Record<string, unknown>;
        if (typeof g.indicator !== "string" || g.indicator.trim() === "" || typeof g.rate !== "string" || !parseRate(g.rate)) return [];
        if (g.category !== null && g.category !== undefined && (typeof g.category !== "string" || g.category.trim() === "")) return [];
        const goal = { indicator: g.indicator, category: typeof g.category === "string" ? g.category : null, rate: g.rate };
        if (g.measure === undefined) return [goal];
        return GOAL_MEASURES.includes(g.measure as GoalMeasure) ? [{ ...goal, measure: g.measure as GoalMeasure }] : [];
      })
    : [];
  const header = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);
  return {
    version: SETTINGS_VERSION,
    sheets,
    average: pick(o.average, ["overall", "mean"] as const, "overall"),
    rank: pick(o.rank, ["competition", "dense"] as const, "competition"),
    lang: pick(o.lang, ["vi", "en"] as const, "vi"),
    locale: pick(o.locale, ["vi", "en"] as const, "vi"),
    overrides,
    goals,
    category: header(o.category),
    groupBy: header(o.groupBy),
    area: header(o.area),
    lowest: parseLowest(o.lowest) ?? DEFAULT_LOWEST,
    // A name, "none" (null) or, when absent or unreadable, found by its headers.
    ...(typeof o.crosswalk === "string" && o.crosswalk.trim() !== "" ? { crosswalk: o.crosswalk } : o.crosswalk === null ? { crosswalk: null } : {}),
  };
}

export function toStored(c: RunChoices): StoredSettings {
  // The report date and the target period are this run's only (see RunChoices.asOf, periodStart).
  const { asOf: _runOnly, periodStart: _start, periodEnd: _end, ...kept } = c;
  return { version: SETTINGS_VERSION, ...kept };
}
