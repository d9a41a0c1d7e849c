import { parseArgs } from "../../src/cli/args";
import { chitieuErrorOf } from "../helpers/errors";

const parse = (...argv: string[]) => parseArgs(["summarize", "in.xlsx", "--out", "o.xlsx", ...argv], "demo.xlsx", "demo-out.xlsx");

describe("--previous, --goal, --category and --group-by", () => {
  it("--previous, --goal (repeatable), --category and --group-by become run choices", () => {
    const a = parse("--previous", "Cùng kỳ 2022", "--goal", "BHYT=93%", "--goal", "BHYT@NTM nâng cao=95%", "--category", "Loại xã", "--group-by", "Huyện");
    expect(a.choices.sheets.previous).toBe("Cùng kỳ 2022");
    expect(a.choices.goals).toEqual([
      { indicator: "BHYT", category: null, rate: "93%" },
      { indicator: "BHYT", category: "NTM nâng cao", rate: "95%" },
    ]);
    expect(a.choices.category).toBe("Loại xã");
    expect(a.choices.groupBy).toBe("Huyện");
  });

  it("defaults: no goals, category and groups detected", () => {
    const a = parse();
    expect([a.choices.goals, a.choices.category, a.choices.groupBy]).toEqual([[], null, null]);
  });

  it("a bad goal or a missing value is a usage error pointing at its setting", () => {
    expect(chitieuErrorOf(() => parse("--goal", "BHYT")).problem).toEqual({ code: "goal-form", params: { spec: "BHYT" }, setting: "goal" });
    const e = chitieuErrorOf(() => parse("--goal", "BHYT=abc"));
    expect([e.code, e.problem.code, e.problem.setting]).toEqual(["bad-option", "goal-not-a-rate", "goal"]);
    // One line, in Vietnamese by default: the usage text is --help's, not every error's.
    expect(e.message).toBe(
      "Mục tiêu BHYT chung cho cả địa bàn: “abc” không phải một tỷ lệ. Viết tỷ lệ lớn hơn 0, như 93%, 93 hoặc 0,93 (cùng là 93%): dùng --goal.",
    );
    expect(chitieuErrorOf(() => parse("--group-by")).problem).toEqual({ code: "cli-needs-value", params: { option: "--group-by" }, setting: "groupBy" });
    expect(chitieuErrorOf(() => parse("--category", "--json")).problem).toEqual({
      code: "cli-needs-value",
      params: { option: "--category" },
      setting: "category",
    });
  });

  it("a goal above 100% is a goal (150% of plan)", () => {
    expect(parse("--goal", "BHXH TN=150%").choices.goals).toEqual([{ indicator: "BHXH TN", category: null, rate: "150%" }]);
  });
});
