/**
 * The preview's worker, run in this process: the page's client talks to the worker's host
 * through structured clones (as postMessage copies), so what crosses is plain data — the analysis
 * and outcome equal the pipeline's own, errors come back as ChitieuErrors with their message, the
 * sheet view follows the output language, and the saved bytes hold the summary sheets.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { ChitieuError } from "../../src/core/errors";
import { render } from "../../src/core/messages";
import { DEFAULT_CHOICES } from "../../src/core/settings";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsWorkbook";
import { MAX_WORKBOOK_BYTES } from "../../src/workbook/fileErrors";
import { analyze, recalculate } from "../../src/workbook/recalculate";
import { errorFromWire, errorToWire } from "../../src/preview/protocol";
import { resultName } from "../../src/preview/PreviewApp";
import { clone, newWorker } from "./inProcess";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "hau-giang-2022.xlsx");

function sampleBytes(): ArrayBuffer {
  const b = fs.readFileSync(SAMPLE);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

async function direct(): Promise<ExcelJsWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  return new ExcelJsWorkbook(wb);
}

describe("the preview's worker", () => {
  test("opening lists the sheets; the analysis made in the worker equals the pipeline's", async () => {
    const book = await newWorker().open("hau-giang-2022.xlsx", sampleBytes());
    expect(book.opened.sheets.map((s) => s.name)).toEqual(["Kế hoạch", "Thực hiện", "Dân số"]);
    expect(book.opened.lang).toBeNull();
    const a = await book.analyze(DEFAULT_CHOICES);
    const b = await analyze(await direct(), DEFAULT_CHOICES);
    expect(a.choice).toEqual(b.choice);
    expect(a.narrative).toEqual(b.narrative);
    expect(a.summary.warnings).toEqual(b.summary.warnings);
    expect(a.summary.detection).toEqual(b.summary.detection);
    expect(a.summary.results.map((r) => [r.indicatorKey, r.measure, r.overall])).toEqual(b.summary.results.map((r) => [r.indicatorKey, r.measure, r.overall]));
    // The units are made from the columns on the page, as the engine makes them.
    for (let i = 0; i < b.summary.results.length; i++) expect(a.summary.results[i]!.units).toEqual(b.summary.results[i]!.units);
    expect(Object.keys(a.summary.results[0]!)).not.toContain("columns");
  });

  test("the port over the worker gives the same analysis when the page runs the pipeline", async () => {
    const book = await newWorker().open("x.xlsx", sampleBytes());
    const a = await analyze(book, DEFAULT_CHOICES);
    const b = await analyze(await direct(), DEFAULT_CHOICES);
    expect(a.summary.results.map((r) => r.units)).toEqual(b.summary.results.map((r) => r.units));
  });

  test("Recalculate in the worker writes the summary sheets and remembers the choices; the download holds them", async () => {
    const book = await newWorker().open("hau-giang-2022.xlsx", sampleBytes());
    const outcome = await book.recalculateAndRemember(DEFAULT_CHOICES);
    const expected = await recalculate(await direct(), DEFAULT_CHOICES);
    expect(outcome.written).toEqual(expected.written);
    expect((await book.listSheets()).filter((s) => s.ours).map((s) => s.name)).toEqual(expected.written.map((w) => w.name));
    expect((await book.loadSettings())?.sheets.actuals).toBe("Thực hiện");
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(await book.save());
    for (const w of expected.written) expect(saved.getWorksheet(w.name)).toBeDefined();
  });

  test("the port's writeSummary takes sheet descriptions made on the page (their rows cross as values)", async () => {
    const book = await newWorker().open("x.xlsx", sampleBytes());
    const a = await analyze(book, DEFAULT_CHOICES);
    const written = await book.writeSummary(a.specs);
    expect(written.map((w) => w.key)).toEqual(a.specs.map((s) => s.key));
    const view = await book.view(written.find((w) => w.key === "ranked:bhxh-tn:attainment")!.name);
    expect(view!.rows.flat().map((c) => c.text)).toContain("Huyện Vị Thủy");
  });

  test("the sheet view writes numbers the output language's way: the saved one, then the last recalculation's", async () => {
    const book = await newWorker().open("x.xlsx", sampleBytes());
    const vi = await book.recalculateAndRemember(DEFAULT_CHOICES);
    const overview = vi.written[0]!.name;
    const texts = async (name: string) => (await book.view(name))!.rows.flat().map((c) => c.text);
    expect(await texts(overview)).toEqual(expect.arrayContaining(["64,91%", "12.853"]));
    const en = await book.recalculateAndRemember({ ...DEFAULT_CHOICES, lang: "en" });
    expect(await texts(en.written[0]!.name)).toEqual(expect.arrayContaining(["64.91%", "12,853"]));
    // The saved language is the one a reopened file starts with.
    const again = await newWorker().open("x-ket-qua.xlsx", await book.save());
    expect(again.opened.lang).toBe("en");
    expect(await again.view(en.written[0]!.name, "vi")).not.toBeNull();
    expect((await again.view(en.written[0]!.name))!.rows.flat().map((c) => c.text)).toContain("64.91%");
  });

  test("a file that is not a workbook: a ChitieuError whose message says what it is, and the open workbook stays", async () => {
    const worker = newWorker();
    const book = await worker.open("x.xlsx", sampleBytes());
    const text = new TextEncoder().encode("Đơn vị,Kế hoạch\nXã A,100\n");
    const err = await worker.open("bao-cao.xlsx", text.buffer.slice(0) as ArrayBuffer).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ChitieuError);
    const e = err as ChitieuError;
    expect(e.code).toBe("bad-file");
    expect(e.problem.code).toBe("file-text");
    expect(render(e.problem, { lang: "vi", shell: "preview" })).toMatch(/bao-cao\.xlsx/);
    expect((await book.listSheets()).map((s) => s.name)).toContain("Kế hoạch");
    const empty = await worker.open("rong.xlsx", new ArrayBuffer(0)).catch((x: ChitieuError) => x);
    expect((empty as ChitieuError).problem.code).toBe("file-empty");
    // A zip exceljs reads without complaint but finds no sheet in: what it is, from its bytes.
    const zip = new JSZip();
    zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
    zip.file("content.xml", "<x/>");
    const ods = await zip.generateAsync({ type: "arraybuffer" });
    const odsErr = await worker.open("dan-so.xlsx", ods).catch((x: ChitieuError) => x);
    expect((odsErr as ChitieuError).problem.code).toBe("file-ods");
    // Past the limit the CLI reads (256 MiB): refused before any reading, with the limit named.
    const huge = await worker.open("toan-quoc.xlsx", new ArrayBuffer(MAX_WORKBOOK_BYTES + 1)).catch((x: ChitieuError) => x);
    expect((huge as ChitieuError).problem).toMatchObject({
      code: "file-too-large",
      params: { file: "toan-quoc.xlsx", bytes: MAX_WORKBOOK_BYTES + 1, limit: MAX_WORKBOOK_BYTES },
    });
    expect((await book.listSheets()).map((s) => s.name)).toContain("Kế hoạch");
  });

  test("errors cross as data: the engine's keep their kind and message, others their text", () => {
    const e = new ChitieuError("missing-sheet", { code: "sheet-not-in-workbook", params: { have: ["KH"] }, where: { sheet: "TH" } });
    const back = errorFromWire(clone(errorToWire(e)));
    expect(back).toBeInstanceOf(ChitieuError);
    expect((back as ChitieuError).code).toBe("missing-sheet");
    expect((back as ChitieuError).problem).toEqual(e.problem);
    expect((back as ChitieuError).sheet).toBe("TH");
    const other = errorFromWire(clone(errorToWire(new TypeError("boom"))));
    expect(other).not.toBeInstanceOf(ChitieuError);
    expect([other.name, other.message]).toEqual(["TypeError", "boom"]);
  });

  test("the result's name: <name>-ket-qua.xlsx, and .xlsm for an .xlsm (its macros are kept)", () => {
    expect(resultName("hau-giang.xlsx")).toBe("hau-giang-ket-qua.xlsx");
    expect(resultName("Bao cao.XLSM")).toBe("Bao cao-ket-qua.xlsm");
    expect(resultName("x")).toBe("x-ket-qua.xlsx");
  });
});
