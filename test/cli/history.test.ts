/**
 * The history sheet through the shared pipeline on real files: each run keeps its report date's
 * figures in "Diễn biến" (ours), a run for the same date replaces that date's rows, a run on our
 * own output carries the earlier dates, and a planner's own sheet of that name is never read or
 * replaced.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { hauGiangWorkbook } from "../../scripts/lib/seeds";
import { readHistory } from "../../src/core/history";
import type { JsonReport } from "../../src/core/jsonReport";
import { makeWorkload } from "../../bench/workload";
import { summarize } from "../../src/core/summarize";
import { HISTORY_UNIT_ROWS_PER_DATE, NO_HISTORY, historyCandidates, historySpec } from "../../src/workbook/historySheet";
import { PackageWorkbook } from "../../src/workbook/xlsx/packageWorkbook";
import { type Analysis, retell } from "../../src/workbook/recalculate";
import { DEFAULT_CHOICES, type RunChoices } from "../../src/core/settings";
import { runCli, tempDir, writeWorkbook } from "../helpers/files";

let dir: string;
let input: string;
beforeAll(async () => {
  dir = tempDir("chitieu-history-");
  input = await writeWorkbook(hauGiangWorkbook(), path.join(dir, "hau-giang.xlsx"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(from: string, to: string, ...extra: string[]): Promise<JsonReport> {
  const r = await runCli(["summarize", from, "--out", to, "--json", ...extra]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as JsonReport;
}

async function historyOf(file: string) {
  const book = await PackageWorkbook.open(new Uint8Array(fs.readFileSync(file)), { file });
  const list = await book.listSheets();
  const [name] = historyCandidates(list);
  expect(name).toBeDefined();
  const [grid] = await book.readSheets([name!]);
  const h = readHistory(grid!);
  expect(h.found).toBe(true);
  expect(h.warnings).toEqual([]);
  return h.rows;
}

describe("the history sheet", () => {
  test("a run keeps its date's figures; runs on our output add dates; the same date again replaces its rows", async () => {
    const first = path.join(dir, "t10.xlsx");
    const j = await run(input, first);
    expect(j.output!.sheets.map((s) => s.key)).toContain("history");
    const oct = await historyOf(first);
    // The sample's actuals are "Số liệu đến ngày 31/10/2022".
    expect([...new Set(oct.map((r) => r.asOf))]).toEqual(["2022-10-31"]);
    const areaRows = oct.filter((r) => r.area);
    expect(areaRows.map((r) => `${r.indicatorKey}:${r.measure}`).sort()).toEqual(j.results.map((r) => `${r.indicatorKey}:${r.measure}`).sort());
    const tn = areaRows.find((r) => r.indicatorKey === "bhxh-tn" && r.measure === "attainment")!;
    const jtn = j.results.find((r) => r.indicatorKey === "bhxh-tn" && r.measure === "attainment")!;
    expect([tn.actual, tn.denominator, tn.rate]).toEqual([jtn.actualTotal, jtn.denominatorTotal, jtn.overall]);

    // November, on our own output: two dates.
    const second = path.join(dir, "t11.xlsx");
    await run(first, second, "--as-of", "30/11/2022");
    const two = await historyOf(second);
    expect([...new Set(two.map((r) => r.asOf))]).toEqual(["2022-10-31", "2022-11-30"]);
    expect(two.filter((r) => r.asOf === "2022-10-31")).toEqual(oct);

    // November again: its rows replaced, not repeated.
    const third = path.join(dir, "t11b.xlsx");
    await run(second, third, "--as-of", "30/11/2022");
    expect(await historyOf(third)).toEqual(two);
  });

  test("a planner's own sheet named like ours is never read as the history, nor replaced", async () => {
    const wb = hauGiangWorkbook();
    wb.addWorksheet("Diễn biến").getCell("A1").value = "Ghi chép của tôi";
    const own = await writeWorkbook(wb, path.join(dir, "own.xlsx"));
    const out = path.join(dir, "own-out.xlsx");
    const j = await run(own, out);
    const history = j.output!.sheets.find((s) => s.key === "history")!;
    expect(history.name).not.toBe("Diễn biến");
    const book = await PackageWorkbook.open(new Uint8Array(fs.readFileSync(out)), { file: out });
    const [mine] = await book.readSheets(["Diễn biến"]);
    expect(mine!.values).toEqual([["Ghi chép của tôi"]]);
    expect(historyCandidates(await book.listSheets())).toEqual([history.name]);
  });
});

describe("a national workbook's history", () => {
  test("past HISTORY_UNIT_ROWS_PER_DATE unit rows a date, the area's rows only, and it says so; a province keeps every unit", () => {
    const run = (units: number) => {
      const w = makeWorkload(units, 8);
      const summary = summarize({ targets: w.targets, actuals: w.actuals, base: w.base });
      const h = historySpec(NO_HISTORY, summary, "2026-03-31", "vi");
      return { summary, h, rows: readHistory({ name: "Diễn biến", values: h.spec!.values }).rows };
    };
    const country = run(3321);
    const unitRows = country.summary.results.reduce((n, r) => n + r.units.length, 0);
    expect(unitRows).toBeGreaterThan(HISTORY_UNIT_ROWS_PER_DATE);
    expect(country.rows.every((r) => r.area)).toBe(true);
    expect(country.rows.length).toBe(country.summary.results.length);
    expect(country.h.warnings).toEqual([
      expect.objectContaining({ code: "history-units-left-out", params: { rows: unitRows, limit: HISTORY_UNIT_ROWS_PER_DATE } }),
    ]);
    const province = run(168);
    expect(province.h.warnings).toEqual([]);

    // The pane retells its last analysis as the date field changes: the warning is said once, however often it is retold.
    const choices: RunChoices = { ...DEFAULT_CHOICES, asOf: "31/03/2026" };
    let told: Analysis = {
      choice: { targets: null, actuals: "Thực hiện", base: null, previous: null },
      summary: country.summary,
      specs: [],
      sheetList: [],
      narrative: [],
    };
    for (let k = 0; k < 3; k++) told = retell(told, choices);
    expect(told.summary.warnings.filter((m) => m.code === "history-units-left-out")).toHaveLength(1);
    expect(province.rows.filter((r) => !r.area).length).toBe(province.summary.results.reduce((n, r) => n + r.units.length, 0));
  });
});
