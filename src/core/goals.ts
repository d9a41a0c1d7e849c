/**
 * Rate goals: for coverage, "90% BHYT for nông thôn mới communes, 95% for nông thôn mới nâng cao",
 * "29% of the labour force by year end" — a share of the base, at most 100%; for attainment,
 * "BHXH tự nguyện 105%" — a share of each unit's plan, any rate above 0. The gap to a goal is a
 * difference of rates (shown in percentage points) and the people still to enrol are
 * ⌈goal × denominator − actual⌉ (the base or the plan), never below 0.
 *
 * Goals are kept as exact fractions of the decimal text the user wrote, and counts are read from
 * their shortest decimal form, so "7% of 100 with 7 enrolled" needs 0 more people, not 1, whatever
 * binary floating point makes of 0.07 × 100.
 */
import { ChitieuError } from "./errors";
import { said } from "./messages";
import { cleanText, foldText, lower } from "./text";

/** What a goal is a rate of: the plan (attainment) or the population / labour force (coverage). */
export type GoalMeasure = "attainment" | "coverage";
export const GOAL_MEASURES: readonly GoalMeasure[] = ["attainment", "coverage"];

/** A goal as the user gives it (and as the workbook settings store it). */
export interface GoalSetting {
  /** The indicator as written: "BHYT", "BHXH" (total social insurance), "BHXH tự nguyện" … */
  readonly indicator: string;
  /** The unit category the goal is for ("NTM nâng cao"), or null for an area-wide goal. */
  readonly category: string | null;
  /** The rate as written: "95%", "0.95", "0,95" or "95". */
  readonly rate: string;
  /**
   * The result the goal is for. Absent: coverage where the indicator has a coverage result, else
   * attainment (goalPlans.ts `planGoals`); needed only to set a goal against plan for an indicator
   * that has both.
   */
  readonly measure?: GoalMeasure;
}

/** A non-negative rational number num / den (den > 0), exact. */
export interface ExactRate {
  readonly num: bigint;
  readonly den: bigint;
  /** The nearest double, for display and for rate arithmetic. */
  readonly value: number;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

function exact(num: bigint, den: bigint): ExactRate {
  const g = gcd(num, den);
  const n = num / g;
  const d = den / g;
  return { num: n, den: d, value: Number(n) / Number(d) };
}

/** A decimal string ("4500", "85.2", "1e-7", "-3.5") as an exact fraction; null when it is not one. */
export function decimalFraction(text: string): { num: bigint; den: bigint } | null {
  const m = text.trim().match(/^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const digits = (m[2] ?? "") + (m[3] ?? "");
  let num = BigInt(digits === "" ? "0" : digits);
  let den = 10n ** BigInt((m[3] ?? "").length);
  const exp = m[4] ? Number(m[4]) : 0;
  if (exp > 0) num *= 10n ** BigInt(exp);
  else if (exp < 0) den *= 10n ** BigInt(-exp);
  if (m[1] === "-") num = -num;
  return { num, den };
}

/** A count or rate held as a double, read back as the decimal it was written as (its shortest form). */
export function numberFraction(x: number): { num: bigint; den: bigint } {
  const f = decimalFraction(String(x));
  if (!f) throw new RangeError(`not a finite number: ${x}`);
  return f;
}

/**
 * Read a rate the way planners write one: "93%", "93", "0.93", "0,93", "92,5%", "150%". Without a %
 * sign a number above 1 is a percentage (93 → 93%), at most 1 a fraction (0.93 → 93%). Null when
 * the text is no rate above 0. A rate may exceed 100% (a plan may be exceeded: 150% of plan); only
 * a coverage rate cannot, which the goal's use checks (`isAboveFull`, goalPlans.ts).
 */
export function parseRate(text: string): ExactRate | null {
  let s = cleanText(text).replace(/\s+/g, "");
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (!/^\d+([.,]\d+)?$/.test(s)) return null;
  const f = decimalFraction(s.replace(",", "."));
  if (!f) return null;
  let r = exact(f.num, f.den);
  if (percent || r.num > r.den) r = exact(r.num, r.den * 100n);
  if (r.num <= 0n) return null;
  return r;
}

/** Above 100%: more than the whole population or labour force, so no coverage rate. */
export function isAboveFull(r: ExactRate): boolean {
  return r.num > r.den;
}

/** A rate read from a cell (a goal column, always a coverage goal: at most 100%). `percentScale`: the column holds 90 for 90%. */
export function rateFromCell(x: number, percentScale: boolean): ExactRate | null {
  if (!Number.isFinite(x) || x <= 0) return null;
  const f = numberFraction(x);
  const r = percentScale ? exact(f.num, f.den * 100n) : exact(f.num, f.den);
  return r.num > r.den ? null : r;
}

function ceilDiv(n: bigint, d: bigint): bigint {
  // d > 0
  const q = n / d;
  return n % d !== 0n && n > 0n ? q + 1n : q;
}

/**
 * The people still to enrol to reach `goal` of `denominator`: max(0, ⌈goal × denominator − actual⌉),
 * computed exactly. 0 exactly when actual / denominator ≥ goal.
 */
export function peopleToGoal(goal: ExactRate, denominator: number, actual: number): number {
  const d = numberFraction(denominator);
  const a = numberFraction(actual);
  // goal × D − A = (g.num·d.num·a.den − a.num·g.den·d.den) / (g.den·d.den·a.den)
  const num = goal.num * d.num * a.den - a.num * goal.den * d.den;
  const den = goal.den * d.den * a.den;
  if (num <= 0n) return 0;
  return Number(ceilDiv(num, den));
}

/** The gap to the goal as a difference of rates (ratio − goal; × 100 for percentage points). */
export function goalGapOf(ratio: number | null, goal: ExactRate | null): number | null {
  if (ratio === null || goal === null) return null;
  return ratio - goal.value;
}

const GOAL_SPEC = /^(.+?)(?:@(.+?))?=(.+)$/;
// "attainment:" or "coverage:" before the indicator, as --map puts a column's role before it. Only
// these two words: any other text before a colon stays part of the indicator ("Thu nợ: đợt 1").
const MEASURE_PREFIX = /^(attainment|coverage)\s*:(.*)$/i;

/**
 * Parse `--goal` text: "BHYT=93%", "BHYT@NTM nâng cao=95%", "BHXH=0.29", and with the measure
 * "attainment:BHXH TN=105%", "coverage:BHYT@NTM=90%". Throws `goal-form` or `goal-not-a-rate`.
 */
export function parseGoalSpec(spec: string): GoalSetting {
  const m = cleanText(spec).match(GOAL_SPEC);
  const named = m ? cleanText(m[1]!).match(MEASURE_PREFIX) : null;
  const measure = named ? (named[1]!.toLowerCase() as GoalMeasure) : null;
  const indicator = m ? cleanText(named ? named[2]! : m[1]!) : "";
  const category = m && m[2] !== undefined ? cleanText(m[2]) : null;
  const rate = m ? cleanText(m[3]!) : "";
  if (!m || indicator === "" || indicator.includes("@") || category === "")
    throw new ChitieuError("bad-option", said("goal-form", { spec: cleanText(spec) }, undefined, "goal"));
  const ref = measure ? { indicator, category, measure } : { indicator, category };
  if (!parseRate(rate)) throw new ChitieuError("bad-option", said("goal-not-a-rate", { ...ref, rate }, undefined, "goal"));
  return measure ? { indicator, category, rate, measure } : { indicator, category, rate };
}

/** The text form of a goal setting, as `--goal` takes it. */
export function goalSpecText(g: GoalSetting): string {
  return `${g.measure ? `${g.measure}:` : ""}${g.indicator}${g.category === null ? "" : `@${g.category}`}=${g.rate}`;
}

/** Category texts compare regardless of case, spacing and Unicode form ("NTM" ≠ "NTM nâng cao"). */
export function categoryKey(text: string): string {
  return lower(text);
}

// A goal column's header names a rate and an indicator ("Tỷ lệ bao phủ BHYT giao (%)") but no
// comparison (growth, rank, difference), which a targets or base sheet may also hold.
const GOAL_RATE_WORDS = /(ty le|%|bao phu|\brate\b|coverage|muc tieu|\bgoal\b)/;
const NOT_A_GOAL = /(tang|giam|so voi|so sanh|cung ky|xep hang|\bhang\b|\brank|chenh lech|growth|change|\bdat\b|thuc hien|actual)/;
// Words that say the rate is set, not achieved: needed in a base sheet, where a rate column may
// as well hold last month's achieved coverage.
const GOAL_WORDS = /(\bgiao\b|muc tieu|chi tieu|ke hoach|phan dau|target|goal|\bplan)/;

/**
 * True when a rate column's header reads as a per-unit goal ("Tỷ lệ bao phủ BHYT giao (%)").
 * `needGoalWord`: the header must also say it is set (giao, mục tiêu, kế hoạch …).
 */
export function isGoalHeader(header: string, needGoalWord = false): boolean {
  const f = foldText(header);
  return GOAL_RATE_WORDS.test(f) && !NOT_A_GOAL.test(f) && (!needGoalWord || GOAL_WORDS.test(f));
}

/** The unit's goal: its own (goal column) beats its category's, which beats the area-wide one. */
export function resolveGoal(
  own: ExactRate | null,
  byCategory: ExactRate | null,
  areaWide: ExactRate | null,
): { goal: ExactRate | null; from: "unit" | "category" | "area" | null } {
  if (own) return { goal: own, from: "unit" };
  if (byCategory) return { goal: byCategory, from: "category" };
  if (areaWide) return { goal: areaWide, from: "area" };
  return { goal: null, from: null };
}
