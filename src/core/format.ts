/**
 * Numbers as people read them: Vietnamese ("1.065.565", "92,62%") or English ("1,065,565",
 * "92.62%"), rounded the way Excel displays a number under a format — from its 15-significant-
 * digit decimal form, half away from zero — so 0.90505 shows as "90,51%" as it does in Excel,
 * not "90,50%" as naive binary rounding gives.
 */
import type { Lang } from "./i18n";

/** Round |x| × 10^shift to `decimals` places as Excel displays it; returns integer and fraction digits. */
function excelRound(x: number, decimals: number, shift: number): { int: string; frac: string } {
  const [mant, expStr] = Math.abs(x).toExponential(14).split("e");
  const digits = mant!.replace(".", ""); // 15 significant digits
  const exp = Number(expStr) + shift; // value = 0.d1d2… × 10^(exp+1)
  const intLen = exp + 1;
  const keep = intLen + decimals; // digits kept before rounding
  let kept: number[];
  if (keep <= 0) {
    // Everything rounds away, unless the first dropped digit rounds up into the last place.
    const roundsUp = keep === 0 && Number(digits[0]) >= 5;
    kept = roundsUp ? [1] : [0];
    const total = decimals; // fraction digits
    const s = kept.join("").padStart(total + 1, "0");
    return { int: s.slice(0, s.length - total) || "0", frac: s.slice(s.length - total) };
  }
  const padded = digits.padEnd(keep + 1, "0");
  kept = padded.slice(0, keep).split("").map(Number);
  if (Number(padded[keep]) >= 5) {
    let i = kept.length - 1;
    while (i >= 0) {
      if (kept[i]! < 9) {
        kept[i]!++;
        break;
      }
      kept[i] = 0;
      i--;
    }
    if (i < 0) kept.unshift(1);
  }
  // A number below 10^-decimals keeps fewer digits than its decimals: pad so that 0.05 with two
  // decimals is "0,05", not "0,5".
  const s = kept.join("").padStart(decimals + 1, "0");
  const intPart = s.slice(0, s.length - decimals) || "0";
  const frac = decimals > 0 ? s.slice(s.length - decimals) : "";
  return { int: intPart.replace(/^0+(?=\d)/, ""), frac };
}

function group(int: string, sep: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

export interface FormatOptions {
  readonly lang: Lang;
  readonly decimals?: number;
  /** Minus sign for negatives: "-" (default) or "−" (U+2212, typographic). */
  readonly minus?: string;
}

/** A number with thousands grouped and a fixed number of decimals. */
export function formatNumber(x: number, o: FormatOptions, shift = 0): string {
  const decimals = o.decimals ?? 0;
  const { int, frac } = excelRound(x, decimals, shift);
  const [thousands, point] = o.lang === "vi" ? [".", ","] : [",", "."];
  const body = group(int, thousands) + (decimals > 0 ? point + frac : "");
  const isZero = /^[0.,]*$/.test(body.replace(/[.,]/g, "")) && !/[1-9]/.test(body);
  return x < 0 && !isZero ? (o.minus ?? "-") + body : body;
}

/** A count: "1.065.565" / "1,065,565" (no decimals unless it has some). */
export function formatCount(x: number, lang: Lang): string {
  return formatNumber(x, { lang, decimals: Number.isInteger(x) ? 0 : 2 });
}

/** A ratio as a percentage: 0.9262 → "92,62%" (vi) / "92.62%" (en). */
export function formatPercent(ratio: number, lang: Lang, decimals = 2, minus = "-"): string {
  return formatNumber(ratio, { lang, decimals, minus }, 2) + "%";
}

/** The typographic minus sign used in prose ("−1,70 điểm %"). */
export const PROSE_MINUS = "\u2212";

/**
 * A rate shown with as few decimals as it needs, up to `maxDecimals`: goals are written as they
 * were set ("mục tiêu 29%", "95,5%"), not "29,00%". Rounded as Excel would with that many decimals.
 */
export function formatPercentShort(ratio: number, lang: Lang, maxDecimals = 2): string {
  const full = formatNumber(ratio, { lang, decimals: maxDecimals, minus: PROSE_MINUS }, 2);
  const point = lang === "vi" ? "," : ".";
  const trimmed = full.includes(point) ? full.replace(/0+$/, "").replace(new RegExp(`\\${point}$`), "") : full;
  return (trimmed === PROSE_MINUS + "0" ? "0" : trimmed) + "%";
}

/**
 * A difference of two rates in percentage points: −0.017 → "−1,70 điểm %" / "−1.70 percentage
 * points". `signed` adds "+" to a positive difference; otherwise only negatives carry a sign.
 * A difference that shows as zero has no sign.
 */
export function formatPoints(diff: number, lang: Lang, o: { readonly signed?: boolean; readonly decimals?: number } = {}): string {
  const body = formatNumber(diff, { lang, decimals: o.decimals ?? 2, minus: PROSE_MINUS }, 2);
  const isZero = !/[1-9]/.test(body);
  const sign = o.signed && diff > 0 && !isZero ? "+" : "";
  return `${sign}${body} ${lang === "vi" ? "điểm %" : "percentage points"}`;
}

/**
 * A list as prose writes it: "a, b và c" / "a, b and c"; one item alone, two joined by the
 * conjunction. `separator` is ", " (default) or "; " for items that hold commas themselves.
 */
export function joinList(items: readonly string[], lang: Lang, separator = ", "): string {
  const and = lang === "vi" ? " và " : " and ";
  if (items.length <= 1) return items[0] ?? "";
  return items.slice(0, -1).join(separator) + and + items[items.length - 1]!;
}
