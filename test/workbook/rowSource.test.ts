/**
 * Both adapters take a large sheet's rows through `rowsOf(spec)`, a slice at a time, and never
 * read `spec.values` (which would make every cell of the sheet at once) — and write exactly the
 * cells `values` would give.
 */
import fc from "fast-check";
import ExcelJS from "exceljs";
import { OutputValue, SheetRows, SheetSpec, rowsOf, sheetRows, withRows } from "../../src/core/sheetSpec";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsWorkbook";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { ROWS_PER_SLICE, excelRow, jsonBytes, rowSizes } from "../../src/workbook/officeRules";
import * as officeWrite from "../../src/workbook/officeWrite";
import { FakeExcel } from "./fakeExcel";

const UNITS = 5000;

/** Data row k: rank, a name (some that Excel would take as a formula or a number), rates, a blank, a non-finite number. */
function dataRow(k: number): OutputValue[] {
  const name = k % 97 === 0 ? `=HYPERLINK("x${k}")` : k % 89 === 0 ? `-${k}` : `Xã số ${k} – Huyện ${k % 13}`;
  return [k + 1, name, ((k * 37) % 1000) / 7, k % 11 === 0 ? null : k / (k + 3), k % 500 === 0 ? Infinity : k % 7];
}

const HEAD: OutputValue[][] = [["KẾT QUẢ THỰC HIỆN"], [], ["Hạng", "Đơn vị", "Số", "Tỷ lệ", "Khác"]];
const TAIL: OutputValue[][] = [["Tổng cộng", null, 12345.5]];

/** A row source that counts what is asked of it. */
function counted(rows: SheetRows): SheetRows & { calls: { start: number; end: number }[] } {
  const calls: { start: number; end: number }[] = [];
  return {
    calls,
    count: rows.count,
    slice(start, end) {
      calls.push({ start, end });
      return rows.slice(start, end);
    },
  };
}

function fields(values: readonly (readonly OutputValue[])[]): SheetSpec {
  const n = HEAD.length + UNITS + TAIL.length;
  return {
    key: "ranked:test",
    kind: "ranked",
    name: "Xếp hạng",
    values,
    columnFormats: ["0", "@", "#,##0.0", "0.00%", "0"],
    dataStart: HEAD.length,
    cellFormats: [{ row: 0, col: 4, format: "0.0%" }],
    width: 5,
    columnWidths: [7, 30, 10, 9, 9],
    merges: [{ row: 0, col: 0, rows: 1, cols: 5 }],
    wrap: [],
    freeze: { rows: HEAD.length, columns: 0 },
    highlights: [],
    table: { range: { row: 2, col: 0, rows: n - 2, cols: 5 }, name: "TXepHang" },
    chart: null,
  };
}

/** The sheet built with withRows over a counted source, and the same sheet as plain arrays. */
function sheets() {
  const source = counted(sheetRows(HEAD, UNITS, dataRow, TAIL));
  const lazy = withRows(fields([]), source);
  const plain = fields(sheetRows(HEAD, UNITS, dataRow, TAIL).slice(0, source.count));
  return { source, lazy, plain };
}

/**
 * Whether `values` was read before now: its getter makes the rows (one slice of them all) the
 * first time only, so a read now that asks the source for nothing means it had been read before.
 */
function valuesWereRead(spec: SheetSpec, source: { calls: unknown[] }): boolean {
  const before = source.calls.length;
  void spec.values;
  return source.calls.length === before;
}

describe("Office.js adapter", () => {
  // The same temporary names in both writes, so their requests can be compared byte for byte.
  beforeEach(() => jest.spyOn(officeWrite, "tempToken").mockReturnValue("tok"));
  afterEach(() => jest.restoreAllMocks());
  async function write(spec: SheetSpec, maxRequestBytes: number) {
    const fake = new FakeExcel();
    fake.addSheet("Kế hoạch", [["x"]], { row: 0, col: 0 });
    const port = new OfficeWorkbook({ run: fake.run, settings: fake.settings, isSetSupported: fake.isSetSupported, maxRequestBytes });
    fake.resetStats();
    const [w] = await port.writeSummary([spec]);
    return { fake, name: w!.name, stats: fake.stats() };
  }

  test.each([
    ["in one request", 4 * 1024 * 1024],
    ["in many row blocks", 64 * 1024],
  ])("takes the rows a block at a time, never spec.values, and writes what values give (%s)", async (_, budget) => {
    const { source, lazy, plain } = sheets();
    const got = await write(lazy, budget);
    expect(valuesWereRead(lazy, source)).toBe(false);
    // Sizes from slices of at most ROWS_PER_SLICE rows; then each block's rows once.
    const count = source.count;
    if (budget < 1024 * 1024) {
      expect(got.stats.syncs).toBeGreaterThan(3);
      for (const c of source.calls.slice(0, -1)) expect(c.end - c.start).toBeLessThan(count);
    }
    // The same syncs, operations and request sizes as the sheet given as plain arrays.
    const want = await write(plain, budget);
    expect(got.stats).toEqual(want.stats);
    const a = got.fake.sheet(got.name);
    const b = want.fake.sheet(want.name);
    for (let r = 0; r < count; r++) {
      for (let c = 0; c < 5; c++) {
        const v = plain.values[r]![c] ?? null;
        const expected = v === null || (typeof v === "number" && !Number.isFinite(v)) ? "" : v;
        expect(a.valueAt(r, c)).toBe(expected);
        expect(a.format(r, c)).toBe(b.format(r, c));
      }
    }
    expect(a.usedRange(true)).toEqual(b.usedRange(true));
  });
});

describe("exceljs adapter", () => {
  test("takes the rows ROWS_PER_SLICE at a time, never spec.values, and writes what values give", async () => {
    const { source, lazy, plain } = sheets();
    const wbLazy = new ExcelJS.Workbook();
    const wbPlain = new ExcelJS.Workbook();
    const [w] = await new ExcelJsWorkbook(wbLazy).writeSummary([lazy]);
    await new ExcelJsWorkbook(wbPlain).writeSummary([plain]);
    expect(valuesWereRead(lazy, source)).toBe(false);
    const calls = source.calls.slice(0, -1); // the last is valuesWereRead's own read
    for (const c of calls) expect(c.end - c.start).toBeLessThanOrEqual(ROWS_PER_SLICE);
    // Every row made once, in order.
    expect(calls.map((c) => c.start)).toEqual(Array.from({ length: calls.length }, (_, i) => i * ROWS_PER_SLICE));
    const a = wbLazy.getWorksheet(w!.name)!;
    const b = wbPlain.getWorksheet(w!.name)!;
    expect(a.rowCount).toBe(source.count);
    for (let r = 0; r < source.count; r++) {
      for (let c = 0; c < 5; c++) {
        const v = plain.values[r]![c] ?? null;
        const expected = typeof v === "number" && !Number.isFinite(v) ? null : v;
        const cell = a.getCell(r + 1, c + 1);
        // exceljs gives a merged cell the master's value (the title row).
        if (!cell.isMerged || cell.master === cell) expect(cell.value).toBe(expected);
        expect(cell.value).toBe(b.getCell(r + 1, c + 1).value);
        expect(cell.numFmt).toBe(b.getCell(r + 1, c + 1).numFmt);
      }
    }
  });
});

test("rowSizes gives each row's serialized size as written, and the widest row", () => {
  const value = fc.oneof(fc.constant(null), fc.double(), fc.string(), fc.constantFrom("=A1", "-5", "'x", "Tổng 😀"));
  fc.assert(
    fc.property(fc.array(fc.array(value, { maxLength: 8 }), { maxLength: 30 }), fc.integer({ min: 0, max: 6 }), (rows, width) => {
      const spec = { ...fields(rows), width };
      const sizes = rowSizes(rowsOf(spec), width);
      const w = rows.reduce((m, r) => Math.max(m, r.length), Math.max(width, 1));
      expect(sizes.width).toBe(w);
      expect(sizes.rowBytes).toEqual(
        rowsOf(spec)
          .slice(0, rows.length)
          .map((r) => jsonBytes(excelRow(r, w)) + 1),
      );
    }),
  );
});
