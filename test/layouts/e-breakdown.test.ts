/**
 * Layout e — "Trong đó:" and the breakdown rows under it, with figures: under the total
 * ("- Khu vực thành thị", "- Nông thôn"), under a unit ("+ Thành thị", "+ Nông thôn"), and
 * "Trong đó: KCN Tân Phú Thạnh" under the last unit. None is a unit, none enters a total (the
 * area total is not doubled), the same breakdown label twice in a sheet is not a duplicate unit.
 */
import { breakdownLayout } from "../helpers/layouts";
import { describeLayout, findResult } from "./check";

describeLayout(breakdownLayout, "exceljs", { seed: ["voluntary"] }, ({ analysis }) => {
  test("the area total is the units' sum, not doubled by the breakdowns", async () => {
    const { summary } = await analysis();
    const r = findResult(summary, "bhxh-tn", "attainment");
    expect([r.actualTotal, r.denominatorTotal]).toEqual([12853, 19800]);
  });
});
