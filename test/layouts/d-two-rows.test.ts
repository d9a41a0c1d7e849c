/**
 * Layout d — two rows per unit: a "Kế hoạch" row and a "Thực hiện" row, the STT and the
 * unit's name merged over both (Excel reports the lower cell blank, exceljs repeats the name).
 * Eight units, not sixteen; the total's two rows are not units. Also through the Office.js adapter.
 */
import { twoRowsLayout } from "../helpers/layouts";
import { describeLayout } from "./check";

for (const via of ["exceljs", "office"] as const) {
  describeLayout(twoRowsLayout, via, { seed: ["voluntary"] }, ({ analysis }) => {
    test("no unit is at 100% and none is listed twice", async () => {
      const { summary } = await analysis();
      expect(new Set(summary.unitNames).size).toBe(summary.unitNames.length);
      for (const r of summary.results) expect(r.units.filter((u) => u.ratio === 1)).toEqual([]);
    });
  });
}
