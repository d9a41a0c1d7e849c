/**
 * Messages of the pace area (see params.ts): the period each attainment result is measured
 * against and its pace (paceResults.ts, periods.ts, pace.ts), and the --period-start /
 * --period-end options. Days are ISO in the params ("2024-06-30") and written the planners' way
 * ("30/6/2024") in both languages, as the sheets write them. `where` is the target column (sheet
 * and column) for a result's message; nothing for the run's.
 *
 * Two kinds: doubts about a figure (a period read two ways, an as-of date outside the period) are
 * warnings; what the pace was measured against and what it could not judge (the period taken as
 * the year, a start assumed, on-pace not judged without a start level, no as-of date) are notes
 * (`Summary.paceNotes`), said once so a planner knows which flag or column would change it.
 */
import type { IndicatorName } from "./sheets";
import type { Say, Texts } from "./types";

/** A period as read from one text: the text and its days (ISO). */
export interface PeriodReadingParam {
  readonly text: string;
  readonly start: string;
  readonly end: string;
}

export interface PaceParams {
  /**
   * The texts of a target column (its header parts, or its sheet's titles) name two periods that
   * differ: none is taken, the report year's `start`–`end` is used instead (a warning).
   */
  "pace-period-conflict": { indicator: IndicatorName; readings: readonly PeriodReadingParam[]; start: string; end: string };
  /** Nothing names the target's period (header, the sheet's titles, its name): the report year's is used (a note). */
  "pace-period-defaulted": { indicator: IndicatorName; start: string; end: string };
  /** Only the period's end is written ("đến 31/12/2022"): it is taken to start on `start`, 1 January (a note). */
  "pace-start-assumed": { indicator: IndicatorName; text: string; start: string; end: string };
  /**
   * Participants are a level carried over from before the period: without the level at its start
   * (a "đầu kỳ" column), whether the units are on pace is not judged; what is still needed and each
   * month is (a note, once per result).
   */
  "pace-no-start-level": { indicator: IndicatorName };
  /** The as-of date falls before or after the target's period: the pace figures are not the period's to date (a warning). */
  "pace-as-of-outside": { indicator: IndicatorName; asOf: string; start: string; end: string };
  /** No as-of date (--as-of, or a "Số liệu đến ngày …" title over the actuals): no pace is computed (a note, once). */
  "pace-no-as-of": Record<string, never>;
  /** --period-start / --period-end text that is no day. */
  "period-not-a-date": { which: "start" | "end"; text: string };
  /** The period's start (given or read) falls after its end (given or read). */
  "period-start-after-end": { start: string; end: string };
}

/** The message codes that are warnings (the rest are notes): pace is computed again for a new date, and these are replaced. */
export const PACE_WARNING_CODES: ReadonlySet<string> = new Set<keyof PaceParams>(["pace-period-conflict", "pace-as-of-outside"]);

/** Every code of this area, for a summary's pace being computed again. */
export const PACE_CODES: ReadonlySet<string> = new Set<keyof PaceParams>([
  "pace-period-conflict",
  "pace-period-defaulted",
  "pace-start-assumed",
  "pace-no-start-level",
  "pace-as-of-outside",
  "pace-no-as-of",
  "period-not-a-date",
  "period-start-after-end",
]);

/** "2024-06-30" as "30/6/2024" (both languages: the sheets write days so). */
function day(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])}/${Number(m[2])}/${m[1]}` : iso;
}

const span = (start: string, end: string): string => `${day(start)}–${day(end)}`;
const ind = (n: IndicatorName, say: Say): string => (say.voice.lang === "vi" ? n.vi : n.en);
const lead = (say: Say): string => (say.at ? `${say.at}: ` : "");
const readingsOf = (rs: readonly PeriodReadingParam[], say: Say): string => say.list(rs.map((r) => `${say.q(r.text)} (${span(r.start, r.end)})`));

export const paceVi: Texts<PaceParams> = {
  "pace-period-conflict": (p, say) =>
    `${lead(say)}kỳ của chỉ tiêu ${ind(p.indicator, say)} được ghi theo hai cách khác nhau: ${readingsOf(p.readings, say)}, nên không lấy cách nào; tiến độ được tính theo cả năm ${span(p.start, p.end)}. Nếu kỳ khác, hãy ghi rõ (${say.fix("periodStart")}, ${say.setting("periodEnd")}).`,
  "pace-period-defaulted": (p, say) =>
    `${lead(say)}tiêu đề cột, tiêu đề và tên trang tính kế hoạch không nêu kỳ của chỉ tiêu ${ind(p.indicator, say)}: tiến độ được tính theo cả năm ${span(p.start, p.end)}. Nếu là chỉ tiêu một đợt, hãy ghi kỳ vào tiêu đề cột (ví dụ “Chỉ tiêu đợt 1 (01/01–30/6/2024)”) hoặc ${say.fix("periodEnd")}.`,
  "pace-start-assumed": (p, say) =>
    `${lead(say)}${say.q(p.text)} chỉ ghi ngày kết thúc: kỳ của chỉ tiêu ${ind(p.indicator, say)} được tính từ ${day(p.start)} đến ${day(p.end)}. Nếu kỳ bắt đầu ngày khác, ${say.fix("periodStart")}.`,
  "pace-no-start-level": (p, say) =>
    `${lead(say)}chưa đánh giá đơn vị nào đúng hay chậm tiến độ ${ind(p.indicator, say)}: số người tham gia là số tích lũy, cần số đầu kỳ (ví dụ cột “Đầu kỳ” hoặc “31/12” năm trước) để biết đến nay lẽ ra phải đạt bao nhiêu. Số còn phải phát triển và bình quân mỗi tháng vẫn được tính.`,
  "pace-as-of-outside": (p, say) =>
    `${lead(say)}ngày số liệu ${day(p.asOf)} nằm ngoài kỳ của chỉ tiêu ${ind(p.indicator, say)} (${span(p.start, p.end)}), nên tiến độ không phải của kỳ này. Hãy kiểm tra ngày số liệu (${say.fix("asOf")}) hoặc kỳ của chỉ tiêu (${say.setting("periodStart")}, ${say.setting("periodEnd")}).`,
  "pace-no-as-of": (_p, say) =>
    `Không tìm thấy ngày số liệu (dòng “Số liệu đến ngày …” trên trang tính thực hiện), nên không tính tiến độ so với kỳ chỉ tiêu: ${say.fix("asOf")}.`,
  "period-not-a-date": (p, say) =>
    `Ngày ${p.which === "start" ? "bắt đầu" : "kết thúc"} kỳ chỉ tiêu ${say.q(p.text)} không phải một ngày: viết theo dạng ngày/tháng/năm, ví dụ ${p.which === "start" ? "01/01/2024" : "30/6/2024"} (${say.fix(p.which === "start" ? "periodStart" : "periodEnd")}).`,
  "period-start-after-end": (p, say) =>
    `Kỳ chỉ tiêu bắt đầu ngày ${day(p.start)}, sau ngày kết thúc ${day(p.end)}: hãy sửa ${say.setting("periodStart")} hoặc ${say.setting("periodEnd")}.`,
};

export const paceEn: Texts<PaceParams> = {
  "pace-period-conflict": (p, say) =>
    `${lead(say)}the period of the ${ind(p.indicator, say)} target is written two ways: ${readingsOf(p.readings, say)}; neither is taken, and pace is measured against the whole year ${span(p.start, p.end)}. If the period is another, give it (${say.fix("periodStart")}, ${say.setting("periodEnd")}).`,
  "pace-period-defaulted": (p, say) =>
    `${lead(say)}the column header, the titles and the name of the targets sheet name no period for the ${ind(p.indicator, say)} target: pace is measured against the whole year ${span(p.start, p.end)}. For a phase target, write its period in the header (e.g. "Chỉ tiêu đợt 1 (01/01–30/6/2024)") or ${say.fix("periodEnd")}.`,
  "pace-start-assumed": (p, say) =>
    `${lead(say)}${say.q(p.text)} gives only the end: the ${ind(p.indicator, say)} target's period is taken as ${day(p.start)} to ${day(p.end)}. If it starts on another day, ${say.fix("periodStart")}.`,
  "pace-no-start-level": (p, say) =>
    `${lead(say)}no unit is judged on or off pace for ${ind(p.indicator, say)}: participants are a level carried over, and the level at the period's start (a "đầu kỳ" or 31 December column) is needed to know where they should be by now. What is still needed, and each month, is given.`,
  "pace-as-of-outside": (p, say) =>
    `${lead(say)}the report date ${day(p.asOf)} is outside the period of the ${ind(p.indicator, say)} target (${span(p.start, p.end)}), so the pace is not that period's. Check the report date (${say.fix("asOf")}) or the target's period (${say.setting("periodStart")}, ${say.setting("periodEnd")}).`,
  "pace-no-as-of": (_p, say) =>
    `No report date was found (a "Số liệu đến ngày …" title over the actuals), so no pace against the target's period is computed: ${say.fix("asOf")}.`,
  "period-not-a-date": (p, say) =>
    `The target period's ${p.which} ${say.q(p.text)} is not a date: write it as day/month/year, e.g. ${p.which === "start" ? "01/01/2024" : "30/6/2024"} (${say.fix(p.which === "start" ? "periodStart" : "periodEnd")}).`,
  "period-start-after-end": (p, say) =>
    `The target period starts on ${day(p.start)}, after it ends on ${day(p.end)}: change ${say.setting("periodStart")} or ${say.setting("periodEnd")}.`,
};
