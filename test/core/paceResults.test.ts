/**
 * Issue 19 through the engine: each attainment result's target period (header, the targets
 * sheet's titles, the report year; --period-start / --period-end), its pace and each unit's, the
 * notes and warnings that say what the pace was measured against, the ranked sheet's pace columns
 * and marks, the paragraph, computing it again for another date, and a phase and a year plan of one
 * indicator as two results.
 */
import fc from "fast-check";
import { SheetGrid } from "../../src/core/grid";
import { summarize } from "../../src/core/summarize";
import { describeOutput } from "../../src/core/describe";
import { labels } from "../../src/core/i18n";
import { toJsonReport } from "../../src/core/jsonReport";
import { writeNarrative } from "../../src/core/narrative";
import { computePace } from "../../src/core/pace";
import { paceSummary } from "../../src/core/paceResults";
import { rowsOf } from "../../src/core/sheetSpec";
import { toStored } from "../../src/core/settings";
import { DEFAULT_CHOICES } from "../../src/core/settings";
import { chitieuErrorOf } from "../helpers/errors";
import { codes, withCode } from "../helpers/messages";
import { Layout, buildGrid } from "../helpers/grids";
import { resultOf } from "../helpers/results";

const grid = (name: string, layout: Layout): SheetGrid => ({ name, values: buildGrid(layout).grid });

const UNITS = [
  { name: "Quận Ninh Kiều", target: 8000, actual: 6000 },
  { name: "Quận Bình Thủy", target: 4000, actual: 2000 },
  { name: "Huyện Thới Lai", target: 2000, actual: 1900 },
];

function targets(groupHeader: string | undefined, header = "BHXH tự nguyện", titles: readonly string[] = ["KẾ HOẠCH"]): SheetGrid {
  return grid("Kế hoạch", {
    titles,
    ...(groupHeader ? { groupHeader } : {}),
    units: UNITS.map((u) => ({ name: u.name })),
    columns: [{ header, values: UNITS.map((u) => u.target) }],
  });
}

function actuals(titles: readonly string[] = ["Số liệu đến ngày 30/4/2024"], header = "Số người tham gia BHXH tự nguyện"): SheetGrid {
  return grid("Thực hiện", { titles, units: UNITS.map((u) => ({ name: u.name })), columns: [{ header, values: UNITS.map((u) => u.actual) }] });
}

const DOT_1 = "Chỉ tiêu đợt 1 (01/01–30/6/2024)";

describe("the period of each attainment result", () => {
  it("is read from the target column's header: đợt 1, as of the actuals' date", () => {
    const s = summarize({ targets: targets(DOT_1), actuals: actuals(), base: null });
    const r = resultOf(s, "bhxh-tn");
    expect(r.period).toMatchObject({ start: "2024-01-01", end: "2024-06-30", label: "đợt 1" });
    expect(r.paceKind).toBe("stock");
    expect(r.pace).toEqual(computePace({ periodStart: "2024-01-01", periodEnd: "2024-06-30", asOf: "2024-04-30", target: 14000, actual: 9900, kind: "stock" }));
    expect(codes(s.paceNotes ?? [])).toEqual(["pace-no-start-level"]);
    expect(s.paceNotes![0]!.where).toEqual({ sheet: "Kế hoạch", column: "C" });
    expect(s.warnings).toEqual([]);
  });

  it("else from the targets sheet's title rows", () => {
    const s = summarize({ targets: targets(undefined, "BHXH tự nguyện", ["CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2024"]), actuals: actuals(), base: null });
    expect(resultOf(s, "bhxh-tn").period).toMatchObject({ start: "2024-01-01", end: "2024-06-30", label: "6 tháng đầu năm" });
    expect(codes(s.paceNotes ?? [])).toEqual(["pace-no-start-level"]);
  });

  it("else the report year's, and it says so", () => {
    const s = summarize({ targets: targets(undefined), actuals: actuals(), base: null });
    const r = resultOf(s, "bhxh-tn");
    expect(r.period).toMatchObject({ start: "2024-01-01", end: "2024-12-31", label: "năm 2024" });
    expect(withCode(s.paceNotes ?? [], "pace-period-defaulted")).toEqual([
      {
        code: "pace-period-defaulted",
        params: { indicator: { vi: "BHXH tự nguyện", en: "Voluntary social insurance" }, start: "2024-01-01", end: "2024-12-31" },
        where: { sheet: "Kế hoạch", column: "C" },
        setting: "periodEnd",
      },
    ]);
  });

  it("with only its end written, starts on 1 January, and says so", () => {
    const s = summarize({ targets: targets("Chỉ tiêu đến 30/6/2024"), actuals: actuals(), base: null });
    expect(resultOf(s, "bhxh-tn").period).toMatchObject({ start: "2024-01-01", end: "2024-06-30", startAssumed: true });
    expect(codes(s.paceNotes ?? [])).toEqual(["pace-start-assumed", "pace-no-start-level"]);
  });

  it("read two ways in one header: neither, the year instead, with a warning naming both", () => {
    const s = summarize({ targets: targets("Chỉ tiêu năm 2024", "BHXH tự nguyện 6 tháng đầu năm"), actuals: actuals(), base: null });
    expect(resultOf(s, "bhxh-tn").period).toMatchObject({ start: "2024-01-01", end: "2024-12-31" });
    const w = withCode(s.warnings, "pace-period-conflict");
    expect(w).toHaveLength(1);
    expect(w[0]!.params.readings.map((x) => [x.start, x.end])).toEqual([
      ["2024-01-01", "2024-12-31"],
      ["2024-01-01", "2024-06-30"],
    ]);
  });

  it("an as-of date outside the period is a warning, and the paragraph has no pace sentence", () => {
    const s = summarize({ targets: targets(DOT_1), actuals: actuals(), base: null }, { asOf: "31/7/2024" });
    expect(withCode(s.warnings, "pace-as-of-outside")).toHaveLength(1);
    expect(writeNarrative(s, { asOf: "31/7/2024" })[0]).not.toContain("Để hoàn thành");
  });

  it("--period-start and --period-end override it; a bad day or a start after the end is an error", () => {
    const s = summarize({ targets: targets(DOT_1), actuals: actuals(), base: null }, { periodStart: "1/4/2024", periodEnd: "30/9/2024" });
    expect(resultOf(s, "bhxh-tn").pace).toMatchObject({ periodStart: "2024-04-01", periodEnd: "2024-09-30", monthsLeft: 5 });
    const bad = chitieuErrorOf(() => summarize({ targets: targets(DOT_1), actuals: actuals(), base: null }, { periodEnd: "31/9/2024" }));
    expect([bad.code, bad.problem.code, bad.problem.params]).toEqual(["bad-option", "period-not-a-date", { which: "end", text: "31/9/2024" }]);
    const after = chitieuErrorOf(() => summarize({ targets: targets(DOT_1), actuals: actuals(), base: null }, { periodStart: "1/8/2024" }));
    // The start given, the end read (30/6): a period that ends before it starts.
    expect([after.problem.code, after.problem.params]).toEqual(["period-start-after-end", { start: "2024-08-01", end: "2024-06-30" }]);
  });
});

describe("no as-of date", () => {
  it("no pace at all, said once", () => {
    const s = summarize({ targets: targets(DOT_1), actuals: actuals(["KẾT QUẢ THỰC HIỆN"]), base: null });
    expect(resultOf(s, "bhxh-tn").pace).toBeNull();
    expect(codes(s.paceNotes ?? [])).toEqual(["pace-no-as-of"]);
    expect(writeNarrative(s)[0]).not.toContain("Để hoàn thành");
    expect(toJsonReport(s).results[0]!.pace).toBeNull();
    expect(resultOf(s, "bhxh-tn").units.every((u) => u.pace === undefined)).toBe(true);
  });
});

describe("flows: new enrolments against target × elapsed share", () => {
  // At 30/4/2024, 121/182 of đợt 1: Ninh Kiều 6000 ≥ 8000 × 0,6648; Bình Thủy 2000 < 4000 × 0,6648 (off pace).
  const s = summarize({ targets: targets(DOT_1), actuals: actuals(undefined, "Phát triển mới BHXH tự nguyện"), base: null });
  const r = resultOf(s, "bhxh-tn");

  it("judges each unit on or off pace", () => {
    expect(r.paceKind).toBe("flow");
    expect(r.units.map((u) => [u.unit, u.pace!.onPace])).toEqual([
      ["Huyện Thới Lai", true],
      ["Quận Ninh Kiều", true],
      ["Quận Bình Thủy", false],
    ]);
    expect(r.pace!.onPace).toBe(true);
    expect(codes(s.paceNotes ?? [])).toEqual([]);
  });

  it("the ranked sheet: still needed, each month, on pace; off-pace rows painted as below-average ones are", () => {
    const L = labels("vi");
    const spec = describeOutput(s).find((x) => x.key === "ranked:bhxh-tn:attainment")!;
    const rows = rowsOf(spec).slice(0, rowsOf(spec).count);
    const header = rows[spec.dataStart - 1]!;
    const at = header.indexOf(L.onPace);
    expect(header.slice(at - 2, at + 1)).toEqual(["Còn phải phát triển (đến 30/6/2024)", "Bình quân mỗi tháng", "Theo tiến độ"]);
    const data = rows.slice(spec.dataStart, spec.dataStart + 3);
    expect(data.map((row) => [row[1], row[at - 2], row[at - 1], row[at]])).toEqual([
      ["Huyện Thới Lai", 100, 50, L.onPaceMark],
      ["Quận Ninh Kiều", 2000, 1000, L.onPaceMark],
      ["Quận Bình Thủy", 2000, 1000, L.offPaceMark],
    ]);
    const painted = spec.highlights.filter((h) => h.mark?.text === L.offPaceMark);
    expect(painted).toEqual([
      {
        style: "belowAverage",
        block: { row: spec.dataStart, col: at - 2, rows: 3, cols: 3 },
        rows: [spec.dataStart + 2],
        mark: { col: at, text: L.offPaceMark },
      },
    ]);
  });

  it("the JSON: each unit's pace", () => {
    const j = toJsonReport(s);
    expect(j.results[0]!.units.map((u) => u.pace)).toEqual([
      { remaining: 100, perMonth: 50, expected: 2000 * (121 / 182), onPace: true },
      { remaining: 2000, perMonth: 1000, expected: 8000 * (121 / 182), onPace: true },
      { remaining: 2000, perMonth: 1000, expected: 4000 * (121 / 182), onPace: false },
    ]);
  });
});

describe("computing the pace again for another date", () => {
  const s = summarize({ targets: targets(DOT_1), actuals: actuals(), base: null });

  it("keeps the summary when the choices are the same", () => {
    expect(paceSummary(s, {})).toBe(s);
  });

  it("replaces the pace and its warnings", () => {
    const later = paceSummary(s, { asOf: "31/7/2024" });
    expect(codes(later.warnings)).toEqual(["pace-as-of-outside"]);
    const back = paceSummary(later, { asOf: "31/5/2024" });
    expect(back.warnings).toEqual([]);
    expect(resultOf(back, "bhxh-tn").pace).toMatchObject({ asOf: "2024-05-31", monthsLeft: 1, remaining: 4100, perMonth: 4100 });
    // The units are made from the new columns.
    expect(resultOf(back, "bhxh-tn").units.map((u) => u.pace!.perMonth)).toEqual(resultOf(back, "bhxh-tn").units.map((u) => u.pace!.remaining));
  });
});

describe("a phase and a year plan of one indicator", () => {
  const two = grid("Kế hoạch", {
    titles: ["KẾ HOẠCH NĂM 2024"],
    units: UNITS.map((u) => ({ name: u.name })),
    columns: [
      { header: "BHXH tự nguyện đợt 1 (01/01–30/6/2024)", values: UNITS.map((u) => u.target) },
      { header: "BHXH tự nguyện năm 2024", values: UNITS.map((u) => 2 * u.target) },
    ],
  });

  it("are two results, each against its period, with unique keys and sheet names", () => {
    const s = summarize({ targets: two, actuals: actuals(), base: null });
    expect(s.results.map((r) => [r.denominatorTotal, r.variant ?? null, r.planPeriod?.vi, r.pace?.periodEnd])).toEqual([
      [14000, null, "đợt 1", "2024-06-30"],
      [28000, "2024-01-01/2024-12-31", "năm 2024", "2024-12-31"],
    ]);
    expect(s.warnings).toEqual([]);
    const specs = describeOutput(s);
    expect(specs.map((x) => x.key)).toEqual(["overview", "ranked:bhxh-tn:attainment", "ranked:bhxh-tn:attainment:2024-01-01/2024-12-31"]);
    expect(specs.map((x) => x.name)).toEqual(["Tổng hợp chỉ tiêu", "Xếp hạng BHXH TN đợt 1 (KH)", "Xếp hạng BHXH TN năm 2024 (KH)"]);
    expect(describeOutput(s, { lang: "en" }).map((x) => x.name)).toEqual(["Overview", "Rank Voluntary phase 1 (plan)", "Rank Voluntary SI 2024 (plan)"]);
    // The detection lists both plan columns as the indicator's.
    expect(s.detection[0]!.indicators.map((i) => [i.column, i.indicator])).toEqual([
      ["C", "BHXH tự nguyện"],
      ["D", "BHXH tự nguyện"],
    ]);
  });

  it("an adjusted plan of the same period is still the one used, the first not", () => {
    const adjusted = grid("Kế hoạch", {
      units: UNITS.map((u) => ({ name: u.name })),
      columns: [
        { header: "BHXH tự nguyện năm 2024", values: UNITS.map((u) => u.target) },
        { header: "BHXH tự nguyện năm 2024 (điều chỉnh)", values: UNITS.map((u) => 2 * u.target) },
      ],
    });
    const s = summarize({ targets: adjusted, actuals: actuals(), base: null });
    expect(s.results.map((r) => r.denominatorTotal)).toEqual([28000]);
    const first = s.detection[0]!.columns!.find((c) => c.column === "C")!;
    expect(first.because?.code).toBe("column-first-plan");
  });

  it("a second plan column whose period is not named stays a second column, as before", () => {
    const unnamed = grid("Kế hoạch", {
      units: UNITS.map((u) => ({ name: u.name })),
      columns: [
        { header: "BHXH tự nguyện đợt 1 (01/01–30/6/2024)", values: UNITS.map((u) => u.target) },
        { header: "Kế hoạch giao BHXH tự nguyện", values: UNITS.map((u) => 2 * u.target) },
      ],
    });
    const s = summarize({ targets: unnamed, actuals: actuals(), base: null });
    expect(s.results).toHaveLength(1);
    expect(codes(s.warnings)).toContain("second-indicator-column");
  });
});

describe("the run's choices", () => {
  it("keep the target period out of the saved settings, like the report date", () => {
    const stored = toStored({ ...DEFAULT_CHOICES, asOf: "30/4/2024", periodStart: "01/01/2024", periodEnd: "30/6/2024" });
    expect(stored).not.toHaveProperty("periodStart");
    expect(stored).not.toHaveProperty("periodEnd");
    expect(stored).not.toHaveProperty("asOf");
  });
});

describe("each unit's pace is pace.ts's own rule on the unit's figures (property)", () => {
  it("for stocks and flows, any period and as-of date", () => {
    const day = fc.record({ m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });
    fc.assert(
      fc.property(
        fc.array(fc.record({ target: fc.integer({ min: 0, max: 100000 }), actual: fc.integer({ min: 0, max: 120000 }) }), { minLength: 1, maxLength: 6 }),
        day,
        day,
        day,
        fc.boolean(),
        (figs, a, b, asOf, flow) => {
          const [s0, e0] = a.m * 100 + a.d <= b.m * 100 + b.d ? [a, b] : [b, a];
          const names = figs.map((_f, i) => `Xã Số ${i + 1}`);
          const t = grid("Kế hoạch", { units: names.map((name) => ({ name })), columns: [{ header: "BHXH tự nguyện", values: figs.map((f) => f.target) }] });
          const x = grid("Thực hiện", {
            units: names.map((name) => ({ name })),
            columns: [{ header: flow ? "Phát triển mới BHXH tự nguyện" : "BHXH tự nguyện", values: figs.map((f) => f.actual) }],
          });
          const iso = (p: { m: number; d: number }) => `2024-${String(p.m).padStart(2, "0")}-${String(p.d).padStart(2, "0")}`;
          const dmy = (p: { m: number; d: number }) => `${p.d}/${p.m}/2024`;
          const s = summarize({ targets: t, actuals: x, base: null }, { asOf: dmy(asOf), periodStart: dmy(s0), periodEnd: dmy(e0) });
          const r = s.results[0]!;
          const kind = flow ? "flow" : "stock";
          expect(r.pace).toEqual(
            computePace({ periodStart: iso(s0), periodEnd: iso(e0), asOf: iso(asOf), target: r.denominatorTotal, actual: r.actualTotal, kind }),
          );
          for (const u of r.units) {
            const p = computePace({ periodStart: iso(s0), periodEnd: iso(e0), asOf: iso(asOf), target: u.denominator!, actual: u.actual!, kind })!;
            expect(u.pace).toEqual({ remaining: p.remaining, perMonth: p.perMonth, expected: p.expected, onPace: p.onPace });
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
