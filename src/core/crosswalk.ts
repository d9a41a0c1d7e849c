/**
 * The July 2025 merger: a crosswalk of old units to new ones, and a sheet of old units summed into
 * the new ones through it.
 *
 * Since 1 July 2025 most communes merge several old ones, and 63 provinces became 34. This year's
 * actuals list the new units; last year's same period, the population base or a plan set early
 * in the year still list the old ones. A crosswalk (the lists planners copy from the merger
 * resolutions) says which old units make up each new one: a sheet with a column of old units
 * ("Đơn vị cũ", "Xã, phường trước sắp xếp") beside one of new units ("Đơn vị mới", "Xã, phường
 * sau sắp xếp"), optionally a share for an old unit split between new ones ("Tỷ lệ (%)") and the
 * old unit's parent (its old district or province), which tells apart two old communes of one name.
 *
 * `readCrosswalk` reads the sheet; `convertTable` makes a table of old units into one of new
 * units (each figure the sum of its old units' figures, times the share where one is given) that
 * the rest of the engine reads like any other. Nothing is summed on a doubt: an old unit the
 * crosswalk lacks, a new unit some of whose old units are missing, shares that do not add up to
 * 100%, a split without shares, a name that could be two old units — each is a named warning and
 * the new units concerned get no figure from that sheet. Old names are matched as every unit name
 * is (units.ts: prefixes, footnote marks, NFC/NFD, tone placement); a written kind is never
 * crossed ("xã Long Mỹ" is never "phường Long Mỹ" unless the crosswalk says so).
 */
import { CellValue, Grid, SheetGrid, cellAddress, cellAt } from "./grid";
import type { DetectedColumn, DetectedTable, UnitRow } from "./detect";
import { NumberLocale, parseCell } from "./numbers";
import { cleanText, foldText } from "./text";
import { UnitKey, matchUnits, parseUnitName, splitFootnoteMark, unitKeyString } from "./units";
import { said, type Message } from "./messages";

/** How far two shares of one old unit may be off 100% and still be whole (33,33% + 33,33% + 33,34%). */
const SHARE_TOLERANCE = 0.0005;
/** Rows searched for the crosswalk's header. */
const HEADER_ROWS = 20;

// Header words, folded (foldText). "cũ", "trước sắp xếp" for the old units; "mới", "sau sắp xếp"
// for the new ones; a share; the old unit's parent (its district or province).
const OLD_WORDS = /(^|[^a-z])(cu|truoc( khi)? (sap xep|sap nhap|hop nhat|sat nhap)|truoc sx|old|before)($|[^a-z])/;
const NEW_WORDS = /(^|[^a-z])(moi|sau( khi)? (sap xep|sap nhap|hop nhat|sat nhap)|sau sx|hinh thanh( sau)?|new|after)($|[^a-z])/;
const SHARE_WORDS = /^(ty le|ty trong|phan tram|%|share|percent|portion)|\(\s*%\s*\)|^%$/;
// A header that names a parent level: the old district or province of each old unit.
const PARENT_WORDS = /^(thuoc |don vi cap tren|cap tren|huyen|quan|thi xa|tinh|thanh pho|district|province|parent)/;
// A header that names the units themselves (communes, wards, special zones, or "đơn vị").
const UNIT_WORDS = /(^|[^a-z])(ten|don vi|dvhc|xa|phuong|thi tran|dac khu|unit|commune|ward)($|[^a-z])/;
// "(1)", "A", "2": a column-number row under the header, not a row of units.
const COLUMN_NUMBER = /^\(?\s*(\d{1,2}|[a-z])\s*\)?$/i;
// "Một phần xã Long Trị", "phần còn lại của phường Bùi Hữu Nghĩa", "toàn bộ xã Vị Tân": the words before a name in a resolution.
const PART_WORDS = /^(mot phan (dien tich )?(tu nhien )?(cua )?|phan con lai (cua )?|toan bo (dien tich )?(tu nhien )?(cua )?)/;
// "các xã Vị Đông, Vị Thanh, Vị Bình": a kind written once for a list.
const LIST_KIND = /^cac (xa|phuong|thi tran|dac khu|tinh|huyen|quan) /;
const LIST_KIND_WORD: Record<string, string> = {
  xa: "Xã",
  phuong: "Phường",
  "thi tran": "Thị trấn",
  "dac khu": "Đặc khu",
  tinh: "Tỉnh",
  huyen: "Huyện",
  quan: "Quận",
};

/** The crosswalk's columns, 0-based in its grid, and its header row. */
export interface CrosswalkColumns {
  readonly headerRow: number;
  readonly old: number;
  readonly new: number;
  readonly share: number | null;
  readonly parent: number | null;
}

/** One old unit → new unit pair, as a row of the crosswalk says it (a cell listing several old units gives one per name). */
export interface CrosswalkRow {
  /** 0-based grid row. */
  readonly row: number;
  /** The old unit as written (footnote marks and "một phần" taken off). */
  readonly old: string;
  readonly oldKey: UnitKey;
  /** The old unit's parent as written (old district or province), when the crosswalk has the column. */
  readonly parent: string | null;
  readonly newName: string;
  readonly newKey: UnitKey;
  /** The share of the old unit that goes to the new one (a fraction); null when not given. */
  readonly share: number | null;
}

/** An old unit of the crosswalk: its name, parent, and where it goes. */
export interface OldUnit {
  readonly name: string;
  readonly key: UnitKey;
  readonly parent: string | null;
  /** Indices into `Crosswalk.newUnits`, and the share of the old unit each gets (1 for a whole unit). */
  readonly into: readonly { readonly unit: number; readonly share: number }[];
  /** 0-based grid rows of its crosswalk rows. */
  readonly rows: readonly number[];
  /** Why its figures cannot be split among its new units (a warning says so); null when they can. */
  readonly doubt: Message | null;
}

export interface NewUnit {
  readonly name: string;
  readonly key: UnitKey;
  /** Indices into `Crosswalk.oldUnits` of the old units that make it up. */
  readonly from: readonly number[];
}

export interface Crosswalk {
  readonly sheet: string;
  readonly origin: { readonly row: number; readonly col: number };
  readonly columns: CrosswalkColumns;
  readonly rows: readonly CrosswalkRow[];
  readonly oldUnits: readonly OldUnit[];
  readonly newUnits: readonly NewUnit[];
  /** Doubts about the crosswalk itself (shares, splits without shares): said when a sheet is converted with it. */
  readonly warnings: readonly Message[];
}

type HeaderKind = "old" | "new" | "share" | "parent" | null;

function headerKind(text: string): HeaderKind {
  const f = foldText(cleanText(text))
    .replace(/[,;:/]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (f === "") return null;
  if (SHARE_WORDS.test(f) && !UNIT_WORDS.test(f)) return "share";
  const old = OLD_WORDS.test(f);
  const neu = NEW_WORDS.test(f);
  if (old && !neu) return "old";
  if (neu && !old) return "new";
  if (old && neu) {
    // "Đơn vị mới (hình thành từ đơn vị cũ)": the first word decides.
    const o = f.search(OLD_WORDS);
    const n = f.search(NEW_WORDS);
    return o < n ? "old" : "new";
  }
  if (PARENT_WORDS.test(f)) return "parent";
  return null;
}

/** A header that names a parent level rather than the units ("Huyện cũ", "Tỉnh (cũ)"), while another names the units. */
function isParentLevel(text: string): boolean {
  // "thị xã" is a district-level kind, not a commune ("xã").
  const f = foldText(cleanText(text))
    .replace(/thi xa/g, "thixa")
    // "Trước sắp xếp — Thuộc huyện" (two header rows read as one): the words of old and new aside.
    .replace(/(^|\s)(truoc|sau)( khi)? (sap xep|sap nhap|hop nhat|sat nhap)|(^|\s)(cu|moi)(?=\s|$)|[(),]/g, " ")
    .trim();
  return (
    /^(thuoc |don vi cap tren|cap tren|huyen|quan|thixa|tinh|thanh pho|district|province|parent)/.test(f) &&
    !/(^|[^a-z])(xa|phuong|thi tran|dac khu|don vi|dvhc)($|[^a-z])/.test(f)
  );
}

function texts(row: readonly CellValue[] | undefined): string[] {
  return (row ?? []).map((v) => (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v)));
}

/** One header row's columns, when it has an old and a new column. */
function columnsOf(headers: readonly string[], headerRow: number): CrosswalkColumns | null {
  const olds: number[] = [];
  const news: number[] = [];
  let share: number | null = null;
  const parents: number[] = [];
  headers.forEach((h, c) => {
    const k = headerKind(h);
    if (k === "old") olds.push(c);
    else if (k === "new") news.push(c);
    else if (k === "share" && share === null) share = c;
    else if (k === "parent") parents.push(c);
  });
  if (olds.length === 0 || news.length === 0) return null;
  // Several old columns ("Xã cũ", "Huyện cũ"): the units are the one that names no parent level.
  const old = olds.find((c) => !isParentLevel(headers[c]!)) ?? olds[0]!;
  const neu = news.find((c) => !isParentLevel(headers[c]!)) ?? news[0]!;
  const parent = [...olds.filter((c) => c !== old && isParentLevel(headers[c]!)), ...parents.filter((c) => c < neu || olds.length === 1)][0] ?? null;
  return { headerRow, old, new: neu, share, parent };
}

/**
 * The crosswalk's header in a grid (its first rows), or null: a row with a column of old units
 * and one of new units, alone or under a merged row that says which is which ("Trước sắp xếp"
 * over "Tên xã" and "Huyện"). The shells look for the crosswalk among the sheets with this.
 */
export function findCrosswalkHeader(grid: Grid): CrosswalkColumns | null {
  const n = Math.min(grid.length, HEADER_ROWS);
  for (let r = 0; r < n; r++) {
    const own = texts(grid[r]);
    if (own.every((t) => t.trim() === "")) continue;
    const single = columnsOf(own, r);
    if (single) {
      // "Trước sắp xếp" merged over "Tên xã | Thuộc huyện": the row below holds the columns' own
      // headers where this one is blank (a row of units fills no blank of the header).
      const below = r + 1 < grid.length ? texts(grid[r + 1]) : [];
      const spans = own.some((t, c) => t.trim() === "" && (below[c] ?? "").trim() !== "" && c > Math.min(single.old, single.new));
      const double = spans ? columnsOf(joinedHeader(own, below), r + 1) : null;
      return double ?? single;
    }
    if (r === 0) continue;
    // Two header rows: the upper one merged across its columns (blank to the right of its text).
    const double = columnsOf(joinedHeader(texts(grid[r - 1]), own), r);
    if (double) return double;
  }
  return null;
}

/** A header of two rows read as one: each lower cell after the upper text over it (carried right across a merge). */
function joinedHeader(above: readonly string[], own: readonly string[]): string[] {
  let carried = "";
  return own.map((t, c) => {
    if ((above[c] ?? "").trim() !== "") carried = above[c]!;
    return t.trim() === "" ? "" : `${carried} ${t}`;
  });
}

/** Names in one old-unit cell: "Phường I, Phường III và xã Vị Tân" → three; "các xã Vị Đông, Vị Bình" → "Xã Vị Đông", "Xã Vị Bình". */
export function oldNamesIn(cell: string): string[] {
  const text = cleanText(cell);
  if (text === "") return [];
  const parts = text
    .split(/\s*[,;\n]\s*|\s+và\s+|\s+\+\s+/i)
    .map((s) => s.trim().replace(/[.]$/, ""))
    .filter((s) => s !== "");
  let listKind: string | null = null;
  const out: string[] = [];
  for (let s of parts) {
    let f = foldText(s);
    const part = PART_WORDS.exec(f);
    if (part) {
      // Folding keeps one character per character of NFC text: the offsets carry over.
      s = s.slice(part[0].length).trim();
      f = f.slice(part[0].length).trim();
    }
    const list = LIST_KIND.exec(f);
    if (list) {
      listKind = LIST_KIND_WORD[list[1]!]!;
      s = `${listKind} ${s.slice(list[0].length).trim()}`;
    } else if (listKind && parseUnitName(s).kind === null) s = `${listKind} ${s}`;
    const name = splitFootnoteMark(s).name;
    if (name !== "") out.push(name);
  }
  return out;
}

/** A share cell as a fraction: "60%", 0,6, 60 (a column whose figures go past 1 is in percent). */
function shareOf(v: CellValue, locale: NumberLocale, percentColumn: boolean): number | null {
  const p = parseCell(v, locale);
  if (p.kind !== "number") return null;
  if (p.percent) return p.value;
  return percentColumn ? p.value / 100 : p.value;
}

/** Read a crosswalk sheet; null when it has no header with old and new units. */
export function readCrosswalk(
  grid: SheetGrid,
  locale: NumberLocale = "vi",
  columns: CrosswalkColumns | null = findCrosswalkHeader(grid.values),
): Crosswalk | null {
  if (!columns) return null;
  const g = grid.values;
  const origin = { row: grid.origin?.row ?? 0, col: grid.origin?.col ?? 0 };
  const cell = (row: number, col: number) => cellAddress(row + origin.row, col + origin.col);
  const str = (v: CellValue) => (typeof v === "string" ? cleanText(v) : v === null || v === undefined || typeof v === "boolean" ? "" : String(v));
  // A share column whose numbers go past 1 is in percent ("60", "40").
  let percentColumn = false;
  if (columns.share !== null) {
    for (let r = columns.headerRow + 1; r < g.length; r++) {
      const v = cellAt(g, r, columns.share);
      const p = parseCell(v, locale);
      if (p.kind === "number" && !p.percent && p.value > 1) percentColumn = true;
    }
  }
  const rows: CrosswalkRow[] = [];
  let lastNew = "";
  let lastParent: string | null = null;
  const newIndex = new Map<string, number>();
  const newUnits: { name: string; key: UnitKey; from: number[] }[] = [];
  const listedNew = (name: string): number => {
    const key = parseUnitName(name);
    const k = unitKeyString(key);
    let i = newIndex.get(k);
    if (i === undefined) {
      i = newUnits.length;
      newIndex.set(k, i);
      newUnits.push({ name, key, from: [] });
    }
    return i;
  };
  for (let r = columns.headerRow + 1; r < g.length; r++) {
    const oldText = str(cellAt(g, r, columns.old));
    const newText = str(cellAt(g, r, columns.new));
    const parentText = columns.parent === null ? "" : str(cellAt(g, r, columns.parent));
    if (oldText === "" && newText === "") continue;
    // The column-number row under the header: (1), (2), A, B.
    if (COLUMN_NUMBER.test(oldText) && (newText === "" || COLUMN_NUMBER.test(newText))) continue;
    // A new unit merged down over its old units' rows: blank below its name.
    const newName = newText !== "" ? splitFootnoteMark(newText).name : lastNew;
    if (newText !== "") lastNew = newName;
    // The parent, like the new unit, may be merged down over its rows.
    if (parentText !== "") lastParent = parentText;
    if (newName === "") continue;
    const n = listedNew(newName);
    const names = oldNamesIn(oldText);
    const share = columns.share === null ? null : shareOf(cellAt(g, r, columns.share), locale, percentColumn);
    for (const old of names) {
      rows.push({
        row: r,
        old,
        oldKey: parseUnitName(old),
        parent: columns.parent === null ? null : lastParent,
        newName: newUnits[n]!.name,
        newKey: newUnits[n]!.key,
        share,
      });
    }
  }
  // Old units: one per name and parent (two old "Xã Tân Bình" of two districts are two units).
  const parentKey = (p: string | null) => (p === null ? "" : parseUnitName(p).name);
  const oldIndex = new Map<string, number>();
  const groups: { name: string; key: UnitKey; parent: string | null; rows: CrosswalkRow[] }[] = [];
  for (const row of rows) {
    const k = `${unitKeyString(row.oldKey)}|${parentKey(row.parent)}`;
    let i = oldIndex.get(k);
    if (i === undefined) {
      i = groups.length;
      oldIndex.set(k, i);
      groups.push({ name: row.old, key: row.oldKey, parent: row.parent, rows: [] });
    }
    groups[i]!.rows.push(row);
  }
  const warnings: Message[] = [];
  const oldUnits: OldUnit[] = groups.map((grp, i) => {
    // The same pair twice (a row repeated) is one pair.
    const seen = new Set<string>();
    const pairs = grp.rows.filter((x) => {
      const k = `${unitKeyString(x.newKey)}|${x.share ?? ""}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    const into = pairs.map((x) => ({ unit: newIndex.get(unitKeyString(x.newKey))!, share: x.share ?? 1 }));
    const news = [...new Set(pairs.map((x) => newUnits[newIndex.get(unitKeyString(x.newKey))!]!.name))];
    let doubt: Message | null = null;
    const first = pairs[0]!;
    const shares = pairs.map((x) => x.share);
    if (pairs.length > 1 && shares.every((s) => s === null)) {
      doubt = said(
        "crosswalk-split-without-shares",
        { old: grp.name, news, rows: pairs.map((x) => x.row + origin.row + 1) },
        { sheet: grid.name, cell: cell(first.row, columns.old) },
        "crosswalk",
      );
    } else if (shares.some((s) => s !== null)) {
      // Rounded past float noise: 0,7 + 0,2 is said as 90%, not 89,99999…%.
      const total = Math.round(shares.reduce<number>((a, s) => a + (s ?? 0), 0) * 1e9) / 1e9;
      if (shares.some((s) => s === null) || Math.abs(total - 1) > SHARE_TOLERANCE) {
        const at = pairs.find((x) => x.share !== null)!;
        doubt = said("crosswalk-shares-not-whole", { old: grp.name, total, news }, { sheet: grid.name, cell: cell(at.row, columns.share!) }, "crosswalk");
      }
    }
    if (doubt) warnings.push(doubt);
    for (const x of into) if (!newUnits[x.unit]!.from.includes(i)) newUnits[x.unit]!.from.push(i);
    return { name: grp.name, key: grp.key, parent: grp.parent, into, rows: pairs.map((x) => x.row), doubt };
  });
  return { sheet: grid.name, origin, columns, rows, oldUnits, newUnits, warnings };
}

/** Per unit of a sheet, the crosswalk's old units its name could be (indices into `oldUnits`). */
export function oldUnitsFor(cw: Crosswalk, keys: readonly UnitKey[], parents?: readonly (string | null)[]): number[][] {
  const byFull = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  cw.oldUnits.forEach((o, i) => {
    const push = (m: Map<string, number[]>, k: string) => {
      const l = m.get(k);
      if (l) l.push(i);
      else m.set(k, [i]);
    };
    if (o.key.kind !== null) push(byFull, unitKeyString(o.key));
    push(byName, o.key.name);
  });
  return keys.map((k, u) => {
    // A written kind must be the crosswalk's, or the crosswalk writes none; a name written
    // without its kind may be any old unit of that name.
    let found: number[];
    if (k.kind !== null) found = [...(byFull.get(unitKeyString(k)) ?? []), ...(byName.get(k.name) ?? []).filter((i) => cw.oldUnits[i]!.key.kind === null)];
    else found = [...(byName.get(k.name) ?? [])];
    if (found.length > 1 && parents) {
      // Two old units of one name (of two districts): the sheet's group row or parent column tells them apart.
      const p = parents[u];
      if (p) {
        // "Huyện Long Mỹ" is not "Thị xã Long Mỹ": a kind written on both sides must agree.
        const pk = parseUnitName(p);
        const same = found.filter((i) => {
          const q = cw.oldUnits[i]!.parent;
          if (q === null) return false;
          const qk = parseUnitName(q);
          return qk.name === pk.name && (qk.kind === null || pk.kind === null || qk.kind === pk.kind);
        });
        if (same.length === 1) found = same;
      }
    }
    return found;
  });
}

/** How a sheet's units stand against a crosswalk and the reference's units: which list it is of. */
export interface UnitListFit {
  /** Units of the sheet that are old units of the crosswalk. */
  readonly old: number;
  /** Units of the sheet that are units of the reference sheet (this year's new units). */
  readonly reference: number;
  /** Units of the sheet that are new units of the crosswalk. */
  readonly new: number;
}

export function unitListFit(
  cw: Crosswalk,
  keys: readonly UnitKey[],
  names: readonly string[],
  refNames: readonly string[],
  refKeys: readonly UnitKey[],
): UnitListFit {
  const old = oldUnitsFor(cw, keys).filter((l) => l.length > 0).length;
  const reference = matchUnits(refNames, names, refKeys, keys).pairs.length;
  const neu = matchUnits(
    cw.newUnits.map((n) => n.name),
    names,
    cw.newUnits.map((n) => n.key),
    keys,
  ).pairs.length;
  return { old, reference, new: neu };
}

/**
 * Whether a sheet lists the crosswalk's old units while the reference sheet lists its new ones:
 * more of the sheet's units are old units than the reference's units (the reference itself being
 * more new units than old), or — for a sheet from before the merger day — at least as many
 * (many new units keep an old unit's name).
 */
export function listsOldUnits(sheet: UnitListFit, reference: UnitListFit, beforeMerger: boolean): boolean {
  if (sheet.old === 0) return false;
  if (reference.new < reference.reference / 2) return false;
  return sheet.old > sheet.reference || (beforeMerger && sheet.old >= sheet.reference);
}

/** A sheet of old units as a sheet of new units, with where each new unit's figures came from. */
export interface ConvertedTable {
  readonly table: DetectedTable;
  /** Per unit of the converted table, the old units (as the sheet writes them) summed into it. */
  readonly from: readonly (readonly string[])[];
  /** Old units of the sheet summed into a new unit. */
  readonly oldUnits: number;
  readonly warnings: readonly Message[];
}

/**
 * The sheet's table with the crosswalk's new units as its units: each figure column the sum of
 * the old units' figures times their shares (no figure when one of them has none); rate columns,
 * which no sum makes, have no figures. A new unit whose old units are not all in the sheet, or
 * whose sum rests on a doubt, is left out (and said): a part is never taken for the whole.
 * `reference`: the units of this year's sheet, for "new unit with no old unit" (named at their cells).
 */
export function convertTable(
  table: DetectedTable,
  keys: readonly UnitKey[],
  cw: Crosswalk,
  reference: { readonly table: DetectedTable; readonly keys: readonly UnitKey[] },
): ConvertedTable {
  const warnings: Message[] = [];
  const o = table.origin;
  const unitCell = (t: DetectedTable, row: number) => cellAddress(row + t.origin.row, t.unitColumn + t.origin.col);
  // The parent of each unit, for two old units of one name: its group row or a parent column.
  const parentColumn = table.textColumns.find((c) => /^(thuoc |don vi cap tren|cap tren|huyen|quan|thi xa|tinh|district|province)/.test(foldText(c.header)));
  const parents = table.unitRows.map((u, i) => u.group ?? parentColumn?.values[i] ?? null);
  const found = oldUnitsFor(cw, keys, parents);
  const newNames = (olds: readonly number[]) => [...new Set(olds.flatMap((i) => cw.oldUnits[i]!.into.map((x) => cw.newUnits[x.unit]!.name)))];
  // Per old unit of the crosswalk, the sheet's unit that is it (−1: none yet).
  const unitOf = new Int32Array(cw.oldUnits.length).fill(-1);
  // New units whose sum rests on a doubt: no figure.
  const doubtful = new Uint8Array(cw.newUnits.length);
  const doubt = (olds: readonly number[]) => {
    for (const i of olds) for (const x of cw.oldUnits[i]!.into) doubtful[x.unit] = 1;
  };
  table.unitRows.forEach((u, j) => {
    const f = found[j]!;
    const where = { sheet: table.sheet, cell: unitCell(table, u.row) };
    if (f.length === 0) {
      warnings.push(said("crosswalk-old-missing", { unit: u.name, crosswalk: cw.sheet }, where, "crosswalk"));
      return;
    }
    if (f.length > 1) {
      const matches = f.map((i) => ({ name: cw.oldUnits[i]!.name, parent: cw.oldUnits[i]!.parent, row: cw.oldUnits[i]!.rows[0]! + cw.origin.row + 1 }));
      warnings.push(said("crosswalk-old-ambiguous", { unit: u.name, crosswalk: cw.sheet, matches, news: newNames(f) }, where, "crosswalk"));
      doubt(f);
      return;
    }
    const i = f[0]!;
    if (unitOf[i]! >= 0) {
      const first = table.unitRows[unitOf[i]!]!;
      warnings.push(
        said("crosswalk-old-twice", { unit: u.name, firstRow: first.row + o.row + 1, firstName: first.name, news: newNames([i]) }, where, "crosswalk"),
      );
      doubt([i]);
      return;
    }
    unitOf[i] = j;
  });
  // The crosswalk's own doubts, for the old units this sheet has.
  for (let i = 0; i < cw.oldUnits.length; i++) {
    const d = cw.oldUnits[i]!.doubt;
    if (d && unitOf[i]! >= 0) {
      warnings.push(d);
      doubt([i]);
    }
  }
  // Per new unit: its old units in the sheet, and those missing.
  const units: UnitRow[] = [];
  const parts: { readonly unit: number; readonly share: number }[][] = [];
  const from: string[][] = [];
  const converted = new Map<number, number>();
  cw.newUnits.forEach((nu, n) => {
    const have = nu.from.filter((i) => unitOf[i]! >= 0);
    if (have.length === 0 || doubtful[n]) return;
    if (have.length < nu.from.length) return; // said below, at the reference's cell, when the reference has the unit
    const contributions = have.map((i) => ({ unit: unitOf[i]!, share: cw.oldUnits[i]!.into.find((x) => x.unit === n)!.share }));
    converted.set(n, units.length);
    const firstRow = Math.min(...contributions.map((c) => table.unitRows[c.unit]!.row));
    units.push({ row: firstRow, name: nu.name, group: null });
    parts.push(contributions);
    from.push(contributions.map((c) => table.unitRows[c.unit]!.name));
  });
  // Old units summed (one split between two new units counts once).
  const summed = new Set(parts.flatMap((ps) => ps.map((p) => p.unit))).size;
  // The reference's units: each should be made of old units of this sheet.
  const refNames = reference.table.unitRows.map((u) => u.name);
  const m = matchUnits(
    refNames,
    cw.newUnits.map((n) => n.name),
    reference.keys,
    cw.newUnits.map((n) => n.key),
  );
  const newOfRef = new Int32Array(refNames.length).fill(-1);
  for (const p of m.pairs) newOfRef[p.left] = p.right;
  reference.table.unitRows.forEach((ru, r) => {
    const n = newOfRef[r]!;
    const where = { sheet: reference.table.sheet, cell: unitCell(reference.table, ru.row) };
    if (n < 0) {
      warnings.push(said("crosswalk-new-without-old", { unit: ru.name, sheet: table.sheet, crosswalk: cw.sheet, listed: false }, where, "crosswalk"));
      return;
    }
    if (converted.has(n) || doubtful[n]) return;
    const nu = cw.newUnits[n]!;
    const missing = nu.from.filter((i) => unitOf[i]! < 0);
    if (missing.length === nu.from.length)
      warnings.push(
        said("crosswalk-new-without-old", { unit: ru.name, sheet: table.sheet, crosswalk: cw.sheet, listed: nu.from.length > 0 }, where, "crosswalk"),
      );
    else
      warnings.push(
        said(
          "crosswalk-new-incomplete",
          { unit: ru.name, sheet: table.sheet, missing: missing.map((i) => cw.oldUnits[i]!.name), crosswalk: cw.sheet },
          where,
          "crosswalk",
        ),
      );
  });
  const columns: DetectedColumn[] = table.columns.map((c) => {
    const values = parts.map((ps) => {
      if (c.role === "rate") return null;
      let s = 0;
      for (const p of ps) {
        const v = c.values[p.unit];
        if (v === null || v === undefined) return null;
        s += v * p.share;
      }
      return s;
    });
    const rows = c.rows ? parts.map((ps) => Math.min(...ps.map((p) => c.rows![p.unit]!))) : undefined;
    return { ...c, values, ...(rows ? { rows } : {}) };
  });
  const out: DetectedTable = {
    ...table,
    notesColumn: null,
    // Categories and parents of old units say nothing of the new ones; nor do the old groups.
    textColumns: [],
    columns,
    unitRows: units,
    groups: [],
  };
  return { table: out, from, oldUnits: summed, warnings };
}
