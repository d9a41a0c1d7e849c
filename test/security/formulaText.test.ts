/**
 * Formula injection through the file adapter: text that starts with "=", "+", "-", "@", a tab or a
 * carriage return is written as text, never as a formula, and reads back as a string from the
 * saved .xlsx — checked with exceljs and in the sheet XML itself (no <f> element anywhere in the
 * summary sheets). Through the adapter directly, through the CLI end to end, and for random text.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import fc from "fast-check";
import { main } from "../../src/cli/main";
import { isTotalLabel } from "../../src/core/detect";
import { SheetSpec } from "../../src/core/sheetSpec";
import { plainSpec } from "../helpers/specs";
import { ExcelJsWorkbook, META_SHEET } from "../../src/workbook/exceljsWorkbook";

jest.setTimeout(60_000);

const PREFIXES = ["=", "+", "-", "@", "\t", "\r"] as const;
const PAYLOADS = ["1+1", "SUM(A1:A9)", 'HYPERLINK("http://example.invalid","Bấm")', "cmd|' /C calc'!A0", "2+3", 'WEBSERVICE("http://x")'];

function spec(name: string, texts: readonly string[]): SheetSpec {
  return plainSpec({
    key: `t:${name}`,
    kind: "ranked",
    name,
    values: [["Tiêu đề"], ["Hạng", "Đơn vị"], ...texts.map((t, i) => [i + 1, t])],
    columnFormats: ["0", "@"],
    columnWidths: [6, 30],
    dataStart: 2,
  });
}

async function roundTrip(wb: ExcelJS.Workbook): Promise<{ reread: ExcelJS.Workbook; zip: JSZip }> {
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const reread = new ExcelJS.Workbook();
  await reread.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return { reread, zip: await JSZip.loadAsync(buf) };
}

/** The XML of a sheet by its name, through workbook.xml and its relationships. */
async function sheetXml(zip: JSZip, name: string): Promise<string> {
  const wbXml = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const esc = name.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const sheet = [...wbXml.matchAll(/<sheet [^>]*\/>/g)].map((m) => m[0]).find((s) => s.includes(`name="${esc}"`));
  if (!sheet) throw new Error(`sheet "${name}" not in workbook.xml`);
  const rid = /r:id="([^"]+)"/.exec(sheet)![1]!;
  const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*/>`).exec(rels)![0];
  const file = /Target="([^"]+)"/.exec(target)![1]!.replace(/^\/?xl\//, "");
  return zip.file(`xl/${file}`)!.async("string");
}

/** Every cell of a sheet as read back: its value, its type, and whether exceljs saw a formula. */
function cellsOf(ws: ExcelJS.Worksheet): { address: string; value: ExcelJS.CellValue; type: ExcelJS.ValueType; formula: string | undefined }[] {
  const out: { address: string; value: ExcelJS.CellValue; type: ExcelJS.ValueType; formula: string | undefined }[] = [];
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => out.push({ address: cell.address, value: cell.value, type: cell.type, formula: cell.formula })),
  );
  return out;
}

/** XML turns a lone carriage return into a line feed; nothing else may change. */
function asRead(s: string): string {
  return s.replace(/\r\n?/g, "\n");
}

describe("the exceljs adapter writes formula-like text as text", () => {
  test.each(PREFIXES.map((p) => [JSON.stringify(p)]))("prefix %s: reads back as the same string, with no formula", async (label) => {
    const prefix = JSON.parse(label) as string;
    const texts = PAYLOADS.map((x) => prefix + x);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Của người dùng").getCell("A1").value = "dữ liệu";
    const written = await new ExcelJsWorkbook(wb).writeSummary([spec("Tổng hợp", texts)]);
    const { reread, zip } = await roundTrip(wb);
    const ws = reread.getWorksheet(written[0]!.name)!;
    const cells = cellsOf(ws);
    for (const c of cells) {
      expect(c.formula).toBeUndefined();
      expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
    }
    texts.forEach((t, i) => {
      const cell = ws.getCell(i + 3, 2);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(asRead(t));
    });
    const xml = await sheetXml(zip, written[0]!.name);
    expect(xml).not.toMatch(/<f[ >]/);
  });

  test("random text after each prefix (property, 40 workbooks of 6 cells)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...PREFIXES), fc.string({ maxLength: 40 })), { minLength: 6, maxLength: 6 }), async (pairs) => {
        const texts = pairs.map(([p, s]) => p + s);
        const wb = new ExcelJS.Workbook();
        const written = await new ExcelJsWorkbook(wb).writeSummary([spec("S", texts)]);
        const { reread, zip } = await roundTrip(wb);
        const ws = reread.getWorksheet(written[0]!.name)!;
        texts.forEach((t, i) => {
          const cell = ws.getCell(i + 3, 2);
          expect(cell.formula).toBeUndefined();
          expect(cell.value).toBe(asRead(t));
        });
        expect(await sheetXml(zip, written[0]!.name)).not.toMatch(/<f[ >]/);
      }),
      { numRuns: 40 },
    );
  });
});

describe("end to end: a workbook whose unit names and headers are formula-like", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-sec-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the CLI's output holds them as strings: no formula in any summary sheet", async () => {
    // Two names per prefix, distinct even once leading white space is trimmed.
    const names = PREFIXES.flatMap((p, i) => [p + PAYLOADS[i]!, p + PAYLOADS[(i + 3) % PAYLOADS.length]!]);
    const header = "=SUM(C3:C40)";
    const wb = new ExcelJS.Workbook();
    for (const [sheetName, factor] of [
      ["Kế hoạch", 10],
      ["Thực hiện", 7],
    ] as const) {
      const ws = wb.addWorksheet(sheetName);
      ws.addRow(["STT", "Đơn vị", header]);
      names.forEach((n, i) => ws.addRow([i + 1, n, (i + 1) * factor]));
    }
    const input = path.join(dir, "in.xlsx");
    const out = path.join(dir, "out.xlsx");
    await wb.xlsx.writeFile(input);
    let stdout = "";
    const code = await main(["summarize", input, "--out", out, "--json"], {
      out: (s: string) => {
        stdout += s;
        return true;
      },
      err: (s: string) => {
        stdout += s;
        return true;
      },
    });
    expect({ code, stdout: code === 0 ? "" : stdout }).toEqual({ code: 0, stdout: "" });
    const report = JSON.parse(stdout) as { output: { sheets: { name: string }[] }; results: { units: { unit: string }[] }[] };
    const units = report.results[0]!.units.map((u) => u.unit);
    // Names are cleaned of leading white space (tab, CR) like any name; the rest is kept as typed.
    // A name that reads as a total label ("SUM(A1:A9)" once its tab is trimmed) is a total row.
    const asUnits = names.map((n) => n.trim()).filter((n) => !isTotalLabel(n));
    expect(asUnits.length).toBeGreaterThanOrEqual(10);
    expect(units.sort()).toEqual(asUnits.sort());

    const buf = fs.readFileSync(out);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const zip = await JSZip.loadAsync(buf);
    const seen = new Set<string>();
    for (const s of report.output.sheets) {
      for (const c of cellsOf(reread.getWorksheet(s.name)!)) {
        expect(c.formula).toBeUndefined();
        if (typeof c.value === "string") seen.add(c.value);
      }
      expect(await sheetXml(zip, s.name)).not.toMatch(/<f[ >]/);
    }
    for (const n of asUnits) expect(seen.has(n)).toBe(true);
    expect([...seen].some((v) => v.includes(header))).toBe(true);
    // The hidden record of our sheets is data, not a formula, too.
    const meta = reread.getWorksheet(META_SHEET)!;
    expect(meta.getCell("A1").formula).toBeUndefined();
  });
});
