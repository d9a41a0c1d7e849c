/**
 * Issue 19 end to end: seed 001's đợt 1 and seed 003's year end through the CLI (the .xlsx read,
 * the pipeline, the JSON, the terminal view, the paragraph, the ranked sheets written), a workbook
 * with a phase and a year target per indicator, and --period-start / --period-end.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { JsonReport, JsonResult } from "../../src/core/jsonReport";
import { readWorkbook, runCli, tempDir, writeWorkbook } from "../helpers/files";
import { summarizeJson } from "../helpers/results";
import { CAN_THO_PHASE_1, TIEN_GIANG_YEAR_END, canThoPhaseWorkbook, canThoTwoPeriodWorkbook, tienGiangYearEndWorkbook } from "../helpers/paceSeeds";
import { codes } from "../helpers/messages";
import { parseArgs } from "../../src/cli/args";
import { printSummary } from "../../src/cli/print";
import { summarize } from "../../src/core/summarize";
import { buildGrid } from "../helpers/grids";

let dir: string;
const file = (name: string) => path.join(dir, name);
const out = (name: string) => file(`out-${name}-${Math.random().toString(36).slice(2)}.xlsx`);

beforeAll(async () => {
  dir = tempDir("chitieu-pace-");
  await writeWorkbook(canThoPhaseWorkbook(), file("can-tho-dot-1.xlsx"));
  await writeWorkbook(canThoTwoPeriodWorkbook(), file("can-tho-two.xlsx"));
  await writeWorkbook(tienGiangYearEndWorkbook(), file("tien-giang.xlsx"));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const PACE_KEYS = ["periodStart", "periodEnd", "asOf", "elapsed", "remaining", "monthsLeft", "perMonth", "startLevel", "expected", "onPace", "projected"];
const UNIT_PACE_KEYS = ["remaining", "perMonth", "expected", "onPace"];

function attainment(j: JsonReport, key: string): JsonResult {
  const found = j.results.filter((r) => r.indicatorKey === key && r.measure === "attainment" && !r.variant);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe("seed 001 — Cần Thơ, đợt 1 (1/1–30/6/2024), at 30/4/2024", () => {
  let j: JsonReport;
  beforeAll(async () => {
    j = await summarizeJson(file("can-tho-dot-1.xlsx"), out("dot-1"));
  });

  it("voluntary social insurance: 10.293 still needed in 2 months, 5.147 a month, 0,6648 of the period passed", () => {
    const r = attainment(j, "bhxh-tn");
    expect(r.denominatorTotal).toBe(CAN_THO_PHASE_1.tn);
    expect(r.actualTotal).toBe(18590);
    expect(r.pace).toEqual({
      periodStart: "2024-01-01",
      periodEnd: "2024-06-30",
      asOf: "2024-04-30",
      elapsed: 0.6648,
      remaining: 10293,
      monthsLeft: 2,
      perMonth: 5147,
      startLevel: null,
      expected: null,
      onPace: null,
      projected: null,
    });
    // The JSON shape, key for key and in its order.
    expect(Object.keys(r.pace!)).toEqual(PACE_KEYS);
  });

  it("health insurance: the phase target exceeded (1.065.565 of 1.057.188)", () => {
    const r = attainment(j, "bhyt");
    expect(r.pace).toMatchObject({ remaining: 0, perMonth: 0, monthsLeft: 2, elapsed: 0.6648 });
    expect(r.actualTotal - r.denominatorTotal).toBe(8377);
  });

  it("each unit has its pace (what it still needs, each month); none is judged on or off pace without a start level", () => {
    const r = attainment(j, "bhxh-tn");
    for (const u of r.units) {
      expect(Object.keys(u.pace!)).toEqual(UNIT_PACE_KEYS);
      expect(u.pace!.remaining).toBe(Math.max(0, u.denominator! - u.actual!));
      expect(u.pace!.perMonth).toBe(Math.ceil(u.pace!.remaining / 2));
      expect(u.pace!.onPace).toBeNull();
      expect(u.pace!.expected).toBeNull();
    }
    // The units' remaining add up to the area's only where no unit is above its target.
    expect(r.units.reduce((s, u) => s + u.pace!.remaining, 0)).toBe(10293);
  });

  it("says, once per result, that on-pace is not judged for participants without a start level", () => {
    expect(codes(j.messages.paceNotes ?? [])).toEqual(["pace-no-start-level", "pace-no-start-level"]);
    expect(j.paceNotes).toHaveLength(2);
    expect(j.warnings).toEqual([]);
  });

  it("the paragraph: what is still needed after the area's figures, and the target exceeded", () => {
    expect(j.narrative[0]).toContain(
      "đạt 64,36% kế hoạch. Để hoàn thành chỉ tiêu đợt 1, từ nay đến 30/6/2024 thành phố Cần Thơ cần phát triển thêm 10.293 người tham gia BHXH tự nguyện, bình quân 5.147 người mỗi tháng. Tuy nhiên,",
    );
    expect(j.narrative[1]).toContain("Thành phố Cần Thơ đã vượt chỉ tiêu đợt 1 về số người tham gia BHYT (1.057.188 người), cao hơn 8.377 người.");
  });

  it("in English", async () => {
    const en = await summarizeJson(file("can-tho-dot-1.xlsx"), out("dot-1-en"), ["--lang", "en"]);
    expect(en.narrative[0]).toContain(
      "To meet the phase 1 target, Cần Thơ city needs 10,293 more people in voluntary social insurance by 30 June 2024, on average 5,147 people a month.",
    );
    expect(en.narrative[1]).toContain("has exceeded the phase 1 target for health insurance participants (1,057,188 people) by 8,377 people.");
  });

  it("the terminal view: the pace line under the total line", async () => {
    const r = await runCli(["summarize", file("can-tho-dot-1.xlsx"), "--out", out("dot-1-print")]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    const total = lines.indexOf("  Toàn thành phố: 18.590 / 28.883 = 64,36%");
    expect(total).toBeGreaterThan(0);
    expect(lines[total + 1]).toBe("  Tiến độ đợt 1 (01/01–30/06/2024): còn 10.293, bình quân 5.147/tháng (2 tháng)");
    expect(r.out).toContain("  Tiến độ đợt 1 (01/01–30/06/2024): đã vượt chỉ tiêu (8.377)");
  });

  it("the ranked sheet has the still-needed and monthly columns", async () => {
    const o = out("dot-1-sheet");
    expect((await runCli(["summarize", file("can-tho-dot-1.xlsx"), "--out", o])).code).toBe(0);
    const ws = (await readWorkbook(o)).getWorksheet("Xếp hạng BHXH TN (KH)")!;
    const header = (ws.getRow(5).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(["Còn phải phát triển (đến 30/6/2024)", "Bình quân mỗi tháng", "Theo tiến độ"]));
  });
});

describe("seed 003 — Tiền Giang, the year-end goal (279.000), at 30/6/2022", () => {
  it("63.660 still needed in the 6 months to 31/12/2022, 10.610 a month", async () => {
    const j = await summarizeJson(file("tien-giang.xlsx"), out("tg"));
    const r = attainment(j, "bhxh");
    expect(r.denominatorTotal).toBe(TIEN_GIANG_YEAR_END.bhxh);
    expect(r.pace).toMatchObject({
      periodStart: "2022-01-01",
      periodEnd: "2022-12-31",
      asOf: "2022-06-30",
      elapsed: 0.4959,
      remaining: 279000 - 215340,
      monthsLeft: 6,
      perMonth: 10610,
    });
    expect(j.narrative[0]).toContain(
      "Để hoàn thành chỉ tiêu năm 2022, từ nay đến 31/12/2022 tỉnh Tiền Giang cần phát triển thêm 63.660 người tham gia BHXH, bình quân 10.610 người mỗi tháng.",
    );
  });
});

describe("a phase target and a year target for one indicator", () => {
  let j: JsonReport;
  beforeAll(async () => {
    j = await summarizeJson(file("can-tho-two.xlsx"), out("two"));
  });

  it("gives both results, each against its own period", () => {
    const tn = j.results.filter((r) => r.indicatorKey === "bhxh-tn" && r.measure === "attainment");
    expect(tn.map((r) => [r.denominatorTotal, r.pace!.periodEnd, r.pace!.remaining, r.pace!.perMonth, r.variant ?? null, r.planPeriod])).toEqual([
      [28883, "2024-06-30", 10293, 5147, null, { vi: "đợt 1", en: "phase 1" }],
      [37420, "2024-12-31", 18830, 2354, "2024-01-01/2024-12-31", { vi: "năm 2024", en: "2024" }],
    ]);
    expect(j.results.filter((r) => r.indicatorKey === "bhyt").map((r) => r.denominatorTotal)).toEqual([1057188, 1181336]);
    // Neither plan column is "a second column" now.
    expect(j.warnings).toEqual([]);
  });

  it("each with its own ranked sheet, its name legal and unique", () => {
    const names = j.output!.sheets.map((s) => s.name);
    expect(names).toEqual([
      "Tổng hợp chỉ tiêu",
      "Xếp hạng BHXH TN đợt 1 (KH)",
      "Xếp hạng BHXH TN năm 2024 (KH)",
      "Xếp hạng BHYT đợt 1 (KH)",
      "Xếp hạng BHYT năm 2024 (KH)",
      "Nhận xét",
      "Diễn biến",
    ]);
    expect(new Set(j.output!.sheets.map((s) => s.key)).size).toBe(names.length);
    for (const n of names) expect(Array.from(n).length).toBeLessThanOrEqual(31);
  });

  it("and a paragraph each", () => {
    expect(j.narrative).toHaveLength(4);
    expect(j.narrative[1]).toContain(
      "Để hoàn thành chỉ tiêu năm 2024, từ nay đến 31/12/2024 thành phố Cần Thơ cần phát triển thêm 18.830 người tham gia BHXH tự nguyện, bình quân 2.354 người mỗi tháng.",
    );
  });
});

describe("--period-start and --period-end", () => {
  it("override the period read: the year end instead of the phase's", async () => {
    const j = await summarizeJson(file("can-tho-dot-1.xlsx"), out("flags"), ["--period-start", "01/01/2024", "--period-end", "31/12/2024"]);
    const r = attainment(j, "bhxh-tn");
    expect(r.pace).toMatchObject({ periodStart: "2024-01-01", periodEnd: "2024-12-31", monthsLeft: 8, remaining: 10293, perMonth: 1287 });
    expect(j.narrative[0]).toContain("Để hoàn thành chỉ tiêu năm 2024, từ nay đến 31/12/2024");
  });

  it("one of them replaces that end of the period read", async () => {
    const j = await summarizeJson(file("can-tho-dot-1.xlsx"), out("end-only"), ["--period-end", "31/5/2024"]);
    expect(attainment(j, "bhxh-tn").pace).toMatchObject({ periodStart: "2024-01-01", periodEnd: "2024-05-31", monthsLeft: 1, perMonth: 10293 });
  });

  it("a day that is no day, and a start after the end, are refused before anything is read", async () => {
    const bad = await runCli(["summarize", file("can-tho-dot-1.xlsx"), "--out", out("bad"), "--period-end", "31/6/2024"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(
      "chitieu: Ngày kết thúc kỳ chỉ tiêu “31/6/2024” không phải một ngày: viết theo dạng ngày/tháng/năm, ví dụ 30/6/2024 (dùng --period-end dd/mm/yyyy).\n",
    );
    const after = await runCli(["summarize", file("can-tho-dot-1.xlsx"), "--out", out("after"), "--period-start", "01/7/2024", "--period-end", "30/6/2024"]);
    expect(after.code).toBe(2);
    expect(after.err).toContain("Kỳ chỉ tiêu bắt đầu ngày 1/7/2024, sau ngày kết thúc 30/6/2024");
  });
});

describe("the flags' parsing", () => {
  it("keeps them as given, only when given", () => {
    const a = parseArgs(["summarize", "in.xlsx", "--out", "o.xlsx", "--period-start", "01/01/2024", "--period-end", "30/6/2024"], "d.xlsx", "d-out.xlsx");
    expect(a.choices).toMatchObject({ periodStart: "01/01/2024", periodEnd: "30/6/2024" });
    expect(parseArgs(["summarize", "in.xlsx", "--out", "o.xlsx"], "d.xlsx", "d-out.xlsx").choices).not.toHaveProperty("periodEnd");
  });

  it("suggests the flag for a near miss", async () => {
    const r = await runCli(["summarize", file("can-tho-dot-1.xlsx"), "--out", out("typo"), "--period-ends", "30/6/2024"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--period-end");
  });
});

describe("the terminal view of a flow", () => {
  it("marks the units off pace beside the below-average mark", () => {
    const units = [
      { name: "Quận Ninh Kiều", target: 8000, actual: 6000 },
      { name: "Quận Bình Thủy", target: 4000, actual: 2000 },
    ];
    const s = summarize({
      targets: {
        name: "Kế hoạch",
        values: buildGrid({
          groupHeader: "Chỉ tiêu đợt 1 (01/01–30/6/2024)",
          units: units.map((u) => ({ name: u.name })),
          columns: [{ header: "BHXH tự nguyện", values: units.map((u) => u.target) }],
        }).grid,
      },
      actuals: {
        name: "Thực hiện",
        values: buildGrid({
          titles: ["Số liệu đến ngày 30/4/2024"],
          units: units.map((u) => ({ name: u.name })),
          columns: [{ header: "Phát triển mới BHXH tự nguyện", values: units.map((u) => u.actual) }],
        }).grid,
      },
      base: null,
    });
    const text = printSummary(s, "vi");
    expect(text).toContain("  Tiến độ đợt 1 (01/01–30/06/2024): còn 4.000, bình quân 2.000/tháng (2 tháng); đúng tiến độ");
    expect(text.split("\n").find((l) => l.includes("Quận Bình Thủy"))).toMatch(/▼ Thấp hơn BQ {2}◇ Chậm tiến độ$/);
    expect(text.split("\n").find((l) => l.includes("Quận Ninh Kiều"))).not.toContain("◇");
  });
});
