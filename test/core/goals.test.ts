import fc from "fast-check";
import {
  decimalFraction,
  goalSpecText,
  isAboveFull,
  isGoalHeader,
  parseGoalSpec,
  parseRate,
  peopleToGoal,
  rateFromCell,
  resolveGoal,
} from "../../src/core/goals";
import { describeOutput } from "../../src/core/describe";
import { render } from "../../src/core/messages";
import { parseSettings } from "../../src/core/settings";
import { summarize } from "../../src/core/summarize";
import { chitieuErrorOf } from "../helpers/errors";
import { titledSheet } from "../helpers/grids";
import { withCode } from "../helpers/messages";
import { peopleNeeded } from "../helpers/results";

const r = (t: string) => {
  const x = parseRate(t);
  if (!x) throw new Error(`not a rate: ${t}`);
  return x;
};

describe("parseRate", () => {
  it("reads 93%, 93, 0.93 and 0,93 as the same exact rate", () => {
    for (const t of ["93%", "93", "0.93", "0,93", " 93 % "]) {
      const x = r(t);
      expect([x.num, x.den]).toEqual([93n, 100n]);
      expect(x.value).toBe(0.93);
    }
    expect([r("92,5%").num, r("92,5%").den]).toEqual([37n, 40n]);
    expect(r("1").value).toBe(1);
    expect(r("100%").value).toBe(1);
  });

  it("refuses what is no rate above 0", () => {
    for (const t of ["", "abc", "0", "0%", "-5%", "9x%", "1.2.3", "93%%"]) expect(parseRate(t)).toBeNull();
  });

  it("takes a rate above 100% (a plan may be exceeded: 150% of plan); only a coverage goal is capped, where it is used", () => {
    for (const t of ["150%", "150", "150,0%"]) {
      const x = r(t);
      expect([x.num, x.den, x.value]).toEqual([3n, 2n, 1.5]);
      expect(isAboveFull(x)).toBe(true);
    }
    expect(r("101%").value).toBe(1.01);
    expect(isAboveFull(r("100%"))).toBe(false);
    expect(isAboveFull(r("0,93"))).toBe(false);
  });
});

describe("parseGoalSpec", () => {
  it("reads area-wide and per-category goals", () => {
    expect(parseGoalSpec("BHYT=93%")).toEqual({ indicator: "BHYT", category: null, rate: "93%" });
    expect(parseGoalSpec("BHYT@NTM nâng cao=95%")).toEqual({ indicator: "BHYT", category: "NTM nâng cao", rate: "95%" });
    expect(parseGoalSpec(" BHXH = 0.29 ")).toEqual({ indicator: "BHXH", category: null, rate: "0.29" });
  });

  it("takes 150%: a goal above the plan", () => {
    expect(parseGoalSpec("BHXH TN=150%")).toEqual({ indicator: "BHXH TN", category: null, rate: "150%" });
  });

  it("says what is wrong with a bad goal, as a message pointing at the goal setting", () => {
    for (const bad of ["BHYT", "BHYT@=95%", "=93%", "BHYT 93%"]) {
      const e = chitieuErrorOf(() => parseGoalSpec(bad));
      expect([e.code, e.problem.code, e.problem.setting]).toEqual(["bad-option", "goal-form", "goal"]);
    }
    const e = chitieuErrorOf(() => parseGoalSpec("BHYT@NTM nâng cao=lots"));
    expect(e.problem).toEqual({ code: "goal-not-a-rate", params: { indicator: "BHYT", category: "NTM nâng cao", rate: "lots" }, setting: "goal" });
  });

  it("suggests rates in the voice's number format: 0,93 in Vietnamese, 0.93 in English", () => {
    const e = chitieuErrorOf(() => parseGoalSpec("BHYT=nhiều"));
    const vi = render(e.problem, { lang: "vi", shell: "cli" });
    expect(vi).toContain("93%, 93 hoặc 0,93");
    expect(vi).not.toMatch(/0\.93/);
    expect(vi).toContain("“nhiều”");
    expect(vi).toContain("--goal");
    expect(render(e.problem, { lang: "en", shell: "cli" })).toContain("93%, 93 or 0.93");
    // The pane names its field, never the flag.
    expect(render(e.problem, { lang: "vi", shell: "pane" })).toMatch(/ô “Mục tiêu tỷ lệ”/);
    expect(render(e.problem, { lang: "vi", shell: "pane" })).not.toContain("--");
  });
});

describe("a goal above 100%", () => {
  const names = ["Xã Một", "Xã Hai"];
  const actuals = titledSheet(
    "Thực hiện",
    ["STT", "Tên xã", "BHYT", "Thu nợ"],
    [
      [1, "Xã Một", 4500, 30],
      [2, "Xã Hai", 4700, 10],
    ],
  );
  const base = titledSheet(
    "Dân số",
    ["STT", "Tên xã", "Dân số"],
    names.map((n, i) => [i + 1, n, 5000]),
  );

  it("is kept in the saved settings (it is a rate)", () => {
    expect(parseSettings({ goals: [{ indicator: "BHXH TN", category: null, rate: "150%" }] })!.goals).toEqual([
      { indicator: "BHXH TN", category: null, rate: "150%" },
    ]);
  });

  it("is refused for a coverage goal, with the rate in the voice's format and the goal setting to fix", () => {
    const e = chitieuErrorOf(() => summarize({ targets: null, actuals, base }, { goals: [{ indicator: "BHYT", category: null, rate: "150" }] }));
    expect(e.code).toBe("bad-option");
    expect(e.problem).toEqual({
      code: "goal-above-full-coverage",
      params: { indicator: "BHYT", category: null, rate: 1.5, base: "population" },
      setting: "goal",
    });
    expect(render(e.problem, { lang: "vi", shell: "pane" })).toContain("150%");
  });

  it("for an indicator with no coverage base and no plan is refused as a goal against a plan there is none of, not as above 100%", () => {
    const e = chitieuErrorOf(() => summarize({ targets: null, actuals, base }, { goals: [{ indicator: "Thu nợ", category: null, rate: "150%" }] }));
    expect([e.code, e.problem.code, e.problem.where, e.problem.setting]).toEqual(["goal-not-applicable", "goal-no-target", undefined, "targets"]);
    expect(e.problem.params).toEqual({ indicator: "Thu nợ", category: null, targets: null });
  });

  it("a coverage goal of exactly 100% is a goal", () => {
    const s = summarize({ targets: null, actuals, base }, { goals: [{ indicator: "BHYT", category: null, rate: "100%" }] });
    expect(s.results.find((x) => x.measure === "coverage" && x.indicatorKey === "bhyt")!.goal).toBe(1);
  });
});

describe("peopleToGoal", () => {
  it("needs 0 more people exactly at the goal, whatever floating point does", () => {
    expect(peopleToGoal(r("90%"), 5000, 4500)).toBe(0);
    // 0.07 × 100 is 7.000000000000001 in binary floating point: a naive ceil says 1.
    expect(Math.ceil(0.07 * 100 - 7)).toBe(1);
    expect(peopleToGoal(r("7%"), 100, 7)).toBe(0);
    expect(peopleToGoal(r("7%"), 100, 6)).toBe(1);
    expect(peopleToGoal(r("95%"), 3400, 3230)).toBe(0);
    expect(peopleToGoal(r("95%"), 3400, 3229)).toBe(1);
    expect(peopleToGoal(r("29%"), 745100, 215340)).toBe(739);
    expect(peopleToGoal(r("90%"), 4300, 3800)).toBe(70);
    expect(peopleToGoal(r("90%"), 100, 100)).toBe(0);
  });

  it("is exact for decimal counts too", () => {
    expect(peopleToGoal(r("10%"), 0.3, 0.03)).toBe(0);
    expect(peopleToGoal(r("50%"), 85.2, 42.5)).toBe(1); // 42.6 − 42.5 = 0.1 → 1
  });

  // Goals with up to 4 decimals of a percent, counts up to 10 million.
  const goalArb = fc.integer({ min: 1, max: 1_000_000 }).map((k) => ({ text: `${k / 10_000}%`, num: BigInt(k), den: 1_000_000n }));

  it("is the least number of people that reaches the goal (property)", () => {
    fc.assert(
      fc.property(goalArb, fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (g, d, a) => {
        const rate = parseRate(g.text);
        if (!rate) return; // 4-decimal text such as "1e-4%" is not accepted as typed; skip
        const need = peopleToGoal(rate, d, a);
        expect(need).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(need)).toBe(true);
        // (a + need) / d ≥ goal, and one fewer would not do (when any are needed).
        expect(BigInt(a + need) * g.den >= g.num * BigInt(d)).toBe(true);
        if (need > 0) expect(BigInt(a + need - 1) * g.den < g.num * BigInt(d)).toBe(true);
      }),
    );
  });

  it("is 0 exactly when the count is at the goal (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 100_000 }), (pct, k) => {
        const d = 100 * k;
        const atGoal = pct * k; // exactly pct% of d
        expect(peopleToGoal(r(`${pct}%`), d, atGoal)).toBe(0);
        expect(peopleToGoal(r(`${pct}%`), d, atGoal - 1)).toBe(1);
      }),
    );
  });
});

describe("decimalFraction and rateFromCell", () => {
  it("reads shortest decimal forms exactly", () => {
    expect(decimalFraction("4500")).toEqual({ num: 4500n, den: 1n });
    expect(decimalFraction("85.2")).toEqual({ num: 852n, den: 10n });
    expect(decimalFraction("1e-7")).toEqual({ num: 1n, den: 10000000n });
    const big = decimalFraction("1.5e+21")!;
    expect(big.num).toBe(big.den * 15n * 10n ** 20n);
    expect(decimalFraction("x")).toBeNull();
  });

  it("reads a goal cell as a fraction or, in a percent column, as a percentage", () => {
    expect(rateFromCell(0.9, false)?.value).toBe(0.9);
    expect(rateFromCell(90, true)?.value).toBe(0.9);
    expect(rateFromCell(0, false)).toBeNull();
    // A goal column is a coverage goal: at most 100%.
    expect(rateFromCell(1.5, false)).toBeNull();
    expect(rateFromCell(150, true)).toBeNull();
  });
});

describe("goal precedence and goal columns", () => {
  it("a unit's own goal beats its category's, which beats the area-wide one", () => {
    const own = r("97%");
    const cat = r("95%");
    const area = r("90%");
    expect(resolveGoal(own, cat, area)).toEqual({ goal: own, from: "unit" });
    expect(resolveGoal(null, cat, area)).toEqual({ goal: cat, from: "category" });
    expect(resolveGoal(null, null, area)).toEqual({ goal: area, from: "area" });
    expect(resolveGoal(null, null, null)).toEqual({ goal: null, from: null });
  });

  it("recognises goal-column headers but not comparisons", () => {
    expect(isGoalHeader("Tỷ lệ bao phủ BHYT giao (%)")).toBe(true);
    expect(isGoalHeader("Mục tiêu BHYT")).toBe(true);
    expect(isGoalHeader("Tăng/giảm so với cùng kỳ (%)")).toBe(false);
    expect(isGoalHeader("Xếp hạng")).toBe(false);
    expect(isGoalHeader("Số người tham gia BHYT")).toBe(false);
    expect(isGoalHeader("Tỷ lệ đạt kế hoạch BHYT (%)")).toBe(false);
    // In a base sheet the header must say the rate is set, not achieved.
    expect(isGoalHeader("Tỷ lệ bao phủ BHYT (%)", true)).toBe(false);
    expect(isGoalHeader("Tỷ lệ bao phủ BHYT giao (%)", true)).toBe(true);
    expect(isGoalHeader("Mục tiêu bao phủ BHYT năm 2025", true)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Goals for attainment: "150%" is a valid goal for an attainment.

describe("parseGoalSpec with a measure", () => {
  it("reads <measure>:<indicator>… for attainment and coverage, in any case and spacing", () => {
    expect(parseGoalSpec("attainment:BHXH TN=105%")).toEqual({ indicator: "BHXH TN", category: null, rate: "105%", measure: "attainment" });
    expect(parseGoalSpec(" Coverage : BHYT@NTM nâng cao = 95% ")).toEqual({ indicator: "BHYT", category: "NTM nâng cao", rate: "95%", measure: "coverage" });
    expect(parseGoalSpec("ATTAINMENT:BHXH=1,5")).toEqual({ indicator: "BHXH", category: null, rate: "1,5", measure: "attainment" });
  });

  it("keeps every form without a measure as it was: no measure key, and a colon in an indicator is part of its name", () => {
    expect(Object.keys(parseGoalSpec("BHYT@NTM=90%"))).toEqual(["indicator", "category", "rate"]);
    expect(parseGoalSpec("Thu nợ: đợt 1=100%")).toEqual({ indicator: "Thu nợ: đợt 1", category: null, rate: "100%" });
    expect(parseGoalSpec("plan:BHYT=100%")).toEqual({ indicator: "plan:BHYT", category: null, rate: "100%" });
  });

  it("a measure with no indicator is no goal", () => {
    for (const bad of ["attainment:=105%", "coverage:@NTM=90%", "attainment: =5%"])
      expect(chitieuErrorOf(() => parseGoalSpec(bad)).problem.code).toBe("goal-form");
  });

  it("goalSpecText writes what parseGoalSpec reads", () => {
    for (const g of [
      { indicator: "BHXH TN", category: null, rate: "105%", measure: "attainment" as const },
      { indicator: "BHYT", category: "NTM", rate: "90%", measure: "coverage" as const },
      { indicator: "BHYT", category: null, rate: "93%" },
    ]) {
      expect(parseGoalSpec(goalSpecText(g))).toEqual(g);
    }
  });

  it("the saved settings keep a goal's measure and drop a goal whose measure this version does not know", () => {
    const goals = [
      { indicator: "BHXH TN", category: null, rate: "105%", measure: "attainment" },
      { indicator: "BHYT", category: null, rate: "95%", measure: "coverage" },
      { indicator: "BHYT", category: "NTM", rate: "90%" },
      { indicator: "BHTN", category: null, rate: "90%", measure: "growth" },
      { indicator: "BHTN", category: null, rate: "90%", measure: null },
    ];
    expect(parseSettings({ goals })!.goals).toEqual(goals.slice(0, 3));
  });
});

describe("a goal for attainment", () => {
  const names = ["Xã Một", "Xã Hai", "Xã Ba"];
  // Plan and actuals of BHXH tự nguyện and BHYT; Thu nợ has a plan but no coverage base.
  const targets = titledSheet(
    "Kế hoạch",
    ["STT", "Tên xã", "BHXH tự nguyện", "BHYT", "Thu nợ"],
    [
      [1, "Xã Một", 400, 4000, 50],
      [2, "Xã Hai", 300, 4200, 20],
      [3, "Xã Ba", 200, 3900, 10],
    ],
  );
  const actuals = titledSheet(
    "Thực hiện",
    ["STT", "Tên xã", "BHXH tự nguyện", "BHYT", "Thu nợ"],
    [
      [1, "Xã Một", 420, 4500, 30],
      [2, "Xã Hai", 250, 4600, 25],
      [3, "Xã Ba", 100, 3800, 10],
    ],
  );
  const base = titledSheet(
    "Dân số",
    ["STT", "Tên xã", "Dân số", "Lực lượng lao động"],
    names.map((n, i) => [i + 1, n, 5000, 2500 + i]),
  );
  const result = (s: ReturnType<typeof summarize>, key: string, measure: "attainment" | "coverage") =>
    s.results.find((x) => x.indicatorKey === key && x.measure === measure)!;
  /** A result's units in the sheets' order (`units` are in rank order). */
  const inOrder = (r: ReturnType<typeof result>, order: readonly string[] = names) => order.map((n) => r.units.find((u) => u.unit === n)!);

  it("applies to the attainment of an indicator with no coverage result: 105% of plan per unit and for the area, people counted exactly", () => {
    const s = summarize({ targets, actuals, base: null }, { goals: [{ indicator: "BHXH tự nguyện", category: null, rate: "105%" }] });
    const r = result(s, "bhxh-tn", "attainment");
    expect(r.goal).toBe(1.05);
    // Σ plan 900 × 1,05 = 945; Σ actual 770: 175 more people.
    expect(r.toGoal).toBe(175);
    expect(r.goalGap).toBeCloseTo(770 / 900 - 1.05, 12);
    expect(inOrder(r).map((u) => [u.unit, u.goal, u.goalFrom, u.toGoal, u.belowGoal])).toEqual([
      ["Xã Một", 1.05, "area", 0, false], // 420 of 420 needed: at the goal exactly
      ["Xã Hai", 1.05, "area", 65, true], // 315 − 250
      ["Xã Ba", 1.05, "area", 110, true], // 210 − 100
    ]);
    // Only that indicator's result has it.
    expect(result(s, "bhyt", "attainment").goal).toBeNull();
    expect(result(s, "bhyt", "attainment").units.every((u) => u.goal === null)).toBe(true);
  });

  it("takes 150% (a goal above the plan), and goals by unit category", () => {
    const cat = titledSheet(
      "Kế hoạch",
      ["STT", "Tên xã", "Loại xã", "Thu nợ"],
      [
        [1, "Xã Một", "Loại 1", 50],
        [2, "Xã Hai", "Loại 2", 20],
        [3, "Xã Ba", "Loại 2", 10],
      ],
    );
    const s = summarize(
      { targets: cat, actuals, base: null },
      {
        goals: [
          { indicator: "Thu nợ", category: null, rate: "150%" },
          { indicator: "Thu nợ", category: "Loại 2", rate: "120%" },
        ],
      },
    );
    const r = result(s, "custom:thu no", "attainment");
    expect(inOrder(r).map((u) => [u.goal, u.goalFrom, u.toGoal])).toEqual([
      [1.5, "area", 45], // 75 − 30
      [1.2, "category", 0], // 24 − 25 < 0
      [1.2, "category", 2], // 12 − 10
    ]);
    expect([r.goal, r.toGoal]).toEqual([1.5, 55]); // 120 − 65
    expect(s.warnings.filter((w) => w.code.startsWith("goal-"))).toEqual([]);
  });

  it("the ranked sheet and the overview show a goal against plan; for an indicator that counts no people the column says what is short, not people", () => {
    const s = summarize(
      { targets, actuals, base: null },
      {
        goals: [
          { indicator: "Thu nợ", category: null, rate: "150%" },
          { indicator: "BHXH TN", category: null, rate: "105%" },
        ],
      },
    );
    const specs = describeOutput(s);
    const texts = (key: string) =>
      specs
        .find((x) => x.key === key)!
        .values.flat()
        .filter((v): v is string => typeof v === "string");
    expect(texts("ranked:custom:thu no:attainment")).toEqual(expect.arrayContaining(["Mục tiêu", "Còn thiếu so với mục tiêu"]));
    expect(texts("ranked:custom:thu no:attainment")).not.toContain("Số người cần vận động thêm");
    expect(texts("ranked:bhxh-tn:attainment")).toEqual(expect.arrayContaining(["Mục tiêu", "Số người cần vận động thêm"]));
    expect(texts("ranked:bhyt:attainment")).not.toContain("Mục tiêu");
    expect(texts("overview").filter((t) => t === "Mục tiêu")).toHaveLength(2);
  });

  it("with both measures, a goal without one applies to coverage (as before); `measure` chooses", () => {
    const both = { targets, actuals, base };
    const s = summarize(both, { goals: [{ indicator: "BHYT", category: null, rate: "90%" }] });
    expect([result(s, "bhyt", "coverage").goal, result(s, "bhyt", "attainment").goal]).toEqual([0.9, null]);
    const t = summarize(both, {
      goals: [
        { indicator: "BHYT", category: null, rate: "110%", measure: "attainment" },
        { indicator: "BHYT", category: null, rate: "95%", measure: "coverage" },
      ],
    });
    const att = result(t, "bhyt", "attainment");
    const cov = result(t, "bhyt", "coverage");
    expect([att.goal, cov.goal]).toEqual([1.1, 0.95]);
    // 110% of 4.000 = 4.400 ≤ 4.500; 4.620 − 4.600 = 20; 4.290 − 3.800 = 490. Coverage 95% of 5.000: 250, 150, 950.
    expect(inOrder(att).map((u) => u.toGoal)).toEqual([0, 20, 490]);
    expect(inOrder(cov).map((u) => u.toGoal)).toEqual([250, 150, 950]);
  });

  it("a unit's goal column stays a coverage goal: it never sets an attainment goal", () => {
    const withColumn = titledSheet(
      "Dân số",
      ["STT", "Tên xã", "Dân số", "Tỷ lệ bao phủ BHYT giao (%)"],
      names.map((n, i) => [i + 1, n, 5000, 97]),
    );
    const s = summarize({ targets, actuals, base: withColumn }, { goals: [{ indicator: "BHYT", category: null, rate: "105%", measure: "attainment" }] });
    expect(result(s, "bhyt", "attainment").units.map((u) => [u.goal, u.goalFrom])).toEqual(names.map(() => [1.05, "area"]));
    expect(result(s, "bhyt", "coverage").units.map((u) => [u.goal, u.goalFrom])).toEqual(names.map(() => [0.97, "unit"]));
  });

  it("coverage stays capped at 100%, asked for or taken by default; attainment is not", () => {
    const both = { targets, actuals, base };
    for (const g of [{ rate: "105%" }, { rate: "105%", measure: "coverage" as const }]) {
      const e = chitieuErrorOf(() => summarize(both, { goals: [{ indicator: "BHYT", category: null, ...g }] }));
      expect(e.problem.code).toBe("goal-above-full-coverage");
      // The message says a goal against plan may exceed 100%.
      expect(render(e.problem, { lang: "vi", shell: "pane" })).toContain("kế hoạch");
    }
    expect(result(summarize(both, { goals: [{ indicator: "BHYT", category: null, rate: "150%", measure: "attainment" }] }), "bhyt", "attainment").goal).toBe(
      1.5,
    );
  });

  it("an indicator with a coverage base taken against plan (no population sheet) says so, unless the goal names its measure", () => {
    const s = summarize({ targets, actuals, base: null }, { goals: [{ indicator: "BHYT", category: null, rate: "95%" }] });
    expect(result(s, "bhyt", "attainment").goal).toBe(0.95);
    const w = withCode(s.warnings, "goal-applied-to-attainment");
    expect(w.map((m) => [m.params, m.setting])).toEqual([[{ indicator: "BHYT", category: null, rate: 0.95, base: "population" }, "base"]]);
    expect(render(w[0]!, { lang: "vi", shell: "cli" })).toContain("95%");
    const named = summarize({ targets, actuals, base: null }, { goals: [{ indicator: "BHYT", category: null, rate: "95%", measure: "attainment" }] });
    expect(withCode(named.warnings, "goal-applied-to-attainment")).toEqual([]);
    // Revenue has no coverage to be confused with.
    const thu = summarize({ targets, actuals, base: null }, { goals: [{ indicator: "Thu nợ", category: null, rate: "95%" }] });
    expect(withCode(thu.warnings, "goal-applied-to-attainment")).toEqual([]);
  });

  it("says which measure a goal cannot have, and where", () => {
    const noPlan = titledSheet(
      "Kế hoạch",
      ["STT", "Tên xã", "BHYT"],
      names.map((n, i) => [i + 1, n, 4000]),
    );
    const cases: [Parameters<typeof summarize>[0], { indicator: string; rate: string; measure?: "attainment" | "coverage" }, string, unknown, string][] = [
      // Asked against plan, and the plan has no such column.
      [
        { targets: noPlan, actuals, base },
        { indicator: "BHXH tự nguyện", rate: "105%", measure: "attainment" },
        "goal-no-target",
        { sheet: "Kế hoạch" },
        "goal",
      ],
      // Asked against plan, and there is no plan at all.
      [{ targets: null, actuals, base }, { indicator: "BHYT", rate: "105%", measure: "attainment" }, "goal-no-target", undefined, "targets"],
      // Asked as coverage of an indicator no population or labour force counts.
      [{ targets, actuals, base }, { indicator: "Thu nợ", rate: "90%", measure: "coverage" }, "goal-not-coverage", { sheet: "Dân số" }, "goal"],
      // Asked as coverage, and no population sheet.
      [{ targets, actuals, base: null }, { indicator: "BHYT", rate: "90%", measure: "coverage" }, "goal-needs-base", undefined, "base"],
      // Neither: no plan column and no population sheet.
      [{ targets: noPlan, actuals, base: null }, { indicator: "BHXH tự nguyện", rate: "90%" }, "goal-needs-base", undefined, "base"],
    ];
    for (const [input, g, code, where, setting] of cases) {
      const e = chitieuErrorOf(() => summarize(input, { goals: [{ category: null, ...g }] }));
      expect([e.problem.code, e.problem.where, e.problem.setting]).toEqual([code, where, setting]);
      // The message names the goal with its measure, so the pane puts it under that goal.
      if (g.measure) expect(e.problem.params).toMatchObject({ indicator: g.indicator, category: null, measure: g.measure });
    }
  });

  it("two goals for one indicator, category and measure are one too many; one per measure is not", () => {
    const both = { targets, actuals, base };
    const twice = [
      { indicator: "BHYT", category: null, rate: "90%" },
      { indicator: "BHYT", category: null, rate: "92%", measure: "coverage" as const },
    ];
    expect(chitieuErrorOf(() => summarize(both, { goals: twice })).problem.code).toBe("goal-twice");
    const s = summarize(both, { goals: [twice[0]!, { indicator: "BHYT", category: null, rate: "100%", measure: "attainment" }] });
    expect([result(s, "bhyt", "coverage").goal, result(s, "bhyt", "attainment").goal]).toEqual([0.9, 1]);
  });

  it("toGoal = max(0, ⌈goal × target − actual⌉) for every unit and for the area (property)", () => {
    const unit = fc.record({ target: fc.integer({ min: 1, max: 2_000_000 }), actual: fc.integer({ min: 0, max: 3_000_000 }) });
    // Goals of 0,01%–300% of plan, with up to two decimals of a percent.
    const goal = fc.integer({ min: 1, max: 30_000 });
    const NAMES = ["Xã An Bình", "Xã Long Mỹ", "Xã Vị Đông", "Phường Một", "Xã Tân Phú", "Xã Hòa An", "Xã Phú Hữu", "Xã Đông Phước"];
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: NAMES.length }), goal, (units, k) => {
        const rows = (pick: (u: { target: number; actual: number }) => number) => units.map((u, i) => [i + 1, NAMES[i]!, pick(u)]);
        const s = summarize(
          {
            targets: titledSheet(
              "Kế hoạch",
              ["STT", "Tên xã", "BHXH tự nguyện"],
              rows((u) => u.target),
            ),
            actuals: titledSheet(
              "Thực hiện",
              ["STT", "Tên xã", "BHXH tự nguyện"],
              rows((u) => u.actual),
            ),
            base: null,
          },
          { goals: [{ indicator: "BHXH TN", category: null, rate: `${k / 100}%` }] },
        );
        const r = result(s, "bhxh-tn", "attainment");
        const [num, den] = [BigInt(k), 10_000n];
        const got = inOrder(r, NAMES.slice(0, units.length));
        expect(got.map((u) => u.toGoal)).toEqual(units.map((u) => peopleNeeded(num, den, u.target, u.actual)));
        expect(got.map((u) => u.belowGoal)).toEqual(units.map((u) => peopleNeeded(num, den, u.target, u.actual) > 0));
        const sum = (f: (u: { target: number; actual: number }) => number) => units.reduce((a, u) => a + f(u), 0);
        expect(r.toGoal).toBe(
          peopleNeeded(
            num,
            den,
            sum((u) => u.target),
            sum((u) => u.actual),
          ),
        );
        expect(r.goal).toBe(k / 10_000);
      }),
      { numRuns: 150 },
    );
  });
});
