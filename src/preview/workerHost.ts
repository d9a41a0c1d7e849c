/**
 * The preview's worker side: the package adapter over the picked file's bytes (read lazily,
 * written back whole with our parts added: src/workbook/xlsx, the same writer as the CLI's), the
 * pipeline, and the sheet view (exceljs lays one sheet out to show it). Plain functions over
 * injected exceljs and file-error sniffing, so a test runs it in Node (and the worker entry,
 * preview.worker.ts, only wires it to postMessage). Nothing leaves the page.
 */
import type ExcelJS from "exceljs";
import type { Lang } from "../core/i18n";
import type { ChitieuError } from "../core/errors";
import { DEFAULT_CHOICES, RunChoices } from "../core/settings";
import { ExcelJsWorkbook } from "../workbook/exceljsWorkbook";
import { MAX_WORKBOOK_BYTES, workbookTooLargeError } from "../workbook/fileErrors";
import { PackageWorkbook } from "../workbook/xlsx/packageWorkbook";
import { Analysis, analyze } from "../workbook/recalculate";
import { recalculateAndRemember } from "../services/pane";
import { Calls, Op, Opened, analysisToWire, outcomeToWire } from "./protocol";
import { MAX_ROWS, SheetView, sheetView } from "./sheetView";

export interface HostDeps {
  /** exceljs (its browser build in the worker, the Node one in tests): lays out a sheet for the view. */
  readonly excel: () => Promise<typeof ExcelJS>;
  /** The one sentence for bytes that are no readable workbook (empty, encrypted, .xls, .ods, text …). */
  readonly readError: (fileName: string, bytes: Uint8Array, cause: unknown) => ChitieuError;
}

export type Handler = <K extends Op>(op: K, args: Calls[K]["args"]) => Promise<Calls[K]["result"]>;

export function createHost(deps: HostDeps): Handler {
  let port: PackageWorkbook | null = null;
  // The language the summary sheets are written in: the sheet view shows numbers its way.
  let outputLang: Lang = DEFAULT_CHOICES.lang;

  const open = (): PackageWorkbook => {
    // The page asks for nothing before a workbook is open; a plain Error says so if it does.
    if (!port) throw new Error("No workbook is open.");
    return port;
  };

  const ops: { [K in Op]: (args: Calls[K]["args"]) => Promise<Calls[K]["result"]> } = {
    async open({ name, bytes }): Promise<Opened> {
      const data = new Uint8Array(bytes);
      // Past the limit the CLI reads, the same message: the wrong file, most likely.
      if (data.byteLength > MAX_WORKBOOK_BYTES) throw workbookTooLargeError(name, data.byteLength);
      let next: PackageWorkbook;
      try {
        // A zip that is no workbook (an .ods, a .docx renamed .xlsx) or holds no worksheet throws here too.
        next = await PackageWorkbook.open(data, { file: name });
      } catch (cause) {
        throw deps.readError(name, data, cause);
      }
      // Only a workbook that reads replaces the one open.
      port = next;
      const settings = await port.loadSettings().catch(() => null);
      outputLang = settings?.lang ?? DEFAULT_CHOICES.lang;
      return { name, sheets: await port.listSheets(), lang: settings?.lang ?? null };
    },
    listSheets: () => open().listSheets(),
    readSheets: ({ names, options }) => open().readSheets(names, options),
    writeSummary: ({ specs }) => open().writeSummary(specs),
    loadSettings: () => open().loadSettings(),
    async saveSettings({ settings }) {
      await open().saveSettings(settings);
      outputLang = settings.lang;
      return null;
    },
    async analyze({ choices }) {
      return analysisToWire(await withPassedOver(open(), await analyze(open(), choices)));
    },
    async recalculate({ choices }: { choices: RunChoices }) {
      const outcome = await recalculateAndRemember(open(), choices);
      outputLang = choices.lang;
      return outcomeToWire(await withPassedOver(open(), outcome));
    },
    async view({ sheet, lang }) {
      return viewOf(open(), sheet, lang ?? outputLang, await deps.excel());
    },
    async save() {
      const view = await open().save();
      // Send exactly the file's bytes (the array may be a view on a larger buffer).
      return view.byteOffset === 0 && view.byteLength === view.buffer.byteLength ? (view.buffer as ArrayBuffer) : (view.slice().buffer as ArrayBuffer);
    },
  };

  return (op, args) => (ops[op] as (a: typeof args) => Promise<Calls[typeof op]["result"]>)(args);
}

/**
 * The grid of a sheet for the page. A summary sheet written in this session is laid out by
 * exceljs from its description; any other sheet is given to exceljs alone, in a package of its
 * own (formats, fills, merges as the file has them, nothing it relates to); a sheet too large for
 * that, or one exceljs refuses, shows the reader's values (the first MAX_ROWS rows only).
 */
async function viewOf(port: PackageWorkbook, name: string, lang: Lang, Excel: typeof ExcelJS): Promise<SheetView | null> {
  const spec = port.writtenSpec(name);
  const wb = new Excel.Workbook();
  if (spec) {
    const [w] = await new ExcelJsWorkbook(wb).writeSummary([spec]);
    const ws = wb.getWorksheet(w!.name);
    return ws ? { ...sheetView(ws, lang), name } : null;
  }
  if (!(await port.listSheets()).some((s) => s.name === name && s.kind === "worksheet")) return null;
  // The sheet alone in a small package of its own: exceljs shows its formats as the file has them.
  const alone = await port.sheetAlone(name).catch(() => null);
  if (alone) {
    try {
      await wb.xlsx.load(alone as unknown as ExcelJS.Buffer);
      const ws = wb.worksheets[0];
      if (ws) return { ...sheetView(ws, lang), name };
    } catch {
      // A sheet exceljs cannot lay out shows its values.
    }
  }
  const [grid] = await port.readSheets([name], { maxRows: MAX_ROWS + 1 });
  const plain = new Excel.Workbook();
  const ws = plain.addWorksheet("view");
  grid!.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v;
    }),
  );
  return { ...sheetView(ws, lang), name };
}

/** The parts the package reader passed over (named), first among the run's warnings, as the CLI shows them. */
async function withPassedOver<T extends Analysis>(port: PackageWorkbook, a: T): Promise<T> {
  const passedOver = await port.readWarnings();
  return passedOver.length === 0 ? a : { ...a, summary: { ...a.summary, warnings: [...passedOver, ...a.summary.warnings] } };
}
