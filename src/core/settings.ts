/**
 * The user's choices, saved in the workbook so that the ribbon's one-click Recalculate and a
 * colleague opening the file get the same result. Plain JSON; validated when read back.
 */
import { IndicatorOverride } from "./indicators";
import { AverageMode } from "./measures";
import { NumberLocale } from "./numbers";
import { RankMode } from "./rank";
import { GivenSheets, SHEET_ROLES } from "./roles";
import { Lang } from "./i18n";

export interface RunChoices {
  /** Sheets named by the user; the rest are detected. */
  readonly sheets: GivenSheets;
  readonly average: AverageMode;
  readonly rank: RankMode;
  readonly lang: Lang;
  readonly locale: NumberLocale;
  readonly overrides: readonly IndicatorOverride[];
}

export const DEFAULT_CHOICES: RunChoices = {
  sheets: {},
  average: "overall",
  rank: "competition",
  lang: "vi",
  locale: "vi",
  overrides: [],
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
  }
  const overrides = Array.isArray(o.overrides)
    ? (o.overrides as unknown[]).filter(
        (x): x is IndicatorOverride =>
          !!x && typeof x === "object" && SHEET_ROLES.includes((x as IndicatorOverride).sheet) && typeof (x as IndicatorOverride).column === "string" && typeof (x as IndicatorOverride).indicator === "string",
      )
    : [];
  return {
    version: SETTINGS_VERSION,
    sheets,
    average: pick(o.average, ["overall", "mean"] as const, "overall"),
    rank: pick(o.rank, ["competition", "dense"] as const, "competition"),
    lang: pick(o.lang, ["vi", "en"] as const, "vi"),
    locale: pick(o.locale, ["vi", "en"] as const, "vi"),
    overrides,
  };
}

export function toStored(c: RunChoices): StoredSettings {
  return { version: SETTINGS_VERSION, ...c };
}
