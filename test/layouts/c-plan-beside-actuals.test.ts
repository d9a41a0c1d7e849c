/**
 * Layout c — the actuals sheet repeats the plan beside the actuals ("KH" | "TH" | "% KH"
 * under each indicator), and the plan has its own sheet: the repeated plan is never an actual,
 * the "% KH" formulas never inputs.
 */
import { planBesideActualsLayout } from "../helpers/layouts";
import { describeLayout, findResult } from "./check";

describeLayout(planBesideActualsLayout, "exceljs", { seed: ["voluntary"] }, ({ analysis }) => {
  test("the actuals are the TH columns (D, G), never the repeated plan: no unit at 100%", async () => {
    const { summary } = await analysis();
    for (const r of summary.results) expect(r.units.filter((u) => u.ratio === 1)).toEqual([]);
    expect(findResult(summary, "bhxh-tn", "attainment").source.actual).toMatchObject({ sheet: "Thực hiện", column: "D" });
    expect(findResult(summary, "bhyt", "attainment").source.actual).toMatchObject({ sheet: "Thực hiện", column: "G" });
  });
});
