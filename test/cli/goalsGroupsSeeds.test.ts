/**
 * Integration, goals, the same period and groups: .xlsx workbooks built from the figures of seeds 002 (Quỳnh Nhai), 003
 * (Tiền Giang) and 004 (Vĩnh Phúc), through the CLI. Unit figures are made up; their totals give
 * the published rates, compared as the articles print them (formatPercent, to their precision).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { formatNumber, formatPercent } from "../../src/core/format";
import { JsonReport } from "../../src/core/jsonReport";
import { ExcelJsWorkbook, toCellValue } from "../../src/workbook/exceljsWorkbook";
import {
  QUYNH_NHAI,
  TIEN_GIANG,
  VINH_PHUC,
  quynhNhaiWorkbook,
  tienGiangFigures,
  tienGiangWorkbook,
  vinhPhucFigures,
  vinhPhucWorkbook,
} from "../../scripts/lib/seeds";
import { runCli as cli, tempDir } from "../helpers/files";
import { peopleNeeded, resultOf, summarizeJson, unitOf } from "../helpers/results";

let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = tempDir("chitieu-goals-seeds-");
  await quynhNhaiWorkbook().xlsx.writeFile(file("quynh-nhai.xlsx"));
  await tienGiangWorkbook().xlsx.writeFile(file("tien-giang.xlsx"));
  await vinhPhucWorkbook().xlsx.writeFile(file("vinh-phuc.xlsx"));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The --json report of a run on a workbook of this folder, written to `out` there. */
const json = (input: string, out: string, extra: string[]): Promise<JsonReport> => summarizeJson(file(input), file(out), extra);

/** A gap to a goal in points as the articles would print it: "-1,7". */
function pointsText(gap: number, decimals = 1): string {
  return formatNumber(gap * 100, { lang: "vi", decimals });
}

async function sheetValues(out: string, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file(out));
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}: ${wb.worksheets.map((w) => w.name).join(", ")}`);
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const vals: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (c, col) => (vals[col - 1] = toCellValue(c.value)));
    rows[n - 1] = vals;
  });
  return rows;
}

describe("seed 002 — Quỳnh Nhai: BHYT coverage 95,3%, +10% on the same period, goals by commune category", () => {
  const goals = ["--goal", "BHYT@NTM=90%", "--goal", "BHYT@NTM nâng cao=95%"];
  let j: JsonReport;
  beforeAll(async () => {
    j = await json("quynh-nhai.xlsx", "qn-out.xlsx", goals);
  });

  it("finds the actuals, the population and last year's sheet, with no targets, and matches every commune", () => {
    expect(j.sheets).toEqual({ targets: null, actuals: "Thực hiện 11 tháng", base: "Dân số 2023", previous: "Cùng kỳ 2022" });
    expect(j.unmatched).toEqual([]);
    expect(j.results.map((r) => [r.indicatorKey, r.measure])).toEqual([["bhyt", "coverage"]]);
  });

  it("reproduces 64.417 people, 95,3% of the population and +10% on the same period", () => {
    const r = resultOf(j, "bhyt", "coverage");
    expect(r.actualTotal).toBe(QUYNH_NHAI.published.bhyt);
    expect(formatPercent(r.overall!, "vi", 1)).toBe(QUYNH_NHAI.published.coverage);
    expect(formatPercent(r.growth!, "vi", 0)).toBe(QUYNH_NHAI.published.growth);
    expect(r.growth).toBe(64417 / QUYNH_NHAI.communes.reduce((s, c) => s + c.prev, 0) - 1);
  });

  it("gives each commune its category's goal; exactly at the goal needs 0 more people", () => {
    const r = resultOf(j, "bhyt", "coverage");
    for (const c of QUYNH_NHAI.communes) {
      const u = unitOf(r, `Xã ${c.name}`);
      const pct = c.category === "NTM" ? 90 : c.category === "NTM nâng cao" ? 95 : null;
      expect(u.goal).toBe(pct === null ? null : pct / 100);
      expect(u.toGoal).toBe(pct === null ? null : peopleNeeded(pct, 100, c.pop, c.bhyt));
      expect(u.belowGoal).toBe(u.toGoal !== null && u.toGoal > 0);
      expect(u.previous).toBe(c.prev);
    }
    expect(unitOf(r, "Xã Mường Sại")).toMatchObject({ goal: 0.9, toGoal: 0, goalGap: 0, belowGoal: false });
    expect(unitOf(r, "Xã Chiềng Bằng")).toMatchObject({ goal: 0.95, toGoal: 0, belowGoal: false });
    expect(unitOf(r, "Xã Liệp Tè")).toMatchObject({ goal: 0.9, toGoal: 70, belowGoal: true });
    // No area-wide goal was given: the area has none.
    expect([r.goal, r.goalGap, r.toGoal]).toEqual([null, null, null]);
    // Categories compare regardless of case, spacing and Unicode form; the first spelling is kept.
    expect(j.categories).toMatchObject({ sheet: "Dân số 2023", header: "Loại xã" });
    expect(j.categories!.values.map((v) => v.toLowerCase())).toEqual(["ntm nâng cao", "ntm", "chưa đạt ntm"]);
  });

  it("writes the goal columns and the belowGoal mark in the summary sheets", async () => {
    const ov = await sheetValues("qn-out.xlsx", "Tổng hợp chỉ tiêu");
    expect(ov[3]![0]).toBe("Tô màu vàng (cột mục tiêu): đơn vị chưa đạt mục tiêu");
    expect(ov[5]!.slice(2)).toEqual([
      "Thực hiện",
      "Dân số",
      "Tỷ lệ",
      "Hạng",
      "Thấp hơn BQ",
      "Cùng kỳ",
      "Tăng/giảm so với cùng kỳ",
      "Mục tiêu",
      "Chênh lệch so với mục tiêu (điểm %)",
      "Số người cần vận động thêm",
      "Chưa đạt mục tiêu",
    ]);
    const lietTe = ov.find((row) => row[1] === "Xã Liệp Tè")!;
    expect(lietTe.slice(9)).toEqual([0.9, expect.closeTo((3800 / 4300 - 0.9) * 100, 10), 70, "Chưa đạt MT"]);
    const ranked = await sheetValues("qn-out.xlsx", "Xếp hạng BHYT (bao phủ)");
    expect(ranked[4]!.slice(9)).toEqual([
      "Cùng kỳ",
      "Tăng/giảm so với cùng kỳ",
      "Mục tiêu",
      "Chênh lệch so với mục tiêu (điểm %)",
      "Số người cần vận động thêm",
      "Chưa đạt mục tiêu",
    ]);
  });

  it("saves the goals with the other choices in the workbook, for one-click recalculation", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file("qn-out.xlsx"));
    const saved = await new ExcelJsWorkbook(wb).loadSettings();
    expect(saved?.goals).toEqual([
      { indicator: "BHYT", category: "NTM", rate: "90%" },
      { indicator: "BHYT", category: "NTM nâng cao", rate: "95%" },
    ]);
  });

  it("--group-by Cụm ranks the clusters (Σ/Σ) and each commune within its cluster", async () => {
    const g = await json("quynh-nhai.xlsx", "qn-groups.xlsx", ["--group-by", "Cụm"]);
    const r = resultOf(g, "bhyt", "coverage");
    expect(g.grouping).toMatchObject({ source: "column", header: "Cụm", groups: ["Cụm 1", "Cụm 2", "Cụm 3"] });
    for (const grp of r.groups) {
      const members = QUYNH_NHAI.communes.filter((c) => c.cluster === grp.group);
      expect(grp.actual).toBe(members.reduce((s, c) => s + c.bhyt, 0));
      expect(grp.denominator).toBe(members.reduce((s, c) => s + c.pop, 0));
      expect(grp.units).toBe(members.length);
    }
    expect(r.groups.map((x) => x.rank)).toEqual([1, 2, 3]);
    const cum2 = r.units.filter((u) => u.group === "Cụm 2").sort((a, b) => a.groupRank! - b.groupRank!);
    expect(cum2.map((u) => u.unit)).toEqual(["Xã Chiềng Ơn", "Xã Chiềng Khoang", "Xã Liệp Tè"]);
  });

  it("prints growth, goals and groups on the terminal", async () => {
    const r = await cli(["summarize", file("quynh-nhai.xlsx"), "--out", file("qn-term.xlsx"), ...goals, "--group-by", "Cụm"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Cùng kỳ: 58.561 → tăng/giảm so với cùng kỳ: +10,00%");
    expect(r.out).toMatch(/Xã Liệp Tè .* 90% +70 +Cụm 2 \(3\).*◆ Chưa đạt mục tiêu/);
    expect(r.out).toContain("Theo nhóm đơn vị:");
  });
});

describe("seed 003 — Tiền Giang: 28,9% of the labour force, 85,5% of plan, +5,4%; BHYT 95,3% of plan, 91,3% coverage; goals 29% / 93%", () => {
  let j: JsonReport;
  const figures = tienGiangFigures();
  beforeAll(async () => {
    j = await json("tien-giang.xlsx", "tg-out.xlsx", ["--goal", "BHXH=29%", "--goal", "BHYT=93%"]);
  });

  it("reads all four sheets and matches every unit, Cai Lậy and Gò Công towns and districts apart", () => {
    expect(j.sheets).toEqual({ targets: "Kế hoạch 2022", actuals: "Thực hiện 6 tháng", base: "Dân số - Lao động", previous: "Cùng kỳ 2021" });
    expect(j.unmatched).toEqual([]);
    const r = resultOf(j, "bhxh", "coverage");
    expect(r.units).toHaveLength(11);
    for (const f of figures) {
      const u = unitOf(r, f.name);
      expect([u.actual, u.denominator, u.previous]).toEqual([f.bhxh.actual, f.bhxh.labour, f.bhxh.previous]);
    }
    const caiLay = [unitOf(r, "Thị xã Cai Lậy"), unitOf(r, "Huyện Cai Lậy")];
    expect(caiLay[0]!.actual).not.toBe(caiLay[1]!.actual);
    const goCong = ["Thị xã Gò Công", "Huyện Gò Công Tây", "Huyện Gò Công Đông"].map((n) => unitOf(r, n).actual);
    expect(new Set(goCong).size).toBe(3);
  });

  it('"BHXH" is total social insurance: 215.340 people, 85,5% of plan, 28,9% of the labour force, +5,4%', () => {
    const att = resultOf(j, "bhxh", "attainment");
    const cov = resultOf(j, "bhxh", "coverage");
    expect(att.actualTotal).toBe(TIEN_GIANG.totals.bhxh.actual);
    expect(formatPercent(att.overall!, "vi", 1)).toBe(TIEN_GIANG.published.bhxhOfPlan);
    expect(formatPercent(cov.overall!, "vi", 1)).toBe(TIEN_GIANG.published.bhxhCoverage);
    expect(formatPercent(cov.growth!, "vi", 1)).toBe(TIEN_GIANG.published.bhxhGrowth);
    expect(att.growth).toBe(cov.growth);
    expect(cov.denominatorKind).toBe("labourForce");
  });

  it("BHYT: 95,3% of plan and 91,3% of the population", () => {
    expect(formatPercent(resultOf(j, "bhyt", "attainment").overall!, "vi", 1)).toBe(TIEN_GIANG.published.bhytOfPlan);
    expect(formatPercent(resultOf(j, "bhyt", "coverage").overall!, "vi", 1)).toBe(TIEN_GIANG.published.bhytCoverage);
  });

  it("the gaps to the 29% and 93% goals: −0,1 and −1,7 points, and the people still to enrol", () => {
    const bhxh = resultOf(j, "bhxh", "coverage");
    const bhyt = resultOf(j, "bhyt", "coverage");
    expect(bhxh.goal).toBe(0.29);
    expect(pointsText(bhxh.goalGap!)).toBe("-0,1");
    expect(bhxh.toGoal).toBe(peopleNeeded(29, 100, TIEN_GIANG.totals.bhxh.labour, TIEN_GIANG.totals.bhxh.actual));
    expect(bhxh.toGoal).toBe(739);
    expect(bhyt.goal).toBe(0.93);
    expect(pointsText(bhyt.goalGap!)).toBe("-1,7");
    expect(bhyt.toGoal).toBe(peopleNeeded(93, 100, TIEN_GIANG.totals.bhyt.population, TIEN_GIANG.totals.bhyt.actual));
    for (const u of bhyt.units) expect(u.toGoal).toBe(peopleNeeded(93, 100, u.denominator!, u.actual!));
    // Goals are coverage rates: attainment results carry none.
    expect(resultOf(j, "bhxh", "attainment").units.every((u) => u.goal === null && u.toGoal === null)).toBe(true);
  });

  it("groups from the group rows: Σ/Σ per group, subtotal rows never counted, each unit ranked in its group", () => {
    expect(j.grouping).toEqual({ source: "rows", sheet: "Kế hoạch 2022", header: null, groups: ["Khối thành phố, thị xã", "Khối huyện"] });
    const r = resultOf(j, "bhxh", "attainment");
    expect(r.actualTotal).toBe(TIEN_GIANG.totals.bhxh.actual);
    for (const g of r.groups) {
      const members = figures.filter((f) => f.group === g.group);
      expect(g.actual).toBe(members.reduce((s, f) => s + f.bhxh.actual, 0));
      expect(g.denominator).toBe(members.reduce((s, f) => s + f.bhxh.target, 0));
      expect(g.ratio).toBe(g.actual / g.denominator);
      expect(g.belowAverage).toBe(g.ratio! < r.average!);
    }
    expect(r.groups.reduce((s, g) => s + g.actual, 0)).toBe(r.actualTotal);
    const towns = r.units
      .filter((u) => u.group === "Khối thành phố, thị xã")
      .map((u) => u.groupRank)
      .sort();
    expect(towns).toEqual([1, 2, 3]);
    expect(j.warnings.filter((w) => w.includes("subtotal"))).toEqual([]);
  });

  it("writes the groups table on the overview sheet", async () => {
    const ov = await sheetValues("tg-out.xlsx", "Tổng hợp chỉ tiêu");
    const title = ov.findIndex((row) => row?.[1] === "Theo nhóm đơn vị");
    expect(title).toBeGreaterThan(0);
    expect(ov[title + 1]!.slice(0, 2)).toEqual([1, "Khối thành phố, thị xã"]);
    expect(ov[title + 2]!.slice(0, 2)).toEqual([2, "Khối huyện"]);
  });
});

describe("seed 004 — Vĩnh Phúc: 32,8% of the labour force (BB + TN), 92% of the population, goals 50% and 80%", () => {
  let j: JsonReport;
  const figures = vinhPhucFigures();
  beforeAll(async () => {
    j = await json("vinh-phuc.xlsx", "vp-out.xlsx", ["--goal", "BHXH=50%", "--goal", "BHYT=80"]);
  });

  it("coverage only (no targets sheet), with total social insurance derived beside its parts", () => {
    expect(j.sheets).toEqual({ targets: null, actuals: "Thực hiện 2020", base: "Dân số, lao động", previous: null });
    expect(j.results.map((r) => [r.indicatorKey, r.measure])).toEqual([
      ["bhxh-bb", "coverage"],
      ["bhxh-tn", "coverage"],
      ["bhxh", "coverage"],
      ["bhyt", "coverage"],
    ]);
    const r = resultOf(j, "bhxh", "coverage");
    expect(r.indicator).toBe("BHXH (bắt buộc + tự nguyện)");
    expect(r.source.actual.column).toBe("C+D");
    for (const f of figures) expect(unitOf(r, f.name)).toMatchObject({ actual: f.bb + f.tn, denominator: f.labour });
    expect(r.units.every((u) => u.growth === null && u.previous === null)).toBe(true);
  });

  it("reproduces 32,8% and 92%", () => {
    expect(formatPercent(resultOf(j, "bhxh", "coverage").overall!, "vi", 1)).toBe(VINH_PHUC.published.bhxhCoverage);
    expect(formatPercent(resultOf(j, "bhyt", "coverage").overall!, "vi", 0)).toBe(VINH_PHUC.published.bhytCoverage);
  });

  it("BHXH is short of its 50% goal everywhere; BHYT is above its 80% goal everywhere", () => {
    const bhxh = resultOf(j, "bhxh", "coverage");
    const bhyt = resultOf(j, "bhyt", "coverage");
    expect(bhxh.goal).toBe(0.5);
    expect(pointsText(bhxh.goalGap!)).toBe("-17,2");
    expect(bhxh.toGoal).toBe(peopleNeeded(1, 2, VINH_PHUC.totals.labour, VINH_PHUC.totals.bb + VINH_PHUC.totals.tn));
    expect(bhxh.units.every((u) => u.belowGoal && u.toGoal === peopleNeeded(1, 2, u.denominator!, u.actual!))).toBe(true);
    expect(bhyt.goal).toBe(0.8);
    expect(pointsText(bhyt.goalGap!)).toBe("12,0");
    expect(bhyt.toGoal).toBe(0);
    expect(bhyt.units.every((u) => !u.belowGoal && u.toGoal === 0)).toBe(true);
    // The parts have no goal of their own.
    expect(resultOf(j, "bhxh-bb", "coverage").goal).toBeNull();
  });
});

describe("goal, category and group errors through the CLI: one clear line, exit 2, no output file", () => {
  async function fails(input: string, extra: string[]): Promise<string> {
    const out = file(`never-${Math.random().toString(36).slice(2)}.xlsx`);
    const r = await cli(["summarize", file(input), "--out", out, ...extra]);
    expect(r.code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
    return r.err;
  }

  it("a goal for an indicator the workbook lacks lists the indicators found", async () => {
    expect(await fails("vinh-phuc.xlsx", ["--goal", "BHTN=50%"])).toBe(
      "chitieu: Mục tiêu BHTN chung cho cả địa bàn: trang tính 'Thực hiện 2020' không có chỉ tiêu “BHTN”. Các chỉ tiêu có: BHXH bắt buộc, BHXH tự nguyện, BHXH (bắt buộc + tự nguyện) và BHYT. Chọn một trong số đó (“BHXH” là tổng BHXH bắt buộc và tự nguyện): dùng --goal.\n",
    );
  });

  it("a goal by category needs a category column", async () => {
    expect(await fails("vinh-phuc.xlsx", ["--goal", "BHYT@NTM=90%"])).toMatch(
      /^chitieu: Mục tiêu BHYT cho loại đơn vị “NTM” cần một cột loại đơn vị .* dùng --category <cột>\.\n$/,
    );
  });

  it("a rate that is no rate, and an unknown category, are named", async () => {
    expect(await fails("vinh-phuc.xlsx", ["--goal", "BHYT=nhiều"])).toBe(
      "chitieu: Mục tiêu BHYT chung cho cả địa bàn: “nhiều” không phải một tỷ lệ. Viết tỷ lệ lớn hơn 0, như 93%, 93 hoặc 0,93 (cùng là 93%): dùng --goal.\n",
    );
    expect(await fails("quynh-nhai.xlsx", ["--goal", "BHYT@NTM kiểu mẫu=98%"])).toMatch(
      /cột này chỉ có “NTM nâng cao”, “NTM” và “CHƯA ĐẠT NTM”\. Chọn một trong các loại đó: dùng --goal\./,
    );
    // A coverage goal above 100% is refused, said with the rate as set.
    expect(await fails("quynh-nhai.xlsx", ["--goal", "BHYT=150%"])).toMatch(
      /^chitieu: Mục tiêu BHYT chung cho cả địa bàn là 150%, nhưng đây là tỷ lệ bao phủ \(số người tham gia trên dân số\), không thể vượt 100%/,
    );
    expect(await fails("quynh-nhai.xlsx", ["--group-by", "Huyện"])).toMatch(/Không có cột chữ nào có tiêu đề “Huyện”.*dùng --group-by <cột>/);
  });

  it("a named previous sheet must exist", async () => {
    expect(await fails("vinh-phuc.xlsx", ["--previous", "Năm 2019"])).toMatch(
      /Không có trang tính nào tên 'Năm 2019' \(được chọn làm trang cùng kỳ năm trước\).*dùng --previous <trang tính>/,
    );
  });
});
