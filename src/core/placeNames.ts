/**
 * Place names as prose writes them. Sheets write "Huyện Vị Thủy", "H. Vị Thủy", "HUYỆN PHỤNG
 * HIỆP" or "TP. Vị Thanh"; a report's sentence writes "huyện Vị Thủy", "thành phố Vị Thanh" — the
 * administrative word in lower case and spelled out, the name in its own capitals — and English
 * writes "Vị Thủy district". The kind always stays, so "huyện Long Mỹ" and "thị xã Long Mỹ" are
 * never the same words.
 */
import type { Lang } from "./i18n";
import { cleanText } from "./text";
import type { UnitKind } from "./units";

interface KindWords {
  readonly vi: string;
  readonly en: string;
}

/** The administrative word of each kind, in prose. */
export const KIND_WORDS: Record<UnitKind, KindWords> = {
  tinh: { vi: "tỉnh", en: "province" },
  tp: { vi: "thành phố", en: "city" },
  tx: { vi: "thị xã", en: "town" },
  tt: { vi: "thị trấn", en: "township" },
  q: { vi: "quận", en: "urban district" },
  h: { vi: "huyện", en: "district" },
  p: { vi: "phường", en: "ward" },
  x: { vi: "xã", en: "commune" },
};

// Longest first, so "thành phố" is tried before anything shorter.
const FULL: readonly [string, UnitKind][] = [
  ["thành phố", "tp"],
  ["thị xã", "tx"],
  ["thị trấn", "tt"],
  ["quận", "q"],
  ["huyện", "h"],
  ["phường", "p"],
  ["tỉnh", "tinh"],
  ["xã", "x"],
];
const ABBREVIATED: Record<string, UnitKind> = { tp: "tp", tx: "tx", tt: "tt", q: "q", h: "h", p: "p", x: "x" };

export interface PlaceName {
  /** The administrative kind, when the name carries a prefix. */
  readonly kind: UnitKind | null;
  /** The name without its prefix, as written (cleaned). */
  readonly name: string;
}

/** Split "Huyện Vị Thủy" / "H.Vị Thủy" / "TP Cần Thơ" / "Q.1" into kind and name. */
export function splitPlaceName(raw: string): PlaceName {
  const s = cleanText(raw);
  const low = s.toLowerCase();
  for (const [prefix, kind] of FULL) {
    if (low.startsWith(prefix + " ") || low.startsWith(prefix + ".")) {
      const rest = s.slice(prefix.length).replace(/^[.\s]+/, "");
      if (rest) return { kind, name: rest };
    }
  }
  // Abbreviations need a dot or a space after them, so "Hòa Bình" is not "H." + "òa Bình".
  const m = s.match(/^(tp|tx|tt|q|h|p|x)(\.\s*|\s+)(.+)$/i);
  if (m) return { kind: ABBREVIATED[m[1]!.toLowerCase()]!, name: m[3]! };
  const num = s.match(/^(q|p)(\d+)$/i); // "Q1", "P12"
  if (num) return { kind: ABBREVIATED[num[1]!.toLowerCase()]!, name: num[2]! };
  return { kind: null, name: s };
}

/** "HẬU GIANG" → "Hậu Giang"; a name already in mixed case stays as written. Roman numerals stay. */
export function properCase(name: string): string {
  const hasLetters = name.toLowerCase() !== name.toUpperCase();
  if (!hasLetters || name !== name.toUpperCase()) return name;
  return name
    .split(" ")
    .map((w) => (/^[IVXL]+$/.test(w) ? w : w.charAt(0) + w.slice(1).toLowerCase()))
    .join(" ");
}

/** A unit or area name in a sentence: "huyện Vị Thủy" (vi), "Vị Thủy district" (en). */
export function proseName(raw: string, lang: Lang): string {
  const p = splitPlaceName(raw);
  const name = properCase(p.name);
  if (p.kind === null) return name;
  return lang === "vi" ? `${KIND_WORDS[p.kind].vi} ${name}` : `${name} ${KIND_WORDS[p.kind].en}`;
}

/** The first letter in upper case, for a sentence that starts with a name or a word. */
export function capitalizeFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
