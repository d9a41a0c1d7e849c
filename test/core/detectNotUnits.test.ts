/**
 * Rows that are not units, the review's cases: units after a "Trong đó:"
 * block, real units taken for group rows by a coincidence of sums, district heading rows without
 * figures above their list-marked communes; and the helpers the row kinds share with detect.ts.
 * The first rule: never a plausible wrong figure — a unit is never silently dropped.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { DetectedTable, cellText, detectTable } from "../../src/core/detect";
import { CellValue, SheetGrid } from "../../src/core/grid";
import { closeEnough, findSumGroups } from "../../src/core/rowKinds";
import { summarize } from "../../src/core/summarize";

type Row = readonly CellValue[];

/** A sheet whose header is its first row (grid row 0); data rows start at grid row 1 (sheet row 2). */
const sheet = (rows: readonly Row[], name = "Kế hoạch"): SheetGrid => ({ name, values: rows.map((r) => [...r]) });
const names = (t: DetectedTable) => t.unitRows.map((u) => u.name);
const reasons = (t: DetectedTable) => t.excluded.map((e) => `${e.label}: ${e.reason}`);

describe('units after a "Trong đó:" block', () => {
  const header: Row = ["STT", "Đơn vị", "Kế hoạch BHXH tự nguyện", "Thực hiện BHXH tự nguyện"];
  const review: Row[] = [
    header,
    [1, "TP. Vị Thanh", 1000, 900],
    ["", "Trong đó:", null, null],
    ["", "- Khu vực thành thị", 600, 500],
    ["", "- Nông thôn", 400, 400],
    [2, "Vị Thủy", 800, 400],
    [3, "Phụng Hiệp", 900, 450],
    [4, "Thị xã Long Mỹ", 700, 380],
    [5, "Long Mỹ", 600, 300],
  ];

  it("ends the block at a row with an STT number: every unit is read, and the area rate is 60,75%", () => {
    const t = detectTable(sheet(review));
    expect(names(t)).toEqual(["TP. Vị Thanh", "Vị Thủy", "Phụng Hiệp", "Thị xã Long Mỹ", "Long Mỹ"]);
    expect(reasons(t)).toEqual(["Trong đó:: breakdown", "- Khu vực thành thị: breakdown", "- Nông thôn: breakdown"]);
    expect(t.warnings).toEqual([]);
    const s = summarize({ targets: null, actuals: { name: "Bieu 01", values: review.map((r) => [...r]) }, base: null, previous: null });
    expect(s.results).toHaveLength(1);
    expect(s.results[0]!.actualTotal).toBe(2430);
    expect(s.results[0]!.denominatorTotal).toBe(4000);
    expect(s.results[0]!.overall).toBeCloseTo(0.6075, 12);
  });

  it("without an STT column, ends the block at a row that is neither list-marked nor worded as a breakdown", () => {
    const t = detectTable(sheet(review.map((r) => r.slice(1))));
    expect(names(t)).toEqual(["TP. Vị Thanh", "Vị Thủy", "Phụng Hiệp", "Thị xã Long Mỹ", "Long Mỹ"]);
    expect(t.excluded.map((e) => e.reason)).toEqual(["breakdown", "breakdown", "breakdown"]);
    // The list-marked rows ended: nothing in doubt.
    expect(t.warnings).toEqual([]);
  });

  it("says so, naming the cell, when a row with figures is left out as a breakdown by its words alone", () => {
    // The rows do not add up to the unit above (250 of 300): only their words say they break it down.
    const t = detectTable(
      sheet([
        header,
        [1, "Huyện Châu Thành", 300, 150],
        [null, "Trong đó:", null, null],
        [null, "Thành thị", 100, 50],
        [null, "Nông thôn", 150, 100],
        [2, "Huyện Phụng Hiệp", 400, 200],
      ]),
    );
    expect(names(t)).toEqual(["Huyện Châu Thành", "Huyện Phụng Hiệp"]);
    expect(reasons(t)).toEqual(["Trong đó:: breakdown", "Thành thị: breakdown", "Nông thôn: breakdown"]);
    expect(t.warnings).toEqual([
      { code: "of-which-row-left-out", params: { label: "Thành thị", stt: true }, where: { sheet: "Kế hoạch", cell: "B4" } },
      { code: "of-which-row-left-out", params: { label: "Nông thôn", stt: true }, where: { sheet: "Kế hoạch", cell: "B5" } },
    ]);
  });

  it('reads "Nam", "Nữ" as a breakdown only when that is the whole label: "Nam Đàn" after the block is a unit', () => {
    const t = detectTable(
      sheet([
        ["Đơn vị", "Thực hiện"],
        ["Vị Thanh", 300],
        ["Trong đó:", null],
        ["- Thành thị", 100],
        ["- Nông thôn", 200],
        ["Nam Đàn", 150],
        ["Nam Trực", 90],
      ]),
    );
    expect(names(t)).toEqual(["Vị Thanh", "Nam Đàn", "Nam Trực"]);
    expect(t.warnings).toEqual([]);
    // 120 + 170 is not Vị Thanh's 300: the rows' words alone decide, and Long Mỹ after them is in doubt.
    const sexes = detectTable(
      sheet([
        ["Đơn vị", "Thực hiện"],
        ["Vị Thanh", 300],
        ["Trong đó:", null],
        ["Nam", 120],
        ["Nữ giới", 170],
        ["Long Mỹ", 90],
      ]),
    );
    expect(names(sexes)).toEqual(["Vị Thanh", "Long Mỹ"]);
    expect(sexes.warnings).toHaveLength(3);
    // 120 + 180: they break Vị Thanh down, beyond doubt.
    const adding = detectTable(
      sheet([
        ["Đơn vị", "Thực hiện"],
        ["Vị Thanh", 300],
        ["Trong đó:", null],
        ["Nam", 120],
        ["Nữ giới", 180],
        ["Long Mỹ", 90],
      ]),
    );
    expect(names(adding)).toEqual(["Vị Thanh", "Long Mỹ"]);
    expect(adding.warnings).toEqual([]);
  });

  it("never leaves out a row with figures and an STT number as a breakdown, and says it was in doubt", () => {
    const t = detectTable(sheet([header, [1, "Vị Thanh", 300, 150], [null, "Trong đó:", null, null], [2, "Nông thôn", 200, 100], [3, "- Long Mỹ", 250, 90]]));
    expect(names(t)).toEqual(["Vị Thanh", "Nông thôn", "Long Mỹ"]);
    expect(t.columns[0]!.values).toEqual([300, 200, 250]);
    expect(t.warnings).toEqual([
      { code: "numbered-row-read-as-unit", params: { label: "Nông thôn", name: "Nông thôn", bullet: false }, where: { sheet: "Kế hoạch", cell: "B4" } },
      { code: "numbered-row-read-as-unit", params: { label: "- Long Mỹ", name: "Long Mỹ", bullet: true }, where: { sheet: "Kế hoạch", cell: "B5" } },
    ]);
  });
});

describe("group rows found by sums need a cue, and are always said", () => {
  /** The review's case: no STT column, names without a prefix, one column of small counts. */
  function randomSheet(n: number, seed: number): SheetGrid {
    let s = seed;
    const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
    const rows: CellValue[][] = [["Đơn vị", "Thực hiện"]];
    for (let i = 0; i < n; i++) rows.push([`Đơn vị ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}`, 10 + Math.floor(rnd() * 50)]);
    return { name: "TH", values: rows };
  }

  it("takes no real unit for a group row by chance (bare names, one count column, 100 and 170 units)", () => {
    const lost: string[] = [];
    for (const n of [100, 170]) {
      for (let t = 0; t < 60; t++) {
        const d = detectTable(randomSheet(n, 11 + t));
        if (d.unitRows.length !== n) lost.push(`${n} units, seed ${11 + t}: ${d.excluded.map((e) => e.label).join(", ")}`);
      }
    }
    expect(lost).toEqual([]);
  });

  it("two coincidences are no more a cue than one", () => {
    const t = detectTable(
      sheet([
        ["Đơn vị", "Thực hiện"],
        ["An", 30],
        ["Bình", 10],
        ["Châu", 20],
        ["Đông", 50],
        ["Hà", 20],
        ["Giang", 30],
      ]),
    );
    expect(names(t)).toEqual(["An", "Bình", "Châu", "Đông", "Hà", "Giang"]);
    expect(t.groups).toEqual([]);
  });

  it("takes a group from two count columns that agree and are not proportional, and names the group row and its rows", () => {
    const t = detectTable(
      sheet([
        ["Đơn vị", "Kế hoạch", "Thực hiện"],
        ["Vị Thanh", 500, 260],
        ["Vị Thủy", 740, 410],
        ["Nàng Mau", 210, 150],
        ["Vị Thắng", 530, 260],
        ["Long Mỹ", 300, 120],
      ]),
    );
    expect(names(t)).toEqual(["Vị Thanh", "Nàng Mau", "Vị Thắng", "Long Mỹ"]);
    expect(t.groups.map((g) => [g.label, g.unitIndices])).toEqual([["Vị Thủy", [1, 2]]]);
    expect(t.warnings).toEqual([{ code: "group-row-by-sums", params: { name: "Vị Thủy", firstRow: 4, lastRow: 5 }, where: { sheet: "Kế hoạch", cell: "A3" } }]);
  });

  it("does not count a column twice: a second column proportional to the first is no cue", () => {
    const t = detectTable(
      sheet([
        ["Đơn vị", "Kế hoạch", "Thực hiện"],
        ["An", 300, 30],
        ["Bình", 100, 10],
        ["Châu", 200, 20],
        ["Đông", 50, 5],
      ]),
    );
    expect(t.unitRows).toHaveLength(4);
  });

  it("says so for every group found by its sums, even with a cue", () => {
    const t = detectTable(
      sheet([
        ["STT", "Đơn vị", "Thực hiện"],
        [null, "Huyện Vị Thủy", 300],
        [1, "Xã Vị Thắng", 100],
        [2, "Xã Vị Trung", 200],
        [null, "Huyện Long Mỹ", 90],
        [1, "Xã Lương Tâm", 40],
        [2, "Xã Lương Nghĩa", 50],
      ]),
    );
    expect(t.groups.map((g) => g.label)).toEqual(["Huyện Vị Thủy", "Huyện Long Mỹ"]);
    expect(t.warnings).toEqual([
      { code: "group-row-by-sums", params: { name: "Huyện Vị Thủy", firstRow: 3, lastRow: 4 }, where: { sheet: "Kế hoạch", cell: "B2" } },
      { code: "group-row-by-sums", params: { name: "Huyện Long Mỹ", firstRow: 6, lastRow: 7 }, where: { sheet: "Kế hoạch", cell: "B5" } },
    ]);
  });

  it("findSumGroups: a higher kind above rows of known lower kinds is a cue on its own", () => {
    const levels = [2, 1, 1, 2, 1, 1];
    expect(findSumGroups({ columns: [[3, 1, 2, 5, 2, 3]], section: [0, 0, 0, 0, 0, 0], levelOf: (i) => levels[i]!, sttOf: null, bulleted: null })).toEqual([
      { parent: 0, first: 1, last: 2 },
      { parent: 3, first: 4, last: 5 },
    ]);
    expect(findSumGroups({ columns: [[3, 1, 2, 5, 2, 3]], section: [0, 0, 0, 0, 0, 0], levelOf: () => 0, sttOf: null, bulleted: null })).toEqual([]);
  });
});

describe("district heading rows without figures above their list-marked communes", () => {
  const review: Row[] = [
    ["Đơn vị", "Kế hoạch BHYT", "Thực hiện BHYT"],
    ["Huyện X", null, null],
    ["- Xã A", 100, 80],
    ["- Xã B", 200, 150],
    ["Huyện Y", null, null],
    ["- Xã C", 300, 200],
    ["- Xã D", 150, 100],
  ];

  it("makes each heading a group row and its marked rows its units, shown without the mark", () => {
    const t = detectTable(sheet(review));
    expect(names(t)).toEqual(["Xã A", "Xã B", "Xã C", "Xã D"]);
    expect(t.unitRows.map((u) => u.group)).toEqual(["Huyện X", "Huyện X", "Huyện Y", "Huyện Y"]);
    expect(t.groups.map((g) => [g.row, g.label, g.unitIndices])).toEqual([
      [1, "Huyện X", [0, 1]],
      [4, "Huyện Y", [2, 3]],
    ]);
    expect(reasons(t)).toEqual(["Huyện X: group", "Huyện Y: group"]);
    expect(t.columns.map((c) => c.values)).toEqual([
      [100, 200, 300, 150],
      [80, 150, 200, 100],
    ]);
    expect(t.warnings).toEqual([]);
    const s = summarize({ targets: null, actuals: { name: "Bieu", values: review.map((r) => [...r]) }, base: null, previous: null });
    expect(s.results[0]!.actualTotal).toBe(530);
    expect(s.results[0]!.denominatorTotal).toBe(750);
  });

  it("takes marked rows of a kind under a city or town heading, and ends the group at the next unmarked row", () => {
    const t = detectTable(
      sheet([
        ["Đơn vị", "Thực hiện"],
        ["Thành phố Cần Thơ", null],
        ["- Quận Ninh Kiều", 500],
        ["- Quận Bình Thủy", 300],
        ["Thị xã Long Mỹ", 120],
        ["Huyện Vị Thủy", 200],
      ]),
    );
    expect(names(t)).toEqual(["Quận Ninh Kiều", "Quận Bình Thủy", "Thị xã Long Mỹ", "Huyện Vị Thủy"]);
    expect(t.unitRows.map((u) => u.group)).toEqual(["Thành phố Cần Thơ", "Thành phố Cần Thơ", null, null]);
    expect(t.groups.map((g) => g.unitIndices)).toEqual([[0, 1]]);
  });

  it("inside a numbered group, takes the numbered group up again after the heading's communes", () => {
    const t = detectTable(
      sheet([
        ["STT", "Đơn vị", "Thực hiện"],
        ["I", "Các huyện", null],
        [1, "Huyện X", null],
        [null, "- Xã A", 100],
        [null, "- Thị trấn B", 50],
        [2, "Huyện Z", 70],
        ["II", "Các thành phố", null],
        [3, "Thành phố Vị Thanh", 80],
      ]),
    );
    expect(names(t)).toEqual(["Xã A", "Thị trấn B", "Huyện Z", "Thành phố Vị Thanh"]);
    expect(t.unitRows.map((u) => u.group)).toEqual(["Huyện X", "Huyện X", "Các huyện", "Các thành phố"]);
    expect(t.groups.map((g) => [g.label, g.unitIndices])).toEqual([
      ["Các huyện", [2]],
      ["Huyện X", [0, 1]],
      ["Các thành phố", [3]],
    ]);
    expect(t.excluded.map((e) => e.row)).toEqual([1, 2, 6]);
  });

  it("keeps a list-marked commune with an STT number and figures under a district that does not sum it, and says both are counted", () => {
    const t = detectTable(
      sheet([
        ["STT", "Đơn vị", "Thực hiện"],
        [1, "Huyện A", 300],
        [2, "- Xã B", 120],
        [3, "Huyện C", 50],
      ]),
    );
    expect(names(t)).toEqual(["Huyện A", "Xã B", "Huyện C"]);
    expect(t.warnings).toEqual([{ code: "bulleted-numbered-unit", params: { name: "Xã B", parent: "Huyện A" }, where: { sheet: "Kế hoạch", cell: "B3" } }]);
    // Without the STT number, the list mark says it is the district's breakdown.
    const unnumbered = detectTable(
      sheet([
        ["STT", "Đơn vị", "Thực hiện"],
        [1, "Huyện A", 300],
        [null, "- Xã B", 120],
        [2, "Huyện C", 50],
      ]),
    );
    expect(names(unnumbered)).toEqual(["Huyện A", "Huyện C"]);
    expect(unnumbered.warnings).toEqual([]);
  });
});

describe("one helper each: closeEnough, cellText", () => {
  const CORE = path.resolve(__dirname, "..", "..", "src", "core");
  const files = fs.readdirSync(CORE).filter((f) => f.endsWith(".ts"));
  const defining = (re: RegExp) => files.filter((f) => re.test(fs.readFileSync(path.join(CORE, f), "utf8")));

  it("defines each once in src/core", () => {
    expect(defining(/Math\.abs\(a - b\) <= 1e-6 \* Math\.max\(1, Math\.abs\(a\), Math\.abs\(b\)\)/)).toEqual(["rowKinds.ts"]);
    expect(defining(/typeof v === "string" \? cleanText\(v\) : String\(v\)/)).toEqual(["detect.ts"]);
  });

  it("closeEnough allows a millionth, relative; cellText cleans text and writes numbers", () => {
    expect(closeEnough(1_000_000, 1_000_000.5)).toBe(true);
    expect(closeEnough(1_000_000, 1_000_002)).toBe(false);
    expect(closeEnough(0, 1e-7)).toBe(true);
    expect(cellText(null)).toBe("");
    expect(cellText("  Huyện   Vị Thủy ")).toBe("Huyện Vị Thủy");
    expect(cellText(12)).toBe("12");
  });
});
