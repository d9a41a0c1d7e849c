/**
 * Layout j — a hidden sheet "KH 2024" (last year's plan, first in the workbook) beside
 * the visible "KH 2025" and "TH 2025": the visible 2025 plan is used, and the detection says so.
 */
import { hiddenLastYearLayout } from "../helpers/layouts";
import { withCode } from "../helpers/messages";
import { describeLayout, findResult, run } from "./check";

describeLayout(hiddenLastYearLayout, "exceljs", {}, ({ analysis }) => {
  test("the plan's figures are 2025's (Σ 22.400), not 2024's (Σ 21.100)", async () => {
    const { summary } = await analysis();
    const r = findResult(summary, "bhxh-tn", "attainment");
    expect(r.source.denominator.sheet).toBe("KH 2025");
    expect(r.denominatorTotal).toBe(22400);
  });
});

describeLayout(hiddenLastYearLayout, "office");

describe("j. which plan was taken, and why", () => {
  test("the detection (or a message) names the hidden 'KH 2024' it passed over", async () => {
    const { summary } = await run(hiddenLastYearLayout());
    expect(withCode(summary.sheetNotes ?? [], "hidden-sheet-passed-over")).toEqual([
      { code: "hidden-sheet-passed-over", params: { role: "targets" }, where: { sheet: "KH 2024" }, setting: "targets" },
    ]);
  });
});
