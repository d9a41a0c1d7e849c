/**
 * Messages of the options area (see params.ts). Each code: its params, its Vietnamese text, its English text.
 */
import type { Texts } from "./types";

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OptionsParams {}

export const optionsVi: Texts<OptionsParams> = {};

export const optionsEn: Texts<OptionsParams> = {};
