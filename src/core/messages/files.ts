/**
 * Messages of the files area (see params.ts). Each code: its params, its Vietnamese text, its English text.
 */
import type { Texts } from "./types";

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FilesParams {}

export const filesVi: Texts<FilesParams> = {};

export const filesEn: Texts<FilesParams> = {};
