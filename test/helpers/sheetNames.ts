/** Checks on the names of the sheets we write, shared by the tests of describe and of sheet names. */
import { legalSheetName } from "../../src/core/sheetSpec";

/** Characters Excel refuses in a sheet name. */
export const ILLEGAL_SHEET_CHARS = /[:\\/?*[\]]/;

/**
 * A name Excel takes as it is: at most 31 characters, none it refuses, no quote at either end, no
 * space around it, not empty — and legalSheetName leaves it unchanged, since that is what the
 * Office adapter compares.
 */
export function expectLegalSheetName(name: string): void {
  expect(Array.from(name).length).toBeLessThanOrEqual(31);
  expect(name).not.toMatch(ILLEGAL_SHEET_CHARS);
  expect(name).not.toMatch(/^'|'$/);
  expect(name.trim()).toBe(name);
  expect(name).not.toBe("");
  expect(legalSheetName(name)).toBe(name);
}
