/**
 * Matching indicators — what each number column measures. A built-in catalogue knows the four insurance
 * indicators, total social insurance ("BHXH" alone, never one of its parts) and the coverage
 * bases; any other header is matched by its own words, so the engine serves any plan-vs-actual
 * table.
 */
import type { FigureRole } from "./columnRoles";
import type { SheetRole } from "./roles";
import { foldText, cleanText, lower } from "./text";

export type CoverageBase = "population" | "labourForce";

export interface CatalogueEntry {
  readonly id: string;
  /** Short name used in output ("BHXH tự nguyện"). */
  readonly vi: string;
  readonly en: string;
  readonly base: CoverageBase;
  readonly pattern: RegExp; // on folded text (no diacritics, lower case)
}

/** Order matters: the parts of social insurance before "BHXH" alone; "BHXH TN" before "BHTN". */
export const CATALOGUE: readonly CatalogueEntry[] = [
  {
    id: "bhxh-bb",
    vi: "BHXH bắt buộc",
    en: "Compulsory social insurance",
    base: "labourForce",
    pattern: /(bhxh|bao hiem xa hoi|bh xa hoi)\s*[-(]?\s*(bat buoc|bb)\b|compulsory social insurance/,
  },
  {
    id: "bhxh-tn",
    vi: "BHXH tự nguyện",
    en: "Voluntary social insurance",
    base: "labourForce",
    pattern: /(bhxh|bao hiem xa hoi|bh xa hoi)\s*[-(]?\s*(tu nguyen|tn)\b|voluntary social insurance/,
  },
  { id: "bhtn", vi: "BHTN", en: "Unemployment insurance", base: "labourForce", pattern: /\bbhtn\b|(bao hiem|bh)\s*that nghiep|unemployment insurance/ },
  { id: "bhyt", vi: "BHYT", en: "Health insurance", base: "population", pattern: /\bbhyt\b|(bao hiem|bh)\s*y te|health insurance/ },
  { id: "bhxh", vi: "BHXH", en: "Social insurance", base: "labourForce", pattern: /\bbhxh\b|bao hiem xa hoi|social insurance/ },
];

const BASE_PATTERNS: readonly [CoverageBase, RegExp][] = [
  ["population", /dan so|so dan|population|nhan khau/],
  ["labourForce", /luc luong lao dong|\bllld\b|labou?r force|workforce|lao dong|\bld\b/],
];

/** Which coverage base a base-sheet column holds, if any. */
export function baseKindOf(header: string): CoverageBase | null {
  const f = foldText(header);
  for (const [kind, re] of BASE_PATTERNS) if (re.test(f)) return kind;
  return null;
}

export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return CATALOGUE.find((e) => e.id === id);
}

// Words that say which sheet or period a column is from, not what it counts.
const ROLE_WORDS =
  /\b(ke hoach|chi tieu( duoc)?( giao)?|duoc giao|giao|muc tieu|thuc hien|luy ke|uoc|so nguoi( tham gia)?|nguoi tham gia|tham gia|so luong|nam \d{4}|dot \d+|thang \d+|\d+ thang|dau nam|ca nam|nam nay|trong thang|den ngay|dieu chinh|bo sung|ban dau|cung ky|nam truoc|ky truoc|quy [ivx\d]+|target|plan|planned|actual|actuals|achieved|year \d{4}|kh|th)\b/g;

export interface IndicatorIdentity {
  /** Stable key: the catalogue id, or "custom:" + the header's own words. */
  readonly key: string;
  /** Display name in Vietnamese and English. */
  readonly vi: string;
  readonly en: string;
  /** Coverage base, for catalogue indicators. */
  readonly base: CoverageBase | null;
}

/** The catalogue entries a folded header names; "BHXH" alone is dropped when one of its parts is named. */
function catalogueHits(f: string): CatalogueEntry[] {
  const hits = CATALOGUE.filter((e) => e.pattern.test(f));
  return hits.some((e) => e.id === "bhxh-bb" || e.id === "bhxh-tn") ? hits.filter((e) => e.id !== "bhxh") : hits;
}

/**
 * Identify a column by its header parts (group header first). The leaf is tried first so that
 * a group header such as "Chỉ tiêu giao năm 2022" does not decide; then the whole header.
 */
export function identifyIndicator(parts: readonly string[]): IndicatorIdentity | null {
  // A scale of people ("BHYT (nghìn người)") says how the figures are written, not what they
  // count: without it, sheets in thousands and in persons name the same indicator.
  const bare = parts.map((p) => (p.search(PEOPLE_SCALE_TEST) >= 0 ? cleanText(p.replace(PEOPLE_SCALE, " ")) : p)).filter((p) => p !== "");
  const leaf = bare[bare.length - 1] ?? "";
  const candidates = [leaf, bare.join(" ")];
  // Money, debts or cards of an insurance ("Thu BHXH (triệu đồng)", "Số thẻ BHYT cấp mới") are not
  // its participants: they have no coverage base and are matched by their own words.
  const otherQuantity = candidates.some((t) => OTHER_QUANTITY.test(lower(t)));
  for (const t of otherQuantity ? [] : candidates) {
    const hits = catalogueHits(foldText(t));
    // A header naming several indicators ("Số tiền thu BHXH, BHYT, BHTN") is none of them alone.
    if (hits.length > 1) break;
    const e = hits[0];
    if (e) return { key: e.id, vi: e.vi, en: e.en, base: e.base };
  }
  // Any other indicator: its own words, without the words that name the sheet or period.
  for (const t of candidates) {
    const words = foldText(t)
      .replace(ROLE_WORDS, " ")
      .replace(/[^a-z0-9()%]+/g, " ")
      .trim();
    if (words) {
      const label = cleanText(t);
      return { key: `custom:${words}`, vi: label, en: label, base: null };
    }
  }
  return null;
}

// "(nghìn người)", "triệu người", "(1.000 người)", "(nghìn)": a scale of people, not money, though
// OTHER_QUANTITY (money words) has "nghìn" and "triệu".
export const PEOPLE_SCALE = /\(?\s*(nghìn|ngàn|triệu|1[.,]?000([.,]?000)?)\s*(người|lượt người|lao động|hộ)\s*\)?|\(\s*(nghìn|ngàn|triệu)\s*\)/giu;
const PEOPLE_SCALE_TEST = /(nghìn|ngàn|triệu|1[.,]?000)/iu;

export const OTHER_QUANTITY =
  /(^|[^\p{L}])(thu|số thu|tiền|số tiền|triệu|nghìn|ngàn|đồng|nợ|thẻ|chi|chi trả|doanh thu|quỹ|revenue|collected|collection|debts?|arrears|cards?|amount|vnd|million|billion|spending|expenditure)(?=$|[^\p{L}])/u;

/**
 * A user's mapping override: this column (by letter or header text) is that indicator, in that
 * role. `sheet` is a sheet role ("actuals", as before) or a sheet's name ("T4.2024").
 */
export interface IndicatorOverride {
  readonly sheet: SheetRole | (string & {});
  /** Column letter ("E") or the header text as shown. */
  readonly column: string;
  /** Indicator name: a catalogue name or abbreviation ("BHYT"), or any text; "-" to ignore the column. */
  readonly indicator: string;
  /** What the column holds (absent: read from its header, else its sheet's role). */
  readonly role?: FigureRole;
}

/** Resolve an override's indicator text to an identity (catalogue first). */
export function identityFromName(name: string): IndicatorIdentity | null {
  const t = cleanText(name);
  if (t === "" || t === "-") return null;
  return identifyIndicator([t]);
}
