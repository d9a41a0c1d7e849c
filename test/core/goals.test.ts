import fc from "fast-check";
import { decimalFraction, isAboveFull, isGoalHeader, parseGoalSpec, parseRate, peopleToGoal, rateFromCell, resolveGoal } from "../../src/core/goals";
import { render } from "../../src/core/messages";
import { parseSettings } from "../../src/core/settings";
import { summarize } from "../../src/core/summarize";
import { chitieuErrorOf } from "../helpers/errors";
import { titledSheet } from "../helpers/grids";

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

  it("suggests rates in the voice's number format: 0,93 in Vietnamese, 0.93 in English (issue 14)", () => {
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
  const actuals = titledSheet("Thực hiện", ["STT", "Tên xã", "BHYT", "Thu nợ"], [
    [1, "Xã Một", 4500, 30],
    [2, "Xã Hai", 4700, 10],
  ]);
  const base = titledSheet("Dân số", ["STT", "Tên xã", "Dân số"], names.map((n, i) => [i + 1, n, 5000]));

  it("is kept in the saved settings (it is a rate)", () => {
    expect(parseSettings({ goals: [{ indicator: "BHXH TN", category: null, rate: "150%" }] })!.goals).toEqual([{ indicator: "BHXH TN", category: null, rate: "150%" }]);
  });

  it("is refused for a coverage goal, with the rate in the voice's format and the goal setting to fix", () => {
    const e = chitieuErrorOf(() => summarize({ targets: null, actuals, base }, { goals: [{ indicator: "BHYT", category: null, rate: "150" }] }));
    expect(e.code).toBe("bad-option");
    expect(e.problem).toEqual({ code: "goal-above-full-coverage", params: { indicator: "BHYT", category: null, rate: 1.5, base: "population" }, setting: "goal" });
    expect(render(e.problem, { lang: "vi", shell: "pane" })).toContain("150%");
  });

  it("for an indicator with no coverage base is refused as no coverage goal, not as above 100%", () => {
    const e = chitieuErrorOf(() => summarize({ targets: null, actuals, base }, { goals: [{ indicator: "Thu nợ", category: null, rate: "150%" }] }));
    expect([e.code, e.problem.code, e.problem.where, e.problem.setting]).toEqual(["no-indicators", "goal-not-coverage", { sheet: "Dân số" }, "goal"]);
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
