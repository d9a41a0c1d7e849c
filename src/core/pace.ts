/**
 * Pace against a phase or year target: how much of the period has passed, what is still needed,
 * how many months are left for it and how much each month, and — where it can be judged — whether
 * the figures are where the target's schedule puts them on the as-of date (issue 19).
 *
 *   Cần Thơ, đợt 1 (1/1–30/6/2024), at 30/4/2024: 18.590 of 28.883 voluntary participants →
 *   elapsed 121/182 = 0,6648, remaining 10.293, monthsLeft 2 (31/5, 30/6), perMonth 5.147.
 *
 * Stocks and flows are measured differently. A stock (participants: "số người tham gia") is a level
 * carried over from before the period: its schedule runs from the level at the start (the
 * "31/12/2023" / "đầu kỳ" figure) to the target, so without that level no on-pace judgement is made
 * (expected, onPace and projected are null) while remaining and perMonth still are. A flow (new
 * enrolments "phát triển mới", revenue "thu") starts the period at zero: target × elapsed.
 *
 * Pure: ISO days in, numbers out; days counted by arithmetic (periods.ts), no clock.
 */
import { calendarDayOf, dayNumber, parseIsoDay } from "./periods";
import { daysIn } from "./reportDate";
import { cleanText, lower } from "./text";
import { identifyIndicator } from "./indicators";

/** A level carried over from before the period, or an amount counted within it. */
export type PaceKind = "stock" | "flow";

export interface PaceInput {
  /** The period's first and last days, ISO. */
  readonly periodStart: string;
  readonly periodEnd: string;
  /** The day the actual is for (the report date), ISO. */
  readonly asOf: string;
  readonly target: number;
  readonly actual: number;
  readonly kind: PaceKind;
  /** A stock's level at the end of the day before the period starts; null/NaN when unknown. Ignored for flows. */
  readonly startLevel?: number | null;
}

/** The pace figures, as the JSON carries them (issue 19). */
export interface Pace {
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly asOf: string;
  /** Share of the period's days passed, 0–1 (exact; the JSON rounds it). */
  readonly elapsed: number;
  /** max(0, target − actual). */
  readonly remaining: number;
  /** Month ends after the as-of date up to the period end (and the end itself when it is no month end). */
  readonly monthsLeft: number;
  /** ⌈remaining / monthsLeft⌉; 0 when nothing remains; null when something remains and no month is left. */
  readonly perMonth: number | null;
  /** A stock's level at the start (null for flows and when unknown). */
  readonly startLevel: number | null;
  /** Where the schedule puts the figure on the as-of date; null for a stock without a start level. */
  readonly expected: number | null;
  /** actual ≥ expected; null when expected is. */
  readonly onPace: boolean | null;
  /** The level at the period end if the pace since the start continues; null for a stock without a start level or before the period. */
  readonly projected: number | null;
}

/**
 * The share of the period's days passed on `asOf`, in [0, 1]. The as-of day counts as passed (the
 * figures "đến ngày 30/4" include it) and both ends of the period count as its days: 1/1–30/6/2024
 * has 182 days and 30/4/2024 has 121 of them behind it, 0,6648. The day before the start (where a
 * stock's start level is read) is 0, the last day 1; days before and after the period clamp to
 * 0 and 1. NaN when a day is not an ISO day or the period ends before it starts.
 */
export function elapsedShare(periodStart: string, periodEnd: string, asOf: string): number {
  const s = dayNumber(periodStart);
  const e = dayNumber(periodEnd);
  const a = dayNumber(asOf);
  if (!(e >= s) || Number.isNaN(a)) return NaN;
  const days = e - s + 1;
  return Math.min(days, Math.max(0, a - s + 1)) / days;
}

/** Month index (year × 12 + month − 1) of a day number, and whether the day is its month's last. */
function monthOf(n: number): { index: number; isMonthEnd: boolean } {
  const c = calendarDayOf(n);
  return { index: c.year * 12 + c.month - 1, isMonthEnd: c.day === daysIn(c.month, c.year) };
}

/**
 * The months left in which to reach the target: the month ends after the as-of date up to the
 * period end (30/4 in 1/1–30/6: 31/5 and 30/6, 2), and the period end itself when it is no month
 * end (a period to 15/7 still has the days to 15/7 after 30/6). Before the period, counted from its
 * start: work done before it is not the period's. 0 on and after the last day. NaN for bad days.
 */
export function monthsLeft(periodStart: string, periodEnd: string, asOf: string): number {
  const s = dayNumber(periodStart);
  const e = dayNumber(periodEnd);
  const a = dayNumber(asOf);
  if (!(e >= s) || Number.isNaN(a)) return NaN;
  const from = Math.max(a, s - 1);
  if (from >= e) return 0;
  const f = monthOf(from);
  const t = monthOf(e);
  const firstEnd = f.isMonthEnd ? f.index + 1 : f.index; // the first month end after `from`
  const lastEnd = t.isMonthEnd ? t.index : t.index - 1; // the last month end on or before the end
  return Math.max(0, lastEnd - firstEnd + 1) + (t.isMonthEnd ? 0 : 1);
}

/** The still-needed amount spread over the months left, rounded up so the months together reach it. */
export function perMonthOf(remaining: number, months: number): number | null {
  if (remaining <= 0) return 0;
  if (months <= 0) return null;
  return Math.ceil(remaining / months);
}

const known = (x: number | null | undefined): x is number => x !== null && x !== undefined && Number.isFinite(x);

/**
 * The pace figures; null when a day is not an ISO day, the period ends before it starts, or the
 * target or actual is no figure. As-of before the period: elapsed 0, the months are all the
 * period's, a stock is expected at its start level and a flow at 0, nothing is projected. After
 * the period: elapsed 1, no month left (perMonth null while something remains), expected is the
 * target and projected the actual — figures of a later date than the period's, which the caller
 * should point out rather than write up.
 */
export function computePace(input: PaceInput): Pace | null {
  const { periodStart, periodEnd, asOf, target, actual, kind } = input;
  if (!parseIsoDay(periodStart) || !parseIsoDay(periodEnd) || !parseIsoDay(asOf)) return null;
  if (!known(target) || !known(actual)) return null;
  const elapsed = elapsedShare(periodStart, periodEnd, asOf);
  if (Number.isNaN(elapsed)) return null;
  const months = monthsLeft(periodStart, periodEnd, asOf);
  const remaining = Math.max(0, target - actual);
  const startLevel = kind === "stock" && known(input.startLevel) ? input.startLevel : null;
  let expected: number | null = null;
  let projected: number | null = null;
  if (kind === "flow") {
    expected = target * elapsed;
    projected = elapsed > 0 ? actual / elapsed : null;
  } else if (startLevel !== null) {
    // Written as a weighted mean so that it is exactly the start level at 0 and the target at 1.
    expected = startLevel * (1 - elapsed) + target * elapsed;
    projected = elapsed > 0 ? startLevel + (actual - startLevel) / elapsed : null;
  }
  return {
    periodStart,
    periodEnd,
    asOf,
    elapsed,
    remaining,
    monthsLeft: months,
    perMonth: perMonthOf(remaining, months),
    startLevel,
    expected,
    onPace: expected === null ? null : actual >= expected,
    projected,
  };
}

// ---------------------------------------------------------------------------------------------
// Stock or flow, by the header's words

// Amounts counted within a period: new enrolments, money collected or paid, cards issued, cases
// settled. Matched with their diacritics (lower case, NFC): folded, "thu" would also be "thủ",
// "thư", "thứ" (Thủ Đức, thư ký, thứ tự).
const FLOW_WORDS =
  /(^|[^\p{L}])(phát triển mới|phát triển thêm|tăng mới|tăng thêm|mới tham gia|tham gia mới|thu|số thu|doanh thu|thu nợ|số tiền thu|cấp mới|chi trả|giải quyết|new enrolments?|newly enrolled|new participants|revenue|collected|collections?|paid out|issued)(?=$|[^\p{L}])/u;
// Levels on a date: people taking part, debts outstanding.
const STOCK_WORDS =
  /(^|[^\p{L}])(số người tham gia|người tham gia|đang tham gia|số người|số nợ|nợ đọng|dư nợ|participants|people covered|outstanding)(?=$|[^\p{L}])/u;

/**
 * Whether a column's figures are a stock or a flow, by its header parts (group header first):
 * flow words first ("Số người tham gia BHXH TN phát triển mới" counts new participants, a flow),
 * then stock words, then a catalogue indicator named alone ("BHYT", "Kế hoạch BHXH tự nguyện"),
 * whose columns count participants: a stock. Null when the words do not say; the caller should
 * then ask (or say that on-pace is not judged) rather than pick one.
 */
export function paceKindOf(parts: readonly string[]): PaceKind | null {
  const texts = parts.map((p) => lower(cleanText(p))).filter((p) => p !== "");
  if (texts.some((t) => FLOW_WORDS.test(t))) return "flow";
  if (texts.some((t) => STOCK_WORDS.test(t))) return "stock";
  const id = identifyIndicator(parts);
  return id !== null && id.base !== null ? "stock" : null;
}
