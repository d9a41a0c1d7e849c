/** @jest-environment jsdom */
/**
 * The pane's reads of the workbook, kept few. On the web every read of the input sheets
 * moves megabytes: the date and area fields change only the paragraph and read nothing (the
 * paragraph is written again once typing pauses); the other choices use the grids read before,
 * until the workbook changes (the host says so), a Recalculate (which reads the sheets as they are)
 * or a retry.
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { PaneRoot } from "../../src/taskpane/PaneRoot";
import { PaneHost } from "../../src/services/host";
import { DEFAULT_CHOICES } from "../../src/core/settings";
import * as narrative from "../../src/core/narrative";
import { analyze, retell } from "../../src/workbook/recalculate";
import { RecordingPort, samplePort } from "./fixtures";
import { detected, paneWait } from "../helpers/pane";

/** A host that can say the workbook changed, as Excel's worksheet events do. */
function watchingHost() {
  const listeners = new Set<() => void>();
  const host: PaneHost = {
    displayLanguage: "vi-VN",
    theme: "light",
    activateSheet: async () => undefined,
    watchWorkbook: (changed) => {
      listeners.add(changed);
      return () => void listeners.delete(changed);
    },
  };
  return { host, workbookChanged: () => listeners.forEach((f) => f()), listeners };
}

const field = (setting: string) => document.querySelector<HTMLInputElement>(`[data-setting="${setting}"]`)!;
const reads = (port: RecordingPort) => port.calls.filter((c) => c === "readSheets" || c === "listSheets").length;
const pause = (ms: number) => act(() => new Promise<void>((r) => setTimeout(r, ms)));

/** Type `text` into an input one key at a time, as a planner does. */
function typeInto(input: HTMLInputElement, text: string): void {
  for (let i = 1; i <= text.length; i++) fireEvent.change(input, { target: { value: text.slice(0, i) } });
}

/** Wait until the pane has analysed again (it is busy while it does). */
async function settled(): Promise<void> {
  await pause(20);
  await waitFor(() => expect(document.querySelector("main")!.getAttribute("aria-busy")).toBe("false"), paneWait());
}

describe("the pane's reads of the workbook", () => {
  test("typing in the date and area fields reads nothing, and writes the paragraph again once typing pauses", async () => {
    const { port } = await samplePort();
    render(<PaneRoot port={port} host={watchingHost().host} />);
    await detected();
    const before = reads(port);
    const written = jest.spyOn(narrative, "writeNarrative");
    typeInto(field("area"), "tỉnh Hậu Giang mới");
    typeInto(field("asOf"), "30/11/2022");
    await pause(800);
    expect(reads(port)).toBe(before);
    // Not once per key: the paragraph is written again when typing pauses.
    expect(written.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(written.mock.calls.length).toBeLessThanOrEqual(2);
    expect(written.mock.calls.at(-1)![1]).toMatchObject({ area: "tỉnh Hậu Giang mới", asOf: "30/11/2022" });
    written.mockRestore();
    // And Recalculate writes the paragraph with them, reading the sheets as they are now.
    fireEvent.click(screen.getByRole("button", { name: /Tính lại/ }));
    const text = await screen.findByTestId("narrative", undefined, paneWait());
    expect(text.textContent).toContain("tỉnh Hậu Giang mới");
    expect(text.textContent).toContain("30/11/2022");
    expect(reads(port)).toBeGreaterThan(before);
  });

  test("other choices use the grids read before; once the workbook changes, the next reads again, once", async () => {
    const { port } = await samplePort();
    const { host, workbookChanged, listeners } = watchingHost();
    const { unmount } = render(<PaneRoot port={port} host={host} />);
    await detected();
    const first = reads(port);
    expect(listeners.size).toBe(1);
    fireEvent.click(screen.getByRole("radio", { name: /Trung bình cộng/ }));
    await settled();
    fireEvent.click(screen.getByRole("radio", { name: /1, 2, 2, 3/ }));
    await settled();
    expect(reads(port)).toBe(first);
    // A cell edited in Excel: the next analysis reads the sheets again, as many times as the first did.
    workbookChanged();
    fireEvent.click(screen.getByRole("radio", { name: /1, 2, 2, 4/ }));
    await settled();
    expect(reads(port)).toBe(2 * first);
    fireEvent.click(screen.getByRole("radio", { name: /1, 2, 2, 3/ }));
    await settled();
    expect(reads(port)).toBe(2 * first);
    unmount();
    expect(listeners.size).toBe(0);
  });

  test("after Recalculate (our sheets are new) the next analysis reads again", async () => {
    const { port } = await samplePort();
    render(<PaneRoot port={port} host={watchingHost().host} />);
    await detected();
    const first = reads(port);
    fireEvent.click(screen.getByRole("button", { name: /Tính lại/ }));
    await screen.findByTestId("results", undefined, paneWait());
    await pause(50);
    const afterRun = reads(port);
    fireEvent.click(screen.getByRole("radio", { name: /1, 2, 2, 3/ }));
    await settled();
    expect(reads(port)).toBe(afterRun + first);
  });
});

describe("retell: the paragraph for a new date, area or count of units named", () => {
  test("is what an analysis with those choices gives, without reading", async () => {
    const { port } = await samplePort();
    const a = await analyze(port, DEFAULT_CHOICES);
    const calls = port.calls.length;
    for (const c of [
      { ...DEFAULT_CHOICES, area: "huyện Long Mỹ" },
      { ...DEFAULT_CHOICES, asOf: "30/11/2022", lowest: 2 },
      { ...DEFAULT_CHOICES, area: null, asOf: null, lowest: 5 },
    ]) {
      const told = retell(a, c);
      const fresh = await analyze(port.inner, c);
      expect(told.narrative).toEqual(fresh.narrative);
      expect(JSON.stringify(told.specs)).toBe(JSON.stringify(fresh.specs));
      // A new date paces the attainment results again (issue 19), from the summary, without reading.
      if (!c.asOf) expect(told.summary).toBe(a.summary);
      else expect(told.summary.results.map((r) => r.pace)).toEqual(fresh.summary.results.map((r) => r.pace));
    }
    expect(port.calls.length).toBe(calls);
  });
});
