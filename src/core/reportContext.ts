/**
 * The report date and area the workbook itself states, with where each was read, for shells that
 * show them before the paragraphs are written (the pane's date and area fields say "31/10/2022 —
 * từ dòng tiêu đề" as their hint, so a blank field is a visible choice, never a guess). The same
 * sources in the same order as narrative.ts's `narrativeContext` when the user gives neither: the
 * actuals' title rows for the date; an agency title row for the area (when its level agrees with
 * the total row's), else the total row's label.
 */
import { ReportArea, ReportDate, areaFromTitles, areaFromTotalLabel, levelOfTotalLabel, runReportDate } from "./reportDate";
import type { Summary } from "./results";

/** Where a detected value was read: the title rows above a table, or the label of its total row. */
export type ContextSource = "titles" | "total";

export interface DetectedReportContext {
  readonly date: { readonly value: ReportDate; readonly source: "titles" } | null;
  readonly area: { readonly value: ReportArea; readonly source: ContextSource } | null;
}

/** The report date and area read from the workbook (never from the user's choices), with their sources. */
export function detectedReportContext(summary: Pick<Summary, "titles" | "totalLabel">): DetectedReportContext {
  const titles = summary.titles ?? [];
  // The figures' date is the actuals'; a targets sheet's dates are the plan's.
  const date = runReportDate(null, titles);
  const totalLevel = levelOfTotalLabel(summary.totalLabel);
  const titled = areaFromTitles(titles.filter((t) => t.role !== "previous").flatMap((t) => t.lines));
  const total = areaFromTotalLabel(summary.totalLabel);
  const area =
    titled && (totalLevel === null || totalLevel === titled.level)
      ? { value: titled, source: "titles" as const }
      : total
        ? { value: total, source: "total" as const }
        : null;
  return { date: date ? { value: date, source: "titles" } : null, area };
}

/** A report date as a planner writes it: "31/10/2022", or "01/01/2024 – 30/4/2024" for a period. */
export function reportDateText(d: ReportDate): string {
  return d.kind === "day" ? d.day.text : `${d.from.text} – ${d.to.text}`;
}
