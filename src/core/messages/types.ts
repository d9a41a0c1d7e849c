/**
 * Messages as data. The engine never writes a sentence: it says what happened as a code, where
 * (sheet, cell, column, row) and the figures that go with it; each shell renders that in the
 * user's language, its own way (the CLI names a flag, the pane names a field). Tests assert
 * codes and cells, never sentences.
 */
import type { Lang } from "../i18n";
import type { MessageParams } from "./params";

export type MessageCode = keyof MessageParams;

/** Where a message points, as Excel shows it: column letters, 1-based rows, A1 cells (without the sheet). */
export interface Where {
  readonly sheet?: string;
  readonly cell?: string;
  readonly column?: string;
  readonly row?: number;
}

/**
 * The setting a user changes to act on a message. The CLI names it as a flag (`--actuals`), the
 * pane as the field it shows (the sheet picker, the goal field), so the fix is offered where it is.
 */
export type Setting =
  | "targets"
  | "actuals"
  | "base"
  | "previous"
  | "crosswalk"
  | "map"
  | "goal"
  | "category"
  | "groupBy"
  | "asOf"
  | "periodStart"
  | "periodEnd"
  | "area"
  | "average"
  | "rank"
  | "lang"
  | "locale"
  | "out"
  | "input"
  | "lowest";

export interface Message<C extends MessageCode = MessageCode> {
  readonly code: C;
  readonly where?: Where;
  readonly params: MessageParams[C];
  /** The setting that fixes it, when one does: the pane shows the message next to that field. */
  readonly setting?: Setting;
}

/** Who is speaking: the language, and the shell (which decides how a fix is named). */
export type Shell = "cli" | "pane" | "ribbon" | "preview";

export interface Voice {
  readonly lang: Lang;
  readonly shell: Shell;
}

/**
 * What a catalogue entry may use besides its params: the place (`at`), and phrases in the
 * voice's language and shell. Numbers are formatted in the voice's language ("0,93" in
 * Vietnamese), so an entry never formats one itself.
 */
export interface Say {
  readonly voice: Voice;
  /** The message's place: "'Thực hiện'!E7", "'Thực hiện', cột E", "'Thực hiện', hàng 7", "'Thực hiện'", or "". */
  readonly at: string;
  /** A sheet's name as Excel quotes it: 'Thực hiện'. */
  sheet(name: string): string;
  /** A cell of a sheet: 'Thực hiện'!E7. */
  cell(sheet: string, cell: string): string;
  /** Text the user wrote, quoted: “Toàn tỉnh”. */
  q(text: string): string;
  /** A count or figure: 1.065.565 / 1,065,565. */
  num(x: number): string;
  /** A ratio as a percentage: 92,62% / 92.62%. */
  pct(ratio: number): string;
  /** A list: "a, b và c" / "a, b and c". */
  list(items: readonly string[]): string;
  /** How the user reaches a setting in this shell: "--actuals <trang tính>" / "ô “Trang tính thực hiện”". */
  setting(s: Setting): string;
  /** The imperative that changes it: "chọn ở ô “Trang tính thực hiện”" / "dùng --actuals <trang tính>". */
  fix(s: Setting): string;
  /** Another message in the same voice: the cause a message reports ("Không tính tăng trưởng …: <why>"). */
  message(m: Message): string;
}

export type Text<P> = (p: P, say: Say) => string;

/** A catalogue part: one text per code. A code without its text is a compile error. */
export type Texts<T> = { readonly [K in keyof T]-?: Text<T[K]> };

export type Catalogue = Texts<MessageParams>;
