/**
 * Matching units across sheets typed by different people: "Huyện Vị Thủy", "H. Vị Thủy",
 * "H.Vị Thủy", "HUYỆN VỊ THỦY" and "Vị Thuỷ" are one unit; "huyện Long Mỹ" and "thị xã Long Mỹ"
 * are two, and "Châu Thành" is never "Châu Thành A". A name without a prefix is matched only when
 * exactly one unit on the other side has that name.
 */
import { ChitieuError } from "./errors";
import { said } from "./messages";
import { cleanText, prefixedNameKey } from "./text";

/** Administrative kinds, by the prefixes and abbreviations that name them ("dk": đặc khu, a special zone). */
export type UnitKind = "tinh" | "tp" | "tx" | "q" | "h" | "p" | "x" | "tt" | "dk";

const FULL_PREFIXES: readonly [string, UnitKind][] = [
  ["thành phố", "tp"],
  ["thị xã", "tx"],
  ["thị trấn", "tt"],
  ["quận", "q"],
  ["huyện", "h"],
  ["phường", "p"],
  ["xã", "x"],
  ["tỉnh", "tinh"],
  ["đặc khu", "dk"],
];

/** Each kind's word as a name starts with it: "Phường 3" for a ward typed as 3. */
const KIND_PREFIX: Record<UnitKind, string> = {
  tinh: "Tỉnh",
  tp: "Thành phố",
  tx: "Thị xã",
  tt: "Thị trấn",
  q: "Quận",
  h: "Huyện",
  p: "Phường",
  x: "Xã",
  dk: "Đặc khu",
};

/** A unit name from a kind and a name without prefix: ("p", "3") → "Phường 3". */
export function nameWithKind(kind: UnitKind, rest: string): string {
  return `${KIND_PREFIX[kind]} ${rest}`;
}

/**
 * The tier of a kind: 3 the province, 2 a district (huyện, quận, thị xã, thành phố thuộc tỉnh),
 * 1 a commune (xã, phường, thị trấn, đặc khu), 0 unknown. A group row stands above its units.
 */
export function unitLevel(kind: UnitKind | null): number {
  switch (kind) {
    case "tinh":
      return 3;
    case "tp":
    case "tx":
    case "q":
    case "h":
      return 2;
    case null:
      return 0;
    default:
      return 1;
  }
}

// A footnote mark at the end of a name: "(*)", "(**)", "(1)", "[2]", "¹", "⁽¹⁾", "*" — one or
// more. Digits without brackets are the name's own ("Phường 1", "Quận 10").
// One character per repetition outside brackets, so that a run of marks has one way to match.
const FOOTNOTE_MARK =
  /(\s*(\(\s*(\*{1,3}|\d{1,2})\s*\)|\[\s*(\*{1,3}|\d{1,2})\s*\]|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]|\u207d[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{1,2}\u207e|\*))+$/;

/**
 * Where a name's footnote mark starts ("Huyện Long Mỹ (*)" → the space before "(*)"), or −1 when
 * it has none. Only the last character is looked at for most names, and nothing is made: this
 * runs for every unit of every sheet.
 */
export function footnoteMarkStart(name: string): number {
  const n = name.length;
  const last = n === 0 ? 0 : name.charCodeAt(n - 1);
  if (last !== 41 && last !== 42 && last !== 93 && last !== 0xb9 && last !== 0xb2 && last !== 0xb3 && !(last >= 0x2070 && last <= 0x207e)) return -1;
  // Marks are short: only the end of the name is searched (a long string of "*" costs nothing).
  const from = n > 24 ? n - 24 : 0;
  const m = FOOTNOTE_MARK.exec(from === 0 ? name : name.slice(from));
  if (!m || m.index + from === 0) return -1;
  // A mark with nothing before it ("(**)" alone) is not a mark on a name.
  return name.slice(0, m.index + from).trimEnd() === "" ? -1 : m.index + from;
}

/** A name and its footnote mark, apart: "Huyện Long Mỹ (*)" → "Huyện Long Mỹ" and "(*)"; mark null for none. */
export function splitFootnoteMark(name: string): { readonly name: string; readonly mark: string | null } {
  const at = footnoteMarkStart(name);
  return at < 0 ? { name, mark: null } : { name: name.slice(0, at).trimEnd(), mark: name.slice(at).trim() };
}

const ABBREVIATIONS: Record<string, UnitKind> = { tp: "tp", tx: "tx", tt: "tt", q: "q", h: "h", p: "p", x: "x" };

/**
 * A name's administrative prefix, spelled out or abbreviated ("Huyện Vị Thủy", "H.Vị Thủy",
 * "T.X. Long Mỹ", "TP Cần Thơ", "Q.1"), and the rest as written (cleaned, case kept). The one
 * reading of prefixes: unit matching keys the rest (parseUnitName), prose writes it (placeNames).
 */
export function splitUnitPrefix(raw: string): { readonly kind: UnitKind | null; readonly rest: string } {
  // A footnote mark ("Huyện Long Mỹ (*)", "TX. Long Mỹ¹") is not part of the name: never a reason not to match.
  let s = cleanText(raw);
  const mark = footnoteMarkStart(s);
  if (mark >= 0) s = s.slice(0, mark).trimEnd();
  // "T.X. Long Mỹ", "T.P Cần Thơ", "T.T. Cái Tắc": the dotted forms of TX., TP., TT. (tested
  // first by hand: this runs for every unit name of every sheet).
  const c0 = s.charCodeAt(0) | 0x20;
  if (c0 === 116 && s.charCodeAt(1) === 46) s = s.replace(/^t\.\s?([pxt])(\.\s*|\s+)/i, (_m, k: string) => `t${k.toLowerCase()}. `);
  // The longest prefix is "thành phố" (9 characters): only the start of the name is compared.
  const low = s.slice(0, 10).toLowerCase();
  for (const [prefix, kind] of FULL_PREFIXES) {
    // The prefix, then a space or a dot (without building prefix + " " for every name and prefix).
    if (low.startsWith(prefix) && (low.charCodeAt(prefix.length) === 32 || low.charCodeAt(prefix.length) === 46)) {
      // The rest without the dots and spaces after the prefix (cleanText leaves only single spaces).
      let i = prefix.length;
      while (i < s.length && (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 32)) i++;
      const rest = s.slice(i);
      if (rest) return { kind, rest };
    }
  }
  // "ĐK Côn Đảo", "ĐK. Vân Đồn": a special zone (đặc khu).
  const d0 = s.charCodeAt(0);
  if ((d0 === 0x110 || d0 === 0x111) && (s.charCodeAt(1) | 0x20) === 107) {
    const dk = s.match(/^[Đđ][Kk](\.\s*|\s+)(.+)$/);
    if (dk) return { kind: "dk", rest: dk[2]! };
  }
  // Abbreviations need a dot or a space after them ("H. Vị Thủy", "TP Cần Thơ", "Q.1"), so that
  // "Hòa Bình" is not read as "H." + "òa Bình". Only a name starting with t, q, h, p or x can have one.
  const first = s.charCodeAt(0) | 0x20;
  if (first !== 116 && first !== 113 && first !== 104 && first !== 112 && first !== 120) return { kind: null, rest: s };
  const m = s.match(/^(tp|tx|tt|q|h|p|x)(\.\s*|\s+)(.+)$/i);
  if (m) return { kind: ABBREVIATIONS[m[1]!.toLowerCase()]!, rest: m[3]! };
  const num = s.match(/^(q|p)(\d+)$/i); // "Q1", "P12"
  if (num) return { kind: ABBREVIATIONS[num[1]!.toLowerCase()]!, rest: num[2]! };
  return { kind: null, rest: s };
}

export interface UnitKey {
  readonly kind: UnitKind | null;
  /** The name without its prefix, as a tone-placement-insensitive key. */
  readonly name: string;
  /** Kind and name in one string (unitKeyString), made once by parseUnitName. */
  readonly full?: string;
}

/**
 * Split a unit name into its administrative kind (if written) and its key. No memo: a run parses
 * each sheet's names once and passes the keys on (summarize), and a memo kept between runs would
 * only flatter repeated runs over the same names.
 */
export function parseUnitName(raw: string): UnitKey {
  const split = splitUnitPrefix(raw);
  const kind = split.kind;
  // "Phường 01" is "Phường 1": a number's leading zeros are a typing habit (tested by the first
  // character of each digit run only, so names without a "0" cost nothing).
  const rest = split.rest.includes("0") ? split.rest.replace(/(^|[^\d])0+(\d)/g, "$1$2") : split.rest;
  // The string the maps key on (unitKeyString), made once and flat: matching and the duplicate
  // check look it up again and again. The name is the part after the "|".
  const tag = `${kind ?? "?"}|`;
  const full = prefixedNameKey(tag, rest);
  return { kind, name: full.slice(tag.length), full };
}

export function unitKeyString(k: UnitKey): string {
  return k.full ?? `${k.kind ?? "?"}|${k.name}`;
}

export interface NamedUnit {
  readonly name: string;
  readonly row: number;
}

/**
 * A unit listed twice in one sheet is an error naming both rows. `keys`: the units' names parsed
 * (parseUnitName), when the caller has them already.
 */
export function checkDuplicates(sheet: string, units: readonly NamedUnit[], origin = 0, keys?: readonly UnitKey[]): Map<string, number> {
  // Each unit's index by its key (unitKeyString): returned, since matching looks units up by it.
  const seen = new Map<string, number>();
  for (let i = 0; i < units.length; i++) {
    const k = keys ? keys[i]! : parseUnitName(units[i]!.name);
    const key = unitKeyString(k);
    const at = seen.get(key);
    if (at !== undefined) throw listedTwice(sheet, units[at]!, units[i]!, origin);
    seen.set(key, i);
  }
  return seen;
}

function listedTwice(sheet: string, first: NamedUnit, again: NamedUnit, origin: number): ChitieuError {
  return new ChitieuError(
    "duplicate-unit",
    said("duplicate-unit", { name: again.name, firstName: first.name, firstRow: first.row + origin + 1 }, { sheet, row: again.row + origin + 1 }),
  );
}

/**
 * checkDuplicates for a sheet matched against the reference sheet, whose units by key
 * (`refIndex`, from checkDuplicates) are at hand: the same error for a unit listed twice, found
 * with one lookup per unit in the reference's map rather than a map of the sheet's own (at
 * 100,000 units, maps of every sheet were much of a run). Returns each unit's index in the
 * reference sheet with the same key, or −1.
 */
export function checkDuplicatesAgainst(
  sheet: string,
  units: readonly NamedUnit[],
  origin: number,
  keys: readonly UnitKey[],
  refIndex: ReadonlyMap<string, number>,
): Int32Array {
  const refOf = new Int32Array(units.length);
  // Per reference unit, 1 + the unit of this sheet with its key so far (0: none yet).
  const taken = new Int32Array(refIndex.size);
  // Keys the reference does not have (few): a map of their own.
  let others: Map<string, number> | null = null;
  for (let i = 0; i < units.length; i++) {
    const key = unitKeyString(keys[i]!);
    const j = refIndex.get(key);
    if (j !== undefined) {
      if (taken[j] !== 0) throw listedTwice(sheet, units[taken[j]! - 1]!, units[i]!, origin);
      taken[j] = i + 1;
      refOf[i] = j;
    } else {
      others ??= new Map<string, number>();
      const at = others.get(key);
      if (at !== undefined) throw listedTwice(sheet, units[at]!, units[i]!, origin);
      others.set(key, i);
      refOf[i] = -1;
    }
  }
  return refOf;
}

export interface UnitMatch {
  /** Index on the left (reference) side and on the right side. */
  readonly left: number;
  readonly right: number;
}

export interface UnitMatching {
  readonly pairs: readonly UnitMatch[];
  readonly leftOnly: readonly number[];
  readonly rightOnly: readonly number[];
  /** Names left unmatched because more than one unit could be meant. */
  readonly ambiguous: readonly string[];
}

/**
 * Pair the units of two sheets. Exact (kind + name) first; then a name written without a prefix
 * pairs with the one unit of that name on the other side, if there is exactly one.
 * `leftKeys`/`rightKeys`: the names parsed (parseUnitName), when the caller has them already.
 */
/** Indices whose flag is not set. */
function unused(used: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < used.length; i++) if (!used[i]) out.push(i);
  return out;
}

export function matchUnits(
  left: readonly string[],
  right: readonly string[],
  leftKeys?: readonly UnitKey[],
  rightKeys?: readonly UnitKey[],
  /**
   * Per right unit, the left unit with the same key (−1: none), as checkDuplicatesAgainst
   * returns it when the left side is the reference: no map to build or look up.
   */
  rightToLeft?: Int32Array,
): UnitMatching {
  const lk = leftKeys ?? left.map(parseUnitName);
  const rk = rightKeys ?? right.map(parseUnitName);
  const pairs: UnitMatch[] = [];
  // Flags as bytes: a list of booleans as long as a national province's units is a large object.
  const lUsed = new Uint8Array(left.length);
  const rUsed = new Uint8Array(right.length);
  const ambiguous: string[] = [];

  // Exact pairs: the same kind (written) and name on both sides.
  if (rightToLeft) {
    // No key is on either side twice (the duplicate checks ran): each left unit has at most one.
    const rightOf = new Int32Array(left.length).fill(-1);
    for (let j = 0; j < rightToLeft.length; j++) if (rightToLeft[j]! >= 0 && rk[j]!.kind !== null) rightOf[rightToLeft[j]!] = j;
    for (let i = 0; i < left.length; i++) {
      const j = rightOf[i]!;
      if (j < 0 || lk[i]!.kind === null || rUsed[j]) continue;
      pairs.push({ left: i, right: j });
      lUsed[i] = 1;
      rUsed[j] = 1;
    }
  } else {
    const rByFull = new Map<string, number>();
    rk.forEach((k, i) => {
      if (k.kind === null) return;
      const full = unitKeyString(k);
      if (!rByFull.has(full)) rByFull.set(full, i);
    });
    lk.forEach((k, i) => {
      if (k.kind === null) return;
      const j = rByFull.get(unitKeyString(k));
      if (j !== undefined && !rUsed[j]) {
        pairs.push({ left: i, right: j });
        lUsed[i] = 1;
        rUsed[j] = 1;
      }
    });
  }

  // Bare names (no prefix on one side or both): pair only when unambiguous on both sides.
  const byName = (keys: readonly UnitKey[], used: Uint8Array | null) => {
    const m = new Map<string, number[]>();
    keys.forEach((k, i) => {
      if (used && used[i]) return;
      const list = m.get(k.name) ?? [];
      list.push(i);
      m.set(k.name, list);
    });
    return m;
  };
  const lFree = byName(lk, lUsed);
  const rFree = byName(rk, rUsed);
  // All names per side, needed only when bare names are left to pair (usually every unit has
  // paired by kind and name already, and the maps would cost a list per unit).
  const leftToPair = lFree.size > 0 && rFree.size > 0;
  const lAll = leftToPair ? byName(lk, null) : new Map<string, number[]>();
  const rAll = leftToPair ? byName(rk, null) : new Map<string, number[]>();
  for (const [name, ls] of lFree) {
    const rs = rFree.get(name);
    if (!rs) continue;
    if (ls.length === 1 && rs.length === 1) {
      const i = ls[0]!;
      const j = rs[0]!;
      const ki = lk[i]!.kind;
      const kj = rk[j]!.kind;
      // Two different written kinds are two different units.
      if (ki !== null && kj !== null && ki !== kj) continue;
      // A bare name is ambiguous when the other sheet has several units of that name.
      if ((ki === null && (rAll.get(name)?.length ?? 0) > 1) || (kj === null && (lAll.get(name)?.length ?? 0) > 1)) {
        ambiguous.push(ki === null ? left[i]! : right[j]!);
        continue;
      }
      pairs.push({ left: i, right: j });
      lUsed[i] = 1;
      rUsed[j] = 1;
    } else {
      const bare = [...ls.filter((i) => lk[i]!.kind === null).map((i) => left[i]!), ...rs.filter((j) => rk[j]!.kind === null).map((j) => right[j]!)];
      ambiguous.push(...bare);
    }
  }
  pairs.sort((a, b) => a.left - b.left);
  return {
    pairs,
    leftOnly: unused(lUsed),
    rightOnly: unused(rUsed),
    ambiguous: [...new Set(ambiguous)],
  };
}
