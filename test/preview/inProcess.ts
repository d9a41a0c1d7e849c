/**
 * The preview's worker in this process, for tests: requests and answers are copied the way
 * postMessage copies them (the structured clone algorithm, through node:v8, which jsdom's
 * environment lacks as a global), so only plain data crosses, as in the browser.
 */
import * as v8 from "node:v8";
import ExcelJS from "exceljs";
import { workbookReadError } from "../../src/workbook/fileErrors";
import { Request, Response, errorToWire } from "../../src/preview/protocol";
import { Handler, createHost } from "../../src/preview/workerHost";
import { Endpoint, PreviewWorker } from "../../src/preview/workerClient";

export const clone = <T>(x: T): T => v8.deserialize(v8.serialize(x)) as T;

export function inProcess(handle: Handler): Endpoint {
  const onMessage: ((e: MessageEvent<Response>) => void)[] = [];
  return {
    postMessage(message: Request) {
      const req = clone(message);
      handle(req.op, req.args as never)
        .then(
          (value) => ({ id: req.id, ok: true as const, value }),
          (error: unknown) => ({ id: req.id, ok: false as const, error: errorToWire(error) }),
        )
        .then((res: Response) => {
          const copy = clone(res);
          for (const l of onMessage) l({ data: copy } as MessageEvent<Response>);
        });
    },
    addEventListener(type: "message" | "error", listener: never) {
      if (type === "message") onMessage.push(listener);
    },
  };
}

/** A preview worker over Node's exceljs, in this process. */
export const newWorker = (): PreviewWorker => new PreviewWorker(inProcess(createHost({ excel: async () => ExcelJS, readError: workbookReadError })));
