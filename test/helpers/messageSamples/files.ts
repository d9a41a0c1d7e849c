/** One sample of each message of the files area (src/core/messages/files.ts), with realistic params. */
import type { Message } from "../../../src/core/messages";

export const FILES_SAMPLES: readonly Message[] = [];
