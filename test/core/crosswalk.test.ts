/**
 * Issue 18: the crosswalk of old to new units across the July 2025 merger — read by its headers,
 * a sheet of old units summed into the new ones before anything is computed, where each figure
 * came from (JSON, overview, detection, paragraph), and every doubt a named warning at its cell.
 */
import { CellValue, SheetGrid } from "../../src/core/grid";
import { convertTable, findCrosswalkHeader, oldNamesIn, readCrosswalk } from "../../src/core/crosswalk";
import { detectTable } from "../../src/core/detect";
import { parseUnitName } from "../../src/core/units";
import { summarize } from "../../src/core/summarize";
import { toJsonReport } from "../../src/core/jsonReport";
import { describeOutput } from "../../src/core/describe";
import { writeNarrative } from "../../src/core/narrative";
import { proseName } from "../../src/core/placeNames";
import { render } from "../../src/core/messages";
import { rowsOf } from "../../src/core/sheetSpec";
import { codes, withCode } from "../helpers/messages";
import { DEFAULT_CHOICES, parseSettings, toStored } from "../../src/core/settings";

const sheet = (name: string, values: CellValue[][]): SheetGrid => ({ name, values });

const targets = sheet("Kế hoạch", [
  ["KẾ HOẠCH NĂM 2026"],
  ["STT", "Đơn vị", "BHXH tự nguyện", "BHYT"],
  [1, "Phường Vị Thanh", 1000, 20000],
  [2, "Xã Hỏa Lựu", 500, 9000],
]);
const actuals = sheet("Thực hiện", [
  ["Số liệu đến ngày 31/3/2026"],
  ["STT", "Đơn vị", "BHXH tự nguyện", "BHYT"],
  [1, "Phường Vị Thanh", 900, 18000],
  [2, "Xã Hỏa Lựu", 450, 8500],
]);
const previousRows: CellValue[][] = [
  ["Số liệu đến ngày 31/3/2025"],
  ["STT", "Đơn vị", "BHXH tự nguyện", "BHYT"],
  [1, "Phường I", 200, 6000],
  [2, "P. III", 300, 9000],
  [3, "Xã Hỏa Lựu", 100, 3000],
  [4, "X. Hỏa Tiến", 150, 2500],
  [5, "Xã Tân Tiến", 50, 2000],
];
const previous = sheet("Cùng kỳ", previousRows);
const crosswalkRows: CellValue[][] = [
  ["STT", "Xã, phường trước sắp xếp", "Xã, phường sau sắp xếp"],
  [1, "Phường I", "Phường Vị Thanh"],
  [2, "Phường III", null],
  [3, "Xã Hỏa Lựu, xã Hỏa Tiến và xã Tân Tiến", "Xã Hỏa Lựu"],
];
const crosswalk = sheet("Quy đổi", crosswalkRows);

describe("finding the crosswalk by its headers", () => {
  it.each([
    [["Đơn vị cũ", "Đơn vị mới"], { old: 0, new: 1, share: null, parent: null }],
    [["STT", "Xã, phường trước sắp xếp", "Xã, phường sau sắp xếp"], { old: 1, new: 2, share: null, parent: null }],
    [["TT", "Tên ĐVHC cũ", "Huyện cũ", "Tên ĐVHC mới", "Tỷ lệ (%)"], { old: 1, new: 3, share: 4, parent: 2 }],
    [["Xã, phường, thị trấn trước sắp xếp", "Huyện, thị xã, thành phố (cũ)", "Xã, phường sau sắp xếp", "%"], { old: 0, new: 2, share: 3, parent: 1 }],
    [["Tỉnh cũ", "Tỉnh, thành phố mới"], { old: 0, new: 1, share: null, parent: null }],
    [["Old unit", "New unit", "Share"], { old: 0, new: 1, share: 2, parent: null }],
  ])("%j", (header, want) => {
    expect(findCrosswalkHeader([["BẢNG QUY ĐỔI"], [], header as CellValue[], ["Phường I", "Phường Vị Thanh"]])).toEqual({ headerRow: 2, ...want });
  });

  it("reads a two-row header: “Trước sắp xếp” merged over its columns", () => {
    const g: CellValue[][] = [
      ["STT", "Trước sắp xếp", null, "Sau sắp xếp"],
      [null, "Tên xã", "Thuộc huyện", "Tên xã, phường"],
    ];
    expect(findCrosswalkHeader(g)).toEqual({ headerRow: 1, old: 1, new: 3, share: null, parent: 2 });
  });

  it("is not found in a sheet of figures", () => {
    expect(findCrosswalkHeader(targets.values)).toBeNull();
    expect(findCrosswalkHeader(previous.values)).toBeNull();
  });
});

describe("reading the crosswalk", () => {
  it("lists in one cell, “các xã …”, “một phần …”, and the new unit merged down", () => {
    expect(oldNamesIn("Phường I, Phường III và xã Vị Tân")).toEqual(["Phường I", "Phường III", "xã Vị Tân"]);
    expect(oldNamesIn("các xã Vị Đông, Vị Thanh, Vị Bình")).toEqual(["Xã Vị Đông", "Xã Vị Thanh", "Xã Vị Bình"]);
    expect(oldNamesIn("Một phần phường Bùi Hữu Nghĩa (*)")).toEqual(["phường Bùi Hữu Nghĩa"]);
    const cw = readCrosswalk(crosswalk)!;
    expect(cw.newUnits.map((n) => [n.name, n.from.map((i) => cw.oldUnits[i]!.name)])).toEqual([
      ["Phường Vị Thanh", ["Phường I", "Phường III"]],
      ["Xã Hỏa Lựu", ["Xã Hỏa Lựu", "xã Hỏa Tiến", "xã Tân Tiến"]],
    ]);
    expect(cw.warnings).toEqual([]);
  });

  it("shares in percent or as fractions; a split with shares adding to 100% is whole", () => {
    const cw = readCrosswalk(
      sheet("QĐ", [
        ["Đơn vị cũ", "Đơn vị mới", "Tỷ lệ (%)"],
        ["Xã Tân Thành", "Phường Ngã Bảy", 40],
        ["Xã Tân Thành", "Phường Đại Thành", "60%"],
        ["Xã Đại Thành", "Phường Đại Thành", null],
      ]),
    )!;
    expect(cw.oldUnits.map((o) => [o.name, o.into.map((x) => [cw.newUnits[x.unit]!.name, x.share])])).toEqual([
      [
        "Xã Tân Thành",
        [
          ["Phường Ngã Bảy", 0.4],
          ["Phường Đại Thành", 0.6],
        ],
      ],
      ["Xã Đại Thành", [["Phường Đại Thành", 1]]],
    ]);
    expect(cw.warnings).toEqual([]);
  });

  it("says when the shares of one old unit do not add up to 100%, and when an old unit is split without shares", () => {
    const cw = readCrosswalk(
      sheet("QĐ", [
        ["Đơn vị cũ", "Đơn vị mới", "Tỷ lệ (%)"],
        ["Xã Tân Thành", "Phường Ngã Bảy", 40],
        ["Xã Tân Thành", "Phường Đại Thành", 50],
        ["Phường Bùi Hữu Nghĩa", "Phường Cái Khế", null],
        ["Phường Bùi Hữu Nghĩa", "Phường Bình Thủy", null],
      ]),
    )!;
    expect(cw.warnings).toEqual([
      {
        code: "crosswalk-shares-not-whole",
        params: { old: "Xã Tân Thành", total: 0.9, news: ["Phường Ngã Bảy", "Phường Đại Thành"] },
        where: { sheet: "QĐ", cell: "C2" },
        setting: "crosswalk",
      },
      {
        code: "crosswalk-split-without-shares",
        params: { old: "Phường Bùi Hữu Nghĩa", news: ["Phường Cái Khế", "Phường Bình Thủy"], rows: [4, 5] },
        where: { sheet: "QĐ", cell: "A4" },
        setting: "crosswalk",
      },
    ]);
  });
});

describe("last year's old units summed into this year's new ones", () => {
  const s = summarize({ targets, actuals, base: null, previous, crosswalk });

  it("growth as by hand: Σ of the old units' figures, no warning", () => {
    expect(s.warnings).toEqual([]);
    const tn = s.results.find((r) => r.indicatorKey === "bhxh-tn")!;
    const byUnit = new Map(tn.units.map((u) => [u.unit, u]));
    expect(byUnit.get("Phường Vị Thanh")!.previous).toBe(500);
    expect(byUnit.get("Phường Vị Thanh")!.growth).toBeCloseTo(900 / 500 - 1, 12);
    expect(byUnit.get("Xã Hỏa Lựu")!.previous).toBe(300);
    expect(tn.previousTotal).toBe(800);
    expect(tn.growth).toBeCloseTo(1350 / 800 - 1, 12);
  });

  it("says where each figure came from: the summary, the JSON, the detection", () => {
    expect(s.crosswalk).toEqual({
      sheet: "Quy đổi",
      converted: [{ sheet: "Cùng kỳ", roles: ["previous"], oldUnits: 5, newUnits: 2, period: { year: 2025, month: 3, day: 31 } }],
      from: [{ previous: ["Phường I", "P. III"] }, { previous: ["Xã Hỏa Lựu", "X. Hỏa Tiến", "Xã Tân Tiến"] }],
    });
    const json = toJsonReport(s);
    const units = json.results[0]!.units;
    expect(units.find((u) => u.unit === "Phường Vị Thanh")!.merged).toEqual({ previous: { sheet: "Cùng kỳ", from: ["Phường I", "P. III"] } });
    expect(json.crosswalk).toEqual({ sheet: "Quy đổi", converted: [{ sheet: "Cùng kỳ", roles: ["previous"], oldUnits: 5, newUnits: 2 }] });
    // The existing fields are all still there, with their meaning.
    expect(units[0]).toMatchObject({ unit: expect.any(String), previous: expect.any(Number), growth: expect.any(Number) });
    expect(s.detection.find((d) => d.role === "previous")!.crosswalk).toEqual({ sheet: "Quy đổi", oldUnits: 5, newUnits: 2 });
  });

  it("the overview has a note column naming the old units", () => {
    const overview = describeOutput(s)[0]!;
    const rows = rowsOf(overview).slice(0, overview.dataStart + 2);
    const head = rows[overview.dataStart - 2]!;
    expect(head[head.length - 1]).toBe("Ghi chú (quy đổi đơn vị)");
    const vt = rows.find((r) => r[1] === "Phường Vị Thanh")!;
    expect(vt[vt.length - 1]).toBe("Cùng kỳ quy đổi từ: Phường I, P. III");
    expect(overview.columnFormats.length).toBe(overview.width);
    expect(overview.columnWidths!.length).toBe(overview.width);
  });

  it("the paragraph says the comparison is on the new units, in both languages", () => {
    const vi = writeNarrative(s)[0]!;
    expect(vi).toContain("tăng 68,75% so với cùng kỳ năm 2025, quy đổi theo đơn vị hành chính mới");
    const en = writeNarrative(s, { lang: "en" })[0]!;
    expect(en).toContain("up 68.75% on the same period of 2025, converted to the new administrative units");
  });

  it("without the crosswalk, last year's old units are dropped as before (no growth, and why)", () => {
    const without = summarize({ targets, actuals, base: null, previous });
    expect(codes(without.warnings)).toContain("previous-dropped-merger");
    expect(without.results[0]!.growth).toBeNull();
    expect(without.crosswalk).toBeUndefined();
  });

  it("a sheet already of new units is not summed again", () => {
    const same = summarize({
      targets,
      actuals,
      base: null,
      previous: sheet("Cùng kỳ", [
        ["Đơn vị", "BHXH tự nguyện"],
        ["Phường Vị Thanh", 700],
        ["Xã Hỏa Lựu", 400],
      ]),
      crosswalk,
    });
    expect(same.crosswalk!.converted).toEqual([]);
    expect(same.results[0]!.previousTotal).toBe(1100);
  });
});

describe("a plan or a base on the old units", () => {
  it("targets (the reference sheet) on the old units are summed into the new ones", () => {
    const oldTargets = sheet("Kế hoạch", [
      ["STT", "Đơn vị", "BHXH tự nguyện"],
      [1, "Phường I", 400],
      [2, "Phường III", 600],
      [3, "Xã Hỏa Lựu", 200],
      [4, "Xã Hỏa Tiến", 200],
      [5, "Xã Tân Tiến", 100],
    ]);
    const s = summarize({ targets: oldTargets, actuals, base: null, crosswalk });
    expect(s.warnings).toEqual([]);
    expect(s.results[0]!.units.map((u) => [u.unit, u.denominator, u.actual])).toEqual([
      ["Phường Vị Thanh", 1000, 900],
      ["Xã Hỏa Lựu", 500, 450],
    ]);
    expect(toJsonReport(s).results[0]!.units[0]!.merged).toEqual({ denominator: { sheet: "Kế hoạch", from: ["Phường I", "Phường III"] } });
  });

  it("province level: 63 old provinces into 34 — a population base of old provinces", () => {
    const act = sheet("Thực hiện", [
      ["Số liệu đến ngày 31/12/2025"],
      ["Tỉnh, thành phố", "Số người tham gia BHYT"],
      ["Thành phố Cần Thơ", 2900000],
      ["Tỉnh Đồng Tháp", 3500000],
    ]);
    const base = sheet("Dân số", [
      ["Tỉnh, thành phố", "Dân số"],
      ["TP. Cần Thơ", 1250000],
      ["Tỉnh Hậu Giang", 730000],
      ["Tỉnh Sóc Trăng", 1200000],
      ["Tỉnh Đồng Tháp", 1600000],
      ["Tỉnh Tiền Giang", 1800000],
    ]);
    const cw = sheet("Sắp xếp tỉnh", [
      ["Tỉnh cũ", "Tỉnh, thành phố mới"],
      ["Thành phố Cần Thơ", "Thành phố Cần Thơ"],
      ["Tỉnh Hậu Giang", null],
      ["Tỉnh Sóc Trăng", null],
      ["Tỉnh Đồng Tháp", "Tỉnh Đồng Tháp"],
      ["Tỉnh Tiền Giang", null],
    ]);
    const s = summarize({ targets: null, actuals: act, base, crosswalk: cw });
    expect(s.warnings).toEqual([]);
    expect(s.unitNames).toEqual(["Thành phố Cần Thơ", "Tỉnh Đồng Tháp"]);
    expect(s.results[0]!.units.map((u) => [u.unit, u.denominator])).toEqual(
      expect.arrayContaining([
        ["Thành phố Cần Thơ", 3180000],
        ["Tỉnh Đồng Tháp", 3400000],
      ]),
    );
    expect(toJsonReport(s).results[0]!.units.find((u) => u.unit === "Tỉnh Đồng Tháp")!.merged).toEqual({
      denominator: { sheet: "Dân số", from: ["Tỉnh Đồng Tháp", "Tỉnh Tiền Giang"] },
    });
  });
});

describe("every doubt is a named warning at its cell, never a silent sum", () => {
  const run = (prev: CellValue[][], cw: CellValue[][], act: SheetGrid = actuals) =>
    summarize({ targets, actuals: act, base: null, previous: sheet("Cùng kỳ", prev), crosswalk: sheet("Quy đổi", cw) });
  const tnOf = (s: ReturnType<typeof summarize>, unit: string) => s.results.find((r) => r.indicatorKey === "bhxh-tn")!.units.find((u) => u.unit === unit)!;

  it("an old unit missing from the crosswalk", () => {
    const s = run([...previousRows, [6, "Xã Vị Tân", 80, 900]], crosswalkRows);
    expect(withCode(s.warnings, "crosswalk-old-missing")).toEqual([
      { code: "crosswalk-old-missing", params: { unit: "Xã Vị Tân", crosswalk: "Quy đổi" }, where: { sheet: "Cùng kỳ", cell: "B8" }, setting: "crosswalk" },
    ]);
    expect(render(withCode(s.warnings, "crosswalk-old-missing")[0]!, { lang: "vi", shell: "cli" })).toMatch(
      /^'Cùng kỳ'!B8: đơn vị “Xã Vị Tân” không có trong bảng quy đổi 'Quy đổi'/,
    );
  });

  it("a new unit with no old unit: not in the crosswalk, or none of its old units in the sheet", () => {
    const s = run(previousRows.slice(0, 4), crosswalkRows.slice(0, 3));
    expect(withCode(s.warnings, "crosswalk-new-without-old")).toEqual([
      {
        code: "crosswalk-new-without-old",
        params: { unit: "Xã Hỏa Lựu", sheet: "Cùng kỳ", crosswalk: "Quy đổi", listed: false },
        where: { sheet: "Thực hiện", cell: "B4" },
        setting: "crosswalk",
      },
    ]);
    const t = run(previousRows.slice(0, 4), crosswalkRows);
    expect(withCode(t.warnings, "crosswalk-new-without-old").map((w) => [w.params.unit, w.params.listed, w.where])).toEqual([
      ["Xã Hỏa Lựu", true, { sheet: "Thực hiện", cell: "B4" }],
    ]);
    expect(tnOf(t, "Xã Hỏa Lựu").previous).toBeNull();
  });

  it("a new unit some of whose old units are missing gets no figure, rather than a part of one", () => {
    const s = run(previousRows.slice(0, 6), crosswalkRows);
    expect(withCode(s.warnings, "crosswalk-new-incomplete")).toEqual([
      {
        code: "crosswalk-new-incomplete",
        params: { unit: "Xã Hỏa Lựu", sheet: "Cùng kỳ", missing: ["xã Tân Tiến"], crosswalk: "Quy đổi" },
        where: { sheet: "Thực hiện", cell: "B4" },
        setting: "crosswalk",
      },
    ]);
    expect(tnOf(s, "Xã Hỏa Lựu").previous).toBeNull();
    expect(tnOf(s, "Phường Vị Thanh").previous).toBe(500);
  });

  it("shares not adding to 100%: the new units it feeds get no figure", () => {
    const cw: CellValue[][] = [
      ["Đơn vị cũ", "Đơn vị mới", "Tỷ lệ (%)"],
      ["Phường I", "Phường Vị Thanh", null],
      ["Phường III", "Phường Vị Thanh", 70],
      ["Phường III", "Xã Hỏa Lựu", 20],
      ["Xã Hỏa Lựu", "Xã Hỏa Lựu", null],
      ["Xã Hỏa Tiến", "Xã Hỏa Lựu", null],
      ["Xã Tân Tiến", "Xã Hỏa Lựu", null],
    ];
    const s = run(previousRows, cw);
    expect(withCode(s.warnings, "crosswalk-shares-not-whole")).toEqual([
      {
        code: "crosswalk-shares-not-whole",
        params: { old: "Phường III", total: 0.9, news: ["Phường Vị Thanh", "Xã Hỏa Lựu"] },
        where: { sheet: "Quy đổi", cell: "C3" },
        setting: "crosswalk",
      },
    ]);
    expect(tnOf(s, "Phường Vị Thanh").previous).toBeNull();
    expect(tnOf(s, "Xã Hỏa Lựu").previous).toBeNull();
  });

  it("an old unit split without shares", () => {
    const cw: CellValue[][] = [
      ["Đơn vị cũ", "Đơn vị mới"],
      ["Phường I", "Phường Vị Thanh"],
      ["Phường III", "Phường Vị Thanh"],
      ["Phường III", "Xã Hỏa Lựu"],
      ["Xã Hỏa Lựu, Xã Hỏa Tiến, Xã Tân Tiến", "Xã Hỏa Lựu"],
    ];
    const s = run(previousRows, cw);
    expect(withCode(s.warnings, "crosswalk-split-without-shares").map((w) => [w.params, w.where])).toEqual([
      [
        { old: "Phường III", news: ["Phường Vị Thanh", "Xã Hỏa Lựu"], rows: [3, 4] },
        { sheet: "Quy đổi", cell: "A3" },
      ],
    ]);
    expect(tnOf(s, "Phường Vị Thanh").previous).toBeNull();
  });

  it("an old name that matches two rows: a bare “Long Mỹ” is xã or phường; two old communes of one name are told apart by their district", () => {
    const act = sheet("Thực hiện", [
      ["Đơn vị", "BHXH tự nguyện"],
      ["Xã Xà Phiên", 900],
      ["Phường Long Mỹ", 800],
    ]);
    const tg = sheet("Kế hoạch", [
      ["Đơn vị", "BHXH tự nguyện"],
      ["Xã Xà Phiên", 1000],
      ["Phường Long Mỹ", 1000],
    ]);
    const cw = sheet("Quy đổi", [
      ["Đơn vị cũ", "Huyện cũ", "Đơn vị mới"],
      ["Xã Long Mỹ", "Huyện Long Mỹ", "Xã Xà Phiên"],
      ["Xã Xà Phiên", "Huyện Long Mỹ", null],
      ["Phường Long Mỹ", "Thị xã Long Mỹ", "Phường Long Mỹ"],
      ["Xã Long Trị", "Thị xã Long Mỹ", null],
    ]);
    const prev = sheet("Cùng kỳ", [
      ["Đơn vị", "BHXH tự nguyện"],
      ["Long Mỹ", 300],
      ["Xã Xà Phiên", 200],
      ["Phường Long Mỹ", 100],
      ["Xã Long Trị", 50],
    ]);
    const s = summarize({ targets: tg, actuals: act, base: null, previous: prev, crosswalk: cw });
    expect(withCode(s.warnings, "crosswalk-old-ambiguous")).toEqual([
      {
        code: "crosswalk-old-ambiguous",
        params: {
          unit: "Long Mỹ",
          crosswalk: "Quy đổi",
          matches: [
            { name: "Xã Long Mỹ", parent: "Huyện Long Mỹ", row: 2 },
            { name: "Phường Long Mỹ", parent: "Thị xã Long Mỹ", row: 4 },
          ],
          news: ["Xã Xà Phiên", "Phường Long Mỹ"],
        },
        where: { sheet: "Cùng kỳ", cell: "A2" },
        setting: "crosswalk",
      },
    ]);
    expect(s.results[0]!.units.every((u) => u.previous === null)).toBe(true);
    // Grouped by their old district, the same names are two units, each where it belongs.
    const grouped = sheet("Cùng kỳ", [
      ["STT", "Đơn vị", "BHXH tự nguyện"],
      ["I", "Huyện Long Mỹ", null],
      [1, "Long Mỹ", 300],
      [2, "Xã Xà Phiên", 200],
      ["II", "Thị xã Long Mỹ", null],
      [3, "Long Mỹ", 100],
      [4, "Xã Long Trị", 50],
    ]);
    const t = summarize({ targets: tg, actuals: act, base: null, previous: grouped, crosswalk: cw });
    expect(withCode(t.warnings, "crosswalk-old-ambiguous")).toEqual([]);
    expect(t.results[0]!.units.map((u) => [u.unit, u.previous])).toEqual(
      expect.arrayContaining([
        ["Xã Xà Phiên", 500],
        ["Phường Long Mỹ", 150],
      ]),
    );
  });

  it("“xã Long Mỹ” never matches “phường Long Mỹ” unless the crosswalk says so", () => {
    const act = sheet("Thực hiện", [
      ["Đơn vị", "BHXH tự nguyện"],
      ["Phường Long Mỹ", 800],
    ]);
    const tg = sheet("Kế hoạch", [
      ["Đơn vị", "BHXH tự nguyện"],
      ["Phường Long Mỹ", 1000],
    ]);
    const cw = sheet("Quy đổi", [
      ["Đơn vị cũ", "Đơn vị mới"],
      ["Phường Long Mỹ", "Phường Long Mỹ"],
      ["Xã Long Trị", null],
    ]);
    const prev = sheet("Cùng kỳ", [
      ["Đơn vị", "BHXH tự nguyện"],
      ["Xã Long Mỹ", 100],
      ["Xã Long Trị", 50],
    ]);
    const s = summarize({ targets: tg, actuals: act, base: null, previous: prev, crosswalk: cw });
    expect(withCode(s.warnings, "crosswalk-old-missing").map((w) => w.params.unit)).toEqual(["Xã Long Mỹ"]);
    expect(withCode(s.warnings, "crosswalk-new-incomplete").map((w) => w.params.missing)).toEqual([["Phường Long Mỹ"]]);
    expect(s.results[0]!.units[0]!.previous).toBeNull();
    // The crosswalk saying so: the old xã becomes the new phường.
    const says = sheet("Quy đổi", [
      ["Đơn vị cũ", "Đơn vị mới"],
      ["Xã Long Mỹ", "Phường Long Mỹ"],
      ["Xã Long Trị", null],
    ]);
    expect(summarize({ targets: tg, actuals: act, base: null, previous: prev, crosswalk: says }).results[0]!.units[0]!.previous).toBe(150);
  });

  it("old names matched as every name is: prefixes, footnote marks, NFD, tone placement", () => {
    const prev = sheet("Cùng kỳ", [
      ["Số liệu đến ngày 31/3/2025"],
      ["STT", "Đơn vị", "BHXH tự nguyện"],
      [1, "P.I (*)", 200],
      [2, "PHƯỜNG III", 300],
      [3, "Xã Hoả Lựu".normalize("NFD"), 100],
      [4, "X.Hỏa Tiến", 150],
      [5, "Tân Tiến", 50],
    ]);
    const s = summarize({ targets, actuals, base: null, previous: prev, crosswalk });
    expect(s.warnings.filter((w) => w.code.startsWith("crosswalk-"))).toEqual([]);
    expect(s.results[0]!.previousTotal).toBe(800);
  });

  it("two rows of the sheet that are one old unit: neither is summed", () => {
    const s = run([...previousRows, [6, "P.III", 1, 1]], crosswalkRows);
    expect(withCode(s.warnings, "crosswalk-old-twice")).toEqual([
      {
        code: "crosswalk-old-twice",
        params: { unit: "P.III", firstRow: 4, firstName: "P. III", news: ["Phường Vị Thanh"] },
        where: { sheet: "Cùng kỳ", cell: "B8" },
        setting: "crosswalk",
      },
    ]);
    expect(tnOf(s, "Phường Vị Thanh").previous).toBeNull();
    expect(tnOf(s, "Xã Hỏa Lựu").previous).toBe(300);
  });

  it("a crosswalk sheet without old and new columns", () => {
    const s = summarize({ targets, actuals, base: null, previous, crosswalk: sheet("Ghi chú", [["Nội dung"], ["abc"]]) });
    expect(withCode(s.warnings, "crosswalk-not-read")).toEqual([{ code: "crosswalk-not-read", params: {}, where: { sheet: "Ghi chú" }, setting: "crosswalk" }]);
  });
});

describe("convertTable alone", () => {
  it("sums every count column, leaves rates without figures, keeps the sheet's rows for messages", () => {
    const g = sheet("Cùng kỳ", [
      ["Đơn vị", "BHYT", "Tỷ lệ (%)"],
      ["Phường I", 10, "50%"],
      ["Phường III", 20, "60%"],
    ]);
    const t = detectTable(g);
    const cw = readCrosswalk(crosswalk)!;
    const ref = detectTable(actuals);
    const c = convertTable(
      t,
      t.unitRows.map((u) => parseUnitName(u.name)),
      cw,
      { table: ref, keys: ref.unitRows.map((u) => parseUnitName(u.name)) },
    );
    expect(c.table.unitRows).toEqual([{ row: 1, name: "Phường Vị Thanh", group: null }]);
    expect(c.table.columns.map((x) => x.values)).toEqual([[30], [null]]);
    expect(c.from).toEqual([["Phường I", "Phường III"]]);
    expect(codes(c.warnings)).toEqual(["crosswalk-new-without-old"]);
  });
});

describe("unit kinds in prose", () => {
  it("“Đặc khu”, “ĐK.” are a kind: đặc khu Phú Quốc; communes by their kind", () => {
    expect(proseName("ĐK. Phú Quốc", "vi")).toBe("đặc khu Phú Quốc");
    expect(proseName("Đặc khu Côn Đảo", "vi")).toBe("đặc khu Côn Đảo");
    expect(proseName("ĐK Vân Đồn", "en")).toBe("Vân Đồn special zone");
    expect(parseUnitName("ĐK. Lý Sơn")).toMatchObject({ kind: "dk" });
    expect([proseName("Xã Vị Thủy", "vi"), proseName("P. Vị Tân", "vi")]).toEqual(["xã Vị Thủy", "phường Vị Tân"]);
  });

  it("the paragraph says “tỉnh” or “thành phố” as the workbook does, and names communes, wards and special zones by kind", () => {
    const tg = sheet("Kế hoạch", [
      ["Đơn vị", "BHYT"],
      ["Xã Vị Thủy", 1000],
      ["Phường Vị Tân", 1000],
      ["ĐK. Phú Quốc", 1000],
      ["Toàn thành phố", 3000],
    ]);
    const ac = sheet("Thực hiện", [
      ["Đơn vị", "BHYT"],
      ["Xã Vị Thủy", 500],
      ["Phường Vị Tân", 900],
      ["Đặc khu Phú Quốc", 600],
      ["Toàn thành phố", 2000],
    ]);
    const p = writeNarrative(summarize({ targets: tg, actuals: ac, base: null }))[0]!;
    expect(p).toContain("bình quân chung của thành phố");
    expect(p).toContain("xã Vị Thủy mới đạt 50,00%");
    expect(p).toContain("đặc khu Phú Quốc đạt 60,00%");
    const tinh = writeNarrative(
      summarize({
        targets: sheet("KH", [["BẢO HIỂM XÃ HỘI TỈNH AN GIANG"], ["Đơn vị", "BHYT"], ["Xã Mỹ Hòa Hưng", 100], ["Phường Long Xuyên", 100]]),
        actuals: sheet("TH", [
          ["Đơn vị", "BHYT"],
          ["Xã Mỹ Hòa Hưng", 50],
          ["Phường Long Xuyên", 90],
        ]),
        base: null,
      }),
    )[0]!;
    expect(tinh).toMatch(/^Tỉnh An Giang có 140 người/);
  });
});

describe("the crosswalk as a saved choice", () => {
  it("a name, none (null), or absent to find it by its headers", () => {
    expect(parseSettings(toStored({ ...DEFAULT_CHOICES, crosswalk: "Quy đổi" }))!.crosswalk).toBe("Quy đổi");
    expect(parseSettings(toStored({ ...DEFAULT_CHOICES, crosswalk: null }))!.crosswalk).toBeNull();
    expect("crosswalk" in parseSettings(toStored(DEFAULT_CHOICES))!).toBe(false);
    expect("crosswalk" in parseSettings({ ...toStored(DEFAULT_CHOICES), crosswalk: 3 })!).toBe(false);
  });
});
