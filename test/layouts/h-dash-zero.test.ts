/**
 * Layout h — "-" is zero and "x" is not applicable (communes and wards of Cần Thơ after
 * 1 July 2025). Xã Vĩnh Thuận Đông enrolled nobody ("-"): it stays in the ranking, last, at 0%,
 * below the area rate, and the detection says the cell was read as zero. Unemployment insurance
 * is "x" for two communes: no rate, no rank, not in the sums.
 */
import { dashZeroLayout } from "../helpers/layouts";
import { describeLayout, findResult } from "./check";

describeLayout(dashZeroLayout, "exceljs", {}, ({ built, analysis }) => {
  test("the unit with '-' is ranked last at 0%, below the area rate", async () => {
    const { summary } = await analysis();
    const r = findResult(summary, "bhxh-tn", "attainment");
    const last = r.units[r.units.length - 1]!;
    expect(last).toMatchObject({ unit: "Xã Vĩnh Thuận Đông", actual: 0, ratio: 0, rank: 6, belowAverage: true });
  });

  test("the units with 'x' have no rate and no rank, and stay units", async () => {
    const { summary } = await analysis();
    const r = findResult(summary, "bhtn", "attainment");
    for (const name of ["Xã Vĩnh Thuận Đông", "Xã Vị Thanh 1"]) {
      expect(r.units.find((u) => u.unit === name)).toMatchObject({ actual: null, denominator: null, ratio: null, rank: null, belowAverage: false });
    }
    expect(summary.unitNames).toContain("Xã Vị Thanh 1");
  });

  test("the detection says which cell was read as zero", async () => {
    const { summary } = await analysis();
    const cell = built.cells!.dash!; // 'Thực hiện'!C9
    const [, letter, row] = /!([A-Z]+)(\d+)$/.exec(cell)!;
    const actuals = summary.detection.filter((d) => d.sheet === "Thực hiện");
    // As an address ("C9", "'Thực hiện'!C9") or as a row and a column letter, wherever the detection lists it.
    const named = (x: unknown): boolean => {
      if (typeof x === "string") return new RegExp(`\\b${letter}${row}\\b`).test(x);
      if (Array.isArray(x)) return x.some(named);
      if (x && typeof x === "object") {
        const o = x as Record<string, unknown>;
        if (o.row === Number(row) && (o.column === letter || o.col === letter)) return true;
        return Object.values(o).some(named);
      }
      return false;
    };
    expect(named(actuals) || summary.warnings.some(named)).toBe(true);
  });
});
