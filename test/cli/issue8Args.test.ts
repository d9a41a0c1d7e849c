import { parseArgs } from "../../src/cli/args";
import { ChitieuError } from "../../src/core/errors";

const parse = (...argv: string[]) => parseArgs(["summarize", "in.xlsx", "--out", "o.xlsx", ...argv], "demo.xlsx", "demo-out.xlsx");

describe("issue 8's flags", () => {
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

  it("a bad goal or a missing value is a usage error", () => {
    expect(() => parse("--goal", "BHYT")).toThrow(ChitieuError);
    expect(() => parse("--goal", "BHYT=abc")).toThrow(/"abc" is not a rate[\s\S]*Usage:/);
    expect(() => parse("--group-by")).toThrow(/--group-by needs a value/);
    expect(() => parse("--category", "--json")).toThrow(/--category needs a value/);
  });
});
