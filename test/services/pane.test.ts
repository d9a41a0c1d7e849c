import { DEFAULT_CHOICES } from "../../src/core/settings";
import { loadChoices, usedChoices } from "../../src/services/pane";
import type { WorkbookPort } from "../../src/workbook/port";

describe("usedChoices: what the pane saves after a run", () => {
  const used = { targets: "KH 2024", actuals: "TH 4 tháng", base: null, previous: null };

  test("the detected sheets are named, so the next run (the ribbon's) uses the same ones", () => {
    expect(usedChoices(DEFAULT_CHOICES, used).sheets).toEqual({ targets: "KH 2024", actuals: "TH 4 tháng" });
  });

  test("an optional sheet switched off (null) stays off; the other choices are kept as they are", () => {
    const c = { ...DEFAULT_CHOICES, rank: "dense" as const, sheets: { base: null, previous: null } };
    const saved = usedChoices(c, used);
    expect(saved.sheets).toEqual({ targets: "KH 2024", actuals: "TH 4 tháng", base: null, previous: null });
    expect(saved.rank).toBe("dense");
    expect(c.sheets).toEqual({ base: null, previous: null });
  });
});

describe("loadChoices", () => {
  const port = (loadSettings: WorkbookPort["loadSettings"]) => ({ loadSettings }) as unknown as WorkbookPort;

  test("saved choices over the defaults; the defaults when none are saved or they cannot be read", async () => {
    await expect(loadChoices(port(async () => ({ ...DEFAULT_CHOICES, version: 1, rank: "dense" })))).resolves.toMatchObject({
      rank: "dense",
      average: "overall",
    });
    await expect(loadChoices(port(async () => null))).resolves.toBe(DEFAULT_CHOICES);
    await expect(loadChoices(port(async () => Promise.reject(new Error("settings unreadable"))))).resolves.toBe(DEFAULT_CHOICES);
  });
});
