/**
 * The monthly report's paragraphs, written from the results alone — one per indicator and
 * measure, in the fixed style of the reports to the people's committee and the press (seeds 000
 * and 001):
 *
 *   "Đến ngày 31/10/2022, tỉnh Hậu Giang có 12.853 người tham gia bảo hiểm xã hội tự nguyện, đạt
 *   64,91% kế hoạch. Tuy nhiên, một số đơn vị đạt tỷ lệ còn thấp hơn so với bình quân chung của
 *   tỉnh. Cụ thể, tỷ lệ tham gia bảo hiểm xã hội tự nguyện của huyện Vị Thủy mới đạt 45,37%, …"
 *
 * Pure and deterministic: no clock, no randomness, no outside service. Every number is one the
 * results hold, formatted as Excel shows it (format.ts), so what a planner pastes into the report
 * is what the summary sheets say. Growth on the same period and goals are written when the
 * results have them (a previous-year sheet, goals given) and left out when they do not.
 */
import { formatCount, formatPercent, formatPercentShort, formatPoints, joinList } from "./format";
import type { Lang } from "./i18n";
import type { AverageMode } from "./measures";
import { KIND_WORDS, capitalizeFirst, proseName } from "./placeNames";
import { ReportArea, ReportDate, reportDateLead, resolveArea, runReportDate } from "./reportDate";
import type { IndicatorResult, Measure, Summary, UnitResult } from "./results";
import { DEFAULT_LOWEST } from "./settings";
import type { UnitKind } from "./units";
import { indicatorProse, type ProseIndicator } from "./indicatorProse";
import { paceSentence } from "./paceText";
import { belowAverageList } from "./unitLists";

// Older imports of indicatorProse from here keep working.
export { indicatorProse } from "./indicatorProse";

export interface NarrativeOptions {
  readonly lang?: Lang;
  /** The report date as dd/mm/yyyy (--as-of); otherwise read from the actuals' title rows. */
  readonly asOf?: string | null;
  /** The area ("tỉnh Hậu Giang", --area); otherwise an agency title row or the total row's label. */
  readonly area?: string | null;
  /** How many units below the average (and short of their goal) are named, lowest first; the rest are counted (default 5). */
  readonly lowest?: number;
}

/** What every paragraph of one report shares. */
export interface NarrativeContext {
  readonly lang: Lang;
  readonly date: ReportDate | null;
  readonly area: ReportArea | null;
  /** The area's level, for "bình quân chung của tỉnh"; null gives a neutral "bình quân chung". */
  readonly level: UnitKind | null;
  readonly average: AverageMode;
  /** Units named in a list, lowest first; the rest are "và N đơn vị khác" (see NarrativeOptions.lowest). */
  readonly lowest: number;
  /**
   * Last year's figures summed into the new units through the crosswalk (the July 2025 merger),
   * and their year where the sheet says it: the growth says so. Absent or null when they were not.
   */
  readonly mergedPrevious?: { readonly year: number | null } | null;
}

/** The report date and area for a summary, from the options first, then the workbook. */
export function narrativeContext(summary: Summary, options: NarrativeOptions = {}): NarrativeContext {
  const lang = options.lang ?? "vi";
  const titles = summary.titles ?? [];
  // The date of the figures: given, else the actuals' (the rule the pace follows too).
  const date = runReportDate(options.asOf, titles);
  const { area, level } = resolveArea({
    given: options.area,
    titles: titles.filter((t) => t.role !== "previous").flatMap((t) => t.lines),
    totalLabel: summary.totalLabel,
  });
  const lowest = options.lowest !== undefined && Number.isInteger(options.lowest) && options.lowest >= 1 ? options.lowest : DEFAULT_LOWEST;
  const converted = summary.crosswalk?.converted.find((c) => c.roles.includes("previous"));
  return { lang, date, area, level, average: summary.average, lowest, mergedPrevious: converted ? { year: converted.period?.year ?? null } : null };
}

/** One paragraph per indicator and measure, in the order of the results. */
export function writeNarrative(summary: Summary, options: NarrativeOptions = {}): string[] {
  const ctx = narrativeContext(summary, options);
  return summary.results.map((r) => indicatorParagraph(r, ctx));
}

// ---------------------------------------------------------------------------------------------
// Sentences

const pct = (x: number, lang: Lang) => formatPercent(x, lang);
const count = (x: number, lang: Lang) => formatCount(x, lang);

/** "đạt 92,62% kế hoạch" / "tỷ lệ bao phủ đạt 85,26% dân số" / "chiếm 28,90% lực lượng lao động". */
export function measurePhrase(r: Pick<IndicatorResult, "measure" | "denominatorKind" | "overall">, lang: Lang): string {
  if (r.overall === null) {
    if (lang === "vi") return r.measure === "attainment" ? "chưa tính được tỷ lệ so với kế hoạch" : "chưa tính được tỷ lệ bao phủ";
    return r.measure === "attainment" ? "with no rate against plan" : "with no coverage rate";
  }
  const rate = pct(r.overall, lang);
  if (lang === "vi") {
    if (r.denominatorKind === "target") return `đạt ${rate} kế hoạch`;
    if (r.denominatorKind === "population") return `tỷ lệ bao phủ đạt ${rate} dân số`;
    return `chiếm ${rate} lực lượng lao động`;
  }
  if (r.denominatorKind === "target") return `${rate} of plan`;
  if (r.denominatorKind === "population") return `covering ${rate} of the population`;
  return `${rate} of the labour force`;
}

/**
 * "tăng 5,40% so với cùng kỳ" / "up 5.40% on the same period last year"; "" without growth.
 * Last year's figures summed into the new units (`merged`) say so: "tăng 5,40% so với cùng kỳ
 * năm 2025, quy đổi theo đơn vị hành chính mới" / "up 5.40% on the same period of 2025,
 * converted to the new administrative units".
 */
export function growthPhrase(growth: number | null, lang: Lang, merged: { readonly year: number | null } | null = null): string {
  if (growth === null) return "";
  const shown = pct(Math.abs(growth), lang);
  const period = merged
    ? lang === "vi"
      ? `cùng kỳ${merged.year ? ` năm ${merged.year}` : ""}`
      : `the same period${merged.year ? ` of ${merged.year}` : " last year"}`
    : null;
  const converted = merged ? (lang === "vi" ? ", quy đổi theo đơn vị hành chính mới" : ", converted to the new administrative units") : "";
  if (!/[1-9]/.test(shown)) return (lang === "vi" ? `bằng ${period ?? "cùng kỳ"}` : `unchanged on ${period ?? "the same period last year"}`) + converted;
  if (lang === "vi") return `${growth > 0 ? "tăng" : "giảm"} ${shown} so với ${period ?? "cùng kỳ"}${converted}`;
  return `${growth > 0 ? "up" : "down"} ${shown} on ${period ?? "the same period last year"}${converted}`;
}

/** What an indicator counts, for what is still missing to a goal: people, or its header's unit. */
type Counted = Pick<ProseIndicator, "people" | "unit">;
const PEOPLE: Counted = { people: true, unit: "" };

/**
 * What is still missing to reach a goal: "cần vận động thêm 437 người" for people; in its own unit
 * ("còn thiếu 80 triệu đồng") for an indicator that counts something else (revenue, debts against
 * plan): enrolling is no word for money.
 */
function stillNeeded(n: number, counted: Counted, lang: Lang): string {
  const x = count(n, lang);
  if (counted.people) return lang === "vi" ? `cần vận động thêm ${x} người` : `${x} more people to enrol`;
  const unit = counted.unit ? ` ${counted.unit}` : "";
  return lang === "vi" ? `còn thiếu ${x}${unit}` : `${x}${unit} more needed`;
}

/**
 * The area against its goal, with what is still missing. Coverage: "thấp hơn mục tiêu 29% là 0,10
 * điểm %" / "0.10 percentage points below the 29% goal"; attainment, the goal a share of the plan:
 * "chưa đạt mục tiêu 105% kế hoạch, thấp hơn 38,75 điểm %" / "38.75 percentage points short of the
 * goal of 105% of plan". "" without a goal.
 */
export function goalPhrase(
  goal: number | null,
  goalGap: number | null,
  toGoal: number | null,
  lang: Lang,
  measure: Measure = "coverage",
  counted: Counted = PEOPLE,
): string {
  if (goal === null || goalGap === null) return "";
  const g = formatPercentShort(goal, lang);
  const pts = formatPoints(Math.abs(goalGap), lang);
  const atGoal = !/[1-9]/.test(pts);
  const more = toGoal !== null && toGoal > 0 ? ` (${stillNeeded(toGoal, counted, lang)})` : "";
  if (measure === "attainment") {
    if (lang === "vi") {
      if (atGoal) return `đạt mục tiêu ${g} kế hoạch${more}`;
      return goalGap < 0 ? `chưa đạt mục tiêu ${g} kế hoạch, thấp hơn ${pts}${more}` : `vượt mục tiêu ${g} kế hoạch, cao hơn ${pts}${more}`;
    }
    if (atGoal) return `at the goal of ${g} of plan${more}`;
    return `${pts} ${goalGap < 0 ? "short of" : "above"} the goal of ${g} of plan${more}`;
  }
  if (lang === "vi") {
    if (atGoal) return `đạt mục tiêu ${g}${more}`;
    return `${goalGap < 0 ? "thấp hơn" : "cao hơn"} mục tiêu ${g} là ${pts}${more}`;
  }
  if (atGoal) return `at the ${g} goal${more}`;
  return `${pts} ${goalGap < 0 ? "below" : "above"} the ${g} goal${more}`;
}

/** The opening sentence: date, area, the area's count with its unit word, its rate, growth and goal. */
export function openingSentence(r: IndicatorResult, ctx: NarrativeContext): string {
  const { lang } = ctx;
  const ind = indicatorProse(r, lang);
  const lead = ctx.date ? reportDateLead(ctx.date, lang) : "";
  const n = count(r.actualTotal, lang);
  const tail = [measurePhrase(r, lang), growthPhrase(r.growth, lang, ctx.mergedPrevious ?? null), goalPhrase(r.goal, r.goalGap, r.toGoal, lang, r.measure, ind)]
    .filter((s) => s !== "")
    .join(", ");
  const unit = ind.unit ? ` ${ind.unit}` : "";
  let body: string;
  if (lang === "vi") {
    if (ind.people) body = ctx.area ? `${ctx.area.vi} có ${n} người tham gia ${ind.name}` : `số người tham gia ${ind.name} là ${n} người`;
    else body = `${ctx.area ? `${ctx.area.viAt}, ` : ""}${ind.name} là ${n}${unit}`;
  } else if (ind.people) {
    body = ctx.area ? `${ctx.area.en} had ${n} people in ${ind.name}` : `${n} people were in ${ind.name}`;
  } else {
    body = `${ctx.area ? `${ctx.area.enAt}, ` : ""}${ind.name} was ${n}${unit}`;
  }
  return capitalizeFirst(`${lead}${body}, ${tail}.`);
}

function averageWords(r: IndicatorResult, ctx: NarrativeContext): string {
  const { lang } = ctx;
  if (ctx.average === "mean") {
    const avg = r.average === null ? "" : ` (${pct(r.average, lang)})`;
    return lang === "vi" ? `bình quân của các đơn vị${avg}` : `the mean of the unit rates${avg}`;
  }
  if (lang === "vi") return ctx.level ? `bình quân chung của ${KIND_WORDS[ctx.level].vi}` : "bình quân chung";
  return ctx.level ? `the ${KIND_WORDS[ctx.level].en}-wide rate` : "the overall rate";
}

/** The units below the average, lowest rate first (ties in the sheet's order). */
export function unitsBelow(r: IndicatorResult): readonly UnitResult[] {
  return belowAverageList(r).units;
}

/**
 * The named items of a list of `total` units, and the rest counted: "… xã E đạt 53,24% và 163 đơn
 * vị khác" / "… and 163 other units". A list of 168 communes is no sentence a report can print;
 * the ranked sheet has them all. Only the first `lowest` units are worded at all (a national run
 * has 3,321).
 */
function withOthers(named: readonly string[], total: number, lang: Lang): string[] {
  const others = total - named.length;
  if (others <= 0) return [...named];
  return [...named, lang === "vi" ? `${count(others, lang)} đơn vị khác` : `${count(others, lang)} other ${others === 1 ? "unit" : "units"}`];
}

/**
 * "Tuy nhiên, một số đơn vị … Cụ thể, tỷ lệ … của huyện Vị Thủy mới đạt 45,37%, …"; or that none is
 * below. Names the lowest `ctx.lowest` units and counts the rest.
 */
export function belowSentence(r: IndicatorResult, ctx: NarrativeContext): string {
  const { lang } = ctx;
  if (r.average === null) return "";
  // Only the named units are made into objects: a national result has thousands below the average.
  const { units: named, total } = belowAverageList(r, ctx.lowest);
  const avg = averageWords(r, ctx);
  if (total === 0) return lang === "vi" ? `Không có đơn vị nào đạt tỷ lệ thấp hơn so với ${avg}.` : `No unit is below ${avg}.`;
  const ind = indicatorProse(r, lang);
  if (lang === "vi") {
    const intro =
      total === 1 ? `Tuy nhiên, còn một đơn vị đạt tỷ lệ thấp hơn so với ${avg}.` : `Tuy nhiên, một số đơn vị đạt tỷ lệ còn thấp hơn so với ${avg}.`;
    const noun =
      r.denominatorKind === "target"
        ? ind.people
          ? `tỷ lệ tham gia ${ind.name}`
          : `tỷ lệ thực hiện ${ind.name}`
        : r.denominatorKind === "population"
          ? `tỷ lệ bao phủ ${ind.name}`
          : `tỷ lệ tham gia ${ind.name} so với lực lượng lao động`;
    const items = named.map((u, i) => `${proseName(u.unit, "vi")} ${i === 0 ? "mới đạt" : "đạt"} ${pct(u.ratio!, "vi")}`);
    return `${intro} Cụ thể, ${noun} của ${joinList(withOthers(items, total, "vi"), "vi")}.`;
  }
  const items = named.map((u) => `${proseName(u.unit, "en")} at ${pct(u.ratio!, "en")}`);
  return `However, ${total === 1 ? "one unit is" : "some units are"} below ${avg}: ${joinList(withOthers(items, total, "en"), "en")}.`;
}

/**
 * The units short of their goal, furthest first, with the people each still has to enrol; "" without
 * goals. Like the units below the average, the first `ctx.lowest` are named and the rest counted.
 * Against plan each rate is a share of the plan: "huyện Vị Thủy đạt 45,00% kế hoạch (mục tiêu 105%, …)".
 */
export function goalSentence(r: IndicatorResult, ctx: NarrativeContext): string {
  const { lang } = ctx;
  const ofPlan = r.measure === "attainment" ? (lang === "vi" ? " kế hoạch" : " of plan") : "";
  const counted = indicatorProse(r, lang);
  const withGoal = r.units.map((u, i) => ({ u, i, goal: u.goal, gap: u.goalGap, toGoal: u.toGoal })).filter((x) => x.goal !== null && x.gap !== null);
  if (withGoal.length === 0) return "";
  // Short of the goal as the sheets mark it (belowGoal), furthest behind first.
  const short = withGoal.filter((x) => x.u.belowGoal).sort((a, b) => a.gap! - b.gap! || a.i - b.i);
  if (short.length === 0) return lang === "vi" ? "Tất cả các đơn vị đều đã đạt mục tiêu." : "Every unit has reached its goal.";
  const items = short.slice(0, ctx.lowest).map((x) => {
    const name = proseName(x.u.unit, lang);
    const rate = x.u.ratio === null ? "" : pct(x.u.ratio, lang);
    const g = formatPercentShort(x.goal!, lang);
    const pts = formatPoints(x.gap!, lang);
    const more = x.toGoal !== null && x.toGoal > 0 ? `, ${stillNeeded(x.toGoal, counted, lang)}` : "";
    return lang === "vi" ? `${name} đạt ${rate}${ofPlan} (mục tiêu ${g}, ${pts})${more}` : `${name} at ${rate}${ofPlan} (goal ${g}, ${pts})${more}`;
  });
  const n = short.length;
  return lang === "vi"
    ? `So với mục tiêu, ${n} đơn vị chưa đạt: ${joinList(withOthers(items, n, "vi"), "vi", "; ")}.`
    : `Against their goals, ${n} ${n === 1 ? "unit falls" : "units fall"} short: ${joinList(withOthers(items, n, "en"), "en", "; ")}.`;
}

/**
 * After the area's figures, what the target's period still asks for (issue 19): "Để hoàn thành chỉ
 * tiêu đợt 1, từ nay đến 30/6/2024 toàn thành phố cần phát triển thêm 10.293 người tham gia BHXH tự
 * nguyện, bình quân 5.147 người mỗi tháng." or "… đã vượt chỉ tiêu đợt 1 …"; "" without a pace.
 */
export function paceSentenceOf(r: IndicatorResult, ctx: NarrativeContext): string {
  if (!r.pace || !r.period) return "";
  return paceSentence({ pace: r.pace, target: r.denominatorTotal, actual: r.actualTotal, period: r.period, indicator: r, area: ctx.area }, ctx.lang);
}

/** One indicator and measure as one paragraph. */
export function indicatorParagraph(r: IndicatorResult, ctx: NarrativeContext): string {
  return [openingSentence(r, ctx), paceSentenceOf(r, ctx), belowSentence(r, ctx), goalSentence(r, ctx)].filter((s) => s !== "").join(" ");
}
