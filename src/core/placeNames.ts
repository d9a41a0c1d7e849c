/**
 * Place names as prose writes them. Sheets write "Huyện Vị Thủy", "H. Vị Thủy", "HUYỆN PHỤNG
 * HIỆP" or "TP. Vị Thanh"; a report's sentence writes "huyện Vị Thủy", "thành phố Vị Thanh" — the
 * administrative word in lower case and spelled out, the name in its own capitals — and English
 * writes "Vị Thủy district". The kind always stays, so "huyện Long Mỹ" and "thị xã Long Mỹ" are
 * never the same words.
 */
import type { Lang } from "./i18n";
import { splitUnitPrefix, type UnitKind } from "./units";

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
  dk: { vi: "đặc khu", en: "special zone" },
};

export interface PlaceName {
  /** The administrative kind, when the name carries a prefix. */
  readonly kind: UnitKind | null;
  /** The name without its prefix, as written (cleaned). */
  readonly name: string;
}

/**
 * Split "Huyện Vị Thủy" / "H.Vị Thủy" / "T.X. Long Mỹ" / "TP Cần Thơ" / "Q.1" into kind and name:
 * the prefixes read as unit matching reads them (units.ts), so prose names the same kind.
 */
export function splitPlaceName(raw: string): PlaceName {
  const { kind, rest } = splitUnitPrefix(raw);
  return { kind, name: rest };
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
