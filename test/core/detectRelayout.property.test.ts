/**
 * A table laid out the way offices type it — footnote marks on names, "-" for zero, breakdown rows
 * under units and the total, notes and the signature block under the table, the figures in
 * thousands — is read as the same units with the same figures as the clean table (fast-check).
 */
import fc from "fast-check";
import { detectTable } from "../../src/core/detect";
import { CellValue } from "../../src/core/grid";
import { parseUnitName } from "../../src/core/units";

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 150) };

const PREFIXES = ["Huyện", "Thị xã", "Thành phố", "Xã", "Phường", "Thị trấn", "Đặc khu", "H.", "TX.", "P.", "ĐK"];
const SYLLABLES = ["An", "Bình", "Châu", "Thành", "Long", "Mỹ", "Vị", "Thủy", "Phụng", "Hiệp", "Tân", "Phú", "Hòa", "Côn", "Đảo", "A"];
const MARKS = ["", "", "", " (*)", "¹", " (1)", "*", "(**)", " [2]"];

interface Messy {
  readonly units: { readonly name: string; readonly figures: readonly number[]; readonly mark: string; readonly breakdown: boolean }[];
  readonly columns: number;
  readonly dash: boolean;
  readonly thousands: boolean;
  readonly total: "top" | "bottom" | null;
  readonly totalBreakdown: boolean;
  readonly footer: boolean;
}

const unitArb = (columns: number) =>
  fc.record({
    name: fc
      .tuple(fc.constantFrom(...PREFIXES), fc.array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 3 }))
      .map(([p, s]) => `${p} ${s.join(" ")}`),
    figures: fc.array(fc.oneof(fc.integer({ min: 0, max: 50000 }), fc.constant(0)), { minLength: columns, maxLength: columns }),
    mark: fc.constantFrom(...MARKS),
    breakdown: fc.boolean(),
  });

const messyArb: fc.Arbitrary<Messy> = fc.integer({ min: 1, max: 3 }).chain((columns) =>
  fc.record({
    units: fc.uniqueArray(unitArb(columns), { minLength: 1, maxLength: 14, selector: (u) => parseUnitName(u.name).full! }),
    columns: fc.constant(columns),
    dash: fc.boolean(),
    thousands: fc.boolean(),
    total: fc.constantFrom<"top" | "bottom" | null>("top", "bottom", null),
    totalBreakdown: fc.boolean(),
    footer: fc.boolean(),
  }),
);

const HEADERS = ["BHXH tự nguyện", "BHYT", "BHTN"];

/** The clean table, or the messy one. */
function lay(m: Messy, messy: boolean): CellValue[][] {
  const fig = (v: number): CellValue => (messy && m.dash && v === 0 ? "-" : messy && m.thousands ? v / 1000 : v);
  const rows: CellValue[][] = [["BẢO HIỂM XÃ HỘI TỈNH"], [messy && m.thousands ? "Đơn vị tính: nghìn người" : "Số liệu đến ngày 31/10/2022"], []];
  rows.push(["STT", "Đơn vị", ...HEADERS.slice(0, m.columns)]);
  const sums = Array.from({ length: m.columns }, (_v, k) => m.units.reduce((s, u) => s + u.figures[k]!, 0));
  const total = () => {
    rows.push(["Toàn tỉnh", null, ...sums.map(fig)]);
    if (messy && m.totalBreakdown) {
      rows.push([null, "Trong đó:", ...sums.map(() => null)]);
      rows.push([null, "- Khu vực thành thị", ...sums.map((s) => fig(Math.floor(s / 2)))]);
      rows.push([null, "- Nông thôn", ...sums.map((s) => fig(s - Math.floor(s / 2)))]);
    }
  };
  if (m.total === "top") total();
  m.units.forEach((u, i) => {
    rows.push([i + 1, messy ? u.name + u.mark : u.name, ...u.figures.map(fig)]);
    if (messy && u.breakdown) {
      rows.push([null, "Trong đó:", ...u.figures.map(() => null)]);
      rows.push([null, "+ Thành thị", ...u.figures.map((v) => fig(Math.floor(v / 3)))]);
      rows.push([null, "+ Nông thôn", ...u.figures.map((v) => fig(v - Math.floor(v / 3)))]);
    }
  });
  if (m.total === "bottom") total();
  if (messy && m.footer) {
    rows.push([], [null, "Ghi chú: (*) Số liệu sơ bộ."], [null, "(1) Chỉ tiêu điều chỉnh."], []);
    rows.push(
      [null, null, "Vị Thanh, ngày 05 tháng 11 năm 2022"],
      [null, "Người lập biểu", "KT. GIÁM ĐỐC"],
      [null, null, "PHÓ GIÁM ĐỐC"],
      [],
      [null, "Nguyễn Thị Mai", "Trần Văn Hùng"],
    );
  }
  return rows;
}

describe("a messy layout reads as the clean one (fast-check)", () => {
  it("same units, same names without their marks, same figures; dashes counted; nothing else to say", () => {
    fc.assert(
      fc.property(messyArb, (m) => {
        const clean = detectTable({ name: "Sạch", values: lay(m, false) });
        const messy = detectTable({ name: "Thực hiện", values: lay(m, true) });
        expect(messy.unitRows.map((u) => u.name)).toEqual(clean.unitRows.map((u) => u.name));
        // Each unit's mark, as written, is kept (the units are the generated ones unless figures
        // happened to make a district row of one: then both layouts agree on that too).
        if (clean.unitRows.length === m.units.length) expect(messy.unitRows.map((u) => u.mark ?? "")).toEqual(m.units.map((u) => u.mark.trim()));
        expect(messy.columns.map((c) => c.values)).toEqual(clean.columns.map((c) => c.values));
        expect(messy.columns.map((c) => c.totalValue)).toEqual(clean.columns.map((c) => c.totalValue));
        expect(messy.groups.map((g) => g.label)).toEqual(clean.groups.map((g) => g.label));
        expect(clean.warnings).toEqual([]);
        expect(messy.warnings).toEqual([]);
        if (m.dash) {
          const zeros = m.units.reduce((n, u) => n + u.figures.filter((v) => v === 0).length, 0);
          expect(messy.dashZeros.count).toBe(zeros);
        }
        if (m.thousands) expect(messy.columns.every((c) => c.scale === 1000)).toBe(true);
      }),
      RUNS,
    );
  });
});
