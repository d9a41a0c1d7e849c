/**
 * The "Nhận xét" (Commentary) summary sheet: the report's paragraphs (narrative.ts), one per
 * row, each row merged across the sheet's width and wrapped, so a planner can read them beside
 * the ranked tables and copy them into the monthly report. Replaced with the other summary
 * sheets on every run.
 */
import type { Lang } from "./i18n";
import { OutputValue, SheetSpec, legalSheetName, safeSheetSpec } from "./sheetSpec";

const WORDS = {
  vi: { sheet: "Nhận xét", title: "NHẬN XÉT KẾT QUẢ THỰC HIỆN CHỈ TIÊU", note: "Viết từ kết quả tính ở các trang tính tổng hợp; mỗi đoạn một chỉ tiêu." },
  en: {
    sheet: "Commentary",
    title: "COMMENTARY ON THE RESULTS",
    note: "Written from the results on the summary sheets; one paragraph per indicator and measure.",
  },
} as const;

/** The commentary sheet's title (A1) in each language: how a file written before our sheets carried a mark is recognised. */
export const COMMENTARY_TITLES: readonly string[] = [WORDS.vi.title, WORDS.en.title];

/** Columns the paragraphs span, and their width in Excel's character units. */
const COLUMNS = 8;
const COLUMN_WIDTH = 15;
/** Row where the first paragraph goes (0-based): after the title, the note and a blank row. */
const FIRST = 3;
/** Points per wrapped line of 11-point text, with room for Vietnamese diacritics. */
const LINE_POINTS = 15.75;

/**
 * Excel does not fit a merged cell's row to its wrapped text, so each paragraph row gets a height
 * for the lines it needs: characters over the merged width (an average Vietnamese letter is about
 * as wide as Excel's width unit; a little more room is left so no line is cut).
 */
export function paragraphHeight(text: string, widthUnits = COLUMNS * COLUMN_WIDTH): number {
  const perLine = Math.max(20, Math.floor(widthUnits * 1.05));
  const lines = Math.max(1, Math.ceil(Array.from(text).length / perLine));
  return Math.round((lines * LINE_POINTS + 6) * 100) / 100;
}

/**
 * The commentary sheet for these paragraphs. `caution` (caveats.ts narrativeCaution: the area
 * figures leave out the unmatched units) goes above them, in the warning colours, and is not part
 * of any paragraph: the paragraphs are copied into the report as they are.
 */
export function commentarySheet(paragraphs: readonly string[], lang: Lang, caution: string | null = null): SheetSpec {
  const w = WORDS[lang];
  // With a caution: title, note, the caution where the blank row was, a blank row, then the paragraphs.
  const cautionRow = FIRST - 1;
  const values: OutputValue[][] = caution ? [[w.title], [w.note], [caution], []] : [[w.title], [w.note], []];
  const first = values.length;
  for (const p of paragraphs) values.push([p]);
  const merges = [
    { row: 0, col: 0, rows: 1, cols: COLUMNS },
    { row: 1, col: 0, rows: 1, cols: COLUMNS },
    ...(caution ? [{ row: cautionRow, col: 0, rows: 1, cols: COLUMNS }] : []),
    ...paragraphs.map((_, i) => ({ row: first + i, col: 0, rows: 1, cols: COLUMNS })),
  ];
  // safeSheetSpec: a paragraph naming many very long unit names could pass Excel's cell limit.
  return safeSheetSpec({
    key: "commentary",
    kind: "commentary",
    name: legalSheetName(w.sheet),
    values,
    columnFormats: Array.from({ length: COLUMNS }, () => "@"),
    dataStart: first,
    cellFormats: [],
    width: COLUMNS,
    columnWidths: Array.from({ length: COLUMNS }, () => COLUMN_WIDTH),
    merges,
    wrap: [
      ...(caution ? [{ row: cautionRow, col: 0, rows: 1, cols: COLUMNS }] : []),
      ...(paragraphs.length > 0 ? [{ row: first, col: 0, rows: paragraphs.length, cols: COLUMNS }] : []),
    ],
    freeze: { rows: 0, columns: 0 },
    highlights: [
      { style: "title", block: { row: 0, col: 0, rows: 1, cols: 1 }, rows: [0] },
      ...(caution ? [{ style: "warning" as const, block: { row: cautionRow, col: 0, rows: 1, cols: COLUMNS }, rows: [cautionRow] }] : []),
    ],
    table: null,
    chart: null,
    rowHeights: [
      ...(caution ? [{ row: cautionRow, height: paragraphHeight(caution) }] : []),
      ...paragraphs.map((p, i) => ({ row: first + i, height: paragraphHeight(p) })),
    ],
  });
}
