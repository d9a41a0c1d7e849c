/** @jest-environment jsdom */
/**
 * A goal against plan in the pane: "150%" is a valid goal for an attainment. The goals form offers the
 * indicators of both measures — the measure named where an indicator has both —, takes 150% of plan
 * without a word under the field, and the goal card, the paragraph and the saved choices carry it.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { PaneRoot } from "../../src/taskpane/PaneRoot";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsWorkbook";
import { canThoWorkbook } from "../../scripts/lib/seeds";
import { RecordingPort, samplePort } from "./fixtures";
import { detected, paneHost, paneWait, recalcButton } from "../helpers/pane";

/** Add a goal and return its indicator list and rate field. */
function addGoal(): { goals: HTMLElement; indicator: HTMLSelectElement; rate: HTMLInputElement } {
  const goals = screen.getByTestId("goals");
  fireEvent.click(within(goals).getByRole("button", { name: "Thêm mục tiêu" }));
  const indicators = within(goals).getAllByLabelText("Chỉ tiêu") as HTMLSelectElement[];
  const rates = within(goals).getAllByLabelText(/Tỷ lệ mục tiêu/) as HTMLInputElement[];
  return { goals, indicator: indicators[indicators.length - 1]!, rate: rates[rates.length - 1]! };
}

const optionTexts = (s: HTMLSelectElement) => Array.from(s.options).map((o) => o.textContent);

describe("a goal against plan in the pane", () => {
  test("seed 000: the form offers BHXH tự nguyện against plan and as coverage, BHYT as it is; 150% of plan is taken, shown and saved", async () => {
    const { port } = await samplePort();
    render(<PaneRoot port={port} host={paneHost()} />);
    await detected();
    const { goals, indicator, rate } = addGoal();
    // BHXH tự nguyện has a plan and a labour-force coverage: both offered, each named; BHYT has coverage only.
    expect(optionTexts(indicator)).toEqual(["BHXH tự nguyện — tỷ lệ đạt kế hoạch", "BHYT", "BHXH tự nguyện — tỷ lệ bao phủ"]);
    // A new goal starts on a coverage result, as before.
    expect(indicator.selectedOptions[0]!.textContent).toBe("BHYT");
    fireEvent.change(indicator, {
      target: { value: Array.from(indicator.options).find((o) => o.textContent === "BHXH tự nguyện — tỷ lệ đạt kế hoạch")!.value },
    });
    fireEvent.change(rate, { target: { value: "150%" } });
    fireEvent.blur(rate);
    // No word under the field: not a typo, not a coverage above 100%; Recalculate is free.
    await waitFor(() => expect(recalcButton().getAttribute("aria-disabled")).toBe("false"), paneWait());
    expect(within(goals).queryByRole("alert")).toBeNull();
    expect(screen.queryByTestId("error")).toBeNull();
    fireEvent.click(recalcButton());
    const results = await screen.findByTestId("results", undefined, paneWait());
    const card = within(results).getByTestId("result-bhxh-tn-attainment");
    // 64,91% of plan against 150%: −85,09 points; Vị Thủy 951 of 2.096 needs ⌈1,5 × 2.096 − 951⌉ = 2.193.
    expect(card.textContent).toContain("Mục tiêu 150% kế hoạch: chênh lệch −85,09 điểm %");
    const short = within(card).getByTestId("below-goal");
    expect(short.querySelector("li")!.textContent).toBe("Huyện Vị Thủy: 45,37% / 150% — cần vận động thêm 2.193 người");
    // The coverage card of the same indicator has no goal.
    expect(within(results).getByTestId("result-bhxh-tn-coverage").textContent).not.toContain("Mục tiêu");
    expect(screen.getByTestId("narrative").textContent).toContain("đạt 64,91% kế hoạch, chưa đạt mục tiêu 150% kế hoạch, thấp hơn 85,09 điểm %");
    await waitFor(() => expect(port.saved.length).toBeGreaterThan(0));
    expect(port.saved[0]!.goals).toEqual([{ indicator: "BHXH tự nguyện", category: null, rate: "150%", measure: "attainment" }]);
  });

  test("the same 150% as a coverage goal is said under that goal", async () => {
    const { port } = await samplePort();
    render(<PaneRoot port={port} host={paneHost()} />);
    await detected();
    const { indicator, rate } = addGoal();
    fireEvent.change(indicator, { target: { value: Array.from(indicator.options).find((o) => o.textContent === "BHXH tự nguyện — tỷ lệ bao phủ")!.value } });
    fireEvent.change(rate, { target: { value: "150%" } });
    fireEvent.blur(rate);
    const alert = await screen.findByRole("alert", undefined, paneWait());
    expect(alert.getAttribute("data-code")).toBe("goal-above-full-coverage");
    expect(rate.getAttribute("aria-describedby")).toContain(alert.id);
    expect(alert.textContent).toContain("so với kế hoạch (có thể trên 100%)");
  });

  test("seed 001 (plan and actuals, no population): the indicators are offered against plan, with no measure to choose, and 150% is a goal", async () => {
    const port = new RecordingPort(new ExcelJsWorkbook(canThoWorkbook()));
    render(<PaneRoot port={port} host={paneHost()} />);
    await detected();
    const { goals, indicator, rate } = addGoal();
    const texts = optionTexts(indicator);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.some((t) => t!.includes("—"))).toBe(false);
    fireEvent.change(rate, { target: { value: "150%" } });
    fireEvent.blur(rate);
    await waitFor(() => expect(recalcButton().getAttribute("aria-disabled")).toBe("false"), paneWait());
    expect(within(goals).queryByRole("alert")).toBeNull();
    fireEvent.click(recalcButton());
    const results = await screen.findByTestId("results", undefined, paneWait());
    expect(results.textContent).toContain("Mục tiêu 150% kế hoạch");
    await waitFor(() => expect(port.saved.length).toBeGreaterThan(0));
    expect(port.saved[0]!.goals).toEqual([{ indicator: texts[0], category: null, rate: "150%", measure: "attainment" }]);
  });
});
