/**
 * Messages of the options area: rate goals (goals.ts, goalPlans.ts), the report date
 * (reportDate.ts) and the command line's own arguments (src/cli/args.ts). A goal is named by its
 * indicator and category as the user gave them, so the pane can show the message under that goal;
 * rates are numbers, shown the voice's way ("0,93" in Vietnamese).
 */
import type { FigureRole } from "../columnRoles";
import { formatPercentShort } from "../format";
import type { Say, Texts } from "./types";
import { figureRoleWord } from "./words";

/** Which goal a message is about: its indicator, its unit category (null: the whole area) and its measure when given, as the user wrote them. */
export interface GoalRef {
  readonly indicator: string;
  readonly category: string | null;
  /** Set only when the goal names it (goals.ts `GoalSetting.measure`). */
  readonly measure?: "attainment" | "coverage";
}

/** What a coverage rate is a share of. */
export type CoverageBaseWord = "population" | "labourForce";

export interface OptionsParams {
  /** `--goal` text that is not [<measure>:]<indicator>[@<category>]=<rate>. */
  "goal-form": { spec: string };
  /** A goal's rate text that is no rate ("abc", "0", "-5%"). */
  "goal-not-a-rate": GoalRef & { rate: string };
  /** A rate goal and no base sheet (population / labour force) to take it of. */
  "goal-needs-base": GoalRef & { rate: number };
  /** A goal for an indicator the actuals sheet (`where.sheet`) does not have; `found`: those it has. */
  "goal-unknown-indicator": GoalRef & { found: readonly string[] };
  /** A coverage goal (named so, or the indicator's coverage result) above 100%: no share of the population can be. */
  "goal-above-full-coverage": GoalRef & { rate: number; base: CoverageBaseWord };
  /** Two goals for one indicator and one category (or two area-wide ones). */
  "goal-twice": GoalRef;
  /** A goal for a category, and no column of unit categories in `sheets`; `columns`: their text columns. */
  "goal-needs-category-column": GoalRef & { sheets: readonly string[]; columns: readonly { sheet: string; column: string; header: string }[] };
  /** A goal for a category the category column (`where`: sheet and column) does not hold. */
  "goal-unknown-category": GoalRef & { header: string; values: readonly string[] };
  /** A goal column's cell (`where`) that is no rate of 0–100% (warning: not used). */
  "goal-cell-not-a-rate": { value: number; unit: string; indicator: string };
  /** A coverage goal (named so, or for an indicator with no plan) of a share of `base`, and the base sheet (`where.sheet`) has no such column. */
  "goal-without-base-column": GoalRef & { base: CoverageBaseWord };
  /** A goal named a coverage goal, for an indicator with no coverage base at all (revenue, debts …). */
  "goal-not-coverage": GoalRef;
  /**
   * A goal against plan (named so, or for an indicator no population or labour force counts), and
   * no plan of the indicator: `targets` is the targets sheet (`where.sheet`), which lacks it, or null when there is none.
   */
  "goal-no-target": GoalRef & { targets: string | null };
  /**
   * A goal that names no measure, for an indicator of a coverage base, taken against plan because
   * there is no coverage result (no population / labour force sheet or column): a warning, so a
   * coverage goal is never silently read as a share of the plan.
   */
  "goal-applied-to-attainment": GoalRef & { rate: number; base: CoverageBaseWord };
  /** A goal column (`where`: sheet and column) for an indicator with no coverage result (warning: not used). */
  "goal-column-unused": { header: string; indicator: string };
  /** A report date (--as-of, the pane's date field) that is not a day. */
  "as-of-not-a-date": { text: string };
  /** The command line: a command that is not summarize or demo (null: none given). */
  "cli-unknown-command": { command: string | null };
  /** The command line: an option it does not know, and the nearest one it does (or null). */
  "cli-unknown-option": { option: string; nearest: string | null };
  /** The command line: an option that takes one of `allowed`, given another value (or none). */
  "cli-choice": { option: string; value: string | null; allowed: readonly string[] };
  /** The command line: an option given with no value after it. */
  "cli-needs-value": { option: string };
  /** The command line: `--map` text that is not <sheet>:<column>=[<role>:]<indicator>. */
  "cli-map-form": { spec: string };
  /** The command line: `--map` naming a column role it does not know; `roles`: those it knows. */
  "cli-map-role": { spec: string; role: string; roles: readonly FigureRole[] };
  /** The command line: two workbooks given. */
  "cli-two-inputs": { first: string; second: string };
  /** The command line: no workbook given. */
  "cli-no-input": Record<string, never>;
  /** The command line: no output file given. */
  "cli-no-out": Record<string, never>;
  /** How many of the lowest units the commentary names (--lowest, the pane's field): `text` is no whole number min–max. */
  "lowest-not-a-count": { text: string; min: number; max: number };
}

/** A goal rate as it was set: "93%", "95,5%" (not "93,00%"). */
const goalPct = (rate: number, say: Say): string => formatPercentShort(rate, say.voice.lang);

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function goalVi(g: GoalRef, say: Say): string {
  const what =
    g.measure === "attainment"
      ? `mục tiêu ${g.indicator} so với kế hoạch`
      : g.measure === "coverage"
        ? `mục tiêu bao phủ ${g.indicator}`
        : `mục tiêu ${g.indicator}`;
  return g.category === null ? `${what} chung cho cả địa bàn` : `${what} cho loại đơn vị ${say.q(g.category)}`;
}

function goalEn(g: GoalRef, say: Say): string {
  const what = g.measure === "coverage" ? `${g.indicator} coverage goal` : `${g.indicator} goal`;
  const plan = g.measure === "attainment" ? " against plan" : "";
  return g.category === null ? `the area-wide ${what}${plan}` : `the ${what}${plan} for units of category ${say.q(g.category)}`;
}

/** The --goal text that names a goal's measure, for the CLI's fix: “attainment:BHYT@NTM=95%”. */
function attainmentSpec(p: GoalRef & { rate: number }, say: Say): string {
  return say.q(`attainment:${p.indicator}${p.category === null ? "" : `@${p.category}`}=${goalPct(p.rate, say)}`);
}

const BASE_VI: Record<CoverageBaseWord, string> = { population: "dân số", labourForce: "lực lượng lao động" };
const BASE_EN: Record<CoverageBaseWord, string> = { population: "population", labourForce: "labour force" };
const BASE_HEADER: Record<CoverageBaseWord, string> = { population: "Dân số", labourForce: "Lực lượng lao động" };

/** "93%, 93 hoặc 0,93": the ways to write a rate, in the voice's number format. */
function rateForms(say: Say): string {
  const or = say.voice.lang === "vi" ? "hoặc" : "or";
  return `${goalPct(0.93, say)}, ${say.num(93)} ${or} ${say.num(0.93)}`;
}

function choices(items: readonly string[], say: Say): string {
  const or = say.voice.lang === "vi" ? " hoặc " : " or ";
  const q = items.map((i) => say.q(i));
  return q.length <= 1 ? (q[0] ?? "") : q.slice(0, -1).join(", ") + or + q[q.length - 1]!;
}

function textColumns(cols: OptionsParams["goal-needs-category-column"]["columns"], say: Say): string {
  return cols.map((c) => `${say.cell(c.sheet, c.column)} ${say.q(c.header)}`).join(", ");
}

export const optionsVi: Texts<OptionsParams> = {
  "goal-form": (p, say) =>
    `Mục tiêu ${say.q(p.spec)} chưa đúng dạng: viết <chỉ tiêu>=<tỷ lệ> cho cả địa bàn, hoặc <chỉ tiêu>@<loại đơn vị>=<tỷ lệ> cho một loại đơn vị, ví dụ ${say.q("BHYT=93%")} hoặc ${say.q("BHYT@NTM nâng cao=95%")}. Để đặt mục tiêu so với kế hoạch cho chỉ tiêu có cả kế hoạch và tỷ lệ bao phủ, thêm ${say.q("attainment:")} trước chỉ tiêu: ${say.q("attainment:BHXH tự nguyện=105%")}.`,
  "goal-not-a-rate": (p, say) =>
    `${cap(goalVi(p, say))}: ${say.q(p.rate)} không phải một tỷ lệ. Viết tỷ lệ lớn hơn 0, như ${rateForms(say)} (cùng là 93%): ${say.fix("goal")}.`,
  "goal-needs-base": (p, say) =>
    `${cap(goalVi(p, say))} (${goalPct(p.rate, say)}) là tỷ lệ trên dân số hoặc lực lượng lao động, nhưng không có trang tính dân số / lao động. Thêm trang tính đó vào sổ làm việc, hoặc ${say.fix("base")}.`,
  "goal-unknown-indicator": (p, say) =>
    `${cap(goalVi(p, say))}: trang tính ${say.at} không có chỉ tiêu ${say.q(p.indicator)}. Các chỉ tiêu có: ${p.found.length > 0 ? say.list(p.found) : "không có"}. Chọn một trong số đó (“BHXH” là tổng BHXH bắt buộc và tự nguyện): ${say.fix("goal")}.`,
  "goal-above-full-coverage": (p, say) =>
    `${cap(goalVi(p, say))} là ${goalPct(p.rate, say)}, nhưng đây là tỷ lệ bao phủ (số người tham gia trên ${BASE_VI[p.base]}), không thể vượt 100%. Viết một tỷ lệ từ trên 0 đến 100%, hoặc đặt mục tiêu so với kế hoạch (có thể trên 100%): ${say.fix("goal")}.`,
  "goal-twice": (p, say) => `${cap(goalVi(p, say))} được đặt hai lần: chỉ giữ lại một (${say.setting("goal")}).`,
  "goal-needs-category-column": (p, say) =>
    `${cap(goalVi(p, say))} cần một cột loại đơn vị (tiêu đề như “Loại xã”, “Phân loại”, “Nhóm”), nhưng không tìm thấy trong trang tính ${say.list(p.sheets.map(say.sheet))}. Các cột chữ có: ${p.columns.length > 0 ? textColumns(p.columns, say) : "không có"}. Để chỉ cột loại đơn vị, ${say.fix("category")}.`,
  "goal-unknown-category": (p, say) =>
    `${cap(goalVi(p, say))}: không có loại ${say.q(p.category ?? "")} trong ${say.at} (${say.q(p.header)}); cột này chỉ có ${p.values.length > 0 ? say.list(p.values.map(say.q)) : "ô trống"}. Chọn một trong các loại đó: ${say.fix("goal")}.`,
  "goal-cell-not-a-rate": (p, say) =>
    `${say.at}: ${say.num(p.value)} không phải tỷ lệ mục tiêu ${p.indicator} của ${p.unit} (viết ${rateForms(say)}, tối đa 100%); ô này không được dùng.`,
  "goal-without-base-column": (p, say) =>
    `${cap(goalVi(p, say))} là tỷ lệ trên ${BASE_VI[p.base]}, nhưng trang tính ${say.at} không có cột ${BASE_VI[p.base]} (như ${say.q(BASE_HEADER[p.base])}). Thêm cột đó, hoặc bỏ mục tiêu này (${say.setting("goal")}).`,
  "goal-not-coverage": (p, say) =>
    `${cap(goalVi(p, say))}: ${p.indicator} không tính trên dân số hay lực lượng lao động nên không có tỷ lệ bao phủ (chỉ BHXH, BHXH bắt buộc, BHXH tự nguyện, BHTN và BHYT mới có). Đặt mục tiêu so với kế hoạch cho chỉ tiêu này, hoặc bỏ mục tiêu (${say.setting("goal")}).`,
  "goal-no-target": (p, say) =>
    `${cap(goalVi(p, say))} cần kế hoạch của ${p.indicator} để so${p.measure ? "" : ` (${p.indicator} không có tỷ lệ bao phủ nên mục tiêu được so với kế hoạch)`}, nhưng ${
      p.targets === null
        ? `không có trang tính kế hoạch (chỉ tiêu giao). Thêm trang tính đó vào sổ làm việc, hoặc ${say.fix("targets")}`
        : `trang tính kế hoạch ${say.at} không có cột ${p.indicator}. Thêm cột kế hoạch của chỉ tiêu này, hoặc chỉ rõ cột (${say.setting("map")})`
    }; nếu không, bỏ mục tiêu này (${say.setting("goal")}).`,
  "goal-applied-to-attainment": (p, say) =>
    `${cap(goalVi(p, say))} (${goalPct(p.rate, say)}) được tính so với kế hoạch (tỷ lệ đạt kế hoạch), vì không có cột ${BASE_VI[p.base]} để tính tỷ lệ bao phủ. Nếu đây là mục tiêu bao phủ, ${say.fix("base")}. Nếu đúng là so với kế hoạch, ${
      say.voice.shell === "cli"
        ? `viết ${attainmentSpec(p, say)} (${say.setting("goal")}) để không còn thông báo này`
        : `nhập lại tỷ lệ của mục tiêu này ở ${say.setting("goal")} rồi tính lại: mục tiêu được lưu là so với kế hoạch`
    }.`,
  "goal-column-unused": (p, say) =>
    `${say.at}: ${say.q(p.header)} trông như mục tiêu tỷ lệ cho ${p.indicator}, nhưng không có kết quả bao phủ nào cho chỉ tiêu này nên cột không được dùng. Muốn dùng, hãy có cột dân số hoặc lực lượng lao động của chỉ tiêu đó trong trang tính dân số / lao động.`,
  "as-of-not-a-date": (p, say) => `Ngày số liệu ${say.q(p.text)} không phải một ngày: viết theo dạng ngày/tháng/năm, ví dụ 31/10/2022 (${say.fix("asOf")}).`,
  "cli-unknown-command": (p, say) =>
    p.command === null
      ? "Chưa có lệnh: viết “chitieu summarize <sổ làm việc.xlsx> --out <tệp kết quả.xlsx>”, hoặc “chitieu demo” để chạy trên sổ làm việc mẫu (xem “chitieu --help”)."
      : `Không có lệnh ${say.q(p.command)}: chỉ có “summarize” (tổng hợp một sổ làm việc) và “demo” (chạy trên sổ làm việc mẫu). Xem “chitieu --help”.`,
  "cli-unknown-option": (p) => `Không có tùy chọn ${p.option}${p.nearest ? ` (có phải ${p.nearest}?)` : ""}. Xem các tùy chọn bằng “chitieu --help”.`,
  "cli-choice": (p, say) =>
    `${p.value === null ? `Tùy chọn ${p.option} cần một giá trị` : `${say.q(p.value)} không phải giá trị của ${p.option}`}: chọn ${choices(p.allowed, say)}.`,
  "cli-needs-value": (p) => `Tùy chọn ${p.option} cần một giá trị ngay sau nó.`,
  "cli-map-form": (p, say) =>
    `${say.q(p.spec)} chưa đúng dạng của ${say.setting("map")}: viết <vai trò hoặc tên trang tính>:<cột>=[<vai trò của cột>:]<chỉ tiêu>, ví dụ ${say.q("actuals:E=BHYT")} hoặc ${say.q("T4.2024:D=actual:BHXH bắt buộc")}.`,
  "cli-map-role": (p, say) =>
    `Trong ${say.q(p.spec)}, ${say.q(p.role)} không phải vai trò của cột: dùng một trong ${p.roles.map((r) => `${r} (${figureRoleWord(r, "vi")})`).join(", ")}.`,
  "cli-two-inputs": (p, say) =>
    `Chỉ đưa được một sổ làm việc, nhưng có hai: ${say.q(p.first)} và ${say.q(p.second)}. Tệp kết quả thì ghi bằng ${say.setting("out")}.`,
  // Only the command line says these, so they name its commands.
  "cli-no-input": () => "Chưa có sổ làm việc: viết “chitieu summarize <sổ làm việc.xlsx> --out <tệp kết quả.xlsx>”.",
  "cli-no-out": (_p, say) => `Chưa có tệp kết quả: ${say.fix("out")} (sổ làm việc đầu vào không bao giờ bị thay đổi).`,
  "lowest-not-a-count": (p, say) =>
    `Số đơn vị thấp nhất được nêu tên trong nhận xét là ${say.q(p.text)}, không hợp lệ: viết một số nguyên từ ${say.num(p.min)} đến ${say.num(p.max)}, ví dụ 5 (${say.fix("lowest")}).`,
};

export const optionsEn: Texts<OptionsParams> = {
  "goal-form": (p, say) =>
    `The goal ${say.q(p.spec)} is not in the form <indicator>=<rate> (the whole area) or <indicator>@<unit category>=<rate> (one category of units), e.g. ${say.q("BHYT=93%")} or ${say.q("BHYT@NTM nâng cao=95%")}. For a goal against plan of an indicator that has both a plan and a coverage rate, put ${say.q("attainment:")} before the indicator: ${say.q("attainment:BHXH tự nguyện=105%")}.`,
  "goal-not-a-rate": (p, say) =>
    `${cap(goalEn(p, say))}: ${say.q(p.rate)} is not a rate. Write a rate above 0, such as ${rateForms(say)} (all 93%): ${say.fix("goal")}.`,
  "goal-needs-base": (p, say) =>
    `${cap(goalEn(p, say))} (${goalPct(p.rate, say)}) is a share of the population or the labour force, but there is no population / labour force sheet. Add one to the workbook, or ${say.fix("base")}.`,
  "goal-unknown-indicator": (p, say) =>
    `${cap(goalEn(p, say))}: sheet ${say.at} has no indicator ${say.q(p.indicator)}. Indicators found: ${p.found.length > 0 ? say.list(p.found) : "none"}. Name one of these ("BHXH" is total social insurance): ${say.fix("goal")}.`,
  "goal-above-full-coverage": (p, say) =>
    `${cap(goalEn(p, say))} is ${goalPct(p.rate, say)}, but it is a coverage rate (participants as a share of the ${BASE_EN[p.base]}), which cannot exceed 100%. Write a rate above 0 and at most 100%, or set the goal against plan (which may exceed 100%): ${say.fix("goal")}.`,
  "goal-twice": (p, say) => `${cap(goalEn(p, say))} is given twice: keep one (${say.setting("goal")}).`,
  "goal-needs-category-column": (p, say) =>
    `${cap(goalEn(p, say))} needs a column of unit categories (headed Loại xã, Phân loại, Nhóm or Category); none was found in sheets ${say.list(p.sheets.map(say.sheet))}. Text columns found: ${p.columns.length > 0 ? textColumns(p.columns, say) : "none"}. To name the category column, ${say.fix("category")}.`,
  "goal-unknown-category": (p, say) =>
    `${cap(goalEn(p, say))}: category ${say.q(p.category ?? "")} is not in ${say.at} (${say.q(p.header)}), which has only ${p.values.length > 0 ? say.list(p.values.map(say.q)) : "blank cells"}. Use one of these: ${say.fix("goal")}.`,
  "goal-cell-not-a-rate": (p, say) =>
    `${say.at}: ${say.num(p.value)} is not a goal rate for ${p.indicator} of ${p.unit} (write ${rateForms(say)}, at most 100%); it is not used.`,
  "goal-without-base-column": (p, say) =>
    `${cap(goalEn(p, say))} is a share of the ${BASE_EN[p.base]}, but sheet ${say.at} has no ${BASE_EN[p.base]} column (e.g. ${say.q(BASE_HEADER[p.base])}). Add that column, or remove the goal (${say.setting("goal")}).`,
  "goal-not-coverage": (p, say) =>
    `${cap(goalEn(p, say))}: ${p.indicator} is not measured against the population or the labour force, so it has no coverage rate (only BHXH, BHXH bắt buộc, BHXH tự nguyện, BHTN and BHYT have one). Set a goal against plan for it instead, or remove the goal (${say.setting("goal")}).`,
  "goal-no-target": (p, say) =>
    `${cap(goalEn(p, say))} needs the plan of ${p.indicator}${p.measure ? "" : ` (${p.indicator} has no coverage rate, so the goal is a share of its plan)`}, but ${
      p.targets === null
        ? `there is no targets sheet (the plan). Add one to the workbook, or ${say.fix("targets")}`
        : `the targets sheet ${say.at} has no ${p.indicator} column. Add that indicator's plan column, or name the column (${say.setting("map")})`
    }; otherwise remove the goal (${say.setting("goal")}).`,
  "goal-applied-to-attainment": (p, say) =>
    `${cap(goalEn(p, say))} (${goalPct(p.rate, say)}) is taken against plan (attainment), as there is no ${BASE_EN[p.base]} column to give a coverage rate. If it is a coverage goal, ${say.fix("base")}. If it is meant against plan, ${
      say.voice.shell === "cli"
        ? `write ${attainmentSpec(p, say)} (${say.setting("goal")}) and this note goes away`
        : `enter the goal's rate again in ${say.setting("goal")} and recalculate: the goal is then saved as one against plan`
    }.`,
  "goal-column-unused": (p, say) =>
    `${say.at}: ${say.q(p.header)} looks like a goal rate for ${p.indicator}, but there is no coverage result for it, so the column is not used. To use it, add that indicator's population or labour force column to the population / labour force sheet.`,
  "as-of-not-a-date": (p, say) => `The report date ${say.q(p.text)} is not a date: write it as day/month/year, e.g. 31/10/2022 (${say.fix("asOf")}).`,
  "cli-unknown-command": (p, say) =>
    p.command === null
      ? `No command given: write "chitieu summarize <workbook.xlsx> --out <result.xlsx>", or "chitieu demo" to run on the sample workbook (see "chitieu --help").`
      : `There is no command ${say.q(p.command)}: the commands are "summarize" (summarize a workbook) and "demo" (run on the sample workbook). See "chitieu --help".`,
  "cli-unknown-option": (p) => `There is no option ${p.option}${p.nearest ? ` (did you mean ${p.nearest}?)` : ""}. See the options with "chitieu --help".`,
  "cli-choice": (p, say) =>
    `${p.value === null ? `The option ${p.option} needs a value` : `${say.q(p.value)} is not a value of ${p.option}`}: choose ${choices(p.allowed, say)}.`,
  "cli-needs-value": (p) => `The option ${p.option} needs a value right after it.`,
  "cli-map-form": (p, say) =>
    `${say.q(p.spec)} is not in the form of ${say.setting("map")}: write <role or sheet name>:<column>=[<column role>:]<indicator>, e.g. ${say.q("actuals:E=BHYT")} or ${say.q("T4.2024:D=actual:BHXH bắt buộc")}.`,
  "cli-map-role": (p, say) =>
    `In ${say.q(p.spec)}, ${say.q(p.role)} is not a column role: use one of ${p.roles.map((r) => `${r} (${figureRoleWord(r, "en")})`).join(", ")}.`,
  "cli-two-inputs": (p, say) =>
    `Only one workbook can be given, but there are two: ${say.q(p.first)} and ${say.q(p.second)}. The output file is given with ${say.setting("out")}.`,
  "cli-no-input": () => `No workbook given: write "chitieu summarize <workbook.xlsx> --out <result.xlsx>".`,
  "cli-no-out": (_p, say) => `No output file given: ${say.fix("out")} (the input workbook is never changed).`,
  "lowest-not-a-count": (p, say) =>
    `The number of lowest units the commentary names, ${say.q(p.text)}, is not valid: write a whole number from ${say.num(p.min)} to ${say.num(p.max)}, e.g. 5 (${say.fix("lowest")}).`,
};
