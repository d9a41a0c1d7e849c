/**
 * The engine's results as columns and its sheets' rows made on demand (summarize.ts ResultColumns,
 * sheetSpec.ts SheetRows): what the columns hold is what `units` lists, and what an adapter takes
 * block by block is what `values` gives — for any province, any blocks.
 */
import fc from "fast-check";
import { describeOutput } from "../../src/core/describe";
import { rowsOf, safeSheetSpec, sheetRows, withRows } from "../../src/core/sheetSpec";
import { summarize } from "../../src/core/summarize";
import { IndicatorResult, UnitResult, resultColumns } from "../../src/core/results";
import { plainSpec } from "../helpers/specs";
import { coverageSheets, provinceArb, provinceSheets } from "../helpers/province";

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 60) };

function summaries(p: fc.Arbitrary<Parameters<typeof provinceSheets>[0]>) {
  return p.map((province) => {
    const { targets, actuals } = provinceSheets(province);
    const { base } = coverageSheets(province);
    try {
      return summarize({ targets, actuals, base });
    } catch {
      return null; // a province the engine rejects (tested elsewhere) has no columns to compare
    }
  });
}

describe("result columns", () => {
  it("hold what `units` lists, in rank order through `order`", () => {
    fc.assert(
      fc.property(summaries(provinceArb(14)), (s) => {
        if (!s) return;
        for (const r of s.results) {
          const c = resultColumns(r);
          expect(c.order.length).toBe(r.units.length);
          r.units.forEach((u, p) => {
            const i = c.order[p]!;
            expect(u.unit).toBe(c.names[c.unit[i]!]);
            expect(u.ratio).toBe(Number.isNaN(c.ratio[i]!) ? null : c.ratio[i]);
            expect(u.rank).toBe(c.rank[i] === 0 ? null : c.rank[i]);
            expect(u.belowAverage).toBe(c.belowAverage[i] === 1);
            expect(u.gap).toBe(u.actual === null || u.denominator === null ? null : u.denominator - u.actual);
          });
        }
      }),
      RUNS,
    );
  });

  it("stay out of copies and JSON, which carry the units", () => {
    const p = fc.sample(provinceArb(6), { numRuns: 1, seed: 7 })[0]!;
    const s = summarize({ ...provinceSheets(p), base: null });
    const r = s.results[0]!;
    expect(Object.keys(r)).not.toContain("columns");
    expect(JSON.parse(JSON.stringify(r)).units).toEqual(JSON.parse(JSON.stringify(r.units)));
    // A copy field by field has no columns: they are made again from its units, the same.
    const copy: IndicatorResult = { ...r };
    expect(copy.columns).toBeUndefined();
    const again = resultColumns(copy);
    expect(Array.from(again.ratio)).toEqual(Array.from(r.columns!.order, (i) => r.columns!.ratio[i]!));
  });

  it("serve a result made by hand (units only)", () => {
    const unit = (name: string, actual: number | null, denominator: number | null, ratio: number | null, rank: number | null): UnitResult => ({
      unit: name,
      actual,
      denominator,
      ratio,
      gap: actual === null || denominator === null ? null : denominator - actual,
      rank,
      belowAverage: rank === 2,
      previous: null,
      growth: null,
      goal: null,
      goalFrom: null,
      goalGap: null,
      toGoal: null,
      belowGoal: false,
      category: null,
      group: null,
      groupRank: null,
    });
    const units = [unit("A", 9, 10, 0.9, 1), unit("B", 5, 10, 0.5, 2), unit("C", null, 10, null, null)];
    const c = resultColumns({ units } as unknown as IndicatorResult);
    expect(c.names).toEqual(["A", "B", "C"]);
    expect(Array.from(c.order)).toEqual([0, 1, 2]);
    expect(Array.from(c.rank)).toEqual([1, 2, 0]);
    expect(Number.isNaN(c.ratio[2]!)).toBe(true);
    expect(Array.from(c.belowAverage)).toEqual([0, 1, 0]);
  });
});

describe("sheet rows made on demand", () => {
  it("give, block by block, exactly the rows `values` holds", () => {
    fc.assert(
      fc.property(summaries(provinceArb(14)), fc.integer({ min: 1, max: 9 }), (s, block) => {
        if (!s) return;
        for (const spec of describeOutput(s)) {
          const rows = rowsOf(spec);
          const blocks = [];
          for (let start = 0; start < rows.count; start += block) blocks.push(...rows.slice(start, start + block));
          expect(rows.count).toBe(spec.values.length);
          expect(blocks).toEqual(spec.values.map((row) => [...row]));
          // The plain copy of a spec (values as arrays) gives the same rows too.
          expect(rowsOf(plainSpec(spec)).slice(0, rows.count)).toEqual(blocks);
        }
      }),
      RUNS,
    );
  });

  it("are made safe for Excel as they are made, like safeSheetSpec", () => {
    const long = "x".repeat(40000);
    const rows = sheetRows([["Title", Infinity]], 2, (k) => [k, k === 0 ? long : NaN], [["Total", -Infinity]]);
    const base = safeSheetSpec(
      plainSpec(describeOutput(summarize({ ...provinceSheets(fc.sample(provinceArb(4), { numRuns: 1, seed: 3 })[0]!), base: null }))[0]!),
    );
    const spec = withRows({ ...base, values: [] }, rows);
    const got = rowsOf(spec).slice(0, rows.count);
    expect(got[0]).toEqual(["Title", null]);
    expect(got[1]![1]).toHaveLength(32767);
    expect(got[2]).toEqual([1, null]);
    expect(got[3]).toEqual(["Total", null]);
    expect(safeSheetSpec(spec)).toBe(spec);
    expect(spec.values).toEqual(got);
  });
});

describe("a result made by hand, through the sheets", () => {
  it("keeps its goal figures when its units give the gap and the people to enrol but no goal of their own", () => {
    const sheet = (name: string, header: string, rows: (string | number)[][]) => ({ name, values: [["BÁO CÁO"], [], ["STT", "Đơn vị", header], ...rows] });
    const s = summarize({
      targets: null,
      actuals: sheet("TH", "BHYT", [
        [1, "Huyện A", 50],
        [2, "Huyện B", 90],
      ]),
      base: sheet("DS", "Dân số", [
        [1, "Huyện A", 100],
        [2, "Huyện B", 100],
      ]),
    });
    const r = s.results[0]!;
    const units = r.units.map((u) => ({ ...u, goal: null, goalFrom: null, goalGap: (u.ratio ?? 0) - 0.8, toGoal: 5, belowGoal: true }));
    const hand: IndicatorResult = { ...r, goal: 0.8, goalGap: 0.1, toGoal: 0, units };
    const ranked = describeOutput({ ...s, results: [hand] })[1]!;
    const header = ranked.values[4]!;
    const toGoal = header.indexOf("Số người cần vận động thêm");
    expect(toGoal).toBeGreaterThan(0);
    // Both units: 5 people to enrol, and both rows highlighted short of the goal.
    expect(ranked.values.slice(5).map((row) => row[toGoal])).toEqual([5, 5]);
    expect(ranked.highlights.find((h) => h.style === "belowGoal" && h.mark)?.rows).toEqual([5, 6]);
  });
});
