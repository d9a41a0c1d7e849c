/**
 * Messages of the history area (see params.ts): reading back the rows each recalculation kept in
 * our "Diễn biến" sheet (history.ts readHistory). A row that cannot be read is said and left out,
 * never guessed: the months before are the planner's record. Each code: its params, its
 * Vietnamese text, its English text. Rows are Excel's 1-based rows; `where` is the cell to fix.
 */
import type { Texts } from "./types";

/** Which cell of a kept row could not be read. */
export type HistoryField = "date" | "indicator" | "measure" | "level" | "unit" | "figure";

export interface HistoryParams {
  /**
   * A kept row (where: the cell) whose `field` is not what we wrote there: a date that is no day,
   * an empty indicator code or unit, a measure or level we do not know, text where a figure was.
   * `value` is the cell as read ("" for an empty cell). The row is left out of the history.
   */
  "history-cell-unreadable": { field: HistoryField; value: string };
  /**
   * The same date, indicator, measure and unit in two rows with different figures (where: the
   * second row's date cell; `firstRow` the other's row). Neither is kept.
   */
  "history-row-conflict": { asOf: string; indicator: string; unit: string; firstRow: number };
  /** Our history sheet (where: the sheet) no longer holds the block of kept rows: the months before cannot be read back. */
  "history-not-found": Record<string, never>;
  /**
   * A workbook of more units than the history keeps per date (a national one): this run's area
   * rows are kept, its `rows` unit rows are not (`limit` per date), so the sheet stays within what
   * Excel on the web moves in a few requests and within Excel's rows for years of months.
   */
  "history-units-left-out": { rows: number; limit: number };
}

/** "2024-04-30" as "30/4/2024" (both languages: the sheets write days so). */
function day(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])}/${Number(m[2])}/${m[1]}` : iso;
}

const FIELD_VI: Record<HistoryField, string> = {
  date: "ngày số liệu",
  indicator: "mã chỉ tiêu",
  measure: "thước đo",
  level: "cấp",
  unit: "tên đơn vị",
  figure: "số liệu",
};

const HINT_VI: Record<HistoryField, string> = {
  date: "phải là một ngày",
  indicator: "phải là chữ, không để trống",
  measure: "phải là “đạt KH” hoặc “bao phủ”",
  level: "phải là “Toàn địa bàn” hoặc “Đơn vị”",
  unit: "phải là chữ, không để trống",
  figure: "phải là một số hoặc để trống",
};

const FIELD_EN: Record<HistoryField, string> = {
  date: "The date",
  indicator: "The indicator code",
  measure: "The measure",
  level: "The level",
  unit: "The unit name",
  figure: "The figure",
};

const HINT_EN: Record<HistoryField, string> = {
  date: "it must be a day",
  indicator: "it must be text, not empty",
  measure: 'it must be "of plan" or "coverage"',
  level: 'it must be "Area" or "Unit"',
  unit: "it must be text, not empty",
  figure: "it must be a number or empty",
};

export const historyVi: Texts<HistoryParams> = {
  "history-cell-unreadable": (p, say) =>
    `${say.at}: ${p.value === "" ? `${FIELD_VI[p.field]} của một hàng số liệu các lần tính trước bị để trống` : `không đọc được ${FIELD_VI[p.field]} ${say.q(p.value)} của một hàng số liệu các lần tính trước (${HINT_VI[p.field]})`}, nên hàng này không được đưa vào diễn biến. Hãy sửa ô này hoặc xoá hàng đó.`,
  "history-row-conflict": (p, say) =>
    `${say.at}: số liệu ngày ${day(p.asOf)} của ${say.q(p.unit)} (${say.q(p.indicator)}) có ở hai hàng với số khác nhau (hàng kia là hàng ${p.firstRow}), nên không lấy hàng nào vào diễn biến. Hãy xoá hàng sai.`,
  "history-units-left-out": (p, say) =>
    `Trang diễn biến chỉ giữ tỷ lệ chung của địa bàn cho lần tính này: ${say.num(p.rows)} dòng số liệu từng đơn vị vượt mức ${say.num(p.limit)} dòng mỗi kỳ mà trang giữ được (sổ làm việc toàn quốc). Số liệu từng đơn vị vẫn có trong các trang xếp hạng.`,
  "history-not-found": (_p, say) =>
    `Trang ${say.at} không còn bảng số liệu các lần tính trước (các cột “Ngày số liệu”, “Mã chỉ tiêu” …), nên diễn biến các tháng trước không đọc lại được. Nếu bảng bị xoá nhầm, hãy hoàn tác hoặc mở lại bản đã lưu rồi tính lại.`,
};

export const historyEn: Texts<HistoryParams> = {
  "history-cell-unreadable": (p, say) =>
    `${say.at}: ${p.value === "" ? `${FIELD_EN[p.field]} of a row kept from an earlier run is empty` : `${FIELD_EN[p.field]} ${say.q(p.value)} of a row kept from an earlier run cannot be read (${HINT_EN[p.field]})`}, so the row is left out of the history. Correct the cell or delete the row.`,
  "history-row-conflict": (p, say) =>
    `${say.at}: the figures of ${say.q(p.unit)} (${say.q(p.indicator)}) for ${day(p.asOf)} are in two rows that differ (the other is row ${p.firstRow}), so neither is taken into the history. Delete the wrong one.`,
  "history-units-left-out": (p, say) =>
    `The trend sheet keeps only the area-wide rates for this run: its ${say.num(p.rows)} rows of unit figures are more than the ${say.num(p.limit)} a date it keeps (a national workbook). Each unit's figures are still on the ranked sheets.`,
  "history-not-found": (_p, say) =>
    `Sheet ${say.at} no longer holds the table of earlier runs (the columns "Date", "Indicator code" … or "Ngày số liệu", "Mã chỉ tiêu" …), so the months before cannot be read back. If it was deleted by mistake, undo or reopen the saved copy, then recalculate.`,
};
