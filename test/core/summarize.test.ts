import { SheetGrid } from "../../src/core/grid";
import { summarize } from "../../src/core/summarize";
import { chitieuErrorOf } from "../helpers/errors";
import { codes, withCode } from "../helpers/messages";
import { Layout, buildGrid } from "../helpers/grids";
import { resultOf } from "../helpers/results";

function grid(name: string, layout: Layout): SheetGrid {
  return { name, values: buildGrid(layout).grid };
}

const HG = [
  { t: "Thành phố Vị Thanh", a: "TP. Vị Thanh", target: 2600, actual: 2010 },
  { t: "Thị xã Long Mỹ", a: "TX. Long Mỹ", target: 1900, actual: 1420 },
  { t: "Huyện Vị Thủy", a: "H. Vị Thuỷ", target: 2096, actual: 951 },
  { t: "Huyện Long Mỹ", a: "H.Long Mỹ", target: 2500, actual: 1331 },
];

describe("summarize", () => {
  const targets = grid("Kế hoạch", {
    groupHeader: "Chỉ tiêu giao năm 2022",
    units: HG.map((u) => ({ name: u.t })),
    columns: [{ header: "BHXH tự nguyện", values: HG.map((u) => u.target) }],
    total: { label: "Toàn tỉnh", position: "bottom" },
  });
  const actuals = grid("Thực hiện", {
    units: [...HG].reverse().map((u) => ({ name: u.a })),
    columns: [{ header: "Số người tham gia bảo hiểm xã hội tự nguyện", values: [...HG].reverse().map((u) => u.actual) }],
    viText: true,
  });

  it("matches units and indicators across sheets and computes attainment, gap, rank and the area rate", () => {
    const s = summarize({ targets, actuals, base: null });
    expect(s.sheets).toMatchObject({ targets: "Kế hoạch", actuals: "Thực hiện", base: null });
    expect(s.unitNames).toEqual(HG.map((u) => u.t));
    expect(s.unmatched).toEqual([]);
    const r = resultOf(s, "bhxh-tn");
    expect(r.indicator).toBe("BHXH tự nguyện");
    expect(r.overall).toBe((2010 + 1420 + 951 + 1331) / (2600 + 1900 + 2096 + 2500));
    expect(r.average).toBe(r.overall);
    expect(r.units.map((u) => [u.unit, u.rank, u.belowAverage])).toEqual([
      ["Thành phố Vị Thanh", 1, false],
      ["Thị xã Long Mỹ", 2, false],
      ["Huyện Long Mỹ", 3, true],
      ["Huyện Vị Thủy", 4, true],
    ]);
    const vt = r.units.find((u) => u.unit === "Huyện Vị Thủy")!;
    expect(vt).toMatchObject({ unit: "Huyện Vị Thủy", actual: 951, denominator: 2096, ratio: 951 / 2096, gap: 1145, rank: 4, belowAverage: true });
    expect(r.source.actual).toEqual({ sheet: "Thực hiện", column: "C", header: "Số người tham gia bảo hiểm xã hội tự nguyện" });
    expect(r.source.denominator.sheet).toBe("Kế hoạch");
    expect(s.totalLabel).toBe("Toàn tỉnh");
  });

  it("compares with the mean of the unit rates when asked, and says so", () => {
    const s = summarize({ targets, actuals, base: null }, { average: "mean" });
    expect(s.average).toBe("mean");
    const r = resultOf(s, "bhxh-tn");
    const mean = HG.reduce((a, u) => a + u.actual / u.target, 0) / HG.length;
    expect(r.average).toBeCloseTo(mean, 15);
    expect(r.overall).not.toBeCloseTo(mean, 6);
  });

  it("dense ranking as an option", () => {
    const t = grid("KH", { units: ["Xã A", "Xã B", "Xã C", "Xã D"].map((name) => ({ name })), columns: [{ header: "BHYT", values: [10, 10, 10, 10] }] });
    const a = grid("TH", { units: ["Xã A", "Xã B", "Xã C", "Xã D"].map((name) => ({ name })), columns: [{ header: "BHYT", values: [9, 8, 8, 7] }] });
    expect(resultOf(summarize({ targets: t, actuals: a, base: null }), "bhyt").units.map((u) => u.rank)).toEqual([1, 2, 2, 4]);
    expect(resultOf(summarize({ targets: t, actuals: a, base: null }, { rank: "dense" }), "bhyt").units.map((u) => u.rank)).toEqual([1, 2, 2, 3]);
  });

  it("coverage against a base sheet: BHYT over population, the others over the labour force", () => {
    const names = ["Huyện A", "Huyện B"];
    const a = grid("TH", {
      units: names.map((name) => ({ name })),
      columns: [
        { header: "BHYT", values: [90, 40] },
        { header: "BHXH BB", values: [10, 20] },
      ],
    });
    const b = grid("Dân số", {
      units: names.map((name) => ({ name: name.toUpperCase() })),
      columns: [
        { header: "Lực lượng lao động", values: [50, 100] },
        { header: "Dân số", values: [100, 50] },
      ],
    });
    const s = summarize({ targets: null, actuals: a, base: b });
    expect(s.sheets.base).toBe("Dân số");
    const yt = resultOf(s, "bhyt", "coverage");
    expect(yt.denominatorKind).toBe("population");
    expect(yt.units.map((u) => [u.unit, u.ratio])).toEqual([
      ["Huyện A", 0.9],
      ["Huyện B", 0.8],
    ]);
    const bb = resultOf(s, "bhxh-bb", "coverage");
    expect(bb.denominatorKind).toBe("labourForce");
    expect(bb.overall).toBe(30 / 150);
  });

  it("matches a custom indicator by its header text across sheets", () => {
    const names = ["Huyện A", "Huyện B"];
    const t = grid("KH", {
      groupHeader: "Kế hoạch năm 2024",
      units: names.map((name) => ({ name })),
      columns: [{ header: "Số tiền thu (triệu đồng)", values: [100, 200] }],
    });
    const a = grid("TH", {
      groupHeader: "Thực hiện 4 tháng",
      units: names.map((name) => ({ name })),
      columns: [{ header: "Số tiền thu (triệu đồng)", values: [50, 150] }],
    });
    const s = summarize({ targets: t, actuals: a, base: null });
    expect(s.results).toHaveLength(1);
    expect(s.results[0]!.indicator).toBe("Số tiền thu (triệu đồng)");
    expect(s.results[0]!.overall).toBe(200 / 300);
  });

  it("an override maps a column to an indicator, or ignores it", () => {
    const names = ["Huyện A", "Huyện B"];
    const t = grid("KH", {
      units: names.map((name) => ({ name })),
      columns: [
        { header: "Cột 1", values: [100, 200] },
        { header: "BHYT", values: [1, 2] },
      ],
    });
    const a = grid("TH", {
      units: names.map((name) => ({ name })),
      columns: [
        { header: "Người tham gia", values: [50, 150] },
        { header: "BHYT", values: [1, 1] },
      ],
    });
    const s = summarize(
      { targets: t, actuals: a, base: null },
      {
        overrides: [
          { sheet: "targets", column: "C", indicator: "BHXH TN" },
          { sheet: "actuals", column: "Người tham gia", indicator: "BHXH tự nguyện" },
          { sheet: "actuals", column: "D", indicator: "-" },
        ],
      },
    );
    expect(s.results.map((r) => r.indicatorKey)).toEqual(["bhxh-tn"]);
    expect(s.results[0]!.overall).toBe(200 / 300);
    const det = s.detection.find((d) => d.role === "actuals")!;
    expect(det.ignoredColumns).toContainEqual({
      column: "D",
      header: "BHYT",
      why: "bỏ qua theo ánh xạ",
      because: { code: "column-ignored-by-map", params: {} },
    });
  });

  it("reports units found in one sheet only, and never drops them silently", () => {
    const t = grid("KH", { units: ["Huyện A", "Huyện B", "Huyện C"].map((name) => ({ name })), columns: [{ header: "BHYT", values: [1, 2, 3] }] });
    const a = grid("TH", { units: ["H. A", "H. C", "H. D"].map((name) => ({ name })), columns: [{ header: "BHYT", values: [1, 2, 3] }] });
    const s = summarize({ targets: t, actuals: a, base: null });
    expect(s.unitNames).toEqual(["Huyện A", "Huyện C"]);
    expect(s.unmatched).toEqual(
      expect.arrayContaining([
        { sheet: "KH", unit: "Huyện B", missingFrom: ["TH"] },
        { sheet: "TH", unit: "H. D", missingFrom: ["KH"] },
      ]),
    );
    expect(s.unmatched).toHaveLength(2);
  });

  it("a bare name that could be two units is unmatched with a warning saying to write the prefix", () => {
    const t = grid("KH", { units: ["Huyện Long Mỹ", "Thị xã Long Mỹ"].map((name) => ({ name })), columns: [{ header: "BHYT", values: [1, 2] }] });
    const a = grid("TH", { units: ["H. Long Mỹ", "Long Mỹ"].map((name) => ({ name })), columns: [{ header: "BHYT", values: [1, 2] }] });
    const s = summarize({ targets: t, actuals: a, base: null });
    expect(s.unitNames).toEqual(["Huyện Long Mỹ"]);
    expect(s.unmatched.map((u) => u.unit).sort()).toEqual(["Long Mỹ", "Thị xã Long Mỹ"]);
    expect(s.warnings).toEqual([{ code: "unit-ambiguous-between-sheets", params: { unit: "Long Mỹ", sheet: "KH", other: "TH" }, where: { sheet: "TH" } }]);
  });

  it("a zero target gives no rate, no rank, a place at the end and a warning naming the cell", () => {
    const t = grid("KH", { units: ["Xã A", "Xã B", "Xã C"].map((name) => ({ name })), columns: [{ header: "BHYT", values: [0, 10, 10] }] });
    const a = grid("TH", { units: ["Xã A", "Xã B", "Xã C"].map((name) => ({ name })), columns: [{ header: "BHYT", values: [5, 5, 8] }] });
    const s = summarize({ targets: t, actuals: a, base: null });
    const r = resultOf(s, "bhyt");
    expect(r.units.map((u) => [u.unit, u.ratio, u.rank])).toEqual([
      ["Xã C", 0.8, 1],
      ["Xã B", 0.5, 2],
      ["Xã A", null, null],
    ]);
    expect(r.units[2]!.belowAverage).toBe(false);
    expect(r.overall).toBe(18 / 20);
    expect(s.warnings).toEqual([
      {
        code: "zero-denominator",
        params: { unit: "Xã A", kind: "target", indicator: { vi: "BHYT", en: r.indicatorEn } },
        where: { sheet: "KH", cell: expect.stringMatching(/^C\d+$/) },
      },
    ]);
  });

  it("all targets zero: no area rate and a warning, never NaN", () => {
    const t = grid("KH", { units: ["Xã A", "Xã B"].map((name) => ({ name })), columns: [{ header: "BHYT", values: [0, 0] }] });
    const a = grid("TH", { units: ["Xã A", "Xã B"].map((name) => ({ name })), columns: [{ header: "BHYT", values: [5, 0] }] });
    const s = summarize({ targets: t, actuals: a, base: null });
    const r = resultOf(s, "bhyt");
    expect(r.overall).toBeNull();
    expect(r.average).toBeNull();
    expect(r.units.every((u) => u.ratio === null && u.rank === null && !u.belowAverage)).toBe(true);
    expect(codes(s.warnings)).toEqual(["zero-denominator", "zero-denominator", "denominators-sum-zero"]);
    expect(withCode(s.warnings, "denominators-sum-zero")[0]!.params).toEqual({
      indicator: { vi: "BHYT", en: r.indicatorEn },
      measure: "attainment",
      kind: "target",
    });
  });

  describe("errors", () => {
    const t = grid("KH", { units: ["Xã A", "Xã B"].map((name) => ({ name })), columns: [{ header: "BHYT", values: [1, 2] }] });
    const err = chitieuErrorOf;
    it("neither targets nor base", () => {
      const e = err(() => summarize({ targets: null, actuals: t, base: null }));
      expect(e.code).toBe("missing-sheet");
      expect(e.problem).toMatchObject({ code: "nothing-to-compare", where: { sheet: "KH" } });
    });
    it("a duplicate unit names both rows", () => {
      const b = buildGrid({ units: ["Xã A", "Xã B", "X. A"].map((name) => ({ name })), columns: [{ header: "BHYT", values: [1, 2, 3] }] });
      const e = err(() => summarize({ targets: t, actuals: { name: "TH", values: b.grid }, base: null }));
      expect(e.code).toBe("duplicate-unit");
      expect(e.problem).toMatchObject({ code: "duplicate-unit", where: { sheet: "TH", row: b.unitRows[2]! + 1 }, params: { firstRow: b.unitRows[0]! + 1 } });
    });
    it("no indicator in common lists the headers found", () => {
      const a = grid("TH", { units: ["Xã A", "Xã B"].map((name) => ({ name })), columns: [{ header: "BHTN", values: [1, 2] }] });
      const e = err(() => summarize({ targets: t, actuals: a, base: null }));
      expect(e.code).toBe("no-indicators");
      expect(e.problem.code).toBe("no-indicator-in-common");
      expect(withCode([e.problem], "no-indicator-in-common")[0]!.params.sheets.map((x) => [x.sheet, x.headers])).toEqual([
        ["KH", ["BHYT"]],
        ["TH", ["BHTN"]],
      ]);
    });
    it("a header with no unit rows under it", () => {
      const e = err(() =>
        summarize({
          targets: t,
          actuals: {
            name: "TH",
            values: [
              ["STT", "Đơn vị", "BHYT"],
              ["", "Tổng cộng", 5],
            ],
          },
          base: null,
        }),
      );
      expect(["no-units", "no-table"]).toContain(e.code);
      expect(e.message).toContain("'TH'");
    });
  });
});
