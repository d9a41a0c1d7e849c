/**
 * Reading numbers the way planners' sheets hold them: real numbers, formula results, or text in
 * the workbook's locale. Vietnamese (the default) groups thousands with "." and marks decimals
 * with ","; English the other way round. Text that can only be read in the other locale is read,
 * with a warning, rather than silently misread.
 */
import { CellValue } from "./grid";

export type NumberLocale = "vi" | "en";

export type ParsedCell =
  /**
   * `dash`: "-" (or "–", "—"), nil in Vietnamese accounting: the figure is 0. `percent`: the text
   * ended in "%". `otherLocale`: the text could only be read in the other locale's number format
   * ("1,065,565" in a Vietnamese sheet), and was: the caller says so (other-locale-number).
   */
  | { readonly kind: "number"; readonly value: number; readonly otherLocale?: true; readonly dash?: true; readonly percent?: true }
  | { readonly kind: "blank" }
  | { readonly kind: "none" } // "x": not applicable; "…": not collected — no figure
  | { readonly kind: "error"; readonly text: string } // #N/A, #DIV/0! …
  | { readonly kind: "text"; readonly text: string }; // anything else

const EXCEL_ERRORS = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!)$/i;
// "-" is nil (zero), as Vietnamese accounting and statistics write it; "x" is "not applicable" and
// "…" "not collected": no figure.
const DASH_MARKS = new Set(["-", "–", "—", "−", "--", "––"]);
const NONE_MARKS = new Set(["x", "X", "…", "..."]);
const DASH_ZERO: ParsedCell = { kind: "number", value: 0, dash: true };

// Vietnamese: 1.065.565 / 1.065.565,5 / 85,2 / 12
const VI_GROUPED = /^\d{1,3}(\.\d{3})+(,\d+)?$/;
const VI_PLAIN = /^\d+(,\d+)?$/;
// English: 1,065,565 / 1,065,565.5 / 85.2 / 12
const EN_GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const EN_PLAIN = /^\d+(\.\d+)?$/;

function readVi(s: string): number | null {
  if (VI_GROUPED.test(s) || VI_PLAIN.test(s)) return Number(s.replace(/\./g, "").replace(",", "."));
  return null;
}

function readEn(s: string): number | null {
  if (EN_GROUPED.test(s) || EN_PLAIN.test(s)) return Number(s.replace(/,/g, ""));
  return null;
}

/**
 * Parse one cell. Percent text ("92,62%") becomes the fraction 0.9262. Numbers pass through
 * when finite. Text readable only in the other locale is read, marked `otherLocale`.
 */
export function parseCell(v: CellValue, locale: NumberLocale = "vi"): ParsedCell {
  if (v === null || v === undefined) return { kind: "blank" };
  if (typeof v === "number") {
    return Number.isFinite(v) ? { kind: "number", value: v } : { kind: "error", text: String(v) };
  }
  if (typeof v === "boolean") return { kind: "text", text: v ? "TRUE" : "FALSE" };
  const raw = v.replace(/[\s\u00a0\u202f]+/g, "");
  if (raw === "") return { kind: "blank" };
  if (DASH_MARKS.has(raw)) return DASH_ZERO;
  if (NONE_MARKS.has(raw)) return { kind: "none" };
  if (EXCEL_ERRORS.test(raw)) return { kind: "error", text: raw.toUpperCase() };

  let s = raw;
  let sign = 1;
  let percent = false;
  if (s.startsWith("(") && s.endsWith(")")) {
    sign = -1; // accounting negative
    s = s.slice(1, -1);
  }
  if (s.startsWith("-") || s.startsWith("−")) {
    sign = -sign;
    s = s.slice(1);
  } else if (s.startsWith("+")) s = s.slice(1);
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (s === "") return { kind: "text", text: v };

  const own = locale === "vi" ? readVi(s) : readEn(s);
  if (own !== null) return percent ? { kind: "number", value: (sign * own) / 100, percent } : { kind: "number", value: sign * own };
  const other = locale === "vi" ? readEn(s) : readVi(s);
  if (other !== null)
    return percent ? { kind: "number", value: (sign * other) / 100, otherLocale: true, percent } : { kind: "number", value: sign * other, otherLocale: true };
  return { kind: "text", text: v };
}

/** True when the cell reads as a number in either locale (used to classify columns). */
export function isNumeric(v: CellValue, locale: NumberLocale = "vi"): boolean {
  return parseCell(v, locale).kind === "number";
}

/**
 * How a figure typed as text uses "." and ",", for deciding a cell that reads either way by the
 * others in its column: "own" (the locale's way beyond doubt: "1.065.565", "85,2" in Vietnamese),
 * "other" (the other locale's: "1,065,565", "85.2"), "either" (one separator before three digits
 * that the locale reads as a decimal mark: "2,010" in Vietnamese, "2.010" in English — 2,01 or
 * 2.010), null (no separator, or not a figure). "1.234" in Vietnamese counts as "own": read as the
 * locale reads it, it is a whole number.
 */
export type SeparatorForm = "own" | "other" | "either" | null;

const SEPARATOR_FORMS: Record<NumberLocale, { either: RegExp; ownGrouped: RegExp; ownDecimal: RegExp; otherGrouped: RegExp; otherDecimal: RegExp }> = {
  vi: {
    either: /^\d{1,3},\d{3}$/,
    ownGrouped: /^\d{1,3}(\.\d{3})+(,\d+)?$/,
    ownDecimal: /^\d+,\d+$/,
    otherGrouped: /^\d{1,3}(,\d{3})+(\.\d+)?$/,
    otherDecimal: /^\d+\.\d+$/,
  },
  en: {
    either: /^\d{1,3}\.\d{3}$/,
    ownGrouped: /^\d{1,3}(,\d{3})+(\.\d+)?$/,
    ownDecimal: /^\d+\.\d+$/,
    otherGrouped: /^\d{1,3}(\.\d{3})+(,\d+)?$/,
    otherDecimal: /^\d+,\d+$/,
  },
};

/** The digits and separators of a figure's text: no spaces, sign, accounting parentheses or "%". */
function figureBody(v: string): string {
  let s = v.replace(/[\s\u00a0\u202f]+/g, "");
  if (s.startsWith("(") && s.endsWith(")")) s = s.slice(1, -1);
  if (s.startsWith("-") || s.startsWith("−") || s.startsWith("+")) s = s.slice(1);
  if (s.endsWith("%")) s = s.slice(0, -1);
  return s;
}

export function separatorForm(v: CellValue, locale: NumberLocale = "vi"): SeparatorForm {
  if (typeof v !== "string") return null;
  const s = figureBody(v);
  // Most figures have no separator at all (or are not figures): one scan says so.
  if (!/^[\d.,]+$/.test(s) || !/[.,]/.test(s)) return null;
  const f = SEPARATOR_FORMS[locale];
  if (f.either.test(s)) return "either";
  if (f.ownGrouped.test(s) || f.ownDecimal.test(s)) return "own";
  if (f.otherGrouped.test(s) || f.otherDecimal.test(s)) return "other";
  return null;
}

/**
 * The other reading of an "either" cell (separatorForm): its separator taken as a thousands mark
 * ("2,010" → 2010 in Vietnamese), with its sign; null for any other cell. parseCell gives the
 * locale's reading (2.01).
 */
export function groupedReading(v: CellValue, locale: NumberLocale = "vi"): number | null {
  if (separatorForm(v, locale) !== "either") return null;
  let t = (v as string).replace(/[\s\u00a0\u202f]+/g, "");
  let negative = false;
  if (t.startsWith("(") && t.endsWith(")")) {
    negative = true;
    t = t.slice(1, -1);
  }
  if (t.startsWith("-") || t.startsWith("−")) negative = !negative;
  const n = Number(figureBody(t).replace(/[.,]/g, ""));
  return negative ? -n : n;
}

/** A figure as a Vietnamese message writes it: "2.010", "2,01" (as many decimals as it has, up to 6). */
export function viFigure(x: number): string {
  const [int, frac = ""] = String(Math.round(Math.abs(x) * 1e6) / 1e6).split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (x < 0 ? "-" : "") + grouped + (frac ? "," + frac : "");
}

/** A count that should be whole (people, households) is, to within a formula's rounding. */
export function isWhole(x: number): boolean {
  return Math.abs(x - Math.round(x)) <= 1e-9 * Math.max(1, Math.abs(x));
}

/** x × scale, made whole when it is whole but for binary rounding (12,345 thousand → 12345). */
export function scaled(x: number, scale: number): number {
  if (scale === 1) return x;
  const r = x * scale;
  const k = Math.round(r);
  return Math.abs(r - k) <= 1e-9 * Math.max(1, Math.abs(r)) ? k : r;
}

/**
 * A scale a title row or header states: "Đơn vị tính: nghìn người", "ĐVT: người", "(nghìn
 * người)", "(1.000 người)", "triệu người", "(triệu đồng)". `scale` multiplies the figures into
 * units (people, đồng); `money` when the unit is a currency (then it says nothing of counts).
 * (statedScale reads it from a cell's folded text; null when the text states none.)
 */
export interface StatedScale {
  readonly scale: number;
  readonly money: boolean;
}

const SCALE_WORD = /^(nghin|ngan|1[.,]?000[.,]?000|1[.,]?000|trieu|ty|ti)(?=$|[^a-z0-9.,])/;
const SCALE_UNIT = /^(nguoi|lao dong|ho|the|luot nguoi|luot|doi tuong|dong|vnd|usd)(?=$|[^a-z])/;
const MONEY_UNIT = /^(dong|vnd|usd)$/;

function scaleFactor(word: string): number {
  if (/^(nghin|ngan|1[.,]?000)$/.test(word)) return 1e3;
  if (/^(trieu|1[.,]?000[.,]?000)$/.test(word)) return 1e6;
  return 1e9; // tỷ
}

/**
 * "nghin nguoi", "nguoi", "trieu", "trieu dong" → a scale; anything else → null. `statement`: the
 * phrase follows "ĐVT:" and may go on ("nghìn người, triệu đồng"); in parentheses it is all there is.
 */
function readScalePhrase(phrase: string, statement: boolean): StatedScale | null {
  let p = phrase.trim();
  let scale = 1;
  const w = p.match(SCALE_WORD);
  if (w) {
    scale = scaleFactor(w[1]!);
    p = p.slice(w[0].length).trim();
  }
  if (p === "") return w ? { scale, money: false } : null;
  // "Tỷ lệ (%)" is not "tỷ": a scale word is followed by a unit or nothing.
  const u = p.match(SCALE_UNIT);
  if (!u) return null;
  if (!statement && p.slice(u[0].length).trim() !== "") return null;
  return { scale, money: MONEY_UNIT.test(u[1]!) };
}

/** The scale a cell states, given its folded text (foldText); null when it states none. */
export function statedScale(folded: string): StatedScale | null {
  if (folded === "" || !/(dvt|don vi tinh|\(|nghin|ngan|trieu)/.test(folded)) return null;
  // "Đơn vị tính: nghìn người", "ĐVT: người; %".
  const st = folded.match(/(?:^|[^a-z])(?:don vi tinh|dvt)\s*[:.\-–]?\s*([^;()]*)/);
  if (st) {
    const s = readScalePhrase(st[1]!, true);
    if (s) return s;
  }
  // "(nghìn người)", "(1.000 người)", "(người)", "(triệu đồng)".
  for (const m of folded.matchAll(/\(([^()]*)\)/g)) {
    const s = readScalePhrase(m[1]!, false);
    if (s) return s;
  }
  // "nghìn người" in the header's own words: "Số người tham gia, nghìn người".
  const bare = folded.match(/(?:^|[^a-z0-9])(nghin|ngan|trieu) (nguoi|lao dong|luot nguoi)(?=$|[^a-z])/);
  if (bare) return { scale: scaleFactor(bare[1]!), money: false };
  return null;
}
