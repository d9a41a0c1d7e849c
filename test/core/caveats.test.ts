/**
 * The words every shell uses to say what the area figures leave out (caveats.ts), the caution on
 * the commentary sheet, and the column roles kept in the saved choices.
 */
import { areaWord, narrativeCaution, totalMismatchLine, unmatchedEntries, unmatchedNote } from "../../src/core/caveats";
import { commentarySheet } from "../../src/core/commentary";
import { parseSettings, toStored, DEFAULT_CHOICES } from "../../src/core/settings";

const UNMATCHED = [
  { sheet: "Kế hoạch", unit: "Xã A", missingFrom: ["Thực hiện"] },
  { sheet: "Thực hiện", unit: "Xã B.", missingFrom: ["Kế hoạch"] },
  // One unit missing from two sheets is listed by the engine twice: one entry to the planner.
  { sheet: "Kế hoạch", unit: "Xã C", missingFrom: ["Dân số"] },
  { sheet: "Kế hoạch", unit: "Xã C", missingFrom: ["Cùng kỳ"] },
];

describe("unmatched units", () => {
  test("one entry per unit and sheet, every sheet it is missing from", () => {
    expect(unmatchedEntries(UNMATCHED)).toEqual([
      { sheet: "Kế hoạch", unit: "Xã A", missingFrom: ["Thực hiện"] },
      { sheet: "Thực hiện", unit: "Xã B.", missingFrom: ["Kế hoạch"] },
      { sheet: "Kế hoạch", unit: "Xã C", missingFrom: ["Dân số", "Cùng kỳ"] },
    ]);
  });

  test("the note names each unit, where it is and where it is not", () => {
    expect(unmatchedNote({ unmatched: UNMATCHED, totalLabel: "Toàn tỉnh" }, "vi")).toBe(
      "Không tính vào tổng toàn tỉnh: 3 đơn vị không khớp giữa các trang tính: Xã A (có ở 'Kế hoạch', không có ở 'Thực hiện'), Xã B. (có ở 'Thực hiện', không có ở 'Kế hoạch'), Xã C (có ở 'Kế hoạch', không có ở 'Dân số', 'Cùng kỳ').",
    );
    expect(unmatchedNote({ unmatched: UNMATCHED.slice(0, 1), totalLabel: null }, "en")).toBe(
      "Left out of the area total: 1 unit not matched between the sheets: Xã A (in 'Kế hoạch', not in 'Thực hiện').",
    );
    expect(unmatchedNote({ unmatched: [], totalLabel: "Toàn tỉnh" }, "vi")).toBeNull();
  });

  test("the area is named as the total row names it, a province otherwise", () => {
    expect(areaWord({ totalLabel: "Toàn thành phố" }, "vi")).toBe("toàn thành phố");
    expect(areaWord({ totalLabel: "TOÀN TỈNH" }, "vi")).toBe("toàn tỉnh");
    expect(areaWord({ totalLabel: "Tổng cộng" }, "vi")).toBe("toàn tỉnh");
    expect(areaWord({ totalLabel: null }, "vi")).toBe("toàn tỉnh");
  });

  test("the paragraphs' caution names the units once each", () => {
    expect(narrativeCaution({ unmatched: UNMATCHED, totalLabel: "Toàn thành phố" }, "vi")).toBe(
      "Lưu ý: số liệu toàn thành phố trong các đoạn nhận xét chưa tính 3 đơn vị không khớp giữa các trang tính: Xã A, Xã B., Xã C.",
    );
    expect(narrativeCaution({ unmatched: UNMATCHED.slice(2), totalLabel: null }, "en")).toBe(
      "Caution: the area figures in these paragraphs leave out 1 unit not matched between the sheets: Xã C.",
    );
    expect(narrativeCaution({ unmatched: [], totalLabel: null }, "vi")).toBeNull();
  });

  test("a total row that is not the units' sum: both numbers, the cell, the difference", () => {
    const m = { cell: "'Kế hoạch'!C12", header: "BHYT", label: "Toàn tỉnh", sheetTotal: 1065565.5, unitsSum: 1065000 };
    expect(totalMismatchLine(m, "vi")).toBe(
      "'Kế hoạch'!C12: dòng tổng “Toàn tỉnh” ghi 1.065.565,50 cho “BHYT”, cộng các đơn vị được 1.065.000 (chênh lệch 565,50). Kết quả tính theo tổng các đơn vị.",
    );
  });
});

describe("what each unmatched unit is left out of", () => {
  const sheets = { targets: "Kế hoạch", actuals: "Thực hiện", base: "Dân số", previous: "Cùng kỳ" };
  test("a unit missing only from last year's sheet is in every total: only its growth is missing", () => {
    const unmatched = [{ sheet: "Kế hoạch", unit: "Huyện C", missingFrom: ["Cùng kỳ"] }];
    const note = unmatchedNote({ unmatched, totalLabel: "Toàn tỉnh", sheets }, "vi")!;
    expect(note).toBe(
      "Không có số so cùng kỳ (vẫn tính vào các tổng khác): 1 đơn vị không có ở trang cùng kỳ: Huyện C (có ở 'Kế hoạch', không có ở 'Cùng kỳ').",
    );
    expect(note).not.toMatch(/Không tính vào tổng/);
    expect(narrativeCaution({ unmatched, totalLabel: null, sheets }, "vi")).toBe("Lưu ý: số so với cùng kỳ chưa tính Huyện C (không có ở trang cùng kỳ).");
  });

  test("a unit only in the population or last year's sheet leaves out nothing, and is said so", () => {
    const unmatched = [{ sheet: "Cùng kỳ", unit: "Huyện Châu Thành A", missingFrom: ["Kế hoạch"] }];
    const note = unmatchedNote({ unmatched, totalLabel: "Toàn tỉnh", sheets }, "vi")!;
    expect(note).toMatch(
      /^Không có trong kế hoạch và số thực hiện năm nay \(không tính vào tổng nào\): 1 đơn vị chỉ có ở trang dân số hoặc cùng kỳ: Huyện Châu Thành A/,
    );
    expect(narrativeCaution({ unmatched, totalLabel: null, sheets }, "vi")).toBeNull();
  });

  test("each unit under the worst it is left out of: the totals, the coverage, the growth", () => {
    const note = unmatchedNote({ unmatched: UNMATCHED, totalLabel: "Toàn tỉnh", sheets }, "vi")!;
    expect(note).toMatch(
      /^Không tính vào tổng toàn tỉnh: 2 đơn vị không khớp giữa các trang tính: Xã A .*, Xã B\. .*\. Không tính vào tỷ lệ bao phủ toàn tỉnh: 1 đơn vị không có dân số \/ lực lượng lao động: Xã C/,
    );
  });
});

describe("the commentary sheet's caution", () => {
  const paragraphs = ["Đoạn một.", "Đoạn hai."];
  test("above the paragraphs, in the warning colours; the paragraphs are as they were", () => {
    const caution = "Lưu ý: số liệu toàn tỉnh trong các đoạn nhận xét chưa tính 1 đơn vị không khớp giữa các trang tính: Xã A.";
    const s = commentarySheet(paragraphs, "vi", caution);
    const plain = commentarySheet(paragraphs, "vi");
    expect(s.values[2]).toEqual([caution]);
    expect(s.values.slice(s.dataStart).map((r) => r[0])).toEqual(paragraphs);
    expect(s.dataStart).toBe(plain.dataStart + 1);
    expect(s.highlights.filter((h) => h.style === "warning").flatMap((h) => h.rows)).toEqual([2]);
    expect(s.merges).toContainEqual({ row: 2, col: 0, rows: 1, cols: s.width });
    expect(s.rowHeights!.map((h) => h.row)).toEqual([2, s.dataStart, s.dataStart + 1]);
    // Without a caution nothing changes.
    expect(plain.values[2]).toEqual([]);
    expect(plain.highlights.some((h) => h.style === "warning")).toBe(false);
  });
});

describe("saved column roles", () => {
  test("an override's role is kept; an unknown role drops the override; an old override without one stays", () => {
    const stored = toStored({
      ...DEFAULT_CHOICES,
      overrides: [
        { sheet: "actuals", column: "D", indicator: "BHXH bắt buộc", role: "target" },
        { sheet: "actuals", column: "E", indicator: "BHXH bắt buộc", role: "computed" },
        { sheet: "targets", column: "F", indicator: "-" },
      ],
    });
    const back = parseSettings(JSON.parse(JSON.stringify(stored)));
    expect(back!.overrides).toEqual(stored.overrides);
    const bad = parseSettings({
      overrides: [
        { sheet: "actuals", column: "D", indicator: "BHYT", role: "both" },
        { sheet: "actuals", column: "E", indicator: "BHYT", role: "actual" },
      ],
    });
    expect(bad!.overrides).toEqual([{ sheet: "actuals", column: "E", indicator: "BHYT", role: "actual" }]);
  });
});

describe("saved mappings that name a sheet", () => {
  it('keep the sheet\'s name (--map "T4.2024:D=actual:BHXH bắt buộc" saved and read back)', () => {
    const s = parseSettings({
      overrides: [
        { sheet: "T4.2024", column: "D", indicator: "BHXH bắt buộc", role: "actual" },
        { sheet: "", column: "D", indicator: "x" },
      ],
    });
    expect(s!.overrides).toEqual([{ sheet: "T4.2024", column: "D", indicator: "BHXH bắt buộc", role: "actual" }]);
  });
});
