/**
 * Reading numbers the way planners' sheets hold them: real numbers, formula results, or text in
 * the workbook's locale. Vietnamese (the default) groups thousands with "." and marks decimals
 * with ","; English the other way round. Text that can only be read in the other locale is read,
 * with a warning, rather than silently misread.
 */
import { CellValue } from "./grid";

export type NumberLocale = "vi" | "en";

export type ParsedCell =
  | { readonly kind: "number"; readonly value: number; readonly note?: string }
  | { readonly kind: "blank" }
  | { readonly kind: "none" } // "-", "x": the sheet says there is nothing
  | { readonly kind: "error"; readonly text: string } // #N/A, #DIV/0! …
  | { readonly kind: "text"; readonly text: string }; // anything else

const EXCEL_ERRORS = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!)$/i;
const NONE_MARKS = new Set(["-", "–", "—", "x", "X", "--", "…", "..."]);

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
 * when finite. Text readable only in the other locale is read with a `note`.
 */
export function parseCell(v: CellValue, locale: NumberLocale = "vi"): ParsedCell {
  if (v === null || v === undefined) return { kind: "blank" };
  if (typeof v === "number") {
    return Number.isFinite(v) ? { kind: "number", value: v } : { kind: "error", text: String(v) };
  }
  if (typeof v === "boolean") return { kind: "text", text: v ? "TRUE" : "FALSE" };
  const raw = v.replace(/[\s\u00a0\u202f]+/g, "");
  if (raw === "") return { kind: "blank" };
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
  if (own !== null) return { kind: "number", value: (sign * own) / (percent ? 100 : 1) };
  const other = locale === "vi" ? readEn(s) : readVi(s);
  if (other !== null) {
    const otherName = locale === "vi" ? "English" : "Vietnamese";
    return {
      kind: "number",
      value: (sign * other) / (percent ? 100 : 1),
      note: `"${v}" is written in the ${otherName} number format; read as ${sign * other}${percent ? "%" : ""}. Check it, or enter the number as a number.`,
    };
  }
  return { kind: "text", text: v };
}

/** True when the cell reads as a number in either locale (used to classify columns). */
export function isNumeric(v: CellValue, locale: NumberLocale = "vi"): boolean {
  return parseCell(v, locale).kind === "number";
}
