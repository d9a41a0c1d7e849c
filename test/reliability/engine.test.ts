/**
 * Bad input through the engine (summarize → describe → JSON): each case ends in a ChitieuError
 * that names the sheet, cell or column and says what to do, or in a result with a warning that
 * names the cell — never Infinity or NaN, never a changed input. docs/RELIABILITY.md lists them.
 */
import { ChitieuError } from "../../src/core/errors";
import { CellValue, SheetGrid } from "../../src/core/grid";
import { describeOutput } from "../../src/core/describe";
import { toJsonReport } from "../../src/core/jsonReport";
import { MAX_CELL_TEXT } from "../../src/core/sheetSpec";
import { summarize } from "../../src/core/summarize";
import { Summary, SummaryInput, SummaryOptions } from "../../src/core/results";
import { render } from "../../src/core/messages";
import { withCode } from "../helpers/messages";
import { nonFinite, snapshot, specValues, table } from "./helpers";

const IND = ["BHYT"];
const TARGETS = table("Kế hoạch", IND, [
  ["Huyện Vị Thủy", 1000],
  ["Huyện Long Mỹ", 2000],
  ["Thị xã Long Mỹ", 3000],
]);
const ACTUALS = table("Thực hiện", IND, [
  ["H. Vị Thủy", 500],
  ["H. Long Mỹ", 1500],
  ["TX. Long Mỹ", 2900],
]);

function run(input: Partial<SummaryInput>, options: SummaryOptions = {}): Summary {
  return summarize({ targets: TARGETS, actuals: ACTUALS, base: null, ...input }, options);
}

function thrown(f: () => unknown): ChitieuError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ChitieuError);
    return e as ChitieuError;
  }
  throw new Error("expected a ChitieuError, but nothing was thrown");
}

/** Summary, its JSON and its sheets hold only finite numbers; text fits in a cell. */
function expectClean(s: Summary): void {
  expect(nonFinite(s)).toEqual([]);
  const json = toJsonReport(s);
  expect(nonFinite(json)).toEqual([]);
  expect(JSON.stringify(json)).not.toMatch(/Infinity|NaN/);
  const specs = describeOutput(s);
  expect(nonFinite(specs)).toEqual([]);
  for (const v of specValues(specs)) if (typeof v === "string") expect(v.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
}

describe("no header found", () => {
  test("a sheet of loose text has no table: the error names the sheet and says what header to add", () => {
    const e = thrown(() => run({ targets: { name: "Ghi chú", values: [["Báo cáo tháng 10"], ["Số liệu sơ bộ"], ["Người lập biểu"]] } }));
    expect(e.code).toBe("no-table");
    expect(e.sheet).toBe("Ghi chú");
    expect(e.problem).toMatchObject({ code: "no-header-row", where: { sheet: "Ghi chú" } });
    expect(e.message).toMatch(/'Ghi chú'.*“STT”, “Đơn vị”/);
  });

  test("numbers without any header or unit name are no table either", () => {
    const e = thrown(() =>
      run({
        actuals: {
          name: "TH",
          values: [
            [1, 2, 3],
            [4, 5, 6],
          ],
        },
      }),
    );
    expect(e.code).toBe("no-table");
    expect(e.problem).toMatchObject({ code: "no-header-row", where: { sheet: "TH" } });
  });

  test("a header over figures with no unit names names the column where units were expected", () => {
    const e = thrown(() => run({ targets: { name: "KH", values: [["STT", "Đơn vị", "BHYT"], [1, null, 5], [2, "", 6], ["Người lập biểu"]] } }));
    expect(e.code).toBe("no-units");
    expect(e.sheet).toBe("KH");
    expect(e.problem).toEqual({ code: "no-units-under-header", params: { unitColumn: "B" }, where: { sheet: "KH" }, setting: "targets" });
  });

  test("a header with nothing under it is no table", () => {
    const e = thrown(() => run({ targets: { name: "KH", values: [["STT", "Đơn vị", "BHYT"], [null, null, null], ["Người lập biểu"]] } }));
    expect(e.code).toBe("no-table");
    expect(e.problem).toMatchObject({ code: "no-header-row", where: { sheet: "KH" } });
  });
});

describe("an empty sheet", () => {
  test.each([
    ["no rows", []],
    ["rows of blanks", [[null, "", "  "], [], [null]]],
  ] as [string, CellValue[][]][])("%s: empty-sheet, naming it", (_label, values) => {
    const e = thrown(() => run({ actuals: { name: "Thực hiện", values } }));
    expect(e.code).toBe("empty-sheet");
    expect(e.sheet).toBe("Thực hiện");
    expect(e.problem).toMatchObject({ code: "empty-sheet", where: { sheet: "Thực hiện" } });
    expect(e.message).toMatch(/^Trang tính 'Thực hiện' trống/);
  });
});

describe("a unit twice in one sheet", () => {
  test("is an error naming both rows, even when written differently", () => {
    const dup = table("Kế hoạch", IND, [
      ["Huyện Vị Thủy", 1000],
      ["Huyện Long Mỹ", 2000],
      ["H. Vị Thuỷ", 3000],
    ]);
    const e = thrown(() => run({ targets: dup }));
    expect(e.code).toBe("duplicate-unit");
    expect(e.problem).toEqual({
      code: "duplicate-unit",
      params: { name: "H. Vị Thuỷ", firstName: "Huyện Vị Thủy", firstRow: 2 },
      where: { sheet: "Kế hoạch", row: 4 },
    });
  });

  test("a district and a town of one name are two units, not a duplicate", () => {
    expect(() => run({})).not.toThrow();
  });
});

describe("a unit in one sheet only", () => {
  test("is listed as unmatched with the sheet it is missing from; the others are still computed", () => {
    const s = run({
      actuals: table("Thực hiện", IND, [
        ["H. Vị Thủy", 500],
        ["H. Long Mỹ", 1500],
        ["Huyện Phụng Hiệp", 700],
      ]),
    });
    expect(s.unmatched).toEqual(
      expect.arrayContaining([
        { sheet: "Thực hiện", unit: "Huyện Phụng Hiệp", missingFrom: ["Kế hoạch"] },
        { sheet: "Kế hoạch", unit: "Thị xã Long Mỹ", missingFrom: ["Thực hiện"] },
      ]),
    );
    expect(s.results[0]!.units.map((u) => u.unit).sort()).toEqual(["Huyện Long Mỹ", "Huyện Vị Thủy"]);
    expectClean(s);
  });
});

describe("zero, blank, negative, text and error cells in number columns", () => {
  const actuals = table("Thực hiện", IND, [
    ["H. Vị Thủy", 500],
    ["H. Long Mỹ", 1500],
    ["TX. Long Mỹ", 2900],
    ["Huyện Phụng Hiệp", ""],
    ["Huyện Châu Thành", -40],
    ["Huyện Châu Thành A", "khoảng 300"],
    ["Thành phố Ngã Bảy", "#DIV/0!"],
    ["Thành phố Vị Thanh", 0],
  ]);
  const targets = table("Kế hoạch", IND, [
    ["Huyện Vị Thủy", 0],
    ["Huyện Long Mỹ", 2000],
    ["Thị xã Long Mỹ", 3000],
    ["Huyện Phụng Hiệp", 1000],
    ["Huyện Châu Thành", 1000],
    ["Huyện Châu Thành A", 1000],
    ["Thành phố Ngã Bảy", 1000],
    ["Thành phố Vị Thanh", 1000],
  ]);
  const s = summarize({ targets, actuals, base: null });
  // As the CLI shows them in Vietnamese: each names its place in its sentence.
  const w = s.warnings.map((m) => render(m, { lang: "vi", shell: "cli" })).join("\n");

  test("a zero target: warning naming the cell; the unit has no rate and no rank", () => {
    expect(w).toContain("'Kế hoạch'!C2");
    const u = s.results[0]!.units.find((x) => x.unit === "Huyện Vị Thủy")!;
    expect(u.ratio).toBeNull();
    expect(u.rank).toBeNull();
  });

  test("a blank cell: warning naming the cell, left out", () => {
    expect(withCode(s.warnings, "blank-cell").map((m) => m.where)).toEqual([{ sheet: "Thực hiện", cell: "C5" }]);
    expect(s.results[0]!.units.find((x) => x.unit === "Huyện Phụng Hiệp")!.actual).toBeNull();
  });

  test("a negative figure: warning naming the cell, left out of the sums (not a silent distortion)", () => {
    expect(withCode(s.warnings, "negative-figure")).toEqual([
      { code: "negative-figure", params: { value: -40, header: "BHYT", unit: "Huyện Châu Thành" }, where: { sheet: "Thực hiện", cell: "C6" } },
    ]);
    const u = s.results[0]!.units.find((x) => x.unit === "Huyện Châu Thành")!;
    expect(u.actual).toBeNull();
    expect(u.ratio).toBeNull();
    // Units with both figures only (Vị Thủy's target is 0 but present; Vị Thanh's actual is 0): no -40.
    expect(s.results[0]!.actualTotal).toBe(500 + 1500 + 2900 + 0);
  });

  test("text and Excel errors: warning naming the cell and what was there", () => {
    expect(withCode(s.warnings, "text-in-number-column").map((m) => [m.where?.cell, m.params.text])).toEqual([["C7", "khoảng 300"]]);
    expect(withCode(s.warnings, "excel-error").map((m) => [m.where?.cell, m.params.error])).toEqual([["C8", "#DIV/0!"]]);
  });

  test("a zero actual is a real figure: rate 0, ranked last, no warning about it", () => {
    const u = s.results[0]!.units.find((x) => x.unit === "Thành phố Vị Thanh")!;
    expect(u.ratio).toBe(0);
    expect(u.rank).not.toBeNull();
    expect(w).not.toContain("'Thực hiện'!C9");
  });

  test("no Infinity or NaN in the results, the JSON or the cells written", () => expectClean(s));

  test("every target zero: no area-wide rate, a warning, still no Infinity", () => {
    const zeros = table("Kế hoạch", IND, [
      ["Huyện Vị Thủy", 0],
      ["Huyện Long Mỹ", 0],
      ["Thị xã Long Mỹ", 0],
    ]);
    const z = run({ targets: zeros });
    expect(z.results[0]!.overall).toBeNull();
    expect(withCode(z.warnings, "denominators-sum-zero").map((w) => [w.params.measure, w.params.kind])).toEqual([["attainment", "target"]]);
    expectClean(z);
    expectClean(run({ targets: zeros }, { average: "mean" }));
  });

  test("absurdly large figures (beyond 10^18) are left out with a warning, so no sum overflows", () => {
    const huge = table("Kế hoạch", IND, [
      ["Huyện Vị Thủy", 1e308],
      ["Huyện Long Mỹ", 1e308],
      ["Thị xã Long Mỹ", 3000],
    ]);
    const h = run({ targets: huge });
    expect(withCode(h.warnings, "figure-too-large").map((m) => m.where)).toEqual([
      { sheet: "Kế hoạch", cell: "C2" },
      { sheet: "Kế hoạch", cell: "C3" },
    ]);
    expect(h.results[0]!.denominatorTotal).toBe(3000);
    expectClean(h);
  });

  test("tiny denominators give huge but finite rates; the mean and the difference to it stay finite or empty", () => {
    const tiny = table("Kế hoạch", IND, [
      ["Huyện Vị Thủy", 1e-300],
      ["Huyện Long Mỹ", 1e-300],
      ["Thị xã Long Mỹ", 3000],
    ]);
    const bigActuals = table("Thực hiện", IND, [
      ["H. Vị Thủy", 1e10],
      ["H. Long Mỹ", 1e10],
      ["TX. Long Mỹ", 2900],
    ]);
    expectClean(run({ targets: tiny, actuals: bigActuals }, { average: "mean" }));
    const tiny2 = table("Kế hoạch", IND, [
      ["Huyện Vị Thủy", 1e-292],
      ["Huyện Long Mỹ", 1e-292],
      ["Thị xã Long Mỹ", 3000],
    ]);
    const m = run({ targets: tiny2, actuals: bigActuals }, { average: "mean" });
    expectClean(m);
  });
});

describe("a total row that disagrees with the units' sum", () => {
  test("warns naming the total cell, both figures, and the header; the units are still used", () => {
    const withTotal = table(
      "Kế hoạch",
      IND,
      [
        ["Huyện Vị Thủy", 1000],
        ["Huyện Long Mỹ", 2000],
        ["Thị xã Long Mỹ", 3000],
      ],
      [[null, "Toàn tỉnh", 7000]],
    );
    const s = run({ targets: withTotal });
    expect(withCode(s.warnings, "total-row-mismatch")).toEqual([
      {
        code: "total-row-mismatch",
        params: { label: "Toàn tỉnh", header: "BHYT", sheetTotal: 7000, unitsSum: 6000 },
        where: { sheet: "Kế hoạch", cell: "C5" },
      },
    ]);
    expect(s.results[0]!.denominatorTotal).toBe(6000);
    expect(s.unitNames).not.toContain("Toàn tỉnh");
  });

  test("a total that agrees gives no warning", () => {
    const ok = table(
      "Kế hoạch",
      IND,
      [
        ["Huyện Vị Thủy", 1000],
        ["Huyện Long Mỹ", 2000],
        ["Thị xã Long Mỹ", 3000],
      ],
      [[null, "Toàn tỉnh", 6000]],
    );
    expect(run({ targets: ok }).warnings).toEqual([]);
  });
});

describe("columns and rows far beyond the table", () => {
  const JUNK_COLS = 5000;
  const BLANK_ROWS = 100_000;
  const UNITS = 60;

  /** A table in A:C with junk far to its right in every data row and a junk cell 100,000 rows below. */
  function sprawling(name: string, factor: number): { grid: SheetGrid; junkReads: () => number } {
    let reads = 0;
    const rows: CellValue[][] = [["BÁO CÁO SỐ LIỆU"], [], ["STT", "Đơn vị", "BHYT"]];
    for (let i = 0; i < UNITS; i++) {
      const r: CellValue[] = [i + 1, `Xã Số ${i + 1}`, (i + 1) * factor];
      for (let c = 0; c < JUNK_COLS; c++) r[5 + c] = c % 2 === 0 ? `tạm ${c}` : c;
      rows.push(r);
    }
    for (let i = 0; i < BLANK_ROWS; i++) rows.push([]);
    rows.push([null, "Xã Ma", 999, null, null, "ghi chú lạc"]);
    // Count reads of cells right of the table (column D onwards).
    const watched = rows.map(
      (row) =>
        new Proxy(row, {
          get(target, prop, receiver) {
            if (typeof prop === "string" && /^\d+$/.test(prop) && Number(prop) >= 3) reads++;
            return Reflect.get(target, prop, receiver);
          },
        }),
    );
    return { grid: { name, values: watched }, junkReads: () => reads };
  }

  test("are ignored, and not read cell by cell: fast, and junk reads bounded by a few rows", () => {
    const t = sprawling("Kế hoạch", 100);
    const a = sprawling("Thực hiện", 90);
    const started = Date.now();
    const s = summarize({ targets: t.grid, actuals: a.grid, base: null });
    const ms = Date.now() - started;
    expect(s.results).toHaveLength(1);
    expect(s.results[0]!.units).toHaveLength(UNITS);
    expect(s.unitNames).not.toContain("Xã Ma");
    expect(s.warnings).toEqual([]);
    // The junk holds UNITS × JUNK_COLS cells per sheet; reading it all would be 600,000 reads.
    const junkCells = UNITS * JUNK_COLS;
    expect(t.junkReads() + a.junkReads()).toBeLessThan((2 * junkCells) / 10);
    expect(ms).toBeLessThan(3000);
  });
});

describe("numbers as text in the other locale", () => {
  test('"1,065,565" in a Vietnamese workbook: read, with a warning naming the cell (not a silent misread)', () => {
    const a = table("Thực hiện", IND, [
      ["H. Vị Thủy", "1,065,565"],
      ["H. Long Mỹ", "1.500"],
      ["TX. Long Mỹ", "2.900"],
    ]);
    const s = run({ actuals: a });
    expect(withCode(s.warnings, "other-locale-number")).toEqual([
      {
        code: "other-locale-number",
        params: { written: "1,065,565", value: 1065565, percent: false, sheetLocale: "vi" },
        where: { sheet: "Thực hiện", cell: "C2" },
        setting: "locale",
      },
    ]);
    const byUnit = new Map(s.results[0]!.units.map((u) => [u.unit, u.actual]));
    expect(byUnit.get("Huyện Vị Thủy")).toBe(1065565);
    expect(byUnit.get("Huyện Long Mỹ")).toBe(1500); // "1.500" is fifteen hundred in Vietnamese
  });

  test('"1.065.565" in an English workbook: the same warning the other way round', () => {
    const a = table("Thực hiện", IND, [
      ["H. Vị Thủy", "1.065.565"],
      ["H. Long Mỹ", "1,500"],
      ["TX. Long Mỹ", "2,900"],
    ]);
    const s = run({ actuals: a }, { locale: "en" });
    expect(withCode(s.warnings, "other-locale-number").map((m) => [m.where?.cell, m.params.written, m.params.sheetLocale])).toEqual([
      ["C2", "1.065.565", "en"],
    ]);
    expect(new Map(s.results[0]!.units.map((u) => [u.unit, u.actual])).get("Huyện Long Mỹ")).toBe(1500);
  });
});

describe("names in NFD Unicode", () => {
  test("decomposed names match composed ones; output names are composed (NFC)", () => {
    const nfd = (g: SheetGrid): SheetGrid => ({ ...g, values: g.values.map((r) => r.map((v) => (typeof v === "string" ? v.normalize("NFD") : v))) });
    const s = run({ actuals: nfd(ACTUALS) });
    expect(s.unmatched).toEqual([]);
    expect(s.results[0]!.units).toHaveLength(3);
    for (const name of s.unitNames) expect(name).toBe(name.normalize("NFC"));
    for (const v of specValues(describeOutput(s))) if (typeof v === "string") expect(v).toBe(v.normalize("NFC"));
  });

  test("NFD headers are recognised too", () => {
    const a = table(
      "Thực hiện",
      ["Số người tham gia bảo hiểm y tế".normalize("NFD")],
      [
        ["H. Vị Thủy", 500],
        ["H. Long Mỹ", 1500],
        ["TX. Long Mỹ", 2900],
      ],
    );
    expect(run({ actuals: a }).results[0]!.indicator).toBe("BHYT");
  });
});

describe("very long names", () => {
  test("5,000-character unit and indicator names: no crash, legal sheet names, cells within Excel's limit", () => {
    const longUnit = "Xã " + "Tân Phước Hưng ".repeat(340); // ≈ 5,000 characters
    const longHeader = "Số thẻ cấp mới [loại: A/B] *tạm tính* ".repeat(135); // ≈ 5,000, with : / [ ] *
    const t = table(
      "Kế hoạch",
      [longHeader],
      [
        [longUnit, 100],
        ["Xã Ngắn", 50],
      ],
    );
    const a = table(
      "Thực hiện",
      [longHeader],
      [
        [longUnit, 60],
        ["Xã Ngắn", 50],
      ],
    );
    const s = summarize({ targets: t, actuals: a, base: null });
    expect(s.results).toHaveLength(1);
    const specs = describeOutput(s);
    for (const spec of specs) {
      expect(Array.from(spec.name).length).toBeLessThanOrEqual(31);
      expect(spec.name).not.toMatch(/[:\\/?*[\]]/);
      expect(spec.name).not.toMatch(/^'|'$/);
    }
    expectClean(s);
  });

  test("a 40,000-character header (more than a cell can hold) is cut in the output, ending in …", () => {
    const header = "Chỉ tiêu " + "x".repeat(40_000);
    const t = table(
      "Kế hoạch",
      [header],
      [
        ["Xã A", 100],
        ["Xã B", 50],
      ],
    );
    const a = table(
      "Thực hiện",
      [header],
      [
        ["Xã A", 60],
        ["Xã B", 50],
      ],
    );
    const specs = describeOutput(summarize({ targets: t, actuals: a, base: null }));
    const texts = specValues(specs).filter((v): v is string => typeof v === "string");
    expect(Math.max(...texts.map((x) => x.length))).toBe(MAX_CELL_TEXT);
    expect(texts.some((x) => x.length === MAX_CELL_TEXT && x.endsWith("…"))).toBe(true);
  });
});

describe("every indicator unmatched", () => {
  test("an error that lists the headers found in each sheet", () => {
    const t = table(
      "Kế hoạch",
      ["Thu nợ đọng", "BHTN"],
      [
        ["Xã A", 1, 2],
        ["Xã B", 3, 4],
      ],
    );
    const a = table(
      "Thực hiện",
      ["BHYT", "Số thẻ cấp mới"],
      [
        ["Xã A", 1, 2],
        ["Xã B", 3, 4],
      ],
    );
    const e = thrown(() => summarize({ targets: t, actuals: a, base: null }));
    expect(e.code).toBe("no-indicators");
    expect(e.problem).toMatchObject({ code: "no-indicator-in-common", setting: "map" });
    expect(withCode([e.problem], "no-indicator-in-common")[0]!.params.sheets).toEqual([
      { sheet: "Kế hoạch", headers: ["Thu nợ đọng", "BHTN"], noNumbers: [] },
      { sheet: "Thực hiện", headers: ["BHYT", "Số thẻ cấp mới"], noNumbers: [] },
    ]);
    expect(e.message).toContain("'Kế hoạch': “Thu nợ đọng”, “BHTN”; 'Thực hiện': “BHYT”, “Số thẻ cấp mới”");
  });
});

describe("an indicator column with no numbers at all", () => {
  test("the error lists its header and says its cells hold no numbers", () => {
    const a = table("Thực hiện", IND, [
      ["H. Vị Thủy", "#N/A"],
      ["H. Long Mỹ", "chưa có"],
      ["TX. Long Mỹ", ""],
    ]);
    const e = thrown(() => run({ actuals: a }));
    expect(e.code).toBe("no-indicators");
    expect(withCode([e.problem], "no-indicator-in-common")[0]!.params.sheets).toEqual([
      { sheet: "Kế hoạch", headers: ["BHYT"], noNumbers: [] },
      { sheet: "Thực hiện", headers: [], noNumbers: ["BHYT"] },
    ]);
    expect(render(e.problem, { lang: "en", shell: "cli" })).toContain(`'Thực hiện': "BHYT" (no numbers in its cells)`);
  });
});

describe("formula-like names", () => {
  test("are names like any other: kept as text, never evaluated", () => {
    const names = ["=1+1", "+SUM(A1:A9)", "-2+3", "@cmd", '=HYPERLINK("http://x")'];
    const t = table(
      "Kế hoạch",
      IND,
      names.map((n, i) => [n, 100 + i] as [string, number]),
    );
    const a = table(
      "Thực hiện",
      IND,
      names.map((n, i) => [n, 50 + i] as [string, number]),
    );
    const s = summarize({ targets: t, actuals: a, base: null });
    expect([...s.unitNames].sort()).toEqual([...names].sort());
    expectClean(s);
  });
});

describe("inputs are never changed", () => {
  test("the grids handed to the engine are the same after a run with every kind of bad cell", () => {
    const t = table(
      "Kế hoạch",
      IND,
      [
        ["Huyện Vị Thủy", 0],
        ["Huyện Long Mỹ", "  1.000 "],
        ["Thị xã Long Mỹ", "#N/A"],
      ],
      [[null, "Tổng cộng", 5]],
    );
    const a = table("Thực hiện", IND, [
      ["H. Vị Thủy".normalize("NFD"), -1],
      ["H. Long Mỹ", "1,065,565"],
      ["TX. Long Mỹ", null],
    ]);
    const before = snapshot([t, a]);
    summarize({ targets: t, actuals: a, base: null });
    expect(snapshot([t, a])).toBe(before);
  });
});

describe("found by fuzzing: rows right under the header", () => {
  const detectUnits = (values: CellValue[][]) =>
    summarize({
      targets: { name: "KH", values },
      actuals: {
        name: "TH",
        values: [
          ["Đơn vị", "BHYT"],
          ["Huyện A", 1],
          ["Huyện B", 2],
          ["Huyện C", 3],
        ],
      },
      base: null,
    }).detection.find((d) => d.sheet === "KH")!;

  test('a unit whose figure is a small count typed as text ("0", "12") is a unit, not a second header row', () => {
    const d = detectUnits([
      ["Đơn vị", "BHYT"],
      ["Huyện A", "12"],
      ["Huyện B", 5],
      ["Huyện C", 7],
    ]);
    expect(d.headerRows).toEqual([1]);
    expect(d.units).toBe(3);
  });

  test("a unit whose figures are all #N/A is a unit, not a second header row", () => {
    const d = detectUnits([
      ["Đơn vị", "BHYT"],
      ["Huyện A", "#N/A"],
      ["Huyện B", 5],
      ["Huyện C", 7],
    ]);
    expect(d.headerRows).toEqual([1]);
    expect(d.units).toBe(3);
  });

  test("first units with only errors below a two-row header and a column-number row: the header is still found", () => {
    const d = detectUnits([["Đơn vị", "Chỉ tiêu giao năm 2022"], [null, "BHYT"], ["(1)", "(2)"], [], ["Huyện A", "#N/A"], ["Huyện B", "#N/A"], ["Huyện C", 5]]);
    expect(d.headerRows).toEqual([1, 2]);
    expect(d.units).toBe(3);
  });

  test("a note far to the right, between the header and the units, is not a header row", () => {
    const d = detectUnits([
      ["Đơn vị", "BHYT"],
      [null, null, null, null, null, "tạm tính"],
      ["Huyện A", 1],
      ["Huyện B", 5],
      ["Huyện C", 7],
      ["Người lập biểu", null, null, null, null, 12345],
    ]);
    expect(d.headerRows).toEqual([1]);
    expect(d.units).toBe(3);
    expect(d.excludedRows.map((r) => r.label)).toContain("Người lập biểu");
  });
});
