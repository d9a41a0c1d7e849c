/**
 * Any layout gives the clean figures: a clean province (random units and figures, in a tidy Kế hoạch sheet and
 * a tidy Thực hiện sheet) laid out again the ways offices lay it out — one sheet with plan and
 * actual under each indicator, or two rows per unit, or two sheets; with "Trong đó:" and breakdown
 * rows, notes and a signature block; footnote marks on names; "-" for zero; the plan in thousands
 * of people — gives the same results as the clean one, and both give what the province says
 * (Σ/Σ, competition ranks, below the area rate), all with no flags.
 */
import fc from "fast-check";
import ExcelJS from "exceljs";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsWorkbook";
import { analyze } from "../../src/workbook/recalculate";
import { DEFAULT_CHOICES } from "../../src/core/settings";
import { Summary } from "../../src/core/results";
import { ExpectedResult, SheetWriter, expectedResult, formula } from "../helpers/layouts";
import { expectArea, expectUnits, findResult } from "./check";

const BEFORE_2025 = [
  "Thành phố Vị Thanh",
  "Thành phố Ngã Bảy",
  "Thị xã Long Mỹ",
  "Huyện Long Mỹ",
  "Huyện Vị Thủy",
  "Huyện Phụng Hiệp",
  "Huyện Châu Thành",
  "Huyện Châu Thành A",
];
const AFTER_2025 = [
  "Phường Vị Tân",
  "Phường Vị Thanh",
  "Xã Vị Thanh 1",
  "Xã Vĩnh Thuận Đông",
  "Xã Vị Thủy",
  "Xã Hỏa Lựu",
  "Phường 1",
  "Phường 2",
  "Đặc khu Phú Quốc",
  "Đặc khu Côn Đảo",
];

/** How another office types the name: the prefix abbreviated. */
function abbreviated(name: string): string {
  return name
    .replace(/^Thành phố /, "TP. ")
    .replace(/^Thị xã /, "TX. ")
    .replace(/^Huyện /, "H. ")
    .replace(/^Phường /, "P. ")
    .replace(/^Xã /, "X. ")
    .replace(/^Đặc khu /, "ĐK ");
}

const INDICATORS = { tn: "BHXH tự nguyện", bhyt: "BHYT" } as const;
type Indicator = keyof typeof INDICATORS;

interface CleanUnit {
  readonly name: string;
  /** Per indicator: the plan in thousands of people (a whole number), and the actual in people. */
  readonly figures: readonly { readonly thousands: number; readonly actual: number }[];
}

interface Clean {
  readonly indicators: readonly Indicator[];
  readonly units: readonly CleanUnit[];
}

type Mark = "(*)" | "(1)" | "¹" | "*";

interface Relay {
  readonly shape: "sheets" | "one" | "rows";
  readonly titles: boolean;
  readonly total: "top" | "bottom" | null;
  /** "Trong đó:" and breakdowns under the total and under one unit; notes and a signature block. */
  readonly junk: boolean;
  /** The unit a breakdown goes under. */
  readonly breakdownUnder: number;
  readonly marks: readonly (Mark | null)[];
  /** Which sheet carries the marks, when there are two. */
  readonly markIn: "plan" | "actuals";
  /** Names abbreviated in the actuals sheet, when there are two. */
  readonly abbreviate: readonly boolean[];
  readonly dashes: boolean;
  /** The plan in thousands of people ("Đơn vị tính: nghìn người"), when it has its own sheet. */
  readonly scale: boolean;
}

const cleanArb: fc.Arbitrary<Clean> = fc
  .record({
    pool: fc.constantFrom(BEFORE_2025, AFTER_2025),
    n: fc.integer({ min: 2, max: 8 }),
    indicators: fc.constantFrom<Indicator[]>(["tn"], ["tn", "bhyt"], ["bhyt"]),
  })
  .chain(({ pool, n, indicators }) =>
    fc
      .record({
        names: fc.shuffledSubarray(pool, { minLength: n, maxLength: n }),
        figures: fc.array(
          fc.array(
            fc.record({
              thousands: fc.integer({ min: 1, max: 40 }),
              // Zero (a "-"), half the plan (ties between units), or any count.
              actual: fc.oneof(
                { weight: 1, arbitrary: fc.constant(-1) },
                { weight: 1, arbitrary: fc.constant(-2) },
                { weight: 4, arbitrary: fc.integer({ min: 1, max: 45000 }) },
              ),
            }),
            { minLength: indicators.length, maxLength: indicators.length },
          ),
          { minLength: n, maxLength: n },
        ),
      })
      .map(({ names, figures }) => ({
        indicators,
        units: names.map((name, i) => ({
          name,
          figures: figures[i]!.map((f) => ({ thousands: f.thousands, actual: f.actual === -1 ? 0 : f.actual === -2 ? f.thousands * 500 : f.actual })),
        })),
      })),
  );

const relayArb = (n: number): fc.Arbitrary<Relay> =>
  fc.record({
    shape: fc.constantFrom<Relay["shape"]>("sheets", "one", "rows"),
    titles: fc.boolean(),
    total: fc.constantFrom<Relay["total"]>("top", "bottom", null),
    junk: fc.boolean(),
    breakdownUnder: fc.nat(n - 1),
    marks: fc.array(fc.option(fc.constantFrom<Mark>("(*)", "(1)", "¹", "*"), { nil: null, freq: 3 }), { minLength: n, maxLength: n }),
    markIn: fc.constantFrom<Relay["markIn"]>("plan", "actuals"),
    abbreviate: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    dashes: fc.boolean(),
    scale: fc.boolean(),
  });

const target = (f: CleanUnit["figures"][number]) => f.thousands * 1000;

/** What the province says: one attainment result per indicator. */
function expected(p: Clean): ExpectedResult[] {
  return p.indicators.map((ind, k) =>
    expectedResult(
      ind === "tn" ? "bhxh-tn" : "bhyt",
      "attainment",
      p.units.map((u) => ({ unit: u.name, actual: u.figures[k]!.actual, denominator: target(u.figures[k]!) })),
    ),
  );
}

/** The clean workbook: a tidy plan and a tidy actuals sheet, people throughout. */
function cleanWorkbook(p: Clean): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const [name, pick] of [
    ["Kế hoạch", (f: CleanUnit["figures"][number]) => target(f)],
    ["Thực hiện", (f: CleanUnit["figures"][number]) => f.actual],
  ] as const) {
    const w = new SheetWriter(wb, name);
    w.put(["STT", "Đơn vị", ...p.indicators.map((i) => INDICATORS[i])]);
    p.units.forEach((u, i) => w.put([i + 1, u.name, ...u.figures.map(pick)]));
  }
  return wb;
}

const NOTES = ["Ghi chú: (*) Số liệu sơ bộ; (1) bao gồm khu công nghiệp.", "¹ Đơn vị điều chỉnh chỉ tiêu trong kỳ."];

/** The same province as an office lays it out. */
function relaidWorkbook(p: Clean, r: Relay): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const n = p.indicators.length;
  const marked = (i: number, sheet: "plan" | "actuals") => {
    const u = p.units[i]!;
    const base = sheet === "actuals" && r.shape === "sheets" && r.abbreviate[i] ? abbreviated(u.name) : u.name;
    const m = r.marks[i];
    const carries = r.shape !== "sheets" || r.markIn === sheet;
    return m && carries ? (m === "¹" ? base + m : `${base} ${m}`) : base;
  };
  const count = (v: number): ExcelJS.CellValue => (v === 0 && r.dashes ? "-" : v);
  const titles = (w: SheetWriter, width: number, lines: string[]) => {
    if (!r.titles) return;
    for (const t of lines) w.title(t, width);
    w.blank();
  };
  // Figures of one row: per indicator the plan (in `scale` thousands) and/or the actual.
  type Pick = (f: CleanUnit["figures"][number]) => number;
  const splitHalf = (v: number): [number, number] => [Math.floor(v / 2), v - Math.floor(v / 2)];
  const signature = (w: SheetWriter, width: number) => {
    w.blank();
    for (const line of NOTES) w.put([null, line]);
    w.blank();
    const right = Math.max(3, width);
    const place = w.put([]);
    w.ws.getCell(place, right).value = "Vị Thanh, ngày 05 tháng 11 năm 2022";
    const who = w.put([null, "Người lập biểu"]);
    w.ws.getCell(who, right).value = "GIÁM ĐỐC";
    w.blank(2);
    const names = w.put([null, "Nguyễn Thị Mai"]);
    w.ws.getCell(names, right).value = "Trần Văn Hùng";
  };

  if (r.shape === "sheets") {
    const sheet = (name: string, role: "plan" | "actuals") => {
      const scaled = role === "plan" && r.scale;
      const pick: Pick = role === "plan" ? (f) => (scaled ? f.thousands : target(f)) : (f) => f.actual;
      const width = 2 + n;
      const w = new SheetWriter(wb, name);
      titles(w, width, [
        "BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG",
        role === "plan" ? "CHỈ TIÊU PHÁT TRIỂN NGƯỜI THAM GIA NĂM 2022" : "KẾT QUẢ THỰC HIỆN",
        "Số liệu đến ngày 31/10/2022",
      ]);
      if (scaled) w.put([null, null, "Đơn vị tính: nghìn người"]);
      w.put(["STT", "Đơn vị", ...p.indicators.map((i) => INDICATORS[i])]);
      const sums = p.indicators.map((_i, k) => p.units.reduce((s, u) => s + pick(u.figures[k]!), 0));
      const total = () => {
        const t = w.put(["Toàn tỉnh", null, ...sums]);
        w.merge(t, 1, t, 2);
        if (r.junk) {
          w.put([null, "Trong đó:"]);
          w.put([null, "- Khu vực thành thị", ...sums.map((s) => splitHalf(s)[0])]);
          w.put([null, "- Nông thôn", ...sums.map((s) => splitHalf(s)[1])]);
        }
      };
      if (r.total === "top") total();
      p.units.forEach((u, i) => {
        w.put([i + 1, marked(i, role), ...u.figures.map((f) => count(pick(f)))]);
        if (r.junk && i === r.breakdownUnder) {
          w.put([null, "Trong đó:"]);
          w.put([null, "+ Thành thị", ...u.figures.map((f) => splitHalf(pick(f))[0])]);
          w.put([null, "+ Nông thôn", ...u.figures.map((f) => splitHalf(pick(f))[1])]);
        }
      });
      if (r.total === "bottom") total();
      if (r.junk) signature(w, width);
    };
    sheet("Kế hoạch", "plan");
    sheet("Thực hiện", "actuals");
    return wb;
  }

  if (r.shape === "one") {
    // STT | Đơn vị | per indicator: Kế hoạch giao | Thực hiện | Tỷ lệ (%), under a merged group header.
    const width = 2 + 3 * n;
    const w = new SheetWriter(wb, "Bieu 01");
    titles(w, width, ["BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG", "BÁO CÁO KẾT QUẢ THỰC HIỆN NĂM 2022", "Số liệu đến ngày 31/10/2022"]);
    const h1 = w.put(["STT", "Đơn vị", ...p.indicators.flatMap((i) => [INDICATORS[i], null, null])]);
    w.put([null, null, ...p.indicators.flatMap(() => ["Kế hoạch giao", "Thực hiện", "Tỷ lệ (%)"])]);
    w.merge(h1, 1, h1 + 1, 1);
    w.merge(h1, 2, h1 + 1, 2);
    p.indicators.forEach((_i, k) => w.merge(h1, 3 + 3 * k, h1, 5 + 3 * k));
    const cells = (row: number, figs: readonly { t: number; a: number }[], dash: boolean) =>
      figs.flatMap((f, k) => {
        const c = 3 + 3 * k;
        const letter = (x: number) => String.fromCharCode(64 + x);
        return [
          f.t,
          dash ? count(f.a) : f.a,
          formula(`IF(${letter(c)}${row}=0,0,${letter(c + 1)}${row}/${letter(c)}${row}*100)`, f.t === 0 ? 0 : (f.a / f.t) * 100),
        ];
      });
    const figs = (u: CleanUnit) => u.figures.map((f) => ({ t: target(f), a: f.actual }));
    const sums = p.indicators.map((_i, k) => ({
      t: p.units.reduce((s, u) => s + target(u.figures[k]!), 0),
      a: p.units.reduce((s, u) => s + u.figures[k]!.actual, 0),
    }));
    const total = () => {
      const t = w.row + 1;
      w.put(["Toàn tỉnh", null, ...cells(t, sums, false)]);
      w.merge(t, 1, t, 2);
      if (r.junk) {
        w.put([null, "Trong đó:"]);
        const urban = sums.map((s) => ({ t: splitHalf(s.t)[0], a: splitHalf(s.a)[0] }));
        w.put([null, "- Khu vực thành thị", ...cells(w.row + 1, urban, false)]);
        const rural = sums.map((s) => ({ t: splitHalf(s.t)[1], a: splitHalf(s.a)[1] }));
        w.put([null, "- Nông thôn", ...cells(w.row + 1, rural, false)]);
      }
    };
    if (r.total === "top") total();
    p.units.forEach((u, i) => {
      w.put([i + 1, marked(i, "plan"), ...cells(w.row + 1, figs(u), true)]);
      if (r.junk && i === r.breakdownUnder) {
        w.put([null, "Trong đó:"]);
        w.put([
          null,
          "+ Thành thị",
          ...cells(
            w.row + 1,
            figs(u).map((f) => ({ t: splitHalf(f.t)[0], a: splitHalf(f.a)[0] })),
            false,
          ),
        ]);
        w.put([
          null,
          "+ Nông thôn",
          ...cells(
            w.row + 1,
            figs(u).map((f) => ({ t: splitHalf(f.t)[1], a: splitHalf(f.a)[1] })),
            false,
          ),
        ]);
      }
    });
    if (r.total === "bottom") total();
    if (r.junk) signature(w, width);
    return wb;
  }

  // Two rows per unit: STT | Đơn vị | Nội dung | indicators; the STT and name merged over both rows.
  const width = 3 + n;
  const w = new SheetWriter(wb, "Bieu 02");
  titles(w, width, ["BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG", "TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NĂM 2022", "Số liệu đến ngày 31/10/2022"]);
  w.put(["STT", "Đơn vị", "Nội dung", ...p.indicators.map((i) => INDICATORS[i])]);
  const band = (stt: number | null, name: string, plan: number[], actual: ExcelJS.CellValue[]) => {
    const top = w.put([stt, name, "Kế hoạch", ...plan]);
    w.put([null, null, "Thực hiện", ...actual]);
    w.merge(top, 1, top + 1, 1);
    w.merge(top, 2, top + 1, 2);
  };
  const total = () =>
    band(
      null,
      "Toàn tỉnh",
      p.indicators.map((_i, k) => p.units.reduce((s, u) => s + target(u.figures[k]!), 0)),
      p.indicators.map((_i, k) => p.units.reduce((s, u) => s + u.figures[k]!.actual, 0)),
    );
  if (r.total === "top") total();
  p.units.forEach((u, i) =>
    band(
      i + 1,
      marked(i, "plan"),
      u.figures.map(target),
      u.figures.map((f) => count(f.actual)),
    ),
  );
  if (r.total === "bottom") total();
  if (r.junk) signature(w, width);
  return wb;
}

async function summaryOf(wb: ExcelJS.Workbook): Promise<Summary> {
  return (await analyze(new ExcelJsWorkbook(wb), DEFAULT_CHOICES)).summary;
}

function expectSame(s: Summary, p: Clean): void {
  expect(s.unitNames).toEqual(p.units.map((u) => u.name));
  const want = expected(p);
  expect(s.results.map((r) => `${r.indicatorKey}/${r.measure}`).sort()).toEqual(want.map((e) => `${e.key}/${e.measure}`).sort());
  for (const e of want) {
    const r = findResult(s, e.key, e.measure);
    expectUnits(r, e);
    expectArea(r, e);
  }
  expect(s.unmatched).toEqual([]);
}

test("the clean province gives what it says (the control of the property below)", async () => {
  await fc.assert(
    fc.asyncProperty(cleanArb, async (p) => {
      expectSame(await summaryOf(cleanWorkbook(p)), p);
    }),
    { numRuns: 20 },
  );
}, 60_000);

test("a clean province laid out again as offices lay it out gives the same results as the clean one, with no flags", async () => {
  await fc.assert(
    fc.asyncProperty(
      cleanArb.chain((p) => fc.tuple(fc.constant(p), relayArb(p.units.length))),
      async ([p, r]) => {
        const clean = await summaryOf(cleanWorkbook(p));
        const relaid = await summaryOf(relaidWorkbook(p, r));
        expectSame(relaid, p);
        // The same as the clean run, field by field (names, figures, rates, ranks, marks).
        const view = (s: Summary) => ({
          units: s.unitNames,
          results: s.results.map((x) => ({
            key: x.indicatorKey,
            measure: x.measure,
            overall: x.overall,
            units: x.units.map((u) => [u.unit, u.actual, u.denominator, u.ratio, u.rank, u.belowAverage]),
          })),
        });
        expect(view(relaid)).toEqual(view(clean));
      },
    ),
    { numRuns: 40 },
  );
}, 120_000);
