/**
 * Rows that are not units and figures as offices type them, the adversarial workbooks' cases (/tmp/adv r03, r04, r08, r09, r11,
 * w18, w37, w39, w56, w61, w62, w79): district rows whose figures are not their communes' sum,
 * subtotal rows after each block, "Tổng số" as a header leaf, "Trong đó:" over rows without a
 * dash, and columns the sheet computed. The first rule: never a plausible wrong figure.
 */
import { DetectedTable, detectTable } from "../../src/core/detect";
import { CellValue, SheetGrid } from "../../src/core/grid";
import { findKindGroups } from "../../src/core/rowKinds";
import { render } from "../../src/core/messages";
import { summarize } from "../../src/core/summarize";

type Row = readonly CellValue[];

/** A sheet whose header is its first row (grid row 0); data rows start at grid row 1 (sheet row 2). */
const sheet = (rows: readonly Row[], name = "BHYT"): SheetGrid => ({ name, values: rows.map((r) => [...r]) });
const names = (t: DetectedTable) => t.unitRows.map((u) => u.name);
const reasons = (t: DetectedTable) => t.excluded.map((e) => `${e.label}: ${e.reason}`);

describe("district rows without an STT number above numbered communes, whose figures are not their sum (r03, w39, w61)", () => {
  const r03: Row[] = [
    ["STT", "Đơn vị", "Kế hoạch BHYT", "Thực hiện BHYT"],
    [null, "Huyện An Phú", 2100, 1850],
    [1, "Xã Long Hòa", 1000, 900],
    [2, "Xã Long Bình", 1000, 800],
    [null, "Huyện Bình Minh", 2050, 1620],
    [1, "Xã Tân Lộc", 1000, 700],
    [2, "Xã Tân Hòa", 1000, 900],
  ];

  it("makes each district a group row over its communes, and the area rate 3.300/4.000 = 82,5%", () => {
    const t = detectTable(sheet(r03));
    expect(names(t)).toEqual(["Xã Long Hòa", "Xã Long Bình", "Xã Tân Lộc", "Xã Tân Hòa"]);
    expect(t.unitRows.map((u) => u.group)).toEqual(["Huyện An Phú", "Huyện An Phú", "Huyện Bình Minh", "Huyện Bình Minh"]);
    expect(t.groups.map((g) => [g.row, g.label, g.unitIndices])).toEqual([
      [1, "Huyện An Phú", [0, 1]],
      [4, "Huyện Bình Minh", [2, 3]],
    ]);
    expect(reasons(t)).toEqual(["Huyện An Phú: group", "Huyện Bình Minh: group"]);
    const s = summarize({ targets: null, actuals: sheet(r03, "Bieu 01"), base: null, previous: null });
    expect(s.results).toHaveLength(1);
    expect(s.results[0]!.actualTotal).toBe(3300);
    expect(s.results[0]!.denominatorTotal).toBe(4000);
    expect(s.results[0]!.overall).toBeCloseTo(0.825, 12);
  });

  it("says, in Vietnamese and naming each cell with both numbers, that the district's figures are not its communes' sum", () => {
    const t = detectTable(sheet(r03));
    // One message per district row (no subtotal check besides), each cell with both numbers.
    expect(t.warnings).toEqual([
      {
        code: "parent-row-not-sum",
        params: {
          name: "Huyện An Phú",
          firstRow: 3,
          lastRow: 4,
          differences: [
            { cell: "C2", sheetFigure: 2100, rowsSum: 2000 },
            { cell: "D2", sheetFigure: 1850, rowsSum: 1700 },
          ],
        },
        where: { sheet: "BHYT", cell: "B2" },
      },
      {
        code: "parent-row-not-sum",
        params: {
          name: "Huyện Bình Minh",
          firstRow: 6,
          lastRow: 7,
          differences: [
            { cell: "C5", sheetFigure: 2050, rowsSum: 2000 },
            { cell: "D5", sheetFigure: 1620, rowsSum: 1600 },
          ],
        },
        where: { sheet: "BHYT", cell: "B5" },
      },
    ]);
    expect(render(t.warnings[1]!, { lang: "vi", shell: "pane" })).toMatch(
      /^'BHYT'!B5: hàng “Huyện Bình Minh” .*hàng nhóm.*ô C5 ghi 2\.050, tổng các hàng đó là 2\.000; ô D5 ghi 1\.620, tổng các hàng đó là 1\.600/,
    );
  });

  it("takes a district heading without figures over numbered communes as their group, and says nothing", () => {
    const t = detectTable(sheet([r03[0]!, [null, "Huyện An Phú", null, null], ...r03.slice(2, 4), [null, "Thị xã Bình Minh", null, null], ...r03.slice(5)]));
    expect(names(t)).toEqual(["Xã Long Hòa", "Xã Long Bình", "Xã Tân Lộc", "Xã Tân Hòa"]);
    expect(t.groups.map((g) => g.label)).toEqual(["Huyện An Phú", "Thị xã Bình Minh"]);
    expect(t.warnings).toEqual([]);
  });

  it("keeps a district row as a unit when the rows under it are not all of a lower kind, or are not numbered, or it has its own number", () => {
    // Numbered districts under it: its peers (an STT forgotten), never its communes.
    const peers = detectTable(sheet([r03[0]!, [null, "Huyện An Phú", 2100, 1850], [1, "Huyện Tân Châu", 1000, 900], [2, "Huyện Châu Phú", 1000, 800]]));
    expect(names(peers)).toEqual(["Huyện An Phú", "Huyện Tân Châu", "Huyện Châu Phú"]);
    // Bare names: their kind is not known.
    const bare = detectTable(sheet([r03[0]!, [null, "Huyện An Phú", 2100, 1850], [1, "Long Hòa", 1000, 900], [2, "Long Bình", 1000, 800]]));
    expect(names(bare)).toEqual(["Huyện An Phú", "Long Hòa", "Long Bình"]);
    // Communes without numbers: nothing says the district row is not a unit listed among them.
    const unnumbered = detectTable(sheet([r03[0]!, [null, "Huyện An Phú", 2100, 1850], [null, "Xã Long Hòa", 1000, 900], [null, "Xã Long Bình", 1000, 800]]));
    expect(names(unnumbered)).toEqual(["Huyện An Phú", "Xã Long Hòa", "Xã Long Bình"]);
    // A numbered district row above numbered communes: a unit in the same list.
    const own = detectTable(sheet([r03[0]!, [1, "Huyện An Phú", 2100, 1850], [2, "Xã Long Hòa", 1000, 900], [3, "Xã Long Bình", 1000, 800]]));
    expect(names(own)).toEqual(["Huyện An Phú", "Xã Long Hòa", "Xã Long Bình"]);
  });

  it("reads a special zone and wards under a city: đặc khu, phường and thị trấn are communes' kinds", () => {
    const t = detectTable(
      sheet([
        r03[0]!,
        [null, "Thành phố Vị Thanh", 500, 400],
        [1, "Phường I", 200, 150],
        [2, "Phường III", 250, 200],
        [null, "Huyện Kiên Hải", 90, 80],
        [1, "Đặc khu Kiên Hải", 80, 70],
      ]),
    );
    expect(names(t)).toEqual(["Phường I", "Phường III", "Đặc khu Kiên Hải"]);
    expect(t.groups.map((g) => [g.label, g.unitIndices])).toEqual([
      ["Thành phố Vị Thanh", [0, 1]],
      ["Huyện Kiên Hải", [2]],
    ]);
  });

  it("leaves a district that sums its communes to the sum rule (one warning, as before)", () => {
    const t = detectTable(sheet([r03[0]!, [null, "Huyện An Phú", 2000, 1700], ...r03.slice(2, 4), [null, "Huyện Bình Minh", 2050, 1620], ...r03.slice(5)]));
    expect(names(t)).toEqual(["Xã Long Hòa", "Xã Long Bình", "Xã Tân Lộc", "Xã Tân Hòa"]);
    expect(t.warnings.map((w) => [w.code, w.where])).toEqual([
      ["group-row-by-sums", { sheet: "BHYT", cell: "B2" }],
      ["parent-row-not-sum", { sheet: "BHYT", cell: "B5" }],
    ]);
    expect(t.warnings[0]!.params).toEqual({ name: "Huyện An Phú", firstRow: 3, lastRow: 4 });
  });

  it("findKindGroups: a row of a higher kind without a number, over numbered rows of lower kinds, within its stretch", () => {
    const levels = [2, 1, 1, 2, 1, 2, 1];
    const stt = [NaN, 1, 2, NaN, 1, NaN, 1];
    const found = findKindGroups({ section: [0, 0, 0, 0, 0, 1, 1], levelOf: (i) => levels[i]!, sttOf: (i) => stt[i]! });
    expect(found).toEqual([
      { parent: 0, first: 1, last: 2 },
      { parent: 3, first: 4, last: 4 },
      { parent: 5, first: 6, last: 6 },
    ]);
    // A row of the next stretch (after a total or group row) is never under it.
    expect(findKindGroups({ section: [0, 1, 1], levelOf: (i) => [2, 1, 1][i]!, sttOf: (i) => [NaN, 1, 2][i]! })).toEqual([]);
  });
});

describe("subtotal rows after each block (r04, w56, w62)", () => {
  const plan: Row[] = [
    ["STT", "Đơn vị", "BHXH tự nguyện"],
    [1, "Quận Ninh Kiều", 1000],
    [2, "Quận Bình Thủy", 1000],
    [null, "Cộng các quận", 2000],
    [1, "Huyện Phong Điền", 1000],
    [2, "Huyện Cờ Đỏ", 1000],
    [null, "Cộng các huyện", 2000],
  ];
  const actual: Row[] = [
    plan[0]!,
    [1, "Quận Ninh Kiều", 900],
    [2, "Quận Bình Thủy", 800],
    [null, "Cộng các quận", 1700],
    [1, "Huyện Phong Điền", 500],
    [2, "Huyện Cờ Đỏ", 400],
    [null, "Cộng các huyện", 900],
  ];

  it("excludes them as group rows over the block above them, never a unit and never a heading for the rows after them", () => {
    for (const grid of [plan, actual]) {
      const t = detectTable(sheet(grid, "Kế hoạch"));
      expect(names(t)).toEqual(["Quận Ninh Kiều", "Quận Bình Thủy", "Huyện Phong Điền", "Huyện Cờ Đỏ"]);
      expect(reasons(t)).toEqual(["Cộng các quận: group", "Cộng các huyện: group"]);
      expect(t.groups.map((g) => [g.row, g.label, g.unitIndices])).toEqual([
        [3, "Các quận", [0, 1]],
        [6, "Các huyện", [2, 3]],
      ]);
      expect(t.unitRows.map((u) => u.group)).toEqual(["Các quận", "Các quận", "Các huyện", "Các huyện"]);
      expect(t.totalRow).toBeNull();
      expect(t.warnings).toEqual([]);
    }
    const s = summarize({ targets: sheet(plan, "Kế hoạch"), actuals: sheet(actual, "Thực hiện"), base: null, previous: null });
    expect(s.results[0]!.actualTotal).toBe(2600);
    expect(s.results[0]!.denominatorTotal).toBe(4000);
    expect(s.results[0]!.overall).toBeCloseTo(0.65, 12);
    expect(s.results[0]!.units.map((u) => u.unit).sort()).toEqual(["Huyện Cờ Đỏ", "Huyện Phong Điền", "Quận Bình Thủy", "Quận Ninh Kiều"]);
  });

  it("checks each against the sum of its block, naming the cell; the grand total stays the total row", () => {
    const t = detectTable(
      sheet([
        ["STT", "Đơn vị", "BHXH tự nguyện"],
        [1, "Quận Ninh Kiều", 3170],
        [2, "Quận Bình Thủy", 3980],
        [null, "Cộng khối quận", 7150],
        [3, "Huyện Phong Điền", 2910],
        [4, "Huyện Cờ Đỏ", 1880],
        [null, "Cộng khối huyện", 4840],
        [null, "Tổng cộng", 11940],
      ]),
    );
    expect(names(t)).toEqual(["Quận Ninh Kiều", "Quận Bình Thủy", "Huyện Phong Điền", "Huyện Cờ Đỏ"]);
    expect(t.totalRow).toEqual({ row: 7, label: "Tổng cộng" });
    expect(reasons(t)).toEqual(["Cộng khối quận: group", "Cộng khối huyện: group", "Tổng cộng: total"]);
    expect(t.groups.map((g) => [g.label, g.unitIndices])).toEqual([
      ["Khối quận", [0, 1]],
      ["Khối huyện", [2, 3]],
    ]);
    // The grand total is the units' sum (7.150 + 4.790): only the block's subtotal is off.
    expect(t.totalChecks).toEqual([]);
    expect(t.warnings).toEqual([
      {
        code: "subtotal-mismatch",
        params: { group: "Khối huyện", header: "BHXH tự nguyện", subtotal: 4840, unitsSum: 4790 },
        where: { sheet: "BHYT", cell: "C7" },
      },
    ]);
  });

  it.each([
    ["Tổng các xã", "Các xã"],
    ["Cộng (I)", "Cộng (I)"],
    ["Cộng nhóm 1", "Nhóm 1"],
    ["CỘNG CÁC PHƯỜNG:", "Các phường"],
  ])("reads %j as a subtotal, never the total row", (label, group) => {
    const t = detectTable(
      sheet([
        ["STT", "Đơn vị", "Thực hiện"],
        [1, "Xã A", 10],
        [2, "Xã B", 20],
        [null, label, 30],
        [3, "Phường C", 5],
        [null, "Tổng cộng", 35],
      ]),
    );
    expect(names(t)).toEqual(["Xã A", "Xã B", "Phường C"]);
    expect(t.totalRow?.label).toBe("Tổng cộng");
    expect(t.groups.map((g) => [g.label, g.unitIndices])).toEqual([[group, [0, 1]]]);
    expect(t.unitRows.map((u) => u.group)).toEqual([group, group, null]);
    expect(t.warnings).toEqual([]);
  });

  it("reads them in a sheet with two rows per unit, each band's subtotal checked", () => {
    const t = detectTable(
      sheet([
        ["STT", "Đơn vị", "Nội dung", "BHYT"],
        [1, "Quận A", "Kế hoạch", 100],
        [1, "Quận A", "Thực hiện", 80],
        [2, "Quận B", "Kế hoạch", 200],
        [2, "Quận B", "Thực hiện", 150],
        [null, "Cộng các quận", "Kế hoạch", 300],
        [null, "Cộng các quận", "Thực hiện", 230],
        [3, "Huyện C", "Kế hoạch", 50],
        [3, "Huyện C", "Thực hiện", 40],
        [null, "Cộng các huyện", "Kế hoạch", 50],
        [null, "Cộng các huyện", "Thực hiện", 41],
      ]),
    );
    expect(names(t)).toEqual(["Quận A", "Quận B", "Huyện C"]);
    expect(t.unitRows.map((u) => u.group)).toEqual(["Các quận", "Các quận", "Các huyện"]);
    expect(t.groups.map((g) => [g.label, g.unitIndices, g.columnSubtotals])).toEqual([
      ["Các quận", [0, 1], [300, 230]],
      ["Các huyện", [2], [50, 41]],
    ]);
    expect(t.warnings).toEqual([
      {
        code: "subtotal-mismatch",
        params: { group: "Các huyện", header: "BHYT / Thực hiện", subtotal: 41, unitsSum: 40 },
        where: { sheet: "BHYT", cell: "D11" },
      },
    ]);
  });

  it("reads a line below the table without figures, worded like a subtotal, as text: the units keep no group", () => {
    const t = detectTable(
      sheet([
        ["STT", "Đơn vị", "Thực hiện"],
        [1, "Xã A", 10],
        [2, "Xã B", 20],
        [null, "Tổng cộng", 30],
        [null, "Tổng các xã đạt chuẩn nông thôn mới: 12", null],
      ]),
    );
    expect(names(t)).toEqual(["Xã A", "Xã B"]);
    expect(t.groups).toEqual([]);
    expect(t.unitRows.map((u) => u.group)).toEqual([null, null]);
  });

  it('keeps "Cộng (I+II)" and "Tổng cộng" the total row', () => {
    const t = detectTable(
      sheet([
        ["STT", "Đơn vị", "Thực hiện"],
        [1, "Xã A", 10],
        [2, "Xã B", 20],
        [null, "Cộng (I+II)", 30],
      ]),
    );
    expect(t.totalRow?.label).toBe("Cộng (I+II)");
    expect(t.groups).toEqual([]);
  });

  it("under a numbered group heading, checks the heading's units and leaves them in that group", () => {
    const t = detectTable(
      sheet([
        ["STT", "Đơn vị", "Thực hiện"],
        ["I", "Các quận", null],
        [1, "Quận Ninh Kiều", 900],
        [2, "Quận Bình Thủy", 800],
        [null, "Cộng (I)", 1750],
        ["II", "Các huyện", null],
        [3, "Huyện Phong Điền", 500],
        [null, "Cộng (II)", 500],
      ]),
    );
    expect(names(t)).toEqual(["Quận Ninh Kiều", "Quận Bình Thủy", "Huyện Phong Điền"]);
    expect(t.unitRows.map((u) => u.group)).toEqual(["Các quận", "Các quận", "Các huyện"]);
    expect(t.warnings).toEqual([
      { code: "subtotal-mismatch", params: { group: "Cộng (I)", header: "Thực hiện", subtotal: 1750, unitsSum: 1700 }, where: { sheet: "BHYT", cell: "C5" } },
    ]);
  });
});

describe('"Tổng số" and "Trong đó" as header leaves (r08, r09, w46, w65, w66, w77)', () => {
  it('reads a header over "Tổng số | Trong đó: HSSV" as header, as exceljs and Office.js give the merged cells', () => {
    for (const repeat of [true, false]) {
      const t = detectTable(
        sheet(
          [
            ["STT", "Đơn vị", "Số người tham gia BHYT", repeat ? "Số người tham gia BHYT" : null],
            [repeat ? "STT" : null, repeat ? "Đơn vị" : null, "Tổng số", "Trong đó: HSSV"],
            [1, "H. An Phú", 900, 100],
            [2, "H. Bình Minh", 800, 90],
            [3, "H. Cái Bè", 700, 80],
          ],
          "Thực hiện",
        ),
      );
      expect(t.headerRows).toEqual([0, 1]);
      expect(names(t)).toEqual(["H. An Phú", "H. Bình Minh", "H. Cái Bè"]);
      expect(t.columns.map((c) => c.parts)).toEqual([
        ["Số người tham gia BHYT", "Tổng số"],
        ["Số người tham gia BHYT", "Trong đó: HSSV"],
      ]);
      expect(t.totalRow).toBeNull();
      expect(t.warnings).toEqual([]);
    }
  });

  it('reads three header rows with "Tổng số BHXH" and "Trong đó" over figure columns (no unit "Đơn vị" twice)', () => {
    const t = detectTable(
      sheet([
        ["STT", "Đơn vị", "Kế hoạch giao", "Kế hoạch giao", "Kế hoạch giao", "Thực hiện", "Thực hiện", "Thực hiện"],
        ["STT", "Đơn vị", "Tổng số BHXH", "Trong đó", "Trong đó", "Tổng số BHXH", "Trong đó", "Trong đó"],
        ["STT", "Đơn vị", "Tổng số BHXH", "BHXH bắt buộc", "BHXH tự nguyện", "Tổng số BHXH", "BHXH bắt buộc", "BHXH tự nguyện"],
        [1, "Huyện An Phú", 3000, 2000, 1000, 2500, 1800, 700],
        [2, "Huyện Bình Minh", 2600, 1600, 1000, 2000, 1400, 600],
        [3, "Huyện Cái Bè", 2200, 1200, 1000, 1500, 1000, 500],
      ]),
    );
    expect(t.headerRows).toEqual([0, 1, 2]);
    expect(names(t)).toEqual(["Huyện An Phú", "Huyện Bình Minh", "Huyện Cái Bè"]);
    expect(t.columns.map((c) => c.leaf)).toEqual(["Tổng số BHXH", "BHXH bắt buộc", "BHXH tự nguyện", "Tổng số BHXH", "BHXH bắt buộc", "BHXH tự nguyện"]);
    expect(t.warnings).toEqual([]);
  });

  it("still reads a total row right under the header by its label in the unit column, though its figures are dashes", () => {
    const t = detectTable(
      sheet([
        ["STT", "Đơn vị", "Thực hiện"],
        [null, "Tổng cộng", "-"],
        [1, "Xã A", "-"],
        [2, "Xã B", 5],
      ]),
    );
    expect(t.headerRows).toEqual([0]);
    expect(t.totalRow).toEqual({ row: 1, label: "Tổng cộng" });
    expect(names(t)).toEqual(["Xã A", "Xã B"]);
    // No column named as the units': the first column's label still says so.
    const plain = detectTable(
      sheet([
        ["Nội dung", "Kế hoạch", "Thực hiện"],
        ["Tổng cộng", "-", "-"],
        ["Xã A", 10, "-"],
        ["Xã B", 20, 5],
      ]),
    );
    expect(plain.headerRows).toEqual([0]);
    expect(plain.totalRow).toEqual({ row: 1, label: "Tổng cộng" });
  });
});

describe('"Trong đó:" followed by rows without a dash (r11, w37, w79)', () => {
  const r11: Row[] = [
    ["STT", "Đơn vị", "Kế hoạch BHXH bắt buộc", "Thực hiện BHXH bắt buộc", "Tỷ lệ (%)"],
    [null, "Tổng cộng", 4800, 2400, 50],
    [null, "Trong đó:", null, null, null],
    [null, "Khu vực thành thị", 3000, 1500, 50],
    [null, "Khu vực nông thôn", 1800, 900, 50],
    [1, "Huyện An Phú", 2000, 900, 45],
    [2, "Huyện Bình Minh", 1600, 800, 50],
    [3, "Huyện Cái Bè", 1200, 700, 58.33],
  ];

  it("reads the breakdown rows as breakdown, never as a group; their sum is the row above, so nothing is in doubt", () => {
    const t = detectTable(sheet(r11, "Sheet1"));
    expect(names(t)).toEqual(["Huyện An Phú", "Huyện Bình Minh", "Huyện Cái Bè"]);
    expect(t.groups).toEqual([]);
    expect(t.unitRows.map((u) => u.group)).toEqual([null, null, null]);
    expect(reasons(t)).toEqual(["Tổng cộng: total", "Trong đó:: breakdown", "Khu vực thành thị: breakdown", "Khu vực nông thôn: breakdown"]);
    expect(t.warnings).toEqual([]);
    expect(t.totalChecks).toEqual([]);
  });

  it('reads "a) Khối doanh nghiệp", "b) Khối hành chính sự nghiệp" under a unit as its breakdown', () => {
    const t = detectTable(
      sheet([
        ["STT", "Đơn vị", "Kế hoạch", "Thực hiện"],
        [1, "Quận Ninh Kiều", 36560, 28870],
        [null, "Trong đó:", null, null],
        ["a)", "Khối doanh nghiệp", 14624, 11548],
        ["b)", "Khối hành chính sự nghiệp", 21936, 17322],
        [2, "Quận Bình Thủy", 8960, 7580],
        [3, "Quận Cái Răng", 19530, 14744],
      ]),
    );
    expect(names(t)).toEqual(["Quận Ninh Kiều", "Quận Bình Thủy", "Quận Cái Răng"]);
    expect(t.groups).toEqual([]);
    expect(t.warnings).toEqual([]);
  });

  it('says so when the rows do not add up to the row above (a part only), and still makes no group of "Khu vực …"', () => {
    const t = detectTable(sheet([r11[0]!, r11[1]!, r11[2]!, [null, "Khu vực thành thị", 3000, 1500, 50], ...r11.slice(5)], "Sheet1"));
    expect(names(t)).toEqual(["Huyện An Phú", "Huyện Bình Minh", "Huyện Cái Bè"]);
    expect(t.groups).toEqual([]);
    expect(t.warnings).toEqual([{ code: "of-which-row-left-out", params: { label: "Khu vực thành thị", stt: true }, where: { sheet: "Sheet1", cell: "B4" } }]);
  });

  it("without an STT column, a unit after a block that adds up is read without doubt", () => {
    const t = detectTable(
      sheet([
        ["Đơn vị", "Thực hiện"],
        ["Vị Thanh", 300],
        ["Trong đó:", null],
        ["Thành thị", 100],
        ["Nông thôn", 200],
        ["Long Mỹ", 90],
      ]),
    );
    expect(names(t)).toEqual(["Vị Thanh", "Long Mỹ"]);
    expect(t.warnings).toEqual([]);
  });

  it('keeps "Khu vực I" a group heading outside a "Trong đó:" block', () => {
    const t = detectTable(
      sheet([
        ["STT", "Đơn vị", "Thực hiện"],
        [null, "Khu vực I", null],
        [1, "Xã A", 10],
        [2, "Xã B", 20],
      ]),
    );
    expect(t.groups.map((g) => [g.label, g.unitIndices])).toEqual([["Khu vực I", [0, 1]]]);
  });
});

describe("columns the sheet computed get no figure warnings and no total checks (w18)", () => {
  const w18: Row[] = [
    [
      "STT",
      "Đơn vị",
      "Số người tham gia BHXH tự nguyện",
      "Số người tham gia BHXH tự nguyện",
      "Số người tham gia BHXH tự nguyện",
      "Số người tham gia BHXH tự nguyện",
      "Số người tham gia BHXH tự nguyện",
    ],
    ["STT", "Đơn vị", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Còn phải thực hiện", "Xếp hạng"],
    ["Toàn tỉnh", "Toàn tỉnh", 7318, 7414, 101.31, 3320, null],
    [1, "Thành phố Vị Thanh", 1536, 1497, 97.46, 39, 3],
    [2, "Thành phố Ngã Bảy", 3018, 3016, 99.93, 2, 2],
    [3, "Thị xã Long Mỹ", 2764, 2901, 104.96, -137, 1],
  ];

  it('reads "Còn phải thực hiện" with its negative figures, and warns about none of it', () => {
    const t = detectTable(sheet(w18, "Sheet1"));
    expect(names(t)).toEqual(["Thành phố Vị Thanh", "Thành phố Ngã Bảy", "Thị xã Long Mỹ"]);
    const left = t.columns.find((c) => c.leaf === "Còn phải thực hiện")!;
    expect(left.values).toEqual([39, 2, -137]);
    expect(t.warnings).toEqual([]);
    expect(t.totalChecks).toEqual([]);
  });

  it('reads a column-number row\'s "3=2-1" as computed: blanks, text and fractions there are not warned about', () => {
    const t = detectTable(
      sheet([
        ["STT", "Đơn vị", "Kế hoạch", "Thực hiện", "Số người"],
        ["A", "B", "1", "2", "3=1-2"],
        [1, "Xã A", 100, 90, 10.5],
        [2, "Xã B", 100, 120, "x x"],
        [3, "Xã C", 100, 80, null],
        [null, "Tổng cộng", 300, 290, 7],
      ]),
    );
    expect(t.columns.map((c) => c.values)).toEqual([
      [100, 100, 100],
      [90, 120, 80],
      [10.5, null, null],
    ]);
    expect(t.warnings).toEqual([]);
    expect(t.totalChecks).toEqual([]);
  });

  it("still warns about a negative count in a column that is an input", () => {
    const t = detectTable(
      sheet([
        ["STT", "Đơn vị", "Thực hiện"],
        [1, "Xã A", -5],
        [2, "Xã B", 20],
        [3, "Xã C", 30],
      ]),
    );
    expect(t.warnings).toEqual([{ code: "negative-figure", params: { value: -5, header: "Thực hiện", unit: "Xã A" }, where: { sheet: "BHYT", cell: "C2" } }]);
  });
});

describe("a total worded as a subtotal", () => {
  it("'Cộng các xã, phường' under every unit, with no other total or group, is the total row", () => {
    const t = detectTable({
      name: "TH",
      values: [
        ["STT", "Đơn vị", "BHYT"],
        [1, "Xã A", 100],
        [2, "Phường B", 200],
        [null, "Cộng các xã, phường", 300],
      ],
    });
    expect(t.totalRow).toEqual({ row: 3, label: "Cộng các xã, phường" });
    expect(t.groups).toEqual([]);
    expect(t.unitRows.map((u) => u.group)).toEqual([null, null]);
    expect(t.excluded).toEqual([{ row: 3, label: "Cộng các xã, phường", reason: "total" }]);
  });
});

describe("a sum by chance that the sheet's own total contradicts", () => {
  it("a district row whose figure its next rows happen to sum stays a unit when the total counts it", () => {
    const t = detectTable({
      name: "TH",
      values: [
        ["Đơn vị", "BHYT"],
        ["Huyện Ô Xuân Châu", 2],
        ["Xã Ô Lợi Thạnh", 0],
        ["Phường Răng Châu Ninh", 2],
        ["Huyện Vị Thuỷ", 1],
        ["TỔNG CỘNG", 5],
      ],
    });
    expect(t.unitRows.map((u) => u.name)).toEqual(["Huyện Ô Xuân Châu", "Xã Ô Lợi Thạnh", "Phường Răng Châu Ninh", "Huyện Vị Thuỷ"]);
    expect(t.groups).toEqual([]);
  });
});
