/**
 * One sample of every message code, with realistic params, so the catalogue test renders each
 * text in both languages and every shell. A new code needs its sample in its area's file.
 */
import { said, type Message, type MessageCode, type Said } from "../../src/core/messages";
import { FILES_SAMPLES } from "./messageSamples/files";
import { OPTIONS_SAMPLES } from "./messageSamples/options";
import { SHEETS_SAMPLES } from "./messageSamples/sheets";
import { TABLES_SAMPLES } from "./messageSamples/tables";

export const SAMPLE_MESSAGES: readonly Message[] = [said("legacy", { text: "Không dùng" }), ...TABLES_SAMPLES, ...SHEETS_SAMPLES, ...OPTIONS_SAMPLES, ...FILES_SAMPLES];

/** The codes of warnings or notes, in order (a sentence not yet moved to the catalogue counts as "legacy"). */
export function codes(list: readonly Said[]): string[] {
  return list.map((s) => (typeof s === "string" ? "legacy" : s.code));
}

/** The messages of one code, typed by it. */
export function withCode<C extends MessageCode>(list: readonly Said[], code: C): Message<C>[] {
  return list.filter((s): s is Message<C> => typeof s !== "string" && s.code === code);
}
