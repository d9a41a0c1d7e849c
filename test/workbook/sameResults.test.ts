/**
 * The engine is shared, not copied: one workbook read through the exceljs adapter (CLI,
 * preview) and, copied cell by cell into the recording fake of Excel, through the Office.js
 * adapter (add-in) gives the same summary and the same written values.
 */
import ExcelJS from "exceljs";
import { canThoWorkbook, hauGiangWorkbook } from "../../scripts/lib/seeds";
import { fakeFromExcelJs } from "./fakeExcel";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsWorkbook";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { recalculate } from "../../src/workbook/recalculate";
import { DEFAULT_CHOICES, RunChoices } from "../../src/core/settings";
import { CellValue } from "../../src/core/grid";
import { withCode } from "../helpers/messages";
import { normal } from "../helpers/rows";

async function copy(make: () => ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  // Through a real .xlsx, as the CLI reads it.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await make().xlsx.writeBuffer()) as ArrayBuffer);
  return wb;
}

/** The same workbook with every sheet two rows lower and one column to the right (used ranges not at A1). */
function shifted(make: () => ExcelJS.Workbook): () => ExcelJS.Workbook {
  return () => {
    const src = make();
    // A junk figure, so that a warning names a cell: it must name the same cell through both adapters.
    src.getWorksheet("Thực hiện")!.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === "67.531") cell.value = "không rõ";
      }),
    );
    const wb = new ExcelJS.Workbook();
    src.eachSheet((ws) => {
      const out = wb.addWorksheet(ws.name);
      ws.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          if (cell.isMerged && cell.master !== cell) return;
          out.getCell(r + 2, c + 1).value = cell.value;
        }),
      );
      const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
      for (const m of merges) {
        const [a, b] = m.split(":");
        const at = (x: string) => {
          const mm = /^([A-Z]+)(\d+)$/.exec(x)!;
          return { row: Number(mm[2]) + 2, col: ws.getColumn(mm[1]!).number + 1 };
        };
        const p = at(a!),
          q = at(b ?? a!);
        out.mergeCells(p.row, p.col, q.row, q.col);
      }
    });
    return wb;
  };
}

const cases: [string, () => ExcelJS.Workbook, RunChoices][] = [
  ["Hậu Giang moved to B3 (messages name real cells)", shifted(hauGiangWorkbook), DEFAULT_CHOICES],
  ["Hậu Giang (seed 000)", hauGiangWorkbook, DEFAULT_CHOICES],
  ["Cần Thơ (seed 001)", canThoWorkbook, DEFAULT_CHOICES],
  ["Cần Thơ in English, dense ranks", canThoWorkbook, { ...DEFAULT_CHOICES, lang: "en", rank: "dense" }],
];

describe.each(cases)("%s: CLI adapter and Office.js adapter agree", (_name, make, choices) => {
  test("the same summary and the same written values", async () => {
    const file = await copy(make);
    const fake = fakeFromExcelJs(await copy(make));
    const cli = new ExcelJsWorkbook(file);
    const office = new OfficeWorkbook({ run: fake.run, settings: fake.settings, isSetSupported: fake.isSetSupported });

    const a = await recalculate(cli, choices);
    const b = await recalculate(office, choices);
    expect(b.choice).toEqual(a.choice);
    expect(b.summary).toEqual(a.summary);
    expect(b.specs).toEqual(a.specs);
    expect(b.written).toEqual(a.written);
    expect(a.summary.results.length).toBeGreaterThan(0);
    if (_name.includes("B3")) expect(withCode(a.summary.warnings, "text-in-number-column").map((w) => w.where)).toEqual([{ sheet: "Thực hiện", cell: "D12" }]);

    // What each wrote, read back through each adapter.
    const names = a.written.map((w) => w.name);
    const fromFile = await cli.readSheets(names);
    const fromExcel = await office.readSheets(names);
    names.forEach((_n, i) => {
      const spec = a.specs[i]!;
      // Excel reports merged cells other than the top-left as blank; exceljs gives the master's value.
      const blankMerged = (rows: CellValue[][]) => {
        const out = rows.map((r) => [...r]);
        for (const m of spec.merges)
          for (let r = 0; r < m.rows; r++)
            for (let c = 0; c < m.cols; c++) if ((r || c) && out[m.row + r] && c + m.col < out[m.row + r]!.length) out[m.row + r]![m.col + c] = null;
        return normal(out);
      };
      const origin = fromExcel[i]!.origin ?? { row: 0, col: 0 };
      expect(origin).toEqual({ row: 0, col: 0 });
      expect(blankMerged(fromExcel[i]!.values as CellValue[][])).toEqual(blankMerged(fromFile[i]!.values as CellValue[][]));
    });
  });
});
