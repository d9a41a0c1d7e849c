/**
 * The record of which summary sheets are ours, kept by the exceljs adapter (CLI, preview) in a
 * very hidden sheet: one JSON text in A1, { summarySheets, settings }. The Office.js adapter reads
 * it too (a file last written by the CLI) and keeps it current when it writes; both read it here.
 */
import { StoredSettings, parseSettings } from "../core/settings";

/** The hidden sheet that records which sheets are ours and the saved choices. */
export const META_SHEET = "_ChiTieu";

export interface MetaRecord {
  summarySheets: string[];
  settings: StoredSettings | null;
}

/** The record in A1's value; an empty one when there is none or it cannot be read. */
export function parseMeta(text: unknown): MetaRecord {
  try {
    const raw = JSON.parse(typeof text === "string" && text !== "" ? text : "{}") as Record<string, unknown>;
    const names = Array.isArray(raw.summarySheets) ? raw.summarySheets.filter((x): x is string => typeof x === "string") : [];
    return { summarySheets: names, settings: parseSettings(raw.settings) };
  } catch {
    return { summarySheets: [], settings: null };
  }
}
