/**
 * Issue 18's bundled sample (samples/can-tho-2026-merged.xlsx, scripts/lib/merged.ts): the 28
 * communes and wards of the former Hậu Giang after the July 2025 merger, last year's same period
 * on the 76 old units, and the crosswalk. `chitieu demo --sample merged` runs it; these are the
 * figures docs/CLI.md and docs/REPORT.md show.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { MERGED_NEW, MERGED_OLD, mergedFigures, mergedWorkbook } from "../../scripts/lib/merged";
import { DEMO_INPUT, DEMO_SAMPLES } from "../../src/cli/main";
import { parseArgs } from "../../src/cli/args";
import { isChitieuError } from "../../src/core/errors";
import type { JsonReport } from "../../src/core/jsonReport";
import { gridOf, runCli, tempDir } from "../helpers/files";

let dir: string;
let report: JsonReport;

beforeAll(async () => {
  dir = tempDir("chitieu-merged-");
  const r = await runCli(["demo", "--sample", "merged", "--out", path.join(dir, "out.xlsx"), "--json"]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  report = JSON.parse(r.out) as JsonReport;
}, 60000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the bundled sample after the merger", () => {
  it("the terminal view says which sheet was summed into the new units, and through which crosswalk", async () => {
    const r = await runCli(["demo", "--sample", "merged", "--out", path.join(dir, "terminal.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^· 'Cùng kỳ 2025': 76 đơn vị cũ quy đổi thành 28 đơn vị mới theo bảng '[^']+'$/m);
  });

  it("is what scripts/lib/merged.ts makes (npm run sample -- merged)", async () => {
    const bundled = new ExcelJS.Workbook();
    await bundled.xlsx.readFile(DEMO_SAMPLES.merged!);
    const made = new ExcelJS.Workbook();
    await made.xlsx.load(await mergedWorkbook().xlsx.writeBuffer());
    const names = made.worksheets.map((w) => w.name);
    expect(bundled.worksheets.map((w) => w.name)).toEqual(names);
    for (const n of names) expect(await gridOf(bundled, n)).toEqual(await gridOf(made, n));
    expect(MERGED_NEW).toHaveLength(28);
    expect(MERGED_OLD).toHaveLength(76);
  });

  it("sums last year's 76 old units into this year's 28 through the crosswalk found by its headers, with no warning", () => {
    expect(report.warnings).toEqual([]);
    expect(report.sheets).toEqual({ targets: "Kế hoạch 2026", actuals: "Thực hiện T3.2026", base: null, previous: "Cùng kỳ 2025" });
    expect(report.crosswalk).toEqual({ sheet: "Quy đổi đơn vị", converted: [{ sheet: "Cùng kỳ 2025", roles: ["previous"], oldUnits: 76, newUnits: 28 }] });
    expect(report.detection.find((d) => d.role === "previous")!.crosswalk).toEqual({ sheet: "Quy đổi đơn vị", oldUnits: 76, newUnits: 28 });
  });

  it("headline figures: BHXH tự nguyện 29.014 / 40.620 = 71,43%, +10,96% on 26.147; BHYT 726.652 / 798.960 = 90,95%, +0,75% on 721.223", () => {
    const [tn, yt] = report.results;
    expect([tn!.indicatorKey, tn!.actualTotal, tn!.denominatorTotal, tn!.previousTotal]).toEqual(["bhxh-tn", 29014, 40620, 26147]);
    expect(tn!.overall).toBeCloseTo(0.71428, 5);
    expect(tn!.growth).toBeCloseTo(0.10965, 5);
    expect([yt!.indicatorKey, yt!.actualTotal, yt!.denominatorTotal, yt!.previousTotal]).toEqual(["bhyt", 726652, 798960, 721223]);
    expect(yt!.overall).toBeCloseTo(0.9095, 5);
    expect(yt!.growth).toBeCloseTo(0.00753, 5);
    // Σ of last year's old units is Σ of this year's new units' last-year figures.
    const f = mergedFigures();
    expect(f.previous.reduce((a, p) => a + p.tn, 0)).toBe(26147);
    expect(f.previous.reduce((a, p) => a + p.bhyt, 0)).toBe(721223);
  });

  it("each unit says which old units its last year was made of; the split commune goes 40% / 60%", () => {
    const units = report.results[0]!.units;
    const of = (name: string) => units.find((u) => u.unit === name)!;
    expect(of("Phường Vị Thanh").merged).toEqual({ previous: { sheet: "Cùng kỳ 2025", from: ["P. I", "P. III", "P. V", "P. VII"] } });
    expect(of("Xã Vị Thủy").merged!.previous!.from).toEqual(["TT Nàng Mau", "Xã Vị Trung", "Xã Vị Thắng", "Xã Vị Thủy"]);
    expect(of("Xã Vị Thanh 1").merged!.previous!.from).toEqual(["Xã Vị Đông", "Xã Vị Thanh", "Xã Vị Bình"]);
    expect(of("Phường Đại Thành").merged!.previous!.from).toContain("Xã Tân Thành");
    const f = mergedFigures();
    const tanThanh = f.previous[MERGED_OLD.findIndex((o) => o.name === "Xã Tân Thành")]!.tn;
    const part = (name: string) =>
      MERGED_NEW.find((n) => n.name === name)!.from.reduce((a, x) => a + f.previous[MERGED_OLD.findIndex((o) => o.name === x.old)]!.tn * (x.share ?? 1), 0);
    expect(of("Phường Đại Thành").previous).toBe(part("Phường Đại Thành"));
    expect(of("Phường Ngã Bảy").previous).toBe(part("Phường Ngã Bảy"));
    expect(Number.isInteger(tanThanh * 0.4)).toBe(true);
  });

  it("the paragraph compares with the same period of 2025 on the new units and names communes and wards by kind", () => {
    expect(report.narrative[0]).toBe(
      "Đến ngày 31/3/2026, số người tham gia bảo hiểm xã hội tự nguyện là 29.014 người, đạt 71,43% kế hoạch, tăng 10,96% so với cùng kỳ năm 2025, quy đổi theo đơn vị hành chính mới. Để hoàn thành chỉ tiêu năm 2026, từ nay đến 31/12/2026 cần phát triển thêm 11.606 người tham gia BHXH tự nguyện, bình quân 1.290 người mỗi tháng. Tuy nhiên, một số đơn vị đạt tỷ lệ còn thấp hơn so với bình quân chung. Cụ thể, tỷ lệ tham gia bảo hiểm xã hội tự nguyện của xã Vĩnh Tường mới đạt 51,39%, xã Trường Long Tây đạt 52,16%, xã Phương Bình đạt 52,19%, xã Vĩnh Viễn đạt 54,75%, xã Hòa An đạt 55,95% và 8 đơn vị khác.",
    );
    expect(report.narrative[1]).toContain("phường Đại Thành đạt 86,26%, phường Ngã Bảy đạt 86,80%");
  });

  it("the overview sheet has the note column", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "out.xlsx"));
    const g = await gridOf(wb, "Tổng hợp chỉ tiêu");
    const head = g.findIndex((r) => r.includes("Ghi chú (quy đổi đơn vị)"));
    expect(head).toBeGreaterThan(0);
    const col = g[head]!.indexOf("Ghi chú (quy đổi đơn vị)");
    const row = g.find((r) => r[1] === "Xã Hỏa Lựu")!;
    expect(row[col]).toBe("Cùng kỳ quy đổi từ: Xã Hỏa Lựu, Xã Hỏa Tiến, Xã Tân Tiến");
  });
});

describe("choosing the sample and the crosswalk on the command line", () => {
  it("demo alone is the Hậu Giang sample; --sample merged the new one; --crosswalk names or switches off", () => {
    expect(parseArgs(["demo"], DEMO_INPUT, "o.xlsx", DEMO_SAMPLES).input).toBe(DEMO_INPUT);
    expect(parseArgs(["demo", "--sample", "merged"], DEMO_INPUT, "o.xlsx", DEMO_SAMPLES).input).toBe(DEMO_SAMPLES.merged);
    expect(parseArgs(["summarize", "a.xlsx", "--out", "b.xlsx", "--crosswalk", "Quy đổi"], DEMO_INPUT, "o.xlsx").choices.crosswalk).toBe("Quy đổi");
    expect(parseArgs(["summarize", "a.xlsx", "--out", "b.xlsx", "--crosswalk", "none"], DEMO_INPUT, "o.xlsx").choices.crosswalk).toBeNull();
    expect("crosswalk" in parseArgs(["summarize", "a.xlsx", "--out", "b.xlsx"], DEMO_INPUT, "o.xlsx").choices).toBe(false);
    for (const argv of [
      ["demo", "--sample", "nowhere"],
      ["summarize", "a.xlsx", "--out", "b.xlsx", "--sample", "merged"],
      ["summarize", "a.xlsx", "--out", "b.xlsx", "--crosswalk"],
    ]) {
      let caught: unknown = null;
      try {
        parseArgs(argv, DEMO_INPUT, "o.xlsx", DEMO_SAMPLES);
      } catch (e) {
        caught = e;
      }
      expect(isChitieuError(caught) && caught.code).toBe("bad-option");
    }
  });

  it("a crosswalk named that is not in the workbook is an error naming the flag", async () => {
    const r = await runCli(["demo", "--sample", "merged", "--out", path.join(dir, "x.xlsx"), "--crosswalk", "Không có"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Không có trang tính “Không có” \(bảng quy đổi đơn vị cũ – mới\).*--crosswalk <trang tính>/);
  });

  it("--crosswalk none: last year's old units are not compared (as before the crosswalk)", async () => {
    const r = await runCli(["demo", "--sample", "merged", "--out", path.join(dir, "y.xlsx"), "--crosswalk", "none", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as JsonReport;
    expect(j.crosswalk).toBeUndefined();
    expect(j.results[0]!.growth).toBeNull();
    expect(j.messages.warnings.map((w) => w.code)).toContain("previous-dropped-merger");
  });
});
