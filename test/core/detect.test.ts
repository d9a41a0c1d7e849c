import { detectTable, isTotalLabel } from "../../src/core/detect";
import { SheetGrid } from "../../src/core/grid";
import { render } from "../../src/core/messages";
import { chitieuErrorOf } from "../helpers/errors";
import { codes, withCode } from "../helpers/messages";
import { Layout, MergedAs, buildGrid, copyGrid, deepFreeze } from "../helpers/grids";

const UNITS = [{ name: "Thành phố Vị Thanh" }, { name: "Huyện Vị Thủy" }, { name: "Huyện Long Mỹ" }, { name: "Thị xã Long Mỹ" }];
const TN = { header: "BHXH tự nguyện", values: [2600, 2096, 2500, 1900] };
const YT = { header: "BHYT", values: [70000, 67531, 82000, 50500] };
const TITLES = [
  "BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG",
  "KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2022",
  "Số liệu đến ngày 31/10/2022",
  "(Kèm theo Quyết định số 123/QĐ-BHXH ngày 15/01/2022)",
];

function sheet(layout: Layout, name = "Thực hiện"): { s: SheetGrid; b: ReturnType<typeof buildGrid> } {
  const b = buildGrid(layout);
  return { s: { name, values: b.grid }, b };
}

function expectUnits(t: ReturnType<typeof detectTable>, names: readonly string[], rows?: readonly number[]) {
  expect(t.unitRows.map((u) => u.name)).toEqual(names);
  if (rows) expect(t.unitRows.map((u) => u.row)).toEqual(rows);
}

describe.each<MergedAs>(["blank", "repeat"])("detectTable — merged cells given %s", (merged) => {
  it("skips title rows and reads a one-row header", () => {
    const { s, b } = sheet({ merged, titles: TITLES, units: UNITS, columns: [TN, YT] });
    const t = detectTable(s);
    expect(t.headerRows).toEqual(b.headerRows);
    expect(t.unitColumn).toBe(1);
    expect(t.sttColumn).toBe(0);
    expectUnits(
      t,
      UNITS.map((u) => u.name),
      b.unitRows,
    );
    expect(t.columns.map((c) => c.header)).toEqual(["BHXH tự nguyện", "BHYT"]);
    expect(t.columns.map((c) => c.values)).toEqual([TN.values, YT.values]);
    expect(t.warnings).toEqual([]);
  });

  it("reads a two-row header under a merged group header, the group header first", () => {
    const { s, b } = sheet({ merged, titles: TITLES, groupHeader: "Chỉ tiêu giao năm 2022", units: UNITS, columns: [TN, YT] });
    const t = detectTable(s);
    expect(t.headerRows).toEqual(b.headerRows);
    expect(t.headerRows).toHaveLength(2);
    expect(t.columns.map((c) => c.header)).toEqual(["Chỉ tiêu giao năm 2022 / BHXH tự nguyện", "Chỉ tiêu giao năm 2022 / BHYT"]);
    expect(t.columns.map((c) => c.leaf)).toEqual(["BHXH tự nguyện", "BHYT"]);
    expect(t.columns[1]!.parts).toEqual(["Chỉ tiêu giao năm 2022", "BHYT"]);
    // STT and unit headers merged down two rows stay one part.
    expect(t.unitHeader).toBe("Đơn vị");
    expectUnits(
      t,
      UNITS.map((u) => u.name),
      b.unitRows,
    );
  });

  it.each(["paren", "letters"] as const)("skips a column-number row (%s)", (kind) => {
    const cols = [TN, YT, { header: "Tỷ lệ (%)", values: [0.5, 0.6, 0.7, 0.8] }];
    const { s, b } = sheet({ merged, titles: TITLES, groupHeader: "Kết quả", columnNumbers: kind, units: UNITS, columns: cols });
    const t = detectTable(s);
    expect(t.columnNumberRow).toBe(b.columnNumberRow);
    expectUnits(
      t,
      UNITS.map((u) => u.name),
      b.unitRows,
    );
    expect(t.columns.map((c) => c.role)).toEqual(["number", "number", "rate"]);
  });

  it.each([
    ["Toàn tỉnh", "bottom"],
    ["Toàn tỉnh", "top"],
    ["Toàn thành phố", "top"],
    ["Tổng cộng", "bottom"],
    ["TỔNG CỘNG", "top"],
    ["Tổng số", "bottom"],
    ["Cộng", "bottom"],
  ] as const)("leaves out the total row %j at the %s and checks it", (label, position) => {
    const { s, b } = sheet({ merged, titles: TITLES, units: UNITS, columns: [TN, YT], total: { label, position } });
    const t = detectTable(s);
    expect(t.totalRow).toEqual({ row: b.totalRow, label });
    expect(t.excluded).toContainEqual({ row: b.totalRow, label, reason: "total" });
    expectUnits(
      t,
      UNITS.map((u) => u.name),
      b.unitRows,
    );
    expect(t.columns[0]!.totalValue).toBe(9096);
    expect(t.warnings).toEqual([]);
  });

  it("warns, naming the cell, when the total row does not match the units", () => {
    const { s, b } = sheet({ merged, units: UNITS, columns: [TN, YT], total: { label: "Toàn tỉnh", position: "bottom", values: [9000, null] } });
    const t = detectTable({ ...s, name: "Kế hoạch" });
    expect(codes(t.warnings)).toEqual(["total-row-mismatch"]);
    expect(t.warnings[0]).toEqual({
      code: "total-row-mismatch",
      params: { label: "Toàn tỉnh", header: "BHXH tự nguyện", sheetTotal: 9000, unitsSum: 9096 },
      where: { sheet: "Kế hoạch", cell: `C${b.totalRow! + 1}` },
    });
    // Both figures, in the planner's format, and the cell.
    expect(render(t.warnings[0]!, { lang: "vi", shell: "pane" })).toBe(
      `'Kế hoạch'!C${b.totalRow! + 1}: hàng tổng “Toàn tỉnh” ghi 9.000 ở cột “BHXH tự nguyện”, nhưng cộng các đơn vị được 9.096. Hãy kiểm tra hàng tổng hoặc các hàng đơn vị.`,
    );
  });

  it("reads group rows (I, II) with subtotals as groups, not units", () => {
    const units = [
      { name: "Quận Ninh Kiều", group: "Các quận" },
      { name: "Quận Bình Thủy", group: "Các quận" },
      { name: "Huyện Phong Điền", group: "Khối huyện" },
      { name: "Huyện Thới Lai", group: "Khối huyện" },
    ];
    const { s, b } = sheet({
      merged,
      titles: TITLES,
      groupHeader: "Kế hoạch",
      columnNumbers: "paren",
      units,
      columns: [TN, YT],
      subtotals: true,
      total: { label: "Toàn thành phố", position: "top" },
    });
    const t = detectTable(s);
    expectUnits(
      t,
      units.map((u) => u.name),
      b.unitRows,
    );
    expect(t.unitRows.map((u) => u.group)).toEqual(["Các quận", "Các quận", "Khối huyện", "Khối huyện"]);
    expect(t.groups.map((g) => [g.row, g.label, g.unitIndices])).toEqual([
      [b.groupRows[0], "Các quận", [0, 1]],
      [b.groupRows[1], "Khối huyện", [2, 3]],
    ]);
    expect(t.groups[0]!.subtotals.get(b.figureCols[0]!)).toBe(2600 + 2096);
    expect(t.excluded.filter((e) => e.reason === "group").map((e) => e.row)).toEqual(b.groupRows);
    expect(t.warnings).toEqual([]);
  });

  it("reads group rows lettered A., B. with their group word as groups", () => {
    const grid = [
      ["STT", "Đơn vị", "BHYT"],
      ["", "A. KHỐI QUẬN", 30],
      [1, "Quận Ninh Kiều", 10],
      [2, "Quận Cái Răng", 20],
      ["", "B. Khối huyện", 5],
      [3, "Huyện Phong Điền", 5],
    ];
    const t = detectTable({ name: "KH", values: grid });
    expect(t.unitRows.map((u) => u.name)).toEqual(["Quận Ninh Kiều", "Quận Cái Răng", "Huyện Phong Điền"]);
    expect(t.groups.map((g) => g.label)).toEqual(["A. KHỐI QUẬN", "B. Khối huyện"]);
    expect(t.warnings).toEqual([]);
  });

  it("warns when a group's subtotal does not match its units", () => {
    const units = [
      { name: "Quận Ninh Kiều", group: "Các quận" },
      { name: "Quận Bình Thủy", group: "Các quận" },
      { name: "Huyện Phong Điền", group: "Các huyện" },
      { name: "Huyện Thới Lai", group: "Các huyện" },
    ];
    const { s, b } = sheet({ merged, units, columns: [TN], subtotals: [[4000], [4400]] });
    const t = detectTable(s);
    expect(codes(t.warnings)).toEqual(["subtotal-mismatch"]);
    expect(t.warnings[0]).toEqual({
      code: "subtotal-mismatch",
      params: { group: "Các quận", header: "BHXH tự nguyện", subtotal: 4000, unitsSum: 4696 },
      where: { sheet: "Thực hiện", cell: `C${b.groupRows[0]! + 1}` },
    });
  });

  it("finds the notes column and leaves it out of the figures; footers are not units", () => {
    const { s, b } = sheet({
      merged,
      titles: TITLES,
      units: UNITS,
      columns: [TN, YT],
      notes: true,
      total: { label: "Tổng cộng", position: "bottom" },
      footers: ["Người lập biểu", "Hậu Giang, ngày 31 tháng 10 năm 2022"],
    });
    const t = detectTable(s);
    expect(t.notesColumn).toBe(b.notesCol);
    expect(t.columns.map((c) => c.col)).toEqual(b.figureCols);
    expect(t.textColumns.map((c) => c.col)).not.toContain(b.notesCol);
    expectUnits(
      t,
      UNITS.map((u) => u.name),
      b.unitRows,
    );
  });

  it("ignores columns far to the right of the header", () => {
    const { s } = sheet({ merged, units: UNITS, columns: [TN], farRight: true });
    const t = detectTable(s);
    expect(t.columns.map((c) => c.header)).toEqual(["BHXH tự nguyện"]);
  });

  it("reads a table with no STT column", () => {
    const { s, b } = sheet({ merged, stt: false, unitHeader: "Huyện, thị xã, thành phố", units: UNITS, columns: [TN, YT] });
    const t = detectTable(s);
    expect(t.sttColumn).toBeNull();
    expect(t.unitColumn).toBe(0);
    expectUnits(
      t,
      UNITS.map((u) => u.name),
      b.unitRows,
    );
  });
});

describe("detectTable — values", () => {
  it("reads Vietnamese number text and decomposed names", () => {
    const { s } = sheet({ viText: true, nfd: true, units: UNITS, columns: [YT], total: { label: "Tổng cộng", position: "top" } });
    const t = detectTable(s);
    expect(t.columns[0]!.values).toEqual(YT.values);
    expect(t.unitRows[1]!.name).toBe("Huyện Vị Thủy"); // NFC
    expect(t.warnings).toEqual([]);
  });

  it("gives missing values for blanks, errors and text, each with a warning naming the cell, and 0 for '-'", () => {
    const col = { header: "BHYT", values: [70000, null, "-", "#N/A"] as (number | string | null)[] };
    const extra = { header: "BHXH tự nguyện", values: [1, 2, "chưa có", 4] as (number | string | null)[] };
    const { s, b } = sheet({ units: UNITS, columns: [col, extra] });
    const t = detectTable(s);
    expect(t.columns[0]!.values).toEqual([70000, null, 0, null]);
    expect(t.dashZeros).toEqual({ count: 1, cells: [`'Thực hiện'!C${b.unitRows[2]! + 1}`] });
    expect(t.columns[1]!.values).toEqual([1, 2, null, 4]);
    // "-" says it is nil: no warning for it.
    expect(t.warnings.map((w) => [w.code, w.where])).toEqual([
      ["blank-cell", { sheet: "Thực hiện", cell: `C${b.unitRows[1]! + 1}` }],
      ["excel-error", { sheet: "Thực hiện", cell: `C${b.unitRows[3]! + 1}` }],
      ["text-in-number-column", { sheet: "Thực hiện", cell: `D${b.unitRows[2]! + 1}` }],
    ]);
    expect(withCode(t.warnings, "blank-cell")[0]!.params).toEqual({ header: "BHYT", unit: "Huyện Vị Thủy" });
    expect(withCode(t.warnings, "excel-error")[0]!.params).toEqual({ error: "#N/A", header: "BHYT", unit: "Thị xã Long Mỹ" });
    expect(withCode(t.warnings, "text-in-number-column")[0]!.params).toEqual({ text: "chưa có", header: "BHXH tự nguyện", unit: "Huyện Long Mỹ" });
  });

  it("notes numbers written in the English format, naming the cell", () => {
    const col = { header: "BHYT", values: ["1,065,565", 2, 3, 4] as (number | string | null)[] };
    const { s, b } = sheet({ units: UNITS, columns: [col] });
    const t = detectTable(s);
    expect(t.columns[0]!.values[0]).toBe(1065565);
    expect(t.warnings).toEqual([
      {
        code: "other-locale-number",
        params: { written: "1,065,565", value: 1065565, percent: false, sheetLocale: "vi" },
        where: { sheet: "Thực hiện", cell: `C${b.unitRows[0]! + 1}` },
        setting: "locale",
      },
    ]);
    expect(render(t.warnings[0]!, { lang: "vi", shell: "cli" })).toContain("đã đọc là 1.065.565");
  });

  it("names the real cell when the grid starts inside the sheet (origin)", () => {
    const col = { header: "BHYT", values: [1, "#DIV/0!", 3, 4] as (number | string | null)[] };
    const b = buildGrid({ units: UNITS, columns: [col] });
    const t = detectTable({ name: "TH", values: b.grid, origin: { row: 4, col: 2 } });
    expect(withCode(t.warnings, "excel-error")[0]!.where).toEqual({ sheet: "TH", cell: `E${b.unitRows[1]! + 5}` });
  });

  it("marks columns with rate headers as rates", () => {
    const { s } = sheet({ units: UNITS, columns: [TN, { header: "Tỷ lệ đạt (%)", values: [1, 2, 3, 4] }, { header: "So với cùng kỳ", values: [1, 2, 3, 4] }] });
    expect(detectTable(s).columns.map((c) => c.role)).toEqual(["number", "rate", "rate"]);
  });

  it("a group header 'Kết quả đạt được' over counts does not make them rates; 'Tỷ lệ (%)' over columns does", () => {
    const counts = [
      ["STT", "Đơn vị", "Kết quả đạt được đến 31/10/2022", ""],
      ["", "", "BHXH TN", "BHYT"],
      [1, "Huyện A", 10, 20],
      [2, "Huyện B", 5, 6],
    ];
    expect(detectTable({ name: "TH", values: counts }).columns.map((c) => c.role)).toEqual(["number", "number"]);
    const rates = [
      ["STT", "Đơn vị", "Tỷ lệ bao phủ (%)", ""],
      ["", "", "BHXH TN", "BHYT"],
      [1, "Huyện A", 0.1, 0.9],
      [2, "Huyện B", 0.05, 0.6],
    ];
    expect(detectTable({ name: "TH", values: rates }).columns.map((c) => c.role)).toEqual(["rate", "rate"]);
  });

  it("a column of codes ('Mã đơn vị') is not a column of figures", () => {
    const grid = [
      ["STT", "Mã đơn vị", "Tên đơn vị", "BHYT"],
      [1, "931", "Thành phố Vị Thanh", 10],
      [2, 932, "Thành phố Ngã Bảy", 20],
    ];
    const t = detectTable({ name: "TH", values: grid });
    expect(t.unitColumn).toBe(2);
    expect(t.columns.map((c) => c.header)).toEqual(["BHYT"]);
    expect(t.textColumns).toEqual([{ col: 1, header: "Mã đơn vị", values: ["931", "932"] }]);
  });

  it("keeps other text columns by header (category, parent unit)", () => {
    const b = buildGrid({ units: UNITS, columns: [TN] });
    // Insert a category column after the unit column.
    const grid = b.grid.map((r, i) => {
      const row = [...r];
      const u = b.unitRows.indexOf(i);
      row.splice(2, 0, i === b.headerRows[0] ? "Loại xã" : u >= 0 ? (u % 2 ? "Nông thôn mới" : "Nông thôn mới nâng cao") : "");
      return row;
    });
    const t = detectTable({ name: "KH", values: grid });
    expect(t.textColumns.map((c) => c.header)).toEqual(["Loại xã"]);
    expect(t.textColumns[0]!.values).toEqual(["Nông thôn mới nâng cao", "Nông thôn mới", "Nông thôn mới nâng cao", "Nông thôn mới"]);
    expect(t.columns.map((c) => c.header)).toEqual(["BHXH tự nguyện"]);
  });

  it("never changes the grid it is given", () => {
    const { s } = sheet({
      titles: TITLES,
      groupHeader: "Kế hoạch",
      columnNumbers: "letters",
      units: UNITS.map((u, i) => ({ ...u, group: i < 2 ? "Các thành phố" : "Các huyện" })),
      columns: [TN, YT],
      subtotals: true,
      total: { label: "Toàn tỉnh", position: "bottom" },
      notes: true,
    });
    const before = copyGrid(s.values);
    deepFreeze(s.values);
    detectTable(s);
    expect(s.values).toEqual(before);
  });
});

describe("detectTable — layouts seen in the wild", () => {
  it("does not read a merged title naming the province as the header", () => {
    const { s, b } = sheet({ merged: "repeat", titles: ["TỈNH HẬU GIANG"], units: UNITS, columns: [TN] });
    const t = detectTable(s);
    expect(t.headerRows).toEqual(b.headerRows);
    expectUnits(
      t,
      UNITS.map((u) => u.name),
    );
  });

  it("does not read a title naming the district as the header (a commune report)", () => {
    const communes = [{ name: "Thị trấn Cái Tắc" }, { name: "Xã Tân Phú Thạnh" }, { name: "X. Thạnh Xuân" }, { name: "TT. Bảy Ngàn" }];
    const { s, b } = sheet({ merged: "repeat", titles: ["HUYỆN CHÂU THÀNH A"], unitHeader: "Xã, thị trấn", units: communes, columns: [TN] });
    const t = detectTable(s);
    expect(t.headerRows).toEqual(b.headerRows);
    expectUnits(
      t,
      communes.map((u) => u.name),
    );
  });

  it("does not read a title row holding 'Đơn vị tính: người' as the header", () => {
    const b = buildGrid({ titles: ["KẾT QUẢ THỰC HIỆN"], units: UNITS, columns: [TN, YT] });
    const grid = b.grid.map((r) => [...r]);
    grid.splice(1, 0, ["Biểu số 01/BHXH", "", "", "Đơn vị tính: người"]);
    const t = detectTable({ name: "TH", values: grid });
    expect(t.headerRows).toEqual([b.headerRows[0]! + 1]);
    expect(t.unitRows.map((u) => u.name)).toEqual(UNITS.map((u) => u.name));
    grid.splice(1, 0, ["Đơn vị báo cáo: BHXH tỉnh Hậu Giang", "", "Biểu 02"], ["Đơn vị: BHXH huyện", "", "Kỳ: tháng 10"]);
    const t2 = detectTable({ name: "TH", values: grid });
    expect(t2.headerRows).toEqual([b.headerRows[0]! + 3]);
  });

  it("reads communes abbreviated 'X.' as units, not as group X", () => {
    const communes = [{ name: "X. Tân Hòa" }, { name: "X. Tân Bình" }, { name: "TT. Một Ngàn" }];
    const { s } = sheet({ units: communes, columns: [{ header: "BHYT", values: [1, 2, 3] }] });
    const t = detectTable(s);
    expectUnits(
      t,
      communes.map((u) => u.name),
    );
    expect(t.groups).toEqual([]);
  });

  it("reads a column-number row written (3)=(2)/(1)", () => {
    const b = buildGrid({ units: UNITS, columns: [TN, YT, { header: "Tỷ lệ", values: [1, 2, 3, 4] }] });
    const grid = b.grid.map((r) => [...r]);
    grid.splice(b.headerRows[0]! + 1, 0, ["(A)", "(B)", "(1)", "(2)", "(3)=(2)/(1)"]);
    const t = detectTable({ name: "TH", values: grid });
    expect(t.columnNumberRow).toBe(b.headerRows[0]! + 1);
    expect(t.unitRows).toHaveLength(4);
  });

  it("does not take a first unit row such as 'An | 1' for a column-number row", () => {
    const grid = [
      ["Đơn vị", "BHYT"],
      ["An", 1],
      ["Phú Hữu", 3],
    ];
    const t = detectTable({ name: "TH", values: grid });
    expect(t.columnNumberRow).toBeNull();
    expect(t.unitRows.map((u) => u.name)).toEqual(["An", "Phú Hữu"]);
  });

  it("reads a column-number row typed as numbers", () => {
    const b = buildGrid({ units: UNITS, columns: [TN, YT] });
    const grid = b.grid.map((r) => [...r]);
    grid.splice(b.headerRows[0]! + 1, 0, [1, 2, 3, 4]);
    const t = detectTable({ name: "TH", values: grid });
    expect(t.columnNumberRow).toBe(b.headerRows[0]! + 1);
    expect(t.unitRows.map((u) => u.name)).toEqual(UNITS.map((u) => u.name));
  });

  it("reads a group header over some columns next to columns merged down two rows", () => {
    // Office.js: A1 STT, B1 Đơn vị, C1 Dân số (merged C1:C2), D1 Kế hoạch (merged D1:E1).
    const grid = [
      ["STT", "Đơn vị", "Dân số", "Kế hoạch năm 2022", ""],
      ["", "", "", "BHXH TN", "BHYT"],
      [1, "Huyện Vị Thủy", 72460, 2096, 60000],
      [2, "Huyện Long Mỹ", 90000, 2500, 80000],
    ];
    const t = detectTable({ name: "KH", values: grid });
    expect(t.headerRows).toEqual([0, 1]);
    expect(t.columns.map((c) => c.header)).toEqual(["Dân số", "Kế hoạch năm 2022 / BHXH TN", "Kế hoạch năm 2022 / BHYT"]);
  });

  it("keeps reading after a blank row inside the table", () => {
    const grid = [["STT", "Đơn vị", "BHYT"], [1, "Huyện A Lưới", 10], [], [2, "Huyện Phong Điền", 20]];
    expect(detectTable({ name: "TH", values: grid }).unitRows.map((u) => u.name)).toEqual(["Huyện A Lưới", "Huyện Phong Điền"]);
  });

  it("a unit with no figures at all but an STT number is still a unit", () => {
    const grid = [
      ["STT", "Đơn vị", "BHYT"],
      [1, "Huyện Vị Thủy", 10],
      [2, "Huyện Long Mỹ", ""],
    ];
    const t = detectTable({ name: "TH", values: grid });
    expect(t.unitRows.map((u) => u.name)).toEqual(["Huyện Vị Thủy", "Huyện Long Mỹ"]);
    expect(t.columns[0]!.values).toEqual([10, null]);
  });
});

describe("detectTable — units without figures are never dropped", () => {
  it("a named row with no figures inside the table (no STT) is a unit", () => {
    const grid = [
      ["Đơn vị", "BHYT"],
      ["Huyện Vị Thủy", 10],
      ["Huyện Long Mỹ", ""],
      ["Thị xã Long Mỹ", 5],
    ];
    const t = detectTable({ name: "TH", values: grid });
    expect(t.unitRows.map((u) => u.name)).toEqual(["Huyện Vị Thủy", "Huyện Long Mỹ", "Thị xã Long Mỹ"]);
    expect(t.columns[0]!.values).toEqual([10, null, 5]);
    expect(withCode(t.warnings, "blank-cell").map((w) => w.where)).toEqual([{ sheet: "TH", cell: "B3" }]);
  });
  it("the last row with no figures is a unit when its name has a prefix; footers are not", () => {
    const grid = [
      ["Đơn vị", "BHYT"],
      ["Huyện Vị Thủy", 10],
      ["H. Long Mỹ", ""],
      [],
      ["", "Người lập biểu"],
      ["TP. Vị Thanh, ngày 31 tháng 10 năm 2022"],
      ["Giám đốc"],
    ];
    const t = detectTable({ name: "TH", values: grid });
    expect(t.unitRows.map((u) => u.name)).toEqual(["Huyện Vị Thủy", "H. Long Mỹ"]);
  });
});

describe("detectTable — errors", () => {
  it("an empty sheet says so and names it", () => {
    for (const values of [
      [],
      [[]],
      [
        ["", null],
        [null, "  "],
      ],
    ]) {
      const e = catchError(() => detectTable({ name: "Trống", values }));
      expect(e.code).toBe("empty-sheet");
      expect(e.problem).toEqual({ code: "empty-sheet", params: {}, where: { sheet: "Trống" } });
    }
  });
  it("a sheet of text only has no table, and the message says what to add", () => {
    const e = catchError(() => detectTable({ name: "Ghi chú", values: [["Báo cáo"], ["Xem sheet khác", "nội dung"]] }));
    expect(e.code).toBe("no-table");
    expect(e.problem).toEqual({ code: "no-header-row", params: {}, where: { sheet: "Ghi chú" } });
    expect(render(e.problem, { lang: "vi", shell: "pane" })).toMatch(/'Ghi chú'.*“STT”, “Đơn vị”/);
  });
  it("an error about the sheet as a whole names the setting that chooses another, when the caller says which role the sheet serves", () => {
    const e = catchError(() => detectTable({ name: "Trống", values: [] }, { role: "actuals" }));
    expect(e.problem).toEqual({ code: "empty-sheet", params: { role: "actuals" }, where: { sheet: "Trống" }, setting: "actuals" });
    expect(render(e.problem, { lang: "vi", shell: "cli" })).toContain("--actuals <trang tính>");
    expect(render(e.problem, { lang: "vi", shell: "pane" })).toContain("“Trang tính thực hiện”");
    const n = catchError(() => detectTable({ name: "Ghi chú", values: [["Báo cáo"], ["Xem sheet khác", "nội dung"]] }, { role: "targets" }));
    expect(n.problem.setting).toBe("targets");
  });
});

describe("isTotalLabel", () => {
  it.each([
    "Toàn tỉnh",
    "TOÀN TỈNH",
    "Toàn thành phố",
    "Toàn huyện",
    "Tổng cộng",
    "Tổng số",
    "Cộng",
    "Cộng:",
    "Tổng",
    "Total",
    "Tổng cộng".normalize("NFD"),
    "Cả tỉnh",
    "Cả thành phố",
    "Cả nước",
    "Tổng toàn tỉnh",
    "TỔNG CỘNG TOÀN TỈNH",
    "Cộng (I+II)",
    "Sum",
  ])("%j is a total", (s) => {
    expect(isTotalLabel(s)).toBe(true);
  });
  it.each(["Huyện Vị Thủy", "Thành phố Vị Thanh", "Các quận", "Xã Tổng Cọt", "Cộng Hòa", "SUM(A1:A9)", "=SUM(B2:B9)"])("%j is not a total", (s) => {
    expect(isTotalLabel(s)).toBe(false);
  });
});

const catchError = chitieuErrorOf;
