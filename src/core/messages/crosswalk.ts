/**
 * Messages of the crosswalk area (see params.ts): the table of old units to new ones across the
 * July 2025 merger (crosswalk.ts) and the sheets summed through it into the new units. Each code:
 * its params, its Vietnamese text, its English text.
 *
 * Every doubt is said, never summed silently: an old unit the crosswalk does not list, a new unit
 * no old unit of a sheet makes up, shares of one old unit that do not add up to 100%, an old unit
 * split with no shares, and a name that could be two old units. Rows are Excel's 1-based rows;
 * `where` is the cell the planner fixes.
 */
import type { Say, Texts } from "./types";

/** A crosswalk row an old name could be: the old unit as written, its parent (old district or province) and the row. */
export interface CrosswalkMatch {
  readonly name: string;
  readonly parent: string | null;
  readonly row: number;
}

export interface CrosswalkParams {
  /** The crosswalk named in the settings has no column of old units beside one of new units. where: the sheet. */
  "crosswalk-not-read": Record<string, never>;
  /** The crosswalk named in the settings is not a sheet of the workbook. */
  "crosswalk-sheet-not-found": { name: string; sheets: readonly string[] };
  /** A unit of a sheet of old units that the crosswalk does not list (where: its name's cell): its figures go into no new unit. */
  "crosswalk-old-missing": { unit: string; crosswalk: string };
  /**
   * A new unit of the reference sheet (where: its cell) that no old unit of `sheet` makes up:
   * `listed` false when the crosswalk has no row for it, true when its old units are all missing from the sheet.
   */
  "crosswalk-new-without-old": { unit: string; sheet: string; crosswalk: string; listed: boolean };
  /** A new unit (where: the reference's cell) some of whose old units are missing from `sheet`: no figure from that sheet rather than a part of one. */
  "crosswalk-new-incomplete": { unit: string; sheet: string; missing: readonly string[]; crosswalk: string };
  /** The shares of one old unit (where: its first share cell) do not add up to 100%: the new units it feeds get no figure from it. */
  "crosswalk-shares-not-whole": { old: string; total: number; news: readonly string[] };
  /** One old unit in two or more rows for different new units, with no shares (where: its first row's cell). */
  "crosswalk-split-without-shares": { old: string; news: readonly string[]; rows: readonly number[] };
  /** A sheet's unit name (where: its cell) that could be two old units of the crosswalk: not summed into either. */
  "crosswalk-old-ambiguous": { unit: string; crosswalk: string; matches: readonly CrosswalkMatch[]; news: readonly string[] };
  /** Two rows of a sheet of old units that are one old unit of the crosswalk (where: the second): neither is summed. */
  "crosswalk-old-twice": { unit: string; firstRow: number; firstName: string; news: readonly string[] };
}

function units(names: readonly string[], say: Say): string {
  return say.list(names.map((n) => say.q(n)));
}

function matchList(ms: readonly CrosswalkMatch[], say: Say): string {
  const vi = say.voice.lang === "vi";
  return ms.map((m) => `${say.q(m.name)}${m.parent ? ` (${say.q(m.parent)})` : ""} ${vi ? "ở hàng" : "in row"} ${m.row}`).join(vi ? "; " : "; ");
}

export const crosswalkVi: Texts<CrosswalkParams> = {
  "crosswalk-not-read": (_p, say) =>
    `Trang ${say.at} được chọn làm bảng quy đổi đơn vị nhưng không có cột đơn vị cũ cạnh cột đơn vị mới (ví dụ “Đơn vị cũ” / “Đơn vị mới”, “Xã, phường trước sắp xếp” / “Xã, phường sau sắp xếp”), nên không được dùng. Hãy đặt tiêu đề như vậy cho hai cột, hoặc ${say.fix("crosswalk")}.`,
  "crosswalk-sheet-not-found": (p, say) =>
    `Không có trang tính ${say.q(p.name)} (bảng quy đổi đơn vị cũ – mới) trong sổ làm việc. Các trang tính có: ${p.sheets.map((s) => say.sheet(s)).join(", ")}. Hãy ${say.fix("crosswalk")}.`,
  "crosswalk-old-missing": (p, say) =>
    `${say.at}: đơn vị ${say.q(p.unit)} không có trong bảng quy đổi ${say.sheet(p.crosswalk)}, nên số liệu của nó không được cộng vào đơn vị mới nào. Hãy thêm một hàng cho đơn vị này vào bảng quy đổi.`,
  "crosswalk-new-without-old": (p, say) =>
    p.listed
      ? `${say.at}: không đơn vị cũ nào hợp thành ${say.q(p.unit)} theo bảng quy đổi ${say.sheet(p.crosswalk)} có trong trang ${say.sheet(p.sheet)}, nên ${say.q(p.unit)} không có số liệu từ trang đó. Hãy kiểm tra tên các đơn vị cũ.`
      : `${say.at}: đơn vị ${say.q(p.unit)} không có trong cột đơn vị mới của bảng quy đổi ${say.sheet(p.crosswalk)}, nên không có số liệu quy đổi từ trang ${say.sheet(p.sheet)}. Hãy thêm các đơn vị cũ hợp thành nó vào bảng quy đổi.`,
  "crosswalk-new-incomplete": (p, say) =>
    `${say.at}: trang ${say.sheet(p.sheet)} thiếu ${units(p.missing, say)} — đơn vị cũ hợp thành ${say.q(p.unit)} theo bảng quy đổi ${say.sheet(p.crosswalk)} — nên ${say.q(p.unit)} không có số liệu từ trang đó (không lấy một phần làm cả). Hãy thêm các đơn vị đó vào trang ${say.sheet(p.sheet)} hoặc sửa bảng quy đổi.`,
  "crosswalk-shares-not-whole": (p, say) =>
    `${say.at}: tỷ lệ chia của đơn vị cũ ${say.q(p.old)} cộng lại được ${say.pct(p.total)}, không phải 100%, nên ${units(p.news, say)} không có số liệu quy đổi từ đơn vị này. Hãy sửa tỷ lệ trong bảng quy đổi.`,
  "crosswalk-split-without-shares": (p, say) =>
    `${say.at}: đơn vị cũ ${say.q(p.old)} có ở các hàng ${p.rows.join(", ")} cho ${units(p.news, say)} mà không có tỷ lệ chia, nên không biết phần nào thuộc đơn vị mới nào; các đơn vị mới đó không có số liệu quy đổi từ đơn vị này. Hãy thêm cột “Tỷ lệ (%)” hoặc để mỗi đơn vị cũ một hàng.`,
  "crosswalk-old-ambiguous": (p, say) =>
    `${say.at}: ${say.q(p.unit)} có thể là ${matchList(p.matches, say)} trong bảng quy đổi ${say.sheet(p.crosswalk)}, nên không được cộng vào đơn vị mới nào; ${units(p.news, say)} không có số liệu từ trang này. Hãy ghi rõ loại đơn vị (xã, phường, thị trấn) hoặc huyện cũ của nó.`,
  "crosswalk-old-twice": (p, say) =>
    `${say.at}: ${say.q(p.unit)} và ${say.q(p.firstName)} ở hàng ${p.firstRow} là một đơn vị cũ theo bảng quy đổi, nên không hàng nào được cộng; ${units(p.news, say)} không có số liệu từ trang này. Hãy xoá hoặc đổi tên một trong hai hàng.`,
};

export const crosswalkEn: Texts<CrosswalkParams> = {
  "crosswalk-not-read": (_p, say) =>
    `Sheet ${say.at} was chosen as the table of old to new units but has no column of old units beside one of new units (e.g. "Đơn vị cũ" / "Đơn vị mới", "Xã, phường trước sắp xếp" / "Xã, phường sau sắp xếp"), so it is not used. Head the two columns so, or ${say.fix("crosswalk")}.`,
  "crosswalk-sheet-not-found": (p, say) =>
    `There is no sheet ${say.q(p.name)} (the table of old to new units) in the workbook. Sheets: ${p.sheets.map((s) => say.sheet(s)).join(", ")}. ${say.fix("crosswalk").replace(/^./, (c) => c.toUpperCase())}.`,
  "crosswalk-old-missing": (p, say) =>
    `${say.at}: the unit ${say.q(p.unit)} is not in the crosswalk ${say.sheet(p.crosswalk)}, so its figures go into no new unit. Add a row for it to the crosswalk.`,
  "crosswalk-new-without-old": (p, say) =>
    p.listed
      ? `${say.at}: none of the old units that make up ${say.q(p.unit)} in the crosswalk ${say.sheet(p.crosswalk)} is in sheet ${say.sheet(p.sheet)}, so ${say.q(p.unit)} has no figure from that sheet. Check the old units' names.`
      : `${say.at}: the unit ${say.q(p.unit)} is not in the new units' column of the crosswalk ${say.sheet(p.crosswalk)}, so it has no figure converted from sheet ${say.sheet(p.sheet)}. Add the old units that make it up to the crosswalk.`,
  "crosswalk-new-incomplete": (p, say) =>
    `${say.at}: sheet ${say.sheet(p.sheet)} lacks ${units(p.missing, say)} — old units that make up ${say.q(p.unit)} in the crosswalk ${say.sheet(p.crosswalk)} — so ${say.q(p.unit)} has no figure from that sheet (a part is not taken for the whole). Add them to sheet ${say.sheet(p.sheet)} or correct the crosswalk.`,
  "crosswalk-shares-not-whole": (p, say) =>
    `${say.at}: the shares of the old unit ${say.q(p.old)} add up to ${say.pct(p.total)}, not 100%, so ${units(p.news, say)} get no figure converted from it. Correct the shares in the crosswalk.`,
  "crosswalk-split-without-shares": (p, say) =>
    `${say.at}: the old unit ${say.q(p.old)} is in rows ${p.rows.join(", ")} for ${units(p.news, say)} with no shares, so which part belongs to which new unit is not known; those new units get no figure converted from it. Add a "Tỷ lệ (%)" column, or give each old unit one row.`,
  "crosswalk-old-ambiguous": (p, say) =>
    `${say.at}: ${say.q(p.unit)} could be ${matchList(p.matches, say)} in the crosswalk ${say.sheet(p.crosswalk)}, so it is summed into no new unit; ${units(p.news, say)} get no figure from this sheet. Write its kind (xã, phường, thị trấn) or its old district.`,
  "crosswalk-old-twice": (p, say) =>
    `${say.at}: ${say.q(p.unit)} and ${say.q(p.firstName)} in row ${p.firstRow} are one old unit of the crosswalk, so neither row is summed; ${units(p.news, say)} get no figure from this sheet. Delete or rename one of the two rows.`,
};
