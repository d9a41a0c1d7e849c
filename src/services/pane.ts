/**
 * What the task pane does with a workbook besides showing it: load the saved choices,
 * recalculate then remember the choices with the sheets the run used, and bring a sheet to the
 * front (the host's `activateSheet`: Excel's worksheet.activate(), the preview's tab). Plain functions over the
 * port and the shared pipeline, so the pane's components hold UI state only.
 */
import type { GivenSheets, SheetChoice } from "../core/roles";
import type { PaneHost } from "./host";
import { DEFAULT_CHOICES, RunChoices, toStored } from "../core/settings";
import type { WorkbookPort } from "../workbook/port";
import { Outcome, recalculate } from "../workbook/recalculate";

/** The saved choices over the defaults (a colleague's file opens with their choices); the defaults when none can be read. */
export async function loadChoices(port: WorkbookPort): Promise<RunChoices> {
  try {
    const saved = await port.loadSettings();
    return saved ? { ...DEFAULT_CHOICES, ...saved } : DEFAULT_CHOICES;
  } catch {
    return DEFAULT_CHOICES;
  }
}

/** The choices with the sheet names the run actually used (detected ones included), to save. */
export function usedChoices(choices: RunChoices, used: SheetChoice): RunChoices {
  const sheets: GivenSheets = { ...choices.sheets, actuals: used.actuals };
  if (used.targets) sheets.targets = used.targets;
  if (used.base) sheets.base = used.base;
  if (used.previous) sheets.previous = used.previous;
  return { ...choices, sheets };
}

/**
 * Recalculate and write the summary sheets, then save the choices in the workbook, so that the
 * ribbon's Recalculate (and a colleague opening the file) recalculates the same way.
 */
export async function recalculateAndRemember(port: WorkbookPort, choices: RunChoices): Promise<Outcome> {
  const outcome = await recalculate(port, choices);
  await port.saveSettings(toStored(usedChoices(choices, outcome.choice)));
  return outcome;
}

/**
 * Bring a sheet to the front ("xem tất cả" opens a result's ranked sheet). A sheet that is gone
 * (deleted since the run) or a host that cannot show it leaves the pane as it is: the link is a
 * convenience, never an error to handle.
 */
export function openSheet(host: Pick<PaneHost, "activateSheet">, name: string): void {
  void host.activateSheet(name).catch(() => undefined);
}
