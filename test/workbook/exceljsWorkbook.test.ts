import * as path from "node:path";
import ExcelJS from "exceljs";
import { ChitieuError } from "../../src/core/errors";
import { SheetSpec } from "../../src/core/sheetSpec";
import { DEFAULT_CHOICES, toStored } from "../../src/core/settings";
import { ExcelJsWorkbook, META_SHEET, toCellValue } from "../../src/workbook/exceljsWorkbook";
import { readWorkbook, tempDir, writeWorkbook } from "../helpers/files";

function spec(name: string, key = name, values: (string | number | null)[][] = [["Title"], [], ["Hạng", "Đơn vị", "Tỷ lệ"], [1, "Huyện A", 0.5]]): SheetSpec {
  return {
    key,
    kind: "ranked",
    name,
    values,
    columnFormats: ["0", "@", "0.00%"],
    dataStart: 3,
    cellFormats: [],
    width: 3,
    columnWidths: [7, 26, 9],
    merges: [{ row: 0, col: 0, rows: 1, cols: 3 }],
    wrap: [],
    freeze: { rows: 3, columns: 0 },
    highlights: [{ style: "belowAverage", block: { row: 3, col: 0, rows: 1, cols: 3 }, rows: [3] }],
    table: { range: { row: 2, col: 0, rows: 2, cols: 3 }, name: "T1" },
    chart: null,
  };
}

/** Write and read back, as a file would be. */
async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const f = path.join(tempDir(), "rt.xlsx");
  await writeWorkbook(wb, f);
  return readWorkbook(f);
}

describe("toCellValue", () => {
  it("passes numbers, text and booleans through; blanks are null", () => {
    expect(toCellValue(5)).toBe(5);
    expect(toCellValue("Huyện A")).toBe("Huyện A");
    expect(toCellValue(true)).toBe(true);
    expect(toCellValue(null)).toBeNull();
    expect(toCellValue(undefined as unknown as ExcelJS.CellValue)).toBeNull();
  });
  it("gives a formula's cached result, and null when it has none", () => {
    expect(toCellValue({ formula: "B2*1", result: 2096 } as ExcelJS.CellFormulaValue)).toBe(2096);
    expect(toCellValue({ formula: "B2*1" } as ExcelJS.CellFormulaValue)).toBeNull();
    expect(toCellValue({ sharedFormula: "B2", result: 7 } as unknown as ExcelJS.CellValue)).toBe(7);
    expect(toCellValue({ formula: "1/0", result: { error: "#DIV/0!" } } as unknown as ExcelJS.CellValue)).toBe("#DIV/0!");
  });
  it("reads errors, rich text, hyperlinks and dates", () => {
    expect(toCellValue({ error: "#N/A" } as ExcelJS.CellErrorValue)).toBe("#N/A");
    expect(toCellValue({ richText: [{ text: "Huyện " }, { text: "Vị Thủy" }] } as ExcelJS.CellRichTextValue)).toBe("Huyện Vị Thủy");
    expect(toCellValue({ text: "Xem", hyperlink: "https://example.org" } as ExcelJS.CellHyperlinkValue)).toBe("Xem");
    expect(toCellValue(new Date(Date.UTC(2022, 9, 31)))).toBe("2022-10-31");
  });
});

describe("ExcelJsWorkbook — reading", () => {
  async function sample(): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Thực hiện");
    ws.getCell("A1").value = "KẾT QUẢ THỰC HIỆN";
    ws.mergeCells("A1:C1");
    ws.getCell("A3").value = "STT";
    ws.getCell("B3").value = "Đơn vị";
    ws.getCell("C3").value = "BHYT";
    ws.getCell("A4").value = 1;
    ws.getCell("B4").value = "Huyện A";
    ws.getCell("C4").value = { formula: "10*2", result: 20 } as ExcelJS.CellFormulaValue;
    ws.getCell("A5").value = 2;
    ws.getCell("B5").value = "Huyện B";
    ws.getCell("C5").value = "1.065.565";
    ws.getCell("A6").value = "Tổng cộng";
    ws.mergeCells("A6:B6");
    wb.addWorksheet("Kế hoạch").getCell("A1").value = "x";
    return roundTrip(wb);
  }

  it("reads values with formula results, merged cells repeated, from A1", async () => {
    const port = new ExcelJsWorkbook(await sample());
    const [g] = await port.readSheets(["Thực hiện"]);
    expect(g!.name).toBe("Thực hiện");
    expect(g!.origin).toEqual({ row: 0, col: 0 });
    expect(g!.values[0]).toEqual(["KẾT QUẢ THỰC HIỆN", "KẾT QUẢ THỰC HIỆN", "KẾT QUẢ THỰC HIỆN"]);
    expect(g!.values[1]).toEqual([]);
    expect(g!.values[3]).toEqual([1, "Huyện A", 20]);
    expect(g!.values[4]).toEqual([2, "Huyện B", "1.065.565"]);
    expect(g!.values[5]).toEqual(["Tổng cộng", "Tổng cộng"]);
    expect(g!.values).toHaveLength(6);
  });

  it("reads only the first rows when asked", async () => {
    const port = new ExcelJsWorkbook(await sample());
    const [g] = await port.readSheets(["Thực hiện"], { maxRows: 3 });
    expect(g!.values).toHaveLength(3);
  });

  it("a missing sheet is an error listing the sheets that exist", async () => {
    const port = new ExcelJsWorkbook(await sample());
    const e = await port.readSheets(["Dân số"]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ChitieuError);
    expect((e as ChitieuError).code).toBe("missing-sheet");
    expect((e as ChitieuError).problem).toEqual({ code: "sheet-not-in-workbook", params: { have: ["Thực hiện", "Kế hoạch"] }, where: { sheet: "Dân số" } });
    expect((e as ChitieuError).message).toBe("Sổ làm việc không có trang tính 'Dân số'. Các trang tính có: 'Thực hiện' và 'Kế hoạch'.");
    await expect(port.readSheets([META_SHEET])).rejects.toThrow(ChitieuError);
  });

  it("lists the sheets, none ours before a run", async () => {
    const port = new ExcelJsWorkbook(await sample());
    expect(await port.listSheets()).toEqual([
      { name: "Thực hiện", kind: "worksheet", ours: false },
      { name: "Kế hoạch", kind: "worksheet", ours: false },
    ]);
  });
});

describe("ExcelJsWorkbook — writing", () => {
  it("writes the sheets with values, formats, widths, merges, frozen header and highlights, and records them as ours", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Kế hoạch").getCell("A1").value = "user";
    const port = new ExcelJsWorkbook(wb);
    const written = await port.writeSummary([spec("Tổng hợp chỉ tiêu", "overview")]);
    expect(written).toEqual([{ key: "overview", name: "Tổng hợp chỉ tiêu" }]);
    const back = await roundTrip(wb);
    const ws = back.getWorksheet("Tổng hợp chỉ tiêu")!;
    expect(ws.getCell("A4").value).toBe(1);
    expect(ws.getCell("B4").value).toBe("Huyện A");
    expect(ws.getCell("C4").value).toBe(0.5);
    expect(ws.getCell("C4").numFmt).toBe("0.00%");
    expect(ws.getColumn(2).width).toBe(26);
    expect(ws.getCell("A1").isMerged).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(ws.getCell("B4").fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFFCE4D6" } });
    expect(ws.autoFilter).toBeTruthy();
    const meta = back.getWorksheet(META_SHEET)!;
    expect(meta.state).toBe("veryHidden");
    expect(await new ExcelJsWorkbook(back).listSheets()).toEqual([
      { name: "Kế hoạch", kind: "worksheet", ours: false },
      { name: "Tổng hợp chỉ tiêu", kind: "worksheet", ours: true },
    ]);
  });

  it("text that looks like a formula is written as text", async () => {
    const wb = new ExcelJS.Workbook();
    await new ExcelJsWorkbook(wb).writeSummary([spec("S", "s", [['=HYPERLINK("x")'], ["-5"]])]);
    const back = await roundTrip(wb);
    expect(back.getWorksheet("S")!.getCell("A1").value).toBe('=HYPERLINK("x")');
    expect(back.getWorksheet("S")!.getCell("A2").value).toBe("-5");
  });

  it("a second run replaces its own sheets and never a user's, whatever its name", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Tổng hợp chỉ tiêu").getCell("A1").value = "của tôi";
    const first = await new ExcelJsWorkbook(wb).writeSummary([spec("Tổng hợp chỉ tiêu", "overview"), spec("Xếp hạng BHYT (KH)", "r")]);
    expect(first.map((w) => w.name)).toEqual(["Tổng hợp chỉ tiêu (2)", "Xếp hạng BHYT (KH)"]);
    const again = await roundTrip(wb);
    const second = await new ExcelJsWorkbook(again).writeSummary([spec("Tổng hợp chỉ tiêu", "overview"), spec("Xếp hạng BHYT (KH)", "r")]);
    expect(second.map((w) => w.name)).toEqual(["Tổng hợp chỉ tiêu (2)", "Xếp hạng BHYT (KH)"]);
    const names = again.worksheets.map((w) => w.name);
    expect(names.filter((n) => n !== META_SHEET).sort()).toEqual(["Tổng hợp chỉ tiêu", "Tổng hợp chỉ tiêu (2)", "Xếp hạng BHYT (KH)"].sort());
    expect(again.getWorksheet("Tổng hợp chỉ tiêu")!.getCell("A1").value).toBe("của tôi");
    // And the file still writes and reads.
    const third = await roundTrip(again);
    expect(third.worksheets.map((w) => w.name).filter((n) => n !== META_SHEET)).toHaveLength(3);
  });

  it("a run with fewer sheets removes the earlier extra ones", async () => {
    const wb = new ExcelJS.Workbook();
    await new ExcelJsWorkbook(wb).writeSummary([spec("A"), spec("B")]);
    await new ExcelJsWorkbook(wb).writeSummary([spec("A")]);
    expect(wb.worksheets.map((w) => w.name).filter((n) => n !== META_SHEET)).toEqual(["A"]);
  });

  it("saves and loads the run's choices", async () => {
    const wb = new ExcelJS.Workbook();
    const port = new ExcelJsWorkbook(wb);
    expect(await port.loadSettings()).toBeNull();
    const stored = toStored({ ...DEFAULT_CHOICES, average: "mean", rank: "dense", sheets: { targets: "KH" } });
    await port.saveSettings(stored);
    await port.writeSummary([spec("A")]);
    const back = new ExcelJsWorkbook(await roundTrip(wb));
    expect(await back.loadSettings()).toMatchObject({ average: "mean", rank: "dense", sheets: { targets: "KH" } });
  });
});
