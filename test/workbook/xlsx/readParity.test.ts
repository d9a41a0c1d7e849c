/**
 * The package reader (src/workbook/xlsx) gives exactly the grids ExcelJsWorkbook.readSheets gives,
 * on every .xlsx the repo can make: the sample, the seed workbooks, the test layouts (and our own
 * summary written into them), a few hundred fuzz workbooks with merges, formulas, dates, rich
 * text and hyperlinks, the corpus of test/fixtures/corpus, and LibreOffice's re-saves of them. Where exceljs
 * cannot read a file (tables, images, comments saved by openpyxl), the reader still does: its
 * grids equal exceljs's on the same file with those parts taken out.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { CellValue } from "../../../src/core/grid";
import { DEFAULT_CHOICES } from "../../../src/core/settings";
import { ExcelJsWorkbook } from "../../../src/workbook/exceljsWorkbook";
import { recalculate } from "../../../src/workbook/recalculate";
import { canThoWorkbook, hauGiangWorkbook, quynhNhaiWorkbook, tienGiangWorkbook, vinhPhucWorkbook } from "../../../scripts/lib/seeds";
import { LAYOUTS } from "../../helpers/layouts";
import { fuzzCaseArb, GeneratedSheet } from "../../fuzz/generator";
import { readWithExcelJs, readWithPackage } from "../../helpers/xlsxRead";

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, "..", "..", "..");
const FUZZ_FILES = Number(process.env.CHITIEU_PARITY_FUZZ ?? 240);

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Both readers agree on the file, whole and with maxRows (the peek at a sheet's top rows). */
async function expectParity(bytes: Uint8Array, label: string): Promise<void> {
  for (const options of [{}, { maxRows: 30 }, { maxRows: 1 }]) {
    const want = await readWithExcelJs(bytes, options);
    const got = await readWithPackage(bytes, options);
    expect({ label, options, names: got.names }).toEqual({ label, options, names: want.names });
    for (let i = 0; i < want.grids.length; i++) expect({ label, options, grid: got.grids[i] }).toEqual({ label, options, grid: want.grids[i] });
  }
}

/** The file without the parts exceljs 4.4 trips over (drawings, comments, tables, hyperlinks' rels): the values stay. */
async function withoutExtras(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    if (/^xl\/(worksheets\/_rels|drawings|charts|tables|comments)\b/.test(name) || /^xl\/comments\d*\.xml$/.test(name)) zip.remove(name);
    else if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      const xml = (await zip.file(name)!.async("string"))
        .replace(/<(legacyDrawing|drawing|picture)\b[^>]*\/>/g, "")
        .replace(/<tableParts\b[^>]*\/>|<tableParts\b[\s\S]*?<\/tableParts>/g, "")
        .replace(/<hyperlinks\b[\s\S]*?<\/hyperlinks>/g, "");
      zip.file(name, xml);
    }
  }
  return new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
}

/**
 * LibreOffice writes the 1904 date system as date1904="true", which exceljs takes for 1900 (every
 * date 4 years and a day early); the package reader honours it. exceljs is given "1" to compare.
 */
async function with1904AsExcelJsReadsIt(bytes: Uint8Array): Promise<{ bytes: Uint8Array; changed: boolean }> {
  const zip = await JSZip.loadAsync(bytes);
  const wb = zip.file("xl/workbook.xml");
  const xml = wb ? await wb.async("string") : "";
  if (!/date1904="true"/.test(xml)) return { bytes, changed: false };
  zip.file("xl/workbook.xml", xml.replace(/date1904="true"/, 'date1904="1"'));
  return { bytes: new Uint8Array(await zip.generateAsync({ type: "uint8array" })), changed: true };
}

const corpusFiles = (): string[] => {
  const dir = path.join(ROOT, "test", "fixtures", "corpus");
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => /\.xls[xm]$/.test(f))
        .map((f) => path.join(dir, f))
    : [];
};

describe("package reader = exceljs, on the repo's workbooks", () => {
  test("the sample workbook", async () => {
    await expectParity(new Uint8Array(fs.readFileSync(path.join(ROOT, "samples", "hau-giang-2022.xlsx"))), "sample");
  });

  test("the seed workbooks of scripts/lib", async () => {
    for (const [name, make] of [
      ["hauGiang", hauGiangWorkbook],
      ["canTho", canThoWorkbook],
      ["quynhNhai", quynhNhaiWorkbook],
      ["tienGiang", tienGiangWorkbook],
      ["vinhPhuc", vinhPhucWorkbook],
    ] as const)
      await expectParity(await bytesOf(make()), name);
  });

  test("every test layout, before and after our summary is written into it", async () => {
    for (const make of LAYOUTS) {
      const layout = make();
      const before = await bytesOf(layout.workbook);
      await expectParity(before, layout.name);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(before) as unknown as ArrayBuffer);
      try {
        await recalculate(new ExcelJsWorkbook(wb), { ...DEFAULT_CHOICES, sheets: { ...(layout.sheets ?? {}) } });
      } catch {
        continue;
      }
      await expectParity(await bytesOf(wb), `${layout.name} + summary`);
    }
  });

  test("the corpus (test/fixtures/corpus): exactly exceljs's grids, or where exceljs throws, its grids of the file without drawings/comments/tables", async () => {
    const files = corpusFiles();
    let unreadableByExcelJs = 0;
    for (const f of files) {
      const bytes = new Uint8Array(fs.readFileSync(f));
      const excel = await readWithExcelJs(bytes).then(
        () => true,
        () => false,
      );
      if (excel) await expectParity(bytes, path.basename(f));
      else {
        unreadableByExcelJs++;
        const want = await readWithExcelJs(await withoutExtras(bytes));
        const got = await readWithPackage(bytes);
        expect({ file: path.basename(f), got }).toEqual({ file: path.basename(f), got: want });
      }
    }
    // The corpus holds files exceljs cannot read (tables, images, comments from openpyxl).
    if (files.length > 0) expect(unreadableByExcelJs).toBeGreaterThan(0);
  });
});

// ---- fuzz workbooks: the generator's grids with what planners' files hold around the values ----

/** A cell as a file can hold it (Infinity/NaN and error text become Excel errors). */
function fileValue(v: CellValue): ExcelJS.CellValue {
  if (typeof v === "number" && !Number.isFinite(v)) return { error: "#NUM!" } as ExcelJS.CellErrorValue;
  if (typeof v === "string" && /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!)$/.test(v)) return { error: v } as ExcelJS.CellErrorValue;
  return v;
}

const extrasArb = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
  merges: fc.integer({ min: 0, max: 6 }),
  formulas: fc.double({ min: 0, max: 0.3, noNaN: true }),
  dates: fc.double({ min: 0, max: 0.2, noNaN: true }),
  rich: fc.double({ min: 0, max: 0.2, noNaN: true }),
  links: fc.integer({ min: 0, max: 3 }),
  styledBlanks: fc.integer({ min: 0, max: 8 }),
  date1904: fc.boolean(),
});

type Extras = typeof extrasArb extends fc.Arbitrary<infer T> ? T : never;

function writeFuzz(sheets: readonly GeneratedSheet[], x: Extras): ExcelJS.Workbook {
  let s = x.seed;
  const rnd = (): number => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
  const wb = new ExcelJS.Workbook();
  if (x.date1904) wb.properties.date1904 = true;
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.grid.name);
    const grid = sheet.grid.values;
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        const fv = fileValue(v);
        const roll = rnd();
        if (typeof v === "number" && Number.isFinite(v) && roll < x.formulas) {
          // A formula with its cached result: 0 and negatives included.
          cell.value = { formula: `${v}+0`, result: rnd() < 0.2 ? 0 : v } as ExcelJS.CellFormulaValue;
        } else if (typeof v === "number" && Number.isFinite(v) && Math.abs(v) < 2e6 && roll < x.formulas + x.dates) {
          cell.value = v;
          cell.numFmt = rnd() < 0.5 ? "dd/mm/yyyy" : '#,##0 "ngày"';
        } else if (typeof v === "string" && roll < x.formulas + x.dates + x.rich && v.length > 1) {
          const cut = 1 + Math.floor(rnd() * (v.length - 1));
          cell.value = { richText: [{ text: v.slice(0, cut), font: { bold: true } }, { text: v.slice(cut) }] };
        } else cell.value = fv;
      }),
    );
    const rows = Math.max(1, grid.length);
    const cols = Math.max(1, ...grid.map((r) => r.length));
    for (let k = 0; k < x.styledBlanks; k++) {
      const cell = ws.getCell(1 + Math.floor(rnd() * (rows + 3)), 1 + Math.floor(rnd() * (cols + 2)));
      if (cell.value === null) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    }
    const used = new Set<string>();
    for (let k = 0; k < x.merges; k++) {
      const top = 1 + Math.floor(rnd() * rows);
      const left = 1 + Math.floor(rnd() * cols);
      const bottom = top + Math.floor(rnd() * 3);
      const right = left + Math.floor(rnd() * 4);
      let free = true;
      for (let r = top; r <= bottom && free; r++) for (let c = left; c <= right; c++) if (used.has(`${r},${c}`)) free = false;
      if (!free || (bottom === top && right === left)) continue;
      for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) used.add(`${r},${c}`);
      ws.mergeCells(top, left, bottom, right);
    }
    for (let k = 0; k < x.links; k++) {
      const cell = ws.getCell(1 + Math.floor(rnd() * rows), 1 + Math.floor(rnd() * cols));
      if (cell.isMerged) continue;
      const v = cell.value;
      if (v === null || typeof v === "string" || typeof v === "number")
        cell.value = { text: v === null ? "" : String(v), hyperlink: "https://bhxh.example.vn/bao-cao" };
    }
  }
  return wb;
}

test(`package reader = exceljs on ${FUZZ_FILES} fuzz workbooks (merges, formulas with 0, dates, rich text, links, styled blanks, 1904)`, async () => {
  const cases = fc.sample(fc.tuple(fuzzCaseArb, extrasArb), { seed: Number(process.env.CHITIEU_PARITY_SEED ?? 16), numRuns: FUZZ_FILES });
  for (const [i, [c, x]] of cases.entries()) {
    const sheets = [c.targets, c.actuals, c.base, c.previous].filter((s): s is GeneratedSheet => s !== null);
    const bytes = await bytesOf(writeFuzz(sheets, x));
    const want = await readWithExcelJs(bytes);
    const got = await readWithPackage(bytes);
    // A failing case is left in the temp folder to look into.
    if (JSON.stringify(got) !== JSON.stringify(want)) fs.writeFileSync(path.join(os.tmpdir(), `chitieu-parity-fuzz-${i}.xlsx`), bytes);
    expect({ i, got }).toEqual({ i, got: want });
    if (i % 4 === 0) {
      const maxRows = 3 + (i % 13);
      const peekWant = await readWithExcelJs(bytes, { maxRows });
      const peekGot = await readWithPackage(bytes, { maxRows });
      if (JSON.stringify(peekGot) !== JSON.stringify(peekWant)) fs.writeFileSync(path.join(os.tmpdir(), `chitieu-parity-fuzz-peek-${i}.xlsx`), bytes);
      expect({ i, peekGot }).toEqual({ i, peekGot: peekWant });
    }
  }
});

// ---- LibreOffice's re-saves ---------------------------------------------------------------------

const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => fs.existsSync(p));

(SOFFICE ? test : test.skip)("package reader = exceljs on workbooks saved by LibreOffice headless (sample, seeds, layouts, fuzz files)", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-lo-"));
  const inDir = path.join(dir, "in");
  const outDir = path.join(dir, "out");
  fs.mkdirSync(inDir);
  fs.mkdirSync(outDir);
  fs.copyFileSync(path.join(ROOT, "samples", "hau-giang-2022.xlsx"), path.join(inDir, "sample.xlsx"));
  fs.writeFileSync(path.join(inDir, "seed-cantho.xlsx"), await bytesOf(canThoWorkbook()));
  fs.writeFileSync(path.join(inDir, "seed-tiengiang.xlsx"), await bytesOf(tienGiangWorkbook()));
  for (const make of LAYOUTS.slice(0, 6)) {
    const l = make();
    fs.writeFileSync(path.join(inDir, `layout-${l.key}.xlsx`), await bytesOf(l.workbook));
  }
  const cases = fc.sample(fc.tuple(fuzzCaseArb, extrasArb), { seed: 1616, numRuns: 6 });
  for (const [i, [c, x]] of cases.entries()) {
    const sheets = [c.targets, c.actuals, c.base, c.previous].filter((s): s is GeneratedSheet => s !== null);
    fs.writeFileSync(path.join(inDir, `fuzz-${i}.xlsx`), await bytesOf(writeFuzz(sheets, x)));
  }
  const inputs = fs.readdirSync(inDir).map((f) => path.join(inDir, f));
  const run = spawnSync(
    SOFFICE!,
    [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, ...inputs],
    { encoding: "utf8", timeout: 240_000 },
  );
  const outputs = fs.readdirSync(outDir);
  expect({ status: run.status, outputs: outputs.length }).toEqual({ status: 0, outputs: inputs.length });
  let in1904 = 0;
  for (const f of outputs) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(outDir, f)));
    const fixed = await with1904AsExcelJsReadsIt(bytes);
    if (fixed.changed) {
      in1904++;
      // The package reader reads LibreOffice's "true" as the 1904 system; exceljs needs "1" for it.
      const got = await readWithPackage(bytes);
      expect({ f, got }).toEqual({ f, got: await readWithPackage(fixed.bytes) });
    }
    const excel = await readWithExcelJs(fixed.bytes).then(
      () => true,
      () => false,
    );
    if (excel) await expectParity(fixed.bytes, `LibreOffice ${f}`);
    else expect({ f, got: await readWithPackage(bytes) }).toEqual({ f, got: await readWithExcelJs(await withoutExtras(fixed.bytes)) });
  }
  expect(in1904).toBeGreaterThan(0);
  fs.rmSync(dir, { recursive: true, force: true });
});
