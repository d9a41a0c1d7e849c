import fc from "fast-check";
import { DetectedColumn } from "../../src/core/detect";
import { DERIVED_TOTAL_SOCIAL_INSURANCE, sumOfParts } from "../../src/core/derive";
import { identifyIndicator } from "../../src/core/indicators";

function column(col: number, header: string, values: (number | null)[], totalValue: number | null = null): DetectedColumn {
  return { col, header, leaf: header, parts: [header], role: "number", values, totalValue };
}

describe("total social insurance derived from its parts", () => {
  it("is BB + TN per unit, none where a part is missing, and says which part", () => {
    const bb = column(2, "BHXH bắt buộc", [300, null, 700, null], 1000);
    const tn = column(3, "BHXH tự nguyện", [20, 40, null, null], 60);
    const d = sumOfParts(bb, tn);
    expect(d.column.values).toEqual([320, null, null, null]);
    expect(d.column.totalValue).toBe(1060);
    expect(d.missing.map((m) => [m.unit, m.parts.map((p) => p.header)])).toEqual([
      [1, ["BHXH bắt buộc"]],
      [2, ["BHXH tự nguyện"]],
      [3, ["BHXH bắt buộc", "BHXH tự nguyện"]],
    ]);
  });

  it("has the key of a 'BHXH' column, never that of a part, and the labour force as base", () => {
    expect(DERIVED_TOTAL_SOCIAL_INSURANCE.key).toBe(identifyIndicator(["BHXH"])!.key);
    expect(DERIVED_TOTAL_SOCIAL_INSURANCE.key).toBe(identifyIndicator(["Bảo hiểm xã hội"])!.key);
    expect(DERIVED_TOTAL_SOCIAL_INSURANCE.key).not.toBe(identifyIndicator(["BHXH bắt buộc"])!.key);
    expect(DERIVED_TOTAL_SOCIAL_INSURANCE.key).not.toBe(identifyIndicator(["BHXH TN"])!.key);
    expect(DERIVED_TOTAL_SOCIAL_INSURANCE.base).toBe("labourForce");
  });

  it("= BB + TN wherever both exist, and null elsewhere (property)", () => {
    const v = fc.option(fc.integer({ min: 0, max: 1e7 }), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(v, v), { maxLength: 30 }), (pairs) => {
        const d = sumOfParts(
          column(
            2,
            "BB",
            pairs.map((p) => p[0]),
          ),
          column(
            3,
            "TN",
            pairs.map((p) => p[1]),
          ),
        );
        pairs.forEach(([a, b], i) => expect(d.column.values[i]).toBe(a === null || b === null ? null : a + b));
        expect(d.missing.length).toBe(pairs.filter(([a, b]) => a === null || b === null).length);
      }),
    );
  });
});
