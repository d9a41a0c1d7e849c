/**
 * The preview's worker side: one exceljs workbook, the port over it, and the pipeline. Plain
 * functions over injected exceljs and file-error sniffing, so a test runs it in Node (and the
 * worker entry, preview.worker.ts, only wires it to postMessage).
 */
import type ExcelJS from "exceljs";
import type { Lang } from "../core/i18n";
import type { ChitieuError } from "../core/errors";
import { DEFAULT_CHOICES, RunChoices } from "../core/settings";
import { ExcelJsWorkbook } from "../workbook/exceljsAdapter";
import { analyze } from "../workbook/recalculate";
import { recalculateAndRemember } from "../services/pane";
import { Calls, Op, Opened, analysisToWire, outcomeToWire } from "./protocol";
import { sheetView } from "./sheetView";

export interface HostDeps {
  /** exceljs (its browser build in the worker, the Node one in tests). */
  readonly excel: () => Promise<typeof ExcelJS>;
  /** The one sentence for bytes exceljs could not read (empty, encrypted, .xls, .ods, text …). */
  readonly readError: (fileName: string, bytes: Uint8Array, cause: unknown) => ChitieuError;
}

export type Handler = <K extends Op>(op: K, args: Calls[K]["args"]) => Promise<Calls[K]["result"]>;

export function createHost(deps: HostDeps): Handler {
  let port: ExcelJsWorkbook | null = null;
  // The language the summary sheets are written in: the sheet view shows numbers its way.
  let outputLang: Lang = DEFAULT_CHOICES.lang;

  const open = (): ExcelJsWorkbook => {
    // The page asks for nothing before a workbook is open; a plain Error says so if it does.
    if (!port) throw new Error("No workbook is open.");
    return port;
  };

  const ops: { [K in Op]: (args: Calls[K]["args"]) => Promise<Calls[K]["result"]> } = {
    async open({ name, bytes }): Promise<Opened> {
      const Excel = await deps.excel();
      const wb = new Excel.Workbook();
      try {
        await wb.xlsx.load(bytes);
      } catch (cause) {
        throw deps.readError(name, new Uint8Array(bytes), cause);
      }
      // exceljs reads any zip without complaint (an .ods, a .docx renamed .xlsx) and finds no sheet in it.
      if (wb.worksheets.length === 0) throw deps.readError(name, new Uint8Array(bytes), new Error("The file holds no worksheet."));
      // Only a workbook that reads replaces the one open.
      port = new ExcelJsWorkbook(wb);
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
      return analysisToWire(await analyze(open(), choices));
    },
    async recalculate({ choices }: { choices: RunChoices }) {
      const outcome = await recalculateAndRemember(open(), choices);
      outputLang = choices.lang;
      return outcomeToWire(outcome);
    },
    async view({ sheet, lang }) {
      const ws = open().workbook.getWorksheet(sheet);
      return ws ? sheetView(ws, lang ?? outputLang) : null;
    },
    async save() {
      const buf = await open().workbook.xlsx.writeBuffer();
      // exceljs gives a Buffer (a view on a possibly larger pool) or an ArrayBuffer: send exactly the file's bytes.
      const view = buf instanceof ArrayBuffer ? new Uint8Array(buf) : new Uint8Array((buf as Uint8Array).buffer, (buf as Uint8Array).byteOffset, (buf as Uint8Array).byteLength);
      return view.byteOffset === 0 && view.byteLength === view.buffer.byteLength ? (view.buffer as ArrayBuffer) : view.slice().buffer;
    },
  };

  return (op, args) => (ops[op] as (a: typeof args) => Promise<Calls[typeof op]["result"]>)(args);
}
