/**
 * Messages of the sheets area: choosing the sheets (roles.ts), what each column holds and
 * measures (sheetModel.ts, with the reasons the detection shows beside a column), summarizing
 * (summarize.ts, alignUnits.ts), the per-unit figures (indicatorResults.ts, computeResult.ts) and
 * the checks against what the sheets say themselves (sheetChecks.ts). Each code: its params, its
 * Vietnamese text, its English text.
 */
import type { FigureRole } from "../columnRoles";
import { formatNumber } from "../format";
import type { CoverageBase } from "../indicators";
import type { SheetRole } from "../roles";
import type { Message, Say, Texts } from "./types";
import { figureRoleWord, sheetRoleWord } from "./words";

/** An indicator's name in both languages ("BHXH tự nguyện" / "Voluntary social insurance"). */
export interface IndicatorName {
  readonly vi: string;
  readonly en: string;
}

/** A sheet's period (roles.ts `SheetPeriod`): month and day 0 where not known. */
export interface PeriodParam {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A column of a sheet: its letter ("E") and header. */
export interface ColumnParam {
  readonly column: string;
  readonly header: string;
}

/** A column of a named sheet ('Kế hoạch'!E "BHYT"). */
export interface SheetColumnParam extends ColumnParam {
  readonly sheet: string;
}

/** What a rate is over: the plan, or a coverage base. */
export type DenominatorKind = "target" | CoverageBase;

export interface SheetsParams {
  // Choosing the sheets (roles.ts).
  /** A sheet given for a role is not in the workbook. where: the name given; setting: that role. */
  "sheet-not-found": { name: string; role: SheetRole; sheets: string[] };
  /** No sheet holds the actuals. setting: actuals. */
  "no-actuals-sheet": { sheets: string[] };
  /** Every worksheet the run could read is blank (a new workbook, a file saved before pasting). */
  "workbook-empty": { sheets: string[] };
  /** Note: of several sheets for a role, this one was taken (its period), the other not. where: the sheet taken. */
  "sheet-chosen-by-period": {
    role: SheetRole;
    period: PeriodParam | null;
    because: "latest" | "report-year" | null;
    other: string;
    otherPeriod: PeriodParam | null;
  };
  /** The one plan or base sheet is of another year than the actuals. where: that sheet. */
  "sheet-of-another-year": { role: SheetRole; year: number; actuals: string; actualsYear: number };
  /** Note: a sheet named with no role word was taken for a role by what its columns hold. */
  "sheet-chosen-by-columns": { role: SheetRole };
  /** Note: a plan sheet with actual columns is the actuals sheet too. */
  "actuals-in-plan-sheet": Record<string, never>;
  /** Note: a sheet counting participants is the actuals sheet (a one-sheet coverage report). */
  "actuals-by-participants": Record<string, never>;
  /** Note: a hidden sheet that could serve a role was not chosen on its own. */
  "hidden-sheet-passed-over": { role: SheetRole };

  // What the columns hold (sheetModel.ts). where: the sheet and column.
  /** One column mapped to two roles (--map). */
  "column-mapped-twice": { header: string; roles: FigureRole[] };
  /** A mapping names no sheet in use. */
  "map-sheet-unknown": { mapping: string; sheet: string; sheets: string[] };
  /** A mapping names no figure column of its sheet. where: the sheet. */
  "map-column-unknown": { mapping: string; column: string; columns: ColumnParam[] };
  /** A second population or labour-force column: the first is used. */
  "second-base-column": { kind: CoverageBase; header: string; first: string };
  /** A second column for one indicator in a sheet: the first is used. */
  "second-indicator-column": { header: string; indicator: IndicatorName; first: string };
  /** A unit lacks a part of the total social insurance derived from its parts. where: the first cell; `cells` all of them. */
  "derived-total-missing-part": { unit: string; headers: string[]; cells: string[]; total: IndicatorName };

  // Why a column holds what it holds, or nothing (shown beside the column in the detection: short phrases).
  "column-ignored-by-map": Record<string, never>;
  "column-role-by-map": Record<string, never>;
  /** The header says it is never an input ("Trong đó", "Kế hoạch năm trước"): `words` are the header words. */
  "column-not-used": { words: string };
  /** The header does not say: the column holds its sheet's role. */
  "column-role-of-sheet": { role: FigureRole };
  /** One sheet in several roles, and the header does not say which. */
  "column-role-unclear": { roles: FigureRole[] };
  /** "Thực hiện" in last year's sheet: last year's figure. */
  "column-last-year-actual": { words: string };
  "column-last-year-plan": Record<string, never>;
  /** An actual of an earlier year beside this year's: last year's figure. */
  "column-earlier-year": { year: number; kept: number };
  /** A plan of another year than the report's: not used. */
  "column-other-year-plan": { year: number; kept: number };
  /** An estimate beside what was achieved: not used. `used`: the header of the column used. */
  "column-estimate": { used: string };
  /** A month's own figure beside the cumulative one: not used. */
  "column-month-own": { used: string };
  /** The plan set at the start of the year beside the adjusted one: not used. */
  "column-first-plan": { used: string };
  /** An earlier month beside a later one: not used. */
  "column-earlier-month": { month: number; last: number; used: string };
  "column-no-indicator": Record<string, never>;
  "column-second-for-indicator": { indicator: IndicatorName; first: string };
  /** A column the sheet computed (a ratio, a rank): `words` decided. */
  "column-computed": { words: string };

  // Summarizing (summarize.ts, alignUnits.ts).
  /** A header with no unit rows under it. where: the sheet. */
  "no-units-under-header": { unitColumn: string };
  /** Actuals with neither a plan nor a base to compare them with. where: the actuals' sheet. */
  "nothing-to-compare": Record<string, never>;
  /** Last year's sheet cannot be matched (a unit listed twice …): no growth. where: that sheet. */
  "previous-dropped-units": { cause: Message };
  /** Last year's sheet is from before the merger of 1 July 2025, the actuals after it: no growth. where: that sheet. */
  "previous-dropped-merger": { period: PeriodParam; actuals: string };
  /** Not one unit in both the plan and the actuals. where: the actuals' sheet. */
  "no-unit-in-common": { sheet: string; units: string[]; actuals: string; actualUnits: string[] };
  /** No indicator in both the actuals and the plan (or base): the headers found per sheet. */
  "no-indicator-in-common": {
    against: "targets" | "base";
    sheets: { sheet: string; headers: string[]; noNumbers: string[] }[];
    unclear: SheetColumnParam[];
    rateGoals: SheetColumnParam[];
  };
  /** A unit name that could be more than one unit of the other sheet. where: the other sheet. */
  "unit-ambiguous-between-sheets": { unit: string; sheet: string; other: string };

  // The figures (indicatorResults.ts, computeResult.ts).
  /** A unit's plan or base is 0: no rate. where: its cell. */
  "zero-denominator": { unit: string; kind: DenominatorKind; indicator: IndicatorName };
  /** Last year's sheet has no column for an indicator. where: that sheet. */
  "previous-indicator-missing": { indicator: IndicatorName };
  /** A unit's figure last year is 0: no growth. where: its cell. */
  "previous-zero": { unit: string; indicator: IndicatorName };
  /** The plans (or bases) add up to 0: no area-wide rate. */
  "denominators-sum-zero": { indicator: IndicatorName; measure: "attainment" | "coverage"; kind: DenominatorKind };

  // Checks against the sheets (sheetChecks.ts).
  /** A column the sheet computed differs from our figure. where: its sheet and column; each cell with both figures. */
  "computed-column-differs": {
    header: string;
    kind: "growth" | "coverage" | "attainment";
    indicator: IndicatorName;
    /** `theirs` as written (a percent when `percent`), `ours` a ratio. */
    cells: { cell: string; unit: string; theirs: number; percent: boolean; ours: number }[];
    more: number;
  };
  /** A plan repeated beside the actuals differs from the plan used. where: its sheet and column; `usedCell` is in `used`. */
  "repeated-plan-differs": {
    header: string;
    used: string;
    diffs: { cell: string; value: number; usedCell: string; usedValue: number; unit: string }[];
    more: number;
  };
  /** Rates over 1.000%: a scale or typing error. */
  "implausible-rate": {
    indicator: IndicatorName;
    count: number;
    examples: { unit: string; rate: number }[];
    overall: number | null;
    actual: { sheet: string; column: string };
    denominator: { sheet: string; column: string };
  };
  /** Units with actuals but no plan or base: left out of the area's figures. */
  "actuals-without-denominator": {
    indicator: IndicatorName;
    count: number;
    people: number;
    kind: DenominatorKind;
    examples: { unit: string; actual: number }[];
  };
}

const ind = (n: IndicatorName, say: Say): string => (say.voice.lang === "vi" ? n.vi : n.en);
const sheetList = (names: readonly string[], say: Say): string => names.map(say.sheet).join(", ");

const periodVi = (p: PeriodParam): string => (p.day ? `${p.day}/${p.month}/${p.year}` : p.month ? `${p.month}/${p.year}` : `năm ${p.year}`);
const periodEn = (p: PeriodParam): string => (p.day ? `${p.day}/${p.month}/${p.year}` : p.month ? `${p.month}/${p.year}` : `${p.year}`);
const periodDigits = (p: PeriodParam): string => `${p.day ? `${p.day}/` : ""}${p.month ? `${p.month}/` : ""}${p.year}`;

/**
 * A figure as the sheet has it, with the decimals it was typed with (up to 6): a sheet's 92,615
 * shown as "92,62" beside our 92,62% would hide the very difference the message is about.
 */
function typed(x: number, say: Say): string {
  const s = String(x);
  const dot = s.indexOf(".");
  const decimals = s.includes("e") ? 6 : dot < 0 ? 0 : Math.min(6, s.length - dot - 1);
  return formatNumber(x, { lang: say.voice.lang, decimals });
}

const BASE_VI: Record<CoverageBase, string> = { population: "dân số", labourForce: "lực lượng lao động" };
const BASE_EN: Record<CoverageBase, string> = { population: "population", labourForce: "labour force" };
const SHEET_OF_ROLE_EN: Record<FigureRole, string> = {
  target: "targets sheet",
  actual: "actuals sheet",
  base: "population / labour force sheet",
  previous: "same period last year sheet",
  rateGoal: "rate goals sheet",
  computed: "sheet",
};
const denominatorVi = (k: DenominatorKind): string => (k === "target" ? "kế hoạch" : BASE_VI[k]);
const denominatorEn = (k: DenominatorKind): string => (k === "target" ? "target" : BASE_EN[k]);
const computedVi = (p: SheetsParams["computed-column-differs"], say: Say): string =>
  p.kind === "growth"
    ? `tăng trưởng so với cùng kỳ của ${ind(p.indicator, say)}`
    : `tỷ lệ ${p.kind === "coverage" ? "bao phủ" : "đạt kế hoạch"} ${ind(p.indicator, say)}`;
const computedEn = (p: SheetsParams["computed-column-differs"], say: Say): string =>
  p.kind === "growth"
    ? `growth over the same period last year of ${ind(p.indicator, say)}`
    : `${p.kind === "coverage" ? "coverage" : "attainment"} rate of ${ind(p.indicator, say)}`;
const columnsAt = (cs: readonly SheetColumnParam[], say: Say): string => cs.map((c) => `${say.cell(c.sheet, c.column)} ${say.q(c.header)}`).join(", ");

export const sheetsVi: Texts<SheetsParams> = {
  "sheet-not-found": (p, say) =>
    `Không có trang tính nào tên ${say.sheet(p.name)} (được chọn làm trang ${sheetRoleWord(p.role, "vi")}). Sổ làm việc có: ${sheetList(p.sheets, say) || "không có trang tính nào"}. Hãy lấy một trong các trang này (${say.fix(p.role)}).`,
  "workbook-empty": (p, say) =>
    `Sổ làm việc không có số liệu: ${p.sheets.length === 1 ? `trang tính ${say.sheet(p.sheets[0]!)} trống` : `các trang tính ${say.list(p.sheets.map(say.sheet))} đều trống`}. Hãy dán bảng kế hoạch và bảng thực hiện (có dòng tiêu đề “STT”, “Đơn vị” và các cột số liệu) vào sổ làm việc rồi tính lại, hoặc mở sổ làm việc có số liệu.`,
  "no-actuals-sheet": (p, say) =>
    `Không tìm thấy trang tính số thực hiện. Đặt tên trang đó là “Thực hiện” (hoặc “TH”), hoặc chỉ ra trang đó (${say.fix("actuals")}). Sổ làm việc có: ${sheetList(p.sheets, say) || "không có trang tính nào"}.`,
  "sheet-chosen-by-period": (p, say) => {
    const why = p.because === "latest" ? ", kỳ mới nhất" : p.because === "report-year" ? ", cùng năm với số thực hiện" : "";
    return `Trang tính ${say.at} được dùng làm ${sheetRoleWord(p.role, "vi")}${p.period ? ` (${periodVi(p.period)}${why})` : ""}; ${say.sheet(p.other)}${p.otherPeriod ? ` (${periodVi(p.otherPeriod)})` : ""} không được dùng.`;
  },
  "sheet-of-another-year": (p, say) => {
    const role = sheetRoleWord(p.role, "vi");
    return `Trang tính ${say.at} (${role}) là của năm ${p.year}, còn số thực hiện (${say.sheet(p.actuals)}) là của năm ${p.actualsYear}: kiểm tra có đúng ${role} của năm ${p.actualsYear} không, hoặc chọn trang khác (${say.fix(p.role)}).`;
  },
  "sheet-chosen-by-columns": (p, say) => `Trang tính ${say.at} được chọn làm trang ${sheetRoleWord(p.role, "vi")} theo các cột của nó.`,
  "actuals-in-plan-sheet": (_p, say) => `Trang tính ${say.at} có cả cột thực hiện: được dùng làm trang thực hiện.`,
  "actuals-by-participants": (_p, say) => `Trang tính ${say.at} có cột số người tham gia: được dùng làm trang thực hiện.`,
  "hidden-sheet-passed-over": (p, say) =>
    `Trang tính ${say.at} bị ẩn nên không được chọn tự động; hãy chọn nó nếu đó là số liệu của kỳ này (${say.fix(p.role)}).`,

  "column-mapped-twice": (p, say) =>
    `${say.at} (${say.q(p.header)}) được ánh xạ vừa là ${figureRoleWord(p.roles[0]!, "vi")} vừa là ${figureRoleWord(p.roles[1]!, "vi")}: một cột chỉ giữ một vai trò. Bỏ một trong hai ánh xạ (${say.setting("map")}).`,
  "map-sheet-unknown": (p, say) =>
    `Ánh xạ ${say.q(p.mapping)}: không có trang tính nào là ${say.sheet(p.sheet)} trong các trang đang dùng (${sheetList(p.sheets, say)}). Trong ánh xạ (${say.setting("map")}), ghi tên trang tính hoặc vai trò của nó: targets, actuals, base, previous.`,
  "map-column-unknown": (p, say) =>
    `Ánh xạ ${say.q(p.mapping)}: trang ${say.at} không có cột ${say.q(p.column)} chứa số liệu. Các cột số liệu: ${p.columns.map((c) => `${c.column} ${say.q(c.header)}`).join(", ") || "không có"}.`,
  "second-base-column": (p, say) => `${say.at}: cột ${BASE_VI[p.kind]} thứ hai (${say.q(p.header)}) không được dùng; số liệu lấy ở cột ${p.first}.`,
  "second-indicator-column": (p, say) =>
    `${say.at}: ${say.q(p.header)} là cột thứ hai của ${ind(p.indicator, say)} (cột đầu tiên là ${p.first}) nên không được dùng. Nếu cột này mới đúng, hãy chỉ rõ vai trò các cột (${say.fix("map")}).`,
  "derived-total-missing-part": (p, say) =>
    `${[say.at, ...p.cells.slice(1)].join(", ")}: ${p.unit} không có số ở ${say.list(p.headers.map(say.q))} nên không có tổng ${ind(p.total, say)}.`,

  "column-ignored-by-map": () => "bỏ qua theo ánh xạ",
  "column-role-by-map": () => "theo ánh xạ",
  "column-not-used": (p) => `${p.words}: không dùng`,
  "column-role-of-sheet": (p) => `trang ${figureRoleWord(p.role, "vi")}`,
  "column-role-unclear": (p) => `không rõ là ${p.roles.map((r) => figureRoleWord(r, "vi")).join(" hay ")}`,
  "column-last-year-actual": (p) => `${p.words} (trang cùng kỳ)`,
  "column-last-year-plan": () => "kế hoạch của năm trước",
  "column-earlier-year": (p) => `năm ${p.year}, trước năm ${p.kept} của cột bên cạnh`,
  "column-other-year-plan": (p) => `kế hoạch năm ${p.year}; dùng kế hoạch năm ${p.kept}`,
  "column-estimate": (p, say) => `số ước tính; dùng số thực hiện ${say.q(p.used)}`,
  "column-month-own": (p, say) => `số của riêng một kỳ; dùng số lũy kế ${say.q(p.used)}`,
  "column-first-plan": (p, say) => `kế hoạch ban đầu; dùng kế hoạch điều chỉnh ${say.q(p.used)}`,
  "column-earlier-month": (p, say) => `tháng ${p.month}; dùng tháng ${p.last} ${say.q(p.used)}`,
  "column-no-indicator": () => "tiêu đề không nêu chỉ tiêu nào",
  "column-second-for-indicator": (p, say) => `cột thứ hai của ${ind(p.indicator, say)}; dùng cột ${p.first}`,
  "column-computed": (p) => `cột tính sẵn (${p.words})`,

  "no-units-under-header": (p, say) =>
    `Trang tính ${say.at} có dòng tiêu đề nhưng không có hàng đơn vị nào bên dưới. Kiểm tra tên các đơn vị có nằm ở cột ${p.unitColumn} không.`,
  "nothing-to-compare": (_p, say) =>
    `Trang tính ${say.at} có số thực hiện, nhưng không có trang kế hoạch (Kế hoạch) hay trang dân số / lao động (Dân số, Lao động) để so sánh, và không cột nào của nó ghi là kế hoạch (“Kế hoạch”, “KH”, “Chỉ tiêu giao”). Hãy thêm hoặc chọn một trang như vậy (${say.fix("targets")}; hoặc ${say.fix("base")}).`,
  "previous-dropped-units": (p, say) => `Không tính tăng trưởng so với cùng kỳ: ${say.message(p.cause)}`,
  "previous-dropped-merger": (p, say) =>
    `Không tính tăng trưởng so với cùng kỳ: trang ${say.at} là số liệu trước ngày 1/7/2025 (${periodDigits(p.period)}), khi các đơn vị hành chính chưa sắp xếp lại, còn trang ${say.sheet(p.actuals)} là sau đó: các đơn vị trùng tên chưa chắc là một. Cần bảng quy đổi đơn vị cũ – mới để so sánh.`,
  "no-unit-in-common": (p, say) =>
    `Không đơn vị nào của trang ${say.sheet(p.sheet)} (${p.units.map(say.q).join(", ")} …) có trong trang ${say.sheet(p.actuals)} (${p.actualUnits.map(say.q).join(", ")} …): hai trang liệt kê các đơn vị khác nhau (huyện và xã, hay đơn vị trước và sau sắp xếp?). Hãy chọn hai trang của cùng các đơn vị (${say.setting("targets")}, ${say.setting("actuals")}).`,
  "no-indicator-in-common": (p, say) => {
    const found = p.sheets
      .map(
        (s) =>
          `${say.sheet(s.sheet)}: ${[...s.headers.map(say.q), ...s.noNumbers.map((h) => `${say.q(h)} (các ô không có số)`)].join(", ") || "không có cột số liệu"}`,
      )
      .join("; ");
    return (
      `Không chỉ tiêu nào có ở cả trang thực hiện và trang ${p.against === "targets" ? "kế hoạch" : "dân số / lao động"}. Các tiêu đề cột tìm thấy — ${found}. Hãy đặt tên cột giống nhau ở hai trang (ví dụ “BHXH tự nguyện” ở cả hai), hoặc chỉ rõ vai trò các cột (${say.fix("map")}).` +
      (p.unclear.length > 0
        ? ` Các cột không rõ là kế hoạch hay thực hiện (một trang tính được chọn cho cả hai): ${columnsAt(p.unclear, say)} — ghi “Kế hoạch” hoặc “Thực hiện” trong tiêu đề cột, hoặc ${say.fix("map")}.`
        : "") +
      (p.rateGoals.length > 0
        ? ` Các cột ${columnsAt(p.rateGoals, say)} là chỉ tiêu tỷ lệ (tỷ lệ bao phủ giao cho từng đơn vị), không phải số người: để so sánh cần trang dân số / lực lượng lao động (${say.fix("base")}).`
        : "")
    );
  },
  "unit-ambiguous-between-sheets": (p, say) =>
    `Đơn vị ${say.q(p.unit)} có thể ứng với nhiều đơn vị khi so trang ${say.sheet(p.sheet)} với trang ${say.sheet(p.other)}: hãy ghi rõ tiền tố (Huyện, Thị xã, Thành phố …) ở cả hai trang.`,

  "zero-denominator": (p, say) =>
    `${say.at}: ${p.kind === "target" ? `kế hoạch ${ind(p.indicator, say)}` : `${BASE_VI[p.kind]}`} của ${p.unit} bằng 0 nên đơn vị này không có tỷ lệ.`,
  "previous-indicator-missing": (p, say) =>
    `Trang tính ${say.at} (cùng kỳ năm trước) không có cột ${ind(p.indicator, say)} nên ${ind(p.indicator, say)} không có tăng trưởng. Nếu trang có cột đó dưới tên khác: ${say.fix("map")}.`,
  "previous-zero": (p, say) => `${say.at}: số cùng kỳ năm trước của ${ind(p.indicator, say)} ở ${p.unit} bằng 0 nên không có tăng trưởng.`,
  "denominators-sum-zero": (p, say) =>
    `${ind(p.indicator, say)} (${p.measure === "coverage" ? "tỷ lệ bao phủ" : "tỷ lệ đạt kế hoạch"}): tổng ${denominatorVi(p.kind)} của các đơn vị bằng 0 nên không có tỷ lệ chung của địa bàn.`,

  "computed-column-differs": (p, say) => {
    const cells = p.cells
      .map((c) => `${c.cell} (${c.unit}): trang ghi ${typed(c.theirs, say)}${c.percent ? "%" : ""}, tính được ${say.pct(c.ours)}`)
      .join("; ");
    return `Cột ${say.q(p.header)} (${say.at}) là cột tính sẵn (không dùng làm số liệu), nhưng khác ${computedVi(p, say)} tính từ số liệu: ${cells}${p.more > 0 ? `; và ${say.num(p.more)} ô khác` : ""}. Kiểm tra công thức của cột, hoặc các cột kế hoạch và thực hiện đã đọc.`;
  },
  "repeated-plan-differs": (p, say) => {
    const diffs = p.diffs
      .map((d) => `${d.cell} = ${typed(d.value, say)} so với ${say.cell(p.used, d.usedCell)} = ${typed(d.usedValue, say)} (${d.unit})`)
      .join("; ");
    return `Cột ${say.q(p.header)} (${say.at}) ghi lại kế hoạch nhưng khác kế hoạch đã dùng (trang ${say.sheet(p.used)}): ${diffs}${p.more > 0 ? `; và ${say.num(p.more)} đơn vị khác` : ""}. Kết quả tính theo trang ${say.sheet(p.used)}; kiểm tra xem kế hoạch nào đúng.`;
  },
  "implausible-rate": (p, say) => {
    const examples = p.examples.map((e) => `${e.unit} ${say.pct(e.rate)}`).join(", ");
    const which = p.count > 0 ? `của ${say.num(p.count)} đơn vị vượt 1.000% (${examples})` : `chung ${say.pct(p.overall ?? 0)}`;
    return `${ind(p.indicator, say)}: tỷ lệ ${which} — không thể đúng. Kiểm tra đơn vị tính (người hay nghìn người) của cột ${say.cell(p.actual.sheet, p.actual.column)} và ${say.cell(p.denominator.sheet, p.denominator.column)}.`;
  },
  "actuals-without-denominator": (p, say) => {
    const what = denominatorVi(p.kind);
    const names = p.examples.map((e) => `${e.unit} (${say.num(e.actual)})`).join(", ");
    const more = p.count > p.examples.length ? `, và ${say.num(p.count - p.examples.length)} đơn vị khác` : "";
    return `${ind(p.indicator, say)}: ${say.num(p.count)} đơn vị có số thực hiện nhưng không có ${what} (“x”, ô trống hoặc lỗi) nên không có tỷ lệ và không được tính vào tổng chung — ${say.num(p.people)} người không nằm trong tỷ lệ chung: ${names}${more}. Nhập ${what} cho các đơn vị này nếu có.`;
  },
};

export const sheetsEn: Texts<SheetsParams> = {
  "sheet-not-found": (p, say) =>
    `There is no sheet named ${say.sheet(p.name)} (given for the ${sheetRoleWord(p.role, "en")}). The workbook has: ${sheetList(p.sheets, say) || "no sheets"}. Pick one of these (${say.fix(p.role)}).`,
  "workbook-empty": (p, say) =>
    `The workbook holds no figures: ${p.sheets.length === 1 ? `sheet ${say.sheet(p.sheets[0]!)} is empty` : `sheets ${say.list(p.sheets.map(say.sheet))} are all empty`}. Paste the targets and actuals tables (a header row with “STT”, “Đơn vị” and the figure columns) and recalculate, or open a workbook that has figures.`,
  "no-actuals-sheet": (p, say) =>
    `No sheet of actuals found. Name it "Thực hiện" (or "TH", "Actual"), or choose it (${say.fix("actuals")}). The workbook has: ${sheetList(p.sheets, say) || "no sheets"}.`,
  "sheet-chosen-by-period": (p, say) => {
    const why = p.because === "latest" ? ", the latest period" : p.because === "report-year" ? ", the actuals' year" : "";
    return `Sheet ${say.at} is used for the ${sheetRoleWord(p.role, "en")}${p.period ? ` (${periodEn(p.period)}${why})` : ""}; ${say.sheet(p.other)}${p.otherPeriod ? ` (${periodEn(p.otherPeriod)})` : ""} is not used.`;
  },
  "sheet-of-another-year": (p, say) => {
    const role = sheetRoleWord(p.role, "en");
    return `Sheet ${say.at} (${role}) is of ${p.year}, but the actuals (${say.sheet(p.actuals)}) are of ${p.actualsYear}: check that it holds the ${role} for ${p.actualsYear}, or choose another sheet (${say.fix(p.role)}).`;
  },
  "sheet-chosen-by-columns": (p, say) => `Sheet ${say.at} is taken for the ${sheetRoleWord(p.role, "en")} by what its columns hold.`,
  "actuals-in-plan-sheet": (_p, say) => `Sheet ${say.at} has actual columns too: it is used as the actuals sheet.`,
  "actuals-by-participants": (_p, say) => `Sheet ${say.at} has a column of participants: it is used as the actuals sheet.`,
  "hidden-sheet-passed-over": (p, say) =>
    `Sheet ${say.at} is hidden, so it was not chosen on its own; choose it if it holds this period's figures (${say.fix(p.role)}).`,

  "column-mapped-twice": (p, say) =>
    `${say.at} (${say.q(p.header)}) is mapped as both ${figureRoleWord(p.roles[0]!, "en")} and ${figureRoleWord(p.roles[1]!, "en")}: a column holds one role. Remove one of the mappings (${say.setting("map")}).`,
  "map-sheet-unknown": (p, say) =>
    `Mapping ${say.q(p.mapping)}: no sheet in use is ${say.sheet(p.sheet)} (the sheets in use: ${sheetList(p.sheets, say)}). In the mapping (${say.setting("map")}), write a sheet's name or its role: targets, actuals, base, previous.`,
  "map-column-unknown": (p, say) =>
    `Mapping ${say.q(p.mapping)}: sheet ${say.at} has no figure column ${say.q(p.column)}. Its figure columns: ${p.columns.map((c) => `${c.column} ${say.q(c.header)}`).join(", ") || "none"}.`,
  "second-base-column": (p, say) => `${say.at}: a second ${BASE_EN[p.kind]} column (${say.q(p.header)}) is not used; the figures come from column ${p.first}.`,
  "second-indicator-column": (p, say) =>
    `${say.at}: ${say.q(p.header)} is a second column for ${ind(p.indicator, say)} (the first is column ${p.first}); it is not used. If this one is meant, map the columns (${say.fix("map")}).`,
  "derived-total-missing-part": (p, say) =>
    `${[say.at, ...p.cells.slice(1)].join(", ")}: ${p.unit} has no figure for ${say.list(p.headers.map(say.q))}, so it has no total ${ind(p.total, say)}.`,

  "column-ignored-by-map": () => "ignored by the mapping",
  "column-role-by-map": () => "as mapped",
  "column-not-used": (p) => `${p.words}: not used`,
  "column-role-of-sheet": (p) => SHEET_OF_ROLE_EN[p.role],
  "column-role-unclear": (p) => `not clear whether ${p.roles.map((r) => figureRoleWord(r, "en")).join(" or ")}`,
  "column-last-year-actual": (p) => `${p.words} (last year's sheet)`,
  "column-last-year-plan": () => "last year's plan",
  "column-earlier-year": (p) => `${p.year}, before the ${p.kept} of the column beside it`,
  "column-other-year-plan": (p) => `plan for ${p.year}; the plan for ${p.kept} is used`,
  "column-estimate": (p, say) => `an estimate; the actual ${say.q(p.used)} is used`,
  "column-month-own": (p, say) => `one period's own figure; the cumulative ${say.q(p.used)} is used`,
  "column-first-plan": (p, say) => `the first plan; the adjusted plan ${say.q(p.used)} is used`,
  "column-earlier-month": (p, say) => `month ${p.month}; month ${p.last} ${say.q(p.used)} is used`,
  "column-no-indicator": () => "header names no indicator",
  "column-second-for-indicator": (p, say) => `second column for ${ind(p.indicator, say)}; column ${p.first} is used`,
  "column-computed": (p) => `computed by the sheet (${p.words})`,

  "no-units-under-header": (p, say) => `Sheet ${say.at}: found the header but no unit rows under it. Check that the unit names are in column ${p.unitColumn}.`,
  "nothing-to-compare": (_p, say) =>
    `Sheet ${say.at} has the actuals, but there is neither a targets sheet (Kế hoạch) nor a base sheet (Dân số / Lao động) to compare them with, and no column of it says it holds the plan ("Kế hoạch", "KH", "Chỉ tiêu giao"). Add or choose one of them (${say.fix("targets")}; or ${say.fix("base")}).`,
  "previous-dropped-units": (p, say) => `No growth over the same period last year: ${say.message(p.cause)}`,
  "previous-dropped-merger": (p, say) =>
    `No growth over the same period last year: sheet ${say.at} holds figures from before 1/7/2025 (${periodDigits(p.period)}), when communes and wards had not been merged yet, and sheet ${say.sheet(p.actuals)} from after it: units of the same name may not be the same unit. Comparing them needs a table of old to new units.`,
  "no-unit-in-common": (p, say) =>
    `No unit of sheet ${say.sheet(p.sheet)} (${p.units.map(say.q).join(", ")} …) is in sheet ${say.sheet(p.actuals)} (${p.actualUnits.map(say.q).join(", ")} …): the two sheets list different units (districts and communes, or units before and after the merger?). Choose two sheets of the same units (${say.setting("targets")}, ${say.setting("actuals")}).`,
  "no-indicator-in-common": (p, say) => {
    const found = p.sheets
      .map(
        (s) =>
          `${say.sheet(s.sheet)}: ${[...s.headers.map(say.q), ...s.noNumbers.map((h) => `${say.q(h)} (no numbers in its cells)`)].join(", ") || "no number columns"}`,
      )
      .join("; ");
    return (
      `No indicator is in both the actuals and the ${p.against === "targets" ? "targets" : "base"} sheet. Headers found — ${found}. Name the columns alike (e.g. "BHXH tự nguyện" in both) or map them (${say.fix("map")}).` +
      (p.unclear.length > 0
        ? ` Columns that do not say whether they hold the plan or the actuals (one sheet chosen for both): ${columnsAt(p.unclear, say)} — write "Kế hoạch" or "Thực hiện" in the column's header, or ${say.fix("map")}.`
        : "") +
      (p.rateGoals.length > 0
        ? ` Columns ${columnsAt(p.rateGoals, say)} are rate goals (a coverage rate set for each unit), not counts of people: comparing them needs a population / labour force sheet (${say.fix("base")}).`
        : "")
    );
  },
  "unit-ambiguous-between-sheets": (p, say) =>
    `Unit ${say.q(p.unit)} could be more than one unit between sheets ${say.sheet(p.sheet)} and ${say.sheet(p.other)}: write its prefix (Huyện, Thị xã, Thành phố …) in both.`,

  "zero-denominator": (p, say) =>
    `${say.at}: the ${p.kind === "target" ? `target for ${ind(p.indicator, say)}` : BASE_EN[p.kind]} of ${p.unit} is 0, so it has no rate.`,
  "previous-indicator-missing": (p, say) =>
    `Sheet ${say.at} (same period last year) has no column for ${ind(p.indicator, say)}, so ${ind(p.indicator, say)} has no growth. If the sheet has it under another name: ${say.fix("map")}.`,
  "previous-zero": (p, say) => `${say.at}: last year's ${ind(p.indicator, say)} of ${p.unit} is 0, so it has no growth.`,
  "denominators-sum-zero": (p, say) =>
    `${ind(p.indicator, say)} (${p.measure}): the ${p.kind === "target" ? "targets" : `${denominatorEn(p.kind)} figures`} add up to 0, so there is no area-wide rate.`,

  "computed-column-differs": (p, say) => {
    const cells = p.cells
      .map((c) => `${c.cell} (${c.unit}): the sheet has ${typed(c.theirs, say)}${c.percent ? "%" : ""}, the figures give ${say.pct(c.ours)}`)
      .join("; ");
    return `Column ${say.q(p.header)} (${say.at}) is computed by the sheet (not used as a figure), but differs from the ${computedEn(p, say)} worked out from the figures: ${cells}${p.more > 0 ? `; and ${say.num(p.more)} more cells` : ""}. Check the column's formula, or the plan and actual columns read.`;
  },
  "repeated-plan-differs": (p, say) => {
    const diffs = p.diffs
      .map((d) => `${d.cell} = ${typed(d.value, say)} against ${say.cell(p.used, d.usedCell)} = ${typed(d.usedValue, say)} (${d.unit})`)
      .join("; ");
    return `Column ${say.q(p.header)} (${say.at}) repeats the plan but differs from the plan used (sheet ${say.sheet(p.used)}): ${diffs}${p.more > 0 ? `; and ${say.num(p.more)} more units` : ""}. The results follow sheet ${say.sheet(p.used)}; check which plan is right.`;
  },
  "implausible-rate": (p, say) => {
    const examples = p.examples.map((e) => `${e.unit} ${say.pct(e.rate)}`).join(", ");
    const which =
      p.count > 0
        ? `${p.count === 1 ? `the rate of 1 unit is` : `the rates of ${say.num(p.count)} units are`} over 1,000% (${examples})`
        : `the overall rate is ${say.pct(p.overall ?? 0)}`;
    return `${ind(p.indicator, say)}: ${which} — that cannot be right. Check the unit of measure (persons or thousands) of columns ${say.cell(p.actual.sheet, p.actual.column)} and ${say.cell(p.denominator.sheet, p.denominator.column)}.`;
  },
  "actuals-without-denominator": (p, say) => {
    const what = denominatorEn(p.kind);
    const names = p.examples.map((e) => `${e.unit} (${say.num(e.actual)})`).join(", ");
    const more = p.count > p.examples.length ? `, and ${say.num(p.count - p.examples.length)} more` : "";
    return `${ind(p.indicator, say)}: ${p.count === 1 ? "1 unit has" : `${say.num(p.count)} units have`} actuals but no ${what} ("x", a blank or an error), so ${p.count === 1 ? "it has" : "they have"} no rate and ${p.count === 1 ? "is" : "are"} left out of the area's totals — ${say.num(p.people)} ${p.people === 1 ? "person is" : "people are"} not in the overall rate: ${names}${more}. Enter the ${what} for these units if there is one.`;
  },
};
