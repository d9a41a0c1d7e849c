/** Inputs for the graft and chart tests, built by code: our sheet descriptions and a planner's workbook. */
import ExcelJS from "exceljs";
import { SheetSpec } from "../../../src/core/sheetSpec";

export function rankedSpec(name: string, key: string, units = 3): SheetSpec {
  const rows: (string | number | null)[][] = [["Xếp hạng tỷ lệ & <BHYT>"], [], ["Hạng", "Đơn vị", "Tỷ lệ", "Trung bình"]];
  for (let k = 0; k < units; k++) rows.push([k + 1, `Huyện ${String.fromCharCode(65 + (k % 26))}${k}`, 0.9 - k / (units * 2), 0.7]);
  return {
    key,
    kind: "ranked",
    name,
    values: rows,
    columnFormats: ["0", "@", "0.00%", "0.00%"],
    dataStart: 3,
    cellFormats: [{ row: 1, col: 2, format: "#,##0.0000" }],
    width: 4,
    columnWidths: [7, 26, 9, 9],
    merges: [{ row: 0, col: 0, rows: 1, cols: 4 }],
    wrap: [{ row: 2, col: 0, rows: 1, cols: 4 }],
    freeze: { rows: 3, columns: 0 },
    highlights: [
      { style: "header", block: { row: 2, col: 0, rows: 1, cols: 4 }, rows: [2] },
      { style: "belowAverage", block: { row: 3, col: 0, rows: units, cols: 4 }, rows: [3 + units - 1] },
      { style: "title", block: { row: 0, col: 0, rows: 1, cols: 4 }, rows: [0] },
    ],
    table: { range: { row: 2, col: 0, rows: units + 1, cols: 4 }, name: "XepHang" },
    chart: {
      title: "Tỷ lệ bao phủ BHYT",
      categories: { row: 3, col: 1, rows: units, cols: 1 },
      bars: { name: "Tỷ lệ", values: { row: 3, col: 2, rows: units, cols: 1 } },
      line: { name: "Trung bình", values: { row: 3, col: 3, rows: units, cols: 1 } },
      anchor: { row: 2, col: 5 },
    },
  };
}

export function overviewSpec(): SheetSpec {
  return { ...rankedSpec("Tổng hợp", "overview"), kind: "overview", chart: null, table: null };
}

/** A planner's workbook with what offices keep in one: styles, names, validation, comments, an image, a table, hidden and protected sheets. */
export async function userWorkbook(o: { extraSheets?: string[] } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const kh = wb.addWorksheet("KH");
  kh.getCell("A1").value = "Kế hoạch năm 2024";
  kh.getCell("A1").font = { name: "Times New Roman", size: 13, bold: true, italic: true };
  kh.getCell("B2").value = 1234.5;
  kh.getCell("B2").numFmt = "#,##0.000";
  kh.getCell("B2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF92D050" } };
  kh.getCell("C2").value = { formula: "B2*2", result: 2469 };
  kh.getCell("D2").value = "Chọn";
  kh.getCell("D2").dataValidation = { type: "list", allowBlank: true, formulae: ['"Có,Không"'] };
  kh.getCell("A3").note = "Ghi chú của người lập";
  kh.getCell("A4").value = { text: "Trang BHXH", hyperlink: "https://baohiemxahoi.gov.vn" };
  kh.pageSetup.printArea = "A1:D4";
  wb.definedNames.add("KH!$B$2", "TongKH");
  const img = wb.addImage({ base64: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", extension: "png" });
  kh.addImage(img, { tl: { col: 5, row: 1 }, ext: { width: 20, height: 20 } });
  const th = wb.addWorksheet("TH");
  th.addTable({
    name: "T1",
    ref: "A1",
    headerRow: true,
    columns: [{ name: "Đơn vị" }, { name: "Số" }],
    rows: [
      ["Huyện A", 1],
      ["Huyện B", 2],
    ],
  });
  const hidden = wb.addWorksheet("Năm trước", { state: "hidden" });
  hidden.getCell("A1").value = 7;
  const prot = wb.addWorksheet("Khóa");
  prot.getCell("A1").value = "khóa";
  await prot.protect("mk", {});
  for (const n of o.extraSheets ?? []) wb.addWorksheet(n).getCell("A1").value = "của người dùng";
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
