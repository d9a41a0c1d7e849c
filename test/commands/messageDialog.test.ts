/** @jest-environment jsdom */
/**
 * The ribbon's message dialog over a fake `Office.context.ui.displayDialogAsync`:
 * `event.completed()` ends a function command, so it waits for the dialog's OK (its message) or its
 * close (DialogEventReceived), is called exactly once, and comes before Office's 5-minute limit
 * when nobody answers.
 */
import { COMPLETE_WITHIN_MS, CommandDeps, createRecalculateCommand } from "../../src/commands/recalculateCommand";
import { showMessage } from "../../src/services/office";
import type { WorkbookPort } from "../../src/workbook/port";

type Handler = (arg: unknown) => void;

class FakeDialog {
  readonly handlers = new Map<string, Handler>();
  closed = 0;
  addEventHandler(type: string, handler: Handler): void {
    this.handlers.set(type, handler);
  }
  close(): void {
    this.closed++;
  }
  /** The dialog page's OK: Office.context.ui.messageParent("close"). */
  ok(): void {
    this.handlers.get("dialogMessageReceived")!({ message: "close", origin: "https://localhost:3000" });
  }
  /** Office's DialogEventReceived: 12006 the user closed it (×), 12002 its page could not load. */
  event(error: number): void {
    this.handlers.get("dialogEventReceived")!({ error });
  }
}

type Opening = { status: "succeeded"; value: FakeDialog } | { status: "failed"; error: { code: number; message: string } } | "throw";

/** Office with a dialog API only; `open` decides what each displayDialogAsync gives. The callback comes later, as Office's does. */
function fakeOffice(open: () => Opening) {
  const opened: { url: string; options: unknown }[] = [];
  (globalThis as unknown as { Office: unknown }).Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    context: {
      ui: {
        displayDialogAsync(url: string, options: unknown, callback: (r: unknown) => void) {
          const r = open();
          if (r === "throw") throw new Error("Dialog API not supported");
          opened.push({ url, options });
          setTimeout(() => callback(r), 0);
        },
      },
    },
  };
  return opened;
}

/** The first Recalculate on a workbook with no saved choices, where the pane cannot be opened: the command shows a message. */
function firstRecalculate(over: Partial<CommandDeps> = {}) {
  const port = { loadSettings: async () => null } as unknown as WorkbookPort;
  return createRecalculateCommand({ port: () => port, showTaskpane: async () => false, notify: showMessage, lang: () => "vi", ...over });
}

function event() {
  let completed = 0;
  return { e: { completed: () => void completed++ }, completed: () => completed };
}

const settle = async (ms = 0) => {
  for (let i = 0; i < 5; i++) await jest.advanceTimersByTimeAsync(ms / 5);
};

let consoleError: jest.SpyInstance;
beforeEach(() => {
  jest.useFakeTimers();
  consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => {
  jest.useRealTimers();
  consoleError.mockRestore();
  delete (globalThis as { Office?: unknown }).Office;
});

describe("the ribbon's message dialog", () => {
  test("stays answerable until OK: completed() only after the dialog's message, once, and the dialog is closed", async () => {
    const dialog = new FakeDialog();
    const opened = fakeOffice(() => ({ status: "succeeded", value: dialog }));
    const ev = event();
    const run = firstRecalculate()(ev.e);
    await settle(1000);
    expect(opened).toHaveLength(1);
    expect(new URL(opened[0]!.url).searchParams.get("title")).toBe("Chọn trang tính trước khi tính");
    // The dialog is open: the command (and with it the handler that closes the dialog) is still running.
    expect(ev.completed()).toBe(0);
    expect(dialog.handlers.has("dialogMessageReceived")).toBe(true);
    dialog.ok();
    await run;
    expect(dialog.closed).toBe(1);
    expect(ev.completed()).toBe(1);
    // Nothing later completes it again (the deadline was cleared).
    await settle(COMPLETE_WITHIN_MS * 2);
    expect(ev.completed()).toBe(1);
    expect(consoleError).not.toHaveBeenCalled();
  });

  test("a second click while the message is open does nothing and completes at once", async () => {
    const dialog = new FakeDialog();
    const opened = fakeOffice(() => ({ status: "succeeded", value: dialog }));
    const command = firstRecalculate();
    const first = event();
    const run = command(first.e);
    await settle(1000);
    const second = event();
    await command(second.e);
    expect(second.completed()).toBe(1);
    expect(opened).toHaveLength(1);
    expect(first.completed()).toBe(0);
    dialog.ok();
    await run;
    expect(first.completed()).toBe(1);
  });

  test("closed with × (DialogEventReceived 12006): completed once, nothing else to close", async () => {
    const dialog = new FakeDialog();
    fakeOffice(() => ({ status: "succeeded", value: dialog }));
    const ev = event();
    const run = firstRecalculate()(ev.e);
    await settle(1000);
    expect(ev.completed()).toBe(0);
    dialog.event(12006);
    await run;
    expect(ev.completed()).toBe(1);
    expect(dialog.closed).toBe(0);
    expect(consoleError).not.toHaveBeenCalled();
  });

  test("a dialog page that cannot load (12002): closed, the message goes to the console, completed once", async () => {
    const dialog = new FakeDialog();
    fakeOffice(() => ({ status: "succeeded", value: dialog }));
    const ev = event();
    const run = firstRecalculate()(ev.e);
    await settle(1000);
    dialog.event(12002);
    await run;
    expect(dialog.closed).toBe(1);
    expect(ev.completed()).toBe(1);
    expect(String(consoleError.mock.calls[0]?.[0])).toMatch(/Chọn trang tính trước khi tính/);
  });

  test("a dialog Office will not open (12007: one is already open) or cannot (no dialog API): the console has the message, completed once", async () => {
    for (const opening of [{ status: "failed", error: { code: 12007, message: "A dialog box is already opened" } } as const, "throw" as const]) {
      consoleError.mockClear();
      fakeOffice(() => opening);
      const ev = event();
      const run = firstRecalculate()(ev.e);
      await settle(1000);
      await run;
      expect(ev.completed()).toBe(1);
      expect(String(consoleError.mock.calls[0]?.[0])).toMatch(/Sổ làm việc này chưa có lựa chọn đã lưu/);
    }
  });

  test("a message nobody answers: completed() before Office's 5-minute limit; OK afterwards still closes the dialog and completes nothing more", async () => {
    expect(COMPLETE_WITHIN_MS).toBeLessThan(5 * 60 * 1000);
    expect(COMPLETE_WITHIN_MS).toBeGreaterThanOrEqual(60 * 1000);
    const dialog = new FakeDialog();
    fakeOffice(() => ({ status: "succeeded", value: dialog }));
    const ev = event();
    const run = firstRecalculate()(ev.e);
    await settle(COMPLETE_WITHIN_MS - 1000);
    expect(ev.completed()).toBe(0);
    await settle(2000);
    expect(ev.completed()).toBe(1);
    // The shared runtime lives on: the dialog's handler still answers its OK.
    dialog.ok();
    await run;
    expect(dialog.closed).toBe(1);
    expect(ev.completed()).toBe(1);
  });

  test("a recalculation that outlasts the limit is completed at the limit, once", async () => {
    fakeOffice(() => "throw");
    let release!: () => void;
    const port = { loadSettings: () => new Promise<null>((r) => (release = () => r(null))) } as unknown as WorkbookPort;
    const ev = event();
    const run = firstRecalculate({ port: () => port })(ev.e);
    await settle(COMPLETE_WITHIN_MS + 1000);
    expect(ev.completed()).toBe(1);
    release();
    await settle(1000);
    await run;
    expect(ev.completed()).toBe(1);
  });
});
