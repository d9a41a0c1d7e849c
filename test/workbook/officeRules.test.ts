import fc from "fast-check";
import { addressOrigin, cellForExcel, isPayloadError, rowBlocks, utf8Bytes, widthPoints } from "../../src/workbook/officeRules";
import { planWrite } from "../../src/workbook/officeWrite";
import { STYLE_COLOURS, SheetSpec } from "../../src/core/sheetSpec";

describe("cellForExcel", () => {
  test.each(["=SUM(A1)", "+84912345678", "-", "-5", "@x", "\tx", "\rx", "'a"])("%j gets the text prefix", (s) => {
    expect(cellForExcel(s)).toBe("'" + s);
  });
  test("ordinary text, numbers and blanks pass through; non-finite numbers become blank", () => {
    expect(cellForExcel("Huyện Vị Thủy")).toBe("Huyện Vị Thủy");
    expect(cellForExcel("a=b")).toBe("a=b");
    expect(cellForExcel(-5)).toBe(-5);
    expect(cellForExcel(null)).toBeNull();
    expect(cellForExcel(Infinity)).toBeNull();
    expect(cellForExcel(NaN)).toBeNull();
  });
});

test("rowBlocks cover every row once, in order, each within the budget unless a single row is larger", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: 500 }), { maxLength: 200 }), fc.integer({ min: 1, max: 2000 }), (rows, budget) => {
      const blocks = rowBlocks(rows, budget);
      let next = 0;
      for (const b of blocks) {
        expect(b.start).toBe(next);
        expect(b.end).toBeGreaterThan(b.start);
        const bytes = rows.slice(b.start, b.end).reduce((a, x) => a + x, 0);
        expect(b.bytes).toBe(bytes);
        if (b.end - b.start > 1) expect(bytes).toBeLessThanOrEqual(budget);
        next = b.end;
      }
      expect(next).toBe(rows.length);
    }),
  );
});

test("addressOrigin reads the top-left of an address, quoted sheet names included", () => {
  expect(addressOrigin("Sheet1!A1:C3")).toEqual({ row: 0, col: 0 });
  expect(addressOrigin("'Kế hoạch'!B3:K20")).toEqual({ row: 2, col: 1 });
  expect(addressOrigin("'It''s!'!$AA$10")).toEqual({ row: 9, col: 26 });
});

test("payload errors are recognised by code and by message", () => {
  expect(isPayloadError({ code: "RequestPayloadSizeLimitExceeded" })).toBe(true);
  expect(isPayloadError({ code: "ResponsePayloadSizeLimitExceeded" })).toBe(true);
  expect(isPayloadError(new Error("The request payload size has exceeded the limit."))).toBe(true);
  expect(isPayloadError({ code: "ItemNotFound" })).toBe(false);
});

test("utf8Bytes counts bytes on the wire", () => {
  for (const s of ["abc", "Tổng hợp chỉ tiêu", "😀x", ""]) expect(utf8Bytes(s)).toBe(Buffer.byteLength(s));
  expect(widthPoints(10)).toBeGreaterThan(widthPoints(5));
});

describe("planWrite", () => {
  const spec = (rows: number): SheetSpec => ({
    key: "k",
    kind: "ranked",
    name: "S",
    values: Array.from({ length: rows }, (_, i) => [i, `Xã số ${i}`, i / 7]),
    columnFormats: ["0", "@", "0.00%"],
    dataStart: 0,
    cellFormats: [],
    width: 3,
    columnWidths: [],
    merges: [],
    wrap: [],
    freeze: { rows: 0, columns: 0 },
    highlights: [],
    table: null,
    chart: null,
  });
  const input = (rows: number, budget: number) => ({
    sheets: [{ spec: spec(rows), final: "S", temp: "~t", target: null, clear: { tables: [], charts: [] } }],
    drop: [],
    sweep: [],
    marker: "~ct-x",
    existing: [],
    budget,
    screenUpdating: true,
    customProperties: true,
    copy: true,
    meta: null,
    tableNames: [null],
    styles: STYLE_COLOURS,
  });
  test("one sync when it fits; row blocks when it does not, the last carrying the swap and the look, every row once", () => {
    expect(planWrite(input(100, 4 * 1024 * 1024)).syncs).toHaveLength(1);
    expect(planWrite(input(20000, Infinity)).syncs).toHaveLength(1);
    const p = planWrite(input(20000, 100 * 1024));
    expect(p.syncs.length).toBeGreaterThan(2);
    expect(p.syncs.every((s) => s.length > 0)).toBe(true);
    const covered = p.syncs.flat().sort((a, b) => a.start - b.start);
    let next = 0;
    for (const b of covered) {
      expect(b.start).toBe(next);
      next = b.end;
    }
    expect(next).toBe(20000);
    for (const s of p.syncs) expect(s.reduce((n, b) => n + b.bytes, 0)).toBeLessThanOrEqual(100 * 1024);
  });
});
