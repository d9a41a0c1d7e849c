/**
 * The checks every layout gets: the workbook written to an .xlsx buffer and read back
 * (as the CLI reads a file), run through the real pipeline with no flags (`analyze` with the
 * default choices), through the exceljs adapter or the Office.js adapter over the recording fake
 * of Excel; then every unit's figures, the area-wide rate, the units and nothing else, and the
 * rows that are not units, against what the layout's builder computed from its province.
 */
import ExcelJS from "exceljs";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsWorkbook";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { Analysis, analyze } from "../../src/workbook/recalculate";
import { DEFAULT_CHOICES } from "../../src/core/settings";
import { IndicatorResult, Summary, UnitResult } from "../../src/core/results";
import { formatPercent } from "../../src/core/format";
import { render } from "../../src/core/messages";
import { fakeFromExcelJs } from "../workbook/fakeExcel";
import { BuiltLayout, ExpectedExclusion, ExpectedResult, ExpectedUnit, SEED_000 } from "../helpers/layouts";

export type Via = "exceljs" | "office";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The summary's warnings as the CLI shows them in Vietnamese: a message names its place ("'Thực hiện'!C6") in its sentence. */
export const warningTexts = (summary: Summary): string[] => summary.warnings.map((w) => render(w, { lang: "vi", shell: "cli" }));

/** Through a real .xlsx, as the CLI reads it. */
export async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const file = new ExcelJS.Workbook();
  await file.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return file;
}

/** The pipeline every shell runs, with no flags. */
export async function run(b: BuiltLayout, via: Via = "exceljs"): Promise<Analysis> {
  const file = await reload(b.workbook);
  if (via === "exceljs") return analyze(new ExcelJsWorkbook(file), DEFAULT_CHOICES);
  const fake = fakeFromExcelJs(file);
  return analyze(new OfficeWorkbook({ run: fake.run, settings: fake.settings, isSetSupported: fake.isSetSupported }), DEFAULT_CHOICES);
}

export function findResult(s: Summary, key: string, measure: string): IndicatorResult {
  const r = s.results.find((x) => x.indicatorKey === key && x.measure === measure);
  if (!r) throw new Error(`no result ${key}/${measure}; the engine gave: ${s.results.map((x) => `${x.indicatorKey}/${x.measure}`).join(", ") || "none"}`);
  return r;
}

const close = (x: number | null | undefined) => (x === null || x === undefined ? x : expect.closeTo(x, 12));

/** The expectation with rates compared to 12 digits (figures exactly). */
function wanted(u: ExpectedUnit): Record<string, unknown> {
  const out: Record<string, unknown> = { ...u, ratio: close(u.ratio) };
  if ("growth" in u) out.growth = close(u.growth);
  if ("goal" in u) out.goal = close(u.goal);
  return out;
}

/** What the engine gave for a unit, with the fields the expectation has. */
function given(e: ExpectedUnit, u: UnitResult | undefined): Record<string, unknown> {
  if (!u) return { unit: e.unit, missing: "not in the result" };
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(e)) out[k] = u[k as keyof UnitResult];
  return out;
}

/** Every unit of the result (by name, in the expectation's order) as expected, and no other. */
export function expectUnits(r: IndicatorResult, e: ExpectedResult): void {
  const byName = new Map(r.units.map((u) => [u.unit, u]));
  expect(e.units.map((x) => given(x, byName.get(x.unit)))).toEqual(e.units.map(wanted));
  expect(r.units.map((u) => u.unit).sort()).toEqual(e.units.map((u) => u.unit).sort());
}

export function expectArea(r: IndicatorResult, e: ExpectedResult): void {
  expect({ overall: r.overall, actualTotal: r.actualTotal, denominatorTotal: r.denominatorTotal }).toEqual({
    overall: close(e.overall),
    actualTotal: e.actualTotal,
    denominatorTotal: e.denominatorTotal,
  });
  if ("growth" in e) expect(r.growth).toEqual(close(e.growth));
}

/** The expected exclusions the detection does not list (by sheet and row, with a reason). */
export function missingExclusions(s: Summary, excluded: readonly ExpectedExclusion[]): string[] {
  return excluded
    .filter(
      (x) =>
        !s.detection.some(
          (d) =>
            d.sheet === x.sheet &&
            d.excludedRows.some((r) => r.row === x.row && typeof r.reason === "string" && r.reason.trim() !== "" && (!x.reason || x.reason.test(r.reason))),
        ),
    )
    .map((x) => `'${x.sheet}' row ${x.row} "${x.label}"${x.reason ? ` (reason ${x.reason})` : ""}`);
}

/** The rows the detection excluded, for a failure's message. */
export function excludedRows(s: Summary): string[] {
  return s.detection.flatMap((d) => d.excludedRows.map((r) => `'${d.sheet}' row ${r.row} "${r.label}": ${r.reason}`));
}

export const pct = (x: number | null): string | null => (x === null ? null : formatPercent(x, "vi"));

/** Units below the area rate, lowest first, with their rates as the press prints them. */
export function belowLowestFirst(r: IndicatorResult): [string, string | null][] {
  return r.units
    .filter((u) => u.belowAverage)
    .sort((a, b) => a.ratio! - b.ratio!)
    .map((u) => [u.unit, pct(u.ratio)]);
}

/** Seed 000's voluntary insurance figures: 12.853 people, 64,91%; Vị Thủy, Phụng Hiệp, Long Mỹ below. */
export function expectSeedVoluntary(s: Summary): void {
  const r = findResult(s, "bhxh-tn", "attainment");
  expect(r.actualTotal).toBe(SEED_000.tnCount);
  expect(pct(r.overall)).toBe(SEED_000.tnRate);
  expect(belowLowestFirst(r)).toEqual(SEED_000.belowTn.map(([u, p]) => [u, p]));
}

/** Seed 000's BHYT coverage: 621.955 people, 85,26%; Phụng Hiệp, Châu Thành, Châu Thành A below. */
export function expectSeedCoverage(s: Summary): void {
  const r = findResult(s, "bhyt", "coverage");
  expect(r.actualTotal).toBe(SEED_000.bhytCount);
  expect(pct(r.overall)).toBe(SEED_000.bhytRate);
  expect(belowLowestFirst(r)).toEqual(SEED_000.belowBhyt.map(([u, p]) => [u, p]));
}

export interface LayoutChecks {
  /** The per-unit and area figures (off where the layout allows a warning instead: m). */
  readonly figures?: boolean;
  /** Seed 000's published figures: voluntary insurance, BHYT coverage. */
  readonly seed?: readonly ("voluntary" | "coverage")[];
}

export interface LayoutContext {
  readonly built: BuiltLayout;
  /** The analysis (rejects with the engine's error, which then fails the test that awaits it). */
  readonly analysis: () => Promise<Analysis>;
}

/**
 * The tests every layout gets. `more` adds the layout's own, with the same analysis. Each test
 * awaits the analysis: an engine error fails each of them with its message.
 */
export function describeLayout(make: () => BuiltLayout, via: Via = "exceljs", checks: LayoutChecks = {}, more?: (ctx: LayoutContext) => void): void {
  const built = make();
  describe(`${built.key}. ${built.name}${via === "office" ? " — through the Office.js adapter" : ""}`, () => {
    let got: Promise<Analysis> | null = null;
    const analysis = () => {
      if (!got) {
        got = run(built, via);
        got.catch(() => undefined);
      }
      return got;
    };

    test("reads with no flags", async () => {
      const a = await analysis();
      expect(a.summary.results.length).toBeGreaterThan(0);
    });

    test("the units, in the plan's order, and no row that is not one (names shown without footnote marks)", async () => {
      const { summary } = await analysis();
      expect(summary.unitNames).toEqual(built.units);
    });

    test("every unit matched across the sheets: none left out of the area total", async () => {
      const { summary } = await analysis();
      expect(summary.unmatched).toEqual([]);
    });

    if (built.sheets) {
      test("the sheets chosen", async () => {
        const { summary } = await analysis();
        expect(summary.sheets).toMatchObject(built.sheets!);
      });
    }

    if (checks.figures !== false) {
      test("the results: one per indicator and measure the layout holds", async () => {
        const { summary } = await analysis();
        expect(summary.results.map((r) => `${r.indicatorKey}/${r.measure}`).sort()).toEqual(built.results.map((e) => `${e.key}/${e.measure}`).sort());
      });
      for (const e of built.results) {
        test(`${e.key} ${e.measure}: each unit's actual, denominator, rate, rank and below-average mark`, async () => {
          const { summary } = await analysis();
          expectUnits(findResult(summary, e.key, e.measure), e);
        });
        test(`${e.key} ${e.measure}: the area-wide rate Σ/Σ and the totals`, async () => {
          const { summary } = await analysis();
          expectArea(findResult(summary, e.key, e.measure), e);
        });
      }
    }

    test("rows that are not units are listed by the detection with their reason", async () => {
      const { summary } = await analysis();
      const missing = missingExclusions(summary, built.excluded);
      expect({ missing, excludedByEngine: missing.length ? excludedRows(summary) : [] }).toEqual({ missing: [], excludedByEngine: [] });
    });

    test("the sheet's own total row agrees with the units' sum: no warning names it", async () => {
      const { summary } = await analysis();
      const totals = built.excluded.filter((x) => x.reason?.test("total"));
      const named = warningTexts(summary).filter((w) => totals.some((t) => new RegExp(`'${escape(t.sheet)}'![A-Z]+${t.row}\\b`).test(w)));
      expect(named).toEqual([]);
    });

    if (checks.seed?.includes("voluntary")) {
      test("seed 000: 12.853 voluntary participants, 64,91% of plan; Vị Thủy 45,37%, Phụng Hiệp 49,34%, Long Mỹ 53,24% below", async () => {
        expectSeedVoluntary((await analysis()).summary);
      });
    }
    if (checks.seed?.includes("coverage")) {
      test("seed 000: BHYT 621.955 people, 85,26% of the population; Phụng Hiệp 75,97%, Châu Thành 80,66%, Châu Thành A 82,02% below", async () => {
        expectSeedCoverage((await analysis()).summary);
      });
    }

    more?.({ built, analysis });
  });
}
