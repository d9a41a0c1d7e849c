/**
 * Layout l — the actuals sheet holds last year's figures ("Cùng kỳ") and its own growth
 * ("So cùng kỳ (%)") for both indicators, and for BHYT the population ("Dân số") and each unit's
 * goal ("Chỉ tiêu giao (%)"): coverage, goals and growth from one sheet, the voluntary plan from its
 * own. The sheet's own rates and growth (formulas) are never inputs.
 */
import { HAU_GIANG_2022, samePeriodLayout } from "../helpers/layouts";
import { describeLayout, findResult } from "./check";

describeLayout(samePeriodLayout, "exceljs", { seed: ["voluntary", "coverage"] }, ({ analysis }) => {
  test("last year's figures come from the Cùng kỳ columns of the actuals sheet (C and H)", async () => {
    const { summary } = await analysis();
    expect(findResult(summary, "bhxh-tn", "attainment").source.previous).toMatchObject({ sheet: "Thực hiện", column: "C" });
    expect(findResult(summary, "bhyt", "coverage").source.previous).toMatchObject({ sheet: "Thực hiện", column: "H" });
  });

  test("the units short of their own BHYT goal", async () => {
    const { summary } = await analysis();
    const r = findResult(summary, "bhyt", "coverage");
    const short = HAU_GIANG_2022.filter((u) => u.bhyt.actual / u.bhyt.population < u.bhyt.goal / 100).map((u) => u.name);
    expect(
      r.units
        .filter((u) => u.belowGoal)
        .map((u) => u.unit)
        .sort(),
    ).toEqual(short.sort());
    expect(short.length).toBeGreaterThan(0);
  });
});
