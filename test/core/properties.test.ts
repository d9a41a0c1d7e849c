/**
 * Invariants of the engine over random provinces laid out the Vietnamese way (test/helpers/province.ts):
 * every unit is in the results once or reported unmatched; ratio = actual / denominator; ranks
 * agree with the order; overall = Σ actual / Σ denominator; nothing is NaN or Infinity; the input
 * grids are never changed.
 */
import fc from "fast-check";
import { ChitieuError } from "../../src/core/errors";
import { AverageMode, isBelow } from "../../src/core/measures";
import { RankMode } from "../../src/core/rank";
import { describeOutput } from "../../src/core/describe";
import { labels } from "../../src/core/i18n";
import { planSheetNames } from "../../src/core/sheetSpec";
import { summarize } from "../../src/core/summarize";
import { Summary } from "../../src/core/results";
import { allNumbers, copyGrid, deepFreeze } from "../helpers/grids";
import { withCode } from "../helpers/messages";
import { foldText } from "../../src/core/text";
import { Province, actualName, coverageSheets, provinceArb, provinceSheets, targetName } from "../helpers/province";

// FC_RUNS=2000 npx jest test/core/properties.test.ts for a longer search.
// FC_SEED (and FC_PATH) replay a failure fast-check printed: FC_SEED=-272971911 FC_PATH="18:122:0" npx jest test/core/properties.test.ts
const RUNS = {
  numRuns: Number(process.env.FC_RUNS ?? 100),
  ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}) } : {}),
};

interface Run {
  readonly p: Province;
  readonly s: Summary;
}

function run(p: Province, average: AverageMode = "overall", rank: RankMode = "competition"): Run {
  const { targets, actuals } = provinceSheets(p);
  const s = summarize({ targets, actuals, base: null }, { average, rank });
  return { p, s };
}

/** Equal to within rounding (relative 1e-12): sums may be added in another order. */
function expectClose(got: number | null, want: number) {
  expect(got).not.toBeNull();
  expect(Math.abs(got! - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
}

function resultFor(s: Summary, id: string) {
  return s.results.find((r) => r.indicatorKey === id && r.measure === "attainment");
}

describe("engine invariants (fast-check)", () => {
  it("each unit is in each result exactly once, or reported unmatched; figures are the unit's own", () => {
    fc.assert(
      fc.property(provinceArb(), (p) => {
        const { s } = run(p);
        const inResults = new Set(s.unitNames);
        const reported = new Set(s.unmatched.map((u) => `${u.sheet}|${u.unit}`));
        expect(reported.size).toBe(s.unmatched.length);
        for (const u of p.units) {
          const t = u.inTargets ? `Kế hoạch|${targetName(u)}` : null;
          const a = u.inActuals ? `Thực hiện|${actualName(u)}` : null;
          const isIn = u.inTargets && inResults.has(targetName(u));
          const isReported = (t !== null && reported.has(t)) || (a !== null && reported.has(a));
          if (isIn) expect(u.inActuals).toBe(true);
          // An actuals row with no figure at all, no prefix and no STT after the last figures cannot
          // be told from a footer: it may be left out, but then the targets' unit is reported.
          const footerLike = u.inActuals && u.bare && u.figures.every(([, x]) => x === null);
          if (footerLike && !isIn && !isReported) {
            expect(u.inTargets).toBe(false);
            continue;
          }
          // In the results, or reported — never both, never neither.
          expect([targetName(u), isIn, isReported]).toEqual([targetName(u), isIn, !isIn]);
          if (u.inTargets && u.inActuals && !isIn) expect(footerLike).toBe(true);
        }
        p.indicators.forEach((ind, k) => {
          const r = resultFor(s, ind.id);
          expect(r).toBeDefined();
          expect(r!.units.map((u) => u.unit).sort()).toEqual([...s.unitNames].sort());
          for (const u of p.units.filter((x) => inResults.has(targetName(x)))) {
            const got = r!.units.find((x) => x.unit === targetName(u))!;
            expect([got.denominator, got.actual]).toEqual([u.figures[k]![0], u.figures[k]![1]]);
          }
        });
        // One result per indicator in both sheets (a derived total, e.g. BHXH = BB + TN, may come on top).
        const ids = new Set(p.indicators.map((i) => i.id));
        expect(s.results.filter((r) => ids.has(r.indicatorKey)).length).toBe(p.indicators.length);
      }),
      RUNS,
    );
  });

  it("ratio = actual / denominator, gap = denominator − actual, no rate without a non-zero denominator", () => {
    fc.assert(
      fc.property(provinceArb(), (p) => {
        const { s } = run(p);
        for (const r of s.results)
          for (const u of r.units) {
            if (u.actual === null || u.denominator === null || u.denominator === 0) expect(u.ratio).toBeNull();
            else expect(u.ratio).toBe(u.actual / u.denominator);
            expect(u.gap).toBe(u.actual === null || u.denominator === null ? null : u.denominator - u.actual);
          }
      }),
      RUNS,
    );
  });

  it.each<RankMode>(["competition", "dense"])("ranks agree with the order of the rates (%s)", (mode) => {
    fc.assert(
      fc.property(provinceArb(), (p) => {
        const { s } = run(p, "overall", mode);
        for (const r of s.results) {
          const rated = r.units.filter((u) => u.ratio !== null);
          for (const a of r.units) {
            if (a.ratio === null) {
              expect(a.rank).toBeNull();
              continue;
            }
            const higher = rated.filter((b) => b.ratio! > a.ratio!);
            const expected = mode === "competition" ? 1 + higher.length : 1 + new Set(higher.map((b) => b.ratio)).size;
            expect(a.rank).toBe(expected);
            for (const b of rated) {
              if (b.ratio! > a.ratio!) expect(b.rank!).toBeLessThan(a.rank!); // higher rate never ranked worse
              if (b.ratio === a.ratio) expect(b.rank).toBe(a.rank); // ties share
            }
          }
          // Units in rank order; those with no rate last.
          const ranks = r.units.map((u) => u.rank);
          const firstNull = ranks.indexOf(null);
          if (firstNull >= 0) expect(ranks.slice(firstNull).every((x) => x === null)).toBe(true);
          const ranked = ranks.filter((x): x is number => x !== null);
          expect(ranked).toEqual([...ranked].sort((x, y) => x - y));
        }
      }),
      RUNS,
    );
  });

  it("overall = Σ actual / Σ denominator over the units with both; below average is below it", () => {
    fc.assert(
      fc.property(provinceArb(), fc.constantFrom<AverageMode>("overall", "mean"), (p, average) => {
        const { s } = run(p, average);
        p.indicators.forEach((ind, k) => {
          const r = resultFor(s, ind.id)!;
          let a = 0;
          let d = 0;
          let n = 0;
          for (const u of p.units) {
            if (!u.inTargets || !u.inActuals) continue;
            const [t, x] = u.figures[k]!;
            if (t === null || x === null) continue;
            a += x;
            d += t;
            n++;
          }
          const overall = n === 0 || d === 0 ? null : a / d;
          if (overall === null) expect(r.overall).toBeNull();
          else expectClose(r.overall, overall);
          expect(r.actualTotal).toBe(a);
          expect(r.denominatorTotal).toBe(d);
          const rates = r.units.map((u) => u.ratio).filter((x): x is number => x !== null);
          const avg = average === "overall" ? overall : rates.length ? rates.reduce((x, y) => x + y, 0) / rates.length : null;
          if (avg === null) expect(r.average).toBeNull();
          else expectClose(r.average, avg);
          for (const u of r.units) expect(u.belowAverage).toBe(isBelow(u.ratio, r.average));
        });
      }),
      RUNS,
    );
  });

  it("no NaN or Infinity anywhere in the summary", () => {
    fc.assert(
      fc.property(provinceArb(), fc.constantFrom<AverageMode>("overall", "mean"), (p, average) => {
        const { s } = run(p, average);
        for (const x of allNumbers(s)) expect(Number.isFinite(x)).toBe(true);
      }),
      RUNS,
    );
  });

  it("coverage against a base sheet: each unit once or unmatched; ratio = actual / population; overall = Σ/Σ", () => {
    fc.assert(
      fc.property(provinceArb(), (p) => {
        const { actuals, base } = coverageSheets(p);
        const s = summarize({ targets: null, actuals, base });
        const r = s.results.find((x) => x.indicatorKey === "bhyt" && x.measure === "coverage")!;
        expect(r).toBeDefined();
        expect(r.denominatorKind).toBe("population");
        const inResults = new Set(r.units.map((u) => u.unit));
        expect(inResults.size).toBe(r.units.length);
        const reported = new Set(s.unmatched.map((u) => `${u.sheet}|${u.unit}`));
        // A district whose figure happens to equal the sum of the communes under it is read as their
        // group row, and said so (group-row-by-sums, naming it): it is neither a unit nor unmatched.
        const readAsGroup = new Set(withCode(s.warnings, "group-row-by-sums").map((w) => foldText(w.params.name)));
        let a = 0;
        let d = 0;
        for (const u of p.units) {
          const name = actualName(u);
          const isIn = u.inActuals && inResults.has(name);
          const footerLike = u.bare && u.figures[0]![1] === null;
          if (!isIn && readAsGroup.has(foldText(name))) continue;
          if (u.inActuals && u.inTargets && !footerLike) expect([name, isIn]).toEqual([name, true]);
          if (isIn) {
            expect(u.inTargets).toBe(true); // in the base sheet
            const got = r.units.find((x) => x.unit === name)!;
            const [pop, x] = u.figures[0]!;
            expect([got.actual, got.denominator]).toEqual([x, pop]);
            expect(got.ratio).toBe(x === null || pop === null || pop === 0 ? null : x / pop);
            if (x !== null && pop !== null) {
              a += x;
              d += pop;
            }
          } else if (!(footerLike && u.inActuals)) {
            const named = (u.inActuals && [...reported].some((k) => k.endsWith(`|${name}`))) || (u.inTargets && reported.has(`Dân số|${targetName(u)}`));
            expect([name, named]).toEqual([name, true]);
          }
        }
        if (d === 0) expect(r.overall).toBeNull();
        else expectClose(r.overall, a / d);
      }),
      RUNS,
    );
  });

  it("the described sheets: legal distinct names, below-average rows highlighted, finite numbers", () => {
    fc.assert(
      fc.property(provinceArb(), fc.constantFrom<"vi" | "en">("vi", "en"), (p, lang) => {
        const { s } = run(p);
        const specs = describeOutput(s, { lang });
        const names = planSheetNames(
          specs.map((x) => x.name),
          [
            { name: "Kế hoạch", ours: false },
            { name: "Thực hiện", ours: false },
          ],
        );
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
        for (const n of names) {
          expect(Array.from(n).length).toBeLessThanOrEqual(31);
          expect(n).not.toMatch(/[:\\/?*[\]]/);
          expect(["kế hoạch", "thực hiện"]).not.toContain(n.toLowerCase());
        }
        for (const r of s.results) {
          const spec = specs.find((x) => x.key === `ranked:${r.indicatorKey}:${r.measure}`)!;
          const below = r.units.flatMap((u, k) => (u.belowAverage ? [spec.dataStart + k] : []));
          // Units off pace (issue 19) wear the same colour in the pace columns, marked "Chậm tiến độ".
          const offPaceMark = labels(lang).offPaceMark;
          const painted = spec.highlights.filter((h) => h.style === "belowAverage" && h.mark?.text !== offPaceMark).flatMap((h) => [...h.rows]);
          expect(painted.sort()).toEqual(below.sort());
          const offPace = r.units.flatMap((u, k) => (u.pace?.onPace === false ? [spec.dataStart + k] : []));
          expect(
            spec.highlights
              .filter((h) => h.mark?.text === offPaceMark)
              .flatMap((h) => [...h.rows])
              .sort(),
          ).toEqual(offPace.sort());
        }
        for (const spec of specs) for (const x of allNumbers(spec.values)) expect(Number.isFinite(x)).toBe(true);
      }),
      RUNS,
    );
  });

  it("never changes the grids it is given", () => {
    fc.assert(
      fc.property(provinceArb(), (p) => {
        const { targets, actuals } = provinceSheets(p);
        const before = [copyGrid(targets.values), copyGrid(actuals.values)];
        deepFreeze(targets);
        deepFreeze(actuals);
        try {
          summarize({ targets, actuals, base: null });
        } catch (e) {
          if (!(e instanceof ChitieuError)) throw e;
        }
        expect([targets.values, actuals.values]).toEqual(before);
      }),
      RUNS,
    );
  });
});
