import { createRecalculateCommand, CommandDeps } from "../../src/commands/recalculateCommand";
import { DEFAULT_CHOICES, toStored } from "../../src/core/settings";
import { deferred, replaceText, samplePort } from "../taskpane/fixtures";

function deps(port: CommandDeps["port"] extends () => infer P ? P : never, over: Partial<CommandDeps> = {}) {
  const notes: { title: string; message: string }[] = [];
  let panes = 0;
  const d: CommandDeps = {
    port: () => port,
    showTaskpane: async () => {
      panes++;
      return true;
    },
    notify: async (title, message) => {
      notes.push({ title, message });
    },
    lang: () => "vi",
    ...over,
  };
  return { d, notes, panes: () => panes };
}

function event() {
  let completed = 0;
  return { e: { completed: () => void completed++ }, completed: () => completed };
}

describe("ribbon Recalculate", () => {
  test("with no saved choices it opens the task pane and writes nothing", async () => {
    const { port } = await samplePort();
    const { d, notes, panes } = deps(port);
    const ev = event();
    await createRecalculateCommand(d)(ev.e);
    expect(panes()).toBe(1);
    expect(notes).toEqual([]);
    expect(port.writes).toBe(0);
    expect(ev.completed()).toBe(1);
  });

  test("where the pane cannot be opened from a command, it tells the user how to open it", async () => {
    const { port } = await samplePort();
    const { d, notes } = deps(port, { showTaskpane: async () => false, lang: () => "en" });
    const ev = event();
    await createRecalculateCommand(d)(ev.e);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toMatch(/Open panel/);
    expect(ev.completed()).toBe(1);
  });

  test("with saved choices it recalculates with them and writes the summary sheets", async () => {
    const { wb, port } = await samplePort();
    await port.inner.saveSettings(toStored({ ...DEFAULT_CHOICES, lang: "en", rank: "dense" }));
    const { d, notes, panes } = deps(port);
    const ev = event();
    await createRecalculateCommand(d)(ev.e);
    expect(notes).toEqual([]);
    expect(panes()).toBe(0);
    expect(port.writes).toBe(1);
    // The saved output language was used: English sheet names.
    expect(wb.worksheets.map((w) => w.name)).toContain("Overview");
    expect(ev.completed()).toBe(1);
  });

  test("an error is shown to the user with the engine's message, and completed() is still called", async () => {
    const { port } = await samplePort();
    await port.inner.saveSettings(toStored({ ...DEFAULT_CHOICES, sheets: { targets: "KH 2021" } }));
    const { d, notes } = deps(port);
    const ev = event();
    await createRecalculateCommand(d)(ev.e);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.title).toBe("Không tính được");
    expect(notes[0]!.message).toMatch(/KH 2021/);
    expect(notes[0]!.message).toMatch(/Kế hoạch/);
    expect(port.writes).toBe(0);
    expect(ev.completed()).toBe(1);
  });

  test("a duplicate unit names the sheet and both rows", async () => {
    const { port } = await samplePort((wb) => replaceText(wb, "H.Long Mỹ", "H. Vị Thuỷ", ["Thực hiện"]));
    await port.inner.saveSettings(toStored(DEFAULT_CHOICES));
    const { d, notes } = deps(port);
    const ev = event();
    await createRecalculateCommand(d)(ev.e);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toMatch(/Thực hiện/);
    // The ribbon speaks Vietnamese here (deps.lang), naming both rows.
    expect(notes[0]!.message).toMatch(/hàng 11.*hàng 10/);
    expect(ev.completed()).toBe(1);
  });

  test("an unexpected failure is reported as such, not only to the console", async () => {
    const { port } = await samplePort();
    port.failWith = new Error("RichApi.Error: the workbook is busy");
    const { d, notes } = deps(port, { lang: () => "en" });
    const ev = event();
    await createRecalculateCommand(d)(ev.e);
    expect(notes[0]!.message).toMatch(/Unexpected error: RichApi.Error: the workbook is busy/);
    expect(ev.completed()).toBe(1);
  });

  test("completed() is called even when showing the message fails", async () => {
    const { port } = await samplePort();
    port.failWith = new Error("boom");
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const { d } = deps(port, { notify: async () => Promise.reject(new Error("no dialog")) });
    const ev = event();
    await createRecalculateCommand(d)(ev.e);
    expect(ev.completed()).toBe(1);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  test("a second click while one runs does nothing (and completes at once)", async () => {
    const { port } = await samplePort();
    await port.inner.saveSettings(toStored(DEFAULT_CHOICES));
    const gate = deferred();
    port.gate = gate.promise;
    const { d } = deps(port);
    const command = createRecalculateCommand(d);
    const first = event();
    const second = event();
    const running = command(first.e);
    // Let the first run reach the write.
    for (let i = 0; i < 50 && port.writes === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(port.writes).toBe(1);
    await command(second.e);
    expect(second.completed()).toBe(1);
    expect(first.completed()).toBe(0);
    gate.resolve();
    await running;
    expect(first.completed()).toBe(1);
    expect(port.writes).toBe(1);
    // Afterwards a click runs again.
    const third = event();
    await command(third.e);
    expect(port.writes).toBe(2);
  });
});
