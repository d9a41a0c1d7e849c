/**
 * What a figure column holds, read from its header: the plan (target), what was achieved
 * (actual), the coverage base (population, labour force), the same period last year
 * (previous), a per-unit rate goal, or a figure the sheet computed itself (a ratio, rank,
 * difference or growth — never an input). Real reports mix these in one sheet ("BHXH tự nguyện"
 * over "Kế hoạch giao | Thực hiện | Tỷ lệ (%)"), so a role belongs to a column, not to a sheet.
 * A header that says none of this leaves the role to the sheet the column is in (null).
 */
import { isGoalHeader } from "./goals";
import { foldText } from "./text";

export type FigureRole = "target" | "actual" | "base" | "previous" | "rateGoal" | "computed";
export const FIGURE_ROLES: readonly FigureRole[] = ["target", "actual", "base", "previous", "rateGoal", "computed"];

export interface RoleReading {
  /** null: the header does not say; the column takes the role of its sheet. */
  readonly role: FigureRole | null;
  /** The header words that decided, for the detection view ("Tỷ lệ (%)", "3=2/1"). */
  readonly why: string;
  /**
   * The words name what is counted rather than which figure it is ("Số người tham gia BHYT" heads
   * the plan sheet's columns too; "Chỉ tiêu" is also "indicator"): a sheet chosen for one role
   * keeps its own role for such a column.
   */
  readonly weak?: boolean;
  /** The header says the column is never an input here ("Kế hoạch năm trước"): not even the sheet's role. */
  readonly unused?: boolean;
  /** The role was read from a group header above the column's own ("Chỉ tiêu giao năm 2022" over "Lao động"). */
  readonly fromGroup?: boolean;
}

// Each on folded text (no diacritics, lower case). Computed first: "Tỷ lệ thực hiện so kế hoạch"
// and "So cùng kỳ (%)" name other roles' words but are ratios of them.
const COMPUTED =
  /(\b(th|thuc hien)\s*\/\s*(kh|ke hoach)\b|ty le|%|\bratio\b|\brate\b|percent|so sanh|\bso voi\b|\bso (kh|ke hoach|cung ky|ck|nam truoc)\b|tang\s*(\/|,|-)?\s*giam|tang them|chenh lech|xep hang|thu hang|\bhang\b(?!\s*(thang|nam|quy|ngay|tuan))|\brank|con lai|con phai|con thieu|chua (dat|hoan thanh|thuc hien|tham gia)|phai phat trien them|can phat trien them|\bgap\b|difference|growth|tang truong)/;
// Last year's figures: "Cùng kỳ", "Cùng kỳ năm 2023", "TH năm trước".
const PREVIOUS = /(cung ky|\bck\b|nam truoc|ky truoc|same period|last year|previous year|prior year)/;
// The base: only words that cannot be a count of participants ("lao động tham gia BHXH" is one).
const BASE = /(dan so|so dan|nhan khau|luc luong lao dong|\bllld\b|population|labou?r force|workforce)/;
const TARGET = /(ke hoach|\bkh\b|chi tieu( duoc)? giao|giao chi tieu|\bgiao\b|muc tieu|\btarget|\bplan(ned)?\b|du kien giao)/;
// "Chỉ tiêu" alone is also "indicator" (the name column of some sheets): a target only with
// nothing else to go on, and never when the part also says it was achieved.
const TARGET_WEAK = /^chi tieu\b/;
const ACTUAL = /(thuc hien|\bth\b|luy ke|uoc (thuc hien|dat|th)|\buoc\b|ket qua|dat duoc|\bactuals?\b|achieved)/;
// "Số người tham gia": the count of participants, which plan sheets head their columns with too.
// "Thuộc diện tham gia" (those obliged to take part) is a base of sorts, never the participants.
const ACTUAL_WEAK = /(?<!(thuoc dien|doi tuong|phai) )(so nguoi tham gia|nguoi tham gia|\btham gia\b)/;
const NOT_PARTICIPANTS = /(thuoc dien|doi tuong) (phai )?tham gia/;
// A rate that compares achieved with planned ("Tỷ lệ TH/KH giao", "% hoàn thành KH giao", "Tỷ lệ %
// so KH giao") is the sheet's own attainment, not a goal set for each unit, though it says "giao".
const COMPARES = /(\bso\b|\/|\bth\b|thuc hien|hoan thanh|\bdat\b)/;

const PART_OF = /^(trong do|trong so do|chia ra|bao gom|gom|in which|of which)\b/;

/** A rate header that compares achieved with planned ("Tỷ lệ TH/KH giao"): the sheet's own attainment, never a goal. */
export function comparesAchieved(parts: readonly string[]): boolean {
  return COMPARES.test(foldText(parts[parts.length - 1] ?? ""));
}

/**
 * A rate that may be a goal set for each unit when the plan sheet holds it, though it says no goal
 * word ("Tỷ lệ bao phủ BHYT (%)" in the plan): never one that compares achieved with planned or is
 * numbered as a formula. The one test for the plan sheet's rate goals (sheetModel) and for the
 * columns detection leaves unchecked as computed (detect).
 */
export function mayBePlanGoal(parts: readonly string[], isRate: boolean, numberLabel: string | null | undefined): boolean {
  return isRate && !isComputedLabel(numberLabel) && isGoalHeader(parts.join(" / "), false) && !comparesAchieved(parts);
}

/** A column-number label that is a formula over other columns: "3=2/1", "(5) = (4) - (3)". */
export function isComputedLabel(label: string | null | undefined): boolean {
  return !!label && /=/.test(label) && /\d|[a-z]/i.test(label.split("=")[1] ?? "");
}

function roleOfPart(f: string): { role: FigureRole; weak: boolean } | null {
  if (PREVIOUS.test(f)) return { role: "previous", weak: false };
  if (BASE.test(f)) return { role: "base", weak: false };
  if (ACTUAL.test(f) && !TARGET.test(f)) return { role: "actual", weak: false };
  if (TARGET.test(f)) {
    // Both words: the first decides. "Kết quả thực hiện kế hoạch năm 2024" is what was achieved;
    // "Kế hoạch thực hiện năm 2024" is the plan.
    const a = f.search(ACTUAL);
    return { role: a >= 0 && a < f.search(TARGET) ? "actual" : "target", weak: false };
  }
  if (NOT_PARTICIPANTS.test(f)) return null;
  if (ACTUAL_WEAK.test(f)) return { role: "actual", weak: true };
  if (TARGET_WEAK.test(f)) return { role: "target", weak: true };
  return null;
}

/**
 * The role a column's header gives it. `parts` are the header parts top to bottom (group header
 * first); `isRate` is the detection's reading that the column holds rates; `numberLabel` the
 * column's cell in the column-number row ("3=2/1").
 */
export function columnRole(parts: readonly string[], isRate: boolean, numberLabel?: string | null): RoleReading {
  const header = parts.join(" / ");
  if (isComputedLabel(numberLabel)) return { role: "computed", why: `${numberLabel}` };
  const folded = parts.map(foldText);
  const leaf = folded[folded.length - 1] ?? "";
  // A rate set for each unit ("Chỉ tiêu giao (%)", "Tỷ lệ bao phủ BHYT giao") is an input.
  if (isRate && isGoalHeader(header, true) && !COMPARES.test(leaf)) return { role: "rateGoal", why: parts[parts.length - 1] ?? header };
  if (isRate) return { role: "computed", why: parts.find((p) => COMPUTED.test(foldText(p))) ?? header };
  // The column's own header first: "BHXH tự nguyện" over "Thực hiện | So cùng kỳ (%)".
  if (COMPUTED.test(leaf)) return { role: "computed", why: parts[parts.length - 1]! };
  // "Tổng số | Trong đó: học sinh, sinh viên": a part of the column beside it, never the indicator's figure.
  if (PART_OF.test(leaf)) return { role: null, why: parts[parts.length - 1]!, unused: true };
  for (let i = folded.length - 1; i >= 0; i--) {
    const f = folded[i]!;
    // Last year's plan ("Kế hoạch năm trước", "KH cùng kỳ") is neither this year's plan nor last
    // year's figures: never an input.
    if (PREVIOUS.test(f) && TARGET.test(f)) return { role: null, why: parts[i]!, unused: true };
    // "Chỉ tiêu" as a group header over indicator names says nothing of the role by itself
    // when a lower part is an indicator that was achieved; weak words only on the leaf.
    const read = i === folded.length - 1 || !TARGET_WEAK.test(f) || TARGET.test(f) || ACTUAL.test(f) || PREVIOUS.test(f) || BASE.test(f) ? roleOfPart(f) : null;
    // A weak word on the leaf yields to a strong one above it ("Thực hiện" over "Số người tham gia").
    if (read && read.weak) {
      for (let k = i - 1; k >= 0; k--) {
        const up = roleOfPart(folded[k]!);
        if (up && !up.weak) return { role: up.role, why: parts[k]! };
      }
    }
    if (read) return { role: read.role, why: parts[i]!, ...(read.weak ? { weak: true } : {}), ...(i < folded.length - 1 ? { fromGroup: true } : {}) };
  }
  return { role: null, why: "" };
}

/** Vietnamese and English names of the roles, for the detection view and messages. */
export const ROLE_NAMES: Record<FigureRole, { readonly vi: string; readonly en: string }> = {
  target: { vi: "kế hoạch", en: "target" },
  actual: { vi: "thực hiện", en: "actual" },
  base: { vi: "dân số / lực lượng lao động", en: "coverage base" },
  previous: { vi: "cùng kỳ", en: "same period last year" },
  rateGoal: { vi: "chỉ tiêu tỷ lệ", en: "rate goal" },
  computed: { vi: "cột tính sẵn", en: "computed by the sheet" },
};

/** A role from the text a user typed (--map "…=actual:BHYT", the pane's choice). */
export function parseFigureRole(text: string): FigureRole | null {
  const f = foldText(text)
    .replace(/[^a-z]+/g, " ")
    .trim();
  const table: Record<string, FigureRole> = {
    target: "target",
    targets: "target",
    kh: "target",
    "ke hoach": "target",
    plan: "target",
    actual: "actual",
    actuals: "actual",
    th: "actual",
    "thuc hien": "actual",
    base: "base",
    "dan so": "base",
    "lao dong": "base",
    "luc luong lao dong": "base",
    previous: "previous",
    "cung ky": "previous",
    ck: "previous",
    rategoal: "rateGoal",
    "rate goal": "rateGoal",
    goal: "rateGoal",
    "chi tieu ty le": "rateGoal",
    "muc tieu": "rateGoal",
    computed: "computed",
    "tinh san": "computed",
    "cot tinh san": "computed",
  };
  return table[f] ?? null;
}
