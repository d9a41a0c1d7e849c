/** One sample of each message of the sheets area (src/core/messages/sheets.ts), with realistic params. */
import { said, type Message } from "../../../src/core/messages";

const BHYT = { vi: "BHYT", en: "Health insurance" };
const TN = { vi: "BHXH tự nguyện", en: "Voluntary social insurance" };

export const SHEETS_SAMPLES: readonly Message[] = [
  // Choosing the sheets.
  said("sheet-not-found", { name: "Năm 2019", role: "previous", sheets: ["Kế hoạch", "Thực hiện", "Dân số"] }, { sheet: "Năm 2019" }, "previous"),
  said("no-actuals-sheet", { sheets: ["Kế hoạch", "Sheet9"] }, undefined, "actuals"),
  said("workbook-empty", { sheets: ["Sheet1", "Trang tính2"] }, undefined, "input"),
  said(
    "sheet-chosen-by-period",
    { role: "targets", period: { year: 2024, month: 0, day: 0 }, because: "report-year", other: "KH", otherPeriod: { year: 2023, month: 0, day: 0 } },
    { sheet: "KH (2)" },
    "targets",
  ),
  said("sheet-of-another-year", { role: "targets", year: 2024, actuals: "TH T4.2025", actualsYear: 2025 }, { sheet: "KH 2024" }, "targets"),
  said("sheet-chosen-by-columns", { role: "actuals" }, { sheet: "Bieu 01" }, "actuals"),
  said("actuals-in-plan-sheet", {}, { sheet: "Kế hoạch" }, "actuals"),
  said("actuals-by-participants", {}, { sheet: "Tổng hợp" }, "actuals"),
  said("hidden-sheet-passed-over", { role: "targets" }, { sheet: "KH 2024" }, "targets"),
  // What the columns hold.
  said("column-mapped-twice", { header: "BHYT", roles: ["target", "actual"] }, { sheet: "Số liệu", column: "C" }, "map"),
  said("map-sheet-unknown", { mapping: "T4.2024:D=actual:BHYT", sheet: "T4.2024", sheets: ["Kế hoạch", "Thực hiện"] }, undefined, "map"),
  said(
    "map-column-unknown",
    {
      mapping: "actuals:Z=BHYT",
      column: "Z",
      columns: [
        { column: "C", header: "BHXH tự nguyện" },
        { column: "D", header: "BHYT" },
      ],
    },
    { sheet: "Thực hiện" },
    "map",
  ),
  said("second-base-column", { kind: "population", header: "Dân số trung bình", first: "C" }, { sheet: "Dân số", column: "E" }, "map"),
  said("second-indicator-column", { header: "BHYT (điều chỉnh)", indicator: BHYT, first: "D" }, { sheet: "Kế hoạch", column: "F" }, "map"),
  said(
    "derived-total-missing-part",
    { unit: "Huyện Phong Điền", headers: ["BHXH bắt buộc"], cells: ["C9"], total: { vi: "BHXH", en: "Social insurance" } },
    { sheet: "Thực hiện", cell: "C9" },
  ),
  // Why a column holds what it holds.
  said("column-ignored-by-map", {}),
  said("column-role-by-map", {}),
  said("column-not-used", { words: "Trong đó: học sinh" }),
  said("column-role-of-sheet", { role: "target" }),
  said("column-role-unclear", { roles: ["target", "actual"] }),
  said("column-last-year-actual", { words: "Thực hiện" }),
  said("column-last-year-plan", {}),
  said("column-earlier-year", { year: 2023, kept: 2024 }),
  said("column-other-year-plan", { year: 2025, kept: 2024 }),
  said("column-estimate", { used: "Thực hiện đến 30/4" }),
  said("column-month-own", { used: "Lũy kế 4 tháng" }),
  said("column-first-plan", { used: "Kế hoạch điều chỉnh" }),
  said("column-earlier-month", { month: 3, last: 4, used: "Thực hiện tháng 4" }),
  said("column-no-indicator", {}),
  said("column-second-for-indicator", { indicator: BHYT, first: "D" }),
  said("column-computed", { words: "Tỷ lệ (%)" }),
  // Summarizing.
  said("no-units-under-header", { unitColumn: "B" }, { sheet: "KH" }),
  said("nothing-to-compare", {}, { sheet: "Thực hiện" }, "targets"),
  said(
    "previous-dropped-units",
    { cause: said("unit-ambiguous-between-sheets", { unit: "Long Mỹ", sheet: "Kế hoạch", other: "Cùng kỳ" }, { sheet: "Cùng kỳ" }) },
    { sheet: "Cùng kỳ" },
    "previous",
  ),
  said("previous-dropped-merger", { period: { year: 2024, month: 10, day: 31 }, actuals: "Thực hiện" }, { sheet: "Cùng kỳ" }, "previous"),
  said(
    "no-unit-in-common",
    { sheet: "Kế hoạch", units: ["Huyện An Phú", "Huyện Bình Minh", "Huyện Châu Thành"], actuals: "Thực hiện", actualUnits: ["Xã A", "Xã B", "Xã C"] },
    { sheet: "Thực hiện" },
    "targets",
  ),
  said(
    "no-indicator-in-common",
    {
      against: "targets",
      sheets: [
        { sheet: "Kế hoạch", headers: ["BHXH tự nguyện"], noNumbers: [] },
        { sheet: "Thực hiện", headers: ["BHYT"], noNumbers: ["Ghi chú"] },
      ],
      unclear: [{ sheet: "Số liệu", column: "C", header: "BHYT" }],
      rateGoals: [{ sheet: "Kế hoạch", column: "E", header: "Tỷ lệ bao phủ BHYT (%)" }],
    },
    undefined,
    "map",
  ),
  said("unit-ambiguous-between-sheets", { unit: "Châu Thành", sheet: "Kế hoạch", other: "Thực hiện" }, { sheet: "Thực hiện" }),
  // The figures.
  said("zero-denominator", { unit: "Huyện Cờ Đỏ", kind: "target", indicator: TN }, { sheet: "Kế hoạch", cell: "C7" }),
  said("previous-indicator-missing", { indicator: BHYT }, { sheet: "Cùng kỳ" }, "map"),
  said("previous-zero", { unit: "Huyện Cờ Đỏ", indicator: BHYT }, { sheet: "Cùng kỳ", cell: "C6" }),
  said("denominators-sum-zero", { indicator: TN, measure: "attainment", kind: "target" }),
  // Checks against the sheets.
  said(
    "computed-column-differs",
    {
      header: "Tỷ lệ (%)",
      kind: "attainment",
      indicator: TN,
      cells: [{ cell: "E7", unit: "Huyện Phong Điền", theirs: 92.615, percent: true, ours: 0.9362 }],
      more: 6,
    },
    { sheet: "Tổng hợp", column: "E" },
  ),
  said(
    "repeated-plan-differs",
    { header: "Kế hoạch giao", used: "Kế hoạch", diffs: [{ cell: "C7", value: 12500, usedCell: "D7", usedValue: 12000, unit: "Huyện Thới Lai" }], more: 2 },
    { sheet: "Thực hiện", column: "C" },
  ),
  said("implausible-rate", {
    indicator: BHYT,
    count: 2,
    examples: [
      { unit: "Huyện Vĩnh Thạnh", rate: 10.655 },
      { unit: "Huyện Cờ Đỏ", rate: 12.3 },
    ],
    overall: 11.2,
    actual: { sheet: "Thực hiện", column: "D" },
    denominator: { sheet: "Kế hoạch", column: "D" },
  }),
  said("actuals-without-denominator", { indicator: BHYT, count: 7, people: 1065565, kind: "target", examples: [{ unit: "Xã B", actual: 37 }] }),
];
