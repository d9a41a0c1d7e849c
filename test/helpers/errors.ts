/** The engine's errors in tests. */
import { ChitieuError } from "../../src/core/errors";

/** The ChitieuError that `f` throws; anything else it throws is rethrown, and not throwing fails. */
export function chitieuErrorOf(f: () => unknown): ChitieuError {
  try {
    f();
  } catch (e) {
    if (e instanceof ChitieuError) return e;
    throw e;
  }
  throw new Error("expected a ChitieuError, but nothing was thrown");
}
