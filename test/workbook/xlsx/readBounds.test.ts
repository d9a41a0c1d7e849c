/**
 * Reading is bounded: three pathological files, made by code, each read within
 * 30 s and 1 GB — a whole-column merge (extent from the cells, not the merge), a ~1 MB zip holding
 * a 1 GB image (never inflated; refused by its declared size, or by the bytes inflated when its
 * header lies), a million-row sheet the tool does not need (the peek stops the stream at maxRows).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ChitieuError } from "../../../src/core/errors";
import { PartLimitError, openPackage } from "../../../src/workbook/xlsx/zip";
import { readWorkbook } from "../../../src/workbook/xlsx/workbookPart";
import { readGrid } from "../../../src/workbook/xlsx/sheetReader";
import { hugeImageXlsx, millionRowXlsx, packageOf, rawZip, wholeColumnMergeXlsx, worksheetXml, zeroDeflate } from "../../helpers/xlsxBuild";

jest.setTimeout(180_000);

const GB = 1024 * 1024 * 1024;

/** What the CLI does before the engine runs: list the sheets, peek at each, read the inputs whole. */
async function runLikeTheTool(bytes: Uint8Array, inputs: readonly string[]) {
  const t0 = Date.now();
  const pkg = await openPackage(bytes);
  const book = await readWorkbook(pkg);
  const peeks = [];
  for (const s of book.sheets) peeks.push(await readGrid(pkg, book, s, { maxRows: 30 }));
  const grids = [];
  for (const n of inputs) grids.push(await readGrid(pkg, book, n));
  return { pkg, book, peeks, grids, ms: Date.now() - t0 };
}

function rssGrowth<T>(f: () => Promise<T>): Promise<{ value: T; grownBytes: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return f().then(
    (value) => {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return { value, grownBytes: peak - before };
    },
    (e) => {
      clearInterval(timer);
      throw e;
    },
  );
}

test("a few-KB file with a merge over the whole of column A: the grid ends with the cells (40 rows), in well under 30 s", async () => {
  const bytes = wholeColumnMergeXlsx();
  expect(bytes.length).toBeLessThan(8 * 1024);
  const { value: run, grownBytes } = await rssGrowth(() => runLikeTheTool(bytes, ["Thực hiện"]));
  expect(run.ms).toBeLessThan(30_000);
  expect(grownBytes).toBeLessThan(GB);
  const grid = run.grids[0]!.values;
  expect(grid.length).toBe(40);
  // The merge's master value fills column A down to the last row with cells, no further.
  expect(grid.every((row) => row[0] === "BÁO CÁO THỰC HIỆN")).toBe(true);
  expect(grid[39]).toEqual(["BÁO CÁO THỰC HIỆN", "Huyện số 37", 1280]);
  expect(run.peeks[0]!.values.length).toBe(30);
});

test("a ~1 MB zip holding a 1 GB image: the image is never inflated, and asked for it is refused by its declared size", async () => {
  const bytes = hugeImageXlsx();
  expect(bytes.length).toBeLessThan(1.2 * 1024 * 1024);
  const { value: run, grownBytes } = await rssGrowth(() => runLikeTheTool(bytes, ["Thực hiện"]));
  expect(run.ms).toBeLessThan(30_000);
  expect(grownBytes).toBeLessThan(GB);
  expect(run.grids[0]!.values).toEqual([["BÁO CÁO THỰC HIỆN"], [], ["Đơn vị", "Thực hiện"], ["Huyện A", 1200]]);
  expect([...run.pkg.inflated]).not.toContain("xl/media/image1.png");
  await expect(run.pkg.bytes("xl/media/image1.png")).rejects.toBeInstanceOf(PartLimitError);
  expect([...run.pkg.inflated]).not.toContain("xl/media/image1.png");
});

test("a part whose header lies about its size is stopped by the bytes actually inflated", async () => {
  const zero = zeroDeflate(256 * 1024 * 1024);
  const bytes = rawZip([{ name: "xl/media/image1.png", deflated: zero, declareSize: 1000 }]);
  const pkg = await openPackage(bytes);
  expect(pkg.declaredSize("xl/media/image1.png")).toBe(1000);
  const { grownBytes } = await rssGrowth(async () => {
    const e = await pkg.bytes("xl/media/image1.png", 8 * 1024 * 1024).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PartLimitError);
    expect((e as PartLimitError).bytes).toBeGreaterThan(8 * 1024 * 1024);
    expect((e as PartLimitError).bytes).toBeLessThan(64 * 1024 * 1024);
  });
  expect(grownBytes).toBeLessThan(256 * 1024 * 1024);
});

test("a sheet inflating past the stream limit is a bad-file error naming the sheet and its part", async () => {
  const rows = Array.from({ length: 5000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join("");
  const xml = worksheetXml(rows);
  const bytes = packageOf({ sheets: [{ name: "Thực hiện", xml }] });
  const pkg = await openPackage(bytes, { maxStreamBytes: 10_000 });
  const book = await readWorkbook(pkg);
  const e = await readGrid(pkg, book, "Thực hiện").catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ChitieuError);
  expect((e as ChitieuError).code).toBe("bad-file");
  expect((e as ChitieuError).problem.code).toBe("xlsx-part-too-large");
  expect((e as ChitieuError).problem.where).toEqual({ sheet: "Thực hiện" });
});

/** The million-row file takes ~15 s to make: made once per machine, kept in the temp folder. */
function millionRowFile(): Uint8Array {
  const file = path.join(os.tmpdir(), "chitieu-million-rows-v1.xlsx");
  if (!fs.existsSync(file)) {
    const tmp = `${file}.${process.pid}`;
    fs.writeFileSync(tmp, millionRowXlsx());
    fs.renameSync(tmp, file);
  }
  return new Uint8Array(fs.readFileSync(file));
}

test("a workbook with a million-row sheet the tool does not need: peeking stops its stream at maxRows, the inputs read in well under 30 s", async () => {
  const bytes = millionRowFile();
  expect(bytes.length).toBeGreaterThan(50 * 1024 * 1024);
  const { value: run, grownBytes } = await rssGrowth(() => runLikeTheTool(bytes, ["Kế hoạch", "Thực hiện"]));
  expect(run.ms).toBeLessThan(30_000);
  expect(grownBytes).toBeLessThan(GB);
  const big = run.peeks[2]!;
  expect(big.name).toBe("Dữ liệu gốc");
  expect(big.values.length).toBe(30);
  expect(big.values[0]!.length).toBe(8);
  expect(run.grids.map((g) => g.values.length)).toEqual([4, 4]);
  // Reading it whole past a cell budget stops early with a message naming the sheet.
  const e = await readGrid(run.pkg, run.book, "Dữ liệu gốc", { maxCells: 100_000 }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ChitieuError);
  expect((e as ChitieuError).problem.code).toBe("sheet-too-large");
  expect((e as ChitieuError).problem.where).toEqual({ sheet: "Dữ liệu gốc" });
});

(process.env.CHITIEU_SLOW ? test : test.skip)("the million-row sheet read whole: within 30 s and 1 GB", async () => {
  const bytes = millionRowFile();
  const pkg = await openPackage(bytes);
  const book = await readWorkbook(pkg);
  const t0 = Date.now();
  const { value: grid, grownBytes } = await rssGrowth(() => readGrid(pkg, book, "Dữ liệu gốc"));
  expect(Date.now() - t0).toBeLessThan(30_000);
  expect(grownBytes).toBeLessThan(GB);
  expect(grid.values.length).toBe(1_000_000);
});
