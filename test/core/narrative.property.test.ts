/**
 * Property: every number a paragraph prints is a number of the results it came from, formatted as
 * the summary sheets show it — no figure is made up, retyped or rounded another way — and the units
 * below the area rate appear, each with its own rate, lowest first: the lowest N of them (the
 * `lowest` setting), the rest counted exactly ("và 4 đơn vị khác").
 */
import fc from "fast-check";
import { formatCount, formatPercent, formatPercentShort, formatPoints } from "../../src/core/format";
import type { Lang } from "../../src/core/i18n";
import { belowSentence, narrativeContext, unitsBelow, writeNarrative } from "../../src/core/narrative";
import { proseName } from "../../src/core/placeNames";
import { summarize } from "../../src/core/summarize";
import { IndicatorResult } from "../../src/core/results";
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

function allowedNumbers(results: readonly IndicatorResult[], lang: Lang, date: string | null, average: "overall" | "mean", lowest: number): Set<string> {
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
    const short = r.units.filter((u) => u.belowGoal).length;
    add(String(short));
    // The units past the first `lowest` are counted: "và 3 đơn vị khác".
    add(formatCount(Math.max(0, short - lowest), lang));
    add(formatCount(Math.max(0, unitsBelow(r).length - lowest), lang));
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
  units: fc
    .uniqueArray(fc.integer({ min: 0, max: NAMES.length - 1 }), { minLength: 2, maxLength: NAMES.length })
    .chain((idx) => fc.tuple(fc.constant(idx), fc.array(unitFigures, { minLength: idx.length, maxLength: idx.length }))),
  lang: fc.constantFrom<Lang>("vi", "en"),
  average: fc.constantFrom<"overall" | "mean">("overall", "mean"),
  date: fc.option(
    fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2015, max: 2030 })).map(([d, m, y]) => `${d}/${m}/${y}`),
    { nil: null },
  ),
  goal: fc.option(fc.integer({ min: 50, max: 99 }), { nil: null }),
  withPrevious: fc.boolean(),
  lowest: fc.integer({ min: 1, max: 12 }),
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
        const paragraphs = writeNarrative(summary, { lang: sc.lang, asOf: sc.date, lowest: sc.lowest });
        expect(paragraphs).toHaveLength(summary.results.length);
        const ok = allowedNumbers(summary.results, sc.lang, sc.date, sc.average, sc.lowest);
        paragraphs.forEach((p, k) => {
          for (const n of numbersIn(p)) {
            if (!ok.has(n)) throw new Error(`"${n}" is in no result: ${p}`);
          }
          const r = summary.results[k]!;
          // The area's own figures come first.
          expect(p).toContain(formatCount(r.actualTotal, sc.lang));
          if (r.overall !== null) expect(p).toContain(formatPercent(r.overall, sc.lang));
          // The lowest N units below, with their rates, in ascending order of rate.
          let at = 0;
          for (const u of unitsBelow(r).slice(0, sc.lowest)) {
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

/** Commune names that no other is a prefix of once followed by " đạt" / " commune at". */
const communes = (n: number) => Array.from({ length: n }, (_, i) => `Xã Số ${i + 1}`);

describe("long lists", () => {
  it("for any N and any number of units below, names min(N, below) units lowest first and counts the rest exactly", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 90 }),
        fc.constantFrom<Lang>("vi", "en"),
        (lowest, actuals, lang) => {
          const names = communes(actuals.length);
          const units = names.map((name) => ({ name }));
          const total = { label: "Toàn tỉnh", position: "bottom" as const };
          const summary = summarize({
            targets: { name: "Kế hoạch", values: buildGrid({ units, columns: [{ header: "BHYT", values: names.map(() => 1000) }], total }).grid },
            actuals: { name: "Thực hiện", values: buildGrid({ units, columns: [{ header: "BHYT", values: actuals }], total }).grid },
            base: null,
          });
          const r = summary.results[0]!;
          const below = unitsBelow(r);
          const sentence = belowSentence(r, narrativeContext(summary, { lang, lowest }));
          if (below.length === 0) {
            expect(sentence).not.toMatch(/đơn vị khác|other units?\./);
            return;
          }
          const shown = Math.min(lowest, below.length);
          // Named: the first `shown`, in order of rate; none of the others.
          let at = 0;
          below.forEach((u, k) => {
            const name = proseName(u.unit, lang);
            const item =
              lang === "vi"
                ? new RegExp(`${name} (mới )?đạt ${formatPercent(u.ratio!, lang)}`, "g")
                : new RegExp(`${name} at ${formatPercent(u.ratio!, lang).replace(".", "\\.")}`, "g");
            item.lastIndex = at;
            const m = item.exec(sentence);
            if (k < shown) {
              if (!m) throw new Error(`unit ${k + 1} of ${below.length} (${name}) is not named after position ${at} with N = ${lowest}: ${sentence}`);
              at = m.index + m[0].length;
            } else {
              expect(sentence).not.toContain(lang === "vi" ? `${name} đạt` : `${name} at`);
            }
          });
          const items = sentence.match(lang === "vi" ? / (mới )?đạt \d/g : / at \d/g) ?? [];
          expect(items).toHaveLength(shown);
          // The rest, counted exactly, at the end of the list.
          const rest = sentence.match(lang === "vi" ? /và (\d+) đơn vị khác\.$/ : /and (\d+) other units?\.$/);
          if (below.length > lowest) {
            expect(rest).not.toBeNull();
            expect(Number(rest![1])).toBe(below.length - lowest);
          } else {
            expect(rest).toBeNull();
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
