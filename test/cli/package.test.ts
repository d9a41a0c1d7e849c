/**
 * The CLI over the package writer: files exceljs could not read or write (a table saved
 * by LibreOffice, an image by openpyxl) are summarised and written whole; an .xlsm is written as
 * an .xlsm with its VBA project; the output's extension must match the workbook's kind.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { runCli, sha256Of as sha, tempDir } from "../helpers/files";

const CORPUS = path.resolve(__dirname, "..", "fixtures", "corpus");

let dir: string;
beforeAll(() => {
  dir = tempDir("chitieu-cli-pkg-");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function entryText(file: string, entry: string): Promise<string | null> {
  const f = (await JSZip.loadAsync(fs.readFileSync(file))).file(entry);
  return f ? f.async("string") : null;
}

test.each(["lo-table.xlsx", "image.xlsx", "comments.xlsx", "lo-everything.xlsx"])(
  "%s (which exceljs could not read or write) is summarised and written whole",
  async (name) => {
    const input = path.join(CORPUS, name);
    const before = sha(input);
    const out = path.join(dir, `out-${name}`);
    const r = await runCli(["summarize", input, "--out", out, "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(sha(input)).toBe(before);
    const a = await JSZip.loadAsync(fs.readFileSync(input));
    const b = await JSZip.loadAsync(fs.readFileSync(out));
    for (const entry of Object.keys(a.files).filter((e) => !a.files[e]!.dir && /^xl\/(worksheets|drawings|charts|media|tables|comments)/.test(e)))
      expect([entry, await b.file(entry)?.async("base64")]).toEqual([entry, await a.file(entry)!.async("base64")]);
    const report = JSON.parse(r.out) as { output: { sheets: { key: string }[] } };
    expect(report.output.sheets.some((s) => s.key.startsWith("ranked"))).toBe(true);
  },
);

test("an .xlsm is written as an .xlsm, its VBA project and macro-enabled type kept", async () => {
  const input = path.join(CORPUS, "macros.xlsm");
  const out = path.join(dir, "ket-qua.xlsm");
  const r = await runCli(["summarize", input, "--out", out]);
  expect(r.code).toBe(0);
  const vba = (await JSZip.loadAsync(fs.readFileSync(out))).file("xl/vbaProject.bin")!;
  const vbaIn = (await JSZip.loadAsync(fs.readFileSync(input))).file("xl/vbaProject.bin")!;
  expect(await vba.async("base64")).toBe(await vbaIn.async("base64"));
  expect(await entryText(out, "[Content_Types].xml")).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
});

test("the output's extension must match the workbook's kind: .xlsm for macros, .xlsx without; nothing is written", async () => {
  const toXlsx = path.join(dir, "macros-as.xlsx");
  const a = await runCli(["summarize", path.join(CORPUS, "macros.xlsm"), "--out", toXlsx, "--lang", "en"]);
  expect(a.code).toBe(2);
  expect(a.err).toMatch(/must end in \.xlsm/);
  expect(fs.existsSync(toXlsx)).toBe(false);
  const toXlsm = path.join(dir, "plain-as.xlsm");
  const b = await runCli(["summarize", path.join(CORPUS, "table.xlsx"), "--out", toXlsm]);
  expect(b.code).toBe(2);
  expect(b.err).toMatch(/\.xlsx/);
  expect(fs.existsSync(toXlsm)).toBe(false);
});

test("a sheet listed without its part is a warning naming it, not a failure", async () => {
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(CORPUS, "table.xlsx")));
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  zip.file(
    "xl/workbook.xml",
    wb.replace(
      "</sheets>",
      '<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" name="Mất" sheetId="99" r:id="rIdGone"/></sheets>',
    ),
  );
  const input = path.join(dir, "missing-part.xlsx");
  fs.writeFileSync(input, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  const r = await runCli(["summarize", input, "--out", path.join(dir, "missing-part-out.xlsx"), "--json"]);
  expect(r.code).toBe(0);
  const report = JSON.parse(r.out) as { messages: { warnings: { code: string; where?: { sheet?: string } }[] } };
  expect(report.messages.warnings.find((w) => w.code === "xlsx-sheet-part-missing")?.where?.sheet).toBe("Mất");
});
