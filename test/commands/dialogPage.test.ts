/** @jest-environment jsdom */
/**
 * The dialog page (dialog.html + dialog.ts): the text from the query string as text, and OK or
 * Escape asking the command to close it (Office.context.ui.messageParent).
 */
import * as fs from "node:fs";
import * as path from "node:path";

function openPage(query: string) {
  const html = fs.readFileSync(path.resolve(__dirname, "..", "..", "src", "commands", "dialog.html"), "utf8");
  document.body.innerHTML = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)![1]!;
  window.history.replaceState(null, "", `/dialog.html?${query}`);
  const sent: string[] = [];
  (globalThis as unknown as { Office: unknown }).Office = {
    onReady: (f: () => void) => f(),
    context: { ui: { messageParent: (m: string) => void sent.push(m) } },
  };
  jest.isolateModules(() => require("../../src/commands/dialog"));
  return sent;
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

test("shows the title and the message as text, focuses OK, and OK or Escape asks the command to close it", () => {
  const q = new URLSearchParams({ title: "Không tính được", message: "<b>Trang tính 'KH'</b> không có ô B14" });
  const sent = openPage(q.toString());
  expect(document.getElementById("title")!.textContent).toBe("Không tính được");
  expect(document.getElementById("message")!.textContent).toBe("<b>Trang tính 'KH'</b> không có ô B14");
  expect(document.querySelector("#message b")).toBeNull();
  expect(document.activeElement?.id).toBe("close");
  document.getElementById("close")!.click();
  expect(sent).toEqual(["close"]);
  // Escape too (one page per test: its listener stays on the document).
  document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
  expect(sent).toEqual(["close", "close"]);
});
