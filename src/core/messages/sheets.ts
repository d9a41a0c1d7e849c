/**
 * Messages of the sheets area (see params.ts). Each code: its params, its Vietnamese text, its English text.
 */
import type { Texts } from "./types";

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SheetsParams {}

export const sheetsVi: Texts<SheetsParams> = {};

export const sheetsEn: Texts<SheetsParams> = {};
