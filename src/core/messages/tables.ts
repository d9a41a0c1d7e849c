/**
 * Messages of the tables area (see params.ts): reading one sheet's table (detect, bands,
 * rowKinds), its unit names (units) and its text columns (unitColumns). Each code: its params,
 * its Vietnamese text, its English text.
 *
 * Rows are Excel's 1-based row numbers; cells in params are A1 addresses on the message's sheet.
 * Figures are numbers and shown in the voice's language with as many decimals as they have (a
 * cell's "12,345" must not come back as "12,35").
 */
import { formatNumber } from "../format";
import type { NumberLocale } from "../numbers";
import type { SheetRole } from "../roles";
import type { Say, Texts } from "./types";
import { sheetRoleWord } from "./words";

/** A text column as found (its sheet, column letter and header), for "columns found: …". */
export interface FoundTextColumn {
  readonly sheet: string;
  readonly column: string;
  readonly header: string;
}

/** A cell of a district row whose figure is not the sum of its communes' rows. */
export interface RowsSumDifference {
  readonly cell: string;
  readonly sheetFigure: number;
  readonly rowsSum: number;
}

export interface TablesParams {
  /** The sheet has nothing in it. `role`: what it was chosen for, when the caller says (then the fix names that setting). */
  "empty-sheet": { role?: SheetRole };
  /** No header row naming the units above rows of figures. */
  "no-header-row": { role?: SheetRole };
  /** The header (where.row) names no column of unit names. */
  "no-unit-column": { role?: SheetRole };
  /** A second total row; the first one (`usedRow`) is the check. */
  "second-total-row": { label: string; usedRow: number };
  /** A row under "Trong đó:" with figures, left out by its words alone. `stt`: the table has an STT column. */
  "of-which-row-left-out": { label: string; stt: boolean };
  /** A row read as a unit for its STT number, against its list mark (`bullet`) or its breakdown words. */
  "numbered-row-read-as-unit": { label: string; name: string; bullet: boolean };
  /** The first row after unmarked "Trong đó:" rows that is not worded as one of them: read as a unit. */
  "of-which-row-read-as-unit": { label: string };
  /** A list-marked row under `parent`, numbered and with figures: a unit, and so is `parent`. */
  "bulleted-numbered-unit": { name: string; parent: string };
  /** A row without an STT number over numbered rows of a lower kind: their group row, though its figures are not their sum. */
  "parent-row-not-sum": { name: string; firstRow: number; lastRow: number; differences: readonly RowsSumDifference[] };
  /** A row whose figures are the sum of the rows below it: their group row. */
  "group-row-by-sums": { name: string; firstRow: number; lastRow: number };
  /** A count that is not whole (`value` as written, before any stated scale). */
  "count-not-whole": { value: number; header: string };
  /** "92%" in a count column: no figure for the unit. */
  "percent-in-count-column": { written: string; header: string; unit: string };
  /** Text written in the other locale's number format, read that way. `written`: the sheet's locale it is not in. */
  "other-locale-number": { written: string; value: number; percent: boolean; sheetLocale: NumberLocale };
  "figure-too-large": { value: number; header: string; unit: string };
  "negative-figure": { value: number; header: string; unit: string };
  "blank-cell": { header: string; unit: string };
  /** A formula the file was saved without calculating (no cached result): blank to us, not to the planner. */
  "formula-not-calculated": { header: string; unit: string };
  /** An Excel error value (#N/A, #DIV/0! …). */
  "excel-error": { error: string; header: string; unit: string };
  "text-in-number-column": { text: string; header: string; unit: string };
  /** "2,010" in a count column: read as 2.010 (whole), though the column's other cells write numbers the locale's way. */
  "separator-read-as-thousands": { written: string; grouped: number; decimal: number; header: string; sheetLocale: NumberLocale };
  /** "12,345" in a column in thousands: both readings whole; read as the locale reads it. */
  "separator-read-as-decimal": { written: string; grouped: number; decimal: number; header: string; scale: number };
  /** The total row's figure is not the units' sum. */
  "total-row-mismatch": { label: string; header: string; sheetTotal: number; unitsSum: number };
  /** A group's subtotal is not the sum of its units. */
  "subtotal-mismatch": { group: string; header: string; subtotal: number; unitsSum: number };
  /** The unit-name column (where.column) holds numbers only. */
  "unit-names-only-numbers": { header: string; sample: readonly number[] };
  /** A unit named by a number alone (a ward typed as 3) with no neighbour to take its kind from. */
  "unit-named-by-number": { number: number };
  /** Two or three rows per unit: a row with figures but no band label. */
  "band-label-missing": { label: string; labels: readonly string[] };
  /** Two or three rows per unit: a unit without a row of one band. */
  "band-row-missing": { unit: string; band: string };
  /** A unit listed twice in one sheet (where.row is the second). */
  "duplicate-unit": { name: string; firstName: string; firstRow: number };
  /** The category column named in the settings is not a text column of any sheet. */
  "category-column-not-found": { header: string; sheets: readonly string[]; found: readonly FoundTextColumn[] };
  /** The group column named in the settings is not a text column of any sheet. */
  "group-column-not-found": { header: string; sheets: readonly string[]; found: readonly FoundTextColumn[] };
}

/** A figure with as many decimals as it has (up to 6), in the voice's language: 2,01 / 2.01; 1.065.565. */
function exact(x: number, say: Say): string {
  // Past 15 digits Excel shows a number as 1E+308 (1,5E+20 in Vietnamese): so do we, not 103 groups of zeros.
  if (Math.abs(x) >= 1e15) {
    const [m, e] = x.toExponential().split("e");
    return `${exact(Math.round(Number(m) * 100) / 100, say)}E${e!.startsWith("-") ? e : `+${e!.replace("+", "")}`}`;
  }
  if (Number.isInteger(x)) return say.num(x);
  const frac = String(Math.round(Math.abs(x) * 1e6) / 1e6).split(".")[1] ?? "";
  return formatNumber(x, { lang: say.voice.lang, decimals: frac.length });
}

/** " (chọn ở ô “Trang tính kế hoạch”)": the way to choose another sheet for a role, when it is known. */
function anotherSheet(role: SheetRole | undefined, say: Say): string {
  const vi = say.voice.lang === "vi";
  if (role === undefined) return vi ? "chọn trang tính khác" : "choose another sheet";
  return vi ? `chọn trang tính ${sheetRoleWord(role, "vi")} khác (${say.fix(role)})` : `choose another ${sheetRoleWord(role, "en")} sheet (${say.fix(role)})`;
}

/** The separators a sheet's locale writes numbers with. */
const SEPARATORS: Record<NumberLocale, { thousands: string; point: string }> = { vi: { thousands: ".", point: "," }, en: { thousands: ",", point: "." } };

function sheetList(sheets: readonly string[], say: Say): string {
  const list = say.list(sheets.map((s) => say.sheet(s)));
  return say.voice.lang === "vi" ? `trang tính ${list}` : `${sheets.length === 1 ? "sheet" : "sheets"} ${list}`;
}

function foundList(found: readonly FoundTextColumn[], say: Say): string {
  if (found.length === 0) return say.voice.lang === "vi" ? "không có" : "none";
  return found.map((f) => `${say.cell(f.sheet, f.column)} ${say.q(f.header)}`).join(", ");
}

export const tablesVi: Texts<TablesParams> = {
  "empty-sheet": (p, say) =>
    `Trang tính ${say.at} trống. Hãy dán bảng số liệu vào đó (một hàng tiêu đề có cột tên đơn vị, rồi các hàng số liệu), hoặc ${anotherSheet(p.role, say)}.`,
  "no-header-row": (p, say) =>
    `Không tìm thấy bảng trong trang tính ${say.at}: không có hàng tiêu đề nào ghi cột tên đơn vị (ví dụ “STT”, “Đơn vị”, “Huyện”) phía trên các hàng số liệu. Hãy thêm một hàng tiêu đề như vậy, hoặc ${anotherSheet(p.role, say)}.`,
  "no-unit-column": (p, say) =>
    `${say.at}: hàng tiêu đề không có cột tên đơn vị. Hãy đặt tiêu đề cho cột ghi tên đơn vị là “Đơn vị” (hoặc “Huyện”, “Xã”, “Phường”), hoặc ${anotherSheet(p.role, say)}.`,
  "second-total-row": (p, say) =>
    `${say.at}: ${say.q(p.label)} là hàng tổng thứ hai — chỉ hàng tổng ở hàng ${p.usedRow} được dùng để đối chiếu với tổng các đơn vị; hàng này không được tính là đơn vị. Nếu đó là tổng của một nhóm, hãy ghi “Cộng …” (ví dụ “Cộng các xã”); nếu là hàng thừa, hãy xoá nó.`,
  "of-which-row-left-out": (p, say) =>
    `${say.at}: ${say.q(p.label)} có số liệu nhưng được coi là hàng chi tiết dưới hàng “Trong đó:” (theo tên của nó), không phải đơn vị, và không được cộng vào tổng. Nếu đó là một đơn vị, hãy ${p.stt ? "ghi số thứ tự (STT) cho hàng này" : "đặt nó ra ngoài khối “Trong đó:”"}.`,
  "numbered-row-read-as-unit": (p, say) =>
    `${say.at}: ${say.q(p.label)} có số thứ tự và số liệu nên được đọc là một đơn vị (${say.q(p.name)}), dù ${p.bullet ? "có dấu đầu dòng" : "tên của nó giống một hàng chi tiết"}. Nếu đó là hàng chi tiết, hãy xoá số thứ tự của nó.`,
  "of-which-row-read-as-unit": (p, say) =>
    `${say.at}: ${say.q(p.label)} dưới hàng “Trong đó:” được đọc là một đơn vị. Nếu đó là hàng chi tiết, hãy thêm dấu “-” trước tên; nếu là đơn vị, hãy bỏ qua cảnh báo này.`,
  "bulleted-numbered-unit": (p, say) =>
    `${say.at}: ${say.q(p.name)} có dấu đầu dòng dưới ${say.q(p.parent)} nhưng có số thứ tự và số liệu nên được đọc là một đơn vị; số liệu của ${say.q(p.parent)} không bằng tổng các hàng có dấu dưới nó, nên cả hai đều được cộng vào tổng. Nếu ${say.q(p.name)} là hàng chi tiết, hãy xoá số thứ tự của nó; nếu ${say.q(p.parent)} là hàng nhóm, hãy sửa số liệu của nó.`,
  "parent-row-not-sum": (p, say) => {
    const one = p.firstRow === p.lastRow;
    const rows = one ? `hàng ${p.firstRow}` : `các hàng ${p.firstRow}–${p.lastRow}`;
    const differ = p.differences.map((d) => `ô ${d.cell} ghi ${exact(d.sheetFigure, say)}, tổng các hàng đó là ${exact(d.rowsSum, say)}`).join("; ");
    return `${say.at}: hàng ${say.q(p.name)} không có số thứ tự và đứng trên ${rows} có số thứ tự, là đơn vị cấp dưới của nó, nên được coi là hàng nhóm: ${one ? "hàng đó" : "các hàng đó"} được tính là đơn vị, hàng ${say.q(p.name)} thì không. Số liệu của hàng này khác tổng các hàng dưới nó: ${differ} — phần chênh lệch không thuộc đơn vị nào nên không được tính vào tổng. Nếu ${say.q(p.name)} là một đơn vị, hãy ghi số thứ tự cho nó.`;
  },
  "group-row-by-sums": (p, say) =>
    `${say.at}: hàng ${say.q(p.name)} được coi là hàng nhóm vì số liệu bằng tổng các hàng ${p.firstRow}–${p.lastRow}; các hàng đó được tính là đơn vị, hàng ${say.q(p.name)} thì không. Nếu ${say.q(p.name)} là một đơn vị, hãy kiểm tra số liệu của các hàng này.`,
  "count-not-whole": (p, say) => `${say.at}: ${exact(p.value, say)} không phải số nguyên, nhưng cột ${say.q(p.header)} là số đếm (người) — hãy kiểm tra ô này.`,
  "percent-in-count-column": (p, say) =>
    `${say.at}: ${say.q(p.written)} là tỷ lệ phần trăm, nhưng cột ${say.q(p.header)} là số đếm (người) — ${p.unit} không có số liệu ở cột này; hãy nhập số người.`,
  "other-locale-number": (p, say) =>
    `${say.at}: ${say.q(p.written)} được viết theo kiểu số ${p.sheetLocale === "vi" ? "tiếng Anh" : "tiếng Việt"}; đã đọc là ${exact(p.percent ? p.value * 100 : p.value, say)}${p.percent ? "%" : ""}. Hãy kiểm tra ô này, hoặc nhập số dưới dạng số; nếu cả trang tính viết số theo kiểu đó, hãy ${say.fix("locale")}.`,
  "figure-too-large": (p, say) =>
    `${say.at}: ${exact(p.value, say)} quá lớn, không thể là số liệu — ${p.unit} không được tính ở cột ${say.q(p.header)}; hãy kiểm tra ô này.`,
  "negative-figure": (p, say) =>
    `${say.at}: ${exact(p.value, say)} là số âm — số người hay chỉ tiêu không thể âm; ${p.unit} không được tính ở cột ${say.q(p.header)}. Hãy kiểm tra dấu của số này.`,
  "blank-cell": (p, say) =>
    `${say.at}: ô trống — ${p.unit} không có số liệu ở cột ${say.q(p.header)} nên không được tính ở chỉ tiêu này. Nếu không có, hãy nhập 0.`,
  "formula-not-calculated": (p, say) =>
    `${say.at}: ô có công thức nhưng sổ làm việc được lưu khi chưa tính, nên chưa có kết quả — ${p.unit} không có số liệu ở cột ${say.q(p.header)}. Mở sổ làm việc trong Excel (tính toán Tự động, hoặc nhấn F9), lưu lại rồi chạy lại; đừng nhập 0.`,
  "excel-error": (p, say) => `${say.at}: ô có lỗi ${p.error} — ${p.unit} không có số liệu ở cột ${say.q(p.header)}; hãy sửa công thức hoặc giá trị trong ô.`,
  "text-in-number-column": (p, say) => `${say.at}: ${say.q(p.text)} không phải là số — ${p.unit} không có số liệu ở cột ${say.q(p.header)}; hãy nhập một số.`,
  "separator-read-as-thousands": (p, say) => {
    const s = SEPARATORS[p.sheetLocale];
    return `${say.at}: ${say.q(p.written)} có thể là ${exact(p.grouped, say)} hoặc ${exact(p.decimal, say)} — đã đọc là ${exact(p.grouped, say)} vì cột ${say.q(p.header)} là số người (số nguyên), nhưng các ô khác của cột dùng dấu “${s.thousands}” để phân cách hàng nghìn và dấu “${s.point}” là dấu thập phân. Hãy kiểm tra ô này và nhập số dưới dạng số.`;
  },
  "separator-read-as-decimal": (p, say) =>
    `${say.at}: ${say.q(p.written)} có thể là ${exact(p.grouped, say)} hoặc ${exact(p.decimal, say)} (cột ${say.q(p.header)} tính theo đơn vị ${say.num(p.scale)} người, cả hai cách đọc đều là số người nguyên) — đã đọc là ${exact(p.decimal, say)}. Hãy kiểm tra ô này và nhập số dưới dạng số.`,
  "total-row-mismatch": (p, say) =>
    `${say.at}: hàng tổng ${say.q(p.label)} ghi ${exact(p.sheetTotal, say)} ở cột ${say.q(p.header)}, nhưng cộng các đơn vị được ${exact(p.unitsSum, say)}. Hãy kiểm tra hàng tổng hoặc các hàng đơn vị.`,
  "subtotal-mismatch": (p, say) =>
    `${say.at}: hàng cộng của nhóm ${say.q(p.group)} ghi ${exact(p.subtotal, say)} ở cột ${say.q(p.header)}, nhưng cộng các đơn vị của nhóm được ${exact(p.unitsSum, say)}. Hãy kiểm tra hàng cộng hoặc các hàng đơn vị của nhóm.`,
  "unit-names-only-numbers": (p, say) =>
    `${say.at} (${say.q(p.header)}): cột tên đơn vị chỉ có số (${p.sample.map((n) => say.num(n)).join(", ")} …) — không biết đó là phường, xã hay quận nào. Hãy ghi tên đơn vị (ví dụ “Phường 1”); nếu tên đơn vị ở cột khác, hãy đặt tiêu đề “Đơn vị” cho cột đó.`,
  "unit-named-by-number": (p, say) =>
    `${say.at}: tên đơn vị là số ${say.num(p.number)} — không rõ là phường, xã hay quận; được khớp đúng như ghi. Hãy ghi đủ tên (ví dụ “Phường ${say.num(p.number)}”).`,
  "band-label-missing": (p, say) =>
    `${say.at}: hàng ${p.label ? `${say.q(p.label)} ` : ""}có số liệu nhưng ô này không ghi ${p.labels.map((l) => say.q(l)).join(" hay ")} — không biết đó là số liệu gì nên hàng này không được dùng; hãy ghi nội dung của hàng vào ô này.`,
  "band-row-missing": (p, say) =>
    `${say.at}: ${say.q(p.unit)} không có hàng ${say.q(p.band)} — đơn vị này không có số liệu ${say.q(p.band)}; hãy thêm hàng ${say.q(p.band)} dưới tên đơn vị nếu có.`,
  "duplicate-unit": (p, say) =>
    `${say.at}: đơn vị ${say.q(p.name)} có hai lần trong trang tính — ở hàng ${p.firstRow} (${say.q(p.firstName)}) và ở hàng này. Hãy xoá hoặc đổi tên một trong hai hàng.`,
  "category-column-not-found": (p, say) =>
    `Không có cột chữ nào có tiêu đề ${say.q(p.header)} (cột loại đơn vị đã chọn) trong ${sheetList(p.sheets, say)}. Các cột chữ tìm thấy: ${foundList(p.found, say)}. Hãy chọn lại cột loại đơn vị: ${say.fix("category")}.`,
  "group-column-not-found": (p, say) =>
    `Không có cột chữ nào có tiêu đề ${say.q(p.header)} (cột nhóm đơn vị đã chọn) trong ${sheetList(p.sheets, say)}. Các cột chữ tìm thấy: ${foundList(p.found, say)}. Hãy chọn lại cột nhóm đơn vị: ${say.fix("groupBy")}.`,
};

export const tablesEn: Texts<TablesParams> = {
  "empty-sheet": (p, say) =>
    `Sheet ${say.at} is empty: paste the table into it (a header row with a column of unit names, then the rows of figures), or ${anotherSheet(p.role, say)}.`,
  "no-header-row": (p, say) =>
    `No table found in sheet ${say.at}: no header row naming the units (e.g. "STT", "Đơn vị", "Huyện") above rows of figures. Add such a header row, or ${anotherSheet(p.role, say)}.`,
  "no-unit-column": (p, say) =>
    `${say.at}: the header has no column of unit names. Head the column of unit names "Đơn vị" (or "Huyện", "Xã", "Unit"), or ${anotherSheet(p.role, say)}.`,
  "second-total-row": (p, say) =>
    `${say.at}: ${say.q(p.label)} is a second total row — only the one in row ${p.usedRow} is used as the check on the units' sum; this row is not a unit. If it totals a group, write "Cộng …" (e.g. "Cộng các xã"); if it is left over, delete it.`,
  "of-which-row-left-out": (p, say) =>
    `${say.at}: ${say.q(p.label)} has figures but is taken as a breakdown row under "Trong đó:" (by its name), not a unit, and is not added to the total. If it is a unit, ${p.stt ? "give the row an STT number" : 'move it out of the "Trong đó:" block'}.`,
  "numbered-row-read-as-unit": (p, say) =>
    `${say.at}: ${say.q(p.label)} has an STT number and figures, so it is read as a unit (${say.q(p.name)}), though ${p.bullet ? "it has a list mark" : "its name looks like a breakdown row"}. If it is a breakdown row, delete its STT number.`,
  "of-which-row-read-as-unit": (p, say) =>
    `${say.at}: ${say.q(p.label)} under "Trong đó:" is read as a unit. If it is a breakdown row, put a "-" before its name; if it is a unit, ignore this warning.`,
  "bulleted-numbered-unit": (p, say) =>
    `${say.at}: ${say.q(p.name)} has a list mark under ${say.q(p.parent)} but an STT number and figures, so it is read as a unit; the figures of ${say.q(p.parent)} are not the sum of the marked rows under it, so both are added to the total. If ${say.q(p.name)} is a breakdown row, delete its STT number; if ${say.q(p.parent)} is a group row, correct its figures.`,
  "parent-row-not-sum": (p, say) => {
    const one = p.firstRow === p.lastRow;
    const rows = one ? `row ${p.firstRow}` : `rows ${p.firstRow}–${p.lastRow}`;
    const differ = p.differences.map((d) => `${d.cell} says ${exact(d.sheetFigure, say)}, those rows add up to ${exact(d.rowsSum, say)}`).join("; ");
    return `${say.at}: the row ${say.q(p.name)} has no STT number and stands above ${rows}, numbered units of a lower level, so it is taken as their group row: ${one ? "that row is" : "those rows are"} counted as units, ${say.q(p.name)} is not. Its figures differ from the sum of the rows under it: ${differ} — the difference belongs to no unit and is left out of the total. If ${say.q(p.name)} is a unit, give it an STT number.`;
  },
  "group-row-by-sums": (p, say) =>
    `${say.at}: the row ${say.q(p.name)} is taken as a group row because its figures are the sum of rows ${p.firstRow}–${p.lastRow}; those rows are counted as units, ${say.q(p.name)} is not. If ${say.q(p.name)} is a unit, check the figures of these rows.`,
  "count-not-whole": (p, say) => `${say.at}: ${exact(p.value, say)} is not a whole number, but ${say.q(p.header)} is a count (people) — check the cell.`,
  "percent-in-count-column": (p, say) =>
    `${say.at}: ${say.q(p.written)} is a percentage, but ${say.q(p.header)} is a count (people) — ${p.unit} has no figure in this column; enter the number of people.`,
  "other-locale-number": (p, say) =>
    `${say.at}: ${say.q(p.written)} is written in the ${p.sheetLocale === "vi" ? "English" : "Vietnamese"} number format; read as ${exact(p.percent ? p.value * 100 : p.value, say)}${p.percent ? "%" : ""}. Check it, or enter the number as a number; if the whole sheet writes numbers that way, ${say.fix("locale")}.`,
  "figure-too-large": (p, say) =>
    `${say.at}: ${exact(p.value, say)} is too large to be a figure — ${p.unit} is left out of ${say.q(p.header)}; check the cell.`,
  "negative-figure": (p, say) =>
    `${say.at}: ${exact(p.value, say)} is negative — a count or a target cannot be; ${p.unit} is left out of ${say.q(p.header)}. Check the sign.`,
  "blank-cell": (p, say) => `${say.at}: blank — ${p.unit} has no figure for ${say.q(p.header)}, so it is left out of this indicator. Enter 0 if there is none.`,
  "formula-not-calculated": (p, say) =>
    `${say.at}: a formula, but the workbook was saved without calculating it, so it has no result — ${p.unit} has no figure for ${say.q(p.header)}. Open the workbook in Excel (automatic calculation, or press F9), save it and run again; do not enter 0.`,
  "excel-error": (p, say) => `${say.at}: ${p.error} — ${p.unit} has no figure for ${say.q(p.header)}; fix the formula or value.`,
  "text-in-number-column": (p, say) => `${say.at}: ${say.q(p.text)} is not a number — ${p.unit} has no figure for ${say.q(p.header)}; enter a number.`,
  "separator-read-as-thousands": (p, say) => {
    const s = SEPARATORS[p.sheetLocale];
    return `${say.at}: ${say.q(p.written)} could be ${exact(p.grouped, say)} or ${exact(p.decimal, say)} — read as ${exact(p.grouped, say)} because ${say.q(p.header)} is a number of people (whole), but the column's other cells use "${s.thousands}" to group thousands and "${s.point}" as the decimal mark. Check the cell and enter the number as a number.`;
  },
  "separator-read-as-decimal": (p, say) =>
    `${say.at}: ${say.q(p.written)} could be ${exact(p.grouped, say)} or ${exact(p.decimal, say)} (${say.q(p.header)} is in units of ${say.num(p.scale)} people, and both readings are whole numbers of people) — read as ${exact(p.decimal, say)}. Check the cell and enter the number as a number.`,
  "total-row-mismatch": (p, say) =>
    `${say.at}: the total row (${say.q(p.label)}) says ${exact(p.sheetTotal, say)} for ${say.q(p.header)} but the units add up to ${exact(p.unitsSum, say)}. Check the total or the unit rows.`,
  "subtotal-mismatch": (p, say) =>
    `${say.at}: the subtotal of ${say.q(p.group)} says ${exact(p.subtotal, say)} for ${say.q(p.header)} but its units add up to ${exact(p.unitsSum, say)}. Check the subtotal or the group's unit rows.`,
  "unit-names-only-numbers": (p, say) =>
    `${say.at} (${say.q(p.header)}): the column of unit names holds only numbers (${p.sample.map((n) => say.num(n)).join(", ")} …) — which ward, commune or district each is cannot be told. Write the units' names (e.g. "Phường 1"); if the names are in another column, head that column "Đơn vị".`,
  "unit-named-by-number": (p, say) =>
    `${say.at}: the unit's name is the number ${say.num(p.number)} — whether a ward, commune or district is not clear; it is matched as written. Write the full name (e.g. "Phường ${say.num(p.number)}").`,
  "band-label-missing": (p, say) =>
    `${say.at}: the row ${p.label ? `${say.q(p.label)} ` : ""}has figures but this cell does not say ${p.labels.map((l) => say.q(l)).join(" or ")} — what its figures are cannot be told, so the row is not used; write the row's label in this cell.`,
  "band-row-missing": (p, say) =>
    `${say.at}: ${say.q(p.unit)} has no ${say.q(p.band)} row — this unit has no ${say.q(p.band)} figures; add a ${say.q(p.band)} row under the unit's name if it has some.`,
  "duplicate-unit": (p, say) =>
    `${say.at}: the unit ${say.q(p.name)} is listed twice in the sheet — in row ${p.firstRow} (${say.q(p.firstName)}) and in this row. Delete or rename one of them.`,
  "category-column-not-found": (p, say) =>
    `No text column headed ${say.q(p.header)} (the unit category column chosen) in ${sheetList(p.sheets, say)}. Text columns found: ${foundList(p.found, say)}. Choose the category column again: ${say.fix("category")}.`,
  "group-column-not-found": (p, say) =>
    `No text column headed ${say.q(p.header)} (the column chosen to group the units by) in ${sheetList(p.sheets, say)}. Text columns found: ${foundList(p.found, say)}. Choose the group column again: ${say.fix("groupBy")}.`,
};
