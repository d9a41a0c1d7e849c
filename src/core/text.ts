/**
 * Text normalisation for matching names and headers typed by different people on different
 * systems: composed or decomposed Unicode, case, spacing, old and new tone-mark placement.
 */

/** NFC, trimmed, inner white space (including non-breaking spaces and line breaks) folded to one space. */
export function cleanText(s: string): string {
  // Text of Latin letters alone (nearly every name and header) is already NFC: no copy to make.
  const n = isLatinNfc(s) ? s : s.normalize("NFC");
  // Most cells are already clean: skip the replace and trim (and their copies) for them.
  return needsSpaceFolding(n) ? n.replace(/[\s\u00a0\u2000-\u200b\u202f\u3000]+/g, " ").trim() : n;
}

/** White space the regular expression in cleanText folds: \s and U+200B. */
function isSpaceCode(c: number): boolean {
  if (c < 0xa0) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** False only when folding and trimming would change nothing: no white space but single inner spaces. */
function needsSpaceFolding(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  if (isSpaceCode(s.charCodeAt(0)) || isSpaceCode(s.charCodeAt(n - 1))) return true;
  for (let i = 1; i < n - 1; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (isSpaceCode(s.charCodeAt(i + 1))) return true;
    } else if ((c < 32 || c >= 0xa0) && isSpaceCode(c)) return true;
  }
  return false;
}

/** Lower case with Vietnamese-safe folding (NFC in, NFC out). */
export function lower(s: string): string {
  return cleanText(s).toLowerCase();
}

// Vietnamese tone marks as combining characters (after NFD) and their digits: grave 2, acute 1,
// tilde 4, hook above 3, dot below 5 (TONE_DIGIT below).

/**
 * A key for one Vietnamese name that is the same whichever vowel carries the tone mark
 * ("Thủy"/"Thuỷ", "Hòa"/"Hoà") and whatever the Unicode form, yet keeps names that differ
 * by tone apart ("Tân Hòa" ≠ "Tân Hóa"): each syllable becomes its letters plus a tone digit.
 */
/**
 * `prefix + nameKey(s)` made as one flat string. Unit keys are looked up in maps many times; a
 * string joined from two parts is a rope V8 must flatten (a copy) before it can hash or compare it.
 */
export function prefixedNameKey(prefix: string, s: string): string {
  const fast = nameKeyLatin(s, prefix);
  if (fast !== null) return fast;
  const joined = prefix + nameKey(s);
  // A read of one character flattens the rope in place.
  joined.charCodeAt(0);
  return joined;
}

export function nameKey(s: string): string {
  // One pass over the decomposed text, equal to: punctuation → spaces; spaces around "-" dropped;
  // split on spaces; per word, the first tone mark's digit appended and all tone marks removed.
  // (Decomposing the whole text at once equals decomposing each word: no mark crosses a space.)
  const fast = nameKeyLatin(s);
  if (fast !== null) return fast;
  const d = lower(s).normalize("NFD");
  const n = d.length;
  let out = "";
  let word = "";
  let started = false;
  let tone = "";
  let i = 0;
  while (i < n) {
    const c = d.charCodeAt(i);
    if (c === 45 || isKeySeparator(c)) {
      let dashes = "";
      for (; i < n; i++) {
        const k = d.charCodeAt(i);
        if (k === 45) dashes += "-";
        else if (!isKeySeparator(k)) break;
      }
      if (dashes !== "") {
        word += dashes;
        started = true;
      } else if (started) {
        out += (out === "" ? "" : " ") + word + tone;
        word = "";
        tone = "";
        started = false;
      }
      continue;
    }
    started = true;
    const digit = c >= 0x300 && c <= 0x323 ? TONE_DIGIT[c] : undefined;
    if (digit !== undefined) {
      if (tone === "") tone = digit;
    } else word += d[i];
    i++;
  }
  if (started) out += (out === "" ? "" : " ") + word + tone;
  return out.normalize("NFC");
}

const TONE_DIGIT: Record<number, string> = { 0x300: "2", 0x301: "1", 0x303: "4", 0x309: "3", 0x323: "5" };

/** A space, or punctuation nameKey reads as one: . , ; : ' " “ ” ‘ ’ ( ) */
function isKeySeparator(c: number): boolean {
  switch (c) {
    case 32:
    case 46:
    case 44:
    case 59:
    case 58:
    case 39:
    case 34:
    case 40:
    case 41:
    case 0x201c:
    case 0x201d:
    case 0x2018:
    case 0x2019:
      return true;
    default:
      return false;
  }
}

/** Lower case without any diacritics, đ as d: for matching header words typed loosely. */
export function foldText(s: string): string {
  return foldLatin(s) ?? foldAny(s);
}

function foldAny(s: string): string {
  return dropMarks(lower(s).normalize("NFD"));
}

function dropMarks(d: string): string {
  // Drop combining marks (U+0300–U+036F) and read đ/Đ as d, copying only when something changes.
  let out = "";
  let from = 0;
  for (let i = 0; i < d.length; i++) {
    const c = d.charCodeAt(i);
    if (c < 0x110) continue;
    if (c === 0x111 || c === 0x110) {
      out += d.slice(from, i) + "d";
      from = i + 1;
    } else if (c >= 0x300 && c <= 0x36f) {
      out += d.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? d : out + d.slice(from);
}

/*
 * Fast paths for Latin text. A run reads some 30,000 names and labels, and Unicode normalisation
 * of each (NFC, then NFD) costs more than everything else done with them. For a character of
 * Basic Latin, Latin-1, Latin Extended-A/B or Latin Extended Additional (Vietnamese) — none of
 * them a combining mark — normalising and folding work character by character: each is NFC as it
 * stands, none composes with a neighbour, and its lower case and marks do not depend on the
 * others. So text of those characters alone is already NFC, and foldText of it is the foldText
 * of each character in turn (given white space cleanText would leave as it is). The table holds
 * that per-character fold, computed by foldAny itself once; 0 marks a character (or a fold of
 * more than one unit) the fast paths leave to the general code.
 * (test/core/text.test.ts compares them with the general code on every pair of such characters.)
 */
const LATIN_END = 0x1f00;
let latinFoldTable: Uint16Array | null = null;

function latinFold(): Uint16Array {
  if (latinFoldTable === null) {
    const t = new Uint16Array(LATIN_END);
    for (let c = 0x21; c < LATIN_END; c++) {
      if ((c > 0x7e && c < 0xc0) || (c > 0x24f && c < 0x1e00)) continue;
      const ch = String.fromCharCode(c);
      if (ch.normalize("NFC") !== ch) continue;
      // foldAny(ch) without cleanText, which reads this table: one character other than white space is clean.
      const f = dropMarks(ch.toLowerCase().normalize("NFD"));
      if (f.length === 1) t[c] = f.charCodeAt(0);
    }
    // A space folds to itself inside text; foldLatin leaves leading, trailing or double ones to foldAny.
    t[32] = 32;
    latinFoldTable = t;
  }
  return latinFoldTable;
}

/** True when `s` has only ASCII and table characters, so that s.normalize("NFC") === s. */
function isLatinNfc(s: string): boolean {
  const t = latinFold();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 && (c >= LATIN_END || t[c] === 0)) return false;
  }
  return true;
}

/** foldText of Latin text with single inner spaces, character by character; null for other text. */
function foldLatin(s: string): string | null {
  const n = s.length;
  if (n === 0 || s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32) return null;
  const t = latinFold();
  // Unchanged text (already folded: most header words) is returned as it is, without a copy;
  // otherwise char codes, made into the string at the end (quicker than adding to a string).
  let out: number[] | null = null;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= LATIN_END) return null;
    const f = t[c]!;
    if (f === 0 || (c === 32 && s.charCodeAt(i + 1) === 32)) return null;
    if (out === null && f !== c) {
      out = new Array<number>(i);
      for (let k = 0; k < i; k++) out[k] = s.charCodeAt(k);
    }
    if (out !== null) out.push(f);
  }
  return out === null ? s : n > 1000 ? out.map((c) => String.fromCharCode(c)).join("") : String.fromCharCode(...out);
}

let latinDecomposedTable: string[] | null = null;

/** Each table character in lower case and decomposed (NFD); "" for the characters not in the table. */
function latinDecomposed(): string[] {
  if (latinDecomposedTable === null) {
    const fold = latinFold();
    const t = new Array<string>(LATIN_END).fill("");
    for (let c = 0x21; c < LATIN_END; c++) if (fold[c] !== 0) t[c] = String.fromCharCode(c).toLowerCase().normalize("NFD");
    t[32] = " ";
    latinDecomposedTable = t;
  }
  return latinDecomposedTable;
}

/*
 * nameKey of Latin text, character by character. For a table character, nameKey's work on its
 * decomposed form (lower case, tone mark dropped and its digit kept for the syllable, the other
 * marks composed back by the final NFC) depends on that character alone: its key letter is its
 * lower case without the tone mark, composed, and at most one tone. So the key is those letters
 * with each word's first tone digit after it — without decomposing, concatenating marks and
 * composing again, which cost more than the rest of matching a province's names.
 * (test/core/text.test.ts compares it with the general code.)
 */
let keyLetterTable: Uint16Array | null = null;
let keyToneTable: Uint8Array | null = null;

function keyTables(): { letter: Uint16Array; tone: Uint8Array } {
  if (keyLetterTable === null || keyToneTable === null) {
    const decomposed = latinDecomposed();
    const letter = new Uint16Array(LATIN_END);
    const tone = new Uint8Array(LATIN_END);
    for (let c = 0x21; c < LATIN_END; c++) {
      const d = decomposed[c]!;
      if (d === "") continue;
      let rest = "";
      let digit = "";
      for (let i = 0; i < d.length; i++) {
        const k = d.charCodeAt(i);
        const t = k >= 0x300 && k <= 0x323 ? TONE_DIGIT[k] : undefined;
        if (t === undefined) rest += d[i];
        else if (digit === "") digit = t;
      }
      const composed = rest.normalize("NFC");
      if (composed.length !== 1) continue;
      letter[c] = composed.charCodeAt(0);
      tone[c] = digit === "" ? 0 : digit.charCodeAt(0);
    }
    keyLetterTable = letter;
    keyToneTable = tone;
  }
  return { letter: keyLetterTable, tone: keyToneTable };
}

/** nameKey of Latin text with single inner spaces; null for other (or very long) text. */
function nameKeyLatin(s: string, prefix = ""): string | null {
  const n = s.length;
  if (n === 0 || n > 80 || s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32) return null;
  const { letter, tone } = keyTables();
  // Char codes, made into the string at the end (measured quicker than adding to a string or
  // reading a typed array), after those of `prefix`.
  const out: number[] = [];
  for (let k = 0; k < prefix.length; k++) out.push(prefix.charCodeAt(k));
  const from = out.length;
  // The word being read: started (a letter or a dash seen), its first tone digit.
  let started = false;
  let wordTone = 0;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 45 || isKeySeparator(c)) {
      // A run of separators: its dashes join the words around it; without a dash it ends a word.
      let dashes = 0;
      for (; i < n; i++) {
        const k = s.charCodeAt(i);
        if (k === 45) dashes++;
        else if (!isKeySeparator(k)) break;
        else if (k === 32 && s.charCodeAt(i + 1) === 32) return null;
      }
      if (dashes > 0) {
        for (let d = 0; d < dashes; d++) out.push(45);
        started = true;
      } else if (started) {
        if (wordTone !== 0) out.push(wordTone);
        out.push(32);
        wordTone = 0;
        started = false;
      }
      continue;
    }
    if (c >= LATIN_END) return null;
    const l = letter[c]!;
    if (l === 0) return null;
    out.push(l);
    if (wordTone === 0) wordTone = tone[c]!;
    started = true;
    i++;
  }
  if (started) {
    if (wordTone !== 0) out.push(wordTone);
  } else if (out.length > from && out[out.length - 1] === 32) out.pop();
  return String.fromCharCode(...out);
}
