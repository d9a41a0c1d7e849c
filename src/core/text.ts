/**
 * Text normalisation for matching names and headers typed by different people on different
 * systems: composed or decomposed Unicode, case, spacing, old and new tone-mark placement.
 */

/** NFC, trimmed, inner white space (including non-breaking spaces and line breaks) folded to one space. */
export function cleanText(s: string): string {
  return s.normalize("NFC").replace(/[\s\u00a0\u2000-\u200b\u202f\u3000]+/g, " ").trim();
}

/** Lower case with Vietnamese-safe folding (NFC in, NFC out). */
export function lower(s: string): string {
  return cleanText(s).toLowerCase();
}

// Vietnamese tone marks as combining characters (after NFD): grave, acute, tilde, hook above, dot below.
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const TONE_CODE: Record<string, string> = {
  "\u0300": "2",
  "\u0301": "1",
  "\u0303": "4",
  "\u0309": "3",
  "\u0323": "5",
};

/**
 * A key for one Vietnamese name that is the same whichever vowel carries the tone mark
 * ("Thủy"/"Thuỷ", "Hòa"/"Hoà") and whatever the Unicode form, yet keeps names that differ
 * by tone apart ("Tân Hòa" ≠ "Tân Hóa"): each syllable becomes its letters plus a tone digit.
 */
export function nameKey(s: string): string {
  const words = lower(s)
    .replace(/[.,;:'"“”‘’()]/g, " ")
    .replace(/\s*-\s*/g, "-")
    .split(" ")
    .filter((w) => w.length > 0);
  return words
    .map((w) => {
      const d = w.normalize("NFD");
      let tone = "";
      const m = d.match(TONE_MARKS);
      if (m) tone = TONE_CODE[m[0]] ?? "";
      return d.replace(TONE_MARKS, "").normalize("NFC") + tone;
    })
    .join(" ");
}

/** Lower case without any diacritics, đ as d: for matching header words typed loosely. */
export function foldText(s: string): string {
  return lower(s)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "d");
}
