import { commentarySheet, paragraphHeight } from "../../src/core/commentary";

describe("the commentary sheet", () => {
  const paragraphs = ["Đoạn một.", "Đoạn hai ".repeat(60).trim(), "Đoạn ba."];

  it("holds one paragraph per row, each row merged across the sheet and wrapped", () => {
    const s = commentarySheet(paragraphs, "vi");
    expect(s.key).toBe("commentary");
    expect(s.kind).toBe("commentary");
    expect(s.name).toBe("Nhận xét");
    const rows = s.values.slice(s.dataStart).map((r) => r[0]);
    expect(rows).toEqual(paragraphs);
    paragraphs.forEach((_, i) => {
      expect(s.merges).toContainEqual({ row: s.dataStart + i, col: 0, rows: 1, cols: s.width });
    });
    expect(s.wrap).toEqual([{ row: s.dataStart, col: 0, rows: paragraphs.length, cols: s.width }]);
    // Every row of the sheet fits within its width; the title is styled.
    for (const r of s.values) expect(r.length).toBeLessThanOrEqual(s.width);
    expect(s.highlights.some((h) => h.style === "title" && h.rows.includes(0))).toBe(true);
  });

  it("gives each paragraph row the height its wrapped lines need, since Excel does not fit merged rows", () => {
    const s = commentarySheet(paragraphs, "vi");
    const heights = s.rowHeights!;
    expect(heights.map((h) => h.row)).toEqual([3, 4, 5]);
    expect(heights[1]!.height).toBeGreaterThan(heights[0]!.height * 3);
    expect(paragraphHeight("x")).toBeGreaterThanOrEqual(15);
    // Longer text never gets a lower row.
    let last = 0;
    for (let n = 1; n < 2000; n += 37) {
      const h = paragraphHeight("a".repeat(n));
      expect(h).toBeGreaterThanOrEqual(last);
      last = h;
    }
  });

  it("is named and titled in English with --lang en, and is valid with no paragraph", () => {
    const s = commentarySheet([], "en");
    expect(s.name).toBe("Commentary");
    expect(String(s.values[0]![0])).toMatch(/COMMENTARY/);
    expect(s.wrap).toEqual([]);
    expect(s.rowHeights).toEqual([]);
  });
});
