/**
 * The preview's worker (webpack entry "preview-worker"): reads the .xlsx, detects, computes and
 * writes the result workbook off the page's thread, so a national file (3,321 communes) never
 * freezes the page. It answers the page's requests (protocol.ts) one by one, in order.
 */
import type ExcelJS from "exceljs";
import { workbookReadError } from "../workbook/fileErrors";
import { Request, Response, errorToWire } from "./protocol";
import { createHost } from "./workerHost";

/** The worker's global scope, as far as this file uses it (the DOM and WebWorker libs cannot both be loaded). */
interface WorkerScope {
  onmessage: ((e: MessageEvent<Request>) => void) | null;
  postMessage(message: Response, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

async function excel(): Promise<typeof ExcelJS> {
  const mod = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as unknown as { default?: typeof ExcelJS } & typeof ExcelJS;
  return mod.default ?? mod;
}

// Bytes exceljs cannot read get the one sentence that says what the file is (fileErrors.ts).
const handle = createHost({ excel, readError: workbookReadError });

// One request at a time: a write never interleaves with a read of the same workbook.
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (e) => {
  const { id, op, args } = e.data;
  queue = queue.then(async () => {
    try {
      const value = await handle(op, args);
      scope.postMessage({ id, ok: true, value }, value instanceof ArrayBuffer ? [value] : []);
    } catch (error) {
      scope.postMessage({ id, ok: false, error: errorToWire(error) });
    }
  });
};
