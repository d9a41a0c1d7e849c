/**
 * A file written before our sheets carried a mark (by the exceljs adapter: a very hidden
 * `_ChiTieu` record listing the summary sheets by name). Its summary sheets are replaced, not
 * copied beside themselves as "(2)", but only those that still open with one of our titles: a
 * sheet the planner wrote under one of our names after deleting ours stays theirs.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { DEFAULT_CHOICES, toStored } from "../../../src/core/settings";
import { ExcelJsWorkbook } from "../../../src/workbook/exceljsWorkbook";
import { recalculate } from "../../../src/workbook/recalculate";
import { PackageWorkbook } from "../../../src/workbook/xlsx/packageWorkbook";

const SAMPLE = path.join(__dirname, "..", "..", "..", "samples", "hau-giang-2022.xlsx");

/** The sample as the CLI wrote it before the package writer: summary sheets and the unmarked record. */
async function oldOutput(edit?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(SAMPLE) as unknown as ArrayBuffer);
  const port = new ExcelJsWorkbook(wb);
  // Files of that time had no history sheet ("Diễn biến" came with the mark).
  const write = port.writeSummary.bind(port);
  port.writeSummary = (specs) => write(specs.filter((s) => s.kind !== "history"));
  await recalculate(port, DEFAULT_CHOICES);
  await port.saveSettings(toStored(DEFAULT_CHOICES));
  edit?.(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function sheetNames(bytes: Uint8Array): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((w) => w.name);
}

describe("a file written before the mark", () => {
  test("its summary sheets are recognised by the old record and their titles, and replaced in place of being copied", async () => {
    const before = await oldOutput();
    const names = await sheetNames(before);
    const pkg = await PackageWorkbook.open(before);
    const listed = await pkg.listSheets();
    expect(listed.filter((s) => s.ours).map((s) => s.name)).toEqual(expect.arrayContaining(["Tổng hợp chỉ tiêu", "Nhận xét"]));
    const out = await recalculate(pkg, DEFAULT_CHOICES);
    expect(out.written.map((w) => w.name).filter((n) => /\(\d\)$/.test(n))).toEqual([]);
    const after = await sheetNames(await pkg.save());
    // The same sheets, replaced in place; the history is new (the old file had none).
    expect(after.filter((n) => !n.startsWith("_ChiTieu")).sort()).toEqual([...names.filter((n) => !n.startsWith("_ChiTieu")), "Diễn biến"].sort());
    // Saved choices are still found.
    expect(await (await PackageWorkbook.open(await pkg.save())).loadSettings()).not.toBeNull();
  });

  test("a sheet the old record lists but the planner rewrote (their own 'Nhận xét') is theirs: kept, ours beside it", async () => {
    const before = await oldOutput((wb) => {
      const ws = wb.getWorksheet("Nhận xét")!;
      ws.spliceRows(1, ws.rowCount);
      ws.getCell("A1").value = "Ý kiến của phòng Kế hoạch";
    });
    const pkg = await PackageWorkbook.open(before);
    expect((await pkg.listSheets()).find((s) => s.name === "Nhận xét")!.ours).toBe(false);
    const out = await recalculate(pkg, DEFAULT_CHOICES);
    const commentary = out.written.find((w) => w.key === "commentary")!;
    expect(commentary.name).not.toBe("Nhận xét");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await pkg.save()) as unknown as ArrayBuffer);
    expect(wb.getWorksheet("Nhận xét")!.getCell("A1").value).toBe("Ý kiến của phòng Kế hoạch");
  });
});
