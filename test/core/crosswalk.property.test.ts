/**
 * Issue 18, over generated provinces: merging k old communes into one new commune gives the growth
 * a planner would compute by hand (Σ of the old communes' figures as last year's), and a random
 * crosswalk with shares keeps the whole: Σ of the old units = Σ of the new units' figures.
 */
import fc from "fast-check";
import { CellValue, SheetGrid } from "../../src/core/grid";
import { summarize } from "../../src/core/summarize";

const sheet = (name: string, values: CellValue[][]): SheetGrid => ({ name, values });

/** "A", "B", … "Z", "AA": a distinct word per index. */
function letters(i: number): string {
  let s = "";
  let n = i + 1;
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const KINDS = [
  { full: "Xã", short: ["X.", "xã", "XÃ"] },
  { full: "Phường", short: ["P.", "phường"] },
  { full: "Thị trấn", short: ["TT.", "TT", "thị trấn"] },
] as const;

interface Province {
  /** Per new commune, its old communes: [kind, spelling, figure]. */
  readonly merged: readonly (readonly { readonly kind: number; readonly spelling: number; readonly figure: number }[])[];
  readonly actuals: readonly number[];
  readonly order: readonly number[];
}

const province: fc.Arbitrary<Province> = fc
  .array(fc.array(fc.record({ kind: fc.nat(2), spelling: fc.nat(3), figure: fc.integer({ min: 0, max: 5000 }) }), { minLength: 1, maxLength: 5 }), {
    minLength: 1,
    maxLength: 12,
  })
  .chain((merged) => {
    const olds = merged.reduce((n, m) => n + m.length, 0);
    return fc.record({
      merged: fc.constant(merged),
      actuals: fc.array(fc.integer({ min: 0, max: 6000 }), { minLength: merged.length, maxLength: merged.length }),
      // Last year's sheet lists the old communes in any order.
      order: fc.shuffledSubarray([...Array(olds).keys()], { minLength: olds, maxLength: olds }),
    });
  });

function oldName(j: number, kind: number, spelling: number | null): string {
  const k = KINDS[kind]!;
  const prefix = spelling === null ? k.full : (k.short[spelling % k.short.length] ?? k.full);
  return `${prefix} Tân ${letters(j)}`;
}
const newName = (i: number) => `Phường Mới ${letters(i)}`;

function sheetsOf(p: Province) {
  const olds: { name: string; typed: string; figure: number; into: number }[] = [];
  p.merged.forEach((m, i) =>
    m.forEach((o) => olds.push({ name: oldName(olds.length, o.kind, null), typed: oldName(olds.length, o.kind, o.spelling), figure: o.figure, into: i })),
  );
  const news = p.merged.map((_m, i) => newName(i));
  const head = ["STT", "Đơn vị", "BHXH tự nguyện"];
  const targets = sheet("Kế hoạch", [head, ...news.map((n, i) => [i + 1, n, 10000])]);
  const actuals = sheet("Thực hiện", [["Số liệu đến ngày 30/6/2026"], head, ...news.map((n, i) => [i + 1, n, p.actuals[i]!])]);
  const previous = sheet("Cùng kỳ", [["Số liệu đến ngày 30/6/2025"], head, ...p.order.map((j, r) => [r + 1, olds[j]!.typed, olds[j]!.figure])]);
  const crosswalk = sheet("Quy đổi", [["STT", "Xã, phường trước sắp xếp", "Xã, phường sau sắp xếp"], ...olds.map((o, j) => [j + 1, o.name, news[o.into]!])]);
  return { olds, news, targets, actuals, previous, crosswalk };
}

describe("merging k old communes into one, over generated provinces", () => {
  it("gives each new commune the growth computed by hand, and the area's growth Σ/Σ", () => {
    fc.assert(
      fc.property(province, (p) => {
        const { olds, news, targets, actuals, previous, crosswalk } = sheetsOf(p);
        const s = summarize({ targets, actuals, base: null, previous, crosswalk });
        expect(s.warnings.filter((w) => w.code.startsWith("crosswalk-"))).toEqual([]);
        const r = s.results[0]!;
        const byHand = news.map((_n, i) => olds.filter((o) => o.into === i).reduce((a, o) => a + o.figure, 0));
        for (const u of r.units) {
          const i = news.indexOf(u.unit);
          expect(u.previous).toBe(byHand[i]);
          const g = byHand[i]! === 0 ? null : p.actuals[i]! / byHand[i]! - 1;
          if (g === null) expect(u.growth).toBeNull();
          else expect(u.growth).toBeCloseTo(g, 12);
        }
        const prevTotal = byHand.reduce((a, b) => a + b, 0);
        expect(r.previousTotal).toBe(prevTotal);
        if (prevTotal > 0) expect(r.growth).toBeCloseTo(p.actuals.reduce((a, b) => a + b, 0) / prevTotal - 1, 12);
        // Each new commune says which old ones it was made of, as last year's sheet writes them.
        s.crosswalk!.from.forEach((f, k) => {
          const i = news.indexOf(s.unitNames[k]!);
          expect([...f.previous!].sort()).toEqual(
            olds
              .filter((o) => o.into === i)
              .map((o) => o.typed)
              .sort(),
          );
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe("a random crosswalk with shares", () => {
  // Old units, each split among 1–3 new units by whole percentages that add up to 100.
  const split = fc.integer({ min: 1, max: 3 }).chain((n) =>
    fc.array(fc.integer({ min: 1, max: 98 }), { minLength: n - 1, maxLength: n - 1 }).map((cuts) => {
      const points = [...new Set(cuts)].sort((a, b) => a - b);
      const bounds = [0, ...points, 100];
      return bounds.slice(1).map((b, i) => b - bounds[i]!);
    }),
  );
  const world = fc.record({
    news: fc.integer({ min: 1, max: 8 }),
    olds: fc.array(fc.record({ figure: fc.integer({ min: 0, max: 100000 }), shares: split, targets: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }) }), {
      minLength: 1,
      maxLength: 20,
    }),
  });

  it("reproduces Σ old = Σ new", () => {
    fc.assert(
      fc.property(world, (w) => {
        const news = [...Array(w.news).keys()].map(newName);
        const rows: CellValue[][] = [["Đơn vị cũ", "Đơn vị mới", "Tỷ lệ (%)"]];
        const fed = new Set<number>();
        w.olds.forEach((o, j) => {
          // Distinct new units for the parts of one old unit.
          const into = [...new Set(o.shares.map((_s, k) => (o.targets[k]! + k) % w.news))];
          const shares = into.length === o.shares.length ? o.shares : [100];
          const targetsOf = into.length === o.shares.length ? into : [o.targets[0]! % w.news];
          shares.forEach((s, k) => {
            rows.push([`Xã Cũ ${letters(j)}`, news[targetsOf[k]!]!, s]);
            fed.add(targetsOf[k]!);
          });
        });
        // Only new units some old unit feeds are this year's (a new unit of nothing is another test).
        const present = news.filter((_n, i) => fed.has(i));
        const head = ["Đơn vị", "BHYT"];
        const actuals = sheet("Thực hiện", [["Số liệu đến ngày 31/12/2025"], head, ...present.map((n) => [n, 1000])]);
        const targets = sheet("Kế hoạch", [head, ...present.map((n) => [n, 2000])]);
        const previous = sheet("Cùng kỳ", [["Số liệu đến ngày 31/12/2024"], head, ...w.olds.map((o, j) => [`Xã Cũ ${letters(j)}`, o.figure])]);
        const s = summarize({ targets, actuals, base: null, previous, crosswalk: sheet("Quy đổi", rows) });
        expect(s.warnings.filter((x) => x.code.startsWith("crosswalk-"))).toEqual([]);
        const oldSum = w.olds.reduce((a, o) => a + o.figure, 0);
        const newSum = s.results[0]!.units.reduce((a, u) => a + (u.previous ?? 0), 0);
        expect(Math.abs(newSum - oldSum)).toBeLessThanOrEqual(1e-9 * Math.max(1, oldSum));
        expect(s.results[0]!.units.every((u) => u.previous !== null)).toBe(true);
      }),
      { numRuns: 80 },
    );
  });
});
