/**
 * Random provinces for property tests: units of every administrative kind (with a district and
 * a town of one name, "Châu Thành" next to "Châu Thành A"), figures with blanks and zeros, and
 * sheets in the Vietnamese layout with random traits — titles, one- or two-row headers, merged
 * cells blank or repeated, column-number rows, STT, group rows with subtotals, a total row at
 * the top or bottom, notes, numbers as Vietnamese text, names spelled differently per sheet.
 */
import fc from "fast-check";
import { SheetGrid } from "../../src/core/grid";
import { nameKey } from "../../src/core/text";
import { Layout, LayoutColumn, MergedAs, buildGrid } from "./grids";

export type Kind = "tp" | "tx" | "q" | "h" | "p" | "x" | "tt";

const SPELLINGS: Record<Kind, readonly string[]> = {
  tp: ["Thành phố", "TP.", "TP", "THÀNH PHỐ", "Tp."],
  tx: ["Thị xã", "TX.", "TX"],
  q: ["Quận", "Q."],
  h: ["Huyện", "H.", "HUYỆN"],
  p: ["Phường", "P."],
  x: ["Xã", "X."],
  tt: ["Thị trấn", "TT."],
};
const KINDS = Object.keys(SPELLINGS) as Kind[];
const SYLLABLES = [
  "An",
  "Bình",
  "Châu",
  "Thành",
  "Long",
  "Mỹ",
  "Vị",
  "Thủy",
  "Phụng",
  "Hiệp",
  "Tân",
  "Phú",
  "Hòa",
  "Đông",
  "Ngã",
  "Bảy",
  "Cái",
  "Răng",
  "Ninh",
  "Kiều",
  "Ô",
  "Môn",
  "Phong",
  "Điền",
  "Thới",
  "Lai",
  "Cờ",
  "Đỏ",
  "Vĩnh",
  "Thạnh",
  "Lợi",
  "Xuân",
  "Lộc",
  "A",
];

/** Another way of writing a name's tones or letters that must still match: old tone placement. */
function retone(name: string): string {
  return name.replace(/Thủy/g, "Thuỷ").replace(/Hòa/g, "Hoà");
}

export interface Indicator {
  readonly id: string;
  readonly spellings: readonly string[];
}
export const INDICATORS: readonly Indicator[] = [
  { id: "bhxh-tn", spellings: ["BHXH tự nguyện", "BHXH TN", "Số người tham gia bảo hiểm xã hội tự nguyện"] },
  { id: "bhxh-bb", spellings: ["BHXH bắt buộc", "BHXH BB", "Bảo hiểm xã hội bắt buộc"] },
  { id: "bhtn", spellings: ["BHTN", "Bảo hiểm thất nghiệp", "BH thất nghiệp"] },
  { id: "bhyt", spellings: ["BHYT", "Bảo hiểm y tế", "Số người tham gia BHYT"] },
  { id: "custom:so tien thu", spellings: ["Số tiền thu"] },
];

export interface GenUnit {
  readonly kind: Kind;
  readonly name: string;
  readonly inTargets: boolean;
  readonly inActuals: boolean;
  /** Per indicator: [target, actual]; null is a blank cell. */
  readonly figures: readonly (readonly [number | null, number | null])[];
  /** Spelling indices for the actuals sheet. */
  readonly spelling: number;
  readonly upper: boolean;
  /** Written without its prefix in the actuals (only when no other unit has its name). */
  readonly bare: boolean;
}

export interface SheetTraits {
  readonly titles: number;
  readonly groupHeader: boolean;
  readonly merged: MergedAs;
  readonly columnNumbers: "paren" | "letters" | null;
  readonly stt: boolean;
  readonly total: { readonly label: string; readonly position: "top" | "bottom" } | null;
  readonly notes: boolean;
  readonly viText: boolean;
  readonly nfd: boolean;
  readonly grouped: boolean;
}

export interface Province {
  readonly indicators: readonly Indicator[];
  readonly units: readonly GenUnit[];
  readonly targets: SheetTraits;
  readonly actuals: SheetTraits;
  /** Order of the units in the actuals sheet (a permutation of indices). */
  readonly actualsOrder: readonly number[];
  /** Order of the indicator columns in the actuals sheet. */
  readonly actualsColumns: readonly number[];
  readonly targetSpelling: readonly number[];
  readonly actualSpelling: readonly number[];
}

const figure = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 200000 }) },
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.constant(null) },
  // Small values make ties in the rates likely.
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }) },
);

const traits: fc.Arbitrary<SheetTraits> = fc.record({
  titles: fc.integer({ min: 0, max: 3 }),
  groupHeader: fc.boolean(),
  merged: fc.constantFrom<MergedAs>("blank", "repeat"),
  columnNumbers: fc.constantFrom<"paren" | "letters" | null>(null, "paren", "letters"),
  stt: fc.boolean(),
  total: fc.option(
    fc.record({
      label: fc.constantFrom("Toàn tỉnh", "Toàn thành phố", "Tổng cộng", "Tổng số", "Cộng", "TỔNG CỘNG"),
      position: fc.constantFrom<"top" | "bottom">("top", "bottom"),
    }),
    { nil: null },
  ),
  notes: fc.boolean(),
  viText: fc.boolean(),
  nfd: fc.boolean(),
  grouped: fc.boolean(),
});

/** Units that must stay apart: a district and a town of one name; Châu Thành and Châu Thành A. */
const TRICKY: readonly { kind: Kind; name: string }[] = [
  { kind: "h", name: "Long Mỹ" },
  { kind: "tx", name: "Long Mỹ" },
  { kind: "h", name: "Châu Thành" },
  { kind: "h", name: "Châu Thành A" },
  { kind: "tp", name: "Vị Thanh" },
  { kind: "h", name: "Vị Thủy" },
  { kind: "q", name: "1" },
  { kind: "p", name: "1" },
  { kind: "x", name: "Tân Hòa" },
  { kind: "x", name: "Tân Hóa" },
];

const unitName = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 3 }).map((s) => s.join(" "));

export function provinceArb(maxUnits = 12): fc.Arbitrary<Province> {
  return fc
    .record({
      indicators: fc.shuffledSubarray([...INDICATORS], { minLength: 1, maxLength: 3 }),
      units: fc.uniqueArray(
        fc.oneof(
          { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom(...KINDS), name: unitName }) },
          { weight: 1, arbitrary: fc.constantFrom(...TRICKY) },
        ),
        {
          minLength: 1,
          maxLength: maxUnits,
          selector: (u) => `${u.kind}|${nameKey(u.name)}`,
        },
      ),
      targets: traits,
      actuals: traits,
      seed: fc.integer(),
    })
    .chain(({ indicators, units, targets, actuals }) =>
      fc
        .record({
          presence: fc.array(fc.constantFrom<"both" | "targets" | "actuals">("both", "both", "both", "both", "both", "targets", "actuals"), {
            minLength: units.length,
            maxLength: units.length,
          }),
          figures: fc.array(fc.array(fc.tuple(figure, figure), { minLength: indicators.length, maxLength: indicators.length }), {
            minLength: units.length,
            maxLength: units.length,
          }),
          spelling: fc.array(fc.nat(10), { minLength: units.length, maxLength: units.length }),
          upper: fc.array(fc.boolean(), { minLength: units.length, maxLength: units.length }),
          actualsOrder: fc.shuffledSubarray([...units.keys()], { minLength: units.length, maxLength: units.length }),
          actualsColumns: fc.shuffledSubarray([...indicators.keys()], { minLength: indicators.length, maxLength: indicators.length }),
          targetSpelling: fc.array(fc.nat(5), { minLength: indicators.length, maxLength: indicators.length }),
          actualSpelling: fc.array(fc.nat(5), { minLength: indicators.length, maxLength: indicators.length }),
        })
        .map((r) => {
          const presence = [...r.presence];
          presence[0] = "both"; // at least one unit in both sheets
          const gen: GenUnit[] = units.map((u, i) => ({
            kind: u.kind,
            name: u.name,
            inTargets: presence[i] !== "actuals",
            inActuals: presence[i] !== "targets",
            figures: r.figures[i]!.map(([t, a]) => [t, a] as const),
            spelling: r.spelling[i]!,
            upper: r.upper[i]!,
            // A number or a letter alone ("1" for Phường 1) is never written without its prefix.
            bare: r.spelling[i]! % 4 === 3 && !/^(\d+|[A-Za-z])$/.test(u.name) && units.filter((v) => nameKey(v.name) === nameKey(u.name)).length === 1,
          }));
          // Every indicator has a number for the first unit in both sheets, so that the column is
          // a column of figures on both sides.
          const f0 = gen[0]!.figures.map(([t, a]) => [t ?? 1, a ?? 1] as const);
          gen[0] = { ...gen[0]!, figures: f0 };
          return {
            indicators,
            units: gen,
            targets,
            actuals,
            actualsOrder: r.actualsOrder,
            actualsColumns: r.actualsColumns,
            targetSpelling: r.targetSpelling,
            actualSpelling: r.actualSpelling,
          };
        }),
    );
}

/** The unit as the targets sheet writes it: full prefix. */
export function targetName(u: GenUnit): string {
  return `${SPELLINGS[u.kind][0]} ${u.name}`;
}

/** The unit as the actuals sheet writes it: any prefix spelling, maybe upper case, old tone placement. */
export function actualName(u: GenUnit): string {
  if (u.bare) return u.upper ? retone(u.name).toUpperCase() : retone(u.name);
  const sp = SPELLINGS[u.kind];
  const prefix = sp[u.spelling % sp.length]!;
  const sep = prefix.endsWith(".") && u.spelling % 2 === 0 ? "" : " ";
  const s = `${prefix}${sep}${retone(u.name)}`;
  return u.upper ? s.toUpperCase() : s;
}

function layout(tr: SheetTraits, names: string[], columns: LayoutColumn[], groupOf: (i: number) => string | undefined, title: string): Layout {
  return {
    titles: ["BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG", title, "Số liệu đến ngày 31/10/2022"].slice(0, tr.titles),
    groupHeader: tr.groupHeader ? title : undefined,
    merged: tr.merged,
    columnNumbers: tr.columnNumbers,
    stt: tr.stt,
    units: names.map((name, i) => ({ name, group: tr.grouped ? groupOf(i) : undefined })),
    columns,
    total: tr.total ?? undefined,
    subtotals: tr.grouped,
    notes: tr.notes,
    viText: tr.viText,
    nfd: tr.nfd,
  };
}

/** The two sheets of a province. */
export function provinceSheets(p: Province): { targets: SheetGrid; actuals: SheetGrid } {
  const tUnits = p.units.filter((u) => u.inTargets);
  const tCols = p.indicators.map((ind, k) => ({
    header: ind.spellings[p.targetSpelling[k]! % ind.spellings.length]!,
    values: tUnits.map((u) => u.figures[k]![0]),
  }));
  const half = (n: number) => (i: number) => (i < Math.ceil(n / 2) ? "Các quận" : "Khối huyện");
  const targets = buildGrid(layout(p.targets, tUnits.map(targetName), tCols, half(tUnits.length), "Chỉ tiêu giao năm 2022"));
  const aUnits = p.actualsOrder.map((i) => p.units[i]!).filter((u) => u.inActuals);
  const aCols = p.actualsColumns.map((k) => {
    const ind = p.indicators[k]!;
    return { header: ind.spellings[p.actualSpelling[k]! % ind.spellings.length]!, values: aUnits.map((u) => u.figures[k]![1]) };
  });
  const actuals = buildGrid(layout(p.actuals, aUnits.map(actualName), aCols, half(aUnits.length), "Kết quả thực hiện"));
  return { targets: { name: "Kế hoạch", values: targets.grid }, actuals: { name: "Thực hiện", values: actuals.grid } };
}

/**
 * The province as actuals and a base sheet (no targets): one BHYT column in the actuals and the
 * population in the base sheet, where each unit's "target" figure becomes its population.
 */
export function coverageSheets(p: Province): { actuals: SheetGrid; base: SheetGrid } {
  const bhyt = INDICATORS.find((i) => i.id === "bhyt")!;
  const q: Province = {
    ...p,
    indicators: [bhyt],
    units: p.units.map((u) => ({ ...u, figures: [u.figures[0]!] })),
    actualsColumns: [0],
    targetSpelling: [0],
    actualSpelling: [p.actualSpelling[0]!],
  };
  const { targets, actuals } = provinceSheets(q);
  // The same layout with the header "Dân số" in place of the indicator's name.
  const values = targets.values.map((row) => row.map((v) => (v === "BHYT" ? "Dân số" : v === "Chỉ tiêu giao năm 2022" ? "Dân số năm 2022" : v)));
  return { actuals, base: { name: "Dân số", values } };
}
