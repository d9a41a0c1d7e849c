import { detectTable } from "../../src/core/detect";
import { ChitieuError, isChitieuError } from "../../src/core/errors";
import { toJsonReport } from "../../src/core/jsonReport";
import { PROSE_MINUS } from "../../src/core/format";
import { belowSentence, goalPhrase, growthPhrase, indicatorProse, measurePhrase, narrativeContext, unitsBelow, writeNarrative } from "../../src/core/narrative";
import { parseLowest, parseSettings, toStored, DEFAULT_CHOICES } from "../../src/core/settings";
import { summarize } from "../../src/core/summarize";
import { Summary, SummaryOptions } from "../../src/core/results";
import { buildGrid, deepFreeze, Layout } from "../helpers/grids";

const UNITS = ["Huyện Vị Thủy", "Thị xã Long Mỹ", "Huyện Long Mỹ", "Thành phố Vị Thanh"];

function sheet(name: string, layout: Layout) {
  return { name, values: buildGrid(layout).grid };
}

/** Targets and actuals of one indicator (and, optionally, a base sheet and last year's sheet). */
function run(
  o: {
    header?: string;
    targets?: number[];
    actuals: number[];
    base?: { header: string; values: number[] };
    previous?: number[];
    units?: string[];
    targetTitles?: string[];
    actualTitles?: string[];
    total?: string;
  },
  options: SummaryOptions = {},
): Summary {
  const units = (o.units ?? UNITS).map((name) => ({ name }));
  const header = o.header ?? "BHXH tự nguyện";
  const total =
    o.total === undefined ? { label: "Toàn tỉnh", position: "bottom" as const } : o.total === "" ? undefined : { label: o.total, position: "bottom" as const };
  return summarize(
    {
      targets: o.targets ? sheet("Kế hoạch", { titles: o.targetTitles, units, columns: [{ header, values: o.targets }], total }) : null,
      actuals: sheet("Thực hiện", { titles: o.actualTitles, units, columns: [{ header, values: o.actuals }], total }),
      base: o.base ? sheet("Dân số", { units, columns: [{ header: o.base.header, values: o.base.values }], total }) : null,
      previous: o.previous ? sheet("Cùng kỳ", { units, columns: [{ header, values: o.previous }], total }) : null,
    },
    options,
  );
}

// Rates: Vị Thủy 45%, thị xã Long Mỹ 80%, huyện Long Mỹ 50%, Vị Thanh 90%; area 1325/2000 = 66,25%.
const HG = { targets: [500, 500, 500, 500], actuals: [225, 400, 250, 450] };

describe("the opening sentence", () => {
  it("writes the report date, the area, the count with its unit word and the rate against plan", () => {
    const s = run({ ...HG, targetTitles: ["BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG"], actualTitles: ["KẾT QUẢ THỰC HIỆN", "Số liệu đến ngày 31/10/2022"] });
    const [p] = writeNarrative(s);
    expect(p).toMatch(/^Đến ngày 31\/10\/2022, tỉnh Hậu Giang có 1\.325 người tham gia bảo hiểm xã hội tự nguyện, đạt 66,25% kế hoạch\. /);
  });

  it("writes a period as 'Từ … đến …'", () => {
    const s = run({ ...HG, actualTitles: ["Từ 01/01/2024 đến 30/4/2024"] });
    expect(writeNarrative(s)[0]).toMatch(/^Từ 01\/01\/2024 đến 30\/4\/2024, toàn tỉnh có 1\.325 người tham gia/);
  });

  it("takes the area from the total row's label when nothing else names it", () => {
    const s = run({ ...HG, total: "Toàn thành phố" });
    expect(writeNarrative(s)[0]).toMatch(/^Toàn thành phố có 1\.325 người tham gia bảo hiểm xã hội tự nguyện, đạt 66,25% kế hoạch\./);
    expect(writeNarrative(s)[0]).toContain("bình quân chung của thành phố");
  });

  it("with neither date nor area, starts with the count, never with a blank or a comma", () => {
    const s = run({ ...HG, total: "Tổng cộng" });
    const [p] = writeNarrative(s);
    expect(p).toMatch(/^Số người tham gia bảo hiểm xã hội tự nguyện là 1\.325 người, đạt 66,25% kế hoạch\./);
    expect(p).toContain("so với bình quân chung.");
    const [en] = writeNarrative(s, { lang: "en" });
    expect(en).toMatch(/^1,325 people were in voluntary social insurance, 66\.25% of plan\./);
    for (const t of [p!, en!]) {
      expect(t).not.toMatch(/^\s|^,|\s,|\s{2}|, ,|\.\./);
    }
  });

  it("the user's date and area win over the workbook's", () => {
    const s = run({ ...HG, targetTitles: ["BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG"], actualTitles: ["Số liệu đến ngày 31/10/2022"] });
    expect(writeNarrative(s, { asOf: "30/11/2022", area: "Tỉnh Sóc Trăng" })[0]).toMatch(/^Đến ngày 30\/11\/2022, tỉnh Sóc Trăng có 1\.325 người/);
    expect(writeNarrative(s, { lang: "en", asOf: "30/11/2022", area: "tỉnh Sóc Trăng" })[0]).toMatch(
      /^As of 30 November 2022, Sóc Trăng province had 1,325 people in voluntary social insurance, 66\.25% of plan\./,
    );
    expect(() => writeNarrative(s, { asOf: "31/11/2022" })).toThrow(/dd\/mm\/yyyy/);
    // Not a date at all: thrown, as the impossible date is (a try/catch would pass with nothing thrown).
    const thrown = (asOf: string): unknown => {
      try {
        writeNarrative(s, { asOf });
      } catch (e) {
        return e;
      }
      return "nothing thrown";
    };
    const notADate = thrown("hôm nay");
    expect(isChitieuError(notADate)).toBe(true);
    expect((notADate as ChitieuError).problem.code).toBe((thrown("31/11/2022") as ChitieuError).problem.code);
  });

  it("takes the date from the actuals only: a targets sheet's dates are the plan's", () => {
    const s = run({ ...HG, targetTitles: ["Kế hoạch từ 01/01/2022 đến 31/12/2022"], actualTitles: ["KẾT QUẢ THỰC HIỆN"] });
    expect(narrativeContext(s).date).toBeNull();
    expect(writeNarrative(s)[0]).toMatch(/^Toàn tỉnh có/);
  });

  it("says coverage in the measure's own terms", () => {
    const pop = run({ header: "BHYT", actuals: [850, 900, 800, 950], base: { header: "Dân số", values: [1000, 1000, 1000, 1000] } });
    expect(writeNarrative(pop)[0]).toMatch(/^Toàn tỉnh có 3\.500 người tham gia bảo hiểm y tế, tỷ lệ bao phủ đạt 87,50% dân số\./);
    expect(writeNarrative(pop, { lang: "en" })[0]).toMatch(/^The province had 3,500 people in health insurance, covering 87\.50% of the population\./);
    const lab = run({ header: "BHXH bắt buộc", actuals: [289, 300, 250, 317], base: { header: "Lực lượng lao động", values: [1000, 1000, 1000, 1000] } });
    expect(writeNarrative(lab)[0]).toMatch(/^Toàn tỉnh có 1\.156 người tham gia bảo hiểm xã hội bắt buộc, chiếm 28,90% lực lượng lao động\./);
    expect(writeNarrative(lab, { lang: "en" })[0]).toContain("28.90% of the labour force");
  });

  it("names catalogue indicators in full and other indicators by their header, with their unit", () => {
    expect(indicatorProse({ indicatorKey: "bhtn", indicator: "BHTN", indicatorEn: "Unemployment insurance" }, "vi").name).toBe("bảo hiểm thất nghiệp");
    expect(indicatorProse({ indicatorKey: "bhyt", indicator: "BHYT", indicatorEn: "Health insurance" }, "en").name).toBe("health insurance");
    const s = run({ header: "Thu nợ (triệu đồng)", targets: [100, 100, 100, 100], actuals: [50, 60.5, 70, 80] });
    expect(writeNarrative(s, { area: "tỉnh Hậu Giang" })[0]).toMatch(/^Tại tỉnh Hậu Giang, thu nợ là 260,50 triệu đồng, đạt 65,13% kế hoạch\./);
    expect(writeNarrative(s)[0]).toMatch(/^Tính chung toàn tỉnh, thu nợ là 260,50 triệu đồng/);
    expect(writeNarrative(s)[0]).toContain("tỷ lệ thực hiện thu nợ của");
  });

  it("says so when the denominators add up to nothing", () => {
    expect(measurePhrase({ measure: "attainment", denominatorKind: "target", overall: null }, "vi")).toBe("chưa tính được tỷ lệ so với kế hoạch");
    const s = run({ targets: [0, 0, 0, 0], actuals: [1, 2, 3, 4] });
    const [p] = writeNarrative(s);
    expect(p).toBe("Toàn tỉnh có 10 người tham gia bảo hiểm xã hội tự nguyện, chưa tính được tỷ lệ so với kế hoạch.");
  });
});

describe("growth and goals", () => {
  it("growth on the same period: up, down, unchanged", () => {
    expect(growthPhrase(0.054, "vi")).toBe("tăng 5,40% so với cùng kỳ");
    expect(growthPhrase(-0.021, "vi")).toBe("giảm 2,10% so với cùng kỳ");
    expect(growthPhrase(0.00001, "vi")).toBe("bằng cùng kỳ");
    expect(growthPhrase(0.1, "en")).toBe("up 10.00% on the same period last year");
    expect(growthPhrase(null, "vi")).toBe("");
  });

  it("the gap to a goal in points, and the people still to enrol", () => {
    expect(goalPhrase(0.29, -0.001, 437, "vi")).toBe("thấp hơn mục tiêu 29% là 0,10 điểm % (cần vận động thêm 437 người)");
    expect(goalPhrase(0.93, 0.0123, 0, "vi")).toBe("cao hơn mục tiêu 93% là 1,23 điểm %");
    expect(goalPhrase(0.9, 0, 0, "vi")).toBe("đạt mục tiêu 90%");
    expect(goalPhrase(0.29, -0.001, 437, "en")).toBe("0.10 percentage points below the 29% goal (437 more people to enrol)");
    expect(goalPhrase(null, null, null, "vi")).toBe("");
  });

  it("a previous-year sheet and a goal put growth, the gap and the units short of their goal in the paragraph", () => {
    const s = run(
      {
        header: "BHYT",
        actuals: [850, 900, 800, 950],
        base: { header: "Dân số", values: [1000, 1000, 1000, 1000] },
        previous: [800, 850, 760, 900],
      },
      { goals: [{ indicator: "BHYT", category: null, rate: "90%" }] },
    );
    const [p] = writeNarrative(s);
    // 3.500 / 3.310 − 1 = 5,74%; 87,50% − 90% = −2,50 points; 3.600 − 3.500 = 100 people.
    expect(p).toContain("tỷ lệ bao phủ đạt 87,50% dân số, tăng 5,74% so với cùng kỳ, thấp hơn mục tiêu 90% là 2,50 điểm % (cần vận động thêm 100 người).");
    expect(p).toContain(
      `So với mục tiêu, 2 đơn vị chưa đạt: huyện Long Mỹ đạt 80,00% (mục tiêu 90%, ${PROSE_MINUS}10,00 điểm %), cần vận động thêm 100 người và huyện Vị Thủy đạt 85,00% (mục tiêu 90%, ${PROSE_MINUS}5,00 điểm %), cần vận động thêm 50 người.`,
    );
    const [en] = writeNarrative(s, { lang: "en" });
    expect(en).toContain(
      "covering 87.50% of the population, up 5.74% on the same period last year, 2.50 percentage points below the 90% goal (100 more people to enrol).",
    );
    expect(en).toContain("Against their goals, 2 units fall short: Long Mỹ district at 80.00% (goal 90%");
  });

  it("says when every unit has reached its goal", () => {
    const s = run(
      { header: "BHYT", actuals: [950, 960, 970, 980], base: { header: "Dân số", values: [1000, 1000, 1000, 1000] } },
      { goals: [{ indicator: "BHYT", category: null, rate: "90%" }] },
    );
    expect(writeNarrative(s)[0]).toMatch(/Tất cả các đơn vị đều đã đạt mục tiêu\.$/);
    expect(writeNarrative(s, { lang: "en" })[0]).toMatch(/Every unit has reached its goal\.$/);
  });
});

describe("the units below the area rate", () => {
  it("lists them lowest first, named as the targets sheet names them, kinds kept apart", () => {
    const s = run(HG);
    const r = s.results[0]!;
    expect(unitsBelow(r).map((u) => u.unit)).toEqual(["Huyện Vị Thủy", "Huyện Long Mỹ"]);
    expect(belowSentence(r, narrativeContext(s))).toBe(
      "Tuy nhiên, một số đơn vị đạt tỷ lệ còn thấp hơn so với bình quân chung của tỉnh. Cụ thể, tỷ lệ tham gia bảo hiểm xã hội tự nguyện của huyện Vị Thủy mới đạt 45,00% và huyện Long Mỹ đạt 50,00%.",
    );
    expect(belowSentence(r, narrativeContext(s, { lang: "en" }))).toBe(
      "However, some units are below the province-wide rate: Vị Thủy district at 45.00% and Long Mỹ district at 50.00%.",
    );
    // "thị xã Long Mỹ" (80%) is above the rate and is not named.
    expect(writeNarrative(s)[0]).not.toContain("thị xã Long Mỹ");
  });

  it("one unit below gets its own form", () => {
    const s = run({ targets: [500, 500, 500, 500], actuals: [450, 460, 470, 200] });
    expect(belowSentence(s.results[0]!, narrativeContext(s))).toBe(
      "Tuy nhiên, còn một đơn vị đạt tỷ lệ thấp hơn so với bình quân chung của tỉnh. Cụ thể, tỷ lệ tham gia bảo hiểm xã hội tự nguyện của thành phố Vị Thanh mới đạt 40,00%.",
    );
    expect(belowSentence(s.results[0]!, narrativeContext(s, { lang: "en" }))).toBe(
      "However, one unit is below the province-wide rate: Vị Thanh city at 40.00%.",
    );
  });

  it("says so when no unit is below", () => {
    const s = run({ targets: [500, 500, 500, 500], actuals: [450, 450, 450, 450] });
    expect(belowSentence(s.results[0]!, narrativeContext(s))).toBe("Không có đơn vị nào đạt tỷ lệ thấp hơn so với bình quân chung của tỉnh.");
    expect(belowSentence(s.results[0]!, narrativeContext(s, { lang: "en" }))).toBe("No unit is below the province-wide rate.");
  });

  it("with the simple mean chosen, says so and gives the mean", () => {
    const s = run(HG, { average: "mean" });
    // Mean of 45%, 80%, 50%, 90% = 66,25% — the same here by design of the figures; Vị Thủy and huyện Long Mỹ are below.
    expect(belowSentence(s.results[0]!, narrativeContext(s))).toContain("thấp hơn so với bình quân của các đơn vị (66,25%).");
    expect(belowSentence(s.results[0]!, narrativeContext(s, { lang: "en" }))).toContain("below the mean of the unit rates (66.25%)");
  });

  it("all-capital names read in prose case; ties keep the sheet's order", () => {
    const s = run({
      units: ["HUYỆN PHỤNG HIỆP", "Huyện Châu Thành A", "Huyện Châu Thành", "Thành phố Ngã Bảy"],
      targets: [100, 100, 100, 100],
      actuals: [50, 50, 90, 95],
    });
    expect(belowSentence(s.results[0]!, narrativeContext(s))).toContain("của huyện Phụng Hiệp mới đạt 50,00% và huyện Châu Thành A đạt 50,00%.");
  });
});

describe("long lists: the lowest N named, the rest counted", () => {
  // Twelve communes; rates 40%, 41% … 51% in the sheet's order, area 45,50%: six are below (40–45%).
  const COMMUNES = [
    "Xã Vị Bình",
    "Xã Vị Đông",
    "Xã Vị Thanh",
    "Xã Vị Thắng",
    "Xã Vị Trung",
    "Xã Vĩnh Thuận Tây",
    "Xã Vĩnh Trung",
    "Xã Vĩnh Tường",
    "Xã Vị Thủy",
    "Xã Hiệp Hưng",
    "Xã Tân Bình",
    "Xã Tân Long",
  ];
  const big = (options: SummaryOptions = {}) =>
    run(
      { units: COMMUNES, header: "BHYT", actuals: COMMUNES.map((_, i) => 400 + 10 * i), base: { header: "Dân số", values: COMMUNES.map(() => 1000) } },
      options,
    );

  it("names the lowest five by default and says how many others there are, in the articles' style", () => {
    const s = big();
    const r = s.results[0]!;
    expect(unitsBelow(r)).toHaveLength(6);
    expect(belowSentence(r, narrativeContext(s))).toBe(
      "Tuy nhiên, một số đơn vị đạt tỷ lệ còn thấp hơn so với bình quân chung của tỉnh. Cụ thể, tỷ lệ bao phủ bảo hiểm y tế của xã Vị Bình mới đạt 40,00%, " +
        "xã Vị Đông đạt 41,00%, xã Vị Thanh đạt 42,00%, xã Vị Thắng đạt 43,00%, xã Vị Trung đạt 44,00% và 1 đơn vị khác.",
    );
    expect(belowSentence(r, narrativeContext(s, { lang: "en" }))).toBe(
      "However, some units are below the province-wide rate: Vị Bình commune at 40.00%, Vị Đông commune at 41.00%, Vị Thanh commune at 42.00%, " +
        "Vị Thắng commune at 43.00%, Vị Trung commune at 44.00% and 1 other unit.",
    );
  });

  it("a smaller N names fewer; an N of at least the units below names them all, as the published sentences do", () => {
    const s = big();
    const r = s.results[0]!;
    expect(belowSentence(r, narrativeContext(s, { lowest: 2 }))).toMatch(/của xã Vị Bình mới đạt 40,00%, xã Vị Đông đạt 41,00% và 4 đơn vị khác\.$/);
    expect(belowSentence(r, narrativeContext(s, { lang: "en", lowest: 1 }))).toMatch(/: Vị Bình commune at 40\.00% and 5 other units\.$/);
    for (const lowest of [6, 7, 50]) {
      const p = belowSentence(r, narrativeContext(s, { lowest }));
      expect(p).toMatch(/xã Vị Trung đạt 44,00% và xã Vĩnh Thuận Tây đạt 45,00%\.$/);
      expect(p).not.toContain("đơn vị khác");
    }
    // The seeds' three districts stay as published with the default.
    expect(narrativeContext(s).lowest).toBe(5);
  });

  it("the whole paragraph carries N: writeNarrative passes it, a value that is no whole number ≥ 1 gives the default", () => {
    const s = big();
    expect(writeNarrative(s, { lowest: 3 })[0]).toContain("xã Vị Thanh đạt 42,00% và 3 đơn vị khác.");
    for (const bad of [0, -1, 2.5, Number.NaN]) expect(narrativeContext(s, { lowest: bad }).lowest).toBe(5);
  });

  it("the units short of their goal are cut the same way, furthest behind first", () => {
    const s = big({ goals: [{ indicator: "BHYT", category: null, rate: "50%" }] });
    const [vi] = writeNarrative(s, { lowest: 2 });
    // Ten units are short of 50%: the two furthest behind are named, eight counted.
    expect(vi).toContain(
      `So với mục tiêu, 10 đơn vị chưa đạt: xã Vị Bình đạt 40,00% (mục tiêu 50%, ${PROSE_MINUS}10,00 điểm %), cần vận động thêm 100 người; ` +
        `xã Vị Đông đạt 41,00% (mục tiêu 50%, ${PROSE_MINUS}9,00 điểm %), cần vận động thêm 90 người và 8 đơn vị khác.`,
    );
    const [en] = writeNarrative(s, { lang: "en", lowest: 2 });
    expect(en).toMatch(/Against their goals, 10 units fall short: Vị Bình commune at 40\.00% .*; Vị Đông commune at 41\.00% .* and 8 other units\.$/);
  });

  it("N is a saved setting: a whole number 1–50, 5 when absent or not valid", () => {
    expect(DEFAULT_CHOICES.lowest).toBe(5);
    const back = parseSettings(JSON.parse(JSON.stringify(toStored({ ...DEFAULT_CHOICES, lowest: 12 }))));
    expect(back?.lowest).toBe(12);
    for (const ok of [1, 50, "7"]) expect(parseSettings({ lowest: ok })?.lowest).toBe(Number(ok));
    for (const bad of [0, 51, 2.5, -3, "x", "3,5", null, undefined, Number.NaN]) expect(parseSettings({ lowest: bad })?.lowest).toBe(5);
    expect(parseLowest(" 8 ")).toBe(8);
    expect(parseLowest("1e1")).toBeNull();
  });

  it("168 communes make a paragraph of a few lines, not a page", () => {
    const names = Array.from({ length: 168 }, (_, i) => `Xã Số ${i + 1}`);
    const s = run({ units: names, header: "BHYT", actuals: names.map((_, i) => 500 + i), base: { header: "Dân số", values: names.map(() => 1000) } });
    const [p] = writeNarrative(s);
    expect(p).toContain("và 79 đơn vị khác.");
    expect(p!.length).toBeLessThan(600);
  });
});

describe("the narrative as a whole", () => {
  it("one paragraph per indicator and measure, in the results' order", () => {
    const s = summarize({
      targets: sheet("Kế hoạch", {
        units: UNITS.map((name) => ({ name })),
        columns: [
          { header: "BHXH tự nguyện", values: [5, 5, 5, 5] },
          { header: "BHYT", values: [10, 10, 10, 10] },
        ],
      }),
      actuals: sheet("Thực hiện", {
        units: UNITS.map((name) => ({ name })),
        columns: [
          { header: "BHYT", values: [9, 8, 7, 6] },
          { header: "BHXH tự nguyện", values: [1, 2, 3, 4] },
        ],
      }),
      base: sheet("Dân số", {
        units: UNITS.map((name) => ({ name })),
        columns: [
          { header: "Dân số", values: [10, 10, 10, 10] },
          { header: "Lực lượng lao động", values: [20, 20, 20, 20] },
        ],
      }),
    });
    const ps = writeNarrative(s);
    expect(ps).toHaveLength(s.results.length);
    s.results.forEach((r, i) => {
      expect(ps[i]).toContain(indicatorProse(r, "vi").name);
      expect(ps[i]).toContain(measurePhrase(r, "vi"));
    });
  });

  it("is pure: the same summary gives the same paragraphs, and the summary is not changed", () => {
    const s = deepFreeze(run({ ...HG, actualTitles: ["Số liệu đến ngày 31/10/2022"] }));
    const a = writeNarrative(s, { lang: "vi" });
    const b = writeNarrative(s, { lang: "vi" });
    expect(a).toEqual(b);
  });

  it("detection keeps the title rows above the header, and the summary carries them, reference sheet first", () => {
    const t = detectTable(
      sheet("Thực hiện", {
        titles: ["BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG", "Số liệu đến ngày 31/10/2022"],
        units: UNITS.map((name) => ({ name })),
        columns: [{ header: "BHYT", values: [1, 2, 3, 4] }],
      }),
    );
    expect(t.titles).toEqual(["BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG", "Số liệu đến ngày 31/10/2022"]);
    const s = run({ ...HG, targetTitles: ["KẾ HOẠCH"], actualTitles: ["THỰC HIỆN"] });
    expect(s.titles?.map((x) => [x.role, x.lines])).toEqual([
      ["targets", ["KẾ HOẠCH"]],
      ["actuals", ["THỰC HIỆN"]],
    ]);
  });

  it("--json's narrative is the run's paragraphs, or the Vietnamese ones when none are given", () => {
    const s = run({ ...HG, actualTitles: ["Số liệu đến ngày 31/10/2022"] });
    expect(toJsonReport(s).narrative).toEqual(writeNarrative(s));
    const en = writeNarrative(s, { lang: "en" });
    expect(toJsonReport(s, undefined, en).narrative).toEqual(en);
  });

  it("the report date is this run's only; the area is kept with the settings", () => {
    const stored = toStored({ ...DEFAULT_CHOICES, asOf: "31/10/2022", area: "tỉnh Hậu Giang" });
    expect("asOf" in stored).toBe(false);
    const back = parseSettings(JSON.parse(JSON.stringify(stored)));
    expect(back?.area).toBe("tỉnh Hậu Giang");
    expect(parseSettings({ area: "  " })?.area).toBeNull();
  });
});

describe("a goal for attainment (“… chưa đạt mục tiêu 105% kế hoạch …”)", () => {
  const goal = (rate: string, indicator = "BHXH tự nguyện") => ({ goals: [{ indicator, category: null, rate }] });

  it("the opening gives the goal as a share of plan: short of it, above it, at it", () => {
    expect(goalPhrase(1.05, -0.3875, 775, "vi", "attainment")).toBe("chưa đạt mục tiêu 105% kế hoạch, thấp hơn 38,75 điểm % (cần vận động thêm 775 người)");
    expect(goalPhrase(0.6, 0.0625, 0, "vi", "attainment")).toBe("vượt mục tiêu 60% kế hoạch, cao hơn 6,25 điểm %");
    expect(goalPhrase(0.6625, 0, 0, "vi", "attainment")).toBe("đạt mục tiêu 66,25% kế hoạch");
    expect(goalPhrase(1.05, -0.3875, 775, "en", "attainment")).toBe("38.75 percentage points short of the goal of 105% of plan (775 more people to enrol)");
    expect(goalPhrase(0.6, 0.0625, 0, "en", "attainment")).toBe("6.25 percentage points above the goal of 60% of plan");
    expect(goalPhrase(0.6625, 0, 0, "en", "attainment")).toBe("at the goal of 66.25% of plan");
    // Coverage keeps its words.
    expect(goalPhrase(0.29, -0.001, 437, "vi", "coverage")).toBe("thấp hơn mục tiêu 29% là 0,10 điểm % (cần vận động thêm 437 người)");
  });

  it("the paragraph: the area short of 105% of plan, then each unit short of it with the people it still has to enrol", () => {
    const s = run(HG, goal("105%"));
    const [vi] = writeNarrative(s);
    // Σ plan 2.000 × 1,05 = 2.100; Σ actual 1.325: 775 people; 66,25% − 105% = −38,75 points.
    expect(vi).toContain(
      "có 1.325 người tham gia bảo hiểm xã hội tự nguyện, đạt 66,25% kế hoạch, chưa đạt mục tiêu 105% kế hoạch, thấp hơn 38,75 điểm % (cần vận động thêm 775 người).",
    );
    expect(vi).toContain(
      `So với mục tiêu, 4 đơn vị chưa đạt: huyện Vị Thủy đạt 45,00% kế hoạch (mục tiêu 105%, ${PROSE_MINUS}60,00 điểm %), cần vận động thêm 300 người; ` +
        `huyện Long Mỹ đạt 50,00% kế hoạch (mục tiêu 105%, ${PROSE_MINUS}55,00 điểm %), cần vận động thêm 275 người; ` +
        `thị xã Long Mỹ đạt 80,00% kế hoạch (mục tiêu 105%, ${PROSE_MINUS}25,00 điểm %), cần vận động thêm 125 người và ` +
        `thành phố Vị Thanh đạt 90,00% kế hoạch (mục tiêu 105%, ${PROSE_MINUS}15,00 điểm %), cần vận động thêm 75 người.`,
    );
    const [en] = writeNarrative(s, { lang: "en" });
    expect(en).toContain("66.25% of plan, 38.75 percentage points short of the goal of 105% of plan (775 more people to enrol).");
    expect(en).toContain(
      `Against their goals, 4 units fall short: Vị Thủy district at 45.00% of plan (goal 105%, ${PROSE_MINUS}60.00 percentage points), 300 more people to enrol;`,
    );
  });

  it("a goal the area and every unit exceed", () => {
    const s = run({ targets: [500, 500, 500, 500], actuals: [450, 460, 470, 480] }, goal("90%"));
    const [vi] = writeNarrative(s);
    expect(vi).toContain("đạt 93,00% kế hoạch, vượt mục tiêu 90% kế hoạch, cao hơn 3,00 điểm %.");
    expect(vi).toMatch(/Tất cả các đơn vị đều đã đạt mục tiêu\.$/);
  });

  it("an indicator that counts no people says what is still missing in its own unit, never “người”", () => {
    const s = run({ header: "Thu nợ (triệu đồng)", targets: [100, 100, 100, 100], actuals: [50, 120, 90, 100] }, goal("110%", "Thu nợ (triệu đồng)"));
    const [vi] = writeNarrative(s);
    // Σ plan 400 × 1,1 = 440; Σ actual 360: 80 triệu đồng.
    expect(vi).toContain("đạt 90,00% kế hoạch, chưa đạt mục tiêu 110% kế hoạch, thấp hơn 20,00 điểm % (còn thiếu 80 triệu đồng).");
    expect(vi).toContain(`huyện Vị Thủy đạt 50,00% kế hoạch (mục tiêu 110%, ${PROSE_MINUS}60,00 điểm %), còn thiếu 60 triệu đồng;`);
    expect(vi).not.toContain("người");
    const [en] = writeNarrative(s, { lang: "en" });
    expect(en).toContain("(80 triệu đồng more needed).");
    expect(en).not.toContain("people");
  });
});
