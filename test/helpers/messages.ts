/**
 * One sample of every message code, with realistic params, so the catalogue test renders each
 * text in both languages and every shell. A new code needs its sample in its area's file.
 */
import type { Message, MessageCode } from "../../src/core/messages";
import { CROSSWALK_SAMPLES } from "./messageSamples/crosswalk";
import { FILES_SAMPLES } from "./messageSamples/files";
import { HISTORY_SAMPLES } from "./messageSamples/history";
import { OPTIONS_SAMPLES } from "./messageSamples/options";
import { PACE_SAMPLES } from "./messageSamples/pace";
import { SHEETS_SAMPLES } from "./messageSamples/sheets";
import { TABLES_SAMPLES } from "./messageSamples/tables";

export const SAMPLE_MESSAGES: readonly Message[] = [
  ...TABLES_SAMPLES,
  ...SHEETS_SAMPLES,
  ...OPTIONS_SAMPLES,
  ...FILES_SAMPLES,
  ...CROSSWALK_SAMPLES,
  ...HISTORY_SAMPLES,
  ...PACE_SAMPLES,
];

/** The codes of warnings or notes, in order. */
export function codes(list: readonly Message[]): string[] {
  return list.map((s) => s.code);
}

/** The messages of one code, typed by it. */
export function withCode<C extends MessageCode>(list: readonly Message[], code: C): Message<C>[] {
  return list.filter((s): s is Message<C> => typeof s !== "string" && s.code === code);
}
