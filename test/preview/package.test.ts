/**
 * The preview's worker over the package writer: a workbook exceljs could neither read
 * nor write (a table saved by LibreOffice, comments and an image by openpyxl) opens, recalculates
 * and downloads whole — every part of the user's byte-identical — and its sheets show in the grid:
 * the user's with their values, ours with the formats we wrote, also when reopened.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { DEFAULT_CHOICES } from "../../src/core/settings";
import { newWorker } from "./inProcess";

const CORPUS = path.resolve(__dirname, "..", "fixtures", "corpus");
const EXTENDED = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "docProps/app.xml", "xl/styles.xml"]);

function bytesOf(file: string): ArrayBuffer {
  const b = fs.readFileSync(path.join(CORPUS, file));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

test.each(["lo-everything.xlsx", "everything.xlsx"])("%s: recalculated in the worker, downloaded whole, its sheets shown", async (file) => {
  const book = await newWorker().open(file, bytesOf(file));
  expect(book.opened.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Kế hoạch", "Thực hiện", "Dân số"]));
  const outcome = await book.recalculateAndRemember(DEFAULT_CHOICES);
  const saved = await book.save();
  const a = await JSZip.loadAsync(bytesOf(file));
  const b = await JSZip.loadAsync(saved);
  for (const name of Object.keys(a.files).filter((n) => !a.files[n]!.dir && !EXTENDED.has(n)))
    expect([name, await b.file(name)?.async("base64")]).toEqual([name, await a.file(name)!.async("base64")]);
  // A user's sheet shows its values; ours its formats (a rate as a percentage, Vietnamese style).
  expect((await book.view("Thực hiện"))!.rows.flat().map((c) => c.text)).toContain("TP. Vị Thanh");
  const overview = outcome.written[0]!.name;
  expect((await book.view(overview))!.rows.flat().map((c) => c.text)).toContain("64,91%");
  // Reopened: our sheet (written in an earlier session) still shows with its formats.
  const again = await newWorker().open("ket-qua.xlsx", saved.slice(0));
  expect((await again.view(overview))!.rows.flat().map((c) => c.text)).toContain("64,91%");
  // A chart sheet has no grid (LibreOffice saves its chart sheet as a worksheet holding the chart).
  if (file === "everything.xlsx") expect(await again.view("Biểu đồ")).toBeNull();
});
