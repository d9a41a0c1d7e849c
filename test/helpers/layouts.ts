/**
 * Workbooks laid out the way provincial and local offices keep their monthly reports (DOMAIN.md,
 * "Layouts offices really use"), one builder per layout, built in memory with exceljs.
 * Each is made from a small clean province — units, targets, actuals, base, last year's figures,
 * goals — and says what the engine must give for it: every unit's figures, rate, rank and mark,
 * the area-wide rate, the units (and no other row), and the rows that are not units. The expected
 * figures are computed here from the province (Σ actual / Σ denominator, competition ranks,
 * strictly below the area rate), never copied from the engine.
 *
 * The Hậu Giang builders reproduce seed 000 (31/10/2022): 12.853 voluntary participants, 64,91% of
 * plan; Vị Thủy 45,37%, Phụng Hiệp 49,34%, Long Mỹ (the district, not the town) 53,24% below it;
 * BHYT coverage 85,26%, Phụng Hiệp, Châu Thành and Châu Thành A below it.
 */
import ExcelJS from "exceljs";
import { columnLetter } from "../../src/core/grid";

// ------------------------------------------------------------------ what the engine must give

export type Measure = "attainment" | "coverage";

export interface ExpectedUnit {
  /** The name as the results show it: the reference sheet's, without footnote marks. */
  readonly unit: string;
  readonly actual: number | null;
  readonly denominator: number | null;
  readonly ratio: number | null;
  readonly rank: number | null;
  readonly belowAverage: boolean;
  /** Only where the layout has last year's figures. */
  readonly previous?: number | null;
  readonly growth?: number | null;
  /** Only where the layout has per-unit goals: a rate (0.95). */
  readonly goal?: number | null;
  /** Only where the layout puts units into groups. */
  readonly group?: string | null;
}

export interface ExpectedResult {
  /** The catalogue id ("bhxh-tn", "bhyt", "bhtn"). */
  readonly key: string;
  readonly measure: Measure;
  /** Σ actual / Σ denominator over the units with both figures. */
  readonly overall: number | null;
  readonly actualTotal: number;
  readonly denominatorTotal: number;
  /** Σ actual / Σ previous − 1, where the layout has last year's figures. */
  readonly growth?: number | null;
  /** In the reference sheet's order. */
  readonly units: readonly ExpectedUnit[];
}

export interface ExpectedExclusion {
  readonly sheet: string;
  /** 1-based sheet row. */
  readonly row: number;
  /** The row's text, for the reader of a failure (the engine may word its label otherwise). */
  readonly label: string;
  /** What the reason must say, where it is known (a total row); otherwise any reason. */
  readonly reason?: RegExp;
}

export interface BuiltLayout {
  /** The layout's letter ("b"), as in the test file's name (test/layouts/b-one-sheet.test.ts). */
  readonly key: string;
  readonly name: string;
  readonly workbook: ExcelJS.Workbook;
  /** summary.units: the units and nothing else, in the reference sheet's order. */
  readonly units: readonly string[];
  readonly results: readonly ExpectedResult[];
  /** Rows that must not be units, each listed by the detection with a reason. */
  readonly excluded: readonly ExpectedExclusion[];
  /** Sheets that must be chosen, where the layout is about the choice. */
  readonly sheets?: { readonly targets?: string; readonly actuals?: string; readonly base?: string; readonly previous?: string };
  /** Cells a layout's own tests name ('Thực hiện'!C9). */
  readonly cells?: Readonly<Record<string, string>>;
}

/** One unit's figures for one indicator, before the measures. */
export interface Row {
  readonly unit: string;
  readonly actual: number | null;
  readonly denominator: number | null;
  readonly previous?: number | null;
  /** A rate (0.95). */
  readonly goal?: number | null;
  readonly group?: string | null;
}

const ratioOf = (a: number | null, d: number | null): number | null => (a === null || d === null || d === 0 ? null : a / d);
const growthOf = (a: number | null, p: number | null | undefined): number | null => (a === null || p === null || p === undefined || p === 0 ? null : a / p - 1);

/**
 * What the engine must give for these rows (DOMAIN.md, "Measures" and "Ranking"): the area rate
 * is Σ/Σ over the units with both figures; ranks are competition ranks, highest first, equal
 * rates (equal as numbers: a/d of equal fractions is the same double) sharing one; a unit is
 * below average when its rate is strictly below the area rate.
 */
export function expectedResult(key: string, measure: Measure, rows: readonly Row[]): ExpectedResult {
  let sa = 0;
  let sd = 0;
  let sp = 0;
  let counted = 0;
  let withPrevious = 0;
  for (const r of rows) {
    if (r.actual !== null && r.denominator !== null) {
      sa += r.actual;
      sd += r.denominator;
      counted++;
    }
    if (r.actual !== null && r.previous !== null && r.previous !== undefined) {
      sp += r.previous;
      withPrevious++;
    }
  }
  const overall = counted > 0 ? ratioOf(sa, sd) : null;
  const ratios = rows.map((r) => ratioOf(r.actual, r.denominator));
  const hasPrevious = rows.some((r) => r.previous !== undefined);
  const hasGoal = rows.some((r) => r.goal !== undefined);
  const hasGroup = rows.some((r) => r.group !== undefined);
  const units = rows.map((r, i): ExpectedUnit => {
    const q = ratios[i]!;
    const rank = q === null ? null : 1 + ratios.filter((x) => x !== null && x > q).length;
    const below = q !== null && overall !== null && q < overall && overall - q > 1e-12 * Math.max(1, Math.abs(overall));
    return {
      unit: r.unit,
      actual: r.actual,
      denominator: r.denominator,
      ratio: q,
      rank,
      belowAverage: below,
      ...(hasPrevious ? { previous: r.previous ?? null, growth: growthOf(r.actual, r.previous) } : {}),
      ...(hasGoal ? { goal: r.goal ?? null } : {}),
      ...(hasGroup ? { group: r.group ?? null } : {}),
    };
  });
  return {
    key,
    measure,
    overall,
    actualTotal: sa,
    denominatorTotal: sd,
    ...(hasPrevious ? { growth: withPrevious > 0 ? growthOf(sa, sp) : null } : {}),
    units,
  };
}

// ------------------------------------------------------------------ writing sheets

type Value = ExcelJS.CellValue;

/** A cell Excel computed: the formula with its cached result, as a saved workbook holds it. */
export function formula(f: string, result: number): Value {
  return { formula: f, result } as ExcelJS.CellFormulaValue;
}

/** Excel's letter of a 1-based column. */
export const col = (c: number): string => columnLetter(c - 1);

/** a / d × 100 as the sheet computes it ("3=2/1" under a "Tỷ lệ (%)" header). */
function percentFormula(r: number, num: number, den: number, a: number, d: number): Value {
  return formula(`IF(${col(den)}${r}=0,0,${col(num)}${r}/${col(den)}${r}*100)`, d === 0 ? 0 : (a / d) * 100);
}

/** Writes a sheet row by row from the top, remembering where it is (rows are 1-based). */
export class SheetWriter {
  readonly ws: ExcelJS.Worksheet;
  /** The last row written. */
  row = 0;
  constructor(
    wb: ExcelJS.Workbook,
    readonly name: string,
    state: "visible" | "hidden" = "visible",
  ) {
    this.ws = wb.addWorksheet(name, { state });
  }

  /** One row of values from column A; null or undefined leaves the cell blank. Returns the row. */
  put(values: readonly Value[]): number {
    this.row++;
    values.forEach((v, i) => {
      if (v !== null && v !== undefined) this.ws.getCell(this.row, i + 1).value = v;
    });
    return this.row;
  }

  blank(n = 1): void {
    this.row += n;
  }

  /** A title line merged across the table, as report titles are. */
  title(text: string, width: number): number {
    const r = this.put([text]);
    if (width > 1) this.ws.mergeCells(r, 1, r, width);
    return r;
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    this.ws.mergeCells(top, left, bottom, right);
  }

  /** 'Thực hiện'!C9 */
  cell(row: number, column: number): string {
    return `'${this.name.replace(/'/g, "''")}'!${col(column)}${row}`;
  }
}

const TOTAL_REASON = /total|tổng/i;

/** Σ of the numbers in a column ("-" and "x" add nothing). */
function sum(values: readonly (Value | undefined)[]): number {
  let s = 0;
  for (const v of values) if (typeof v === "number") s += v;
  return s;
}

interface TidyUnit {
  readonly name: Value;
  readonly figures: readonly Value[];
  /** Written into the notes column, when the table has one. */
  readonly note?: string;
}

interface Tidy {
  readonly titles: readonly string[];
  readonly unitHeader?: string;
  readonly headers: readonly string[];
  readonly units: readonly TidyUnit[];
  readonly total?: { readonly label: string; readonly position: "top" | "bottom" };
  readonly notes?: boolean;
  readonly state?: "visible" | "hidden";
}

/** A plain report sheet: titles, a blank row, STT | unit | figures (| Ghi chú), a total row. */
function tidySheet(wb: ExcelJS.Workbook, name: string, t: Tidy): { w: SheetWriter; unitRows: number[]; excluded: ExpectedExclusion[] } {
  const w = new SheetWriter(wb, name, t.state);
  const width = 2 + t.headers.length + (t.notes ? 1 : 0);
  for (const line of t.titles) w.title(line, width);
  if (t.titles.length > 0) w.blank();
  w.put(["STT", t.unitHeader ?? "Đơn vị", ...t.headers, ...(t.notes ? ["Ghi chú"] : [])]);
  const excluded: ExpectedExclusion[] = [];
  const writeTotal = () => {
    const r = w.put([t.total!.label, null, ...t.headers.map((_h, k) => sum(t.units.map((u) => u.figures[k])))]);
    w.merge(r, 1, r, 2);
    excluded.push({ sheet: name, row: r, label: t.total!.label, reason: TOTAL_REASON });
  };
  if (t.total?.position === "top") writeTotal();
  const unitRows = t.units.map((u, i) => w.put([i + 1, u.name, ...u.figures, ...(t.notes ? [u.note ?? null] : [])]));
  if (t.total?.position === "bottom") writeTotal();
  return { w, unitRows, excluded };
}

// ------------------------------------------------------------------ the provinces

export interface Figures {
  readonly target: number;
  readonly actual: number;
  /** The same period last year (cùng kỳ). */
  readonly previous: number;
}

export interface ProvinceUnit {
  /** As the plan writes it (the reference sheet). */
  readonly name: string;
  /** As another office types it in the actuals. */
  readonly alt: string;
  readonly tn: Figures;
  /** BHYT: a plan in people (target), and the population with a coverage goal (%). */
  readonly bhyt: Figures & { readonly population: number; readonly goal: number };
}

export const AGENCY_HG = "BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG";
export const AS_OF_2022 = "Số liệu đến ngày 31/10/2022";

/**
 * Hậu Giang on 31/10/2022 (seed 000). The voluntary figures and the BHYT participants and
 * population give the published totals and rates; plans in people for BHYT, last year's
 * figures and the goals are made up.
 */
export const HAU_GIANG_2022: readonly ProvinceUnit[] = [
  {
    name: "Thành phố Vị Thanh",
    alt: "TP. Vị Thanh",
    tn: { target: 2600, actual: 2010, previous: 1850 },
    bhyt: { target: 71200, actual: 70000, previous: 68200, population: 75000, goal: 95 },
  },
  {
    name: "Thành phố Ngã Bảy",
    alt: "TP Ngã Bảy",
    tn: { target: 2200, actual: 1650, previous: 1580 },
    bhyt: { target: 58900, actual: 57000, previous: 55800, population: 62000, goal: 95 },
  },
  {
    name: "Thị xã Long Mỹ",
    alt: "TX. Long Mỹ",
    tn: { target: 1900, actual: 1420, previous: 1300 },
    bhyt: { target: 52200, actual: 50500, previous: 49900, population: 55000, goal: 93 },
  },
  {
    name: "Huyện Vị Thủy",
    alt: "H. Vị Thuỷ",
    tn: { target: 2096, actual: 951, previous: 1020 },
    bhyt: { target: 68800, actual: 67531, previous: 66100, population: 72460, goal: 93 },
  },
  {
    name: "Huyện Long Mỹ",
    alt: "H.Long Mỹ",
    tn: { target: 2500, actual: 1331, previous: 1180 },
    bhyt: { target: 85500, actual: 82000, previous: 80300, population: 90000, goal: 92 },
  },
  {
    name: "Huyện Phụng Hiệp",
    alt: "HUYỆN PHỤNG HIỆP",
    tn: { target: 3200, actual: 1579, previous: 1650 },
    bhyt: { target: 171000, actual: 144343, previous: 146900, population: 190000, goal: 90 },
  },
  {
    name: "Huyện Châu Thành",
    alt: "H. Châu Thành",
    tn: { target: 2700, actual: 1950, previous: 1720 },
    bhyt: { target: 78200, actual: 68561, previous: 67200, population: 85000, goal: 90 },
  },
  {
    name: "Huyện Châu Thành A",
    alt: "H. Châu Thành A",
    tn: { target: 2604, actual: 1962, previous: 1800 },
    bhyt: { target: 92000, actual: 82020, previous: 80100, population: 100000, goal: 92 },
  },
];

/** What seed 000 publishes, to be reproduced wherever a layout carries its figures. */
export const SEED_000 = {
  tnCount: 12853,
  tnRate: "64,91%",
  belowTn: [
    ["Huyện Vị Thủy", "45,37%"],
    ["Huyện Phụng Hiệp", "49,34%"],
    ["Huyện Long Mỹ", "53,24%"],
  ],
  bhytCount: 621955,
  bhytRate: "85,26%",
  belowBhyt: [
    ["Huyện Phụng Hiệp", "75,97%"],
    ["Huyện Châu Thành", "80,66%"],
    ["Huyện Châu Thành A", "82,02%"],
  ],
} as const;

const HG = HAU_GIANG_2022;
const tnAttainment = (names: readonly string[] = HG.map((u) => u.name)) =>
  expectedResult(
    "bhxh-tn",
    "attainment",
    HG.map((u, i) => ({ unit: names[i]!, actual: u.tn.actual, denominator: u.tn.target })),
  );
const bhytCoverage = (names: readonly string[] = HG.map((u) => u.name)) =>
  expectedResult(
    "bhyt",
    "coverage",
    HG.map((u, i) => ({ unit: names[i]!, actual: u.bhyt.actual, denominator: u.bhyt.population })),
  );
const bhytAttainment = (names: readonly string[] = HG.map((u) => u.name)) =>
  expectedResult(
    "bhyt",
    "attainment",
    HG.map((u, i) => ({ unit: names[i]!, actual: u.bhyt.actual, denominator: u.bhyt.target })),
  );

const PLAN_TITLE_2022 = "CHỈ TIÊU PHÁT TRIỂN NGƯỜI THAM GIA BHXH TỰ NGUYỆN NĂM 2022";

// ------------------------------------------------------------------ the layouts

/** a. The control: a Kế hoạch sheet, a Thực hiện sheet and a Dân số sheet, one role each. */
export function tidyLayout(): BuiltLayout {
  const wb = new ExcelJS.Workbook();
  const plan = tidySheet(wb, "Kế hoạch", {
    titles: [AGENCY_HG, PLAN_TITLE_2022],
    headers: ["BHXH tự nguyện"],
    units: HG.map((u) => ({ name: u.name, figures: [u.tn.target] })),
    total: { label: "Toàn tỉnh", position: "bottom" },
  });
  const done = tidySheet(wb, "Thực hiện", {
    titles: [AGENCY_HG, "KẾT QUẢ THỰC HIỆN BHXH TỰ NGUYỆN, BHYT", AS_OF_2022],
    unitHeader: "Tên đơn vị",
    headers: ["BHXH tự nguyện", "BHYT"],
    units: HG.map((u) => ({ name: u.alt, figures: [u.tn.actual, u.bhyt.actual] })),
    total: { label: "Tổng cộng", position: "top" },
  });
  const base = tidySheet(wb, "Dân số", {
    titles: ["DÂN SỐ NĂM 2022"],
    headers: ["Dân số"],
    units: HG.map((u) => ({ name: u.name.toUpperCase(), figures: [u.bhyt.population] })),
    total: { label: "Toàn tỉnh", position: "bottom" },
  });
  return {
    key: "a",
    name: "tidy: one sheet per role (the control)",
    workbook: wb,
    units: HG.map((u) => u.name),
    results: [tnAttainment(), bhytCoverage()],
    excluded: [...plan.excluded, ...done.excluded, ...base.excluded],
    sheets: { targets: "Kế hoạch", actuals: "Thực hiện", base: "Dân số" },
  };
}

/**
 * b. One sheet "Bieu 01": each indicator a merged group header over "Kế hoạch giao" | "Thực hiện"
 * | "Tỷ lệ (%)" (BHXH tự nguyện) and "Dân số" | "Số người tham gia" | "Tỷ lệ bao phủ (%)" (BHYT),
 * the rates formulas with cached results; three header rows and "A B 1 2 3=2/1 …" under them.
 */
export function oneSheetLayout(): BuiltLayout {
  const wb = new ExcelJS.Workbook();
  const w = new SheetWriter(wb, "Bieu 01");
  const W = 8;
  w.title(AGENCY_HG, W);
  w.title("BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU BHXH TỰ NGUYỆN, BHYT NĂM 2022", W);
  w.title(AS_OF_2022, W);
  w.blank();
  const h1 = w.put(["STT", "Đơn vị", "Kết quả thực hiện năm 2022"]);
  const h2 = w.put([null, null, "BHXH tự nguyện", null, null, "BHYT"]);
  const h3 = w.put([null, null, "Kế hoạch giao", "Thực hiện", "Tỷ lệ (%)", "Dân số", "Số người tham gia", "Tỷ lệ bao phủ (%)"]);
  w.merge(h1, 1, h3, 1);
  w.merge(h1, 2, h3, 2);
  w.merge(h1, 3, h1, 8);
  w.merge(h2, 3, h2, 5);
  w.merge(h2, 6, h2, 8);
  w.put(["A", "B", 1, 2, "3=2/1", 4, 5, "6=5/4"]);
  const total = w.row + 1;
  const first = total + 1;
  const last = total + HG.length;
  const T = {
    t: sum(HG.map((u) => u.tn.target)),
    a: sum(HG.map((u) => u.tn.actual)),
    p: sum(HG.map((u) => u.bhyt.population)),
    b: sum(HG.map((u) => u.bhyt.actual)),
  };
  w.put([
    "Toàn tỉnh",
    null,
    formula(`SUM(C${first}:C${last})`, T.t),
    formula(`SUM(D${first}:D${last})`, T.a),
    percentFormula(total, 4, 3, T.a, T.t),
    formula(`SUM(F${first}:F${last})`, T.p),
    formula(`SUM(G${first}:G${last})`, T.b),
    percentFormula(total, 7, 6, T.b, T.p),
  ]);
  w.merge(total, 1, total, 2);
  HG.forEach((u, i) => {
    const r = w.row + 1;
    w.put([
      i + 1,
      u.name,
      u.tn.target,
      u.tn.actual,
      percentFormula(r, 4, 3, u.tn.actual, u.tn.target),
      u.bhyt.population,
      u.bhyt.actual,
      percentFormula(r, 7, 6, u.bhyt.actual, u.bhyt.population),
    ]);
  });
  return {
    key: "b",
    name: "one sheet: indicators as merged group headers, plan | actual | rate under each",
    workbook: wb,
    units: HG.map((u) => u.name),
    results: [tnAttainment(), bhytCoverage()],
    excluded: [{ sheet: "Bieu 01", row: total, label: "Toàn tỉnh", reason: TOTAL_REASON }],
    cells: { firstUnitRow: String(first), lastUnitRow: String(last) },
  };
}

/** c. The actuals sheet repeats the plan beside the actuals ("KH" | "TH" | "% KH"); the plan has its own sheet. */
export function planBesideActualsLayout(): BuiltLayout {
  const wb = new ExcelJS.Workbook();
  const plan = tidySheet(wb, "Kế hoạch", {
    titles: [AGENCY_HG, "CHỈ TIÊU PHÁT TRIỂN NGƯỜI THAM GIA BHXH TỰ NGUYỆN, BHYT NĂM 2022"],
    headers: ["BHXH tự nguyện", "BHYT"],
    units: HG.map((u) => ({ name: u.name, figures: [u.tn.target, u.bhyt.target] })),
    total: { label: "Toàn tỉnh", position: "bottom" },
  });
  const w = new SheetWriter(wb, "Thực hiện");
  const W = 8;
  w.title(AGENCY_HG, W);
  w.title("KẾT QUẢ THỰC HIỆN BHXH TỰ NGUYỆN, BHYT", W);
  w.title(AS_OF_2022, W);
  w.blank();
  const h1 = w.put(["STT", "Đơn vị", "BHXH tự nguyện", null, null, "BHYT"]);
  const h2 = w.put([null, null, "KH", "TH", "% KH", "KH", "TH", "% KH"]);
  w.merge(h1, 1, h2, 1);
  w.merge(h1, 2, h2, 2);
  w.merge(h1, 3, h1, 5);
  w.merge(h1, 6, h1, 8);
  const total = w.row + 1;
  const T = {
    t: sum(HG.map((u) => u.tn.target)),
    a: sum(HG.map((u) => u.tn.actual)),
    bt: sum(HG.map((u) => u.bhyt.target)),
    ba: sum(HG.map((u) => u.bhyt.actual)),
  };
  const frac = (r: number, num: number, den: number, a: number, d: number) => formula(`${col(num)}${r}/${col(den)}${r}`, a / d);
  w.put(["Tổng cộng", null, T.t, T.a, frac(total, 4, 3, T.a, T.t), T.bt, T.ba, frac(total, 7, 6, T.ba, T.bt)]);
  w.merge(total, 1, total, 2);
  HG.forEach((u, i) => {
    const r = w.row + 1;
    w.put([
      i + 1,
      u.alt,
      u.tn.target,
      u.tn.actual,
      frac(r, 4, 3, u.tn.actual, u.tn.target),
      u.bhyt.target,
      u.bhyt.actual,
      frac(r, 7, 6, u.bhyt.actual, u.bhyt.target),
    ]);
    for (const c of [5, 8]) w.ws.getCell(r, c).numFmt = "0.00%";
  });
  return {
    key: "c",
    name: "actuals sheet repeating the plan (KH | TH | % KH) beside a Kế hoạch sheet",
    workbook: wb,
    units: HG.map((u) => u.name),
    results: [tnAttainment(), bhytAttainment()],
    excluded: [...plan.excluded, { sheet: "Thực hiện", row: total, label: "Tổng cộng", reason: TOTAL_REASON }],
  };
}

/** d. Two rows per unit: a "Kế hoạch" row and a "Thực hiện" row, the STT and the name merged over both. */
export function twoRowsLayout(): BuiltLayout {
  const wb = new ExcelJS.Workbook();
  const name = "Bieu 02";
  const w = new SheetWriter(wb, name);
  const W = 5;
  w.title(AGENCY_HG, W);
  w.title("TÌNH HÌNH THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN NGƯỜI THAM GIA BHXH TỰ NGUYỆN, BHYT NĂM 2022", W);
  w.title(AS_OF_2022, W);
  w.blank();
  w.put(["STT", "Đơn vị", "Nội dung", "BHXH tự nguyện", "BHYT"]);
  w.put(["A", "B", "C", 1, 2]);
  const total = w.put([null, "Toàn tỉnh", "Kế hoạch", sum(HG.map((u) => u.tn.target)), sum(HG.map((u) => u.bhyt.target))]);
  w.put([null, null, "Thực hiện", sum(HG.map((u) => u.tn.actual)), sum(HG.map((u) => u.bhyt.actual))]);
  w.merge(total, 1, total + 1, 1);
  w.merge(total, 2, total + 1, 2);
  HG.forEach((u, i) => {
    const r = w.put([i + 1, u.name, "Kế hoạch", u.tn.target, u.bhyt.target]);
    w.put([null, null, "Thực hiện", u.tn.actual, u.bhyt.actual]);
    w.merge(r, 1, r + 1, 1);
    w.merge(r, 2, r + 1, 2);
  });
  return {
    key: "d",
    name: "two rows per unit (Kế hoạch row, Thực hiện row, the name merged over both)",
    workbook: wb,
    units: HG.map((u) => u.name),
    results: [tnAttainment(), bhytAttainment()],
    excluded: [{ sheet: name, row: total, label: "Toàn tỉnh", reason: TOTAL_REASON }],
  };
}

/**
 * e. "Trong đó:" and breakdown rows with figures, under the total ("- Khu vực thành thị",
 * "- Nông thôn"), under a unit ("+ Thành thị", "+ Nông thôn") and "Trong đó: KCN …" under the last
 * unit; the total at the top of the plan and at the bottom of the actuals.
 */
export function breakdownLayout(): BuiltLayout {
  const wb = new ExcelJS.Workbook();
  const excluded: ExpectedExclusion[] = [];
  // Thành phố Vị Thanh, Thành phố Ngã Bảy and Thị xã Long Mỹ are the urban units.
  const urban = (f: (u: ProvinceUnit) => number) => sum(HG.slice(0, 3).map(f));
  const all = (f: (u: ProvinceUnit) => number) => sum(HG.map(f));
  const split = { plan: { city: [2100, 500], kcn: 400 }, done: { city: [1650, 360], kcn: 310 } };

  const sheet = (name: string, title: string[], which: "plan" | "done") => {
    const w = new SheetWriter(wb, name);
    for (const t of title) w.title(t, 3);
    w.blank();
    w.put(["STT", "Đơn vị", "BHXH tự nguyện"]);
    const f = which === "plan" ? (u: ProvinceUnit) => u.tn.target : (u: ProvinceUnit) => u.tn.actual;
    const s = split[which];
    const skip = (label: string, v: number | null) => {
      const r = w.put([null, label, v]);
      excluded.push({ sheet: name, row: r, label });
    };
    const totalLabel = which === "plan" ? "Toàn tỉnh" : "Tổng cộng";
    const writeTotal = () => {
      const r = w.put([totalLabel, null, all(f)]);
      w.merge(r, 1, r, 2);
      excluded.push({ sheet: name, row: r, label: totalLabel, reason: TOTAL_REASON });
      skip("Trong đó:", null);
      skip("- Khu vực thành thị", urban(f));
      skip("- Nông thôn", all(f) - urban(f));
    };
    if (which === "plan") writeTotal();
    HG.forEach((u, i) => {
      w.put([i + 1, which === "plan" ? u.name : u.alt, f(u)]);
      if (i === 0) {
        skip("Trong đó:", null);
        skip("+ Thành thị", s.city[0]!);
        skip("+ Nông thôn", s.city[1]!);
      }
    });
    skip("Trong đó: KCN Tân Phú Thạnh", s.kcn);
    if (which === "done") writeTotal();
  };
  sheet("Kế hoạch", [AGENCY_HG, PLAN_TITLE_2022], "plan");
  sheet("Thực hiện", [AGENCY_HG, "KẾT QUẢ THỰC HIỆN BHXH TỰ NGUYỆN", AS_OF_2022], "done");
  return {
    key: "e",
    name: '"Trong đó:" and breakdown rows under a unit and under the total',
    workbook: wb,
    units: HG.map((u) => u.name),
    results: [tnAttainment()],
    excluded,
  };
}

/** A district's communes in 2022, before the two-level government. */
interface District {
  readonly name: string;
  readonly alt: string;
  readonly communes: readonly { readonly name: string; readonly alt: string; readonly target: number; readonly actual: number }[];
}

export const HG_COMMUNES_2022: readonly District[] = [
  {
    name: "Huyện Vị Thủy",
    alt: "H. Vị Thủy",
    communes: [
      { name: "Thị trấn Nàng Mau", alt: "TT. Nàng Mau", target: 210, actual: 150 },
      { name: "Xã Vị Thắng", alt: "X. Vị Thắng", target: 180, actual: 85 },
      { name: "Xã Vĩnh Tường", alt: "Xã Vĩnh Tường", target: 160, actual: 98 },
      { name: "Xã Vị Thủy", alt: "X. Vị Thuỷ", target: 190, actual: 77 },
    ],
  },
  {
    name: "Huyện Long Mỹ",
    alt: "H. Long Mỹ",
    communes: [
      { name: "Thị trấn Vĩnh Viễn", alt: "TT Vĩnh Viễn", target: 200, actual: 131 },
      { name: "Xã Vĩnh Viễn A", alt: "Xã Vĩnh Viễn A", target: 150, actual: 64 },
      { name: "Xã Lương Tâm", alt: "X. Lương Tâm", target: 170, actual: 92 },
    ],
  },
  {
    name: "Thị xã Long Mỹ",
    alt: "TX. Long Mỹ",
    communes: [
      { name: "Phường Thuận An", alt: "P. Thuận An", target: 240, actual: 201 },
      { name: "Phường Vĩnh Tường", alt: "P. Vĩnh Tường", target: 190, actual: 140 },
      { name: "Xã Long Phú", alt: "Xã Long Phú", target: 160, actual: 101 },
    ],
  },
];

/**
 * f. Group rows without numerals: each district's row ("Huyện Vị Thủy", no STT) above its
 * communes, its figures the sum of theirs; STT running on in the plan, restarting per district in
 * the actuals. "Xã Vị Thủy" is a commune of "Huyện Vị Thủy", and "Xã Vĩnh Tường" is not "Phường
 * Vĩnh Tường".
 */
export function districtRowsLayout(): BuiltLayout {
  const wb = new ExcelJS.Workbook();
  const excluded: ExpectedExclusion[] = [];
  const sheet = (name: string, titles: string[], which: "plan" | "done") => {
    const w = new SheetWriter(wb, name);
    for (const t of titles) w.title(t, 3);
    w.blank();
    w.put(["STT", "Đơn vị", "BHXH tự nguyện"]);
    const f = (c: District["communes"][number]) => (which === "plan" ? c.target : c.actual);
    const totalLabel = which === "plan" ? "Toàn tỉnh" : "Tổng cộng";
    const grand = sum(HG_COMMUNES_2022.flatMap((d) => d.communes.map(f)));
    const writeTotal = () => {
      const r = w.put([totalLabel, null, grand]);
      w.merge(r, 1, r, 2);
      excluded.push({ sheet: name, row: r, label: totalLabel, reason: TOTAL_REASON });
    };
    if (which === "plan") writeTotal();
    let n = 0;
    for (const d of HG_COMMUNES_2022) {
      const label = which === "plan" ? d.name : d.alt;
      const r = w.put([null, label, sum(d.communes.map(f))]);
      excluded.push({ sheet: name, row: r, label });
      if (which === "done") n = 0;
      for (const c of d.communes) w.put([++n, which === "plan" ? c.name : c.alt, f(c)]);
    }
    if (which === "done") writeTotal();
  };
  sheet("Kế hoạch", [AGENCY_HG, "CHỈ TIÊU PHÁT TRIỂN NGƯỜI THAM GIA BHXH TỰ NGUYỆN NĂM 2022 (CẤP XÃ)"], "plan");
  sheet("Thực hiện", [AGENCY_HG, "KẾT QUẢ THỰC HIỆN BHXH TỰ NGUYỆN CẤP XÃ", AS_OF_2022], "done");
  const rows = HG_COMMUNES_2022.flatMap((d) => d.communes.map((c) => ({ unit: c.name, actual: c.actual, denominator: c.target, group: d.name })));
  return {
    key: "f",
    name: "group rows without numerals: a district row above its communes, its figures their sum",
    workbook: wb,
    units: rows.map((r) => r.unit),
    results: [expectedResult("bhxh-tn", "attainment", rows)],
    excluded,
  };
}

/** Names with footnote marks in the plan, and in the actuals one more; the shown name is clean. */
const MARKED: readonly { readonly plan: string; readonly shown: string; readonly done: string }[] = [
  { plan: "Thành phố Vị Thanh", shown: "Thành phố Vị Thanh", done: "TP. Vị Thanh" },
  { plan: "Thành phố Ngã Bảy", shown: "Thành phố Ngã Bảy", done: "TP Ngã Bảy" },
  { plan: "TX. Long Mỹ¹", shown: "TX. Long Mỹ", done: "Thị xã Long Mỹ" },
  { plan: "Huyện Vị Thủy", shown: "Huyện Vị Thủy", done: "H. Vị Thủy" },
  { plan: "Huyện Long Mỹ (*)", shown: "Huyện Long Mỹ", done: "H. Long Mỹ" },
  { plan: "Huyện Phụng Hiệp", shown: "Huyện Phụng Hiệp", done: "H. Phụng Hiệp*" },
  { plan: "Huyện Châu Thành", shown: "Huyện Châu Thành", done: "H. Châu Thành" },
  { plan: "Châu Thành A (1)", shown: "Châu Thành A", done: "H. Châu Thành A" },
];

/**
 * g. Footnote marks on names ("Huyện Long Mỹ (*)" in the plan, "H. Long Mỹ" in the actuals;
 * "TX. Long Mỹ¹", "Châu Thành A (1)", "H. Phụng Hiệp*"), the notes under the table ("Ghi chú: (*)
 * …") and the signature block (place and date, "Người lập biểu", "KT. GIÁM ĐỐC", names).
 */
export function footnotesLayout(): BuiltLayout {
  const wb = new ExcelJS.Workbook();
  const excluded: ExpectedExclusion[] = [];
  const sheet = (name: string, titles: string[], which: "plan" | "done", notes: string[], signers: [string, string, string, string]) => {
    const { w, excluded: ex } = tidySheet(wb, name, {
      titles,
      headers: ["BHXH tự nguyện"],
      units: HG.map((u, i) => ({
        name: which === "plan" ? MARKED[i]!.plan : MARKED[i]!.done,
        figures: [which === "plan" ? u.tn.target : u.tn.actual],
        note: i === 4 && which === "plan" ? "Điều chỉnh" : undefined,
      })),
      total: { label: which === "plan" ? "Toàn tỉnh" : "Tổng cộng", position: "bottom" },
      notes: true,
    });
    excluded.push(...ex);
    const skip = (values: Value[], label: string) => excluded.push({ sheet: name, row: w.put(values), label });
    w.blank();
    for (const n of notes) skip([null, n], n);
    w.blank();
    skip([null, null, null, "Vị Thanh, ngày 05 tháng 11 năm 2022"], "Vị Thanh, ngày 05 tháng 11 năm 2022");
    skip([null, signers[0], null, signers[1]], signers[0]);
    if (which === "plan") skip([null, null, null, "PHÓ GIÁM ĐỐC"], "PHÓ GIÁM ĐỐC");
    w.blank(2);
    skip([null, signers[2], null, signers[3]], signers[2]);
  };
  sheet(
    "Kế hoạch",
    [AGENCY_HG, PLAN_TITLE_2022, "(Kèm theo Quyết định số 1520/QĐ-UBND ngày 15/8/2022 của UBND tỉnh)"],
    "plan",
    [
      "Ghi chú: (*) Chỉ tiêu điều chỉnh theo Quyết định số 1520/QĐ-UBND ngày 15/8/2022.",
      "(1) Bao gồm chỉ tiêu của Khu công nghiệp Tân Phú Thạnh.",
      "¹ Thị xã Long Mỹ: chỉ tiêu giao bổ sung.",
    ],
    ["Người lập biểu", "KT. GIÁM ĐỐC", "Nguyễn Thị Mai", "Trần Văn Hùng"],
  );
  sheet(
    "Thực hiện",
    [AGENCY_HG, "KẾT QUẢ THỰC HIỆN BHXH TỰ NGUYỆN", AS_OF_2022],
    "done",
    ["Ghi chú: (*) Số liệu sơ bộ, chưa gồm người tham gia qua đại lý thu."],
    ["NGƯỜI LẬP BIỂU", "GIÁM ĐỐC", "Lê Văn Tâm", "Phạm Thị Hồng"],
  );
  return {
    key: "g",
    name: "footnote marks on names, notes under the table, the signature block",
    workbook: wb,
    units: MARKED.map((m) => m.shown),
    results: [tnAttainment(MARKED.map((m) => m.shown))],
    excluded,
  };
}

export const AGENCY_CT = "BẢO HIỂM XÃ HỘI THÀNH PHỐ CẦN THƠ";

/** Communes and wards of Cần Thơ after 1 July 2025 (the former Hậu Giang part). */
const CT_2025: readonly { name: string; alt: string; tn: [number, number | "-"]; bhtn: [number | "x", number | "x"] }[] = [
  { name: "Phường Vị Tân", alt: "P. Vị Tân", tn: [420, 310], bhtn: [1500, 1380] },
  { name: "Phường Vị Thanh", alt: "P. Vị Thanh", tn: [500, 455], bhtn: [2100, 1995] },
  { name: "Xã Vị Thủy", alt: "X. Vị Thủy", tn: [380, 160], bhtn: [300, 240] },
  { name: "Xã Vĩnh Thuận Đông", alt: "Xã Vĩnh Thuận Đông", tn: [300, "-"], bhtn: ["x", "x"] },
  { name: "Xã Vị Thanh 1", alt: "X. Vị Thanh 1", tn: [260, 171], bhtn: ["x", "x"] },
  { name: "Xã Hỏa Lựu", alt: "Xã Hỏa Lựu", tn: [240, 150], bhtn: [350, 210] },
];

/**
 * h. "-" for zero and "x" for not applicable: Xã Vĩnh Thuận Đông enrolled nobody in voluntary
 * insurance ("-"): it stays in the ranking, last, at 0%, below the area rate; unemployment
 * insurance does not apply to two communes ("x" in both sheets): no rate, no rank, not in the sums.
 */
export function dashZeroLayout(): BuiltLayout {
  const wb = new ExcelJS.Workbook();
  const plan = tidySheet(wb, "Kế hoạch", {
    titles: [AGENCY_CT, "KẾ HOẠCH PHÁT TRIỂN NGƯỜI THAM GIA BHXH TỰ NGUYỆN, BHTN NĂM 2025"],
    unitHeader: "Xã, phường",
    headers: ["BHXH tự nguyện", "BHTN"],
    units: CT_2025.map((u) => ({ name: u.name, figures: [u.tn[0], u.bhtn[0]] })),
    total: { label: "Toàn thành phố", position: "bottom" },
  });
  const done = tidySheet(wb, "Thực hiện", {
    titles: [AGENCY_CT, "KẾT QUẢ THỰC HIỆN 9 THÁNG NĂM 2025", "Số liệu đến ngày 30/9/2025"],
    unitHeader: "Xã, phường",
    headers: ["BHXH tự nguyện", "BHTN"],
    units: CT_2025.map((u) => ({ name: u.alt, figures: [u.tn[1], u.bhtn[1]] })),
    total: { label: "Tổng cộng", position: "bottom" },
  });
  const num = (v: number | string): number | null => (typeof v === "number" ? v : v === "-" ? 0 : null);
  const dashRow = done.unitRows[CT_2025.findIndex((u) => u.tn[1] === "-")]!;
  return {
    key: "h",
    name: '"-" for zero, "x" for not applicable',
    workbook: wb,
    units: CT_2025.map((u) => u.name),
    results: [
      expectedResult(
        "bhxh-tn",
        "attainment",
        CT_2025.map((u) => ({ unit: u.name, actual: num(u.tn[1]), denominator: num(u.tn[0]) })),
      ),
      expectedResult(
        "bhtn",
        "attainment",
        CT_2025.map((u) => ({ unit: u.name, actual: num(u.bhtn[1]), denominator: num(u.bhtn[0]) })),
      ),
    ],
    excluded: [...plan.excluded, ...done.excluded],
    cells: { dash: done.w.cell(dashRow, 3) },
  };
}

/**
 * i. Scale: the plan in thousands ("Đơn vị tính: nghìn người": 2,096 is 2.096 people), the
 * actuals in people ("ĐVT: người").
 */
export function scaleLayout(): BuiltLayout {
  const wb = new ExcelJS.Workbook();
  const w = new SheetWriter(wb, "Kế hoạch");
  w.title(AGENCY_HG, 3);
  w.title(PLAN_TITLE_2022, 3);
  w.put([null, null, "Đơn vị tính: nghìn người"]);
  w.put(["STT", "Đơn vị", "BHXH tự nguyện"]);
  HG.forEach((u, i) => w.put([i + 1, u.name, u.tn.target / 1000]));
  const total = w.put(["Toàn tỉnh", null, sum(HG.map((u) => u.tn.target)) / 1000]);
  w.merge(total, 1, total, 2);
  const done = tidySheet(wb, "Thực hiện", {
    titles: [AGENCY_HG, "KẾT QUẢ THỰC HIỆN BHXH TỰ NGUYỆN (ĐVT: người)", AS_OF_2022],
    headers: ["BHXH tự nguyện"],
    units: HG.map((u) => ({ name: u.alt, figures: [u.tn.actual] })),
    total: { label: "Tổng cộng", position: "top" },
  });
  return {
    key: "i",
    name: "scale: the plan in thousands of people, the actuals in people",
    workbook: wb,
    units: HG.map((u) => u.name),
    results: [tnAttainment()],
    excluded: [{ sheet: "Kế hoạch", row: total, label: "Toàn tỉnh", reason: TOTAL_REASON }, ...done.excluded],
  };
}

/** Hậu Giang's districts in the first half of 2025 (before the two-level government), made up. */
const HG_2025 = [
  { name: "Thành phố Vị Thanh", alt: "TP. Vị Thanh", plan2024: 2800, plan2025: 3000, actual: 2150 },
  { name: "Thành phố Ngã Bảy", alt: "TP Ngã Bảy", plan2024: 2350, plan2025: 2500, actual: 1700 },
  { name: "Thị xã Long Mỹ", alt: "TX. Long Mỹ", plan2024: 2050, plan2025: 2200, actual: 1560 },
  { name: "Huyện Vị Thủy", alt: "H. Vị Thủy", plan2024: 2250, plan2025: 2400, actual: 1180 },
  { name: "Huyện Long Mỹ", alt: "H. Long Mỹ", plan2024: 2650, plan2025: 2800, actual: 1540 },
  { name: "Huyện Phụng Hiệp", alt: "H. Phụng Hiệp", plan2024: 3400, plan2025: 3600, actual: 1800 },
  { name: "Huyện Châu Thành", alt: "H. Châu Thành", plan2024: 2850, plan2025: 3000, actual: 2110 },
  { name: "Huyện Châu Thành A", alt: "H. Châu Thành A", plan2024: 2750, plan2025: 2900, actual: 2060 },
] as const;

/**
 * j. A hidden sheet "KH 2024" (last year's plan, first in the workbook) beside the visible
 * "KH 2025" and "TH 2025": the visible 2025 plan must be used.
 */
export function hiddenLastYearLayout(): BuiltLayout {
  const wb = new ExcelJS.Workbook();
  const old = tidySheet(wb, "KH 2024", {
    titles: [AGENCY_HG, "CHỈ TIÊU PHÁT TRIỂN NGƯỜI THAM GIA BHXH TỰ NGUYỆN NĂM 2024"],
    headers: ["BHXH tự nguyện"],
    units: HG_2025.map((u) => ({ name: u.name, figures: [u.plan2024] })),
    total: { label: "Toàn tỉnh", position: "bottom" },
    state: "hidden",
  });
  void old;
  const plan = tidySheet(wb, "KH 2025", {
    titles: [AGENCY_HG, "CHỈ TIÊU PHÁT TRIỂN NGƯỜI THAM GIA BHXH TỰ NGUYỆN NĂM 2025"],
    headers: ["BHXH tự nguyện"],
    units: HG_2025.map((u) => ({ name: u.name, figures: [u.plan2025] })),
    total: { label: "Toàn tỉnh", position: "bottom" },
  });
  const done = tidySheet(wb, "TH 2025", {
    titles: [AGENCY_HG, "KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2025", "Số liệu đến ngày 30/6/2025"],
    headers: ["BHXH tự nguyện"],
    units: HG_2025.map((u) => ({ name: u.alt, figures: [u.actual] })),
    total: { label: "Tổng cộng", position: "top" },
  });
  return {
    key: "j",
    name: 'a hidden "KH 2024" beside the visible "KH 2025" and "TH 2025"',
    workbook: wb,
    units: HG_2025.map((u) => u.name),
    results: [
      expectedResult(
        "bhxh-tn",
        "attainment",
        HG_2025.map((u) => ({ unit: u.name, actual: u.actual, denominator: u.plan2025 })),
      ),
    ],
    excluded: [...plan.excluded, ...done.excluded],
    sheets: { targets: "KH 2025", actuals: "TH 2025" },
  };
}

export const AGENCY_AG = "BẢO HIỂM XÃ HỘI TỈNH AN GIANG";

/** An Giang after 1 July 2025 (merged with Kiên Giang): wards, communes and three special zones; figures made up. */
const AG_2025 = [
  { name: "Phường Rạch Giá", alt: "P. Rạch Giá", target: 820, actual: 655 },
  { name: "Phường Long Xuyên", alt: "P.Long Xuyên", target: 900, actual: 702 },
  { name: "Phường Châu Đốc", alt: "PHƯỜNG CHÂU ĐỐC", target: 610, actual: 402 },
  { name: "Xã Châu Thành", alt: "X. Châu Thành", target: 450, actual: 261 },
  { name: "Xã Mỹ Hòa Hưng", alt: "Xã Mỹ Hoà Hưng", target: 300, actual: 189 },
  { name: "Đặc khu Phú Quốc", alt: "ĐK Phú Quốc", target: 700, actual: 623 },
  { name: "Đặc khu Kiên Hải", alt: "ĐK. Kiên Hải", target: 120, actual: 66 },
  { name: "Đặc khu Thổ Châu", alt: "Đặc khu Thổ Châu", target: 40, actual: 31 },
] as const;

/** k. Wards, communes and special zones after 1 July 2025: "Đặc khu Phú Quốc" in the plan, "ĐK Phú Quốc" in the actuals. */
export function specialZonesLayout(): BuiltLayout {
  const wb = new ExcelJS.Workbook();
  const plan = tidySheet(wb, "Kế hoạch", {
    titles: [AGENCY_AG, "KẾ HOẠCH PHÁT TRIỂN NGƯỜI THAM GIA BHXH TỰ NGUYỆN NĂM 2025 (SAU SẮP XẾP ĐƠN VỊ HÀNH CHÍNH)"],
    unitHeader: "Xã, phường, đặc khu",
    headers: ["BHXH tự nguyện"],
    units: AG_2025.map((u) => ({ name: u.name, figures: [u.target] })),
    total: { label: "Toàn tỉnh", position: "top" },
  });
  const done = tidySheet(wb, "Thực hiện", {
    titles: [AGENCY_AG, "KẾT QUẢ THỰC HIỆN QUÝ III NĂM 2025", "Số liệu đến ngày 30/9/2025"],
    unitHeader: "Xã, phường, đặc khu",
    headers: ["BHXH tự nguyện"],
    units: AG_2025.map((u) => ({ name: u.alt, figures: [u.actual] })),
    total: { label: "Tổng cộng", position: "bottom" },
  });
  return {
    key: "k",
    name: "wards, communes and special zones after July 2025 (Đặc khu / ĐK)",
    workbook: wb,
    units: AG_2025.map((u) => u.name),
    results: [
      expectedResult(
        "bhxh-tn",
        "attainment",
        AG_2025.map((u) => ({ unit: u.name, actual: u.actual, denominator: u.target })),
      ),
    ],
    excluded: [...plan.excluded, ...done.excluded],
  };
}

/** Numbered wards of a city (TP Sóc Trăng, 2024); figures made up. */
const WARDS = [
  { plan: "Phường 1" as Value, shown: "Phường 1", done: "P.1", target: 310, actual: 190 },
  { plan: "Phường 2" as Value, shown: "Phường 2", done: "P.2", target: 280, actual: 201 },
  { plan: 3 as Value, shown: "Phường 3", done: "Phường 3", target: 260, actual: 143 },
  { plan: "Phường 4" as Value, shown: "Phường 4", done: "P.4", target: 295, actual: 222 },
  { plan: "Phường 5" as Value, shown: "Phường 5", done: "P.5", target: 240, actual: 118 },
  { plan: "Phường 6" as Value, shown: "Phường 6", done: "P.6", target: 330, actual: 251 },
];

/**
 * k2. A ward typed as the number 3 among "Phường 1", "Phường 2" … in the plan ("Phường 3" in the
 * actuals): a unit, read with its neighbours' kind, in the results and in the area rate.
 */
export function numberedWardLayout(): BuiltLayout {
  const wb = new ExcelJS.Workbook();
  const plan = tidySheet(wb, "Kế hoạch", {
    titles: ["BẢO HIỂM XÃ HỘI THÀNH PHỐ SÓC TRĂNG", "CHỈ TIÊU PHÁT TRIỂN NGƯỜI THAM GIA BHXH TỰ NGUYỆN NĂM 2024"],
    unitHeader: "Phường",
    headers: ["BHXH tự nguyện"],
    units: WARDS.map((u) => ({ name: u.plan, figures: [u.target] })),
    total: { label: "Toàn thành phố", position: "bottom" },
  });
  const done = tidySheet(wb, "Thực hiện", {
    titles: ["BẢO HIỂM XÃ HỘI THÀNH PHỐ SÓC TRĂNG", "KẾT QUẢ THỰC HIỆN", "Số liệu đến ngày 30/9/2024"],
    unitHeader: "Phường",
    headers: ["BHXH tự nguyện"],
    units: WARDS.map((u) => ({ name: u.done, figures: [u.actual] })),
    total: { label: "Tổng cộng", position: "bottom" },
  });
  return {
    key: "k2",
    name: "a ward typed as the number 3 among Phường 1, Phường 2 …",
    workbook: wb,
    units: WARDS.map((u) => u.shown),
    results: [
      expectedResult(
        "bhxh-tn",
        "attainment",
        WARDS.map((u) => ({ unit: u.shown, actual: u.actual, denominator: u.target })),
      ),
    ],
    excluded: [...plan.excluded, ...done.excluded],
  };
}

/**
 * l. The actuals sheet holds last year's figures ("Cùng kỳ") and the growth ("So cùng kỳ (%)")
 * for both indicators, and for BHYT also the population ("Dân số") and each unit's coverage goal
 * ("Chỉ tiêu giao (%)"): coverage, goals and growth from one sheet; the plan for voluntary
 * insurance in its own sheet.
 */
export function samePeriodLayout(): BuiltLayout {
  const wb = new ExcelJS.Workbook();
  const plan = tidySheet(wb, "Kế hoạch", {
    titles: [AGENCY_HG, PLAN_TITLE_2022],
    headers: ["BHXH tự nguyện"],
    units: HG.map((u) => ({ name: u.name, figures: [u.tn.target] })),
    total: { label: "Toàn tỉnh", position: "bottom" },
  });
  const w = new SheetWriter(wb, "Thực hiện");
  const W = 11;
  w.title(AGENCY_HG, W);
  w.title("KẾT QUẢ THỰC HIỆN BHXH TỰ NGUYỆN, BHYT SO VỚI CÙNG KỲ", W);
  w.title(AS_OF_2022, W);
  w.blank();
  const h1 = w.put(["STT", "Đơn vị", "BHXH tự nguyện", null, null, "BHYT"]);
  w.put([null, null, "Cùng kỳ", "Thực hiện", "So cùng kỳ (%)", "Dân số", "Chỉ tiêu giao (%)", "Cùng kỳ", "Thực hiện", "Tỷ lệ bao phủ (%)", "So cùng kỳ (%)"]);
  w.merge(h1, 1, h1 + 1, 1);
  w.merge(h1, 2, h1 + 1, 2);
  w.merge(h1, 3, h1, 5);
  w.merge(h1, 6, h1, 11);
  w.put(Array.from({ length: W }, (_v, i) => `(${i + 1})`));
  // One row: voluntary (last year, this year, growth), then BHYT (population, goal, last year,
  // this year, coverage, growth); the rates are the sheet's own formulas.
  const line = (
    r: number,
    stt: Value,
    label: Value,
    tn: Omit<Figures, "target">,
    b: Omit<ProvinceUnit["bhyt"], "target" | "goal">,
    goal: number | null,
  ): Value[] => [
    stt,
    label,
    tn.previous,
    tn.actual,
    percentFormula(r, 4, 3, tn.actual, tn.previous),
    b.population,
    goal,
    b.previous,
    b.actual,
    percentFormula(r, 9, 6, b.actual, b.population),
    percentFormula(r, 9, 8, b.actual, b.previous),
  ];
  const total = w.row + 1;
  const T = (f: (u: ProvinceUnit) => number) => sum(HG.map(f));
  w.put(
    line(
      total,
      "Tổng cộng",
      null,
      { actual: T((u) => u.tn.actual), previous: T((u) => u.tn.previous) },
      { actual: T((u) => u.bhyt.actual), previous: T((u) => u.bhyt.previous), population: T((u) => u.bhyt.population) },
      null,
    ),
  );
  w.merge(total, 1, total, 2);
  HG.forEach((u, i) => w.put(line(w.row + 1, i + 1, u.alt, u.tn, u.bhyt, u.bhyt.goal)));
  return {
    key: "l",
    name: '"Cùng kỳ", "So cùng kỳ (%)", "Dân số" and "Chỉ tiêu giao (%)" in the actuals sheet',
    workbook: wb,
    units: HG.map((u) => u.name),
    results: [
      expectedResult(
        "bhxh-tn",
        "attainment",
        HG.map((u) => ({ unit: u.name, actual: u.tn.actual, denominator: u.tn.target, previous: u.tn.previous })),
      ),
      expectedResult(
        "bhyt",
        "coverage",
        HG.map((u) => ({ unit: u.name, actual: u.bhyt.actual, denominator: u.bhyt.population, previous: u.bhyt.previous, goal: u.bhyt.goal / 100 })),
      ),
    ],
    excluded: [...plan.excluded, { sheet: "Thực hiện", row: total, label: "Tổng cộng", reason: TOTAL_REASON }],
  };
}

/**
 * m. A Vietnamese sheet where one count is typed as the text "2,010" (Vị Thanh's 2.010
 * participants, seed 000) among whole numbers: read as 2.010 people, or a warning naming the cell
 * — never 2,01 without a word.
 */
export function ambiguousSeparatorLayout(): BuiltLayout {
  const wb = new ExcelJS.Workbook();
  const plan = tidySheet(wb, "Kế hoạch", {
    titles: [AGENCY_HG, PLAN_TITLE_2022],
    headers: ["BHXH tự nguyện"],
    units: HG.map((u) => ({ name: u.name, figures: [u.tn.target] })),
    total: { label: "Toàn tỉnh", position: "bottom" },
  });
  const done = tidySheet(wb, "Thực hiện", {
    titles: [AGENCY_HG, "KẾT QUẢ THỰC HIỆN BHXH TỰ NGUYỆN", AS_OF_2022],
    headers: ["BHXH tự nguyện"],
    units: HG.map((u, i) => ({ name: u.alt, figures: [i === 0 ? "2,010" : u.tn.actual] })),
  });
  return {
    key: "m",
    name: '"2,010" typed as text in a column of whole counts',
    workbook: wb,
    units: HG.map((u) => u.name),
    results: [tnAttainment()],
    excluded: plan.excluded,
    cells: { ambiguous: done.w.cell(done.unitRows[0]!, 3) },
  };
}

/** Every layout, in the brief's order. */
export const LAYOUTS: readonly (() => BuiltLayout)[] = [
  tidyLayout,
  oneSheetLayout,
  planBesideActualsLayout,
  twoRowsLayout,
  breakdownLayout,
  districtRowsLayout,
  footnotesLayout,
  dashZeroLayout,
  scaleLayout,
  hiddenLastYearLayout,
  specialZonesLayout,
  numberedWardLayout,
  samePeriodLayout,
  ambiguousSeparatorLayout,
];
