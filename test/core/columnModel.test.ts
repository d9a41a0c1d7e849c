/**
 * The column-role model end to end through summarize: one sheet holding the plan and the
 * actuals, an actuals sheet repeating the plan, last year's and the population columns beside
 * the actuals, the sheet's own ratios checked, and one column never in two roles.
 */
import { ChitieuError } from "../../src/core/errors";
import { Grid, SheetGrid } from "../../src/core/grid";
import { summarize } from "../../src/core/summarize";
import { columnRole } from "../../src/core/columnRoles";
import { render } from "../../src/core/messages";
import { chitieuErrorOf } from "../helpers/errors";
import { withCode } from "../helpers/messages";

const columnRoleOf = (parts: string[]) => columnRole(parts, false).role;

const sheet = (name: string, values: Grid): SheetGrid => ({ name, values });

/** BHXH tự nguyện and BHYT, each "Kế hoạch giao | Thực hiện | Tỷ lệ (%)", three units and a total. */
function combined(rate: (a: number, t: number) => number = (a, t) => (a / t) * 100): Grid {
  const rows: [string, number, number, number, number][] = [
    ["Huyện Vị Thủy", 1000, 500, 20000, 19000],
    ["Huyện Phụng Hiệp", 2000, 1500, 30000, 24000],
    ["Thị xã Long Mỹ", 500, 480, 10000, 9900],
  ];
  return [
    ["BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG"],
    ["KẾT QUẢ THỰC HIỆN CHỈ TIÊU ĐẾN 31/10/2022"],
    ["STT", "Đơn vị", "BHXH tự nguyện", null, null, "BHYT", null, null],
    [null, null, "Kế hoạch giao", "Thực hiện", "Tỷ lệ (%)", "Kế hoạch giao", "Thực hiện", "Tỷ lệ (%)"],
    ["A", "B", 1, 2, "3=2/1", 4, 5, "6=5/4"],
    [null, "Toàn tỉnh", 3500, 2480, (2480 / 3500) * 100, 60000, 52900, (52900 / 60000) * 100],
    ...rows.map(([n, t1, a1, t2, a2], i): (string | number)[] => [i + 1, n, t1, a1, rate(a1, t1), t2, a2, rate(a2, t2)]),
  ];
}

describe("one sheet with the plan and the actuals (no flags)", () => {
  const s = summarize({ targets: null, actuals: sheet("Bieu 01", combined()), base: null });

  it("reads each indicator's plan and actual from its own columns: never 100% everywhere", () => {
    const tn = s.results.find((r) => r.indicatorKey === "bhxh-tn")!;
    expect(tn.measure).toBe("attainment");
    expect(tn.source.denominator.column).toBe("C");
    expect(tn.source.actual.column).toBe("D");
    expect(tn.units.map((u) => [u.unit, u.actual, u.denominator])).toEqual([
      ["Thị xã Long Mỹ", 480, 500],
      ["Huyện Phụng Hiệp", 1500, 2000],
      ["Huyện Vị Thủy", 500, 1000],
    ]);
    expect(tn.overall).toBeCloseTo(2480 / 3500, 12);
    const yt = s.results.find((r) => r.indicatorKey === "bhyt")!;
    expect(yt.overall).toBeCloseTo(52900 / 60000, 12);
    expect(s.results).toHaveLength(2);
    expect(s.warnings).toEqual([]);
  });

  it("the detection gives every column its role, the sheet's ratios as computed", () => {
    const d = s.detection.find((x) => x.columns)!;
    expect(d.columns!.map((c) => [c.column, c.role])).toEqual([
      ["C", "target"],
      ["D", "actual"],
      ["E", "computed"],
      ["F", "target"],
      ["G", "actual"],
      ["H", "computed"],
    ]);
    // The columns are listed once, however many roles the sheet serves.
    expect(s.detection.filter((x) => x.columns)).toHaveLength(1);
  });

  it("a ratio the sheet computed that differs from ours is a warning naming the cell", () => {
    const wrong = combined().map((r) => [...r]);
    wrong[7]![4] = 80; // Phụng Hiệp's voluntary rate written as 80 instead of 75
    const [w, ...rest] = withCode(summarize({ targets: null, actuals: sheet("Bieu 01", wrong), base: null }).warnings, "computed-column-differs");
    expect(rest).toEqual([]);
    expect(w!.where).toEqual({ sheet: "Bieu 01", column: "E" });
    expect(w!.params).toMatchObject({ header: "BHXH tự nguyện / Tỷ lệ (%)", kind: "attainment", indicator: { vi: "BHXH tự nguyện" }, more: 0 });
    expect(w!.params.cells).toEqual([{ cell: "E8", unit: "Huyện Phụng Hiệp", theirs: 80, percent: true, ours: 0.75 }]);
    expect(render(w!, { lang: "vi", shell: "pane" })).toMatch(/E8 \(Huyện Phụng Hiệp\): trang ghi 80%, tính được 75,00%/);
  });
});

describe("an actuals sheet that repeats the plan beside the actuals", () => {
  const targets = sheet("Kế hoạch", [
    ["STT", "Đơn vị", "BHYT"],
    [1, "Huyện A", 1000],
    [2, "Huyện B", 2000],
  ]);
  const actuals = (planB: number) =>
    sheet("Thực hiện", [
      ["STT", "Đơn vị", "BHYT", null],
      [null, null, "KH", "TH"],
      [1, "Huyện A", 1000, 900],
      [2, "Huyện B", planB, 1000],
    ]);

  it("takes the actuals, not the repeated plan (never 100%)", () => {
    const s = summarize({ targets, actuals: actuals(2000), base: null });
    const r = s.results[0]!;
    expect(r.units.map((u) => [u.unit, u.actual, u.denominator])).toEqual([
      ["Huyện A", 900, 1000],
      ["Huyện B", 1000, 2000],
    ]);
    expect(s.warnings).toEqual([]);
  });

  it("a repeated plan that differs from the plan sheet is said, cell by cell", () => {
    const s = summarize({ targets, actuals: actuals(2500), base: null });
    expect(s.results[0]!.units.find((u) => u.unit === "Huyện B")!.denominator).toBe(2000);
    expect(s.warnings).toEqual([
      {
        code: "repeated-plan-differs",
        params: { header: "BHYT / KH", used: "Kế hoạch", diffs: [{ cell: "C4", value: 2500, usedCell: "C3", usedValue: 2000, unit: "Huyện B" }], more: 0 },
        where: { sheet: "Thực hiện", column: "C" },
      },
    ]);
    expect(render(s.warnings[0] as never, { lang: "vi", shell: "cli" })).toMatch(/C4 = 2\.500 so với 'Kế hoạch'!C3 = 2\.000 \(Huyện B\)/);
  });
});

describe("last year's and the population columns beside the actuals", () => {
  const grid: Grid = [
    ["STT", "Đơn vị", "Dân số", "BHYT", null, null, null, null],
    [null, null, null, "Chỉ tiêu giao (%)", "Kế hoạch", "Thực hiện", "Cùng kỳ", "So cùng kỳ (%)"],
    [1, "Xã A", 10000, 95, 9600, 9000, 8000, 112.5],
    [2, "Xã B", 20000, 90, 19000, 18800, 20000, 94],
  ];
  const s = summarize({ targets: null, actuals: sheet("TH", grid), base: null });

  it("gives attainment, growth, coverage and each unit's goal from one sheet", () => {
    const att = s.results.find((r) => r.measure === "attainment")!;
    expect(att.units.map((u) => [u.unit, u.actual, u.denominator, u.previous])).toEqual([
      ["Xã B", 18800, 19000, 20000],
      ["Xã A", 9000, 9600, 8000],
    ]);
    expect(att.growth).toBeCloseTo(27800 / 28000 - 1, 12);
    const cov = s.results.find((r) => r.measure === "coverage")!;
    expect(cov.overall).toBeCloseTo(27800 / 30000, 12);
    expect(cov.units.map((u) => [u.unit, u.goal, u.toGoal])).toEqual([
      ["Xã B", 0.9, 0],
      ["Xã A", 0.95, 500],
    ]);
  });

  it("the sheet's own growth column agrees, so nothing is said of it; when it differs, the cell is named", () => {
    expect(s.warnings).toEqual([]);
    const wrong = grid.map((r) => [...r]);
    wrong[3]![7] = 90;
    const w = withCode(summarize({ targets: null, actuals: sheet("TH", wrong), base: null }).warnings, "computed-column-differs");
    expect(w.map((m) => [m.where, m.params.kind, m.params.cells.map((c) => [c.cell, c.unit, c.theirs])])).toEqual([
      [{ sheet: "TH", column: "H" }, "growth", [["H4", "Xã B", 90]]],
    ]);
  });
});

describe("one column is never in two roles", () => {
  const plain = sheet("Số liệu", [
    ["STT", "Đơn vị", "BHYT", "BHXH tự nguyện"],
    [1, "Huyện A", 1000, 500],
    [2, "Huyện B", 2000, 700],
  ]);

  it("the same sheet named for the plan and the actuals, its columns silent: an error, not 100%", () => {
    const err = chitieuErrorOf(() => summarize({ targets: plain, actuals: plain, base: null }));
    expect(err.code).toBe("no-indicators");
    expect(err.problem.code).toBe("no-indicator-in-common");
    // The sheet is listed once, though it serves both roles.
    expect(withCode([err.problem], "no-indicator-in-common")[0]!.params.sheets).toEqual([
      { sheet: "Số liệu", headers: ["BHYT", "BHXH tự nguyện"], noNumbers: [] },
    ]);
    expect(withCode([err.problem], "no-indicator-in-common")[0]!.params.unclear).toEqual([
      { sheet: "Số liệu", column: "C", header: "BHYT" },
      { sheet: "Số liệu", column: "D", header: "BHXH tự nguyện" },
    ]);
    expect(err.message).toMatch(/không rõ là kế hoạch hay thực hiện.*'Số liệu'!C “BHYT”/);
  });

  it("mapped with roles, the same sheet serves both", () => {
    const s = summarize(
      { targets: plain, actuals: plain, base: null },
      {
        overrides: [
          { sheet: "Số liệu", column: "C", indicator: "BHYT", role: "target" },
          { sheet: "Số liệu", column: "D", indicator: "BHYT", role: "actual" },
        ],
      },
    );
    expect(s.results[0]!.units.map((u) => [u.unit, u.actual, u.denominator])).toEqual([
      ["Huyện A", 500, 1000],
      ["Huyện B", 700, 2000],
    ]);
  });

  it("a column mapped to two roles is an error naming it", () => {
    const err = chitieuErrorOf(() =>
      summarize(
        { targets: plain, actuals: plain, base: null },
        {
          overrides: [
            { sheet: "targets", column: "C", indicator: "BHYT" },
            { sheet: "actuals", column: "C", indicator: "BHYT" },
          ],
        },
      ),
    );
    expect(err.code).toBe("bad-option");
    expect(err.problem).toEqual({
      code: "column-mapped-twice",
      params: { header: "BHYT", roles: ["target", "actual"] },
      where: { sheet: "Số liệu", column: "C" },
      setting: "map",
    });
  });

  it("a mapping that names a column the sheet does not have is an error, not ignored", () => {
    const targets = sheet("KH", [
      ["Đơn vị", "BHYT"],
      ["Huyện A", 1000],
    ]);
    const actuals = sheet("TH", [
      ["Đơn vị", "BHYT"],
      ["Huyện A", 900],
    ]);
    const noColumn = chitieuErrorOf(() => summarize({ targets, actuals, base: null }, { overrides: [{ sheet: "actuals", column: "Z", indicator: "BHYT" }] }));
    expect([noColumn.code, noColumn.problem]).toEqual([
      "bad-option",
      {
        code: "map-column-unknown",
        params: { mapping: "actuals:Z=BHYT", column: "Z", columns: [{ column: "B", header: "BHYT" }] },
        where: { sheet: "TH" },
        setting: "map",
      },
    ]);
    const noSheet = chitieuErrorOf(() =>
      summarize({ targets, actuals, base: null }, { overrides: [{ sheet: "T4.2024", column: "D", indicator: "BHYT", role: "actual" }] }),
    );
    expect([noSheet.code, noSheet.problem]).toEqual([
      "bad-option",
      { code: "map-sheet-unknown", params: { mapping: "T4.2024:D=actual:BHYT", sheet: "T4.2024", sheets: ["KH", "TH"] }, setting: "map" },
    ]);
  });
});

describe("a rate no unit could reach", () => {
  it("is a warning naming the columns (a plan in thousands against actuals in persons)", () => {
    const targets = sheet("KH", [
      ["Đơn vị", "BHYT"],
      ["Huyện A", 20],
      ["Huyện B", 30],
    ]);
    const actuals = sheet("TH", [
      ["Đơn vị", "BHYT"],
      ["Huyện A", 19500],
      ["Huyện B", 29000],
    ]);
    const w = withCode(summarize({ targets, actuals, base: null }).warnings, "implausible-rate");
    expect(w.map((m) => m.params)).toEqual([
      {
        indicator: { vi: "BHYT", en: expect.any(String) },
        count: 2,
        examples: [
          { unit: "Huyện A", rate: 19500 / 20 },
          { unit: "Huyện B", rate: 29000 / 30 },
        ],
        overall: 48500 / 50,
        actual: { sheet: "TH", column: "B" },
        denominator: { sheet: "KH", column: "B" },
      },
    ]);
    expect(render(w[0]!, { lang: "vi", shell: "cli" })).toMatch(/BHYT: tỷ lệ của 2 đơn vị vượt 1\.000%.*'TH'!B và 'KH'!B/);
  });
});

describe("two columns of one indicator that name different years", () => {
  it("the earlier actual is last year's figure, the earlier plan is not used (whatever the order)", () => {
    const grid: Grid = [
      ["STT", "Đơn vị", "BHYT", null, null, null],
      [null, null, "Thực hiện năm 2024", "Kế hoạch năm 2023", "Thực hiện năm 2023", "Kế hoạch năm 2024"],
      [1, "Xã A", 9000, 8500, 8000, 9600],
      [2, "Xã B", 18800, 19500, 20000, 19000],
    ];
    const s = summarize({ targets: null, actuals: sheet("Bieu 01", grid), base: null });
    const r = s.results[0]!;
    expect(r.units.map((u) => [u.unit, u.actual, u.denominator, u.previous])).toEqual([
      ["Xã B", 18800, 19000, 20000],
      ["Xã A", 9000, 9600, 8000],
    ]);
    expect(s.warnings).toEqual([]);
    const roles = s.detection.find((d) => d.columns)!.columns!.map((c) => [c.column, c.role]);
    expect(roles).toEqual([
      ["C", "actual"],
      ["D", "ignored"],
      ["E", "previous"],
      ["F", "target"],
    ]);
  });
});

describe("one sheet named for several roles, or a role switched off", () => {
  const grid: Grid = [
    ["STT", "Đơn vị", "BHYT", "BHYT KH"],
    [1, "Huyện A", 900, 1000],
    [2, "Huyện B", 1000, 2000],
  ];
  const g = sheet("Thực hiện", grid);

  it("named for the plan and the actuals, the silent column takes the role no header names (the actuals)", () => {
    const s = summarize({ targets: g, actuals: g, base: null });
    expect(s.results[0]!.units.map((u) => [u.unit, u.actual, u.denominator])).toEqual([
      ["Huyện A", 900, 1000],
      ["Huyện B", 1000, 2000],
    ]);
    // As when only the actuals are named and the plan is read from its columns.
    const t = summarize({ targets: null, actuals: g, base: null });
    expect(t.results[0]!.units.map((u) => u.ratio)).toEqual(s.results[0]!.units.map((u) => u.ratio));
  });

  it("a plan switched off is not read from the columns either", () => {
    const err = chitieuErrorOf(() => summarize({ targets: null, actuals: g, base: null, off: ["targets"] }));
    expect([err.code, err.problem]).toEqual(["missing-sheet", { code: "nothing-to-compare", params: {}, where: { sheet: "Thực hiện" }, setting: "targets" }]);
  });
});

describe("a plan read from another sheet's columns is the reference for matching", () => {
  it("last year's figures land on their own units whatever each sheet's order", () => {
    const actuals = sheet("Thực hiện", [
      ["STT", "Đơn vị", "BHYT"],
      [1, "Huyện A", 900],
      [2, "Huyện B", 1800],
      [3, "Huyện C", 2400],
    ]);
    // The plan beside the population, in another order.
    const base = sheet("Dân số", [
      ["STT", "Đơn vị", "Dân số", "Kế hoạch giao BHYT"],
      [1, "Huyện C", 3000, 2500],
      [2, "Huyện B", 2000, 2000],
      [3, "Huyện A", 1000, 1000],
    ]);
    const previous = sheet("Cùng kỳ", [
      ["STT", "Đơn vị", "BHYT"],
      [1, "Huyện A", 100],
      [2, "Huyện B", 200],
      [3, "Huyện C", 300],
    ]);
    const s = summarize({ targets: null, actuals, base, previous });
    const att = s.results.find((r) => r.measure === "attainment")!;
    expect(att.source.denominator.sheet).toBe("Dân số");
    const byUnit = Object.fromEntries(att.units.map((u) => [u.unit, [u.actual, u.denominator, u.previous]]));
    expect(byUnit).toEqual({ "Huyện A": [900, 1000, 100], "Huyện B": [1800, 2000, 200], "Huyện C": [2400, 2500, 300] });
  });
});

describe("a mapping by role on a one-sheet report", () => {
  it("'targets:C=BHYT' names the plan columns of the actuals' sheet when no sheet holds the plan", () => {
    const g = sheet("Bieu 01", [
      ["STT", "Đơn vị", "Cột số 1", "Cột số 2"],
      [1, "Huyện A", 1000, 900],
      [2, "Huyện B", 2000, 1000],
    ]);
    const s = summarize(
      { targets: null, actuals: g, base: null },
      {
        overrides: [
          { sheet: "targets", column: "C", indicator: "BHYT" },
          { sheet: "actuals", column: "D", indicator: "BHYT" },
        ],
      },
    );
    expect(s.results[0]!.units.map((u) => [u.unit, u.actual, u.denominator])).toEqual([
      ["Huyện A", 900, 1000],
      ["Huyện B", 1000, 2000],
    ]);
  });
});

describe("two columns of one indicator: the report's period is used", () => {
  const run = (headers: [string, string], plan = "Kế hoạch") =>
    summarize({
      targets: null,
      actuals: sheet("T4.2024", [
        ["STT", "Đơn vị", "BHYT", null, null],
        [null, null, plan, ...headers],
        [1, "Xã A", 1000, 50, 900],
        [2, "Xã B", 2000, 70, 1500],
      ]),
      base: null,
    });

  it.each<[[string, string], string]>([
    [["Thực hiện tháng 4", "Lũy kế"], "E"],
    [["Thực hiện trong tháng", "Thực hiện 4 tháng đầu năm"], "E"],
    [["TH T3.2024", "TH T4.2024"], "E"],
  ])("%j → the cumulative or latest column, %s", (headers, column) => {
    const s = run(headers);
    expect(s.results[0]!.source.actual.column).toBe(column);
    expect(s.warnings).toEqual([]);
  });

  it("the latest month whatever the order", () => {
    const s = summarize({
      targets: null,
      actuals: sheet("TH", [
        ["STT", "Đơn vị", "BHYT", null, null],
        [null, null, "Kế hoạch", "Thực hiện đến 30/4/2024", "Thực hiện đến 31/3/2024"],
        [1, "Xã A", 1000, 900, 800],
      ]),
      base: null,
    });
    expect(s.results[0]!.source.actual.column).toBe("D");
  });

  it("an adjusted plan replaces the one set at the start of the year", () => {
    const s = summarize({
      targets: null,
      actuals: sheet("TH", [
        ["STT", "Đơn vị", "BHYT", null, null],
        [null, null, "Kế hoạch giao đầu năm", "Kế hoạch điều chỉnh", "Thực hiện"],
        [1, "Xã A", 1000, 1200, 900],
      ]),
      base: null,
    });
    expect(s.results[0]!.source.denominator.column).toBe("D");
    const why = s.detection.find((d) => d.columns)!.columns!.find((c) => c.column === "C")!;
    expect(why).toMatchObject({ role: "ignored", why: expect.stringMatching(/kế hoạch ban đầu; dùng kế hoạch điều chỉnh/) });
    expect(why.because).toEqual({ code: "column-first-plan", params: { used: "BHYT / Kế hoạch điều chỉnh" } });
  });
});

describe("a one-indicator report that names its indicator in the title only", () => {
  const grid = (title: string, headers: [string, string]): Grid => [
    ["BẢO HIỂM XÃ HỘI THÀNH PHỐ CẦN THƠ"],
    [title],
    ["STT", "Đơn vị", ...headers, "Tỷ lệ (%)"],
    [1, "Quận Ninh Kiều", 3790, 3322, 87.65],
    [2, "Quận Bình Thủy", 1940, 1577, 81.29],
  ];

  it("takes the title's indicator (not the agency's 'Bảo hiểm xã hội')", () => {
    const s = summarize({
      targets: null,
      actuals: sheet("T4.2024", grid("KẾT QUẢ PHÁT TRIỂN NGƯỜI THAM GIA BHXH TỰ NGUYỆN 4 THÁNG ĐẦU NĂM 2024", ["Kế hoạch giao", "Thực hiện"])),
      base: null,
    });
    expect(s.results.map((r) => r.indicatorKey)).toEqual(["bhxh-tn"]);
    expect(s.results[0]!.overall).toBeCloseTo(4899 / 5730, 12);
  });

  it("pairs the plan and the actual even with role words only ('Chỉ tiêu được giao', 'Ước thực hiện 6 tháng')", () => {
    const s = summarize({
      targets: null,
      actuals: sheet("6 thang", grid("ƯỚC THỰC HIỆN 6 THÁNG ĐẦU NĂM 2024 - BẢO HIỂM Y TẾ", ["Chỉ tiêu được giao", "Ước thực hiện 6 tháng"])),
      base: null,
    });
    expect(s.results.map((r) => [r.indicatorKey, r.actualTotal, r.denominatorTotal])).toEqual([["bhyt", 4899, 5730]]);
  });
});

describe("columns that are a part of another ('Tổng số | Trong đó: học sinh, sinh viên')", () => {
  it("are not the indicator's figure, and say so", () => {
    const s = summarize({
      targets: sheet("KH", [
        ["Đơn vị", "BHYT"],
        ["Xã A", 1000],
        ["Xã B", 2000],
      ]),
      actuals: sheet("TH", [
        ["Đơn vị", "BHYT", null],
        [null, "Tổng số", "Trong đó: học sinh, sinh viên"],
        ["Xã A", 900, 300],
        ["Xã B", 1500, 400],
      ]),
      base: null,
    });
    expect(s.results[0]!.source.actual.column).toBe("B");
    expect(s.warnings).toEqual([]);
    const part = s.detection.find((d) => d.role === "actuals")!.columns!.find((c) => c.column === "C")!;
    expect(part.role).toBe("ignored");
    expect(part.because).toEqual({ code: "column-not-used", params: { words: "Trong đó: học sinh, sinh viên" } });
  });
});

describe("rates set for each unit without a population", () => {
  it("the refusal says they are coverage goals and need the population", () => {
    const err = chitieuErrorOf(() =>
      summarize({
        targets: sheet("KH", [
          ["Đơn vị", "BHYT (%)"],
          ["Xã A", 95],
        ]),
        actuals: sheet("TH", [
          ["Đơn vị", "BHYT"],
          ["Xã A", 900],
        ]),
        base: null,
      }),
    );
    const [m] = withCode([err.problem], "no-indicator-in-common");
    expect(m!.params.rateGoals).toEqual([{ sheet: "KH", column: "B", header: "BHYT (%)" }]);
    expect(render(m!, { lang: "vi", shell: "pane" })).toMatch(/'KH'!B “BHYT \(%\)” là chỉ tiêu tỷ lệ .* cần trang dân số .*chọn ở ô “Trang tính dân số/);
  });
});

describe("a plan and actuals with no unit in common", () => {
  it("is refused, naming units of each (never a report of zeros)", () => {
    const err = chitieuErrorOf(() =>
      summarize({
        targets: sheet("Kế hoạch", [
          ["Đơn vị", "BHYT"],
          ["Huyện An Phú", 1000],
          ["Huyện Bình Minh", 2000],
        ]),
        actuals: sheet("Thực hiện", [
          ["Đơn vị", "BHYT"],
          ["Xã Long Hòa", 900],
          ["Xã Long Bình", 800],
        ]),
        base: null,
      }),
    );
    expect(err).toBeInstanceOf(ChitieuError);
    expect(err.code).toBe("no-match");
    expect(err.problem).toMatchObject({
      code: "no-unit-in-common",
      params: { sheet: "Kế hoạch", units: ["Huyện An Phú", "Huyện Bình Minh"], actuals: "Thực hiện", actualUnits: ["Xã Long Hòa", "Xã Long Bình"] },
      where: { sheet: "Thực hiện" },
    });
    expect(err.message).toMatch(
      /Không đơn vị nào của trang 'Kế hoạch' \(“Huyện An Phú”, “Huyện Bình Minh” …\) có trong trang 'Thực hiện' \(“Xã Long Hòa”, “Xã Long Bình” …\)/,
    );
  });

  it("a unit with people but an 'x' plan is said: its people are in no area rate", () => {
    const s = summarize({
      targets: sheet("KH", [
        ["Đơn vị", "BHYT"],
        ["Xã A", 1000],
        ["Xã B", "x"],
      ]),
      actuals: sheet("TH", [
        ["Đơn vị", "BHYT"],
        ["Xã A", 900],
        ["Xã B", 37],
      ]),
      base: null,
    });
    const w = withCode(s.warnings, "actuals-without-denominator");
    expect(w.map((m) => m.params)).toEqual([
      { indicator: { vi: "BHYT", en: expect.any(String) }, count: 1, people: 37, kind: "target", examples: [{ unit: "Xã B", actual: 37 }] },
    ]);
    expect(render(w[0]!, { lang: "vi", shell: "cli" })).toMatch(/BHYT: 1 đơn vị có số thực hiện nhưng không có kế hoạch .* 37 người .*: Xã B \(37\)/);
  });
});

describe("second reading: the report's period among columns", () => {
  const one = (headers: string[], rows: (string | number)[][]) =>
    summarize({
      targets: null,
      actuals: sheet("Bieu", [["STT", "Đơn vị", "BHXH tự nguyện", ...headers.slice(1).map(() => null)], [null, null, ...headers], ...rows]),
      base: null,
    });

  it("next year's plan beside this year's is not promoted: the plan of the actuals' year", () => {
    const s = one(["Kế hoạch năm 2024", "Thực hiện năm 2024", "Kế hoạch năm 2025"], [[1, "Xã A", 1000, 700, 2000]]);
    expect(s.results[0]!.source.denominator.column).toBe("C");
  });

  it("an estimate is never taken over what was achieved", () => {
    expect(one(["Kế hoạch", "Thực hiện tháng 10/2024", "Ước thực hiện cả năm 2024"], [[1, "Xã A", 1000, 700, 950]]).results[0]!.source.actual.column).toBe("D");
    expect(
      one(["Kế hoạch năm 2024", "Thực hiện tháng 4/2024", "Ước thực hiện tháng 5/2024"], [[1, "Xã A", 1000, 700, 800]]).results[0]!.source.actual.column,
    ).toBe("D");
  });

  it("today's --map by role on a one-sheet report keeps the header's plan", () => {
    const s = summarize(
      {
        targets: null,
        actuals: sheet("TH", [
          ["Đơn vị", "Kế hoạch", "Thực hiện"],
          ["Xã A", 1000, 700],
        ]),
        base: null,
      },
      {
        overrides: [
          { sheet: "actuals", column: "B", indicator: "BHYT" },
          { sheet: "actuals", column: "C", indicator: "BHYT" },
        ],
      },
    );
    expect(s.results[0]!.units.map((u) => [u.actual, u.denominator])).toEqual([[700, 1000]]);
  });
});

describe("last year's figures across the July 2025 merger, or in doubt", () => {
  const targets = sheet("KH", [
    ["Đơn vị", "BHYT"],
    ["Xã Long Mỹ", 1000],
    ["Phường Vị Thanh", 2000],
  ]);
  const actuals = sheet("TH", [["SỐ LIỆU ĐẾN NGÀY 31/10/2025"], ["Đơn vị", "BHYT"], ["Xã Long Mỹ", 900], ["Phường Vị Thanh", 1800]]);

  it("last year's districts are not this year's communes: no growth, and the warning says why", () => {
    const previous = sheet("Cùng kỳ", [["SỐ LIỆU ĐẾN NGÀY 31/10/2024"], ["Đơn vị", "BHYT"], ["Long Mỹ", 7284], ["Vị Thanh", 6010]]);
    const s = summarize({ targets, actuals, base: null, previous });
    expect(s.results[0]!.growth).toBeNull();
    expect(s.results[0]!.units.every((u) => u.previous === null)).toBe(true);
    expect(withCode(s.warnings, "previous-dropped-merger")).toEqual([
      {
        code: "previous-dropped-merger",
        params: { period: { year: 2024, month: 10, day: 31 }, actuals: "TH" },
        where: { sheet: "Cùng kỳ" },
        setting: "previous",
      },
    ]);
    expect(render(withCode(s.warnings, "previous-dropped-merger")[0]!, { lang: "vi", shell: "pane" })).toMatch(
      /Không tính tăng trưởng so với cùng kỳ: trang 'Cùng kỳ' là số liệu trước ngày 1\/7\/2025 \(31\/10\/2024\)/,
    );
  });

  it("a unit listed twice in last year's sheet drops the growth, not the report", () => {
    const previous = sheet("Cùng kỳ", [
      ["Đơn vị", "BHYT"],
      ["Xã Long Mỹ", 700],
      ["Xã Long Mỹ", 800],
      ["Phường Vị Thanh", 1500],
    ]);
    const s = summarize({ targets, actuals, base: null, previous });
    expect(s.results[0]!.growth).toBeNull();
    const [dropped, ...more] = withCode(s.warnings, "previous-dropped-units");
    expect(more).toEqual([]);
    expect(dropped).toMatchObject({ where: { sheet: "Cùng kỳ" }, setting: "previous" });
    // The cause is the duplicate's own message, said in the same voice.
    expect(dropped!.params.cause.where?.sheet).toBe("Cùng kỳ");
    expect(render(dropped!, { lang: "vi", shell: "pane" })).toMatch(/^Không tính tăng trưởng so với cùng kỳ: .*Xã Long Mỹ/);
  });
});

describe("second reading: names and headers", () => {
  it("'Phường 01' is 'Phường 1'", () => {
    const s = summarize({
      targets: sheet("KH", [
        ["Đơn vị", "BHYT"],
        ["Phường 1", 1000],
        ["Phường 10", 2000],
      ]),
      actuals: sheet("TH", [
        ["Đơn vị", "BHYT"],
        ["Phường 01", 900],
        ["Phường 10", 1800],
      ]),
      base: null,
    });
    expect(s.unmatched).toEqual([]);
    expect(s.results[0]!.overall).toBeCloseTo(2700 / 3000, 12);
  });

  it("'Cùng kỳ năm trước' beside the plan and actuals of an unnamed indicator gives its growth", () => {
    const s = summarize({
      targets: null,
      actuals: sheet("BC", [
        ["Đơn vị", "Kế hoạch", "Cùng kỳ năm trước", "Thực hiện", "Tăng/giảm so cùng kỳ"],
        ["Xã A", 1000, 800, 900, 100],
      ]),
      base: null,
    });
    expect(s.results[0]!.growth).toBeCloseTo(900 / 800 - 1, 12);
  });

  it("'TH/KH' is the sheet's ratio, never an input", () => {
    expect(columnRoleOf(["BHYT", "TH/KH"])).toBe("computed");
  });

  it("the agency's first title line names no indicator", () => {
    const s = summarize({
      targets: null,
      actuals: sheet("BC", [["BẢO HIỂM XÃ HỘI CẦN THƠ"], ["KẾT QUẢ PHÁT TRIỂN NGƯỜI THAM GIA"], ["Đơn vị", "Kế hoạch", "Thực hiện"], ["Xã A", 1000, 900]]),
      base: null,
    });
    expect(s.results[0]!.indicatorKey).toBe("custom:(chỉ tiêu của báo cáo)");
  });
});

describe("a population sheet under a group header that names a plan", () => {
  it("'Chỉ tiêu giao năm 2022' over 'Dân số | Lao động' is the base, not a plan", () => {
    const s = summarize({
      targets: null,
      actuals: sheet("Thực hiện", [
        ["Đơn vị", "BHYT", "BHXH"],
        ["Huyện Long Mỹ", 900, 100],
      ]),
      base: sheet("Dân số", [
        ["Đơn vị", "Chỉ tiêu giao năm 2022", null],
        [null, "Dân số", "Lao động"],
        ["Long Mỹ", 1000, 500],
      ]),
    });
    expect(s.sheets.targets).toBeNull();
    expect(s.results.map((r) => [r.indicatorKey, r.measure, r.denominatorTotal])).toEqual([
      ["bhyt", "coverage", 1000],
      ["bhxh", "coverage", 500],
    ]);
  });
});
