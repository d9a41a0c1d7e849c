/** The terminal view: each indicator's ranked table, below-average units marked. */
import { formatCount, formatPercent } from "../core/format";
import { Lang, labels } from "../core/i18n";
import { Summary } from "../core/summarize";

function pad(s: string, n: number, right = false): string {
  const len = Array.from(s).length;
  if (len >= n) return s;
  return right ? " ".repeat(n - len) + s : s + " ".repeat(n - len);
}

export function printSummary(s: Summary, lang: Lang): string {
  const L = labels(lang);
  const lines: string[] = [];
  lines.push(`${lang === "vi" ? "Sheet" : "Sheets"}: ${[s.sheets.targets, s.sheets.actuals, s.sheets.base].filter(Boolean).map((n) => `'${n}'`).join(", ")}`);
  for (const r of s.results) {
    const name = lang === "en" ? r.indicatorEn : r.indicator;
    lines.push("");
    lines.push(`${L.measureTitle(name, r.measure)}`);
    const avg = r.average === null ? "—" : formatPercent(r.average, lang);
    const overall = r.overall === null ? "—" : formatPercent(r.overall, lang);
    lines.push(
      `  ${s.totalLabel ?? L.total}: ${formatCount(r.actualTotal, lang)} / ${formatCount(r.denominatorTotal, lang)} = ${overall}` +
        (s.average === "mean" ? `   (${L.averageShort}: ${avg})` : ""),
    );
    const wName = Math.max(6, ...r.units.map((u) => Array.from(u.unit).length));
    lines.push(`  ${pad(L.rank, 5)} ${pad(L.unit, wName)} ${pad(L.actual, 12, true)} ${pad(L.denominator(r.denominatorKind), 12, true)} ${pad(L.rate, 9, true)}`);
    for (const u of r.units) {
      const mark = u.belowAverage ? `  ▼ ${L.belowMark}` : "";
      lines.push(
        `  ${pad(u.rank === null ? "—" : String(u.rank), 5)} ${pad(u.unit, wName)} ${pad(u.actual === null ? "—" : formatCount(u.actual, lang), 12, true)} ${pad(
          u.denominator === null ? "—" : formatCount(u.denominator, lang),
          12,
          true,
        )} ${pad(u.ratio === null ? "—" : formatPercent(u.ratio, lang), 9, true)}${mark}`,
      );
    }
  }
  if (s.unmatched.length > 0) {
    lines.push("");
    lines.push(lang === "vi" ? "Đơn vị không khớp giữa các sheet:" : "Units not matched between sheets:");
    for (const u of s.unmatched) lines.push(`  '${u.sheet}': ${u.unit} — ${lang === "vi" ? "không có trong" : "not in"} ${u.missingFrom.map((m) => `'${m}'`).join(", ")}`);
  }
  if (s.warnings.length > 0) {
    lines.push("");
    lines.push(lang === "vi" ? `Cảnh báo (${s.warnings.length}):` : `Warnings (${s.warnings.length}):`);
    for (const w of s.warnings) lines.push(`  ! ${w}`);
  }
  return lines.join("\n");
}
