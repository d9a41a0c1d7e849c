/**
 * Layout f — group rows without numerals: each district's row ("Huyện Vị Thủy", no STT)
 * above its communes, its figures the sum of theirs. The district rows are not units (found by
 * their sums), they group the communes; "Xã Vị Thủy" (a commune) stays a unit, "Xã Vĩnh Tường"
 * and "Phường Vĩnh Tường" stay two.
 */
import { HG_COMMUNES_2022, districtRowsLayout } from "../helpers/layouts";
import { describeLayout, findResult } from "./check";

describeLayout(districtRowsLayout, "exceljs", {}, ({ analysis }) => {
  test("each commune is in its district's group; each district's rate is Σ/Σ over its communes", async () => {
    const { summary } = await analysis();
    const r = findResult(summary, "bhxh-tn", "attainment");
    const want = HG_COMMUNES_2022.map((d) => {
      const actual = d.communes.reduce((s, c) => s + c.actual, 0);
      const denominator = d.communes.reduce((s, c) => s + c.target, 0);
      return { group: d.name, actual, denominator, ratio: expect.closeTo(actual / denominator, 12), units: d.communes.length };
    });
    expect(r.units.map((u) => [u.unit, u.group])).toEqual(expect.arrayContaining(HG_COMMUNES_2022.flatMap((d) => d.communes.map((c) => [c.name, d.name]))));
    expect(r.groups.map((g) => ({ group: g.group, actual: g.actual, denominator: g.denominator, ratio: g.ratio, units: g.unitCount }))).toEqual(
      expect.arrayContaining(want),
    );
    expect(r.groups).toHaveLength(want.length);
  });
});
