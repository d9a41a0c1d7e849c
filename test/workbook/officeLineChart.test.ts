/**
 * The history sheet's chart in Excel (issue 19): lines only, one per indicator, over the dates,
 * against the recording fake of the Excel object model. The ranked sheets' column-and-line charts
 * are checked by officeWorkbook.test.ts and officeExcel.test.ts, unchanged.
 */
import { FakeExcel } from "./fakeExcel";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { chartName } from "../../src/workbook/officeRules";
import { HistoryRow, describeHistory, mergeHistory, readHistory } from "../../src/core/history";
import { CellValue } from "../../src/core/grid";

function portFor(fake: FakeExcel): OfficeWorkbook {
  return new OfficeWorkbook({ run: fake.run, settings: fake.settings, isSetSupported: fake.isSetSupported, platform: "OfficeOnline" });
}

function history(dates: readonly string[]): HistoryRow[] {
  const rows: HistoryRow[] = [];
  dates.forEach((asOf, i) => {
    for (const [indicatorKey, indicator, measure] of [
      ["bhxh-tn", "BHXH tự nguyện", "attainment"],
      ["bhyt", "BHYT", "coverage"],
      ["bhyt", "BHYT", "attainment"],
    ] as const)
      for (const unit of ["Toàn tỉnh", "Huyện Vị Thủy"])
        rows.push({ asOf, unit, area: unit === "Toàn tỉnh", indicatorKey, indicator, measure, actual: 100 + i, denominator: 200, rate: (100 + i) / 200 });
  });
  return mergeHistory([], rows);
}

describe("a chart of lines only, in Excel", () => {
  test("one line per indicator and measure, markers on, the dates as categories, named ours, titled, legend below", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Thực hiện", [
      ["Đơn vị", "BHYT"],
      ["Xã A", 1],
    ]);
    const spec = describeHistory(history(["2024-02-29", "2024-03-31", "2024-04-30"]), "vi");
    const [written] = await portFor(fake).writeSummary([spec]);
    const sheet = fake.sheet(written!.name);
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0]!;
    const ch = spec.chart!;
    expect(chart.type).toBe("LineMarkers");
    expect(chart.name).toBe(chartName("history"));
    expect(chart.title).toBe(ch.title);
    expect(chart.legend).toBe("Bottom");
    expect(chart.position).toEqual(ch.anchor);
    expect(chart.series.map((s) => s.name)).toEqual(ch.lines!.map((l) => l.name));
    expect(chart.series.map((s) => s.values)).toEqual(ch.lines!.map((l) => l.values));
    expect(chart.series.map((s) => s.xValues)).toEqual(ch.lines!.map(() => ch.categories));
    // No series drawn as columns.
    expect(chart.series.map((s) => s.chartType)).toEqual(ch.lines!.map(() => "LineMarkers"));
    // The dates are on the sheet where the categories point.
    expect(sheet.grid()[ch.categories.row]![0]).toBe(45351);
    // And the sheet as Excel gives it back reads as the history written.
    expect(readHistory({ name: sheet.name, values: sheet.grid() as CellValue[][] })).toEqual({
      rows: history(["2024-02-29", "2024-03-31", "2024-04-30"]),
      warnings: [],
      found: true,
    });
  });

  test("a re-run replaces our chart and keeps one a planner added", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Thực hiện", [
      ["Đơn vị", "BHYT"],
      ["Xã A", 1],
    ]);
    const port = portFor(fake);
    const [first] = await port.writeSummary([describeHistory(history(["2024-03-31"]), "vi")]);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(first!.name);
      ws.charts.add("Pie", ws.getRange("B6:B6"), "Columns");
      await ctx.sync();
    });
    const spec = describeHistory(history(["2024-03-31", "2024-04-30"]), "vi");
    const [second] = await portFor(fake).writeSummary([spec]);
    expect(second!.name).toBe(first!.name);
    const charts = fake.sheet(second!.name).charts;
    expect(charts.map((c) => c.type).sort()).toEqual(["LineMarkers", "Pie"]);
    expect(charts.find((c) => c.type === "LineMarkers")!.series[0]!.values).toEqual(spec.chart!.lines![0]!.values);
  });
});
