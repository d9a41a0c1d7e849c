/**
 * Figures as offices type them: "-" is zero, "x" not applicable, blank no
 * figure; a separator that reads either way in a count column; fractions and percentages in a
 * count column; a scale stated in a title row or a header.
 */
import { DASH_ZERO_CELLS, DetectedTable, detectTable } from "../../src/core/detect";
import { CellValue, SheetGrid } from "../../src/core/grid";
import { groupedReading, scaled, separatorForm, statedScale, viFigure } from "../../src/core/numbers";
import { render } from "../../src/core/messages";
import { foldText } from "../../src/core/text";
import { codes } from "../helpers/messages";

type Row = readonly CellValue[];

const UNITS = ["Thành phố Vị Thanh", "Huyện Vị Thủy", "Huyện Long Mỹ", "Thị xã Long Mỹ"];

/** Titles, a blank row, the header (row index titles.length + 1), then one row per unit with its figures. */
function sheetOf(header: Row, figures: readonly Row[], opts: { titles?: readonly string[]; name?: string; after?: readonly Row[] } = {}): SheetGrid {
  const titles = opts.titles ?? ["BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG", "KẾT QUẢ THỰC HIỆN"];
  const rows: CellValue[][] = [...titles.map((t) => [t]), [], [...header]];
  figures.forEach((f, i) => rows.push([i + 1, UNITS[i]!, ...f]));
  for (const r of opts.after ?? []) rows.push([...r]);
  return { name: opts.name ?? "Thực hiện", values: rows };
}

/** 1-based sheet row of unit i in sheetOf (two titles, a blank, the header). */
const rowOf = (i: number, titles = 2) => titles + 2 + i + 1;
const col = (t: DetectedTable, header: string) => t.columns.find((c) => c.leaf === header)!;

describe('"-" is zero, "x" not applicable, blank no figure', () => {
  it("reads dashes as 0, keeps the unit's place, and lists the cells read as zero", () => {
    const t = detectTable(
      sheetOf(
        ["STT", "Đơn vị", "BHXH tự nguyện", "BHTN"],
        [
          [310, "x"],
          ["-", "x"],
          ["–", 240],
          ["—", null],
        ],
      ),
    );
    expect(col(t, "BHXH tự nguyện").values).toEqual([310, 0, 0, 0]);
    expect(col(t, "BHTN").values).toEqual([null, null, 240, null]);
    expect(t.dashZeros).toEqual({ count: 3, cells: [`'Thực hiện'!C${rowOf(1)}`, `'Thực hiện'!C${rowOf(2)}`, `'Thực hiện'!C${rowOf(3)}`] });
    // "x" says nothing applies: no message; a blank is still a missing figure, said as before.
    expect(t.warnings).toEqual([
      { code: "blank-cell", params: { header: "BHTN", unit: "Thị xã Long Mỹ" }, where: { sheet: "Thực hiện", cell: `D${rowOf(3)}` } },
    ]);
  });

  it("counts every dash but lists only the first few, for a province of any size", () => {
    const n = 500;
    const rows: CellValue[][] = [["STT", "Đơn vị", "BHYT"]];
    for (let i = 0; i < n; i++) rows.push([i + 1, `Xã ${i + 1}`, i % 2 === 0 ? "-" : i]);
    const t = detectTable({ name: "TH", values: rows });
    expect(t.dashZeros.count).toBe(n / 2);
    expect(t.dashZeros.cells).toHaveLength(DASH_ZERO_CELLS);
    expect(t.dashZeros.cells[0]).toBe("'TH'!C2");
  });

  it("reads a dash on the total row as 0, and a column of dashes and words as text", () => {
    const t = detectTable(
      sheetOf(
        ["STT", "Đơn vị", "BHYT", "Loại xã"],
        [
          [5, "-"],
          [0, "NTM"],
          [0, "-"],
          [0, "NTM nâng cao"],
        ],
        { after: [["Tổng cộng", null, "-", null]] },
      ),
    );
    expect(col(t, "BHYT").totalValue).toBe(0);
    expect(codes(t.warnings).filter((c) => c === "total-row-mismatch")).toHaveLength(1); // 5 ≠ 0: the check still runs
    expect(t.columns.map((c) => c.leaf)).toEqual(["BHYT"]);
    expect(t.textColumns.map((c) => c.header)).toEqual(["Loại xã"]);
    // Dashes alone: nobody yet, anywhere — a column of zeros, not of text.
    const none = detectTable(
      sheetOf(
        ["STT", "Đơn vị", "BHYT", "BHTN"],
        [
          [5, "-"],
          [6, "-"],
          [7, "–"],
          [8, "-"],
        ],
      ),
    );
    expect(col(none, "BHTN").values).toEqual([0, 0, 0, 0]);
    expect(none.dashZeros.count).toBe(4);
  });
});

describe("a separator that reads either way, in a count column", () => {
  it('reads "2,010" among whole counts as 2.010 people, without a message', () => {
    const t = detectTable(sheetOf(["STT", "Đơn vị", "BHXH tự nguyện"], [["2,010"], [951], [1331], [1420]]));
    expect(col(t, "BHXH tự nguyện").values).toEqual([2010, 951, 1331, 1420]);
    expect(t.warnings).toEqual([]);
  });

  it('reads "2.010" the same way in an English sheet', () => {
    const t = detectTable(sheetOf(["STT", "Đơn vị", "BHXH tự nguyện"], [["2.010"], [951], [1331], [1420]]), { locale: "en" });
    expect(col(t, "BHXH tự nguyện").values).toEqual([2010, 951, 1331, 1420]);
    expect(t.warnings).toEqual([]);
  });

  it('names the cell when the column groups thousands the other way ("1.331"), reading the whole count', () => {
    const t = detectTable(sheetOf(["STT", "Đơn vị", "BHXH tự nguyện"], [["2,010"], ["951"], ["1.331"], ["1.420"]]));
    expect(col(t, "BHXH tự nguyện").values).toEqual([2010, 951, 1331, 1420]);
    expect(t.warnings).toEqual([
      {
        code: "separator-read-as-thousands",
        params: { written: "2,010", grouped: 2010, decimal: 2.01, header: "BHXH tự nguyện", sheetLocale: "vi" },
        where: { sheet: "Thực hiện", cell: `C${rowOf(0)}` },
      },
    ]);
    expect(render(t.warnings[0]!, { lang: "vi", shell: "pane" })).toMatch(
      new RegExp(`^'Thực hiện'!C${rowOf(0)}: “2,010” có thể là 2\\.010 hoặc 2,01 — đã đọc là 2\\.010`),
    );
  });

  it("leaves money and rates as the locale reads them", () => {
    const t = detectTable(
      sheetOf(
        ["STT", "Đơn vị", "Số tiền thu (triệu đồng)", "Tỷ lệ (%)"],
        [
          ["2,010", "92,620"],
          [951, 1],
          [1331, 1],
          [1420, 1],
        ],
      ),
    );
    expect(col(t, "Số tiền thu (triệu đồng)").values[0]).toBeCloseTo(2.01, 12);
    expect(col(t, "Tỷ lệ (%)").values[0]).toBeCloseTo(92.62, 12);
    expect(t.warnings).toEqual([]);
  });

  it("reads separators by form", () => {
    expect(separatorForm("2,010")).toBe("either");
    expect(separatorForm("2.010", "en")).toBe("either");
    expect(separatorForm("1.065.565")).toBe("own");
    expect(separatorForm("85,2")).toBe("own");
    expect(separatorForm("1,065,565")).toBe("other");
    expect(separatorForm("85.2")).toBe("other");
    expect(separatorForm("2010")).toBeNull();
    expect(separatorForm(2010)).toBeNull();
    expect(separatorForm("Huyện A")).toBeNull();
    expect(groupedReading("2,010")).toBe(2010);
    expect(groupedReading("-2,010")).toBe(-2010);
    expect(groupedReading("(2,010)")).toBe(-2010);
    expect(groupedReading("1.065")).toBeNull();
    expect(viFigure(2010)).toBe("2.010");
    expect(viFigure(2.01)).toBe("2,01");
    expect(viFigure(-1065565.5)).toBe("-1.065.565,5");
  });
});

describe("fractions and percentages in a count column", () => {
  it("names a fractional count, and leaves a percentage out, each by its cell", () => {
    const t = detectTable(
      sheetOf(
        ["STT", "Đơn vị", "BHXH tự nguyện", "Tỷ lệ đạt (%)"],
        [
          [12.5, 0.925],
          ["7,5", 0.5],
          ["45%", 0.4],
          [10, 0.3],
        ],
      ),
    );
    expect(col(t, "BHXH tự nguyện").values).toEqual([12.5, 7.5, null, 10]);
    expect(col(t, "Tỷ lệ đạt (%)").values).toEqual([0.925, 0.5, 0.4, 0.3]);
    const w = t.warnings;
    expect(w).toEqual([
      { code: "count-not-whole", params: { value: 12.5, header: "BHXH tự nguyện" }, where: { sheet: "Thực hiện", cell: `C${rowOf(0)}` } },
      { code: "count-not-whole", params: { value: 7.5, header: "BHXH tự nguyện" }, where: { sheet: "Thực hiện", cell: `C${rowOf(1)}` } },
      {
        code: "percent-in-count-column",
        params: { written: "45%", header: "BHXH tự nguyện", unit: "Huyện Long Mỹ" },
        where: { sheet: "Thực hiện", cell: `C${rowOf(2)}` },
      },
    ]);
    expect(render(w[0]!, { lang: "vi", shell: "cli" })).toBe(
      `'Thực hiện'!C${rowOf(0)}: 12,5 không phải số nguyên, nhưng cột “BHXH tự nguyện” là số đếm (người) — hãy kiểm tra ô này.`,
    );
  });

  it("says nothing of a formula's rounding", () => {
    const t = detectTable(sheetOf(["STT", "Đơn vị", "BHYT"], [[0.1 + 0.2 + 99.7], [3], [4], [5]]));
    expect(t.warnings).toEqual([]);
  });
});

describe("a scale stated in a title row or a header", () => {
  it('applies "Đơn vị tính: nghìn người" above the table to the count columns, the total and subtotals, never to rates', () => {
    const t = detectTable(
      sheetOf(
        ["STT", "Đơn vị", "BHXH tự nguyện", "Tỷ lệ (%)"],
        [
          [2.6, 0.5],
          [2.096, 0.6],
          ["2,5", 0.7],
          [1.9, 0.8],
        ],
        {
          titles: ["BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG", "Đơn vị tính: nghìn người"],
          after: [["Toàn tỉnh", null, 9.096, null]],
        },
      ),
    );
    const tn = col(t, "BHXH tự nguyện");
    expect(tn.values).toEqual([2600, 2096, 2500, 1900]);
    expect(tn.totalValue).toBe(9096);
    expect(tn.scale).toBe(1000);
    expect(tn.scaleFrom).toBe(`'Thực hiện'!A2: "Đơn vị tính: nghìn người"`);
    const rate = col(t, "Tỷ lệ (%)");
    expect(rate.values).toEqual([0.5, 0.6, 0.7, 0.8]);
    expect(rate.scale).toBeUndefined();
    expect(t.warnings).toEqual([]);
  });

  it('reads "ĐVT: người" in a title as persons (scale 1), said', () => {
    const t = detectTable(sheetOf(["STT", "Đơn vị", "BHYT"], [[2600], [2096], [2500], [1900]], { titles: ["KẾT QUẢ THỰC HIỆN BHYT (ĐVT: người)"] }));
    expect(col(t, "BHYT").values).toEqual([2600, 2096, 2500, 1900]);
    expect(col(t, "BHYT").scale).toBe(1);
    expect(col(t, "BHYT").scaleFrom).toBe(`'Thực hiện'!A1: "KẾT QUẢ THỰC HIỆN BHYT (ĐVT: người)"`);
  });

  it("applies a header's scale to its column, and a group header's to the columns under it; money is not scaled", () => {
    const grid: CellValue[][] = [
      ["KẾT QUẢ", null, null, null, null],
      [],
      ["STT", "Đơn vị", "Dân số (nghìn người)", "BHYT (1.000 người)", null, "Thu (triệu đồng)"],
      [null, null, null, "Kế hoạch", "Thực hiện", null],
      [1, "Huyện Vị Thủy", 98.5, 90, 85.25, 1200],
      [2, "Huyện Long Mỹ", 150, 140, 130, 900],
    ];
    const t = detectTable({ name: "TH", values: grid });
    expect(t.columns.map((c) => [c.header, c.values, c.scale ?? null])).toEqual([
      ["Dân số (nghìn người)", [98500, 150000], 1000],
      ["BHYT (1.000 người) / Kế hoạch", [90000, 140000], 1000],
      ["BHYT (1.000 người) / Thực hiện", [85250, 130000], 1000],
      ["Thu (triệu đồng)", [1200, 900], null],
    ]);
    expect(t.columns[1]!.scaleFrom).toBe(`'TH'!D3: "BHYT (1.000 người)"`);
    expect(t.warnings).toEqual([]);
  });

  it('names a "2,010" that is a whole count either way in a column in thousands', () => {
    const t = detectTable(sheetOf(["STT", "Đơn vị", "BHXH tự nguyện (nghìn người)"], [["2,010"], [3], [4], [5]]));
    expect(t.warnings).toEqual([
      {
        code: "separator-read-as-decimal",
        params: { written: "2,010", grouped: 2010, decimal: 2.01, header: "BHXH tự nguyện (nghìn người)", scale: 1000 },
        where: { sheet: "Thực hiện", cell: `C${rowOf(0)}` },
      },
    ]);
    expect(t.columns[0]!.values).toEqual([2010, 3000, 4000, 5000]);
  });

  it.each([
    ["Đơn vị tính: nghìn người", 1000, false],
    ["ĐVT: người", 1, false],
    ["ĐVT: Người; %", 1, false],
    ["(nghìn người)", 1000, false],
    ["Số người tham gia (1.000 người)", 1000, false],
    ["BHYT (triệu người)", 1e6, false],
    ["Số người tham gia, nghìn người", 1000, false],
    ["Thu (triệu đồng)", 1e6, true],
    ["Đơn vị tính: triệu", 1e6, false],
  ])("reads the scale of %j", (s, scale, money) => {
    expect(statedScale(foldText(s))).toEqual({ scale, money });
  });
  it.each([
    "Tỷ lệ (%)",
    "Kế hoạch (KH)",
    "(1)",
    "Số người tham gia",
    "Đơn vị",
    "Đơn vị tính",
    "Chỉ tiêu giao năm 2022 (Quyết định 123)",
    "Số người (người tham gia)",
  ])("reads no scale in %j", (s) => {
    expect(statedScale(foldText(s))).toBeNull();
  });
  it("makes a scaled figure whole where binary rounding would not", () => {
    expect(scaled(2.096, 1000)).toBe(2096);
    expect(scaled(12.345, 1000)).toBe(12345);
    expect(scaled(0.5, 1)).toBe(0.5);
  });
});
