import { describeOutput, runsOf } from "../../src/core/describe";
import { SheetGrid } from "../../src/core/grid";
import { labels } from "../../src/core/i18n";
import { SheetSpec, legalSheetName, planSheetNames } from "../../src/core/sheetSpec";
import { summarize } from "../../src/core/summarize";
import { Summary } from "../../src/core/results";
import { buildGrid } from "../helpers/grids";
import { expectLegalSheetName as expectLegal } from "../helpers/sheetNames";
import { withCode } from "../helpers/messages";

const UNITS = ["Thành phố Vị Thanh", "Thị xã Long Mỹ", "Huyện Vị Thủy", "Huyện Long Mỹ", "Huyện Phụng Hiệp"];
const TARGET = [2600, 1900, 2096, 2500, 3200];
const ACTUAL = [2010, 1420, 951, 1331, 1579];
const POP = [75000, 55000, 72460, 90000, 190000];
const BHYT = [70000, 50500, 67531, 82000, 144343];

function sheet(name: string, columns: { header: string; values: number[] }[], total?: string): SheetGrid {
  return { name, values: buildGrid({ units: UNITS.map((n) => ({ name: n })), columns, total: total ? { label: total, position: "bottom" } : undefined }).grid };
}

function hauGiang(options: Parameters<typeof summarize>[1] = {}): Summary {
  return summarize(
    {
      targets: sheet("Kế hoạch", [{ header: "BHXH tự nguyện", values: TARGET }], "Toàn tỉnh"),
      actuals: sheet("Thực hiện", [
        { header: "BHYT", values: BHYT },
        { header: "BHXH TN", values: ACTUAL },
      ]),
      base: sheet("Dân số", [{ header: "Dân số", values: POP }]),
    },
    options,
  );
}

/** The sheet rows (0-based) a highlight of this style paints. */
function painted(spec: SheetSpec, style: string): number[] {
  return spec.highlights.filter((h) => h.style === style).flatMap((h) => [...h.rows]);
}

describe("describeOutput", () => {
  const s = hauGiang();
  const specs = describeOutput(s);

  it("an overview, then one ranked sheet per indicator and measure, with stable keys", () => {
    // BHXH TN against the plan and BHYT against the population (the base sheet has no labour force).
    expect(s.results.map((r) => `${r.indicatorKey}:${r.measure}`)).toEqual(["bhxh-tn:attainment", "bhyt:coverage"]);
    expect(specs.map((x) => x.kind)).toEqual(["overview", "ranked", "ranked"]);
    expect(specs.map((x) => x.key)).toEqual(["overview", ...s.results.map((r) => `ranked:${r.indicatorKey}:${r.measure}`)]);
    expect(new Set(specs.map((x) => x.name)).size).toBe(specs.length);
    for (const x of specs) expectLegal(x.name);
    expect(specs[0]!.name).toBe("Tổng hợp chỉ tiêu");
  });

  it("ranked sheet: units in rank order with actual, denominator, rate, rank; below-average rows highlighted", () => {
    const r = s.results.find((x) => x.indicatorKey === "bhxh-tn" && x.measure === "attainment")!;
    const spec = specs.find((x) => x.key === "ranked:bhxh-tn:attainment")!;
    const data = spec.values.slice(spec.dataStart);
    expect(data.map((row) => row[1])).toEqual(r.units.map((u) => u.unit));
    expect(data.map((row) => row[0])).toEqual(r.units.map((u) => u.rank));
    expect(data.map((row) => row[2])).toEqual(r.units.map((u) => u.actual));
    expect(data.map((row) => row[3])).toEqual(r.units.map((u) => u.denominator));
    expect(data.map((row) => row[4])).toEqual(r.units.map((u) => u.ratio));
    // Highlighted rows are exactly the below-average units.
    const below = r.units.flatMap((u, k) => (u.belowAverage ? [spec.dataStart + k] : []));
    expect(below.length).toBeGreaterThan(0);
    expect(painted(spec, "belowAverage").sort()).toEqual(below.sort());
    const belowNames = r.units.filter((u) => u.belowAverage).map((u) => u.unit);
    expect(belowNames.sort()).toEqual(["Huyện Long Mỹ", "Huyện Phụng Hiệp", "Huyện Vị Thủy"].sort());
    // The average is shown, and the mark column says which rows are below it.
    expect(spec.values.flat()).toContain(r.average);
    const mark = spec.highlights.find((h) => h.style === "belowAverage")!.mark!;
    const marked = spec.values.flatMap((row, i) => (i >= spec.dataStart && row[mark.col] === mark.text ? [i] : []));
    expect(marked.sort()).toEqual(below.sort());
  });

  it("formats: counts as integers, rates as percentages, rank as a whole number; a frozen header", () => {
    const spec = specs.find((x) => x.key === "ranked:bhxh-tn:attainment")!;
    expect(spec.columnFormats[0]).toBe("0");
    expect(spec.columnFormats[2]).toBe("#,##0");
    expect(spec.columnFormats[3]).toBe("#,##0");
    expect(spec.columnFormats[4]).toBe("0.00%");
    expect(spec.freeze.rows).toBe(spec.dataStart);
    expect(spec.columnWidths.length).toBe(spec.width);
    for (const row of spec.values) expect(row.length).toBeLessThanOrEqual(spec.width);
  });

  it("overview: every unit × indicator, an overall row, the average used; below-average cells highlighted", () => {
    const ov = specs[0]!;
    const data = ov.values.slice(ov.dataStart, ov.dataStart + s.unitNames.length);
    expect(data.map((row) => row[1])).toEqual(s.unitNames);
    s.results.forEach((r, i) => {
      const c = 2 + i * 5;
      for (const [k, name] of s.unitNames.entries()) {
        const u = r.units.find((x) => x.unit === name)!;
        expect(data[k]!.slice(c, c + 4)).toEqual([u.actual, u.denominator, u.ratio, u.rank]);
      }
      const overallRow = ov.values[ov.dataStart + s.unitNames.length]!;
      expect(overallRow[1]).toBe("Toàn tỉnh");
      expect(overallRow[c + 2]).toBe(r.overall);
      const hl = ov.highlights.filter((h) => h.style === "belowAverage" && h.block.col === c);
      expect(hl).toHaveLength(1);
      const expected = s.unitNames.flatMap((name, k) => (r.units.find((x) => x.unit === name)!.belowAverage ? [ov.dataStart + k] : []));
      expect([...hl[0]!.rows].sort()).toEqual(expected.sort());
      expect(ov.columnFormats[c + 2]).toBe("0.00%");
    });
    expect(ov.values.flat().join(" ")).toMatch(/Σ thực hiện \/ Σ mẫu số/);
  });

  it("says which average was used: the mean, when asked", () => {
    const m = describeOutput(hauGiang({ average: "mean" }));
    expect(m[0]!.values.flat().join(" ")).toMatch(/trung bình cộng/);
  });

  it("English labels and sheet names with --lang en", () => {
    const en = describeOutput(s, { lang: "en" });
    expect(en[0]!.name).toBe("Overview");
    expect(en.map((x) => x.name).join(" ")).toMatch(/Rank/);
    expect(en[1]!.values.flat().join(" ")).toMatch(/Voluntary social insurance|Health insurance/);
    for (const x of en) expectLegal(x.name);
  });

  it("sheet names stay legal and distinct for long indicator names with forbidden characters", () => {
    const names = ["Số tiền thu BHXH: BHYT/BHTN [triệu đồng]?*", "Số tiền thu BHXH: BHYT/BHTN [triệu đồng] khối doanh nghiệp"];
    const t: SheetGrid = {
      name: "KH",
      values: buildGrid({ units: UNITS.map((n) => ({ name: n })), columns: names.map((h) => ({ header: h, values: TARGET })) }).grid,
    };
    const a: SheetGrid = {
      name: "TH",
      values: buildGrid({ units: UNITS.map((n) => ({ name: n })), columns: names.map((h) => ({ header: h, values: ACTUAL })) }).grid,
    };
    const out = describeOutput(summarize({ targets: t, actuals: a, base: null }));
    expect(out).toHaveLength(3);
    for (const x of out) expectLegal(x.name);
    const planned = planSheetNames(
      out.map((x) => x.name),
      [],
    );
    expect(new Set(planned.map((n) => n.toLowerCase())).size).toBe(planned.length);
    for (const n of planned) expectLegal(n);
  });
});

describe("legalSheetName", () => {
  it.each([
    ["Xếp hạng BHXH TN (KH)", "Xếp hạng BHXH TN (KH)"],
    ["a:b\\c/d?e*f[g]h", "a-b-c-d-e-f-g-h"],
    ["'quoted'", "quoted"],
    ["' spaced '", "spaced"],
    ["", "Sheet"],
    ["History", "History-"],
  ])("%j → %j", (input, out) => {
    expect(legalSheetName(input)).toBe(out);
  });
  it("shortens to 31 characters by whole words, keeping the measure, never inside a character, and leaves no apostrophe or space at the ends", () => {
    const long = "Xếp hạng Số người tham gia bảo hiểm xã hội tự nguyện (KH)";
    expect(legalSheetName(long)).toBe("Xếp hạng Số người tham gia (KH)"); // 31 characters, "(KH)" kept
    // "bảo hiểm xã hội" is one word written in syllables: it goes whole.
    expect(legalSheetName("Xếp hạng Số người tham gia bảo hiểm xã hội tự nguyện")).toBe("Xếp hạng Số người tham gia");
    // One word longer than a name: cut, and "…" says so.
    expect(legalSheetName("😀".repeat(40))).toBe("😀".repeat(30) + "…");
    for (const s of ["x".repeat(30) + "'abc", "x".repeat(30) + " abc", "Xếp hạng Thu nợ 'quá hạn' của các đơn vị"]) expectLegal(legalSheetName(s));
  });
});

describe("planSheetNames", () => {
  it("a name held by a sheet of the user's gets another name", () => {
    expect(planSheetNames(["Tổng hợp chỉ tiêu", "Xếp hạng BHYT (KH)"], [{ name: "tổng hợp chỉ tiêu", ours: false }])).toEqual([
      "Tổng hợp chỉ tiêu (2)",
      "Xếp hạng BHYT (KH)",
    ]);
    // A ranked sheet is numbered before its measure.
    expect(planSheetNames(["Xếp hạng BHYT (KH)"], [{ name: "XẾP HẠNG BHYT (KH)", ours: false }])).toEqual(["Xếp hạng BHYT 2 (KH)"]);
    expect(
      planSheetNames(
        ["A"],
        [
          { name: "A", ours: false },
          { name: "A (2)", ours: false },
        ],
      ),
    ).toEqual(["A (3)"]);
  });
  it("a name held by one of our own earlier summary sheets is reused (that sheet is being replaced)", () => {
    expect(planSheetNames(["Tổng hợp chỉ tiêu"], [{ name: "Tổng hợp chỉ tiêu", ours: true }])).toEqual(["Tổng hợp chỉ tiêu"]);
  });
  it("two wanted names that are the same get distinct names, still within 31 characters", () => {
    const w = "x".repeat(40);
    const out = planSheetNames([w, w, w], [{ name: "x".repeat(31), ours: false }]);
    expect(new Set(out).size).toBe(3);
    for (const n of out) expect(Array.from(n).length).toBeLessThanOrEqual(31);
    expect(out[0]).toBe("x".repeat(30) + "…");
    expect(out[1]).toBe("x".repeat(26) + "… (2)");
    // Words are kept whole to make room for the number, and the measure stays.
    expect(planSheetNames(["Rank Compulsory SI (coverage)"], [{ name: "RANK COMPULSORY SI (COVERAGE)", ours: false }])).toEqual([
      "Rank Compulsory SI 2 (coverage)",
    ]);
    expect(planSheetNames(["Xếp hạng Số người tham gia (KH)"], [{ name: "Xếp hạng Số người tham gia (KH)", ours: false }])).toEqual([
      "Xếp hạng Số người 2 (KH)",
    ]);
  });
});

describe("runsOf", () => {
  it("groups rows into contiguous runs", () => {
    expect(runsOf([7, 3, 4, 5, 9])).toEqual([
      { start: 3, count: 3 },
      { start: 7, count: 1 },
      { start: 9, count: 1 },
    ]);
    expect(runsOf([])).toEqual([]);
  });
});

describe("overview notes: units left out of the area total, a total row that is not the units' sum", () => {
  // 'Kế hoạch' lists a sixth unit the other sheets do not have, and its total row says 13.000
  // where its units add up to 13.796.
  const withExtra = (totalValue: number | undefined) =>
    summarize({
      targets: {
        name: "Kế hoạch",
        values: buildGrid({
          units: [...UNITS, "Thành phố Ngã Bảy"].map((n) => ({ name: n })),
          columns: [{ header: "BHXH tự nguyện", values: [...TARGET, 1500] }],
          total: { label: "Toàn tỉnh", position: "bottom", values: totalValue === undefined ? undefined : [totalValue] },
        }).grid,
      },
      actuals: sheet("Thực hiện", [
        { header: "BHYT", values: BHYT },
        { header: "BHXH TN", values: ACTUAL },
      ]),
      base: sheet("Dân số", [{ header: "Dân số", values: POP }]),
    });
  const s = withExtra(13000);

  it("the engine carries the total row's mismatch as data: the cell, both numbers", () => {
    expect(s.totalMismatches).toHaveLength(1);
    const m = s.totalMismatches![0]!;
    expect(m).toMatchObject({ header: "BHXH tự nguyện", label: "Toàn tỉnh", sheetTotal: 13000, unitsSum: 13796 });
    expect(m.cell).toMatch(/^'Kế hoạch'![A-Z]+\d+$/);
    // The same cell the warning names.
    expect(withCode(s.warnings, "total-row-mismatch").map((w) => `'${w.where!.sheet}'!${w.where!.cell}`)).toEqual([m.cell]);
    // A total row that is the units' sum is no mismatch.
    expect(withExtra(undefined).totalMismatches).toEqual([]);
  });

  it("a note under the title names the unmatched units; another gives both numbers of the total; the table moves down by their rows", () => {
    const plain = describeOutput(hauGiang())[0]!;
    const spec = describeOutput(s)[0]!;
    expect(spec.values[1]![0]).toBe(
      "Không tính vào tổng toàn tỉnh: 1 đơn vị không khớp giữa các trang tính: Thành phố Ngã Bảy (có ở 'Kế hoạch', không có ở 'Thực hiện').",
    );
    const totals = String(spec.values[2]![0]);
    expect(totals).toContain(
      `${s.totalMismatches![0]!.cell}: dòng tổng “Toàn tỉnh” ghi 13.000 cho “BHXH tự nguyện”, cộng các đơn vị được 13.796 (chênh lệch 796)`,
    );
    // Everything below the notes as without them, two rows down.
    expect(spec.dataStart).toBe(plain.dataStart + 2);
    expect(spec.freeze.rows).toBe(plain.freeze.rows + 2);
    expect(spec.values[3]).toEqual(plain.values[1]);
    expect(spec.values[spec.dataStart - 2]).toEqual(plain.values[plain.dataStart - 2]);
    expect(spec.values.slice(spec.dataStart, spec.dataStart + s.unitNames.length).map((r) => r[1])).toEqual(UNITS);
    // The total row still gives the units' sum (what the rates are computed from).
    const totalRow = spec.values[spec.dataStart + s.unitNames.length]!;
    expect(totalRow[1]).toBe("Toàn tỉnh");
    expect(totalRow).toContain(12296);
    // Visible: merged, wrapped, painted in the warning colours, tall enough.
    expect(painted(spec, "warning")).toEqual([1, 2]);
    expect(painted(plain, "warning")).toEqual([]);
    for (const row of [1, 2]) {
      expect(spec.merges.some((m) => m.row === row && m.col === 0 && m.rows === 1 && m.cols >= 2)).toBe(true);
      expect(spec.wrap.some((w) => w.row === row)).toBe(true);
      expect(spec.rowHeights!.find((h) => h.row === row)!.height).toBeGreaterThan(15);
    }
    // The header merges and the header highlight moved with the table.
    const header = spec.highlights.find((h) => h.style === "header")!;
    expect(header.rows).toEqual(plain.highlights.find((h) => h.style === "header")!.rows.map((r) => r + 2));
  });

  it("in English too", () => {
    const spec = describeOutput(s, { lang: "en" })[0]!;
    expect(spec.values[1]![0]).toBe(
      "Left out of the area total: 1 unit not matched between the sheets: Thành phố Ngã Bảy (in 'Kế hoạch', not in 'Thực hiện').",
    );
    expect(String(spec.values[2]![0])).toMatch(
      /the total row “Toàn tỉnh” says 13,000 for “BHXH tự nguyện”; the units add up to 13,796 \(a difference of 796\)/,
    );
  });

  it("with goals, the legend rows keep their colours after the notes", () => {
    const g = summarize(
      {
        targets: {
          name: "Kế hoạch",
          values: buildGrid({
            units: [...UNITS, "Thành phố Ngã Bảy"].map((n) => ({ name: n })),
            columns: [{ header: "BHXH tự nguyện", values: [...TARGET, 1500] }],
          }).grid,
        },
        actuals: sheet("Thực hiện", [
          { header: "BHYT", values: BHYT },
          { header: "BHXH TN", values: ACTUAL },
        ]),
        base: sheet("Dân số", [{ header: "Dân số", values: POP }]),
      },
      { goals: [{ indicator: "BHYT", category: null, rate: "95%" }] },
    );
    const spec = describeOutput(g)[0]!;
    expect(spec.values[1]![0]).toMatch(/^Không tính vào tổng toàn tỉnh: 1 đơn vị/);
    const legendRow = spec.highlights.find((h) => h.style === "belowGoal" && h.block.col === 0)!.rows[0]!;
    expect(spec.values[legendRow]![0]).toBe(labels("vi").legendGoal);
    const pinkRow = spec.highlights.find((h) => h.style === "belowAverage" && h.block.col === 0 && h.block.rows === 1)!.rows[0]!;
    expect(spec.values[pinkRow]![0]).toBe(labels("vi").legendBelowColour);
  });
});
