/**
 * An indicator as a sentence names it: the catalogue's full names ("bảo hiểm xã hội tự nguyện"),
 * or a custom indicator's own header words with its unit ("Thu nợ (triệu đồng)" → "thu nợ",
 * "triệu đồng"). Shared by the paragraph (narrative.ts) and its pace sentence (paceText.ts), which
 * also imports from narrative's neighbours: kept apart so neither imports the other.
 */
import type { Lang } from "./i18n";
import type { IndicatorResult } from "./results";

export interface ProseIndicator {
  /** "bảo hiểm xã hội tự nguyện" — the full name, lower case, as a sentence writes it. */
  readonly name: string;
  /** What is counted ("người"), or "" when the header does not say. */
  readonly unit: string;
  /** Catalogue indicators count people taking part: "có 12.853 người tham gia …". */
  readonly people: boolean;
}

const CATALOGUE_PROSE: Record<string, { vi: string; en: string }> = {
  "bhxh-bb": { vi: "bảo hiểm xã hội bắt buộc", en: "compulsory social insurance" },
  "bhxh-tn": { vi: "bảo hiểm xã hội tự nguyện", en: "voluntary social insurance" },
  bhtn: { vi: "bảo hiểm thất nghiệp", en: "unemployment insurance" },
  bhyt: { vi: "bảo hiểm y tế", en: "health insurance" },
  bhxh: { vi: "bảo hiểm xã hội", en: "social insurance" },
};

/** "Thu nợ (triệu đồng)" → "thu nợ", unit "triệu đồng"; an acronym keeps its capitals. */
function customProse(header: string, lang: Lang): ProseIndicator {
  const m = header.match(/^(.*?)\s*\(([^()]+)\)\s*$/);
  const base = (m ? m[1]! : header).trim() || header;
  const unit = m ? m[2]!.trim() : "";
  const second = base.charAt(1);
  const name = second && second === second.toLowerCase() && second !== second.toUpperCase() ? base.charAt(0).toLowerCase() + base.slice(1) : base;
  const people = /^(người|people|persons?)$/i.test(unit);
  return { name, unit: people ? (lang === "vi" ? "người" : "people") : unit, people: false };
}

export function indicatorProse(r: Pick<IndicatorResult, "indicatorKey" | "indicator" | "indicatorEn">, lang: Lang): ProseIndicator {
  // Catalogue keys (and the derived total, keyed "bhxh") are all in CATALOGUE_PROSE.
  const known = CATALOGUE_PROSE[r.indicatorKey];
  if (known) return { name: known[lang], unit: lang === "vi" ? "người" : "people", people: true };
  return customProse(lang === "vi" ? r.indicator : r.indicatorEn, lang);
}
