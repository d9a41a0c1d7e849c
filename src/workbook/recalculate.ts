/**
 * The one pipeline every shell runs — CLI, ribbon, task pane, preview — over any workbook port:
 * list sheets → choose roles → read grids → summarize → describe (and the report's paragraphs,
 * on their own sheet) → write. Shells only wire an adapter to it and show the outcome, so all of
 * them give the same results on the same grids.
 */
import { ChitieuError } from "../core/errors";
import { Grid, SheetGrid, isBlank } from "../core/grid";
import { said } from "../core/messages";
import { SheetChoice, SheetRole, chooseSheets, contestedRoles } from "../core/roles";
import { findCrosswalkHeader } from "../core/crosswalk";
import { foldText } from "../core/text";
import { RunChoices } from "../core/settings";
import { SheetSpec } from "../core/sheetSpec";
import { summarize } from "../core/summarize";
import { Summary } from "../core/results";
import { describeOutput } from "../core/describe";
import { commentarySheet } from "../core/commentary";
import { narrativeCaution } from "../core/caveats";
import { writeNarrative } from "../core/narrative";
import { paceSummary } from "../core/paceResults";
import { HISTORY_SPEC_CODES, NO_HISTORY, PreviousHistory, historyCandidates, historySpec, previousHistoryFrom } from "./historySheet";
import { SheetInfo, WorkbookPort, WrittenSheet } from "./port";

export interface Analysis {
  readonly choice: SheetChoice;
  readonly summary: Summary;
  readonly specs: SheetSpec[];
  readonly sheetList: SheetInfo[];
  /** The report's paragraphs in the chosen language (also on the commentary sheet). */
  readonly narrative: readonly string[];
  /**
   * The history the workbook held before this run (our "Diễn biến" sheet read back), kept so that
   * a new date retold without reading the workbook again still merges into it. Absent: none.
   */
  readonly history?: PreviousHistory;
}

export interface Outcome extends Analysis {
  readonly written: WrittenSheet[];
}

/** Rows read from each sheet to recognise its role by content. */
const PEEK_ROWS = 30;

/** The sheets' roles, and the top rows read to decide them (empty when the names decided): the crosswalk is looked for in them too. */
interface Chosen {
  readonly choice: SheetChoice;
  readonly peek: ReadonlyMap<string, Grid>;
}

async function choose(port: WorkbookPort, sheetList: SheetInfo[], choices: RunChoices): Promise<Chosen> {
  const ours = new Set(sheetList.filter((s) => s.ours).map((s) => s.name));
  // Chart sheets and the like: no cells to read.
  const notGrids = sheetList.filter((s) => s.kind !== "worksheet");
  const worksheets = sheetList.filter((s) => s.kind === "worksheet").map((s) => s.name);
  for (const [role, name] of Object.entries(choices.sheets) as [SheetRole, string | null | undefined][]) {
    if (name && notGrids.some((c) => c.name === name))
      throw new ChitieuError("not-a-worksheet", said("chart-sheet-given", { role, worksheets }, { sheet: name }, role));
  }
  const allNames = [...worksheets, ...notGrids.map((c) => c.name)];
  // Never an input: our own summary sheets and chart sheets. Hidden sheets (a copy of last year's
  // plan kept out of sight) are never chosen on their own; named in the choices they are used.
  // The crosswalk named in the choices is no input of figures either.
  const skip = new Set([...ours, ...notGrids.map((x) => x.name), ...(choices.crosswalk ? [choices.crosswalk] : [])]);
  const hidden = new Set(sheetList.filter((s) => s.hidden).map((s) => s.name));
  try {
    const c = chooseSheets(allNames, choices.sheets, new Map(), skip, hidden);
    // Two sheets could serve a role ("KH" and "KH (2)", "TH T3" and "TH T4"): their titles decide.
    if ((c.targets || c.base) && contestedRoles(allNames, choices.sheets, skip, hidden).length === 0) return { choice: c, peek: new Map() };
  } catch (e) {
    if (!(e instanceof ChitieuError) || e.code !== "missing-sheet" || Object.values(choices.sheets).some((n) => n && !allNames.includes(n))) throw e;
  }
  // Names did not decide: read the top rows of the candidate sheets and look at their words.
  const candidates = worksheets.filter((n) => !skip.has(n) && !hidden.has(n));
  const peeked = await port.readSheets(candidates, { maxRows: PEEK_ROWS });
  const peek = new Map<string, Grid>(peeked.map((g) => [g.name, g.values]));
  try {
    return { choice: chooseSheets(allNames, choices.sheets, peek, skip, hidden), peek };
  } catch (e) {
    // No sheet of actuals because there is nothing at all: say that, not "no actuals sheet".
    // The top rows were blank; read those sheets whole before saying so (only on this error path).
    if (e instanceof ChitieuError && e.code === "missing-sheet" && candidates.length > 0 && peeked.every((g) => blankGrid(g.values))) {
      const whole = await port.readSheets(candidates);
      if (whole.every((g) => blankGrid(g.values))) throw new ChitieuError("empty-sheet", said("workbook-empty", { sheets: candidates }, undefined, "input"));
    }
    throw e;
  }
}

/** Rows read from each other sheet to find the crosswalk by its headers. */
const CROSSWALK_PEEK_ROWS = 20;

/**
 * The crosswalk of old to new units: the sheet the choices name (null: none), else the first
 * other worksheet whose headers have a column of old units beside one of new units. Our own
 * sheets, chart sheets, hidden sheets and the sheets chosen for a role are never looked at.
 */
async function findCrosswalk(
  port: WorkbookPort,
  sheetList: SheetInfo[],
  choice: SheetChoice,
  peek: ReadonlyMap<string, Grid>,
  choices: RunChoices,
): Promise<string | null> {
  const named = choices.crosswalk;
  const worksheets = sheetList.filter((s) => s.kind === "worksheet").map((s) => s.name);
  if (named === null) return null;
  if (named !== undefined && named.trim() !== "") {
    const exact = worksheets.find((n) => n === named) ?? worksheets.find((n) => foldText(n) === foldText(named));
    if (!exact) throw new ChitieuError("missing-sheet", said("crosswalk-sheet-not-found", { name: named, sheets: worksheets }, { sheet: named }, "crosswalk"));
    return exact;
  }
  const used = new Set([choice.targets, choice.actuals, choice.base, choice.previous].filter((n): n is string => !!n));
  const candidates = sheetList.filter((s) => s.kind === "worksheet" && !s.ours && !s.hidden && !used.has(s.name)).map((s) => s.name);
  if (candidates.length === 0) return null;
  // The top rows the roles were decided by serve here too: only sheets not read yet are read.
  const unread = candidates.filter((n) => !peek.has(n));
  const read = unread.length > 0 ? await port.readSheets(unread, { maxRows: CROSSWALK_PEEK_ROWS }) : [];
  const tops = new Map<string, Grid>([...peek, ...read.map((g) => [g.name, g.values] as const)]);
  return candidates.find((n) => findCrosswalkHeader(tops.get(n)!.slice(0, CROSSWALK_PEEK_ROWS)) !== null) ?? null;
}

function blankGrid(g: Grid): boolean {
  for (const row of g) for (const v of row) if (!isBlank(v)) return false;
  return true;
}

/** Everything up to the sheet descriptions, without writing: for previews. */
export async function analyze(port: WorkbookPort, choices: RunChoices): Promise<Analysis> {
  const sheetList = await port.listSheets();
  const { choice: chosen, peek } = await choose(port, sheetList, choices);
  const crosswalk = await findCrosswalk(port, sheetList, chosen, peek, choices);
  const choice: SheetChoice = { ...chosen, crosswalk };
  const wanted = [choice.targets, choice.actuals, choice.base, choice.previous, crosswalk].filter((n): n is string => !!n);
  // Our history sheet with the inputs, in one read: its earlier runs are merged with this one.
  const ourHistory = historyCandidates(sheetList).filter((n) => !wanted.includes(n));
  const grids = await port.readSheets([...wanted, ...ourHistory]);
  const byName = new Map<string, SheetGrid>(grids.map((g) => [g.name, g]));
  const get = (n: string | null) => (n ? (byName.get(n) ?? null) : null);
  const summary = summarize(
    {
      targets: get(choice.targets),
      actuals: get(choice.actuals)!,
      base: get(choice.base),
      previous: get(choice.previous),
      off: (["targets", "base", "previous"] as const).filter((r) => choices.sheets[r] === null),
      crosswalk: get(crosswalk),
    },
    {
      average: choices.average,
      rank: choices.rank,
      locale: choices.locale,
      overrides: choices.overrides,
      goals: choices.goals ?? [],
      category: choices.category ?? null,
      groupBy: choices.groupBy ?? null,
      sheetNotes: choice.notes ?? [],
      // What the adapter met while reading (Excel refusing to calculate first) comes with the sheet choice's doubts.
      sheetWarnings: [...(choice.warnings ?? []), ...(port.takeWarnings?.() ?? [])],
      // The pace's date and period (the paragraph's date is the same: reportDate.ts runReportDate).
      asOf: choices.asOf,
      periodStart: choices.periodStart,
      periodEnd: choices.periodEnd,
    },
  );
  // The history of earlier runs, from our own sheet; what could not be read back is said.
  const history = previousHistoryFrom(ourHistory.map((n) => byName.get(n)).filter((g): g is SheetGrid => g !== undefined));
  const told = history.warnings.length > 0 ? { ...summary, warnings: [...summary.warnings, ...history.warnings] } : summary;
  return retell({ choice, summary: told, specs: describeOutput(told, { lang: choices.lang }), sheetList, narrative: [], history }, choices);
}

/**
 * The analysis with its paragraphs (and their sheet) written for these choices' date, area and
 * count of units named: all those change. The pane's date and area fields retell the last analysis
 * rather than read the workbook again. A new date (or period) also changes the pace of the
 * attainment results: it is computed again from the summary, and the sheets described again.
 */
export function retell(a: Analysis, choices: RunChoices): Analysis {
  const summary = paceSummary(a.summary, { asOf: choices.asOf, periodStart: choices.periodStart, periodEnd: choices.periodEnd });
  const narrative = writeNarrative(summary, { lang: choices.lang, asOf: choices.asOf, area: choices.area, lowest: choices.lowest });
  const described = summary === a.summary ? a.specs : describeOutput(summary, { lang: choices.lang });
  const specs = described.filter((s) => s.kind !== "commentary" && s.kind !== "history");
  // The paragraphs stay as written; the sheet says above them which units their area figures leave out.
  specs.push(commentarySheet(narrative, choices.lang, narrativeCaution(summary, choices.lang)));
  // The month-by-month history: this run's figures for its report date merged into the earlier ones.
  const history = historySpec(a.history ?? NO_HISTORY, summary, summary.pacedWith?.reportDay ?? null, choices.lang);
  if (history.spec) specs.push(history.spec);
  // What the history sheet says is said again for this telling: the last telling's words go first.
  const kept = summary.warnings.filter((m) => !HISTORY_SPEC_CODES.has(m.code));
  const told = kept.length === summary.warnings.length && history.warnings.length === 0 ? summary : { ...summary, warnings: [...kept, ...history.warnings] };
  return { ...a, summary: told, specs, narrative };
}

/** Analyze and write the summary sheets. */
export async function recalculate(port: WorkbookPort, choices: RunChoices): Promise<Outcome> {
  const a = await analyze(port, choices);
  const written = await port.writeSummary(a.specs);
  // What the adapter met while writing (a part of the sheets' look Excel refused) is a warning too.
  const late = port.takeWarnings?.() ?? [];
  const summary = late.length > 0 ? { ...a.summary, warnings: [...a.summary.warnings, ...late] } : a.summary;
  return { ...a, summary, written };
}
