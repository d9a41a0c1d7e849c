/**
 * A goal against plan ("150%" is a valid goal for an attainment). `--goal` takes the
 * measure before the indicator, as `--map` takes a column's role before it; every form without one
 * stays as it was. Through the CLI on the sample workbook (seed 000, Hậu Giang), where BHXH tự
 * nguyện has both a plan and a labour-force coverage and BHYT only a coverage.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { USAGE, parseArgs } from "../../src/cli/args";
import { JsonReport } from "../../src/core/jsonReport";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsWorkbook";
import { chitieuErrorOf } from "../helpers/errors";
import { runCli as cli, tempDir } from "../helpers/files";
import { peopleNeeded, resultOf } from "../helpers/results";
import { SAMPLE } from "../taskpane/fixtures";

const parse = (...argv: string[]) => parseArgs(["summarize", "in.xlsx", "--out", "o.xlsx", ...argv], "demo.xlsx", "demo-out.xlsx");

describe("--goal with a measure", () => {
  it("takes attainment: or coverage: before the indicator, with or without a category", () => {
    expect(parse("--goal", "attainment:BHXH TN=105%", "--goal", "coverage:BHYT@NTM nâng cao=95%").choices.goals).toEqual([
      { indicator: "BHXH TN", category: null, rate: "105%", measure: "attainment" },
      { indicator: "BHYT", category: "NTM nâng cao", rate: "95%", measure: "coverage" },
    ]);
    expect(parse("--goal", "attainment:Thu nợ=150%").choices.goals).toEqual([{ indicator: "Thu nợ", category: null, rate: "150%", measure: "attainment" }]);
  });

  it("keeps every form it took before, with no measure", () => {
    expect(parse("--goal", "BHYT=93%", "--goal", "BHYT@NTM=0,9", "--goal", "BHXH=29").choices.goals).toEqual([
      { indicator: "BHYT", category: null, rate: "93%" },
      { indicator: "BHYT", category: "NTM", rate: "0,9" },
      { indicator: "BHXH", category: null, rate: "29" },
    ]);
  });

  it("a measure with no indicator is a form error; a typo in the rate names the goal with its measure", () => {
    expect(chitieuErrorOf(() => parse("--goal", "attainment:=105%")).problem).toEqual({
      code: "goal-form",
      params: { spec: "attainment:=105%" },
      setting: "goal",
    });
    const e = chitieuErrorOf(() => parse("--goal", "attainment:BHXH TN=1o5%"));
    expect(e.problem).toEqual({
      code: "goal-not-a-rate",
      params: { indicator: "BHXH TN", category: null, measure: "attainment", rate: "1o5%" },
      setting: "goal",
    });
    expect(e.message).toContain("Mục tiêu BHXH TN so với kế hoạch chung cho cả địa bàn");
  });

  it("--help shows the measure", () => {
    expect(USAGE).toContain("[--goal [<measure>:]<indicator>[@<category>]=<rate>]");
    expect(USAGE).toContain('--goal "attainment:BHXH TN=105%"');
  });
});

describe("a goal against plan through the CLI (seed 000)", () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  beforeAll(() => {
    dir = tempDir("chitieu-goal-measure-");
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("BHXH tự nguyện against 105% of its plan: every unit, the area, the JSON, the sheets, the paragraph and the saved choices", async () => {
    const r = await cli(["summarize", SAMPLE, "--out", file("att.xlsx"), "--json", "--goal", "attainment:BHXH TN=105%", "--goal", "BHYT=90%"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out) as JsonReport;
    const att = resultOf(j, "bhxh-tn", "attainment");
    // Σ plan 19.800 × 1,05 = 20.790; Σ actual 12.853.
    expect([att.goal, att.toGoal]).toEqual([1.05, 7937]);
    expect(att.goalGap).toBeCloseTo(12853 / 19800 - 1.05, 12);
    for (const u of att.units) {
      expect([u.unit, u.goal, u.goalFrom, u.toGoal]).toEqual([u.unit, 1.05, "area", peopleNeeded(105, 100, u.denominator!, u.actual!)]);
      expect(u.belowGoal).toBe(u.toGoal! > 0);
    }
    // The goal is for the plan only: the labour-force coverage of the same indicator has none; BHYT keeps its coverage goal.
    expect(resultOf(j, "bhxh-tn", "coverage").goal).toBeNull();
    expect(resultOf(j, "bhxh-tn", "coverage").units.every((u) => u.goal === null)).toBe(true);
    expect(resultOf(j, "bhyt", "coverage").goal).toBe(0.9);
    expect(j.goals).toEqual([
      { indicator: "BHXH TN", category: null, rate: "105%", measure: "attainment" },
      { indicator: "BHYT", category: null, rate: "90%" },
    ]);
    expect(j.narrative[0]).toContain("đạt 64,91% kế hoạch, chưa đạt mục tiêu 105% kế hoạch, thấp hơn 40,09 điểm % (cần vận động thêm 7.937 người).");
    expect(j.narrative[0]).toContain("huyện Vị Thủy đạt 45,37% kế hoạch (mục tiêu 105%, −59,63 điểm %), cần vận động thêm 1.250 người;");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file("att.xlsx"));
    // The ranked sheet of the plan gains the goal columns; the coverage one of the same indicator does not.
    const header = (name: string) => {
      const ws = wb.getWorksheet(name)!;
      const texts: string[] = [];
      ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === "string" && texts.push(c.value))));
      return texts;
    };
    expect(header("Xếp hạng BHXH TN (KH)")).toEqual(expect.arrayContaining(["Mục tiêu", "Số người cần vận động thêm"]));
    expect(header("Xếp hạng BHXH TN (bao phủ)")).not.toContain("Mục tiêu");
    // The choices saved in the workbook keep the measure, so next month's one-click run reads it the same way.
    expect((await new ExcelJsWorkbook(wb).loadSettings())?.goals?.[0]).toEqual({ indicator: "BHXH TN", category: null, rate: "105%", measure: "attainment" });
  });

  it("the same goal without its measure is a coverage goal where the indicator has one: 105% of the labour force is refused, naming the way out", async () => {
    const r = await cli(["summarize", SAMPLE, "--out", file("cov.xlsx"), "--goal", "BHXH TN=105%"]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain("không thể vượt 100%");
    expect(r.err).toContain("đặt mục tiêu so với kế hoạch (có thể trên 100%)");
    expect(fs.existsSync(file("cov.xlsx"))).toBe(false);
  });
});
