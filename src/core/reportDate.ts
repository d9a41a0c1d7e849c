/**
 * When and where a report speaks of: the report date (a day, "Số liệu đến ngày 31/10/2022", or a
 * period, "Từ 01/01/2024 đến 30/4/2024") and the area ("tỉnh Hậu Giang", "toàn tỉnh"). Given by
 * the user (--as-of, --area), else read from the sheets' title rows and the total row's label.
 * Nothing is guessed beyond what the workbook says: with no date and no area, a paragraph simply
 * starts without them.
 */
import { ChitieuError } from "./errors";
import type { Lang } from "./i18n";
import { said } from "./messages";
import { KIND_WORDS, properCase, proseName, splitPlaceName } from "./placeNames";
import { cleanText, foldText } from "./text";
import type { UnitKind } from "./units";

/** A calendar day, with its text as written ("30/4/2024"), for Vietnamese prose. */
export interface DayDate {
  readonly day: number;
  readonly month: number;
  readonly year: number;
  readonly text: string;
}

export type ReportDate = { readonly kind: "day"; readonly day: DayDate } | { readonly kind: "period"; readonly from: DayDate; readonly to: DayDate };

const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Days in a month of a year (Gregorian leap years); shared with periods.ts. */
export function daysIn(month: number, year: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** A day from its written parts ("30", "6", "2024"), checked; null when it is not a real date. Shared with periods.ts. */
export function dayOf(d: string, m: string, y: string): DayDate | null {
  const day = Number(d);
  const month = Number(m);
  const year = Number(y);
  if (!(month >= 1 && month <= 12 && year >= 1900 && year <= 2999 && day >= 1 && day <= daysIn(month, year))) return null;
  return { day, month, year, text: `${d}/${m}/${y}` };
}

// A day written "31/10/2022", "31-10-2022", "31.10.2022" or "31 tháng 10 năm 2022" (folded: "thang", "nam").
const DAY = String.raw`(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})`;

function dayFromMatch(m: RegExpMatchArray, at: number): DayDate | null {
  return m[at] !== undefined ? dayOf(m[at]!, m[at + 1]!, m[at + 2]!) : dayOf(m[at + 3]!, m[at + 4]!, m[at + 5]!);
}

/** "31/10/2022" (also with - or .) as a day; null when it is not a real date. */
export function parseDayText(text: string): DayDate | null {
  const m = foldText(text).match(new RegExp(`^(?:${DAY})$`));
  return m ? dayFromMatch(m, 1) : null;
}

/** The date a user gives (--as-of), checked: a clear error when it is not a day. */
export function givenReportDate(text: string): ReportDate {
  const day = parseDayText(text);
  if (!day) throw new ChitieuError("bad-option", said("as-of-not-a-date", { text }, undefined, "asOf"));
  return { kind: "day", day };
}

const PERIOD_RE = new RegExp(String.raw`\b(?:tu|from)\s+(?:ngay\s+)?(?:${DAY})\s*(?:den|-|–|to)\s*(?:het\s+)?(?:ngay\s+)?(?:${DAY})`);
const UNTIL_RE = new RegExp(String.raw`\b(?:den|tinh den|as of|as at|until)\s+(?:het\s+)?(?:ngay\s+)?(?:${DAY})`);

/**
 * The report date a title row states: a period ("Từ 01/01/2024 đến 30/4/2024") or a day up to
 * which the figures run ("Số liệu đến ngày 31/10/2022", "Tính đến 31/10/2022"). A bare date (a
 * decision's "ngày 15/01/2022") is not a report date and is not taken.
 */
export function reportDateFromTitles(lines: readonly string[]): ReportDate | null {
  for (const line of lines) {
    const f = foldText(line);
    const p = f.match(PERIOD_RE);
    if (p) {
      const from = dayFromMatch(p, 1);
      const to = dayFromMatch(p, 7);
      if (from && to) return { kind: "period", from, to };
    }
    const u = f.match(UNTIL_RE);
    if (u) {
      const day = dayFromMatch(u, 1);
      if (day) return { kind: "day", day };
    }
  }
  return null;
}

/**
 * The report date of a run: the one the user gives (--as-of, the pane's date field; checked, a
 * `bad-option` error when it is no day), else the one the actuals' title rows state (a targets
 * sheet's dates are the plan's). The one rule the paragraph (narrative.ts) and the pace
 * (paceResults.ts) both follow, so they never speak of two dates.
 */
export function runReportDate(
  given: string | null | undefined,
  titles: readonly { readonly role: string; readonly lines: readonly string[] }[],
): ReportDate | null {
  const text = given?.trim();
  if (text) return givenReportDate(text);
  return reportDateFromTitles(titles.filter((t) => t.role === "actuals").flatMap((t) => t.lines));
}

/** The day a report's figures run to: the day itself, or a period's last day. */
export function reportDay(d: ReportDate): DayDate {
  return d.kind === "day" ? d.day : d.to;
}

/** A day as ISO ("2024-04-30"). */
export function isoOfDay(d: Pick<DayDate, "day" | "month" | "year">): string {
  return `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

/** "30 June 2024": a day in English prose; shared with paceText.ts. */
export function dayInEnglish(d: Pick<DayDate, "day" | "month" | "year">): string {
  return `${d.day} ${MONTHS_EN[d.month - 1]} ${d.year}`;
}

/** The words that open a paragraph: "Đến ngày 31/10/2022, " / "From 1 January 2024 to 30 April 2024, ". */
export function reportDateLead(d: ReportDate, lang: Lang): string {
  if (lang === "vi") return d.kind === "day" ? `Đến ngày ${d.day.text}, ` : `Từ ${d.from.text} đến ${d.to.text}, `;
  return d.kind === "day" ? `As of ${dayInEnglish(d.day)}, ` : `From ${dayInEnglish(d.from)} to ${dayInEnglish(d.to)}, `;
}

/** The area a report speaks of, as a sentence's subject, and its level for "bình quân chung của tỉnh". */
export interface ReportArea {
  /** "tỉnh Hậu Giang", "toàn tỉnh". */
  readonly vi: string;
  /** "Hậu Giang province", "the province". */
  readonly en: string;
  /** Where, before a clause: "tại tỉnh Hậu Giang" / "tính chung toàn tỉnh"; "in Hậu Giang province" / "across the province". */
  readonly viAt: string;
  readonly enAt: string;
  readonly level: UnitKind | null;
}

function placeArea(vi: string, en: string, level: UnitKind | null): ReportArea {
  return { vi, en, viAt: `tại ${vi}`, enAt: `in ${en}`, level };
}

/** The area a user gives (--area "tỉnh Hậu Giang"); null when blank. */
export function givenArea(text: string): ReportArea | null {
  const t = cleanText(text);
  if (t === "") return null;
  const p = splitPlaceName(t);
  return placeArea(proseName(t, "vi"), proseName(t, "en"), p.kind);
}

const TOTAL_LEVEL: readonly [RegExp, UnitKind][] = [
  [/^toan (thanh pho|tp)\b/, "tp"],
  [/^toan tinh\b/, "tinh"],
  [/^toan thi xa\b/, "tx"],
  [/^toan thi tran\b/, "tt"],
  [/^toan huyen\b/, "h"],
  [/^toan quan\b/, "q"],
  [/^toan phuong\b/, "p"],
  [/^toan xa\b/, "x"],
];

/** The level a total row's label names ("Toàn tỉnh" → tỉnh); null for "Tổng cộng" and the like. */
export function levelOfTotalLabel(label: string | null): UnitKind | null {
  if (!label) return null;
  const f = foldText(label);
  for (const [re, kind] of TOTAL_LEVEL) if (re.test(f)) return kind;
  return null;
}

/** "Toàn tỉnh" as an area: "toàn tỉnh" / "the province". Null when the label names no level. */
export function areaFromTotalLabel(label: string | null): ReportArea | null {
  const level = levelOfTotalLabel(label);
  if (!level) return null;
  const vi = `toàn ${KIND_WORDS[level].vi}`;
  const en = `the ${KIND_WORDS[level].en}`;
  return { vi, en, viAt: `tính chung ${vi}`, enAt: `across ${en}`, level };
}

// Agencies whose name ends with their area: "BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG", "UBND THÀNH PHỐ CẦN THƠ".
const AGENCY = /^(bao hiem xa hoi|bhxh|uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)\s+/;

/**
 * The area an agency title row names ("BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG" → tỉnh Hậu Giang). Only a
 * row that is the agency's name and nothing else counts, so a report title is never read as a place.
 */
export function areaFromTitles(lines: readonly string[]): ReportArea | null {
  for (const line of lines) {
    const t = cleanText(line);
    const agency = foldText(t).match(AGENCY);
    if (!agency) continue;
    // Folding keeps one character per character of the NFC text, so the offsets carry over.
    const rest = t.slice(agency[0].length);
    const p = splitPlaceName(rest);
    if (!p.kind || !/^[\p{L}\s.-]+$/u.test(p.name) || p.name.split(" ").length > 4) continue;
    const name = properCase(p.name);
    return placeArea(`${KIND_WORDS[p.kind].vi} ${name}`, `${name} ${KIND_WORDS[p.kind].en}`, p.kind);
  }
  return null;
}

export interface AreaSources {
  /** What the user gave (--area), if anything. */
  readonly given?: string | null;
  /** Title rows of the sheets, reference sheet first. */
  readonly titles?: readonly string[];
  /** The reference sheet's total row label ("Toàn tỉnh"). */
  readonly totalLabel?: string | null;
}

/**
 * The area: the user's, else an agency title row's (when its level agrees with the total row's),
 * else the total row's label. The level (for "bình quân chung của tỉnh") comes from the same
 * place, or from the total row when the area names none.
 */
export function resolveArea(s: AreaSources): { area: ReportArea | null; level: UnitKind | null } {
  const totalLevel = levelOfTotalLabel(s.totalLabel ?? null);
  const given = s.given ? givenArea(s.given) : null;
  if (given) return { area: given, level: given.level ?? totalLevel };
  const titled = areaFromTitles(s.titles ?? []);
  if (titled && (totalLevel === null || totalLevel === titled.level)) return { area: titled, level: titled.level };
  const total = areaFromTotalLabel(s.totalLabel ?? null);
  return { area: total, level: totalLevel };
}
