/** Output labels in Vietnamese (default) and English. One table, so both stay complete. */
import type { CoverageBase } from "./indicators";

export type Lang = "vi" | "en";

const LABELS = {
  vi: {
    overviewSheet: "Tổng hợp chỉ tiêu",
    rankedSheet: (ind: string, m: "attainment" | "coverage") => `Xếp hạng ${ind} (${m === "attainment" ? "KH" : "bao phủ"})`,
    title: "KẾT QUẢ THỰC HIỆN CHỈ TIÊU",
    measureTitle: (ind: string, m: "attainment" | "coverage") => `${ind} — ${m === "attainment" ? "tỷ lệ đạt so với kế hoạch" : "tỷ lệ bao phủ"}`,
    measureShort: (m: "attainment" | "coverage") => (m === "attainment" ? "đạt KH" : "bao phủ"),
    averageOverall: "Bình quân so sánh: tỷ lệ chung của toàn địa bàn (Σ thực hiện / Σ mẫu số)",
    averageMean: "Bình quân so sánh: trung bình cộng tỷ lệ của các đơn vị",
    averageShort: "Bình quân so sánh",
    legendBelow: "Tô màu: đơn vị có tỷ lệ thấp hơn bình quân so sánh",
    stt: "STT",
    rank: "Hạng",
    unit: "Đơn vị",
    actual: "Thực hiện",
    denominator: (k: "target" | CoverageBase) => (k === "target" ? "Kế hoạch" : k === "population" ? "Dân số" : "Lực lượng lao động"),
    rate: "Tỷ lệ",
    gap: (k: "target" | CoverageBase) => (k === "target" ? "Còn thiếu so với kế hoạch" : "Chưa tham gia"),
    vsAverage: "So với bình quân (điểm %)",
    below: "Thấp hơn BQ",
    belowMark: "Thấp hơn BQ",
    total: "Tổng cộng",
    averageRow: "Bình quân so sánh",
    rankMode: (r: "competition" | "dense") =>
      r === "competition" ? "Xếp hạng: đồng hạng thì bỏ hạng kế tiếp (1, 2, 2, 4)" : "Xếp hạng: đồng hạng liên tiếp (1, 2, 2, 3)",
    previous: "Cùng kỳ",
    growth: "Tăng/giảm so với cùng kỳ",
    goal: "Mục tiêu",
    goalGap: "Chênh lệch so với mục tiêu (điểm %)",
    toGoal: "Số người cần vận động thêm",
    // A goal against plan of an indicator that counts no people (revenue, debts): in its own unit.
    toGoalOther: "Còn thiếu so với mục tiêu",
    belowGoal: "Chưa đạt mục tiêu",
    belowGoalMark: "Chưa đạt MT",
    group: "Nhóm",
    groupRank: "Xếp hạng trong nhóm",
    groupsTitle: "Theo nhóm đơn vị",
    legendBelowColour: "Tô màu hồng (cột thực hiện, tỷ lệ): đơn vị có tỷ lệ thấp hơn bình quân so sánh",
    legendGoal: "Tô màu vàng (cột mục tiêu): đơn vị chưa đạt mục tiêu",
    // Issue 18: figures summed from the old units through the crosswalk.
    mergedNote: "Ghi chú (quy đổi đơn vị)",
    mergedFrom: (role: "targets" | "base" | "previous", from: readonly string[]) =>
      `${role === "previous" ? "Cùng kỳ" : role === "targets" ? "Kế hoạch" : "Dân số / lao động"} quy đổi từ: ${from.join(", ")}`,
    // Issue 19: against the target's period.
    paceRemaining: (end: string) => `Còn phải phát triển (đến ${end})`,
    pacePerMonth: "Bình quân mỗi tháng",
    onPace: "Theo tiến độ",
    onPaceMark: "Đúng tiến độ",
    offPaceMark: "Chậm tiến độ",
    legendOffPace: "Tô màu (cột tiến độ): đơn vị chậm so với tiến độ của kỳ chỉ tiêu",
    /** "Tiến độ đợt 1 (01/01–30/06/2024)". */
    paceTitle: (label: string, span: string) => `Tiến độ${label ? ` ${label}` : ""} (${span})`,
    paceToGo: (remaining: string, perMonth: string | null, months: number) =>
      `còn ${remaining}${perMonth !== null && months > 0 ? `, bình quân ${perMonth}/tháng (${months} tháng)` : months <= 0 ? ", kỳ đã kết thúc" : ""}`,
    paceReached: (over: string | null) => (over ? `đã vượt chỉ tiêu (${over})` : "đã hoàn thành chỉ tiêu"),
    paceNotJudged: "chưa đánh giá đúng/chậm tiến độ (thiếu số đầu kỳ)",
  },
  en: {
    overviewSheet: "Overview",
    rankedSheet: (ind: string, m: "attainment" | "coverage") => `Rank ${ind} (${m === "attainment" ? "plan" : "coverage"})`,
    title: "TARGET ATTAINMENT",
    measureTitle: (ind: string, m: "attainment" | "coverage") => `${ind} — ${m === "attainment" ? "attainment of plan" : "coverage"}`,
    measureShort: (m: "attainment" | "coverage") => (m === "attainment" ? "of plan" : "coverage"),
    averageOverall: "Average compared with: the area-wide rate (Σ actual / Σ denominator)",
    averageMean: "Average compared with: the simple mean of the unit rates",
    averageShort: "Average",
    legendBelow: "Shaded: units below the average",
    stt: "No.",
    rank: "Rank",
    unit: "Unit",
    actual: "Actual",
    denominator: (k: "target" | CoverageBase) => (k === "target" ? "Target" : k === "population" ? "Population" : "Labour force"),
    rate: "Rate",
    gap: (k: "target" | CoverageBase) => (k === "target" ? "Short of target" : "Not covered"),
    vsAverage: "vs average (points)",
    below: "Below average",
    belowMark: "Below average",
    total: "Total",
    averageRow: "Average",
    rankMode: (r: "competition" | "dense") =>
      r === "competition" ? "Ranking: ties share a rank, the next is skipped (1, 2, 2, 4)" : "Ranking: dense (1, 2, 2, 3)",
    previous: "Same period last year",
    growth: "Change on same period",
    goal: "Goal",
    goalGap: "Gap to goal (points)",
    toGoal: "People still to enrol",
    toGoalOther: "Still short of the goal",
    belowGoal: "Below goal",
    belowGoalMark: "Below goal",
    group: "Group",
    groupRank: "Rank in group",
    groupsTitle: "By group",
    legendBelowColour: "Pink (actual and rate columns): units below the average",
    legendGoal: "Yellow (goal columns): units short of their goal",
    mergedNote: "Note (units converted)",
    mergedFrom: (role: "targets" | "base" | "previous", from: readonly string[]) =>
      `${role === "previous" ? "Same period" : role === "targets" ? "Target" : "Population / labour force"} summed from: ${from.join(", ")}`,
    paceRemaining: (end: string) => `Still needed (by ${end})`,
    pacePerMonth: "Each month",
    onPace: "On pace",
    onPaceMark: "On pace",
    offPaceMark: "Off pace",
    legendOffPace: "Shaded (pace columns): units behind the pace of the target's period",
    paceTitle: (label: string, span: string) => `Pace${label ? `, ${label}` : ""} (${span})`,
    paceToGo: (remaining: string, perMonth: string | null, months: number) =>
      `${remaining} to go${perMonth !== null && months > 0 ? `, ${perMonth}/month (${months} ${months === 1 ? "month" : "months"})` : months <= 0 ? ", the period has ended" : ""}`,
    paceReached: (over: string | null) => (over ? `target exceeded (by ${over})` : "target met"),
    paceNotJudged: "on/off pace not judged (no start level)",
  },
} as const;

export type Labels = (typeof LABELS)["vi"];

export function labels(lang: Lang): Labels {
  return LABELS[lang] as Labels;
}

/** A period's days as the terminal and the sheets write them: "01/01–30/06/2024", "01/07/2023–30/06/2024". */
export function periodSpanText(start: string, end: string): string {
  const part = (iso: string) => ({ d: iso.slice(8, 10), m: iso.slice(5, 7), y: iso.slice(0, 4) });
  const s = part(start);
  const e = part(end);
  return s.y === e.y ? `${s.d}/${s.m}–${e.d}/${e.m}/${e.y}` : `${s.d}/${s.m}/${s.y}–${e.d}/${e.m}/${e.y}`;
}

/**
 * A result's indicator as titles name it: "BHXH tự nguyện"; where the indicator has plans for
 * several periods (issue 19, `IndicatorResult.planPeriod`), with its period: "BHXH tự nguyện đợt 1"
 * / "… phase 1".
 */
export function resultName(
  r: { readonly indicator: string; readonly indicatorEn: string; readonly planPeriod?: { readonly vi: string; readonly en: string } },
  lang: Lang,
): string {
  const name = lang === "en" ? r.indicatorEn : r.indicator;
  const label = r.planPeriod ? r.planPeriod[lang] : "";
  return label ? `${name} ${label}` : name;
}

/** Short indicator names for sheet names and narrow headers. */
export function shortIndicator(name: string): string {
  return name.replace(/bắt buộc/i, "BB").replace(/tự nguyện/i, "TN");
}

/**
 * The catalogue's indicators (indicators.ts CATALOGUE, and the derived total "bhxh") as sheet
 * names write them: the Vietnamese abbreviations every report uses, and their English
 * counterparts (SI social insurance, UI unemployment insurance, HI health insurance), so that
 * "Rank Compulsory SI (coverage)" fits Excel's 31 characters whole.
 */
export const SHORT_INDICATORS: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  "bhxh-bb": { vi: "BHXH BB", en: "Compulsory SI" },
  "bhxh-tn": { vi: "BHXH TN", en: "Voluntary SI" },
  bhtn: { vi: "BHTN", en: "UI" },
  bhyt: { vi: "BHYT", en: "HI" },
  bhxh: { vi: "BHXH", en: "SI" },
};

/** An indicator's name in a sheet name: the catalogue's short name, else its own name with BB / TN. */
export function sheetIndicator(key: string, name: string, lang: Lang): string {
  return SHORT_INDICATORS[key]?.[lang] ?? shortIndicator(name);
}
