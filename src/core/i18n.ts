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
    rankMode: (r: "competition" | "dense") => (r === "competition" ? "Xếp hạng: đồng hạng thì bỏ hạng kế tiếp (1, 2, 2, 4)" : "Xếp hạng: đồng hạng liên tiếp (1, 2, 2, 3)"),
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
    rankMode: (r: "competition" | "dense") => (r === "competition" ? "Ranking: ties share a rank, the next is skipped (1, 2, 2, 4)" : "Ranking: dense (1, 2, 2, 3)"),
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
  },
} as const;

export type Labels = (typeof LABELS)["vi"];

export function labels(lang: Lang): Labels {
  return LABELS[lang] as Labels;
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
