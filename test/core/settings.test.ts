import { DEFAULT_CHOICES, parseSettings, toStored } from "../../src/core/settings";

describe("settings: goals, category and group-by are saved and validated", () => {
  it("round-trips through JSON", () => {
    const choices = {
      ...DEFAULT_CHOICES,
      sheets: { previous: "Cùng kỳ" },
      goals: [
        { indicator: "BHYT", category: "NTM", rate: "90%" },
        { indicator: "BHXH", category: null, rate: "0.29" },
      ],
      category: "Loại xã",
      groupBy: "Huyện",
    };
    const back = parseSettings(JSON.parse(JSON.stringify(toStored(choices))));
    expect(back).toMatchObject({ sheets: { previous: "Cùng kỳ" }, goals: choices.goals, category: "Loại xã", groupBy: "Huyện" });
  });

  it("keeps only whole, readable goals; blank headers become null", () => {
    const back = parseSettings({
      goals: [
        { indicator: "BHYT", rate: "93%" },
        { indicator: "BHYT", category: "NTM", rate: "lots" },
        { indicator: "", rate: "90%" },
        { indicator: "BHYT", category: 7, rate: "90%" },
        { indicator: "BHYT", category: "", rate: "90%" },
        "BHYT=93%",
        null,
      ],
      category: "  ",
      groupBy: 3,
    });
    expect(back!.goals).toEqual([{ indicator: "BHYT", category: null, rate: "93%" }]);
    expect([back!.category, back!.groupBy]).toEqual([null, null]);
    expect(parseSettings({})!.goals).toEqual([]);
  });
});

describe("parseSettings — sheets switched off", () => {
  it("keeps null for optional sheets and drops it for the actuals", () => {
    const s = parseSettings({ sheets: { base: null, previous: null, actuals: null, targets: "KH" } });
    expect(s?.sheets).toEqual({ base: null, previous: null, targets: "KH" });
  });
});
