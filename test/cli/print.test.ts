/**
 * The terminal view of a national run: more units than a function call takes arguments.
 */
import { printSummary } from "../../src/cli/print";
import { summarize } from "../../src/core/summarize";
import { IndicatorResult, UnitResult } from "../../src/core/results";

it("prints a result of 150,000 units (no spread of the units into one call)", () => {
  const sheet = (name: string, header: string, rows: (string | number)[][]) => ({ name, values: [["BÁO CÁO"], [], ["STT", "Đơn vị", header], ...rows] });
  const s = summarize({ targets: sheet("KH", "BHYT", [[1, "Xã A", 100]]), actuals: sheet("TH", "BHYT", [[1, "Xã A", 90]]), base: null });
  const one = s.results[0]!.units[0]!;
  const units: UnitResult[] = Array.from({ length: 150_000 }, (_u, i) => ({ ...one, unit: `Xã ${i}`, rank: i + 1 }));
  const big: IndicatorResult = { ...s.results[0]!, units };
  const text = printSummary({ ...s, results: [big] }, "vi");
  expect(text).toContain("Xã 149999");
  expect(text.split("\n").filter((l) => l.includes(" Xã ")).length).toBe(150_000);
});

describe("the terminal view says what the area totals leave out", () => {
  const sheet = (name: string, header: string, rows: (string | number)[][]) => ({ name, values: [["BÁO CÁO"], [], ["STT", "Đơn vị", header], ...rows] });
  // 'KH' has Xã C, 'TH' does not; the total row of 'KH' says 900 where its units add up to 700.
  const s = summarize({
    targets: sheet("KH", "BHYT", [
      [1, "Xã A", 100],
      [2, "Xã B", 200],
      [3, "Xã C", 400],
      ["", "Toàn tỉnh", 900],
    ]),
    actuals: sheet("TH", "BHYT", [
      [1, "Xã A", 90],
      [2, "Xã B", 150],
    ]),
    base: null,
  });
  const paragraphs = ["Đoạn nhận xét."];

  it("before any figure: the unmatched units named, and both numbers of the total row", () => {
    const lines = printSummary(s, "vi", paragraphs).split("\n");
    const firstTable = lines.findIndex((l) => l.includes("Xã A"));
    const note = lines.findIndex((l) => l === "! Không tính vào tổng toàn tỉnh: 1 đơn vị không khớp giữa các trang tính: Xã C (có ở 'KH', không có ở 'TH').");
    const total = lines.findIndex((l) => /^! 'KH'!C\d+: dòng tổng “Toàn tỉnh” ghi 900 cho “BHYT”, cộng các đơn vị được 700 \(chênh lệch 200\)/.test(l));
    expect(note).toBeGreaterThan(0);
    expect(total).toBeGreaterThan(0);
    expect(note).toBeLessThan(firstTable);
    expect(total).toBeLessThan(firstTable);
  });

  it("a caution above the paragraphs; the paragraphs are printed as they are", () => {
    const lines = printSummary(s, "vi", paragraphs).split("\n");
    const heading = lines.indexOf("Nhận xét:");
    expect(lines[heading + 1]).toBe("! Lưu ý: số liệu toàn tỉnh trong các đoạn nhận xét chưa tính 1 đơn vị không khớp giữa các trang tính: Xã C.");
    expect(lines[heading + 3]).toBe(paragraphs[0]);
    const en = printSummary(s, "en", paragraphs).split("\n");
    expect(en[en.indexOf("Commentary:") + 1]).toBe("! Caution: the area figures in these paragraphs leave out 1 unit not matched between the sheets: Xã C.");
  });

  it("nothing of the kind when every unit matches and the totals agree", () => {
    const clean = summarize({
      targets: sheet("KH", "BHYT", [
        [1, "Xã A", 100],
        ["", "Toàn tỉnh", 100],
      ]),
      actuals: sheet("TH", "BHYT", [[1, "Xã A", 90]]),
      base: null,
    });
    expect(clean.totalMismatches).toEqual([]);
    expect(printSummary(clean, "vi", paragraphs)).not.toMatch(/^! /m);
  });
});
