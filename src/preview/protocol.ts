/**
 * What the preview's page and its worker say to each other. The worker holds the exceljs workbook
 * and runs the port (and the whole pipeline); the page gets plain data only: sheet lists, grids
 * for the sheet view, the analysis and the outcome, the bytes to download. Everything here
 * crosses by structured clone, so nothing in it may be a class or a function — errors cross as
 * their code and message (data) and are made ChitieuErrors again on the page, so the pane still
 * renders them in the user's language.
 */
import { ChitieuError, ChitieuErrorCode } from "../core/errors";
import type { Message } from "../core/messages";
import type { Lang } from "../core/i18n";
import type { SheetGrid } from "../core/grid";
import type { SheetSpec } from "../core/sheetSpec";
import type { RunChoices, StoredSettings } from "../core/settings";
import { IndicatorResult, ResultColumns, Summary, resultColumns, resultFields, resultOver } from "../core/results";
import type { Analysis, Outcome } from "../workbook/recalculate";
import type { ReadOptions, SheetInfo, WrittenSheet } from "../workbook/port";
import type { SheetView } from "./sheetView";

/** A workbook the worker opened: its name and sheets, and the language its summary sheets are written in. */
export interface Opened {
  readonly name: string;
  readonly sheets: SheetInfo[];
  /** The saved output language (the sheet view formats numbers in it), else null. */
  readonly lang: Lang | null;
}

/** The requests, each with what it answers. */
export interface Calls {
  /** Read a file's bytes as a workbook; the previous workbook stays open when it cannot be read. */
  open: { args: { name: string; bytes: ArrayBuffer }; result: Opened };
  listSheets: { args: Record<string, never>; result: SheetInfo[] };
  readSheets: { args: { names: readonly string[]; options?: ReadOptions }; result: SheetGrid[] };
  writeSummary: { args: { specs: readonly SheetSpec[] }; result: WrittenSheet[] };
  loadSettings: { args: Record<string, never>; result: StoredSettings | null };
  saveSettings: { args: { settings: StoredSettings }; result: null };
  /** The pipeline, run in the worker: detection without writing; recalculate, write and remember. */
  analyze: { args: { choices: RunChoices }; result: WireAnalysis };
  recalculate: { args: { choices: RunChoices }; result: WireOutcome };
  /** A sheet as display cells, numbers in `lang`'s format (by default the output language: saved, or of the last recalculation). */
  view: { args: { sheet: string; lang?: Lang }; result: SheetView | null };
  /** The workbook as .xlsx bytes. */
  save: { args: Record<string, never>; result: ArrayBuffer };
}

export type Op = keyof Calls;

export interface Request<K extends Op = Op> {
  readonly id: number;
  readonly op: K;
  readonly args: Calls[K]["args"];
}

/** An error as data: the engine's (kind and message) or anything else (its text). */
export type WireError =
  | { readonly chitieu: true; readonly code: ChitieuErrorCode; readonly problem: Message }
  | { readonly chitieu: false; readonly name: string; readonly message: string };

export type Response =
  { readonly id: number; readonly ok: true; readonly value: unknown } | { readonly id: number; readonly ok: false; readonly error: WireError };

export function errorToWire(e: unknown): WireError {
  if (e instanceof ChitieuError) return { chitieu: true, code: e.code, problem: e.problem };
  if (e instanceof Error) return { chitieu: false, name: e.name, message: e.message };
  return { chitieu: false, name: "Error", message: String(e) };
}

/** The error again on the page: a ChitieuError (the pane renders its message in the user's language), or an Error. */
export function errorFromWire(w: WireError): Error {
  if (w.chitieu) return new ChitieuError(w.code, w.problem);
  const e = new Error(w.message);
  e.name = w.name;
  return e;
}

/**
 * A result as it crosses: its per-unit figures as the engine's columns (typed arrays copy as
 * blocks of memory), not as a `UnitResult` object per unit — 3,321 communes × 10 results would
 * be 33,000 objects for the page to rebuild while it should be drawing.
 */
export type WireResult = Omit<IndicatorResult, "units" | "columns"> & { readonly columns: ResultColumns };
export type WireSummary = Omit<Summary, "results"> & { readonly results: readonly WireResult[] };
/** The analysis without its sheet descriptions (the worker keeps and writes them; the pane never reads them). */
export type WireAnalysis = Omit<Analysis, "summary" | "specs"> & { readonly summary: WireSummary };
export type WireOutcome = WireAnalysis & { readonly written: WrittenSheet[] };

function resultToWire(r: IndicatorResult): WireResult {
  return { ...resultFields(r), columns: resultColumns(r) } as unknown as WireResult;
}

/** As the engine makes a result: `units` made from the columns when first read, the columns not enumerable. */
function resultFromWire(w: WireResult): IndicatorResult {
  const { columns, ...fields } = w;
  return resultOver(fields as Omit<IndicatorResult, "units" | "columns">, columns);
}

export function analysisToWire(a: Analysis): WireAnalysis {
  const { summary, specs: _specs, ...rest } = a;
  return { ...rest, summary: { ...summary, results: summary.results.map(resultToWire) } };
}

export function outcomeToWire(o: Outcome): WireOutcome {
  return { ...analysisToWire(o), written: o.written };
}

export function analysisFromWire(w: WireAnalysis): Analysis {
  return { ...w, summary: { ...w.summary, results: w.summary.results.map(resultFromWire) }, specs: [] };
}

export function outcomeFromWire(w: WireOutcome): Outcome {
  return { ...analysisFromWire(w), written: w.written };
}
