/** One sample of each message of the tables area (src/core/messages/tables.ts), with realistic params. */
import type { Message } from "../../../src/core/messages";

export const TABLES_SAMPLES: readonly Message[] = [];
