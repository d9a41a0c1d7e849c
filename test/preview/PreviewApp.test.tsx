/** @jest-environment jsdom */
/**
 * The preview's page over its worker (in this process): the file's name and "Đang đọc tệp …" at
 * once with Recalculate waiting, then the pane over the workbook; a file that is no workbook gets
 * one Vietnamese sentence with its code; the pane is no wider than a task pane.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { TextDecoder, TextEncoder } from "node:util";
import { render, screen, waitFor } from "@testing-library/react";
import { PANE_WIDTH, PreviewApp, PreviewSource } from "../../src/preview/PreviewApp";
import { newWorker } from "./inProcess";

// The worker's package reader decodes parts with TextDecoder, as browsers and workers have it; jsdom's globals lack it.
Object.assign(globalThis, { TextDecoder, TextEncoder });

const SAMPLE = path.join(__dirname, "..", "..", "samples", "hau-giang-2022.xlsx");

function bytesOf(b: Buffer): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

/** A source whose bytes arrive when the test says so. */
function deferred(name: string): { source: PreviewSource; arrive: (b: ArrayBuffer) => void } {
  let arrive!: (b: ArrayBuffer) => void;
  const bytes = new Promise<ArrayBuffer>((r) => (arrive = r));
  return { source: { name, bytes: () => bytes }, arrive };
}

function renderApp(sample: PreviewSource) {
  const worker = newWorker();
  const download = jest.fn();
  render(<PreviewApp sample={sample} open={(n, b) => worker.open(n, b)} download={download} displayLanguage="vi-VN" theme="light" />);
  return { download };
}

describe("PreviewApp", () => {
  test("shows the file's name and that it is being read at once, Recalculate waiting; then the pane over the workbook", async () => {
    const d = deferred("hau-giang-2022.xlsx");
    renderApp(d.source);
    expect(screen.getByTestId("file-name").textContent).toBe("hau-giang-2022.xlsx");
    expect(screen.getByTestId("file-reading").textContent).toContain("Đang đọc tệp “hau-giang-2022.xlsx”…");
    const recalc = screen.getByRole("button", { name: /Tính lại/ });
    expect(recalc.getAttribute("aria-disabled") === "true" || (recalc as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId("download") as HTMLButtonElement).disabled).toBe(true);
    d.arrive(bytesOf(fs.readFileSync(SAMPLE)));
    await waitFor(() => expect(screen.getByTestId("detection")).toBeTruthy(), { timeout: 20000 });
    expect(screen.queryByTestId("file-reading")).toBeNull();
    expect(screen.getAllByRole("tab").map((t) => t.getAttribute("data-sheet"))).toEqual(["Kế hoạch", "Thực hiện", "Dân số"]);
    await waitFor(() => expect(screen.getByTestId("grid").getAttribute("data-sheet")).toBe("Kế hoạch"));
  }, 30000);

  test("a file that is no workbook: one Vietnamese sentence with its code, nothing to recalculate or download", async () => {
    renderApp({ name: "bao-cao.xlsx", bytes: async () => bytesOf(Buffer.from("Đơn vị;Kế hoạch\nXã A;100\n", "utf8")) });
    const bar = await screen.findByTestId("file-error", undefined, { timeout: 10000 });
    expect(bar.getAttribute("data-code")).toBe("file-text");
    expect(bar.textContent).toContain("bao-cao.xlsx");
    expect(bar.textContent).toMatch(/sổ làm việc/);
    expect(screen.queryByRole("button", { name: /Tính lại/ })).toBeNull();
    expect((screen.getByTestId("download") as HTMLButtonElement).disabled).toBe(true);
  });

  test("the pane is as wide as a task pane (320–350 px)", () => {
    expect(PANE_WIDTH).toBeGreaterThanOrEqual(320);
    expect(PANE_WIDTH).toBeLessThanOrEqual(350);
  });
});
