/**
 * Which sheet holds the targets, the actuals, the coverage base and last year's figures: named
 * by the user, else recognised from the sheet names planners use (Kế hoạch, KH, Chỉ tiêu; Thực
 * hiện, TH; Dân số, Lao động; Cùng kỳ), else from the words in the sheets' top rows.
 */
import { ChitieuError } from "./errors";
import { Grid } from "./grid";
import { foldText } from "./text";

export type SheetRole = "targets" | "actuals" | "base" | "previous";
export const SHEET_ROLES: readonly SheetRole[] = ["targets", "actuals", "base", "previous"];

export interface SheetChoice {
  readonly targets: string | null;
  readonly actuals: string;
  readonly base: string | null;
  readonly previous: string | null;
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
  const bare = foldText(name).replace(/[^a-z0-9 ]+/g, " ").replace(PERIOD_WORDS, " ").replace(/\s+/g, " ").trim();
  return WHOLE_NAMES[role].test(bare) ? 2 : 1;
}

function roleByName(name: string): SheetRole | null {
  const f = foldText(name);
  for (const r of ORDER) if (NAME_PATTERNS[r].test(f)) return r;
  return null;
}

function roleByContent(grid: Grid): SheetRole | null {
  const text = grid
    .slice(0, 12)
    .flat()
    .filter((v): v is string => typeof v === "string")
    .map(foldText)
    .join(" | ");
  for (const r of ORDER) if (CONTENT_PATTERNS[r].test(text)) return r;
  return null;
}

function listSheets(names: readonly string[]): string {
  return names.map((n) => `'${n}'`).join(", ");
}

/**
 * Decide the sheets. `given` names win (each must exist); the rest are recognised by name, then
 * by content in `peek` (the first rows of sheets, where the shell has them). `skip` holds the
 * add-in's own summary sheets, never an input.
 */
export function chooseSheets(
  names: readonly string[],
  given: GivenSheets = {},
  peek: ReadonlyMap<string, Grid> = new Map(),
  skip: ReadonlySet<string> = new Set(),
): SheetChoice {
  const chosen: Partial<Record<SheetRole, string | null>> = {};
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
      throw new ChitieuError(
        "missing-sheet",
        `There is no sheet named '${g}' (given for the ${role}). The workbook has: ${listSheets(names)}. Choose one of these.`,
        { sheet: g },
      );
    }
    chosen[role] = exact;
  }
  const taken = new Set(Object.values(chosen).filter((x): x is string => !!x));
  const candidates = names.filter((n) => !skip.has(n) && !taken.has(n));
  // By name, the surest names first (a stable sort keeps the workbook's order among equals).
  const byName = [...candidates].sort((a, b) => nameStrength(b) - nameStrength(a));
  for (const pass of ["name", "content"] as const) {
    for (const n of pass === "name" ? byName : candidates) {
      if (taken.has(n)) continue;
      let role: SheetRole | null = null;
      if (pass === "name") role = roleByName(n);
      else {
        const g = peek.get(n);
        if (g) role = roleByContent(g);
      }
      if (role && chosen[role] === undefined) {
        chosen[role] = n;
        taken.add(n);
      }
    }
  }
  const actuals = chosen.actuals;
  if (!actuals) {
    throw new ChitieuError(
      "missing-sheet",
      `No sheet of actuals found. Name it "Thực hiện" (or "TH", "Actual"), or choose it (--actuals <sheet>). The workbook has: ${listSheets(names)}.`,
    );
  }
  return { targets: chosen.targets ?? null, actuals, base: chosen.base ?? null, previous: chosen.previous ?? null };
}
