/**
 * Property: every number a paragraph prints is a number of the results it came from, formatted as
 * the summary sheets show it — no figure is made up, retyped or rounded another way — and the units
 * below the area rate appear, each with its own rate, lowest first.
 */
import fc from "fast-check";
import { formatCount, formatPercent, formatPercentShort, formatPoints } from "../../src/core/format";
import type { Lang } from "../../src/core/i18n";
import { unitsBelow, writeNarrative } from "../../src/core/narrative";
import { proseName } from "../../src/core/placeNames";
import { IndicatorResult, summarize } from "../../src/core/summarize";
import { buildGrid } from "../helpers/grids";

const NAMES = [
  "Huyện Vị Thủy",
  "Huyện Long Mỹ",
  "Thị xã Long Mỹ",
  "Thành phố Vị Thanh",
  "Huyện Phụng Hiệp",
  "Huyện Châu Thành",
  "Huyện Châu Thành A",
  "Thành phố Ngã Bảy",
  "Quận Ninh Kiều",
  "Xã Mường Giôn",
];

/** Number tokens as prose prints them: "1.065.565", "92,62%", "−1,70" (a trailing full stop is punctuation). */
function numbersIn(text: string): string[] {
  return text.match(/[−-]?\d+(?:[.,]\d+)*%?/g) ?? [];
}

function allowedNumbers(results: readonly IndicatorResult[], lang: Lang, date: string | null, average: "overall" | "mean"): Set<string> {
  const ok = new Set<string>();
  const add = (s: string) => {
    ok.add(s);
    ok.add(s.replace(/%$/, ""));
  };
  if (date) for (const part of date.split("/")) add(part);
  for (const r of results) {
    add(formatCount(r.actualTotal, lang));
    if (r.overall !== null) add(formatPercent(r.overall, lang));
    if (average === "mean" && r.average !== null) add(formatPercent(r.average, lang));
    if (r.growth !== null) add(formatPercent(Math.abs(r.growth), lang));
    if (r.goal !== null) add(formatPercentShort(r.goal, lang));
    if (r.goalGap !== null) add(formatPoints(Math.abs(r.goalGap), lang).split(" ")[0]!);
    if (r.toGoal !== null) add(formatCount(r.toGoal, lang));
    add(String(r.units.filter((u) => u.belowGoal).length));
    for (const u of r.units) {
      if (u.ratio !== null) add(formatPercent(u.ratio, lang));
      if (u.goal !== null) add(formatPercentShort(u.goal, lang));
      if (u.goalGap !== null) add(formatPoints(u.goalGap, lang).split(" ")[0]!);
      if (u.toGoal !== null) add(formatCount(u.toGoal, lang));
    }
  }
  return ok;
}

const unitFigures = fc.record({
  target: fc.integer({ min: 1, max: 2_000_000 }),
  share: fc.double({ min: 0, max: 1.5, noNaN: true }),
  coverage: fc.double({ min: 0.3, max: 1, noNaN: true }),
  growth: fc.double({ min: 0.5, max: 1.5, noNaN: true }),
});

const scenario = fc.record({
  units: fc.uniqueArray(fc.integer({ min: 0, max: NAMES.length - 1 }), { minLength: 2, maxLength: NAMES.length }).chain((idx) =>
    fc.tuple(fc.constant(idx), fc.array(unitFigures, { minLength: idx.length, maxLength: idx.length })),
  ),
  lang: fc.constantFrom<Lang>("vi", "en"),
  average: fc.constantFrom<"overall" | "mean">("overall", "mean"),
  date: fc.option(fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2015, max: 2030 })).map(([d, m, y]) => `${d}/${m}/${y}`), { nil: null }),
  goal: fc.option(fc.integer({ min: 50, max: 99 }), { nil: null }),
  withPrevious: fc.boolean(),
  total: fc.constantFrom("Toàn tỉnh", "Tổng cộng", "Toàn thành phố"),
  indicator: fc.constantFrom(
    { header: "BHYT", base: "Dân số" },
    { header: "BHXH tự nguyện", base: "Lực lượng lao động" },
    { header: "BHXH bắt buộc", base: "Lực lượng lao động" },
  ),
});

describe("narrative numbers", () => {
  it("every number printed is a result's number, formatted; units below appear lowest first with their rates", () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const [idx, figs] = sc.units;
        const units = idx.map((i) => ({ name: NAMES[i]! }));
        const actual = figs.map((f) => Math.round(f.target * f.share));
        const population = figs.map((f, i) => Math.max(1, Math.round(actual[i]! / f.coverage)));
        const previous = figs.map((f, i) => Math.max(1, Math.round(actual[i]! / f.growth)));
        const total = { label: sc.total, position: "bottom" as const };
        const grid = (columns: { header: string; values: number[] }[]) => buildGrid({ units, columns, total }).grid;
        const summary = summarize(
          {
            targets: { name: "Kế hoạch", values: grid([{ header: sc.indicator.header, values: figs.map((f) => f.target) }]) },
            actuals: { name: "Thực hiện", values: grid([{ header: sc.indicator.header, values: actual }]) },
            base: { name: "Dân số", values: grid([{ header: sc.indicator.base, values: population }]) },
            previous: sc.withPrevious ? { name: "Cùng kỳ", values: grid([{ header: sc.indicator.header, values: previous }]) } : null,
          },
          { average: sc.average, goals: sc.goal === null ? [] : [{ indicator: sc.indicator.header, category: null, rate: `${sc.goal}%` }] },
        );
        const paragraphs = writeNarrative(summary, { lang: sc.lang, asOf: sc.date });
        expect(paragraphs).toHaveLength(summary.results.length);
        const ok = allowedNumbers(summary.results, sc.lang, sc.date, sc.average);
        paragraphs.forEach((p, k) => {
          for (const n of numbersIn(p)) {
            if (!ok.has(n)) throw new Error(`"${n}" is in no result: ${p}`);
          }
          const r = summary.results[k]!;
          // The area's own figures come first.
          expect(p).toContain(formatCount(r.actualTotal, sc.lang));
          if (r.overall !== null) expect(p).toContain(formatPercent(r.overall, sc.lang));
          // Each unit below, with its rate, in ascending order of rate.
          let at = 0;
          for (const u of unitsBelow(r)) {
            const name = proseName(u.unit, sc.lang);
            const rate = formatPercent(u.ratio!, sc.lang);
            const item = sc.lang === "vi" ? [`${name} mới đạt ${rate}`, `${name} đạt ${rate}`] : [`${name} at ${rate}`];
            const found = item.map((t) => p.indexOf(t, at)).filter((i) => i >= 0);
            if (found.length === 0) throw new Error(`"${name}" with ${rate} not found after position ${at}: ${p}`);
            at = Math.min(...found) + name.length;
          }
        });
      }),
      { numRuns: 150 },
    );
  });
});
