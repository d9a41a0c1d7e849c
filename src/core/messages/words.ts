/** Words catalogue texts share: the roles of sheets and of columns, in both languages. */
import { ROLE_NAMES, type FigureRole } from "../columnRoles";
import type { Lang } from "../i18n";
import type { SheetRole } from "../roles";

const SHEET_ROLES: Record<SheetRole, Record<Lang, string>> = {
  targets: { vi: "kế hoạch", en: "targets" },
  actuals: { vi: "thực hiện", en: "actuals" },
  base: { vi: "dân số / lao động", en: "population / labour force" },
  previous: { vi: "cùng kỳ năm trước", en: "same period last year" },
};

/** "kế hoạch" / "targets": what a sheet serves as. */
export function sheetRoleWord(role: SheetRole, lang: Lang): string {
  return SHEET_ROLES[role][lang];
}

/** "kế hoạch" / "target": what a column holds. */
export function figureRoleWord(role: FigureRole, lang: Lang): string {
  return ROLE_NAMES[role][lang];
}
