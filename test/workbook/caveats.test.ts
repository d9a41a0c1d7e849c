/**
 * Units that do not match across the sheets, and a total row that is not the units' sum, are
 * written where the planner reads the results, through either adapter: a note under the
 * overview's title, and a caution above the commentary's paragraphs (which stay as written).
 */
import ExcelJS from "exceljs";
import { fakeFromExcelJs } from "./fakeExcel";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsWorkbook";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { recalculate } from "../../src/workbook/recalculate";
import { DEFAULT_CHOICES } from "../../src/core/settings";

function table(ws: ExcelJS.Worksheet, header: string, rows: readonly (readonly [string, number])[], total?: number): void {
  ws.addRow(["BÁO CÁO"]);
  ws.addRow([]);
  ws.addRow(["STT", "Đơn vị", header]);
  rows.forEach(([u, v], i) => ws.addRow([i + 1, u, v]));
  if (total !== undefined) ws.addRow(["", "Toàn tỉnh", total]);
}

/** 'Kế hoạch' has Xã C, 'Thực hiện' does not; its total row says 900 for units that add up to 700. */
function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  table(
    wb.addWorksheet("Kế hoạch"),
    "BHYT",
    [
      ["Xã A", 100],
      ["Xã B", 200],
      ["Xã C", 400],
    ],
    900,
  );
  table(wb.addWorksheet("Thực hiện"), "BHYT", [
    ["Xã A", 90],
    ["Xã B", 150],
  ]);
  return wb;
}

const NOTE = "Không tính vào tổng toàn tỉnh: 1 đơn vị không khớp giữa các trang tính: Xã C (có ở 'Kế hoạch', không có ở 'Thực hiện').";
const CAUTION = "Lưu ý: số liệu toàn tỉnh trong các đoạn nhận xét chưa tính 1 đơn vị không khớp giữa các trang tính: Xã C.";

test("exceljs: the overview's note and the commentary's caution are written", async () => {
  const wb = workbook();
  const outcome = await recalculate(new ExcelJsWorkbook(wb), DEFAULT_CHOICES);
  const overview = wb.getWorksheet(outcome.written.find((w) => w.key === "overview")!.name)!;
  expect(overview.getCell("A2").value).toBe(NOTE);
  expect(String(overview.getCell("A3").value)).toMatch(/^'Kế hoạch'!C7: dòng tổng “Toàn tỉnh” ghi 900 cho “BHYT”, cộng các đơn vị được 700 \(chênh lệch 200\)/);
  expect(overview.getCell("A2").isMerged).toBe(true);
  expect(overview.getCell("A2").alignment?.wrapText).toBe(true);
  const commentary = wb.getWorksheet(outcome.written.find((w) => w.key === "commentary")!.name)!;
  expect(commentary.getCell("A3").value).toBe(CAUTION);
  // The paragraphs are the run's, unchanged, below the caution.
  expect(commentary.getCell("A5").value).toBe(outcome.narrative[0]);
  expect(outcome.narrative.join(" ")).not.toContain("Lưu ý");
});

test("Office.js (fake): the same cells", async () => {
  const fake = fakeFromExcelJs(workbook());
  const outcome = await recalculate(new OfficeWorkbook({ run: fake.run, settings: fake.settings, isSetSupported: fake.isSetSupported }), DEFAULT_CHOICES);
  const grid = (key: string) => fake.workbook.get(outcome.written.find((w) => w.key === key)!.name).grid();
  expect(grid("overview")[1]![0]).toBe(NOTE);
  expect(grid("commentary")[2]![0]).toBe(CAUTION);
  expect(grid("commentary")[4]![0]).toBe(outcome.narrative[0]);
});
