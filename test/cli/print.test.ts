/**
 * The terminal view of a national run: more units than a function call takes arguments.
 */
import { printSummary } from "../../src/cli/print";
import { IndicatorResult, UnitResult, summarize } from "../../src/core/summarize";

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
