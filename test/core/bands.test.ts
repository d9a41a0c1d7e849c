import fc from "fast-check";
import { bandKind } from "../../src/core/bands";
import { DetectedTable, detectTable } from "../../src/core/detect";
import { CellValue, SheetGrid } from "../../src/core/grid";
import { render } from "../../src/core/messages";
import { MergedAs, buildGrid } from "../helpers/grids";

/** One unit (or the total, a group row) laid out as band rows: [label, figures] each. */
interface BandedBlock {
  readonly name: string;
  readonly stt?: CellValue;
  readonly bands: readonly (readonly [string, readonly CellValue[]])[];
  /** A figure merged over the unit's rows, left of the band labels ("Dân số"). */
  readonly own?: CellValue;
}

interface BandedLayout {
  readonly merged: MergedAs;
  readonly bandHeader?: string;
  readonly headers: readonly string[];
  readonly groupHeader?: string;
  readonly columnNumbers?: boolean;
  /** A column between the names and the band labels, merged over each unit's rows. */
  readonly ownHeader?: string;
  /** Rows as blocks, or a plain row (group rows, notes) written as it is after the label columns. */
  readonly rows: readonly (BandedBlock | readonly CellValue[])[];
}

const TITLES: CellValue[][] = [["BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG"], ["KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2024"], []];

/** Builds the grid as the adapters give it; returns each block's band rows by label. */
function banded(l: BandedLayout): { s: SheetGrid; rowsOf: Map<string, number>[]; firstRow: number[] } {
  const blank: CellValue = l.merged === "blank" ? "" : null;
  const own = l.ownHeader !== undefined ? 1 : 0;
  const band = 2 + own;
  const width = band + 1 + l.headers.length;
  const grid: CellValue[][] = TITLES.map((r) => [...r]);
  const header = (cells: CellValue[]) => {
    const r = new Array<CellValue>(width).fill(blank);
    cells.forEach((v, c) => (r[c] = v));
    return r;
  };
  const labelCells = ["STT", "Đơn vị", ...(own ? [l.ownHeader!] : []), l.bandHeader ?? "Nội dung"];
  if (l.groupHeader !== undefined) {
    const top = header([...labelCells]);
    for (let c = band + 1; c < width; c++) top[c] = c === band + 1 || l.merged === "repeat" ? l.groupHeader : blank;
    const below = header(l.merged === "repeat" ? [...labelCells] : []);
    l.headers.forEach((h, k) => (below[band + 1 + k] = h));
    grid.push(top, below);
  } else grid.push(header([...labelCells, ...l.headers]));
  if (l.columnNumbers) grid.push(header(Array.from({ length: width }, (_, c) => `(${c + 1})`)));
  const rowsOf: Map<string, number>[] = [];
  const firstRow: number[] = [];
  for (const b of l.rows) {
    if (!("bands" in b)) {
      grid.push([...b]);
      continue;
    }
    const m = new Map<string, number>();
    b.bands.forEach(([label, figures], i) => {
      const lead = i === 0 || l.merged === "repeat";
      const row = header([lead ? (b.stt ?? blank) : blank, lead ? b.name : blank, ...(own ? [lead ? (b.own ?? blank) : blank] : []), label, ...figures]);
      m.set(label, grid.length);
      if (i === 0) firstRow.push(grid.length);
      grid.push(row);
    });
    rowsOf.push(m);
  }
  return { s: { name: "Thực hiện", values: grid }, rowsOf, firstRow };
}

const HEADERS = ["BHXH bắt buộc", "BHXH tự nguyện", "BHYT"];
/** A banded sheet: Huyện A with "Kế hoạch"/"Thực hiện", Huyện B with "KH"/"TH", a banded total. */
function example(merged: MergedAs, bandHeader?: string) {
  return banded({
    merged,
    bandHeader,
    headers: HEADERS,
    rows: [
      {
        stt: 1,
        name: "Huyện A",
        bands: [
          ["Kế hoạch", [1000, 500, 20000]],
          ["Thực hiện", [900, 320, 19500]],
        ],
      },
      {
        stt: 2,
        name: "Huyện B",
        bands: [
          ["KH", [2000, 700, 30000]],
          ["TH", [1500, 710, 29000]],
        ],
      },
      {
        name: "Toàn tỉnh",
        bands: [
          ["Kế hoạch", [3000, 1200, 50000]],
          ["Thực hiện", [2400, 1030, 48500]],
        ],
      },
    ],
  });
}

function byHeader(t: DetectedTable) {
  return Object.fromEntries(t.columns.map((c) => [c.header, c]));
}

describe.each<MergedAs>(["blank", "repeat"])("two rows per unit — merged cells given %s", (merged) => {
  it("reads one unit per unit and one column per figure column × band", () => {
    const { s, rowsOf, firstRow } = example(merged);
    const t = detectTable(s);
    expect(t.unitRows.map((u) => [u.name, u.row])).toEqual([
      ["Huyện A", firstRow[0]],
      ["Huyện B", firstRow[1]],
    ]);
    expect(t.columns.map((c) => c.header)).toEqual([
      "BHXH bắt buộc / Kế hoạch",
      "BHXH bắt buộc / Thực hiện",
      "BHXH tự nguyện / Kế hoạch",
      "BHXH tự nguyện / Thực hiện",
      "BHYT / Kế hoạch",
      "BHYT / Thực hiện",
    ]);
    const c = byHeader(t);
    expect(c["BHXH bắt buộc / Kế hoạch"]).toMatchObject({
      col: 3,
      leaf: "Kế hoạch",
      band: "Kế hoạch",
      parts: ["BHXH bắt buộc", "Kế hoạch"],
      role: "number",
      values: [1000, 2000],
      totalValue: 3000,
    });
    expect(c["BHXH bắt buộc / Thực hiện"]).toMatchObject({ col: 3, band: "Thực hiện", values: [900, 1500], totalValue: 2400 });
    expect(c["BHXH tự nguyện / Thực hiện"]!.values).toEqual([320, 710]);
    expect(c["BHYT / Kế hoạch"]).toMatchObject({ col: 5, values: [20000, 30000], totalValue: 50000 });
    // The row of each unit's figure: the "KH" and "TH" rows of Huyện B, not its first row only.
    expect(c["BHYT / Thực hiện"]!.rows).toEqual([rowsOf[0]!.get("Thực hiện"), rowsOf[1]!.get("TH")]);
    expect(c["BHYT / Kế hoạch"]!.rows).toEqual([rowsOf[0]!.get("Kế hoạch"), rowsOf[1]!.get("KH")]);
    expect(t.totalRow).toEqual({ row: firstRow[2], label: "Toàn tỉnh" });
    expect(t.bands).toEqual({ col: 2, header: "Nội dung", labels: ["Kế hoạch", "Thực hiện"] });
    // The band labels are not a text column (never offered as a category or group).
    expect(t.textColumns).toEqual([]);
    expect(t.unitColumn).toBe(1);
    expect(t.sttColumn).toBe(0);
    expect(t.excluded.filter((e) => e.reason === "total").map((e) => e.row)).toEqual([rowsOf[2]!.get("Kế hoạch"), rowsOf[2]!.get("Thực hiện")]);
    expect(t.warnings).toEqual([]);
    expect(t.totalChecks).toEqual([]);
  });

  it.each(["Nội dung", "Chỉ tiêu", "Diễn giải", "", "Đơn vị"])("finds the band labels under a header %p", (h) => {
    const t = detectTable(example(merged, h).s);
    expect(t.bands?.col).toBe(2);
    expect(t.unitRows.map((u) => u.name)).toEqual(["Huyện A", "Huyện B"]);
    expect(t.columns).toHaveLength(6);
    expect(t.textColumns).toEqual([]);
    expect(t.warnings).toEqual([]);
  });

  it("names the band row's cell in a warning, and the band in the header", () => {
    const { s, rowsOf } = banded({
      merged,
      headers: HEADERS,
      rows: [
        {
          stt: 1,
          name: "Huyện A",
          bands: [
            ["Kế hoạch", [1000, 500, 20000]],
            ["Thực hiện", [900, "#N/A", 19500]],
          ],
        },
        {
          stt: 2,
          name: "Huyện B",
          bands: [
            ["Kế hoạch", [2000, 700, 30000]],
            ["Thực hiện", [1500, 710, 29000]],
          ],
        },
      ],
    });
    const t = detectTable(s);
    // Column E (BHXH tự nguyện) on Huyện A's "Thực hiện" row, not on its first row.
    const cell = `E${rowsOf[0]!.get("Thực hiện")! + 1}`;
    expect(t.warnings).toEqual([
      { code: "excel-error", params: { error: "#N/A", header: "BHXH tự nguyện / Thực hiện", unit: "Huyện A" }, where: { sheet: "Thực hiện", cell } },
    ]);
    expect(byHeader(t)["BHXH tự nguyện / Thực hiện"]!.values).toEqual([null, 710]);
    expect(byHeader(t)["BHXH tự nguyện / Kế hoạch"]!.values).toEqual([500, 700]);
  });

  it("gives a unit missing a band row no figure for that band, with a warning naming the unit's cell", () => {
    const { s, firstRow } = banded({
      merged,
      headers: HEADERS,
      rows: [
        {
          stt: 1,
          name: "Huyện A",
          bands: [
            ["Kế hoạch", [1000, 500, 20000]],
            ["Thực hiện", [900, 320, 19500]],
          ],
        },
        { stt: 2, name: "Huyện B", bands: [["Kế hoạch", [2000, 700, 30000]]] },
        {
          stt: 3,
          name: "Huyện C",
          bands: [
            ["Kế hoạch", [100, 70, 3000]],
            ["Thực hiện", [150, 71, 2900]],
          ],
        },
      ],
    });
    const t = detectTable(s);
    expect(t.unitRows.map((u) => [u.name, u.row])).toEqual([
      ["Huyện A", firstRow[0]],
      ["Huyện B", firstRow[1]],
      ["Huyện C", firstRow[2]],
    ]);
    expect(byHeader(t)["BHXH bắt buộc / Thực hiện"]!.values).toEqual([900, null, 150]);
    expect(byHeader(t)["BHXH bắt buộc / Kế hoạch"]!.values).toEqual([1000, 2000, 100]);
    expect(t.warnings).toEqual([
      { code: "band-row-missing", params: { unit: "Huyện B", band: "Thực hiện" }, where: { sheet: "Thực hiện", cell: `B${firstRow[1]! + 1}` } },
    ]);
  });

  it("reads a unit whose first row is its actual (the bands in another order)", () => {
    const { s, rowsOf } = banded({
      merged,
      headers: ["BHYT"],
      rows: [
        {
          stt: 1,
          name: "Huyện A",
          bands: [
            ["Kế hoạch", [20000]],
            ["Thực hiện", [19500]],
          ],
        },
        {
          stt: 2,
          name: "Huyện B",
          bands: [
            ["Thực hiện", [29000]],
            ["Kế hoạch", [30000]],
          ],
        },
        {
          stt: 3,
          name: "Huyện C",
          bands: [
            ["Kế hoạch", [3000]],
            ["Thực hiện", [2900]],
          ],
        },
      ],
    });
    const t = detectTable(s);
    expect(t.unitRows.map((u) => u.row)).toEqual([rowsOf[0]!.get("Kế hoạch"), rowsOf[1]!.get("Thực hiện"), rowsOf[2]!.get("Kế hoạch")]);
    expect(byHeader(t)["BHYT / Kế hoạch"]!.values).toEqual([20000, 30000, 3000]);
    expect(byHeader(t)["BHYT / Thực hiện"]!.values).toEqual([19500, 29000, 2900]);
    expect(t.warnings).toEqual([]);
  });

  it("reads three and four bands: 'Cùng kỳ' as figures, 'Tỷ lệ (%)' as rates", () => {
    const { s } = banded({
      merged,
      headers: ["BHXH tự nguyện", "BHYT"],
      rows: [
        {
          stt: 1,
          name: "Phường 1",
          bands: [
            ["Kế hoạch", [500, 20000]],
            ["Thực hiện", [320, 19500]],
            ["Cùng kỳ", [300, 19000]],
            ["Tỷ lệ (%)", [0.64, 0.975]],
          ],
        },
        {
          stt: 2,
          name: "Phường 2",
          bands: [
            ["Kế hoạch", [700, 30000]],
            ["Thực hiện", [710, 29000]],
            ["Cùng kỳ", [650, 28000]],
            ["Tỷ lệ (%)", [1.0143, 0.9667]],
          ],
        },
        {
          name: "Cộng",
          bands: [
            ["Kế hoạch", [1200, 50000]],
            ["Thực hiện", [1030, 48500]],
            ["Cùng kỳ", [950, 47000]],
            ["Tỷ lệ (%)", [0.858, 0.97]],
          ],
        },
      ],
    });
    const t = detectTable(s);
    expect(t.bands!.labels).toEqual(["Kế hoạch", "Thực hiện", "Cùng kỳ", "Tỷ lệ (%)"]);
    expect(t.unitRows.map((u) => u.name)).toEqual(["Phường 1", "Phường 2"]);
    const c = byHeader(t);
    expect(c["BHYT / Cùng kỳ"]).toMatchObject({ role: "number", values: [19000, 28000], totalValue: 47000 });
    expect(c["BHYT / Tỷ lệ (%)"]).toMatchObject({ role: "rate", values: [0.975, 0.9667] });
    expect(c["BHXH tự nguyện / Tỷ lệ (%)"]!.parts).toEqual(["BHXH tự nguyện", "Tỷ lệ (%)"]);
    expect(t.warnings).toEqual([]);
  });

  it("checks each band of the total row, naming the band row's cell", () => {
    const { s, rowsOf } = banded({
      merged,
      headers: ["BHYT"],
      rows: [
        {
          stt: 1,
          name: "Huyện A",
          bands: [
            ["KH", [20000]],
            ["TH", [19500]],
          ],
        },
        {
          stt: 2,
          name: "Huyện B",
          bands: [
            ["KH", [30000]],
            ["TH", [29000]],
          ],
        },
        {
          name: "Tổng cộng",
          bands: [
            ["KH", [50000]],
            ["TH", [48000]],
          ],
        },
      ],
    });
    const t = detectTable(s);
    const cell = `'Thực hiện'!D${rowsOf[2]!.get("TH")! + 1}`;
    expect(t.totalChecks).toEqual([{ cell, header: "BHYT / TH", label: "Tổng cộng", sheetTotal: 48000, unitsSum: 48500 }]);
    expect(t.warnings).toEqual([
      {
        code: "total-row-mismatch",
        params: { label: "Tổng cộng", header: "BHYT / TH", sheetTotal: 48000, unitsSum: 48500 },
        where: { sheet: "Thực hiện", cell: cell.replace(/^.*!/, "") },
      },
    ]);
    expect(byHeader(t)["BHYT / TH"]!.totalValue).toBe(48000);
    expect(byHeader(t)["BHYT / KH"]!.totalValue).toBe(50000);
  });

  it("reads group rows: banded ones with a subtotal per band column, plain ones as labels", () => {
    const group = (stt: string, name: string): readonly CellValue[] => [stt, name];
    const { s, firstRow, rowsOf } = banded({
      merged,
      headers: ["BHXH tự nguyện", "BHYT"],
      rows: [
        {
          stt: "I",
          name: "Các phường",
          bands: [
            ["Kế hoạch", [1200, 50000]],
            ["Thực hiện", [1030, 48000]],
          ],
        },
        {
          stt: 1,
          name: "Phường 1",
          bands: [
            ["Kế hoạch", [500, 20000]],
            ["Thực hiện", [320, 19500]],
          ],
        },
        {
          stt: 2,
          name: "Phường 2",
          bands: [
            ["Kế hoạch", [700, 30000]],
            ["Thực hiện", [710, 29000]],
          ],
        },
        group("II", "Các xã"),
        {
          stt: 3,
          name: "Xã Tân Hòa",
          bands: [
            ["Kế hoạch", [100, 3000]],
            ["Thực hiện", [90, 2900]],
          ],
        },
      ],
    });
    const t = detectTable(s);
    expect(t.unitRows.map((u) => [u.name, u.group])).toEqual([
      ["Phường 1", "Các phường"],
      ["Phường 2", "Các phường"],
      ["Xã Tân Hòa", "Các xã"],
    ]);
    expect(t.groups.map((g) => [g.row, g.label, g.unitIndices])).toEqual([
      [firstRow[0], "Các phường", [0, 1]],
      [firstRow[3]! - 1, "Các xã", [2]],
    ]);
    const headers = t.columns.map((c) => c.header);
    const sub = (h: string) => t.groups[0]!.columnSubtotals![headers.indexOf(h)];
    expect(sub("BHYT / Kế hoạch")).toBe(50000);
    expect(sub("BHYT / Thực hiện")).toBe(48000);
    expect(sub("BHXH tự nguyện / Thực hiện")).toBe(1030);
    expect(t.groups[1]!.columnSubtotals).toEqual([null, null, null, null]);
    // 19500 + 29000 = 48500, not 48000: the message names the group's "Thực hiện" row.
    expect(t.warnings).toEqual([
      {
        code: "subtotal-mismatch",
        params: { group: "Các phường", header: "BHYT / Thực hiện", subtotal: 48000, unitsSum: 48500 },
        where: { sheet: "Thực hiện", cell: `E${rowsOf[0]!.get("Thực hiện")! + 1}` },
      },
    ]);
  });

  it("reads a two-row header and a column-number row: the band after the indicator", () => {
    const { s } = banded({
      merged,
      headers: HEADERS,
      groupHeader: "Số người tham gia",
      columnNumbers: true,
      rows: [
        {
          stt: 1,
          name: "Huyện A",
          bands: [
            ["Kế hoạch", [1000, 500, 20000]],
            ["Thực hiện", [900, 320, 19500]],
          ],
        },
        {
          stt: 2,
          name: "Huyện B",
          bands: [
            ["KH", [2000, 700, 30000]],
            ["TH", [1500, 710, 29000]],
          ],
        },
      ],
    });
    const t = detectTable(s);
    expect(t.headerRows).toHaveLength(2);
    expect(t.columnNumberRow).not.toBeNull();
    expect(t.columns[0]!.parts).toEqual(["Số người tham gia", "BHXH bắt buộc", "Kế hoạch"]);
    expect(t.columns[0]!.header).toBe("Số người tham gia / BHXH bắt buộc / Kế hoạch");
    expect(t.columns[5]!.parts).toEqual(["Số người tham gia", "BHYT", "Thực hiện"]);
    expect(t.columns[5]!.values).toEqual([19500, 29000]);
    expect(t.warnings).toEqual([]);
  });

  it("reads a figure merged over the unit's rows left of the band labels once per unit", () => {
    const { s } = banded({
      merged,
      ownHeader: "Dân số",
      headers: ["BHYT"],
      rows: [
        {
          stt: 1,
          name: "Huyện A",
          own: 21000,
          bands: [
            ["Kế hoạch", [20000]],
            ["Thực hiện", [19500]],
          ],
        },
        {
          stt: 2,
          name: "Huyện B",
          own: 31000,
          bands: [
            ["Kế hoạch", [30000]],
            ["Thực hiện", [29000]],
          ],
        },
        {
          name: "Toàn tỉnh",
          own: 52000,
          bands: [
            ["Kế hoạch", [50000]],
            ["Thực hiện", [48500]],
          ],
        },
      ],
    });
    const t = detectTable(s);
    expect(t.columns.map((c) => [c.header, c.values, c.totalValue, c.band])).toEqual([
      ["Dân số", [21000, 31000], 52000, undefined],
      ["BHYT / Kế hoạch", [20000, 30000], 50000, "Kế hoạch"],
      ["BHYT / Thực hiện", [19500, 29000], 48500, "Thực hiện"],
    ]);
    expect(t.columns[0]!.rows).toBeUndefined();
    expect(t.bands!.col).toBe(3);
    expect(t.warnings).toEqual([]);
  });

  it("says once what is wrong in a figure merged over the unit's rows, naming its first cell", () => {
    const { s, firstRow } = banded({
      merged,
      ownHeader: "Dân số",
      headers: ["BHYT"],
      rows: [
        {
          stt: 1,
          name: "Huyện A",
          own: "chưa có",
          bands: [
            ["Kế hoạch", [20000]],
            ["Thực hiện", [19500]],
          ],
        },
        {
          stt: 2,
          name: "Huyện B",
          own: 31000,
          bands: [
            ["Kế hoạch", [30000]],
            ["Thực hiện", [29000]],
          ],
        },
        {
          stt: 3,
          name: "Huyện C",
          own: 4000,
          bands: [
            ["Kế hoạch", [3000]],
            ["Thực hiện", [2900]],
          ],
        },
      ],
    });
    const t = detectTable(s);
    expect(t.columns[0]!.values).toEqual([null, 31000, 4000]);
    expect(t.warnings).toEqual([
      {
        code: "text-in-number-column",
        params: { text: "chưa có", header: "Dân số", unit: "Huyện A" },
        where: { sheet: "Thực hiện", cell: `C${firstRow[0]! + 1}` },
      },
    ]);
  });

  it("leaves out a row with figures but no band label, saying so", () => {
    const { s, firstRow } = banded({
      merged,
      headers: ["BHYT"],
      rows: [
        {
          stt: 1,
          name: "Huyện A",
          bands: [
            ["Kế hoạch", [20000]],
            ["Thực hiện", [19500]],
          ],
        },
        {
          stt: 2,
          name: "Huyện B",
          bands: [
            ["Kế hoạch", [30000]],
            ["Thực hiện", [29000]],
          ],
        },
        [3, "Huyện C", "", 4000],
      ],
    });
    const t = detectTable(s);
    const row = firstRow[1]! + 2;
    expect(t.unitRows.map((u) => u.name)).toEqual(["Huyện A", "Huyện B"]);
    expect(t.excluded).toContainEqual({ row, label: "Huyện C", reason: "text" });
    expect(t.warnings).toEqual([
      { code: "band-label-missing", params: { label: "Huyện C", labels: ["Kế hoạch", "Thực hiện"] }, where: { sheet: "Thực hiện", cell: `C${row + 1}` } },
    ]);
    expect(render(t.warnings[0]!, { lang: "vi", shell: "pane" })).toBe(
      `'Thực hiện'!C${row + 1}: hàng “Huyện C” có số liệu nhưng ô này không ghi “Kế hoạch” hay “Thực hiện” — không biết đó là số liệu gì nên hàng này không được dùng; hãy ghi nội dung của hàng vào ô này.`,
    );
  });
});

describe("two rows per unit — as Office.js gives merges", () => {
  it("reads a total whose label is merged over STT and name (given in the STT cell only)", () => {
    const grid: CellValue[][] = [
      ["STT", "Đơn vị", "Nội dung", "BHYT"],
      [1, "Huyện A", "KH", 20000],
      ["", "", "TH", 19500],
      [2, "Huyện B", "KH", 30000],
      ["", "", "TH", 29000],
      ["Tổng cộng", "", "KH", 50000],
      ["", "", "TH", 48000],
    ];
    const t = detectTable({ name: "S", values: grid });
    expect(t.unitRows.map((u) => [u.name, u.row])).toEqual([
      ["Huyện A", 1],
      ["Huyện B", 3],
    ]);
    expect(t.totalRow).toEqual({ row: 5, label: "Tổng cộng" });
    expect(t.columns.map((c) => [c.header, c.totalValue])).toEqual([
      ["BHYT / KH", 50000],
      ["BHYT / TH", 48000],
    ]);
    expect(t.warnings.map((w) => [w.code, w.where])).toEqual([["total-row-mismatch", { sheet: "S", cell: "D7" }]]);
  });

  it("finds the names when no header names them (the band labels are the column with the most text)", () => {
    const grid: CellValue[][] = [
      ["TT", "Khu vực", "", "BHXH tự nguyện"],
      [1, "Khu Bắc", "Kế hoạch", 500],
      ["", "", "Thực hiện", 320],
      [2, "Khu Nam", "Kế hoạch", 700],
      ["", "", "Thực hiện", 710],
    ];
    const t = detectTable({ name: "S", values: grid });
    expect(t.unitColumn).toBe(1);
    expect(t.unitRows.map((u) => u.name)).toEqual(["Khu Bắc", "Khu Nam"]);
    expect(t.columns.map((c) => [c.header, c.values])).toEqual([
      ["BHXH tự nguyện / Kế hoạch", [500, 700]],
      ["BHXH tự nguyện / Thực hiện", [320, 710]],
    ]);
  });
});

describe("two rows per unit — what is not banded", () => {
  it("recognises band labels, and not unit names that start like one", () => {
    for (const l of [
      "Kế hoạch",
      "KH",
      "Kế hoạch giao",
      "Thực hiện",
      "TH",
      "Số người tham gia",
      "Cùng kỳ",
      "TH cùng kỳ",
      "Tỷ lệ (%)",
      "% KH",
      "So cùng kỳ (%)",
      "Ước thực hiện",
    ])
      expect(bandKind(l)).toBeGreaterThanOrEqual(0);
    for (const n of ["Huyện Kế Sách", "Kế Sách", "Giao Thủy", "Thạnh Trị", "Khánh Hòa", "Thới Lai", "Huyện A", "", "Nông thôn mới"])
      expect(bandKind(n)).toBe(-1);
    expect(bandKind("TH cùng kỳ")).toBe(bandKind("Cùng kỳ"));
    expect(bandKind("KH")).toBe(bandKind("Kế hoạch"));
    expect(bandKind("TH")).toBe(bandKind("Thực hiện"));
    expect(bandKind("So cùng kỳ (%)")).toBe(bandKind("Tỷ lệ (%)"));
  });

  it.each<MergedAs>(["blank", "repeat"])("leaves a one-row-per-unit sheet as it is (merged %s)", (merged) => {
    const units = [{ name: "Huyện Kế Sách" }, { name: "Huyện Thạnh Trị" }, { name: "Thị xã Ngã Năm" }];
    const b = buildGrid({
      merged,
      units,
      columns: [
        { header: "Kế hoạch", values: [1, 2, 3] },
        { header: "Thực hiện", values: [1, 1, 1] },
      ],
      total: { label: "Toàn tỉnh", position: "bottom" },
    });
    const t = detectTable({ name: "S", values: b.grid });
    expect(t.bands).toBeUndefined();
    expect(t.columns.map((c) => [c.header, c.band, c.rows])).toEqual([
      ["Kế hoạch", undefined, undefined],
      ["Thực hiện", undefined, undefined],
    ]);
    expect(t.unitRows.map((u) => u.row)).toEqual(b.unitRows);
  });

  it("is not taken in by a text column of a single label kind", () => {
    const grid: CellValue[][] = [
      ["STT", "Đơn vị", "Nguồn", "BHYT"],
      [1, "Huyện A", "Kế hoạch", 10],
      [2, "Huyện B", "Kế hoạch", 20],
      [3, "Huyện C", "KH", 30],
    ];
    const t = detectTable({ name: "S", values: grid });
    expect(t.bands).toBeUndefined();
    expect(t.unitRows).toHaveLength(3);
    expect(t.textColumns.map((c) => c.header)).toEqual(["Nguồn"]);
  });
});

describe("two rows per unit — property: re-laid out as bands, the same figures", () => {
  const unitArb = fc.record({ plan: fc.integer({ min: 0, max: 1e6 }), actual: fc.integer({ min: 0, max: 1e6 }), base: fc.integer({ min: 0, max: 1e6 }) });
  it("reads every unit's plan and actual in each column whatever the labels, merge form and header", () => {
    fc.assert(
      fc.property(
        fc.array(unitArb, { minLength: 2, maxLength: 12 }),
        fc.constantFrom<MergedAs>("blank", "repeat"),
        fc.constantFrom(["Kế hoạch", "Thực hiện"], ["KH", "TH"], ["Kế hoạch giao", "Số người tham gia"]),
        fc.constantFrom("Nội dung", "Chỉ tiêu", "Diễn giải", ""),
        fc.boolean(),
        fc.boolean(),
        (us, merged, [kh, th], bandHeader, total, actualFirst) => {
          const order = (a: readonly [string, number[]], b: readonly [string, number[]]) => (actualFirst ? [b, a] : [a, b]);
          const rows: BandedBlock[] = us.map((u, i) => ({
            stt: i + 1,
            name: `Xã Số ${i + 1}`,
            bands: order([kh!, [u.plan, u.base]], [th!, [u.actual, u.base]]),
          }));
          const sum = (f: (u: (typeof us)[number]) => number) => us.reduce((s, u) => s + f(u), 0);
          if (total)
            rows.push({ name: "Toàn tỉnh", bands: order([kh!, [sum((u) => u.plan), sum((u) => u.base)]], [th!, [sum((u) => u.actual), sum((u) => u.base)]]) });
          const { s, rowsOf } = banded({ merged, bandHeader, headers: ["BHXH tự nguyện", "Dân số"], rows });
          const t = detectTable(s);
          const c = byHeader(t);
          expect(t.unitRows.map((u) => u.name)).toEqual(us.map((_, i) => `Xã Số ${i + 1}`));
          expect(c[`BHXH tự nguyện / ${kh}`]!.values).toEqual(us.map((u) => u.plan));
          expect(c[`BHXH tự nguyện / ${th}`]!.values).toEqual(us.map((u) => u.actual));
          expect(c[`BHXH tự nguyện / ${th}`]!.rows).toEqual(us.map((_, i) => rowsOf[i]!.get(th!)));
          expect(c[`Dân số / ${kh}`]!.values).toEqual(us.map((u) => u.base));
          expect(c[`BHXH tự nguyện / ${th}`]!.totalValue).toBe(total ? sum((u) => u.actual) : null);
          expect(t.warnings).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
