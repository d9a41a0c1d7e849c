/** @jest-environment jsdom */
/**
 * Never silently wrong, in the task pane: results marked stale as soon as a choice changes after a run; units
 * that do not match across the sheets named at the top of the results (not folded away) and
 * beside the paragraphs; a sheet's total row that is not its units' sum shown with both numbers;
 * hidden sheets never chosen on their own.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { PaneRoot } from "../../src/taskpane/PaneRoot";
import { DEFAULT_CHOICES } from "../../src/core/settings";
import { sameChoices } from "../../src/taskpane/TaskPane";
import { replaceText, samplePort } from "./fixtures";
import { detected, paneHost, paneWait, picker, recalcButton } from "../helpers/pane";

async function runOnce(): Promise<HTMLElement> {
  await detected();
  fireEvent.click(recalcButton());
  return screen.findByTestId("results", undefined, paneWait());
}

function expectStale(yes: boolean): void {
  if (yes) {
    expect(screen.getByTestId("stale").textContent).toMatch(/Kết quả chưa cập nhật — bấm Tính lại/);
    expect(screen.getByTestId("results-figures").getAttribute("data-stale")).toBe("true");
    expect(screen.getByTestId("run-status").textContent).toMatch(/Kết quả chưa cập nhật/);
  } else {
    expect(screen.queryByTestId("stale")).toBeNull();
    expect(screen.getByTestId("results-figures").getAttribute("data-stale")).toBe("false");
  }
}

describe("stale results", () => {
  test.each([
    ["an option", () => fireEvent.click(screen.getByLabelText(/Đồng hạng liên tiếp/))],
    ["the output language", () => fireEvent.change(screen.getByLabelText("Ngôn ngữ trang tính kết quả"), { target: { value: "en" } })],
    ["a sheet choice", () => fireEvent.change(picker("base"), { target: { value: "" } })],
    [
      "a goal",
      () => {
        const goals = screen.getByTestId("goals");
        fireEvent.click(within(goals).getByRole("button", { name: "Thêm mục tiêu" }));
        const rate = within(goals).getByLabelText(/Tỷ lệ mục tiêu/);
        fireEvent.change(rate, { target: { value: "90%" } });
        fireEvent.blur(rate);
      },
    ],
  ])("changing %s after a run marks the results stale until the next run", async (_what, changeIt) => {
    const { port } = await samplePort();
    render(<PaneRoot port={port} host={paneHost()} />);
    await runOnce();
    expectStale(false);
    changeIt();
    expectStale(true);
    // The figures stay (dimmed) until the next run.
    expect(screen.getByTestId("results")).toBeTruthy();
    await detected();
    fireEvent.click(recalcButton());
    await waitFor(() => expect(port.writes).toBe(2), paneWait());
    await waitFor(() => expectStale(false), paneWait());
  });

  test("leaving a field without changing anything is no change", async () => {
    const { port } = await samplePort();
    render(<PaneRoot port={port} host={paneHost()} />);
    await runOnce();
    const goals = screen.getByTestId("goals");
    fireEvent.click(within(goals).getByRole("button", { name: "Thêm mục tiêu" }));
    fireEvent.blur(within(goals).getByLabelText(/Tỷ lệ mục tiêu/));
    expectStale(false);
    // Choosing again what was chosen (the detected sheet, now named) is a change of the choices: stale.
    fireEvent.change(picker("base"), { target: { value: "Dân số" } });
    expectStale(true);
    await detected();
  });

  test("the interface language is not a choice of the run", async () => {
    const { port } = await samplePort();
    render(<PaneRoot port={port} host={paneHost()} />);
    await runOnce();
    fireEvent.change(screen.getByLabelText("Ngôn ngữ giao diện"), { target: { value: "en" } });
    expect(screen.queryByTestId("stale")).toBeNull();
  });

  test("sameChoices compares by value, whatever the key order", () => {
    expect(sameChoices(DEFAULT_CHOICES, { ...DEFAULT_CHOICES })).toBe(true);
    const reordered = Object.fromEntries(Object.entries(DEFAULT_CHOICES).reverse()) as unknown as typeof DEFAULT_CHOICES;
    expect(sameChoices(DEFAULT_CHOICES, reordered)).toBe(true);
    expect(sameChoices(DEFAULT_CHOICES, { ...DEFAULT_CHOICES, rank: "dense" })).toBe(false);
    expect(sameChoices(DEFAULT_CHOICES, { ...DEFAULT_CHOICES, overrides: [{ sheet: "actuals", column: "D", indicator: "BHYT", role: "computed" }] })).toBe(
      false,
    );
    expect(sameChoices(null, DEFAULT_CHOICES)).toBe(false);
  });
});

describe("units that do not match, and total rows that are not the units' sum", () => {
  test("named at the top of the results, not folded away, and beside the paragraphs, which stay as they are", async () => {
    // 'Thực hiện' lists "Xã Mới" where 'Kế hoạch' has Huyện Vị Thủy: both leave the area totals.
    const { port } = await samplePort((wb) => replaceText(wb, "H. Vị Thuỷ", "Xã Mới", ["Thực hiện"]));
    render(<PaneRoot port={port} host={paneHost()} />);
    const results = await runOnce();
    const bar = within(results).getByTestId("unmatched-warning");
    expect(bar.textContent).toMatch(/Không tính vào tổng toàn tỉnh: 2 đơn vị không khớp giữa các trang tính/);
    const items = Array.from(bar.querySelectorAll("li")).map((li) => li.textContent);
    expect(items).toEqual(
      expect.arrayContaining(["Xã Mới (có ở 'Thực hiện', không có ở 'Kế hoạch')", "Huyện Vị Thủy (có ở 'Kế hoạch', không có ở 'Thực hiện')"]),
    );
    // Above every result card, and not inside the (folded) detection.
    const firstCard = within(results).getByTestId("result-bhxh-tn-attainment");
    expect(bar.compareDocumentPosition(firstCard) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByTestId("detection").contains(bar)).toBe(false);
    // The paragraphs: a caution naming the units; the paragraphs themselves unchanged.
    const narrative = within(results).getByTestId("narrative");
    const caution = within(narrative).getByTestId("narrative-caution");
    expect(caution.textContent).toMatch(/^Lưu ý: số liệu toàn tỉnh trong các đoạn nhận xét chưa tính 2 đơn vị không khớp giữa các trang tính: /);
    expect(caution.textContent).toContain("Xã Mới");
    expect(caution.textContent).toContain("Huyện Vị Thủy");
    expect(Array.from(narrative.querySelectorAll("p")).some((p) => /Lưu ý/.test(p.textContent ?? ""))).toBe(false);
  });

  test("a sheet's total row that is not the sum of its units: both numbers, naming the cell", async () => {
    const { port } = await samplePort((wb) => {
      wb.getWorksheet("Kế hoạch")!.getCell("C16").value = 20000;
    });
    render(<PaneRoot port={port} host={paneHost()} />);
    const results = await runOnce();
    const bar = within(results).getByTestId("total-mismatch");
    expect(bar.textContent).toMatch(/Dòng tổng trong trang tính khác tổng các đơn vị/);
    expect(bar.textContent).toMatch(/'Kế hoạch'!C16: dòng tổng “Toàn tỉnh” ghi 20\.000 cho “[^”]+”, cộng các đơn vị được 19\.800 \(chênh lệch 200\)/);
    expect(within(results).queryByTestId("unmatched-warning")).toBeNull();
  });

  test("a clean workbook shows neither", async () => {
    const { port } = await samplePort();
    render(<PaneRoot port={port} host={paneHost()} />);
    const results = await runOnce();
    expect(within(results).queryByTestId("unmatched-warning")).toBeNull();
    expect(within(results).queryByTestId("total-mismatch")).toBeNull();
    expect(within(results).queryByTestId("narrative-caution")).toBeNull();
  });
});

describe("hidden sheets", () => {
  test("not chosen on their own; listed as hidden; used when chosen", async () => {
    const { port } = await samplePort((wb) => {
      wb.getWorksheet("Kế hoạch")!.state = "hidden";
    });
    render(<PaneRoot port={port} host={paneHost()} />);
    await detected();
    expect(picker("targets").value).toBe("");
    const option = Array.from(picker("targets").options).find((o) => o.value === "Kế hoạch")!;
    expect(option.textContent).toBe("Kế hoạch (trang tính ẩn, không được chọn tự động)");
    fireEvent.change(picker("targets"), { target: { value: "Kế hoạch" } });
    await detected();
    await waitFor(() => expect(screen.getByTestId("detection").textContent).toMatch(/Kế hoạch: Kế hoạch/));
  });
});
