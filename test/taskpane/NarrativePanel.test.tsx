/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { NarrativePanel, copyText, narrativeText } from "../../src/taskpane/components/NarrativePanel";

const PARAGRAPHS = [
  "Đến ngày 31/10/2022, tỉnh Hậu Giang có 12.853 người tham gia bảo hiểm xã hội tự nguyện, đạt 64,91% kế hoạch.",
  "Đến ngày 31/10/2022, tỉnh Hậu Giang có 621.955 người tham gia bảo hiểm y tế, tỷ lệ bao phủ đạt 85,26% dân số.",
];

function setClipboard(value: unknown): void {
  Object.defineProperty(navigator, "clipboard", { value, configurable: true });
}

function renderPanel(props: Partial<React.ComponentProps<typeof NarrativePanel>> = {}) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <NarrativePanel paragraphs={PARAGRAPHS} lang="vi" {...props} />
    </FluentProvider>,
  );
}

afterEach(() => {
  setClipboard(undefined);
  delete (document as unknown as { execCommand?: unknown }).execCommand;
});

describe("NarrativePanel", () => {
  test("shows each paragraph as its own block, under a heading", () => {
    renderPanel();
    const panel = screen.getByTestId("narrative");
    expect(Array.from(panel.querySelectorAll("p")).map((p) => p.textContent)).toEqual(PARAGRAPHS);
    expect(panel.textContent).toContain("Nhận xét");
  });

  test("Copy puts the plain text on the clipboard, paragraphs separated by a blank line", async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    setClipboard({ writeText });
    const onCopied = jest.fn();
    renderPanel({ onCopied });
    await act(async () => {
      fireEvent.click(screen.getByTestId("narrative-copy"));
    });
    expect(writeText).toHaveBeenCalledWith(PARAGRAPHS.join("\n\n"));
    expect(onCopied).toHaveBeenCalledWith(true);
    await waitFor(() => expect(screen.getByTestId("narrative-copy").textContent).toContain("Đã sao chép"));
  });

  test("falls back to a selected text area and execCommand when the clipboard API is missing or denied", async () => {
    const exec = jest.fn().mockReturnValue(true);
    (document as unknown as { execCommand: unknown }).execCommand = exec;
    setClipboard({ writeText: jest.fn().mockRejectedValue(new Error("denied")) });
    let copied = "";
    exec.mockImplementation(() => {
      copied = (document.activeElement as HTMLTextAreaElement | null)?.value ?? (document.querySelector("textarea") as HTMLTextAreaElement | null)?.value ?? "";
      return true;
    });
    const onCopied = jest.fn();
    renderPanel({ onCopied });
    await act(async () => {
      fireEvent.click(screen.getByTestId("narrative-copy"));
    });
    expect(exec).toHaveBeenCalledWith("copy");
    expect(copied).toBe(narrativeText(PARAGRAPHS));
    expect(onCopied).toHaveBeenCalledWith(true);
    // The helper text area is gone again.
    expect(document.querySelector("textarea")).toBeNull();
  });

  test("says how to copy by hand when no way of copying works", async () => {
    setClipboard(undefined);
    (document as unknown as { execCommand: unknown }).execCommand = jest.fn().mockReturnValue(false);
    const onCopied = jest.fn();
    renderPanel({ lang: "en", paragraphs: ["One.", "Two."], onCopied });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: /Copy/ }));
    });
    expect(onCopied).toHaveBeenCalledWith(false);
    expect(screen.getByRole("status").textContent).toMatch(/Ctrl\+C/);
  });

  test("with no paragraphs, the button is disabled and the panel says what to do", () => {
    renderPanel({ paragraphs: [], lang: "en" });
    expect((screen.getByTestId("narrative-copy") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId("narrative").textContent).toMatch(/recalculate/);
  });

  test("a caution above the paragraphs is shown but not copied: the paragraphs go into the report as they are", async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    setClipboard({ writeText });
    const caution = "Lưu ý: số liệu toàn tỉnh trong các đoạn nhận xét chưa tính 1 đơn vị không khớp giữa các trang tính: Xã A.";
    renderPanel({ caution });
    const panel = screen.getByTestId("narrative");
    const shown = screen.getByTestId("narrative-caution");
    expect(shown.textContent).toBe(caution);
    expect(shown.compareDocumentPosition(panel.querySelector("p")!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(Array.from(panel.querySelectorAll("p")).map((p) => p.textContent)).toEqual(PARAGRAPHS);
    await act(async () => {
      fireEvent.click(screen.getByTestId("narrative-copy"));
    });
    expect(writeText).toHaveBeenCalledWith(PARAGRAPHS.join("\n\n"));
  });

  test("copyText reports false outside a browser-like environment without clipboard or execCommand", async () => {
    setClipboard(undefined);
    expect(await copyText("x")).toBe(false);
  });
});
