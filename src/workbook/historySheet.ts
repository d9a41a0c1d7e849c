/**
 * The history sheet ("Diễn biến") in the shared pipeline: the previous history read back from our
 * own sheet, this run's snapshot merged in (a run for the same report date replaces that date's
 * rows), described again. The pure parts are in src/core/history.ts; these are the steps the
 * pipeline (recalculate.ts) runs around them: which sheets of ours to read with the inputs, the
 * earlier history from them, and this run's sheet, so every shell (Excel, CLI, preview) keeps one
 * history.
 */
import { cleanText, foldText } from "../core/text";
import type { Lang } from "../core/i18n";
import { said, type Message } from "../core/messages";
import { HistoryRow, describeHistory, historySheetName, mergeHistory, readHistory, snapshotOf } from "../core/history";
import type { SheetSpec } from "../core/sheetSpec";
import type { Summary } from "../core/results";
import type { SheetGrid } from "../core/grid";
import type { SheetInfo } from "./port";

/** The history the workbook holds: its rows, what could not be read back, and the sheet it came from. */
export interface PreviousHistory {
  readonly rows: readonly HistoryRow[];
  readonly warnings: readonly Message[];
  readonly sheet: string | null;
}

/** A sheet name with case and accents aside (Excel compares case only, sheetSpec.ts sheetNameKey; a history renamed "Dien bien" is still found). */
function looseSheetName(name: string): string {
  return foldText(cleanText(name));
}

export const NO_HISTORY: PreviousHistory = { rows: [], warnings: [], sheet: null };

/**
 * Our sheets that may hold the history: named as it is in either language, numbered or not
 * ("Diễn biến", "Trend", "Diễn biến (2)" where a planner's sheet had the name). Only sheets of
 * ours: a planner's own "Diễn biến" is never read or replaced.
 */
export function historyCandidates(list: readonly SheetInfo[]): string[] {
  const names = (["vi", "en"] as const).map((l) => looseSheetName(historySheetName(l)));
  return list.filter((s) => s.ours && s.kind === "worksheet" && names.some((n) => looseSheetName(s.name.replace(/\s*\(\d+\)$/, "")) === n)).map((s) => s.name);
}

/**
 * The previous history from the first candidate holding its block of kept rows. The grids are
 * read with the input sheets, in the same request (Excel on the web counts every round trip).
 */
export function previousHistoryFrom(grids: readonly SheetGrid[]): PreviousHistory {
  const lost: Message[] = [];
  for (const g of grids) {
    const reading = readHistory(g);
    if (reading.found) return { rows: reading.rows, warnings: reading.warnings, sheet: g.name };
    lost.push(...(reading.warnings.length > 0 ? reading.warnings : [said("history-not-found", {}, { sheet: g.name })]));
  }
  // A sheet of ours whose table of earlier runs is gone: said, and this run starts the history again.
  return { rows: [], warnings: lost, sheet: null };
}

/**
 * Unit rows kept per report date. A province (at most 168 communes × 8 results, 1,344 rows) keeps
 * every unit's for decades of months; a national workbook (3,321 × 8 = 26,568 a date) would fill
 * Excel's 1,048,576 rows in about three years and take Excel on the web four times the round
 * trips to write and read back, so it keeps the area's rows only, and says so.
 */
export const HISTORY_UNIT_ROWS_PER_DATE = 5000;

/** The codes of what `historySpec` says: a retelling says them again, never twice. */
export const HISTORY_SPEC_CODES: ReadonlySet<string> = new Set(["history-units-left-out"]);

/**
 * The history sheet for this run (null when there is none to write: no report date and no
 * earlier history, as a history needs dates) and what it says about itself. Without a report
 * date the earlier history is written back as it was, so that a run without a date never loses it.
 */
export function historySpec(previous: PreviousHistory, summary: Summary, asOf: string | null, lang: Lang): { spec: SheetSpec | null; warnings: Message[] } {
  if (asOf === null) return { spec: previous.rows.length > 0 ? describeHistory(previous.rows, lang) : null, warnings: [] };
  const snapshot = snapshotOf(summary, asOf, { lang, ...(summary.totalLabel ? { totalLabel: summary.totalLabel } : {}) });
  const unitRows = snapshot.filter((r) => !r.area).length;
  const kept = unitRows > HISTORY_UNIT_ROWS_PER_DATE ? snapshot.filter((r) => r.area) : snapshot;
  const warnings = kept === snapshot ? [] : [said("history-units-left-out", { rows: unitRows, limit: HISTORY_UNIT_ROWS_PER_DATE })];
  return { spec: describeHistory(mergeHistory(previous.rows, kept), lang), warnings };
}
