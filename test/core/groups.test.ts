import fc from "fast-check";
import { groupResults, isCategoryHeader, isParentHeader, sameHeader } from "../../src/core/groups";

describe("groups", () => {
  const rows = [
    { actual: 90, denominator: 100, ratio: 0.9, group: "Các quận" },
    { actual: 10, denominator: 100, ratio: 0.1, group: "Các quận" },
    { actual: 700, denominator: 1000, ratio: 0.7, group: "Các huyện" },
    { actual: 80, denominator: 100, ratio: 0.8, group: "Các huyện" },
    { actual: 5, denominator: 10, ratio: 0.5, group: null },
  ];

  it("a group's rate is Σ actual / Σ denominator over its units, not the mean of their rates", () => {
    const { groups } = groupResults(rows, ["Các quận", "Các huyện"], 0.6, "competition");
    const q = groups.find((g) => g.group === "Các quận")!;
    const h = groups.find((g) => g.group === "Các huyện")!;
    expect(q).toMatchObject({ actual: 100, denominator: 200, ratio: 0.5, unitCount: 2, belowAverage: true, rank: 2 });
    expect(h).toMatchObject({ actual: 780, denominator: 1100, unitCount: 2, belowAverage: false, rank: 1 });
    expect(h.ratio).toBe(780 / 1100);
    // Rank order.
    expect(groups.map((g) => g.group)).toEqual(["Các huyện", "Các quận"]);
  });

  it("ranks each unit within its group; a unit with no group has no group rank", () => {
    const { groupRanks } = groupResults(rows, ["Các quận", "Các huyện"], 0.6, "competition");
    expect(groupRanks).toEqual([1, 2, 2, 1, null]);
  });

  it("leaves out groups with no unit in the result", () => {
    expect(
      groupResults(rows, ["Các quận", "Khối khác", "Các huyện"], null, "dense")
        .groups.map((g) => g.group)
        .sort(),
    ).toEqual(["Các huyện", "Các quận"]);
  });

  it("group sums add up to the sum over the grouped units (property)", () => {
    const row = fc.record({
      actual: fc.integer({ min: 0, max: 1e5 }),
      denominator: fc.integer({ min: 1, max: 1e5 }),
      group: fc.constantFrom("A", "B", "C", null),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 25 }), (raw) => {
        const rs = raw.map((r) => ({ ...r, ratio: r.actual / r.denominator }));
        const { groups, groupRanks } = groupResults(rs, ["A", "B", "C"], null, "competition");
        const grouped = rs.filter((r) => r.group !== null);
        expect(groups.reduce((s, g) => s + g.actual, 0)).toBe(grouped.reduce((s, r) => s + r.actual, 0));
        for (const g of groups) {
          const m = rs.filter((r) => r.group === g.group);
          expect(g.ratio).toBe(m.reduce((s, r) => s + r.actual, 0) / m.reduce((s, r) => s + r.denominator, 0));
        }
        rs.forEach((r, i) => expect(groupRanks[i] === null).toBe(r.group === null));
      }),
    );
  });

  it("recognises parent and category headers", () => {
    expect(isParentHeader("Huyện")).toBe(true);
    expect(isParentHeader("Quận")).toBe(true);
    expect(isParentHeader("Đơn vị cấp trên")).toBe(true);
    expect(isParentHeader("Tên xã")).toBe(false);
    expect(isCategoryHeader("Loại xã")).toBe(true);
    expect(isCategoryHeader("Phân loại")).toBe(true);
    expect(isCategoryHeader("Nhóm")).toBe(true);
    expect(isCategoryHeader("Category")).toBe(true);
    expect(isCategoryHeader("Ghi chú")).toBe(false);
    expect(sameHeader("Thông tin / Cụm", "cụm")).toBe(true);
    expect(sameHeader("Cụm", "")).toBe(false);
  });
});
