/** Command-line arguments for `chitieu`, parsed without dependencies and checked strictly. */
import { ChitieuError } from "../core/errors";
import { givenPeriodDays } from "../core/paceResults";
import { GoalSetting, parseGoalSpec } from "../core/goals";
import { parseDayText } from "../core/reportDate";
import { FIGURE_ROLES, FigureRole, parseFigureRole } from "../core/columnRoles";
import { IndicatorOverride } from "../core/indicators";
import { SHEET_ROLES, SheetRole } from "../core/roles";
import { DEFAULT_CHOICES, LOWEST_MAX, LOWEST_MIN, RunChoices, parseLowest } from "../core/settings";
import { said, type Message, type Setting } from "../core/messages";

export interface SummarizeArgs {
  readonly command: "summarize" | "demo";
  readonly input: string;
  readonly out: string;
  readonly json: boolean;
  readonly choices: RunChoices;
}

export const USAGE = `Usage:
  chitieu summarize <workbook.xlsx> --out <file.xlsx> [--targets <sheet>] [--actuals <sheet>] [--base <sheet>]
                    [--previous <sheet>] [--json] [--average overall|mean] [--rank competition|dense] [--lang vi|en]
                    [--locale vi|en] [--map <role|sheet>:<column>=[<role>:]<indicator>]… [--goal [<measure>:]<indicator>[@<category>]=<rate>]…
                    [--category <header>] [--group-by <header>] [--as-of <dd/mm/yyyy>] [--area <text>]
                    [--lowest <n>] [--crosswalk <sheet>|none] [--period-start <dd/mm/yyyy>] [--period-end <dd/mm/yyyy>]
  chitieu demo      runs summarize on the bundled sample workbook (--sample merged: the one after the
                    July 2025 merger, last year's figures on the old communes)

  --average   compare units with the area-wide rate (Σ actual / Σ target, default) or the mean of unit rates
  --rank      competition ranking 1, 2, 2, 4 (default, as Excel's RANK.EQ) or dense 1, 2, 2, 3
  --lang      language of the summary sheets and messages: vi (default) or en
  --locale    how numbers typed as text are written: vi "1.065.565" (default) or en "1,065,565"
  --map       this column is that indicator, e.g. --map "actuals:E=BHYT" or --map "targets:Ghi chú 2=-" (ignore);
              with what it holds (target, actual, base, previous, rateGoal, computed) and a sheet by name:
              --map "T4.2024:D=actual:BHXH bắt buộc"
  --previous  the sheet of the same period last year (else detected: Cùng kỳ, CK, Năm trước), for growth
  --goal      a rate goal, repeatable: --goal "BHYT=93%" (area-wide), --goal "BHYT@NTM nâng cao=95%" (units
              of that category); "BHXH" is total social insurance. A goal is for coverage (share of the
              base, at most 100%) where the indicator has a coverage result, else against plan (any rate:
              --goal "BHXH TN=105%"); attainment: or coverage: before the indicator chooses:
              --goal "attainment:BHXH TN=105%"
  --category  header of the unit-category column (else detected: Loại xã, Phân loại, Nhóm, Category)
  --group-by  header of the column that groups the units (else group rows I, II … or Huyện / Quận)
  --as-of     the report date the commentary opens with, e.g. --as-of 31/10/2022 (else read from the
              actuals' title rows: "Số liệu đến ngày 31/10/2022", "Từ 01/01/2024 đến 30/4/2024")
  --period-start, --period-end
              the target period the pace is measured against, e.g. --period-end 30/6/2024 (else read
              from each target column's header, its sheet's titles or name: "Chỉ tiêu đợt 1
              (01/01–30/6/2024)", "Kế hoạch năm 2024"; else the report year's 1/1–31/12); one of them
              replaces that end of the period read
  --area      the area the commentary names, e.g. --area "tỉnh Hậu Giang" (else an agency title row
              such as "BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG", or the total row: "Toàn tỉnh")
  --lowest    how many of the units below the average the commentary names, lowest first (1–50, default 5);
              the rest are counted: "… và 163 đơn vị khác"
  --crosswalk the sheet of old to new units across the July 2025 merger (else found by its headers:
              "Đơn vị cũ" / "Đơn vị mới", "Xã, phường trước sắp xếp" / "… sau sắp xếp", optional "Tỷ lệ (%)");
              a sheet of old units (last year's, the base, a plan) is summed into the new units; none: not used`;

/** A usage error: one message, in the run's language like every other (the usage text is `--help`'s). */
function usage(m: Message): ChitieuError {
  return new ChitieuError("bad-option", m);
}

/** `--help` or `-h` anywhere: print USAGE instead of running (main.ts). */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes("--help") || argv.includes("-h");
}

/** The options `summarize` knows, to suggest the nearest to a mistyped one. */
const OPTIONS = [
  "--targets",
  "--actuals",
  "--base",
  "--previous",
  "--crosswalk",
  "--sample",
  "--out",
  "--json",
  "--average",
  "--rank",
  "--lang",
  "--locale",
  "--map",
  "--goal",
  "--category",
  "--group-by",
  "--as-of",
  "--period-start",
  "--period-end",
  "--area",
  "--lowest",
  "--help",
];

/** Edit distance (insertions, deletions, substitutions) between two short strings. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/** The known option nearest to a mistyped one ("--goals" → "--goal", "--asof" → "--as-of"), or null when none is close. */
export function nearestOption(option: string): string | null {
  const o = option.toLowerCase();
  let best: string | null = null;
  let bestD = 3;
  for (const k of OPTIONS) {
    const d = distance(o, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

function oneOf<T extends string>(flag: string, v: string | undefined, allowed: readonly T[]): T {
  if (v === undefined || !allowed.includes(v as T)) throw usage(said("cli-choice", { option: flag, value: v ?? null, allowed }, undefined, SETTING_OF[flag]));
  return v as T;
}

/** The setting each option sets, so a usage error points at it. */
const SETTING_OF: Readonly<Record<string, Setting>> = {
  "--targets": "targets",
  "--actuals": "actuals",
  "--base": "base",
  "--previous": "previous",
  "--crosswalk": "crosswalk",
  "--out": "out",
  "--average": "average",
  "--rank": "rank",
  "--lang": "lang",
  "--locale": "locale",
  "--map": "map",
  "--goal": "goal",
  "--category": "category",
  "--group-by": "groupBy",
  "--as-of": "asOf",
  "--period-start": "periodStart",
  "--period-end": "periodEnd",
  "--area": "area",
  "--lowest": "lowest",
};

/**
 * `--map <role|sheet>:<column>=[<figure role>:]<indicator>`: "actuals:E=BHYT" (as before),
 * "T4.2024:D=actual:BHXH bắt buộc" (a sheet by its name, and what the column holds), "targets:G=-".
 * Excel forbids ":" in sheet names, so the first ":" ends the sheet.
 */
export function parseMap(spec: string): IndicatorOverride {
  const m = spec.match(/^([^:=]+):(.+?)=(.*)$/);
  if (!m) throw usage(said("cli-map-form", { spec }, undefined, "map"));
  const where = m[1]!.trim();
  const sheet = (SHEET_ROLES as readonly string[]).includes(where.toLowerCase()) ? where.toLowerCase() : where;
  let indicator = m[3]!.trim();
  let role: FigureRole | undefined;
  const r = indicator.match(/^([^:]+):(.*)$/);
  if (r) {
    const named = parseFigureRole(r[1]!);
    if (!named) throw usage(said("cli-map-role", { spec, role: r[1]!.trim(), roles: FIGURE_ROLES }, undefined, "map"));
    role = named;
    indicator = r[2]!.trim();
  } else if ((FIGURE_ROLES as readonly string[]).includes(indicator)) {
    // "--map Bieu01:E=actual": the role alone (its English keyword), the indicator read from the
    // header. "base:C=Dân số" stays today's form: the column is the population.
    role = indicator as FigureRole;
    indicator = "";
  }
  return role ? { sheet, column: m[2]!.trim(), indicator, role } : { sheet, column: m[2]!.trim(), indicator };
}

/**
 * `samples`: the demo's other bundled workbooks by name (`chitieu demo --sample merged`); the
 * demo runs `demoInput` without --sample.
 */
export function parseArgs(argv: readonly string[], demoInput: string, demoOut: string, samples: Readonly<Record<string, string>> = {}): SummarizeArgs {
  const [command, ...rest] = argv;
  if (command !== "summarize" && command !== "demo") throw usage(said("cli-unknown-command", { command: command ?? null }));
  const sheets: Partial<Record<SheetRole, string>> = {};
  const overrides: IndicatorOverride[] = [];
  const goals: GoalSetting[] = [];
  let category: string | null = null;
  let groupBy: string | null = null;
  let asOf: string | null = null;
  let periodStart: string | null = null;
  let periodEnd: string | null = null;
  let area: string | null = null;
  let lowest = DEFAULT_CHOICES.lowest;
  let crosswalk: string | null | undefined;
  let sample: string | undefined;
  let input: string | undefined;
  let out: string | undefined;
  let json = false;
  let average = DEFAULT_CHOICES.average;
  let rank = DEFAULT_CHOICES.rank;
  let lang = DEFAULT_CHOICES.lang;
  let locale = DEFAULT_CHOICES.locale;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const value = () => {
      const v = rest[++i];
      if (v === undefined || v.startsWith("--")) throw usage(said("cli-needs-value", { option: a }, undefined, SETTING_OF[a]));
      return v;
    };
    switch (a) {
      case "--targets":
      case "--actuals":
      case "--base":
      case "--previous":
        sheets[a.slice(2) as SheetRole] = value();
        break;
      case "--crosswalk": {
        const v = value();
        crosswalk = v.trim().toLowerCase() === "none" ? null : v;
        break;
      }
      case "--sample":
        if (command !== "demo") throw usage(said("cli-unknown-option", { option: a, nearest: null }));
        sample = oneOf(a, rest[++i], Object.keys(samples));
        break;
      case "--out":
        out = value();
        break;
      case "--json":
        json = true;
        break;
      case "--average":
        average = oneOf(a, rest[++i], ["overall", "mean"] as const);
        break;
      case "--rank":
        rank = oneOf(a, rest[++i], ["competition", "dense"] as const);
        break;
      case "--lang":
        lang = oneOf(a, rest[++i], ["vi", "en"] as const);
        break;
      case "--locale":
        locale = oneOf(a, rest[++i], ["vi", "en"] as const);
        break;
      case "--map":
        overrides.push(parseMap(value()));
        break;
      case "--goal":
        goals.push(parseGoalSpec(value()));
        break;
      case "--category":
        category = value();
        break;
      case "--group-by":
        groupBy = value();
        break;
      case "--as-of":
        asOf = value().trim();
        if (!parseDayText(asOf)) throw usage(said("as-of-not-a-date", { text: asOf }, undefined, "asOf"));
        break;
      case "--period-start":
      case "--period-end": {
        const which = a === "--period-start" ? "start" : "end";
        const v = value().trim();
        // The pace step's own check: a day that is no day is a bad-option error, as a usage error is.
        givenPeriodDays(which === "start" ? v : null, which === "end" ? v : null);
        if (which === "start") periodStart = v;
        else periodEnd = v;
        break;
      }
      case "--area":
        area = value().trim() || null;
        break;
      case "--lowest": {
        const v = value();
        lowest = parseLowest(v) ?? undefined;
        if (lowest === undefined) throw usage(said("lowest-not-a-count", { text: v, min: LOWEST_MIN, max: LOWEST_MAX }, undefined, "lowest"));
        break;
      }
      case "--help":
      case "-h":
        // main.ts prints the usage before parsing (wantsHelp).
        break;
      default:
        if (a.startsWith("--")) throw usage(said("cli-unknown-option", { option: a, nearest: nearestOption(a) }));
        if (input !== undefined) throw usage(said("cli-two-inputs", { first: input, second: a }, undefined, "input"));
        input = a;
    }
  }
  if (command === "demo") {
    input = input ?? (sample !== undefined ? samples[sample]! : demoInput);
    out = out ?? demoOut;
  }
  if (!input) throw usage(said("cli-no-input", {}, undefined, "input"));
  if (!out) throw usage(said("cli-no-out", {}, undefined, "out"));
  if (periodStart !== null && periodEnd !== null) givenPeriodDays(periodStart, periodEnd);
  const period = { ...(periodStart !== null ? { periodStart } : {}), ...(periodEnd !== null ? { periodEnd } : {}) };
  return {
    command,
    input,
    out,
    json,
    choices: {
      sheets,
      average,
      rank,
      lang,
      locale,
      overrides,
      goals,
      category,
      groupBy,
      asOf,
      area,
      lowest,
      ...period,
      ...(crosswalk !== undefined ? { crosswalk } : {}),
    },
  };
}
