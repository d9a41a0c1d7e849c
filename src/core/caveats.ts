/**
 * What the area-wide figures leave out, said wherever the figures are shown: units that did not
 * match across the sheets (a unit in one sheet only is in no Σ/Σ, so the area total and the
 * paragraph are short by it), and a sheet's own total row that differs from the sum of its units.
 * The overview sheet, the commentary sheet, the CLI's terminal view and the task pane all word it
 * from here, so they say the same thing.
 */
import type { TotalCheck } from "./detect";
import { formatCount } from "./format";
import { quoteSheetName } from "./grid";
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

const quoted = (names: readonly string[]) => names.map(quoteSheetName).join(", ");

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
 * What an unmatched unit is left out of, the worst first: the area totals (it is not in the results:
 * missing from the plan or the actuals), the coverage totals (no population or labour force for it),
 * or only the growth (no figure last year). A unit missing from last year's sheet is in every
 * total: saying it was left out would have a planner add it twice.
 */
export type LeftOut = "total" | "coverage" | "growth" | "extra";

type Sheets = Summary["sheets"];

export function leftOutOf(e: UnmatchedEntry, sheets?: Sheets): LeftOut {
  if (!sheets) return "total";
  const results = [sheets.actuals, sheets.targets].filter((x): x is string => !!x);
  // A unit only in the population or last year's sheet is in none of this year's figures: it leaves
  // out nothing (a commune that no longer exists after the merger, most often).
  if (!results.includes(e.sheet)) return "extra";
  const missing = (x: string | null | undefined) => !!x && !results.includes(x) && e.missingFrom.includes(x);
  if (e.missingFrom.some((m) => results.includes(m))) return "total";
  if (missing(sheets.base)) return "coverage";
  if (missing(sheets.previous)) return "growth";
  return "total";
}

type CaveatSummary = Pick<Summary, "unmatched" | "totalLabel"> & { readonly sheets?: Sheets };

function grouped(summary: CaveatSummary): Record<LeftOut, UnmatchedEntry[]> {
  const out: Record<LeftOut, UnmatchedEntry[]> = { total: [], coverage: [], growth: [], extra: [] };
  for (const e of unmatchedEntries(summary.unmatched)) out[leftOutOf(e, summary.sheets)].push(e);
  return out;
}

function headlineOf(kind: LeftOut, n: number, area: string, lang: Lang): string {
  const units = lang === "en" ? `${n} unit${n === 1 ? "" : "s"}` : `${n} đơn vị`;
  if (kind === "total")
    return lang === "en"
      ? `Left out of the ${area} total: ${units} not matched between the sheets`
      : `Không tính vào tổng ${area}: ${units} không khớp giữa các trang tính`;
  if (kind === "coverage")
    return lang === "en"
      ? `Left out of the ${area} coverage: ${units} with no population or labour force`
      : `Không tính vào tỷ lệ bao phủ ${area}: ${units} không có dân số / lực lượng lao động`;
  if (kind === "growth")
    return lang === "en"
      ? `No growth on last year (in every other total): ${units} not in last year's sheet`
      : `Không có số so cùng kỳ (vẫn tính vào các tổng khác): ${units} không có ở trang cùng kỳ`;
  return lang === "en"
    ? `Not in this year's plan or actuals (in no total): ${units} listed only in the population or last year's sheet`
    : `Không có trong kế hoạch và số thực hiện năm nay (không tính vào tổng nào): ${units} chỉ có ở trang dân số hoặc cùng kỳ`;
}

const KINDS: readonly LeftOut[] = ["total", "coverage", "growth", "extra"];

/**
 * The note above the overview and the pane's results: which units the area totals leave out, and
 * those only without growth. null when every unit matched.
 */
export function unmatchedNote(summary: CaveatSummary, lang: Lang): string | null {
  const g = grouped(summary);
  const area = areaWord(summary, lang);
  const parts = KINDS.filter((k) => g[k].length > 0).map(
    (k) => `${headlineOf(k, g[k].length, area, lang)}: ${g[k].map((e) => unmatchedItem(e, lang)).join(", ")}.`,
  );
  return parts.length > 0 ? parts.join(" ") : null;
}

/** The headline of the unmatched note, without the names (the pane lists them under it). */
export function unmatchedHeadline(summary: CaveatSummary, lang: Lang): string | null {
  const g = grouped(summary);
  const area = areaWord(summary, lang);
  const parts = KINDS.filter((k) => g[k].length > 0).map((k) => headlineOf(k, g[k].length, area, lang));
  return parts.length > 0 ? parts.join("; ") : null;
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
export function narrativeCaution(summary: CaveatSummary, lang: Lang): string | null {
  const g = grouped(summary);
  const area = areaWord(summary, lang);
  const names = (es: readonly UnmatchedEntry[]) => [...new Set(es.map((e) => e.unit))];
  const out = names([...g.total, ...g.coverage]);
  const noGrowth = names(g.growth).filter((u) => !out.includes(u));
  const parts: string[] = [];
  if (out.length > 0) {
    const n = out.length;
    parts.push(
      lang === "en"
        ? `Caution: the ${area} figures in these paragraphs leave out ${n} unit${n === 1 ? "" : "s"} not matched between the sheets: ${out.join(", ")}.`
        : `Lưu ý: số liệu ${area} trong các đoạn nhận xét chưa tính ${n} đơn vị không khớp giữa các trang tính: ${out.join(", ")}.`,
    );
  }
  if (noGrowth.length > 0) {
    parts.push(
      lang === "en"
        ? `${out.length > 0 ? "The" : "Caution: the"} growth on last year leaves out ${noGrowth.join(", ")} (not in last year's sheet).`
        : `${out.length > 0 ? "Số" : "Lưu ý: số"} so với cùng kỳ chưa tính ${noGrowth.join(", ")} (không có ở trang cùng kỳ).`,
    );
  }
  return parts.length > 0 ? parts.join(" ") : null;
}
