/**
 * Goals, groups and comparisons in the engine: same period last year, coverage without a count target, total social
 * insurance from its parts, rate goals (area, category, unit) and groups.
 */
import fc from "fast-check";
import { CellValue } from "../../src/core/grid";
import { summarize } from "../../src/core/summarize";
import { chitieuErrorOf } from "../helpers/errors";
import { withCode } from "../helpers/messages";
import { titledSheet } from "../helpers/grids";
import { resultOf, unitOf } from "../helpers/results";

const sheet = titledSheet;

const thrown = chitieuErrorOf;

const UNITS = ["Huyện A", "Huyện B", "Huyện C"];

describe("same period last year", () => {
  const actuals = sheet(
    "Thực hiện",
    ["STT", "Đơn vị", "BHYT"],
    [
      [1, "Huyện A", 220],
      [2, "Huyện B", 900],
      [3, "Huyện C", 50],
    ],
  );
  const targets = sheet(
    "Kế hoạch",
    ["STT", "Đơn vị", "BHYT"],
    [
      [1, "Huyện A", 250],
      [2, "Huyện B", 1000],
      [3, "Huyện C", 100],
    ],
  );

  it("gives each unit its previous count and growth, and the area Σ actual / Σ previous − 1", () => {
    const previous = sheet(
      "Cùng kỳ",
      ["STT", "Đơn vị", "Bảo hiểm y tế"],
      [
        [1, "H. A", 100],
        [2, "H. B", 1000],
        [3, "H. C", 0],
      ],
    );
    const s = summarize({ targets, actuals, base: null, previous });
    expect(s.sheets.previous).toBe("Cùng kỳ");
    const r = resultOf(s, "bhyt", "attainment");
    expect(unitOf(r, "Huyện A")).toMatchObject({ previous: 100, growth: 220 / 100 - 1 });
    expect(unitOf(r, "Huyện B").growth).toBeCloseTo(-0.1, 12);
    // A zero last year gives no growth and a warning naming the cell …
    expect(unitOf(r, "Huyện C")).toMatchObject({ previous: 0, growth: null });
    expect(withCode(s.warnings, "previous-zero").map((w) => [w.where, w.params.unit])).toEqual([[{ sheet: "Cùng kỳ", cell: "C6" }, "Huyện C"]]);
    // … while the area's growth is Σ/Σ over the units with both figures (the zero counts).
    expect(r.previousTotal).toBe(1100);
    expect(r.growth).toBe((220 + 900 + 50) / 1100 - 1);
    expect(r.source.previous).toMatchObject({ sheet: "Cùng kỳ", column: "C" });
  });

  it("a unit missing from last year's sheet keeps its results, without growth, and is reported", () => {
    const previous = sheet(
      "Cùng kỳ",
      ["STT", "Đơn vị", "BHYT"],
      [
        [1, "Huyện A", 200],
        [2, "Huyện B", 800],
      ],
    );
    const s = summarize({ targets, actuals, base: null, previous });
    const r = resultOf(s, "bhyt", "attainment");
    expect(r.units).toHaveLength(3);
    expect(unitOf(r, "Huyện C")).toMatchObject({ previous: null, growth: null });
    expect(s.unmatched).toContainEqual({ sheet: "Kế hoạch", unit: "Huyện C", missingFrom: ["Cùng kỳ"] });
    expect(r.growth).toBe((220 + 900) / 1000 - 1);
  });

  it("warns when last year's sheet lacks the indicator, and gives no growth", () => {
    const previous = sheet(
      "Cùng kỳ",
      ["STT", "Đơn vị", "BHTN"],
      [
        [1, "Huyện A", 1],
        [2, "Huyện B", 2],
        [3, "Huyện C", 3],
      ],
    );
    const s = summarize({ targets, actuals, base: null, previous });
    const r = resultOf(s, "bhyt", "attainment");
    expect(r.growth).toBeNull();
    expect(r.units.every((u) => u.previous === null && u.growth === null)).toBe(true);
    expect(withCode(s.warnings, "previous-indicator-missing")).toEqual([
      { code: "previous-indicator-missing", params: { indicator: { vi: "BHYT", en: "Health insurance" } }, where: { sheet: "Cùng kỳ" }, setting: "map" },
    ]);
  });

  it("without a previous sheet every growth field is null", () => {
    const s = summarize({ targets, actuals, base: null });
    expect(s.sheets.previous).toBeNull();
    const r = resultOf(s, "bhyt", "attainment");
    expect([r.growth, r.previousTotal]).toEqual([null, null]);
    expect(r.units.every((u) => u.previous === null && u.growth === null && u.goal === null && u.group === null)).toBe(true);
    expect(r.groups).toEqual([]);
  });
});

describe("coverage without a count target", () => {
  const actuals = sheet(
    "Thực hiện",
    ["STT", "Đơn vị", "BHYT"],
    UNITS.map((u, i) => [i + 1, u, 900 + i]),
  );
  const targets = sheet(
    "Kế hoạch",
    ["STT", "Đơn vị", "BHYT"],
    UNITS.map((u, i) => [i + 1, u, 1000]),
  );
  const base = sheet(
    "Dân số",
    ["STT", "Đơn vị", "Dân số"],
    UNITS.map((u, i) => [i + 1, u, 2000]),
  );

  it("actuals + base give coverage only; targets + actuals attainment only; all three both", () => {
    expect(summarize({ targets: null, actuals, base }).results.map((r) => r.measure)).toEqual(["coverage"]);
    expect(summarize({ targets, actuals, base: null }).results.map((r) => r.measure)).toEqual(["attainment"]);
    expect(summarize({ targets, actuals, base }).results.map((r) => r.measure)).toEqual(["attainment", "coverage"]);
  });

  it("with neither targets nor base, says one of them is needed", () => {
    const e = thrown(() => summarize({ targets: null, actuals, base: null }));
    expect([e.code, e.problem.code, e.problem.setting]).toEqual(["missing-sheet", "nothing-to-compare", "targets"]);
  });
});

describe("total social insurance", () => {
  const base = sheet(
    "Lao động",
    ["STT", "Đơn vị", "Lực lượng lao động"],
    UNITS.map((u, i) => [i + 1, u, 1000 * (i + 1)]),
  );

  it("is derived as BB + TN per unit when a sheet has both parts and no total, beside the parts, on the labour force", () => {
    const actuals = sheet(
      "Thực hiện",
      ["STT", "Đơn vị", "BHXH bắt buộc", "BHXH tự nguyện", "BHYT"],
      [
        [1, "Huyện A", 300, 20, 900],
        [2, "Huyện B", 500, 40, 1800],
        [3, "Huyện C", 700, null, 2500],
      ],
    );
    const s = summarize({ targets: null, actuals, base });
    expect(s.results.map((r) => r.indicatorKey)).toEqual(["bhxh-bb", "bhxh-tn", "bhxh"]);
    const r = resultOf(s, "bhxh", "coverage");
    expect(r.indicator).toBe("BHXH (bắt buộc + tự nguyện)");
    expect(r.denominatorKind).toBe("labourForce");
    expect(r.source.actual.column).toBe("C+D");
    expect(unitOf(r, "Huyện A").actual).toBe(320);
    expect(unitOf(r, "Huyện B").actual).toBe(540);
    // A missing part: no total for that unit, with a warning naming the cell.
    expect(unitOf(r, "Huyện C").actual).toBeNull();
    expect(withCode(s.warnings, "derived-total-missing-part").map((w) => [w.where, w.params.unit, w.params.total.vi])).toEqual([
      [{ sheet: "Thực hiện", cell: "D6" }, "Huyện C", "BHXH (bắt buộc + tự nguyện)"],
    ]);
    expect(r.overall).toBe((320 + 540) / (1000 + 2000));
    expect(s.detection.find((d) => d.role === "actuals")!.indicators).toContainEqual({
      indicator: "BHXH (bắt buộc + tự nguyện)",
      column: "C+D",
      header: "BHXH bắt buộc + BHXH tự nguyện",
    });
  });

  it('"BHXH" alone is the total: it matches a derived total, never one of the parts', () => {
    const targets = sheet(
      "Kế hoạch",
      ["STT", "Đơn vị", "Bảo hiểm xã hội"],
      UNITS.map((u, i) => [i + 1, u, 1000]),
    );
    const partsOnly = sheet(
      "Thực hiện",
      ["STT", "Đơn vị", "BHXH bắt buộc", "BHXH tự nguyện"],
      UNITS.map((u, i) => [i + 1, u, 600, 100 + i]),
    );
    const s = summarize({ targets, actuals: partsOnly, base: null });
    const r = resultOf(s, "bhxh", "attainment");
    expect(r.units.map((u) => u.actual)).toEqual([702, 701, 700]);
    expect(s.results.map((r) => r.indicatorKey)).toEqual(["bhxh"]);

    const compulsoryOnly = sheet(
      "Thực hiện",
      ["STT", "Đơn vị", "BHXH bắt buộc"],
      UNITS.map((u, i) => [i + 1, u, 600]),
    );
    expect(thrown(() => summarize({ targets, actuals: compulsoryOnly, base: null })).code).toBe("no-indicators");
  });

  it("is not derived when the sheet has its own total column", () => {
    const actuals = sheet(
      "Thực hiện",
      ["STT", "Đơn vị", "BHXH bắt buộc", "BHXH tự nguyện", "BHXH"],
      UNITS.map((u, i) => [i + 1, u, 300, 20, 999]),
    );
    const r = resultOf(summarize({ targets: null, actuals, base }), "bhxh", "coverage");
    expect(r.indicator).toBe("BHXH");
    expect(r.units.every((u) => u.actual === 999)).toBe(true);
  });
});

describe("rate goals", () => {
  const names = ["Xã Một", "Xã Hai", "Xã Ba", "Xã Bốn"];
  const base = (cats: string[], goalCol?: (number | null)[]) =>
    sheet(
      "Dân số",
      ["STT", "Tên xã", "Loại xã", "Dân số", ...(goalCol ? ["Tỷ lệ bao phủ BHYT giao (%)"] : [])],
      names.map((n, i) => [i + 1, n, cats[i]!, 5000, ...(goalCol ? [goalCol[i]!] : [])]),
    );
  const actuals = sheet(
    "Thực hiện",
    ["STT", "Tên xã", "BHYT"],
    [
      [1, "Xã Một", 4500], // 90%
      [2, "Xã Hai", 4700], // 94%
      [3, "Xã Ba", 4800], // 96%
      [4, "Xã Bốn", 4000], // 80%
    ],
  );
  const cats = ["NTM", "NTM nâng cao".normalize("NFD"), "  ntm   NÂNG CAO ", "Chưa đạt"];

  it("area-wide: each unit and the area get goal, goalGap and toGoal", () => {
    const s = summarize({ targets: null, actuals, base: base(cats) }, { goals: [{ indicator: "BHYT", category: null, rate: "93%" }] });
    const r = resultOf(s, "bhyt", "coverage");
    expect(r.goal).toBe(0.93);
    expect(r.goalGap).toBeCloseTo(r.overall! - 0.93, 15);
    expect(r.toGoal).toBe(Math.ceil(0.93 * 20000 - 18000));
    expect(unitOf(r, "Xã Một")).toMatchObject({ goal: 0.93, goalFrom: "area", toGoal: 150, belowGoal: true });
    expect(unitOf(r, "Xã Ba")).toMatchObject({ toGoal: 0, belowGoal: false });
    expect(unitOf(r, "Xã Ba").goalGap).toBeCloseTo(0.03, 12);
  });

  it("by category, insensitive to case, spacing and Unicode form; 'NTM' never matches 'NTM nâng cao'", () => {
    const s = summarize(
      { targets: null, actuals, base: base(cats) },
      {
        goals: [
          { indicator: "BHYT", category: "NTM", rate: "90%" },
          { indicator: "bảo hiểm y tế", category: "NTM nâng cao", rate: "95" },
        ],
      },
    );
    const r = resultOf(s, "bhyt", "coverage");
    expect(unitOf(r, "Xã Một")).toMatchObject({ goal: 0.9, goalFrom: "category", toGoal: 0, belowGoal: false, category: "NTM" });
    expect(unitOf(r, "Xã Hai")).toMatchObject({ goal: 0.95, goalFrom: "category", toGoal: 50, belowGoal: true });
    expect(unitOf(r, "Xã Ba")).toMatchObject({ goal: 0.95, toGoal: 0 });
    expect(unitOf(r, "Xã Bốn")).toMatchObject({ goal: null, goalGap: null, toGoal: null, belowGoal: false });
    // No area-wide goal: the area has none.
    expect([r.goal, r.goalGap, r.toGoal]).toEqual([null, null, null]);
    expect(s.categories).toMatchObject({ sheet: "Dân số", column: "C", header: "Loại xã" });
    expect(s.categories!.values).toEqual(["NTM", "NTM nâng cao", "Chưa đạt"]);
  });

  it("a unit's own goal (goal column) beats its category's, which beats the area-wide one", () => {
    const s = summarize(
      { targets: null, actuals, base: base(cats, [97, null, null, null]) },
      {
        goals: [
          { indicator: "BHYT", category: "NTM", rate: "90%" },
          { indicator: "BHYT", category: null, rate: "85%" },
        ],
      },
    );
    const r = resultOf(s, "bhyt", "coverage");
    expect(unitOf(r, "Xã Một")).toMatchObject({ goal: 0.97, goalFrom: "unit", toGoal: 350 });
    expect(unitOf(r, "Xã Hai")).toMatchObject({ goal: 0.85, goalFrom: "area" });
    expect(r.goal).toBe(0.85);
    expect(s.detection.find((d) => d.role === "base")!.indicators).toContainEqual({
      indicator: "Mục tiêu BHYT",
      column: "E",
      header: "Tỷ lệ bao phủ BHYT giao (%)",
    });
  });

  it("reads a goal column as fractions or percentages", () => {
    const s = summarize({ targets: null, actuals, base: base(cats, [0.9, 0.95, null, "90%" as unknown as number]) });
    const r = resultOf(s, "bhyt", "coverage");
    expect(r.units.map((u) => [u.unit, u.goal])).toEqual(
      expect.arrayContaining([
        ["Xã Một", 0.9],
        ["Xã Hai", 0.95],
        ["Xã Ba", null],
        ["Xã Bốn", 0.9],
      ]),
    );
  });

  it("names the category column with --category", () => {
    const b = sheet(
      "Dân số",
      ["STT", "Tên xã", "Hạng xã", "Dân số"],
      names.map((n, i) => [i + 1, n, cats[i]!, 5000]),
    );
    const s = summarize({ targets: null, actuals, base: b }, { goals: [{ indicator: "BHYT", category: "NTM", rate: "90%" }], category: "hạng xã" });
    expect(unitOf(resultOf(s, "bhyt", "coverage"), "Xã Một").goal).toBe(0.9);
    const e = thrown(() => summarize({ targets: null, actuals, base: b }, { category: "Loại" }));
    expect(e.code).toBe("bad-option");
    expect(e.problem).toEqual({
      code: "category-column-not-found",
      params: { header: "Loại", sheets: ["Thực hiện", "Dân số"], found: [{ sheet: "Dân số", column: "C", header: "Hạng xã" }] },
      setting: "category",
    });
  });

  it("errors: unknown indicator lists those found; no base sheet; no category column; unknown category; twice", () => {
    const targets = sheet(
      "Kế hoạch",
      ["STT", "Tên xã", "BHYT"],
      names.map((n, i) => [i + 1, n, 5000]),
    );
    const b = base(cats);
    const e1 = thrown(() => summarize({ targets: null, actuals, base: b }, { goals: [{ indicator: "BHXH", category: null, rate: "29%" }] }));
    expect(e1.code).toBe("goal-not-applicable");
    expect(e1.problem).toEqual({
      code: "goal-unknown-indicator",
      params: { indicator: "BHXH", category: null, found: ["BHYT"] },
      where: { sheet: "Thực hiện" },
      setting: "goal",
    });
    // A coverage goal with no population sheet (a goal naming no measure would be taken against the plan).
    const e2 = thrown(() => summarize({ targets, actuals, base: null }, { goals: [{ indicator: "BHYT", category: null, rate: "93%", measure: "coverage" }] }));
    expect([e2.code, e2.problem.code, e2.problem.params, e2.problem.setting]).toEqual([
      "missing-sheet",
      "goal-needs-base",
      { indicator: "BHYT", category: null, measure: "coverage", rate: 0.93 },
      "base",
    ]);
    const noCat = sheet(
      "Dân số",
      ["STT", "Tên xã", "Dân số"],
      names.map((n, i) => [i + 1, n, 5000]),
    );
    const e3 = thrown(() => summarize({ targets: null, actuals, base: noCat }, { goals: [{ indicator: "BHYT", category: "NTM", rate: "90%" }] }));
    expect(e3.problem).toEqual({
      code: "goal-needs-category-column",
      params: { indicator: "BHYT", category: "NTM", sheets: ["Thực hiện", "Dân số"], columns: [] },
      setting: "category",
    });
    const e4 = thrown(() => summarize({ targets: null, actuals, base: b }, { goals: [{ indicator: "BHYT", category: "NTM kiểu mẫu", rate: "90%" }] }));
    expect(e4.problem).toEqual({
      code: "goal-unknown-category",
      params: { indicator: "BHYT", category: "NTM kiểu mẫu", header: "Loại xã", values: ["NTM", "NTM nâng cao", "Chưa đạt"] },
      where: { sheet: "Dân số", column: "C" },
      setting: "goal",
    });
    const twice = (category: string | null) =>
      thrown(() =>
        summarize(
          { targets: null, actuals, base: b },
          {
            goals: [
              { indicator: "BHYT", category, rate: "90%" },
              { indicator: "BHYT", category, rate: "93%" },
            ],
          },
        ),
      ).problem;
    expect(twice(null)).toEqual({ code: "goal-twice", params: { indicator: "BHYT", category: null }, setting: "goal" });
    expect(twice("NTM")).toEqual({ code: "goal-twice", params: { indicator: "BHYT", category: "NTM" }, setting: "goal" });
    // A rate that is no rate is named first, whatever else is missing (here: the base sheet).
    const e5 = thrown(() => summarize({ targets, actuals, base: null }, { goals: [{ indicator: "BHYT", category: null, rate: "9x%" }] }));
    expect([e5.code, e5.problem.code, e5.problem.setting]).toEqual(["bad-option", "goal-not-a-rate", "goal"]);
  });

  it("a goal for an indicator whose base is missing says which column to add", () => {
    const a = sheet(
      "Thực hiện",
      ["STT", "Tên xã", "BHXH tự nguyện", "BHYT"],
      names.map((n, i) => [i + 1, n, 10, 4000]),
    );
    const e = thrown(() => summarize({ targets: null, actuals: a, base: base(cats) }, { goals: [{ indicator: "BHXH TN", category: null, rate: "5%" }] }));
    expect(e.code).toBe("goal-not-applicable");
    expect(e.problem).toEqual({
      code: "goal-without-base-column",
      params: { indicator: "BHXH TN", category: null, base: "labourForce" },
      where: { sheet: "Dân số" },
      setting: "goal",
    });
  });

  it("a goal cell that is no rate, and a goal column with no coverage result, are warnings naming the cell and the column", () => {
    const s = summarize({ targets: null, actuals, base: base(cats, [90, 150, null, "nhiều" as unknown as number]) });
    expect(withCode(s.warnings, "goal-cell-not-a-rate").map((w) => [w.where, w.params])).toEqual([
      [
        { sheet: "Dân số", cell: "E5" },
        { value: 150, unit: "Xã Hai", indicator: "BHYT" },
      ],
    ]);
    const t = sheet(
      "Kế hoạch",
      ["STT", "Tên xã", "BHXH tự nguyện", "Tỷ lệ bao phủ BHXH tự nguyện giao (%)"],
      names.map((n, i) => [i + 1, n, 50, 5]),
    );
    const a = sheet(
      "Thực hiện",
      ["STT", "Tên xã", "BHXH tự nguyện"],
      names.map((n, i) => [i + 1, n, 40]),
    );
    const s2 = summarize({ targets: t, actuals: a, base: null });
    expect(withCode(s2.warnings, "goal-column-unused").map((w) => [w.where, w.params])).toEqual([
      [
        { sheet: "Kế hoạch", column: "D" },
        { header: "Tỷ lệ bao phủ BHXH tự nguyện giao (%)", indicator: "BHXH tự nguyện" },
      ],
    ]);
  });
});

describe("groups", () => {
  it("group rows put the units below them into groups; subtotal rows are never units", () => {
    const targets = sheet(
      "Kế hoạch",
      ["STT", "Đơn vị", "BHYT"],
      [
        ["I", "Các quận", 3000],
        [1, "Quận Một", 1000],
        [2, "Quận Hai", 2000],
        ["II", "Các huyện", 999], // a wrong subtotal: warned about, never counted
        [3, "Huyện Ba", 4000],
        [4, "Huyện Bốn", 1000],
      ],
    );
    const actuals = sheet(
      "Thực hiện",
      ["STT", "Đơn vị", "BHYT"],
      [
        [1, "Q. Một", 900],
        [2, "Q. Hai", 1000],
        [3, "H. Ba", 3800],
        [4, "H. Bốn", 500],
      ],
    );
    const s = summarize({ targets, actuals, base: null });
    expect(s.unitNames).toEqual(["Quận Một", "Quận Hai", "Huyện Ba", "Huyện Bốn"]);
    expect(s.grouping).toEqual({ source: "rows", sheet: "Kế hoạch", header: null, groups: ["Các quận", "Các huyện"] });
    const r = resultOf(s, "bhyt", "attainment");
    expect(r.actualTotal).toBe(6200);
    expect(r.denominatorTotal).toBe(8000);
    expect(r.groups).toEqual([
      { group: "Các huyện", actual: 4300, denominator: 5000, ratio: 4300 / 5000, rank: 1, belowAverage: false, unitCount: 2 },
      { group: "Các quận", actual: 1900, denominator: 3000, ratio: 1900 / 3000, rank: 2, belowAverage: true, unitCount: 2 },
    ]);
    expect(r.units.map((u) => [u.unit, u.group, u.groupRank])).toEqual([
      ["Huyện Ba", "Các huyện", 1],
      ["Quận Một", "Các quận", 1],
      // Tied at 50%: sheet order.
      ["Quận Hai", "Các quận", 2],
      ["Huyện Bốn", "Các huyện", 2],
    ]);
    expect(withCode(s.warnings, "subtotal-mismatch").map((w) => w.params.group)).toContain("Các huyện");
  });

  it("a parent column (Huyện) in a commune-level sheet groups the communes, even left of the commune names", () => {
    const actuals = sheet(
      "Thực hiện",
      ["STT", "Huyện", "Tên xã", "BHYT"],
      [
        [1, "Huyện Một", "Xã A", 90],
        [2, "Huyện Một", "Xã B", 80],
        [3, "HUYỆN HAI", "Xã C", 70],
      ],
    );
    const base = sheet(
      "Dân số",
      ["STT", "Tên xã", "Dân số"],
      [
        [1, "Xã A", 100],
        [2, "Xã B", 100],
        [3, "Xã C", 100],
      ],
    );
    const s = summarize({ targets: null, actuals, base });
    expect(s.unitNames).toEqual(["Xã A", "Xã B", "Xã C"]);
    expect(s.grouping).toMatchObject({ source: "column", sheet: "Thực hiện", header: "Huyện", groups: ["Huyện Một", "HUYỆN HAI"] });
    const r = resultOf(s, "bhyt", "coverage");
    expect(r.groups.map((g) => [g.group, g.ratio, g.rank])).toEqual([
      ["Huyện Một", 170 / 200, 1],
      ["HUYỆN HAI", 70 / 100, 2],
    ]);
  });

  it("--group-by names the column", () => {
    const actuals = sheet(
      "Thực hiện",
      ["STT", "Tên xã", "Cụm", "BHYT"],
      [
        [1, "Xã A", "Cụm 1", 90],
        [2, "Xã B", "Cụm 2", 80],
        [3, "Xã C", "cụm 1", 70],
      ],
    );
    const base = sheet(
      "Dân số",
      ["STT", "Tên xã", "Dân số"],
      [
        [1, "Xã A", 100],
        [2, "Xã B", 100],
        [3, "Xã C", 100],
      ],
    );
    const s = summarize({ targets: null, actuals, base }, { groupBy: "cụm" });
    const r = resultOf(s, "bhyt", "coverage");
    expect(r.groups.map((g) => [g.group, g.actual, g.denominator])).toEqual([
      ["Cụm 1", 160, 200],
      ["Cụm 2", 80, 100],
    ]);
    expect(thrown(() => summarize({ targets: null, actuals, base }, { groupBy: "Huyện" })).problem).toMatchObject({
      code: "group-column-not-found",
      params: { header: "Huyện" },
      setting: "groupBy",
    });
  });
});

describe("groups (property)", () => {
  it("subtotal rows are never units; group sums partition the area's sums", () => {
    const unitArb = fc.record({ target: fc.integer({ min: 1, max: 1e6 }), actual: fc.integer({ min: 0, max: 1e6 }), second: fc.boolean() });
    fc.assert(
      fc.property(fc.array(unitArb, { minLength: 2, maxLength: 12 }), fc.integer({ min: 0, max: 1e7 }), (us, wrongSubtotal) => {
        const first = us.filter((u) => !u.second);
        const second = us.filter((u) => u.second);
        const rows: CellValue[][] = [];
        let n = 0;
        const name = (i: number) => `Đơn vị số ${i}`;
        for (const [label, members, roman] of [
          ["Các quận", first, "I"],
          ["Các huyện", second, "II"],
        ] as const) {
          if (members.length === 0) continue;
          rows.push([roman, label, wrongSubtotal]);
          for (const m of members) rows.push([++n, name(n), m.target]);
        }
        const ordered = [...first, ...second];
        const targets = sheet("Kế hoạch", ["STT", "Đơn vị", "BHYT"], rows);
        const actuals = sheet(
          "Thực hiện",
          ["STT", "Đơn vị", "BHYT"],
          ordered.map((m, i) => [i + 1, name(i + 1), m.actual]),
        );
        const s = summarize({ targets, actuals, base: null });
        expect(s.unitNames).toHaveLength(us.length);
        const r = s.results[0]!;
        expect(r.actualTotal).toBe(us.reduce((t, u) => t + u.actual, 0));
        expect(r.denominatorTotal).toBe(us.reduce((t, u) => t + u.target, 0));
        expect(r.groups.reduce((t, g) => t + g.actual, 0)).toBe(r.actualTotal);
        expect(r.groups.reduce((t, g) => t + g.denominator, 0)).toBe(r.denominatorTotal);
        for (const g of r.groups) expect(g.ratio).toBe(g.actual / g.denominator);
      }),
      { numRuns: 60 },
    );
  });
});
