/**
 * Layout i — scale: the plan in thousands ("Đơn vị tính: nghìn người": 2,096 is 2.096
 * people), the actuals in people. Read together, not 1.000× apart: seed 000's 64,91%, never 64.910%.
 */
import { scaleLayout } from "../helpers/layouts";
import { describeLayout } from "./check";

describeLayout(scaleLayout, "exceljs", { seed: ["voluntary"] }, ({ analysis }) => {
  test("no rate beyond any plausible value (every rate under 200%)", async () => {
    const { summary } = await analysis();
    for (const r of summary.results) expect(r.units.filter((u) => u.ratio !== null && u.ratio > 2).map((u) => u.unit)).toEqual([]);
  });
});
