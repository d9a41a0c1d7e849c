/** The terminal view: each indicator's ranked table, below-average units marked. */
import { PROSE_MINUS, formatCount, formatPercent, formatPercentShort, formatPoints } from "../core/format";
import { quoteSheetName } from "../core/grid";
import { Lang, labels, resultName } from "../core/i18n";
import { paceSummaryLine } from "../core/paceText";
import { IndicatorResult, Summary } from "../core/results";
import { narrativeCaution, totalMismatchLines, unmatchedNote } from "../core/caveats";
import { render } from "../core/messages";

function pad(s: string, n: number, right = false): string {
  const len = Array.from(s).length;
  if (len >= n) return s;
  return right ? " ".repeat(n - len) + s : s + " ".repeat(n - len);
}

/** "+5,40%" / "−2,10%": growth with its sign, written as the report and the pane write it. */
function signedPercent(ratio: number, lang: Lang): string {
  const text = formatPercent(ratio, lang, 2, PROSE_MINUS);
  return text.startsWith(PROSE_MINUS) || !/[1-9]/.test(text) ? text : `+${text}`;
}

/** A goal as it was set: "90%", "92,5%" (the shared short form). */
function goalText(goal: number, lang: Lang): string {
  return formatPercentShort(goal, lang);
}

/** Growth on the same period and the area-wide goal, under an indicator's total line. */
function extraLines(r: IndicatorResult, lang: Lang): string[] {
  const L = labels(lang);
  const out: string[] = [];
  const pace = paceSummaryLine(r, lang);
  if (pace) out.push(`  ${pace}`);
  if (r.growth !== null && r.previousTotal !== null) {
    out.push(`  ${L.previous}: ${formatCount(r.previousTotal, lang)} → ${L.growth.toLowerCase()}: ${signedPercent(r.growth, lang)}`);
  }
  if (r.goal !== null) {
    const gap = r.goalGap === null ? "—" : formatPoints(r.goalGap, lang);
    out.push(
      `  ${L.goal}: ${goalText(r.goal, lang)}; ${L.goalGap.replace(/ \(.*\)$/, "").toLowerCase()}: ${gap}; ${L.toGoal.toLowerCase()}: ${r.toGoal === null ? "—" : formatCount(r.toGoal, lang)}`,
    );
  }
  return out;
}

/** `narrative`: the report's paragraphs, printed after the tables (unindented, to copy as they are). */
export function printSummary(s: Summary, lang: Lang, narrative: readonly string[] = []): string {
  const L = labels(lang);
  const lines: string[] = [];
  lines.push(
    `${lang === "vi" ? "Trang tính" : "Sheets"}: ${[s.sheets.targets, s.sheets.actuals, s.sheets.base, s.sheets.previous ?? null]
      .filter((n): n is string => Boolean(n))
      .map(quoteSheetName)
      .join(", ")}`,
  );
  // Sheets of old units summed into the new ones (the July 2025 merger): their figures are built, not read.
  for (const c of s.crosswalk?.converted ?? []) {
    lines.push(
      lang === "vi"
        ? `· ${quoteSheetName(c.sheet)}: ${c.oldUnits} đơn vị cũ quy đổi thành ${c.newUnits} đơn vị mới theo bảng ${quoteSheetName(s.crosswalk!.sheet)}`
        : `· ${quoteSheetName(c.sheet)}: ${c.oldUnits} old units summed into ${c.newUnits} new ones through ${quoteSheetName(s.crosswalk!.sheet)}`,
    );
  }
  // Why a sheet was taken where another could serve (the report's period, its columns, hidden sheets).
  for (const n of s.sheetNotes ?? []) lines.push(`· ${render(n, { lang, shell: "cli" })}`);
  // What the pace was measured against (the period taken as the year …) and could not judge.
  for (const n of s.paceNotes ?? []) lines.push(`· ${render(n, { lang, shell: "cli" })}`);
  // Before any figure: what the area totals leave out, and total rows that are not the units' sum.
  const note = unmatchedNote(s, lang);
  if (note) lines.push(`! ${note}`);
  for (const t of totalMismatchLines(s, lang)) lines.push(`! ${t}`);
  for (const r of s.results) {
    const name = resultName(r, lang);
    lines.push("");
    lines.push(`${L.measureTitle(name, r.measure)}`);
    const avg = r.average === null ? "—" : formatPercent(r.average, lang);
    const overall = r.overall === null ? "—" : formatPercent(r.overall, lang);
    lines.push(
      `  ${s.totalLabel ?? L.total}: ${formatCount(r.actualTotal, lang)} / ${formatCount(r.denominatorTotal, lang)} = ${overall}` +
        (s.average === "mean" ? `   (${L.averageShort}: ${avg})` : ""),
    );
    lines.push(...extraLines(r, lang));
    const hasGrowth = r.units.some((u) => u.previous !== null);
    const hasGoal = r.units.some((u) => u.goal !== null);
    const hasGroups = r.groups.length > 0;
    // A loop, not Math.max(...list): a national province's units are more arguments than a call takes.
    let wName = 6;
    for (const u of r.units) wName = Math.max(wName, Array.from(u.unit).length);
    lines.push(
      `  ${pad(L.rank, 5)} ${pad(L.unit, wName)} ${pad(L.actual, 12, true)} ${pad(L.denominator(r.denominatorKind), 12, true)} ${pad(L.rate, 9, true)}` +
        (hasGrowth ? ` ${pad(lang === "vi" ? "So cùng kỳ" : "vs last yr", 10, true)}` : "") +
        (hasGoal ? ` ${pad(L.goal, 8, true)} ${pad(lang === "vi" ? "Cần thêm" : "To enrol", 9, true)}` : "") +
        (hasGroups ? `  ${L.group} (${lang === "vi" ? "hạng" : "rank"})` : ""),
    );
    for (const u of r.units) {
      const more =
        (hasGrowth ? ` ${pad(u.growth === null ? "—" : signedPercent(u.growth, lang), 10, true)}` : "") +
        (hasGoal
          ? ` ${pad(u.goal === null ? "—" : goalText(u.goal, lang), 8, true)} ${pad(u.toGoal === null ? "—" : formatCount(u.toGoal, lang), 9, true)}`
          : "") +
        (hasGroups ? `  ${u.group ?? "—"}${u.groupRank === null ? "" : ` (${u.groupRank})`}` : "");
      const mark =
        (u.belowAverage ? `  ▼ ${L.belowMark}` : "") + (u.belowGoal ? `  ◆ ${L.belowGoal}` : "") + (u.pace?.onPace === false ? `  ◇ ${L.offPaceMark}` : "");
      lines.push(
        `  ${pad(u.rank === null ? "—" : String(u.rank), 5)} ${pad(u.unit, wName)} ${pad(u.actual === null ? "—" : formatCount(u.actual, lang), 12, true)} ${pad(
          u.denominator === null ? "—" : formatCount(u.denominator, lang),
          12,
          true,
        )} ${pad(u.ratio === null ? "—" : formatPercent(u.ratio, lang), 9, true)}${more}${mark}`,
      );
    }
    if (hasGroups) {
      lines.push(`  ${L.groupsTitle}:`);
      const wGroup = Math.max(wName, ...r.groups.map((g) => Array.from(g.group).length));
      for (const g of r.groups) {
        lines.push(
          `    ${pad(g.rank === null ? "—" : String(g.rank), 4)} ${pad(g.group, wGroup)} ${pad(formatCount(g.actual, lang), 12, true)} ${pad(formatCount(g.denominator, lang), 12, true)} ${pad(
            g.ratio === null ? "—" : formatPercent(g.ratio, lang),
            9,
            true,
          )}${g.belowAverage ? `  ▼ ${L.belowMark}` : ""}`,
        );
      }
    }
  }
  if (narrative.length > 0) {
    lines.push("");
    lines.push(lang === "vi" ? "Nhận xét:" : "Commentary:");
    const caution = narrativeCaution(s, lang);
    if (caution) lines.push(`! ${caution}`);
    for (const p of narrative) lines.push("", p);
  }
  if (s.unmatched.length > 0) {
    lines.push("");
    lines.push(lang === "vi" ? "Đơn vị không khớp giữa các trang tính:" : "Units not matched between sheets:");
    for (const u of s.unmatched)
      lines.push(`  ${quoteSheetName(u.sheet)}: ${u.unit} — ${lang === "vi" ? "không có trong" : "not in"} ${u.missingFrom.map(quoteSheetName).join(", ")}`);
  }
  if (s.warnings.length > 0) {
    lines.push("");
    lines.push(lang === "vi" ? `Cảnh báo (${s.warnings.length}):` : `Warnings (${s.warnings.length}):`);
    for (const w of s.warnings) lines.push(`  ! ${render(w, { lang, shell: "cli" })}`);
  }
  return lines.join("\n");
}
