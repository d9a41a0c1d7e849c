/**
 * A hidden sheet (last year's plan kept out of sight) is never chosen on its own, through either
 * adapter: the listing says which sheets are hidden (Office: from `visibility`, in the same sync as
 * the names), and the pipeline leaves them out of detection. Named in the choices, one is used.
 */
import ExcelJS from "exceljs";
import { fakeFromExcelJs } from "./fakeExcel";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsWorkbook";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { WorkbookPort } from "../../src/workbook/port";
import { analyze } from "../../src/workbook/recalculate";
import { DEFAULT_CHOICES } from "../../src/core/settings";

const UNITS = ["Xã A", "Xã B", "Xã C"];

function table(ws: ExcelJS.Worksheet, header: string, values: readonly number[]): void {
  ws.addRow(["BÁO CÁO"]);
  ws.addRow([]);
  ws.addRow(["STT", "Đơn vị", header]);
  UNITS.forEach((u, i) => ws.addRow([i + 1, u, values[i]]));
}

/**
 * Sheets in this order: last year's plan under the surest name ("Kế hoạch", hidden), this year's
 * plan under a weaker one, the actuals, and a very hidden notes copy of the actuals.
 */
function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const old = wb.addWorksheet("Kế hoạch");
  table(old, "BHYT", [1000, 1000, 1000]);
  old.state = "hidden";
  table(wb.addWorksheet("Chỉ tiêu giao năm nay"), "BHYT", [200, 400, 500]);
  table(wb.addWorksheet("Thực hiện"), "BHYT", [100, 300, 500]);
  const copy = wb.addWorksheet("TH cũ");
  table(copy, "BHYT", [1, 1, 1]);
  copy.state = "veryHidden";
  return wb;
}

const ports: [string, () => { port: WorkbookPort; syncs?: () => number }][] = [
  ["exceljs", () => ({ port: new ExcelJsWorkbook(workbook()) })],
  [
    "Office.js (fake)",
    () => {
      const fake = fakeFromExcelJs(workbook());
      return { port: new OfficeWorkbook({ run: fake.run, settings: fake.settings, isSetSupported: fake.isSetSupported }), syncs: () => fake.stats().syncs };
    },
  ],
];

describe.each(ports)("hidden sheets through the %s adapter", (_name, make) => {
  test("the listing marks hidden and very hidden sheets, and only those", async () => {
    const { port, syncs } = make();
    const list = await port.listSheets();
    expect(list.map((s) => [s.name, s.hidden === true])).toEqual([
      ["Kế hoạch", true],
      ["Chỉ tiêu giao năm nay", false],
      ["Thực hiện", false],
      ["TH cũ", true],
    ]);
    // Visibility comes in the listing's one sync: no extra round trip.
    if (syncs) expect(syncs()).toBe(1);
  });

  test("a hidden sheet is not chosen on its own, even under the surest name", async () => {
    const { port } = make();
    const a = await analyze(port, DEFAULT_CHOICES);
    expect(a.choice.targets).toBe("Chỉ tiêu giao năm nay");
    expect(a.choice.actuals).toBe("Thực hiện");
    const r = a.summary.results.find((x) => x.indicatorKey === "bhyt" && x.measure === "attainment")!;
    // This year's plan: 900 of 1.100, not last year's 3.000.
    expect(r.actualTotal).toBe(900);
    expect(r.denominatorTotal).toBe(1100);
  });

  test("named in the choices, a hidden sheet is used", async () => {
    const { port } = make();
    const a = await analyze(port, { ...DEFAULT_CHOICES, sheets: { targets: "Kế hoạch" } });
    expect(a.choice.targets).toBe("Kế hoạch");
    const r = a.summary.results.find((x) => x.indicatorKey === "bhyt" && x.measure === "attainment")!;
    expect(r.denominatorTotal).toBe(3000);
  });
});
