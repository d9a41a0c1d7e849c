/**
 * What the area-wide figures leave out, said wherever the figures are shown: units that did not
 * match across the sheets (a unit in one sheet only is in no Σ/Σ, so the area total and the
 * paragraph are short by it), and a sheet's own total row that differs from the sum of its units.
 * The overview sheet, the commentary sheet, the CLI's terminal view and the task pane all word it
 * from here, so they say the same thing.
 */
import type { TotalCheck } from "./detect";
import { formatCount } from "./format";
import type { Lang } from "./i18n";
import type { Summary, UnmatchedUnit } from "./results";

/** One unit that did not match: the sheet it is in, and every sheet it is missing from. */
export interface UnmatchedEntry {
  readonly unit: string;
  readonly sheet: string;
  readonly missingFrom: readonly string[];
}

/**
 * The unmatched list with one entry per unit and sheet (the engine lists a unit once per sheet it
 * is missing from: "not in the base" and "not in last year's" are one unit to the planner).
 */
export function unmatchedEntries(unmatched: readonly UnmatchedUnit[]): UnmatchedEntry[] {
  const byKey = new Map<string, { unit: string; sheet: string; missingFrom: string[] }>();
  for (const u of unmatched) {
    const key = `${u.sheet}\u0000${u.unit}`;
    const e = byKey.get(key);
    if (!e) byKey.set(key, { unit: u.unit, sheet: u.sheet, missingFrom: [...u.missingFrom] });
    else for (const m of u.missingFrom) if (!e.missingFrom.includes(m)) e.missingFrom.push(m);
  }
  return [...byKey.values()];
}

const quoted = (names: readonly string[]) => names.map((n) => `'${n}'`).join(", ");

/** "Xã A (có ở 'Thực hiện', không có ở 'Kế hoạch')". */
export function unmatchedItem(e: UnmatchedEntry, lang: Lang): string {
  return lang === "en" ? `${e.unit} (in '${e.sheet}', not in ${quoted(e.missingFrom)})` : `${e.unit} (có ở '${e.sheet}', không có ở ${quoted(e.missingFrom)})`;
}

/**
 * The area the totals are for, as the sheet names it: "Toàn thành phố" → "toàn thành phố";
 * a province otherwise (the usual case, and the wording planners use).
 */
export function areaWord(summary: Pick<Summary, "totalLabel">, lang: Lang): string {
  if (lang === "en") return "area";
  const label = (summary.totalLabel ?? "").trim();
  return /^toàn\s+\S/iu.test(label.normalize("NFC")) ? label.normalize("NFC").toLocaleLowerCase("vi") : "toàn tỉnh";
}

/**
 * The note above the overview and the pane's results: which units the area total leaves out.
 * null when every unit matched.
 */
export function unmatchedNote(summary: Pick<Summary, "unmatched" | "totalLabel">, lang: Lang): string | null {
  const entries = unmatchedEntries(summary.unmatched);
  if (entries.length === 0) return null;
  const items = entries.map((e) => unmatchedItem(e, lang)).join(", ");
  const n = entries.length;
  return lang === "en"
    ? `Left out of the ${areaWord(summary, lang)} total: ${n} unit${n === 1 ? "" : "s"} not matched between the sheets: ${items}.`
    : `Không tính vào tổng ${areaWord(summary, lang)}: ${n} đơn vị không khớp giữa các trang tính: ${items}.`;
}

/** The headline of the unmatched note, without the names (the pane lists them under it). */
export function unmatchedHeadline(summary: Pick<Summary, "unmatched" | "totalLabel">, lang: Lang): string | null {
  const n = unmatchedEntries(summary.unmatched).length;
  if (n === 0) return null;
  return lang === "en"
    ? `Left out of the ${areaWord(summary, lang)} total: ${n} unit${n === 1 ? "" : "s"} not matched between the sheets`
    : `Không tính vào tổng ${areaWord(summary, lang)}: ${n} đơn vị không khớp giữa các trang tính`;
}

/** Both numbers of a total row that is not the sum of its units, naming the cell. */
export function totalMismatchLine(m: TotalCheck, lang: Lang): string {
  const diff = formatCount(Math.abs(m.sheetTotal - m.unitsSum), lang);
  return lang === "en"
    ? `${m.cell}: the total row “${m.label}” says ${formatCount(m.sheetTotal, lang)} for “${m.header}”; the units add up to ${formatCount(m.unitsSum, lang)} (a difference of ${diff}). The results use the units' sum.`
    : `${m.cell}: dòng tổng “${m.label}” ghi ${formatCount(m.sheetTotal, lang)} cho “${m.header}”, cộng các đơn vị được ${formatCount(m.unitsSum, lang)} (chênh lệch ${diff}). Kết quả tính theo tổng các đơn vị.`;
}

export function totalMismatchLines(summary: Pick<Summary, "totalMismatches">, lang: Lang): string[] {
  return (summary.totalMismatches ?? []).map((m) => totalMismatchLine(m, lang));
}

/**
 * The caution shown with the report's paragraphs (the pane, the CLI, the commentary sheet): the
 * area figures in them leave out the unmatched units, named. The paragraphs themselves are left
 * as they are (they go into the report; the caution is for the planner). null when all matched.
 */
export function narrativeCaution(summary: Pick<Summary, "unmatched" | "totalLabel">, lang: Lang): string | null {
  const entries = unmatchedEntries(summary.unmatched);
  if (entries.length === 0) return null;
  const unique = [...new Set(entries.map((e) => e.unit))];
  const names = unique.join(", ");
  const n = unique.length;
  return lang === "en"
    ? `Caution: the ${areaWord(summary, lang)} figures in these paragraphs leave out ${n} unit${n === 1 ? "" : "s"} not matched between the sheets: ${names}.`
    : `Lưu ý: số liệu ${areaWord(summary, lang)} trong các đoạn nhận xét chưa tính ${n} đơn vị không khớp giữa các trang tính: ${names}.`;
}
