/** @jest-environment jsdom */
/**
 * services/office.ts over fake Office and Excel globals: the pane hears the workbook change
 * (Excel's worksheet events, registered in one round trip; the window's focus where renames
 * cannot be heard or nothing can), and stops hearing it.
 */
import { officeHost, watchWorkbook } from "../../src/services/office";

type Heard = () => Promise<unknown>;

/** Excel.run over one context whose worksheet collection keeps its handlers; `fail` rejects the registration. */
function fakeExcel(version: string, fail = false) {
  const handlers = new Map<string, Heard>();
  let syncs = 0;
  const event = (name: string) => ({
    add(h: Heard) {
      handlers.set(name, h);
      return { remove: () => void handlers.delete(name) };
    },
  });
  const context = {
    workbook: { worksheets: Object.fromEntries(["onChanged", "onAdded", "onDeleted", "onNameChanged", "onVisibilityChanged"].map((n) => [n, event(n)])) },
    sync: async () => {
      syncs++;
      if (fail) throw new Error("InvalidOperation");
    },
  };
  const g = globalThis as unknown as { Excel: unknown; Office: unknown };
  g.Excel = { run: (a: unknown, b?: (c: unknown) => Promise<unknown>) => (b ?? (a as (c: unknown) => Promise<unknown>))(context) };
  g.Office = {
    context: { requirements: { isSetSupported: (set: string, v: string) => set === "ExcelApi" && Number(v.split(".")[1]) <= Number(version.split(".")[1]) } },
  };
  return { handlers, syncs: () => syncs };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
  delete (globalThis as { Office?: unknown }).Office;
});

describe("watchWorkbook", () => {
  test("ExcelApi 1.17: edits, new, deleted, renamed and hidden sheets are heard, in one round trip; stopping removes them", async () => {
    const excel = fakeExcel("1.17");
    let heard = 0;
    const stop = watchWorkbook(() => void heard++);
    await flush();
    expect([...excel.handlers.keys()].sort()).toEqual(["onAdded", "onChanged", "onDeleted", "onNameChanged", "onVisibilityChanged"]);
    expect(excel.syncs()).toBe(1);
    for (const h of excel.handlers.values()) await h();
    expect(heard).toBe(5);
    // No need for the focus: everything is heard.
    window.dispatchEvent(new Event("focus"));
    expect(heard).toBe(5);
    stop();
    await flush();
    expect(excel.handlers.size).toBe(0);
  });

  test("below ExcelApi 1.17 (no rename events) the pane's window getting the focus back counts as a change", async () => {
    const excel = fakeExcel("1.12");
    let heard = 0;
    const stop = watchWorkbook(() => void heard++);
    await flush();
    expect([...excel.handlers.keys()].sort()).toEqual(["onAdded", "onChanged", "onDeleted"]);
    window.dispatchEvent(new Event("focus"));
    expect(heard).toBe(1);
    stop();
    window.dispatchEvent(new Event("focus"));
    expect(heard).toBe(1);
  });

  test("events that cannot be registered: the focus still says so", async () => {
    fakeExcel("1.17", true);
    let heard = 0;
    const stop = watchWorkbook(() => void heard++);
    await flush();
    window.dispatchEvent(new Event("focus"));
    expect(heard).toBe(1);
    stop();
  });

  test("Excel's pane host offers it", () => {
    fakeExcel("1.12");
    (globalThis as unknown as { Office: { context: object } }).Office.context = {
      ...(globalThis as unknown as { Office: { context: object } }).Office.context,
      displayLanguage: "vi-VN",
    };
    expect(officeHost().watchWorkbook).toBe(watchWorkbook);
  });
});
