/** @jest-environment jsdom */
/**
 * Issue 18 in the task pane: the crosswalk of old to new units has its picker beside the other
 * sheets (found by its headers, "Đã nhận diện"; "none" switches it off), and the detection says
 * which sheet was summed into the new units.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { PaneRoot } from "../../src/taskpane/PaneRoot";
import { PaneHost } from "../../src/services/host";
import { SETTING_LABELS } from "../../src/core/messages";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsWorkbook";
import { mergedWorkbook } from "../../scripts/lib/merged";
import { RecordingPort } from "./fixtures";

jest.setTimeout(60_000);

const host = (): PaneHost => ({ displayLanguage: "vi-VN", theme: "light", activateSheet: async () => undefined });

test("the crosswalk picker shows the sheet found by its headers; the detection says what was summed; none switches it off", async () => {
  const port = new RecordingPort(new ExcelJsWorkbook(mergedWorkbook()));
  const { container } = render(<PaneRoot port={port} host={host()} />);
  const detection = await screen.findByTestId("detection", undefined, { timeout: 20_000 });
  const picker = () => container.querySelector<HTMLSelectElement>('select[data-setting="crosswalk"]')!;
  expect(screen.getByText(SETTING_LABELS.vi.crosswalk)).toBeTruthy();
  await waitFor(() => expect(picker().value).toBe("Quy đổi đơn vị"));
  expect(detection.textContent).toContain("Quy đổi theo đơn vị hành chính mới: 76 đơn vị cũ cộng vào 28 đơn vị mới theo bảng 'Quy đổi đơn vị'");
  fireEvent.change(picker(), { target: { value: "" } });
  await waitFor(() => expect(picker().value).toBe(""));
  await waitFor(() => expect(screen.getByTestId("detection").textContent).not.toContain("Quy đổi theo đơn vị hành chính mới"), { timeout: 20_000 });
});
