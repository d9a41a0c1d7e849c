import fc from "fast-check";
import { FigureRole, columnRole, isComputedLabel, parseFigureRole } from "../../src/core/columnRoles";

const role = (parts: string[], isRate = false, label?: string) => columnRole(parts, isRate, label).role;

describe("columnRole — what a figure column holds, from its header", () => {
  it.each<[string[], FigureRole | null]>([
    [["BHXH tự nguyện", "Kế hoạch giao"], "target"],
    [["BHXH tự nguyện", "KH"], "target"],
    [["Chỉ tiêu giao năm 2022", "BHYT"], "target"],
    [["Kế hoạch năm 2024"], "target"],
    [["BHYT", "Thực hiện"], "actual"],
    [["BHYT", "TH"], "actual"],
    [["BHYT", "Số người tham gia"], "actual"],
    [["Thực hiện 4 tháng đầu năm 2024", "BHXH bắt buộc"], "actual"],
    [["BHXH bắt buộc", "Lũy kế"], "actual"],
    [["BHYT", "Ước thực hiện"], "actual"],
    [["BHYT", "Cùng kỳ"], "previous"],
    [["BHYT", "Thực hiện cùng kỳ năm 2023"], "previous"],
    [["Cùng kỳ năm trước", "BHYT"], "previous"],
    [["Dân số"], "base"],
    [["Lực lượng lao động"], "base"],
    [["BHYT", "So cùng kỳ (%)"], "computed"],
    [["BHYT", "Tăng/giảm"], "computed"],
    [["BHYT", "Chênh lệch"], "computed"],
    [["BHYT", "Xếp hạng"], "computed"],
    [["BHYT", "Còn phải thực hiện"], "computed"],
    [["BHXH tự nguyện"], null],
    [["BHYT", "Số thẻ"], null],
    // "Chỉ tiêu" over indicator names is the indicators' heading, not a plan.
    [["Chỉ tiêu", "BHYT"], null],
  ])("%j → %s", (parts, expected) => {
    expect(role(parts)).toBe(expected);
  });

  it("a rate column is computed, unless it is a rate set for each unit", () => {
    expect(role(["BHYT", "Tỷ lệ (%)"], true)).toBe("computed");
    expect(role(["Tỷ lệ (%)", "BHYT"], true)).toBe("computed");
    expect(role(["BHYT", "% KH"], true)).toBe("computed");
    expect(role(["BHYT", "Chỉ tiêu giao (%)"], true)).toBe("rateGoal");
    expect(role(["Tỷ lệ bao phủ BHYT giao (%)"], true)).toBe("rateGoal");
  });

  it("a column numbered as a formula over others (3=2/1) is computed whatever its header says", () => {
    expect(role(["BHYT", "Thực hiện"], false, "3=2/1")).toBe("computed");
    expect(role(["BHYT", "Kế hoạch"], false, "(5) = (4) - (3)")).toBe("computed");
    expect(role(["BHYT", "Kế hoạch"], false, "(2)")).toBe("target");
    expect(isComputedLabel("3=2/1")).toBe(true);
    expect(isComputedLabel("A")).toBe(false);
    expect(isComputedLabel(null)).toBe(false);
  });

  it("says which words decided", () => {
    expect(columnRole(["BHYT", "Thực hiện"], false).why).toBe("Thực hiện");
    expect(columnRole(["BHYT", "Tỷ lệ (%)"], true).why).toBe("Tỷ lệ (%)");
  });

  it("never gives a role from an indicator name alone (property)", () => {
    const names = fc.constantFrom("BHXH bắt buộc", "BHXH tự nguyện", "BHTN", "BHYT", "Bảo hiểm y tế", "BHXH", "Số thẻ BHYT cấp mới");
    fc.assert(fc.property(names, (n) => role([n]) === null));
  });

  it("reads a role a user typed", () => {
    expect(parseFigureRole("actual")).toBe("actual");
    expect(parseFigureRole("Thực hiện")).toBe("actual");
    expect(parseFigureRole("KH")).toBe("target");
    expect(parseFigureRole("cùng kỳ")).toBe("previous");
    expect(parseFigureRole("rateGoal")).toBe("rateGoal");
    expect(parseFigureRole("BHYT")).toBeNull();
  });
});

describe("columnRole — headers a reviewer found misread", () => {
  it.each<[string[], boolean, FigureRole | null]>([
    // The sheet's own attainment, though it says "giao": never a goal per unit.
    [["BHYT", "Tỷ lệ TH/KH giao (%)"], true, "computed"],
    [["BHYT", "% hoàn thành KH giao"], true, "computed"],
    [["BHYT", "Tỷ lệ % so KH giao"], true, "computed"],
    [["BHYT", "Chỉ tiêu giao (%)"], true, "rateGoal"],
    // "Thực hiện kế hoạch": what was achieved; "Kế hoạch thực hiện": the plan.
    [["Kết quả thực hiện kế hoạch năm 2024", "BHXH tự nguyện"], false, "actual"],
    [["Kế hoạch thực hiện năm 2024", "BHYT"], false, "target"],
    // "Hàng tháng" is monthly, not a rank; those obliged or not yet taking part are not participants.
    [["BHYT", "Phát triển hàng tháng"], false, null],
    [["BHXH bắt buộc", "Số người thuộc diện tham gia"], false, null],
    [["BHYT", "Số người chưa tham gia"], false, "computed"],
  ])("%j (rate %s) → %s", (parts, isRate, expected) => {
    expect(role(parts, isRate)).toBe(expected);
  });

  it("last year's plan is never an input, not even the sheet's role", () => {
    expect(columnRole(["BHXH tự nguyện", "Kế hoạch năm trước"], false)).toMatchObject({ role: null, unused: true });
    expect(columnRole(["KH cùng kỳ", "BHYT"], false)).toMatchObject({ role: null, unused: true });
  });
});
