/**
 * Layout b — one sheet "Bieu 01" (a name that says no role): each indicator a merged
 * group header over "Kế hoạch giao" | "Thực hiện" | "Tỷ lệ (%)" and "Dân số" | "Số người tham
 * gia" | "Tỷ lệ bao phủ (%)", three header rows and "A B 1 2 3=2/1 …" under them. Plan, actual
 * and base come from columns of one sheet; the sheet's own rates (formulas) are never inputs and,
 * agreeing with ours, raise no warning. Also through the Office.js adapter (merged cells blank).
 */
import { oneSheetLayout } from "../helpers/layouts";
import { withCode } from "../helpers/messages";
import { describeLayout, findResult, warningTexts } from "./check";

for (const via of ["exceljs", "office"] as const) {
  describeLayout(oneSheetLayout, via, { seed: ["voluntary", "coverage"] }, ({ built, analysis }) => {
    test("the one sheet serves as plan, actuals and base", async () => {
      const { summary } = await analysis();
      expect(summary.sheets.actuals).toBe("Bieu 01");
      const tn = findResult(summary, "bhxh-tn", "attainment");
      expect([tn.source.actual.sheet, tn.source.denominator.sheet]).toEqual(["Bieu 01", "Bieu 01"]);
      expect([tn.source.actual.column, tn.source.denominator.column]).toEqual(["D", "C"]);
      const bhyt = findResult(summary, "bhyt", "coverage");
      expect([bhyt.source.actual.column, bhyt.source.denominator.column]).toEqual(["G", "F"]);
    });

    test("no unit is at 100% (a column used both as plan and as actual)", async () => {
      const { summary } = await analysis();
      for (const r of summary.results) expect(r.units.filter((u) => u.ratio === 1)).toEqual([]);
    });

    test("the sheet's own rates (columns E and H) agree with ours: no warning names them", async () => {
      const { summary } = await analysis();
      const first = Number(built.cells!.firstUnitRow);
      const last = Number(built.cells!.lastUnitRow);
      const named = warningTexts(summary).filter((w) =>
        [...w.matchAll(/'Bieu 01'!([EH])(\d+)/g)].some((m) => Number(m[2]) >= first - 1 && Number(m[2]) <= last),
      );
      expect(named).toEqual([]);
      expect(withCode(summary.warnings, "computed-column-differs")).toEqual([]);
    });
  });
}
