/**
 * The pace sentence of the report's paragraph (issue 19), after the area's figures:
 *
 *   "Để hoàn thành chỉ tiêu đợt 1, từ nay đến 30/6/2024 toàn thành phố cần phát triển thêm 10.293
 *   người tham gia BHXH tự nguyện, bình quân 5.147 người mỗi tháng."
 *
 * or, where the target is reached, "Toàn thành phố đã vượt chỉ tiêu đợt 1 về số người tham gia BHYT
 * (1.057.188 người), cao hơn 8.377 người." The paragraph's opening sentence spells the indicator's
 * name out ("bảo hiểm xã hội tự nguyện"); this one follows it with the abbreviation, as the reports
 * and the press do. Every number is one of the pace figures or the target, formatted as the sheets
 * show it (format.ts). Pure, like narrative.ts.
 */
import { formatCount } from "./format";
import { labels, periodSpanText, type Lang } from "./i18n";
import { catalogueEntry } from "./indicators";
import { indicatorProse } from "./indicatorProse";
import type { Pace } from "./pace";
import { dayDateOfIso, dayNumber, type TargetPeriod } from "./periods";
import { capitalizeFirst } from "./placeNames";
import { dayInEnglish, type ReportArea } from "./reportDate";
import type { IndicatorResult } from "./results";

export interface PaceSentenceInput {
  readonly pace: Pace;
  /** The area's target and actual the pace was computed from (for "đã vượt … cao hơn …"). */
  readonly target: number;
  readonly actual: number;
  readonly period: Pick<TargetPeriod, "label" | "labelEn">;
  readonly indicator: Pick<IndicatorResult, "indicatorKey" | "indicator" | "indicatorEn">;
  /** The report's area ("toàn thành phố"), or null: the sentence then has no subject place. */
  readonly area: ReportArea | null;
}

/** How the indicator is named in this sentence and what its figures count. */
interface Named {
  /** Catalogue indicators count people: "người tham gia BHXH tự nguyện". */
  readonly people: boolean;
  /** "BHXH tự nguyện" (vi, abbreviated) / "voluntary social insurance"; a custom indicator's own words. */
  readonly name: string;
  /** The unit after a number: "người" / "people", a header's "(triệu đồng)", or "". */
  readonly unit: string;
}

function named(ind: PaceSentenceInput["indicator"], lang: Lang): Named {
  const prose = indicatorProse(ind, lang);
  const entry = catalogueEntry(ind.indicatorKey);
  if (entry) return { people: true, name: lang === "vi" ? entry.vi : prose.name, unit: prose.unit };
  return { people: false, name: prose.name, unit: prose.unit };
}

/** A number with its unit: "10.293 người", "80 triệu đồng", "80". */
function amount(x: number, n: Named, lang: Lang): string {
  const s = formatCount(x, lang);
  return n.unit ? `${s} ${n.unit}` : s;
}

/** "chỉ tiêu đợt 1" / "the phase 1 target"; "chỉ tiêu" / "the target" with no name. */
function targetWords(period: PaceSentenceInput["period"], lang: Lang): string {
  if (lang === "vi") return period.label ? `chỉ tiêu ${period.label}` : "chỉ tiêu";
  return period.labelEn ? `the ${period.labelEn} target` : "the target";
}

function dayText(iso: string, lang: Lang): string {
  const d = dayDateOfIso(iso);
  if (!d) return iso;
  return lang === "vi" ? d.text : dayInEnglish(d);
}

/** The target reached: "đã vượt" (above it) or "đã hoàn thành" (exactly it). */
function reachedSentence(i: PaceSentenceInput, n: Named, lang: Lang): string {
  const over = i.actual - i.target;
  const target = amount(i.target, n, lang);
  const words = targetWords(i.period, lang);
  if (lang === "vi") {
    const verb = over > 0 ? "đã vượt" : "đã hoàn thành";
    const what = n.people ? `số người tham gia ${n.name}` : n.name;
    const more = over > 0 ? `, cao hơn ${amount(over, n, lang)}` : "";
    const body = i.area ? `${i.area.vi} ${verb} ${words} về ${what} (${target})${more}` : `${what} ${verb} ${words} (${target})${more}`;
    return `${capitalizeFirst(body)}.`;
  }
  const what = n.people ? `${n.name} participants` : n.name;
  const by = over > 0 ? ` by ${amount(over, n, lang)}` : "";
  if (i.area) return `${capitalizeFirst(i.area.en)} has ${over > 0 ? "exceeded" : "met"} ${words} for ${what} (${target})${by}.`;
  return `${capitalizeFirst(what)} ${over > 0 ? "have exceeded" : "have met"} ${words} (${target})${by}.`;
}

/** Still short on the period's last day: what is missing, with no months left to spread it over. */
function endedShortSentence(i: PaceSentenceInput, n: Named, lang: Lang): string {
  const end = dayText(i.pace.periodEnd, lang);
  const missing = amount(i.pace.remaining, n, lang);
  if (lang === "vi") {
    const what = n.people ? ` tham gia ${n.name}` : ` ${n.name}`;
    const where = i.area ? `${i.area.vi} ` : "";
    return `${capitalizeFirst(targetWords(i.period, lang))} kết thúc ngày ${end}, ${where}còn thiếu ${missing}${what} so với chỉ tiêu.`;
  }
  const what = n.people ? `in ${n.name}` : `of ${n.name}`;
  const where = i.area ? ` ${i.area.enAt}` : "";
  return `${capitalizeFirst(targetWords(i.period, lang))} ended on ${end} with ${missing} still missing ${what}${where}.`;
}

/** Still short with time left: what is needed by the end, and each month when more than one is left. */
function stillNeededSentence(i: PaceSentenceInput, n: Named, lang: Lang): string {
  const { pace } = i;
  const end = dayText(pace.periodEnd, lang);
  const more = amount(pace.remaining, n, lang);
  const monthly = pace.monthsLeft > 1 && pace.perMonth !== null ? amount(pace.perMonth, n, lang) : null;
  if (lang === "vi") {
    const about = n.people ? "" : ` về ${n.name}`;
    const where = i.area ? `${i.area.vi} ` : "";
    const need = n.people ? `cần phát triển thêm ${more} tham gia ${n.name}` : `cần thực hiện thêm ${more}`;
    const each = monthly ? `, bình quân ${monthly} mỗi tháng` : "";
    return `Để hoàn thành ${targetWords(i.period, lang)}${about}, từ nay đến ${end} ${where}${need}${each}.`;
  }
  const about = n.people ? "" : ` for ${n.name}`;
  const each = monthly ? `, on average ${monthly} a month` : "";
  // "10,293 more people in voluntary social insurance"; "80 triệu đồng more".
  const count = formatCount(pace.remaining, lang);
  const moreOf = n.people ? `${count} more ${n.unit} in ${n.name}` : `${more} more`;
  const body = i.area ? `${i.area.en} needs ${moreOf} by ${end}` : `${moreOf} ${n.people ? "are" : "is"} needed by ${end}`;
  return `To meet ${targetWords(i.period, lang)}${about}, ${body}${each}.`;
}

/**
 * The pace sentence for one indicator: reached ("đã vượt" / "đã hoàn thành"), still needed with the
 * months left ("từ nay đến …"), or short at the period's end. "" when the as-of date is after the
 * period: those figures are not the period's, and the caller should say so instead.
 */
export function paceSentence(i: PaceSentenceInput, lang: Lang): string {
  if (dayNumber(i.pace.asOf) > dayNumber(i.pace.periodEnd)) return "";
  const n = named(i.indicator, lang);
  if (i.pace.remaining <= 0) return reachedSentence(i, n, lang);
  if (i.pace.monthsLeft <= 0) return endedShortSentence(i, n, lang);
  return stillNeededSentence(i, n, lang);
}

/**
 * The pace in one line, for the terminal (under the total line) and the pane's card: "Tiến độ đợt 1
 * (01/01–30/06/2024): còn 10.293, bình quân 5.147/tháng (2 tháng)"; "… đã vượt chỉ tiêu (8.377)";
 * with "; chậm tiến độ" where the area is judged. Null without a pace.
 */
export function paceSummaryLine(r: Pick<IndicatorResult, "pace" | "period" | "actualTotal" | "denominatorTotal">, lang: Lang): string | null {
  const p = r.pace;
  if (!p || !r.period) return null;
  const L = labels(lang);
  const label = lang === "vi" ? r.period.label : r.period.labelEn;
  const over = r.actualTotal - r.denominatorTotal;
  const what =
    p.remaining > 0
      ? L.paceToGo(formatCount(p.remaining, lang), p.perMonth === null ? null : formatCount(p.perMonth, lang), p.monthsLeft)
      : L.paceReached(over > 0 ? formatCount(over, lang) : null);
  const judged = p.onPace === null ? "" : `; ${(p.onPace ? L.onPaceMark : L.offPaceMark).toLowerCase()}`;
  return `${L.paceTitle(label, periodSpanText(p.periodStart, p.periodEnd))}: ${what}${judged}`;
}
