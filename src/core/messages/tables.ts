/**
 * Messages of the tables area (see params.ts). Each code: its params, its Vietnamese text, its English text.
 */
import type { Texts } from "./types";

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TablesParams {}

export const tablesVi: Texts<TablesParams> = {};

export const tablesEn: Texts<TablesParams> = {};
