/**
 * Layout g — footnote marks on names: "Huyện Long Mỹ (*)" in the plan is "H. Long Mỹ"
 * in the actuals, "TX. Long Mỹ¹" is "Thị xã Long Mỹ", "Châu Thành A (1)" is "H. Châu Thành A",
 * "H. Phụng Hiệp*" is "Huyện Phụng Hiệp"; the names are shown clean; the district and the town
 * called Long Mỹ stay two. The notes under the table ("Ghi chú: (*) …") and the signature block
 * are not units.
 */
import { footnotesLayout } from "../helpers/layouts";
import { describeLayout, findResult } from "./check";

describeLayout(footnotesLayout, "exceljs", { seed: ["voluntary"] }, ({ analysis }) => {
  test("the district Long Mỹ (below the area rate) and the town Long Mỹ (above it) stay apart", async () => {
    const { summary } = await analysis();
    const r = findResult(summary, "bhxh-tn", "attainment");
    expect(r.units.find((u) => u.unit === "Huyện Long Mỹ")).toMatchObject({ actual: 1331, denominator: 2500, belowAverage: true });
    expect(r.units.find((u) => u.unit === "TX. Long Mỹ")).toMatchObject({ actual: 1420, denominator: 1900, belowAverage: false });
  });

  test("no unit name carries a footnote mark", async () => {
    const { summary } = await analysis();
    expect(summary.unitNames.filter((n) => /[(*¹²³]/.test(n))).toEqual([]);
  });
});
