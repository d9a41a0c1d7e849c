/**
 * The engine's own errors: everything a user can cause ends in one of these. `code` is the kind
 * (a contract: the JSON and the shells branch on it); `problem` is the message as data, which
 * each shell renders in the user's language naming its own way to fix it. `message` is the
 * Vietnamese sentence, for logs and anything that prints an Error as it is.
 */
import { render, type Message } from "./messages";

export type ChitieuErrorCode =
  | "missing-sheet"
  | "no-table"
  | "duplicate-unit"
  | "no-indicators"
  | "goal-not-applicable"
  | "no-units"
  | "no-match"
  | "bad-option"
  | "empty-sheet"
  | "not-a-worksheet"
  | "sheet-changed"
  | "read-failed"
  | "write-failed"
  | "bad-file"
  | "busy";

export class ChitieuError extends Error {
  readonly code: ChitieuErrorCode;
  readonly problem: Message;
  readonly sheet?: string;
  readonly cell?: string;

  constructor(code: ChitieuErrorCode, problem: Message) {
    super(render(problem, { lang: "vi", shell: "cli" }));
    this.name = "ChitieuError";
    this.code = code;
    this.problem = problem;
    this.sheet = problem.where?.sheet;
    this.cell = problem.where?.cell;
  }
}

export function isChitieuError(e: unknown): e is ChitieuError {
  return e instanceof ChitieuError;
}
