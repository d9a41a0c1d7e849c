/**
 * The fuzz workbooks through the file adapter and the shared pipeline, as the CLI runs them: each
 * generated workbook is saved as a real .xlsx, loaded, recalculated with the sheets named, saved
 * again and read back. Invariants: only ChitieuError escapes; the user's sheets read back with
 * the same values; every number written to the summary sheets is finite; no summary cell holds a
 * formula. Fewer runs than the engine property (each is a file round trip).
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { ChitieuError } from "../../src/core/errors";
import { CellValue } from "../../src/core/grid";
import { DEFAULT_CHOICES } from "../../src/core/settings";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsWorkbook";
import { recalculate } from "../../src/workbook/recalculate";
import { fuzzCaseArb, GeneratedSheet } from "./generator";

const RUNS = Number(process.env.CHITIEU_FUZZ_FILE_RUNS ?? 40);
jest.setTimeout(120_000);

/** A cell as a file can hold it: Infinity and NaN cannot be stored, Excel shows #NUM! instead. */
function fileValue(v: CellValue): ExcelJS.CellValue {
  if (typeof v === "number" && !Number.isFinite(v)) return { error: "#NUM!" } as ExcelJS.CellErrorValue;
  if (typeof v === "string" && /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!)$/.test(v)) return { error: v } as ExcelJS.CellErrorValue;
  return v;
}

async function load(buf: ArrayBuffer | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

function valuesOf(ws: ExcelJS.Worksheet): unknown[] {
  const out: unknown[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => out.push([c.address, c.value])));
  return out;
}

test(`fuzz through .xlsx files: ${RUNS} generated workbooks — ChitieuError only, user sheets kept, numbers finite, no formulas`, async () => {
  let ok = 0;
  await fc.assert(
    fc.asyncProperty(fuzzCaseArb, async (c) => {
      const sheets = [c.targets, c.actuals, c.base, c.previous].filter((s): s is GeneratedSheet => s !== null);
      const wb = new ExcelJS.Workbook();
      for (const s of sheets) {
        const ws = wb.addWorksheet(s.grid.name);
        s.grid.values.forEach((row, r) =>
          row.forEach((v, col) => {
            if (v !== null) ws.getCell(r + 1, col + 1).value = fileValue(v);
          }),
        );
      }
      const input = await load(await wb.xlsx.writeBuffer());
      const before = input.worksheets.map((ws) => [ws.name, valuesOf(ws)]);
      const choices = {
        ...DEFAULT_CHOICES,
        ...c.options,
        sheets: { targets: c.targets?.grid.name, actuals: c.actuals.grid.name, base: c.base?.grid.name, previous: c.previous?.grid.name },
      };
      let written: { name: string }[];
      try {
        written = (await recalculate(new ExcelJsWorkbook(input), choices)).written;
      } catch (e) {
        if (!(e instanceof ChitieuError)) throw e;
        return;
      }
      ok++;
      const out = await load(await input.xlsx.writeBuffer());
      for (const [name, values] of before) expect(valuesOf(out.getWorksheet(name as string)!)).toEqual(values);
      for (const w of written) {
        out.getWorksheet(w.name)!.eachRow((row) =>
          row.eachCell((cell) => {
            expect(cell.formula).toBeUndefined();
            if (typeof cell.value === "number") expect(Number.isFinite(cell.value)).toBe(true);
          }),
        );
      }
    }),
    { numRuns: RUNS },
  );
  expect(ok).toBeGreaterThan(RUNS / 4);
});
