/**
 * The page's side of the preview's worker: requests as promises, and the open workbook as a
 * WorkbookPort (the task pane runs over it unchanged) that can also run the whole pipeline in
 * the worker (`analyze`, `recalculateAndRemember`), so the page only draws.
 */
import type { Lang } from "../core/i18n";
import type { SheetGrid } from "../core/grid";
import type { SheetSpec } from "../core/sheetSpec";
import type { RunChoices, StoredSettings } from "../core/settings";
import type { Analysis, Outcome } from "../workbook/recalculate";
import type { ReadOptions, SheetInfo, WorkbookPort, WrittenSheet } from "../workbook/port";
import { Calls, Op, Opened, Request, Response, analysisFromWire, errorFromWire, outcomeFromWire } from "./protocol";
import type { SheetView } from "./sheetView";

/** What the client needs of a Worker (a test passes an in-process one). */
export interface Endpoint {
  postMessage(message: Request, transfer?: Transferable[]): void;
  addEventListener(type: "message", listener: (e: MessageEvent<Response>) => void): void;
  addEventListener(type: "error", listener: (e: ErrorEvent) => void): void;
}

export class PreviewWorker {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(private readonly endpoint: Endpoint) {
    endpoint.addEventListener("message", (e) => {
      const r = e.data;
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if (r.ok) p.resolve(r.value);
      else p.reject(errorFromWire(r.error));
    });
    // A worker that fails to load or dies leaves no request waiting for ever.
    endpoint.addEventListener("error", (e) => {
      const err = new Error(e.message || "The preview's worker stopped.");
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    });
  }

  call<K extends Op>(op: K, args: Calls[K]["args"], transfer: Transferable[] = []): Promise<Calls[K]["result"]> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.endpoint.postMessage({ id, op, args }, transfer);
    });
  }

  /** Read the bytes as a workbook in the worker (they move there: `bytes` is empty afterwards). */
  async open(name: string, bytes: ArrayBuffer): Promise<WorkerWorkbook> {
    const opened = await this.call("open", { name, bytes }, [bytes]);
    return new WorkerWorkbook(this, opened);
  }
}

/** The workbook open in the worker. Each `open` makes a new one; an older one reads the newer workbook. */
export class WorkerWorkbook implements WorkbookPort {
  constructor(
    private readonly worker: PreviewWorker,
    readonly opened: Opened,
  ) {}

  get name(): string {
    return this.opened.name;
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.worker.call("listSheets", {});
  }

  readSheets(names: readonly string[], options?: ReadOptions): Promise<SheetGrid[]> {
    return this.worker.call("readSheets", options ? { names, options } : { names });
  }

  /** The descriptions cross by structured clone, which makes each sheet's rows (the `values` getter). */
  writeSummary(specs: readonly SheetSpec[]): Promise<WrittenSheet[]> {
    return this.worker.call("writeSummary", { specs });
  }

  loadSettings(): Promise<StoredSettings | null> {
    return this.worker.call("loadSettings", {});
  }

  async saveSettings(settings: StoredSettings): Promise<void> {
    await this.worker.call("saveSettings", { settings });
  }

  /** `analyze` of the pipeline, run in the worker. */
  async analyze(choices: RunChoices): Promise<Analysis> {
    return analysisFromWire(await this.worker.call("analyze", { choices }));
  }

  /** `recalculateAndRemember` of services/pane.ts, run in the worker. */
  async recalculateAndRemember(choices: RunChoices): Promise<Outcome> {
    return outcomeFromWire(await this.worker.call("recalculate", { choices }));
  }

  view(sheet: string, lang?: Lang): Promise<SheetView | null> {
    return this.worker.call("view", lang ? { sheet, lang } : { sheet });
  }

  /** The workbook as .xlsx bytes. */
  save(): Promise<ArrayBuffer> {
    return this.worker.call("save", {});
  }
}
