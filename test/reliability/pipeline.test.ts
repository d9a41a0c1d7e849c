/**
 * Bad input through the shared pipeline (src/workbook/recalculate.ts), the one every shell runs,
 * over a fake WorkbookPort: sheets exceljs cannot make (chart sheets), sheets that are named but
 * do not exist, and empty sheets chosen by name.
 */
import { ChitieuError } from "../../src/core/errors";
import { DEFAULT_CHOICES, RunChoices } from "../../src/core/settings";
import { analyze, recalculate } from "../../src/workbook/recalculate";
import { FakeWorkbook, table } from "./helpers";

const KH = table(
  "Kế hoạch",
  ["BHYT"],
  [
    ["Huyện Vị Thủy", 1000],
    ["Huyện Long Mỹ", 2000],
  ],
);
const TH = table(
  "Thực hiện",
  ["BHYT"],
  [
    ["H. Vị Thủy", 500],
    ["H. Long Mỹ", 1500],
  ],
);
const CHART = { name: "Biểu đồ", kind: "other" as const, ours: false };

function choices(sheets: RunChoices["sheets"]): RunChoices {
  return { ...DEFAULT_CHOICES, sheets };
}

async function rejection(p: Promise<unknown>): Promise<ChitieuError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ChitieuError);
    return e as ChitieuError;
  }
  throw new Error("expected a ChitieuError");
}

describe("a chart sheet", () => {
  test("chosen as an input: not-a-worksheet, naming it and listing the worksheets to choose from", async () => {
    const port = new FakeWorkbook([KH, TH], [CHART]);
    const e = await rejection(recalculate(port, choices({ targets: "Biểu đồ" })));
    expect(e.code).toBe("not-a-worksheet");
    expect(e.sheet).toBe("Biểu đồ");
    // Message at the picker of that role.
    expect(e.problem).toEqual({
      code: "chart-sheet-given",
      params: { role: "targets", worksheets: ["Kế hoạch", "Thực hiện"] },
      where: { sheet: "Biểu đồ" },
      setting: "targets",
    });
    expect(e.message).toContain("'Biểu đồ'");
    expect(e.message).toContain("'Kế hoạch'");
    expect(e.message).toContain("'Thực hiện'");
    expect(port.written).toEqual([]);
  });

  test("present but not chosen: skipped, never read, the run succeeds", async () => {
    const port = new FakeWorkbook([KH, TH], [CHART, { name: "Thực hiện biểu đồ", kind: "other", ours: false }]);
    const out = await recalculate(port, choices({}));
    expect(out.choice.targets).toBe("Kế hoạch");
    expect(out.choice.actuals).toBe("Thực hiện");
    expect(port.written).toHaveLength(1);
  });
});

describe("a named sheet that does not exist", () => {
  test.each(["targets", "actuals", "base"] as const)("given for the %s: the message lists the sheets that do exist", async (role) => {
    const port = new FakeWorkbook([KH, TH], [CHART]);
    const e = await rejection(analyze(port, choices({ [role]: "Tháng 13" })));
    expect(e.code).toBe("missing-sheet");
    // Message at the picker of that role, listing the workbook's sheets.
    expect(e.problem).toMatchObject({ code: "sheet-not-found", params: { name: "Tháng 13", role }, where: { sheet: "Tháng 13" }, setting: role });
    expect(e.message).toContain("'Tháng 13'");
    expect(e.message).toContain("'Kế hoạch'");
    expect(e.message).toContain("'Thực hiện'");
    expect(port.written).toEqual([]);
  });

  test("a name that differs only in case and accents still finds the sheet", async () => {
    const port = new FakeWorkbook([KH, TH]);
    const out = await analyze(port, choices({ targets: "KE HOACH" }));
    expect(out.choice.targets).toBe("Kế hoạch");
  });
});

describe("an empty sheet chosen by name", () => {
  test("empty-sheet, and nothing is written", async () => {
    const port = new FakeWorkbook([KH, { name: "Thực hiện", values: [] }]);
    const e = await rejection(recalculate(port, choices({ actuals: "Thực hiện" })));
    expect(e.code).toBe("empty-sheet");
    expect(port.written).toEqual([]);
  });
});

describe("an empty workbook", () => {
  test("says the workbook holds no figures, naming its blank sheets, not 'no actuals sheet'", async () => {
    // Blank in the top rows the roles are guessed from, and blank below them too.
    const blank = (name: string) => ({ name, values: Array.from({ length: 40 }, () => [null, "", null]) });
    const port = new FakeWorkbook([blank("Sheet1"), blank("Sheet2")]);
    const e = await rejection(recalculate(port, choices({})));
    expect(e.code).toBe("empty-sheet");
    expect(e.problem).toEqual({ code: "workbook-empty", params: { sheets: ["Sheet1", "Sheet2"] }, setting: "input" });
    expect(port.written).toEqual([]);
  });

  test("a sheet blank in its top rows but with a table further down is not called empty", async () => {
    const late = { name: "Sheet1", values: [...Array.from({ length: 35 }, () => [null]), ["Ghi chú: số liệu ở trang khác"]] };
    const e = await rejection(recalculate(new FakeWorkbook([late]), choices({})));
    expect(e.problem.code).toBe("no-actuals-sheet");
  });
});

describe("a workbook with no targets or base sheet", () => {
  test("missing-sheet, listing the sheets it has", async () => {
    const port = new FakeWorkbook([TH, { name: "Ghi chú", values: [["Số liệu sơ bộ"]] }]);
    const e = await rejection(recalculate(port, choices({})));
    expect(e.code).toBe("missing-sheet");
    expect(e.problem).toMatchObject({ code: "nothing-to-compare", where: { sheet: "Thực hiện" }, setting: "targets" });
    expect(port.written).toEqual([]);
  });
});
