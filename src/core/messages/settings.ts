/**
 * How each shell names a setting. The pane's labels are these (src/taskpane/strings.ts takes
 * them from here), so a message that says "chọn ở ô “Trang tính thực hiện”" names a field the
 * planner can see.
 */
import type { Lang } from "../i18n";
import type { Setting, Shell } from "./types";

const FLAGS: Record<Setting, Record<Lang, string>> = {
  targets: { vi: "--targets <trang tính>", en: "--targets <sheet>" },
  actuals: { vi: "--actuals <trang tính>", en: "--actuals <sheet>" },
  base: { vi: "--base <trang tính>", en: "--base <sheet>" },
  previous: { vi: "--previous <trang tính>", en: "--previous <sheet>" },
  crosswalk: { vi: "--crosswalk <trang tính>", en: "--crosswalk <sheet>" },
  map: { vi: "--map <trang tính>:<cột>=<vai trò>", en: "--map <sheet>:<column>=<role>" },
  goal: { vi: "--goal", en: "--goal" },
  category: { vi: "--category <cột>", en: "--category <column>" },
  groupBy: { vi: "--group-by <cột>", en: "--group-by <column>" },
  asOf: { vi: "--as-of dd/mm/yyyy", en: "--as-of dd/mm/yyyy" },
  periodStart: { vi: "--period-start dd/mm/yyyy", en: "--period-start dd/mm/yyyy" },
  periodEnd: { vi: "--period-end dd/mm/yyyy", en: "--period-end dd/mm/yyyy" },
  area: { vi: "--area", en: "--area" },
  average: { vi: "--average overall|mean", en: "--average overall|mean" },
  rank: { vi: "--rank competition|dense", en: "--rank competition|dense" },
  lang: { vi: "--lang vi|en", en: "--lang vi|en" },
  locale: { vi: "--locale vi|en", en: "--locale vi|en" },
  out: { vi: "--out <tệp.xlsx>", en: "--out <file.xlsx>" },
  input: { vi: "tệp đầu vào", en: "the input file" },
  lowest: { vi: "--lowest <số>", en: "--lowest <number>" },
};

/** The pane's field labels, Vietnamese and English. */
export const SETTING_LABELS: Record<Lang, Record<Setting, string>> = {
  vi: {
    targets: "Trang tính kế hoạch (chỉ tiêu giao)",
    actuals: "Trang tính thực hiện",
    base: "Trang tính dân số / lao động (tùy chọn)",
    previous: "Trang tính cùng kỳ năm trước (tùy chọn)",
    crosswalk: "Bảng quy đổi đơn vị cũ – mới (tùy chọn)",
    map: "Vai trò của cột",
    goal: "Mục tiêu tỷ lệ",
    category: "Cột loại đơn vị",
    groupBy: "Cột nhóm đơn vị",
    asOf: "Ngày số liệu trong nhận xét",
    periodStart: "Ngày bắt đầu kỳ chỉ tiêu",
    periodEnd: "Ngày kết thúc kỳ chỉ tiêu",
    area: "Địa bàn trong nhận xét",
    average: "So sánh với",
    rank: "Cách xếp hạng",
    lang: "Ngôn ngữ trang tính kết quả",
    locale: "Số liệu trong trang tính viết theo kiểu",
    out: "Tệp kết quả",
    input: "Sổ làm việc",
    lowest: "Số đơn vị thấp nhất được nêu tên",
  },
  en: {
    targets: "Targets sheet (plan)",
    actuals: "Actuals sheet",
    base: "Population / labour force sheet (optional)",
    previous: "Same period last year sheet (optional)",
    crosswalk: "Old to new units table (optional)",
    map: "Column role",
    goal: "Rate goal",
    category: "Unit category column",
    groupBy: "Unit group column",
    asOf: "Report date in the commentary",
    periodStart: "Start of the target period",
    periodEnd: "End of the target period",
    area: "Area in the commentary",
    average: "Compare with",
    rank: "Ranking",
    lang: "Language of the result sheets",
    locale: "Numbers in the sheets are written as",
    out: "Output file",
    input: "Workbook",
    lowest: "Lowest units named",
  },
};

/** Settings the user picks from a list (the rest are typed in). */
const PICKED: ReadonlySet<Setting> = new Set<Setting>([
  "targets",
  "actuals",
  "base",
  "previous",
  "crosswalk",
  "map",
  "average",
  "rank",
  "lang",
  "locale",
  "category",
  "groupBy",
]);

export function settingName(s: Setting, lang: Lang, shell: Shell): string {
  if (shell === "cli") return FLAGS[s][lang];
  return lang === "vi" ? `ô “${SETTING_LABELS.vi[s]}”` : `the “${SETTING_LABELS.en[s]}” field`;
}

export function settingFix(s: Setting, lang: Lang, shell: Shell): string {
  const name = settingName(s, lang, shell);
  if (shell === "cli") return lang === "vi" ? `dùng ${name}` : `use ${name}`;
  const here = lang === "vi" ? `${PICKED.has(s) ? "chọn" : "sửa"} ở ${name}` : `${PICKED.has(s) ? "choose" : "change"} it in ${name}`;
  if (shell === "ribbon") return lang === "vi" ? `mở ngăn tác vụ Chỉ tiêu rồi ${here}` : `open the Chỉ tiêu task pane and ${here}`;
  return here;
}
