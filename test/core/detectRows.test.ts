/**
 * Rows that are not units and names as offices type them: the
 * breakdown under a unit or the total, notes, the signature block, group rows without numerals
 * found by their sums, header rows with a year in them; footnote marks, special zones, a ward
 * typed as a number.
 */
import { DetectedTable, detectTable } from "../../src/core/detect";
import { CellValue, SheetGrid } from "../../src/core/grid";
import { afterBullet, findSumGroups, isNote, isOfWhich, isOfWhichHeading, isSignature } from "../../src/core/rowKinds";
import { foldText } from "../../src/core/text";
import { parseUnitName, splitFootnoteMark, splitUnitPrefix, unitLevel } from "../../src/core/units";
import { proseName } from "../../src/core/placeNames";
import { render } from "../../src/core/messages";
import { chitieuErrorOf } from "../helpers/errors";

type Row = readonly CellValue[];

/** A sheet: two title rows, a blank row, the header in row 4 (index 3), then `rows`. */
function sheetOf(rows: readonly Row[], header: Row = ["STT", "Đơn vị", "BHXH tự nguyện"], name = "Thực hiện"): SheetGrid {
  return { name, values: [["BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG"], ["KẾT QUẢ THỰC HIỆN"], [], header, ...rows].map((r) => [...r]) };
}

/** 0-based grid row of the k-th row given to sheetOf. */
const R = (k: number) => 4 + k;

const names = (t: DetectedTable) => t.unitRows.map((u) => u.name);
const reasonAt = (t: DetectedTable, row: number) => t.excluded.find((e) => e.row === row)?.reason;

describe('breakdown rows: "Trong đó:" and list-marked rows under a unit or the total', () => {
  it('leaves out the breakdown under the total and under a unit, and "Trong đó: KCN …"; the total checks', () => {
    const t = detectTable(
      sheetOf([
        ["Toàn tỉnh", null, 9096],
        [null, "Trong đó:", null],
        [null, "- Khu vực thành thị", 5000],
        [null, "- Nông thôn", 4096],
        [1, "Thành phố Vị Thanh", 2600],
        [null, "Trong đó:", null],
        [null, "+ Thành thị", 2100],
        [null, "+ Nông thôn", 500],
        [2, "Huyện Vị Thủy", 2096],
        [3, "Huyện Long Mỹ", 2500],
        [4, "Thị xã Long Mỹ", 1900],
        [null, "Trong đó: KCN Tân Phú Thạnh", 400],
      ]),
    );
    expect(names(t)).toEqual(["Thành phố Vị Thanh", "Huyện Vị Thủy", "Huyện Long Mỹ", "Thị xã Long Mỹ"]);
    for (const k of [1, 2, 3, 5, 6, 7, 11]) expect(reasonAt(t, R(k))).toBe("breakdown");
    expect(reasonAt(t, R(0))).toBe("total");
    expect(t.columns[0]!.values).toEqual([2600, 2096, 2500, 1900]);
    expect(t.warnings).toEqual([]);
    expect(t.totalChecks).toEqual([]);
  });

  it.each([["Chia ra:"], ["Bao gồm:"], ["Trong số đó:"]])("reads %j as a heading over breakdown rows, list-marked or not", (heading) => {
    const t = detectTable(
      sheetOf([
        [1, "Huyện Châu Thành", 300],
        [null, heading, null],
        [null, "• Thành thị", 100],
        [null, "Nông thôn", 200],
        [2, "Huyện Phụng Hiệp", 400],
      ]),
    );
    expect(names(t)).toEqual(["Huyện Châu Thành", "Huyện Phụng Hiệp"]);
    expect([1, 2, 3].map((k) => reasonAt(t, R(k)))).toEqual(["breakdown", "breakdown", "breakdown"]);
  });

  it('in a sheet of names without prefixes, rows under "Trong đó:" are a breakdown by their words; another name is a unit, and said so', () => {
    const t = detectTable(
      sheetOf([
        [1, "Vị Thanh", 300],
        [null, "Trong đó:", null],
        [null, "Khu công nghiệp Sông Hậu", 100],
        [null, "Long Mỹ", 200],
        [2, "Phụng Hiệp", 400],
      ]),
    );
    expect(names(t)).toEqual(["Vị Thanh", "Long Mỹ", "Phụng Hiệp"]);
    expect(reasonAt(t, R(2))).toBe("breakdown");
    // Both said: the row left out by its words alone (it has figures), and the name read as a unit.
    expect(t.warnings).toEqual([
      { code: "of-which-row-left-out", params: { label: "Khu công nghiệp Sông Hậu", stt: true }, where: { sheet: "Thực hiện", cell: `B${R(2) + 1}` } },
      { code: "of-which-row-read-as-unit", params: { label: "Long Mỹ" }, where: { sheet: "Thực hiện", cell: `B${R(3) + 1}` } },
    ]);
  });

  it("list-marked names under a group row or the header are the units themselves, without the mark", () => {
    const t = detectTable(
      sheetOf([
        ["I", "Các huyện", null],
        [null, "- Huyện Vị Thủy", 2096],
        [null, "- Huyện Long Mỹ", 2500],
        ["II", "Các thành phố", null],
        [null, "- Thành phố Vị Thanh", 2600],
      ]),
    );
    expect(names(t)).toEqual(["Huyện Vị Thủy", "Huyện Long Mỹ", "Thành phố Vị Thanh"]);
    expect(t.unitRows.map((u) => u.group)).toEqual(["Các huyện", "Các huyện", "Các thành phố"]);
    const underTotal = detectTable(
      sheetOf([
        ["Toàn tỉnh", null, 4596],
        [null, "- Huyện Vị Thủy", 2096],
        [null, "- Huyện Long Mỹ", 2500],
        [null, "- Nông thôn", 4000],
      ]),
    );
    expect(names(underTotal)).toEqual(["Huyện Vị Thủy", "Huyện Long Mỹ"]);
    expect(reasonAt(underTotal, R(3))).toBe("breakdown");
    expect(underTotal.warnings).toEqual([]);
  });

  it("list-marked communes under a district row are its communes when they sum to it, else its breakdown", () => {
    const summed = detectTable(
      sheetOf([
        [null, "Huyện Châu Thành", 300],
        [null, "- Xã Đông Phước", 120],
        [null, "- Thị trấn Ngã Sáu", 180],
        [null, "Huyện Phụng Hiệp", 50],
      ]),
    );
    expect(names(summed)).toEqual(["Xã Đông Phước", "Thị trấn Ngã Sáu", "Huyện Phụng Hiệp"]);
    expect(reasonAt(summed, R(0))).toBe("group");
    expect(summed.groups).toEqual([{ row: R(0), label: "Huyện Châu Thành", unitIndices: [0, 1], subtotals: new Map([[2, 300]]) }]);
    const partial = detectTable(
      sheetOf([
        [null, "Huyện Châu Thành", 300],
        [null, "- Xã Đông Phước", 120],
        [null, "Huyện Phụng Hiệp", 50],
      ]),
    );
    expect(names(partial)).toEqual(["Huyện Châu Thành", "Huyện Phụng Hiệp"]);
    expect(reasonAt(partial, R(1))).toBe("breakdown");
  });

  it("reads list marks and headings", () => {
    expect(afterBullet("- Khu vực thành thị")).toBe("Khu vực thành thị");
    expect(afterBullet("+Nông thôn")).toBe("Nông thôn");
    expect(afterBullet("• KCN Sông Hậu")).toBe("KCN Sông Hậu");
    expect(afterBullet("– Nông thôn")).toBe("Nông thôn");
    expect(afterBullet("-")).toBeNull();
    expect(afterBullet("-5")).toBeNull();
    // A formula's text typed as a name is a name: no list mark in it.
    expect(afterBullet("+SUM(A1:A9)")).toBeNull();
    expect(afterBullet("-2+3 Xã")).toBeNull();
    expect(afterBullet('-HYPERLINK("http://x")')).toBeNull();
    expect(afterBullet("+Nông thôn")).toBe("Nông thôn");
    expect(afterBullet("- Khu vực thành thị (KCN)")).toBe("Khu vực thành thị (KCN)");
    expect(afterBullet("Huyện A")).toBeNull();
    expect(isOfWhich(foldText("Trong đó: KCN Tân Phú Thạnh"))).toBe(true);
    expect(isOfWhichHeading(foldText("Trong đó:"))).toBe(true);
    expect(isOfWhichHeading(foldText("Trong đó: KCN Tân Phú Thạnh"))).toBe(false);
    expect(isOfWhich(foldText("Trà Ôn"))).toBe(false);
    expect(isOfWhich(foldText("Châu Thành"))).toBe(false);
  });
});

describe("notes under the table and the signature block", () => {
  const body: Row[] = [
    [1, "Thành phố Vị Thanh", 2600],
    [2, "Huyện Vị Thủy", 2096],
    ["Tổng cộng", null, 4696],
    [],
    [null, "Ghi chú: (*) Số liệu sơ bộ.", null],
    [null, "(1) Bao gồm khu công nghiệp Tân Phú Thạnh.", null],
    [null, "Nguồn: Phòng Quản lý thu.", null],
    [],
    [null, null, "Vị Thanh, ngày 05 tháng 11 năm 2022"],
    [null, "Người lập biểu", "KT. GIÁM ĐỐC"],
    [null, null, "PHÓ GIÁM ĐỐC"],
    [null, "(Ký, họ tên)", "(Ký tên, đóng dấu)"],
    [],
    [null, "Nguyễn Thị Mai", "Trần Văn Hùng"],
  ];

  it("lists notes as notes and the signature block, names too, as signature", () => {
    const t = detectTable(sheetOf(body));
    expect(names(t)).toEqual(["Thành phố Vị Thanh", "Huyện Vị Thủy"]);
    expect([4, 5, 6].map((k) => reasonAt(t, R(k)))).toEqual(["note", "note", "note"]);
    expect([8, 9, 10, 11, 13].map((k) => reasonAt(t, R(k)))).toEqual(["signature", "signature", "signature", "signature", "signature"]);
    expect(t.warnings).toEqual([]);
  });

  it("never reads a note or a signer as a unit, even above rows with figures", () => {
    // A second block with figures below: the rows above it would otherwise be units without figures.
    const t = detectTable(sheetOf([...body, [], [5, "Huyện Long Mỹ", 2500]]));
    expect(names(t)).toEqual(["Thành phố Vị Thanh", "Huyện Vị Thủy", "Huyện Long Mỹ"]);
  });

  it.each([
    "Người lập biểu",
    "Kế toán trưởng",
    "GIÁM ĐỐC",
    "KT. GIÁM ĐỐC",
    "PHÓ GIÁM ĐỐC",
    "Thủ trưởng đơn vị",
    "…, ngày … tháng … năm …",
    "Hậu Giang, ngày 31 tháng 10 năm 2022",
    "TM. ỦY BAN NHÂN DÂN",
  ])("reads %j as the signature block", (s) => expect(isSignature(foldText(s))).toBe(true));
  it.each(["Huyện Vị Thủy", "Kỳ Anh", "Giao Thủy", "Tân Phú Thạnh", "Thị xã Long Mỹ"])("does not read the name %j as a signature or a note", (s) => {
    expect(isSignature(foldText(s))).toBe(false);
    expect(isNote(foldText(s))).toBe(false);
  });
  it.each(["Ghi chú: (*) …", "(*) Số liệu sơ bộ", "(**) Ước thực hiện", "* Chưa gồm đại lý thu", "Nguồn: BHXH tỉnh", "¹ Thị xã Long Mỹ: chỉ tiêu bổ sung"])(
    "reads %j as a note",
    (s) => {
      expect(isNote(foldText(s))).toBe(true);
    },
  );
});

describe("group rows without numerals: a district row whose figures its communes sum", () => {
  const communes: Row[] = [
    [null, "Huyện Vị Thủy", 740, 410],
    [1, "Thị trấn Nàng Mau", 210, 150],
    [2, "Xã Vị Thắng", 180, 85],
    [3, "Xã Vĩnh Tường", 160, 98],
    [4, "Xã Vị Thủy", 190, 77],
    [null, "Huyện Long Mỹ", 520, 287],
    [5, "Thị trấn Vĩnh Viễn", 200, 131],
    [6, "Xã Vĩnh Viễn A", 150, 64],
    [7, "Xã Lương Tâm", 170, 92],
  ];
  const header: Row = ["STT", "Đơn vị", "Kế hoạch", "Thực hiện"];

  it("makes each district row a group row, its communes the units under it; every check holds", () => {
    const t = detectTable(sheetOf([["Toàn tỉnh", null, 1260, 697], ...communes], header));
    expect(names(t)).toEqual(["Thị trấn Nàng Mau", "Xã Vị Thắng", "Xã Vĩnh Tường", "Xã Vị Thủy", "Thị trấn Vĩnh Viễn", "Xã Vĩnh Viễn A", "Xã Lương Tâm"]);
    expect(t.unitRows.map((u) => u.group)).toEqual([
      "Huyện Vị Thủy",
      "Huyện Vị Thủy",
      "Huyện Vị Thủy",
      "Huyện Vị Thủy",
      "Huyện Long Mỹ",
      "Huyện Long Mỹ",
      "Huyện Long Mỹ",
    ]);
    expect(t.groups.map((g) => [g.row, g.label, g.unitIndices, [...g.subtotals.values()]])).toEqual([
      [R(1), "Huyện Vị Thủy", [0, 1, 2, 3], [740, 410]],
      [R(6), "Huyện Long Mỹ", [4, 5, 6], [520, 287]],
    ]);
    expect(reasonAt(t, R(1))).toBe("group");
    expect(reasonAt(t, R(6))).toBe("group");
    expect(t.columns.map((c) => c.values)).toEqual([
      [210, 180, 160, 190, 200, 150, 170],
      [150, 85, 98, 77, 131, 64, 92],
    ]);
    // Each group row found by its sums is said, with the rows it sums (nothing else is).
    expect(t.warnings).toEqual([
      {
        code: "group-row-by-sums",
        params: { name: "Huyện Vị Thủy", firstRow: R(2) + 1, lastRow: R(5) + 1 },
        where: { sheet: "Thực hiện", cell: `B${R(1) + 1}` },
      },
      {
        code: "group-row-by-sums",
        params: { name: "Huyện Long Mỹ", firstRow: R(7) + 1, lastRow: R(9) + 1 },
        where: { sheet: "Thực hiện", cell: `B${R(6) + 1}` },
      },
    ]);
    expect(render(t.warnings[0]!, { lang: "vi", shell: "pane" })).toMatch(
      new RegExp(`^'Thực hiện'!B${R(1) + 1}: hàng “Huyện Vị Thủy” được coi là hàng nhóm vì số liệu bằng tổng các hàng ${R(2) + 1}–${R(5) + 1};`),
    );
  });

  it("reads numbering that starts again under each district, and names without a kind", () => {
    const bare = communes.map((r) => [
      r[0] === null ? null : (((r[0] as number) - 1) % 4) + 1,
      String(r[1]).replace(/^(Huyện|Xã|Thị trấn) /, ""),
      r[2] ?? null,
      r[3] ?? null,
    ]);
    const t = detectTable(sheetOf(bare, header));
    expect(t.groups.map((g) => g.label)).toEqual(["Vị Thủy", "Long Mỹ"]);
    expect(t.unitRows).toHaveLength(7);
  });

  it("takes one district row on its own when its communes are numbered and it is not, or they are its whole table", () => {
    const one = detectTable(sheetOf(communes.slice(0, 5), header));
    expect(one.groups.map((g) => g.label)).toEqual(["Huyện Vị Thủy"]);
    const noStt = communes.slice(0, 5).map((r) => [null, ...r.slice(1)]);
    expect(detectTable(sheetOf(noStt, header)).groups.map((g) => g.label)).toEqual(["Huyện Vị Thủy"]);
  });

  it("does not take a unit that happens to equal the units below it for a group row", () => {
    // A district equal to the next two districts (same kind); a row numbered with the rows under it.
    const sameKind = detectTable(
      sheetOf(
        [
          [1, "Huyện A", 300, 30],
          [2, "Huyện B", 100, 10],
          [3, "Huyện C", 200, 20],
        ],
        header,
      ),
    );
    expect(sameKind.unitRows).toHaveLength(3);
    expect(sameKind.groups).toEqual([]);
    const peers = detectTable(
      sheetOf(
        [
          [1, "Huyện A", 300, 30],
          [2, "Xã B", 100, 10],
          [3, "Xã C", 200, 20],
          [4, "Xã D", 50, 5],
        ],
        header,
      ),
    );
    expect(peers.unitRows).toHaveLength(4);
    // Bare names, one coincidence, nothing else to say it is a group.
    const bare = detectTable(
      sheetOf(
        [
          [null, "An", 300, 30],
          [null, "Bình", 100, 10],
          [null, "Châu", 200, 20],
          [null, "Đông", 50, 5],
        ],
        header,
      ),
    );
    expect(bare.unitRows).toHaveLength(4);
    // All zero: nothing to sum. (Names without a kind: a district row without a number above
    // numbered communes is their group row by its kind alone — detectBlocks.test.ts.)
    const zeros = detectTable(
      sheetOf(
        [
          [null, "An", 0, 0],
          [1, "Bình", 0, 0],
          [2, "Châu", 0, 0],
        ],
        header,
      ),
    );
    expect(zeros.unitRows).toHaveLength(3);
  });

  it("findSumGroups needs two rows under a parent, every column agreeing, and stops at a section's end", () => {
    const base = { levelOf: () => 0, sttOf: (i: number) => (i === 0 || i === 3 ? NaN : i), bulleted: null };
    expect(findSumGroups({ ...base, columns: [[3, 1, 2, 5, 2, 3]], section: [0, 0, 0, 0, 0, 0] })).toEqual([
      { parent: 0, first: 1, last: 2 },
      { parent: 3, first: 4, last: 5 },
    ]);
    // The second column disagrees for the second parent: only the first is left, which has its cue (no STT).
    expect(
      findSumGroups({
        ...base,
        columns: [
          [3, 1, 2, 5, 2, 3],
          [3, 1, 2, 9, 2, 3],
        ],
        section: [0, 0, 0, 0, 0, 0],
      }),
    ).toEqual([{ parent: 0, first: 1, last: 2 }]);
    // A figure on one side only: no agreement.
    expect(
      findSumGroups({
        ...base,
        columns: [
          [3, 1, 2, 5, 2, 3],
          [3, 1, null, 5, 2, 3],
        ],
        section: [0, 0, 0, 0, 0, 0],
      }),
    ).toEqual([{ parent: 3, first: 4, last: 5 }]);
    expect(findSumGroups({ ...base, columns: [[3, 1, 2]], section: [0, 0, 1] })).toEqual([]);
    expect(unitLevel(splitUnitPrefix("Huyện A").kind)).toBeGreaterThan(unitLevel(splitUnitPrefix("Xã B").kind));
    expect(unitLevel(splitUnitPrefix("Đặc khu Côn Đảo").kind)).toBe(unitLevel(splitUnitPrefix("Phường 1").kind));
  });
});

describe("header rows with a year typed as a number", () => {
  it("keeps a row of years under the header in the header, not as a unit row", () => {
    const grid: Row[] = [
      ["BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG"],
      [],
      ["STT", "Đơn vị", "Kế hoạch năm", "Thực hiện 4 tháng đầu năm 2024"],
      [null, null, 2024, "2024"],
      [1, "Thành phố Vị Thanh", 2600, 2010],
      [2, "Huyện Vị Thủy", 2096, 951],
    ];
    const t = detectTable({ name: "TH", values: grid });
    expect(t.headerRows).toEqual([2, 3]);
    expect(t.columns.map((c) => c.header)).toEqual(["Kế hoạch năm / 2024", "Thực hiện 4 tháng đầu năm 2024 / 2024"]);
    expect(names(t)).toEqual(["Thành phố Vị Thanh", "Huyện Vị Thủy"]);
    expect(t.excluded).toEqual([]);
  });

  it("finds a header whose first row has years in it", () => {
    const grid: Row[] = [["KẾT QUẢ"], [], ["STT", "Huyện", 2023, 2024], [1, "Huyện Vị Thủy", 900, 951], [2, "Huyện Long Mỹ", 1200, 1331]];
    const t = detectTable({ name: "TH", values: grid });
    expect(t.headerRows).toEqual([2]);
    expect(names(t)).toEqual(["Huyện Vị Thủy", "Huyện Long Mỹ"]);
  });

  it("still reads a unit row whose figures look like years as a unit row", () => {
    const grid: Row[] = [
      ["STT", "Đơn vị", "BHYT"],
      [1, "Huyện Vị Thủy", 2024],
      [2, "Huyện Long Mỹ", 2025],
    ];
    expect(names(detectTable({ name: "TH", values: grid }))).toEqual(["Huyện Vị Thủy", "Huyện Long Mỹ"]);
  });
});

describe("names as offices type them", () => {
  it("shows names clean of footnote marks and keeps the mark", () => {
    const t = detectTable(
      sheetOf([
        [1, "Huyện Long Mỹ (*)", 1],
        [2, "TX. Long Mỹ¹", 2],
        [3, "Châu Thành A (1)", 3],
        [4, "Vị Thủy*", 4],
        [5, "Phường 1", 5],
        [6, "Quận 10", 6],
      ]),
    );
    expect(names(t)).toEqual(["Huyện Long Mỹ", "TX. Long Mỹ", "Châu Thành A", "Vị Thủy", "Phường 1", "Quận 10"]);
    expect(t.unitRows.map((u) => u.mark)).toEqual(["(*)", "¹", "(1)", "*", undefined, undefined]);
  });

  it.each([
    ["Huyện Long Mỹ (*)", "Huyện Long Mỹ", "(*)"],
    ["Huyện Long Mỹ(**)", "Huyện Long Mỹ", "(**)"],
    ["TX. Long Mỹ¹", "TX. Long Mỹ", "¹"],
    ["Châu Thành A (1)", "Châu Thành A", "(1)"],
    ["Vị Thủy*", "Vị Thủy", "*"],
    ["Huyện A (*) (2)", "Huyện A", "(*) (2)"],
    ["Huyện A [3]", "Huyện A", "[3]"],
    ["Phường 1", "Phường 1", null],
    ["Quận 10", "Quận 10", null],
    ["Xã 3", "Xã 3", null],
    ["(**)", "(**)", null],
    ["Huyện Cờ Đỏ (cũ)", "Huyện Cờ Đỏ (cũ)", null],
  ])("splitFootnoteMark(%j) is %j and %j", (raw, name, mark) => {
    expect(splitFootnoteMark(raw)).toEqual({ name, mark });
  });

  it("matches a name with a mark as the name without it", () => {
    expect(parseUnitName("Huyện Long Mỹ (*)").full).toBe(parseUnitName("H. Long Mỹ").full);
    expect(parseUnitName("TX. Long Mỹ¹").full).toBe(parseUnitName("Thị xã Long Mỹ").full);
    expect(parseUnitName("Châu Thành A (1)").full).toBe(parseUnitName("Châu Thành A").full);
    expect(parseUnitName("Châu Thành A (1)").full).not.toBe(parseUnitName("Châu Thành").full);
  });

  it.each([
    ["Đặc khu Phú Quốc", "Phú Quốc"],
    ["ĐK Côn Đảo", "Côn Đảo"],
    ["ĐK. Vân Đồn", "Vân Đồn"],
    ["Đk.Lý Sơn", "Lý Sơn"],
    ["ĐẶC KHU PHÚ QUỐC", "PHÚ QUỐC"],
  ])("reads %j as a special zone (đặc khu)", (raw, rest) => {
    expect(splitUnitPrefix(raw)).toEqual({ kind: "dk", rest });
  });

  it("writes a special zone in prose, and keeps Đông Hải a name", () => {
    expect(proseName("ĐK Côn Đảo", "vi")).toBe("đặc khu Côn Đảo");
    expect(proseName("Đặc khu Phú Quốc", "vi")).toBe("đặc khu Phú Quốc");
    expect(proseName("ĐK. Vân Đồn", "en")).toBe("Vân Đồn special zone");
    expect(splitUnitPrefix("Đông Hải").kind).toBeNull();
    expect(parseUnitName("ĐK Phú Quốc").full).toBe(parseUnitName("Đặc khu Phú Quốc").full);
  });

  it("reads a ward typed as a number with its neighbours' kind, and keeps what was written", () => {
    const t = detectTable(
      sheetOf(
        [
          [1, "Phường 1", 310],
          [2, "Phường 2", 280],
          [3, 3, 260],
          [4, "Phường 4", 295],
          [5, "5", 240],
        ],
        ["STT", "Phường", "BHXH tự nguyện"],
      ),
    );
    expect(names(t)).toEqual(["Phường 1", "Phường 2", "Phường 3", "Phường 4", "Phường 5"]);
    expect(t.unitRows.map((u) => u.written)).toEqual([undefined, undefined, "3", undefined, "5"]);
    expect(t.columns[0]!.values).toEqual([310, 280, 260, 295, 240]);
    expect(t.warnings).toEqual([]);
  });

  it("keeps a number as the name, with a message, when no neighbour has a kind", () => {
    const t = detectTable(
      sheetOf([
        [1, "Vị Thanh", 310],
        [2, 7, 280],
      ]),
    );
    expect(names(t)).toEqual(["Vị Thanh", "7"]);
    expect(t.warnings).toEqual([{ code: "unit-named-by-number", params: { number: 7 }, where: { sheet: "Thực hiện", cell: `B${R(1) + 1}` } }]);
  });

  it("stops, in Vietnamese, naming the sheet and column, when the name column holds numbers only", () => {
    const e = chitieuErrorOf(() =>
      detectTable(
        sheetOf(
          [
            [1, 1, 310],
            [2, 2, 280],
            [3, 3, 260],
          ],
          ["STT", "Phường", "BHXH tự nguyện"],
          "Kế hoạch",
        ),
      ),
    );
    expect(e.code).toBe("no-units");
    expect(e.problem).toEqual({ code: "unit-names-only-numbers", params: { header: "Phường", sample: [1, 2, 3] }, where: { sheet: "Kế hoạch", column: "B" } });
    expect(e.message).toMatch(/^'Kế hoạch', cột B \(“Phường”\): cột tên đơn vị chỉ có số/);
  });
});
