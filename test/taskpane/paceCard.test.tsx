/** @jest-environment jsdom */
/**
 * Issue 19 in the pane's result card: the pace line under the area's rate, the units off pace
 * listed, and a unit below the average that is also off pace marked so, as the ranked sheet marks it.
 */
import { render, screen, within } from "@testing-library/react";
import { IndicatorCard } from "../../src/taskpane/components/ResultsView";
import { offPaceList } from "../../src/core/unitLists";
import { DetectionView } from "../../src/taskpane/components/DetectionView";
import { strings } from "../../src/taskpane/strings";
import { summarize } from "../../src/core/summarize";
import { SheetGrid } from "../../src/core/grid";
import { Layout, buildGrid } from "../helpers/grids";
import { resultOf } from "../helpers/results";

const grid = (name: string, layout: Layout): SheetGrid => ({ name, values: buildGrid(layout).grid });
const UNITS = [
  { name: "Quận Ninh Kiều", target: 8000, actual: 6000 },
  { name: "Quận Bình Thủy", target: 4000, actual: 2000 },
  { name: "Huyện Thới Lai", target: 2000, actual: 1900 },
];

function summaryOf(actualHeader: string) {
  return summarize({
    targets: grid("Kế hoạch", {
      groupHeader: "Chỉ tiêu đợt 1 (01/01–30/6/2024)",
      units: UNITS.map((u) => ({ name: u.name })),
      columns: [{ header: "BHXH tự nguyện", values: UNITS.map((u) => u.target) }],
    }),
    actuals: grid("Thực hiện", {
      titles: ["Số liệu đến ngày 30/4/2024"],
      units: UNITS.map((u) => ({ name: u.name })),
      columns: [{ header: actualHeader, values: UNITS.map((u) => u.actual) }],
    }),
    base: null,
  });
}

describe("the pace in a result card", () => {
  test("new enrolments (a flow): the pace line, the units off pace, and the mark beside a unit below the average", () => {
    const r = resultOf(summaryOf("Phát triển mới BHXH tự nguyện"), "bhxh-tn");
    expect(offPaceList(r).units.map((u) => u.unit)).toEqual(["Quận Bình Thủy"]);
    render(<IndicatorCard r={r} S={strings("vi")} lang="vi" sheet="Xếp hạng BHXH TN (KH)" onOpenSheet={() => undefined} />);
    expect(screen.getByTestId("pace").textContent).toBe("Tiến độ đợt 1 (01/01–30/06/2024): còn 4.100, bình quân 2.050/tháng (2 tháng); đúng tiến độ");
    expect(
      within(screen.getByTestId("off-pace"))
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Quận Bình Thủy: còn 2.000, 1.000/tháng"]);
    const below = within(screen.getByTestId("below"))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(below).toContain("Quận Bình Thủy: 50,00% — chậm tiến độ");
  });

  test("participants (a stock, no start level): the pace line, and no unit judged", () => {
    const r = resultOf(summaryOf("Số người tham gia BHXH tự nguyện"), "bhxh-tn");
    render(<IndicatorCard r={r} S={strings("en")} lang="en" sheet={null} onOpenSheet={() => undefined} />);
    expect(screen.getByTestId("pace").textContent).toBe("Pace, phase 1 (01/01–30/06/2024): 4,100 to go, 2,050/month (2 months)");
    expect(screen.queryByTestId("off-pace")).toBeNull();
  });

  test("the detection view lists what the pace was measured against (its notes)", () => {
    const s = summaryOf("Số người tham gia BHXH tự nguyện");
    render(<DetectionView S={strings("vi")} summary={s} />);
    const notes = within(screen.getByTestId("pace-notes")).getAllByRole("listitem");
    expect(notes.map((n) => n.textContent)).toEqual([expect.stringContaining("chưa đánh giá đơn vị nào đúng hay chậm tiến độ BHXH tự nguyện")]);
  });
});
