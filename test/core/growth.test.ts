import fc from "fast-check";
import { areaGrowth, growthOf } from "../../src/core/growth";

describe("growth on the same period", () => {
  it("is actual / previous − 1, none without a previous figure or with 0", () => {
    expect(growthOf(110, 100)).toBeCloseTo(0.1, 12);
    expect(growthOf(90, 100)).toBeCloseTo(-0.1, 12);
    expect(growthOf(5, 0)).toBeNull();
    expect(growthOf(null, 100)).toBeNull();
    expect(growthOf(100, null)).toBeNull();
  });

  it("for the area is Σ actual / Σ previous − 1, not the mean of the unit growths", () => {
    const rows = [
      { actual: 200, previous: 100 }, // +100%
      { actual: 900, previous: 1000 }, // −10%
      { actual: 50, previous: null }, // not counted
    ];
    const g = areaGrowth(rows);
    expect(g).toMatchObject({ actual: 1100, previous: 1100, counted: 2 });
    expect(g.growth).toBe(0);
    expect((2 - 1 + (0.9 - 1)) / 2).not.toBe(0);
  });

  it("Σ/Σ over the units with both figures (property)", () => {
    const row = fc.record({
      actual: fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: null }),
      previous: fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const both = rows.filter((r) => r.actual !== null && r.previous !== null);
        const a = both.reduce((s, r) => s + r.actual!, 0);
        const p = both.reduce((s, r) => s + r.previous!, 0);
        const g = areaGrowth(rows);
        expect(g.counted).toBe(both.length);
        expect(g.growth).toBe(both.length === 0 || p === 0 ? null : a / p - 1);
      }),
    );
  });
});
