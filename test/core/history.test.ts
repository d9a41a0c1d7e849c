/**
 * The history sheet (issue 19): a snapshot per run, merged so that a run for the same date replaces
 * that date's rows and leaves every other date as it was, written as a sheet whose block of kept
 * rows reads back exactly, whatever order the planner sorted it into.
 */
import fc from "fast-check";
import { CellValue, SheetGrid } from "../../src/core/grid";
import { HistoryRow, compareHistoryRows, describeHistory, excelSerialOf, mergeHistory, readHistory, snapshotOf } from "../../src/core/history";
import { isLineChart } from "../../src/core/sheetSpec";
import { summarize } from "../../src/core/summarize";
import { Summary } from "../../src/core/results";
import { buildGrid } from "../helpers/grids";
import { codes, withCode } from "../helpers/messages";

const UNITS = ["Thành phố Vị Thanh", "Thị xã Long Mỹ", "Huyện Vị Thủy", "Huyện Long Mỹ", "Huyện Phụng Hiệp"];
const TARGET = [2600, 1900, 2096, 2500, 3200];
const ACTUAL = [2010, 1420, 951, 1331, 1579];
const POP = [75000, 55000, 72460, 90000, 190000];
const BHYT = [70000, 50500, 67531, 82000, 144343];

function sheet(name: string, columns: { header: string; values: number[] }[], total?: string): SheetGrid {
  return { name, values: buildGrid({ units: UNITS.map((n) => ({ name: n })), columns, total: total ? { label: total, position: "bottom" } : undefined }).grid };
}

function hauGiang(): Summary {
  return summarize({
    targets: sheet("Kế hoạch", [{ header: "BHXH tự nguyện", values: TARGET }], "Toàn tỉnh"),
    actuals: sheet("Thực hiện", [
      { header: "BHYT", values: BHYT },
      { header: "BHXH TN", values: ACTUAL },
    ]),
    base: sheet("Dân số", [{ header: "Dân số", values: POP }]),
  });
}

/** The grid of a described sheet, as a port would hand it back. */
const gridOf = (rows: readonly HistoryRow[], lang: "vi" | "en" = "vi"): SheetGrid => {
  const spec = describeHistory(rows, lang);
  return { name: spec.name, values: spec.values };
};

// ---------------------------------------------------------------------------------------------
// Generated histories

const ISO_DATES = ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30", "2024-06-30", "2025-12-31", "2023-07-15"];
const KEYS = ["bhxh-tn", "bhyt", "bhxh-bb", "custom:thu nợ"];
const NAMES = ["Phường 1", "Phường 2", "Phường 10", "Xã Vị Thủy", "Xã Vĩnh Tường", "Quận Ninh Kiều", "Huyện Phong Điền"];

const figureArb = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 2_000_000 }),
  fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }).map((v) => (v === 0 ? 0 : v)),
);

const rowArb: fc.Arbitrary<HistoryRow> = fc.record({
  asOf: fc.constantFrom(...ISO_DATES),
  unit: fc.constantFrom(...NAMES),
  area: fc.boolean(),
  indicatorKey: fc.constantFrom(...KEYS),
  indicator: fc.constantFrom("BHXH tự nguyện", "BHYT", "Thu nợ", "Voluntary SI", ""),
  measure: fc.constantFrom("attainment" as const, "coverage" as const),
  actual: figureArb,
  denominator: figureArb,
  rate: figureArb,
});

/** Rows with one row per date, indicator, measure, level and unit (as runs make them). */
const historyArb = fc.uniqueArray(rowArb, { selector: (r) => JSON.stringify([r.asOf, r.indicatorKey, r.measure, r.area, r.unit]), maxLength: 60 });

/** A run's snapshot: one date, unique rows. */
const snapshotArb = fc.tuple(fc.constantFrom(...ISO_DATES), historyArb).map(([d, rows]) => {
  const seen = new Set<string>();
  return rows
    .map((r) => ({ ...r, asOf: d }))
    .filter((r) => {
      const k = JSON.stringify([r.indicatorKey, r.measure, r.area, r.unit]);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
});

const sorted = (rows: readonly HistoryRow[]) => [...rows].sort(compareHistoryRows);

describe("mergeHistory (properties)", () => {
  it("is idempotent: the same run twice is the same history as once", () => {
    fc.assert(
      fc.property(historyArb, snapshotArb, (previous, snap) => {
        const once = mergeHistory(previous, snap);
        expect(mergeHistory(once, snap)).toEqual(once);
      }),
    );
  });

  it("a re-run for a date replaces exactly that date's rows, also of units no longer present", () => {
    fc.assert(
      fc.property(historyArb, snapshotArb, (previous, snap) => {
        fc.pre(snap.length > 0);
        const date = snap[0]!.asOf;
        const merged = mergeHistory(previous, snap);
        expect(merged.filter((r) => r.asOf === date)).toEqual(sorted(snap));
      }),
    );
  });

  it("leaves every other date untouched, and keeps the rows sorted", () => {
    fc.assert(
      fc.property(historyArb, snapshotArb, (previous, snap) => {
        const dates = new Set(snap.map((r) => r.asOf));
        const merged = mergeHistory(previous, snap);
        expect(merged.filter((r) => !dates.has(r.asOf))).toEqual(sorted(previous.filter((r) => !dates.has(r.asOf))));
        expect(merged).toEqual(sorted(merged));
        expect(merged).toHaveLength(previous.filter((r) => !dates.has(r.asOf)).length + snap.length);
      }),
    );
  });

  it("an empty snapshot changes nothing", () => {
    fc.assert(fc.property(historyArb, (previous) => expect(mergeHistory(previous, [])).toEqual(sorted(previous))));
  });
});

describe("describeHistory → readHistory (properties)", () => {
  it.each(["vi", "en"] as const)("round-trips exactly (%s)", (lang) => {
    fc.assert(
      fc.property(historyArb, (rows) => {
        const history = mergeHistory([], rows);
        const read = readHistory(gridOf(history, lang));
        expect(read.warnings).toEqual([]);
        expect(read.found).toBe(true);
        expect(read.rows).toEqual(history);
      }),
    );
  });

  it("reads a sheet written in one language back in the other's run (the block is found by either header)", () => {
    fc.assert(
      fc.property(historyArb, (rows) => {
        const history = mergeHistory([], rows);
        expect(readHistory(gridOf(history, "en")).rows).toEqual(readHistory(gridOf(history, "vi")).rows);
      }),
      { numRuns: 30 },
    );
  });

  it("reads the kept rows back whatever order they were sorted into, with blank rows between", () => {
    fc.assert(
      fc.property(historyArb, fc.integer(), (rows, seed) => {
        const history = mergeHistory([], rows);
        const grid = gridOf(history);
        const read0 = readHistory(grid);
        // The planner sorts the table's rows (here: shuffled) and leaves blank rows in it.
        const head = grid.values.findIndex((r) => r.includes("Ngày số liệu") && r.includes("Mã chỉ tiêu"));
        const col = grid.values[head]!.lastIndexOf("Ngày số liệu");
        const kept = grid.values.slice(head + 1).map((r) => r.slice(col, col + 9));
        let s = seed;
        const shuffled = kept
          .map((r) => ({ r, k: (s = (s * 1103515245 + 12345) | 0) }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.r);
        const values: CellValue[][] = grid.values.map((r) => [...r]);
        for (let r = head + 1; r < values.length; r++) for (let c = col; c < col + 9; c++) if (c < values[r]!.length) values[r]![c] = null;
        shuffled.forEach((r, k) => {
          const at = head + 1 + k * 2;
          while (values.length <= at) values.push([]);
          const row = values[at]!;
          while (row.length < col) row.push(null);
          row.splice(col, 9, ...r);
        });
        expect(readHistory({ name: grid.name, values }).rows).toEqual(read0.rows);
      }),
      { numRuns: 50 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// snapshotOf

describe("snapshotOf", () => {
  const s = hauGiang();
  const snap = snapshotOf(s, "2024-04-30");

  it("one row per unit of every result, and one for the area as a whole, named by the total row", () => {
    expect(snap).toHaveLength(s.results.length * (UNITS.length + 1));
    for (const r of s.results) {
      const rows = snap.filter((x) => x.indicatorKey === r.indicatorKey && x.measure === r.measure);
      const area = rows.filter((x) => x.area);
      expect(area).toEqual([
        {
          asOf: "2024-04-30",
          unit: "Toàn tỉnh",
          area: true,
          indicatorKey: r.indicatorKey,
          indicator: r.indicator,
          measure: r.measure,
          actual: r.actualTotal,
          denominator: r.denominatorTotal,
          rate: r.overall,
        },
      ]);
      expect(
        rows
          .filter((x) => !x.area)
          .map((x) => x.unit)
          .sort(),
      ).toEqual([...UNITS].sort());
      for (const u of r.units) {
        expect(rows.find((x) => !x.area && x.unit === u.unit)).toMatchObject({ actual: u.actual, denominator: u.denominator, rate: u.ratio });
      }
    }
  });

  it("BHXH TN against the plan: Vị Thanh 2.010 of 2.600", () => {
    const row = snap.find((x) => x.indicatorKey === "bhxh-tn" && x.measure === "attainment" && x.unit === "Thành phố Vị Thanh")!;
    expect(row).toMatchObject({ actual: 2010, denominator: 2600 });
    expect(row.rate).toBeCloseTo(2010 / 2600, 12);
  });

  it("names indicators and the area in the run's language when asked", () => {
    const en = snapshotOf({ ...s, totalLabel: null }, "2024-04-30", { lang: "en" });
    expect(en.filter((x) => x.area).map((x) => x.unit)).toEqual(s.results.map(() => "Total"));
    expect(en.map((x) => x.indicator)).toEqual(expect.arrayContaining(s.results.map((r) => r.indicatorEn)));
  });

  it("refuses a date that is not an ISO day", () => {
    expect(() => snapshotOf(s, "30/04/2024")).toThrow(RangeError);
  });

  it("survives the sheet: merged and described, it reads back as it was made", () => {
    const history = mergeHistory([], snap);
    expect(readHistory(gridOf(history)).rows).toEqual(history);
  });
});

// ---------------------------------------------------------------------------------------------
// The sheet

describe("describeHistory", () => {
  const s = hauGiang();
  const history = mergeHistory(mergeHistory([], snapshotOf(s, "2024-03-31")), snapshotOf(s, "2024-04-30"));
  const spec = describeHistory(history, "vi");
  const nSeries = s.results.length;

  it("is our history sheet: key, kind, name", () => {
    expect(spec).toMatchObject({ key: "history", kind: "history", name: "Diễn biến" });
    expect(describeHistory(history, "en").name).toBe("Trend");
  });

  it("shows the area rate by date: one row per date, one column per indicator and measure", () => {
    const head = spec.values.findIndex((r) => r[0] === "Ngày số liệu");
    expect(spec.values[head]!.slice(1, 1 + nSeries)).toHaveLength(nSeries);
    expect(spec.values[head + 1]![0]).toBe(excelSerialOf("2024-03-31"));
    expect(spec.values[head + 2]![0]).toBe(excelSerialOf("2024-04-30"));
    expect(excelSerialOf("2024-04-30")).toBe(45412);
    const bhyt = s.results.find((r) => r.indicatorKey === "bhyt")!;
    const col = spec.values[head]!.findIndex((v) => typeof v === "string" && v.startsWith("BHYT"));
    expect(spec.values[head + 2]![col]).toBe(bhyt.overall);
    expect(spec.columnFormats[0]).toBe("dd/mm/yyyy");
    expect(spec.columnFormats[col]).toBe("0.00%");
  });

  it("draws the area rate as lines, one per indicator, over the dates", () => {
    const ch = spec.chart!;
    expect(isLineChart(ch)).toBe(true);
    expect(ch.lines).toHaveLength(nSeries);
    expect(ch.categories).toMatchObject({ col: 0, rows: 2, cols: 1 });
    expect(ch.bars).toEqual(ch.lines![0]);
    expect(ch.line).toBeNull();
    ch.lines!.forEach((l, j) => expect(l.values).toEqual({ row: ch.categories.row, col: 1 + j, rows: 2, cols: 1 }));
    expect(describeHistory([], "vi").chart).toBeNull();
  });

  it("shows each unit's rate by date: the area first, then the units, dates across", () => {
    const r = s.results.find((x) => x.indicatorKey === "bhxh-tn" && x.measure === "attainment")!;
    const head = spec.values.findIndex((row) => row[1] === "31/03/2024" && typeof row[0] === "string" && row[0].startsWith(r.indicator));
    expect(head).toBeGreaterThan(0);
    expect(spec.values[head]![2]).toBe("30/04/2024");
    expect(spec.values[head + 1]!.slice(0, 3)).toEqual(["Toàn tỉnh", r.overall, r.overall]);
    const vt = r.units.find((u) => u.unit === "Huyện Vị Thủy")!;
    const units = spec.values.slice(head + 2, head + 2 + UNITS.length);
    expect(units.find((row) => row[0] === "Huyện Vị Thủy")!.slice(1, 3)).toEqual([vt.ratio, vt.ratio]);
    expect(spec.highlights.some((h) => h.style === "total" && h.rows.includes(head + 1))).toBe(true);
  });

  it("keeps the rows in a table each column of which holds one kind of value", () => {
    const t = spec.table!;
    expect(t.range.rows).toBe(history.length + 1);
    expect(t.range.cols).toBe(9);
    expect(spec.values[t.range.row]!.slice(t.range.col, t.range.col + 9)).toEqual([
      "Ngày số liệu",
      "Mã chỉ tiêu",
      "Chỉ tiêu",
      "Thước đo",
      "Cấp",
      "Đơn vị",
      "Thực hiện",
      "Kế hoạch / mẫu số",
      "Tỷ lệ",
    ]);
    expect(spec.columnFormats.slice(t.range.col)).toEqual(["dd/mm/yyyy", "@", "@", "@", "@", "@", "#,##0", "#,##0", "0.00%"]);
    // Nothing of the other blocks in the table's columns (they keep their number formats).
    const chartEnd = spec.chart!.anchor.col + 9;
    expect(t.range.col).toBeGreaterThan(chartEnd);
    for (let r = 0; r < spec.values.length; r++) {
      if (r >= t.range.row - 1) continue;
      for (let c = t.range.col; c < spec.width; c++) expect(spec.values[r]![c] ?? null).toBeNull();
    }
    expect(spec.columnFormats).toHaveLength(spec.width);
    expect(spec.columnWidths).toHaveLength(spec.width);
  });
});

// ---------------------------------------------------------------------------------------------
// readHistory: what a planner may have done to the sheet

describe("readHistory", () => {
  const rows: HistoryRow[] = mergeHistory(
    [],
    [
      {
        asOf: "2024-04-30",
        unit: "Toàn tỉnh",
        area: true,
        indicatorKey: "bhxh-tn",
        indicator: "BHXH tự nguyện",
        measure: "attainment",
        actual: 6380,
        denominator: 12296,
        rate: 6380 / 12296,
      },
      {
        asOf: "2024-04-30",
        unit: "Huyện Vị Thủy",
        area: false,
        indicatorKey: "bhxh-tn",
        indicator: "BHXH tự nguyện",
        measure: "attainment",
        actual: 951,
        denominator: 2096,
        rate: 951 / 2096,
      },
      {
        asOf: "2024-04-30",
        unit: "Thị xã Long Mỹ",
        area: false,
        indicatorKey: "bhxh-tn",
        indicator: "BHXH tự nguyện",
        measure: "attainment",
        actual: 1420,
        denominator: 1900,
        rate: 1420 / 1900,
      },
      {
        asOf: "2024-03-31",
        unit: "Huyện Vị Thủy",
        area: false,
        indicatorKey: "bhxh-tn",
        indicator: "BHXH tự nguyện",
        measure: "attainment",
        actual: 900,
        denominator: 2096,
        rate: 900 / 2096,
      },
    ],
  );
  const grid = gridOf(rows);
  const head = grid.values.findIndex((r) => r.includes("Mã chỉ tiêu"));
  const col = grid.values[head]!.lastIndexOf("Ngày số liệu");
  const copy = (): CellValue[][] => grid.values.map((r) => [...r]);
  const address = (r: number, c: number) =>
    `${String.fromCharCode(65 + Math.floor(c / 26) - 1)}${String.fromCharCode(65 + (c % 26))}${r + 1}`.replace(/^@/, "");

  it('reads a sorted table with a blank row added, as Office gives blanks ("")', () => {
    const values = copy();
    const kept = values.slice(head + 1, head + 1 + rows.length).map((r) => r.slice(col, col + 9));
    // Sorted by unit, descending, with a blank row in the middle.
    kept.sort((a, b) => String(b[5]).localeCompare(String(a[5])));
    kept.splice(2, 0, new Array<CellValue>(9).fill(""));
    kept.forEach((r, k) => {
      const row = (values[head + 1 + k] ??= []);
      while (row.length < col) row.push("");
      row.splice(col, 9, ...r);
    });
    const read = readHistory({ name: grid.name, values });
    expect(read.warnings).toEqual([]);
    expect(read.rows).toEqual(rows);
  });

  it("reads a date typed as text (dd/mm/yyyy or ISO) as that day", () => {
    const values = copy();
    values[head + 1]![col] = "31/03/2024";
    values[head + 2]![col] = " 2024-04-30 ";
    expect(readHistory({ name: grid.name, values }).rows).toEqual(rows);
  });

  it("leaves out a row it cannot read, naming the cell, and keeps the others", () => {
    const values = copy();
    values[head + 2]![col + 6] = "khoảng 1.400";
    values[head + 3]![col] = "31/02/2024";
    const read = readHistory({ name: grid.name, values, origin: { row: 2, col: 0 } });
    expect(codes(read.warnings)).toEqual(["history-cell-unreadable", "history-cell-unreadable"]);
    const [figure, date] = withCode(read.warnings, "history-cell-unreadable");
    expect(figure!.params).toEqual({ field: "figure", value: "khoảng 1.400" });
    expect(figure!.where).toEqual({ sheet: "Diễn biến", cell: address(head + 2 + 2, col + 6) });
    expect(date!.params).toEqual({ field: "date", value: "31/02/2024" });
    expect(date!.where).toEqual({ sheet: "Diễn biến", cell: address(head + 3 + 2, col) });
    expect(read.rows).toHaveLength(rows.length - 2);
    expect(read.rows).toEqual(rows.filter((_r, k) => k !== 1 && k !== 2));
  });

  it("says which field: an unknown measure or level, an empty unit", () => {
    const values = copy();
    values[head + 1]![col + 3] = "tăng trưởng";
    values[head + 2]![col + 4] = "Huyện";
    values[head + 3]![col + 5] = "";
    const read = readHistory({ name: grid.name, values });
    expect(withCode(read.warnings, "history-cell-unreadable").map((m) => m.params.field)).toEqual(["measure", "level", "unit"]);
    expect(read.rows).toHaveLength(1);
  });

  it("keeps a row copied twice once; two rows that disagree are neither kept", () => {
    const values = copy();
    const second = values.length + 1;
    values.push([...values[head + 1]!]);
    const conflicting = [...values[head + 2]!];
    conflicting[col + 6] = 1;
    values.push(conflicting);
    const read = readHistory({ name: grid.name, values });
    expect(codes(read.warnings)).toEqual(["history-row-conflict"]);
    const [w] = withCode(read.warnings, "history-row-conflict");
    expect(w!.params).toMatchObject({ asOf: rows[1]!.asOf, unit: rows[1]!.unit, firstRow: head + 2 + 1 });
    expect(w!.where).toEqual({ sheet: "Diễn biến", cell: address(second, col) });
    expect(read.rows).toEqual(rows.filter((_r, k) => k !== 1));
  });

  it("says so when the block of kept rows is gone", () => {
    const read = readHistory({ name: "Diễn biến", values: [["DIỄN BIẾN"], [1, 2, 3]] });
    expect(read.found).toBe(false);
    expect(read.rows).toEqual([]);
    expect(codes(read.warnings)).toEqual(["history-not-found"]);
  });
});
