/**
 * The summary sheets' names: the short indicator names, shortened by whole words to fit
 * Excel's 31 characters with the measure kept, unique among our sheets and the user's (case aside,
 * as Excel compares) — never "Rank Voluntary social insur (2)".
 */
import fc from "fast-check";
import { describeOutput, rankedSheetNames } from "../../src/core/describe";
import { SHORT_INDICATORS, type Lang } from "../../src/core/i18n";
import { CATALOGUE } from "../../src/core/indicators";
import { fitWords, legalSheetChars, legalSheetName, planSheetNames } from "../../src/core/sheetSpec";
import { summarize } from "../../src/core/summarize";
import { buildGrid } from "../helpers/grids";
import { expectLegalSheetName as expectLegal } from "../helpers/sheetNames";

const UNITS = ["Huyện Vị Thủy", "Huyện Long Mỹ", "Thành phố Vị Thanh"].map((name) => ({ name }));
const HEADERS = ["BHXH bắt buộc", "BHXH tự nguyện", "BHTN", "BHYT"];

/** The four standard indicators, each against plan and as coverage (BHYT of the population, the rest of the labour force). */
function fourStandard() {
  const grid = (columns: { header: string; values: number[] }[]) =>
    buildGrid({ units: UNITS, columns, total: { label: "Toàn tỉnh", position: "bottom" } }).grid;
  return summarize({
    targets: { name: "Kế hoạch", values: grid(HEADERS.map((header) => ({ header, values: [100, 200, 300] }))) },
    actuals: { name: "Thực hiện", values: grid(HEADERS.map((header) => ({ header, values: [90, 150, 310] }))) },
    base: {
      name: "Dân số",
      values: grid([
        { header: "Dân số", values: [1000, 2000, 3000] },
        { header: "Lực lượng lao động", values: [500, 900, 1500] },
      ]),
    },
  });
}

describe("the ranked sheets of the four standard indicators", () => {
  const s = fourStandard();

  it("every indicator has a result in both measures", () => {
    const keys = s.results.map((r) => `${r.indicatorKey}:${r.measure}`);
    for (const id of ["bhxh-bb", "bhxh-tn", "bhtn", "bhyt"]) expect(keys).toEqual(expect.arrayContaining([`${id}:attainment`, `${id}:coverage`]));
  });

  it.each<[Lang, Record<string, string>]>([
    [
      "vi",
      {
        "bhxh-bb:attainment": "Xếp hạng BHXH BB (KH)",
        "bhxh-bb:coverage": "Xếp hạng BHXH BB (bao phủ)",
        "bhxh-tn:attainment": "Xếp hạng BHXH TN (KH)",
        "bhxh-tn:coverage": "Xếp hạng BHXH TN (bao phủ)",
        "bhtn:attainment": "Xếp hạng BHTN (KH)",
        "bhtn:coverage": "Xếp hạng BHTN (bao phủ)",
        "bhyt:attainment": "Xếp hạng BHYT (KH)",
        "bhyt:coverage": "Xếp hạng BHYT (bao phủ)",
        "bhxh:attainment": "Xếp hạng BHXH (KH)",
        "bhxh:coverage": "Xếp hạng BHXH (bao phủ)",
      },
    ],
    [
      "en",
      {
        "bhxh-bb:attainment": "Rank Compulsory SI (plan)",
        "bhxh-bb:coverage": "Rank Compulsory SI (coverage)",
        "bhxh-tn:attainment": "Rank Voluntary SI (plan)",
        "bhxh-tn:coverage": "Rank Voluntary SI (coverage)",
        "bhtn:attainment": "Rank UI (plan)",
        "bhtn:coverage": "Rank UI (coverage)",
        "bhyt:attainment": "Rank HI (plan)",
        "bhyt:coverage": "Rank HI (coverage)",
        "bhxh:attainment": "Rank SI (plan)",
        "bhxh:coverage": "Rank SI (coverage)",
      },
    ],
  ])("%s: short names, whole, the measure kept, all distinct", (lang, expected) => {
    const specs = describeOutput(s, { lang });
    for (const spec of specs.filter((x) => x.kind === "ranked")) {
      const key = spec.key.replace(/^ranked:/, "");
      expect([key, spec.name]).toEqual([key, expected[key]]);
    }
    const names = specs.map((x) => x.name);
    for (const n of names) expectLegal(n);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    // Written next to a user's sheets that hold some of the names (in another case), every name stays whole and distinct.
    const user = [names[1]!.toUpperCase(), names[2]!.toLowerCase(), "Kế hoạch", "Thực hiện"];
    const planned = planSheetNames(
      names,
      user.map((name) => ({ name, ours: false })),
    );
    for (const n of planned) expectLegal(n);
    const all = [...planned, ...user].map((n) => n.toLowerCase());
    expect(new Set(all).size).toBe(all.length);
    expect(planned[1]).toBe(names[1]!.replace(/ \(/, " 2 ("));
  });

  it("every catalogue indicator has its short name in both languages", () => {
    for (const e of CATALOGUE) {
      expect(SHORT_INDICATORS[e.id]?.vi).toBeTruthy();
      expect(SHORT_INDICATORS[e.id]?.en).toBeTruthy();
    }
  });
});

describe("long and colliding names", () => {
  it("a long indicator loses whole words from its end, never the measure; an open bracket goes with what it opened", () => {
    const r = (indicator: string, measure: "attainment" | "coverage" = "attainment") => ({
      indicatorKey: `custom:${indicator}`,
      indicator,
      indicatorEn: indicator,
      measure,
    });
    expect(rankedSheetNames([r("Số người tham gia bảo hiểm xã hội tự nguyện")], "vi")).toEqual(["Xếp hạng Số người tham gia (KH)"]);
    expect(rankedSheetNames([r("Thu nợ quá hạn (triệu đồng)")], "vi")).toEqual(["Xếp hạng Thu nợ quá hạn (KH)"]);
    expect(rankedSheetNames([r("Số tiền thu BHXH: BHYT/BHTN [triệu đồng]?*")], "en")).toEqual(["Rank Số tiền thu BHXH (plan)"]);
    // Two that shorten alike are numbered before the measure; the overview's name is never taken.
    expect(rankedSheetNames([r("Thu nợ quá hạn dưới một năm"), r("Thu nợ quá hạn trên một năm")], "vi")).toEqual([
      "Xếp hạng Thu nợ quá hạn (KH)",
      "Xếp hạng Thu nợ quá hạn 2 (KH)",
    ]);
    expect(rankedSheetNames([r("A"), r("a")], "en", ["Rank A (plan)"])).toEqual(["Rank A 2 (plan)", "Rank a 3 (plan)"]);
  });

  it("only a single word longer than the room is cut, and it says so with “…”", () => {
    const word = "Chỉtiêuviếtliềnkhôngcókhoảngtrắngnào";
    const [name] = rankedSheetNames([{ indicatorKey: "custom:x", indicator: word, indicatorEn: word, measure: "attainment" }], "vi");
    expectLegal(name!);
    expect(name).toMatch(/^Xếp hạng Chỉtiêu\S*… \(KH\)$/);
    expect(legalSheetName("😀".repeat(40))).toBe("😀".repeat(30) + "…");
  });

  it("fitWords keeps whole words, drops a dangling separator, gives nothing when no word fits", () => {
    expect(fitWords("Thu nợ quá hạn dưới 1 năm", 14)).toBe("Thu nợ quá hạn");
    expect(fitWords("Thu nợ (triệu đồng)", 14)).toBe("Thu nợ");
    expect(fitWords("Số tiền thu BHXH- BHYT-BHTN", 20)).toBe("Số tiền thu BHXH");
    expect(fitWords("Supercalifragilistic", 10)).toBe("");
    expect(fitWords("Ngắn", 10)).toBe("Ngắn");
    // Vietnamese writes a word's syllables apart: a cut never splits "tham gia" or "bảo hiểm xã hội".
    expect(fitWords("Số người tham gia bảo hiểm xã hội", 15)).toBe("Số người");
    expect(fitWords("Số người tham gia bảo hiểm xã hội", 30)).toBe("Số người tham gia");
    expect(fitWords("Số thẻ BHYT hộ gia đình cấp mới", 20)).toBe("Số thẻ BHYT");
  });
});

// ---------------------------------------------------------------------------------------------
// Property: for any indicators, measures, language and user sheets, the final names are ≤ 31
// characters, legal, unique (case aside) among ours and the user's, and end in no cut word.

const LETTERS = "abcdeghiklmnopqrstuvxyăâđêôơưáàảãạếềểễệốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵAĐBHXYT".split("");
const PUNCT = [":", "/", "?", "*", "[", "]", "'", "-", ",", "(", ")", "\\"];
// A word: letters (at least one, so it is never mistaken for our numbering), maybe punctuation; at most 8 characters.
const word = fc
  .tuple(fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 6 }), fc.option(fc.constantFrom(...PUNCT), { nil: undefined }), fc.boolean())
  .map(([ls, p, before]) => (p === undefined ? ls.join("") : before ? p + ls.join("") : ls.join("") + p));
const indicatorName = fc.array(word, { minLength: 1, maxLength: 10 }).map((ws) => ws.join(" "));
const result = fc.oneof(
  fc.record({ key: fc.constantFrom(...Object.keys(SHORT_INDICATORS)), name: fc.constant("BHYT") }),
  fc.record({ key: fc.constant("custom"), name: indicatorName }),
);

const HEAD = /^(Xếp hạng|Rank)( .*)?$/;
const TAIL = / \((KH|bao phủ|plan|coverage)\)( \(\d+\))?$/;

/** The words of a name between "Xếp hạng"/"Rank" and the measure, without our numbers. */
function bodyWords(name: string): string[] {
  const t = name.match(TAIL);
  if (!t) throw new Error(`no measure at the end of "${name}"`);
  const h = name.slice(0, t.index).match(HEAD);
  if (!h) throw new Error(`no "Xếp hạng"/"Rank" at the start of "${name}"`);
  const words = (h[2] ?? "")
    .trim()
    .split(" ")
    .filter((w) => w !== "");
  // Our numbers (describe's for two alike, planSheetNames' for a user's sheet); the indicator's own words all hold a letter.
  while (words.length > 0 && /^\d+$/.test(words[words.length - 1]!)) words.pop();
  return words;
}

describe("sheet names, for any indicators", () => {
  it("are ≤ 31 characters, legal, unique among ours and the user's, and never end in a cut word", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(result, fc.constantFrom<"attainment" | "coverage">("attainment", "coverage")), { minLength: 1, maxLength: 8 }),
        fc.constantFrom<Lang>("vi", "en"),
        fc.array(fc.tuple(fc.nat(20), fc.boolean()), { maxLength: 6 }),
        fc.array(indicatorName, { maxLength: 3 }),
        (items, lang, clash, otherUser) => {
          const results = items.map(([r, measure]) => ({
            indicatorKey: r.key === "custom" ? `custom:${r.name}` : r.key,
            indicator: r.name,
            indicatorEn: r.name,
            measure,
          }));
          const overview = lang === "vi" ? "Tổng hợp chỉ tiêu" : "Overview";
          const ours = [overview, ...rankedSheetNames(results, lang, [overview])];
          // The user's sheets: some of our names in another case, and others.
          const named = [
            ...clash.map(([i, up]) => (up ? ours[i % ours.length]!.toUpperCase() : ours[i % ours.length]!.toLowerCase())),
            ...otherUser.map(legalSheetName),
          ];
          // A workbook never holds two sheets Excel takes for one.
          const user = [...new Map(named.map((n) => [n.toLowerCase(), n])).values()];
          const planned = planSheetNames(
            ours,
            user.map((name) => ({ name, ours: false })),
          );
          for (const n of planned) expectLegal(n);
          const keys = [...planned, ...user].map((n) => n.toLowerCase());
          expect(new Set(keys).size).toBe(keys.length);
          planned.slice(1).forEach((name, i) => {
            const r = results[i]!;
            const source = legalSheetChars(r.indicatorKey.startsWith("custom:") ? r.indicator : SHORT_INDICATORS[r.indicatorKey]![lang]);
            const whole = source.split(" ");
            const words = bodyWords(name);
            // Whole words of the indicator, from its start (the last may have lost a dangling separator).
            words.forEach((w, k) => {
              const ok =
                w === whole[k] ||
                (k === words.length - 1 && whole[k] !== undefined && whole[k]!.startsWith(w) && /^[\s,;.&+\-–—]+$/u.test(whole[k]!.slice(w.length)));
              if (!ok) throw new Error(`"${name}": word ${k + 1} "${w}" is not a whole word of "${source}"`);
            });
            expect(name).not.toContain("…");
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
