/**
 * The two catalogues, Vietnamese and English, each one typed object over every message code
 * (a code without its text in either is a compile error), and `render`, which every shell uses.
 */
import { formatCount, formatPercent, joinList } from "../format";
import { quoteSheetName, sheetRef } from "../grid";
import type { Lang } from "../i18n";
import { crosswalkEn, crosswalkVi } from "./crosswalk";
import { filesEn, filesVi } from "./files";
import { historyEn, historyVi } from "./history";
import { optionsEn, optionsVi } from "./options";
import { paceEn, paceVi } from "./pace";
import { sheetsEn, sheetsVi } from "./sheets";
import { tablesEn, tablesVi } from "./tables";
import { settingFix, settingName } from "./settings";
import type { Catalogue, Message, MessageCode, Say, Text, Voice, Where } from "./types";

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = {
  vi: { ...tablesVi, ...sheetsVi, ...optionsVi, ...filesVi, ...crosswalkVi, ...historyVi, ...paceVi },
  en: { ...tablesEn, ...sheetsEn, ...optionsEn, ...filesEn, ...crosswalkEn, ...historyEn, ...paceEn },
};

const quoteSheet = quoteSheetName;

function place(w: Where | undefined, lang: Lang): string {
  if (!w) return "";
  const sheet = w.sheet !== undefined ? quoteSheet(w.sheet) : "";
  if (w.cell) return sheet ? `${sheet}!${w.cell}` : w.cell;
  const parts: string[] = [];
  if (w.column) parts.push(lang === "vi" ? `cột ${w.column}` : `column ${w.column}`);
  if (w.row !== undefined) parts.push(lang === "vi" ? `hàng ${w.row}` : `row ${w.row}`);
  return [sheet, ...parts].filter((s) => s !== "").join(", ");
}

export function sayFor(voice: Voice, where?: Where): Say {
  const { lang, shell } = voice;
  return {
    voice,
    at: place(where, lang),
    sheet: quoteSheet,
    cell: (sheet, cell) => sheetRef(sheet, cell),
    q: (text) => (lang === "vi" ? `“${text}”` : `"${text}"`),
    num: (x) => formatCount(x, lang),
    pct: (r) => formatPercent(r, lang),
    list: (items) => joinList(items, lang),
    setting: (s) => settingName(s, lang, shell),
    fix: (s) => settingFix(s, lang, shell),
    message: (m) => render(m, voice),
  };
}

/** One message as a sentence in the voice's language and shell. */
export function render(m: Message, voice: Voice): string {
  const text = CATALOGUES[voice.lang][m.code] as Text<Message["params"]>;
  return text(m.params, sayFor(voice, m.where));
}

/** The codes of a list of messages, for tests and logs. */
export function codesOf(ms: readonly Message[]): MessageCode[] {
  return ms.map((m) => m.code);
}

/** A message, typed by its code (so a wrong param is a compile error at the call). */
export function said<C extends MessageCode>(code: C, params: Message<C>["params"], where?: Where, setting?: Message["setting"]): Message<C> {
  return { code, params, ...(where ? { where } : {}), ...(setting ? { setting } : {}) };
}

/** A key that is equal for equal warnings (to say each once). */
export function saidKey(s: Message): string {
  return JSON.stringify([s.code, s.where ?? null, s.params]);
}

/** A warning's cell as "'Sheet'!E7" (or "" when it names none), to tell which column it is about. */
export function saidPlace(s: Message): string {
  return s.where?.cell !== undefined && s.where.sheet !== undefined ? sheetRef(s.where.sheet, s.where.cell) : "";
}
