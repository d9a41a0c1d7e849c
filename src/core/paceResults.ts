/**
 * Pace for a summary's attainment results (issue 19): each result's target period, read from its
 * target column's header, else the targets sheet's title rows, else its name (periods.ts), or
 * given (--period-start / --period-end), or the report year's; the kind of its figures (pace.ts
 * `paceKindOf` over the actual column's header); and the pace of the area (Σ target, Σ actual) and
 * of each unit, kept as columns beside the result's other per-unit figures.
 *
 * The as-of date is the run's report date (reportDate.ts `runReportDate`, the paragraph's rule).
 * Without one there is no pace, said once. Coverage has no pace. A run for another date computes
 * it again from the summary (`paceSummary` over a summary already paced replaces its pace): the
 * pane's date field changes the pace without reading the workbook again.
 *
 * Not yet read: a stock's level at the period's start (a "đầu kỳ" / 31 December column), so no
 * unit of participants is judged on or off pace; flows are.
 */
import { ChitieuError } from "./errors";
import { said, type Message } from "./messages";
import { PACE_CODES, type PeriodReadingParam } from "./messages/pace";
import { computePace, paceKindOf, type Pace, type PaceKind } from "./pace";
import { dayNumber, defaultPeriod, readPeriod, readPeriodOf, type TargetPeriod } from "./periods";
import { isoOfDay, parseDayText, reportDay, runReportDate } from "./reportDate";
import { type IndicatorResult, type ResultColumns, type Summary, resultColumns, anyRowWithBoth, resultFields, resultOver } from "./results";

/** The run's choices the pace follows (RunChoices' asOf, periodStart, periodEnd). */
export interface PaceOptions {
  /** The report date, dd/mm/yyyy; else the actuals' title rows. */
  readonly asOf?: string | null;
  /** The target period's first and last days, dd/mm/yyyy; each overrides what the workbook says. */
  readonly periodStart?: string | null;
  readonly periodEnd?: string | null;
}

const blankToNull = (s: string | null | undefined): string | null => {
  const t = s?.trim();
  return t ? t : null;
};

/** A given day (--period-start / --period-end) as ISO; a `bad-option` error when it is no day. */
function givenDay(text: string | null, which: "start" | "end"): string | null {
  if (text === null) return null;
  const d = parseDayText(text);
  if (!d) throw new ChitieuError("bad-option", said("period-not-a-date", { which, text }, undefined, which === "start" ? "periodStart" : "periodEnd"));
  return isoOfDay(d);
}

/**
 * The period's days as given (--period-start / --period-end, either may be absent), as ISO: a
 * `bad-option` error for a day that is no day or a start after the end. The CLI checks its flags
 * with it as it reads them; the pace step with it again for the pane's fields.
 */
export function givenPeriodDays(startText: string | null, endText: string | null): { readonly start: string | null; readonly end: string | null } {
  const start = givenDay(blankToNull(startText), "start");
  const end = givenDay(blankToNull(endText), "end");
  if (start && end && dayNumber(start) > dayNumber(end)) {
    throw new ChitieuError("bad-option", said("period-start-after-end", { start, end }, undefined, "periodStart"));
  }
  return { start, end };
}

/** "năm 2024" for a whole calendar year given by flags; "" for any other span (the sentence then says "chỉ tiêu"). */
function givenPeriod(start: string, end: string, source: string): TargetPeriod {
  const y = start.slice(0, 4);
  const whole = start === `${y}-01-01` && end === `${y}-12-31`;
  return { start, end, label: whole ? `năm ${y}` : "", labelEn: whole ? y : "", source, startAssumed: false };
}

/** The header's parts (DetectedColumn.header joins them with " / ", group header first). */
const headerParts = (header: string): string[] => header.split(" / ").filter((p) => p.trim() !== "");

interface ReadPeriod {
  readonly period: TargetPeriod | null;
  readonly conflicting: readonly TargetPeriod[];
}

/**
 * A result's period as the workbook writes it: its target column's header parts, then the title
 * rows of the sheet the column is in, then that sheet's name — the first that names one. Two
 * readings that disagree within one of them: none (the caller warns and uses the year).
 */
export function workbookPeriod(r: Pick<IndicatorResult, "source">, titles: Summary["titles"], reportYear: number | null): ReadPeriod {
  const sheet = r.source.denominator.sheet;
  const header = readPeriodOf(headerParts(r.source.denominator.header), reportYear);
  if (header.period || header.conflicting.length > 0) return header;
  const lines = (titles ?? []).filter((t) => t.sheet === sheet).flatMap((t) => t.lines);
  const titled = readPeriodOf(lines, reportYear);
  if (titled.period || titled.conflicting.length > 0) return titled;
  return { period: readPeriod(sheet, reportYear), conflicting: [] };
}

const indicatorName = (r: IndicatorResult) => ({ vi: r.indicator, en: r.indicatorEn });

/** A result with new fields and columns, its units made from those columns when first read. */
function withColumns(r: IndicatorResult, fields: Partial<IndicatorResult>, columns: ResultColumns): IndicatorResult {
  return resultOver({ ...resultFields(r), ...fields }, columns);
}

/**
 * The summary with the pace of each attainment result for these choices (the same summary when it
 * was paced with them already). Throws `bad-option` for a --period-start / --period-end that is no
 * day or a period whose start falls after its end, and (as the paragraph does) for an --as-of that
 * is no day.
 */
export function paceSummary(summary: Summary, options: PaceOptions = {}): Summary {
  const asOfText = blankToNull(options.asOf);
  const startText = blankToNull(options.periodStart);
  const endText = blankToNull(options.periodEnd);
  const w = summary.pacedWith;
  if (w && w.asOf === asOfText && w.periodStart === startText && w.periodEnd === endText) return summary;
  const { start: startGiven, end: endGiven } = givenPeriodDays(startText, endText);
  const date = runReportDate(asOfText, summary.titles ?? []);
  const warnings: Message[] = summary.warnings.filter((m) => !PACE_CODES.has(m.code));
  const notes: Message[] = [];
  const attainment = summary.results.some((r) => r.measure === "attainment");
  if (!date && attainment) notes.push(said("pace-no-as-of", {}, undefined, "asOf"));
  const day = date ? reportDay(date) : null;
  const asOf = day ? isoOfDay(day) : null;
  const year = day ? day.year : null;

  const results = summary.results.map((r): IndicatorResult => {
    if (r.measure !== "attainment") return r;
    const c = resultColumns(r);
    const none = { pace: null, period: null, paceKind: null } as const;
    if (asOf === null || year === null) return withColumns(r, none, { ...c, pace: null });
    const where = { sheet: r.source.denominator.sheet, column: r.source.denominator.column };
    const name = indicatorName(r);
    // The period: given whole, else read (a given start or end replaces that side of it).
    let period: TargetPeriod;
    if (startGiven && endGiven) period = givenPeriod(startGiven, endGiven, `${startText} – ${endText}`);
    else {
      const read = workbookPeriod(r, summary.titles, year);
      let p = read.period;
      if (!p) {
        p = defaultPeriod(year);
        if (read.conflicting.length > 0) {
          const readings: PeriodReadingParam[] = read.conflicting.map((x) => ({ text: x.source, start: x.start, end: x.end }));
          warnings.push(said("pace-period-conflict", { indicator: name, readings, start: p.start, end: p.end }, where, "periodEnd"));
        } else if (!startGiven && !endGiven) notes.push(said("pace-period-defaulted", { indicator: name, start: p.start, end: p.end }, where, "periodEnd"));
      }
      if (startGiven || endGiven) {
        // The other end as read: a given start after the end read (or an end before the start) is refused, never moved.
        const start = startGiven ?? p.start;
        const end = endGiven ?? p.end;
        if (dayNumber(start) > dayNumber(end))
          throw new ChitieuError("bad-option", said("period-start-after-end", { start, end }, undefined, startGiven ? "periodStart" : "periodEnd"));
        // The same dates as read keep their name ("đợt 1"); others are named by the flags alone.
        period =
          start === p.start && end === p.end
            ? { ...p, startAssumed: false }
            : givenPeriod(start, end, [startText, endText].filter((t) => t !== null).join(" – "));
      } else period = p;
      if (period.startAssumed)
        notes.push(said("pace-start-assumed", { indicator: name, text: period.source, start: period.start, end: period.end }, where, "periodStart"));
    }
    if (dayNumber(asOf) < dayNumber(period.start) || dayNumber(asOf) > dayNumber(period.end)) {
      warnings.push(said("pace-as-of-outside", { indicator: name, asOf, start: period.start, end: period.end }, where, "asOf"));
    }
    // Participants unless the header says the figures are counted within the period; a header
    // that says neither is taken as a level too, which is judged only with a start level — never a
    // flow's "target × elapsed" over a level, which would mark every unit on pace.
    const kind: PaceKind = paceKindOf(headerParts(r.source.actual.header)) ?? "stock";
    if (!anyRowWithBoth(c)) return withColumns(r, { pace: null, period, paceKind: kind }, { ...c, pace: null });
    const pace: Pace | null = computePace({
      periodStart: period.start,
      periodEnd: period.end,
      asOf,
      target: r.denominatorTotal,
      actual: r.actualTotal,
      kind,
      startLevel: null,
    });
    if (pace && kind === "stock") notes.push(said("pace-no-start-level", { indicator: name }, where));
    // Each unit's pace is computed where read (results.ts unitPaceAt), from this schedule.
    const schedule = pace ? { elapsed: pace.elapsed, monthsLeft: pace.monthsLeft, kind } : null;
    return withColumns(r, { pace, period, paceKind: kind }, { ...c, pace: schedule });
  });
  return {
    ...summary,
    results,
    warnings,
    paceNotes: notes,
    pacedWith: { asOf: asOfText, periodStart: startText, periodEnd: endText, reportDay: asOf },
  };
}
