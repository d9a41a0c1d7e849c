/**
 * Random workbooks for fuzzing the engine, laid out the many ways planners' sheets are: title
 * rows, one- or two-row headers (a merged group header left blank or repeated, as the two adapters
 * hand merged cells over), a column-number row, an STT column or none, group rows with subtotals,
 * a total row at the top or bottom (right or wrong), notes, blank rows, junk far to the right and
 * far below, and cells of every kind: numbers, Vietnamese and English number text, zero, negative,
 * huge, tiny, Excel errors, "-", blanks, text, booleans. Unit names come spelled differently per
 * sheet (prefix, abbreviation, capitals, NFD), and some are formula-like, markup or very long.
 *
 * The generator records what it wrote (each sheet's unit rows), so the property can check that
 * every unit is accounted for.
 */
import fc from "fast-check";
import { CellValue, SheetGrid } from "../../src/core/grid";
import { AverageMode } from "../../src/core/measures";
import { RankMode } from "../../src/core/rank";
import { Lang } from "../../src/core/i18n";
import { NumberLocale } from "../../src/core/numbers";
import { viText } from "../helpers/grids";

export interface GeneratedSheet {
  readonly grid: SheetGrid;
  /** The unit names written in the unit column, one per unit row, as written. */
  readonly unitNames: readonly string[];
}

export interface FuzzCase {
  readonly targets: GeneratedSheet | null;
  readonly actuals: GeneratedSheet;
  readonly base: GeneratedSheet | null;
  /** The same period last year (growth), with the actuals' indicators. */
  readonly previous: GeneratedSheet | null;
  readonly options: { readonly average: AverageMode; readonly rank: RankMode; readonly locale: NumberLocale; readonly lang: Lang };
}

// ---- units ----------------------------------------------------------------------------------

const KINDS = [
  { full: "Huyện", short: ["H.", "H. ", "Huyện "] },
  { full: "Thị xã", short: ["TX.", "TX ", "Thị xã "] },
  { full: "Thành phố", short: ["TP.", "TP ", "Thành phố "] },
  { full: "Xã", short: ["X.", "Xã "] },
  { full: "Phường", short: ["P.", "Phường "] },
  { full: "Quận", short: ["Q.", "Quận "] },
] as const;

const PLACES = [
  "Vị Thủy",
  "Long Mỹ",
  "Phụng Hiệp",
  "Châu Thành",
  "Châu Thành A",
  "Ngã Bảy",
  "Vị Thanh",
  "Tân Hòa",
  "Tân Hóa",
  "Thới Lai",
  "Cờ Đỏ",
  "Ô Môn",
  "Bình Thủy",
  "Quỳnh Nhai",
  "Đắk Mil",
  "Hòa Bình",
  "Mường Tè",
  "Ninh Kiều",
  "Cộng Hòa",
  "Toàn Thắng",
  "Tổng Sơn",
];

/** Names that are not places: formula-like, markup, very long. Written the same in every sheet. */
const ODD_NAMES = [
  "=1+1",
  '=HYPERLINK("http://example.invalid","Bấm vào")',
  "+SUM(A1:A9)",
  "-2+3 Xã",
  "@cmd|' /C calc'!A0",
  "\t=A1",
  "\r=B2",
  "<img src=x onerror=alert(1)>",
  'Xã <b>Đậm</b> & "Nháy"',
  "Xã 'Nháy đơn'",
  "Xã " + "Tân Phước Hưng ".repeat(340), // about 5,000 characters
  "Đơn vị số 7",
  "Khu phố 3",
];

/** One unit: a kind and a place, or an odd name. */
export interface UnitId {
  readonly kind: number | null;
  readonly place: number;
}

function spell(u: UnitId, style: number): string {
  if (u.kind === null) return ODD_NAMES[u.place]!;
  const k = KINDS[u.kind]!;
  const place = PLACES[u.place]!;
  switch (style % 7) {
    case 6:
      return place; // no prefix: matched only when one unit of that name is on the other side
    case 0:
      return `${k.full} ${place}`;
    case 1:
      return `${k.short[0]}${place}`;
    case 2:
      return `${k.short[style % k.short.length]}${place}`;
    case 3:
      return `${k.full} ${place}`.toUpperCase();
    case 4:
      return `${k.full} ${place}`.normalize("NFD");
    default:
      return `  ${k.full}\u00a0 ${place} `;
  }
}

const unitIdArb: fc.Arbitrary<UnitId> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ kind: fc.integer({ min: 0, max: KINDS.length - 1 }), place: fc.integer({ min: 0, max: PLACES.length - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant(null), place: fc.integer({ min: 0, max: ODD_NAMES.length - 1 }) }) },
);

function idKey(u: UnitId): string {
  return `${u.kind}|${u.place}`;
}

// ---- cells ----------------------------------------------------------------------------------

function enText(n: number): string {
  const [int, frac] = Math.abs(n).toString().split(".");
  return (n < 0 ? "-" : "") + int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac ? "." + frac : "");
}

/** A figure cell: mostly plausible counts, sometimes anything a sheet can hold. */
const figureArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 30, arbitrary: fc.integer({ min: 0, max: 250_000 }) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 2_000_000 }).map(viText) },
  { weight: 2, arbitrary: fc.integer({ min: 1000, max: 2_000_000 }).map(enText) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }) },
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.integer({ min: -100_000, max: -1 }) },
  { weight: 1, arbitrary: fc.constantFrom(1e15, 9.99e17, 1e18, 2e18, 1e300, 1.7976931348623157e308, -1e308) },
  { weight: 1, arbitrary: fc.constantFrom(1e-300, 5e-324, 1e-12) },
  { weight: 1, arbitrary: fc.constantFrom(Infinity, -Infinity, NaN) },
  { weight: 2, arbitrary: fc.constantFrom("#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?") },
  { weight: 2, arbitrary: fc.constantFrom("-", "x", "–") },
  { weight: 2, arbitrary: fc.constantFrom(null, "", "  ") },
  { weight: 1, arbitrary: fc.constantFrom("abc", "chưa báo cáo", "=SUM(C5:C9)", "92,62%", "(1.200)", "1.065.565", "1,065,565", "1.065", "1,5") },
  { weight: 1, arbitrary: fc.boolean() },
);

/** A figure that makes the row a data row (so the unit row is one without doubt). */
const solidFigureArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 250_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 2_000_000 }).map(viText) },
  { weight: 1, arbitrary: fc.constantFrom("#N/A", "-", -5, 1e300, 0) },
);

// ---- headers --------------------------------------------------------------------------------

const INDICATORS: readonly (readonly string[])[] = [
  ["BHXH tự nguyện", "BHXH TN", "Số người tham gia bảo hiểm xã hội tự nguyện", "BHXH tự nguyện (người)"],
  ["BHYT", "Bảo hiểm y tế", "Số người tham gia BHYT", "BH y tế"],
  ["BHTN", "Bảo hiểm thất nghiệp", "BH thất nghiệp"],
  ["BHXH bắt buộc", "BHXH BB", "Bảo hiểm xã hội bắt buộc"],
  ["BHXH", "Bảo hiểm xã hội"],
  ["Thu nợ đọng", "Thu nợ đọng (triệu đồng)"],
  ["Số thẻ cấp mới"],
  ["=SUM(C5:C9)", "+cmd", "@chi tiêu"],
  ["Tỷ lệ (%)", "So sánh cùng kỳ"],
  ["Chỉ tiêu " + "rất dài ".repeat(700)],
];
const BASES: readonly (readonly string[])[] = [
  ["Dân số", "Dân số trung bình", "Số dân"],
  ["Lực lượng lao động", "LLLĐ", "Lao động"],
];
const TITLES = [
  "BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG",
  "KẾT QUẢ THỰC HIỆN CHỈ TIÊU",
  "Số liệu đến ngày 31/10/2022",
  "(Kèm theo Quyết định số 123/QĐ-BHXH)",
  "CHỈ TIÊU GIAO NĂM 2022",
  "Đơn vị tính: người",
];
const UNIT_HEADERS = ["Đơn vị", "Tên đơn vị", "Huyện, thị xã, thành phố", "Địa bàn", "Xã, phường, thị trấn"];
const GROUP_HEADERS = ["Chỉ tiêu giao năm 2022", "Thực hiện đến 31/10", "Năm 2022"];
const TOTAL_LABELS = ["Toàn tỉnh", "Tổng cộng", "Tổng số", "Cộng", "Toàn thành phố"];
const GROUP_LABELS = ["Các huyện", "Các thị xã, thành phố", "Khối huyện", "Các quận"];
const JUNK: readonly CellValue[] = ["tạm tính", 12345, "#REF!", "Người lập biểu", 3.14, "=A1", true];

// ---- sheets ---------------------------------------------------------------------------------

interface SheetShape {
  readonly titles: readonly string[];
  readonly blankAfterTitles: boolean;
  readonly stt: boolean;
  readonly unitHeader: string;
  readonly twoRowHeader: boolean;
  readonly mergedAs: "blank" | "repeat";
  readonly groupHeader: string;
  readonly columnNumbers: "none" | "paren" | "letters";
  readonly total: "none" | "top" | "bottom";
  readonly totalLabel: string;
  readonly totalOff: number;
  readonly totalInSttColumn: boolean;
  readonly groups: boolean;
  readonly groupLabels: readonly string[];
  readonly subtotalOff: number;
  readonly notes: boolean;
  readonly blankRows: readonly boolean[];
  readonly junkRight: readonly { row: number; col: number; v: CellValue }[];
  readonly junkBelow: number | null;
  readonly nameStyles: readonly number[];
  readonly duplicate: number | null;
  readonly order: readonly number[];
  readonly keep: readonly boolean[];
  /** Blank columns left of the table, and where the grid starts in the sheet (Office hands over the used range). */
  readonly leadCols: number;
  readonly origin: { readonly row: number; readonly col: number };
}

const shapeArb: fc.Arbitrary<SheetShape> = fc.record({
  titles: fc.array(fc.constantFrom(...TITLES), { maxLength: 3 }),
  blankAfterTitles: fc.boolean(),
  stt: fc.boolean(),
  unitHeader: fc.constantFrom(...UNIT_HEADERS),
  twoRowHeader: fc.boolean(),
  mergedAs: fc.constantFrom("blank" as const, "repeat" as const),
  groupHeader: fc.constantFrom(...GROUP_HEADERS),
  columnNumbers: fc.constantFrom("none" as const, "paren" as const, "letters" as const),
  total: fc.constantFrom("none" as const, "top" as const, "bottom" as const),
  totalLabel: fc.constantFrom(...TOTAL_LABELS),
  totalOff: fc.oneof(fc.constant(0), fc.integer({ min: -500, max: 500 })),
  totalInSttColumn: fc.boolean(),
  groups: fc.boolean(),
  groupLabels: fc.shuffledSubarray(GROUP_LABELS, { minLength: 2, maxLength: 2 }),
  subtotalOff: fc.oneof(fc.constant(0), fc.integer({ min: -50, max: 50 })),
  notes: fc.boolean(),
  blankRows: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }).map((a) => a.map((b, i) => b && i % 5 === 0)),
  junkRight: fc.array(fc.record({ row: fc.nat(40), col: fc.integer({ min: 2, max: 60 }), v: fc.constantFrom(...JUNK) }), { maxLength: 4 }),
  junkBelow: fc.option(fc.integer({ min: 60, max: 400 }), { nil: null }),
  nameStyles: fc.array(fc.nat(11), { minLength: 16, maxLength: 16 }),
  duplicate: fc.oneof({ weight: 24, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat(15) }),
  order: fc.array(fc.nat(1000), { minLength: 16, maxLength: 16 }),
  keep: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }).map((a) => a.map((b, i) => b || i % 3 !== 0)),
  leadCols: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) }),
  origin: fc.record({ row: fc.nat(30), col: fc.nat(5) }),
});

interface ColumnPlan {
  readonly header: string;
  /** One cell per unit row; the first column of each sheet always holds a solid figure. */
  readonly cells: readonly CellValue[];
}

/** Lay out one sheet. `units` are in the order and spelling of this sheet. */
function layout(name: string, shape: SheetShape, units: readonly string[], columns: readonly ColumnPlan[]): GeneratedSheet {
  const rows: CellValue[][] = [];
  for (const t of shape.titles) rows.push([t]);
  if (shape.titles.length > 0 && shape.blankAfterTitles) rows.push([]);
  const lead = shape.stt ? ["STT", shape.unitHeader] : [shape.unitHeader];
  const figCol0 = lead.length;
  const width = figCol0 + columns.length + (shape.notes ? 1 : 0);
  const tail = shape.notes ? ["Ghi chú"] : [];
  const headerRowIndex = rows.length;
  if (shape.twoRowHeader && columns.length > 0) {
    const top: CellValue[] = [...lead, shape.groupHeader, ...columns.slice(1).map(() => (shape.mergedAs === "repeat" ? shape.groupHeader : null)), ...tail];
    const bottom: CellValue[] = [
      ...lead.map((h) => (shape.mergedAs === "repeat" ? h : null)),
      ...columns.map((c) => c.header),
      ...tail.map((h) => (shape.mergedAs === "repeat" ? h : null)),
    ];
    rows.push(top, bottom);
  } else {
    rows.push([...lead, ...columns.map((c) => c.header), ...tail]);
  }
  if (shape.columnNumbers === "paren") rows.push(Array.from({ length: width }, (_, c) => `(${c + 1})`));
  if (shape.columnNumbers === "letters")
    rows.push(Array.from({ length: width }, (_, c) => (c < figCol0 ? String.fromCharCode(65 + c) : String(c - figCol0 + 1))));

  const sums = columns.map((c) => c.cells.reduce<number>((s, v) => s + (typeof v === "number" && Number.isFinite(v) ? v : 0), 0));
  const totalRow = (): CellValue[] => {
    // With an STT column the label sits in the unit column, or in A merged over A:B (blank or repeated).
    const label: CellValue[] = !shape.stt
      ? [shape.totalLabel]
      : shape.totalInSttColumn
        ? [shape.totalLabel, shape.mergedAs === "repeat" ? shape.totalLabel : null]
        : [null, shape.totalLabel];
    return [...label, ...sums.map((s) => s + shape.totalOff)];
  };
  if (shape.total === "top") rows.push(totalRow());

  const half = Math.ceil(units.length / 2);
  let stt = 0;
  units.forEach((unit, i) => {
    if (shape.groups && units.length >= 2 && (i === 0 || i === half)) {
      const g = i === 0 ? 0 : 1;
      const members = i === 0 ? [0, half] : [half, units.length];
      const subtotal = columns.map(
        (c) => c.cells.slice(members[0], members[1]).reduce<number>((s, v) => s + (typeof v === "number" && Number.isFinite(v) ? v : 0), 0) + shape.subtotalOff,
      );
      const label = shape.groupLabels[g]!;
      rows.push(shape.stt ? [g === 0 ? "I" : "II", label, ...subtotal] : [`${g === 0 ? "I" : "II"}. ${label}`, ...subtotal]);
    }
    if (shape.blankRows[i % shape.blankRows.length]) rows.push([]);
    const lead: CellValue[] = shape.stt ? [++stt, unit] : [unit];
    const row: CellValue[] = [...lead, ...columns.map((c) => c.cells[i] ?? null)];
    if (shape.notes && i % 3 === 1) row[width - 1] = "Số liệu sơ bộ";
    rows.push(row);
  });
  if (shape.total === "bottom") rows.push(totalRow());
  rows.push([]);
  rows.push(shape.stt ? [null, "Người lập biểu"] : ["Người lập biểu"]);

  // Junk: far to the right of the table (never in a header row), and far below it.
  const headerRows = new Set([headerRowIndex, headerRowIndex + 1]);
  for (const j of shape.junkRight) {
    if (j.row >= rows.length || headerRows.has(j.row)) continue;
    rows[j.row]![width + 1 + j.col] = j.v;
  }
  if (shape.junkBelow !== null) {
    for (let k = 0; k < shape.junkBelow; k++) rows.push([]);
    rows.push([null, "ghi chú lạc", null, null, "tạm"]);
  }
  // Rows are ragged: fill holes left by sparse writes with null, as the adapters do.
  const blanks = Array.from({ length: shape.leadCols }, () => null);
  const values = rows.map((r) => [...blanks, ...Array.from({ length: r.length }, (_, c) => (r[c] === undefined ? null : r[c]!))]);
  return { grid: { name, values, origin: shape.origin }, unitNames: units };
}

/** The units of one sheet: a subset of the workbook's, shuffled, spelled this sheet's way, maybe one repeated. */
function unitsOf(all: readonly UnitId[], shape: SheetShape): UnitId[] {
  let list = all.filter((_, i) => shape.keep[i % shape.keep.length]);
  if (list.length === 0) list = [all[0]!];
  list = list
    .map((u, i) => ({ u, k: shape.order[i % shape.order.length]! * 100 + i }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.u);
  if (shape.duplicate !== null) list.push(list[shape.duplicate % list.length]!);
  return list;
}

const SHEET_NAMES = {
  targets: ["Kế hoạch", "KH", "Chỉ tiêu giao", "Targets"],
  actuals: ["Thực hiện", "TH", "Kết quả", "Actual"],
  base: ["Dân số", "Lao động", "Dân số - LĐ", "Base"],
  previous: ["Cùng kỳ", "CK 2021", "Năm trước", "Previous"],
};

function sheetFor(
  role: "targets" | "actuals" | "base" | "previous",
  nameIndex: number,
  all: readonly UnitId[],
  shape: SheetShape,
  headers: readonly string[],
  cells: readonly (readonly CellValue[])[],
): GeneratedSheet {
  const ids = unitsOf(all, shape);
  const names = ids.map((u, i) => spell(u, shape.nameStyles[i % shape.nameStyles.length]! + (i >= all.length ? 1 : 0)));
  const columns: ColumnPlan[] = headers.map((h, c) => ({
    header: h,
    cells: ids.map((_, i) => (c === 0 ? (cells[0]![i % cells[0]!.length] ?? 1) : (cells[c]![i % cells[c]!.length] ?? null))),
  }));
  return layout(SHEET_NAMES[role][nameIndex % SHEET_NAMES[role].length]!, shape, names, columns);
}

/**
 * Headers for the targets and actuals: indicators both sheets have (each spelled its own way),
 * plus extras only one has; now and then a header twice, or nothing in common at all.
 */
const indicatorHeadersArb: fc.Arbitrary<[string[], string[]]> = fc
  .record({
    common: fc.shuffledSubarray(
      INDICATORS.map((_, i) => i),
      { minLength: 1, maxLength: 3 },
    ),
    extraT: fc.shuffledSubarray(
      INDICATORS.map((_, i) => i),
      { maxLength: 2 },
    ),
    extraA: fc.shuffledSubarray(
      INDICATORS.map((_, i) => i),
      { maxLength: 2 },
    ),
    spellT: fc.array(fc.nat(10), { minLength: 5, maxLength: 5 }),
    spellA: fc.array(fc.nat(10), { minLength: 5, maxLength: 5 }),
    repeat: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    disjoint: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  })
  .map((r) => {
    const spell = (picks: number[], sp: number[]) => [...new Set(picks)].slice(0, 5).map((p, i) => INDICATORS[p]![sp[i]! % INDICATORS[p]!.length]!);
    const t = spell(r.disjoint ? (r.extraT.length ? r.extraT : [5]) : [...r.common, ...r.extraT], r.spellT);
    const a = spell(r.disjoint ? (r.extraA.length ? r.extraA : [6]) : [...r.common, ...r.extraA].reverse(), r.spellA);
    if (r.repeat) t.push(t[0]!);
    return [t, a];
  });

const baseHeadersArb: fc.Arbitrary<string[]> = fc
  .tuple(fc.shuffledSubarray([0, 1], { minLength: 1, maxLength: 2 }), fc.array(fc.nat(5), { minLength: 2, maxLength: 2 }))
  .map(([picks, sp]) => picks.map((p, i) => BASES[p]![sp[i]! % BASES[p]!.length]!));

/** Six columns of cells: the first holds only figures that make a row a data row; the rest anything. */
const cellsArb: fc.Arbitrary<CellValue[][]> = fc
  .tuple(
    fc.array(solidFigureArb, { minLength: 16, maxLength: 16 }),
    fc.array(fc.array(figureArb, { minLength: 16, maxLength: 16 }), { minLength: 5, maxLength: 5 }),
  )
  .map(([first, rest]) => [first, ...rest]);

export const fuzzCaseArb: fc.Arbitrary<FuzzCase> = fc
  .record({
    units: fc.uniqueArray(unitIdArb, { minLength: 1, maxLength: 12, selector: idKey }),
    hasTargets: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    hasBase: fc.boolean(),
    hasPrevious: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    names: fc.array(fc.nat(3), { minLength: 4, maxLength: 4 }),
    shapes: fc.array(shapeArb, { minLength: 4, maxLength: 4 }),
    headers: fc.tuple(indicatorHeadersArb, baseHeadersArb).map(([[t, a], b]) => [t, a, b] as const),
    cells: fc.array(cellsArb, { minLength: 4, maxLength: 4 }),
    options: fc.record({
      average: fc.constantFrom("overall" as const, "mean" as const),
      rank: fc.constantFrom("competition" as const, "dense" as const),
      locale: fc.constantFrom("vi" as const, "en" as const),
      lang: fc.constantFrom("vi" as const, "en" as const),
    }),
  })
  .map((r) => {
    const [ts, as, bs, ps] = r.shapes as [SheetShape, SheetShape, SheetShape, SheetShape];
    const [th, ah, bh] = r.headers;
    const [tc, ac, bc, pc] = r.cells as [CellValue[][], CellValue[][], CellValue[][], CellValue[][]];
    return {
      targets: r.hasTargets ? sheetFor("targets", r.names[0]!, r.units, ts, th, tc) : null,
      actuals: sheetFor("actuals", r.names[1]!, r.units, as, ah, ac),
      base: r.hasBase ? sheetFor("base", r.names[2]!, r.units, bs, bh, bc) : null,
      previous: r.hasPrevious ? sheetFor("previous", r.names[3]!, r.units, ps, [...ah].reverse(), pc) : null,
      options: r.options,
    };
  });
