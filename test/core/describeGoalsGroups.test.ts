/** Goals, groups and growth in the summary sheets: growth, goal and group columns, the groups table, the belowGoal highlight. */
import { describeOutput } from "../../src/core/describe";
import { labels } from "../../src/core/i18n";
import { SheetSpec } from "../../src/core/sheetSpec";
import { summarize } from "../../src/core/summarize";
import { titledSheet } from "../helpers/grids";

const sheet = titledSheet;

const targets = sheet(
  "Kế hoạch",
  ["STT", "Đơn vị", "Loại", "BHYT"],
  [
    ["I", "Các quận", null, null],
    [1, "Quận Một", "NTM", 1000],
    [2, "Quận Hai", "NTM nâng cao", 2000],
    ["II", "Các huyện", null, null],
    [3, "Huyện Ba", "NTM", 4000],
    [4, "Huyện Bốn", "NTM nâng cao", 1000],
  ],
);
const actuals = sheet(
  "Thực hiện",
  ["STT", "Đơn vị", "BHYT"],
  [
    [1, "Quận Một", 900],
    [2, "Quận Hai", 1900],
    [3, "Huyện Ba", 3800],
    [4, "Huyện Bốn", 500],
  ],
);
const previous = sheet(
  "Cùng kỳ",
  ["STT", "Đơn vị", "BHYT"],
  [
    [1, "Quận Một", 800],
    [2, "Quận Hai", 1700],
    [3, "Huyện Ba", 3900],
    [4, "Huyện Bốn", 450],
  ],
);
const base = sheet(
  "Dân số",
  ["STT", "Đơn vị", "Dân số"],
  [
    [1, "Quận Một", 1000],
    [2, "Quận Hai", 2000],
    [3, "Huyện Ba", 4000],
    [4, "Huyện Bốn", 1000],
  ],
);

const L = labels("vi");

/** Every highlight with a mark: its rows are exactly the rows of its block whose mark cell holds the text. */
function checkMarks(spec: SheetSpec): void {
  for (const h of spec.highlights) {
    if (!h.mark) continue;
    const expected: number[] = [];
    for (let r = h.block.row; r < h.block.row + h.block.rows; r++) if (spec.values[r]?.[h.mark.col] === h.mark.text) expected.push(r);
    expect([...h.rows].sort((a, b) => a - b)).toEqual(expected);
    expect(h.mark.col).toBeGreaterThanOrEqual(h.block.col);
    expect(h.mark.col).toBeLessThan(h.block.col + h.block.cols);
  }
}

describe("summary sheets with growth, goal and group columns", () => {
  const s = summarize(
    { targets, actuals, base, previous },
    {
      goals: [
        { indicator: "BHYT", category: "NTM", rate: "90%" },
        { indicator: "BHYT", category: "NTM nâng cao", rate: "95%" },
      ],
    },
  );
  const specs = describeOutput(s, { lang: "vi" });
  const ov = specs[0]!;

  it("the overview gains cùng kỳ and growth on each result, and goal columns where goals apply", () => {
    const h2 = ov.values[5]!;
    // Attainment: 5 + growth 2; coverage: 5 + growth 2 + goal 4.
    expect(h2.slice(2, 9)).toEqual([L.actual, L.denominator("target"), L.rate, L.rank, L.below, L.previous, L.growth]);
    expect(h2.slice(9)).toEqual([
      L.actual,
      L.denominator("population"),
      L.rate,
      L.rank,
      L.below,
      L.previous,
      L.growth,
      L.goal,
      L.goalGap,
      L.toGoal,
      L.belowGoal,
    ]);
    expect(ov.width).toBe(2 + 7 + 11);
    expect(ov.columnFormats).toHaveLength(ov.width);
    expect(ov.columnWidths).toHaveLength(ov.width);
    // Quận Hai: 1900 of 2000 = 95% coverage, goal 95% (NTM nâng cao): 0 to enrol; Huyện Bốn 50%: 450 to enrol.
    const quanHai = ov.values[7]!;
    expect(quanHai[1]).toBe("Quận Hai");
    expect(quanHai.slice(16)).toEqual([0.95, 0, 0, null]);
    const bon = ov.values[9]!;
    expect(bon.slice(16)).toEqual([0.95, (0.5 - 0.95) * 100, 450, L.belowGoalMark]);
    expect(bon[14]).toBe(450); // previous
    expect(bon[15]).toBeCloseTo(500 / 450 - 1, 12);
  });

  it("paints below-goal units in their own style, distinct from below-average, with a legend saying which is which", () => {
    const goalHl = ov.highlights.filter((h) => h.style === "belowGoal" && h.mark);
    expect(goalHl).toHaveLength(1);
    expect(goalHl[0]!.rows).toEqual([9]);
    expect(ov.values[2]).toEqual([L.legendBelowColour]);
    expect(ov.values[3]).toEqual([L.legendGoal]);
    expect(ov.highlights).toContainEqual({ style: "belowGoal", block: { row: 3, col: 0, rows: 1, cols: 1 }, rows: [3] });
    for (const spec of specs) checkMarks(spec);
  });

  it("the overview has a table of the groups: Σ/Σ, rank and below-average mark per result", () => {
    const title = ov.values.findIndex((row) => row[1] === L.groupsTitle);
    expect(title).toBeGreaterThan(6 + 4 + 1);
    const quan = ov.values[title + 1]!;
    const huyen = ov.values[title + 2]!;
    expect(quan.slice(0, 2)).toEqual([1, "Các quận"]);
    expect(huyen.slice(0, 2)).toEqual([2, "Các huyện"]);
    // Attainment: quận 2800/3000, huyện 4300/5000 (below the area's 7100/8000).
    expect(quan.slice(2, 7)).toEqual([2800, 3000, 2800 / 3000, 1, null]);
    expect(huyen.slice(2, 7)).toEqual([4300, 5000, 4300 / 5000, 2, L.belowMark]);
    expect(ov.values.length).toBe(title + 3);
  });

  it("ranked sheets keep their nine columns and add cùng kỳ, growth, goal and group columns after them", () => {
    const cov = specs.find((x) => x.key === "ranked:bhyt:coverage")!;
    const header = cov.values[4]!;
    expect(header.slice(9)).toEqual([L.previous, L.growth, L.goal, L.goalGap, L.toGoal, L.belowGoal, L.group, L.groupRank]);
    expect(cov.width).toBe(17);
    expect(cov.columnFormats).toHaveLength(17);
    expect(cov.table!.range.cols).toBe(17);
    expect(cov.chart!.bars.values.col).toBe(4);
    expect(cov.chart!.line!.values.col).toBe(8);
    const bon = cov.values.find((row) => row[1] === "Huyện Bốn")!;
    expect(bon.slice(9)).toEqual([450, 500 / 450 - 1, 0.95, (0.5 - 0.95) * 100, 450, L.belowGoalMark, "Các huyện", 2]);
    expect(cov.values[2]![0]).toBe(L.legendBelowColour);
    expect(cov.values[2]![11]).toBe(L.legendGoal);
    const att = specs.find((x) => x.key === "ranked:bhyt:attainment")!;
    expect(att.values[4]!.slice(9)).toEqual([L.previous, L.growth, L.group, L.groupRank]);
    expect(att.values[2]).toEqual([L.legendBelow]);
  });

  it("without growth, goals or groups, the sheets are as before", () => {
    const plain = summarize({
      targets: sheet(
        "Kế hoạch",
        ["STT", "Đơn vị", "BHYT"],
        [
          [1, "Quận Một", 1000],
          [2, "Quận Hai", 2000],
        ],
      ),
      actuals,
      base: null,
    });
    const [o, r] = describeOutput(plain, { lang: "vi" });
    expect(o!.width).toBe(7);
    // Huyện Ba and Huyện Bốn are only in 'Thực hiện': a note under the title names them; the rest is one row down.
    expect(String(o!.values[1]![0])).toMatch(/^Không tính vào tổng toàn tỉnh: 2 đơn vị không khớp/);
    expect(o!.values[3]).toEqual([L.legendBelow]);
    expect(o!.values[4]).toEqual([]);
    expect(o!.values).toHaveLength(7 + 2 + 2);
    expect(r!.width).toBe(9);
    expect(o!.highlights.some((h) => h.style === "belowGoal")).toBe(false);
  });
});
