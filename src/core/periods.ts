/**
 * The period a target is set for, read from a header or a sheet title: "Chỉ tiêu đợt 1
 * (01/01–30/6/2024)", "đợt 1 (từ ngày 1-1 đến ngày 30-6-2024)", "Kế hoạch 6 tháng", "Chỉ tiêu
 * năm 2024", "đến 31/12/2022", "KH năm", "Quý III/2024". Pace (pace.ts) measures against it.
 *
 * Only what the text says for certain is read: a phase named without its dates ("đợt 1" alone, "đợt
 * 1 năm 2024"), two readings that disagree ("Chỉ tiêu năm 2024" over "01/7–31/12/2023"), a range
 * whose start falls after its end, or a year-less reading without the report's year all give null,
 * never the likeliest dates. The caller then uses the default (the report year) and says so.
 *
 * Days are ISO strings ("2024-06-30") and day numbers (days since 1970-01-01, proleptic Gregorian)
 * computed by arithmetic alone: the core has no clock and no time zone, so no `Date`.
 */
import { DayDate, dayOf, daysIn, isoOfDay } from "./reportDate";
import { foldText, lower } from "./text";

/** A target's period, as read. */
export interface TargetPeriod {
  /** First day, ISO ("2024-01-01"). */
  readonly start: string;
  /** Last day, ISO ("2024-06-30"). */
  readonly end: string;
  /**
   * The phase's words as a sentence writes them after "chỉ tiêu": "đợt 1", "năm 2024", "6 tháng",
   * "6 tháng đầu năm", "quý III"; "" when the text gives dates and no name for them.
   */
  readonly label: string;
  /** The same in English, before "target": "phase 1", "2024", "6-month", "Q3"; "" with no name. */
  readonly labelEn: string;
  /** The text it was read from ("" for the default period). */
  readonly source: string;
  /**
   * True when only the end was written ("đến 31/12/2022"): the start is then 1 January of the end's
   * year, the plan year every target is set in. The caller may want to say so.
   */
  readonly startAssumed: boolean;
}

// ---------------------------------------------------------------------------------------------
// Calendar days without Date

export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** "2024-06-30" → its parts, checked (a real day between 1900 and 2999); null otherwise. */
export function parseIsoDay(iso: string): CalendarDay | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const d = dayOf(m[3]!, m[2]!, m[1]!);
  return d ? { year: d.year, month: d.month, day: d.day } : null;
}

/** Days since 1970-01-01 of a calendar day (H. Hinnant's days_from_civil). */
export function dayNumberOf(c: CalendarDay): number {
  const y = c.month <= 2 ? c.year - 1 : c.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (c.month + (c.month > 2 ? -3 : 9)) + 2) / 5) + c.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar day of a day number (civil_from_days). */
export function calendarDayOf(n: number): CalendarDay {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Day number of an ISO day; NaN when it is not one. */
export function dayNumber(iso: string): number {
  const c = parseIsoDay(iso);
  return c ? dayNumberOf(c) : NaN;
}

/** ISO day of a day number. */
export function isoOfDayNumber(n: number): string {
  const c = calendarDayOf(n);
  return isoOfDay(c);
}

/** An ISO day as prose writes it ("30/6/2024", no leading zeros), for reportDate's helpers. */
export function dayDateOfIso(iso: string): DayDate | null {
  const c = parseIsoDay(iso);
  return c ? { ...c, text: `${c.day}/${c.month}/${c.year}` } : null;
}

// ---------------------------------------------------------------------------------------------
// Reading a period

/** The report year's 1/1–31/12: the period of a target that names none. */
export function defaultPeriod(year: number): TargetPeriod {
  return {
    start: isoOfDay({ year, month: 1, day: 1 }),
    end: isoOfDay({ year, month: 12, day: 31 }),
    label: `năm ${year}`,
    labelEn: `${year}`,
    source: "",
    startAssumed: false,
  };
}

// A day in folded text: "30/6/2024", "30-6-2024", "30.6.2024" (one separator throughout), or
// "30 thang 6 nam 2024"; the year may be left to the range's end ("01/01–30/6/2024"). Digits
// either side are refused so "28.883" (a count) is no "28.88".
const DATE_TOKEN =
  /(?<![\d.,/])(\d{1,2})\s*([/.-])\s*(\d{1,2})(?!\d)(?:\s*\2\s*(\d{4})(?!\d))?|(?<!\d)(\d{1,2})\s+thang\s+(\d{1,2})(?!\d)(?:\s+nam\s+(\d{4})(?!\d))?/g;
// Between the two days of a range: "–", "-", "đến", "tới", "to", with "hết" and "ngày" allowed.
const RANGE_JOIN = /^\s*(?:–|—|-|den|toi|to)\s*(?:het\s+)?(?:ngay\s+)?$/;
// Before a lone end day: "đến (hết) (ngày) 31/12/2022", "until".
const UNTIL_BEFORE = /(?:\bden|\buntil)\s+(?:het\s+)?(?:ngay\s+)?$/;
// Words of the figures, not of a plan: "Số liệu đến ngày 31/10/2022", "(Tính đến 30-6-2023)", "Thực
// hiện 4 tháng đầu năm 2024" date the actuals (reportDate.ts reads them). Without a plan word beside
// them, a text with these is no target's period.
const FIGURES_WORDS = /\b(?:so lieu|tinh den|thuc hien|luy ke|uoc|th|actuals?|achieved|as of)\b/;
const PLAN_WORDS = /\b(?:ke hoach|kh|chi tieu|ct|muc tieu|giao|dot|target|plan|goal)\b/;

interface DateToken {
  readonly day: string;
  readonly month: string;
  readonly year: string | null;
  /** "/", ".", "-" or "thang". */
  readonly sep: string;
  readonly index: number;
  readonly end: number;
}

function dateTokens(f: string): DateToken[] {
  // A hyphen with spaces round it is a dash ("đợt 1 - 6 tháng"), not a day's separator.
  const matches = [...f.matchAll(DATE_TOKEN)].filter((m) => !(m[2] === "-" && /\s/.test(m[0])));
  return matches.map((m) => {
    const worded = m[5] !== undefined;
    return {
      day: worded ? m[5]! : m[1]!,
      month: worded ? m[6]! : m[3]!,
      year: (worded ? m[7] : m[4]) ?? null,
      sep: worded ? "thang" : m[2]!,
      index: m.index!,
      end: m.index! + m[0].length,
    };
  });
}

interface Span {
  readonly start: CalendarDay;
  readonly end: CalendarDay;
}

const sameDay = (a: CalendarDay, b: CalendarDay) => a.year === b.year && a.month === b.month && a.day === b.day;
const sameSpan = (a: Span, b: Span) => sameDay(a.start, b.start) && sameDay(a.end, b.end);
const yearSpan = (y: number): Span => ({ start: { year: y, month: 1, day: 1 }, end: { year: y, month: 12, day: 31 } });
const monthsSpan = (y: number, from: number, to: number): Span => ({
  start: { year: y, month: from, day: 1 },
  end: { year: y, month: to, day: daysIn(to, y) },
});

/** A day of a token; its year from the token or `year`; null when none or not a real day. */
function tokenDay(t: DateToken, year: string | null): CalendarDay | null {
  const y = t.year ?? year;
  if (y === null) return null;
  const d = dayOf(t.day, t.month, y);
  return d ? { year: d.year, month: d.month, day: d.day } : null;
}

/** The dates a text writes out: ranges and lone end days ("đến 31/12/2022"). Unreadable → "bad". */
function writtenSpans(f: string, tokens: readonly DateToken[]): { spans: { span: Span; endOnly: boolean }[]; bad: boolean } {
  const spans: { span: Span; endOnly: boolean }[] = [];
  let bad = false;
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1];
    if (b && RANGE_JOIN.test(f.slice(a.end, b.index))) {
      // "1-1-30-6-2024": a hyphen between days written with hyphens cannot be read for certain.
      const hyphen = /^\s*-\s*$/.test(f.slice(a.end, b.index)) && (a.sep === "-" || b.sep === "-");
      const end = b.year !== null ? tokenDay(b, null) : null;
      const start = end ? tokenDay(a, b.year) : null;
      if (hyphen || !start || !end || dayNumberOf(start) > dayNumberOf(end)) bad = true;
      else spans.push({ span: { start, end }, endOnly: false });
      i++;
      continue;
    }
    if (a.year !== null && UNTIL_BEFORE.test(f.slice(0, a.index))) {
      const end = tokenDay(a, null);
      if (end) spans.push({ span: { start: { year: end.year, month: 1, day: 1 }, end }, endOnly: true });
      else bad = true;
    }
    // Any other day ("Quyết định … ngày 15/01/2024") says when something was decided, not the period.
  }
  return { spans, bad };
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const ROMAN_OF = ["", "I", "II", "III", "IV"];

interface PhaseWords {
  /** "đợt 1" / "phase 1", when named. */
  readonly phase: { vi: string; en: string } | null;
  /** Month or quarter words with the span they name in a given year. */
  readonly spans: { vi: string; en: string; inYear: (y: number) => Span; key: string }[];
  /** Years written with "năm 2024", "quý III/2024", "cuối năm 2022". */
  readonly years: Set<number>;
  /** The whole year named without its number ("KH năm", "cả năm", "cuối năm"): the report year's. */
  readonly wholeYear: boolean;
}

/** True when the folded "nam" at `at` is "năm" (year) in the text, not "Nam" (a place: Hà Nam, Việt Nam). */
function isYearWord(low: string, f: string, at: number): boolean {
  return low.length === f.length && low.charAt(at + 1) === "ă";
}

function phaseWords(f: string, low: string): PhaseWords {
  const phaseMatch = f.match(/\bdot\s+(\d{1,2}|i{1,3}|iv|v)\b/);
  const phaseNo = phaseMatch ? (/^\d/.test(phaseMatch[1]!) ? String(Number(phaseMatch[1])) : phaseMatch[1]!.toUpperCase()) : null;
  const spans: PhaseWords["spans"] = [];
  const years = new Set<number>();
  let wholeYear = false;
  for (const m of f.matchAll(/(?<![\d/.-])(\d{1,2})\s+thang(?:\s+(dau|cuoi)\s+nam\b)?/g)) {
    const n = Number(m[1]);
    if (n < 1 || n > 12) continue;
    const last = m[2] === "cuoi";
    const vi = `${n} tháng${m[2] === "dau" ? " đầu năm" : last ? " cuối năm" : ""}`;
    spans.push({
      vi,
      en: last ? `final ${n}-month` : `${n}-month`,
      key: `${last ? "L" : "F"}${n}`,
      inYear: (y) => (last ? monthsSpan(y, 13 - n, 12) : monthsSpan(y, 1, n)),
    });
  }
  for (const m of f.matchAll(/\bquy\s+(iv|i{1,3}|[1-4])\b(?:\s*(?:\/|-|nam)\s*(\d{4})(?!\d))?/g)) {
    const q = ROMAN[m[1]!] ?? Number(m[1]);
    spans.push({ vi: `quý ${ROMAN_OF[q]}`, en: `Q${q}`, key: `Q${q}`, inYear: (y) => monthsSpan(y, 3 * q - 2, 3 * q) });
    if (m[2]) years.add(Number(m[2]));
  }
  for (const m of f.matchAll(/\bnam\s+(\d{4})(?!\d)/g)) {
    const y = Number(m[1]);
    if (y >= 1900 && y <= 2999) years.add(y);
  }
  // "Kế hoạch năm", "KH năm", "Chỉ tiêu giao năm", "cả năm", "cuối năm" (the year end).
  for (const m of f.matchAll(/\b(?:ke hoach|kh|chi tieu|ct|muc tieu|giao|ca|cuoi)\s+(nam)\b/g)) {
    const at = m.index! + m[0].length - 3;
    const monthsBefore = /\d\s+thang\s+(?:dau|cuoi)\s+$/.test(f.slice(0, at));
    if (!monthsBefore && isYearWord(low, f, at)) wholeYear = true;
  }
  return { phase: phaseNo ? { vi: `đợt ${phaseNo}`, en: `phase ${phaseNo}` } : null, spans, years, wholeYear };
}

const isWholeYear = (s: Span) => s.start.year === s.end.year && sameSpan(s, yearSpan(s.start.year));

function periodOfSpan(s: Span, label: { vi: string; en: string } | null, source: string, startAssumed: boolean): TargetPeriod {
  const named = label ?? (isWholeYear(s) ? { vi: `năm ${s.start.year}`, en: `${s.start.year}` } : { vi: "", en: "" });
  return {
    start: isoOfDay(s.start),
    end: isoOfDay(s.end),
    label: named.vi,
    labelEn: named.en,
    source,
    startAssumed,
  };
}

/**
 * The period one text names, or null when it names none for certain. `reportYear` completes a
 * reading without a year ("Kế hoạch 6 tháng", "KH năm", "Quý III"); without it those are null.
 */
export function readPeriod(text: string, reportYear: number | null = null): TargetPeriod | null {
  const f = foldText(text);
  if (FIGURES_WORDS.test(f) && !PLAN_WORDS.test(f)) return null;
  const low = lower(text);
  const tokens = dateTokens(f);
  const written = writtenSpans(f, tokens);
  if (written.bad) return null;
  // Words are read with the days blanked out, so "30 tháng 6 năm 2024" is no "năm 2024" or "6 tháng".
  let blank = f;
  for (const t of tokens) blank = blank.slice(0, t.index) + " ".repeat(t.end - t.index) + blank.slice(t.end);
  const words = phaseWords(blank, low);

  const distinctSpans = words.spans.filter((s, i) => words.spans.findIndex((o) => o.key === s.key) === i);
  if (distinctSpans.length > 1) return null;
  if (words.years.size > 1) return null;
  const span = distinctSpans[0] ?? null;
  const year = words.years.size === 1 ? [...words.years][0]! : null;
  const label = words.phase ?? (span ? { vi: span.vi, en: span.en } : null);

  if (written.spans.length > 0) {
    const first = written.spans[0]!;
    if (!written.spans.every((w) => sameSpan(w.span, first.span))) return null;
    let s = first.span;
    let startAssumed = first.endOnly && written.spans.every((w) => w.endOnly);
    // Month or quarter words must name the same dates; "đến 30/6/2024" with "6 tháng" gains its start.
    if (span) {
      const named = span.inYear(s.end.year);
      if (!sameDay(named.end, s.end) || (!startAssumed && !sameDay(named.start, s.start))) return null;
      s = named;
      startAssumed = false;
    }
    // "năm 2024" names the plan year: the dates must fall in it.
    if (year !== null && (s.start.year !== year || s.end.year !== year)) return null;
    return periodOfSpan(s, label, text, startAssumed);
  }
  if (span) {
    const y = year ?? reportYear;
    return y === null ? null : periodOfSpan(span.inYear(y), label, text, false);
  }
  // A phase named without its dates ("đợt 1 năm 2024") is not the whole year.
  if (words.phase) return null;
  if (year !== null || words.wholeYear) {
    const y = year ?? reportYear;
    return y === null ? null : periodOfSpan(yearSpan(y), null, text, false);
  }
  return null;
}

/** The period several texts name (header parts, group header first, then the sheet's titles). */
export interface PeriodReading {
  /** The one period they agree on (the first text's label); null when none names one, or they disagree. */
  readonly period: TargetPeriod | null;
  /** The readings that disagree (empty unless they do), for a warning naming them. */
  readonly conflicting: readonly TargetPeriod[];
}

export function readPeriodOf(texts: readonly string[], reportYear: number | null = null): PeriodReading {
  const readings = texts.map((t) => readPeriod(t, reportYear)).filter((p): p is TargetPeriod => p !== null);
  const distinct = readings.filter((p, i) => readings.findIndex((o) => o.start === p.start && o.end === p.end) === i);
  if (distinct.length > 1) return { period: null, conflicting: distinct };
  const first = distinct[0];
  if (!first) return { period: null, conflicting: [] };
  // The same dates, named in one text and not another: keep a name, and a written start over an assumed one.
  const named = readings.find((p) => p.label !== "") ?? first;
  const startAssumed = readings.every((p) => p.startAssumed);
  return { period: { ...named, startAssumed }, conflicting: [] };
}
