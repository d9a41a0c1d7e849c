/**
 * Which sheet holds the targets, the actuals, the coverage base and last year's figures: named
 * by the user, else recognised from the sheet names planners use (Kế hoạch, KH, Chỉ tiêu; Thực
 * hiện, TH; Dân số, Lao động; Cùng kỳ), else from the words in the sheets' top rows.
 */
import { FigureRole, columnRole } from "./columnRoles";
import { detectTable } from "./detect";
import { ChitieuError } from "./errors";
import { Grid } from "./grid";
import { reportDateFromTitles } from "./reportDate";
import { foldText } from "./text";
import { said, type Message } from "./messages";

export type SheetRole = "targets" | "actuals" | "base" | "previous";
export const SHEET_ROLES: readonly SheetRole[] = ["targets", "actuals", "base", "previous"];

export interface SheetChoice {
  readonly targets: string | null;
  readonly actuals: string;
  readonly base: string | null;
  readonly previous: string | null;
  /**
   * Why a sheet was taken where another could have served ("Trang tính 'KH 2025' được dùng làm
   * kế hoạch (năm 2025, …); 'KH 2024' (năm 2024) không được dùng."), as messages: each names the
   * sheet and the role's setting. Absent when nothing was in doubt.
   */
  readonly notes?: readonly Message[];
  /** Doubts about the choice a planner must see (a plan of another year than the actuals'). */
  readonly warnings?: readonly Message[];
  /**
   * The table of old to new units across the July 2025 merger (crosswalk.ts): named, or found by
   * its headers among the other sheets; null or absent for none. Set by the pipeline, not here.
   */
  readonly crosswalk?: string | null;
}

/** A name to use, null for "none" (optional sheets only), or absent to detect. */
export type GivenSheets = Partial<Record<SheetRole, string | null>>;

/** A role the user may switch off ("none"): every one but the actuals. */
export function isOptionalRole(role: SheetRole): boolean {
  return role !== "actuals";
}

const NAME_PATTERNS: Record<SheetRole, RegExp> = {
  previous: /cung ky|\bck\b|nam truoc|same period|previous|last year|prior year/,
  base: /dan so|lao dong|\bllld\b|population|labou?r|\bbase\b|co so tinh/,
  targets: /ke hoach|\bkh\b|chi tieu|\bgiao\b|target|\bplan\b|planned|muc tieu/,
  actuals: /thuc hien|\bth\b|actual|ket qua|\bdat duoc\b|achieved|so lieu/,
};
// Words in a sheet's title or header that give away its role when the name does not.
const CONTENT_PATTERNS: Record<SheetRole, RegExp> = {
  previous: /cung ky|nam truoc|same period|previous year/,
  base: /dan so|luc luong lao dong|population|labou?r force/,
  targets: /ke hoach|chi tieu giao|giao chi tieu|target|\bplan\b/,
  actuals: /thuc hien|ket qua|actual|so nguoi tham gia/,
};
// The order a sheet is tried against: a name like "KH cùng kỳ" is last year's, not the targets.
const ORDER: readonly SheetRole[] = ["previous", "base", "targets", "actuals"];

// A name that is nothing but the role's word (and a period: "KH 2024", "TH 4 tháng") names the
// role more surely than one that only contains it ("Tổng hợp chỉ tiêu", a user's own sheet).
const PERIOD_WORDS = /\b(nam|thang|quy|dot|lan|year|month|quarter|\d+)\b/g;
const WHOLE_NAMES: Record<SheetRole, RegExp> = {
  previous: /^(cung ky|ck|nam truoc|same period|previous|last year|prior year)$/,
  base: /^(dan so|lao dong|luc luong lao dong|llld|population|labou?r( force)?|base)$/,
  targets: /^(ke hoach|kh|chi tieu|chi tieu giao|giao|target|targets|plan|planned|muc tieu)$/,
  actuals: /^(thuc hien|th|actual|actuals|ket qua|so lieu)$/,
};

function nameStrength(name: string): number {
  const role = roleByName(name);
  if (!role) return 0;
  const bare = foldText(name)
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(PERIOD_WORDS, " ")
    .replace(/\s+/g, " ")
    .trim();
  return WHOLE_NAMES[role].test(bare) ? 2 : 1;
}

function roleByName(name: string): SheetRole | null {
  const f = foldText(name);
  for (const r of ORDER) if (NAME_PATTERNS[r].test(f)) return r;
  return null;
}

/** The roles a sheet's words fit, in ORDER; the first one not yet taken is the sheet's. */
function rolesByContent(grid: Grid): SheetRole[] {
  const text = grid
    .slice(0, 12)
    .flat()
    .filter((v): v is string => typeof v === "string")
    .map(foldText)
    .join(" | ");
  return ORDER.filter((r) => CONTENT_PATTERNS[r].test(text));
}

/** The year a sheet's name carries ("KH 2025", "TH T4.2024"), or null. */
export function yearOf(text: string): number | null {
  const all = text.match(/(?<!\d)(19[5-9]\d|20\d\d)(?!\d)/g);
  return all ? Number(all[all.length - 1]) : null;
}

/** The month a text names: "tháng 4", "T4.2024", "4/2024", "30/4/2024", "quý II" (its last month). */
export function monthOf(text: string): number | null {
  const f = foldText(text);
  const m =
    f.match(/\bthang (\d{1,2})\b/) ??
    // "6 tháng đầu năm": the figures run to the end of month 6.
    f.match(/\b(\d{1,2}) thang\b/) ??
    f.match(/\bt(\d{1,2})(?:[./-](?:19|20)\d\d)?\b/) ??
    f.match(/\b\d{1,2}[./-](\d{1,2})[./-](?:19|20)\d\d\b/) ??
    f.match(/\b(\d{1,2})[./-](?:19|20)\d\d\b/);
  if (m) {
    const n = Number(m[1]);
    return n >= 1 && n <= 12 ? n : null;
  }
  const q = f.match(/\bquy (i{1,3}|iv|[1-4])\b/);
  if (q) return 3 * ({ i: 1, ii: 2, iii: 3, iv: 4 }[q[1]!] ?? Number(q[1]));
  return null;
}

/** A sheet's period: year, and month and day where known (0 when not). */
export interface SheetPeriod {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

// A decision or a dispatch names its own date ("Quyết định số 15/QĐ-UBND ngày 15/01/2024"): not the period.
const NOT_PERIOD = /(quyet dinh|nghi quyet|cong van|ke hoach so|\bso \d+\s*\/)/;

/**
 * The period a sheet is of: from its name ("TH T4.2024", "KH 2025"), else from its title rows
 * ("Số liệu đến ngày 30/4/2024", "THỰC HIỆN THÁNG 4 NĂM 2024", "KẾ HOẠCH GIAO NĂM 2023").
 */
export function periodOf(name: string, grid?: Grid): SheetPeriod | null {
  let year = yearOf(name);
  let month = year !== null ? (monthOf(name) ?? 0) : 0;
  let day = 0;
  if (grid && year === null) {
    const lines = grid
      .slice(0, 8)
      .map((row) => [...new Set(row.filter((v): v is string => typeof v === "string"))].join(" "))
      .filter((l) => l.trim() !== "" && !NOT_PERIOD.test(foldText(l)));
    const d = reportDateFromTitles(lines);
    const to = d ? (d.kind === "day" ? d.day : d.to) : null;
    if (to) return { year: to.year, month: to.month, day: to.day };
    for (const l of lines) {
      const f = foldText(l);
      const m = f.match(/\bthang (\d{1,2})\s*(?:nam|\/)\s*((?:19|20)\d\d)\b/);
      if (m) return { year: Number(m[2]), month: Number(m[1]), day: 0 };
      const y = f.match(/\bnam ((?:19|20)\d\d)\b/);
      if (y && year === null) year = Number(y[1]);
    }
    month = 0;
    day = 0;
  }
  return year === null ? null : { year, month, day };
}

export const periodValue = (p: SheetPeriod): number => p.year * 10000 + p.month * 100 + p.day;

/** Roles that more than one sheet could serve by its name (their titles then decide: the shell peeks). */
export function contestedRoles(
  names: readonly string[],
  given: GivenSheets = {},
  skip: ReadonlySet<string> = new Set(),
  hidden: ReadonlySet<string> = new Set(),
): SheetRole[] {
  return SHEET_ROLES.filter((role) => given[role] === undefined && names.filter((n) => !skip.has(n) && !hidden.has(n) && roleByName(n) === role).length > 1);
}

/**
 * The roles a sheet's columns hold, read from its header as the detection reads it (a combined
 * sheet has both plan and actual columns). Empty when no table is found in the rows peeked.
 */
export function columnRolesOf(name: string, grid: Grid, weak = false): Set<FigureRole> {
  const roles = new Set<FigureRole>();
  try {
    const t = detectTable({ name, values: grid });
    for (const c of t.columns) {
      // Only words that say which figure a column is ("Số người tham gia" heads plan sheets too),
      // unless asked for the weak ones as the last resort.
      const r = columnRole(c.parts, c.role === "rate");
      if (r.role && (weak || !r.weak)) roles.add(r.role);
    }
  } catch {
    // No table in the rows peeked: the sheet's words decide, as before.
  }
  return roles;
}

/** The sheet role a sheet's columns make it fit best: a sheet with actual columns holds the actuals. */
function roleByColumns(roles: ReadonlySet<FigureRole>): SheetRole | null {
  if (roles.has("actual")) return "actuals";
  if (roles.has("target")) return "targets";
  if (roles.has("base")) return "base";
  if (roles.has("previous")) return "previous";
  return null;
}

/**
 * Decide the sheets. `given` names win (each must exist); the rest are recognised by name, then
 * by what the columns in `peek` hold (the first rows of sheets, where the shell has them), then by
 * the words in those rows. `skip` holds sheets never chosen on their own (the add-in's own summary
 * sheets, chart sheets); `hidden` the user's hidden sheets, likewise, and said so. Among sheets that could serve a role, one whose name
 * carries the report's year (the actuals' year, else the latest year named) is taken over one
 * that carries another year.
 */
export function chooseSheets(
  names: readonly string[],
  given: GivenSheets = {},
  peek: ReadonlyMap<string, Grid> = new Map(),
  skip: ReadonlySet<string> = new Set(),
  hidden: ReadonlySet<string> = new Set(),
): SheetChoice {
  const chosen: Partial<Record<SheetRole, string | null>> = {};
  const notes: Message[] = [];
  const warnings: Message[] = [];
  for (const role of SHEET_ROLES) {
    const g = given[role];
    // null: the user chose "none" for an optional sheet, so it is not detected either.
    if (g === null && isOptionalRole(role)) {
      chosen[role] = null;
      continue;
    }
    if (g === undefined || g === null || g === "") continue;
    const exact = names.find((n) => n === g) ?? names.find((n) => foldText(n) === foldText(g));
    if (!exact) {
      throw new ChitieuError("missing-sheet", said("sheet-not-found", { name: g, role, sheets: [...names] }, { sheet: g }, role));
    }
    chosen[role] = exact;
  }
  const taken = new Set(Object.values(chosen).filter((x): x is string => !!x));
  const candidates = names.filter((n) => !skip.has(n) && !hidden.has(n) && !taken.has(n));
  const columnRoles = new Map<string, Set<FigureRole>>();
  const rolesOf = (n: string) => {
    let r = columnRoles.get(n);
    if (!r) {
      const g = peek.get(n);
      r = g ? columnRolesOf(n, g) : new Set();
      columnRoles.set(n, r);
    }
    return r;
  };
  // By name, role by role, the actuals first: the report's period is theirs. Among sheets that
  // could serve a role: the actuals' year (for the other roles; a sheet of no known year is
  // neither for nor against), then the surest name ("KH 2024" over "Tổng hợp chỉ tiêu"), then the
  // latest period, then the workbook's order.
  const periods = new Map<string, SheetPeriod | null>();
  const period = (n: string) => {
    if (!periods.has(n)) periods.set(n, periodOf(n, peek.get(n)));
    return periods.get(n)!;
  };
  for (const role of ["actuals", "targets", "base", "previous"] as const) {
    if (chosen[role] !== undefined) continue;
    const options = candidates.filter((n) => !taken.has(n) && roleByName(n) === role);
    if (options.length === 0) continue;
    const report = chosen.actuals ? period(chosen.actuals) : null;
    // The year a role's sheet should be of: the actuals' year; last year's same period, the year before.
    const expected = report ? (role === "previous" ? report.year - 1 : report.year) : 0;
    const fit = (n: string) => {
      const p = period(n);
      return role === "actuals" || !report || !p ? 1 : p.year === expected ? 2 : 0;
    };
    const value = (n: string) => {
      const p = period(n);
      return p ? periodValue(p) : 0;
    };
    // The period outweighs the name's form: the latest actuals ("TH T4.2024" over "TH 2023"), and
    // for the other roles the actuals' year ("Chỉ tiêu (mới)" of 2024 over "Chỉ tiêu" of 2023).
    const best = [...options].sort(
      (a, b) => (role === "actuals" ? value(b) - value(a) : fit(b) - fit(a)) || nameStrength(b) - nameStrength(a) || value(b) - value(a),
    )[0]!;
    chosen[role] = best;
    taken.add(best);
    const p = period(best);
    for (const o of options) {
      const q = period(o);
      if (o === best || (!p && !q) || (p && q && periodValue(p) === periodValue(q))) continue;
      const because = !p
        ? null
        : role === "actuals"
          ? q && periodValue(p) > periodValue(q)
            ? "latest"
            : null
          : report && p.year === report.year
            ? "report-year"
            : null;
      notes.push(said("sheet-chosen-by-period", { role, period: p, because, other: o, otherPeriod: q }, { sheet: best }, role));
    }
    // The only plan or base of another year than the actuals': used, and said as a warning.
    const report2 = role === "actuals" ? null : report;
    if (report2 && p && p.year !== expected) {
      warnings.push(said("sheet-of-another-year", { role, year: p.year, actuals: chosen.actuals!, actualsYear: report2.year }, { sheet: best }, role));
    }
  }
  for (const pass of ["columns", "content"] as const) {
    for (const n of candidates) {
      if (taken.has(n)) continue;
      let role: SheetRole | null = null;
      if (pass === "columns") role = roleByColumns(rolesOf(n));
      else {
        // "KẾT QUẢ THỰC HIỆN KẾ HOẠCH" fits the plan and the actuals: once the plan is taken, the actuals.
        const g = peek.get(n);
        if (g) role = rolesByContent(g).find((r) => chosen[r] === undefined) ?? null;
      }
      if (role && chosen[role] === undefined) {
        chosen[role] = n;
        taken.add(n);
        if (pass === "columns") notes.push(said("sheet-chosen-by-columns", { role }, { sheet: n }, role));
      }
    }
  }
  // A sheet that holds the plan and the actuals together ("Kế hoạch" with KH and TH columns) is the
  // actuals sheet too when no other sheet is.
  if (!chosen.actuals) {
    const both = names.find((n) => !skip.has(n) && !hidden.has(n) && rolesOf(n).has("actual"));
    if (both) {
      chosen.actuals = both;
      notes.push(said("actuals-in-plan-sheet", {}, { sheet: both }, "actuals"));
    }
  }
  // Last resort: a sheet whose columns count participants ("Số người tham gia") beside a base or a
  // goal, with nothing else to hold the actuals (a one-sheet coverage report).
  if (!chosen.actuals) {
    const counted = names.find((n) => !skip.has(n) && !hidden.has(n) && peek.has(n) && columnRolesOf(n, peek.get(n)!, true).has("actual"));
    if (counted) {
      chosen.actuals = counted;
      notes.push(said("actuals-by-participants", {}, { sheet: counted }, "actuals"));
    }
  }
  for (const h of hidden) {
    const role = roleByName(h);
    if (!Object.values(chosen).includes(h) && role !== null) notes.push(said("hidden-sheet-passed-over", { role }, { sheet: h }, role));
  }
  const actuals = chosen.actuals;
  if (!actuals) {
    throw new ChitieuError("missing-sheet", said("no-actuals-sheet", { sheets: [...names] }, undefined, "actuals"));
  }
  const choice: SheetChoice = { targets: chosen.targets ?? null, actuals, base: chosen.base ?? null, previous: chosen.previous ?? null };
  return { ...choice, ...(notes.length > 0 ? { notes } : {}), ...(warnings.length > 0 ? { warnings } : {}) };
}
