/**
 * The engine's own errors: everything a user can cause ends in one of these, with a message
 * that names the sheet, cell or column and says what to do. Shells show `message` as it is.
 */
export type ChitieuErrorCode =
  | "missing-sheet"
  | "no-table"
  | "duplicate-unit"
  | "no-indicators"
  | "no-units"
  | "no-match"
  | "bad-option"
  | "empty-sheet"
  | "not-a-worksheet"
  | "sheet-changed"
  | "write-failed"
  | "busy";

export class ChitieuError extends Error {
  readonly code: ChitieuErrorCode;
  readonly sheet?: string;
  readonly cell?: string;

  constructor(code: ChitieuErrorCode, message: string, where: { sheet?: string; cell?: string } = {}) {
    super(message);
    this.name = "ChitieuError";
    this.code = code;
    this.sheet = where.sheet;
    this.cell = where.cell;
  }
}

export function isChitieuError(e: unknown): e is ChitieuError {
  return e instanceof ChitieuError;
}
