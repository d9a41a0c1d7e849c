/** One sample of each message of the options area (src/core/messages/options.ts), with realistic params. */
import type { Message } from "../../../src/core/messages";

export const OPTIONS_SAMPLES: readonly Message[] = [];
