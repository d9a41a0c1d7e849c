/**
 * Integration: .xlsx workbooks built from the figures of seeds 000 (Hậu Giang, 31/10/2022) and 001
 * (TP Cần Thơ, 4 months of 2024), run through the CLI. The published rates come out to two
 * decimals as the articles print them, and seed 000's below-average districts are named.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { formatPercent } from "../../src/core/format";
import { JsonReport, JsonResult } from "../../src/core/jsonReport";
import { addReportSheet } from "../../scripts/lib/reportSheet";
import { CAN_THO, HAU_GIANG, canThoUnits, canThoWorkbook, hauGiangWorkbook } from "../../scripts/lib/seeds";
import { tempDir, writeWorkbook } from "../helpers/files";
import { resultOf, summarizeJson } from "../helpers/results";

let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = tempDir("chitieu-seeds-");
  await writeWorkbook(hauGiangWorkbook(), file("hau-giang.xlsx"));
  await writeWorkbook(canThoWorkbook(), file("can-tho.xlsx"));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The --json report of a run on `input`, written to a fresh output file. */
const json = (input: string, extra: string[] = []): Promise<JsonReport> =>
  summarizeJson(input, file(`out-${path.basename(input, ".xlsx")}-${Math.random().toString(36).slice(2)}.xlsx`), extra);

const pct = (x: number | null) => (x === null ? null : formatPercent(x, "vi"));
const belowLowestFirst = (r: JsonResult) =>
  r.units
    .filter((u) => u.belowAverage)
    .sort((a, b) => a.ratio! - b.ratio!)
    .map((u) => u.unit);

describe("seed 000 — Hậu Giang, 31/10/2022", () => {
  let j: JsonReport;
  beforeAll(async () => {
    j = await json(file("hau-giang.xlsx"));
  });

  it("finds the three sheets by their names", () => {
    expect(j.sheets).toMatchObject({ targets: "Kế hoạch", actuals: "Thực hiện", base: "Dân số" });
    expect(j.unmatched).toEqual([]);
  });

  it("voluntary social insurance: 12.853 people, 64,91% of plan", () => {
    const r = resultOf(j, "BHXH tự nguyện", "attainment");
    expect(r.units.reduce((s, u) => s + u.actual!, 0)).toBe(HAU_GIANG.published.tnCount);
    expect(pct(r.overall)).toBe("64,91%");
    expect(pct(r.overall)).toBe(HAU_GIANG.published.tnRate);
  });

  it("BHXH tự nguyện below the province rate: Vị Thủy 45,37%, Phụng Hiệp 49,34%, Long Mỹ 53,24% — the district, not the town", () => {
    const r = resultOf(j, "BHXH tự nguyện", "attainment");
    expect(belowLowestFirst(r)).toEqual(["Huyện Vị Thủy", "Huyện Phụng Hiệp", "Huyện Long Mỹ"]);
    expect(belowLowestFirst(r)).toEqual([...HAU_GIANG.published.belowTn]);
    expect(r.units.filter((u) => u.belowAverage).map((u) => pct(u.ratio))).toEqual(["53,24%", "49,34%", "45,37%"]);
    const town = r.units.find((u) => u.unit === "Thị xã Long Mỹ")!;
    expect(town.belowAverage).toBe(false);
    expect(town.actual).toBe(1420);
    const district = r.units.find((u) => u.unit === "Huyện Long Mỹ")!;
    expect(district.actual).toBe(1331);
  });

  it("BHYT coverage 85,26% of the population; Phụng Hiệp, Châu Thành, Châu Thành A below it", () => {
    const r = resultOf(j, "BHYT", "coverage");
    expect(r.units.reduce((s, u) => s + u.actual!, 0)).toBe(HAU_GIANG.published.bhytCount);
    expect(pct(r.overall)).toBe("85,26%");
    expect(belowLowestFirst(r)).toEqual(["Huyện Phụng Hiệp", "Huyện Châu Thành", "Huyện Châu Thành A"]);
    expect(belowLowestFirst(r).map((n) => pct(r.units.find((u) => u.unit === n)!.ratio))).toEqual(["75,97%", "80,66%", "82,02%"]);
    // Châu Thành and Châu Thành A keep their own figures.
    expect(r.units.find((u) => u.unit === "Huyện Châu Thành")!.actual).toBe(68561);
    expect(r.units.find((u) => u.unit === "Huyện Châu Thành A")!.actual).toBe(82020);
  });

  it("ranks: highest rate first, 1 … 8", () => {
    const r = resultOf(j, "BHXH tự nguyện", "attainment");
    expect(r.units.map((u) => u.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(r.units[0]!.unit).toBe("Thành phố Vị Thanh");
  });
});

describe("seed 001 — TP Cần Thơ, 4 months of 2024", () => {
  let j: JsonReport;
  beforeAll(async () => {
    j = await json(file("can-tho.xlsx"));
  });

  it("targets 'KH 2024' and actuals 'TH 4 tháng', no base", () => {
    expect(j.sheets).toMatchObject({ targets: "KH 2024", actuals: "TH 4 tháng", base: null });
    expect(j.unmatched).toEqual([]);
  });

  it.each([
    ["BHXH bắt buộc", 143013, "92,62%"],
    ["BHXH tự nguyện", 18590, "49,68%"],
    ["BHTN", 135876, "92,36%"],
    ["BHYT", 1065565, "90,20%"],
  ])("%s: %d people, %s of plan", (indicator, count, rate) => {
    const r = resultOf(j, indicator, "attainment");
    expect(r.units.reduce((s, u) => s + u.actual!, 0)).toBe(count);
    expect(pct(r.overall)).toBe(rate);
  });

  it("Thới Lai: 90,06% (BHXH bắt buộc), 53,55% (BHXH tự nguyện), 79,43% (BHYT)", () => {
    const thoiLai = (ind: string) => pct(resultOf(j, ind, "attainment").units.find((u) => u.unit === "Huyện Thới Lai")!.ratio);
    expect([thoiLai("BHXH bắt buộc"), thoiLai("BHXH tự nguyện"), thoiLai("BHYT")]).toEqual(["90,06%", "53,55%", "79,43%"]);
    expect([thoiLai("BHXH bắt buộc"), thoiLai("BHXH tự nguyện"), thoiLai("BHYT")]).toEqual([
      CAN_THO.published.thoiLai.bb,
      CAN_THO.published.thoiLai.tn,
      CAN_THO.published.thoiLai.bhyt,
    ]);
  });

  it("group rows (Các quận, Các huyện) and the total row are not units; their checks pass", () => {
    const r = resultOf(j, "BHYT", "attainment");
    expect(r.units).toHaveLength(9);
    expect(r.units.map((u) => u.unit)).not.toEqual(expect.arrayContaining(["Các quận", "Các huyện", "Toàn thành phố", "Tổng cộng"]));
    expect(j.warnings.filter((w) => /subtotal|total row/.test(w))).toEqual([]);
  });
});

describe("variants of the seed layouts", () => {
  it("Cần Thơ with the total at the other end, numbers as formulas, names in NFD, a notes column and a column-number row", async () => {
    const u = canThoUnits();
    const wb = new ExcelJS.Workbook();
    addReportSheet(wb, {
      name: "Chỉ tiêu",
      titles: ["THÀNH PHỐ CẦN THƠ", "CHỈ TIÊU GIAO NĂM 2024"],
      unitHeader: "Đơn vị",
      units: u.map((x) => ({ name: x.name, group: x.group === "Các quận" ? "Khối quận" : "Khối huyện" })),
      columns: [
        { header: "BHYT", values: u.map((x) => x.bhyt[0]) },
        { header: "BHXH TN", values: u.map((x) => x.tn[0]) },
        { header: "BHXH BB", values: u.map((x) => x.bb[0]) },
      ],
      total: { label: "Tổng số", position: "bottom" },
      numbers: "formula",
      subtotals: true,
      notes: true,
      columnNumbers: true,
      nfd: true,
    });
    addReportSheet(wb, {
      name: "Actual",
      titles: ["KẾT QUẢ"],
      unitHeader: "Quận, huyện",
      units: [...u].reverse().map((x) => ({
        name: x.name
          .replace(/^Quận /, "Q.")
          .replace(/^Huyện /, "H.")
          .toUpperCase(),
      })),
      groupHeader: "Số người tham gia đến 30/4/2024",
      columns: [
        { header: "Bảo hiểm xã hội bắt buộc", values: [...u].reverse().map((x) => x.bb[1]) },
        { header: "Bảo hiểm xã hội tự nguyện", values: [...u].reverse().map((x) => x.tn[1]) },
        { header: "Bảo hiểm y tế", values: [...u].reverse().map((x) => x.bhyt[1]) },
      ],
      total: { label: "Cộng", position: "top" },
    });
    const f = await writeWorkbook(wb, file("can-tho-variant.xlsx"));
    const j = await json(f);
    expect(j.sheets).toMatchObject({ targets: "Chỉ tiêu", actuals: "Actual" });
    expect(j.unmatched).toEqual([]);
    expect(pct(resultOf(j, "BHXH bắt buộc", "attainment").overall)).toBe("92,62%");
    expect(pct(resultOf(j, "BHXH tự nguyện", "attainment").overall)).toBe("49,68%");
    expect(pct(resultOf(j, "BHYT", "attainment").overall)).toBe("90,20%");
    const tl = resultOf(j, "BHYT", "attainment").units.find((x) => x.unit === "Huyện Thới Lai")!;
    expect(pct(tl.ratio)).toBe("79,43%");
  });

  it("Hậu Giang with sheets named in English and chosen on the command line", async () => {
    const u = HAU_GIANG.units;
    const wb = new ExcelJS.Workbook();
    addReportSheet(wb, { name: "Sheet1", titles: [], units: u.map((x) => ({ name: x.a })), columns: [{ header: "BHXH TN", values: u.map((x) => x.tn) }] });
    addReportSheet(wb, {
      name: "Sheet2",
      titles: [],
      units: u.map((x) => ({ name: x.t })),
      columns: [{ header: "BHXH tự nguyện", values: u.map((x) => x.tnTarget) }],
    });
    const f = await writeWorkbook(wb, file("hau-giang-sheets.xlsx"));
    const j = await json(f, ["--targets", "Sheet2", "--actuals", "Sheet1"]);
    const r = resultOf(j, "BHXH tự nguyện", "attainment");
    expect(pct(r.overall)).toBe("64,91%");
    expect(belowLowestFirst(r)).toEqual(["Huyện Vị Thủy", "Huyện Phụng Hiệp", "Huyện Long Mỹ"]);
  });
});
