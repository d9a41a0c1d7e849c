/**
 * Layout k — the units of today's two-level government: wards, communes and special
 * zones ("Đặc khu Phú Quốc" in the plan, "ĐK Phú Quốc" and "ĐK. Kiên Hải" in the actuals); and a
 * ward typed as the number 3 among "Phường 1", "Phường 2" …, a unit read with its neighbours' kind,
 * in the results and in the area rate.
 */
import { numberedWardLayout, specialZonesLayout } from "../helpers/layouts";
import { describeLayout, findResult } from "./check";

describeLayout(specialZonesLayout, "exceljs", {}, ({ analysis }) => {
  test("the special zones are matched by their kind: ĐK Phú Quốc is Đặc khu Phú Quốc", async () => {
    const { summary } = await analysis();
    const r = findResult(summary, "bhxh-tn", "attainment");
    expect(r.units.find((u) => u.unit === "Đặc khu Phú Quốc")).toMatchObject({ actual: 623, denominator: 700 });
    expect(r.units.find((u) => u.unit === "Đặc khu Kiên Hải")).toMatchObject({ actual: 66, denominator: 120 });
  });
});

describeLayout(numberedWardLayout, "exceljs", {}, ({ analysis }) => {
  test("ward 3 (typed as 3) is in the area rate", async () => {
    const { summary } = await analysis();
    const r = findResult(summary, "bhxh-tn", "attainment");
    expect([r.actualTotal, r.denominatorTotal]).toEqual([1125, 1715]);
  });
});
