/** Command-line arguments for `chitieu`, parsed without dependencies and checked strictly. */
import { ChitieuError } from "../core/errors";
import { GoalSetting, parseGoalSpec } from "../core/goals";
import { parseDayText } from "../core/reportDate";
import { FIGURE_ROLES, FigureRole, parseFigureRole } from "../core/columnRoles";
import { IndicatorOverride } from "../core/indicators";
import { SHEET_ROLES, SheetRole } from "../core/roles";
import { DEFAULT_CHOICES, RunChoices } from "../core/settings";

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
                    [--locale vi|en] [--map <role|sheet>:<column>=[<role>:]<indicator>]… [--goal <indicator>[@<category>]=<rate>]…
                    [--category <header>] [--group-by <header>] [--as-of <dd/mm/yyyy>] [--area <text>]
  chitieu demo      runs summarize on the bundled sample workbook

  --average   compare units with the area-wide rate (Σ actual / Σ target, default) or the mean of unit rates
  --rank      competition ranking 1, 2, 2, 4 (default, as Excel's RANK.EQ) or dense 1, 2, 2, 3
  --lang      language of the summary sheets and messages: vi (default) or en
  --locale    how numbers typed as text are written: vi "1.065.565" (default) or en "1,065,565"
  --map       this column is that indicator, e.g. --map "actuals:E=BHYT" or --map "targets:Ghi chú 2=-" (ignore);
              with what it holds (target, actual, base, previous, rateGoal, computed) and a sheet by name:
              --map "T4.2024:D=actual:BHXH bắt buộc"
  --previous  the sheet of the same period last year (else detected: Cùng kỳ, CK, Năm trước), for growth
  --goal      a coverage goal (share of the base), repeatable: --goal "BHYT=93%" (area-wide),
              --goal "BHYT@NTM nâng cao=95%" (units of that category); "BHXH" is total social insurance
  --category  header of the unit-category column (else detected: Loại xã, Phân loại, Nhóm, Category)
  --group-by  header of the column that groups the units (else group rows I, II … or Huyện / Quận)
  --as-of     the report date the commentary opens with, e.g. --as-of 31/10/2022 (else read from the
              actuals' title rows: "Số liệu đến ngày 31/10/2022", "Từ 01/01/2024 đến 30/4/2024")
  --area      the area the commentary names, e.g. --area "tỉnh Hậu Giang" (else an agency title row
              such as "BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG", or the total row: "Toàn tỉnh")`;

function usage(msg: string): ChitieuError {
  return new ChitieuError("bad-option", `${msg}\n${USAGE}`);
}

function oneOf<T extends string>(flag: string, v: string | undefined, allowed: readonly T[]): T {
  if (v === undefined || !allowed.includes(v as T)) throw usage(`${flag} takes one of: ${allowed.join(", ")}${v === undefined ? "" : ` (got "${v}")`}.`);
  return v as T;
}

/**
 * `--map <role|sheet>:<column>=[<figure role>:]<indicator>`: "actuals:E=BHYT" (as before),
 * "T4.2024:D=actual:BHXH bắt buộc" (a sheet by its name, and what the column holds), "targets:G=-".
 * Excel forbids ":" in sheet names, so the first ":" ends the sheet.
 */
export function parseMap(spec: string): IndicatorOverride {
  const m = spec.match(/^([^:=]+):(.+?)=(.*)$/);
  if (!m) {
    throw usage(`--map takes <role or sheet>:<column>=[<role>:]<indicator>, e.g. "actuals:E=BHYT" or "T4.2024:D=actual:BHXH bắt buộc" (got "${spec}").`);
  }
  const where = m[1]!.trim();
  const sheet = (SHEET_ROLES as readonly string[]).includes(where.toLowerCase()) ? where.toLowerCase() : where;
  let indicator = m[3]!.trim();
  let role: FigureRole | undefined;
  const r = indicator.match(/^([^:]+):(.*)$/);
  if (r) {
    const named = parseFigureRole(r[1]!);
    if (!named) throw usage(`--map "${spec}": "${r[1]!.trim()}" is not a column role; use one of ${FIGURE_ROLES.join(", ")}.`);
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

export function parseArgs(argv: readonly string[], demoInput: string, demoOut: string): SummarizeArgs {
  const [command, ...rest] = argv;
  if (command !== "summarize" && command !== "demo") throw usage(command ? `Unknown command "${command}".` : "No command given.");
  const sheets: Partial<Record<SheetRole, string>> = {};
  const overrides: IndicatorOverride[] = [];
  const goals: GoalSetting[] = [];
  let category: string | null = null;
  let groupBy: string | null = null;
  let asOf: string | null = null;
  let area: string | null = null;
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
      if (v === undefined || v.startsWith("--")) throw usage(`${a} needs a value.`);
      return v;
    };
    switch (a) {
      case "--targets":
      case "--actuals":
      case "--base":
      case "--previous":
        sheets[a.slice(2) as SheetRole] = value();
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
        try {
          goals.push(parseGoalSpec(value()));
        } catch (e) {
          if (e instanceof ChitieuError) throw usage(e.message);
          throw e;
        }
        break;
      case "--category":
        category = value();
        break;
      case "--group-by":
        groupBy = value();
        break;
      case "--as-of":
        asOf = value().trim();
        if (!parseDayText(asOf)) throw usage(`--as-of takes a date as dd/mm/yyyy, e.g. 31/10/2022 (got "${asOf}").`);
        break;
      case "--area":
        area = value().trim() || null;
        break;
      case "--help":
      case "-h":
        throw usage("");
      default:
        if (a.startsWith("--")) throw usage(`Unknown option ${a}.`);
        if (input !== undefined) throw usage(`Only one workbook can be given (got "${input}" and "${a}").`);
        input = a;
    }
  }
  if (command === "demo") {
    input = input ?? demoInput;
    out = out ?? demoOut;
  }
  if (!input) throw usage("No workbook given.");
  if (!out) throw usage("No output file given: add --out <file.xlsx> (the input workbook is never changed).");
  return { command, input, out, json, choices: { sheets, average, rank, lang, locale, overrides, goals, category, groupBy, asOf, area } };
}
