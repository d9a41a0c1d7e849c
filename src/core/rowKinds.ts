/**
 * Rows of a report that are not units, as offices write them: the breakdown under a unit or the
 * total ("Trong đó:", "- Khu vực thành thị", "+ Nông thôn", "Chia ra:"), notes under the table
 * ("Ghi chú: (*) …", "Nguồn: …"), the signature block ("Người lập biểu", "GIÁM ĐỐC", a name,
 * "…, ngày … tháng … năm …"), and group rows without a numeral (a district above its communes),
 * found by their figures being the sum of the rows below them, or by their kind and numbering (a
 * district without an STT number above numbered communes, whatever its figures). detect.ts reads
 * each row once and asks these; none of them is a unit or enters a total.
 */
/**
 * The name after a list mark ("- Khu vực thành thị" → "Khu vực thành thị"), or null when the
 * label does not start with one. "-" alone (a dash figure) is not a mark.
 */
export function afterBullet(label: string): string | null {
  const c = label.charCodeAt(0);
  if (!(
    c === 45 ||
    c === 43 ||
    c === 42 ||
    c === 62 ||
    c === 0xb7 ||
    c === 0x2013 ||
    c === 0x2014 ||
    c === 0x2212 ||
    c === 0x2022 ||
    c === 0x2219 ||
    c === 0x2023 ||
    (c >= 0x25aa && c <= 0x25cf) ||
    c === 0x25e6
  ))
    return null;
  let i = 1;
  // "- - Nông thôn", "-- Nông thôn", "*) …": more marks and spaces are one mark.
  while (i < label.length) {
    const k = label.charCodeAt(i);
    if (k === 32 || k === 45 || k === 43 || k === 42 || k === 41 || k === 0x2013 || k === 0x2014) i++;
    else break;
  }
  const rest = label.slice(i);
  if (rest === "") return null;
  // Without a space after the mark, a name that is a formula's text ("+SUM(A1:A9)", "-2+3",
  // "-HYPERLINK(…)") or a signed figure ("-5") is a name as written, not a list item.
  if (label.charCodeAt(1) !== 32 && (/^[\d(]/.test(rest) || /^[\p{L}_][\p{L}\d_.]*\s*\(/u.test(rest))) return null;
  return /^\d+([.,]\d+)*%?$/.test(rest) ? null : rest;
}

// "Trong đó:", "Trong đó: KCN Tân Phú Thạnh", "Chia ra:", "Bao gồm:", "Cụ thể:", "Of which".
const OF_WHICH = /^(trong do|trong so do|trong so|chia ra|chia theo|phan theo|bao gom|gom co|cu the|of which|in which|including)\b/;

/** The first three letters of the OF_WHICH phrases, as one number. */
const OF_WHICH_STARTS = new Set(
  ["tro", "chi", "pha", "bao", "gom", "cu ", "of ", "in ", "inc"].map((p) => (p.charCodeAt(0) << 16) | (p.charCodeAt(1) << 8) | p.charCodeAt(2)),
);

/** A "Trong đó" row (folded label, foldText): a breakdown row, and the rows it heads are too. */
export function isOfWhich(folded: string): boolean {
  // By the first three letters ("tro", "chi", "pha" …), without the expression: most labels
  // ("phuong …", "thi tran …", "xa …") are not tested.
  if (folded.length < 3 || !OF_WHICH_STARTS.has((folded.charCodeAt(0) << 16) | (folded.charCodeAt(1) << 8) | folded.charCodeAt(2))) return false;
  return OF_WHICH.test(folded);
}

/** "Trong đó:" alone (a heading over breakdown rows), not "Trong đó: KCN Tân Phú Thạnh" (a breakdown row of its own). */
export function isOfWhichHeading(folded: string): boolean {
  return /^[a-z ]+\s*:?\s*$/.test(folded) && OF_WHICH.test(folded) && folded.replace(OF_WHICH, "").replace(/[\s:]/g, "") === "";
}

// What a breakdown under "Trong đó:" is made of, when its rows carry no list mark.
const BREAKDOWN_WORD =
  /^(khu vuc |vung |dia ban )?(thanh thi|nong thon|do thi|mien nui|vung cao|vung sau|dong bang|bien gioi|ven bien|kcn|khu cong nghiep|khu che xuat|khu kinh te|cum cong nghiep|ccn|doanh nghiep|dn|hop tac xa|htx|ho kinh doanh|ho gia dinh|ho ngheo|ho can ngheo|can ngheo|hoc sinh|sinh vien|tre em|nguoi cao tuoi|nguoi co cong|dan toc|nguoi dan toc|lao dong|cong nhan|vien chuc|can bo|cbcc|doi tuong|khoi|nhom|ngoai tinh|noi tinh|tu nguyen|bat buoc|nha nuoc|ngoai nha nuoc|fdi|co von)\b/;

// Men and women: only as the whole label ("Nam", "Nữ giới", "Nam (người)"): many districts' names
// start with "Nam" (Nam Đàn, Nam Trực, Nam Từ Liêm).
const SEX_WORD = /^(nam|nu)( gioi)?\s*(\(.*\))?\s*:?$/;

/** A breakdown row's own words ("Khu vực thành thị", "KCN Tân Phú Thạnh", "Nữ"), folded. */
export function isBreakdownWord(folded: string): boolean {
  return BREAKDOWN_WORD.test(folded) || SEX_WORD.test(folded);
}

/**
 * A row under "Trong đó:" worded as its breakdown (folded label): isBreakdownWord, or any "Khu vực
 * …", after a letter if it has one ("a) Khối doanh nghiệp"). There, such a row is never a group
 * row, though "Khu vực …" and "Khối …" head groups elsewhere.
 */
export function isBreakdownRow(folded: string): boolean {
  const f = folded.replace(/^[a-h][.)]\s*/, "");
  return isBreakdownWord(f) || /^khu vuc\b/.test(f);
}

// "Ghi chú: (*) …", "Chú thích", "Lưu ý: …", "Nguồn: …", "(*) Số liệu …", "* …", "(1) …", "¹ …".
// A word a commune's name could start with ("Nguồn") only with its colon.
const NOTE =
  /^(ghi chu|chu thich)\b|^(nguon( so lieu)?|chu y|luu y|note|notes|source)\s*:|^\(\*+\)|^\[?\*+\]?\s*\S|^\(\d{1,2}\)\s*[a-z]|^[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+\s*[a-z]/;

/** A note under the table (folded text of its first cell). */
export function isNote(folded: string): boolean {
  return NOTE.test(folded);
}

// The signature block: who drew the table up and who signs, "(Ký, họ tên)", and the place and date.
const SIGNATURE =
  /^((nguoi|can bo) (lap( bieu)?|ky|kiem tra|duyet|tong hop)|lap bieu|ke toan( truong)?|kt\.?\s*(giam doc|chu tich|truong phong|thu truong|tong giam doc)|k\/t\b|tm\.?\s|t\/m\b|q\.?\s*giam doc|(pho )?(tong )?giam doc|thu truong( don vi| co quan)?|(pho )?truong (phong|ban|bhxh)|chanh van phong|(pho )?chu tich|xac nhan|da ky\b|ky ten\b|\(\s*ky\b|noi nhan)/;
const DATE_LINE = /(^|[\s,])ngay\b[\s\d./…_-]*\bthang\b[\s\d./…_-]*\bnam\b/;

/** A cell of the signature block (folded text). */
export function isSignature(folded: string): boolean {
  return SIGNATURE.test(folded) || DATE_LINE.test(folded);
}

/** A parent row and the rows under it that it sums (indices into the table's unit rows). */
export interface SumGroup {
  readonly parent: number;
  readonly first: number;
  readonly last: number;
}

export interface SumGroupInput {
  /** The count columns (not rates), one value per unit row. */
  readonly columns: readonly (readonly (number | null)[])[];
  /** Per unit row: the stretch of the table it is in (a numbered group, or between total rows); a group never reaches across one. */
  readonly section: readonly number[];
  /** A unit row's tier (unitLevel of its kind, 0 unknown); asked only of the rows a sum has picked out. */
  readonly levelOf: (i: number) => number;
  /** A unit row's STT number, NaN for none; null when the table has no STT column. */
  readonly sttOf: ((i: number) => number) | null;
  /** Per unit row: 1 when it carries a list mark under a unit of a higher kind ("- Xã An" under "Huyện Châu Thành"); null for none. */
  readonly bulleted: Uint8Array | null;
}

/** A district has a few dozen communes: a longer run is never one group. */
const MAX_CHILDREN = 1000;

/** Two figures equal but for rounding (a millionth of the larger, or of 1): a sum against the sheet's own subtotal or total. */
export function closeEnough(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Group rows without numerals: a row whose figures are the sum of the 2 or more rows right under
 * it (every count column with figures agreeing; not all zero), its kind above theirs when both
 * are known. A sum alone is chance as often as not — in a sheet of 150 units with one column of
 * small counts, some unit equals the next two in one sheet out of three, and finding two such rows
 * is no better — so each is taken only with a cue of its own (hasCue): its kind is above every row
 * under it; its STT is blank above numbered rows, or the numbering starts again at 1 under it; its
 * rows carry list marks; or two count columns that are not proportional both agree. A row numbered
 * in the same run as the rows under it (5, then 6, 7) is their peer, never their group.
 * Linear in the rows for real figures: each row's run stops as soon as the sum passes it.
 */
export function findSumGroups(input: SumGroupInput): SumGroup[] {
  const { section, sttOf, levelOf, columns } = input;
  const n = section.length;
  if (columns.length === 0 || n < 3) return [];
  const found: SumGroup[] = [];
  const strong: boolean[] = [];
  let i = 0;
  while (i < n - 2) {
    // The first column where the row has a figure above zero drives the run.
    let d = -1;
    for (let k = 0; k < columns.length; k++) {
      const v = columns[k]![i];
      if (v !== null && v !== undefined && v > 0) {
        d = k;
        break;
      }
    }
    if (d < 0) {
      i++;
      continue;
    }
    const col = columns[d]!;
    const target = col[i]!;
    let sum = 0;
    let last = -1;
    for (let j = i + 1; j < n && j - i <= MAX_CHILDREN && section[j] === section[i]; j++) {
      const v = col[j];
      if (v === null || v === undefined || v < 0) break;
      sum += v;
      if (sum > target && !closeEnough(sum, target)) break;
      if (j - i >= 2 && closeEnough(sum, target)) {
        last = j;
        break;
      }
    }
    if (last < 0 || !agrees(columns, i, i + 1, last) || !kindsFit(levelOf, i, i + 1, last) || (sttOf !== null && sttOf(i) === sttOf(i + 1) - 1)) {
      i++;
      continue;
    }
    // Rows of nothing but zeros right after the run belong to it (a commune with nothing yet).
    const top = levelOf(i);
    while (last + 1 < n && section[last + 1] === section[i] && allZero(columns, i, last + 1) && (top === 0 || levelOf(last + 1) < top)) last++;
    found.push({ parent: i, first: i + 1, last });
    strong.push(hasCue(input, i, i + 1, last));
    i = last + 1;
  }
  return found.filter((_g, k) => strong[k]);
}

export interface KindGroupInput {
  /** Per unit row: the stretch of the table it is in (as for findSumGroups); a group never reaches across one. */
  readonly section: readonly number[];
  /** A unit row's tier (unitLevel of its kind, 0 unknown). */
  readonly levelOf: (i: number) => number;
  /** A unit row's STT number, NaN for none. */
  readonly sttOf: (i: number) => number;
}

/**
 * Group rows by their kind and numbering alone: a row of a district's kind (huyện, quận, thị xã,
 * thành phố) without an STT number, right above rows that all have one and are all of a lower
 * kind (xã, phường, thị trấn, đặc khu), heads those rows — whatever its figures. Offices write a
 * district's own collection on its row beside its communes' sum, so a sum is no test here: taken
 * for a unit, such a row would count its communes twice. Rows of an unknown kind (bare names), a
 * row numbered like its neighbours, or unnumbered rows under it leave it a unit.
 */
export function findKindGroups(input: KindGroupInput): SumGroup[] {
  const { section, levelOf, sttOf } = input;
  const n = section.length;
  const found: SumGroup[] = [];
  for (let i = 0; i < n - 1; i++) {
    // By the numbers first: the kinds (a name's prefix read again) only where they could matter.
    if (!Number.isNaN(sttOf(i)) || Number.isNaN(sttOf(i + 1)) || section[i + 1] !== section[i]) continue;
    const top = levelOf(i);
    if (top < 2) continue;
    let last = i;
    for (let j = i + 1; j < n && j - i <= MAX_CHILDREN && section[j] === section[i]; j++) {
      const l = levelOf(j);
      if (l === 0 || l >= top || Number.isNaN(sttOf(j))) break;
      last = j;
    }
    if (last === i) continue;
    found.push({ parent: i, first: i + 1, last });
    i = last;
  }
  return found;
}

/** Every column: the parent's figure is the sum of the rows' (all with one), or none of them has one. */
function agrees(columns: readonly (readonly (number | null)[])[], p: number, first: number, last: number): boolean {
  for (const col of columns) {
    const pv = col[p] ?? null;
    let sum = 0;
    for (let j = first; j <= last; j++) {
      const v = col[j] ?? null;
      if ((v === null) !== (pv === null)) return false;
      if (v !== null) sum += v;
    }
    if (pv !== null && !closeEnough(sum, pv)) return false;
  }
  return true;
}

/** A parent of a known kind stands above every row under it whose kind is known. */
function kindsFit(levelOf: (i: number) => number, p: number, first: number, last: number): boolean {
  const top = levelOf(p);
  if (top === 0) return true;
  for (let j = first; j <= last; j++) {
    const l = levelOf(j);
    if (l !== 0 && l >= top) return false;
  }
  return true;
}

/** The row has 0 wherever the parent has a figure, and none wherever it has none. */
function allZero(columns: readonly (readonly (number | null)[])[], p: number, j: number): boolean {
  for (const col of columns) {
    const pv = col[p] ?? null;
    const v = col[j] ?? null;
    if ((v === null) !== (pv === null) || (v !== null && v !== 0)) return false;
  }
  return true;
}

/** What makes a run that sums to the row above it a group rather than chance (see findSumGroups). */
function hasCue(input: SumGroupInput, p: number, first: number, last: number): boolean {
  const { sttOf, levelOf, bulleted, columns } = input;
  if (bulleted !== null) {
    let all = true;
    for (let j = first; j <= last; j++) if (!bulleted[j]) all = false;
    if (all) return true;
  }
  if (sttOf !== null) {
    let numbered = true;
    for (let j = first; j <= last; j++) if (Number.isNaN(sttOf(j))) numbered = false;
    const own = sttOf(p);
    if (numbered && (Number.isNaN(own) || (sttOf(first) === 1 && own !== 0))) return true;
  }
  // A district above communes, wards and towns (every kind known, each below its own).
  const top = levelOf(p);
  if (top !== 0) {
    let below = true;
    for (let j = first; j <= last && below; j++) {
      const l = levelOf(j);
      if (l === 0 || l >= top) below = false;
    }
    if (below) return true;
  }
  // Two count columns that both sum: a plan and its actuals agree by chance far less often than
  // one column does — unless one is the other scaled (or copied), which says nothing more.
  let a = -1;
  for (let k = 0; k < columns.length; k++) {
    const pv = columns[k]![p];
    if (pv === null || pv === undefined || pv <= 0) continue;
    if (a < 0) a = k;
    else if (!proportional(columns[a]!, columns[k]!, p, first, last)) return true;
  }
  return false;
}

/** Column y is column x times one factor on the parent row and every row under it. */
function proportional(x: readonly (number | null)[], y: readonly (number | null)[], p: number, first: number, last: number): boolean {
  const xp = x[p]!;
  const yp = y[p]!;
  for (let j = first; j <= last; j++) if (!closeEnough((x[j] ?? 0) * yp, (y[j] ?? 0) * xp)) return false;
  return true;
}
