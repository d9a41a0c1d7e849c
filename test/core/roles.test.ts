import { ChitieuError } from "../../src/core/errors";
import { Grid } from "../../src/core/grid";
import { render } from "../../src/core/messages";
import { chooseSheets, contestedRoles, periodOf } from "../../src/core/roles";
import { chitieuErrorOf } from "../helpers/errors";
import { codes, withCode } from "../helpers/messages";

describe("chooseSheets — by name", () => {
  it.each([
    ["Kế hoạch", "targets"],
    ["KH", "targets"],
    ["KH 2024", "targets"],
    ["Chỉ tiêu", "targets"],
    ["Chỉ tiêu giao", "targets"],
    ["Target", "targets"],
    ["Targets 2024", "targets"],
    ["Plan", "targets"],
    ["Thực hiện", "actuals"],
    ["TH", "actuals"],
    ["TH 4 tháng", "actuals"],
    ["Actual", "actuals"],
    ["Actuals", "actuals"],
    ["Dân số", "base"],
    ["Lao động", "base"],
    ["Lực lượng lao động", "base"],
    ["Population", "base"],
    ["Cùng kỳ", "previous"],
  ] as const)("%j is the %s sheet", (name, role) => {
    // Give the other roles sheets so that the choice is made.
    const others = { targets: "KH x", actuals: "TH x", base: "Dân số x", previous: "Cùng kỳ x" };
    const names = [
      name,
      ...Object.entries(others)
        .filter(([r]) => r !== role)
        .map(([, n]) => n),
    ];
    const c = chooseSheets(names);
    expect(c[role]).toBe(name);
  });

  it("is insensitive to case, accents and Unicode form", () => {
    const c = chooseSheets(["KẾ HOẠCH".normalize("NFD"), "thuc hien"]);
    expect(c.targets).toBe("KẾ HOẠCH".normalize("NFD"));
    expect(c.actuals).toBe("thuc hien");
  });

  it("does not take a name that merely contains the letters (Thái Hòa is not TH)", () => {
    const c = chooseSheets(["Kế hoạch", "Thực hiện", "Thái Hòa", "Khánh"]);
    expect(c).toEqual({ targets: "Kế hoạch", actuals: "Thực hiện", base: null, previous: null });
  });

  it("a sheet of last year's figures is not the targets even when named 'KH cùng kỳ'", () => {
    const c = chooseSheets(["KH cùng kỳ", "Kế hoạch", "Thực hiện"]);
    expect(c.targets).toBe("Kế hoạch");
    expect(c.previous).toBe("KH cùng kỳ");
  });

  it("a name that is only the role's word wins over one that merely contains it, whatever the order", () => {
    const c = chooseSheets(["Tổng hợp chỉ tiêu", "Ghi chú thực hiện", "Kế hoạch 2022", "TH 4 tháng"]);
    expect(c.targets).toBe("Kế hoạch 2022");
    expect(c.actuals).toBe("TH 4 tháng");
    // Among equally sure names, the first in the workbook.
    expect(chooseSheets(["KH", "Kế hoạch", "TH"]).targets).toBe("KH");
  });

  it("skips the add-in's own summary sheets", () => {
    const c = chooseSheets(["Tổng hợp chỉ tiêu", "Kế hoạch", "Thực hiện"], {}, new Map(), new Set(["Tổng hợp chỉ tiêu"]));
    expect(c.targets).toBe("Kế hoạch");
  });
});

describe("chooseSheets — given names and content", () => {
  it("given names win and are matched loosely when not exact", () => {
    const c = chooseSheets(["Sheet1", "Sheet2", "Kế hoạch"], { targets: "sheet2", actuals: "Sheet1" });
    expect(c.targets).toBe("Sheet2");
    expect(c.actuals).toBe("Sheet1");
  });

  it("a given name that does not exist is an error listing the sheets that do, offered at that sheet's setting", () => {
    const err = chitieuErrorOf(() => chooseSheets(["Kế hoạch", "Thực hiện"], { base: "Dân số" }));
    expect(err).toBeInstanceOf(ChitieuError);
    expect(err.code).toBe("missing-sheet");
    expect(err.problem).toEqual({
      code: "sheet-not-found",
      params: { name: "Dân số", role: "base", sheets: ["Kế hoạch", "Thực hiện"] },
      where: { sheet: "Dân số" },
      setting: "base",
    });
    expect(err.message).toContain("'Kế hoạch', 'Thực hiện'");
  });

  it("falls back to the words in the sheets' top rows", () => {
    const peek = new Map<string, Grid>([
      ["Sheet1", [["KẾT QUẢ THỰC HIỆN ĐẾN 31/10/2022"], ["STT", "Đơn vị", "BHYT"]]],
      ["Sheet2", [["CHỈ TIÊU GIAO NĂM 2022"], ["STT", "Đơn vị", "BHYT"]]],
      ["Sheet3", [["DÂN SỐ NĂM 2022"], ["STT", "Đơn vị", "Dân số"]]],
    ]);
    const c = chooseSheets(["Sheet1", "Sheet2", "Sheet3"], {}, peek);
    expect(c).toEqual({ targets: "Sheet2", actuals: "Sheet1", base: "Sheet3", previous: null });
  });

  it("without an actuals sheet, says how to name or choose one and lists the sheets", () => {
    const err = chitieuErrorOf(() => chooseSheets(["Kế hoạch", "Sheet9"]));
    expect(err.code).toBe("missing-sheet");
    expect(err.problem).toMatchObject({ code: "no-actuals-sheet", params: { sheets: ["Kế hoạch", "Sheet9"] }, setting: "actuals" });
    // Each shell names its own way to the fix: the CLI's flag, the pane's picker; never a flag in the pane.
    expect(render(err.problem, { lang: "vi", shell: "cli" })).toMatch(/dùng --actuals <trang tính>.*'Kế hoạch', 'Sheet9'/);
    const pane = render(err.problem, { lang: "vi", shell: "pane" });
    expect(pane).toMatch(/^Không tìm thấy trang tính số thực hiện.*chọn ở ô “Trang tính thực hiện”/);
    expect(pane).not.toMatch(/--/);
  });
});

describe("chooseSheets — an optional sheet switched off", () => {
  it("null keeps a base sheet out even when its name would be recognised", () => {
    const names = ["Kế hoạch", "Thực hiện", "Dân số"];
    expect(chooseSheets(names).base).toBe("Dân số");
    expect(chooseSheets(names, { base: null }).base).toBeNull();
    expect(chooseSheets(names, { base: null }).targets).toBe("Kế hoạch");
  });

  it("null for the actuals still detects them (the actuals cannot be switched off)", () => {
    expect(chooseSheets(["Kế hoạch", "Thực hiện"], { actuals: null }).actuals).toBe("Thực hiện");
  });
});

describe("chooseSheets — real workbooks: years, hidden sheets, combined sheets", () => {
  it("a sheet of the report's year is taken over last year's, and the detection says so", () => {
    const c = chooseSheets(["KH 2024", "KH 2025", "TH 2025"]);
    expect(c.targets).toBe("KH 2025");
    expect(c.actuals).toBe("TH 2025");
    expect(withCode(c.notes ?? [], "sheet-chosen-by-period")).toEqual([
      {
        code: "sheet-chosen-by-period",
        params: {
          role: "targets",
          period: { year: 2025, month: 0, day: 0 },
          because: "report-year",
          other: "KH 2024",
          otherPeriod: { year: 2024, month: 0, day: 0 },
        },
        where: { sheet: "KH 2025" },
        setting: "targets",
      },
    ]);
  });

  it("without a year on the actuals, the latest year named is the report's", () => {
    expect(chooseSheets(["Kế hoạch 2023", "Kế hoạch 2024", "Thực hiện"]).targets).toBe("Kế hoạch 2024");
  });

  it("a hidden sheet is never chosen on its own, and the choice says it was passed over", () => {
    const c = chooseSheets(["KH", "TH"], {}, new Map(), new Set(), new Set(["KH"]));
    expect(c.targets).toBeNull();
    expect(withCode(c.notes ?? [], "hidden-sheet-passed-over")).toEqual([
      { code: "hidden-sheet-passed-over", params: { role: "targets" }, where: { sheet: "KH" }, setting: "targets" },
    ]);
    // Named, it is used.
    expect(chooseSheets(["KH", "TH"], { targets: "KH" }, new Map(), new Set(), new Set(["KH"])).targets).toBe("KH");
  });

  const combined: Grid = [
    ["BẢO HIỂM XÃ HỘI TỈNH"],
    ["STT", "Đơn vị", "BHXH tự nguyện", null, null, "BHYT", null, null],
    [null, null, "Kế hoạch giao", "Thực hiện", "Tỷ lệ (%)", "Kế hoạch giao", "Thực hiện", "Tỷ lệ (%)"],
    [1, "Huyện A", 100, 80, 80, 1000, 900, 90],
    [2, "Huyện B", 200, 100, 50, 2000, 1900, 95],
  ];

  it("a sheet named with no role word holds the actuals when its columns do (one-sheet workbook)", () => {
    const c = chooseSheets(
      ["Bieu 01", "Ghi chú"],
      {},
      new Map([
        ["Bieu 01", combined],
        ["Ghi chú", [["Ghi chú"]]],
      ]),
    );
    expect(c.actuals).toBe("Bieu 01");
    expect(c.targets).toBeNull();
    expect(withCode(c.notes ?? [], "sheet-chosen-by-columns").map((m) => [m.where, m.params.role])).toEqual([[{ sheet: "Bieu 01" }, "actuals"]]);
  });

  it("a plan sheet with actual columns in it is the actuals sheet too when there is no other", () => {
    const c = chooseSheets(["Kế hoạch"], {}, new Map([["Kế hoạch", combined]]));
    expect(c.targets).toBe("Kế hoạch");
    expect(c.actuals).toBe("Kế hoạch");
    expect(codes(c.notes ?? [])).toEqual(["actuals-in-plan-sheet"]);
    expect(c.notes![0]!.where).toEqual({ sheet: "Kế hoạch" });
  });

  it("'Số người tham gia' heads plan sheets too: it never makes a plan sheet the actuals", () => {
    const sheet = (title: string): Grid => [[title], ["STT", "Đơn vị", "Số người tham gia BHYT"], [1, "Huyện A", 100], [2, "Huyện B", 200]];
    const peek = new Map([
      ["Bieu 01", sheet("KẾ HOẠCH GIAO NĂM 2024")],
      ["Bieu 02", sheet("KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2024")],
    ]);
    const c = chooseSheets(["Bieu 01", "Bieu 02"], {}, peek);
    expect(c.targets).toBe("Bieu 01");
    expect(c.actuals).toBe("Bieu 02");
  });
});

describe("chooseSheets — two sheets for one role: the report's period", () => {
  const titled = (title: string): Grid => [["BẢO HIỂM XÃ HỘI TỈNH"], [title], ["STT", "Đơn vị", "BHYT"], [1, "Huyện A", 100]];

  it("two plans, last year's first: the plan of the actuals' year, whatever the order, and the choice says why", () => {
    const peek = new Map([
      ["KH", titled("KẾ HOẠCH GIAO NĂM 2023")],
      ["KH (2)", titled("KẾ HOẠCH GIAO NĂM 2024")],
      ["TH", titled("Số liệu đến ngày 30/4/2024")],
    ]);
    const c = chooseSheets(["KH", "KH (2)", "TH"], {}, peek);
    expect(c.targets).toBe("KH (2)");
    const [note] = withCode(c.notes ?? [], "sheet-chosen-by-period");
    expect(note!.where).toEqual({ sheet: "KH (2)" });
    expect(note!.params).toMatchObject({ role: "targets", because: "report-year", other: "KH" });
    expect(render(note!, { lang: "vi", shell: "pane" })).toBe(
      "Trang tính 'KH (2)' được dùng làm kế hoạch (năm 2024, cùng năm với số thực hiện); 'KH' (năm 2023) không được dùng.",
    );
  });

  it("two months of actuals, last month first: the latest", () => {
    const peek = new Map([
      ["TH T3.2024", titled("Số liệu đến ngày 31/3/2024")],
      ["TH T4.2024", titled("Số liệu đến ngày 30/4/2024")],
      ["KH", titled("KẾ HOẠCH NĂM 2024")],
    ]);
    const c = chooseSheets(["TH T3.2024", "TH T4.2024", "KH"], {}, peek);
    expect(c.actuals).toBe("TH T4.2024");
    expect(withCode(c.notes ?? [], "sheet-chosen-by-period").map((m) => [m.where, m.params])).toEqual([
      [
        { sheet: "TH T4.2024" },
        { role: "actuals", period: { year: 2024, month: 4, day: 0 }, because: "latest", other: "TH T3.2024", otherPeriod: { year: 2024, month: 3, day: 0 } },
      ],
    ]);
  });

  it("a decision's date in the title is not the period", () => {
    expect(periodOf("KH", titled("Kèm theo Quyết định số 15/QĐ-UBND ngày 15/01/2024"))).toBeNull();
    expect(periodOf("KH", titled("THỰC HIỆN THÁNG 4 NĂM 2024"))).toEqual({ year: 2024, month: 4, day: 0 });
  });

  it("says which roles more than one sheet could serve by name", () => {
    expect(contestedRoles(["KH", "KH (2)", "TH"])).toEqual(["targets"]);
    expect(contestedRoles(["KH", "KH (2)", "TH"], { targets: "KH" })).toEqual([]);
  });
});

describe("chooseSheets — second reading", () => {
  it("the latest actuals whatever the name's form, and the note says so only when true", () => {
    expect(chooseSheets(["KH 2024", "TH 2023", "TH T4.2024"]).actuals).toBe("TH T4.2024");
    const c = chooseSheets(["KH 2024", "TH 4 tháng 2024", "TH 5 tháng 2024"]);
    expect(c.actuals).toBe("TH 5 tháng 2024");
    expect(withCode(c.notes ?? [], "sheet-chosen-by-period").map((m) => [m.where, m.params.because, m.params.other, m.params.period])).toEqual([
      [{ sheet: "TH 5 tháng 2024" }, "latest", "TH 4 tháng 2024", { year: 2024, month: 5, day: 0 }],
    ]);
  });

  it("the only plan of another year than the actuals' is used, with a warning", () => {
    const c = chooseSheets(["KH 2024", "TH T4.2025"]);
    expect(c.targets).toBe("KH 2024");
    expect(c.warnings).toEqual([
      {
        code: "sheet-of-another-year",
        params: { role: "targets", year: 2024, actuals: "TH T4.2025", actualsYear: 2025 },
        where: { sheet: "KH 2024" },
        setting: "targets",
      },
    ]);
    expect(render(c.warnings![0]!, { lang: "vi", shell: "cli" })).toMatch(
      /'KH 2024' \(kế hoạch\) là của năm 2024, còn số thực hiện \('TH T4\.2025'\) là của năm 2025.*dùng --targets/,
    );
  });
});
