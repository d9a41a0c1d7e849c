/**
 * Generated provinces for the bench: a targets, an actuals and a base sheet laid out the way
 * Vietnamese reports are (DOMAIN.md): title rows, a two-row header with a merged group header,
 * a column-number row, STT, a total row (top in one sheet, bottom in another), a notes column
 * and a footer; unit names carry their prefix written differently in each sheet ("Xã Tân Phú
 * Hòa", "xã Tân Phú Hòa", "XÃ TÂN PHÚ HÒA"; "Phường …", "P. …"; "Thị trấn …", "TT. …"), and the
 * base sheet lists the units in another order. Grids are 2-D arrays with "" for blank cells,
 * as Office.js hands them over (`range.values`), so no file reading is timed.
 */
import { CellValue, SheetGrid } from "../src/core/grid";
import { seededRng, Rng } from "./prng";

export const SEED = 20221031;

/** One indicator column: its header in each sheet and how a unit's figures are drawn. */
export interface IndicatorSpec {
  /** What the engine should call it: a catalogue id or "custom:…" (checked by the bench). */
  readonly key: string;
  readonly targetHeader: string;
  readonly actualHeader: string;
  /** The coverage base the engine compares it with, for catalogue indicators. */
  readonly base: "population" | "labourForce" | null;
  readonly decimals: boolean;
  target(rng: Rng, pop: number, lf: number): number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The four catalogue indicators, then four other plan-vs-actual tables by their own headers. */
export const INDICATORS: readonly IndicatorSpec[] = [
  {
    key: "bhxh-bb",
    targetHeader: "BHXH bắt buộc",
    actualHeader: "BHXH BB",
    base: "labourForce",
    decimals: false,
    target: (r, _p, lf) => Math.round(lf * (0.05 + 0.15 * r.next())),
  },
  {
    key: "bhxh-tn",
    targetHeader: "BHXH tự nguyện",
    actualHeader: "BHXH TN",
    base: "labourForce",
    decimals: false,
    target: (r, _p, lf) => Math.round(lf * (0.02 + 0.06 * r.next())),
  },
  {
    key: "bhtn",
    targetHeader: "BHTN",
    actualHeader: "BH thất nghiệp",
    base: "labourForce",
    decimals: false,
    target: (r, _p, lf) => Math.round(lf * (0.04 + 0.12 * r.next())),
  },
  {
    key: "bhyt",
    targetHeader: "BHYT",
    actualHeader: "Bảo hiểm y tế",
    base: "population",
    decimals: false,
    target: (r, p) => Math.round(p * (0.85 + 0.12 * r.next())),
  },
  {
    key: "custom:so thu (trieu dong)",
    targetHeader: "Số thu (triệu đồng)",
    actualHeader: "Số thu (triệu đồng)",
    base: null,
    decimals: true,
    target: (r) => round1(500 + 19500 * r.next()),
  },
  {
    key: "custom:no thu hoi (trieu dong)",
    targetHeader: "Nợ thu hồi (triệu đồng)",
    actualHeader: "Nợ thu hồi (Triệu đồng)",
    base: null,
    decimals: true,
    target: (r) => round1(10 + 790 * r.next()),
  },
  { key: "custom:so the cap moi", targetHeader: "Số thẻ cấp mới", actualHeader: "Số thẻ cấp mới", base: null, decimals: false, target: (r) => r.int(50, 3000) },
  { key: "custom:so so cap moi", targetHeader: "Số sổ cấp mới", actualHeader: "Số sổ cấp mới", base: null, decimals: false, target: (r) => r.int(20, 1500) },
];

// Distinct syllables, three to a name: 50·49·48 names. No two syllables are the same letters
// without their marks ("Thành"/"Thạnh"): HyperFormula's MATCH ignores accents (Excel's does not),
// and the formula side must find the right unit for the comparison to mean anything.
const SYLLABLES = [
  "Tân",
  "Long",
  "Phú",
  "Bình",
  "An",
  "Hòa",
  "Mỹ",
  "Thạnh",
  "Vĩnh",
  "Đông",
  "Tây",
  "Nam",
  "Bắc",
  "Trung",
  "Phước",
  "Hưng",
  "Thuận",
  "Lợi",
  "Thới",
  "Hiệp",
  "Khánh",
  "Lộc",
  "Phong",
  "Thọ",
  "Hậu",
  "Định",
  "Hội",
  "Quới",
  "Xuân",
  "Thắng",
  "Thủy",
  "Sơn",
  "Lâm",
  "Hải",
  "Giang",
  "Châu",
  "Cát",
  "Kim",
  "Ngọc",
  "Minh",
  "Quang",
  "Đức",
  "Tường",
  "Nhơn",
  "Điền",
  "Hữu",
  "Nghĩa",
  "Trạch",
  "Viễn",
  "Yên",
];

type Kind = "xa" | "phuong" | "thitran";
/** How each sheet writes the prefix: full, abbreviated or lower case, upper case. */
const PREFIX: Record<Kind, { targets: string; actuals: string; base: string }> = {
  xa: { targets: "Xã ", actuals: "xã ", base: "XÃ " },
  phuong: { targets: "Phường ", actuals: "P. ", base: "PHƯỜNG " },
  thitran: { targets: "Thị trấn ", actuals: "TT. ", base: "THỊ TRẤN " },
};

export interface SheetLayout {
  /** 0-based grid rows of the first and last unit. */
  readonly firstUnitRow: number;
  readonly lastUnitRow: number;
  readonly unitColumn: number;
  /** 0-based grid column of each indicator (targets/actuals) or base (base sheet), by key. */
  readonly columns: ReadonlyMap<string, number>;
  /** The grid's width (Office.js ranges are rectangular). */
  readonly width: number;
}

export interface Workload {
  readonly units: number;
  readonly indicators: number;
  readonly specs: readonly IndicatorSpec[];
  readonly targets: SheetGrid;
  readonly actuals: SheetGrid;
  readonly base: SheetGrid;
  readonly layout: { readonly targets: SheetLayout; readonly actuals: SheetLayout; readonly base: SheetLayout };
  /** Unit names as the targets sheet writes them, in its order. */
  readonly names: readonly string[];
}

function unitNames(n: number, rng: Rng): { core: string; kind: Kind }[] {
  const k = SYLLABLES.length;
  const max = k * (k - 1) * (k - 2);
  if (n > max) throw new Error(`at most ${max} units`);
  // Draw n distinct (a, b, c) triples without building all of them: a shuffled index space.
  const picked = new Set<number>();
  const out: { core: string; kind: Kind }[] = [];
  while (out.length < n) {
    const a = rng.int(0, k - 1);
    const b = rng.int(0, k - 1);
    const c = rng.int(0, k - 1);
    if (a === b || b === c || a === c) continue;
    const id = (a * k + b) * k + c;
    if (picked.has(id)) continue;
    picked.add(id);
    const roll = rng.next();
    const kind: Kind = roll < 0.8 ? "xa" : roll < 0.95 ? "phuong" : "thitran";
    out.push({ core: `${SYLLABLES[a]} ${SYLLABLES[b]} ${SYLLABLES[c]}`, kind });
  }
  return out;
}

interface SheetPlan {
  readonly name: string;
  readonly titles: readonly string[];
  readonly groupHeader: string;
  readonly headers: readonly string[];
  readonly names: readonly string[];
  /** One row of figures per unit, same order as names. */
  readonly figures: readonly (readonly number[])[];
  readonly totalAt: "top" | "bottom";
}

/** Lay one sheet out as Office.js would read it back: rectangular, "" for blank cells. */
function buildSheet(plan: SheetPlan, keys: readonly string[]): { grid: CellValue[][]; layout: SheetLayout } {
  const nFig = plan.headers.length;
  const width = 2 + nFig + 1; // STT, unit, figures, notes
  const notesCol = width - 1;
  const blank = (): CellValue[] => new Array<CellValue>(width).fill("");
  const rows: CellValue[][] = [];
  for (const t of plan.titles) {
    const r = blank();
    r[0] = t;
    rows.push(r);
  }
  rows.push(blank());
  const h1 = blank();
  const h2 = blank();
  h1[0] = "STT";
  h1[1] = "Đơn vị";
  h1[2] = plan.groupHeader;
  h1[notesCol] = "Ghi chú";
  plan.headers.forEach((h, i) => (h2[2 + i] = h));
  rows.push(h1, h2);
  const numbers = blank();
  numbers[0] = "A";
  numbers[1] = "B";
  for (let i = 0; i < nFig; i++) numbers[2 + i] = `(${i + 1})`;
  rows.push(numbers);

  const sums = new Array<number>(nFig).fill(0);
  for (const f of plan.figures) for (let i = 0; i < nFig; i++) sums[i]! += f[i]!;
  const total = (): CellValue[] => {
    const r = blank();
    r[1] = "Toàn tỉnh";
    sums.forEach((s, i) => (r[2 + i] = s));
    return r;
  };
  if (plan.totalAt === "top") rows.push(total());
  const firstUnitRow = rows.length;
  plan.names.forEach((name, u) => {
    const r = blank();
    r[0] = u + 1;
    r[1] = name;
    const f = plan.figures[u]!;
    for (let i = 0; i < nFig; i++) r[2 + i] = f[i]!;
    if (u % 7 === 3) r[notesCol] = "Số liệu sơ bộ";
    rows.push(r);
  });
  const lastUnitRow = rows.length - 1;
  if (plan.totalAt === "bottom") rows.push(total());
  rows.push(blank());
  const footer = blank();
  footer[notesCol - 1] = "Người lập biểu";
  rows.push(footer);
  const columns = new Map<string, number>(keys.map((k, i) => [k, 2 + i]));
  return { grid: rows, layout: { firstUnitRow, lastUnitRow, unitColumn: 1, columns, width } };
}

/**
 * The grid as Office.js hands it over: values cross from Excel as JSON, so whole numbers arrive
 * as small integers (V8 Smis), not as the boxed doubles arithmetic leaves behind — which would
 * make the engine's input, and everything it copies from it, look heavier than it is.
 */
function asOfficeHandsThem(grid: CellValue[][]): CellValue[][] {
  return JSON.parse(JSON.stringify(grid)) as CellValue[][];
}

/** A province of `units` units with `indicators` (4 or 8) indicators; same seed, same province. */
export function makeWorkload(units: number, indicators: 4 | 8, seed = SEED): Workload {
  const rng = seededRng(seed ^ (units * 31 + indicators));
  const specs = INDICATORS.slice(0, indicators);
  const list = unitNames(units, rng);
  const pop: number[] = [];
  const lf: number[] = [];
  const targets: number[][] = [];
  const actuals: number[][] = [];
  for (let u = 0; u < units; u++) {
    const p = rng.int(2000, 40000);
    const l = Math.round(p * (0.5 + 0.15 * rng.next()));
    pop.push(p);
    lf.push(l);
    const t = specs.map((s) => Math.max(1, s.target(rng, p, l)));
    targets.push(t);
    actuals.push(
      t.map((x, i) => {
        const a = x * (0.45 + 0.7 * rng.next());
        return specs[i]!.decimals ? round1(a) : Math.round(a);
      }),
    );
  }
  const written = (w: "targets" | "actuals" | "base") =>
    list.map((x) => {
      const name = PREFIX[x.kind][w] + x.core;
      return w === "base" ? name.toLocaleUpperCase("vi") : name;
    });
  const keys = specs.map((s) => s.key);
  const t = buildSheet(
    {
      name: "Kế hoạch",
      titles: ["BẢO HIỂM XÃ HỘI TỈNH MINH HẢI", "KẾ HOẠCH GIAO CHỈ TIÊU NĂM 2022", "(Kèm theo Quyết định số 123/QĐ-BHXH ngày 15/01/2022)"],
      groupHeader: "Chỉ tiêu giao năm 2022",
      headers: specs.map((s) => s.targetHeader),
      names: written("targets"),
      figures: targets,
      totalAt: "top",
    },
    keys,
  );
  const a = buildSheet(
    {
      name: "Thực hiện",
      titles: ["BẢO HIỂM XÃ HỘI TỈNH MINH HẢI", "KẾT QUẢ THỰC HIỆN CHỈ TIÊU", "Số liệu đến ngày 31/10/2022"],
      groupHeader: "Thực hiện đến 31/10/2022",
      headers: specs.map((s) => s.actualHeader),
      names: written("actuals"),
      figures: actuals,
      totalAt: "bottom",
    },
    keys,
  );
  // The base sheet lists the units alphabetically, as a statistics office would.
  const baseNames = written("base");
  const order = baseNames.map((_, i) => i).sort((i, j) => (baseNames[i]! < baseNames[j]! ? -1 : baseNames[i]! > baseNames[j]! ? 1 : 0));
  const b = buildSheet(
    {
      name: "Dân số",
      titles: ["CỤC THỐNG KÊ TỈNH MINH HẢI", "DÂN SỐ VÀ LỰC LƯỢNG LAO ĐỘNG NĂM 2022"],
      groupHeader: "Năm 2022",
      headers: ["Dân số", "Lực lượng lao động"],
      names: order.map((i) => baseNames[i]!),
      figures: order.map((i) => [pop[i]!, lf[i]!]),
      totalAt: "top",
    },
    ["population", "labourForce"],
  );
  return {
    units,
    indicators,
    specs,
    targets: { name: "Kế hoạch", values: asOfficeHandsThem(t.grid) },
    actuals: { name: "Thực hiện", values: asOfficeHandsThem(a.grid) },
    base: { name: "Dân số", values: asOfficeHandsThem(b.grid) },
    layout: { targets: t.layout, actuals: a.layout, base: b.layout },
    names: written("targets"),
  };
}
