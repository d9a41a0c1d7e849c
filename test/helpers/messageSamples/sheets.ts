/** One sample of each message of the sheets area (src/core/messages/sheets.ts), with realistic params. */
import type { Message } from "../../../src/core/messages";

export const SHEETS_SAMPLES: readonly Message[] = [];
